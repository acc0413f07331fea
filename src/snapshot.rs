//! The page snapshot: the compact, DOM-free picture of a page that the core decides on.
//!
//! The browser hands (or the native HTML reader) flatten the document into a list of nodes in
//! document order. Each node names its parent by index, so the tree can be rebuilt cheaply.
//! Text nodes are nodes too (tag `#text`), which keeps the text of every element in order.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Tag used for text nodes.
pub const TEXT: &str = "#text";

/// A flattened page.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Snapshot<'a> {
    /// Address of the page, if known (used only for messages).
    #[serde(default)]
    pub url: String,
    /// Nodes in document order; `nodes[0]` is normally `html`.
    #[serde(default)]
    pub nodes: Vec<Node<'a>>,
    /// A mutation batch: only the subtrees that changed, each under its chain of ancestors
    /// (context nodes), and what the core said about the page last time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<State>,
    /// Read from markup (see `markup`): where each node is in the document, for the hands to
    /// find it again. An element's is its position among the document's elements and
    /// `markup::ELEMENT`; a text's is its parent's position and which run of text in it.
    #[serde(skip)]
    pub places: Vec<(u32, u32)>,
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
///
/// Read either as an object with the short field names below, or in the compact form the
/// browser sends: a text node as `[parent, "#text", text]`, an element as
/// `[parent, tag, id, class, attrs, style, context, article, space]` with trailing defaults
/// left off.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Node<'a> {
    /// Index of the parent node, or -1 for a root.
    #[serde(rename = "p", default = "no_parent")]
    pub parent: i64,
    /// Lower-case tag name, or `#text`.
    #[serde(rename = "t", default)]
    pub tag: Cow<'a, str>,
    /// The `id` attribute.
    #[serde(rename = "i", default, skip_serializing_if = "str::is_empty")]
    pub id: Cow<'a, str>,
    /// The `class` attribute.
    #[serde(rename = "c", default, skip_serializing_if = "str::is_empty")]
    pub class: Cow<'a, str>,
    /// A few other attributes as `[name, value]` pairs (role, aria-*, name, type, src, data-*...).
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Text of a text node.
    #[serde(rename = "x", default, skip_serializing_if = "str::is_empty")]
    pub text: Cow<'a, str>,
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
    /// White space stood between this element and the node before it in document order: a
    /// text node of white space alone, which the hands do not send. It keeps the words of
    /// `<b>Ada</b> <i>Quill</i>` apart.
    #[serde(rename = "sp", default, skip_serializing_if = "is_false")]
    pub space: bool,
}

impl Serialize for Node<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Node::serialize(self, serializer)
    }
}

impl<'de, 'a> Deserialize<'de> for Node<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor(std::marker::PhantomData))
    }
}

/// Reads a node in either form; its strings are owned (JSON is read natively only).
struct NodeVisitor<'a>(std::marker::PhantomData<Node<'a>>);

impl<'de, 'a> serde::de::Visitor<'de> for NodeVisitor<'a> {
    type Value = Node<'a>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a node object or array")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Node<'a>, A::Error> {
        Node::deserialize(serde::de::value::MapAccessDeserializer::new(map))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'a>, A::Error> {
        let mut node = Node {
            parent: seq.next_element()?.unwrap_or(-1),
            tag: seq.next_element()?.unwrap_or_default(),
            ..Node::default()
        };
        if node.is_text() {
            node.text = seq.next_element()?.unwrap_or_default();
        } else {
            node.id = seq.next_element()?.unwrap_or_default();
            node.class = seq.next_element()?.unwrap_or_default();
            node.attrs = seq
                .next_element::<Option<_>>()?
                .flatten()
                .unwrap_or_default();
            node.style = seq.next_element()?.flatten();
            node.context = seq.next_element()?.unwrap_or_default();
            node.article = seq.next_element()?.unwrap_or_default();
            node.space = seq.next_element()?.unwrap_or_default();
        }
        // Anything after the known fields is ignored.
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(node)
    }
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

impl Node<'_> {
    /// Whether this node is a text node.
    pub fn is_text(&self) -> bool {
        // Asked of every node again and again: no tag but `#text` starts with '#', so most
        // answers need no string comparison.
        self.tag.as_bytes().first() == Some(&b'#') && self.tag == TEXT
    }

    /// The value of attribute `name`, if the snapshot carries it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// The snapshot with its tree rebuilt and per-element text measures precomputed.
pub struct Tree<'a> {
    /// The snapshot itself.
    pub snap: &'a Snapshot<'a>,
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
    /// The class, id and data names of every element, each distinct name split into words once.
    names: Names<'a>,
}

/// Where one of an element's names comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A token of the `class` attribute.
    Class,
    /// The `id` attribute.
    Id,
    /// The name of a `data-*` attribute, without `data-`.
    DataName,
    /// The value of a short `data-*` attribute.
    DataValue,
}

/// Longest `data-*` value read as a name.
const DATA_VALUE_LIMIT: usize = 60;

/// Element names, interned: many elements of a page share their class tokens.
#[derive(Default)]
struct Names<'a> {
    /// Each distinct name.
    text: Vec<&'a str>,
    /// The words of every name, as `split_words` gives them, one name after another (in one
    /// list rather than one list a name: a page has thousands of names).
    words: Vec<Cow<'a, str>>,
    /// Name `t`'s words are `words[word_start[t]..word_start[t + 1]]`.
    word_start: Vec<u32>,
    /// The names of node `i` are `list[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    list: Vec<(u32, NameKind)>,
}

impl<'a> Names<'a> {
    fn new(nodes: &'a [Node]) -> Self {
        let mut names = Names::default();
        // Sized for the page at once: most elements have a name or two, many shared.
        let mut seen: rustc_hash::FxHashMap<&'a str, u32> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(nodes.len() / 2, Default::default());
        names.start.reserve(nodes.len() + 1);
        names.list.reserve(nodes.len());
        names.words.reserve(nodes.len());
        names.word_start.push(0);
        for node in nodes {
            names.start.push(names.list.len() as u32);
            if node.is_text() {
                continue;
            }
            let classes = node
                .class
                .split_ascii_whitespace()
                .map(|c| (c, NameKind::Class));
            let id = (!node.id.is_empty()).then_some((node.id.as_ref(), NameKind::Id));
            let data = node
                .attrs
                .iter()
                .filter(|(k, _)| k.starts_with("data-"))
                .flat_map(|(k, v)| {
                    let value = (!v.is_empty() && v.len() < DATA_VALUE_LIMIT)
                        .then_some((v.as_ref(), NameKind::DataValue));
                    [Some((&k[5..], NameKind::DataName)), value]
                        .into_iter()
                        .flatten()
                });
            for (text, kind) in classes.chain(id).chain(data) {
                let t = *seen.entry(text).or_insert_with(|| {
                    names.text.push(text);
                    split_words_into(text, &mut names.words);
                    names.word_start.push(names.words.len() as u32);
                    (names.text.len() - 1) as u32
                });
                names.list.push((t, kind));
            }
        }
        names.start.push(names.list.len() as u32);
        names
    }
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
            opaque[i] |= OPAQUE.contains(&node.tag.as_ref());
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
            } else if OPAQUE.contains(&node.tag.as_ref()) {
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
            names: Names::new(&snap.nodes),
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
    pub fn node(&self, i: usize) -> &Node<'a> {
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
        self.collapsed_text(i, limit, |c, out| out.push(c))
    }

    /// The subtree's text as phrases are matched against it: lower-case, with straight
    /// apostrophes, white space collapsed, cut after `limit` characters.
    pub fn normalized_text(&self, i: usize, limit: usize) -> String {
        self.collapsed_text(i, limit, |c, out| match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        })
    }

    /// The subtree's text in one pass: each visible character given to `put`, runs of white
    /// space as one space between words, at most `limit` characters in all.
    fn collapsed_text(&self, i: usize, limit: usize, put: impl Fn(char, &mut String)) -> String {
        // Room for the text as counted, in bytes: enough for most, which are ASCII.
        let mut out = String::with_capacity(
            (self.text_len.get(i).copied().unwrap_or(0) as usize).min(limit) + 8,
        );
        let mut count = 0;
        let mut space = false;
        // The subtree's nodes are `i..end[i]`, in document order.
        let mut c = i;
        'walk: while c < self.end[i] {
            let node = self.node(c);
            c += 1;
            if node.space && count > 0 {
                space = true;
            }
            if node.is_text() {
                for ch in node.text.chars() {
                    if ch.is_whitespace() {
                        space = count > 0;
                        continue;
                    }
                    if count + usize::from(space) >= limit {
                        break 'walk;
                    }
                    if space {
                        out.push(' ');
                        count += 1;
                        space = false;
                    }
                    put(ch, &mut out);
                    count += 1;
                }
            } else if OPAQUE.contains(&node.tag.as_ref()) {
                c = self.end[c - 1];
            }
        }
        out
    }

    /// The element's names (class tokens, id, then each `data-*` attribute's name and short
    /// value), as (name number, kind); a name's number is the same wherever it occurs.
    pub fn names(&self, i: usize) -> &[(u32, NameKind)] {
        let n = &self.names;
        &n.list[n.start[i] as usize..n.start[i + 1] as usize]
    }

    /// How many distinct names the page has (name numbers are below it).
    pub fn name_count(&self) -> usize {
        self.names.text.len()
    }

    /// The text of name number `t`.
    pub fn name_text(&self, t: u32) -> &'a str {
        self.names.text[t as usize]
    }

    /// The words of name number `t`, lower-case, split at `-`, `_`, `:` and camelCase.
    pub fn name_words(&self, t: u32) -> &[Cow<'a, str>] {
        let starts = &self.names.word_start;
        &self.names.words[starts[t as usize] as usize..starts[t as usize + 1] as usize]
    }

    /// The words of each of the element's class tokens, id and short data values.
    pub fn words(&self, i: usize) -> impl Iterator<Item = &[Cow<'a, str>]> + '_ {
        self.names(i)
            .iter()
            .filter(|(_, kind)| *kind != NameKind::DataName)
            .map(|&(t, _)| self.name_words(t))
    }
}

/// End the word being read (if any) at byte `end` of `name`.
fn flush<'n>(
    name: &'n str,
    words: &mut Vec<Cow<'n, str>>,
    start: &mut Option<usize>,
    copy: &mut Option<String>,
    end: usize,
) {
    if let Some(s) = start.take() {
        words.push(match copy.take() {
            Some(c) => Cow::Owned(c),
            None => Cow::Borrowed(&name[s..end]),
        });
    }
}

/// Split one class name or id into lower-case words. A word already in lower case is a slice
/// of the name (most are: "article-body"); only one that changes case is a new string.
pub fn split_words(name: &str) -> Vec<Cow<'_, str>> {
    let mut words = Vec::new();
    split_words_into(name, &mut words);
    words
}

/// [`split_words`], the words added at the end of `words`.
pub fn split_words_into<'n>(name: &'n str, words: &mut Vec<Cow<'n, str>>) {
    // The word being read: where it starts in `name`, and its lower-case copy once it needs one.
    let mut start: Option<usize> = None;
    let mut copy: Option<String> = None;
    let mut prev_lower = false;
    for (i, ch) in name.char_indices() {
        // Nearly every class name is ASCII: its letters need no Unicode case tables.
        let (alnum, upper, lower) = if ch.is_ascii() {
            let b = ch as u8;
            (
                b.is_ascii_alphanumeric(),
                b.is_ascii_uppercase(),
                b.is_ascii_lowercase(),
            )
        } else {
            (ch.is_alphanumeric(), ch.is_uppercase(), ch.is_lowercase())
        };
        if !alnum {
            flush(name, words, &mut start, &mut copy, i);
            prev_lower = false;
            continue;
        }
        if upper && prev_lower {
            flush(name, words, &mut start, &mut copy, i);
        }
        let s = *start.get_or_insert(i);
        prev_lower = lower || ch.is_ascii_digit();
        let same = if ch.is_ascii() {
            !upper
        } else {
            let mut l = ch.to_lowercase();
            l.next() == Some(ch) && l.next().is_none()
        };
        if copy.is_none() && !same {
            copy = Some(name[s..i].to_string());
        }
        if let Some(c) = copy.as_mut() {
            if ch.is_ascii() {
                c.push(ch.to_ascii_lowercase());
            } else {
                c.extend(ch.to_lowercase());
            }
        }
    }
    flush(name, words, &mut start, &mut copy, name.len());
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

    fn el(parent: i64, tag: &str, class: &str) -> Node<'static> {
        Node {
            parent,
            tag: tag.to_string().into(),
            class: class.to_string().into(),
            ..Node::default()
        }
    }

    fn text(parent: i64, t: &str) -> Node<'static> {
        Node {
            parent,
            tag: TEXT.into(),
            text: t.to_string().into(),
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
    fn reads_the_compact_form_beside_objects() {
        let json = r##"{"nodes":[[-1,"html"],[0,"body","main","page wide",[["role","main"]],
            {"position":"fixed","z":3},true],[1,"#text","Hi, there"],
            {"p":1,"t":"p","c":"lede"},[3,"#text","More",42],[1,"div","",""]]}"##;
        let snap: Snapshot = serde_json::from_str(json).unwrap();
        let n = &snap.nodes;
        assert_eq!((n[0].parent, n[0].tag.as_ref()), (-1, "html"));
        assert_eq!(
            (n[1].id.as_ref(), n[1].class.as_ref()),
            ("main", "page wide")
        );
        assert_eq!(n[1].attr("role"), Some("main"));
        assert_eq!(n[1].style.as_ref().map(|s| s.z), Some(3));
        assert!(n[1].context && !n[1].article);
        assert_eq!((n[2].parent, n[2].text.as_ref()), (1, "Hi, there"));
        assert_eq!(n[3].class, "lede");
        assert_eq!(n[4].text, "More", "extra fields are ignored");
        assert!(n[5].style.is_none() && n[5].attrs.is_empty());
        let json = r#"{"nodes":[[-1,"div","",[],null,null]]}"#;
        assert!(
            serde_json::from_str::<Snapshot>(json).is_err(),
            "a class that is not a string is refused"
        );
        assert!(serde_json::from_str::<Snapshot>(r#"{"nodes":[[]]}"#).is_ok());
    }

    #[test]
    fn splits_class_names_into_words() {
        assert_eq!(split_words("tp-modal"), vec!["tp", "modal"]);
        assert_eq!(split_words("commentsSection"), vec!["comments", "section"]);
        assert_eq!(
            split_words("Kommentar-Übersicht2"),
            vec!["kommentar", "übersicht2"]
        );
        // Words already in lower case are slices of the name; only the others are copies.
        let words = split_words("story-bodyText");
        assert!(matches!(words[0], Cow::Borrowed("story")));
        assert!(matches!(words[1], Cow::Borrowed("body")));
        assert!(matches!(&words[2], Cow::Owned(w) if w == "text"));
        assert_eq!(split_words("sign_in__gate"), vec!["sign", "in", "gate"]);
        assert_eq!(split_words("HTMLBody"), vec!["htmlbody"]);
        // Names with other letters take the Unicode path, and split the same way.
        assert_eq!(
            split_words("kommentarÜbersicht-Box"),
            vec!["kommentar", "übersicht", "box"]
        );
    }

    #[test]
    fn sums_text_and_links_over_subtrees() {
        let snap = Snapshot {
            url: String::new(),
            partial: None,
            places: Vec::new(),
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
    fn normalized_text_is_lower_case_with_straight_apostrophes_and_single_spaces() {
        let snap = Snapshot {
            nodes: vec![
                el(-1, "p", ""),
                text(0, "  You\u{2019}ve  Reached\n "),
                el(0, "b", ""),
                text(2, "it\t"),
            ],
            ..Snapshot::default()
        };
        let tree = Tree::new(&snap);
        assert_eq!(tree.normalized_text(0, 100), "you've reached it");
        assert_eq!(tree.normalized_text(0, 5), "you'v");
        assert_eq!(tree.text(0, 100), "You\u{2019}ve Reached it");
    }

    #[test]
    fn white_space_left_out_between_elements_still_parts_words() {
        // <p><b>Ada</b> <i>Quill</i><i>son</i></p> with its text node of white space unsent.
        let mut quill = el(0, "i", "");
        quill.space = true;
        let snap = Snapshot {
            nodes: vec![
                el(-1, "p", ""),
                el(0, "b", ""),
                text(1, "Ada"),
                quill,
                text(3, "Quill"),
                el(0, "i", ""),
                text(5, "son"),
            ],
            ..Snapshot::default()
        };
        let tree = Tree::new(&snap);
        assert_eq!(tree.text(0, 100), "Ada Quillson");
        // No space opens a text.
        assert_eq!(tree.text(3, 100), "Quill");
    }

    #[test]
    fn forward_parent_links_become_roots() {
        let snap = Snapshot {
            url: String::new(),
            partial: None,
            places: Vec::new(),
            nodes: vec![el(1, "div", ""), el(0, "p", ""), el(7, "p", "")],
        };
        let tree = Tree::new(&snap);
        assert_eq!(tree.parent, vec![None, Some(0), None]);
    }
}
