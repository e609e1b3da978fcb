//! Administering staff accounts: the rules a change of role or of state must keep (one active
//! admin at least; nobody disables themselves), each checked inside the write transaction
//! that makes the change, on the user loaded there.

use crate::db::auth::sessions;
use crate::db::auth::users::{self, User};
use crate::db::{AnyConnection, backend, now};
use crate::domain::access::Role;
use crate::domain::ids::UserId;

/// Rules of user administration a change can break.
#[derive(Debug, thiserror::Error)]
pub enum UserChangeError {
    #[error("the last active admin cannot lose the admin role or be disabled")]
    LastAdmin,
    #[error("admins cannot disable themselves")]
    DisableSelf,
    #[error("no such user")]
    NotFound,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
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

/// Renames a user and sets their role, inside the caller's write transaction; returns the
/// user as they were (read inside the transaction, for the audit row).
pub fn change_profile(
    conn: &mut AnyConnection,
    id: UserId,
    display_name: &str,
    role: Role,
) -> Result<User, UserChangeError> {
    let before = users::find(conn, id)?.ok_or(UserChangeError::NotFound)?;
    if role != Role::Admin {
        keep_an_admin(conn, &before)?;
    }
    users::update_profile(conn, id, display_name, role)?;
    Ok(before)
}

/// Disables or enables `id` on behalf of `actor`, inside the caller's write transaction;
/// disabling revokes the user's sessions. Returns the user as they were.
pub fn change_disabled(
    conn: &mut AnyConnection,
    actor: UserId,
    id: UserId,
    disabled: bool,
) -> Result<User, UserChangeError> {
    let before = users::find(conn, id)?.ok_or(UserChangeError::NotFound)?;
    if disabled {
        if before.id == actor {
            return Err(UserChangeError::DisableSelf);
        }
        keep_an_admin(conn, &before)?;
        sessions::revoke_all_for_user(conn, id, now())?;
    }
    users::set_disabled(conn, id, disabled)?;
    Ok(before)
}
