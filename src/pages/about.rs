//! About: where the toolkit comes from, the research model behind its approaches (a drawing
//! with its text equivalent), who developed it, how resources are chosen, the stance it takes,
//! and how to cite it.
//!
//! A page of its own (the app takes it over only when the site's settings changed since the
//! build: see ARCHITECTURE.md, "Live pages"). The text is plain HTML, one message per language
//! (`messages/<language>/about-text.html`), so it can be edited without touching Rust; its links
//! to the toolkit's own pages are written `{browse}` or `{approach:<id>}` and filled in by
//! [`Base::expand_links`].

use leptos::prelude::*;

use crate::pages::page_title;
use crate::routes::Base;
use crate::text::{Msg, t};

#[component]
pub fn AboutPage() -> impl IntoView {
    let base = expect_context::<Base>();
    page_title(Box::new(|| t(Msg::AboutTitle).to_owned()));
    let html = base.expand_links(t(Msg::AboutText));
    view! { <article class="prose" inner_html=html></article> }
}
