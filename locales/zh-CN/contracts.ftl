# 酒店合同：有效期、价格条款、高峰期附加费、配额及价格核算。
contracts-title = 合同
contracts-none = 尚未设置合同日期：请设置，以便拒绝合同期外的价格并提示合同到期。
contracts-set = 设置合同日期
contracts-edit = 修改合同
contracts-reference = 合同编号
contracts-validity = 有效期
contracts-valid-from = 生效日期
contracts-valid-to = 截止日期
contracts-saved = 合同已保存。
contracts-expiring = 本合同于 { $to } 到期：请在价格失效前续签。
contracts-expired = 本合同已于 { $to } 到期：该日期之后的客房没有合同价。
contracts-terms = 条款
contracts-complimentary = 免费（特意设为 0.00）
contracts-min-nights = 最少入住晚数
contracts-extra-bed = 加床（每晚）
contracts-child-rate = 儿童价（每晚）
contracts-child-from = 儿童最小年龄
contracts-child-to = 儿童最大年龄
contracts-breakfast = 早餐
contracts-breakfast-included = 含早餐
contracts-breakfast-extra = 早餐按人另收费
contracts-breakfast-none = 无早餐
contracts-breakfast-price = 早餐（每人）
contracts-single-supplement = 单房差
contracts-single-supplement-hint = 一位成人单独入住一间房时，在房价基础上加收。
contracts-term-extra-bed = 加床 { $amount }
contracts-term-child = 儿童 { $from }–{ $to } 岁 { $amount }
contracts-term-breakfast = 早餐每人 { $amount }
contracts-term-single = 单房差 { $amount }
contracts-term-min-nights = 至少 { $nights } 晚
contracts-peaks = 高峰期附加费
contracts-peaks-hint = 在季节价格之上按每间每晚加收的费用（圣诞节、春节、泼水节）。
contracts-peaks-empty = 暂无高峰期附加费。
contracts-peak-add = 添加高峰期附加费
contracts-peak-name = 高峰期
contracts-peak-amount = 每间每晚附加费
contracts-peak-created = 高峰期附加费已添加。
contracts-peak-archived = 高峰期附加费已归档。
contracts-peak-restored = 高峰期附加费已恢复。
contracts-all-room-types = 全部房型
contracts-allotments = 配额
contracts-allotments-empty = 暂无配额房。
contracts-allotment-add = 添加配额
contracts-allotment-rooms = 每晚房间数
contracts-release-days = 释放天数
contracts-release-days-hint = 距入住当晚只剩该天数时仍未预订的房间，将退还给酒店。
contracts-allotment-created = 配额已添加。
contracts-allotment-archived = 配额已归档。
contracts-allotment-restored = 配额已恢复。
contracts-price-title = 价格核算
contracts-price-check = 显示价格
contracts-check-in = 入住日期
contracts-nights = 晚数
contracts-adults = 成人
contracts-child-ages = 儿童年龄
contracts-child-ages-hint = 年龄之间用逗号分隔，例如 4, 9。
contracts-extra-beds = 加床数
contracts-with-breakfast = 含早餐
contracts-night = 日期
contracts-line = 费用项目
contracts-amount = 金额
contracts-night-total = 当晚合计
contracts-stay-total = 住宿总计
contracts-line-room = 客房，{ $season }
contracts-line-complimentary = 客房，{ $season }（免费）
contracts-line-single = 单房差
contracts-line-extra-bed = { $count ->
    [one] 加床
   *[other] 加床 { $count } 张
}
contracts-line-child = 儿童，{ $age } 岁
contracts-line-infant = 儿童，{ $age } 岁（免费）
contracts-line-breakfast = 早餐，{ $persons } 人
contracts-line-peak = 高峰期附加费：{ $name }
contracts-error-zero-rate = 价格为 0.00 时必须标记为免费。
contracts-error-paid-complimentary = 免费价格即为 0.00：请取消勾选或清除金额。
contracts-error-negative = 金额不能为负数。
contracts-error-child-band = 儿童年龄须从小到大填写，最大为 { $age } 岁。
contracts-error-child-rate = 请填写这些年龄的儿童价，或将年龄留空。
contracts-error-child-ages = 儿童年龄须为 0 到 17 之间的整数，用逗号分隔。
contracts-error-min-nights = 最少入住晚数必须在 1 到 { $max } 之间。
contracts-error-allotment = 房间数必须在 1 到 999 之间，释放天数必须在 0 到 365 之间。
contracts-error-validity = 合同结束日期不能早于首晚。
contracts-error-overlap = 与 { $name }（{ $from } – { $to }）重叠。
contracts-error-rate-outside = 价格“{ $season }”（{ $from } – { $to }）超出这些日期：请将其归档或延长合同期。
contracts-error-outside = 该季节超出酒店合同期（{ $from } – { $to }）。
contracts-error-room-type-archived = 请先恢复该房型。
contracts-price-outside = { $night } 不在合同期内（{ $from } – { $to }）。
contracts-price-no-rate = { $night } 没有适用的价格。
contracts-price-no-adult = 每间房至少需要一位成人。
contracts-price-over-occupancy = { $persons } 位客人超过该房间最多入住人数 { $max } 人。
contracts-price-no-extra-bed = 合同中该季节没有加床。
contracts-price-no-child-rate = 合同中没有 { $age } 岁儿童的价格。
contracts-price-no-breakfast = 酒店在该季节不提供早餐。
contracts-price-currency = 高峰期附加费“{ $name }”与房价的货币不同。
contracts-price-min-nights = { $name } 要求至少入住 { $nights } 晚。
contracts-price-nights = 入住晚数须为 1 到 { $max } 晚。
contracts-price-overflow = 金额过大。
rooms-restored = 房型已恢复，随其归档的价格也已一并恢复。
rates-restored = 价格已恢复。
vehicles-restored = 车辆已恢复。
confirm-archive = 确定归档“{ $name }”吗？
confirm-archive-room-type = 其价格将一并归档；恢复该房型时，价格也会一并恢复。
confirm-cancel = 取消
contacts-restored = 联系人已恢复。
suppliers-duplicate = { $city }已有名为“{ $name }”的{ $kind ->
    [hotel] 酒店
    [transport] 运输公司
    [restaurant] 餐厅
    [attraction] 景点
   *[other] 商店
}{ $archived ->
    [yes] （已归档）
   *[other] {""}
}。是同一家吗？
suppliers-duplicate-open = 打开“{ $name }”
suppliers-duplicate-confirm = 是另一家：仍然创建
contracts-child-ages-column = 儿童年龄段
contracts-child-ages-note = 适用儿童价的年龄，从–到，例如 4-11。
contracts-complimentary-column = 免费
contracts-error-child-ages-column = 请按“从–到”填写年龄，例如 4-11，最大 17
contracts-error-breakfast-price = 早餐单独收费时请填写早餐价格
contracts-held = 配额在 { $night } 为此房型保留 { $rooms } 间房，释放日为 { $release }。
contracts-held-released = { $night } 的 { $rooms } 间配额房已于 { $release } 释放回酒店。
contracts-peak-edit-title = 编辑高峰期附加费
contracts-peak-updated = 高峰期附加费已保存。
contracts-allotment-edit-title = 编辑配额
contracts-allotment-updated = 配额已保存。
