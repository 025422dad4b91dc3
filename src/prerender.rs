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

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use catalogue::{BrowseQuery, Catalogue, Engine, Facet, parse_json};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use seo::sitemap::{self, Entry};
use seo::structured::{self, DatasetInfo};
use seo::{Head, PageKind, SiteUrl};
use settings::{CONFIG_FILE, SiteConfig};

use crate::app::Shell;
use crate::components::plural;
use crate::contributions::Contributions;
use crate::data::{CatalogueState, Settings};
use crate::pages::{Navigated, RenderedTitle, document_title};
use crate::platform::FetchError;
use crate::routes::{Base, RESOURCES, term_segment};

/// The page every static page is made from (Trunk's `index.html`, renamed by the post-build hook).
pub const TEMPLATE: &str = "app.html";
/// The not-found page, which static hosts serve with status 404.
pub const NOT_FOUND: &str = "404.html";
/// The deployer's colours, as a stylesheet (inline styles are refused by the site's policy).
pub const THEME_CSS: &str = "theme.css";
/// The image link previews show, beside the pages.
const PREVIEW_IMAGE: &str = "icon-512.png";

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

/// One page to render.
#[derive(Debug, Clone, PartialEq)]
enum Page {
    Home,
    Browse,
    About,
    Contribute,
    Resource(usize),
    Term(Facet, usize),
    NotFound,
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
    let template_path = dist.join(TEMPLATE);
    let template = std::fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "cannot read {} ({e}): build the site first (trunk build)",
            template_path.display()
        )
    })?;
    let template = Template::parse(&template)?;
    let base = Base::from_base_path(&template.base_path);
    let mut notes = Vec::new();

    let settings = read_settings(dist);
    for warning in settings.warnings.iter() {
        notes.push(format!("config.json: {warning} (the pages say so too)"));
    }
    let engine = Arc::new(Engine::new(read_catalogue(options, &settings.config)?));

    let site_url = options
        .site_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .map(|u| SiteUrl::parse(u, &base.router_base()))
        .transpose()?;
    if site_url.is_none() {
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

    let theme_css = theme_css(&settings.config);
    let site = Site {
        base,
        settings,
        engine,
        url: site_url,
        description: template.description.clone(),
        theme: theme_css.is_some(),
    };

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
            template.page(&head, &rendered.body, &site),
        ));
        entries.extend(site.sitemap_entry(page, &path, &resources));
    }
    let sitemap_url = site.url.as_ref().map(|u| u.file("sitemap.xml"));
    if site.url.is_some() {
        files.push(("sitemap.xml".into(), sitemap::sitemap(&entries)?));
    }
    files.push(("robots.txt".into(), sitemap::robots(sitemap_url.as_deref())));
    if let Some(css) = theme_css {
        files.push((THEME_CSS.into(), css));
    }

    for (name, text) in &files {
        write_atomically(&dist.join(name), text)?;
    }
    let written: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    let mut removed = remove_stale(dist, &written)?;
    for optional in ["sitemap.xml", THEME_CSS] {
        let path = dist.join(optional);
        if !written.contains(&optional) && path.exists() {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
            removed += 1;
        }
    }
    Ok(Report {
        pages: pages.len(),
        sitemap: site.url.is_some(),
        removed,
        notes,
    })
}

/// The command line: `prerender [DIST] [--site-url URL] [--catalogue FILE]`, with `SITE_URL`
/// and `CATALOGUE_FILE` from the environment as defaults.
pub fn main() -> std::process::ExitCode {
    const USAGE: &str = "usage: prerender [DIST] [--site-url URL] [--catalogue FILE]";
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
fn read_settings(dist: &Path) -> Settings {
    let path = dist.join(CONFIG_FILE);
    let file = match std::fs::read_to_string(&path) {
        Ok(text) => Ok(parse_json(&text)),
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
    // Embed mode comes from config.json only: static hosts ignore the query string.
    Settings::read(file, None)
}

/// The catalogue `config.json` points at, read from the built site (or from `--catalogue`).
fn read_catalogue(options: &Options, config: &SiteConfig) -> Result<Catalogue, String> {
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
    parse_json(&text)
        .and_then(|value| Catalogue::from_value(&value))
        .map_err(|e| {
            format!(
                "the catalogue {} cannot be used:\n  {}",
                path.display(),
                e.lines().join("\n  ")
            )
        })
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

/// Everything the pages are rendered from.
struct Site {
    base: Base,
    settings: Settings,
    engine: Arc<Engine>,
    url: Option<SiteUrl>,
    /// The site's own description, from the template's meta description.
    description: String,
    /// Whether the pages link `theme.css`.
    theme: bool,
}

/// One page's rendered body and the title it set.
struct Rendered {
    body: String,
    title: String,
}

impl Site {
    fn pages(&self) -> Vec<Page> {
        let taxonomy = &self.engine.catalogue().taxonomy;
        let mut pages = vec![Page::Home, Page::Browse, Page::About, Page::Contribute];
        pages.extend((0..self.engine.len()).map(Page::Resource));
        for facet in Facet::ALL {
            pages.extend((0..taxonomy.terms(facet).len()).map(|i| Page::Term(facet, i)));
        }
        pages.push(Page::NotFound);
        pages
    }

    /// The page's path, as the app links to it.
    fn path(&self, page: &Page) -> String {
        let taxonomy = &self.engine.catalogue().taxonomy;
        match page {
            Page::Home => self.base.home(),
            Page::Browse => self.base.browse(&BrowseQuery::default()),
            Page::About => self.base.about(),
            Page::Contribute => self.base.contribute(),
            Page::Resource(position) => self.base.resource(&self.engine.resource(*position).id),
            Page::Term(facet, i) => self.base.term(*facet, &taxonomy.terms(*facet)[*i].id),
            // Any path the route table does not know.
            Page::NotFound => self.base.unknown(),
        }
    }

    /// The file that answers the page's path on a static host.
    fn file(&self, page: &Page, path: &str) -> String {
        match page {
            Page::NotFound => NOT_FOUND.to_owned(),
            _ => self.base.static_file(path),
        }
    }

    /// Renders the app at `path`, as it renders in the browser with this catalogue and config.
    fn render(&self, path: &str) -> Result<Rendered, String> {
        let owner = Owner::new();
        let (body, title) = owner.with(|| {
            provide_context(RequestUrl::new(path));
            provide_context(self.base.clone());
            provide_context(CatalogueState::new(
                self.settings.config.catalogue_url.clone(),
                Ok(self.engine.clone()),
            ));
            provide_context(Contributions::inert(&self.settings.config));
            provide_context(self.settings.clone());
            Navigated::provide();
            let title = RenderedTitle::default();
            provide_context(title.clone());
            let body = view! { <Shell/> }.to_html();
            let title = title.0.lock().unwrap_or_else(|e| e.into_inner()).take();
            (body, title)
        });
        drop(owner);
        let title = title.ok_or_else(|| format!("the page at {path} set no title"))?;
        Ok(Rendered { body, title })
    }

    fn head(&self, page: &Page, path: &str, title: &str, resources: &[usize]) -> Head {
        let catalogue = self.engine.catalogue();
        let config = &self.settings.config;
        let url = self.url.as_ref().map(|u| u.page(path));
        let mut kind = PageKind::Website;
        let (description, structured) = match page {
            Page::Home => (
                self.description.clone(),
                vec![structured::website(
                    &config.title,
                    &self.description,
                    url.as_deref(),
                    &config.organisation,
                )],
            ),
            Page::Browse => {
                let description = self.browse_description();
                let location = &config.catalogue_url;
                let download = self.url.as_ref().map(|u| {
                    if is_remote(location) {
                        location.clone()
                    } else {
                        u.file(location.trim_start_matches("./"))
                    }
                });
                let dataset = structured::dataset(
                    catalogue,
                    &DatasetInfo {
                        name: &format!("{} catalogue", config.title),
                        description: &description,
                        creator: &config.organisation,
                        page: url.as_deref(),
                        download: download.as_deref(),
                    },
                );
                (description, vec![dataset])
            }
            Page::About => (
                format!(
                    "Where the {} comes from, how its resources are chosen, and its stance: \
                     resilience is about the environment institutions provide, never a label \
                     on students.",
                    config.title
                ),
                Vec::new(),
            ),
            Page::Contribute => (
                "Suggest research, a case study, an intervention tool or learning material \
                 that helps institutions build environments in which students can thrive."
                    .to_owned(),
                Vec::new(),
            ),
            Page::Resource(position) => {
                kind = PageKind::Article;
                let r = self.engine.resource(*position);
                (
                    r.summary.clone(),
                    vec![structured::resource(r, &catalogue.taxonomy, url.as_deref())],
                )
            }
            Page::Term(facet, i) => {
                let term = &catalogue.taxonomy.terms(*facet)[*i];
                let count = plural(resources.len(), "resource");
                let description = if term.description.is_empty() {
                    format!("{}: {count} in the {}.", term.label, config.title)
                } else {
                    format!("{} {count} in the {}.", term.description, config.title)
                };
                let items: Vec<(String, String)> = match &self.url {
                    Some(u) => resources
                        .iter()
                        .map(|&p| {
                            let r = self.engine.resource(p);
                            (r.title.clone(), u.page(&self.base.resource(&r.id)))
                        })
                        .collect(),
                    None => Vec::new(),
                };
                let collection = structured::term_page(*facet, term, url.as_deref(), &items);
                (description, vec![collection])
            }
            Page::NotFound => {
                kind = PageKind::NotFound;
                (
                    "There is no page at this address in the toolkit.".to_owned(),
                    Vec::new(),
                )
            }
        };
        Head {
            title: title.to_owned(),
            document_title: document_title(title, &config.title),
            description,
            site_name: config.title.clone(),
            kind,
            url,
            image: self.url.as_ref().map(|u| u.file(PREVIEW_IMAGE)),
            structured,
        }
    }

    /// "Browse all 66 resources: 20 research reports, 15 case studies, …".
    fn browse_description(&self) -> String {
        let taxonomy = &self.engine.catalogue().taxonomy;
        let kinds: Vec<String> = taxonomy
            .types
            .iter()
            .zip(self.engine.term_totals(Facet::Type))
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| plural(n, &t.label.to_lowercase()))
            .collect();
        let kinds = match kinds.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        format!(
            "Browse all {} in the {}: {kinds}, for developing student resilience in higher \
             education, by approach, type and subject.",
            plural(self.engine.len(), "resource"),
            self.settings.config.title
        )
    }

    /// The resources a page is about, in the order it lists them: every resource on the home
    /// and browse pages, one on a resource's page, a term's on its page, none elsewhere.
    fn resources(&self, page: &Page) -> Vec<usize> {
        match page {
            Page::Home | Page::Browse => (0..self.engine.len()).collect(),
            Page::Resource(position) => vec![*position],
            Page::Term(facet, i) => {
                let id = &self.engine.catalogue().taxonomy.terms(*facet)[*i].id;
                self.engine.search(&BrowseQuery::selecting(*facet, id)).hits
            }
            Page::About | Page::Contribute | Page::NotFound => Vec::new(),
        }
    }

    /// The page's sitemap entry: every page but the not-found page and terms with no
    /// resources, dated by when its newest resource was added.
    fn sitemap_entry(&self, page: &Page, path: &str, resources: &[usize]) -> Option<Entry> {
        let listed = match page {
            Page::NotFound => false,
            Page::Term(..) => !resources.is_empty(),
            _ => true,
        };
        let url = self.url.as_ref().filter(|_| listed)?;
        Some(Entry {
            url: url.page(path),
            modified: structured::newest(resources.iter().map(|&p| self.engine.resource(p)))
                .cloned(),
        })
    }
}

/// `app.html`, taken apart where each page puts its own content.
#[derive(Debug)]
struct Template {
    /// Up to the `<html` tag's end (exclusive of `>`), so a class can be added.
    html_open: String,
    /// From there to where the page's head tags go.
    head: String,
    /// From `</head>` to the start of `#boot`.
    middle: String,
    /// After `#boot`'s closing tag.
    tail: String,
    /// The template's own meta description: the site's description.
    description: String,
    /// `<base href>`'s path.
    base_path: String,
}

impl Template {
    /// Finds the parts in Trunk's output, minified or not.
    fn parse(text: &str) -> Result<Template, String> {
        let missing = |what: &str| format!("{TEMPLATE} has no {what}: is it Trunk's index.html?");
        let html_start = text.find("<html").ok_or_else(|| missing("<html> tag"))?;
        let html_end = html_start
            + text[html_start..]
                .find('>')
                .ok_or_else(|| missing("<html> tag"))?;
        let head_end = text.find("</head>").ok_or_else(|| missing("</head>"))?;
        let (boot_start, boot_end) =
            boot_element(text).ok_or_else(|| missing("<div id=\"boot\"> element"))?;
        if !(html_end < head_end && head_end < boot_start) {
            return Err(missing("<html>, </head> and #boot in that order"));
        }
        let base_path =
            tag_attribute(text, "<base", "href").ok_or_else(|| missing("<base href>"))?;
        // The template's title, description and robots tags give way to each page's own.
        let mut head = text[html_end..head_end].to_owned();
        let description = remove_meta(&mut head, "description").unwrap_or_default();
        remove_meta(&mut head, "robots");
        if let (Some(start), Some(end)) = (head.find("<title>"), head.find("</title>")) {
            head.replace_range(start..end + "</title>".len(), "");
        }
        Ok(Template {
            html_open: text[..html_end].to_owned(),
            head,
            middle: text[head_end..boot_start].to_owned(),
            tail: text[boot_end..].to_owned(),
            description: html_escape::decode_html_entities(&description).into_owned(),
            base_path,
        })
    }

    /// The whole document for a page.
    fn page(&self, head: &Head, body: &str, site: &Site) -> String {
        let mut html = self.html_open.clone();
        if site.settings.embed {
            html.push_str(" class=\"embed\"");
        }
        html.push_str(&self.head);
        html.push_str(&head.to_html());
        if site.theme {
            html.push_str(&format!("<link rel=\"stylesheet\" href=\"{THEME_CSS}\">\n"));
        }
        html.push_str(&self.middle);
        // `data-static`: the whole page, not a loading message (see src/js/takeover.js).
        html.push_str("<div id=\"boot\" data-static>");
        html.push_str(body);
        html.push_str("</div>");
        html.push_str(&self.tail);
        html
    }
}

/// The start and end of the `<div id="boot">…</div>` element (which holds no other `div`).
fn boot_element(text: &str) -> Option<(usize, usize)> {
    let start = ["<div id=\"boot\"", "<div id=boot", "<div id='boot'"]
        .iter()
        .filter_map(|open| text.find(open))
        .min()?;
    let end = start + text[start..].find("</div>")? + "</div>".len();
    Some((start, end))
}

/// The value of `attribute` in the first tag starting with `tag`, quoted or not.
fn tag_attribute(text: &str, tag: &str, attribute: &str) -> Option<String> {
    let start = text.find(tag)?;
    let end = start + text[start..].find('>')?;
    attributes(&text[start + tag.len()..end])
        .into_iter()
        .find(|(name, _)| name == attribute)
        .map(|(_, value)| value)
}

/// The attributes written inside a tag (after its name), in order: `a=1 b="x y" c`.
fn attributes(mut inside: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    loop {
        inside = inside.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let Some(name_end) = inside.find(|c: char| c.is_whitespace() || c == '=' || c == '/')
        else {
            if !inside.is_empty() {
                found.push((inside.to_ascii_lowercase(), String::new()));
            }
            return found;
        };
        let name = inside[..name_end].to_ascii_lowercase();
        inside = inside[name_end..].trim_start();
        let Some(rest) = inside.strip_prefix('=') else {
            found.push((name, String::new()));
            continue;
        };
        let rest = rest.trim_start();
        let (value, after) = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 1);
                (&rest[1..end], rest.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        found.push((name, value.to_owned()));
        inside = after;
    }
}

/// Removes every `<meta name="NAME" …>` from `head`, returning the first one's content.
fn remove_meta(head: &mut String, name: &str) -> Option<String> {
    let mut content = None;
    let mut from = 0;
    while let Some(offset) = head[from..].find("<meta") {
        let start = from + offset;
        let Some(length) = head[start..].find('>') else {
            break;
        };
        let end = start + length + 1;
        let attributes = attributes(&head[start + "<meta".len()..end - 1]);
        let value = |key: &str| {
            attributes
                .iter()
                .find(|(n, _)| n == key)
                .map(|(_, v)| v.clone())
        };
        if value("name").is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            content = content.or_else(|| value("content"));
            head.replace_range(start..end, "");
            from = start;
        } else {
            from = end;
        }
    }
    content
}

/// Writes a file whole or not at all: to a temporary file beside it, then renamed.
fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".part");
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Removes pages of resources and terms no longer in the catalogue, from the directories that
/// hold only generated pages. Returns how many were removed.
fn remove_stale(dist: &Path, written: &[&str]) -> Result<usize, String> {
    let mut removed = 0;
    let dirs = [
        RESOURCES,
        term_segment(Facet::Approach),
        term_segment(Facet::Type),
        term_segment(Facet::Subject),
    ];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dist.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
            if name.ends_with(".html") && !written.contains(&name.as_str()) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As Trunk's minifier writes it: optional tags left out, attributes unquoted.
    const MINIFIED: &str = "<!doctype html><html lang=en-GB><meta charset=utf-8><base href=/intranet/toolkit/><title>Resilience Toolkit</title><meta content=\"An open bank &amp; more.\" name=description><meta content=noindex name=robots><script type=module>import init from '/x.js';</script></head><body><div id=boot><p class=boot role=status>Loading…</p></div><script src=pwa.js defer></script></body></html>";
    const PLAIN: &str = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n    <base href=\"/\">\n    <title>Resilience Toolkit</title>\n    <meta name=\"description\" content=\"An open bank.\">\n    <meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n    <div id=\"boot\"><p class=\"boot\">Loading…</p></div>\n</body>\n</html>\n";

    #[test]
    fn finds_the_parts_of_a_minified_or_plain_template() {
        let t = Template::parse(PLAIN).unwrap();
        assert_eq!(t.base_path, "/");
        assert_eq!(t.description, "An open bank.");
        assert!(
            !t.head.contains("<title>")
                && !t.head.contains("robots")
                && !t.head.contains("description")
        );
        assert!(t.tail.starts_with("\n</body>"));

        let t = Template::parse(MINIFIED).unwrap();
        assert_eq!(t.base_path, "/intranet/toolkit/");
        assert_eq!(t.description, "An open bank & more.");
        assert_eq!(
            t.head,
            "><meta charset=utf-8><base href=/intranet/toolkit/><script type=module>import init from '/x.js';</script>"
        );
        assert_eq!(t.middle, "</head><body>");
        assert_eq!(t.tail, "<script src=pwa.js defer></script></body></html>");
        assert_eq!(t.html_open, "<!doctype html><html lang=en-GB");
    }

    #[test]
    fn reads_attributes_however_they_are_written() {
        assert_eq!(
            attributes(" a=1 b=\"x y\" c d = 'q' e=/f/ "),
            [
                ("a", "1"),
                ("b", "x y"),
                ("c", ""),
                ("d", "q"),
                ("e", "/f/")
            ]
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
        );
        let mut head = "<meta content=\"name=robots\" name=x><meta NAME=Robots content=noindex><meta name=\"robots\">".to_owned();
        assert_eq!(remove_meta(&mut head, "robots").as_deref(), Some("noindex"));
        assert_eq!(head, "<meta content=\"name=robots\" name=x>");
    }

    /// A built site in a temporary directory: the plain template, a config and a catalogue.
    fn site(name: &str, config: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("prerender-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(TEMPLATE), PLAIN).unwrap();
        std::fs::write(dir.join(CONFIG_FILE), config).unwrap();
        let catalogue = serde_json::json!({
            "format": 1,
            "taxonomy": {
                "approaches": [{ "id": "self-management", "label": "Self-management", "description": "Goals and persistence." }],
                "types": [{ "id": "case-study", "label": "Case study" }],
                "subjects": [{ "id": "careers", "label": "Careers" }, { "id": "money", "label": "Money" }]
            },
            "resources": [{
                "id": "careers-case", "title": "Careers & resilience", "publisher": "A university",
                "type": "case-study", "approaches": ["self-management"], "subjects": ["careers"],
                "summary": "What changed when guidance joined the curriculum.", "added": "2026-03-02"
            }]
        });
        std::fs::write(dir.join("catalogue.json"), catalogue.to_string()).unwrap();
        dir
    }

    #[test]
    fn renders_every_page_from_the_apps_components() {
        let dist = site(
            "themed",
            r##"{ "title": "Our Toolkit", "theme": { "brand": "#0b3d91" } }"##,
        );
        let options = Options {
            dist: dist.clone(),
            site_url: Some("https://t.example/".into()),
            catalogue: None,
        };
        let report = run(&options).unwrap();
        // Home, browse, about, contribute, one resource, four terms, not found.
        assert_eq!(report.pages, 10);
        assert!(report.sitemap);
        let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
        let page = read("resources/careers-case.html");
        assert!(
            page.contains("<title>Careers &amp; resilience – Our Toolkit</title>"),
            "{page}"
        );
        assert!(page.contains(
            "<link rel=\"canonical\" href=\"https://t.example/resources/careers-case\">"
        ));
        assert!(
            page.contains("<h1 id=\"page-heading\" tabindex=\"-1\">Careers &amp; resilience</h1>")
        );
        assert!(page.contains("<link rel=\"stylesheet\" href=\"theme.css\">"));
        assert!(!page.contains("noindex") && !page.contains("Loading…"));
        assert_eq!(
            read(THEME_CSS).lines().nth(1),
            Some(":root{--brand:#0b3d91}")
        );
        assert!(
            read("approaches/self-management.html")
                .contains("<title>Self-management – Our Toolkit</title>")
        );
        assert!(read(NOT_FOUND).contains("<meta name=\"robots\" content=\"noindex\">"));
        // The money subject has no resources: a page, but not in the sitemap.
        assert!(dist.join("subjects/money.html").exists());
        let sitemap = read("sitemap.xml");
        assert!(sitemap.contains(
            "<loc>https://t.example/subjects/careers</loc><lastmod>2026-03-02</lastmod>"
        ));
        assert!(!sitemap.contains("money") && !sitemap.contains("404"));
        let _ = std::fs::remove_dir_all(dist);
    }

    #[test]
    fn a_remote_catalogue_needs_a_local_copy() {
        let dist = site(
            "remote",
            r#"{ "catalogue": "https://data.example.org/catalogue.json" }"#,
        );
        let mut options = Options {
            dist: dist.clone(),
            ..Options::default()
        };
        let error = run(&options).unwrap_err();
        assert!(error.contains("--catalogue FILE"), "{error}");
        assert!(!dist.join("index.html").exists());
        options.catalogue = Some(dist.join("catalogue.json"));
        let report = run(&options).unwrap();
        assert!(
            !report.sitemap
                && report
                    .notes
                    .iter()
                    .any(|n| n.contains("SITE_URL is not set"))
        );
        let _ = std::fs::remove_dir_all(dist);
    }

    #[test]
    fn refuses_a_template_without_its_parts() {
        let error =
            Template::parse("<html><head></head><body><p id=boot></p></body></html>").unwrap_err();
        assert!(error.contains("#boot") || error.contains("boot"), "{error}");
        assert!(
            Template::parse(
                "<html><head><title>x</title></head><body><div id=boot></div></body></html>"
            )
            .unwrap_err()
            .contains("<base href>")
        );
    }
}
