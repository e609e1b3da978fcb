//! Rules that must hold against other writers, tried with writers racing on separate
//! connections (on PostgreSQL too, where READ COMMITTED alone would let both through).

use std::sync::{Arc, Barrier};

use chrono::NaiveDate;
use tourdesk::db::audit::Actor;
use tourdesk::db::auth::accounts::{self, UserChangeError};
use tourdesk::db::auth::users::{self, NewUser};
use tourdesk::db::master::exchange_rates::{self, RateChangeError};
use tourdesk::db::master::rooms::{self, NewRate, RateError};
use tourdesk::db::{self, AnyConnection};
use tourdesk::domain::access::Role;
use tourdesk::domain::currency::Currency;
use tourdesk::domain::decimal::Dec;
use tourdesk::domain::email::Email;
use tourdesk::domain::fx::Rate;
use tourdesk::domain::master::contracts::RateTerms;
use tourdesk::domain::master::seasons::Season;
use tourdesk::domain::money::Money;
use tourdesk::manifest::Tenant;
use tourdesk::provision;

use crate::fixtures::{HotelBuilder, room_type};
use crate::harness::TestApp;

/// Runs `each` on two connections at once, released together by a barrier; returns both
/// results in order.
fn race<T: Send + 'static>(
    tenant: &Tenant,
    each: impl Fn(&mut AnyConnection, usize) -> T + Send + Sync + 'static,
) -> Vec<T> {
    let barrier = Arc::new(Barrier::new(2));
    let each = Arc::new(each);
    let handles: Vec<_> = (0..2)
        .map(|i| {
            let (tenant, barrier, each) = (tenant.clone(), barrier.clone(), each.clone());
            std::thread::spawn(move || {
                let mut conn = provision::open(&tenant).expect("a connection");
                barrier.wait();
                each(&mut conn, i)
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("a racing writer"))
        .collect()
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, m, d).expect("a date")
}

#[tokio::test]
async fn overlapping_seasons_written_at_once_let_one_through() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = provision::open(&tenant).expect("a connection");
        for round in 0..10 {
            let hotel = HotelBuilder::new()
                .name(&format!("Race Hotel {round}"))
                .insert(&mut conn);
            let room = room_type(&mut conn, hotel, "Twin");
            // Two seasons that overlap by a fortnight, one per writer.
            let results = race(&tenant, move |conn, i| {
                let season = if i == 0 {
                    Season::new(day(1, 1), day(1, 31))
                } else {
                    Season::new(day(1, 15), day(2, 15))
                }
                .expect("a season");
                let new = NewRate {
                    season_name: "Race".to_owned(),
                    season,
                    rate: Money::new(100_000, Currency::parse("THB").expect("THB")),
                    terms: RateTerms::default(),
                };
                db::write(conn, |conn| rooms::insert_rate(conn, room, &new))
            });
            let kept = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(kept, 1, "round {round}: {results:?}");
            assert!(
                results
                    .iter()
                    .any(|r| matches!(r, Err(RateError::Overlap { .. }))),
                "round {round}: {results:?}"
            );
        }
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn two_admins_demoting_each_other_at_once_leave_one() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    let mut pairs = Vec::new();
    for round in 0..10 {
        let a = app
            .add_user(
                &format!("a{round}@test.local"),
                Role::Admin,
                "A",
                "password-a-1",
            )
            .await;
        let b = app
            .add_user(
                &format!("b{round}@test.local"),
                Role::Admin,
                "B",
                "password-b-1",
            )
            .await;
        pairs.push((a, b));
    }
    tokio::task::spawn_blocking(move || {
        let mut conn = provision::open(&tenant).expect("a connection");
        // Only the pair of the round is active: everyone else is disabled.
        {
            use diesel::prelude::*;
            use tourdesk::db::schema::users as table;
            diesel::update(table::table)
                .set(table::disabled.eq(true))
                .execute(&mut conn)
                .expect("disabling everyone");
        }
        for (round, (a, b)) in pairs.into_iter().enumerate() {
            users::set_disabled(&mut conn, a, false).expect("enabling");
            users::set_disabled(&mut conn, b, false).expect("enabling");
            let results = race(&tenant, move |conn, i| {
                let (target, name) = if i == 0 { (b, "B") } else { (a, "A") };
                db::write(conn, |conn| {
                    accounts::change_profile(conn, &Actor::cli(), target, name, Role::Viewer)
                })
            });
            let kept = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(kept, 1, "round {round}: {results:?}");
            assert!(
                results
                    .iter()
                    .any(|r| matches!(r, Err(UserChangeError::LastAdmin))),
                "round {round}: {results:?}"
            );
            assert_eq!(users::count_active_admins(&mut conn).expect("count"), 1);
            users::set_disabled(&mut conn, a, true).expect("disabling");
            users::set_disabled(&mut conn, b, true).expect("disabling");
        }
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn the_same_exchange_rate_added_at_once_is_kept_once() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        for round in 1..=10 {
            let results = race(&tenant, move |conn, i| {
                let rate = Rate {
                    date: day(3, round),
                    from: Currency::parse("USD").expect("USD"),
                    to: Currency::parse("THB").expect("THB"),
                    rate: Dec::parse_canonical(if i == 0 { "35.1" } else { "35.2" })
                        .expect("a rate"),
                    source: String::new(),
                };
                db::write(conn, |conn| exchange_rates::add(conn, &Actor::cli(), &rate))
            });
            let kept = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(kept, 1, "round {round}: {results:?}");
            assert!(
                results
                    .iter()
                    .any(|r| matches!(r, Err(RateChangeError::Exists))),
                "the second writer is told the rule, not a database error: {results:?}"
            );
        }
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn two_accounts_with_one_email_added_at_once_leave_one() {
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        for round in 0..10 {
            let results = race(&tenant, move |conn, i| {
                let email = Email::parse(&format!("twin{round}@test.local")).expect("e-mail");
                let name = format!("Twin {i}");
                let new = NewUser {
                    email: &email,
                    display_name: &name,
                    role: Role::Sales,
                    password_hash: "not a hash",
                    must_change_password: true,
                };
                db::write(conn, |conn| accounts::create(conn, &Actor::cli(), &new))
            });
            let kept = results.iter().filter(|r| r.is_ok()).count();
            assert_eq!(kept, 1, "round {round}: {results:?}");
            assert!(
                results
                    .iter()
                    .any(|r| matches!(r, Err(UserChangeError::EmailTaken))),
                "the second writer is told the rule, not a database error: {results:?}"
            );
        }
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn overlapping_peaks_and_allotments_written_at_once_let_one_through() {
    use tourdesk::db::master::contracts::{self, ContractError, NewPeak};
    use tourdesk::domain::master::contracts::{Allotment, Peak};
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = provision::open(&tenant).expect("a connection");
        for round in 0..10 {
            let hotel = HotelBuilder::new()
                .name(&format!("Peak Race {round}"))
                .insert(&mut conn);
            let room = room_type(&mut conn, hotel, "Twin");
            // A hotel-wide peak against one for the twin alone, a fortnight apart in part.
            let peaks = race(&tenant, move |conn, i| {
                let (from, to) = if i == 0 {
                    (day(12, 20), day(12, 31))
                } else {
                    (day(12, 24), day(12, 26))
                };
                let new = NewPeak {
                    room_type: (i == 1).then_some(room),
                    peak: Peak {
                        name: format!("Peak {i}"),
                        period: Season::new(from, to).expect("a period"),
                        amount: Money::new(50_000, Currency::parse("THB").expect("THB")),
                        min_nights: 1,
                    },
                };
                db::write(conn, |conn| {
                    contracts::add_peak(conn, &Actor::cli(), hotel, &new)
                })
            });
            assert_eq!(
                peaks.iter().filter(|r| r.is_ok()).count(),
                1,
                "round {round}: {peaks:?}"
            );
            assert!(
                peaks
                    .iter()
                    .any(|r| matches!(r, Err(ContractError::Overlap { .. }))),
                "round {round}: {peaks:?}"
            );
            let allotments = race(&tenant, move |conn, i| {
                let from = if i == 0 { day(3, 1) } else { day(3, 15) };
                let held = Allotment {
                    period: Season::new(from, day(3, 31)).expect("a period"),
                    rooms: 5,
                    release_days: 7,
                };
                db::write(conn, |conn| {
                    contracts::add_allotment(conn, &Actor::cli(), hotel, room, &held)
                })
            });
            assert_eq!(
                allotments.iter().filter(|r| r.is_ok()).count(),
                1,
                "round {round}: {allotments:?}"
            );
        }
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn numbers_allocated_at_once_are_gapless_and_never_repeat() {
    use tourdesk::db::sequences::{self, Sequence};
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        // Two writers take 25 group numbers each, the first of the year among them.
        let taken = race(&tenant, |conn, _| {
            (0..25)
                .map(|_| db::write(conn, |conn| sequences::next(conn, Sequence::Group, 2026)))
                .collect::<Result<Vec<i64>, _>>()
        });
        let mut all: Vec<i64> = taken
            .into_iter()
            .flat_map(|r| r.expect("numbers"))
            .collect();
        all.sort_unstable();
        assert_eq!(all, (1..=50).collect::<Vec<i64>>());
        // A creation rolled back gives its number back; other kinds and years count apart.
        let mut conn = provision::open(&tenant).expect("a connection");
        let failed: Result<i64, diesel::result::Error> = db::write(&mut conn, |conn| {
            sequences::next(conn, Sequence::Group, 2026)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(failed.is_err());
        let next = |conn: &mut AnyConnection, s, y| {
            db::write(conn, |conn| sequences::next(conn, s, y)).expect("a number")
        };
        assert_eq!(next(&mut conn, Sequence::Group, 2026), 51);
        assert_eq!(next(&mut conn, Sequence::Quotation, 2026), 1);
        assert_eq!(next(&mut conn, Sequence::Group, 2027), 1);
    })
    .await
    .expect("the race");
}

#[tokio::test]
async fn groups_created_at_once_get_gapless_unique_codes() {
    use crate::fixtures_groups::{GroupBuilder, TourBuilder, date};
    const WRITERS: usize = 8;
    const EACH: usize = 5;
    let app = TestApp::spawn().await;
    let (tour, agency) = app
        .with_db(|conn| {
            (
                TourBuilder::new().insert(conn),
                crate::fixtures::agency(conn, "Race Travel"),
            )
        })
        .await;
    let tenant = app.tenant.clone();
    let codes = tokio::task::spawn_blocking(move || {
        let barrier = Arc::new(Barrier::new(WRITERS));
        let writers: Vec<_> = (0..WRITERS)
            .map(|i| {
                let (tenant, barrier) = (tenant.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut conn = provision::open(&tenant).expect("a connection");
                    barrier.wait();
                    (0..EACH)
                        .map(|j| {
                            let day = date(2026, 4, 1) + chrono::Days::new((i * EACH + j) as u64);
                            GroupBuilder::new(tour, agency)
                                .starts_on(day)
                                .try_insert(&mut conn)
                                .map(|(_, code)| code)
                        })
                        .collect::<Result<Vec<String>, _>>()
                })
            })
            .collect();
        writers
            .into_iter()
            .flat_map(|w| w.join().expect("a writer").expect("codes"))
            .collect::<Vec<String>>()
    })
    .await
    .expect("the race");
    let mut codes = codes;
    codes.sort();
    let expected: Vec<String> = (1..=WRITERS * EACH)
        .map(|n| format!("G26-{n:04}"))
        .collect();
    assert_eq!(codes, expected, "every number once, none skipped");
}

#[tokio::test]
async fn two_status_moves_of_one_group_at_once_let_one_through() {
    use crate::fixtures_groups::{GroupBuilder, TourBuilder};
    use tourdesk::db::groups::{self, WriteError};
    use tourdesk::domain::groups::status::{GroupStatus, StatusError};
    let app = TestApp::spawn().await;
    let tenant = app.tenant.clone();
    tokio::task::spawn_blocking(move || {
        let mut conn = provision::open(&tenant).expect("a connection");
        let tour = TourBuilder::new().insert(&mut conn);
        let agency = crate::fixtures::agency(&mut conn, "Race Travel");
        for round in 0..10 {
            let (id, _) = GroupBuilder::new(tour, agency).insert(&mut conn);
            // Both writers confirm the quoted group: the second finds it confirmed already.
            let results = race(&tenant, move |conn, _| {
                db::write(conn, |conn| {
                    groups::change_status(conn, &Actor::cli(), id, GroupStatus::Confirmed, "")
                })
            });
            assert_eq!(
                results.iter().filter(|r| r.is_ok()).count(),
                1,
                "round {round}: {results:?}"
            );
            assert!(
                results.iter().any(|r| matches!(
                    r,
                    Err(WriteError::Changed | WriteError::Status(StatusError::Illegal { .. }))
                )),
                "round {round}: {results:?}"
            );
        }
    })
    .await
    .expect("the race");
}
