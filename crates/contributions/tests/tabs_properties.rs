//! Properties of the outbox shared by two tabs through storage events: neither loses an entry,
//! a delivered one stays delivered, and a failed one comes back only through "Retry now".

mod common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use common::strategies::*;
use contributions::{Attempt, Delivery, Entry, Outbox};
use proptest::prelude::*;
use proptest::sample::Index;

/// What one tab does, as the app does it (see `src/courier.rs`): every change it makes
/// to an entry is stored, and reaches the other tab later, in order, as a storage event.
#[derive(Debug, Clone)]
enum TabOp {
    /// The visitor submits (each key is submitted once, in one tab: keys are random).
    Submit(usize),
    /// The send loop: start every due entry.
    Pump,
    /// A request this tab started comes back.
    Complete(Index, Attempt),
    /// The visitor presses "Try again".
    Retry(usize),
    /// The browser is back online.
    Wake,
    /// The next storage event from the other tab arrives.
    Receive,
}

fn tab_op() -> impl Strategy<Value = (usize, u64, TabOp)> {
    let op = prop_oneof![
        1 => key_index().prop_map(TabOp::Submit),
        3 => Just(TabOp::Pump),
        3 => (any::<Index>(), attempt()).prop_map(|(i, a)| TabOp::Complete(i, a)),
        1 => key_index().prop_map(TabOp::Retry),
        1 => Just(TabOp::Wake),
        4 => Just(TabOp::Receive),
    ];
    (0..2usize, tick(), op)
}

/// One browser tab: its outbox, the requests it has on their way, and the storage events
/// waiting for it (each flagged when it is the visitor's retry of a failed entry).
#[derive(Default)]
struct Tab {
    outbox: Outbox,
    requests: Vec<String>,
    events: VecDeque<Entry>,
}

/// Stores an entry as the app does: its JSON, read back by the other tab.
fn stored(entry: &Entry) -> Entry {
    Entry::from_value(&serde_json::from_str(&entry.to_json()).unwrap()).unwrap()
}

impl Tab {
    /// Does what `op` says in this tab: gives the keys of the entries it changed (to be stored
    /// for the other tab), and whether it took in another tab's fresh start of an entry.
    fn apply(
        &mut self,
        op: &TabOp,
        now: u64,
        submitted: &mut BTreeSet<&'static str>,
    ) -> (Vec<String>, bool) {
        let mut saved: Vec<String> = Vec::new();
        let mut revived_by_event = false;
        match op {
            TabOp::Submit(k) => {
                if submitted.insert(KEYS[*k]) {
                    let e = entry(
                        KEYS[*k],
                        "2026-11-23T10:00:00.000Z",
                        Delivery::Mailed { at: 0 },
                    );
                    self.outbox.add(e, now);
                    saved.push(KEYS[*k].to_owned());
                }
            }
            TabOp::Pump => {
                for key in self.outbox.due(now) {
                    if self.outbox.start(&key, now).is_some() {
                        self.requests.push(key.clone());
                        saved.push(key);
                    }
                }
            }
            TabOp::Complete(i, attempt) => {
                if !self.requests.is_empty() {
                    let key = self.requests.remove(i.index(self.requests.len()));
                    self.outbox.finish(&key, attempt.clone(), now);
                    saved.push(key);
                }
            }
            TabOp::Retry(k) => {
                self.outbox.retry_now(KEYS[*k], now);
                saved.push(KEYS[*k].to_owned());
            }
            TabOp::Wake => self.outbox.wake(now),
            TabOp::Receive => {
                if let Some(e) = self.events.pop_front() {
                    revived_by_event = matches!(
                        e.delivery,
                        Delivery::Queued {
                            attempts: 0,
                            reason: None,
                            ..
                        }
                    );
                    self.outbox.merge(e);
                }
            }
        }
        (saved, revived_by_event)
    }
}

/// Two tabs run the outbox side by side; every step is checked as in the one-tab property. A
/// delivered entry never comes back; a failed one only through "Retry now", in this tab or in
/// the other (whose fresh start wins even where that tab had not yet heard of the failure: the
/// one case two tabs cannot tell apart, costing one more refused try).
fn run_tabs(ops: &[(usize, u64, TabOp)]) -> Result<(), TestCaseError> {
    let mut tabs = [Tab::default(), Tab::default()];
    let mut submitted = BTreeSet::new();
    let mut now = START;
    for (step, (t, tick, op)) in ops.iter().enumerate() {
        now += tick;
        let (t, other) = (*t, 1 - *t);
        let before = by_key(&tabs[t].outbox)?;
        let (saved, revived_by_event) = tabs[t].apply(op, now, &mut submitted);
        for key in saved {
            if let Some(e) = tabs[t].outbox.get(&key) {
                let e = stored(e);
                tabs[other].events.push_back(e);
            }
        }
        let after = by_key(&tabs[t].outbox)?;
        prop_assert!(
            before.keys().all(|k| after.contains_key(k)),
            "step {step}: tab {t} lost an entry"
        );
        check_revivals(step, t, op, &before, &after, revived_by_event)?;
    }
    Ok(())
}

/// No step brings a final entry back, except "Retry now" of a failed one, here or (through
/// its storage event) in the other tab.
fn check_revivals(
    step: usize,
    t: usize,
    op: &TabOp,
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
    revived_by_event: bool,
) -> Result<(), TestCaseError> {
    for (key, now_entry) in after {
        let Some(was) = before.get(key) else { continue };
        if !was.is_final() || now_entry.is_final() {
            continue;
        }
        let failed = matches!(was.delivery, Delivery::Failed { .. });
        let retried = matches!(op, TabOp::Retry(k) if KEYS[*k] == key) && failed;
        prop_assert!(
            retried || failed && revived_by_event,
            "step {} ({:?}) took {} in tab {} from {:?} back to {:?}",
            step,
            op,
            key,
            t,
            was.delivery,
            now_entry.delivery
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    /// Two tabs share the outbox through storage events: neither loses an entry, a delivered
    /// one stays delivered, and a failed one comes back only through "Retry now".
    #[test]
    fn two_tabs_never_revive_a_finished_entry(ops in prop::collection::vec(tab_op(), 0..40)) {
        run_tabs(&ops)?;
    }
}

/// Found by the property above: tab 1 sends an entry and it is delivered; tab 0, which has not
/// yet had that news, sends it too (its timer or the browser coming back online fires in both
/// tabs at once). Tab 1 once took tab 0's "sending" over its own "sent", showing the delivered
/// entry as "Sending…" again.
#[test]
fn a_delivered_entry_stays_delivered_when_another_tab_sends_it_late() {
    let (mut tab0, mut tab1) = (Outbox::default(), Outbox::default());
    let submitted = entry("k0", "2026-11-23T10:00:00.000Z", Delivery::Mailed { at: 0 });
    tab0.add(submitted, START);
    tab1.merge(stored(tab0.get("k0").unwrap()));
    tab1.start("k0", START).unwrap();
    tab1.finish("k0", Attempt::Delivered, START + 1);
    assert_eq!(
        tab1.get("k0").unwrap().delivery,
        Delivery::Sent { at: START + 1 }
    );
    // Tab 0 still has the entry queued, so it sends it as well, and stores that.
    let late = tab0.start("k0", START + 1).unwrap();
    tab1.merge(stored(&late));
    assert_eq!(
        tab1.get("k0").unwrap().delivery,
        Delivery::Sent { at: START + 1 },
        "tab 1 forgot the entry was delivered"
    );
}
