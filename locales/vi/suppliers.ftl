suppliers-kinds = Loại nhà cung cấp
suppliers-hotels = Khách sạn
suppliers-transport = Vận chuyển
suppliers-restaurants = Nhà hàng
suppliers-attractions = Điểm tham quan
suppliers-shops = Cửa hàng
suppliers-new-hotel = Thêm khách sạn
suppliers-new-transport = Thêm công ty vận chuyển
suppliers-new-restaurant = Thêm nhà hàng
suppliers-new-attraction = Thêm điểm tham quan
suppliers-new-shop = Thêm cửa hàng
suppliers-edit-title = { $kind ->
        [hotel] Sửa khách sạn
        [transport] Sửa công ty vận chuyển
        [restaurant] Sửa nhà hàng
        [attraction] Sửa điểm tham quan
        [shop] Sửa cửa hàng
       *[other] Sửa nhà cung cấp
    }
suppliers-search-placeholder = Tên hoặc thành phố
suppliers-empty = Chưa có. Hãy thêm mục đầu tiên hoặc nhập bảng giá.
suppliers-col-name = Tên
suppliers-col-city = Thành phố
suppliers-col-country = Quốc gia
suppliers-col-stars = Hạng sao
suppliers-col-contact = Liên hệ
suppliers-col-currency = Tiền tệ
suppliers-local-name = Tên bằng chữ địa phương
suppliers-local-name-hint = Theo cách viết địa phương, ví dụ โรงแรม hoặc 酒店.
suppliers-phone = Điện thoại
suppliers-email = E-mail
suppliers-address = Địa chỉ
suppliers-notes = Ghi chú
suppliers-breakfast = Bữa sáng mỗi khách
suppliers-lunch = Bữa trưa mỗi khách
suppliers-dinner = Bữa tối mỗi khách
suppliers-adult = Vé người lớn
suppliers-child = Vé trẻ em
suppliers-shop-kind = Mặt hàng
suppliers-commission = Hoa hồng
suppliers-commission-basis = Cách tính hoa hồng
suppliers-basis-percent = Phần trăm doanh số
suppliers-basis-per-head = Số tiền mỗi khách
suppliers-commission-percent = Hoa hồng % doanh số
suppliers-commission-per-head = Hoa hồng mỗi khách
suppliers-split = Chia công ty / HDV / tài xế
suppliers-split-agency = Phần công ty %
suppliers-split-guide = Phần HDV %
suppliers-split-driver = Phần tài xế %
suppliers-split-hint = Ba phần phải cộng lại bằng 100 %.
suppliers-error-split = Các phần cộng lại bằng { $total } %, không phải 100 %.
suppliers-error-percent = Phần trăm phải từ 0 đến 100.
suppliers-created = { $kind ->
        [hotel] Đã lưu khách sạn.
        [transport] Đã lưu công ty vận chuyển.
        [restaurant] Đã lưu nhà hàng.
        [attraction] Đã lưu điểm tham quan.
        [shop] Đã lưu cửa hàng.
       *[other] Đã lưu nhà cung cấp.
    }
suppliers-updated = Đã lưu thay đổi.
suppliers-archived = { $kind ->
        [hotel] Đã lưu trữ khách sạn.
        [transport] Đã lưu trữ công ty vận chuyển.
        [restaurant] Đã lưu trữ nhà hàng.
        [attraction] Đã lưu trữ điểm tham quan.
        [shop] Đã lưu trữ cửa hàng.
       *[other] Đã lưu trữ nhà cung cấp.
    }
suppliers-restored = { $kind ->
        [hotel] Đã khôi phục khách sạn.
        [transport] Đã khôi phục công ty vận chuyển.
        [restaurant] Đã khôi phục nhà hàng.
        [attraction] Đã khôi phục điểm tham quan.
        [shop] Đã khôi phục cửa hàng.
       *[other] Đã khôi phục nhà cung cấp.
    }
rooms-title = Loại phòng và giá hợp đồng
rooms-empty = Chưa có loại phòng.
rooms-add = Thêm loại phòng
rooms-name = Loại phòng
rooms-kind = Hạng
rooms-room-type = Loại phòng
rooms-max-occupancy = Số người tối đa
rooms-archive = Lưu trữ loại phòng
rooms-archived = Đã lưu trữ loại phòng cùng các giá.
rooms-created = Đã thêm loại phòng.
rooms-error-name-taken = Khách sạn này đã có loại phòng cùng tên.
room-single = Phòng đơn
room-twin = Phòng hai giường
room-double = Phòng đôi
room-triple = Phòng ba
room-family = Phòng gia đình
rates-add = Thêm giá theo mùa
rates-season = Mùa
rates-from = Từ ngày
rates-to = Đến ngày
rates-per-night = Giá mỗi phòng mỗi đêm
rates-none = Chưa có giá.
rates-created = Đã thêm giá.
rates-archived = Đã lưu trữ giá.
rates-error-dates = Ngày kết thúc không được trước ngày bắt đầu.
rates-error-overlap = Những ngày này trùng với mùa “{ $season }” ({ $from } – { $to }) của loại phòng này.
vehicles-title = Phương tiện và giá
vehicles-empty = Chưa có phương tiện.
vehicles-add = Thêm phương tiện
vehicles-type = Loại xe
vehicles-seats = Số chỗ
vehicles-plate = Biển số
vehicles-day-rate = Giá mỗi ngày
vehicles-transfer-rate = Giá mỗi lượt đưa đón
vehicles-created = Đã thêm phương tiện.
vehicles-archived = Đã lưu trữ phương tiện.
rooms-edit-title = Sửa loại phòng
rooms-updated = Đã lưu loại phòng.
rooms-rate-edit-title = Sửa giá theo mùa
rooms-rate-updated = Đã lưu giá theo mùa.
