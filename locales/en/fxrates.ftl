fxrates-latest-title = Latest rates
fxrates-as-of = Rates on
fxrates-show = Show
fxrates-stale-rule = A pair's rate is stale when its latest rate is { $days ->
    [one] one day
   *[other] { $days } days
    } old or more on { $date }. A computed rate is as old as the oldest stored rate it comes from.
fxrates-stale-summary = { $stale ->
    [0] All { $pairs } pairs are current.
    [one] 1 of { $pairs } pairs is stale.
   *[other] { $stale } of { $pairs } pairs are stale.
    }
fxrates-stored-caption = Stored rates: the latest of each pair
fxrates-computed-caption = Computed from the stored rates above each time this page is shown, and never stored: the inverse of each stored pair, and rates to and from the base currency. Any other pair can be computed below.
fxrates-col-age = Age
fxrates-col-basis = How it is obtained
fxrates-age = { $days ->
    [0] today
    [one] 1 day old
   *[other] { $days } days old
    }
fxrates-stale = Stale
fxrates-current = Current
fxrates-computed = Computed
fxrates-basis-stored = Stored rate
fxrates-basis-inverse = Inverse of { $pair }: 1 ÷ its rate
fxrates-basis-cross = Cross rate via { $via }, from { $first } and { $second }
fxrates-none-yet = No exchange rate is dated on or before this day.
fxrates-lookup-title = Rate between any two currencies
fxrates-choose = Choose…
fxrates-lookup-go = Compute
fxrates-lookup-both = Choose both currencies.
fxrates-lookup-none = No rate links { $from } and { $to } on { $date }: there is no stored rate of the pair, no inverse of one, and no cross rate through one common currency.
fxrates-delete = Delete
fxrates-delete-title = Delete exchange rate
fxrates-delete-question = Delete the exchange rate { $pair } of { $date } ({ $rate })?
fxrates-delete-hint = Only a rate no posted document used can be deleted. The audit log keeps what it was.
fxrates-cancel = Cancel
fxrates-back-to-list = Back to the exchange rates
fxrates-deleted = Exchange rate { $pair } of { $date } deleted.
fxrates-page-number = Page { $page }
fxrates-computed-title = Computed rates
fxrates-add-rate = Add a rate
