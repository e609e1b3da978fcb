# The audit log in words: sentences for every action recorded, on the audit page and the dashboard.

activity-actor-cli = The command line
activity-actor-demo = The demo set-up
activity-actor-someone = Someone

activity-created = { $actor } added { $record }.
activity-archived = { $actor } archived { $record }.
activity-restored = { $actor } restored { $record }.
activity-changed-one = { $actor } changed the { $field } of { $record } from { $before } to { $after }.
activity-changed-many = { $actor } changed { $count ->
        [one] one detail
       *[other] { $count } details
    } of { $record }:
activity-changed-nothing = { $actor } saved { $record } without changing anything.
activity-change-line = { $field }: { $before } → { $after }
activity-value-line = { $field }: { $value }
activity-generic = { $actor }: { $what } — { $verb }.
activity-unknown = { $actor }: “{ $action }”.
activity-unknown-record = { $actor }: “{ $action }”, record { $id }.

activity-user-created = { $actor } added { $record } with the role { $role }.
activity-user-disabled = { $actor } disabled the account of { $record }.
activity-user-enabled = { $actor } enabled the account of { $record } again.
activity-user-reset-password = { $actor } gave { $record } a one-time password.
activity-user-set-password = { $actor } set the password of { $record }.
activity-user-changed-password = { $actor } changed the password of { $record }.
activity-user-changed-own-password = { $actor } changed their own password.
activity-user-changed-locale = { $actor } switched their language to { $language }.

activity-import-committed = { $actor } imported { $file } ({ $kind }): { $new } new, { $changed } changed.
activity-import-hotels = hotel rate sheet
activity-import-guides = guides
activity-import-agencies = client agencies
activity-import-rates = exchange rates
activity-import-row = line { $line }, { $label }: { $status }
activity-import-row-new = added
activity-import-row-changed = changed
activity-import-more = …and { $count ->
        [one] one more row
       *[other] { $count } more rows
    }.
activity-tenant-provisioned = { $actor } set up this agency’s database, with { $admin } as its first admin.
activity-demo-seeded = { $actor } loaded the demo master data.

activity-signed-in = { $actor } signed in.
activity-signed-out = { $actor } signed out.
activity-sign-in-failed = A sign-in as { $actor } failed: wrong e-mail or password.
activity-sign-in-throttled = A sign-in as { $actor } was refused: too many attempts.
activity-sign-in-disabled = { $actor } could not sign in: the account is disabled.
activity-refused-foreign-origin = { $actor }: a form for { $path } sent from another site was refused.
activity-refused-csrf = { $actor }: a form for { $path } without a valid security token was refused.
activity-refused-too-large = { $actor }: a form for { $path } was refused as too large.
activity-refused-permission = { $actor } was refused { $path }: their role does not allow it.

activity-record-hotel = the hotel { $name }
activity-record-transport = the transport company { $name }
activity-record-restaurant = the restaurant { $name }
activity-record-attraction = the attraction { $name }
activity-record-shop = the shop { $name }
activity-record-supplier = the supplier { $name }
activity-record-room-type = the room type { $name } of { $hotel }
activity-record-room-rate = the rate “{ $name }” for { $room_type }
activity-record-vehicle = the vehicle { $name } of { $company }
activity-record-contact = the contact { $name } of { $party }
activity-record-guide = the guide { $name }
activity-record-agency = the client agency { $name }
activity-record-user = the user { $name }
activity-record-exchange-rate = the exchange rate { $name } of { $date }
activity-record-exchange-rate-undated = the exchange rate { $name }
activity-record-unknown = a record no longer found
activity-name-missing = no. { $id }

activity-value-empty = (none)
activity-value-unreadable = (not shown)
activity-value-yes = yes
activity-value-no = no
activity-value-qualified = { $value } ({ $qualifier })

activity-field-name = name
activity-field-local-name = name in local script
activity-field-country = country
activity-field-market = market
activity-field-document-language = document language
activity-field-currency = currency
activity-field-credit-days = credit days
activity-field-credit-limit = credit limit
activity-field-contact-name = contact
activity-field-phone = phone
activity-field-email = e-mail
activity-field-notes = notes
activity-field-licence-number = licence number
activity-field-licence-expires = licence expiry date
activity-field-daily-fee = daily fee
activity-field-active = active
activity-field-languages = languages
activity-field-city = city
activity-field-address = address
activity-field-stars = stars
activity-field-breakfast = breakfast per pax
activity-field-lunch = lunch per pax
activity-field-dinner = dinner per pax
activity-field-adult = entrance per adult
activity-field-child = entrance per child
activity-field-shop-kind = what the shop sells
activity-field-commission-basis = commission basis
activity-field-commission-percent = commission percentage
activity-field-commission-per-head = commission per head
activity-field-split = agency / guide / driver split
activity-field-room-kind = category
activity-field-max-occupancy = maximum occupancy
activity-field-season = season
activity-field-starts-on = first day
activity-field-ends-on = last day
activity-field-room-rate = rate per room-night
activity-field-vehicle-type = vehicle type
activity-field-seats = seats
activity-field-plate = plate
activity-field-day-rate = rate per day
activity-field-transfer-rate = rate per transfer
activity-field-position = position
activity-field-date = date
activity-field-from-currency = from currency
activity-field-to-currency = to currency
activity-field-exchange-rate = rate
activity-field-source = source
activity-field-role = role

activity-filter-change = { $entity } — { $verb }
activity-entity-user = User
activity-entity-supplier = Supplier
activity-entity-room-type = Room type
activity-entity-room-rate = Seasonal rate
activity-entity-vehicle = Vehicle
activity-entity-guide = Guide
activity-entity-agency = Client agency
activity-entity-contact = Contact
activity-entity-exchange-rate = Exchange rate
activity-entity-import = Import
activity-entity-tenant = Agency database
activity-entity-demo = Demo data
activity-verb-create = added
activity-verb-update = changed
activity-verb-archive = archived
activity-verb-restore = restored
activity-verb-disable = disabled
activity-verb-enable = enabled
activity-verb-reset-password = one-time password given
activity-verb-set-password = password set
activity-verb-change-password = password changed
activity-verb-change-locale = language changed
activity-verb-commit = saved
activity-verb-provision = set up
activity-verb-seed = loaded
activity-event-sign-in = Sign-in
activity-event-sign-in-failed = Sign-in failed
activity-event-sign-in-throttled = Sign-in throttled
activity-event-sign-in-refused-disabled = Sign-in of a disabled account
activity-event-sign-out = Sign-out
activity-event-refused-foreign-origin = Refused: form from another site
activity-event-refused-csrf-missing = Refused: security token missing
activity-event-refused-csrf-wrong = Refused: security token wrong
activity-event-refused-form-too-large = Refused: form too large
activity-event-refused-permission = Refused: not permitted
