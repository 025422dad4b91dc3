//! The names the app, the static pages and the page's scripts share, written once, here: the
//! events and globals between the scripts and the wasm, the attributes and ids the scripts look
//! for, the keys in the browser's storage, the files the service worker keeps, and the values
//! the embed flag takes.
//!
//! The scripts (`src/js/`) take every one of them from the build: `scripts/post-build.mjs`
//! writes [`for_scripts`] (through `scripts/prerender --contract`) into each script's
//! `"__CONTRACT{parts,…}__"` placeholder (the parts the script uses), and the embed flag's part
//! into the embed check inline in `app.html` (`"__CONTRACT:embed__"`). `src/invariants/`
//! fails on a name written into a script instead.

/// Events on `window`.
pub mod event {
    /// The app is about to replace the static page (start.js saves what the visitor did).
    pub const TAKE_OVER: &str = "toolkit:take-over";
    /// The app has replaced it (start.js restores scroll, focus and fields).
    pub const TAKEN_OVER: &str = "toolkit:taken-over";
    /// A new version of the site is installed and waiting (offline.js to the app).
    pub const UPDATE_READY: &str = "toolkit:update-ready";
    /// Switch to the waiting version (the app to offline.js).
    pub const APPLY_UPDATE: &str = "toolkit:apply-update";
    /// The site's catalogue or settings changed while the app runs (start.js to the app, which
    /// loads the catalogue again).
    pub const DATA_CHANGED: &str = "toolkit:data-changed";
}

/// Messages between the page's scripts and the service worker.
pub mod worker {
    /// A page asks the waiting worker to take over (offline.js to sw.js).
    pub const SKIP_WAITING: &str = "skip-waiting";
    /// The worker's copy of a data file changed when it refreshed it (sw.js to start.js).
    pub const DATA_CHANGED: &str = "data-changed";
}

/// Globals on `window`, set by the scripts and read by the app.
pub mod global {
    /// A promise that resolves when the app should start (start.js).
    pub const WANTED: &str = "toolkitWanted";
    /// A promise that resolves once no pointer is pressed (start.js).
    pub const FREE: &str = "toolkitFree";
    /// True once a new version is waiting, for an app that starts after the event.
    pub const UPDATE_READY: &str = "toolkitUpdateReady";
    /// My list as controls.js keeps it: `read()`, `write(ids)`, `kept()`, `onChange(f)`.
    pub const LIST: &str = "toolkitList";
    /// A promise that resolves once start.js has checked the page's data against the site's,
    /// with the data files it fetched from the server meanwhile, as the settings name them
    /// (the app takes those from the browser's cache).
    pub const CHECKED: &str = "toolkitChecked";
    /// A promise that resolves once the app's files are in the browser's cache (the loader in
    /// app.html fetches them once the page is shown) and the page's data checked; offline.js
    /// registers the service worker after it, so the worker keeps the same copies and nothing
    /// is fetched side by side.
    pub const APP_FETCHED: &str = "toolkitAppFetched";
}

/// Attributes the build and the app write into the page for the scripts.
pub mod attribute {
    /// A "Save" button: the resource's id.
    pub const SAVE: &str = "data-save";
    /// A "Share link" button; the address it shares when not the page's own, and its title.
    pub const SHARE: &str = "data-share";
    pub const SHARE_URL: &str = "data-share-url";
    pub const SHARE_TITLE: &str = "data-share-title";
    /// A "Copy" button: the id of the element whose text it copies; what it says when done.
    pub const COPY: &str = "data-copy";
    pub const COPIED: &str = "data-copied";
    /// On `#boot`: the whole page written by the build, not a loading message.
    pub const STATIC: &str = "data-static";
    /// On `#boot`: a page of its own, taken over by the app only when its data is stale.
    pub const STANDALONE: &str = "data-standalone";
    /// On `#boot`: the digests of the settings and the catalogue the page was written from.
    pub const CONFIG_DIGEST: &str = "data-config-digest";
    pub const CATALOGUE_DIGEST: &str = "data-catalogue-digest";
    /// On `#boot`: where the catalogue the page was written from is, as the site's settings
    /// name it (so a script compares it without reading the settings itself).
    pub const CATALOGUE_URL: &str = "data-catalogue-url";
    /// On `#boot`: a page the app takes over at once, whoever is there (My list, which only the
    /// app can draw: the list is the visitor's).
    pub const AT_ONCE: &str = "data-at-once";
    /// The header's link to My list, in whatever language (`src/js/controls.js` adds the count).
    pub const MY_LIST: &str = "data-my-list";
    /// A download button (answered by the app): the format's file extension.
    pub const EXPORT: &str = "data-export";
}

/// The class on the root element in embed mode: the stylesheet hides the header and footer.
pub const EMBED_CLASS: &str = "embed";

/// The element the static page (or `app.html`'s loading message) is in, and which the app
/// replaces with its own rendering.
pub const BOOT_ID: &str = "boot";

/// The message an embedding page receives with the toolkit's height:
/// `{ type: HEIGHT_MESSAGE, height }`.
pub const HEIGHT_MESSAGE: &str = "resilience-toolkit:height";

/// What every key the site keeps in the browser starts with, before the base path (so two
/// copies of the toolkit on one site keep apart).
const STORAGE: &str = "resilience-toolkit";

/// The start of every key this copy of the toolkit (served under `base_path`) keeps.
pub fn storage_prefix(base_path: &str) -> String {
    [STORAGE, ":", base_path, ":"].concat()
}

/// My list's key, after the prefix.
pub const LIST_KEY: &str = "list";
/// The outbox's keys start so, after the prefix (one key per submission).
pub const OUTBOX_KEY: &str = "outbox:";
/// Drafts' keys start so, after the prefix.
pub const DRAFT_KEY: &str = "draft:";
/// A key written and removed again to learn whether storage is allowed.
pub const PROBE_KEY: &str = "probe";

/// The service worker's file, beside the pages (its scope is the site's).
pub const SERVICE_WORKER: &str = "sw.js";
/// The app's own page, which every static page is made from and which the service worker
/// serves offline for a page it has not kept.
pub const APP_PAGE: &str = "app.html";
/// The data the service worker keeps for offline use: the settings and the catalogue where
/// they are by default.
pub const DATA_FILES: [&str; 2] = [settings::CONFIG_FILE, settings::DEFAULT_CATALOGUE];

#[cfg(feature = "ssr")]
pub use scripts::for_scripts;

#[cfg(feature = "ssr")]
mod scripts {
    use catalogue::query::{EMBED_KEY, FLAG_OFF, FLAG_ON};
    use catalogue::rules::{SLUG_MAX, SLUG_PATTERN};
    use serde_json::{Value, json};

    use super::*;
    use crate::routes::Base;
    use crate::text::{Count, Msg, forms, in_lang, t};
    use messages::Lang;

    /// Everything the scripts need, as the object written into their placeholders, for a site
    /// served under `base_path` (the root, or a sub-path such as `/intranet/toolkit/`).
    pub fn for_scripts(base_path: &str) -> Value {
        let base = Base::from_base_path(base_path);
        let prefix = storage_prefix(&base.router_base());
        let key = |part: &str| [prefix.as_str(), part].concat();
        json!({
            "events": {
                "takeOver": event::TAKE_OVER,
                "takenOver": event::TAKEN_OVER,
                "updateReady": event::UPDATE_READY,
                "applyUpdate": event::APPLY_UPDATE,
                "dataChanged": event::DATA_CHANGED,
            },
            "worker": { "skipWaiting": worker::SKIP_WAITING, "dataChanged": worker::DATA_CHANGED },
            "globals": {
                "wanted": global::WANTED,
                "free": global::FREE,
                "updateReady": global::UPDATE_READY,
                "list": global::LIST,
                "checked": global::CHECKED,
                "appFetched": global::APP_FETCHED,
            },
            "attributes": {
                "save": attribute::SAVE,
                "share": attribute::SHARE,
                "shareUrl": attribute::SHARE_URL,
                "shareTitle": attribute::SHARE_TITLE,
                "copy": attribute::COPY,
                "copied": attribute::COPIED,
                "static": attribute::STATIC,
                "standalone": attribute::STANDALONE,
                "configDigest": attribute::CONFIG_DIGEST,
                "catalogueDigest": attribute::CATALOGUE_DIGEST,
                "catalogueUrl": attribute::CATALOGUE_URL,
                "atOnce": attribute::AT_ONCE,
                "myList": attribute::MY_LIST,
            },
            // What the scripts say, in each language (by the page's `lang`), from the message
            // catalogue; counts by plural category (Intl.PluralRules), `{n}` where the number
            // goes. (About 1 KB for both languages, in every visitor's controls.js.)
            "text": serde_json::Map::from_iter(Lang::ALL.map(|lang| {
                let texts = in_lang(lang, || json!({
                    "resources": serde_json::Map::from_iter(
                        forms(Count::Resources).into_iter().map(|(form, text)| (form.to_owned(), text.into())),
                    ),
                    "saved": t(Msg::ScriptsSaved),
                    "removed": t(Msg::ScriptsRemoved),
                    "keptSession": t(Msg::ScriptsKeptSession),
                    "keptPage": t(Msg::ScriptsKeptPage),
                    "copyUnavailable": t(Msg::ScriptsCopyUnavailable),
                    "shared": t(Msg::ScriptsShared),
                    "linkCopied": t(Msg::ScriptsLinkCopied),
                    "shareUnavailable": t(Msg::ScriptsShareUnavailable),
                }));
                (lang.code().to_owned(), texts)
            })),
            "boot": BOOT_ID,
            "heightMessage": HEIGHT_MESSAGE,
            "storage": {
                "list": key(LIST_KEY),
                "outbox": key(OUTBOX_KEY),
                "probe": key(PROBE_KEY),
            },
            "files": {
                "worker": SERVICE_WORKER,
                "appPage": APP_PAGE,
                "config": settings::CONFIG_FILE,
                "data": DATA_FILES,
            },
            // Every language's code: its pages are under `<code>/` when it is not the default.
            "languages": Lang::ALL.map(Lang::code),
            "embed": { "key": EMBED_KEY, "on": FLAG_ON, "off": FLAG_OFF, "class": EMBED_CLASS },
            "slug": { "pattern": SLUG_PATTERN, "max": SLUG_MAX },
        })
    }
}
