# The costing sheet of a tour.
costing-settings = Settings
costing-starts-on = Travel start date
costing-currency = Currency
costing-tiers = Pax tiers (paying)
costing-foc-per = One FOC per … paying
costing-foc-single = FOC take single rooms
costing-pricing = Pricing
costing-markup = Markup % (on cost)
costing-margin = Margin % (of price)
costing-percent = Percent
costing-step = Round prices up to
costing-guide-seats = Guide seats
costing-recalculate = Recalculate
costing-pricing-hint = A markup is added to the cost (cost × 1.20); a margin is the profit's share of the price (cost ÷ 0.80). 20 % markup earns 16.67 % of the price.
costing-markup-of = markup { $percent }
costing-margin-of = margin { $percent }
costing-per-tier = Per tier
costing-paying = Paying pax
costing-foc = FOC
costing-total-cost = Total cost
costing-cost-per-pax = Cost per paying pax
costing-price-per-pax = Selling price per pax
costing-profit-per-pax = Profit per pax
costing-profit-percent = Profit % of price
costing-total-profit = Total profit
costing-single-supplement = Single supplement per pax
costing-missing = Lines without a cost
costing-incomplete = { $lines ->
    [one] 1 line has no cost: the totals below leave it out and are not complete.
   *[other] { $lines } lines have no cost: the totals below leave them out and are not complete.
}
costing-break-even-price = Break-even at a price of
costing-break-even = Find
costing-break-even-at = { $paying ->
    [one] Breaks even from 1 paying guest.
   *[other] Breaks even from { $paying } paying guests.
}
costing-break-even-none = No group size breaks even at this price (or a line has no cost).
costing-lines = Lines
costing-no-lines = The itinerary has no services yet.
costing-day = Day
costing-what = What
costing-basis = Counted
costing-fixed = fixed
costing-variable = variable
costing-rate = Rate
costing-set-rate = Set a rate by hand
costing-by-hand = set by hand
costing-set-by = by { $name }, { $at }
costing-use-contract = Use the contract rate
costing-use-latest = Use the latest rate
costing-planning-rates = Planning rates
costing-rate-into = Units of
costing-rate-source = Source
costing-rate-stored = latest stored rate of { $date }
costing-rate-missing = No exchange rate on or before the start date: add one or set it by hand.
costing-rate-latest = latest stored:
costing-problem-no-rate = No contract rate for { $date }
costing-problem-no-vehicle = No vehicle of the company seats this group
costing-problem-no-fx = No exchange rate for { $currency }
costing-problem-no-guide = No guide named: set a rate by hand
costing-saved = Costing saved.
costing-rate-saved = Planning rate saved.
costing-line-rate-saved = Line rate saved.
costing-error-tiers = Write paying pax counts from 1 to 999, separated by commas (at most 10).
costing-error-percent = A percentage cannot be negative.
costing-error-margin = A margin must stay below 100 %.
costing-error-step = The rounding step must be more than zero.
costing-error-rate = Write an exchange rate greater than zero.
costing-error-line-rate = Write the rate as an amount in the chosen currency.
costing-error-overflow = The figures are too large to compute ({ $reason }).
