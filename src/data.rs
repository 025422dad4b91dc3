//! Loading the catalogue at start-up and sharing it with every page.
//!
//! The catalogue is fetched (not compiled in) so a deployer can replace `catalogue.json`
//! without rebuilding the app.

use std::sync::Arc;

use catalogue::{Engine, LoadError, parse_catalogue};
use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::components::error::CatalogueErrorView;
use crate::platform::{FetchError, fetch_text};

/// Where the catalogue is, relative to the page's base URL.
pub const CATALOGUE_URL: &str = "catalogue.json";

/// Why the catalogue is not available.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Invalid(#[from] LoadError),
}

pub type Loaded = Result<Arc<Engine>, CatalogueError>;

/// The catalogue as every page sees it: loading (`None`), loaded, or failed with a reason.
///
/// A plain signal filled by a spawned task, rather than a `LocalResource`: the app loads one
/// file once, and the resource machinery cost about 10 KB of gzipped wasm.
#[derive(Clone, Copy)]
pub struct CatalogueState(RwSignal<Option<Loaded>>);

impl CatalogueState {
    /// Starts loading the catalogue and returns its state.
    pub fn load() -> CatalogueState {
        let state = CatalogueState(RwSignal::new(None));
        state.fetch();
        state
    }

    /// (Re)fetches the catalogue, showing the loading state meanwhile.
    pub fn fetch(self) {
        self.0.set(None);
        leptos::task::spawn_local(async move {
            self.0.set(Some(fetch_catalogue().await));
        });
    }

    pub fn get(self) -> Option<Loaded> {
        self.0.get()
    }
}

async fn fetch_catalogue() -> Loaded {
    let text = fetch_text(CATALOGUE_URL).await?;
    let catalogue = parse_catalogue(&text)?;
    Ok(Arc::new(Engine::new(catalogue)))
}

/// Renders `page` with the catalogue once it has loaded; a loading message before, and an
/// error page that explains what is wrong (and offers to retry) if it cannot be loaded.
pub fn with_catalogue<V>(page: impl Fn(Arc<Engine>) -> V + Send + Sync + 'static) -> impl IntoView
where
    V: IntoView + 'static,
{
    let state = expect_context::<CatalogueState>();
    move || match state.get() {
        None => EitherOf3::A(view! {
            <p class="loading" role="status">"Loading the resource catalogue…"</p>
        }),
        Some(Ok(engine)) => EitherOf3::B(page(engine)),
        Some(Err(error)) => EitherOf3::C(view! {
            <CatalogueErrorView error retry=move || state.fetch()/>
        }),
    }
}
