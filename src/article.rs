//! Finding the article: a Readability-style score over paragraphs (text length, commas, link
//! density, class words), giving the article's root element and its paragraphs.

use crate::word_set;
use crate::wordset::WordSet;

use crate::snapshot::Tree;

/// The article region of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The element holding the article's paragraphs, if one stands out.
    pub root: Option<usize>,
    /// Paragraphs of article text inside the root, in document order.
    pub paragraphs: Vec<usize>,
    /// Visible characters in those paragraphs.
    pub text_len: u64,
}

/// Tags whose text is read as paragraphs.
const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "td"];

/// Block tags: a `div` without any of these children holding text is scored as a paragraph.
static BLOCK_TAGS: WordSet = word_set![
    "p",
    "div",
    "section",
    "article",
    "aside",
    "ul",
    "ol",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "form",
    "header",
    "footer",
    "nav",
    "figure",
    "dl",
];

/// Class and id words that make an element less likely to be the article.
static NEGATIVE: WordSet = word_set![
    "comment",
    "comments",
    "footer",
    "sidebar",
    "share",
    "social",
    "nav",
    "menu",
    "related",
    "promo",
    "sponsor",
    "ad",
    "ads",
    "widget",
    "newsletter",
    "modal",
    "popup",
    "masthead",
];

/// Class and id words that make an element more likely to be the article.
static POSITIVE: WordSet = word_set![
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// Class and id words of page parts that are not the article (reader comments above all):
/// their paragraphs are not scored, unless the same element also says it is content.
static UNLIKELY: WordSet = word_set![
    "comment",
    "comments",
    "disqus",
    "respond",
    "replies",
    "kommentare",
    "commentaires",
    "comentarios",
    "sidebar",
    "footer",
    "related",
    "sponsor",
    "popup",
    "modal",
    "newsletter",
    "community",
];

/// For each node, whether it sits inside a part of the page that is unlikely to be the article.
fn unlikely_flags(tree: &Tree) -> Vec<bool> {
    let mut flags = vec![false; tree.len()];
    let total = tree.text_len.iter().copied().max().unwrap_or(0);
    for i in 0..tree.len() {
        if let Some(p) = tree.parent[i] {
            flags[i] = flags[p];
        }
        // A wrapper around most of the page is not a side part, whatever its name.
        if flags[i] || tree.node(i).is_text() || tree.text_len[i] * 2 > total {
            continue;
        }
        let has = |list: &WordSet| {
            tree.words(i)
                .any(|ws| ws.iter().any(|w| list.contains(&w.as_ref())))
        };
        flags[i] = has(&UNLIKELY) && !has(&POSITIVE);
    }
    flags
}

/// Shortest text, in visible characters, that counts as a paragraph.
pub const MIN_PARAGRAPH: u32 = 25;

fn is_paragraph(tree: &Tree, i: usize) -> bool {
    let tag = tree.node(i).tag.as_ref();
    if PARAGRAPH_TAGS.contains(&tag) {
        return true;
    }
    // Block children without text (spacers, "fake br" boxes, empty ad slots) do not make a
    // `div` a container.
    tag == "div"
        && !tree
            .children(i)
            .any(|c| tree.text_len[c] > 0 && BLOCK_TAGS.contains(&tree.node(c).tag.as_ref()))
}

/// Whether element `i` is one of the article's paragraphs: a `p`, or a `div` of text that
/// holds no `p` (whose text would then count twice). `holds_p` is `holds_paragraph`'s.
fn is_text_block(tree: &Tree, i: usize, holds_p: &[bool]) -> bool {
    let n = tree.node(i);
    !n.is_text() && (n.tag == "p" || (n.tag == "div" && !holds_p[i] && is_paragraph(tree, i)))
}

/// For each node, whether a `p` sits somewhere inside it.
fn holds_paragraph(tree: &Tree) -> Vec<bool> {
    let mut holds = vec![false; tree.len()];
    for i in (0..tree.len()).rev() {
        if let Some(p) = tree.parent[i] {
            holds[p] |= holds[i] || tree.node(i).tag == "p";
        }
    }
    holds
}

fn class_weight(tree: &Tree, i: usize) -> f64 {
    let mut weight: f64 = 0.0;
    for words in tree.words(i) {
        if words.iter().any(|w| NEGATIVE.contains(&w.as_ref())) {
            weight -= 25.0;
        }
        if words.iter().any(|w| POSITIVE.contains(&w.as_ref())) {
            weight += 25.0;
        }
    }
    weight.clamp(-50.0, 50.0)
}

fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Find the article region.
pub fn find(tree: &Tree) -> Article {
    let first = find_with(tree, &unlikely_flags(tree));
    if first.text_len >= RETRY_BELOW {
        return first;
    }
    // Too little found: perhaps a wrapper had an unlikely name. Try again without the flags.
    let second = find_with(tree, &vec![false; tree.len()]);
    if second.text_len > first.text_len {
        second
    } else {
        first
    }
}

/// The article in a mutation batch: the element the full pass found (sent back by the hands as
/// a context node), the new paragraphs inside it, and the article's size at the full pass.
pub fn from_batch(tree: &Tree, article_text: u64) -> Article {
    let Some(root) = (0..tree.len()).find(|&i| tree.node(i).article) else {
        return Article {
            text_len: article_text,
            ..Article::default()
        };
    };
    let holds_p = holds_paragraph(tree);
    let paragraphs: Vec<usize> = (root..tree.len())
        .take_while(|&i| i == root || tree.contains(root, i))
        .filter(|&i| {
            is_text_block(tree, i, &holds_p)
                && !tree.node(i).context
                && tree.text_len[i] >= MIN_PARAGRAPH
        })
        .collect();
    let new: u64 = paragraphs.iter().map(|&p| tree.text_len[p] as u64).sum();
    Article {
        root: Some(root),
        paragraphs,
        text_len: article_text.max(new),
    }
}

/// Paragraph text, in visible characters, below which the search runs again without
/// skipping unlikely parts.
const RETRY_BELOW: u64 = 500;

fn find_with(tree: &Tree, unlikely: &[bool]) -> Article {
    let n = tree.len();
    let mut score = vec![0.0f64; n];
    let mut scored = vec![false; n];
    for (i, &skip) in unlikely.iter().enumerate() {
        let node = tree.node(i);
        if node.is_text() || skip || tree.text_len[i] < MIN_PARAGRAPH || !is_paragraph(tree, i) {
            continue;
        }
        let content = 1.0 + tree.commas[i] as f64 + (tree.text_len[i] as f64 / 100.0).min(3.0);
        for (level, a) in tree.ancestors(i).take(5).enumerate() {
            if !scored[a] {
                scored[a] = true;
                score[a] = tag_weight(&tree.node(a).tag) + class_weight(tree, a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[a] += content / divider;
        }
    }
    let mut best: Option<(usize, f64)> = None;
    for i in 0..n {
        if !scored[i] || matches!(tree.node(i).tag.as_ref(), "html" | "body") {
            continue;
        }
        let s = score[i] * (1.0 - tree.link_density(i));
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    let Some((root, _)) = best else {
        return Article::default();
    };
    let holds_p = holds_paragraph(tree);
    let paragraphs: Vec<usize> = (root..n)
        .take_while(|&i| i == root || tree.contains(root, i))
        .filter(|&i| {
            is_text_block(tree, i, &holds_p)
                && !unlikely[i]
                && tree.text_len[i] >= MIN_PARAGRAPH
                && tree.link_density(i) < 0.5
        })
        .collect();
    let text_len = paragraphs.iter().map(|&p| tree.text_len[p] as u64).sum();
    Article {
        root: Some(root),
        paragraphs,
        text_len,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Node, Snapshot, TEXT};

    pub(crate) fn push(nodes: &mut Vec<Node>, parent: i64, tag: &str, class: &str) -> i64 {
        nodes.push(Node {
            parent,
            tag: tag.to_string().into(),
            class: class.to_string().into(),
            ..Node::default()
        });
        (nodes.len() - 1) as i64
    }

    fn para(nodes: &mut Vec<Node>, parent: i64, text: &str) -> i64 {
        let p = push(nodes, parent, "p", "");
        nodes.push(Node {
            parent: p,
            tag: TEXT.into(),
            text: text.to_string().into(),
            ..Node::default()
        });
        p
    }

    #[test]
    fn picks_the_block_with_the_prose() {
        let mut nodes = Vec::new();
        let body = push(&mut nodes, -1, "body", "");
        let nav = push(&mut nodes, body, "div", "nav");
        para(&mut nodes, nav, "Home, World, Politics, Sport, Culture");
        let story = push(&mut nodes, body, "div", "story-body");
        for _ in 0..5 {
            para(
                &mut nodes,
                story,
                "The harbour council met on Tuesday, and after a long debate, it agreed to \
                 delay the vote on the new quay until the spring.",
            );
        }
        let snap = Snapshot {
            url: String::new(),
            nodes,
            partial: None,
            places: Vec::new(),
        };
        let tree = Tree::new(&snap);
        let article = find(&tree);
        assert_eq!(article.root, Some(story as usize));
        assert_eq!(article.paragraphs.len(), 5);
        assert!(article.text_len > 400);
    }

    #[test]
    fn text_runs_split_by_empty_boxes_are_a_paragraph() {
        let page = crate::html::Page::parse(
            "<body><div class=wrap><div class=story>The quay will close for a month, the council \
             said, while divers check the piles.<div class=br></div>Ferries will use the north \
             slip, which has no ramp, until the work is done.</div></div>\
             <div class=side><p>By joining you accept our terms of use.</p></div></body>",
        );
        let tree = Tree::new(&page.snapshot);
        let article = find(&tree);
        let story = page.select("div.story").unwrap()[0];
        assert_eq!(
            article.root,
            page.select("div.wrap").unwrap().first().copied()
        );
        assert_eq!(article.paragraphs, vec![story]);
    }

    #[test]
    fn a_div_holding_paragraphs_is_not_one_itself() {
        let p = "<p>The quay will close for a month, the council said, while divers check it.</p>";
        let page = crate::html::Page::parse(&format!(
            "<body><div class=wrap><div class=body><span>{p}{p}</span></div></div></body>"
        ));
        let tree = Tree::new(&page.snapshot);
        let article = find(&tree);
        assert_eq!(article.paragraphs, page.select("p").unwrap());
    }

    #[test]
    fn empty_page_has_no_article() {
        let snap = Snapshot::default();
        assert_eq!(find(&Tree::new(&snap)), Article::default());
    }
}
