# Hotel contracts: validity, rate terms, peak surcharges, allotments, the price check.
contracts-title = Contract
contracts-none = No contract dates yet: set them so that rates outside the contract are refused and its expiry is flagged.
contracts-set = Set the contract dates
contracts-edit = Change the contract
contracts-reference = Contract reference
contracts-validity = Valid
contracts-valid-from = Valid from
contracts-valid-to = Valid to
contracts-saved = Contract saved.
contracts-expiring = This contract ends on { $to }: renew it before its rates run out.
contracts-expired = This contract ended on { $to }: rooms after that date have no contracted price.
contracts-terms = Terms
contracts-complimentary = Complimentary (0.00 on purpose)
contracts-min-nights = Minimum nights
contracts-extra-bed = Extra bed per night
contracts-child-rate = Child rate per night
contracts-child-from = Child age from
contracts-child-to = Child age to
contracts-breakfast = Breakfast
contracts-breakfast-included = Breakfast included
contracts-breakfast-extra = Breakfast at a price per person
contracts-breakfast-none = No breakfast
contracts-breakfast-price = Breakfast per person
contracts-single-supplement = Single supplement
contracts-single-supplement-hint = Added to the room rate when one adult sleeps alone in the room.
contracts-term-extra-bed = Extra bed { $amount }
contracts-term-child = Child { $from }–{ $to } years { $amount }
contracts-term-breakfast = Breakfast { $amount } per person
contracts-term-single = Single supplement { $amount }
contracts-term-min-nights = { $nights ->
    [one] at least { $nights } night
   *[other] at least { $nights } nights
}
contracts-peaks = Peak-period surcharges
contracts-peaks-hint = A surcharge per room and night on top of the season's rate (Christmas, Chinese New Year, Songkran).
contracts-peaks-empty = No peak surcharges.
contracts-peak-add = Add a peak surcharge
contracts-peak-name = Peak
contracts-peak-amount = Surcharge per room-night
contracts-peak-created = Peak surcharge added.
contracts-peak-archived = Peak surcharge archived.
contracts-peak-restored = Peak surcharge restored.
contracts-all-room-types = All room types
contracts-allotments = Allotments
contracts-allotments-empty = No rooms held.
contracts-allotment-add = Add an allotment
contracts-allotment-rooms = Rooms per night
contracts-release-days = Release days
contracts-release-days-hint = Rooms not booked this many days before the night go back to the hotel.
contracts-allotment-created = Allotment added.
contracts-allotment-archived = Allotment archived.
contracts-allotment-restored = Allotment restored.
contracts-price-title = Price check
contracts-price-check = Show the price
contracts-check-in = Check-in
contracts-nights = Nights
contracts-adults = Adults
contracts-child-ages = Children's ages
contracts-child-ages-hint = Ages separated by commas, e.g. 4, 9.
contracts-extra-beds = Extra beds
contracts-with-breakfast = With breakfast
contracts-night = Night
contracts-line = Charge
contracts-amount = Amount
contracts-night-total = Night total
contracts-stay-total = Stay total
contracts-line-room = Room, { $season }
contracts-line-complimentary = Room, { $season } (complimentary)
contracts-line-single = Single supplement
contracts-line-extra-bed = { $count ->
    [one] Extra bed
   *[other] { $count } extra beds
}
contracts-line-child = Child, { $age } years
contracts-line-infant = Child, { $age } years (free)
contracts-line-breakfast = { $persons ->
    [one] Breakfast, { $persons } person
   *[other] Breakfast, { $persons } persons
}
contracts-line-peak = Peak surcharge: { $name }
contracts-error-zero-rate = A rate of 0.00 must be marked complimentary.
contracts-error-paid-complimentary = A complimentary rate is 0.00: clear the box or the amount.
contracts-error-negative = Amounts cannot be negative.
contracts-error-child-band = The child ages run from a lower to a higher age, up to { $age }.
contracts-error-child-rate = Give the child rate for these ages, or leave the ages empty.
contracts-error-child-ages = Give children's ages as whole numbers from 0 to 17, separated by commas.
contracts-error-min-nights = Minimum nights must be between 1 and { $max }.
contracts-error-allotment = Rooms must be between 1 and 999 and release days between 0 and 365.
contracts-error-validity = The contract must end on or after its first night.
contracts-error-overlap = Overlaps { $name } ({ $from } – { $to }).
contracts-error-rate-outside = The rate "{ $season }" ({ $from } – { $to }) lies outside these dates: archive it or widen the contract.
contracts-error-outside = The season lies outside the hotel's contract ({ $from } – { $to }).
contracts-error-room-type-archived = Restore the room type first.
contracts-price-outside = { $night } is outside the contract ({ $from } – { $to }).
contracts-price-no-rate = No rate covers { $night }.
contracts-price-no-adult = A room needs at least one adult.
contracts-price-over-occupancy = { $persons } guests are more than the room's { $max }.
contracts-price-no-extra-bed = The contract has no extra bed for this season.
contracts-price-no-child-rate = The contract has no child rate for a child of { $age }.
contracts-price-no-breakfast = The hotel offers no breakfast in this season.
contracts-price-currency = The peak surcharge "{ $name }" is in another currency than the room rate.
contracts-price-min-nights = { $name } asks for { $nights ->
    [one] { $nights } night
   *[other] { $nights } nights
} at least.
contracts-price-nights = A stay runs from 1 to { $max } nights.
contracts-price-overflow = The amount is too large.
rooms-restored = Room type restored, with the rates archived with it.
rates-restored = Rate restored.
vehicles-restored = Vehicle restored.
confirm-archive = Archive “{ $name }”?
confirm-archive-room-type = Its rates are archived with it, and come back with it if it is restored.
confirm-cancel = Cancel
contacts-restored = Contact restored.
suppliers-duplicate = { $kind ->
    [hotel] A hotel
    [transport] A transport company
    [restaurant] A restaurant
    [attraction] An attraction
   *[other] A shop
} named “{ $name }” in { $city } already exists{ $archived ->
    [yes] {" "}(archived)
   *[other] {""}
}. Is this the same one?
suppliers-duplicate-open = Open “{ $name }”
suppliers-duplicate-confirm = It is another one: create it anyway
contracts-child-ages-column = Child ages
contracts-child-ages-note = The ages that pay the child rate, from–to, such as 4-11.
contracts-complimentary-column = Complimentary
contracts-error-child-ages-column = write the ages from–to, such as 4-11, up to 17
contracts-error-breakfast-price = give the breakfast price when breakfast is sold at a price
contracts-held = The allotment holds { $rooms ->
    [one] { $rooms } room
   *[other] { $rooms } rooms
} of this type on { $night }, until its release on { $release }.
contracts-held-released = The allotment's { $rooms ->
    [one] { $rooms } room
   *[other] { $rooms } rooms
} for { $night } went back to the hotel on { $release }.
contracts-peak-edit-title = Edit peak surcharge
contracts-peak-updated = Peak surcharge saved.
contracts-allotment-edit-title = Edit allotment
contracts-allotment-updated = Allotment saved.
