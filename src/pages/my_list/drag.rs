//! Dragging an item of My list by its handle, with a mouse, a pen or a finger: the item follows
//! the pointer among the others, and the new order is kept when it is let go.

use leptos::prelude::*;

use super::{ITEMS, Shown, moved_to};
use crate::platform::{boxes, save_list, saved_list, scroll_by, window_height};

/// How near the window's top or bottom, in pixels, a dragged item scrolls the page, and by how
/// much each move.
const EDGE: f64 = 40.0;
const SCROLL_STEP: f64 = 12.0;

/// Follows the pointer while `dragging` holds the id of the item whose handle was pressed,
/// for as long as the list is shown. `title` names a resource for what the page says.
pub(super) fn follow(
    shown: Shown,
    dragging: RwSignal<Option<String>>,
    title: impl Fn(&str) -> String + Clone + 'static,
) {
    let moved = window_event_listener(leptos::ev::pointermove, move |ev| {
        if let Some(id) = dragging.get_untracked() {
            over(shown, &id, f64::from(ev.client_y()));
        }
    });
    let end = move || {
        let Some(id) = dragging.get_untracked() else {
            return;
        };
        dragging.set(None);
        let ids = shown.ids.get_untracked();
        if ids == saved_list() {
            return;
        }
        save_list(&ids);
        let at = ids.iter().position(|i| *i == id).unwrap_or(0) + 1;
        shown.say(moved_to(&title(&id), at, ids.len()));
    };
    let ended = window_event_listener(leptos::ev::pointerup, {
        let end = end.clone();
        move |_| end()
    });
    let cancelled = window_event_listener(leptos::ev::pointercancel, move |_| end());
    on_cleanup(move || {
        moved.remove();
        ended.remove();
        cancelled.remove();
    });
}

/// Puts the dragged item `id` before or after the item the pointer is over, at height `y`
/// (shown, not yet kept), and scrolls near the window's edges.
fn over(shown: Shown, id: &str, y: f64) {
    let items = boxes(&format!("#{ITEMS} > li"));
    let mut ids = shown.ids.get_untracked();
    if let Some(from) = ids.iter().position(|i| i == id) {
        let under = items
            .iter()
            .enumerate()
            .find(|(i, (top, bottom))| *i != from && y >= *top && y <= *bottom);
        if let Some((i, (top, bottom))) = under {
            let mut to = if y < (top + bottom) / 2.0 { i } else { i + 1 };
            if from < to {
                to -= 1;
            }
            let item = ids.remove(from);
            ids.insert(to.min(ids.len()), item);
            if ids != shown.ids.get_untracked() {
                shown.ids.set(ids);
            }
        }
    }
    if y < EDGE {
        scroll_by(-SCROLL_STEP);
    } else if y > window_height() - EDGE {
        scroll_by(SCROLL_STEP);
    }
}
