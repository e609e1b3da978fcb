time-zone-title = Múi giờ
time-zone-label = Múi giờ
time-zone-now = Giờ hiện tại tại công ty
time-zone-hint = "Hôm nay", ngày mặc định và mọi thời điểm hiển thị (nhật ký kiểm tra, đăng nhập, nhập dữ liệu) đều theo múi giờ của công ty và được ghi kèm múi giờ đó.
time-zone-field = Đổi múi giờ
time-zone-field-hint = Tên múi giờ IANA, ví dụ Asia/Bangkok, Asia/Ho_Chi_Minh, Asia/Jakarta hoặc Europe/Berlin.
time-zone-submit = Đổi múi giờ
time-zone-changed = Múi giờ của công ty bây giờ là { $zone }.
time-zone-error-unknown = "{ $zone }" không phải là múi giờ đã biết. Hãy dùng tên IANA, ví dụ Asia/Bangkok.
time-zone-account-title = Tài khoản của bạn
time-zone-years-title = Ngày tháng
time-zone-years-legend = Hiển thị năm theo
time-zone-years-gregorian = Năm dương lịch (Công nguyên)
time-zone-years-buddhist = Năm Phật lịch (PL = năm dương lịch + 543)
time-zone-years-inputs = Thiết lập này chỉ thay đổi cách hiển thị ngày cho bạn. Ngày vẫn được lưu theo dương lịch, và các ô nhập ngày luôn nhận và hiển thị ngày dương lịch theo dạng YYYY-MM-DD (hôm nay: { $today }).
time-zone-years-changed = Đã lưu cách hiển thị ngày của bạn.
time-zone-error-year-style = Hãy chọn năm dương lịch hoặc năm Phật lịch.
