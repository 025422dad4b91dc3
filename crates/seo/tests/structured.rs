//! The schema.org descriptions on a small hand-made catalogue: each resource's type and facts,
//! the term pages as collections, and the catalogue as a dataset.

use catalogue::{Catalogue, Facet};
use seo::structured::{self, DatasetInfo};
use serde_json::{Value, json};

fn catalogue() -> Catalogue {
    let resource = |id: &str, kind: &str, authors: Value, year: Value, url: Value| {
        json!({
            "id": id, "title": format!("Title of {id}"), "authors": authors,
            "publisher": "Student Minds", "year": year, "type": kind,
            "approaches": ["self-management"], "subjects": ["careers"], "country": "UK",
            "summary": format!("Summary of {id}."), "evidence": "practice-description", "standard": "not-impact", "evidence_basis": "Publisher's page: describes it.", "url": url, "added": format!("2026-0{}-01", id.len() % 9 + 1)
        })
    };
    let document = json!({
        "format": 1,
        "taxonomy": {
            "approaches": [{ "id": "self-management", "label": "Self-management", "description": "Goals." }],
            "types": [
                { "id": "research-report", "label": "Research report" },
                { "id": "case-study", "label": "Case study" },
                { "id": "learning-material", "label": "Learning material" }
            ],
            "standards": [{ "id": "not-impact", "label": "Not an impact study" }],
            "evidence": [{ "id": "practice-description", "label": "Practice description", "standards": ["not-impact"] }],
            "subjects": [{ "id": "careers", "label": "Careers" }]
        },
        "resources": [
            resource("doi", "research-report", json!(["Ada Lovelace", "Alan Turing"]), json!(2019), json!("https://doi.org/10.1000/182")),
            resource("report", "research-report", json!([]), json!(null), json!("https://www.studentminds.org.uk/report")),
            resource("guide", "learning-material", json!(["Grace Hopper"]), json!(2024), json!(null)),
            resource("case", "case-study", json!([]), json!(2017), json!(null)),
        ]
    });
    Catalogue::from_value(&document).unwrap()
}

#[test]
fn each_resource_type_maps_to_the_closest_schema_type() {
    let c = catalogue();
    let types: Vec<&str> = c.resources.iter().map(structured::resource_type).collect();
    assert_eq!(
        types,
        [
            "ScholarlyArticle",
            "Report",
            "LearningResource",
            "CreativeWork"
        ]
    );
}

#[test]
fn a_resource_states_only_what_the_catalogue_records() {
    let c = catalogue();
    let page = "https://t.example/resources/doi";
    let work = structured::resource(&c.resources[0], &c.taxonomy, Some(page));
    assert_eq!(
        work,
        json!({
            "@context": "https://schema.org",
            "@type": "ScholarlyArticle",
            "name": "Title of doi",
            "description": "Summary of doi.",
            "genre": "Research report",
            "author": [{ "@type": "Person", "name": "Ada Lovelace" }, { "@type": "Person", "name": "Alan Turing" }],
            "publisher": { "@type": "Organization", "name": "Student Minds" },
            "datePublished": "2019",
            "url": "https://doi.org/10.1000/182",
            "mainEntityOfPage": page,
            "about": [{ "@type": "DefinedTerm", "name": "Self-management" }, { "@type": "DefinedTerm", "name": "Careers" }],
            "keywords": [
                { "@type": "DefinedTerm", "name": "Practice description", "inDefinedTermSet": "Kind of evidence" },
                { "@type": "DefinedTerm", "name": "Not an impact study", "inDefinedTermSet": "Standard of evidence" }
            ],
            "spatialCoverage": { "@type": "Place", "name": "UK" },
            "audience": { "@type": "Audience", "audienceType": "Student Services professionals in higher education" }
        })
    );
    // No named authors: the publisher is the author. No year, no link, no page: left out.
    let report = structured::resource(&c.resources[1], &c.taxonomy, None);
    assert_eq!(
        report["author"],
        json!({ "@type": "Organization", "name": "Student Minds" })
    );
    for absent in ["datePublished", "mainEntityOfPage"] {
        assert!(report.get(absent).is_none(), "{absent}");
    }
    assert!(
        structured::resource(&c.resources[2], &c.taxonomy, None)
            .get("url")
            .is_none()
    );
}

#[test]
fn a_term_page_is_a_collection_of_its_resources_in_order() {
    let c = catalogue();
    let term = &c.taxonomy.approaches[0];
    let items = vec![
        (
            "Title of doi".to_owned(),
            "https://t.example/resources/doi".to_owned(),
        ),
        (
            "Title of case".to_owned(),
            "https://t.example/resources/case".to_owned(),
        ),
    ];
    let page = structured::term_page(
        Facet::Approach,
        term,
        Some("https://t.example/approaches/self-management"),
        &items,
    );
    assert_eq!(page["@type"], "CollectionPage");
    assert_eq!(page["about"]["inDefinedTermSet"], "Approach");
    assert_eq!(page["mainEntity"]["numberOfItems"], 2);
    assert_eq!(
        page["mainEntity"]["itemListElement"][1],
        json!({ "@type": "ListItem", "position": 2, "name": "Title of case", "url": "https://t.example/resources/case" })
    );
    // Without page URLs there is no list to give.
    assert!(
        structured::term_page(Facet::Approach, term, None, &[])
            .get("mainEntity")
            .is_none()
    );
}

#[test]
fn the_catalogue_is_a_dataset_with_its_download_and_newest_date() {
    let c = catalogue();
    let dataset = structured::dataset(
        &c,
        &DatasetInfo {
            name: "Toolkit catalogue",
            description: "Every resource.",
            creator: "University of Example",
            page: Some("https://t.example/browse"),
            download: Some("https://t.example/catalogue.json"),
        },
    );
    assert_eq!(dataset["@type"], "Dataset");
    assert_eq!(dataset["dateModified"], "2026-07-01");
    assert_eq!(dataset["creator"]["name"], "University of Example");
    assert_eq!(
        dataset["distribution"][0]["contentUrl"],
        "https://t.example/catalogue.json"
    );
    assert_eq!(
        dataset["keywords"],
        json!([
            "Self-management",
            "Research report",
            "Case study",
            "Learning material",
            "Not an impact study",
            "Practice description",
            "Careers"
        ])
    );
}
