//! The static pages rendered from a small catalogue in a temporary directory.

use super::*;

use catalogue::Facet;
use template::tests::PLAIN;

use crate::routes::Base;

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
            "standards": [{ "id": "not-impact", "label": "Not an impact study" }],
            "evidence": [{ "id": "practice-description", "label": "Practice description", "standards": ["not-impact"] }],
            "subjects": [{ "id": "careers", "label": "Careers" }, { "id": "money", "label": "Money" }]
        },
        "resources": [{
            "id": "careers-case", "title": "Careers & resilience", "publisher": "A university",
            "type": "case-study", "approaches": ["self-management"], "subjects": ["careers"],
            "summary": "What changed when guidance joined the curriculum.", "evidence": "practice-description", "standard": "not-impact", "evidence_basis": "Publisher's page: describes it.",
            "added": "2026-03-02"
        }],
        "collections": [{
            "id": "careers", "title": "Careers first", "intro": "Where to start.",
            "resources": [{ "id": "careers-case", "note": "A whole-curriculum example." }]
        }]
    });
    std::fs::write(dir.join("catalogue.json"), catalogue.to_string()).unwrap();
    dir
}

/// Renders the site at `dist` for the address `site_url`, as `scripts/prerender` does.
fn render(dist: &Path, site_url: Option<&str>) -> Report {
    let options = Options {
        dist: dist.to_path_buf(),
        site_url: site_url.map(str::to_owned),
        catalogue: None,
    };
    run(&options).unwrap()
}

#[test]
fn the_evidence_guide_explains_and_counts_each_kind_of_evidence() {
    let dist = site("guide", "{}");
    render(&dist, None);
    let guide = std::fs::read_to_string(dist.join("reading-the-evidence.html")).unwrap();
    let kind = Base::from_base_path("/").term(Facet::Evidence, "practice-description");
    assert!(
        guide.contains("<h1 id=\"page-heading\" tabindex=\"-1\">How to read the evidence</h1>")
    );
    assert!(
        guide.contains(&format!("href=\"{kind}\">1 resource in the toolkit</a>")),
        "{guide}"
    );
    assert!(
        guide.contains("<th scope=\"row\">"),
        "the counts table: {guide}"
    );
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn renders_every_page_from_the_apps_components() {
    let dist = site(
        "themed",
        r##"{ "title": "Our Toolkit", "theme": { "brand": "#0b3d91" } }"##,
    );
    let report = render(&dist, Some("https://t.example/"));
    // Home, browse, what's new, about, how to read the evidence, contribute, subscribe, My
    // list, one resource, six terms (an approach, a type, a standard, a kind of evidence, two
    // subjects), one collection, not found: in English at the root and in Welsh under cy/.
    assert_eq!(report.pages, 34);
    assert!(report.sitemap);
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let page = read("resources/careers-case.html");
    assert!(
        page.contains("<title>Careers &amp; resilience – Our Toolkit</title>"),
        "{page}"
    );
    assert!(
        page.contains("<link rel=\"canonical\" href=\"https://t.example/resources/careers-case\">")
    );
    assert!(page.contains("<h1 id=\"page-heading\" tabindex=\"-1\">Careers &amp; resilience</h1>"));
    assert!(page.contains("<link rel=\"stylesheet\" href=\"theme.css\">"));
    assert!(page.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Our Toolkit: new resources\" href=\"https://t.example/feed.xml\">"
    ));
    let collection = read("collections/careers.html");
    assert!(collection.contains("A whole-curriculum example."));
    assert!(collection.contains("href=\"https://t.example/collections/careers.xml\""));
    assert!(read("feed.xml").contains("<id>https://t.example/resources/careers-case</id>"));
    assert!(read("collections/careers.xml").contains("A whole-curriculum example."));
    assert!(read("new.html").contains("March 2026"));
    // Each page records the data it was written from, for start.js to compare.
    let catalogue_digest = super::inputs::digest(read("catalogue.json").as_bytes());
    let config_digest = super::inputs::digest(read(CONFIG_FILE).as_bytes());
    for name in ["index.html", "browse.html", "resources/careers-case.html"] {
        let page = read(name);
        assert!(
            page.contains(&format!("data-catalogue-digest=\"{catalogue_digest}\"")),
            "{name}"
        );
        assert!(
            page.contains(&format!("data-config-digest=\"{config_digest}\"")),
            "{name}"
        );
        assert!(
            page.contains("data-catalogue-url=\"catalogue.json\""),
            "{name}"
        );
    }
    // Pages of their own are taken over only when stale; browse when the visitor is there.
    assert!(read("index.html").contains("data-standalone"));
    assert!(!read("browse.html").contains("data-standalone"));
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
    assert!(
        sitemap
            .contains("<loc>https://t.example/subjects/careers</loc><lastmod>2026-03-02</lastmod>")
    );
    assert!(!sitemap.contains("money") && !sitemap.contains("404"));
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn every_page_is_written_in_welsh_too_each_naming_its_counterpart() {
    let dist = site(
        "welsh",
        r#"{ "title": { "en": "Our Toolkit", "cy": "Ein Pecyn" } }"#,
    );
    render(&dist, Some("https://t.example/"));
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let english = read("resources/careers-case.html");
    let welsh = read("cy/resources/careers-case.html");
    assert!(english.contains(" lang=\"en-GB\"") && english.contains("hreflang=\"cy\""));
    assert!(english.contains("<title>Careers &amp; resilience – Our Toolkit</title>"));
    assert!(welsh.contains(" lang=\"cy\""), "{welsh}");
    assert!(welsh.contains("<title>Careers &amp; resilience – Ein Pecyn</title>"));
    assert!(welsh.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://t.example/resources/careers-case\">"
    ));
    assert!(
        welsh.contains(
            "<link rel=\"canonical\" href=\"https://t.example/cy/resources/careers-case\">"
        )
    );
    assert!(welsh.contains("<meta property=\"og:locale\" content=\"cy_GB\">"));
    let prefix = settings::SiteConfig::default().language_prefix(messages::Lang::Cy);
    let welsh_base = crate::routes::Base::from_base_path("/").in_language(&prefix);
    assert!(welsh.contains(&format!("href=\"{}\"", welsh_base.about())));
    assert!(welsh.contains("Neidio i'r prif gynnwys"));
    let file = crate::text::file_of(messages::Lang::Cy).unwrap();
    assert!(read(file).starts_with("{\"texts\":["));
    assert!(read("sitemap.xml").contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://t.example/cy/resources/careers-case\"/>"
    ));
    let _ = std::fs::remove_dir_all(dist);
}

#[test]
fn my_list_is_a_frame_never_indexed_that_the_app_draws_at_once() {
    let dist = site("my-list", r#"{ "title": "Our Toolkit" }"#);
    render(&dist, Some("https://t.example/"));
    let read = |name: &str| std::fs::read_to_string(dist.join(name)).unwrap();
    let list = read("list.html");
    assert!(list.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(list.contains("data-at-once") && list.contains("Loading your list…"));
    assert!(list.contains("<title>My list – Our Toolkit</title>"));
    let base = crate::routes::Base::from_base_path("/");
    assert!(!read("sitemap.xml").contains(&base.my_list()));
    // Every card has its "Save" button, which controls.js answers.
    assert!(
        read("collections/careers.html")
            .contains(r#"data-save="careers-case" aria-label="Save: Careers &amp; resilience""#)
    );
    let page = read("resources/careers-case.html");
    assert!(page.contains(r#"data-save="careers-case" aria-label="Save to My list""#));
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
    // Feeds need absolute addresses: none are written without the site's.
    assert!(dist.join("index.html").exists() && !dist.join("feed.xml").exists());
    assert!(
        !report.sitemap
            && report
                .notes
                .iter()
                .any(|n| n.contains("SITE_URL is not set"))
    );
    let _ = std::fs::remove_dir_all(dist);
}
