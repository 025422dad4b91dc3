//! The root component and the one route table.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, StaticSegment, path};

use crate::components::layout::Layout;
use crate::contributions::Contributions;
use crate::data::{CatalogueState, Loaded, Settings};
use crate::pages::{
    Navigated, browse::BrowsePage, contribute::ContributePage, not_found::NotFound,
    resource::ResourcePage, subscribe::SubscribePage,
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
    let base = platform::base();
    provide_context(base.clone());
    provide_context(CatalogueState::new(
        settings.config.catalogue_url.clone(),
        catalogue,
    ));
    provide_context(Contributions::start(&settings.config, &base.router_base()));
    provide_context(settings);
    Navigated::provide();
    view! { <Shell/> }
}

/// The pages of their own: rendered by the build, a link to load them in the app (see
/// [`crate::pages::standalone`]).
mod standalone {
    use leptos::prelude::*;

    #[cfg(feature = "ssr")]
    use crate::pages::{
        about::AboutPage, collection::CollectionPage, evidence_guide::EvidenceGuidePage,
        home::HomePage, my_list::MyListPage, term::TermPage, whats_new::WhatsNewPage,
    };

    #[cfg(feature = "ssr")]
    pub fn home() -> AnyView {
        view! { <HomePage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn term() -> AnyView {
        view! { <TermPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn collection() -> AnyView {
        view! { <CollectionPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn whats_new() -> AnyView {
        view! { <WhatsNewPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn about() -> AnyView {
        view! { <AboutPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn my_list() -> AnyView {
        view! { <MyListPage/> }.into_any()
    }

    #[cfg(feature = "ssr")]
    pub fn evidence_guide() -> AnyView {
        view! { <EvidenceGuidePage/> }.into_any()
    }

    /// In the app, every page of its own shows the same link (one compiled view).
    #[cfg(not(feature = "ssr"))]
    pub fn home() -> AnyView {
        view! { <crate::pages::standalone::Standalone/> }.into_any()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn term() -> AnyView {
        view! { <crate::pages::standalone::StandaloneWithId term=true/> }.into_any()
    }

    #[cfg(not(feature = "ssr"))]
    pub fn collection() -> AnyView {
        view! { <crate::pages::standalone::StandaloneWithId term=false/> }.into_any()
    }

    // The same function, so that their routes (alike but for the segment) are one type and
    // compiled once.
    #[cfg(not(feature = "ssr"))]
    pub use home as whats_new;

    #[cfg(not(feature = "ssr"))]
    pub use home as about;

    #[cfg(not(feature = "ssr"))]
    pub use home as my_list;

    #[cfg(not(feature = "ssr"))]
    pub use home as evidence_guide;
}

/// The router, the page frame and the route table: everything a page shows. Rendered by
/// [`App`] in the browser and, natively, by the `prerender` binary into the static pages, with
/// the same contexts provided (`Base`, `CatalogueState`, `Contributions`, `Settings`,
/// `Navigated`).
#[component]
pub fn Shell() -> impl IntoView {
    let base = expect_context::<crate::routes::Base>();
    view! {
        <Router base=base.router_base()>
            <Layout>
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=standalone::home/>
                    <Route path=StaticSegment(BROWSE) view=BrowsePage/>
                    <Route path=(StaticSegment(RESOURCES), ParamSegment(ID_PARAM)) view=ResourcePage/>
                    <Route path=(StaticSegment(COLLECTIONS), ParamSegment(ID_PARAM)) view=standalone::collection/>
                    <Route path=StaticSegment(WHATS_NEW) view=standalone::whats_new/>
                    <Route path=StaticSegment(ABOUT) view=standalone::about/>
                    <Route path=StaticSegment(EVIDENCE_GUIDE) view=standalone::evidence_guide/>
                    <Route path=StaticSegment(MY_LIST) view=standalone::my_list/>
                    <Route path=StaticSegment(CONTRIBUTE) view=ContributePage/>
                    <Route path=StaticSegment(SUBSCRIBE) view=SubscribePage/>
                    // Every facet's term pages (`/approaches/<id>`, `/evidence/<id>`…). Last: the
                    // router takes the first route that matches, so `/resources/<id>` and
                    // `/collections/<id>` are theirs.
                    <Route path=(ParamSegment(FACET_PARAM), ParamSegment(ID_PARAM)) view=standalone::term/>
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
