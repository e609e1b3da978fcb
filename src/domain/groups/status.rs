//! A group's status and the moves between statuses: quoted → confirmed → operating →
//! completed → closed, one step at a time, or cancelled — with a reason — from quoted,
//! confirmed or operating. A completed group has run; it can only be closed (its accounts
//! settled), and a closed or cancelled group stays as it is.

use crate::domain::message::{Message, key};

/// Where a group stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupStatus {
    Quoted,
    Confirmed,
    Operating,
    Completed,
    Closed,
    Cancelled,
}

/// The longest cancellation reason, in characters.
pub const MAX_REASON: usize = 500;

/// Why a move to another status is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum StatusError {
    #[error("a group cannot go from {from:?} to {to:?}")]
    Illegal { from: GroupStatus, to: GroupStatus },
    #[error("cancelling a group needs a reason")]
    ReasonRequired,
    #[error("the reason is longer than {MAX_REASON} characters")]
    ReasonTooLong,
}

impl StatusError {
    pub fn message(&self) -> Message {
        match self {
            StatusError::Illegal { from, to } => Message::new("groups-error-transition")
                .label("from", from.label())
                .label("to", to.label()),
            StatusError::ReasonRequired => Message::new("groups-error-reason-required"),
            StatusError::ReasonTooLong => {
                Message::new("groups-error-reason-too-long").count("max", MAX_REASON as i64)
            }
        }
    }
}

impl GroupStatus {
    pub const ALL: [GroupStatus; 6] = [
        GroupStatus::Quoted,
        GroupStatus::Confirmed,
        GroupStatus::Operating,
        GroupStatus::Completed,
        GroupStatus::Closed,
        GroupStatus::Cancelled,
    ];

    /// The stored word (the `status` column's CHECK lists the same words).
    pub fn as_str(self) -> &'static str {
        match self {
            GroupStatus::Quoted => "quoted",
            GroupStatus::Confirmed => "confirmed",
            GroupStatus::Operating => "operating",
            GroupStatus::Completed => "completed",
            GroupStatus::Closed => "closed",
            GroupStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(word: &str) -> Option<GroupStatus> {
        GroupStatus::ALL.into_iter().find(|s| s.as_str() == word)
    }

    /// The status's name, a message id.
    pub fn label(self) -> &'static str {
        match self {
            GroupStatus::Quoted => key("groups-status-quoted"),
            GroupStatus::Confirmed => key("groups-status-confirmed"),
            GroupStatus::Operating => key("groups-status-operating"),
            GroupStatus::Completed => key("groups-status-completed"),
            GroupStatus::Closed => key("groups-status-closed"),
            GroupStatus::Cancelled => key("groups-status-cancelled"),
        }
    }

    /// What the button moving a group to this status says, a message id.
    pub fn action(self) -> &'static str {
        match self {
            GroupStatus::Quoted => key("groups-status-quoted"),
            GroupStatus::Confirmed => key("groups-action-confirm"),
            GroupStatus::Operating => key("groups-action-operate"),
            GroupStatus::Completed => key("groups-action-complete"),
            GroupStatus::Closed => key("groups-action-close"),
            GroupStatus::Cancelled => key("groups-action-cancel"),
        }
    }

    /// The next step of the life, if there is one.
    fn forward(self) -> Option<GroupStatus> {
        match self {
            GroupStatus::Quoted => Some(GroupStatus::Confirmed),
            GroupStatus::Confirmed => Some(GroupStatus::Operating),
            GroupStatus::Operating => Some(GroupStatus::Completed),
            GroupStatus::Completed => Some(GroupStatus::Closed),
            GroupStatus::Closed | GroupStatus::Cancelled => None,
        }
    }

    /// Whether a group in this status may still be cancelled: not once it has run.
    pub fn cancellable(self) -> bool {
        matches!(
            self,
            GroupStatus::Quoted | GroupStatus::Confirmed | GroupStatus::Operating
        )
    }

    /// The statuses a group in this one may move to, the next step first.
    pub fn next(self) -> Vec<GroupStatus> {
        let mut next: Vec<GroupStatus> = self.forward().into_iter().collect();
        if self.cancellable() {
            next.push(GroupStatus::Cancelled);
        }
        next
    }

    /// Whether the group's life is over (closed or cancelled): nothing moves it again.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

/// Checks the move of a group from `from` to `to`. Cancelling needs a `reason` (trimmed, at
/// most [`MAX_REASON`] characters); other moves ignore it. Returns the reason to store: the
/// trimmed reason when cancelling, empty otherwise.
pub fn transition(from: GroupStatus, to: GroupStatus, reason: &str) -> Result<String, StatusError> {
    if !from.next().contains(&to) {
        return Err(StatusError::Illegal { from, to });
    }
    if to != GroupStatus::Cancelled {
        return Ok(String::new());
    }
    let reason = reason.trim();
    if reason.is_empty() {
        Err(StatusError::ReasonRequired)
    } else if reason.chars().count() > MAX_REASON {
        Err(StatusError::ReasonTooLong)
    } else {
        Ok(reason.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::GroupStatus::*;
    use super::*;

    /// Every legal move; every other pair is illegal.
    const LEGAL: [(GroupStatus, GroupStatus); 7] = [
        (Quoted, Confirmed),
        (Confirmed, Operating),
        (Operating, Completed),
        (Completed, Closed),
        (Quoted, Cancelled),
        (Confirmed, Cancelled),
        (Operating, Cancelled),
    ];

    #[test]
    fn every_pair_of_statuses_is_legal_exactly_when_listed() {
        for from in GroupStatus::ALL {
            for to in GroupStatus::ALL {
                let result = transition(from, to, "The client withdrew");
                if LEGAL.contains(&(from, to)) {
                    assert!(result.is_ok(), "{from:?} → {to:?}: {result:?}");
                } else {
                    assert_eq!(
                        result,
                        Err(StatusError::Illegal { from, to }),
                        "{from:?} → {to:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_next_statuses_are_the_legal_moves() {
        for from in GroupStatus::ALL {
            let listed: Vec<GroupStatus> = LEGAL
                .iter()
                .filter(|(f, _)| *f == from)
                .map(|(_, t)| *t)
                .collect();
            assert_eq!(from.next(), listed, "{from:?}");
        }
        assert!(Closed.is_final() && Cancelled.is_final());
        assert!(!Completed.is_final());
    }

    #[test]
    fn cancelling_needs_a_reason_trimmed_and_not_too_long() {
        assert_eq!(
            transition(Confirmed, Cancelled, "   "),
            Err(StatusError::ReasonRequired)
        );
        assert_eq!(
            transition(Quoted, Cancelled, "  Visa refused  ").as_deref(),
            Ok("Visa refused")
        );
        let long = "x".repeat(MAX_REASON + 1);
        assert_eq!(
            transition(Operating, Cancelled, &long),
            Err(StatusError::ReasonTooLong)
        );
        let just = format!("  {}  ", "ก".repeat(MAX_REASON));
        assert!(
            transition(Operating, Cancelled, &just).is_ok(),
            "characters"
        );
        // Other moves need none and keep none.
        assert_eq!(transition(Quoted, Confirmed, "ignored").as_deref(), Ok(""));
        // An illegal move is refused as such, whatever the reason.
        assert_eq!(
            transition(Closed, Cancelled, ""),
            Err(StatusError::Illegal {
                from: Closed,
                to: Cancelled
            })
        );
    }

    #[test]
    fn statuses_read_back_from_their_words() {
        for s in GroupStatus::ALL {
            assert_eq!(GroupStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(GroupStatus::parse("Quoted"), None);
        assert_eq!(GroupStatus::parse(""), None);
    }

    #[test]
    fn refusals_name_both_statuses_in_every_language() {
        let i18n = crate::i18n::I18n::load().unwrap_or_else(|e| panic!("{e}"));
        let refusal = StatusError::Illegal {
            from: Closed,
            to: Operating,
        };
        for locale in crate::domain::locale::Locale::ALL {
            let text = i18n.message(locale, &refusal.message());
            let closed = i18n.t(locale, Closed.label(), &[]);
            let operating = i18n.t(locale, Operating.label(), &[]);
            assert!(
                text.contains(&closed) && text.contains(&operating),
                "{locale:?}: {text}"
            );
        }
    }
}
