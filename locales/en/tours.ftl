# Tours, quotations and groups.
codes-error-sequence = The pattern needs exactly one {"{"}seq{"}"} (or {"{"}seq:4{"}"} for four digits).
codes-error-placeholder = Use {"{"}yy{"}"}, {"{"}yyyy{"}"}, {"{"}seq{"}"} or {"{"}seq:N{"}"} with N from 1 to 9.
codes-error-text = Use letters, digits and - / _ . only, at most 40 characters.
nav-tours = Tours
form-delete = Delete
confirm-delete = Delete “{ $name }”?
confirm-delete-hint = This cannot be undone.
tours-title = Tours
tours-new = New tour
tours-edit-title = Edit tour
tours-empty = No tours yet. Create the first product template.
tours-search-placeholder = Code, name, city or market
tours-code = Code
tours-code-hint = A short unique code, such as BKK-5D.
tours-name = Name
tours-days = Days
tours-nights = Nights
tours-cities = Cities
tours-market = Market
tours-min-pax = Minimum pax
tours-min-pax-hint = The fewest paying guests the tour runs with; smaller groups are warned about.
tours-description-en = Description (English)
tours-description-th = Description (Thai)
tours-description-zh = Description (Chinese)
tours-description-vi = Description (Vietnamese)
tours-description-hint = For clients. An empty language shows the agency's default language.
tours-duration = { $days ->
    [one] 1 day
   *[other] { $days } days
} / { $nights ->
    [one] 1 night
   *[other] { $nights } nights
}
tours-created = Tour created.
tours-updated = Tour saved.
tours-archived = Tour archived.
tours-restored = Tour restored.
tours-archive-detail = Its quotations and groups keep their copy of it.
tours-copied = Tour copied. You are looking at the copy.
tours-copy = Copy
tours-copy-code = New code
tours-copy-code-required = Give the copy a code of its own.
tours-costing = Costing sheet
tours-error-code-taken = Another tour already has the code { $code }.
tours-error-nights = A tour has at most as many nights as days.
tours-error-line-reference = Choose a live supplier of this kind (and a room type or vehicle of that supplier).
tours-itinerary = Itinerary
tours-itinerary-empty = No days yet. Add the first day below.
tours-day-number = Day { $number }
tours-day-add = Add a day
tours-day-added = Day added.
tours-day-updated = Day saved.
tours-day-deleted = Day deleted with its services.
tours-day-edit = Edit day
tours-day-error-title = Give the day a title in at least one language.
tours-day-overnight = Overnight
tours-day-title-en = Title (English)
tours-day-title-th = Title (Thai)
tours-day-title-zh = Title (Chinese)
tours-day-title-vi = Title (Vietnamese)
tours-day-text-en = Programme (English)
tours-day-text-th = Programme (Thai)
tours-day-text-zh = Programme (Chinese)
tours-day-text-vi = Programme (Vietnamese)
tours-moved = Order changed.
tours-move-up = Move up
tours-move-down = Move down
tours-line-add = Add
tours-line-added = Service added.
tours-line-updated = Service saved.
tours-line-deleted = Service deleted.
tours-line-kind = Service
tours-line-hotel = Hotel
tours-line-transport = Transport
tours-line-meal = Meal
tours-line-entrance = Entrance
tours-line-guide = Guide day
tours-line-shopping = Shopping stop
tours-line-other = Other item
tours-line-supplier = Supplier
tours-line-room-type = Hotel and room type
tours-line-vehicle = Vehicle
tours-line-vehicle-hint = Leave it to choose, per group size, the smallest vehicle of the company that seats everyone.
tours-line-transfer = Transfer (not a full day)
tours-line-meal-kind = Meal
tours-line-adults = Adult tickets
tours-line-children = Child tickets
tours-line-tickets-hint = Leave both empty for one adult ticket per traveller.
tours-line-tickets-everyone = A ticket per traveller
tours-line-tickets = { $adults ->
    [one] 1 adult
   *[other] { $adults } adults
}, { $children ->
    [one] 1 child
   *[other] { $children } children
}
tours-line-nights = { $nights ->
    [one] 1 night
   *[other] { $nights } nights
}
tours-line-cost = Cost
tours-line-basis = Counted
tours-line-what = What it is
tours-line-note = Note
tours-vehicle-smallest = The smallest that fits (per tier)
tours-guide-none = No guide named yet
tours-meal-breakfast = Breakfast
tours-meal-lunch = Lunch
tours-meal-dinner = Dinner
tours-basis-group = per group
tours-basis-vehicle-day = per vehicle-day
tours-basis-guide-day = per guide-day
tours-basis-person = per traveller
tours-basis-twin-share = per person twin-share
tours-basis-meal = per meal
tours-basis-none = no cost
