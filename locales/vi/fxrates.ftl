fxrates-latest-title = Tỷ giá mới nhất
fxrates-as-of = Tỷ giá ngày
fxrates-show = Hiển thị
fxrates-stale-rule = Tỷ giá của một cặp tiền bị coi là cũ khi tỷ giá mới nhất đã từ { $days } ngày trở lên vào ngày { $date }. Tỷ giá tính ra cũ bằng tỷ giá đã lưu cũ nhất mà nó dựa vào.
fxrates-stale-summary = { $stale ->
    [0] Cả { $pairs } cặp tiền đều là tỷ giá hiện hành.
   *[other] { $stale } trong { $pairs } cặp tiền đã cũ.
    }
fxrates-stored-caption = Tỷ giá đã lưu: tỷ giá mới nhất của từng cặp
fxrates-computed-caption = Được tính từ các tỷ giá đã lưu ở trên mỗi khi trang này hiển thị, và không bao giờ được lưu: nghịch đảo của từng cặp đã lưu, và tỷ giá sang và từ đồng tiền hạch toán. Các cặp khác có thể tính ở dưới.
fxrates-col-age = Tuổi
fxrates-col-basis = Cách tính
fxrates-age = { $days ->
    [0] hôm nay
   *[other] { $days } ngày trước
    }
fxrates-stale = Cũ
fxrates-current = Hiện hành
fxrates-computed = Tính ra
fxrates-basis-stored = Tỷ giá đã lưu
fxrates-basis-inverse = Nghịch đảo của { $pair }: 1 ÷ tỷ giá đó
fxrates-basis-cross = Tỷ giá chéo qua { $via }, từ { $first } và { $second }
fxrates-none-yet = Không có tỷ giá nào vào hoặc trước ngày này.
fxrates-lookup-title = Tỷ giá giữa hai loại tiền bất kỳ
fxrates-choose = Chọn…
fxrates-lookup-go = Tính
fxrates-lookup-both = Hãy chọn cả hai loại tiền.
fxrates-lookup-none = Không có tỷ giá nào nối { $from } với { $to } vào ngày { $date }: không có tỷ giá đã lưu của cặp này, không có nghịch đảo của nó, và không có tỷ giá chéo qua một đồng tiền chung.
fxrates-delete = Xóa
fxrates-delete-title = Xóa tỷ giá
fxrates-delete-question = Xóa tỷ giá { $pair } ngày { $date } ({ $rate })?
fxrates-delete-hint = Chỉ xóa được tỷ giá chưa được chứng từ đã ghi sổ nào sử dụng. Nhật ký kiểm tra vẫn giữ giá trị cũ.
fxrates-cancel = Hủy
fxrates-back-to-list = Quay lại danh sách tỷ giá
fxrates-deleted = Đã xóa tỷ giá { $pair } ngày { $date }.
fxrates-page-number = Trang { $page }
fxrates-computed-title = Tỷ giá tính ra
fxrates-add-rate = Thêm tỷ giá
