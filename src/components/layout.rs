//! The frame around every page: skip link, site header with navigation, and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::data::CATALOGUE_URL;
use crate::platform::focus;
use crate::routes::Base;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let base = expect_context::<Base>();
    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=|ev| {
                ev.prevent_default();
                focus("main");
            }
        >
            "Skip to main content"
        </a>
        <header class="site-header">
            <div class="wrap">
                <a class="brand" href=base.home()>
                    <span class="brand-mark" aria-hidden="true"></span>
                    "Resilience Toolkit"
                </a>
                <nav aria-label="Main">
                    <ul>
                        <li><NavLink href=base.home() label="Home"/></li>
                        <li><NavLink href=base.browse(&Default::default()) label="Browse resources"/></li>
                        <li><NavLink href=base.about() label="About"/></li>
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <div class="wrap">{children()}</div>
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>
                    "The Resilience Toolkit is an open bank of research, case studies, intervention tools and learning materials for Student Services professionals. "
                    "It looks at the environment institutions provide, never at labelling students."
                </p>
                <p>
                    <a href=CATALOGUE_URL>"Download the catalogue (JSON)"</a>
                </p>
            </div>
        </footer>
    }
}

/// A main navigation link, marked as the current page when its path is the one shown.
#[component]
fn NavLink(href: String, label: &'static str) -> impl IntoView {
    let pathname = use_location().pathname;
    let current = {
        let href = href.clone();
        move || pathname.with(|p| p == &href).then_some("page")
    };
    view! { <a href=href aria-current=current>{label}</a> }
}
