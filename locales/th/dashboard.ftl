dashboard-welcome = ยินดีต้อนรับ { $name }
dashboard-today = วันนี้วันที่ { $date }
dashboard-active-users = ผู้ใช้ที่ใช้งานอยู่
dashboard-recent = กิจกรรมล่าสุดของคุณ
dashboard-all-activity = กิจกรรมทั้งหมดในบันทึกการตรวจสอบ
dashboard-no-activity = ยังไม่มีกิจกรรม
