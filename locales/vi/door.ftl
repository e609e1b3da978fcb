# The launcher's own pages (unknown host, starting, unavailable).
door-unknown-title = Không tìm thấy công ty
door-unknown-text = Không có công ty nào ở địa chỉ này.
door-starting-title = Đang khởi động
door-starting-text = Dịch vụ của công ty này đang khởi động. Trang sẽ sẵn sàng sau vài giây.
door-restarting-text = Dịch vụ của công ty này đang khởi động lại. Vui lòng thử lại sau vài giây.
door-unavailable-title = Công ty tạm ngừng phục vụ
door-unavailable-text = Công ty này hiện không khả dụng. Vui lòng liên hệ bộ phận hỗ trợ của nền tảng.
door-bad-request-title = Yêu cầu không hợp lệ
door-bad-request-text = Không thể đọc địa chỉ này.
