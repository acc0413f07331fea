//! The hand-written dev labels: which elements of which corpus pages are clutter, by CSS
//! selector and category, and recall of the plan against them.

use crate::html::Page;
use crate::rules::Category;
use std::collections::BTreeMap;

/// One labelled element (or set of elements) on one page.
#[derive(Debug, Clone)]
pub struct Label {
    /// `collection/page-folder`.
    pub page: String,
    /// The category a person gave it.
    pub category: Category,
    /// CSS selector of the clutter box.
    pub selector: String,
}

/// Read a label file: `page<TAB>category<TAB>selector[<TAB>note]`, `#` comments.
pub fn parse(text: &str) -> Result<Vec<Label>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(format!("line {}: want page, category and selector", n + 1));
        }
        let category = Category::from_name(cols[1].trim())
            .ok_or_else(|| format!("line {}: unknown category {:?}", n + 1, cols[1]))?;
        out.push(Label {
            page: cols[0].trim().trim_end_matches('/').to_string(),
            category,
            selector: cols[2].trim().to_string(),
        });
    }
    Ok(out)
}

/// Found and total labelled elements, per category.
#[derive(Debug, Default, Clone)]
pub struct Recall {
    /// Category to (found, total).
    pub by_category: BTreeMap<Category, (usize, usize)>,
    /// Labels whose selector matched nothing or failed, with the reason.
    pub broken: Vec<String>,
    /// Labelled elements missed, as `page category selector`.
    pub missed: Vec<String>,
}

impl Recall {
    /// Add another page's counts.
    pub fn add(&mut self, other: Recall) {
        for (c, (f, t)) in other.by_category {
            let e = self.by_category.entry(c).or_default();
            e.0 += f;
            e.1 += t;
        }
        self.broken.extend(other.broken);
        self.missed.extend(other.missed);
    }
}

/// Share of a labelled element's text that must be hidden, with its category, for it to count
/// as found when it is not hidden whole.
const FOUND_SHARE: f64 = 0.8;

/// Recall of one page's labels. `hidden[i]` is the category hiding snapshot node `i`, if any.
pub fn recall(
    page: &Page,
    tree: &crate::snapshot::Tree,
    labels: &[&Label],
    hidden: &[Option<Category>],
) -> Recall {
    let mut out = Recall::default();
    for label in labels {
        let matches = match page.select(&label.selector) {
            Ok(m) if !m.is_empty() => m,
            Ok(_) => {
                out.broken.push(format!(
                    "{} {}: matches nothing",
                    label.page, label.selector
                ));
                continue;
            }
            Err(e) => {
                out.broken.push(format!("{}: {e}", label.page));
                continue;
            }
        };
        for el in matches {
            let entry = out.by_category.entry(label.category).or_default();
            entry.1 += 1;
            if found(tree, el, label.category, hidden) {
                entry.0 += 1;
            } else {
                out.missed.push(format!(
                    "{} {} {}",
                    label.page,
                    label.category.name(),
                    label.selector
                ));
            }
        }
    }
    out
}

/// Whether a labelled element is hidden with its category: itself or an ancestor, or most of
/// its text inside hidden descendants.
fn found(
    tree: &crate::snapshot::Tree,
    el: usize,
    category: Category,
    hidden: &[Option<Category>],
) -> bool {
    if hidden[el] == Some(category) {
        return true;
    }
    let total = tree.text_len[el];
    if total == 0 {
        return false;
    }
    let end = crate::clutter::subtree_end(tree, el);
    let covered: u32 = (el..end)
        .filter(|&i| tree.node(i).is_text() && hidden[i] == Some(category))
        .map(|i| tree.text_len[i])
        .sum();
    covered as f64 >= FOUND_SHARE * total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_and_refuses_bad_lines() {
        let labels =
            parse("# comment\ncoll/page\tnag\tdiv.nl\tbox\n\ncoll/p2/\tcomments\t#c\n").unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[1].page, "coll/p2");
        assert_eq!(labels[0].category, Category::Nag);
        assert!(parse("a\tnope\tdiv").is_err());
        assert!(parse("a\tnag").is_err());
    }
}
