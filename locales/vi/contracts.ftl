# Hợp đồng khách sạn: thời hạn hiệu lực, điều khoản giá, phụ thu cao điểm, quỹ phòng (allotment), kiểm tra giá.
contracts-title = Hợp đồng
contracts-none = Chưa có ngày hợp đồng: hãy nhập để hệ thống từ chối giá nằm ngoài hợp đồng và cảnh báo khi hợp đồng hết hạn.
contracts-set = Nhập ngày hợp đồng
contracts-edit = Sửa hợp đồng
contracts-reference = Số hợp đồng
contracts-validity = Hiệu lực
contracts-valid-from = Hiệu lực từ
contracts-valid-to = Hiệu lực đến
contracts-saved = Đã lưu hợp đồng.
contracts-expiring = Hợp đồng này kết thúc ngày { $to }: hãy gia hạn trước khi các giá hết hiệu lực.
contracts-expired = Hợp đồng này đã kết thúc ngày { $to }: phòng sau ngày đó không có giá hợp đồng.
contracts-terms = Điều khoản
contracts-complimentary = Miễn phí (cố ý để 0,00)
contracts-min-nights = Số đêm tối thiểu
contracts-extra-bed = Giường phụ mỗi đêm
contracts-child-rate = Giá trẻ em mỗi đêm
contracts-child-from = Tuổi trẻ em từ
contracts-child-to = Tuổi trẻ em đến
contracts-breakfast = Bữa sáng
contracts-breakfast-included = Đã gồm bữa sáng
contracts-breakfast-extra = Bữa sáng tính giá mỗi khách
contracts-breakfast-none = Không có bữa sáng
contracts-breakfast-price = Bữa sáng mỗi khách
contracts-single-supplement = Phụ thu phòng đơn
contracts-single-supplement-hint = Cộng vào giá phòng khi một người lớn ở một mình trong phòng.
contracts-term-extra-bed = Giường phụ { $amount }
contracts-term-child = Trẻ em { $from }–{ $to } tuổi { $amount }
contracts-term-breakfast = Bữa sáng { $amount } mỗi khách
contracts-term-single = Phụ thu phòng đơn { $amount }
contracts-term-min-nights = tối thiểu { $nights } đêm
contracts-peaks = Phụ thu cao điểm
contracts-peaks-hint = Khoản phụ thu mỗi phòng mỗi đêm, cộng thêm vào giá theo mùa (Giáng sinh, Tết Nguyên đán, Songkran).
contracts-peaks-empty = Không có phụ thu cao điểm.
contracts-peak-add = Thêm phụ thu cao điểm
contracts-peak-name = Dịp cao điểm
contracts-peak-amount = Phụ thu mỗi phòng mỗi đêm
contracts-peak-created = Đã thêm phụ thu cao điểm.
contracts-peak-archived = Đã lưu trữ phụ thu cao điểm.
contracts-peak-restored = Đã khôi phục phụ thu cao điểm.
contracts-all-room-types = Tất cả loại phòng
contracts-allotments = Quỹ phòng (allotment)
contracts-allotments-empty = Chưa giữ phòng nào.
contracts-allotment-add = Thêm quỹ phòng
contracts-allotment-rooms = Số phòng mỗi đêm
contracts-release-days = Số ngày nhả phòng
contracts-release-days-hint = Phòng chưa được đặt khi còn số ngày này trước đêm lưu trú sẽ được trả lại cho khách sạn.
contracts-allotment-created = Đã thêm quỹ phòng.
contracts-allotment-archived = Đã lưu trữ quỹ phòng.
contracts-allotment-restored = Đã khôi phục quỹ phòng.
contracts-price-title = Kiểm tra giá
contracts-price-check = Xem giá
contracts-check-in = Ngày nhận phòng
contracts-nights = Số đêm
contracts-adults = Người lớn
contracts-child-ages = Tuổi trẻ em
contracts-child-ages-hint = Các tuổi cách nhau bằng dấu phẩy, ví dụ 4, 9.
contracts-extra-beds = Giường phụ
contracts-with-breakfast = Kèm bữa sáng
contracts-night = Đêm
contracts-line = Khoản
contracts-amount = Số tiền
contracts-night-total = Tổng mỗi đêm
contracts-stay-total = Tổng cả kỳ lưu trú
contracts-line-room = Phòng, { $season }
contracts-line-complimentary = Phòng, { $season } (miễn phí)
contracts-line-single = Phụ thu phòng đơn
contracts-line-extra-bed = { $count ->
    [one] Giường phụ
   *[other] { $count } giường phụ
}
contracts-line-child = Trẻ em, { $age } tuổi
contracts-line-infant = Trẻ em, { $age } tuổi (miễn phí)
contracts-line-breakfast = Bữa sáng, { $persons } khách
contracts-line-peak = Phụ thu cao điểm: { $name }
contracts-error-zero-rate = Giá 0,00 phải được đánh dấu là miễn phí.
contracts-error-paid-complimentary = Giá miễn phí là 0,00: hãy bỏ chọn ô hoặc xóa số tiền.
contracts-error-negative = Số tiền không được âm.
contracts-error-child-band = Độ tuổi trẻ em phải đi từ thấp đến cao, tối đa { $age } tuổi.
contracts-error-child-rate = Hãy nhập giá trẻ em cho độ tuổi này, hoặc để trống độ tuổi.
contracts-error-child-ages = Nhập tuổi trẻ em là số nguyên từ 0 đến 17, cách nhau bằng dấu phẩy.
contracts-error-min-nights = Số đêm tối thiểu phải từ 1 đến { $max }.
contracts-error-allotment = Số phòng phải từ 1 đến 999 và số ngày nhả phòng từ 0 đến 365.
contracts-error-validity = Ngày kết thúc hợp đồng không được trước đêm đầu tiên.
contracts-error-overlap = Trùng với { $name } ({ $from } – { $to }).
contracts-error-rate-outside = Giá “{ $season }” ({ $from } – { $to }) nằm ngoài khoảng ngày này: hãy lưu trữ giá đó hoặc mở rộng hợp đồng.
contracts-error-outside = Mùa này nằm ngoài thời hạn hợp đồng của khách sạn ({ $from } – { $to }).
contracts-error-room-type-archived = Hãy khôi phục loại phòng trước.
contracts-price-outside = Đêm { $night } nằm ngoài hợp đồng ({ $from } – { $to }).
contracts-price-no-rate = Không có giá nào áp dụng cho đêm { $night }.
contracts-price-no-adult = Mỗi phòng cần ít nhất một người lớn.
contracts-price-over-occupancy = { $persons } khách vượt quá số người tối đa của phòng ({ $max }).
contracts-price-no-extra-bed = Hợp đồng không có giường phụ cho mùa này.
contracts-price-no-child-rate = Hợp đồng không có giá trẻ em cho trẻ { $age } tuổi.
contracts-price-no-breakfast = Khách sạn không phục vụ bữa sáng trong mùa này.
contracts-price-currency = Phụ thu cao điểm “{ $name }” tính bằng loại tiền khác với giá phòng.
contracts-price-min-nights = { $name } yêu cầu ở tối thiểu { $nights } đêm.
contracts-price-nights = Thời gian lưu trú từ 1 đến { $max } đêm.
contracts-price-overflow = Số tiền quá lớn.
rooms-restored = Đã khôi phục loại phòng cùng các giá đã được lưu trữ theo nó.
rates-restored = Đã khôi phục giá.
vehicles-restored = Đã khôi phục phương tiện.
confirm-archive = Lưu trữ “{ $name }”?
confirm-archive-room-type = Các giá của loại phòng này sẽ được lưu trữ cùng, và được khôi phục cùng nếu loại phòng được khôi phục.
confirm-cancel = Hủy
contacts-restored = Đã khôi phục người liên hệ.
suppliers-duplicate = Đã có { $kind ->
    [hotel] khách sạn
    [transport] công ty vận chuyển
    [restaurant] nhà hàng
    [attraction] điểm tham quan
   *[other] cửa hàng
} tên “{ $name }” ở { $city }{ $archived ->
    [yes] {" "}(đã lưu trữ)
   *[other] {""}
}. Có phải là cùng một nơi không?
suppliers-duplicate-open = Mở “{ $name }”
suppliers-duplicate-confirm = Đây là nơi khác: vẫn tạo mới
contracts-child-ages-column = Độ tuổi trẻ em
contracts-child-ages-note = Độ tuổi tính giá trẻ em, từ–đến, ví dụ 4-11.
contracts-complimentary-column = Miễn phí
contracts-error-child-ages-column = ghi độ tuổi từ–đến, ví dụ 4-11, tối đa 17
contracts-error-breakfast-price = ghi giá bữa sáng khi bữa sáng được bán riêng
contracts-held = Quỹ phòng (allotment) giữ { $rooms } phòng loại này cho đêm { $night }, đến ngày nhả phòng { $release }.
contracts-held-released = { $rooms } phòng giữ cho đêm { $night } đã được nhả lại cho khách sạn ngày { $release }.
contracts-peak-edit-title = Sửa phụ thu cao điểm
contracts-peak-updated = Đã lưu phụ thu cao điểm.
contracts-allotment-edit-title = Sửa quỹ phòng
contracts-allotment-updated = Đã lưu quỹ phòng.
