imports-from-excel = Import from Excel
imports-title-hotels = Import hotel rate sheet
imports-title-guides = Import guides
imports-title-agencies = Import client agencies
imports-title-rates = Import exchange rates
imports-back = Back to the list
imports-intro = Download the template, fill one row per line, then upload it. You will see every row before anything is saved.
imports-download-template = Download the template (.xlsx)
imports-file = Workbook
imports-file-hint = An .xlsx file of at most { $mb } MB.
imports-preview = Upload and preview
imports-columns = Columns
imports-column = Column
imports-example = Example
imports-format-hint = Headers may be in English, Thai, Chinese or Vietnamese, in any case. Dates as Excel dates or 2027-01-31; amounts as number cells, or as text written the way your language writes numbers. * marks a column a new record needs.
imports-preview-title = Preview of { $file }
imports-summary = { $new } new, { $changed } changed, { $unchanged } unchanged, { $errors } with errors.
imports-fix-errors = Some rows have errors: correct the workbook and upload it again. Nothing has been saved.
imports-commit = Save all rows
imports-commit-refused = The import was refused because some rows have errors. Nothing has been saved.
imports-committed = Import saved: { $count ->
        [one] 1 row
       *[other] { $count } rows
    } added or changed.
imports-already-committed = This import has already been saved.
imports-line = Line
imports-row = Row
imports-status = Status
imports-details = What changes
imports-status-new = new
imports-status-changed = changed
imports-status-unchanged = unchanged
imports-status-error = error
imports-yes = yes
imports-no = no
imports-col-hotel = Hotel
imports-error-file-too-large = The file is larger than { $mb } MB.
imports-error-unpacked-too-large = The workbook unpacks to more than { $mb } MB; split it into smaller files.
imports-error-too-many-cells = The workbook has more than { $cells } cells; split it into smaller files.
imports-error-not-workbook = This file is not an Excel workbook (.xlsx).
imports-error-unreadable = The workbook cannot be read. Save it again as .xlsx and retry.
imports-error-empty = The first sheet has no data rows.
imports-error-missing-columns = Required columns are missing: { $columns }.
imports-error-no-file = Choose a workbook to upload.
imports-error-required = { $column }: this value is required.
imports-error-too-long = { $column }: the text is too long.
imports-error-cell = { $column }: the cell holds an Excel error.
imports-error-currency = { $column }: “{ $value }” is not a currency code.
imports-error-date = { $column }: “{ $value }” is not a date (use an Excel date or 2027-01-31).
imports-error-number = { $column }: “{ $value }” is not a number.
imports-error-ambiguous = { $column }: “{ $value }” is not written as English writes numbers: a comma between thousands, a dot before decimals (1,250.50).
imports-error-negative = { $column }: “{ $value }” cannot be negative.
imports-error-too-precise = { $column }: { $value } has too many decimals for the currency.
imports-error-range = { $column }: “{ $value }” is out of range ({ $min } to { $max }).
imports-error-choice = { $column }: “{ $value }” is not one of the allowed values.
imports-error-refused = { $column }: “{ $value }” — { $reason }
imports-error-languages = Languages: “{ $value }” should look like zh:native, en:fluent.
imports-error-database = The row could not be saved: { $detail }
imports-error-too-many-styles = The workbook holds more than { $count } shared texts or cell styles; save it again as a plain .xlsx or split it.
imports-error-out-of-bounds = The sheet uses cells beyond row { $rows } or column { $columns }; delete the stray cells far out and save again.
imports-error-too-many-rows = The sheet has more than { $rows } data rows; split it into smaller files.
imports-error-too-much-data = The sheet holds more than { $mb } MB of text; split it into smaller files.
imports-error-control-character = { $column }: the text holds control characters (such as line breaks); remove them.
imports-error-date-range = { $column }: “{ $value }” is outside the years 1900 to 2200.
imports-error-hotel-conflict = { $column }: “{ $value }” differs from “{ $other }” given for the same hotel on line { $line }.
imports-title-transport = Import transport companies and vehicles
imports-title-restaurants = Import restaurants
imports-title-attractions = Import attractions
imports-title-shops = Import shops
imports-col-company = Transport company
imports-col-restaurant = Restaurant
imports-col-attraction = Attraction
imports-col-shop = Shop
imports-status-example = example, not imported
imports-summary-examples = { $count ->
        [one] The example row of an old template was skipped.
       *[other] { $count } example rows of an old template were skipped.
    }
imports-nothing-to-save = Nothing to save: every row matches what is already stored.
imports-value-empty = (empty)
imports-how = How to fill it in
imports-help-sheet = Instructions
imports-help-data-sheet = Fill in the first sheet, one row per line, from row 2. This sheet is only for reading: it is never imported.
imports-help-blank = For a record that is already stored, a blank cell keeps its value: leave blank what you do not want to change.
imports-help-clear = To remove a stored value, type “{ $marker }” alone in the cell (in number and date columns too). 0 is a number, not a removal.
imports-help-formats = Dates as Excel dates or as 2027-01-31. Amounts as numbers, or as text written the way your language writes numbers; amounts are in the currency of their row.
imports-match-hotels = Each row is one rate: a hotel (found by its name and city), one of its room types (by name) and a season (by its first and last night). Rows of one hotel repeat its details, or leave them blank.
imports-match-transport = Each row is one vehicle of a transport company. The company is found by its name and city; the vehicle by its plate, or by its type when the company has only one vehicle of that type. Rates are in the company's currency.
imports-match-suppliers = Each row is one supplier, found by its name and city (the city may be left blank when only one has that name). Amounts are in the supplier's currency.
imports-match-guides = Each row is one guide, found by licence number, or by name when the row gives no licence number.
imports-match-agencies = Each row is one client agency, found by its name.
imports-match-rates = Each row is one exchange rate, found by its date and its two currencies.
imports-role-key = Says which record the row is about: always fill it in.
imports-role-key-part = With the name, says which record: may be left blank when only one has that name.
imports-role-required = Needed for a new record. Blank keeps the stored value; it cannot be removed.
imports-role-defaulted = Blank keeps the stored value; a new record gets the usual value. It cannot be removed.
imports-role-optional = Blank keeps the stored value; “{ $marker }” removes it.
imports-error-key-clear = { $column }: says which record the row is about, so it cannot be removed.
imports-error-no-clear = { $column }: every record has this value, so it cannot be removed; leave the cell blank to keep it.
imports-error-amount-currency = { $column }: the currency changes from { $before } to { $after }, so give this amount again, in { $after }.
imports-error-archived = “{ $name }” is archived: restore it before importing changes to it.
imports-error-duplicate-row = This row is about the same record as line { $line }: give each record once.
imports-error-company-conflict = { $column }: “{ $value }” differs from “{ $other }” given for the same company on line { $line }.
imports-error-ambiguous-name = Several { $kind ->
        [restaurant] restaurants
        [attraction] attractions
        [shop] shops
        [transport] transport companies
       *[other] suppliers
    } are named “{ $name }”: give the city to say which one.
imports-error-ambiguous-vehicle = The company has several vehicles of the type “{ $type }”: give the plate to say which one.
imports-error-currency-vehicles = Currency: the vehicles of “{ $name }” are priced in { $currency }; a sheet cannot change the company's currency while it has vehicles.
imports-note-commission-percent = Needed when the basis is a percentage of sales (0 to 100). Blank keeps the stored value.
imports-note-commission-per-head = Needed when the basis is an amount per head, in the shop's currency. Blank keeps the stored value.
imports-error-vehicle-plates = Line { $line } gives this company another “{ $type }”: give each vehicle of the same type its plate, so that one row does not change the other’s vehicle.
