//! Citation lines for resources, in the author–date style common in UK higher education.

use crate::model::Resource;

/// A reference a reader can paste into a report, e.g.
/// `Craig Thorley (2017) Not by degrees: improving student mental health in the UK's
/// universities. IPPR. Available at: https://…`
///
/// Names are given as written rather than reformatted to "Surname, I.": the catalogue holds
/// organisations, collectives and names from many traditions, which mechanical inversion gets
/// wrong.
pub fn citation(r: &Resource) -> String {
    let who = match (r.authors.as_slice(), r.et_al) {
        ([], _) => r.publisher.clone(),
        (names, true) => format!("{} et al.", names.join(", ")),
        ([one], false) => one.clone(),
        ([rest @ .., last], false) => format!("{} and {last}", rest.join(", ")),
    };
    let year = r.year.map_or_else(|| "n.d.".to_owned(), |y| y.to_string());
    let mut line = format!("{who} ({year}) {}", sentence(&r.title));
    if !r.authors.is_empty() && !r.publisher.is_empty() {
        line.push(' ');
        line.push_str(&sentence(&r.publisher));
    }
    if let Some(url) = &r.url {
        line.push_str(" Available at: ");
        line.push_str(url);
    }
    line
}

/// Ends a fragment with a full stop unless it already ends with punctuation.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.ends_with(['.', '?', '!']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn resource(
        authors: &[&str],
        publisher: &str,
        year: Option<u16>,
        url: Option<&str>,
    ) -> Resource {
        Resource {
            id: "x".into(),
            title: "The invisible problem? Improving students' mental health".into(),
            authors: authors.iter().map(|a| a.to_string()).collect(),
            et_al: false,
            publisher: publisher.into(),
            year,
            kind: "research-report".into(),
            approaches: vec!["self-management".into()],
            subjects: vec![],
            country: "UK".into(),
            sector: "Higher education".into(),
            summary: "s".into(),
            evidence: "policy-report".into(),
            standard: "not-impact".into(),
            evidence_basis: "Publisher's page.".into(),
            url: url.map(Into::into),
            added: Date::parse("2026-11-23").unwrap(),
        }
    }

    #[track_caller]
    fn check(r: Resource, expected: &str) {
        assert_eq!(citation(&r), expected);
    }

    #[test]
    fn one_author_with_publisher_and_link() {
        check(
            resource(
                &["Poppy Brown"],
                "HEPI",
                Some(2016),
                Some("https://www.hepi.ac.uk/x"),
            ),
            "Poppy Brown (2016) The invisible problem? Improving students' mental health. HEPI. Available at: https://www.hepi.ac.uk/x",
        );
    }

    #[test]
    fn several_authors_are_joined() {
        check(
            resource(&["A One", "B Two", "C Three"], "", Some(2020), None),
            "A One, B Two and C Three (2020) The invisible problem? Improving students' mental health.",
        );
    }

    #[test]
    fn a_partial_author_list_says_et_al() {
        let mut r = resource(&["A One", "B Two"], "", Some(2020), None);
        r.et_al = true;
        check(
            r,
            "A One, B Two et al. (2020) The invisible problem? Improving students' mental health.",
        );
    }

    #[test]
    fn organisation_only_and_no_year() {
        check(
            resource(&[], "Student Minds", None, None),
            "Student Minds (n.d.) The invisible problem? Improving students' mental health.",
        );
    }
}
