suppliers-kinds = Kinds of supplier
suppliers-hotels = Hotels
suppliers-transport = Transport
suppliers-restaurants = Restaurants
suppliers-attractions = Attractions
suppliers-shops = Shops
suppliers-new-hotel = New hotel
suppliers-new-transport = New transport company
suppliers-new-restaurant = New restaurant
suppliers-new-attraction = New attraction
suppliers-new-shop = New shop
suppliers-edit-title = { $kind ->
        [hotel] Edit hotel
        [transport] Edit transport company
        [restaurant] Edit restaurant
        [attraction] Edit attraction
        [shop] Edit shop
       *[other] Edit supplier
    }
suppliers-search-placeholder = Name or city
suppliers-empty = None yet. Add the first one, or import a rate sheet.
suppliers-col-name = Name
suppliers-col-city = City
suppliers-col-country = Country
suppliers-col-stars = Stars
suppliers-col-contact = Contact
suppliers-col-currency = Currency
suppliers-local-name = Name in local script
suppliers-local-name-hint = As written locally, e.g. โรงแรม or 酒店.
suppliers-phone = Phone
suppliers-email = E-mail
suppliers-address = Address
suppliers-notes = Notes
suppliers-breakfast = Breakfast per pax
suppliers-lunch = Lunch per pax
suppliers-dinner = Dinner per pax
suppliers-adult = Entrance per adult
suppliers-child = Entrance per child
suppliers-shop-kind = What the shop sells
suppliers-commission = Commission
suppliers-commission-basis = Commission basis
suppliers-basis-percent = Percentage of sales
suppliers-basis-per-head = Amount per head
suppliers-commission-percent = Commission % of sales
suppliers-commission-per-head = Commission per head
suppliers-split = Split agency / guide / driver
suppliers-split-agency = Agency share %
suppliers-split-guide = Guide share %
suppliers-split-driver = Driver share %
suppliers-split-hint = The three shares must add up to 100 %.
suppliers-error-split = The shares add up to { $total } %, not 100 %.
suppliers-error-percent = A percentage must be between 0 and 100.
suppliers-created = { $kind ->
        [hotel] Hotel saved.
        [transport] Transport company saved.
        [restaurant] Restaurant saved.
        [attraction] Attraction saved.
        [shop] Shop saved.
       *[other] Supplier saved.
    }
suppliers-updated = Changes saved.
suppliers-archived = { $kind ->
        [hotel] Hotel archived.
        [transport] Transport company archived.
        [restaurant] Restaurant archived.
        [attraction] Attraction archived.
        [shop] Shop archived.
       *[other] Supplier archived.
    }
suppliers-restored = { $kind ->
        [hotel] Hotel restored.
        [transport] Transport company restored.
        [restaurant] Restaurant restored.
        [attraction] Attraction restored.
        [shop] Shop restored.
       *[other] Supplier restored.
    }
rooms-title = Room types and contract rates
rooms-empty = No room types yet.
rooms-add = Add a room type
rooms-name = Room type
rooms-kind = Category
rooms-room-type = Room type
rooms-max-occupancy = Maximum occupancy
rooms-archive = Archive room type
rooms-archived = Room type archived with its rates.
rooms-created = Room type added.
rooms-error-name-taken = This hotel already has a room type with this name.
room-single = Single
room-twin = Twin
room-double = Double
room-triple = Triple
room-family = Family
rates-add = Add a seasonal rate
rates-season = Season
rates-from = From
rates-to = To
rates-per-night = Rate per room-night
rates-none = No rates yet.
rates-created = Rate added.
rates-archived = Rate archived.
rates-error-dates = The season must end on or after its first day.
rates-error-overlap = These dates overlap the season “{ $season }” ({ $from } – { $to }) of this room type.
vehicles-title = Vehicles and rates
vehicles-empty = No vehicles yet.
vehicles-add = Add a vehicle
vehicles-type = Vehicle type
vehicles-seats = Seats
vehicles-plate = Plate
vehicles-day-rate = Rate per day
vehicles-transfer-rate = Rate per transfer
vehicles-created = Vehicle added.
vehicles-archived = Vehicle archived.
rooms-edit-title = Edit room type
rooms-updated = Room type saved.
rooms-rate-edit-title = Edit seasonal rate
rooms-rate-updated = Seasonal rate saved.
