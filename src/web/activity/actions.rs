//! The actions the audit log records, read back from their stored names (`agency.update`,
//! `sign-in.failed`), and their names in words for the audit page's filter.

use crate::db::audit::{Entity, Event, Verb};
use crate::domain::message::key;

/// Every entity, verb and event the log holds, to read an action's name back. A variant added
/// to `db::audit` must be added here too; [`noun`] and [`verb_key`] will not compile without it.
pub const ENTITIES: [Entity; 21] = [
    Entity::User,
    Entity::Supplier,
    Entity::RoomType,
    Entity::RoomRate,
    Entity::HotelContract,
    Entity::Peak,
    Entity::Allotment,
    Entity::Vehicle,
    Entity::Guide,
    Entity::Agency,
    Entity::Contact,
    Entity::ExchangeRate,
    Entity::ImportBatch,
    Entity::Tour,
    Entity::TourDay,
    Entity::TourLine,
    Entity::Costing,
    Entity::Quotation,
    Entity::Group,
    Entity::Tenant,
    Entity::Demo,
];

pub const VERBS: [Verb; 19] = [
    Verb::Create,
    Verb::Update,
    Verb::Archive,
    Verb::Restore,
    Verb::Delete,
    Verb::Disable,
    Verb::Enable,
    Verb::ResetPassword,
    Verb::SetPassword,
    Verb::ChangePassword,
    Verb::ChangeLocale,
    Verb::ChangeYearStyle,
    Verb::ChangeTimeZone,
    Verb::Commit,
    Verb::Provision,
    Verb::Seed,
    Verb::Copy,
    Verb::Reorder,
    Verb::ChangeStatus,
];

pub const EVENTS: [Event; 10] = [
    Event::SignIn,
    Event::SignInFailed,
    Event::SignInThrottled,
    Event::SignInRefusedDisabled,
    Event::SignOut,
    Event::RefusedForeignOrigin,
    Event::RefusedCsrfMissing,
    Event::RefusedCsrfWrong,
    Event::RefusedFormTooLarge,
    Event::RefusedPermission,
];

/// An action read back from its stored name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Change(Entity, Verb),
    Event(Event),
}

pub fn parse_action(name: &str) -> Option<Action> {
    if let Some(event) = EVENTS.into_iter().find(|e| e.name() == name) {
        return Some(Action::Event(event));
    }
    let (entity, verb) = name.split_once('.')?;
    let entity = ENTITIES.into_iter().find(|e| e.action_name() == entity)?;
    let verb = VERBS.into_iter().find(|v| v.name() == verb)?;
    Some(Action::Change(entity, verb))
}

/// The name of a kind of record (for the audit filter and records without a page).
pub fn noun(entity: Entity) -> &'static str {
    match entity {
        Entity::User => key("activity-entity-user"),
        Entity::Supplier => key("activity-entity-supplier"),
        Entity::RoomType => key("activity-entity-room-type"),
        Entity::RoomRate => key("activity-entity-room-rate"),
        Entity::HotelContract => key("activity-entity-hotel-contract"),
        Entity::Peak => key("activity-entity-peak"),
        Entity::Allotment => key("activity-entity-allotment"),
        Entity::Vehicle => key("activity-entity-vehicle"),
        Entity::Guide => key("activity-entity-guide"),
        Entity::Agency => key("activity-entity-agency"),
        Entity::Contact => key("activity-entity-contact"),
        Entity::ExchangeRate => key("activity-entity-exchange-rate"),
        Entity::ImportBatch => key("activity-entity-import"),
        Entity::Tour => key("activity-entity-tour"),
        Entity::TourDay => key("activity-entity-tour-day"),
        Entity::TourLine => key("activity-entity-tour-line"),
        Entity::Costing => key("activity-entity-costing"),
        Entity::Quotation => key("activity-entity-quotation"),
        Entity::Group => key("activity-entity-group"),
        Entity::Tenant => key("activity-entity-tenant"),
        Entity::Demo => key("activity-entity-demo"),
    }
}

/// What a verb did, in a word (for the audit filter).
pub fn verb_key(verb: Verb) -> &'static str {
    match verb {
        Verb::Create => key("activity-verb-create"),
        Verb::Update => key("activity-verb-update"),
        Verb::Archive => key("activity-verb-archive"),
        Verb::Restore => key("activity-verb-restore"),
        Verb::Delete => key("activity-verb-delete"),
        Verb::Disable => key("activity-verb-disable"),
        Verb::Enable => key("activity-verb-enable"),
        Verb::ResetPassword => key("activity-verb-reset-password"),
        Verb::SetPassword => key("activity-verb-set-password"),
        Verb::ChangePassword => key("activity-verb-change-password"),
        Verb::ChangeLocale => key("activity-verb-change-locale"),
        Verb::ChangeYearStyle => key("activity-verb-change-year-style"),
        Verb::ChangeTimeZone => key("activity-verb-change-time-zone"),
        Verb::Commit => key("activity-verb-commit"),
        Verb::Provision => key("activity-verb-provision"),
        Verb::Seed => key("activity-verb-seed"),
        Verb::Copy => key("activity-verb-copy"),
        Verb::Reorder => key("activity-verb-reorder"),
        Verb::ChangeStatus => key("activity-verb-change-status"),
    }
}

/// An event's name (for the audit filter).
pub fn event_key(event: Event) -> &'static str {
    match event {
        Event::SignIn => key("activity-event-sign-in"),
        Event::SignInFailed => key("activity-event-sign-in-failed"),
        Event::SignInThrottled => key("activity-event-sign-in-throttled"),
        Event::SignInRefusedDisabled => key("activity-event-sign-in-refused-disabled"),
        Event::SignOut => key("activity-event-sign-out"),
        Event::RefusedForeignOrigin => key("activity-event-refused-foreign-origin"),
        Event::RefusedCsrfMissing => key("activity-event-refused-csrf-missing"),
        Event::RefusedCsrfWrong => key("activity-event-refused-csrf-wrong"),
        Event::RefusedFormTooLarge => key("activity-event-refused-form-too-large"),
        Event::RefusedPermission => key("activity-event-refused-permission"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recorded_action_reads_back() {
        for entity in ENTITIES {
            for verb in VERBS {
                let name = crate::db::audit::Action::Change(entity, verb).name();
                assert_eq!(parse_action(&name), Some(Action::Change(entity, verb)));
            }
        }
        for event in EVENTS {
            assert_eq!(parse_action(event.name()), Some(Action::Event(event)));
        }
        assert_eq!(parse_action("room-type.split"), None);
    }
}
