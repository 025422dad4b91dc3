//! My list (`/list`): the resources a visitor saved with "Save", in their order, to reorder (by
//! keyboard, or by dragging the handle), remove, share as a link, email, export and print. A
//! list shared as a link (`/list?ids=a,b,c`) shows a colleague's list, with an offer to save it.
//!
//! The list is the visitor's own, kept in their browser by `src/js/controls.js` (which answers
//! "Save" on every page); this page reads and changes it through `platform::saved_list` and
//! `save_list`. The build writes the page's frame, with a loading line and what the page says
//! without scripts; the app starts at once here (`Page::starts_at_once`) and draws the list
//! from the catalogue it has, so a list's cards are always the live catalogue's.

use std::sync::Arc;

use catalogue::Engine;
use catalogue::rules::is_slug;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::needs_catalogue::with_catalogue;
use crate::components::resource_card::card_html;
use crate::components::share::{Export, ExportGroup};
use crate::contract::attribute;
use crate::pages::{HEADING_ID, page_title};
use crate::platform::{self, focus, list_kept, on_list_change, origin, save_list, saved_list};
use crate::routes::Base;
use crate::text::{Count, Msg, counted, counted_with, fill, t};

mod drag;

/// The query key of a list shared as a link (`/list?ids=a,b,c`), and what is between its ids.
const IDS_KEY: &str = "ids";
const IDS_SEPARATOR: &str = ",";
/// The names of the files the list downloads as (before the format's extension): the
/// visitor's own list, and a list shared with them.
const DOWNLOAD: &str = "my-list";
const SHARED_DOWNLOAD: &str = "shared-list";
/// The static page's loading line (which the stylesheet hides where scripts do not run).
const LOADING: &str = "list-loading";
/// The list's heading, which names it, and the list itself (dragging finds its items).
const HEADING: &str = "list-heading";
const ITEMS: &str = "list-items";

#[component]
pub fn MyListPage() -> impl IntoView {
    page_title(Box::new(|| t(Msg::MyListTitle).to_owned()));
    // The static page cannot know the visitor's list: it says it is loading (the app replaces
    // it at once), or, without scripts, why there is none.
    let list = match cfg!(feature = "ssr") {
        true => view! {
            <p id=LOADING class="boot" role="status">{t(Msg::MyListLoading)}</p>
            <noscript>
                <p class="boot">{t(Msg::MyListNeedsScripts)}</p>
            </noscript>
        }
        .into_any(),
        // A list shared as a link, or the visitor's own: drawn again when the address changes
        // from one to the other ("Open My list").
        false => {
            let query = use_query_map();
            let shared = Memo::new(move |_| query.with(|q| q.get(IDS_KEY)));
            with_catalogue(move |engine| {
                (move || view! { <List engine=engine.clone() shared=shared.get()/> }).into_any()
            })
        }
    };
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(Msg::MyListTitle)}</h1>
        <p class="lede">{t(Msg::MyListLede)}</p>
        <div class="my-list">{list}</div>
    }
}

/// The list shown and what can be done with it: the visitor's own, or one shared with them.
#[derive(Clone, Copy)]
pub(super) struct Shown {
    pub(super) ids: RwSignal<Vec<String>>,
    /// What the page says after a change, for screen readers.
    said: RwSignal<String>,
    own: bool,
}

impl Shown {
    pub(super) fn say(self, text: String) {
        self.said.set(text);
    }

    /// Keeps `ids` as the visitor's list (every page and tab hears of it).
    pub(super) fn keep(self, ids: Vec<String>) {
        save_list(&ids);
        self.ids.set(ids);
    }
}

/// The list: `shared`, the ids of a list shared as a link (as the address has them), or the
/// visitor's own where there are none.
#[component]
fn List(engine: Arc<Engine>, shared: Option<String>) -> impl IntoView {
    let shared: Option<Vec<String>> = shared.map(|ids| {
        let mut out: Vec<String> = Vec::new();
        for id in ids.split(IDS_SEPARATOR).filter(|id| is_slug(id)) {
            if !out.iter().any(|o| o == id) {
                out.push(id.to_owned());
            }
        }
        out
    });
    let own = shared.is_none();
    let shown = Shown {
        ids: RwSignal::new(shared.unwrap_or_else(saved_list)),
        said: RwSignal::new(String::new()),
        own,
    };
    if own {
        // Saved or taken out elsewhere: on another page's "Save", in another tab.
        on_list_change(move || _ = shown.ids.try_set(saved_list()));
    }
    let count = move || shown.ids.with(Vec::len);
    let heading = move || match own {
        true => counted(Count::MyListSaved, count()),
        false => counted(Count::MyListShared, count()),
    };
    let kept = list_kept();
    let tools = engine.clone();
    view! {
        {(kept != "local").then(|| view! {
            <p class="notice warning">{t(Msg::MyListNotKept)}</p>
        })}
        {(!own).then(|| view! { <SharedNotice shown/> })}
        {move || (own && count() == 0).then(|| view! { <Empty/> })}
        {move || (count() > 0).then(|| view! { <Tools engine=tools.clone() shown/> })}
        <h2 id=HEADING>{heading}</h2>
        <ol id=ITEMS class="result-list list-items" aria-labelledby=HEADING>
            <Items engine=engine.clone() shown/>
        </ol>
        <p class="visually-hidden" role="status">{shown.said}</p>
    }
}

#[component]
fn Empty() -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <div>
            <p>{t(Msg::MyListEmpty)}</p>
            <p><a class="button" href=base.browse(&Default::default())>{t(Msg::MyListBrowse)}</a></p>
        </div>
    }
}

/// A list someone shared: what it is, and "Save all to My list".
#[component]
fn SharedNotice(shown: Shown) -> impl IntoView {
    let base = expect_context::<Base>();
    let save_all = move |_| {
        let mut mine = saved_list();
        let theirs = shown.ids.get_untracked();
        let added: Vec<String> = theirs
            .iter()
            .filter(|id| !mine.contains(id))
            .cloned()
            .collect();
        let already = theirs.len() - added.len();
        mine.extend(added.iter().cloned());
        save_list(&mine);
        let added = counted(Count::MyListResources, added.len());
        let total = counted(Count::MyListResources, mine.len());
        let args = [("added", added.as_str()), ("total", total.as_str())];
        shown.say(match already {
            0 => fill(Msg::MyListAdded, &args),
            n => counted_with(Count::MyListAddedAlready, n, &args),
        });
    };
    view! {
        <section class="notice" aria-labelledby="shared-heading">
            <h2 id="shared-heading">{t(Msg::MyListSharedHeading)}</h2>
            <p>{t(Msg::MyListSharedText)}</p>
            <p class="list-actions">
                <button type="button" class="button" on:click=save_all>{t(Msg::MyListSharedSaveAll)}</button>
                <a href=base.my_list()>{t(Msg::MyListSharedOpenMine)}</a>
            </p>
        </section>
    }
}

/// Sharing the list as a link, by email and in print, and exporting it.
#[component]
fn Tools(engine: Arc<Engine>, shown: Shown) -> impl IntoView {
    let base = expect_context::<Base>();
    let list_base = base.clone();
    let link = move || list_link(&list_base, &shown.ids.get());
    let mailed = engine.clone();
    let email = move || email(&mailed, &base, &shown.ids.get());
    let export = Export {
        label: t(Msg::MyListExport),
        name: match shown.own {
            true => DOWNLOAD,
            false => SHARED_DOWNLOAD,
        }
        .to_owned(),
        ids: Arc::new(move || shown.ids.get_untracked()),
        engine,
    };
    view! {
        <div>
            <div class="share-links" role="group" aria-label=t(Msg::MyListShare)>
                <span class="share-label" aria-hidden="true">{format!("{}:", t(Msg::MyListShare))}</span>
                <button
                    type="button"
                    class="button secondary"
                    data-share
                    data-share-title=t(Msg::MyListTitle)
                    data-share-url=link
                    data-copied=t(Msg::MyListCopied)
                >
                    {t(Msg::ShareLink)}
                </button>
                <a class="button secondary" href=email>{t(Msg::ShareEmail)}</a>
                <button type="button" class="button secondary" on:click=|_| platform::print()>
                    {t(Msg::MyListPrint)}
                </button>
                <span class="share-status" role="status"></span>
            </div>
            <ExportGroup export/>
        </div>
    }
}

/// The list's address: My list's with the ids, which opens it for anyone.
fn list_link(base: &Base, ids: &[String]) -> String {
    let query = [IDS_KEY, "=", &ids.join(IDS_SEPARATOR)].concat();
    [origin().as_str(), &base.my_list(), "?", &query].concat()
}

/// An email with each resource's citation and address, and the list's own link (only the link
/// where the whole would make too long a mailto link: `contributions::mailto` shortens it
/// then, with a note).
fn email(engine: &Engine, base: &Base, ids: &[String]) -> String {
    let site = expect_context::<crate::deployment::Settings>()
        .config
        .title
        .clone();
    let subject = fill(Msg::MyListEmailSubject, &[("site", &site)]);
    let mut body = String::new();
    for position in ids.iter().filter_map(|id| engine.position(id)) {
        let r = engine.resource(position);
        let page = [origin().as_str(), &base.resource(&r.id)].concat();
        for piece in [&catalogue::citation(r), "\n", &page, "\n\n"] {
            body.push_str(piece);
        }
    }
    let link = list_link(base, ids);
    body.push_str(&fill(Msg::MyListEmailLink, &[("link", &link)]));
    body.push('\n');
    contributions::mailto("", &subject, &body)
}

/// Each resource of the list: its card (or a note that the catalogue no longer has it) and, on
/// the visitor's own list, the controls to move and remove it.
#[component]
fn Items(engine: Arc<Engine>, shown: Shown) -> impl IntoView {
    let base = expect_context::<Base>();
    let dragging = RwSignal::new(None::<String>);
    let titled = engine.clone();
    let title = move |id: &str| {
        titled
            .position(id)
            .map_or(id.to_owned(), |p| titled.resource(p).title.clone())
    };
    drag::follow(shown, dragging, title);
    view! {
        <For each=move || shown.ids.get() key=|id| id.clone() let:id>
            {
                let card = match engine.position(&id) {
                    Some(position) => {
                        let mut html = String::new();
                        card_html(&mut html, &engine, &base, position, &[]);
                        // Here "Remove" takes a resource out; "Save" is for other lists.
                        if shown.own {
                            html = without_save(&html);
                        }
                        view! { <div inner_html=html></div> }.into_any()
                    }
                    None => view! {
                        <p class="card missing">
                            {fill(Msg::MyListMissing, &[("id", &id)])}
                        </p>
                    }
                    .into_any(),
                };
                let title = engine.position(&id).map_or(id.clone(), |p| engine.resource(p).title.clone());
                let is_dragged = {
                    let id = id.clone();
                    move || dragging.with(|d| d.as_deref() == Some(id.as_str()))
                };
                view! {
                    <li class="list-item" class:dragging=is_dragged>
                        {card}
                        {shown.own.then(|| view! { <Controls shown id=id.clone() title dragging/> })}
                    </li>
                }
            }
        </For>
    }
}

/// A card's HTML without its "Save" button.
fn without_save(html: &str) -> String {
    let Some(start) = html.find("<button") else {
        return html.to_owned();
    };
    let end = html[start..]
        .find("</button>")
        .map_or(html.len(), |i| start + i + "</button>".len());
    if html[start..end].contains(attribute::SAVE) {
        [&html[..start], &html[end..]].concat()
    } else {
        html.to_owned()
    }
}

/// "Move up", "Move down", "Remove", and the handle to drag an item by.
#[component]
fn Controls(
    shown: Shown,
    id: String,
    title: String,
    dragging: RwSignal<Option<String>>,
) -> impl IntoView {
    let button = |label: Msg| fill(label, &[("title", &title)]);
    let up_id = format!("move-up-{id}");
    let down_id = format!("move-down-{id}");
    let remove_id = format!("remove-{id}");
    let mover = |by: isize, keep_focus: String| {
        let id = id.clone();
        let title = title.clone();
        move |_| {
            let mut ids = shown.ids.get_untracked();
            let Some(from) = ids.iter().position(|i| *i == id) else {
                return;
            };
            let to = (from as isize + by).clamp(0, ids.len() as isize - 1) as usize;
            if to == from {
                shown.say(already_at_end(&title, from == 0));
                return;
            }
            let moved = ids.remove(from);
            ids.insert(to, moved);
            let total = ids.len();
            shown.keep(ids);
            shown.say(moved_to(&title, to + 1, total));
            let keep_focus = keep_focus.clone();
            request_animation_frame(move || focus(&keep_focus));
        }
    };
    let remove = {
        let id = id.clone();
        let title = title.clone();
        move |_| {
            let mut ids = shown.ids.get_untracked();
            let Some(at) = ids.iter().position(|i| *i == id) else {
                return;
            };
            ids.remove(at);
            let next = ids
                .get(at)
                .or_else(|| at.checked_sub(1).and_then(|p| ids.get(p)));
            let next = next.map_or_else(|| HEADING_ID.to_owned(), |n| format!("remove-{n}"));
            let left = ids.len();
            shown.keep(ids);
            shown.say(counted_with(
                Count::MyListRemoved,
                left,
                &[("title", &title)],
            ));
            request_animation_frame(move || focus(&next));
        }
    };
    let grab = {
        let id = id.clone();
        move |ev: leptos::ev::PointerEvent| {
            if ev.button() == 0 {
                ev.prevent_default();
                dragging.set(Some(id.clone()));
            }
        }
    };
    view! {
        <div class="list-controls">
            <span class="drag-handle" aria-hidden="true" title=t(Msg::MyListDrag) on:pointerdown=grab>"⠿"</span>
            <button type="button" class="button secondary small" id=up_id.clone() aria-label=button(Msg::MyListMoveUpName) on:click=mover(-1, up_id)>
                {t(Msg::MyListMoveUp)}
            </button>
            <button type="button" class="button secondary small" id=down_id.clone() aria-label=button(Msg::MyListMoveDownName) on:click=mover(1, down_id)>
                {t(Msg::MyListMoveDown)}
            </button>
            <button type="button" class="button secondary small" id=remove_id aria-label=button(Msg::MyListRemoveName) on:click=remove>
                {t(Msg::MyListRemove)}
            </button>
        </div>
    }
}

/// What the page says when an item cannot move further: "<title> is already first." (or last).
fn already_at_end(title: &str, first: bool) -> String {
    let end = match first {
        true => Msg::MyListAlreadyFirst,
        false => Msg::MyListAlreadyLast,
    };
    fill(end, &[("title", title)])
}

/// What the page says when an item has moved: "Moved <title> to position 2 of 5."
pub(super) fn moved_to(title: &str, position: usize, total: usize) -> String {
    let (position, total) = (position.to_string(), total.to_string());
    fill(
        Msg::MyListMoved,
        &[("title", title), ("position", &position), ("total", &total)],
    )
}
