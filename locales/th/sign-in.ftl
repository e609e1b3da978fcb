sign-in-title = เข้าสู่ระบบ
sign-in-email = อีเมล
sign-in-password = รหัสผ่าน
sign-in-submit = เข้าสู่ระบบ
sign-in-forgot = ลืมรหัสผ่าน? กรุณาติดต่อผู้ดูแลระบบของบริษัทคุณเพื่อรีเซ็ตรหัสผ่าน
sign-in-error-invalid = อีเมลหรือรหัสผ่านไม่ถูกต้อง
sign-in-error-throttled = เข้าสู่ระบบไม่สำเร็จหลายครั้งเกินไป กรุณาลองใหม่ในอีก { $minutes } นาที
sign-in-signed-out = คุณออกจากระบบแล้ว
