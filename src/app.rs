//! The root component and the one route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment, path};

use crate::components::layout::Layout;
use crate::data::CatalogueState;
use crate::pages::{
    Navigated, about::AboutPage, browse::BrowsePage, home::HomePage, not_found::NotFound,
    resource::ResourcePage,
};
use crate::platform;
use crate::routes::{ABOUT, BROWSE, ID_PARAM, RESOURCES};

#[component]
pub fn App() -> impl IntoView {
    let base = platform::base();
    provide_context(base.clone());
    provide_context(CatalogueState::load());
    Navigated::provide();
    view! {
        <Router base=base.router_base()>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=StaticSegment(BROWSE) view=BrowsePage/>
                    <Route path=(StaticSegment(RESOURCES), ParamSegment(ID_PARAM)) view=ResourcePage/>
                    <Route path=StaticSegment(ABOUT) view=AboutPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
