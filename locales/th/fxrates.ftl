fxrates-latest-title = อัตราล่าสุด
fxrates-as-of = อัตรา ณ วันที่
fxrates-show = แสดง
fxrates-stale-rule = อัตราของคู่สกุลเงินถือว่าเก่า เมื่ออัตราล่าสุดมีอายุ { $days } วันขึ้นไป ณ วันที่ { $date } อัตราที่คำนวณได้มีอายุเท่ากับอัตราที่บันทึกไว้ซึ่งเก่าที่สุดที่ใช้คำนวณ
fxrates-stale-summary = { $stale ->
    [0] ทั้ง { $pairs } คู่เป็นอัตราปัจจุบัน
   *[other] { $stale } จาก { $pairs } คู่เป็นอัตราเก่า
    }
fxrates-stored-caption = อัตราที่บันทึกไว้: อัตราล่าสุดของแต่ละคู่
fxrates-computed-caption = คำนวณจากอัตราที่บันทึกไว้ข้างต้นทุกครั้งที่แสดงหน้านี้ และไม่มีการบันทึก: อัตรากลับของแต่ละคู่ที่บันทึกไว้ และอัตราไปและกลับจากสกุลเงินหลัก คู่อื่นคำนวณได้ด้านล่าง
fxrates-col-age = อายุ
fxrates-col-basis = ที่มาของอัตรา
fxrates-age = { $days ->
    [0] วันนี้
   *[other] { $days } วันที่แล้ว
    }
fxrates-stale = เก่า
fxrates-current = ปัจจุบัน
fxrates-computed = คำนวณ
fxrates-basis-stored = อัตราที่บันทึกไว้
fxrates-basis-inverse = อัตรากลับของ { $pair }: 1 ÷ อัตรานั้น
fxrates-basis-cross = อัตราไขว้ผ่าน { $via } จาก { $first } และ { $second }
fxrates-none-yet = ไม่มีอัตราแลกเปลี่ยนที่ลงวันที่ในวันนี้หรือก่อนหน้า
fxrates-lookup-title = อัตราระหว่างสองสกุลเงินใดก็ได้
fxrates-choose = เลือก…
fxrates-lookup-go = คำนวณ
fxrates-lookup-both = กรุณาเลือกทั้งสองสกุลเงิน
fxrates-lookup-none = ไม่มีอัตราที่เชื่อม { $from } กับ { $to } ณ วันที่ { $date }: ไม่มีอัตราที่บันทึกไว้ของคู่นี้ ไม่มีอัตรากลับ และไม่มีอัตราไขว้ผ่านสกุลเงินร่วมสกุลใดสกุลหนึ่ง
fxrates-delete = ลบ
fxrates-delete-title = ลบอัตราแลกเปลี่ยน
fxrates-delete-question = ลบอัตราแลกเปลี่ยน { $pair } ของวันที่ { $date } ({ $rate }) หรือไม่?
fxrates-delete-hint = ลบได้เฉพาะอัตราที่ยังไม่มีเอกสารที่ผ่านรายการแล้วใช้ บันทึกการตรวจสอบจะเก็บค่าเดิมไว้
fxrates-cancel = ยกเลิก
fxrates-back-to-list = กลับไปที่อัตราแลกเปลี่ยน
fxrates-deleted = ลบอัตราแลกเปลี่ยน { $pair } ของวันที่ { $date } แล้ว
fxrates-page-number = หน้า { $page }
fxrates-computed-title = อัตราที่คำนวณได้
fxrates-add-rate = เพิ่มอัตรา
