//! Strategies and checks the outbox properties share: keys, times, states, attempts.

use std::collections::BTreeMap;

use contributions::outbox::MAX_ATTEMPTS;
use contributions::{Attempt, Delivery, Entry, Outbox, Reason};
use proptest::prelude::*;
use proptest::sample::select;

/// No failure file on disk: the shrunk case is printed instead.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// The keys submissions are made under (few, so operations often meet the same entry).
pub const KEYS: [&str; 5] = ["k0", "k1", "k2", "k3", "k4"];

/// A time as the app gives them: milliseconds since the epoch, in 2027.
pub const START: u64 = 1_800_000_000_000;

pub fn entry(key: &str, created: &str, delivery: Delivery) -> Entry {
    Entry {
        key: key.to_owned(),
        label: format!("Suggested resource: {key}"),
        created: created.to_owned(),
        payload: format!("{{\"idempotency_key\":\"{key}\"}}"),
        mail_subject: "s".to_owned(),
        mail_body: "b".to_owned(),
        delivery,
        version: 0,
    }
}

pub fn created() -> impl Strategy<Value = String> {
    select(vec![
        "2026-11-23T10:00:00.000Z",
        "2026-11-23T10:00:01.000Z",
        "2026-11-24T09:00:00.000Z",
    ])
    .prop_map(str::to_owned)
}

/// A reason a try failed: each kind the outbox keeps, and words an earlier version stored.
pub fn reason() -> impl Strategy<Value = Reason> {
    select(vec![
        Reason::Temporary(503),
        Reason::Refused(422),
        Reason::Unprepared("bad URL".to_owned()),
        Reason::Timeout,
        Reason::Unreachable,
        Reason::Offline,
        Reason::GaveUp(Box::new(Reason::Unreachable)),
        Reason::Words("the receiver answered 503, a temporary error".to_owned()),
        Reason::Words(String::new()),
    ])
}

/// A time near `START`, before or after it.
pub fn time() -> impl Strategy<Value = u64> {
    (START - 10_000_000)..(START + 10_000_000)
}

/// Any state the outbox itself can put an entry in (a send is always counted as a try).
pub fn delivery() -> impl Strategy<Value = Delivery> {
    prop_oneof![
        (0..=MAX_ATTEMPTS, time(), prop::option::of(reason())).prop_map(
            |(attempts, at, reason)| Delivery::Queued {
                attempts,
                at,
                reason
            }
        ),
        (1..=MAX_ATTEMPTS, time())
            .prop_map(|(attempts, since)| Delivery::Sending { attempts, since }),
        time().prop_map(|at| Delivery::Sent { at }),
        (1..=MAX_ATTEMPTS, reason(), time()).prop_map(|(attempts, reason, at)| Delivery::Failed {
            attempts,
            reason,
            at
        }),
        time().prop_map(|at| Delivery::Mailed { at }),
    ]
}

pub fn attempt() -> impl Strategy<Value = Attempt> {
    prop_oneof![
        Just(Attempt::Delivered),
        reason().prop_map(Attempt::Retry),
        reason().prop_map(Attempt::Refused),
        Just(Attempt::Offline),
        any::<u16>().prop_map(Attempt::from_status),
    ]
}

/// Stored entries with different keys, as the app reads them when it starts.
pub fn stored_entries() -> impl Strategy<Value = Vec<Entry>> {
    prop::sample::subsequence(KEYS.to_vec(), 0..=3).prop_flat_map(|keys| {
        let n = keys.len();
        (
            Just(keys),
            prop::collection::vec((created(), delivery()), n..=n),
        )
            .prop_map(|(keys, states)| {
                keys.into_iter()
                    .zip(states)
                    .map(|(key, (created, delivery))| entry(key, &created, delivery))
                    .collect()
            })
    })
}

/// The outbox's entries by key, checking no key is listed twice.
pub fn by_key(outbox: &Outbox) -> Result<BTreeMap<String, Entry>, TestCaseError> {
    let mut map = BTreeMap::new();
    for e in outbox.entries() {
        prop_assert!(
            map.insert(e.key.clone(), e.clone()).is_none(),
            "{} is listed twice",
            e.key
        );
    }
    Ok(map)
}

pub fn key_index() -> impl Strategy<Value = usize> {
    0..KEYS.len()
}

/// How far the clock moves before an operation: often not at all, sometimes past a backoff or
/// a stale send.
pub fn tick() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), 0u64..5_000, 0u64..2_000_000]
}
