//! The outbox: delivery, retries with backoff, refusals, offline, stored entries, other tabs,
//! and what the visitor is told and offered.

mod common;

use common::*;
use contributions::outbox::{MAX_ATTEMPTS, STALE_SENDING_MS, backoff_ms};
use contributions::*;

#[test]
fn outbox_delivers_and_retries_with_backoff_until_it_gives_up() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 1_000);
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 1_000);
    assert_eq!(outbox.entries().len(), 1, "the same key is one submission");
    assert_eq!(outbox.entries()[0].status(), Status::Waiting);
    assert_eq!(outbox.due(1_000), ["a"]);

    let mut now = 1_000;
    for attempt in 1..=MAX_ATTEMPTS {
        let sending = outbox.start("a", now).expect("due");
        assert_eq!(
            sending.delivery,
            Delivery::Sending {
                attempts: attempt,
                since: now
            }
        );
        assert!(outbox.start("a", now).is_none(), "never sent twice at once");
        outbox.finish("a", Attempt::from_status(503), now);
        if attempt < MAX_ATTEMPTS {
            let wait = backoff_ms(attempt);
            assert_eq!(outbox.next_due(), Some(now + wait));
            assert!(outbox.due(now + wait - 1).is_empty());
            assert_eq!(
                outbox.entries()[0].status(),
                Status::Retrying(Some(Reason::Temporary(503)))
            );
            now += wait;
        }
    }
    assert_eq!(
        outbox.entries()[0].delivery,
        Delivery::Failed {
            attempts: 10,
            reason: Reason::GaveUp(Box::new(Reason::Temporary(503))),
            at: now,
        }
    );
    assert!(outbox.due(u64::MAX).is_empty());

    outbox.retry_now("a", now);
    outbox.start("a", now).unwrap();
    outbox.finish("a", Attempt::Delivered, now + 5);
    assert_eq!(outbox.entries()[0].delivery, Delivery::Sent { at: now + 5 });
    assert_eq!(outbox.entries()[0].status(), Status::Sent);
}

#[test]
fn backoff_grows_and_is_capped() {
    let waits: Vec<u64> = (1..=12).map(backoff_ms).collect();
    assert!(waits.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(waits[0], 2_000);
    assert_eq!(*waits.last().unwrap(), 900_000);
}

#[test]
fn refusals_fail_at_once_and_offline_does_not_count() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "1"), 0);
    outbox.start("a", 0).unwrap();
    outbox.finish("a", Attempt::from_status(422), 0);
    assert_eq!(
        outbox.entries()[0].status(),
        Status::NotSent(Reason::Refused(422))
    );

    outbox.add(entry("b", "2"), 0);
    outbox.start("b", 0).unwrap();
    outbox.finish("b", Attempt::Offline, 0);
    assert_eq!(
        outbox.get("b").unwrap().delivery,
        Delivery::Queued {
            attempts: 0,
            at: 60_000,
            reason: Some(Reason::Offline)
        }
    );
    outbox.wake(5);
    assert_eq!(outbox.due(5), ["b"]);
    for status in [408, 429, 500, 502] {
        assert!(
            matches!(Attempt::from_status(status), Attempt::Retry(_)),
            "{status}"
        );
    }
    for status in [200, 201, 202, 204] {
        assert_eq!(Attempt::from_status(status), Attempt::Delivered);
    }
}

#[test]
fn stored_entries_round_trip_and_interrupted_sends_are_retried() {
    let mut outbox = Outbox::default();
    outbox.add(entry("a", "2026-11-23T10:00:00.000Z"), 7);
    let stored = outbox.entries()[0].to_json();
    assert_eq!(stored_entry(&stored).as_ref(), outbox.get("a"));
    outbox.start("a", 7).unwrap();
    // The page closed mid-request: a later visit (or another tab) sends it again once the send
    // is clearly cut off, not while it may still be on its way.
    let reloaded = stored_entry(&outbox.get("a").unwrap().to_json()).unwrap();
    assert_eq!(
        reloaded.delivery,
        Delivery::Sending {
            attempts: 1,
            since: 7
        }
    );
    let mut later = Outbox::from_entries(vec![reloaded]);
    assert!(later.due(7 + STALE_SENDING_MS - 1).is_empty());
    assert_eq!(later.next_due(), Some(7 + STALE_SENDING_MS));
    let again = later.start("a", 7 + STALE_SENDING_MS).unwrap();
    assert_eq!(
        again.delivery,
        Delivery::Sending {
            attempts: 2,
            since: 7 + STALE_SENDING_MS
        }
    );
    for bad in [
        "",
        "[]",
        r#"{"key":"a"}"#,
        r#"{"key":"","payload":"x","state":"sent"}"#,
        r#"{"key":"a","payload":"x","state":"lost"}"#,
    ] {
        assert_eq!(stored_entry(bad), None, "{bad}");
    }
}

#[test]
fn outbox_lists_newest_first_and_merges_other_tabs() {
    let mut outbox =
        Outbox::from_entries(vec![entry("old", "2026-01-01"), entry("new", "2026-02-01")]);
    assert_eq!(keys(&outbox), ["new", "old"]);
    outbox.add(entry("mine", "2026-03-01"), 0);
    outbox.start("mine", 0).unwrap();
    assert_eq!(
        outbox.get("mine").unwrap().version,
        2,
        "added, then started"
    );
    // Another tab's late copy, from before this tab started sending, does not undo the send…
    outbox.merge(Entry {
        delivery: Delivery::Queued {
            attempts: 0,
            at: 0,
            reason: None,
        },
        version: 1,
        ..entry("mine", "2026-03-01")
    });
    assert!(matches!(
        outbox.get("mine").unwrap().delivery,
        Delivery::Sending { .. }
    ));
    // …nor does its own start of the same send at the same moment…
    outbox.merge(Entry {
        delivery: Delivery::Sending {
            attempts: 1,
            since: 0,
        },
        version: 2,
        ..entry("mine", "2026-03-01")
    });
    assert_eq!(
        outbox.get("mine").unwrap().delivery,
        Delivery::Sending {
            attempts: 1,
            since: 0
        }
    );
    // …but its news that the entry was delivered is taken.
    outbox.merge(Entry {
        delivery: Delivery::Sent { at: 1 },
        version: 3,
        ..entry("mine", "2026-03-01")
    });
    assert_eq!(
        outbox.get("mine").unwrap().delivery,
        Delivery::Sent { at: 1 }
    );
    outbox.merge(entry("other", "2026-01-15"));
    assert_eq!(keys(&outbox), ["mine", "new", "other", "old"]);
    outbox.remove("old");
    assert_eq!(outbox.entries().len(), 3);
}

#[test]
fn what_the_visitor_may_do_follows_the_entry_and_how_the_site_sends_now() {
    let with = |delivery: Delivery| Entry {
        delivery,
        ..entry("a", "2026-11-23T10:00:00.000Z")
    };
    let waiting = with(Delivery::Queued {
        attempts: 1,
        at: 0,
        reason: Some("the receiver could not be reached".into()),
    });
    let offer = waiting.offer(Via::Webhook);
    assert_eq!(
        (offer.status, offer.retry, offer.remove),
        (
            Status::Retrying(Some("the receiver could not be reached".into())),
            true,
            false
        ),
        "nothing on its way may be removed"
    );
    let sending = with(Delivery::Sending {
        attempts: 1,
        since: 0,
    });
    assert_eq!(
        (
            sending.offer(Via::Webhook).retry,
            sending.offer(Via::Webhook).remove
        ),
        (false, false)
    );
    // The site switched away from its webhook: kept, to open by email or copy, or to remove.
    let offer = waiting.offer(Via::Email);
    assert_eq!(
        (offer.status, offer.retry, offer.remove),
        (Status::NowByEmail, false, true)
    );
    let offer = sending.offer(Via::Nowhere);
    assert_eq!(
        (offer.status, offer.retry, offer.remove),
        (Status::SwitchedOff, false, true)
    );
    // Finished entries read the same whatever the channel.
    for via in [Via::Webhook, Via::Email, Via::Nowhere] {
        let sent = with(Delivery::Sent { at: 1 }).offer(via);
        assert_eq!(
            (sent.status, sent.retry, sent.remove),
            (Status::Sent, false, true)
        );
        let failed = with(Delivery::Failed {
            attempts: 1,
            reason: "the receiver refused it (HTTP 422)".into(),
            at: 1,
        })
        .offer(via);
        assert_eq!((failed.retry, failed.remove), (via == Via::Webhook, true));
    }
}

#[test]
fn damaged_or_hand_edited_stored_entries_are_read_without_harm() {
    // Two stored copies of one key, at different times: one entry, whatever their order.
    let outbox = Outbox::from_entries(vec![
        entry("a", "2026-11-23T10:00:00.000Z"),
        entry("b", "2026-11-24T10:00:00.000Z"),
        entry("a", "2026-11-25T10:00:00.000Z"),
    ]);
    let keys: Vec<&str> = outbox.entries().iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["b", "a"]);
    // A "sending" entry with no attempts and a time at the end of the clock.
    let mut outbox = Outbox::from_entries(vec![Entry {
        delivery: Delivery::Sending {
            attempts: 0,
            since: u64::MAX,
        },
        ..entry("c", "2026-11-23T10:00:00.000Z")
    }]);
    assert_eq!(outbox.next_due(), Some(u64::MAX));
    outbox.finish("c", Attempt::Offline, 5);
    assert!(matches!(
        outbox.get("c").unwrap().delivery,
        Delivery::Queued { attempts: 0, .. }
    ));
}

#[test]
fn reasons_are_kept_as_codes_and_earlier_words_as_they_are() {
    let reasons = [
        Reason::Temporary(503),
        Reason::Refused(422),
        Reason::Unprepared("TypeError: bad header".into()),
        Reason::Timeout,
        Reason::Unreachable,
        Reason::Offline,
        Reason::GaveUp(Box::new(Reason::Temporary(500))),
        Reason::Words("the receiver could not be reached".into()),
        Reason::Words("#not a code".into()),
        Reason::Words(String::new()),
    ];
    for reason in reasons {
        assert_eq!(Reason::read(&reason.code()), reason, "{}", reason.code());
    }
    assert_eq!(Reason::Temporary(503).code(), "#temporary 503");
}
