//! Quote labels for a page: the article's text blocks (headline, standfirst, paragraphs) read
//! from the snapshot as one text, its quotations and speakers found, and each quotation mapped
//! back to the text nodes it starts and ends in, so the hands can draw a label without
//! touching the article's own nodes.

use crate::article::Article;
use crate::quotes;
use crate::snapshot::Tree;
use crate::word_set;
use crate::wordset::WordSet;
use serde::Serialize;

/// A quotation on the page and who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// Text node where the quotation starts, and the offset in it (UTF-16 units, as the DOM
    /// counts).
    pub start: (usize, usize),
    /// Text node where it ends, and the offset just after its last character.
    pub end: (usize, usize),
    /// The text block (paragraph, headline, list item...) where it starts: the hands place
    /// the label beside it without reading styles to find it.
    pub block: usize,
    /// The quotation itself, clipped for display.
    pub quote: String,
    /// Who said it.
    pub speaker: String,
    /// The speaker's role, when the article gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The sentence that attributes the quote, clipped for display.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
}

/// Longest quotation or attributing sentence shown in a label, in characters.
const DISPLAY_LIMIT: usize = 240;
/// Class words of a standfirst (the summary under a headline).
static STANDFIRST_WORDS: WordSet = word_set![
    "standfirst",
    "dek",
    "subtitle",
    "subheadline",
    "summary",
    "lede",
    "lead",
    "teaser",
    "intro",
    "deck",
    "subhead",
    "excerpt",
    "description",
];

/// The article's text blocks, in order: the page's headline, a standfirst near it, and the
/// article's paragraphs and quotations.
pub fn blocks(tree: &Tree, article: &Article) -> Vec<usize> {
    let Some(root) = article.root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let headline = (0..tree.len()).find(|&i| tree.node(i).tag == "h1" && tree.text_len[i] > 0);
    if let Some(h) = headline.filter(|&h| h < root || tree.contains(root, h)) {
        out.push(h);
        // A standfirst: a short block after the headline named as one.
        let standfirst = (h + 1..tree.len().min(h + 200)).find(|&i| {
            let n = tree.node(i);
            !n.is_text()
                && !tree.contains(root, i)
                && matches!(n.tag.as_ref(), "p" | "div" | "h2")
                && tree.text_len[i] > 0
                && tree.text_len[i] < 400
                && tree
                    .words(i)
                    .any(|ws| ws.iter().any(|w| STANDFIRST_WORDS.contains(&w.as_ref())))
        });
        out.extend(standfirst.filter(|&s| !tree.contains(s, root)));
    }
    // The headline and standfirst, found above; blocks found below come in order, once.
    let top = out.len();
    let end = tree.end[root];
    let mut i = root;
    while i < end {
        let n = tree.node(i);
        if !n.is_text()
            && !n.context
            && matches!(
                n.tag.as_ref(),
                "p" | "blockquote" | "li" | "h2" | "h3" | "figcaption"
            )
            && tree.text_len[i] > 0
            && !out[..top].contains(&i)
        {
            out.push(i);
            i = tree.end[i];
            continue;
        }
        i += 1;
    }
    out
}

/// The article's visible text blocks read out as one text, with where each character sits in
/// the page: what quotation finding needs, owned, so it can wait for a later call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleText {
    /// The blocks' characters, a line break between blocks.
    text: Vec<char>,
    /// For each character: its text node and the UTF-16 offset in it (`u32::MAX` for the
    /// breaks between blocks, and for a put-in space with no character after it in its
    /// block); a space put in for white space the hands left out holds the next character's.
    at: Vec<(u32, u32)>,
    /// Where each block's characters begin, and the block.
    starts: Vec<(usize, usize)>,
}

impl ArticleText {
    /// Read the article's blocks that stay visible (`hidden[i]` says whether node `i` will be
    /// hidden: its quotes get no label).
    pub fn read(tree: &Tree, article: &Article, hidden: &[bool]) -> ArticleText {
        let mut out = ArticleText::default();
        for b in blocks(tree, article) {
            if hidden.get(b).copied().unwrap_or(false) {
                continue;
            }
            if !out.text.is_empty() {
                out.text.push('\n');
                out.at.push((u32::MAX, 0));
            }
            let block_start = out.text.len();
            out.starts.push((block_start, b));
            // A space the hands left out (white space alone between two elements) stands
            // where the next character is.
            let mut gap = None;
            for j in b..tree.end[b] {
                let node = tree.node(j);
                if node.space && gap.is_none() && out.text.len() > block_start {
                    gap = Some(out.at.len());
                    out.text.push(' ');
                    out.at.push((u32::MAX, 0));
                }
                if !tree.is_page_text(j) {
                    continue;
                }
                let mut offset = 0u32;
                for c in node.text.chars() {
                    if let Some(g) = gap.take() {
                        out.at[g] = (j as u32, offset);
                    }
                    out.text.push(if c == '\n' || c == '\r' { ' ' } else { c });
                    out.at.push((j as u32, offset));
                    offset = offset.saturating_add(c.len_utf16() as u32);
                }
            }
        }
        out
    }

    /// Whether there is no text to look for quotations in.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The nodes its labels may name: its text nodes (each once, in order) and its blocks.
    pub fn nodes(&self) -> impl Iterator<Item = usize> + '_ {
        let mut last = u32::MAX;
        let texts = self.at.iter().filter_map(move |&(node, _)| {
            let new = node != u32::MAX && node != last;
            last = node;
            new.then_some(node as usize)
        });
        texts.chain(self.starts.iter().map(|s| s.1))
    }

    /// Its length in characters.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Text not from a page: every character in one block, at node 0 (for tests).
    #[cfg(test)]
    pub(crate) fn from_chars(text: Vec<char>) -> ArticleText {
        let at = (0..text.len() as u32).map(|i| (0, i)).collect();
        ArticleText {
            text,
            at,
            starts: vec![(0, 0)],
        }
    }

    /// The quotations with a speaker, mapped back to the text nodes they start and end in.
    #[inline(never)]
    pub fn labels(&self) -> Vec<Label> {
        let (text, at) = (&self.text, &self.at);
        let mut out = Vec::new();
        for q in quotes::find_chars(text) {
            let Some(speaker) = q.speaker else { continue };
            if q.end == 0 || q.end > at.len() || q.start >= q.end {
                continue;
            }
            let (sn, so) = at[q.start];
            let (en, eo) = at[q.end - 1];
            if sn == u32::MAX || en == u32::MAX {
                continue;
            }
            let last = text[q.end - 1];
            let block = self.starts[self.starts.partition_point(|&(c, _)| c <= q.start) - 1].1;
            out.push(Label {
                start: (sn as usize, so as usize),
                end: (en as usize, eo as usize + last.len_utf16()),
                block,
                quote: clip(&text[q.start..q.end]),
                speaker,
                role: q.role,
                cue: q.cue.map(|(a, b)| clip(&text[a..b.min(text.len())])),
            });
        }
        out
    }
}

/// Find the quotations in the article's blocks and map them to text nodes. `hidden[i]` says
/// whether node `i` will be hidden (its quotes get no label).
pub fn find(tree: &Tree, article: &Article, hidden: &[bool]) -> Vec<Label> {
    ArticleText::read(tree, article, hidden).labels()
}

fn clip(chars: &[char]) -> String {
    let s: String = chars.iter().take(DISPLAY_LIMIT).collect();
    if chars.len() > DISPLAY_LIMIT {
        format!("{}…", s.trim_end())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::Page;

    #[test]
    fn labels_point_into_text_nodes() {
        let page = Page::parse(
            "<body><h1>Port says it is ‘ready to talk’</h1><div class=story>\
             <p>Harbour master Ida Lunde said the port was ready, and that it would reopen soon, after the storm, if the weather held.</p>\
             <p>“We will open on <b>Monday</b>, whatever happens,” Ms Lunde said.</p>\
             <p>The works cost more than planned, the council said, and took longer, as everyone expected, in the end.</p></div></body>",
        );
        let tree = Tree::new(&page.snapshot);
        let article = crate::article::find(&tree);
        let hidden = vec![false; tree.len()];
        let labels = find(&tree, &article, &hidden);
        let monday = labels
            .iter()
            .find(|l| l.quote.contains("Monday"))
            .expect("a label");
        assert_eq!(monday.speaker, "Ida Lunde");
        assert_eq!(page.snapshot.nodes[monday.block].tag, "p");
        assert!(tree.contains(monday.block, monday.start.0));
        assert_eq!(monday.role.as_deref(), Some("Harbour master"));
        let utf16 =
            |node: usize| -> Vec<u16> { page.snapshot.nodes[node].text.encode_utf16().collect() };
        let start = String::from_utf16(&utf16(monday.start.0)[monday.start.1..]).unwrap();
        assert!(start.starts_with("We will open"), "{start}");
        let end = String::from_utf16(&utf16(monday.end.0)[..monday.end.1]).unwrap();
        assert!(end.ends_with("happens,"), "{end}");
        assert!(monday.cue.as_deref().unwrap().contains("Ms Lunde said"));
    }

    #[test]
    fn white_space_left_out_between_elements_parts_names_and_quotes() {
        let page = Page::parse(
            "<body><div class=story>\
             <p>Harbour master Ida Lunde said the port was ready, and that it would reopen soon, after the storm, if the weather held.</p>\
             <p>\u{201c}We open on <b>Monday</b> <i>whatever happens</i>,\u{201d} said <b>Ida</b> <i>Lunde</i>.</p>\
             <p>The works cost more than planned, the council said, and took longer, as everyone expected, in the end.</p></div></body>",
        );
        // The spaces between the elements are in no text node of the snapshot.
        assert!(page.snapshot.nodes.iter().all(|n| n.text != " "));
        let tree = Tree::new(&page.snapshot);
        let article = crate::article::find(&tree);
        let text = ArticleText::read(&tree, &article, &vec![false; tree.len()]);
        let read: String = text.text.iter().collect();
        assert!(
            read.contains("Monday whatever happens,\u{201d} said Ida Lunde."),
            "{read}"
        );
        // Every character is where it says, but a put-in space, which points at the next one.
        let unit = |(node, offset): (u32, u32)| {
            let text = &page.snapshot.nodes[node as usize].text;
            text.encode_utf16().nth(offset as usize)
        };
        for (k, &c) in text.text.iter().enumerate() {
            let at = text.at[k];
            if at.0 == u32::MAX {
                continue;
            }
            let here = unit(at) == Some(c as u16);
            let put_in = c == ' ' && text.at.get(k + 1) == Some(&at);
            assert!(here || put_in, "character {k} {c:?} at {at:?}");
        }
        let label = &text.labels()[0];
        assert_eq!(label.speaker, "Ida Lunde");
        assert_eq!(label.quote, "We open on Monday whatever happens,");
        assert_eq!(
            unit((label.start.0 as u32, label.start.1 as u32)),
            Some(u16::from(b'W'))
        );
        assert_eq!(
            unit((label.end.0 as u32, label.end.1 as u32 - 1)),
            Some(u16::from(b','))
        );
    }
}
