suppliers-kinds = 供应商类别
suppliers-hotels = 酒店
suppliers-transport = 交通
suppliers-restaurants = 餐厅
suppliers-attractions = 景点
suppliers-shops = 购物店
suppliers-new-hotel = 新增酒店
suppliers-new-transport = 新增交通公司
suppliers-new-restaurant = 新增餐厅
suppliers-new-attraction = 新增景点
suppliers-new-shop = 新增购物店
suppliers-edit-title = { $kind ->
        [hotel] 编辑酒店
        [transport] 编辑交通公司
        [restaurant] 编辑餐厅
        [attraction] 编辑景点
        [shop] 编辑购物店
       *[other] 编辑供应商
    }
suppliers-search-placeholder = 名称或城市
suppliers-empty = 暂无记录。请添加第一条，或导入价格表。
suppliers-col-name = 名称
suppliers-col-city = 城市
suppliers-col-country = 国家
suppliers-col-stars = 星级
suppliers-col-contact = 联系人
suppliers-col-currency = 货币
suppliers-local-name = 当地文字名称
suppliers-local-name-hint = 按当地写法，例如 โรงแรม 或 酒店。
suppliers-phone = 电话
suppliers-email = 电子邮件
suppliers-address = 地址
suppliers-notes = 备注
suppliers-breakfast = 早餐（每人）
suppliers-lunch = 午餐（每人）
suppliers-dinner = 晚餐（每人）
suppliers-adult = 成人门票
suppliers-child = 儿童门票
suppliers-shop-kind = 商店类型
suppliers-commission = 佣金
suppliers-commission-basis = 佣金方式
suppliers-basis-percent = 销售额百分比
suppliers-basis-per-head = 每人固定金额
suppliers-commission-percent = 佣金（销售额 %）
suppliers-commission-per-head = 每人佣金
suppliers-split = 分配 旅行社 / 导游 / 司机
suppliers-split-agency = 旅行社份额 %
suppliers-split-guide = 导游份额 %
suppliers-split-driver = 司机份额 %
suppliers-split-hint = 三项份额之和必须为 100 %。
suppliers-error-split = 份额合计为 { $total } %，而不是 100 %。
suppliers-error-percent = 百分比必须在 0 到 100 之间。
suppliers-created = { $kind ->
        [hotel] 酒店已保存。
        [transport] 交通公司已保存。
        [restaurant] 餐厅已保存。
        [attraction] 景点已保存。
        [shop] 购物店已保存。
       *[other] 供应商已保存。
    }
suppliers-updated = 更改已保存。
suppliers-archived = { $kind ->
        [hotel] 酒店已归档。
        [transport] 交通公司已归档。
        [restaurant] 餐厅已归档。
        [attraction] 景点已归档。
        [shop] 购物店已归档。
       *[other] 供应商已归档。
    }
suppliers-restored = { $kind ->
        [hotel] 酒店已恢复。
        [transport] 交通公司已恢复。
        [restaurant] 餐厅已恢复。
        [attraction] 景点已恢复。
        [shop] 购物店已恢复。
       *[other] 供应商已恢复。
    }
rooms-title = 房型与合同价
rooms-empty = 暂无房型。
rooms-add = 添加房型
rooms-name = 房型
rooms-kind = 类别
rooms-room-type = 房型
rooms-max-occupancy = 最多入住人数
rooms-archive = 归档房型
rooms-archived = 房型及其价格已归档。
rooms-created = 房型已添加。
rooms-error-name-taken = 该酒店已有同名房型。
room-single = 单人间
room-twin = 双床间
room-double = 大床间
room-triple = 三人间
room-family = 家庭房
rates-add = 添加季节价格
rates-season = 季节
rates-from = 开始日期
rates-to = 结束日期
rates-per-night = 每间每晚价格
rates-none = 暂无价格。
rates-created = 价格已添加。
rates-archived = 价格已归档。
rates-error-dates = 季节结束日期不能早于开始日期。
rates-error-overlap = 这些日期与该房型的季节“{ $season }”（{ $from } – { $to }）重叠。
vehicles-title = 车辆与价格
vehicles-empty = 暂无车辆。
vehicles-add = 添加车辆
vehicles-type = 车型
vehicles-seats = 座位数
vehicles-plate = 车牌
vehicles-day-rate = 每日价格
vehicles-transfer-rate = 每次接送价格
vehicles-created = 车辆已添加。
vehicles-archived = 车辆已归档。
rooms-edit-title = 编辑房型
rooms-updated = 房型已保存。
rooms-rate-edit-title = 编辑季节价格
rooms-rate-updated = 季节价格已保存。
