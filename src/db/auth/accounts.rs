//! Administering staff accounts: the rules a change must keep (one e-mail one account; one
//! active admin at least; nobody disables themselves), each checked inside the write
//! transaction that makes the change, on the user loaded there, and each change audited there.
//! The admin pages and the command line both administer accounts through these functions.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

use crate::db::audit::{self, Actor, Change, Entity, Verb};
use crate::db::auth::users::{self, NewUser, User};
use crate::db::auth::{sessions, throttle};
use crate::db::{AnyConnection, backend, now};
use crate::domain::access::Role;
use crate::domain::ids::{SessionId, UserId};
use crate::domain::locale::Locale;
use crate::domain::message::{Message, Refusal};
use crate::domain::time::YearStyle;

/// Rules of user administration a change can break.
#[derive(Debug, thiserror::Error)]
pub enum UserChangeError {
    #[error("a user with this e-mail already exists")]
    EmailTaken,
    #[error("the last active admin cannot lose the admin role or be disabled")]
    LastAdmin,
    #[error("admins cannot disable themselves")]
    DisableSelf,
    #[error("no such user")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DieselError),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for UserChangeError {
    fn refusal(&self) -> Option<Message> {
        match self {
            UserChangeError::EmailTaken => Some(Message::new("users-error-email-taken")),
            UserChangeError::LastAdmin => Some(Message::new("users-error-last-admin")),
            UserChangeError::DisableSelf => Some(Message::new("users-error-disable-self")),
            UserChangeError::NotFound
            | UserChangeError::Db(_)
            | UserChangeError::Unavailable(_) => None,
        }
    }
}

/// Refuses a change that would leave no active admin: `user`, an active admin, is about to
/// stop being one. Locks the active admins first (`backend::lock`), so two concurrent changes
/// cannot both pass.
fn keep_an_admin(conn: &mut AnyConnection, user: &User) -> Result<(), UserChangeError> {
    if user.role != Role::Admin || user.disabled {
        return Ok(());
    }
    backend::lock(conn, backend::Lock::ActiveAdmins)?;
    if users::count_active_admins(conn)? <= 1 {
        return Err(UserChangeError::LastAdmin);
    }
    Ok(())
}

fn load(conn: &mut AnyConnection, id: UserId) -> Result<User, UserChangeError> {
    users::find(conn, id)?.ok_or(UserChangeError::NotFound)
}

/// Adds a staff account, refusing an e-mail another account has, and audits it.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    new: &NewUser<'_>,
) -> Result<UserId, UserChangeError> {
    if users::find_by_email(conn, new.email.as_str())?.is_some() {
        return Err(UserChangeError::EmailTaken);
    }
    // The unique index on e-mails is the rule broken by a concurrent writer.
    let id = users::insert(conn, new).map_err(|e| match e {
        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
            UserChangeError::EmailTaken
        }
        other => UserChangeError::Db(other),
    })?;
    let after = serde_json::json!({
        "email": new.email.as_str(), "name": new.display_name, "role": new.role.as_str()
    });
    audit::record_change(conn, actor, Change::create(Entity::User, id, after))?;
    Ok(id)
}

/// Renames a user and sets their role, keeping an active admin, and audits it.
pub fn change_profile(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    display_name: &str,
    role: Role,
) -> Result<(), UserChangeError> {
    let before = load(conn, id)?;
    if role != Role::Admin {
        keep_an_admin(conn, &before)?;
    }
    users::update_profile(conn, id, display_name, role)?;
    let change = Change::update(
        Entity::User,
        id,
        serde_json::json!({ "name": before.display_name, "role": before.role.as_str() }),
        serde_json::json!({ "name": display_name, "role": role.as_str() }),
    );
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Disables or enables `id`, keeping an active admin, and audits it; disabling revokes the
/// user's sessions, and nobody disables their own account. Returns the user as they were.
pub fn change_disabled(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    disabled: bool,
) -> Result<User, UserChangeError> {
    let before = load(conn, id)?;
    if disabled {
        if actor.user_id == Some(before.id) {
            return Err(UserChangeError::DisableSelf);
        }
        keep_an_admin(conn, &before)?;
        sessions::revoke_all_for_user(conn, id, now())?;
    }
    users::set_disabled(conn, id, disabled)?;
    let verb = if disabled {
        Verb::Disable
    } else {
        Verb::Enable
    };
    let change = Change::new(Entity::User, verb, id)
        .before(serde_json::json!({ "disabled": before.disabled }))
        .after(serde_json::json!({ "disabled": disabled }));
    audit::record_change(conn, actor, change)?;
    Ok(before)
}

/// How a password is given to an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordSet {
    /// A one-time password: the user must change it at the next sign-in, and every session
    /// of theirs ends.
    OneTime,
    /// A password the admin chose and gave the user (the command line, the demo).
    Chosen,
}

/// Gives user `id` the password of `hash` and audits it; a one-time password also ends the
/// user's sessions and clears their sign-in throttle.
pub fn set_password(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    hash: &str,
    how: PasswordSet,
) -> Result<User, UserChangeError> {
    let user = load(conn, id)?;
    let one_time = how == PasswordSet::OneTime;
    users::set_password(conn, id, hash, one_time)?;
    let verb = if one_time {
        sessions::revoke_all_for_user(conn, id, now())?;
        throttle::clear(conn, throttle::Scope::Account, &user.email)?;
        Verb::ResetPassword
    } else {
        Verb::SetPassword
    };
    audit::record_change(conn, actor, Change::new(Entity::User, verb, id))?;
    Ok(user)
}

/// A user's change of their own password: the new `hash`, every other session of theirs
/// ended (the one in use, `keep`, stays), audited.
pub fn change_own_password(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    hash: &str,
    keep: SessionId,
) -> Result<(), UserChangeError> {
    users::set_password(conn, id, hash, false)?;
    sessions::revoke_others(conn, id, keep, now())?;
    audit::record_change(
        conn,
        actor,
        Change::new(Entity::User, Verb::ChangePassword, id),
    )?;
    Ok(())
}

/// Sets the language a user reads the product in, read inside the write transaction (not as
/// the session loaded them), and audits it.
pub fn change_locale(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    locale: Locale,
) -> Result<(), UserChangeError> {
    let before = load(conn, id)?;
    users::set_locale(conn, id, Some(locale))?;
    let change = Change::new(Entity::User, Verb::ChangeLocale, id)
        .before(serde_json::json!({ "locale": before.locale.map(Locale::tag) }))
        .after(serde_json::json!({ "locale": locale.tag() }));
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Sets how a user reads years on pages, read inside the write transaction, and audits it.
pub fn change_year_style(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: UserId,
    year_style: YearStyle,
) -> Result<(), UserChangeError> {
    let before = load(conn, id)?;
    users::set_year_style(conn, id, year_style)?;
    let change = Change::new(Entity::User, Verb::ChangeYearStyle, id)
        .before(serde_json::json!({ "year_style": before.year_style.as_str() }))
        .after(serde_json::json!({ "year_style": year_style.as_str() }));
    audit::record_change(conn, actor, change)?;
    Ok(())
}
