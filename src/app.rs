//! The root component and the one route table.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, StaticSegment, path};

use crate::components::layout::Layout;
use crate::courier::Courier;
use crate::deployment::{CatalogueState, Loaded, Settings};
use crate::pages::{
    Navigated, about::AboutPage, browse::BrowsePage, collection::CollectionPage,
    contribute::ContributePage, evidence_guide::EvidenceGuidePage, home::HomePage,
    my_list::MyListPage, not_found::NotFound, resource::ResourcePage, subscribe::SubscribePage,
    term::TermPage, whats_new::WhatsNewPage,
};
use crate::platform;
use crate::routes::{
    ABOUT, BROWSE, COLLECTIONS, CONTRIBUTE, EVIDENCE_GUIDE, FACET_PARAM, ID_PARAM, MY_LIST,
    RESOURCES, SUBSCRIBE, WHATS_NEW,
};

/// The whole site in the browser, once the settings and the catalogue have been fetched (see
/// [`crate::start`]): the browser set-up, then the [`Shell`].
#[component]
pub fn App(settings: Settings, catalogue: Loaded) -> impl IntoView {
    platform::apply_theme(&settings.config.theme);
    if settings.embed {
        platform::start_embed_mode();
    }
    // Every link the app writes stays in the language of the page it took over.
    let prefix = settings.config.language_prefix(crate::text::lang());
    let base = platform::base().in_language(&prefix);
    provide_context(base.clone());
    let state = CatalogueState::new(settings.config.catalogue_url.clone(), catalogue);
    provide_context(state);
    // The catalogue replaced on the server while the app runs: shown without a reload.
    platform::on_data_changed(move || state.refresh());
    provide_context(Courier::start(&settings.config, base.site_root()));
    provide_context(settings);
    Navigated::provide();
    view! { <Shell/> }
}

/// The router, the page frame and the route table: everything a page shows. Rendered by
/// [`App`] in the browser and, natively, by the `prerender` binary into the static pages, with
/// the same contexts provided (`Base`, `CatalogueState`, `Courier`, `Settings`,
/// `Navigated`).
#[component]
pub fn Shell() -> impl IntoView {
    let base = expect_context::<crate::routes::Base>();
    view! {
        <Router base=base.router_base()>
            <Layout>
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=StaticSegment(BROWSE) view=BrowsePage/>
                    <Route path=(StaticSegment(RESOURCES), ParamSegment(ID_PARAM)) view=ResourcePage/>
                    <Route path=(StaticSegment(COLLECTIONS), ParamSegment(ID_PARAM)) view=CollectionPage/>
                    <Route path=StaticSegment(WHATS_NEW) view=WhatsNewPage/>
                    <Route path=StaticSegment(ABOUT) view=AboutPage/>
                    <Route path=StaticSegment(EVIDENCE_GUIDE) view=EvidenceGuidePage/>
                    <Route path=StaticSegment(MY_LIST) view=MyListPage/>
                    <Route path=StaticSegment(CONTRIBUTE) view=ContributePage/>
                    <Route path=StaticSegment(SUBSCRIBE) view=SubscribePage/>
                    // Every facet's term pages (`/approaches/<id>`, `/evidence/<id>`…). Last: the
                    // router takes the first route that matches, so `/resources/<id>` and
                    // `/collections/<id>` are theirs.
                    <Route path=(ParamSegment(FACET_PARAM), ParamSegment(ID_PARAM)) view=TermPage/>
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
