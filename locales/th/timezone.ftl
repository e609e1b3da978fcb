time-zone-title = เขตเวลา
time-zone-label = เขตเวลา
time-zone-now = เวลาปัจจุบันของบริษัท
time-zone-hint = "วันนี้" วันที่ตั้งต้น และเวลาทุกรายการที่แสดง (บันทึกการตรวจสอบ การเข้าสู่ระบบ การนำเข้า) เป็นไปตามเขตเวลาของบริษัท และระบุเขตเวลากำกับไว้
time-zone-field = เปลี่ยนเขตเวลา
time-zone-field-hint = ชื่อเขตเวลาแบบ IANA เช่น Asia/Bangkok, Asia/Ho_Chi_Minh, Asia/Jakarta หรือ Europe/Berlin
time-zone-submit = เปลี่ยนเขตเวลา
time-zone-changed = เขตเวลาของบริษัทตอนนี้คือ { $zone }
time-zone-error-unknown = "{ $zone }" ไม่ใช่เขตเวลาที่รู้จัก โปรดใช้ชื่อแบบ IANA เช่น Asia/Bangkok
time-zone-account-title = บัญชีของคุณ
time-zone-years-title = วันที่
time-zone-years-legend = แสดงปีเป็น
time-zone-years-gregorian = ปีคริสต์ศักราช (ค.ศ.)
time-zone-years-buddhist = ปีพุทธศักราช (พ.ศ. = ค.ศ. + 543)
time-zone-years-inputs = การตั้งค่านี้เปลี่ยนเฉพาะการแสดงวันที่สำหรับคุณ วันที่ยังคงบันทึกเป็นคริสต์ศักราช และช่องกรอกวันที่ทุกช่องรับและแสดงวันที่แบบคริสต์ศักราชในรูปแบบ YYYY-MM-DD เสมอ (วันนี้: { $today })
time-zone-years-changed = บันทึกการแสดงวันที่ของคุณแล้ว
time-zone-error-year-style = โปรดเลือกปีคริสต์ศักราชหรือปีพุทธศักราช
