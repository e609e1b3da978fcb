time-zone-title = 时区
time-zone-label = 时区
time-zone-now = 旅行社当前时间
time-zone-hint = “今天”、默认日期以及显示的所有时间（审计日志、登录、导入）都按旅行社的时区计算，并标注该时区。
time-zone-field = 更改时区
time-zone-field-hint = IANA 时区名称，例如 Asia/Bangkok、Asia/Ho_Chi_Minh、Asia/Jakarta 或 Europe/Berlin。
time-zone-submit = 更改时区
time-zone-changed = 旅行社的时区现在是 { $zone }。
time-zone-error-unknown = “{ $zone }”不是已知的时区。请使用 IANA 名称，例如 Asia/Bangkok。
time-zone-account-title = 我的账户
time-zone-years-title = 日期
time-zone-years-legend = 年份显示方式
time-zone-years-gregorian = 公历年份（公元）
time-zone-years-buddhist = 佛历年份（佛历 = 公元 + 543）
time-zone-years-inputs = 此设置只改变日期向您显示的方式。日期仍按公历存储，所有日期输入框始终按 YYYY-MM-DD 格式接收和显示公历日期（今天：{ $today }）。
time-zone-years-changed = 您的日期显示方式已保存。
time-zone-error-year-style = 请选择公历年份或佛历年份。
