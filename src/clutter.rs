//! The clutter engine: reads the rule tables against a page tree, finds the box each signal
//! belongs to, and keeps only the boxes that hold no article text.

use crate::article::Article;
use crate::boxes::{Boxes, TEXT_BOX_LIMIT};
use crate::rules::{Category, WordRule, BACKDROP_WORDS};
use crate::signals::{self, Signal};
use crate::snapshot::{NameKind, Tree};
use serde::Serialize;

/// One element to hide.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hide {
    /// Index of the element in the snapshot.
    pub node: usize,
    /// What kind of clutter it is.
    pub category: Category,
    /// Why, in a few words a person can read.
    pub reason: String,
}

/// Largest share of the article's paragraph text that a hidden box may hold.
const ARTICLE_SHARE_LIMIT: f64 = 0.3;

/// How strong a signal is; class words and structure are stronger than loose text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Text,
    Structure,
}

#[derive(Debug, Clone)]
struct Hit {
    origin: usize,
    node: usize,
    category: Category,
    reason: String,
    strength: Strength,
}

impl Hit {
    fn from_signal(s: Signal, boxes: &Boxes) -> Hit {
        Hit {
            origin: s.origin,
            node: boxes.climb(s.origin, s.category, s.structural),
            category: s.category,
            reason: s.reason,
            strength: if s.structural {
                Strength::Structure
            } else {
                Strength::Text
            },
        }
    }
}

/// Find the elements to hide, for the enabled categories.
pub fn find(tree: &Tree, article: &Article, enabled: &[Category]) -> Vec<Hide> {
    let nav = navigation_flags(tree);
    let in_article = article_flags(tree, article);
    let rules = signals::name_rules(tree);
    let named = article_names(tree, article, &rules);
    let mut boxes = Boxes::new(tree, article);
    let store_links = signals::StoreLinks::new(tree);
    let mut signals = Vec::new();
    let mut memo = signals::PhraseMemo::default();
    for i in 0..tree.len() {
        let node = tree.node(i);
        // Links to a newsletter page or a comments page in a menu are navigation; context
        // nodes of a mutation batch were read before.
        if node.is_text() || tree.opaque[i] || node.context {
            continue;
        }
        if let Some(s) = signals::phrase_signal(tree, i, in_article[i], &mut memo) {
            // Inside a menu only a block of text speaks for itself ("Support us" over the
            // menu's own links); its entries are navigation whatever they say.
            if !nav[i] || (s.category != Category::Comments && tree.link_around(i, 3).is_none()) {
                signals.push(s);
            }
        }
        if nav[i] {
            continue;
        }
        if matches!(node.tag.as_ref(), "html" | "head" | "body" | "main") {
            continue;
        }
        let skip = |rule: &WordRule| {
            named
                .iter()
                .any(|&(a, r)| std::ptr::eq(r, rule) && tree.contains(a, i))
        };
        let found = [
            signals::word_signal(tree, i, &rules, skip),
            signals::host_signal(tree, i),
            signals::form_signal(tree, i),
            signals::store_signal(tree, &store_links, i, in_article[i]),
        ];
        signals.extend(found.into_iter().flatten());
    }
    // One climb per place and kind: a form of many e-mail fields gives one signal per field,
    // all from the same form (the first reason found is kept, as before).
    let mut seen = vec![0u8; tree.len()];
    signals.retain(|s| {
        let bit = 1u8 << (s.category as u8 * 2 + s.structural as u8);
        let fresh = seen[s.origin] & bit == 0;
        seen[s.origin] |= bit;
        fresh
    });
    boxes.note_signals(signals.iter().map(|s| (s.origin, s.category)));
    let mut hits: Vec<Hit> = signals
        .into_iter()
        .map(|s| Hit::from_signal(s, &boxes))
        .collect();
    overlay_hits(tree, &mut hits);
    between_hits(tree, &mut hits);

    let headline = (0..tree.len()).find(|&j| tree.node(j).tag == "h1");
    let hits: Vec<Hit> = hits
        .into_iter()
        .filter(|h| enabled.contains(&h.category))
        .filter_map(|h| fitted(tree, article, &boxes, headline, h))
        .filter(|h| !(nav[h.origin] && holds_list(tree, h.node)))
        .collect();
    // Outermost first, a node's structural hit before its text hit, and of equal hits the
    // first found; an element inside a box already hidden needs nothing more. The order is
    // a sort of (node, strength) packed in one number, like the sorts in `between_hits` and
    // the plan's, so that the wasm carries the sort's code once.
    let key = |h: &Hit| h.node << 1 | usize::from(h.strength != Strength::Structure);
    let mut keys: Vec<usize> = hits.iter().map(key).collect();
    keys.sort_unstable();
    keys.dedup();
    // The first hit found for each key, by the key's place in the sorted list.
    let mut first = vec![usize::MAX; keys.len()];
    for (i, h) in hits.iter().enumerate() {
        if let Ok(slot) = keys.binary_search(&key(h)) {
            if first[slot] == usize::MAX {
                first[slot] = i;
            }
        }
    }
    let mut hits: Vec<Option<Hit>> = hits.into_iter().map(Some).collect();
    let mut out: Vec<Hide> = Vec::new();
    for i in first {
        let Some(h) = hits.get_mut(i).and_then(Option::take) else {
            continue;
        };
        if let Some(last) = out.last() {
            if tree.contains(last.node, h.node) {
                continue;
            }
        }
        out.push(Hide {
            node: h.node,
            category: h.category,
            reason: h.reason,
        });
    }
    out
}

/// The hit itself when the guard allows its box; otherwise, for a class word or widget, the
/// element that carries it (a comment link whose climb reached a column holding the headline
/// is still a comment link).
fn fitted(
    tree: &Tree,
    article: &Article,
    boxes: &Boxes,
    headline: Option<usize>,
    h: Hit,
) -> Option<Hit> {
    if allowed(tree, article, boxes, headline, &h) {
        return Some(h);
    }
    if h.strength != Strength::Structure || h.origin == h.node {
        return None;
    }
    let own = Hit {
        node: h.origin,
        ..h
    };
    allowed(tree, article, boxes, headline, &own).then_some(own)
}

/// The guard: a box may be hidden only when it holds no meaningful share of the article, and
/// a box found from text alone only when it is small and holds none of the article's flow.
/// `headline` is the page's first `h1`.
fn allowed(
    tree: &Tree,
    article: &Article,
    boxes: &Boxes,
    headline: Option<usize>,
    h: &Hit,
) -> bool {
    let node = h.node;
    if tree.node(node).context || matches!(tree.node(node).tag.as_ref(), "html" | "body" | "main") {
        return false;
    }
    if let Some(root) = article.root {
        if tree.contains(node, root) {
            return false;
        }
        if tree.contains(root, node) && article.text_len > 0 {
            // Paragraphs are in document order: those inside the box are one run of them.
            let ps = &article.paragraphs;
            let from = ps.partition_point(|&p| p < node);
            let to = ps.partition_point(|&p| p < tree.end[node]);
            let mut inside = 0u64;
            for &p in &ps[from..to] {
                if h.strength == Strength::Text && p != h.origin && boxes.is_flow_paragraph(p) {
                    return false;
                }
                inside += tree.text_len[p] as u64;
            }
            if inside as f64 > ARTICLE_SHARE_LIMIT * article.text_len as f64 {
                return false;
            }
        }
    }
    if holds_page_frame(tree, node, headline) {
        return false;
    }
    h.strength == Strength::Structure || tree.text_len[node] <= TEXT_BOX_LIMIT
}

/// Whether a box holds the page's frame (its menu, masthead or headline): a wrapper that a
/// site named for its subscription state, not a prompt. Dialogs and overlays are prompts
/// whatever they hold.
fn holds_page_frame(tree: &Tree, node: usize, headline: Option<usize>) -> bool {
    if is_modal(tree, node) || is_overlay(tree, node) {
        return false;
    }
    let end = subtree_end(tree, node);
    (node + 1..end).any(|j| {
        let n = tree.node(j);
        n.tag == "nav"
            || Some(j) == headline
            || matches!(n.attr("role"), Some("navigation" | "banner" | "menubar"))
    })
}

/// Most siblings between two prompts of one kind that are taken as part of the same message.
const BETWEEN_LIMIT: usize = 4;
/// Longest text (visible characters) of the siblings between two such prompts.
const BETWEEN_TEXT: u32 = 1200;
/// Words that tie a paragraph to a prompt around it (an offer, a membership, a gift).
const OFFER_WORDS: &[&str] = &[
    "subscri",
    "abonn",
    "member",
    "join",
    "access",
    "suscri",
    "mitglied",
    "offer",
    "angebot",
    "donat",
    "spend",
    "support",
    "renew",
    "gift",
    "sign up",
    "newsletter",
];

/// A message several paragraphs long with no box around it ("To view the full story,
/// subscribe ... [what you get] ... Already a subscriber? Log in"): the paragraphs between
/// two prompts of the same kind, among the same siblings, when each of them speaks to the
/// reader or about the offer.
fn between_hits(tree: &Tree, hits: &mut Vec<Hit>) {
    // (node, category) packed in one number, so this sort shares its code with the plan's
    // sort of node numbers (each sort instantiated costs the wasm kilobytes).
    let mut text: Vec<usize> = hits
        .iter()
        .filter(|h| h.strength == Strength::Text)
        .map(|h| h.node << 2 | h.category as usize)
        .collect();
    text.sort_unstable();
    text.dedup();
    let unpack = |p: usize| (p >> 2, Category::ALL[p & 3]);
    let mut extra = Vec::new();
    for pair in text.windows(2) {
        let ((a, ca), (b, cb)) = (unpack(pair[0]), unpack(pair[1]));
        let Some(parent) = tree.parent[a] else {
            continue;
        };
        if a >= b || ca != cb || tree.parent[b] != Some(parent) {
            continue;
        }
        // The element siblings from `a` to `b`, walked one subtree at a time (all the
        // parent's children per pair would cost a long list of prompts its square); a run too
        // long is given up on.
        let mut inner: Vec<usize> = Vec::new();
        let mut k = tree.end[a];
        while k < b && inner.len() <= BETWEEN_LIMIT {
            if !tree.node(k).is_text() {
                inner.push(k);
            }
            k = tree.end[k];
        }
        let size: u32 = inner.iter().map(|&k| tree.text_len[k]).sum();
        if inner.is_empty() || inner.len() > BETWEEN_LIMIT || size > BETWEEN_TEXT {
            continue;
        }
        let tied = |k: usize| {
            let t = tree.normalized_text(k, 600);
            crate::boxes::addresses_reader(&t) || OFFER_WORDS.iter().any(|w| t.contains(w))
        };
        if inner.iter().all(|&k| tied(k)) {
            for k in inner {
                extra.push(Hit {
                    origin: k,
                    node: k,
                    category: ca,
                    reason: format!("between two {} prompts", ca.name()),
                    strength: Strength::Text,
                });
            }
        }
    }
    hits.extend(extra);
}

/// Word rules the article names itself with (an opinion piece in `article.comment-piece`):
/// the element so named, and the rule. Inside it, that rule says nothing.
fn article_names(
    tree: &Tree,
    article: &Article,
    rules: &[Option<&'static WordRule>],
) -> Vec<(usize, &'static WordRule)> {
    let Some(root) = article.root else {
        return Vec::new();
    };
    std::iter::once(root)
        .chain(tree.ancestors(root))
        .take_while(|&a| !matches!(tree.node(a).tag.as_ref(), "body" | "html"))
        .flat_map(|a| {
            // Its class or id; a data value ("getComments") is a script's, not a name.
            tree.names(a)
                .iter()
                .filter(|(_, kind)| matches!(kind, NameKind::Class | NameKind::Id))
                .filter_map(move |&(t, _)| rules[t as usize].map(|r| (a, r)))
        })
        .collect()
}

/// For each node, whether it sits inside the article's root element.
fn article_flags(tree: &Tree, article: &Article) -> Vec<bool> {
    let mut flags = vec![false; tree.len()];
    if let Some(root) = article.root {
        let end = subtree_end(tree, root);
        for f in &mut flags[root..end] {
            *f = true;
        }
    }
    flags
}

/// Fixed or sticky boxes over the middle of the viewport: hidden when something inside them
/// is clutter. Text-less full-screen layers (backdrops) go with any modal found as clutter: an
/// overlay, a dialog, or a fixed box over the page centre.
fn overlay_hits(tree: &Tree, hits: &mut Vec<Hit>) {
    let overlays: Vec<usize> = (0..tree.len())
        .filter(|&i| !tree.node(i).context && is_overlay(tree, i))
        .collect();
    for &o in &overlays {
        if tree.text_len[o] == 0 {
            continue;
        }
        let inner = hits
            .iter()
            .find(|h| tree.contains(o, h.origin))
            .map(|h| (h.category, h.reason.clone()));
        if let Some((category, reason)) = inner {
            hits.push(Hit {
                origin: o,
                node: o,
                category,
                reason: format!("overlay over the page centre; {reason}"),
                strength: Strength::Structure,
            });
        }
    }
    let modal = hits
        .iter()
        .find(|h| {
            tree.text_len[h.node] > 0
                && std::iter::once(h.origin)
                    .chain(tree.ancestors(h.origin))
                    .take_while(|&a| tree.contains(h.node, a))
                    .any(|a| is_modal(tree, a))
        })
        .map(|h| (h.category, h.node));
    let Some((category, modal)) = modal else {
        return;
    };
    for &o in &overlays {
        if tree.text_len[o] == 0 && tree.node(o).style.as_ref().is_some_and(|s| s.area >= 0.5) {
            hits.push(Hit {
                origin: o,
                node: o,
                category,
                reason: "overlay backdrop over the page centre".to_string(),
                strength: Strength::Structure,
            });
        }
    }
    for i in 0..tree.len() {
        // A backdrop stands beside the modal or beside one of its ancestors.
        if !tree.parent[i].is_some_and(|p| tree.contains(p, modal)) {
            continue;
        }
        if let Some(word) = backdrop_word(tree, i) {
            hits.push(Hit {
                origin: i,
                node: i,
                category,
                reason: format!("backdrop of a hidden modal: {word}"),
                strength: Strength::Structure,
            });
        }
    }
}

/// An empty layer named as a backdrop (`modal-backdrop`, `tp-backdrop`, `overlay`): its word.
fn backdrop_word(tree: &Tree, i: usize) -> Option<&'static str> {
    let node = tree.node(i);
    if node.is_text()
        || node.context
        || tree.text_len[i] > 0
        || tree.opaque[i]
        || !matches!(node.tag.as_ref(), "div" | "section")
        || tree.children(i).any(|c| !tree.node(c).is_text())
    {
        return None;
    }
    tree.names(i)
        .iter()
        .filter(|(_, kind)| matches!(kind, NameKind::Class | NameKind::Id))
        .find_map(|&(t, _)| {
            tree.name_words(t)
                .iter()
                .find_map(|w| BACKDROP_WORDS.iter().find(|b| **b == w.as_ref()).copied())
        })
}

/// Whether hiding this box takes a modal off the page (so a scroll lock may be undone).
pub fn hides_modal(tree: &Tree, node: usize) -> bool {
    let end = subtree_end(tree, node);
    is_overlay(tree, node) || (node..end).take(64).any(|i| is_modal(tree, i))
}

/// Whether an element is a modal box: a dialog, or fixed over the centre of the viewport.
pub fn is_modal(tree: &Tree, i: usize) -> bool {
    is_dialog(tree, i)
        || tree
            .node(i)
            .style
            .as_ref()
            .is_some_and(|s| s.visible && s.position == "fixed" && s.covers_center && s.z >= 1)
}

/// Whether an element is a fixed or sticky box covering the middle of the viewport.
pub fn is_overlay(tree: &Tree, i: usize) -> bool {
    let node = tree.node(i);
    match &node.style {
        Some(s) => {
            s.visible
                && matches!(s.position.as_str(), "fixed" | "sticky")
                && s.covers_center
                && s.area >= 0.2
                && s.z >= 1
        }
        None => false,
    }
}

/// For each node, whether it is a menu or sits inside one (parents come before children).
fn navigation_flags(tree: &Tree) -> Vec<bool> {
    let mut flags = vec![false; tree.len()];
    for i in 0..tree.len() {
        let n = tree.node(i);
        flags[i] = tree.parent[i].is_some_and(|p| flags[p])
            || n.tag == "nav"
            || matches!(n.attr("role"), Some("navigation" | "menu" | "menubar"));
    }
    flags
}

/// Whether a box holds a list: found inside a menu, it would take the menu's entries with it.
fn holds_list(tree: &Tree, node: usize) -> bool {
    (node + 1..tree.end[node]).any(|j| matches!(tree.node(j).tag.as_ref(), "ul" | "ol" | "li"))
}

/// Whether an element is a dialog by its markup.
pub fn is_dialog(tree: &Tree, i: usize) -> bool {
    let node = tree.node(i);
    node.tag == "dialog"
        || matches!(node.attr("role"), Some("dialog" | "alertdialog"))
        || node.attr("aria-modal") == Some("true")
}

/// End (exclusive) of the subtree that starts at `i`, in document order.
pub fn subtree_end(tree: &Tree, i: usize) -> usize {
    tree.end[i]
}
