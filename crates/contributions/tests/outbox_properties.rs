//! Properties of the outbox in one tab that hold for any sequence of operations: no submission
//! is lost, and a finished one comes back only through the visitor's "Retry now".

mod common;

use std::collections::BTreeSet;

use common::strategies::*;
use contributions::{Attempt, Delivery, Entry, Outbox};
use proptest::prelude::*;

/// One thing that happens to an outbox.
#[derive(Debug, Clone)]
enum Op {
    Add(usize, String),
    AddMailed(usize, String),
    Start(usize),
    Finish(usize, Attempt),
    RetryNow(usize),
    Wake,
    /// Another tab's copy of an entry (new or known) arrives.
    /// (The copy's version: how many changes it has been through.)
    Merge(usize, String, Delivery, u64),
    Due,
    NextDue,
    Remove(usize),
}

fn op(remove: bool) -> BoxedStrategy<Op> {
    let op = prop_oneof![
        2 => (key_index(), created()).prop_map(|(k, c)| Op::Add(k, c)),
        1 => (key_index(), created()).prop_map(|(k, c)| Op::AddMailed(k, c)),
        3 => key_index().prop_map(Op::Start),
        3 => (key_index(), attempt()).prop_map(|(k, a)| Op::Finish(k, a)),
        1 => key_index().prop_map(Op::RetryNow),
        1 => Just(Op::Wake),
        2 => (key_index(), created(), delivery(), 0u64..8).prop_map(|(k, c, d, v)| Op::Merge(k, c, d, v)),
        1 => Just(Op::Due),
        1 => Just(Op::NextDue),
    ];
    if remove {
        prop_oneof![12 => op, 1 => key_index().prop_map(Op::Remove)].boxed()
    } else {
        op.boxed()
    }
}

fn ops(remove: bool) -> impl Strategy<Value = Vec<(u64, Op)>> {
    prop::collection::vec((tick(), op(remove)), 0..40)
}

/// Applies one operation, checking what it says of itself (what `start` gives, what `due` and
/// `next_due` answer).
fn apply(outbox: &mut Outbox, op: &Op, now: u64) -> Result<(), TestCaseError> {
    match op {
        Op::Add(k, created) => {
            outbox.add(entry(KEYS[*k], created, Delivery::Mailed { at: 0 }), now)
        }
        Op::AddMailed(k, created) => outbox.add_mailed(
            entry(
                KEYS[*k],
                created,
                Delivery::Queued {
                    attempts: 0,
                    at: 0,
                    reason: None,
                },
            ),
            now,
        ),
        Op::Start(k) => apply_start(outbox, *k, now)?,
        Op::Finish(k, attempt) => outbox.finish(KEYS[*k], attempt.clone(), now),
        Op::RetryNow(k) => outbox.retry_now(KEYS[*k], now),
        Op::Wake => outbox.wake(now),
        Op::Merge(k, created, delivery, version) => {
            apply_merge(outbox, *k, created, delivery, *version)?
        }
        Op::Due => check_due(outbox, now)?,
        Op::NextDue => match outbox.next_due() {
            Some(next) => prop_assert!(!outbox.due(next).is_empty()),
            None => prop_assert!(outbox.due(u64::MAX).is_empty()),
        },
        Op::Remove(k) => outbox.remove(KEYS[*k]),
    }
    Ok(())
}

/// `Op::Start`: an entry starts only if it was due, and then as one more try.
fn apply_start(outbox: &mut Outbox, k: usize, now: u64) -> Result<(), TestCaseError> {
    let due = outbox.due(now).contains(&KEYS[k].to_owned());
    let before = outbox.get(KEYS[k]).cloned();
    match outbox.start(KEYS[k], now) {
        Some(started) => {
            prop_assert!(due, "{} started but was not due", KEYS[k]);
            prop_assert_eq!(Some(&started), outbox.get(KEYS[k]));
            let attempts = match before.map(|e| e.delivery) {
                Some(Delivery::Queued { attempts, .. } | Delivery::Sending { attempts, .. }) => {
                    attempts
                }
                other => {
                    return Err(TestCaseError::fail(format!("started from {other:?}")));
                }
            };
            prop_assert_eq!(
                started.delivery,
                Delivery::Sending {
                    attempts: attempts + 1,
                    since: now
                }
            );
        }
        None => {
            prop_assert!(!due, "{} was due but did not start", KEYS[k]);
            prop_assert_eq!(outbox.get(KEYS[k]), before.as_ref());
        }
    }
    Ok(())
}

/// `Op::Merge`: another tab's copy is taken or ignored as the merge rules say.
fn apply_merge(
    outbox: &mut Outbox,
    k: usize,
    created: &str,
    delivery: &Delivery,
    version: u64,
) -> Result<(), TestCaseError> {
    let theirs = Entry {
        version,
        ..entry(KEYS[k], created, delivery.clone())
    };
    let before = outbox.get(KEYS[k]).cloned();
    outbox.merge(theirs.clone());
    let after = outbox.get(KEYS[k]);
    // Delivered is final; a failure gives way to a delivery, or to a later failure or
    // fresh start; an entry on its way gives way to any final state or to a copy that has
    // been through more changes.
    let delivered = |d: &Delivery| matches!(d, Delivery::Sent { .. } | Delivery::Mailed { .. });
    let restart = matches!(
        delivery,
        Delivery::Queued {
            attempts: 0,
            reason: None,
            ..
        }
    );
    let taken = match &before {
        None => true,
        Some(mine) => {
            let newer = theirs.version > mine.version;
            match mine.delivery {
                Delivery::Sent { .. } | Delivery::Mailed { .. } => false,
                Delivery::Failed { .. } => {
                    delivered(delivery)
                        || newer && (restart || matches!(delivery, Delivery::Failed { .. }))
                }
                _ => theirs.is_final() || newer,
            }
        }
    };
    if taken {
        prop_assert_eq!(after, Some(&theirs));
    } else {
        prop_assert_eq!(after, before.as_ref());
    }
    Ok(())
}

/// `Op::Due`: every due key is listed once and is not final, and agrees with `next_due`.
fn check_due(outbox: &Outbox, now: u64) -> Result<(), TestCaseError> {
    let due = outbox.due(now);
    let unique: BTreeSet<&String> = due.iter().collect();
    prop_assert_eq!(unique.len(), due.len(), "{:?} lists a key twice", due);
    for key in &due {
        let e = outbox.get(key);
        prop_assert!(e.is_some_and(|e| !e.is_final()), "{key} is due: {e:?}");
    }
    if let Some(next) = outbox.next_due() {
        prop_assert_eq!(next <= now, !due.is_empty());
    } else {
        prop_assert!(due.is_empty());
    }
    Ok(())
}

/// Runs `ops` on an outbox made from `stored`, checking after every step that every key added
/// and not removed is there exactly once (and no other), that only final entries can be
/// removed, and that this tab's own operations bring no final entry back except the visitor's
/// retry of a failed one.
fn run(stored: Vec<Entry>, ops: &[(u64, Op)]) -> Result<(), TestCaseError> {
    let mut outbox = Outbox::from_entries(stored.clone());
    let mut expected: BTreeSet<String> = stored.iter().map(|e| e.key.clone()).collect();
    let mut now = START;
    prop_assert_eq!(
        by_key(&outbox)?.keys().cloned().collect::<BTreeSet<_>>(),
        expected.clone()
    );
    for (step, (tick, op)) in ops.iter().enumerate() {
        now += tick;
        let before = by_key(&outbox)?;
        apply(&mut outbox, op, now)?;
        let after = by_key(&outbox)?;
        match op {
            Op::Add(k, _) | Op::AddMailed(k, _) | Op::Merge(k, _, _, _) => {
                expected.insert(KEYS[*k].to_owned());
            }
            Op::Remove(k) => {
                expected.remove(KEYS[*k]);
            }
            _ => {}
        }
        prop_assert_eq!(
            after.keys().cloned().collect::<BTreeSet<_>>(),
            expected.clone(),
            "keys after step {} ({:?})",
            step,
            op
        );
        for (key, now_entry) in &after {
            prop_assert_eq!(
                now_entry.can_remove(),
                now_entry.is_final(),
                "{:?}",
                now_entry
            );
            let Some(was) = before.get(key) else { continue };
            if !was.is_final() || now_entry.is_final() {
                continue;
            }
            let retried = matches!(op, Op::RetryNow(k) if KEYS[*k] == key)
                && matches!(was.delivery, Delivery::Failed { .. });
            // Another tab's word is taken as it comes; the two-tab property below checks
            // what that does.
            let merged = matches!(op, Op::Merge(k, _, _, _) if KEYS[*k] == key);
            prop_assert!(
                retried || merged,
                "step {} ({:?}) took {} from {:?} back to {:?}",
                step,
                op,
                key,
                was.delivery,
                now_entry.delivery
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    /// A submission is kept from the moment it is made until the visitor removes it: no
    /// sequence of sends, results, retries, wake-ups and other tabs' news drops an entry or
    /// lists one twice, and a finished entry is never revived but by the visitor's retry.
    #[test]
    fn outbox_transitions_never_lose_an_entry(stored in stored_entries(), ops in ops(false)) {
        run(stored, &ops)?;
    }

    /// With removal too: only the removed keys disappear.
    #[test]
    fn outbox_loses_only_removed_entries(stored in stored_entries(), ops in ops(true)) {
        run(stored, &ops)?;
    }
}

// ---------------------------------------------------------------------------------------------
// Two tabs sharing the outbox
