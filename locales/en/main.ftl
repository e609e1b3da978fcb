# Shared words: navigation, lists, forms, roles, error pages.

nav-label = Main menu
nav-dashboard = Dashboard
nav-settings = Settings
nav-language = Language
nav-language-apply = Change
nav-change-password = Change password
nav-sign-out = Sign out

list-search = Search
list-filter = Filter
list-clear = Clear
list-pages = Pages
list-prev = ← Previous
list-next = Next →
list-page-of = Page { $page } of { $pages }
list-empty-page = There are no rows on this page: the list has { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }.
list-last-page = Go to the last page

form-save = Save

role-admin = Admin
role-manager = Manager
role-sales = Sales
role-operations = Operations
role-accountant = Accountant
role-viewer = Viewer
role-admin-description = Everything, and the staff accounts, the settings and the audit log.
role-manager-description = All master data, suppliers to exchange rates; the agency’s settings.
role-sales-description = Client agencies — terms, contacts, languages; reads suppliers, guides and rates to quote.
role-operations-description = Suppliers, their rates and vehicles, and guides; reads clients and exchange rates.
role-accountant-description = Exchange rates; reads all master data.
role-viewer-description = Reads all master data; changes nothing.

error-back-home = Back to the dashboard
error-bad-request = The request could not be understood.
error-bad-form = The form could not be read: { $detail }
error-bad-query = This address holds a value that cannot be read: a page number, for one, must be a whole number.
error-forbidden = You do not have permission to do this, or the form expired. Reload the page and try again.
error-not-found = This page does not exist.
error-method-not-allowed = This page does not accept that kind of request.
error-too-large = The data sent is too large.
error-misdirected = This address does not belong to this agency.
error-unprocessable = Some fields need correcting.
error-too-many-requests = Too many requests. Wait a moment and try again.
error-unavailable = The service is briefly unavailable. Try again in a moment.
error-internal = Something went wrong on our side. The problem has been logged.
error-archived = This record is archived: restore it before changing it.
