//! The contacts of a supplier or a client agency: listed on its page, added, edited and
//! archived (never deleted), every change audited in its transaction.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::master::contacts::{self, Contact, ContactData, Contacts, Party};
use crate::db::master::{agencies, suppliers};
use crate::domain::access::Perm;
use crate::domain::ids::{AgencyId, ContactId, SupplierId};
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, Reader};
use crate::web::kit::{confirm, record};
use crate::web::paths;

/// Which kind of party a request is about, with what it takes to change its contacts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Supplier,
    Agency,
}

impl Side {
    fn perm(self) -> Perm {
        match self {
            Side::Supplier => Perm::SuppliersEdit,
            Side::Agency => Perm::AgenciesEdit,
        }
    }

    fn of(party: Party) -> Side {
        match party {
            Party::Supplier(_) => Side::Supplier,
            Party::Agency(_) => Side::Agency,
        }
    }

    /// Where a contact's edit form posts.
    fn contact_path(self, id: ContactId) -> String {
        match self {
            Side::Supplier => paths::supplier_contact(id),
            Side::Agency => paths::agency_contact(id),
        }
    }

    /// Where a contact's edit and archive forms post, without the id (the page adds it).
    fn contact_base(self) -> &'static str {
        match self {
            Side::Supplier => paths::SUPPLIER_CONTACTS,
            Side::Agency => paths::AGENCY_CONTACTS,
        }
    }
}

/// Where a party's new contacts are posted.
fn add_action(party: Party) -> String {
    match party {
        Party::Supplier(id) => paths::supplier_contacts(id),
        Party::Agency(id) => paths::agency_contacts(id),
    }
}

/// The page of the party, where its contacts are listed.
async fn party_page(db: &Db, party: Party) -> Result<String, WebError> {
    db.find(move |conn| match party {
        Party::Agency(id) => Ok(agencies::find(conn, id)?.map(|a| paths::agency(a.id))),
        Party::Supplier(id) => {
            Ok(suppliers::find(conn, id)?.map(|s| paths::supplier(s.data.kind, s.id)))
        }
    })
    .await
}

#[derive(Serialize)]
pub struct ContactView {
    id: i64,
    name: String,
    position: String,
    phone: String,
    email: String,
    notes: String,
    archived: bool,
}

/// What a party's page shows of its contacts: the list and, for editors, the add form.
#[derive(Serialize)]
pub struct ContactsSection {
    rows: Vec<ContactView>,
    base: &'static str,
    add_action: String,
    fields: Vec<FieldView>,
    can_edit: bool,
}

fn fields(ui: &Ui, values: &Fields, errors: &Errors) -> Vec<FieldView> {
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("name", key("contacts-name"), true)
        .text("position", key("contacts-position"), false)
        .text("phone", key("contacts-phone"), false)
        .email("email", key("contacts-email"))
        .textarea("notes", key("contacts-notes"));
    b.fields
}

pub async fn section(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    party: Party,
) -> Result<ContactsSection, WebError> {
    let side = Side::of(party);
    let (live, archived) = db
        .read(move |conn| -> Result<_, WebError> {
            Ok((
                contacts::of(conn, party)?,
                contacts::archived_of(conn, party)?,
            ))
        })
        .await?;
    let view = |c: Contact| ContactView {
        id: c.id.0,
        name: c.data.name,
        position: c.data.position,
        phone: c.data.phone,
        email: c.data.email,
        notes: c.data.notes,
        archived: c.archived,
    };
    Ok(ContactsSection {
        rows: live.into_iter().chain(archived).map(view).collect(),
        base: side.contact_base(),
        add_action: add_action(party),
        fields: fields(ui, &Fields(Vec::new()), &Errors::default()),
        can_edit: user.user().role.permits(side.perm()),
    })
}

/// Reads the form into contact data, or the field errors.
fn parse(ui: &Ui, form: &Fields) -> Result<ContactData, Errors> {
    let mut r = Reader::new(ui, form);
    let data = ContactData {
        name: r.text("name", 100, true),
        position: r.text("position", 100, false),
        phone: r.text("phone", 50, false),
        email: r.email("email", false),
        notes: r.multi_line("notes", 1000),
    };
    if r.errors.any() {
        return Err(r.errors);
    }
    Ok(data)
}

/// Which party kind's routes a request came by: `/supplier-contacts/…` or `/agency-contacts/…`.
pub trait SideOf {
    const SIDE: Side;
    /// The id of the party that a new contact is added to.
    type PartyId: serde::de::DeserializeOwned;
    fn party(id: Self::PartyId) -> Party;
}

/// Contacts of suppliers.
pub struct OfSupplier;
/// Contacts of client agencies.
pub struct OfAgency;

impl SideOf for OfSupplier {
    const SIDE: Side = Side::Supplier;
    type PartyId = SupplierId;
    fn party(id: SupplierId) -> Party {
        Party::Supplier(id)
    }
}

impl SideOf for OfAgency {
    const SIDE: Side = Side::Agency;
    type PartyId = AgencyId;
    fn party(id: AgencyId) -> Party {
        Party::Agency(id)
    }
}

#[derive(Serialize)]
struct FormView {
    title: String,
    back: String,
    action: String,
    fields: Vec<FieldView>,
    failed: bool,
}

/// A contact form's place: its title, the party page it returns to, where it posts.
struct Place {
    title: &'static str,
    back: String,
    action: String,
}

impl Place {
    fn new_contact(party: Party, back: String) -> Place {
        Place {
            title: key("contacts-add"),
            back,
            action: add_action(party),
        }
    }

    fn contact(side: Side, id: ContactId, back: String) -> Place {
        Place {
            title: key("contacts-edit"),
            back,
            action: side.contact_path(id),
        }
    }
}

/// The form with `values`; with errors, the refused form (422).
fn render_form(
    ui: &Ui,
    place: Place,
    values: &Fields,
    errors: &Errors,
) -> Result<HttpResponse, WebError> {
    let view = FormView {
        title: ui.t(place.title),
        back: place.back,
        action: place.action,
        fields: fields(ui, values, errors),
        failed: errors.any(),
    };
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ui.render(status, "contacts/form.html", &view)
}

pub async fn add<S: SideOf>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<S::PartyId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(S::SIDE.perm())?;
    let party = S::party(path.into_inner());
    let back = party_page(&db, party).await?;
    let form = Fields(form.into_inner());
    let data = match parse(&ui, &form) {
        Ok(data) => data,
        Err(errors) => {
            return render_form(&ui, Place::new_contact(party, back), &form, &errors);
        }
    };
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<_, WebError> { Ok(contacts::add(conn, &actor, party, &data)?) })
        .await?;
    Ok(ui.see_other(&back, Flash::success(Message::new("contacts-created"))))
}

/// The live contact a path names, for a user who may change it — a contact is only reached
/// through its own party kind's routes — and the page of its party.
async fn load<S: SideOf>(
    db: &Db,
    user: &CurrentUser,
    path: web::Path<ContactId>,
) -> Result<(Contact, String), WebError> {
    load_in_state::<S>(db, user, path, false).await
}

/// The contact a path names, live or archived (`archived`), as [`load`] finds it.
async fn load_in_state<S: SideOf>(
    db: &Db,
    user: &CurrentUser,
    path: web::Path<ContactId>,
    archived: bool,
) -> Result<(Contact, String), WebError> {
    user.require(S::SIDE.perm())?;
    let id = path.into_inner();
    let reachable = move |c: &Contact| c.archived == archived && Side::of(c.party) == S::SIDE;
    let contact = db
        .find(move |conn| Ok(contacts::find(conn, id)?.filter(reachable)))
        .await?;
    let back = party_page(db, contact.party).await?;
    Ok((contact, back))
}

pub async fn edit_form<S: SideOf>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ContactId>,
) -> Result<HttpResponse, WebError> {
    let (contact, back) = load::<S>(&db, &user, path).await?;
    let (id, d) = (contact.id, &contact.data);
    let values = Fields(vec![
        ("name".into(), d.name.clone()),
        ("position".into(), d.position.clone()),
        ("phone".into(), d.phone.clone()),
        ("email".into(), d.email.clone()),
        ("notes".into(), d.notes.clone()),
    ]);
    let place = Place::contact(S::SIDE, id, back);
    render_form(&ui, place, &values, &Errors::default())
}

pub async fn update<S: SideOf>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ContactId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (contact, back) = load::<S>(&db, &user, path).await?;
    let (id, form) = (contact.id, Fields(form.into_inner()));
    let data = match parse(&ui, &form) {
        Ok(data) => data,
        Err(errors) => {
            let place = Place::contact(S::SIDE, id, back);
            return render_form(&ui, place, &form, &errors);
        }
    };
    record::change::<Contacts>(&ui, &db, &user, id, data).await?;
    Ok(ui.see_other(&back, Flash::success(Message::new("contacts-updated"))))
}

/// Archives the contact once confirmed; before, answers the question (`kit::confirm`).
pub async fn archive<S: SideOf>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ContactId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (contact, back) = load::<S>(&db, &user, path).await?;
    if !confirm::confirmed(&Fields(form.into_inner())) {
        return confirm::ask_archive(&ui, &contact.data.name, None, &back);
    }
    record::set_archived::<Contacts>(&ui, &db, &user, contact.id, true).await?;
    Ok(ui.see_other(&back, Flash::success(Message::new("contacts-archived"))))
}

/// Restores an archived contact.
pub async fn restore<S: SideOf>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ContactId>,
) -> Result<HttpResponse, WebError> {
    let (contact, back) = load_in_state::<S>(&db, &user, path, true).await?;
    record::set_archived::<Contacts>(&ui, &db, &user, contact.id, false).await?;
    Ok(ui.see_other(&back, Flash::success(Message::new("contacts-restored"))))
}
