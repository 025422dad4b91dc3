//! Helpers the feed tests share: reading an Atom document's elements with `roxmltree`.

#![allow(dead_code)] // Each test file uses some of them.

use roxmltree::Node;
use seo::feed::NAMESPACE;

/// The element children of `node` in the Atom namespace called `name`.
pub fn children<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|c| c.tag_name().name() == name && c.tag_name().namespace() == Some(NAMESPACE))
        .collect()
}

/// The text of the only child called `name`, failing when there is not exactly one.
pub fn only(node: Node, name: &str) -> String {
    let found = children(node, name);
    assert_eq!(found.len(), 1, "{name} in {:?}", node.tag_name());
    found[0].text().unwrap_or_default().to_owned()
}
