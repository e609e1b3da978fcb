//! Restaurant, attraction and shop sheets: one row per supplier, matched by name and city —
//! with their meal prices, entrance tickets for adults and children, or commission terms. What
//! every supplier row says (name, city, contact, currency) is read here for transport sheets
//! too. The rules are the form's: the same lengths, an adult ticket required, a shop's
//! commission percentage within 0–100 % and its split adding up to exactly 100 %.

use diesel::QueryResult;

use super::fill::{Currencies, Fill};
use super::reader::{CLEAR, Cell, RowReader, cell_error};
use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, Value, archived_error};
use crate::db::AnyConnection;
use crate::db::master::suppliers::{self, Commission, Supplier, SupplierData};
use crate::domain::currency::{COMMON, Currency};
use crate::domain::decimal::Dec;
use crate::domain::master::suppliers::{
    CommissionBasis, CommissionSplit, SupplierKind, commission_percent,
};
use crate::domain::message::{Message, key};
use crate::domain::text::search_key;

pub const LOCAL_NAME: Column = Column::optional(
    "local_name",
    key("suppliers-local-name"),
    CellKind::Text,
    "บ้านสวน",
);
pub const CITY: Column = Column::key_part(
    "city",
    key("suppliers-col-city"),
    CellKind::Text,
    "Chiang Mai",
);
pub const COUNTRY: Column = Column::optional(
    "country",
    key("suppliers-col-country"),
    CellKind::Text,
    "Thailand",
);
pub const CURRENCY: Column = Column::required(
    "currency",
    key("suppliers-col-currency"),
    CellKind::Text,
    "THB",
)
.with_choices(&COMMON);
pub const CONTACT: Column = Column::optional(
    "contact_name",
    key("suppliers-col-contact"),
    CellKind::Text,
    "Khun Malee",
);
pub const PHONE: Column = Column::optional(
    "phone",
    key("suppliers-phone"),
    CellKind::Text,
    "+66 53 123 456",
);
pub const EMAIL: Column = Column::optional(
    "email",
    key("suppliers-email"),
    CellKind::Text,
    "sales@example.com",
);
pub const ADDRESS: Column = Column::optional(
    "address",
    key("suppliers-address"),
    CellKind::Text,
    "12 Nimmanhaemin Road",
);

pub const RESTAURANT_COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("imports-col-restaurant"),
        CellKind::Text,
        "Baan Suan Kitchen",
    ),
    LOCAL_NAME,
    CITY,
    COUNTRY,
    CURRENCY,
    CONTACT,
    PHONE,
    EMAIL,
    ADDRESS,
    Column::optional(
        "breakfast",
        key("suppliers-breakfast"),
        CellKind::Number,
        "150",
    ),
    Column::optional("lunch", key("suppliers-lunch"), CellKind::Number, "250"),
    Column::optional("dinner", key("suppliers-dinner"), CellKind::Number, "350"),
];

pub const ATTRACTION_COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("imports-col-attraction"),
        CellKind::Text,
        "Doi Suthep Temple",
    ),
    LOCAL_NAME,
    CITY,
    COUNTRY,
    CURRENCY,
    CONTACT,
    PHONE,
    EMAIL,
    ADDRESS,
    Column::required("adult", key("suppliers-adult"), CellKind::Number, "50"),
    Column::optional("child", key("suppliers-child"), CellKind::Number, "20"),
];

pub const SHOP_COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("imports-col-shop"),
        CellKind::Text,
        "Lanna Silver Factory",
    ),
    LOCAL_NAME,
    CITY,
    COUNTRY,
    CURRENCY,
    CONTACT,
    PHONE,
    EMAIL,
    ADDRESS,
    Column::optional(
        "shop_kind",
        key("suppliers-shop-kind"),
        CellKind::Text,
        "Silverware",
    ),
    Column::required(
        "commission_basis",
        key("suppliers-commission-basis"),
        CellKind::Text,
        "percent",
    )
    .with_choices(&["percent", "per_head"]),
    Column::optional(
        "commission_percent",
        key("suppliers-commission-percent"),
        CellKind::Number,
        "15",
    )
    .with_note(key("imports-note-commission-percent")),
    Column::optional(
        "commission_per_head",
        key("suppliers-commission-per-head"),
        CellKind::Number,
        "",
    )
    .with_note(key("imports-note-commission-per-head")),
    Column::required(
        "split_agency",
        key("suppliers-split-agency"),
        CellKind::Number,
        "60",
    ),
    Column::required(
        "split_guide",
        key("suppliers-split-guide"),
        CellKind::Number,
        "30",
    ),
    Column::required(
        "split_driver",
        key("suppliers-split-driver"),
        CellKind::Number,
        "10",
    ),
];

/// The commission bases as a cell may name them.
const BASES: [(&str, &str, CommissionBasis); 2] = [
    (
        "percent",
        key("suppliers-basis-percent"),
        CommissionBasis::Percent,
    ),
    (
        "per_head",
        key("suppliers-basis-per-head"),
        CommissionBasis::PerHead,
    ),
];

fn basis_key(basis: CommissionBasis) -> &'static str {
    match basis {
        CommissionBasis::Percent => key("suppliers-basis-percent"),
        CommissionBasis::PerHead => key("suppliers-basis-per-head"),
    }
}

/// What every supplier row says about its supplier, as read from its cells.
pub struct Common {
    pub name: Option<String>,
    pub city: Cell<String>,
    local_name: Cell<String>,
    country: Cell<String>,
    currency: Cell<Currency>,
    contact_name: Cell<String>,
    phone: Cell<String>,
    email: Cell<String>,
    address: Cell<String>,
}

/// Reads the supplier's own columns, with the form's lengths.
pub fn read_common(r: &mut RowReader<'_>, name_label: &'static str) -> Common {
    Common {
        name: r.key_text("name", name_label, 200),
        city: r.text("city", key("suppliers-col-city"), 100),
        local_name: r.text("local_name", key("suppliers-local-name"), 200),
        country: r.text("country", key("suppliers-col-country"), 100),
        currency: r.currency("currency", key("suppliers-col-currency")),
        contact_name: r.text("contact_name", key("suppliers-col-contact"), 200),
        phone: r.text("phone", key("suppliers-phone"), 100),
        email: r.email("email", key("suppliers-email")),
        address: r.multi_line("address", key("suppliers-address"), 500),
    }
}

/// The stored supplier a row names, `Ok(None)` for a new one, or `Err` with the row's error
/// (`None` when the row already has it): by name and city; a supplier without a city matches
/// a row that gives one (and gets it); a row without a city matches the only supplier of that
/// name.
pub fn find(
    conn: &mut AnyConnection,
    kind: SupplierKind,
    name: &str,
    city: &Cell<String>,
) -> QueryResult<Result<Option<Supplier>, Option<Message>>> {
    let found = match city {
        Cell::Set(city) => match suppliers::find_by_name(conn, kind, name, city)? {
            Some(s) => Some(s),
            None => {
                let mut cityless = suppliers::find_named(conn, kind, name)?
                    .into_iter()
                    .filter(|s| s.data.city.is_empty());
                match (cityless.next(), cityless.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            }
        },
        Cell::Clear => {
            return Ok(Err(Some(cell_error(
                key("imports-error-key-clear"),
                key("suppliers-col-city"),
                CLEAR,
            ))));
        }
        Cell::Refused => return Ok(Err(None)),
        Cell::Keep => {
            let mut named = suppliers::find_named(conn, kind, name)?.into_iter();
            match (named.next(), named.next()) {
                (only, None) => only,
                _ => {
                    return Ok(Err(Some(
                        Message::new("imports-error-ambiguous-name")
                            .arg("name", name)
                            .arg("kind", kind.as_str()),
                    )));
                }
            }
        }
    };
    match found {
        Some(s) if s.archived => Ok(Err(Some(archived_error(&s.data.name)))),
        found => Ok(Ok(found)),
    }
}

/// The supplier's own fields as the row leaves them.
pub fn fill_common(
    fill: &mut Fill<'_>,
    kind: SupplierKind,
    name: String,
    before: Option<&SupplierData>,
    common: Common,
) -> Option<SupplierData> {
    let same_city = |a: &str, b: &str| search_key(a) == search_key(b);
    let city = match (common.city, before) {
        // A row without a city matched by name alone: the city stays.
        (Cell::Keep, _) => before.map(|b| b.city.clone()).unwrap_or_default(),
        // Matched by name and city: the stored spelling stays.
        (Cell::Set(city), Some(b)) if same_city(&b.city, &city) => b.city.clone(),
        (Cell::Set(city), _) => city,
        (Cell::Clear | Cell::Refused, _) => return None,
    };
    fill.out.change(
        key("suppliers-col-city"),
        before.map(|b| Value::text(&b.city)),
        Value::text(&city),
    );
    let local_name = fill.text(
        key("suppliers-local-name"),
        before.map(|b| &b.local_name),
        common.local_name,
    );
    let country = fill.text(
        key("suppliers-col-country"),
        before.map(|b| &b.country),
        common.country,
    );
    let currency = fill.required(
        key("suppliers-col-currency"),
        before.map(|b| &b.currency),
        common.currency,
        |c| Value::text(c.code()),
    );
    let contact_name = fill.text(
        key("suppliers-col-contact"),
        before.map(|b| &b.contact_name),
        common.contact_name,
    );
    let phone = fill.text(
        key("suppliers-phone"),
        before.map(|b| &b.phone),
        common.phone,
    );
    let email = fill.text(
        key("suppliers-email"),
        before.map(|b| &b.email),
        common.email,
    );
    let address = fill.text(
        key("suppliers-address"),
        before.map(|b| &b.address),
        common.address,
    );
    Some(SupplierData {
        kind,
        // A stored supplier keeps its own spelling of its name.
        name: before.map_or(name, |b| b.name.clone()),
        local_name: local_name?,
        city,
        country: country?,
        address: address?,
        contact_name: contact_name?,
        phone: phone?,
        email: email?,
        currency: currency?,
        notes: before.map(|b| b.notes.clone()).unwrap_or_default(),
        stars: None,
        breakfast_minor: before.and_then(|b| b.breakfast_minor),
        lunch_minor: before.and_then(|b| b.lunch_minor),
        dinner_minor: before.and_then(|b| b.dinner_minor),
        adult_minor: before.and_then(|b| b.adult_minor),
        child_minor: before.and_then(|b| b.child_minor),
        shop_kind: before.map(|b| b.shop_kind.clone()).unwrap_or_default(),
        commission: before.and_then(|b| b.commission),
    })
}

/// What the row says about the supplier's prices or terms, by kind.
enum Extras {
    Restaurant {
        breakfast: Cell<Dec>,
        lunch: Cell<Dec>,
        dinner: Cell<Dec>,
    },
    Attraction {
        adult: Cell<Dec>,
        child: Cell<Dec>,
    },
    Shop(ShopCells),
    None,
}

struct ShopCells {
    shop_kind: Cell<String>,
    basis: Cell<CommissionBasis>,
    percent: Cell<Dec>,
    per_head: Cell<Dec>,
    agency: Cell<Dec>,
    guide: Cell<Dec>,
    driver: Cell<Dec>,
}

fn read_extras(r: &mut RowReader<'_>, kind: SupplierKind) -> Extras {
    match kind {
        SupplierKind::Restaurant => Extras::Restaurant {
            breakfast: r.decimal("breakfast", key("suppliers-breakfast")),
            lunch: r.decimal("lunch", key("suppliers-lunch")),
            dinner: r.decimal("dinner", key("suppliers-dinner")),
        },
        SupplierKind::Attraction => Extras::Attraction {
            adult: r.decimal("adult", key("suppliers-adult")),
            child: r.decimal("child", key("suppliers-child")),
        },
        SupplierKind::Shop => {
            let percent = r.decimal("commission_percent", key("suppliers-commission-percent"));
            let percent = match percent {
                Cell::Set(p) => match commission_percent(p) {
                    Ok(p) => Cell::Set(p),
                    Err(e) => {
                        r.refused(
                            key("suppliers-commission-percent"),
                            &p.canonical(),
                            e.message(),
                        );
                        Cell::Refused
                    }
                },
                other => other,
            };
            Extras::Shop(ShopCells {
                shop_kind: r.text("shop_kind", key("suppliers-shop-kind"), 100),
                basis: r.choice(
                    "commission_basis",
                    key("suppliers-commission-basis"),
                    &BASES,
                ),
                percent,
                per_head: r.decimal("commission_per_head", key("suppliers-commission-per-head")),
                agency: r.decimal("split_agency", key("suppliers-split-agency")),
                guide: r.decimal("split_guide", key("suppliers-split-guide")),
                driver: r.decimal("split_driver", key("suppliers-split-driver")),
            })
        }
        SupplierKind::Hotel | SupplierKind::Transport => Extras::None,
    }
}

/// Sets the row's prices or terms on `data`; `None` when the row is refused.
fn fill_extras(
    fill: &mut Fill<'_>,
    before: Option<&SupplierData>,
    data: &mut SupplierData,
    extras: Extras,
) -> Option<()> {
    let currencies = Currencies {
        before: before.map(|b| b.currency),
        after: data.currency,
    };
    match extras {
        Extras::Restaurant {
            breakfast,
            lunch,
            dinner,
        } => {
            let breakfast = fill.optional_amount(
                key("suppliers-breakfast"),
                before.map(|b| &b.breakfast_minor),
                breakfast,
                currencies,
            );
            let lunch = fill.optional_amount(
                key("suppliers-lunch"),
                before.map(|b| &b.lunch_minor),
                lunch,
                currencies,
            );
            let dinner = fill.optional_amount(
                key("suppliers-dinner"),
                before.map(|b| &b.dinner_minor),
                dinner,
                currencies,
            );
            data.breakfast_minor = breakfast?;
            data.lunch_minor = lunch?;
            data.dinner_minor = dinner?;
        }
        Extras::Attraction { adult, child } => {
            // The adult ticket is required, as on the form; a stored attraction may lack one.
            let adult_before = before.map(|b| b.adult_minor);
            let adult = fill.amount(
                key("suppliers-adult"),
                adult_before.as_ref().and_then(Option::as_ref),
                adult,
                currencies,
            );
            let child = fill.optional_amount(
                key("suppliers-child"),
                before.map(|b| &b.child_minor),
                child,
                currencies,
            );
            data.adult_minor = Some(adult?);
            data.child_minor = child?;
        }
        Extras::Shop(cells) => fill_shop(fill, before, data, cells, currencies)?,
        Extras::None => {}
    }
    Some(())
}

fn fill_shop(
    fill: &mut Fill<'_>,
    before: Option<&SupplierData>,
    data: &mut SupplierData,
    cells: ShopCells,
    currencies: Currencies,
) -> Option<()> {
    let shop_kind = fill.text(
        key("suppliers-shop-kind"),
        before.map(|b| &b.shop_kind),
        cells.shop_kind,
    );
    let stored = before.and_then(|b| b.commission);
    let basis = fill.required(
        key("suppliers-commission-basis"),
        stored.as_ref().map(|c| &c.basis),
        cells.basis,
        |b| Value::label(basis_key(*b)),
    );
    let number = |d: &Dec| Value::Number(d.canonical());
    let split = stored.map(|c| c.split);
    let agency = fill.required(
        key("suppliers-split-agency"),
        split.as_ref().map(|s| &s.agency),
        cells.agency,
        number,
    );
    let guide = fill.required(
        key("suppliers-split-guide"),
        split.as_ref().map(|s| &s.guide),
        cells.guide,
        number,
    );
    let driver = fill.required(
        key("suppliers-split-driver"),
        split.as_ref().map(|s| &s.driver),
        cells.driver,
        number,
    );
    // Only the basis's own amount is kept, as on the form; the other one goes.
    let stored_percent = stored.and_then(|c| c.percent);
    let stored_per_head = stored.and_then(|c| c.per_head_minor);
    let (percent, per_head) = match basis? {
        CommissionBasis::Percent => {
            let percent = fill.required(
                key("suppliers-commission-percent"),
                stored_percent.as_ref(),
                cells.percent,
                number,
            );
            if let Some(m) = stored_per_head {
                fill.out.change(
                    key("suppliers-commission-per-head"),
                    Some(Value::money(m, currencies.before.unwrap_or(data.currency))),
                    Value::Empty,
                );
            }
            (Some(percent?), None)
        }
        CommissionBasis::PerHead => {
            let per_head = fill.amount(
                key("suppliers-commission-per-head"),
                stored_per_head.as_ref(),
                cells.per_head,
                currencies,
            );
            if let Some(p) = stored_percent {
                fill.out.change(
                    key("suppliers-commission-percent"),
                    Some(number(&p)),
                    Value::Empty,
                );
            }
            (None, Some(per_head?))
        }
    };
    let split = match CommissionSplit::new(agency?, guide?, driver?) {
        Ok(split) => split,
        Err(e) => {
            fill.out.error(e.message());
            return None;
        }
    };
    data.shop_kind = shop_kind?;
    data.commission = Some(Commission {
        basis: basis?,
        percent,
        per_head_minor: per_head,
        split,
    });
    Some(())
}

/// The message id of the column naming a supplier of `kind`.
fn name_label(kind: SupplierKind) -> &'static str {
    match kind {
        SupplierKind::Restaurant => key("imports-col-restaurant"),
        SupplierKind::Attraction => key("imports-col-attraction"),
        SupplierKind::Shop => key("imports-col-shop"),
        SupplierKind::Transport => key("imports-col-company"),
        SupplierKind::Hotel => key("imports-col-hotel"),
    }
}

/// Applies one restaurant, attraction or shop row.
pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    kind: SupplierKind,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let common = read_common(&mut r, name_label(kind));
    let extras = read_extras(&mut r, kind);
    let mut out = Outcome::new(row, label(row));
    out.errors = std::mem::take(&mut r.errors);
    let Some(name) = common.name.clone() else {
        return Ok(out.finish(false));
    };
    let found = match find(conn, kind, &name, &common.city)? {
        Ok(found) => found,
        Err(refused) => {
            out.errors.extend(refused);
            return Ok(out.finish(false));
        }
    };
    let before = found.as_ref().map(|s| &s.data);
    let mut fill = Fill::new(&mut out);
    let Some(mut data) = fill_common(&mut fill, kind, name, before, common) else {
        return Ok(out.finish(false));
    };
    if fill_extras(&mut fill, before, &mut data, extras).is_none() || out.has_errors() {
        return Ok(out.finish(false));
    }
    match found {
        None => {
            suppliers::insert(conn, &data)?;
            Ok(out.finish(true))
        }
        Some(existing) => {
            if data != existing.data {
                suppliers::update(conn, existing.id, &data)?;
            }
            Ok(out.finish(false))
        }
    }
}

/// A supplier row's label: its name, and its city when given.
pub fn label(row: &RowCells) -> String {
    [row.get("name"), row.get("city")]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}
