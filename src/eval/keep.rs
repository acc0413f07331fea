//! Keep data: the article text a page must still show after cleaning, read from the corpus's
//! four formats, and the check that none of it ended up inside a hidden element.

use crate::html::Page;
use crate::snapshot::Tree;
use scraper::{Html, Selector};
use serde_json::Value;
use std::path::Path;

/// Shortest keep paragraph checked, in letters and digits; shorter ones match too loosely.
const MIN_KEEP: usize = 20;

/// The keep paragraphs of a page folder, and which file they came from; `None` without keep data.
pub fn load(dir: &Path) -> Option<(Vec<String>, &'static str)> {
    if let Ok(html) = std::fs::read_to_string(dir.join("expected.html")) {
        return Some((from_html(&html), "expected.html"));
    }
    let json = |name: &str| -> Option<Value> {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).ok()?).ok()
    };
    if let Some(v) = json("ground-truth.json") {
        let mut out = Vec::new();
        if let Some(body) = v["articleBody"].as_str() {
            out.extend(lines(body));
        }
        let gt = &v["ground_truth"];
        if let Some(body) = gt["main_content"].as_str() {
            out.extend(lines(body));
        }
        out.extend(strings(&gt["with"]));
        return Some((out, "ground-truth.json"));
    }
    if let Some(v) = json("expected.json") {
        return Some((strings(&v["with"]), "expected.json"));
    }
    None
}

fn lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Paragraph-like blocks of an extracted article.
fn from_html(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let sel = Selector::parse("p, li, h2, h3, h4, h5, h6, pre, blockquote, td, dd, figcaption")
        .expect("valid selector");
    doc.select(&sel)
        .map(|el| el.text().collect::<String>())
        .collect()
}

/// Letters and digits, lower-case: what is compared, so markup, spacing, quote styles and
/// entities cannot make a paragraph look lost or kept.
fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Outcome of checking a page's keep paragraphs against what a plan hides.
#[derive(Debug, Default, Clone)]
pub struct KeepCheck {
    /// Keep paragraphs checked (long enough to find reliably).
    pub checked: usize,
    /// Found in the page's text.
    pub found: usize,
    /// Found, but every occurrence has some text inside a hidden element.
    pub lost: Vec<String>,
}

/// Check keep paragraphs against the hidden elements of `hidden` (per snapshot node, whether
/// the node is hidden itself or sits inside a hidden element).
pub fn check(page: &Page, tree: &Tree, hidden: &[bool], keep: &[String]) -> KeepCheck {
    // The page's folded text, with the snapshot node of every character.
    let mut text = String::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, node) in page.snapshot.nodes.iter().enumerate() {
        if !node.is_text() || !tree.is_page_text(i) {
            continue;
        }
        for c in fold(&node.text) {
            text.push(c);
            owner.push(i);
        }
    }
    // Byte offset to character index.
    let mut char_at = vec![0usize; text.len() + 1];
    for (n, (b, _)) in text.char_indices().enumerate() {
        char_at[b] = n;
    }
    char_at[text.len()] = owner.len();
    let mut out = KeepCheck::default();
    let mut seen = std::collections::HashSet::new();
    for para in keep {
        let needle: String = fold(para).collect();
        if needle.chars().count() < MIN_KEEP || !seen.insert(needle.clone()) {
            continue;
        }
        out.checked += 1;
        let mut any = false;
        let mut visible = false;
        for (b, _) in text.match_indices(needle.as_str()).take(50) {
            any = true;
            let (from, to) = (char_at[b], char_at[b + needle.len()]);
            if owner[from..to].iter().all(|&o| !hidden[o]) {
                visible = true;
                break;
            }
        }
        if any {
            out.found += 1;
            if !visible {
                out.lost.push(para.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clutter::Hide;
    use crate::rules::Category;

    #[test]
    fn paragraphs_inside_hidden_boxes_are_lost_and_others_kept() {
        let page = Page::parse(
            "<body><div class=a><p>The quay was finished in May after years of delay.</p></div>\
             <aside><p>The vote on the   new harbour tax was put off again.</p></aside></body>",
        );
        let aside = page.select("aside").unwrap()[0];
        let hide = [Hide {
            node: aside,
            category: Category::Appeal,
            reason: String::new(),
        }];
        let hidden = crate::plan::hidden_flags(&page.snapshot, &hide);
        let keep = vec![
            "The quay was finished in May after years of delay.".to_string(),
            "The vote on the new harbour tax was put off again.".to_string(),
            "A paragraph that is not on the page at all, anywhere.".to_string(),
            "Too short".to_string(),
        ];
        let got = check(&page, &Tree::new(&page.snapshot), &hidden, &keep);
        assert_eq!(got.checked, 3);
        assert_eq!(got.found, 2);
        assert_eq!(got.lost, vec![keep[1].clone()]);
    }

    #[test]
    fn a_visible_copy_keeps_a_paragraph() {
        let page = Page::parse(
            "<body><aside><p>Fares rise by a tenth from April.</p></aside>\
             <p>Fares rise by a tenth from April.</p></body>",
        );
        let aside = page.select("aside").unwrap()[0];
        let hide = [Hide {
            node: aside,
            category: Category::Nag,
            reason: String::new(),
        }];
        let hidden = crate::plan::hidden_flags(&page.snapshot, &hide);
        let got = check(
            &page,
            &Tree::new(&page.snapshot),
            &hidden,
            &["Fares rise by a tenth from April.".into()],
        );
        assert!(got.lost.is_empty());
    }
}
