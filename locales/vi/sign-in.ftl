sign-in-title = Đăng nhập
sign-in-email = Email
sign-in-password = Mật khẩu
sign-in-submit = Đăng nhập
sign-in-forgot = Quên mật khẩu? Hãy liên hệ quản trị viên của công ty để đặt lại.
sign-in-error-invalid = Email hoặc mật khẩu không đúng.
sign-in-error-throttled = Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau { $minutes } phút.
sign-in-signed-out = Bạn đã đăng xuất.
