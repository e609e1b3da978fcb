dashboard-welcome = Welcome, { $name }
dashboard-today = Today is { $date }.
dashboard-active-users = active users
dashboard-expiring = Expiring within { $days } days
dashboard-expiring-none = Nothing expires within the next { $days } days.
dashboard-what-licence = Guide licence
dashboard-what-contract = Hotel contract
dashboard-expires-on = expires on { $date }, in { $days ->
        [one] 1 day
       *[other] { $days } days
    }
dashboard-expires-today = expires today, { $date }
dashboard-expired-on = expired on { $date }, { $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }
dashboard-rates = Currencies without a rate for today
dashboard-rates-hint = Exchange rates to or from { $base } for the currencies your suppliers, rates, guides and clients use. A rate less than { $days } days old still counts.
dashboard-rates-none = Every currency in use has a current rate to or from { $base }.
dashboard-rate-last = last rate on { $date }, { $days ->
        [one] 1 day ago
       *[other] { $days } days ago
    }
dashboard-rate-never = no rate yet
dashboard-rates-add = Add an exchange rate
dashboard-imports = Your imports waiting in preview
dashboard-imports-none = No import is waiting for you.
dashboard-import-uploaded = uploaded { $at }
dashboard-import-errors = { $count ->
        [one] 1 row with errors
       *[other] { $count } rows with errors
    }
dashboard-recent-all = Recent changes
dashboard-recent-own = Your recent changes
dashboard-all-activity = All activity in the audit log
dashboard-no-activity = No changes yet.
