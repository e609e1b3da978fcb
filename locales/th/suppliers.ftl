suppliers-kinds = ประเภทซัพพลายเออร์
suppliers-hotels = โรงแรม
suppliers-transport = ขนส่ง
suppliers-restaurants = ร้านอาหาร
suppliers-attractions = สถานที่ท่องเที่ยว
suppliers-shops = ร้านค้า
suppliers-new-hotel = เพิ่มโรงแรม
suppliers-new-transport = เพิ่มบริษัทขนส่ง
suppliers-new-restaurant = เพิ่มร้านอาหาร
suppliers-new-attraction = เพิ่มสถานที่ท่องเที่ยว
suppliers-new-shop = เพิ่มร้านค้า
suppliers-edit-title = { $kind ->
        [hotel] แก้ไขโรงแรม
        [transport] แก้ไขบริษัทขนส่ง
        [restaurant] แก้ไขร้านอาหาร
        [attraction] แก้ไขสถานที่ท่องเที่ยว
        [shop] แก้ไขร้านค้า
       *[other] แก้ไขซัพพลายเออร์
    }
suppliers-search-placeholder = ชื่อหรือเมือง
suppliers-empty = ยังไม่มีรายการ เพิ่มรายการแรก หรือนำเข้าตารางราคา
suppliers-col-name = ชื่อ
suppliers-col-city = เมือง
suppliers-col-country = ประเทศ
suppliers-col-stars = ดาว
suppliers-col-contact = ผู้ติดต่อ
suppliers-col-currency = สกุลเงิน
suppliers-local-name = ชื่อภาษาท้องถิ่น
suppliers-local-name-hint = ตามที่เขียนในท้องถิ่น เช่น โรงแรม หรือ 酒店
suppliers-phone = โทรศัพท์
suppliers-email = อีเมล
suppliers-address = ที่อยู่
suppliers-notes = หมายเหตุ
suppliers-breakfast = อาหารเช้าต่อท่าน
suppliers-lunch = อาหารกลางวันต่อท่าน
suppliers-dinner = อาหารเย็นต่อท่าน
suppliers-adult = ค่าเข้าผู้ใหญ่
suppliers-child = ค่าเข้าเด็ก
suppliers-shop-kind = ประเภทสินค้า
suppliers-commission = ค่าคอมมิชชั่น
suppliers-commission-basis = วิธีคิดค่าคอมมิชชั่น
suppliers-basis-percent = เปอร์เซ็นต์ของยอดขาย
suppliers-basis-per-head = จำนวนเงินต่อหัว
suppliers-commission-percent = ค่าคอมมิชชั่น % ของยอดขาย
suppliers-commission-per-head = ค่าคอมมิชชั่นต่อหัว
suppliers-split = สัดส่วน บริษัท / ไกด์ / คนขับ
suppliers-split-agency = ส่วนของบริษัท %
suppliers-split-guide = ส่วนของไกด์ %
suppliers-split-driver = ส่วนของคนขับ %
suppliers-split-hint = ทั้งสามส่วนต้องรวมกันได้ 100 %
suppliers-error-split = สัดส่วนรวมกันได้ { $total } % ไม่ใช่ 100 %
suppliers-error-percent = เปอร์เซ็นต์ต้องอยู่ระหว่าง 0 ถึง 100
suppliers-created = { $kind ->
        [hotel] บันทึกโรงแรมแล้ว
        [transport] บันทึกบริษัทขนส่งแล้ว
        [restaurant] บันทึกร้านอาหารแล้ว
        [attraction] บันทึกสถานที่ท่องเที่ยวแล้ว
        [shop] บันทึกร้านค้าแล้ว
       *[other] บันทึกซัพพลายเออร์แล้ว
    }
suppliers-updated = บันทึกการเปลี่ยนแปลงแล้ว
suppliers-archived = { $kind ->
        [hotel] เก็บถาวรโรงแรมแล้ว
        [transport] เก็บถาวรบริษัทขนส่งแล้ว
        [restaurant] เก็บถาวรร้านอาหารแล้ว
        [attraction] เก็บถาวรสถานที่ท่องเที่ยวแล้ว
        [shop] เก็บถาวรร้านค้าแล้ว
       *[other] เก็บถาวรซัพพลายเออร์แล้ว
    }
suppliers-restored = { $kind ->
        [hotel] กู้คืนโรงแรมแล้ว
        [transport] กู้คืนบริษัทขนส่งแล้ว
        [restaurant] กู้คืนร้านอาหารแล้ว
        [attraction] กู้คืนสถานที่ท่องเที่ยวแล้ว
        [shop] กู้คืนร้านค้าแล้ว
       *[other] กู้คืนซัพพลายเออร์แล้ว
    }
rooms-title = ประเภทห้องและราคาตามสัญญา
rooms-empty = ยังไม่มีประเภทห้อง
rooms-add = เพิ่มประเภทห้อง
rooms-name = ประเภทห้อง
rooms-kind = หมวด
rooms-room-type = ประเภทห้อง
rooms-max-occupancy = จำนวนผู้เข้าพักสูงสุด
rooms-archive = เก็บถาวรประเภทห้อง
rooms-archived = เก็บถาวรประเภทห้องพร้อมราคาแล้ว
rooms-created = เพิ่มประเภทห้องแล้ว
rooms-error-name-taken = โรงแรมนี้มีประเภทห้องชื่อนี้อยู่แล้ว
room-single = เดี่ยว
room-twin = เตียงคู่
room-double = เตียงใหญ่
room-triple = สามท่าน
room-family = ครอบครัว
rates-add = เพิ่มราคาตามฤดูกาล
rates-season = ฤดูกาล
rates-from = ตั้งแต่
rates-to = ถึง
rates-per-night = ราคาต่อห้องต่อคืน
rates-none = ยังไม่มีราคา
rates-created = เพิ่มราคาแล้ว
rates-archived = เก็บถาวรราคาแล้ว
rates-error-dates = วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น
rates-error-overlap = วันที่ทับซ้อนกับฤดูกาล “{ $season }” ({ $from } – { $to }) ของห้องประเภทนี้
vehicles-title = ยานพาหนะและราคา
vehicles-empty = ยังไม่มียานพาหนะ
vehicles-add = เพิ่มยานพาหนะ
vehicles-type = ประเภทรถ
vehicles-seats = ที่นั่ง
vehicles-plate = ทะเบียนรถ
vehicles-day-rate = ราคาต่อวัน
vehicles-transfer-rate = ราคาต่อเที่ยวรับส่ง
vehicles-created = เพิ่มยานพาหนะแล้ว
vehicles-archived = เก็บถาวรยานพาหนะแล้ว
rooms-edit-title = แก้ไขประเภทห้อง
rooms-updated = บันทึกประเภทห้องแล้ว
rooms-rate-edit-title = แก้ไขราคาตามฤดูกาล
rooms-rate-updated = บันทึกราคาตามฤดูกาลแล้ว
