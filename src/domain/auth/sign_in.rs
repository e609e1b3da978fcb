//! When repeated password checks throttle an account or a client address.
//!
//! Attempts are counted before the password is checked (see `db::auth::throttle`): an attempt is
//! allowed while it is at most the limit-th within the window.

use chrono::{Duration, NaiveDateTime};

pub struct ThrottleRule {
    pub max_per_account: i64,
    pub max_per_address: i64,
    pub window: Duration,
}

/// Attempts counted within the window, the current one included, and the latest of the
/// others.
#[derive(Debug, Clone, Copy, Default)]
pub struct Failures {
    pub count: i64,
    pub latest: Option<NaiveDateTime>,
}

/// `Some(minutes to wait)` when either count is over its limit; the wait runs from the
/// latest earlier attempt (or now) to the end of the window.
pub fn throttled(
    rule: &ThrottleRule,
    account: Failures,
    address: Failures,
    now: NaiveDateTime,
) -> Option<i64> {
    let over = |f: Failures, max: i64| (f.count > max).then_some(f.latest.unwrap_or(now));
    let latest = [
        over(account, rule.max_per_account),
        over(address, rule.max_per_address),
    ]
    .into_iter()
    .flatten()
    .max()?;
    let remaining = (latest + rule.window) - now;
    Some(((remaining.num_seconds() + 59) / 60).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(10, min, 0))
            .unwrap_or_default()
    }

    const RULE: ThrottleRule = ThrottleRule {
        max_per_account: 5,
        max_per_address: 20,
        window: Duration::minutes(15),
    };

    #[test]
    fn under_the_limit_passes() {
        let f = Failures {
            count: 5,
            latest: Some(at(0)),
        };
        assert_eq!(
            throttled(&RULE, f, f, at(1)),
            None,
            "the fifth attempt is checked"
        );
    }

    #[test]
    fn at_the_limit_waits_out_the_window() {
        let account = Failures {
            count: 6,
            latest: Some(at(0)),
        };
        assert_eq!(
            throttled(&RULE, account, Failures::default(), at(5)),
            Some(10)
        );
        let address = Failures {
            count: 21,
            latest: Some(at(2)),
        };
        assert_eq!(
            throttled(&RULE, Failures::default(), address, at(5)),
            Some(12)
        );
    }
}
