//! Native only: read an HTML document into a snapshot, as the browser hands would, and write
//! it back out marked or cleaned according to a plan.

use crate::clutter::Hide;
use crate::snapshot::{Node, Snapshot, TEXT};
use ego_tree::NodeId;
use scraper::{node::Node as HtmlNode, Html, Selector};
use std::collections::{HashMap, HashSet};

use crate::markup::{marks_dialog, measured};
pub use crate::markup::{KEPT as KEPT_ATTRS, MAX_DATA_ATTRS};

/// Attribute that marks a hidden element in `--mark` output, as the extension does.
pub const MARK: &str = "data-quietread";

/// A parsed page together with its snapshot and the tree node behind each snapshot node.
pub struct Page {
    /// The parsed document.
    pub doc: Html,
    /// The snapshot the core reads.
    pub snapshot: Snapshot<'static>,
    /// `ids[i]` is the document node of `snapshot.nodes[i]`.
    pub ids: Vec<NodeId>,
}

impl Page {
    /// Parse HTML (any text; broken markup is repaired as a browser would).
    pub fn parse(html: &str) -> Page {
        let doc = Html::parse_document(html);
        let (snapshot, ids) = read(&doc);
        Page { doc, snapshot, ids }
    }

    /// Snapshot indices of the elements a CSS selector matches, in document order.
    pub fn select(&self, selector: &str) -> Result<Vec<usize>, String> {
        let sel =
            Selector::parse(selector).map_err(|e| format!("bad selector {selector:?}: {e}"))?;
        let index: HashMap<NodeId, usize> = self
            .ids
            .iter()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        Ok(self
            .doc
            .select(&sel)
            .filter_map(|el| index.get(&el.id()).copied())
            .collect())
    }

    /// The page as HTML with `data-quietread="<category>"` on every element to hide.
    pub fn marked(mut self, hide: &[Hide]) -> String {
        for h in hide {
            let Some(&id) = self.ids.get(h.node) else {
                continue;
            };
            if let Some(mut node) = self.doc.tree.get_mut(id) {
                if let HtmlNode::Element(el) = node.value() {
                    let name = html5ever::QualName::new(
                        None,
                        html5ever::ns!(),
                        html5ever::LocalName::from(MARK),
                    );
                    el.attrs.retain(|(n, _)| &*n.local != MARK);
                    el.attrs.push((name, h.category.name().into()));
                }
            }
        }
        self.doc.html()
    }

    /// The page as HTML without the elements to hide.
    pub fn cleaned(mut self, hide: &[Hide]) -> String {
        for h in hide {
            if let Some(mut node) = self
                .ids
                .get(h.node)
                .and_then(|&id| self.doc.tree.get_mut(id))
            {
                node.detach();
            }
        }
        self.doc.html()
    }
}

/// Parse HTML (any bytes, lossily decoded) into a snapshot.
pub fn snapshot(html: &str) -> Snapshot<'static> {
    Page::parse(html).snapshot
}

fn read(doc: &Html) -> (Snapshot<'static>, Vec<NodeId>) {
    let mut index = HashMap::new();
    let mut nodes = Vec::new();
    let mut ids = Vec::new();
    // A text node of white space alone, held back with its parent: the next element only says
    // it had white space before it, as the browser hands send it.
    let mut held: Option<(NodeId, i64, &str)> = None;
    // Elements the hands walk over, and everything inside them: white space there tells nothing.
    let mut walked_over: HashSet<NodeId> = HashSet::new();
    for node in doc.tree.root().descendants() {
        let parent = node
            .parent()
            .and_then(|p| index.get(&p.id()).copied())
            .map_or(-1, |p: usize| p as i64);
        let inside = node.parent().is_some_and(|p| walked_over.contains(&p.id()));
        match node.value() {
            // The hands walk over these (`markup::is_opaque`); this reader keeps their insides,
            // as it always has, but tells no white space from them.
            HtmlNode::Element(el) if inside || crate::markup::is_opaque(el.name()) => {
                walked_over.insert(node.id());
            }
            // A template's contents (a fragment under it): as walked over as the template, so
            // their white space is not held for the element after the template.
            HtmlNode::Fragment if inside => {
                walked_over.insert(node.id());
            }
            HtmlNode::Text(t) if !inside && t.chars().all(char::is_whitespace) => {
                if !t.is_empty() {
                    held = Some((node.id(), parent, t));
                }
                continue;
            }
            // White space before text (adjacent text nodes, rare) is sent as it is.
            HtmlNode::Text(_) => {
                if let Some((id, parent, text)) = held.take() {
                    nodes.push(Node {
                        parent,
                        tag: TEXT.into(),
                        text: text.to_string().into(),
                        ..Node::default()
                    });
                    ids.push(id);
                }
            }
            _ => {}
        }
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
                        attrs.push((name.to_string().into(), clip(value).into()));
                    }
                }
                Node {
                    parent,
                    tag: el.name().to_ascii_lowercase().into(),
                    id: el.id().unwrap_or_default().to_string().into(),
                    class: el.attr("class").unwrap_or_default().to_string().into(),
                    attrs,
                    space: held.take().is_some(),
                    ..Node::default()
                }
            }
            HtmlNode::Text(t) => Node {
                parent,
                tag: TEXT.into(),
                text: t.to_string().into(),
                ..Node::default()
            },
            _ => continue,
        };
        index.insert(node.id(), nodes.len());
        nodes.push(item);
        ids.push(node.id());
    }
    (
        Snapshot {
            url: String::new(),
            nodes,
            partial: None,
            places: Vec::new(),
        },
        ids,
    )
}

fn clip(value: &str) -> String {
    crate::markup::clip(value.into()).into_owned()
}

/// The page as the browser would serialize it (`outerHTML` of `<html>`), in a markup
/// snapshot (see `markup`) with a made-up style for each element the hands would measure,
/// and the snapshot the walk would send of it. Both readers of the page must agree.
pub fn as_markup(page: &Page) -> (String, Vec<Node<'static>>) {
    let nodes = walked(&page.snapshot.nodes);
    let mut styles = String::new();
    let mut depth = vec![-1i32; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        if n.is_text() {
            continue;
        }
        let parent = usize::try_from(n.parent).ok().map_or(-1, |p| depth[p]);
        depth[i] = if n.tag == "body" {
            0
        } else if parent >= 0 {
            parent + 1
        } else {
            -1
        };
        let dialog = n.tag == "dialog" || n.attrs.iter().any(|(a, v)| marks_dialog(a, v));
        if measured(&n.tag, depth[i], dialog) {
            styles.push('\u{2}');
            styles.push_str(&n.tag);
            styles.push_str("\u{3}fixed\u{3}auto\u{3}7\u{3}1\u{3}5000\u{3}1");
        }
    }
    let (html, elements) = page_markup(page.doc.root_element());
    let markup = format!("qm1\u{2}\u{2}data-quietread\u{2}{elements}{styles}\u{1}{html}");
    (markup, nodes)
}

/// `<html>` serialized as the hands serialize it, and the element count they send: with its
/// `<head>` empty when it holds only `<head>`, `<body>`, white space and comments (hands.js
/// `pageMarkup`), else whole.
fn page_markup(root: scraper::ElementRef) -> (String, usize) {
    let whole = || (root.html(), count_elements(*root));
    let start = |el: scraper::ElementRef| {
        let (outer, inner) = (el.html(), el.inner_html());
        outer[..outer.len() - inner.len() - el.value().name().len() - 3].to_string()
    };
    let mut out = start(root);
    let mut elements = Vec::new();
    for kid in root.children() {
        match kid.value() {
            HtmlNode::Element(_) => elements.push(kid),
            HtmlNode::Text(t) if t.chars().all(|c| c.is_ascii_whitespace()) => {
                out.push_str(t);
                continue;
            }
            HtmlNode::Comment(_) => continue,
            _ => return whole(),
        }
        let Some(el) = scraper::ElementRef::wrap(kid) else {
            return whole();
        };
        match (elements.len(), el.value().name()) {
            (1, "head") => out.push_str(&format!("{}</head>", start(el))),
            (2, "body") => out.push_str(&el.html()),
            _ => return whole(),
        }
    }
    if elements.len() != 2 {
        return whole();
    }
    out.push_str("</html>");
    let inside_head = count_elements(elements[0]) - 1;
    (out, count_elements(*root) - inside_head)
}

/// Elements of a subtree as the DOM counts them: a template's contents are not its children.
fn count_elements(node: ego_tree::NodeRef<HtmlNode>) -> usize {
    let mut count = 0;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if let HtmlNode::Element(el) = n.value() {
            count += 1;
            if el.name() == "template" {
                continue;
            }
        }
        stack.extend(n.children());
    }
    count
}

/// This reader's nodes as the hands' walk gives them: without the insides of the elements it
/// walks over.
fn walked(nodes: &[Node<'static>]) -> Vec<Node<'static>> {
    let mut out = Vec::new();
    let mut index: Vec<Option<i64>> = vec![None; nodes.len()];
    let mut skipped = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        let parent = usize::try_from(n.parent).ok();
        // A second root is a template's contents, which are not in the document.
        let inside = parent.map_or(i > 0, |p| {
            skipped[p] || (!nodes[p].is_text() && crate::markup::is_opaque(&nodes[p].tag))
        });
        if inside {
            skipped[i] = true;
            continue;
        }
        let mut node = n.clone();
        node.parent = parent.and_then(|p| index[p]).unwrap_or(-1);
        index[i] = Some(out.len() as i64);
        out.push(node);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Category;

    #[test]
    fn markup_leaves_the_head_empty_when_html_holds_head_and_body_alone() {
        let page = Page::parse(
            "<html lang=en><head><title>T</title><meta charset=utf-8></head>\n<body class=b><p>Hi</p></body></html>",
        );
        let (markup, _) = as_markup(&page);
        // html, head, body, p: the title and the meta are left out, and not counted.
        let (header, html) = markup.split_once('\u{1}').unwrap();
        assert!(
            header.starts_with("qm1\u{2}\u{2}data-quietread\u{2}4\u{2}"),
            "{header:?}"
        );
        assert_eq!(
            html,
            "<html lang=\"en\"><head></head>\n<body class=\"b\"><p>Hi</p></body></html>"
        );
        // Anything else in <html> (here a comment is fine, a second body-level box is not).
        let page = Page::parse("<html><head><title>T</title></head><body><p>Hi</p></body></html>");
        let mut doc = page.doc.clone();
        let root = doc.root_element().id();
        doc.tree
            .get_mut(root)
            .unwrap()
            .append(HtmlNode::Comment(scraper::node::Comment {
                comment: "c".into(),
            }));
        let (lean, count) = page_markup(doc.root_element());
        assert_eq!((lean.contains("<title>"), count), (false, 4));
        let div = page
            .doc
            .select(&Selector::parse("p").unwrap())
            .next()
            .unwrap()
            .value()
            .clone();
        doc.tree
            .get_mut(root)
            .unwrap()
            .append(HtmlNode::Element(div));
        let (whole, count) = page_markup(doc.root_element());
        assert!(
            whole.contains("<title>T</title>") && whole.ends_with("</body><!--c--><p></p></html>"),
            "{whole}"
        );
        assert_eq!(count, 6);
    }

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
            .map(|n| n.text.as_ref())
            .collect();
        assert_eq!(texts, vec!["Hi ", "there"]);
        assert_eq!(snap.nodes[0].tag, "html");
        assert_eq!(snap.nodes[0].parent, -1);
    }

    #[test]
    fn white_space_alone_is_told_not_sent() {
        let snap = snapshot("<html><body>\n  <p><b>Ada</b> <i>Quill</i></p>\n</body></html>");
        let tags: Vec<&str> = snap.nodes.iter().map(|n| n.tag.as_ref()).collect();
        assert_eq!(tags, ["html", "head", "body", "p", "b", TEXT, "i", TEXT]);
        let flagged: Vec<bool> = snap.nodes.iter().map(|n| n.space).collect();
        assert_eq!(
            flagged,
            [false, false, false, true, false, false, true, false]
        );
        // White space inside an element the hands walk over tells nothing.
        let snap = snapshot(
            "<html><body><p>Follow us<svg viewBox='0 0 1 1'><path d='M0'/>\n</svg><b>now</b></p></body></html>",
        );
        let b = snap
            .nodes
            .iter()
            .find(|n| n.tag == "b")
            .expect("the b element");
        assert!(!b.space);
        // White space before text is sent as it is.
        let snap = snapshot("<html><body><p>Ada<!-- x --> <!-- y -->Quill</p></body></html>");
        let texts: Vec<&str> = snap.nodes.iter().map(|n| n.text.as_ref()).collect();
        assert_eq!(
            texts.iter().filter(|t| !t.is_empty()).count(),
            3,
            "{texts:?}"
        );
    }

    #[test]
    fn garbage_still_gives_a_page() {
        let snap = snapshot("\u{0}<<<>>>&&& not html at all");
        assert!(snap.nodes.iter().any(|n| n.tag == "body"));
    }

    fn page() -> (Page, Vec<Hide>) {
        let page = Page::parse(
            "<html><body><p>Story &amp; more</p><aside class=a>Give</aside><p>End</p></body></html>",
        );
        let aside = page.select("aside.a").unwrap();
        assert_eq!(aside.len(), 1);
        let hide = vec![Hide {
            node: aside[0],
            category: Category::Appeal,
            reason: "test".into(),
        }];
        (page, hide)
    }

    #[test]
    fn marks_hidden_elements_in_the_output() {
        let (page, hide) = page();
        let out = page.marked(&hide);
        assert!(
            out.contains(r#"<aside class="a" data-quietread="appeal">Give</aside>"#),
            "{out}"
        );
        assert!(out.contains("Story &amp; more"));
    }

    #[test]
    fn cleaned_output_leaves_hidden_elements_out() {
        let (page, hide) = page();
        let out = page.cleaned(&hide);
        assert!(!out.contains("Give"), "{out}");
        assert!(out.contains("<p>Story &amp; more</p><p>End</p>"), "{out}");
    }

    #[test]
    fn bad_selectors_are_errors() {
        let (page, _) = page();
        assert!(page.select("p[").is_err());
        assert_eq!(page.select("p").unwrap().len(), 2);
    }
}
