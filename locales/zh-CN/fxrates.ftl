fxrates-latest-title = 最新汇率
fxrates-as-of = 汇率日期
fxrates-show = 显示
fxrates-stale-rule = 若某货币对的最新汇率在 { $date } 已有 { $days } 天或更久，即视为过期。计算所得汇率的时长取其所依据的最早的已保存汇率。
fxrates-stale-summary = { $stale ->
    [0] 全部 { $pairs } 个货币对均为当前汇率。
   *[other] { $pairs } 个货币对中有 { $stale } 个已过期。
    }
fxrates-stored-caption = 已保存的汇率：各货币对的最新汇率
fxrates-computed-caption = 每次显示本页时由上方已保存的汇率计算，从不保存：各已保存货币对的倒数汇率，以及与本位币之间的汇率。其他货币对可在下方计算。
fxrates-col-age = 时长
fxrates-col-basis = 得出方式
fxrates-age = { $days ->
    [0] 今天
   *[other] { $days } 天前
    }
fxrates-stale = 已过期
fxrates-current = 当前
fxrates-computed = 计算所得
fxrates-basis-stored = 已保存的汇率
fxrates-basis-inverse = { $pair } 的倒数：1 ÷ 该汇率
fxrates-basis-cross = 经 { $via } 的交叉汇率，由 { $first } 和 { $second } 得出
fxrates-none-yet = 此日期当日或之前没有任何汇率。
fxrates-lookup-title = 任意两种货币之间的汇率
fxrates-choose = 请选择…
fxrates-lookup-go = 计算
fxrates-lookup-both = 请选择两种货币。
fxrates-lookup-none = 在 { $date } 没有连接 { $from } 与 { $to } 的汇率：该货币对没有已保存的汇率，也没有其倒数，也无法经某一共同货币得出交叉汇率。
fxrates-delete = 删除
fxrates-delete-title = 删除汇率
fxrates-delete-question = 删除 { $date } 的汇率 { $pair }（{ $rate }）吗？
fxrates-delete-hint = 只有尚未被任何已过账单据使用的汇率才能删除。审计日志会保留其原值。
fxrates-cancel = 取消
fxrates-back-to-list = 返回汇率列表
fxrates-deleted = 已删除 { $date } 的汇率 { $pair }。
fxrates-page-number = 第 { $page } 页
fxrates-computed-title = 计算所得汇率
fxrates-add-rate = 新增汇率
