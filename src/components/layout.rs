//! The frame around every page: skip link, site header with navigation, notices, and footer,
//! every word from the message catalogue (`crate::text`).
//! In embed mode the header and footer are left out: the embedding site has its own.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::deployment::{CatalogueState, Settings};
use crate::platform::{apply_update, focus, on_update_ready};
use messages::Lang;

use crate::routes::{self, Base};
use crate::text::{Msg, fill, lang, t};

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let base = expect_context::<Base>();
    let settings = expect_context::<Settings>();
    let catalogue = expect_context::<CatalogueState>();
    let title = settings.config.title.clone();
    let organisation = settings.config.organisation.clone();
    let contribute = settings.config.contribute.is_some();
    let header = (!settings.embed).then(|| {
        view! {
            <a
                class="skip-link"
                href="#main"
                on:click=|ev| {
                    ev.prevent_default();
                    focus("main");
                }
            >
                {t(Msg::LayoutSkip)}
            </a>
            <header class="site-header">
                <div class="wrap">
                    <a class="brand" href=base.home() rel="external">
                        <span class="brand-mark" aria-hidden="true"></span>
                        {title}
                    </a>
                    <LanguageLinks/>
                    <nav aria-label=t(Msg::LayoutNav)>
                        <ul>
                            <li><NavLink href=base.home() label=t(Msg::LayoutHome) external=true/></li>
                            <li><NavLink href=base.browse(&Default::default()) label=t(Msg::LayoutBrowse)/></li>
                            <li><NavLink href=base.whats_new() label=t(Msg::LayoutWhatsNew) external=true/></li>
                            <li><NavLink href=base.about() label=t(Msg::LayoutAbout) external=true/></li>
                            {contribute.then(|| view! { <li><NavLink href=base.contribute() label=t(Msg::LayoutSuggest)/></li> })}
                            <li><NavLink href=base.my_list() label=t(Msg::LayoutMyList) external=true my_list=true/></li>
                        </ul>
                    </nav>
                </div>
            </header>
        }
    });
    let footer = (!settings.embed).then(|| {
        view! {
            <footer class="site-footer">
                <div class="wrap">
                    {(!organisation.is_empty()).then(|| view! { <p>{fill(Msg::LayoutProvidedBy, &[("organisation", &organisation)])}</p> })}
                    <p>{[t(Msg::LayoutAboutToolkit), " ", t(Msg::LayoutStance)].concat()}</p>
                    <p>
                        <a href=catalogue.url()>{t(Msg::LayoutDownload)}</a>
                        " · "
                        <a href=base.feed() rel="external" type="application/atom+xml">{t(Msg::LayoutFeed)}</a>
                        " · "
                        <a href=base.subscribe()>{t(Msg::LayoutUpdates)}</a>
                    </p>
                </div>
            </footer>
        }
    });
    view! {
        {header}
        <main id="main" tabindex="-1">
            <div class="wrap">
                <UpdateNotice/>
                <SettingsWarnings warnings=settings.warnings.to_vec()/>
                {children()}
            </div>
        </main>
        {footer}
    }
}

/// A link to this same page in each other language the site offers, at the top of every page
/// (beside the site's name, where a phone shows it too): the language's name in itself, marked
/// as that language. The search, filters and sort in the address go with it (not a fragment,
/// which names a place in this language's page).
#[component]
fn LanguageLinks() -> impl IntoView {
    let base = expect_context::<Base>();
    let settings = expect_context::<Settings>();
    let here = lang();
    let location = use_location();
    let others: Vec<(Lang, String)> = routes::languages(&settings.config)
        .into_iter()
        .filter(|(l, _)| *l != here)
        .collect();
    (!others.is_empty()).then(|| {
        let links = others
            .into_iter()
            .map(|(other, prefix)| {
                let base = base.clone();
                let href = move || {
                    let path = location.pathname.get();
                    let query = location.search.get();
                    let query = match query.is_empty() || query.starts_with('?') {
                        true => query,
                        false => format!("?{query}"),
                    };
                    base.counterpart(&[path, query].concat(), &prefix)
                };
                view! {
                    <a href=href hreflang=other.code() lang=other.tag() rel="external">{other.name()}</a>
                }
            })
            .collect_view();
        view! { <p class="languages">{links}</p> }
    })
}

/// A main navigation link, marked as the current page when its path is the one shown.
/// `external`: a page of its own (see `pages::standalone`), which the browser loads.
#[component]
fn NavLink(
    href: String,
    label: &'static str,
    #[prop(optional)] external: bool,
    /// The link to My list, which the page's script gives the list's count.
    #[prop(optional)]
    my_list: bool,
) -> impl IntoView {
    let pathname = use_location().pathname;
    let current = {
        let href = href.clone();
        move || pathname.with(|p| p == &href).then_some("page")
    };
    let marked = my_list.then_some("");
    view! {
        <a href=href aria-current=current rel=external.then_some("external") data-my-list=marked>{label}</a>
    }
}

/// Says when a new version of the toolkit has been downloaded, with a button to switch to it.
/// (Until then this visit keeps running the version it started with, whole.)
#[component]
fn UpdateNotice() -> impl IntoView {
    let ready = RwSignal::new(false);
    on_update_ready(move || ready.set(true));
    move || {
        ready.get().then(|| {
            view! {
                <div class="notice" role="status">
                    <p>{t(Msg::UpdateReady)}</p>
                    <button type="button" class="button" on:click=|_| apply_update()>{t(Msg::UpdateReload)}</button>
                </div>
            }
        })
    }
}

/// Problems with the site's `config.json`, for whoever maintains the site; the site works on
/// with defaults meanwhile.
#[component]
fn SettingsWarnings(warnings: Vec<String>) -> impl IntoView {
    (!warnings.is_empty()).then(|| {
        view! {
            <aside class="notice warning" aria-labelledby="settings-warning">
                <p id="settings-warning">{t(Msg::SettingsDefaults)}</p>
                <details>
                    <summary>{t(Msg::SettingsDetails)}</summary>
                    <ul>{warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                </details>
            </aside>
        }
    })
}
