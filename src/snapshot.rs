//! The page snapshot: the compact, DOM-free picture of a page that the core decides on.
//!
//! The browser hands (or the native HTML reader) flatten the document into a list of nodes in
//! document order. Each node names its parent by index, so the tree can be rebuilt cheaply.
//! Text nodes are nodes too (tag `#text`), which keeps the text of every element in order.

use serde::{Deserialize, Serialize};

/// Tag used for text nodes.
pub const TEXT: &str = "#text";

/// A flattened page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// Address of the page, if known (used only for messages).
    #[serde(default)]
    pub url: String,
    /// Nodes in document order; `nodes[0]` is normally `html`.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// A mutation batch: only the subtrees that changed, each under its chain of ancestors
    /// (context nodes), and what the core said about the page last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<State>,
}

/// What the core remembers about a page between a full pass and later mutation batches. The
/// hands keep it without reading it and send it back with each batch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Visible characters of the article's paragraphs at the last full pass.
    #[serde(default)]
    pub article_text: u64,
    /// Whether a modal has been hidden on the page.
    #[serde(default)]
    pub modal: bool,
}

/// One element or text node.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Node {
    /// Index of the parent node, or -1 for a root.
    #[serde(rename = "p", default = "no_parent")]
    pub parent: i64,
    /// Lower-case tag name, or `#text`.
    #[serde(rename = "t", default)]
    pub tag: String,
    /// The `id` attribute.
    #[serde(rename = "i", default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The `class` attribute.
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    pub class: String,
    /// A few other attributes as `[name, value]` pairs (role, aria-*, name, type, src, data-*...).
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<(String, String)>,
    /// Text of a text node.
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Computed style and geometry, where the browser measured them.
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    pub style: Option<Style>,
    /// In a mutation batch: an unchanged ancestor, given for context; its other children are
    /// not in the snapshot, and it is never hidden or read for signals.
    #[serde(rename = "k", default, skip_serializing_if = "is_false")]
    pub context: bool,
    /// In a mutation batch: the element the core found to hold the article in the full pass.
    #[serde(rename = "ar", default, skip_serializing_if = "is_false")]
    pub article: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn no_parent() -> i64 {
    -1
}

/// Style and geometry facts measured by the browser for a few elements.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Style {
    /// Computed `position`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub position: String,
    /// Computed `overflow-y` (or `overflow`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub overflow: String,
    /// Computed `z-index`, 0 when `auto`.
    #[serde(default)]
    pub z: i64,
    /// Whether the element's box covers the centre of the viewport.
    #[serde(default)]
    pub covers_center: bool,
    /// Share of the viewport area the box covers, 0 to 1.
    #[serde(default)]
    pub area: f64,
    /// Whether the element is rendered at all (not `display: none`).
    #[serde(default = "yes")]
    pub visible: bool,
}

fn yes() -> bool {
    true
}

impl Node {
    /// Whether this node is a text node.
    pub fn is_text(&self) -> bool {
        self.tag == TEXT
    }

    /// The value of attribute `name`, if the snapshot carries it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The snapshot with its tree rebuilt and per-element text measures precomputed.
pub struct Tree<'a> {
    /// The snapshot itself.
    pub snap: &'a Snapshot,
    /// Parent of each node (validated), `None` for roots.
    pub parent: Vec<Option<usize>>,
    /// Visible characters (not white space) in the subtree.
    pub text_len: Vec<u32>,
    /// Visible characters inside links in the subtree.
    pub link_len: Vec<u32>,
    /// Commas in the subtree text.
    pub commas: Vec<u32>,
    /// Depth of each node (roots are 0).
    pub depth: Vec<u32>,
    /// Whether a node is, or sits inside, an element whose contents are never page text.
    pub opaque: Vec<bool>,
    /// End (exclusive) of each node's subtree: its descendants are the nodes up to it.
    pub end: Vec<usize>,
}

/// Elements whose contents are never page text.
const OPAQUE: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title",
];

impl<'a> Tree<'a> {
    /// Rebuild the tree. A parent index that does not point backwards is treated as a root,
    /// so hostile snapshots cannot create cycles.
    pub fn new(snap: &'a Snapshot) -> Self {
        let n = snap.nodes.len();
        let mut parent = vec![None; n];
        let mut depth = vec![0u32; n];
        let mut opaque = vec![false; n];
        // Open ancestors in document order: a node may only hang under one of them, so every
        // subtree is a contiguous run of nodes, whatever a hostile snapshot says.
        let mut stack: Vec<usize> = Vec::new();
        let mut on_stack = vec![false; n];
        for (i, node) in snap.nodes.iter().enumerate() {
            let p = usize::try_from(node.parent)
                .ok()
                .filter(|&p| p < i && on_stack[p] && !snap.nodes[p].is_text());
            match p {
                Some(p) => {
                    while let Some(&top) = stack.last() {
                        if top == p {
                            break;
                        }
                        on_stack[top] = false;
                        stack.pop();
                    }
                    parent[i] = Some(p);
                    depth[i] = depth[p] + 1;
                    opaque[i] = opaque[p];
                }
                None => {
                    for &o in &stack {
                        on_stack[o] = false;
                    }
                    stack.clear();
                }
            }
            stack.push(i);
            on_stack[i] = true;
            opaque[i] |= OPAQUE.contains(&node.tag.as_str());
        }
        let mut end: Vec<usize> = (1..=n).collect();
        for i in (0..n).rev() {
            if let Some(p) = parent[i] {
                end[p] = end[p].max(end[i]);
            }
        }
        let mut text_len = vec![0u32; n];
        let mut link_len = vec![0u32; n];
        let mut commas = vec![0u32; n];
        // Children always come after their parents, so one backward pass sums subtrees.
        for i in (0..n).rev() {
            let node = &snap.nodes[i];
            if node.is_text() {
                // Text inside a script or a style counts for nothing, however long it is.
                if opaque[i] {
                    continue;
                }
                (text_len[i], commas[i]) = text_counts(&node.text);
            } else if OPAQUE.contains(&node.tag.as_str()) {
                text_len[i] = 0;
                link_len[i] = 0;
                commas[i] = 0;
                continue;
            }
            if node.tag == "a" {
                link_len[i] = text_len[i];
            }
            if let Some(p) = parent[i] {
                text_len[p] += text_len[i];
                link_len[p] += link_len[i];
                commas[p] += commas[i];
            }
        }
        Tree {
            snap,
            parent,
            text_len,
            link_len,
            commas,
            depth,
            opaque,
            end,
        }
    }

    /// Whether node `i` is text a reader sees (a text node outside scripts, styles and the head).
    pub fn is_page_text(&self, i: usize) -> bool {
        self.node(i).is_text() && !self.opaque[i]
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.snap.nodes.len()
    }

    /// Whether the snapshot is empty.
    pub fn is_empty(&self) -> bool {
        self.snap.nodes.is_empty()
    }

    /// The node at `i`.
    pub fn node(&self, i: usize) -> &Node {
        &self.snap.nodes[i]
    }

    /// Children of node `i`, in document order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.end[i];
        let first = (i + 1 < end).then_some(i + 1);
        std::iter::successors(first, move |&c| Some(self.end[c]).filter(|&n| n < end))
    }

    /// Whether `a` is `b` or one of its ancestors.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        a <= b && b < self.end[a]
    }

    /// Ancestors of `i`, nearest first (not including `i`).
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.parent[i], move |&p| self.parent[p])
    }

    /// The link that is node `i` or one of its `levels` nearest ancestors, if any.
    pub fn link_around(&self, i: usize, levels: usize) -> Option<usize> {
        std::iter::once(i)
            .chain(self.ancestors(i).take(levels))
            .find(|&a| self.node(a).tag == "a")
    }

    /// Link density of an element: share of its text inside links.
    pub fn link_density(&self, i: usize) -> f64 {
        if self.text_len[i] == 0 {
            0.0
        } else {
            self.link_len[i] as f64 / self.text_len[i] as f64
        }
    }

    /// The text of the subtree, in order, with white space collapsed, cut after `limit` chars.
    pub fn text(&self, i: usize, limit: usize) -> String {
        let mut raw = String::new();
        let mut stack = vec![i];
        while let Some(c) = stack.pop() {
            if raw.len() >= limit.saturating_mul(4) {
                break;
            }
            let node = self.node(c);
            if node.is_text() {
                raw.push_str(&node.text);
            } else if !OPAQUE.contains(&node.tag.as_str()) {
                let first = stack.len();
                stack.extend(self.children(c));
                stack[first..].reverse();
            }
        }
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        match collapsed.char_indices().nth(limit) {
            Some((cut, _)) => collapsed[..cut].to_string(),
            None => collapsed,
        }
    }

    /// The element's own id and class words, lower-case, split at `-`, `_`, `:` and camelCase.
    pub fn words(&self, i: usize) -> Vec<Vec<String>> {
        let node = self.node(i);
        let mut names: Vec<&str> = node.class.split_whitespace().collect();
        if !node.id.is_empty() {
            names.push(node.id.as_str());
        }
        for (k, v) in &node.attrs {
            if k.starts_with("data-") && !v.is_empty() && v.len() < 60 {
                names.push(v.as_str());
            }
        }
        names.into_iter().map(split_words).collect()
    }
}

/// Split one class name or id into lower-case words.
pub fn split_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch.is_alphanumeric() {
            if ch.is_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
            cur.extend(ch.to_lowercase());
        } else {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Characters of a text that are not white space, and its commas, in one pass. ASCII text, most
/// of any page, is read by bytes; other text by characters.
fn text_counts(text: &str) -> (u32, u32) {
    let (mut visible, mut commas) = (0u32, 0u32);
    if text.is_ascii() {
        for b in text.bytes() {
            visible += u32::from(!matches!(b, b' ' | b'\t'..=b'\r'));
            commas += u32::from(b == b',');
        }
    } else {
        for c in text.chars() {
            visible += u32::from(!c.is_whitespace());
            commas += u32::from(c == ',' || c == '،');
        }
    }
    (visible, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(parent: i64, tag: &str, class: &str) -> Node {
        Node {
            parent,
            tag: tag.into(),
            class: class.into(),
            ..Node::default()
        }
    }

    fn text(parent: i64, t: &str) -> Node {
        Node {
            parent,
            tag: TEXT.into(),
            text: t.into(),
            ..Node::default()
        }
    }

    #[test]
    fn text_counts_skip_every_kind_of_white_space() {
        for t in [
            "",
            "  a, b\t\n",
            "x\u{b}y\u{c}\r,",
            "café, au\u{a0}lait",
            "一 二\u{3000}三،",
        ] {
            let visible = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = t.chars().filter(|&c| c == ',' || c == '،').count() as u32;
            assert_eq!(text_counts(t), (visible, commas), "{t:?}");
        }
    }

    #[test]
    fn splits_class_names_into_words() {
        assert_eq!(split_words("tp-modal"), vec!["tp", "modal"]);
        assert_eq!(split_words("commentsSection"), vec!["comments", "section"]);
        assert_eq!(split_words("sign_in__gate"), vec!["sign", "in", "gate"]);
        assert_eq!(split_words("HTMLBody"), vec!["htmlbody"]);
    }

    #[test]
    fn sums_text_and_links_over_subtrees() {
        let snap = Snapshot {
            url: String::new(),
            partial: None,
            nodes: vec![
                el(-1, "div", ""),
                el(0, "p", ""),
                text(1, "Hello, world "),
                el(1, "a", ""),
                text(3, "link"),
                el(0, "script", ""),
                text(5, "var x = 1, y = 2;"),
            ],
        };
        let tree = Tree::new(&snap);
        assert_eq!(tree.text_len[0], 15);
        assert_eq!(tree.link_len[0], 4);
        assert_eq!(tree.commas[0], 1);
        assert_eq!(tree.text(0, 100), "Hello, world link");
        assert!(tree.contains(0, 4));
        assert!(!tree.contains(3, 2));
    }

    #[test]
    fn forward_parent_links_become_roots() {
        let snap = Snapshot {
            url: String::new(),
            partial: None,
            nodes: vec![el(1, "div", ""), el(0, "p", ""), el(7, "p", "")],
        };
        let tree = Tree::new(&snap);
        assert_eq!(tree.parent, vec![None, Some(0), None]);
    }
}
