//! Start-up: reading the deployment's settings, then loading the catalogue they point to, and
//! sharing both with every page (in the browser, and natively for the static pages).
//!
//! Both are fetched (not compiled in), so a deployer can change `config.json` or replace the
//! catalogue without rebuilding the app.

use std::sync::Arc;

use catalogue::{Catalogue, Engine, LoadError};
use leptos::prelude::*;
use settings::{CONFIG_FILE, SiteConfig};

use crate::platform::{FetchError, fetch_text, next_task, parse_json};
use serde_json::Value;

/// The settings in force, with what was wrong in `config.json` (shown to visitors so the site's
/// maintainer sees it too), and whether the page runs embedded.
#[derive(Clone, Debug)]
pub struct Settings {
    pub config: Arc<SiteConfig>,
    pub warnings: Arc<Vec<String>>,
    pub embed: bool,
}

impl Settings {
    /// Reads `config.json` (from the browser's cache if the page has `just_fetched` it); any
    /// failure gives the defaults and a warning, never an error.
    pub async fn load(embed_in_url: Option<bool>, just_fetched: &[String]) -> Settings {
        let cached = just_fetched.iter().any(|name| name == CONFIG_FILE);
        let file = fetch_text(CONFIG_FILE, cached)
            .await
            .map(|text| parse_json(&text));
        Settings::read(file, embed_in_url)
    }

    /// The settings from `config.json` as fetched and parsed (by the browser, or natively for
    /// the static pages), and whether the address asked for embed mode.
    pub fn read(
        file: Result<Result<Value, LoadError>, FetchError>,
        embed_in_url: Option<bool>,
    ) -> Settings {
        let (config, warnings) = match file {
            Ok(parsed) => SiteConfig::read(parsed),
            Err(FetchError::Status { status: 404, .. }) => (
                SiteConfig::default(),
                vec![format!("{CONFIG_FILE} was not found; using the defaults")],
            ),
            Err(e) => (
                SiteConfig::default(),
                vec![format!("{e}; using the defaults")],
            ),
        };
        Settings {
            embed: embed_in_url.unwrap_or(config.embed),
            config: Arc::new(config),
            warnings: Arc::new(warnings),
        }
    }

    /// These settings for pages in `lang`: its title and organisation, the title being the
    /// language's own name of the toolkit when `config.json` gives none.
    pub fn in_language(&self, lang: messages::Lang) -> Settings {
        let mut config = self.config.in_language(lang);
        if config.title.is_empty() {
            config.title = crate::text::t(crate::text::Msg::SiteTitle).to_owned();
        }
        Settings {
            config: Arc::new(config),
            ..self.clone()
        }
    }
}

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
/// A plain signal, filled before the app mounts and again by "Try again", rather than a
/// `LocalResource`: the app loads one file once, and the resource machinery cost about 10 KB
/// of gzipped wasm.
#[derive(Clone, Copy)]
pub struct CatalogueState {
    data: RwSignal<Option<Loaded>>,
    url: StoredValue<String>,
}

impl CatalogueState {
    /// The state of the catalogue read from `url`, as [`fetch_catalogue`] left it.
    pub fn new(url: String, loaded: Loaded) -> CatalogueState {
        CatalogueState {
            data: RwSignal::new(Some(loaded)),
            url: StoredValue::new(url),
        }
    }

    /// (Re)fetches the catalogue, showing the loading state meanwhile.
    pub fn fetch(self) {
        self.data.set(None);
        let url = self.url.get_value();
        leptos::task::spawn_local(async move {
            self.data.set(Some(fetch_catalogue(&url, false).await));
        });
    }

    /// Fetches the catalogue again, keeping what is shown until the new one is ready (the site's
    /// catalogue changed while the app runs); a failure leaves the one shown.
    pub fn refresh(self) {
        let url = self.url.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(engine) = fetch_catalogue(&url, false).await {
                self.data.set(Some(Ok(engine)));
            }
        });
    }

    pub fn get(self) -> Option<Loaded> {
        self.data.get()
    }

    /// Where the catalogue is read from, for error messages and the download link.
    pub fn url(self) -> String {
        self.url.get_value()
    }
}

/// Fetches, validates and indexes the catalogue, each step in its own task (see
/// [`next_task`]); from the browser's cache if the page has `just_fetched` it.
pub async fn fetch_catalogue(url: &str, just_fetched: bool) -> Loaded {
    let text = fetch_text(url, just_fetched).await?;
    let parsed = parse_json(&text)?;
    next_task().await;
    let catalogue = Catalogue::from_value(&parsed)?;
    next_task().await;
    Ok(Arc::new(Engine::new(catalogue)))
}
