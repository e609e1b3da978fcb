sign-in-title = 登录
sign-in-email = 电子邮箱
sign-in-password = 密码
sign-in-submit = 登录
sign-in-forgot = 忘记密码？请联系本旅行社的管理员重置密码。
sign-in-error-invalid = 电子邮箱或密码不正确。
sign-in-error-throttled = 登录失败次数过多，请在 { $minutes } 分钟后重试。
sign-in-signed-out = 您已退出登录。
