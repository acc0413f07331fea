//! Finding the box a signal belongs to: from the element that carried a clutter signal (a
//! phrase, a class word, a form, a widget), climb to the whole prompt, appeal or thread, and
//! stop before anything that belongs to the article or to another part of the page.

use crate::article::Article;
use crate::lowercase::Lowercase;
use crate::rules::Category;
use crate::snapshot::Tree;
use crate::word_set;
use crate::wordset::WordSet;

/// Tags a box never grows into.
const STOP_TAGS: &[&str] = &["html", "body", "main", "article", "header", "footer", "nav"];
/// Share of the article's paragraph text a container must hold directly to be its flow.
const FLOW_SHARE: f64 = 0.25;
/// How many levels a signal climbs at most.
const CLIMB_LEVELS: usize = 8;
/// Longest text (visible characters) of a box found from a phrase or a form.
pub const TEXT_BOX_LIMIT: u32 = 1500;
/// How much text a box found from a class word or widget may gain by climbing (a heading, a
/// count, a line of small print).
const STRUCTURE_SLACK: u32 = 160;
/// Most nodes a climb looks through beside the box at one step: a prompt does not take in
/// thousands of nodes of something else, and each step of each climb stays cheap.
const ADDED_NODE_LIMIT: usize = 2000;
/// Most article-paragraph text a box may take in while climbing (a box's own blurb that the
/// article finder counted as a paragraph), in visible characters.
const ABSORB_LIMIT: u32 = 450;

/// What the climb needs to know about the page, computed once.
pub struct Boxes<'a> {
    tree: &'a Tree<'a>,
    article: &'a Article,
    /// 0: not an article paragraph; 1: an article paragraph; 2: one standing among its
    /// siblings in the article's flow (never taken into a box).
    para: Vec<u8>,
    /// Per node, the categories of the clutter signals it carries (one bit each).
    signals: Vec<u8>,
}

impl<'a> Boxes<'a> {
    /// Prepare for climbing on one page.
    pub fn new(tree: &'a Tree<'a>, article: &'a Article) -> Self {
        // A flow container holds a real share of the article's paragraphs as its own children.
        let mut para = vec![0u8; tree.len()];
        let mut own = vec![0u64; tree.len()];
        for &p in &article.paragraphs {
            para[p] = 1;
            if let Some(parent) = tree.parent[p] {
                own[parent] += tree.text_len[p] as u64;
            }
        }
        let flow = |parent: usize| own[parent] as f64 >= FLOW_SHARE * article.text_len as f64;
        for &p in &article.paragraphs {
            if tree.parent[p].is_some_and(flow) {
                para[p] = 2;
            }
        }
        Boxes {
            tree,
            article,
            para,
            signals: vec![0; tree.len()],
        }
    }

    /// Note the signals found on the page: a box grown from one kind of clutter stops before
    /// taking in a signal of another kind (an appeal beside a newsletter sign-up is two boxes,
    /// each hidden under its own switch).
    pub fn note_signals(&mut self, found: impl Iterator<Item = (usize, Category)>) {
        for (origin, category) in found {
            self.signals[origin] |= bit(category);
        }
    }

    /// Whether node `i` is an article paragraph in the article's own flow.
    pub fn is_flow_paragraph(&self, i: usize) -> bool {
        self.para[i] == 2
    }

    /// Climb from `start` to the box it belongs to. `structural` signals (class words, widget
    /// hosts) already name their box and may only take in a little around it.
    pub fn climb(&self, start: usize, category: Category, structural: bool) -> usize {
        let tree = self.tree;
        // A comment link or button (a count teaser) is its own box.
        if category == Category::Comments {
            if let Some(link) = tree.link_around(start, 2) {
                return link;
            }
            if tree.node(start).tag == "button" {
                return start;
            }
        }
        let limit = if structural {
            tree.text_len[start].saturating_add(STRUCTURE_SLACK)
        } else {
            TEXT_BOX_LIMIT
        };
        let mut cur = start;
        let mut heading = self.has_heading(start);
        let mut absorbed = 0u32;
        for _ in 0..CLIMB_LEVELS {
            let Some(p) = tree.parent[cur] else { break };
            if tree.node(p).context
                || STOP_TAGS.contains(&tree.node(p).tag.as_ref())
                || tree.text_len[p] > limit
                || self.article.root.is_some_and(|r| tree.contains(p, r))
            {
                break;
            }
            let added = self.added(p, cur);
            if added.too_big
                || added.flow
                || added.prose
                || added.header
                || added.footer
                || (added.heading && heading)
                || added.signals & !bit(category) != 0
                || absorbed + added.paragraphs > ABSORB_LIMIT
                || (added.text > 80 && added.links * 2 > added.text)
            {
                break;
            }
            heading |= added.heading;
            absorbed += added.paragraphs;
            cur = p;
        }
        cur
    }

    /// Whether a heading opens the box at `from` (looked for among its first nodes only, so
    /// nested signals do not each walk a large subtree).
    fn has_heading(&self, from: usize) -> bool {
        let end = crate::clutter::subtree_end(self.tree, from);
        (from..end)
            .take(ADDED_NODE_LIMIT)
            .any(|j| is_heading(self.tree, j))
    }

    /// What `parent` holds besides `child`'s subtree.
    fn added(&self, parent: usize, child: usize) -> Added {
        let tree = self.tree;
        let child_end = crate::clutter::subtree_end(tree, child);
        let end = crate::clutter::subtree_end(tree, parent);
        let mut out = Added::default();
        let mut j = parent + 1;
        let mut seen = 0;
        while j < end {
            if j == child {
                j = child_end;
                continue;
            }
            seen += 1;
            if seen > ADDED_NODE_LIMIT {
                out.too_big = true;
                break;
            }
            let node = tree.node(j);
            if node.is_text() {
                out.text += tree.text_len[j];
            } else {
                if node.tag == "a" {
                    out.links += tree.link_len[j];
                }
                out.heading |= is_heading(tree, j);
                out.header |= matches!(node.tag.as_ref(), "h1" | "time");
                out.footer |= node.tag == "footer" || node.attr("role") == Some("contentinfo");
                out.prose |= self.is_prose(j);
                out.signals |= self.signals[j];
                match self.para[j] {
                    2 => out.flow = true,
                    1 => out.paragraphs += tree.text_len[j],
                    _ => {}
                }
            }
            j += 1;
        }
        out
    }
}

/// Content an ancestor adds to a box.
#[derive(Default)]
struct Added {
    text: u32,
    links: u32,
    heading: bool,
    flow: bool,
    prose: bool,
    /// A headline or a date: the top of an article.
    header: bool,
    /// The page's footer (a box with a menu or masthead in it is refused later, as a whole).
    footer: bool,
    paragraphs: u32,
    /// Categories of the clutter signals in it.
    signals: u8,
    /// More than `ADDED_NODE_LIMIT` nodes: not looked through to the end.
    too_big: bool,
}

fn bit(category: Category) -> u8 {
    1 << category as u8
}

impl Boxes<'_> {
    /// A block of running text that is not the publisher talking to the reader: something a
    /// box must not take in, whether or not the article finder counted it.
    fn is_prose(&self, i: usize) -> bool {
        let tree = self.tree;
        let node = tree.node(i);
        if !matches!(
            node.tag.as_ref(),
            "p" | "div" | "li" | "blockquote" | "td" | "dd"
        ) || tree.text_len[i] < PROSE_MIN
            || tree.link_density(i) > 0.3
        {
            return false;
        }
        // Only blocks with text of their own, so a wrapper is not judged twice.
        let own: u32 = tree
            .children(i)
            .filter(|&c| tree.node(c).is_text())
            .map(|c| tree.text_len[c])
            .sum();
        if own * 2 < tree.text_len[i] {
            return false;
        }
        !addresses_reader(&tree.text(i, 600))
    }
}

/// Shortest block, in visible characters, that counts as running text.
const PROSE_MIN: u32 = 100;

/// Words with which a publisher speaks to its reader ("you", "our", "Sie", "nous"...).
static READER_WORDS: WordSet = word_set![
    "you", "your", "we", "our", "us", "sie", "ihr", "ihre", "ihnen", "wir", "unser", "unsere",
    "unseren", "uns", "vous", "votre", "vos", "nous", "notre", "nos", "tu", "tus", "usted",
    "nuestro", "nuestra", "nuestros", "nuestras", "nosotros", "te", "du", "dich", "dir", "dein",
    "deine", "euch", "euer", "eure", "toi", "ton", "ta", "tes", "tú", "ti",
];

/// Whether a text speaks to its reader in the first person plural or the second person.
pub fn addresses_reader(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() <= 9 && READER_WORDS.contains(&w.lowercase().as_str()))
}

fn is_heading(tree: &Tree, i: usize) -> bool {
    let node = tree.node(i);
    matches!(node.tag.as_ref(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
        || node.attr("role") == Some("heading")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::html::Page;

    fn climb_from(html: &str, start: &str, structural: bool) -> String {
        let page = Page::parse(html);
        let tree = Tree::new(&page.snapshot);
        let article = article::find(&tree);
        let boxes = Boxes::new(&tree, &article);
        let start = page.select(start).unwrap()[0];
        let b = boxes.climb(start, Category::Appeal, structural);
        let n = tree.node(b);
        format!("{}.{}", n.tag, n.class)
    }

    const PROSE: &str = "The island council voted on Tuesday, after a long and heated debate, to \
        delay the new quay until the spring, citing the cost of steel and the weather.";

    fn article_with(boxed: &str) -> String {
        let p = format!("<p>{PROSE}</p>");
        format!(
            "<body><article><h1>Quay delayed</h1><div class=body>{p}{p}{boxed}{p}{p}</div></article>\
             <aside class=rail><h2>Most read</h2><ul><li><a href=/a>One headline here</a></li>\
             <li><a href=/b>Another headline here</a></li></ul></aside></body>"
        )
    }

    #[test]
    fn a_phrase_climbs_to_its_whole_box_but_not_into_the_article() {
        let html = article_with(
            "<div class=x1><h3 class=t>Your support helps us</h3><p>We are a small newsroom and \
             you keep us going.</p><a href=/give>Give</a></div>",
        );
        assert_eq!(climb_from(&html, "h3.t", false), "div.x1");
    }

    #[test]
    fn a_box_stops_before_a_second_heading() {
        let html = "<body><div class=rail><div class=nl><h3 class=t>Newsletter</h3><p>Sign up \
             to our newsletter</p></div><div class=mr><h3>Most read</h3><p>Something</p></div></div></body>";
        assert_eq!(climb_from(html, "h3.t", false), "div.nl");
    }

    #[test]
    fn a_box_never_takes_in_running_text() {
        let html = format!(
            "<body><div id=story><p>{PROSE}</p><p>More of it: {PROSE}</p><a class=c>comments</a></div></body>"
        );
        assert_eq!(climb_from(&html, "a.c", false), "a.c");
    }

    #[test]
    fn reader_address_is_found_in_four_languages() {
        assert!(addresses_reader("If our reporting matters to you"));
        assert!(addresses_reader("Unterstützen Sie uns"));
        assert!(addresses_reader("Soutenez-nous"));
        assert!(addresses_reader("Apoya nuestro periodismo"));
        assert!(!addresses_reader("The council voted to delay the quay."));
    }

    #[test]
    fn a_class_word_takes_in_only_a_heading() {
        let html = "<body><section class=s><h2>Discussion</h2><div id=disqus_thread></div>\
             </section><section class=big><p>Long text here, long text here, long text here, long \
             text here, long text here, long text here, long text here, long text here, long text \
             here, long text here, long text here, long text here, long text here.</p></section></body>";
        assert_eq!(climb_from(html, "#disqus_thread", true), "section.s");
    }
}
