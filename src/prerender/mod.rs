//! The static pages: every route of the app rendered natively to HTML from the app's own
//! components ([`Shell`]), with the same `config.json` and `catalogue.json` the app will fetch,
//! each page's `<head>` for search engines and link previews, `sitemap.xml` and `robots.txt`.
//!
//! Run by Trunk's post-build hook (`scripts/post-build.mjs`, through `scripts/prerender`) on
//! every build, and by a deployer after editing `config.json` or `catalogue.json`:
//!
//! ```text
//! scripts/prerender [DIST] [--site-url URL] [--catalogue FILE]
//! ```
//!
//! The template is `app.html`: Trunk's page with the app's scripts, which is also the page the
//! service worker falls back to offline. Each page is that file with its own `<head>` tags and
//! the page's HTML inside `#boot`, which the app replaces with its own rendering of the same
//! page when it starts (see `platform::take_over`).

mod feeds;
mod files;
mod inputs;
mod site;
mod template;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use catalogue::{Catalogue, Engine, parse_json};
use seo::SiteUrl;
use seo::sitemap;
use settings::{CONFIG_FILE, SiteConfig};

use crate::deployment::Settings;
use crate::platform::FetchError;
use crate::routes::{self, Base, COMMENTS_FEED, FEED};
use crate::text::{self, Msg, t};
use files::{remove_stale, write_atomically};
use inputs::{Site, WrittenFrom, digest};
use messages::Lang;
use template::Template;

pub const TEMPLATE: &str = "app.html";
/// The not-found page, which static hosts serve with status 404.
pub const NOT_FOUND: &str = "404.html";
/// The deployer's colours, as a stylesheet (inline styles are refused by the site's policy).
pub const THEME_CSS: &str = "theme.css";
/// The web app manifest as the source gives it (the template links it; each language's pages
/// link their own, [`manifest_of`]).
pub const MANIFEST: &str = "manifest.webmanifest";
/// The image link previews show, beside the pages.
const PREVIEW_IMAGE: &str = "icon-512.png";

/// A file to write: its path under the site's directory, and its text.
type File = (String, String);

/// What to render and where from.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The built site (`dist/`, or Trunk's staging directory).
    pub dist: PathBuf,
    /// The site's public address (`SITE_URL`), for absolute URLs.
    pub site_url: Option<String>,
    /// A local copy of the catalogue, for a `config.json` that points at a remote one.
    pub catalogue: Option<PathBuf>,
}

/// What a run wrote, for the build output.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub sitemap: bool,
    pub removed: usize,
    pub notes: Vec<String>,
}

/// Renders every page into `options.dist`. Nothing is written unless every page rendered.
pub fn run(options: &Options) -> Result<Report, String> {
    let dist = &options.dist;
    let template = read_template(dist)?;
    let base = Base::from_base_path(&template.base_path);
    let mut notes = Vec::new();

    let (settings, config_text) = read_settings(dist);
    for warning in settings.warnings.iter() {
        notes.push(format!("config.json: {warning} (the pages say so too)"));
    }
    let (catalogue, catalogue_text) = read_catalogue(options, &settings.config)?;
    let engine = Arc::new(Engine::new(catalogue));
    let written_from = WrittenFrom {
        config_digest: config_text.map_or_else(String::new, |t| digest(t.as_bytes())),
        catalogue_digest: digest(catalogue_text.as_bytes()),
        catalogue_url: settings.config.catalogue_url.clone(),
    };
    let url = site_url(options, &base, &mut notes)?;
    let theme_css = theme_css(&settings.config);
    let languages = routes::languages(&settings.config);
    let mut files = Vec::new();
    let mut entries = Vec::new();
    let mut pages = 0;
    for (lang, prefix) in &languages {
        text::set_lang(*lang);
        let site = Site {
            base: base.in_language(prefix),
            lang: *lang,
            languages: languages.clone(),
            settings: settings.in_language(*lang),
            engine: engine.clone(),
            url: url.clone(),
            description: t(Msg::SiteDescription).to_owned(),
            theme: theme_css.is_some(),
            written_from: written_from.clone(),
        };
        let (mut written, listed) = render_pages(&site, &template)?;
        pages += written.len();
        written.extend(feeds::feeds(&site));
        files.append(&mut written);
        entries.extend(listed);
        // Offline, a page of a language folder not kept is this language's app page (the root's
        // is app.html, the template).
        if !prefix.is_empty() {
            files.push((site.base.folder_file(TEMPLATE), template.app_page(&site)));
        }
        // The app reads a language's messages other than English's from a file of its own.
        if let (Some(name), Some(table)) = (text::file_of(*lang), text::table_of(*lang)) {
            files.push((name.to_owned(), table.to_owned()));
        }
    }
    text::set_lang(Lang::En);
    files.extend(manifests(dist, &languages)?);
    let sitemap_url = url.as_ref().map(|u| u.file("sitemap.xml"));
    if url.is_some() {
        files.push(("sitemap.xml".into(), sitemap::sitemap(&entries)?));
    }
    files.push(("robots.txt".into(), sitemap::robots(sitemap_url.as_deref())));
    if let Some(css) = theme_css {
        files.push((THEME_CSS.into(), css));
    }
    let removed = write_files(dist, &files)?;
    Ok(Report {
        pages,
        sitemap: url.is_some(),
        removed,
        notes,
    })
}

/// The manifest for `lang`'s pages, beside the source's.
pub(super) fn manifest_of(lang: Lang) -> String {
    MANIFEST.replace(".webmanifest", &["-", lang.code(), ".webmanifest"].concat())
}

/// The source's manifest for each language offered: its name, short name and description in
/// that language, its `lang`, and its start at that language's home page (the scope stays the
/// whole site, both languages).
fn manifests(dist: &Path, languages: &[(Lang, String)]) -> Result<Vec<File>, String> {
    let path = dist.join(MANIFEST);
    // (A site built without one has none to write.)
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    let source =
        parse_json(&text).map_err(|e| format!("{} is not valid JSON: {e}", path.display()))?;
    let mut files = Vec::new();
    for (lang, prefix) in languages {
        let mut manifest = source.clone();
        text::in_lang(*lang, || {
            manifest["name"] = t(Msg::ManifestName).into();
            manifest["short_name"] = t(Msg::ManifestShortName).into();
            manifest["description"] = t(Msg::ManifestDescription).into();
        });
        manifest["lang"] = lang.tag().into();
        let home = match prefix.trim_start_matches('/') {
            "" => "./".to_owned(),
            folder => format!("./{folder}/"),
        };
        manifest["start_url"] = home.into();
        let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
        files.push((manifest_of(*lang), text + "\n"));
    }
    Ok(files)
}

/// Trunk's page, which every static page is made from.
fn read_template(dist: &Path) -> Result<Template, String> {
    let path = dist.join(TEMPLATE);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {} ({e}): build the site first (trunk build)",
            path.display()
        )
    })?;
    Template::parse(&text)
}

/// The site's public address, if given, with notes on what is missing without it or at a
/// sub-path.
fn site_url(
    options: &Options,
    base: &Base,
    notes: &mut Vec<String>,
) -> Result<Option<SiteUrl>, String> {
    let url = options
        .site_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .map(|u| SiteUrl::parse(u, &base.router_base()))
        .transpose()?;
    if url.is_none() {
        notes.push(
            "SITE_URL is not set, so the pages have no canonical links, og:url or page URLs in \
             their structured data, and there is no sitemap.xml. Set it to the site's address \
             (SITE_URL=https://toolkit.example.ac.uk/) when building for a real host."
                .to_owned(),
        );
    }
    if !base.router_base().is_empty() {
        notes.push(format!(
            "The site is served under {}/: crawlers only read robots.txt at the root of a \
             domain, so add its Sitemap line to that domain's own robots.txt.",
            base.router_base()
        ));
    }
    Ok(url)
}

/// Every page's file, and its entry in the sitemap when the site's address is known.
fn render_pages(
    site: &Site,
    template: &Template,
) -> Result<(Vec<File>, Vec<sitemap::Entry>), String> {
    let pages = site.pages();
    let mut files = Vec::with_capacity(pages.len() + 3);
    let mut entries = Vec::new();
    for page in &pages {
        let path = site.path(page);
        let rendered = site.render(&path)?;
        let resources = site.resources(page);
        let head = site.head(page, &path, &rendered.title, &resources);
        files.push((
            site.file(page, &path),
            template.page(&head, &rendered.body, site, page.start()),
        ));
        entries.extend(site.sitemap_entry(page, &path, &resources));
    }
    Ok((files, entries))
}

/// Writes `files` and removes what an earlier run wrote that this one did not; returns how
/// many files were removed.
fn write_files(dist: &Path, files: &[File]) -> Result<usize, String> {
    for (name, text) in files {
        write_atomically(&dist.join(name), text)?;
    }
    let written: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let mut removed = remove_stale(dist, &written)?;
    for optional in ["sitemap.xml", FEED, COMMENTS_FEED, THEME_CSS] {
        let path = dist.join(optional);
        if !written.contains(&optional) && path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// The command line: `prerender [DIST] [--site-url URL] [--catalogue FILE]`, with `SITE_URL`
/// and `CATALOGUE_FILE` from the environment as defaults; or `prerender --contract BASE_PATH`,
/// which prints what the page's scripts are given (`contract::for_scripts`) as JSON, for
/// `scripts/post-build.mjs`.
pub fn main() -> std::process::ExitCode {
    const USAGE: &str = "usage: prerender [DIST] [--site-url URL] [--catalogue FILE] | prerender --contract BASE_PATH";
    let mut options = Options {
        dist: PathBuf::from("dist"),
        site_url: std::env::var("SITE_URL").ok(),
        catalogue: std::env::var_os("CATALOGUE_FILE").map(PathBuf::from),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--site-url" => options.site_url = args.next(),
            "--catalogue" => options.catalogue = args.next().map(PathBuf::from),
            "--contract" => {
                let base = args.next().unwrap_or_else(|| "/".to_owned());
                println!("{}", crate::contract::for_scripts(&base));
                return std::process::ExitCode::SUCCESS;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return std::process::ExitCode::SUCCESS;
            }
            other if !other.starts_with('-') => options.dist = PathBuf::from(other),
            other => {
                eprintln!("prerender: unknown option {other}\n{USAGE}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let started = Instant::now();
    match run(&options) {
        Ok(report) => {
            let mut line = format!(
                "prerender: {} static pages{} and robots.txt in {}, {} ms",
                report.pages,
                if report.sitemap { ", sitemap.xml" } else { "" },
                options.dist.display(),
                started.elapsed().as_millis()
            );
            if report.removed > 0 {
                let _ = write!(line, "; removed {} outdated file(s)", report.removed);
            }
            println!("{line}");
            for note in report.notes {
                println!("prerender: note: {note}");
            }
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}\nprerender: no page was written");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `config.json` as the app reads it: a missing or broken file gives defaults and warnings.
/// Also the file's text, when there is one.
fn read_settings(dist: &Path) -> (Settings, Option<String>) {
    let path = dist.join(CONFIG_FILE);
    let text = std::fs::read_to_string(&path);
    let file = match &text {
        Ok(text) => Ok(parse_json(text)),
        Err(e) => Err(FetchError::Status {
            url: CONFIG_FILE.to_owned(),
            status: if e.kind() == std::io::ErrorKind::NotFound {
                404
            } else {
                500
            },
            status_text: e.to_string(),
        }),
    };
    // Every page is written with its header and footer, which the stylesheet hides while the
    // document is marked `embed` (config.json's default, see `template.rs`, or ?embed=1): so
    // ?embed=0 can bring them back on any page, the app's or its own.
    (Settings::read(file, Some(false)), text.ok())
}

/// The catalogue `config.json` points at, read from the built site (or from `--catalogue`),
/// and its text.
fn read_catalogue(options: &Options, config: &SiteConfig) -> Result<(Catalogue, String), String> {
    let location = config.catalogue_url.as_str();
    let path = match &options.catalogue {
        Some(path) => path.clone(),
        None if is_remote(location) => {
            return Err(format!(
                "config.json reads the catalogue from {location}: give a local copy of it with \
                 --catalogue FILE (or CATALOGUE_FILE=FILE) to render the pages from"
            ));
        }
        None => {
            let relative = location.trim_start_matches("./");
            if relative.split('/').any(|part| part == "..") || relative.starts_with('/') {
                return Err(format!(
                    "config.json's catalogue location {location:?} is outside the site: give a \
                     local copy with --catalogue FILE"
                ));
            }
            options.dist.join(relative)
        }
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read the catalogue {} ({e})", path.display()))?;
    let catalogue = parse_json(&text)
        .and_then(|value| Catalogue::from_value(&value))
        .map_err(|e| {
            format!(
                "the catalogue {} cannot be used:\n  {}",
                path.display(),
                e.lines().join("\n  ")
            )
        })?;
    Ok((catalogue, text))
}

/// Whether a catalogue location in `config.json` is an http(s) URL rather than a path in the site.
fn is_remote(location: &str) -> bool {
    location.starts_with("http://") || location.starts_with("https://")
}

/// A stylesheet with the deployer's colours, when `config.json` sets any.
fn theme_css(config: &SiteConfig) -> Option<String> {
    let rules: Vec<String> = [
        ("--brand", &config.theme.brand),
        ("--highlight", &config.theme.highlight),
    ]
    .into_iter()
    .filter_map(|(property, colour)| Some(format!("{property}:{}", colour.as_ref()?.as_str())))
    .collect();
    (!rules.is_empty()).then(|| {
        format!(
            "/* The colours set in config.json (\"theme\"), written by scripts/prerender. */\n:root{{{}}}\n",
            rules.join(";")
        )
    })
}

#[cfg(test)]
mod tests;
