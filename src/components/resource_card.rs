//! A resource as it appears in a list: title linking to its page, type, year, credit, the
//! evidence it rests on (linked to how to read it), how many comments it has, summary.
//!
//! Cards are written as HTML and set as their list's `innerHTML`, not built as views. The browse
//! page re-renders its 50 results at every keystroke, and a view there is rebuilt in place: with
//! `erase_components` (scripts/env.sh) every element's attributes are type-erased, and
//! rebuilding them removes and sets each one again. Measured on 10,000 resources while typing:
//! about 17 ms a keystroke for the list as views, 3 ms for the browser to parse it as HTML.
//! Links in the cards are plain `<a href>`, which the router handles like any other.

use catalogue::highlight::mark;
use catalogue::{Engine, Facet, Resource, Taxonomy};
use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};

use crate::components::comments::COMMENTS_HEADING;
use crate::contract::attribute;
use crate::routes::Base;
use crate::text::{Count, Msg, counted, fill, label_of, published_lang_attribute, t};

/// One line of facts under a title: "Case study · 2017 · Unite Students".
pub fn meta_line(r: &Resource, taxonomy: &Taxonomy) -> String {
    let mut parts = vec![label_of(taxonomy, Facet::Type, &r.kind).to_owned()];
    if let Some(year) = r.year {
        parts.push(year.to_string());
    }
    parts.push(r.credit());
    parts.join(" · ")
}

/// The cards of the resources at `positions`, each in an `<li>`, for a list's `innerHTML`.
/// `marks`: words a search matched (folded, sorted), marked in titles and summaries.
pub fn cards_html(
    engine: &Engine,
    base: &Base,
    positions: impl IntoIterator<Item = usize>,
    marks: &[String],
) -> String {
    let mut html = String::new();
    for position in positions {
        card_item_html(&mut html, engine, base, position, marks, "");
    }
    html
}

/// Appends one resource's card to `html` as a list item, with a curator's note under it unless
/// `note` is empty.
pub fn card_item_html(
    html: &mut String,
    engine: &Engine,
    base: &Base,
    position: usize,
    marks: &[String],
    note: &str,
) {
    html.push_str("<li>");
    card_html(html, engine, base, position, marks);
    if !note.is_empty() {
        html.push_str(r#"<p class="curator-note""#);
        html.push_str(&published_lang_attribute());
        html.push('>');
        encode_text_to_string(note, html);
        html.push_str("</p>");
    }
    html.push_str("</li>");
}

/// Appends one resource's card, the `<article>` every list shows (My list puts its own
/// controls beside it).
pub fn card_html(
    html: &mut String,
    engine: &Engine,
    base: &Base,
    position: usize,
    marks: &[String],
) {
    let taxonomy = &engine.catalogue().taxonomy;
    let r = engine.resource(position);
    // Cards always sit under a page section's <h2> ("Results", "Related resources").
    html.push_str(r#"<article class="card"><h3 class="card-title""#);
    html.push_str(&published_lang_attribute());
    html.push('>');
    link_start(html, &base.resource(&r.id));
    marked(html, &r.title, marks);
    html.push_str(r#"</a></h3><p class="card-meta">"#);
    encode_text_to_string(meta_line(r, taxonomy), html);
    html.push_str(r#"</p><p class="card-evidence">"#);
    evidence_link(html, base, r, taxonomy);
    let comments = engine.comment_count(position);
    if comments > 0 {
        html.push_str(r#"</p><p class="card-comments">"#);
        link_start(
            html,
            &[&base.resource(&r.id), "#", COMMENTS_HEADING].concat(),
        );
        html.push_str(&counted(Count::Comments, comments));
        html.push_str("</a>");
    }
    html.push_str(r#"</p><p class="card-summary""#);
    html.push_str(&published_lang_attribute());
    html.push('>');
    marked(html, &r.summary, marks);
    html.push_str("</p>");
    // Printed, a list of cards is a reading list: each resource's own address written out.
    if let Some(url) = &r.url {
        html.push_str(r#"<p class="card-link">"#);
        encode_text_to_string(url, html);
        html.push_str("</p>");
    }
    html.push_str(r#"<div class="card-foot"><ul class="tags" aria-label=""#);
    encode_double_quoted_attribute_to_string(t(Msg::CardApproaches), html);
    html.push_str(r#"">"#);
    for approach in &r.approaches {
        html.push_str(r#"<li class="tag">"#);
        encode_text_to_string(label_of(taxonomy, Facet::Approach, approach), html);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
    save_button(
        html,
        &r.id,
        &fill(Msg::CardSaveName, &[("title", &r.title)]),
    );
    html.push_str("</div></article>");
}

/// Appends the resource's evidence as a link to what that kind of evidence can tell a reader:
/// "Evidence: Randomised controlled trial · Causal (Type 3)".
pub fn evidence_link(html: &mut String, base: &Base, r: &Resource, taxonomy: &Taxonomy) {
    external_link_start(html, &base.evidence_guide(&r.evidence));
    let label = fill(
        Msg::CardEvidence,
        &[
            ("kind", label_of(taxonomy, Facet::Evidence, &r.evidence)),
            ("standard", label_of(taxonomy, Facet::Standard, &r.standard)),
        ],
    );
    encode_text_to_string(label, html);
    html.push_str("</a>");
}

/// Appends a "Save" button: it adds the resource `id` to My list or takes it out again
/// (`aria-pressed`). `name` is its accessible name. The button is plain HTML, handled on every
/// page by `src/js/controls.js`, which also shows it (until then, and without scripts, it keeps its
/// place but is not shown). Its label stays "Save", as a toggle's should; pressed, it is
/// filled and ticked.
pub fn save_button(html: &mut String, id: &str, name: &str) {
    html.push_str(
        r#"<button type="button" class="button secondary small save" aria-pressed="false" "#,
    );
    for piece in [attribute::SAVE, "=\"", id] {
        html.push_str(piece);
    }
    html.push_str(r#"" aria-label=""#);
    encode_double_quoted_attribute_to_string(name, html);
    html.push_str(r#"">"#);
    encode_text_to_string(t(Msg::CardSave), html);
    html.push_str("</button>");
}

/// Appends the opening tag of a link to `href`, one of the app's pages.
pub fn link_start(html: &mut String, href: &str) {
    html.push_str(r#"<a href=""#);
    link_rest(html, href);
}

/// Appends the opening tag of a link to a page of its own (see `pages::standalone`), which the
/// browser loads.
pub fn external_link_start(html: &mut String, href: &str) {
    html.push_str(r#"<a rel="external" href=""#);
    link_rest(html, href);
}

fn link_rest(html: &mut String, href: &str) {
    encode_double_quoted_attribute_to_string(href, html);
    html.push_str(r#"">"#);
}

/// `text` with the words a search matched in `<mark>`.
fn marked(html: &mut String, text: &str, marks: &[String]) {
    if marks.is_empty() {
        encode_text_to_string(text, html);
        return;
    }
    for (range, hit) in mark(text, marks) {
        if hit {
            html.push_str("<mark>");
        }
        encode_text_to_string(&text[range], html);
        if hit {
            html.push_str("</mark>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matched_words_and_escapes_the_rest() {
        let mut html = String::new();
        marked(
            &mut html,
            "Money & <wellbeing> \"now\"",
            &["money".to_owned()],
        );
        assert_eq!(html, "<mark>Money</mark> &amp; &lt;wellbeing&gt; \"now\"");
    }
}
