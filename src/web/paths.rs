//! Every URL a handler or a view links to or redirects to. The route table (`routes.rs`) holds
//! the patterns; this file builds the concrete paths, so that no handler formats a URL by hand
//! and a renamed route is changed in two places only.

use chrono::NaiveDate;

use crate::domain::currency::Currency;
use crate::domain::ids::{
    AgencyId, AllotmentId, ContactId, ExchangeRateId, GroupId, GuideId, ImportBatchId, PeakId,
    RoomRateId, RoomTypeId, SupplierId, TourDayId, TourId, TourLineId, UserId,
};
use crate::domain::master::suppliers::SupplierKind;
use crate::import::Kind;

pub const HOME: &str = "/";
pub const SIGN_IN: &str = "/sign-in";
pub const ACCOUNT: &str = "/account";
pub const ACCOUNT_PASSWORD: &str = "/account/password";
pub const ACCOUNT_YEAR_STYLE: &str = "/account/year-style";
pub const SETTINGS: &str = "/settings";
pub const SETTINGS_TIME_ZONE: &str = "/settings/time-zone";
pub const GUIDES: &str = "/guides";
pub const AGENCIES: &str = "/agencies";
pub const RATES: &str = "/rates";
pub const GUIDE_NEW: &str = "/guides/new";
pub const AGENCY_NEW: &str = "/agencies/new";
pub const RATE_NEW: &str = "/rates/new";
pub const AUDIT: &str = "/audit";
/// The latest rate of each pair, with inverse and cross rates.
pub const RATES_LATEST: &str = "/rates/latest";
/// Where an admin posts the patterns of group codes and quotation numbers.
pub const SETTINGS_CODES: &str = "/settings/codes";
/// The group list, where new groups are posted.
pub const GROUPS: &str = "/groups";
pub const GROUP_NEW: &str = "/groups/new";
/// The departures calendar of this month.
pub const GROUPS_CALENDAR: &str = "/groups/calendar";
pub const SUPPLIER_CONTACTS: &str = "/supplier-contacts";
pub const AGENCY_CONTACTS: &str = "/agency-contacts";

/// Where a supplier's contact's edit form posts.
pub fn supplier_contact(id: ContactId) -> String {
    format!("{SUPPLIER_CONTACTS}/{id}")
}

/// Where a client agency's contact's edit form posts.
pub fn agency_contact(id: ContactId) -> String {
    format!("{AGENCY_CONTACTS}/{id}")
}

/// The upload page of an import.
pub fn import(kind: Kind) -> String {
    format!("/imports/{}", kind.as_str())
}

pub fn user_edit(id: UserId) -> String {
    format!("/users/{id}/edit")
}

/// The list of suppliers of `kind` (`/hotels`, `/transport`...), where new ones are posted.
pub fn suppliers(kind: SupplierKind) -> &'static str {
    kind.path()
}

pub fn supplier_new(kind: SupplierKind) -> String {
    format!("{}/new", kind.path())
}

/// A supplier's page, where its edit form posts too.
pub fn supplier(kind: SupplierKind, id: SupplierId) -> String {
    format!("{}/{id}", kind.path())
}

pub fn hotel(id: SupplierId) -> String {
    supplier(SupplierKind::Hotel, id)
}

pub fn transport_company(id: SupplierId) -> String {
    supplier(SupplierKind::Transport, id)
}

pub fn room_type(id: RoomTypeId) -> String {
    format!("/room-types/{id}")
}

pub fn room_rate(id: RoomRateId) -> String {
    format!("/room-rates/{id}")
}

/// A hotel's peak surcharge (its form posts here; `/edit` shows it).
pub fn peak(id: PeakId) -> String {
    format!("/peaks/{id}")
}

/// An allotment (its form posts here; `/edit` shows it).
pub fn allotment(id: AllotmentId) -> String {
    format!("/allotments/{id}")
}

/// Where a supplier's new contacts are posted.
pub fn supplier_contacts(id: SupplierId) -> String {
    format!("/suppliers/{id}/contacts")
}

/// Where a client agency's new contacts are posted.
pub fn agency_contacts(id: AgencyId) -> String {
    format!("/agencies/{id}/contacts")
}

/// A guide's page, where its edit form posts too.
pub fn guide(id: GuideId) -> String {
    format!("/guides/{id}")
}

/// A client agency's page, and where its edit form posts.
pub fn agency(id: AgencyId) -> String {
    format!("/agencies/{id}")
}

/// Where an exchange rate's edit form posts.
pub fn rate(id: ExchangeRateId) -> String {
    format!("/rates/{id}")
}

pub fn rate_edit(id: ExchangeRateId) -> String {
    format!("/rates/{id}/edit")
}

/// An exchange rate's delete confirmation, where the deletion is posted too.
pub fn rate_delete(id: ExchangeRateId) -> String {
    format!("/rates/{id}/delete")
}

/// The new-rate form, starting with this pair.
pub fn rate_new_for(from: Currency, to: Currency) -> String {
    format!("{RATE_NEW}?from={}&to={}", from.code(), to.code())
}

/// The rate list filtered to one pair: its history.
pub fn rates_of_pair(from: Currency, to: Currency) -> String {
    format!("{RATES}?from={}&to={}", from.code(), to.code())
}

/// A group's page (its Overview tab).
pub fn group(id: GroupId) -> String {
    format!("{GROUPS}/{id}")
}

/// Where a group's status changes are posted.
pub fn group_status(id: GroupId) -> String {
    format!("{GROUPS}/{id}/status")
}

/// The new-group form, starting from this tour.
pub fn group_new_for(tour: TourId) -> String {
    format!("{GROUP_NEW}?tour={tour}")
}

/// The departures calendar of the month starting on `first`.
pub fn groups_calendar_month(first: NaiveDate) -> String {
    format!("{GROUPS_CALENDAR}?month={}", first.format("%Y-%m"))
}

/// The preview of an uploaded workbook.
pub fn import_preview(kind: Kind, id: ImportBatchId) -> String {
    format!("/imports/{}/{id}", kind.as_str())
}

/// The sign-in page, coming back to `back_to` (a local path) afterwards.
pub fn sign_in_returning(back_to: &str) -> String {
    if back_to == HOME || back_to.is_empty() {
        SIGN_IN.to_owned()
    } else {
        format!("{SIGN_IN}?next={}", percent_encode(back_to))
    }
}

/// Percent-encodes all but unreserved characters and `/`, so `next=/hotels?q=a` stays legible.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub const TOURS: &str = "/tours";
pub const TOUR_NEW: &str = "/tours/new";

/// A tour's page, where its edit form posts too.
pub fn tour(id: TourId) -> String {
    format!("{TOURS}/{id}")
}

pub fn tour_edit(id: TourId) -> String {
    format!("{TOURS}/{id}/edit")
}

pub fn tour_copy(id: TourId) -> String {
    format!("{TOURS}/{id}/copy")
}

/// Where a new itinerary day is posted.
pub fn tour_days(id: TourId) -> String {
    format!("{TOURS}/{id}/days")
}

/// The costing sheet, where its settings are posted.
pub fn tour_costing(id: TourId) -> String {
    format!("{TOURS}/{id}/costing")
}

/// Where a planning rate set by hand is posted.
pub fn tour_costing_rates(id: TourId) -> String {
    format!("{TOURS}/{id}/costing/rates")
}

/// An itinerary day, where its edit form posts.
pub fn tour_day(id: TourDayId) -> String {
    format!("/tour-days/{id}")
}

/// Where a day's new service line is posted (and, with `/new?kind=`, its form).
pub fn tour_day_lines(id: TourDayId) -> String {
    format!("/tour-days/{id}/lines")
}

/// A service line, where its edit form posts.
pub fn tour_line(id: TourLineId) -> String {
    format!("/tour-lines/{id}")
}
