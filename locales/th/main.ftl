# คำที่ใช้ร่วมกัน: เมนูนำทาง รายการ แบบฟอร์ม บทบาท และหน้าแสดงข้อผิดพลาด

nav-label = เมนูหลัก
nav-dashboard = แดชบอร์ด
nav-settings = การตั้งค่า
nav-language = ภาษา
nav-language-apply = เปลี่ยน
nav-change-password = เปลี่ยนรหัสผ่าน
nav-sign-out = ออกจากระบบ

list-search = ค้นหา
list-filter = กรอง
list-clear = ล้าง
list-pages = หน้า
list-prev = ← ก่อนหน้า
list-next = ถัดไป →
list-page-of = หน้า { $page } จาก { $pages }
list-empty-page = ไม่มีรายการในหน้านี้ รายการนี้มีทั้งหมด { $pages } หน้า
list-last-page = ไปที่หน้าสุดท้าย

form-save = บันทึก

role-admin = ผู้ดูแลระบบ
role-manager = ผู้จัดการ
role-sales = ฝ่ายขาย
role-operations = ฝ่ายปฏิบัติการ
role-accountant = ฝ่ายบัญชี
role-viewer = ผู้ดูอย่างเดียว
role-admin-description = ทุกอย่าง รวมทั้งบัญชีพนักงาน การตั้งค่า และบันทึกการตรวจสอบ
role-manager-description = ข้อมูลหลักทั้งหมด ตั้งแต่ซัพพลายเออร์ถึงอัตราแลกเปลี่ยน และการตั้งค่าของบริษัท
role-sales-description = บริษัทลูกค้า — เงื่อนไข ผู้ติดต่อ ภาษา ดูซัพพลายเออร์ ไกด์ และอัตราเพื่อเสนอราคา
role-operations-description = ซัพพลายเออร์ ราคาและยานพาหนะ และไกด์ ดูลูกค้าและอัตราแลกเปลี่ยน
role-accountant-description = อัตราแลกเปลี่ยน ดูข้อมูลหลักทั้งหมด
role-viewer-description = ดูข้อมูลหลักทั้งหมด ไม่แก้ไขสิ่งใด

error-back-home = กลับไปที่แดชบอร์ด
error-bad-request = ไม่สามารถประมวลผลคำขอได้
error-bad-form = ไม่สามารถอ่านข้อมูลในแบบฟอร์มได้: { $detail }
error-bad-query = ที่อยู่นี้มีค่าที่อ่านไม่ได้ เช่น หมายเลขหน้าต้องเป็นจำนวนเต็ม
error-forbidden = คุณไม่มีสิทธิ์ดำเนินการนี้ หรือแบบฟอร์มหมดอายุแล้ว กรุณาโหลดหน้านี้ใหม่แล้วลองอีกครั้ง
error-not-found = ไม่พบหน้านี้
error-method-not-allowed = หน้านี้ไม่รองรับคำขอประเภทนี้
error-too-large = ข้อมูลที่ส่งมีขนาดใหญ่เกินไป
error-misdirected = ที่อยู่นี้ไม่ได้เป็นของบริษัทนี้
error-unprocessable = มีบางช่องที่ต้องแก้ไข
error-too-many-requests = มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองอีกครั้ง
error-unavailable = บริการไม่พร้อมใช้งานชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่
error-internal = เกิดข้อผิดพลาดในระบบของเรา ระบบได้บันทึกปัญหานี้ไว้แล้ว
error-archived = รายการนี้ถูกเก็บถาวรแล้ว กรุณากู้คืนก่อนแก้ไข
