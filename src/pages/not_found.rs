//! What to show for an address that leads nowhere.

use catalogue::{BrowseQuery, Facet};
use leptos::prelude::*;

use crate::pages::{HEADING_ID, page_title};
use crate::routes::Base;
use crate::text::{Msg, t};

/// The router's fallback for unknown paths.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <Missing what="page"/> }
}

/// A page or resource that does not exist (a mistyped or outdated link). `what` names what was
/// looked for: "page", "resource", "collection", or a facet's noun ([`Facet::noun`]); each has
/// its own messages, since the words around the noun change with it in Welsh.
#[component]
pub fn Missing(what: &'static str) -> impl IntoView {
    let base = expect_context::<Base>();
    let (title, heading, text) = messages(what);
    page_title(Box::new(move || t(title).to_owned()));
    let browse = base.browse(&BrowseQuery::default());
    let home = base.home();
    // The two links go where the message's {browse} and {home} are.
    let ways_on = slots(t(Msg::NotFoundWaysOn))
        .into_iter()
        .map(|(text, slot)| {
            let link = slot.map(|name| match name {
                "browse" => {
                    view! { <a href=browse.clone()>{t(Msg::NotFoundBrowse)}</a> }.into_any()
                }
                _ => view! { <a href=home.clone() rel="external">{t(Msg::NotFoundHome)}</a> }
                    .into_any(),
            });
            view! { {text}{link} }
        })
        .collect_view();
    view! {
        <h1 id=HEADING_ID tabindex="-1">{t(heading)}</h1>
        <p>{t(text)}</p>
        <p>{ways_on}</p>
    }
}

/// `text` cut at its `{placeholders}`: each stretch of text with the name of the placeholder
/// after it (none after the last).
fn slots(text: &'static str) -> Vec<(&'static str, Option<&'static str>)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        out.push((before, Some(name)));
        rest = tail;
    }
    out.push((rest, None));
    out
}

/// The title, heading and text for a missing `what`.
fn messages(what: &str) -> (Msg, Msg, Msg) {
    use Msg::*;
    let facet = Facet::ALL.into_iter().find(|f| f.noun() == what);
    match (what, facet) {
        (_, Some(Facet::Approach)) => (
            NotFoundApproachTitle,
            NotFoundApproachHeading,
            NotFoundApproachText,
        ),
        (_, Some(Facet::Type)) => (NotFoundTypeTitle, NotFoundTypeHeading, NotFoundTypeText),
        (_, Some(Facet::Standard)) => (
            NotFoundStandardTitle,
            NotFoundStandardHeading,
            NotFoundStandardText,
        ),
        (_, Some(Facet::Evidence)) => (
            NotFoundEvidenceTitle,
            NotFoundEvidenceHeading,
            NotFoundEvidenceText,
        ),
        (_, Some(Facet::Subject)) => (
            NotFoundSubjectTitle,
            NotFoundSubjectHeading,
            NotFoundSubjectText,
        ),
        ("resource", None) => (
            NotFoundResourceTitle,
            NotFoundResourceHeading,
            NotFoundResourceText,
        ),
        ("collection", None) => (
            NotFoundCollectionTitle,
            NotFoundCollectionHeading,
            NotFoundCollectionText,
        ),
        _ => (NotFoundPageTitle, NotFoundPageHeading, NotFoundPageText),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English words are what they were when the view wrote them around `what`.
    #[test]
    fn each_missing_thing_has_its_own_words() {
        let mut whats = vec!["page", "resource", "collection"];
        whats.extend(Facet::ALL.map(Facet::noun));
        for what in whats {
            let (title, heading, text) = messages(what);
            assert_eq!(t(title), format!("No such {what}"));
            assert_eq!(t(heading), format!("We could not find that {what}"));
            assert_eq!(
                t(text),
                format!(
                    "The link may be mistyped, or the {what} may have been removed or renamed \
                     since the link was shared."
                )
            );
        }
    }
}
