# The launcher's own pages (unknown host, starting, unavailable).
door-unknown-title = ไม่พบบริษัท
door-unknown-text = ไม่มีบริษัทใดให้บริการที่ที่อยู่นี้
door-starting-title = กำลังเริ่มระบบ
door-starting-text = ระบบของบริษัทนี้กำลังเริ่มทำงาน หน้าเว็บจะพร้อมใช้งานในอีกไม่กี่วินาที
door-restarting-text = ระบบของบริษัทนี้กำลังเริ่มใหม่ กรุณาลองอีกครั้งในอีกไม่กี่วินาที
door-unavailable-title = บริษัทไม่พร้อมให้บริการ
door-unavailable-text = ขณะนี้บริษัทนี้ไม่พร้อมให้บริการ กรุณาติดต่อฝ่ายสนับสนุนของแพลตฟอร์ม
door-bad-request-title = คำขอไม่ถูกต้อง
door-bad-request-text = ไม่สามารถอ่านที่อยู่นี้ได้
