//! schema.org descriptions (JSON-LD) of the toolkit's pages: each resource as a creative work,
//! each term's page as a collection, the catalogue as a dataset, and the site itself.
//!
//! Only facts the catalogue records are stated; a URL is given only when it is absolute (the
//! page URLs need the `SITE_URL` setting).

use catalogue::{Catalogue, Comment, Date, Facet, Resource, Taxonomy, Term};
use serde_json::{Map, Value, json};

const CONTEXT: &str = "https://schema.org";

/// Who the toolkit is for, as schema.org's audience.
fn audience() -> Value {
    json!({
        "@type": "Audience",
        "audienceType": "Student Services professionals in higher education"
    })
}

fn organisation(name: &str) -> Value {
    json!({ "@type": "Organization", "name": name })
}

/// The schema.org type for a resource: a peer-reviewed article when it links to a DOI, a
/// report for other research, a learning resource for learning material, and otherwise a
/// creative work (schema.org has no type for a case study or an intervention).
pub fn resource_type(r: &Resource) -> &'static str {
    let doi = r.url.as_deref().is_some_and(|u| {
        u.starts_with("https://doi.org/")
            || u.starts_with("http://doi.org/")
            || u.starts_with("https://dx.doi.org/")
    });
    match r.kind.as_str() {
        _ if doi => "ScholarlyArticle",
        "research-report" => "Report",
        "learning-material" => "LearningResource",
        _ => "CreativeWork",
    }
}

/// Adds a resource's published comments (newest first) to its description: `commentCount` and
/// each as a schema.org `Comment` with its author, day and text (`page`: the resource page's
/// absolute URL, for each comment's own).
pub fn with_comments(work: &mut Value, comments: &[&Comment], page: Option<&str>) {
    let Some(work) = work.as_object_mut().filter(|_| !comments.is_empty()) else {
        return;
    };
    work.insert("commentCount".into(), comments.len().into());
    let list: Vec<Value> = comments
        .iter()
        .map(|c| {
            let mut comment = json!({
                "@type": "Comment",
                "author": { "@type": "Person", "name": c.name },
                "dateCreated": c.written.as_str(),
                "datePublished": c.published.as_str(),
                "text": c.text,
            });
            if let Some(page) = page {
                comment["url"] = format!("{page}#{}", c.anchor()).into();
            }
            comment
        })
        .collect();
    work.insert("comment".into(), list.into());
}

/// A resource as a creative work: its title, summary, authors, publisher, year, link,
/// approaches and subjects, and its kind and standard of evidence. `page` is the absolute URL of its page in the toolkit, when known.
pub fn resource(r: &Resource, taxonomy: &Taxonomy, page: Option<&str>) -> Value {
    let mut work = Map::new();
    work.insert("@context".into(), CONTEXT.into());
    work.insert("@type".into(), resource_type(r).into());
    work.insert("name".into(), r.title.clone().into());
    work.insert("description".into(), r.summary.clone().into());
    work.insert("genre".into(), taxonomy.label(Facet::Type, &r.kind).into());
    let authors: Vec<Value> = r
        .authors
        .iter()
        .map(|name| json!({ "@type": "Person", "name": name }))
        .collect();
    match (authors.is_empty(), r.publisher.is_empty()) {
        (false, _) => _ = work.insert("author".into(), authors.into()),
        // Published with no named authors: the organisation is the author.
        (true, false) => _ = work.insert("author".into(), organisation(&r.publisher)),
        (true, true) => {}
    }
    if !r.publisher.is_empty() {
        work.insert("publisher".into(), organisation(&r.publisher));
    }
    if let Some(year) = r.year {
        work.insert("datePublished".into(), year.to_string().into());
    }
    if let Some(url) = &r.url {
        work.insert("url".into(), url.clone().into());
    }
    if let Some(page) = page {
        work.insert("mainEntityOfPage".into(), page.into());
    }
    let about: Vec<Value> = [Facet::Approach, Facet::Subject]
        .into_iter()
        .flat_map(|facet| r.terms(facet).iter().map(move |id| (facet, id)))
        .map(|(facet, id)| json!({ "@type": "DefinedTerm", "name": taxonomy.label(facet, id) }))
        .collect();
    work.insert("about".into(), about.into());
    // schema.org has no property for a study's design or standard of evidence; each is a
    // keyword from its own set of defined terms.
    let evidence: Vec<Value> = [Facet::Evidence, Facet::Standard]
        .into_iter()
        .map(|facet| {
            let name = taxonomy.label(facet, &r.terms(facet)[0]);
            json!({ "@type": "DefinedTerm", "name": name, "inDefinedTermSet": facet.label() })
        })
        .collect();
    work.insert("keywords".into(), evidence.into());
    if !r.country.is_empty() {
        work.insert(
            "spatialCoverage".into(),
            json!({ "@type": "Place", "name": r.country }),
        );
    }
    work.insert("audience".into(), audience());
    Value::Object(work)
}

/// A term's page: a collection of the resources that carry it, in the order shown.
/// `items` are each resource's title and absolute page URL (empty when the site's address is
/// not known, since list items need URLs).
pub fn term_page(
    facet: Facet,
    term: &Term,
    page: Option<&str>,
    items: &[(String, String)],
) -> Value {
    let about =
        json!({ "@type": "DefinedTerm", "name": term.label, "inDefinedTermSet": facet.label() });
    list_page(&term.label, &term.description, page, Some(about), items)
}

/// A page listing resources (a term's page, a collection, What's new) as a schema.org
/// `CollectionPage` whose main entity is the list; `items` as for [`term_page`].
pub fn list_page(
    name: &str,
    description: &str,
    page: Option<&str>,
    about: Option<Value>,
    items: &[(String, String)],
) -> Value {
    let mut collection = Map::new();
    collection.insert("@context".into(), CONTEXT.into());
    collection.insert("@type".into(), "CollectionPage".into());
    collection.insert("name".into(), name.into());
    if !description.is_empty() {
        collection.insert("description".into(), description.into());
    }
    if let Some(page) = page {
        collection.insert("url".into(), page.into());
    }
    if let Some(about) = about {
        collection.insert("about".into(), about);
    }
    if !items.is_empty() {
        let elements: Vec<Value> = items
            .iter()
            .enumerate()
            .map(|(i, (name, url))| {
                json!({ "@type": "ListItem", "position": i + 1, "name": name, "url": url })
            })
            .collect();
        collection.insert(
            "mainEntity".into(),
            json!({ "@type": "ItemList", "numberOfItems": items.len(), "itemListElement": elements }),
        );
    }
    Value::Object(collection)
}

/// What the dataset description needs to know about the site.
pub struct DatasetInfo<'a> {
    pub name: &'a str,
    pub description: &'a str,
    /// Who runs this copy of the toolkit (`organisation` in config.json), if said.
    pub creator: &'a str,
    /// The browse page's absolute URL.
    pub page: Option<&'a str>,
    /// The catalogue file's absolute URL.
    pub download: Option<&'a str>,
}

/// The catalogue as an open dataset: what it holds, its terms as keywords, its download.
pub fn dataset(catalogue: &Catalogue, info: &DatasetInfo) -> Value {
    let mut dataset = Map::new();
    dataset.insert("@context".into(), CONTEXT.into());
    dataset.insert("@type".into(), "Dataset".into());
    dataset.insert("name".into(), info.name.into());
    dataset.insert("description".into(), info.description.into());
    let keywords: Vec<&str> = Facet::ALL
        .into_iter()
        .flat_map(|f| catalogue.taxonomy.terms(f).iter().map(|t| t.label.as_str()))
        .collect();
    dataset.insert("keywords".into(), keywords.into());
    dataset.insert("isAccessibleForFree".into(), true.into());
    dataset.insert("inLanguage".into(), "en-GB".into());
    if !info.creator.is_empty() {
        dataset.insert("creator".into(), organisation(info.creator));
    }
    if let Some(newest) = newest(catalogue.resources.iter()) {
        dataset.insert("dateModified".into(), newest.as_str().into());
    }
    if let Some(page) = info.page {
        dataset.insert("url".into(), page.into());
    }
    if let Some(download) = info.download {
        dataset.insert(
            "distribution".into(),
            json!([{ "@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": download }]),
        );
    }
    Value::Object(dataset)
}

/// The site as a whole, for its home page.
pub fn website(name: &str, description: &str, url: Option<&str>, organisation_name: &str) -> Value {
    let mut site = Map::new();
    site.insert("@context".into(), CONTEXT.into());
    site.insert("@type".into(), "WebSite".into());
    site.insert("name".into(), name.into());
    site.insert("description".into(), description.into());
    site.insert("inLanguage".into(), "en-GB".into());
    if let Some(url) = url {
        site.insert("url".into(), url.into());
    }
    if !organisation_name.is_empty() {
        site.insert("publisher".into(), organisation(organisation_name));
    }
    site.insert("audience".into(), audience());
    Value::Object(site)
}

/// The most recent `added` date among some resources.
pub fn newest<'a>(resources: impl Iterator<Item = &'a Resource>) -> Option<&'a Date> {
    resources.map(|r| &r.added).max()
}
