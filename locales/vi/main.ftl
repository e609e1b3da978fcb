# Từ dùng chung: điều hướng, danh sách, biểu mẫu, vai trò, trang báo lỗi.

nav-label = Menu chính
nav-dashboard = Bảng điều khiển
nav-settings = Cài đặt
nav-language = Ngôn ngữ
nav-language-apply = Đổi
nav-change-password = Đổi mật khẩu
nav-sign-out = Đăng xuất

list-search = Tìm kiếm
list-filter = Lọc
list-clear = Xóa bộ lọc
list-pages = Trang
list-prev = ← Trước
list-next = Sau →
list-page-of = Trang { $page } / { $pages }
list-empty-page = Trang này không có dòng nào: danh sách có { $pages } trang.
list-last-page = Đến trang cuối

form-save = Lưu

role-admin = Quản trị viên
role-manager = Quản lý
role-sales = Kinh doanh
role-operations = Điều hành
role-accountant = Kế toán
role-viewer = Chỉ xem
role-admin-description = Mọi thứ, cùng tài khoản nhân viên, cài đặt và nhật ký kiểm tra.
role-manager-description = Toàn bộ dữ liệu gốc, từ nhà cung cấp đến tỷ giá; cài đặt của công ty.
role-sales-description = Đại lý khách hàng — điều khoản, người liên hệ, ngôn ngữ; xem nhà cung cấp, hướng dẫn viên và tỷ giá để báo giá.
role-operations-description = Nhà cung cấp, giá và phương tiện, và hướng dẫn viên; xem khách hàng và tỷ giá.
role-accountant-description = Tỷ giá; xem toàn bộ dữ liệu gốc.
role-viewer-description = Xem toàn bộ dữ liệu gốc; không thay đổi gì.

error-back-home = Quay lại bảng điều khiển
error-bad-request = Không thể hiểu yêu cầu này.
error-bad-form = Không thể đọc biểu mẫu: { $detail }
error-bad-query = Địa chỉ này chứa giá trị không đọc được: chẳng hạn số trang phải là số nguyên.
error-forbidden = Bạn không có quyền thực hiện thao tác này, hoặc biểu mẫu đã hết hạn. Hãy tải lại trang và thử lại.
error-not-found = Trang này không tồn tại.
error-method-not-allowed = Trang này không chấp nhận loại yêu cầu đó.
error-too-large = Dữ liệu gửi lên quá lớn.
error-misdirected = Địa chỉ này không thuộc về công ty này.
error-unprocessable = Một số trường cần được sửa lại.
error-too-many-requests = Quá nhiều yêu cầu. Vui lòng đợi một lát rồi thử lại.
error-unavailable = Dịch vụ tạm thời không khả dụng. Vui lòng thử lại sau ít phút.
error-internal = Đã xảy ra lỗi từ phía hệ thống. Sự cố đã được ghi lại.
error-archived = Bản ghi này đã được lưu trữ; hãy khôi phục trước khi sửa.
