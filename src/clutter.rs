//! The clutter engine: reads the rule tables against a page tree, finds the box each signal
//! belongs to, and keeps only the boxes that hold no article text.

use crate::article::Article;
use crate::rules::{
    Category, PhraseRule, COMMENT_FORM_WORDS, HOST_RULES, NEWSLETTER_FORM_WORDS, PHRASE_RULES,
    WORD_RULES,
};
use crate::snapshot::{split_words, Tree};
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

/// Longest text (visible characters) a phrase-only box may hold.
const PHRASE_BOX_LIMIT: u32 = 2500;
/// Longest text (visible characters) an element may have to be matched against phrases.
const PHRASE_ELEMENT_LIMIT: u32 = 300;
/// Largest share of the article's paragraph text that a hidden box may hold.
const ARTICLE_SHARE_LIMIT: f64 = 0.3;
/// Longest text of a box found by phrase coverage alone.
const COVERED_BOX_LIMIT: u32 = 1200;
/// How far a phrase climbs looking for the box it belongs to.
const CLIMB_LEVELS: usize = 6;

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

/// Find the elements to hide, for the enabled categories.
pub fn find(tree: &Tree, article: &Article, enabled: &[Category]) -> Vec<Hide> {
    let nav = navigation_flags(tree);
    let phrases: Vec<(usize, &PhraseRule)> = (0..tree.len())
        .filter(|&i| !nav[i])
        .filter_map(|i| phrase_match(tree, i).map(|r| (i, r)))
        .collect();
    let covered = coverage(tree, &phrases);
    let mut hits = Vec::new();
    for (i, rule) in phrases {
        hits.push(Hit {
            origin: i,
            node: climb(tree, i, rule.category, (!rule.whole).then_some(&covered)),
            category: rule.category,
            reason: format!("text: '{}'", clip(&tree.text(i, 80), 60)),
            strength: Strength::Text,
        });
    }
    for (i, &in_nav) in nav.iter().enumerate() {
        let node = tree.node(i);
        // Links to a newsletter page or a comments page in a menu are navigation.
        if in_nav
            || node.is_text()
            || matches!(node.tag.as_str(), "html" | "head" | "body" | "main")
        {
            continue;
        }
        word_hits(tree, i, &mut hits);
        host_hits(tree, i, &mut hits);
        form_hits(tree, i, &mut hits);
    }
    overlay_hits(tree, &mut hits);

    hits.retain(|h| enabled.contains(&h.category) && allowed(tree, article, h));
    // Outermost first; an element inside a box already hidden needs nothing more.
    hits.sort_by_key(|h| (h.node, std::cmp::Reverse(h.strength)));
    let mut out: Vec<Hide> = Vec::new();
    for h in hits {
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

/// The guard: a box may be hidden only when it holds no meaningful share of the article.
fn allowed(tree: &Tree, article: &Article, h: &Hit) -> bool {
    let node = h.node;
    if matches!(tree.node(node).tag.as_str(), "html" | "body" | "main") {
        return false;
    }
    if let Some(root) = article.root {
        if tree.contains(node, root) {
            return false;
        }
        if tree.contains(root, node) && article.text_len > 0 {
            let inside: u64 = article
                .paragraphs
                .iter()
                .filter(|&&p| tree.contains(node, p))
                .map(|&p| tree.text_len[p] as u64)
                .sum();
            if inside as f64 > ARTICLE_SHARE_LIMIT * article.text_len as f64 {
                return false;
            }
        }
    }
    h.strength == Strength::Structure || tree.text_len[node] <= PHRASE_BOX_LIMIT
}

/// Form controls and their labels: never a clutter box themselves (their form or box is).
const CONTROL_TAGS: &[&str] = &[
    "input", "button", "select", "option", "textarea", "label", "output", "meter", "progress",
];

fn word_hits(tree: &Tree, i: usize, hits: &mut Vec<Hit>) {
    let node = tree.node(i);
    if CONTROL_TAGS.contains(&node.tag.as_str()) {
        return;
    }
    let names: Vec<&str> = node
        .class
        .split_whitespace()
        .chain((!node.id.is_empty()).then_some(node.id.as_str()))
        .chain(
            node.attrs
                .iter()
                .filter(|(k, v)| k.starts_with("data-") && v.len() < 60)
                .map(|(_, v)| v.as_str()),
        )
        .collect();
    for name in names {
        let words = split_words(name);
        if let Some(rule) = WORD_RULES.iter().find(|r| words_match(&words, r.words)) {
            let what = if name == node.id { "id" } else { "class token" };
            hits.push(Hit {
                origin: i,
                node: i,
                category: rule.category,
                reason: format!("{what}: {}", clip(name, 40)),
                strength: Strength::Structure,
            });
            return;
        }
    }
}

/// Whether the rule's words stand, adjacent and in order, among `words`.
fn words_match(words: &[String], rule: &[&str]) -> bool {
    if rule.is_empty() || words.len() < rule.len() {
        return false;
    }
    words.windows(rule.len()).any(|win| {
        win.iter()
            .zip(rule)
            .all(|(w, r)| match r.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => w == r,
            })
    })
}

fn host_hits(tree: &Tree, i: usize, hits: &mut Vec<Hit>) {
    let node = tree.node(i);
    if !matches!(
        node.tag.as_str(),
        "iframe" | "script" | "form" | "div" | "section"
    ) {
        return;
    }
    for key in ["src", "action", "data-src"] {
        let Some(value) = node.attr(key) else {
            continue;
        };
        let value = value.to_ascii_lowercase();
        if let Some((category, host)) = HOST_RULES.iter().find(|(_, h)| value.contains(h)) {
            hits.push(Hit {
                origin: i,
                node: climb(tree, i, *category, None),
                category: *category,
                reason: format!("widget host: {host}"),
                strength: Strength::Structure,
            });
            return;
        }
    }
}

fn form_hits(tree: &Tree, i: usize, hits: &mut Vec<Hit>) {
    if tree.node(i).tag != "form" {
        return;
    }
    let end = subtree_end(tree, i);
    let mut textarea = false;
    let mut email = false;
    let mut words = String::new();
    for j in i..end {
        let n = tree.node(j);
        match n.tag.as_str() {
            "textarea" => textarea = true,
            "input" => email |= n.attr("type") == Some("email"),
            _ => {}
        }
        for v in [n.id.as_str(), n.class.as_str()]
            .into_iter()
            .chain(["name", "placeholder", "action", "aria-label"].map(|k| n.attr(k).unwrap_or("")))
        {
            words.push(' ');
            words.push_str(&v.to_lowercase());
        }
    }
    words.push(' ');
    words.push_str(&normalize(&tree.text(i, 400)));
    let (category, what) = if textarea && COMMENT_FORM_WORDS.iter().any(|w| words.contains(w)) {
        (Category::Comments, "form: text area for comments")
    } else if email && NEWSLETTER_FORM_WORDS.iter().any(|w| words.contains(w)) {
        (Category::Nag, "form: e-mail sign-up")
    } else {
        return;
    };
    hits.push(Hit {
        origin: i,
        node: climb(tree, i, category, None),
        category,
        reason: what.to_string(),
        strength: Strength::Structure,
    });
}

/// The phrase rule an element's own text matches, if any.
fn phrase_match(tree: &Tree, i: usize) -> Option<&'static PhraseRule> {
    let len = tree.text_len[i];
    if len == 0 || len > PHRASE_ELEMENT_LIMIT || tree.node(i).is_text() {
        return None;
    }
    // Only elements that carry text themselves, so a phrase is matched once, where it stands.
    let own_text = tree.children[i].iter().any(|&c| {
        let n = tree.node(c);
        n.is_text() && !n.text.trim().is_empty()
    });
    if !own_text {
        return None;
    }
    let text = normalize(&tree.text(i, PHRASE_ELEMENT_LIMIT as usize + 40));
    let bare: String = text
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ')
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    PHRASE_RULES.iter().find(|r| {
        if r.whole {
            bare == r.phrase
        } else {
            text.contains(r.phrase)
        }
    })
}

/// For each element, how much of its text is clutter phrases or form controls.
fn coverage(tree: &Tree, phrases: &[(usize, &PhraseRule)]) -> Vec<u32> {
    let mut covered = vec![0u32; tree.len()];
    for &(i, rule) in phrases {
        if !rule.whole {
            covered[i] = tree.text_len[i];
        }
    }
    for i in (0..tree.len()).rev() {
        let node = tree.node(i);
        if matches!(node.tag.as_str(), "button" | "input" | "select" | "label")
            || node.attr("role") == Some("button")
        {
            covered[i] = tree.text_len[i];
        }
        if let Some(p) = tree.parent[i] {
            if covered[p] < tree.text_len[p] {
                covered[p] = (covered[p] + covered[i]).min(tree.text_len[p]);
            }
        }
    }
    covered
}

/// Fixed or sticky boxes over the middle of the viewport: hidden when something inside them
/// is clutter. Text-less full-screen layers (backdrops) go with any modal found as clutter: an
/// overlay, a dialog, or a fixed box over the page centre.
fn overlay_hits(tree: &Tree, hits: &mut Vec<Hit>) {
    let overlays: Vec<usize> = (0..tree.len()).filter(|&i| is_overlay(tree, i)).collect();
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
        .find(|h| is_modal(tree, h.node) && tree.text_len[h.node] > 0)
        .map(|h| h.category);
    if let Some(category) = modal {
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
    }
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

/// Whether an element is a dialog by its markup.
pub fn is_dialog(tree: &Tree, i: usize) -> bool {
    let node = tree.node(i);
    node.tag == "dialog"
        || matches!(node.attr("role"), Some("dialog" | "alertdialog"))
        || node.attr("aria-modal") == Some("true")
}

/// From the element that carried a signal, find the box it belongs to: the nearest ancestor
/// (within a few levels) that is a box of its own, never the article or anything around it.
/// Failing that, with `covered`, the largest small ancestor whose text is mostly clutter
/// phrases and controls; else the element itself.
fn climb(tree: &Tree, start: usize, category: Category, covered: Option<&Vec<u32>>) -> usize {
    let stop = |p: usize| {
        matches!(
            tree.node(p).tag.as_str(),
            "html" | "body" | "main" | "article" | "header" | "nav" | "footer"
        )
    };
    let mut cur = start;
    for _ in 0..=CLIMB_LEVELS {
        if is_box(tree, cur, category) {
            return cur;
        }
        match tree.parent[cur] {
            Some(p) if !stop(p) && tree.text_len[p] <= PHRASE_BOX_LIMIT => cur = p,
            _ => break,
        }
    }
    let Some(covered) = covered else {
        return start;
    };
    let mut cur = start;
    while let Some(p) = tree.parent[cur] {
        if stop(p) || tree.text_len[p] > COVERED_BOX_LIMIT || covered[p] * 2 < tree.text_len[p] {
            break;
        }
        cur = p;
    }
    cur
}

fn is_box(tree: &Tree, i: usize, category: Category) -> bool {
    let node = tree.node(i);
    if matches!(
        node.tag.as_str(),
        "aside" | "section" | "form" | "dialog" | "details"
    ) || is_dialog(tree, i)
        || matches!(node.attr("role"), Some("complementary" | "region"))
        || node
            .style
            .as_ref()
            .is_some_and(|s| matches!(s.position.as_str(), "fixed" | "sticky"))
    {
        return true;
    }
    tree.words(i).iter().any(|words| {
        WORD_RULES
            .iter()
            .any(|r| r.category == category && words_match(words, r.words))
    })
}

/// End (exclusive) of the subtree that starts at `i`, in document order.
pub fn subtree_end(tree: &Tree, i: usize) -> usize {
    let mut j = i + 1;
    while j < tree.len() && tree.contains(i, j) {
        j += 1;
    }
    j
}

/// Lower-case, straight apostrophes, single spaces.
pub fn normalize(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '`'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_words_match_adjacent_runs() {
        let words = split_words("tp-modal-open");
        assert!(words_match(&words, &["tp", "modal"]));
        assert!(!words_match(&words, &["modal", "tp"]));
        assert!(words_match(&split_words("newsletters"), &["newsletter*"]));
        assert!(!words_match(&split_words("piano"), &["piano", "*"]));
        assert!(words_match(&split_words("piano-offer"), &["piano", "*"]));
    }

    #[test]
    fn normalizes_quotes_and_space() {
        assert_eq!(
            normalize("You\u{2019}ve  Reached\n it"),
            "you've reached it"
        );
        assert_eq!(clip("abcdef", 3), "abc…");
    }
}
