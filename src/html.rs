//! Native only: read an HTML document into a snapshot, as the browser hands would.

use crate::snapshot::{Node, Snapshot, TEXT};
use scraper::{node::Node as HtmlNode, Html};
use std::collections::HashMap;

/// Attributes carried into the snapshot besides id and class.
pub const KEPT_ATTRS: &[&str] = &[
    "role",
    "aria-modal",
    "aria-label",
    "name",
    "type",
    "placeholder",
    "action",
    "src",
];

/// Most `data-*` attributes kept per element.
const MAX_DATA_ATTRS: usize = 4;
/// Longest attribute value kept, in bytes.
const MAX_ATTR_LEN: usize = 200;

/// Parse HTML (any bytes, lossily decoded) into a snapshot.
pub fn snapshot(html: &str) -> Snapshot {
    let doc = Html::parse_document(html);
    let mut index = HashMap::new();
    let mut nodes = Vec::new();
    for node in doc.tree.root().descendants() {
        let parent = node
            .parent()
            .and_then(|p| index.get(&p.id()).copied())
            .map_or(-1, |p: usize| p as i64);
        let item = match node.value() {
            HtmlNode::Element(el) => {
                let mut attrs = Vec::new();
                let mut data = 0;
                for (name, value) in el.attrs() {
                    let keep = if name.starts_with("data-") {
                        data += 1;
                        data <= MAX_DATA_ATTRS
                    } else {
                        KEPT_ATTRS.contains(&name)
                    };
                    if keep {
                        attrs.push((name.to_string(), clip(value)));
                    }
                }
                Node {
                    parent,
                    tag: el.name().to_ascii_lowercase(),
                    id: el.id().unwrap_or_default().to_string(),
                    class: el.attr("class").unwrap_or_default().to_string(),
                    attrs,
                    ..Node::default()
                }
            }
            HtmlNode::Text(t) => Node {
                parent,
                tag: TEXT.to_string(),
                text: t.to_string(),
                ..Node::default()
            },
            _ => continue,
        };
        index.insert(node.id(), nodes.len());
        nodes.push(item);
    }
    Snapshot {
        url: String::new(),
        nodes,
    }
}

fn clip(value: &str) -> String {
    if value.len() <= MAX_ATTR_LEN {
        return value.to_string();
    }
    let mut cut = MAX_ATTR_LEN;
    while !value.is_char_boundary(cut) {
        cut -= 1;
    }
    value[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_text_and_attributes() {
        let snap = snapshot(
            "<html><body><div id=a class='x y' role=dialog data-k=v onclick=z>Hi <b>there</b></div></body></html>",
        );
        let div = snap.nodes.iter().find(|n| n.tag == "div").unwrap();
        assert_eq!(div.id, "a");
        assert_eq!(div.class, "x y");
        assert_eq!(div.attr("role"), Some("dialog"));
        assert_eq!(div.attr("data-k"), Some("v"));
        assert_eq!(div.attr("onclick"), None);
        let texts: Vec<&str> = snap
            .nodes
            .iter()
            .filter(|n| n.is_text())
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, vec!["Hi ", "there"]);
        assert_eq!(snap.nodes[0].tag, "html");
        assert_eq!(snap.nodes[0].parent, -1);
    }

    #[test]
    fn garbage_still_gives_a_page() {
        let snap = snapshot("\u{0}<<<>>>&&& not html at all");
        assert!(snap.nodes.iter().any(|n| n.tag == "body"));
    }
}
