//! The root component and the one route table.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::{ParamSegment, StaticSegment, path};

use crate::components::layout::Layout;
use crate::contributions::Contributions;
use crate::data::{CatalogueState, Settings};
use crate::pages::{
    Navigated, about::AboutPage, browse::BrowsePage, contribute::ContributePage, home::HomePage,
    not_found::NotFound, resource::ResourcePage,
};
use crate::platform;
use crate::routes::{ABOUT, BROWSE, CONTRIBUTE, ID_PARAM, RESOURCES};

/// The whole site, once the settings are known (see [`crate::start`]).
#[component]
pub fn App(settings: Settings) -> impl IntoView {
    platform::remove_boot_message();
    platform::apply_theme(&settings.config.theme);
    if settings.embed {
        platform::start_embed_mode();
    }
    let base = platform::base();
    provide_context(base.clone());
    provide_context(CatalogueState::load(settings.config.catalogue_url.clone()));
    provide_context(Contributions::start(&settings.config, &base.router_base()));
    provide_context(settings);
    Navigated::provide();
    view! {
        <Router base=base.router_base()>
            <Layout>
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=StaticSegment(BROWSE) view=BrowsePage/>
                    <Route path=(StaticSegment(RESOURCES), ParamSegment(ID_PARAM)) view=ResourcePage/>
                    <Route path=StaticSegment(ABOUT) view=AboutPage/>
                    <Route path=StaticSegment(CONTRIBUTE) view=ContributePage/>
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
