//! The list of collections (areas of expertise) on home and on What's new (static pages only):
//! each collection's title linking to its page, the first sentence of its introduction (the
//! whole is on its page) and its size.

use std::sync::Arc;

use catalogue::Engine;
use leptos::prelude::*;

use crate::routes::Base;
use crate::text::{Count, Msg, collection_intro, collection_title, counted, t};

/// The section, or nothing when the catalogue has no collections. `id`: the section's element
/// id, where other pages link to it.
#[component]
pub fn CollectionList(
    engine: Arc<Engine>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let base = expect_context::<Base>();
    let collections = &engine.catalogue().collections;
    let items = collections
        .iter()
        .map(|c| {
            view! {
                <li class="collection">
                    <h3><a href=base.collection(&c.id)>{collection_title(c).to_owned()}</a></h3>
                    <p>{first_sentence(collection_intro(c)).to_owned()}</p>
                    <p class="count">{counted(Count::Resources, c.items.len())}</p>
                </li>
            }
        })
        .collect_view();
    (!collections.is_empty()).then(|| {
        view! {
            <section id=id aria-labelledby="collections-heading">
                <h2 id="collections-heading">{t(Msg::CardCollections)}</h2>
                <p>{t(Msg::CardCollectionsIntro)}</p>
                <ul class="collections">{items}</ul>
            </section>
        }
    })
}

/// The text up to the end of its first sentence (a full stop, question or exclamation mark
/// followed by a space), or all of it.
fn first_sentence(text: &str) -> &str {
    text.char_indices()
        .find(|&(i, c)| matches!(c, '.' | '?' | '!') && text[i + 1..].starts_with(' '))
        .map_or(text, |(i, _)| &text[..=i])
}

#[cfg(test)]
mod tests {
    use super::first_sentence;

    #[test]
    fn a_collections_introduction_is_cut_after_its_first_sentence() {
        assert_eq!(first_sentence("One. Two."), "One.");
        assert_eq!(first_sentence("Is it? Yes."), "Is it?");
        assert_eq!(
            first_sentence("Costs of e.g.this kind. More."),
            "Costs of e.g.this kind."
        );
        assert_eq!(first_sentence("No full stop"), "No full stop");
        assert_eq!(first_sentence("Ends here."), "Ends here.");
    }
}
