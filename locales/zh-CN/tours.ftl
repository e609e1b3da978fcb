# 线路、报价与团组。
codes-error-sequence = 格式必须恰好包含一个 {"{"}seq{"}"}（四位数字用 {"{"}seq:4{"}"}）。
codes-error-placeholder = 请使用 {"{"}yy{"}"}、{"{"}yyyy{"}"}、{"{"}seq{"}"} 或 {"{"}seq:N{"}"}（N 为 1 到 9）。
codes-error-text = 只能使用字母、数字和 - / _ .，最多 40 个字符。
