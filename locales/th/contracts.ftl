# สัญญาโรงแรม: ระยะเวลาที่มีผล เงื่อนไขราคา ค่าเสริมช่วงพีค การกันห้อง และการตรวจสอบราคา
contracts-title = สัญญา
contracts-none = ยังไม่ได้กำหนดวันที่ของสัญญา กรุณากำหนดเพื่อให้ระบบปฏิเสธราคาที่อยู่นอกสัญญาและแจ้งเตือนเมื่อสัญญาหมดอายุ
contracts-set = กำหนดวันที่ของสัญญา
contracts-edit = แก้ไขสัญญา
contracts-reference = เลขที่อ้างอิงสัญญา
contracts-validity = ระยะเวลาที่มีผล
contracts-valid-from = มีผลตั้งแต่
contracts-valid-to = มีผลถึง
contracts-saved = บันทึกสัญญาแล้ว
contracts-expiring = สัญญานี้สิ้นสุดวันที่ { $to } กรุณาต่อสัญญาก่อนที่ราคาจะหมดอายุ
contracts-expired = สัญญานี้สิ้นสุดไปแล้วเมื่อวันที่ { $to } ห้องพักหลังจากวันนั้นไม่มีราคาตามสัญญา
contracts-terms = เงื่อนไข
contracts-complimentary = ไม่คิดค่าใช้จ่าย (ตั้งใจให้เป็น 0.00)
contracts-min-nights = จำนวนคืนขั้นต่ำ
contracts-extra-bed = เตียงเสริมต่อคืน
contracts-child-rate = ราคาเด็กต่อคืน
contracts-child-from = อายุเด็กตั้งแต่
contracts-child-to = อายุเด็กถึง
contracts-breakfast = อาหารเช้า
contracts-breakfast-included = รวมอาหารเช้า
contracts-breakfast-extra = อาหารเช้าคิดราคาต่อท่าน
contracts-breakfast-none = ไม่มีอาหารเช้า
contracts-breakfast-price = อาหารเช้าต่อท่าน
contracts-single-supplement = ค่าพักเดี่ยวเพิ่ม
contracts-single-supplement-hint = บวกเพิ่มจากราคาห้องเมื่อผู้ใหญ่หนึ่งท่านพักคนเดียวในห้อง
contracts-term-extra-bed = เตียงเสริม { $amount }
contracts-term-child = เด็กอายุ { $from }–{ $to } ปี { $amount }
contracts-term-breakfast = อาหารเช้า { $amount } ต่อท่าน
contracts-term-single = ค่าพักเดี่ยวเพิ่ม { $amount }
contracts-term-min-nights = อย่างน้อย { $nights } คืน
contracts-peaks = ค่าเสริมช่วงพีค
contracts-peaks-hint = ค่าเสริมต่อห้องต่อคืนที่บวกเพิ่มจากราคาตามฤดูกาล (คริสต์มาส ตรุษจีน สงกรานต์)
contracts-peaks-empty = ไม่มีค่าเสริมช่วงพีค
contracts-peak-add = เพิ่มค่าเสริมช่วงพีค
contracts-peak-name = ช่วงพีค
contracts-peak-amount = ค่าเสริมต่อห้องต่อคืน
contracts-peak-created = เพิ่มค่าเสริมช่วงพีคแล้ว
contracts-peak-archived = เก็บถาวรค่าเสริมช่วงพีคแล้ว
contracts-peak-restored = กู้คืนค่าเสริมช่วงพีคแล้ว
contracts-all-room-types = ทุกประเภทห้อง
contracts-allotments = การกันห้อง (Allotment)
contracts-allotments-empty = ยังไม่มีห้องที่กันไว้
contracts-allotment-add = เพิ่มการกันห้อง
contracts-allotment-rooms = จำนวนห้องต่อคืน
contracts-release-days = จำนวนวันคืนห้อง
contracts-release-days-hint = ห้องที่ยังไม่มีการจองเมื่อเหลือจำนวนวันเท่านี้ก่อนคืนที่เข้าพัก จะคืนให้โรงแรม
contracts-allotment-created = เพิ่มการกันห้องแล้ว
contracts-allotment-archived = เก็บถาวรการกันห้องแล้ว
contracts-allotment-restored = กู้คืนการกันห้องแล้ว
contracts-price-title = ตรวจสอบราคา
contracts-price-check = แสดงราคา
contracts-check-in = วันเช็คอิน
contracts-nights = จำนวนคืน
contracts-adults = ผู้ใหญ่
contracts-child-ages = อายุเด็ก
contracts-child-ages-hint = คั่นอายุด้วยจุลภาค เช่น 4, 9
contracts-extra-beds = เตียงเสริม
contracts-with-breakfast = พร้อมอาหารเช้า
contracts-night = คืน
contracts-line = รายการ
contracts-amount = จำนวนเงิน
contracts-night-total = รวมต่อคืน
contracts-stay-total = รวมทั้งการเข้าพัก
contracts-line-room = ห้องพัก { $season }
contracts-line-complimentary = ห้องพัก { $season } (ไม่คิดค่าใช้จ่าย)
contracts-line-single = ค่าพักเดี่ยวเพิ่ม
contracts-line-extra-bed = { $count ->
    [one] เตียงเสริม
   *[other] เตียงเสริม { $count } เตียง
}
contracts-line-child = เด็ก อายุ { $age } ปี
contracts-line-infant = เด็ก อายุ { $age } ปี (ฟรี)
contracts-line-breakfast = อาหารเช้า { $persons } ท่าน
contracts-line-peak = ค่าเสริมช่วงพีค: { $name }
contracts-error-zero-rate = ราคา 0.00 ต้องทำเครื่องหมายว่าไม่คิดค่าใช้จ่าย
contracts-error-paid-complimentary = ราคาที่ไม่คิดค่าใช้จ่ายคือ 0.00 กรุณายกเลิกการเลือกช่องนี้หรือลบจำนวนเงินออก
contracts-error-negative = จำนวนเงินต้องไม่ติดลบ
contracts-error-child-band = ช่วงอายุเด็กต้องเรียงจากอายุน้อยไปมาก และไม่เกิน { $age } ปี
contracts-error-child-rate = กรุณาระบุราคาเด็กสำหรับช่วงอายุนี้ หรือเว้นช่องอายุว่างไว้
contracts-error-child-ages = กรุณากรอกอายุเด็กเป็นจำนวนเต็มตั้งแต่ 0 ถึง 17 คั่นด้วยจุลภาค
contracts-error-min-nights = จำนวนคืนขั้นต่ำต้องอยู่ระหว่าง 1 ถึง { $max }
contracts-error-allotment = จำนวนห้องต้องอยู่ระหว่าง 1 ถึง 999 และจำนวนวันคืนห้องต้องอยู่ระหว่าง 0 ถึง 365
contracts-error-validity = วันสิ้นสุดสัญญาต้องไม่ก่อนคืนแรก
contracts-error-overlap = ทับซ้อนกับ { $name } ({ $from } – { $to })
contracts-error-rate-outside = ราคา “{ $season }” ({ $from } – { $to }) อยู่นอกช่วงวันที่นี้ กรุณาเก็บถาวรราคานั้นหรือขยายระยะเวลาสัญญา
contracts-error-outside = ฤดูกาลนี้อยู่นอกระยะเวลาสัญญาของโรงแรม ({ $from } – { $to })
contracts-error-room-type-archived = กรุณากู้คืนประเภทห้องก่อน
contracts-price-outside = คืนวันที่ { $night } อยู่นอกระยะเวลาสัญญา ({ $from } – { $to })
contracts-price-no-rate = ไม่มีราคาที่ครอบคลุมคืนวันที่ { $night }
contracts-price-no-adult = ห้องพักต้องมีผู้ใหญ่อย่างน้อยหนึ่งท่าน
contracts-price-over-occupancy = ผู้เข้าพัก { $persons } ท่าน เกินจำนวนผู้เข้าพักสูงสุดของห้องซึ่งคือ { $max } ท่าน
contracts-price-no-extra-bed = สัญญาไม่มีเตียงเสริมสำหรับฤดูกาลนี้
contracts-price-no-child-rate = สัญญาไม่มีราคาเด็กสำหรับเด็กอายุ { $age } ปี
contracts-price-no-breakfast = โรงแรมไม่มีอาหารเช้าในฤดูกาลนี้
contracts-price-currency = ค่าเสริมช่วงพีค “{ $name }” ใช้สกุลเงินต่างจากราคาห้อง
contracts-price-min-nights = { $name } กำหนดให้เข้าพักอย่างน้อย { $nights } คืน
contracts-price-nights = การเข้าพักต้องมีตั้งแต่ 1 ถึง { $max } คืน
contracts-price-overflow = จำนวนเงินสูงเกินไป
rooms-restored = กู้คืนประเภทห้องพร้อมราคาที่เก็บถาวรไปพร้อมกันแล้ว
rates-restored = กู้คืนราคาแล้ว
vehicles-restored = กู้คืนยานพาหนะแล้ว
confirm-archive = ต้องการเก็บถาวร “{ $name }” หรือไม่
confirm-archive-room-type = ราคาของประเภทห้องนี้จะถูกเก็บถาวรไปด้วย และจะกลับมาพร้อมกันเมื่อกู้คืนประเภทห้อง
confirm-cancel = ยกเลิก
contacts-restored = กู้คืนผู้ติดต่อแล้ว
suppliers-duplicate = มี{ $kind ->
    [hotel] โรงแรม
    [transport] บริษัทขนส่ง
    [restaurant] ร้านอาหาร
    [attraction] สถานที่ท่องเที่ยว
   *[other] ร้านค้า
}ชื่อ “{ $name }” ใน{ $city }อยู่แล้ว{ $archived ->
    [yes] {" "}(เก็บถาวร)
   *[other] {""}
} ใช่รายเดียวกันหรือไม่
suppliers-duplicate-open = เปิด “{ $name }”
suppliers-duplicate-confirm = เป็นอีกรายหนึ่ง: สร้างต่อไป
contracts-child-ages-column = ช่วงอายุเด็ก
contracts-child-ages-note = ช่วงอายุที่คิดราคาเด็ก จาก–ถึง เช่น 4-11
contracts-complimentary-column = ไม่คิดค่าใช้จ่าย
contracts-error-child-ages-column = กรอกช่วงอายุ จาก–ถึง เช่น 4-11 ไม่เกิน 17
contracts-error-breakfast-price = กรอกราคาอาหารเช้าเมื่อขายอาหารเช้าแยก
contracts-held = การกันห้อง (Allotment) มีห้องประเภทนี้ { $rooms } ห้องในคืนวันที่ { $night } จนถึงวันคืนห้อง { $release }
contracts-held-released = ห้องที่กันไว้ { $rooms } ห้องสำหรับคืนวันที่ { $night } ได้คืนให้โรงแรมแล้วเมื่อ { $release }
contracts-peak-edit-title = แก้ไขค่าเสริมช่วงพีค
contracts-peak-updated = บันทึกค่าเสริมช่วงพีคแล้ว
contracts-allotment-edit-title = แก้ไขการกันห้อง
contracts-allotment-updated = บันทึกการกันห้องแล้ว
