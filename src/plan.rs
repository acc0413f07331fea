//! The plan: everything the hands need to change on a page, decided in one call.

use crate::article;
use crate::clutter::{self, Hide};
use crate::rules::Category;
use crate::scroll::{self, Unlock};
use crate::snapshot::{Snapshot, Tree};
use serde::{Deserialize, Serialize};

/// Which parts of the cleanup are wanted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// The categories to hide; all of them when absent.
    #[serde(default = "all_categories")]
    pub categories: Vec<Category>,
}

fn all_categories() -> Vec<Category> {
    Category::ALL.to_vec()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            categories: all_categories(),
        }
    }
}

/// What to change on a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Plan {
    /// Elements to hide, outermost only, in document order.
    pub hide: Vec<Hide>,
    /// How to undo a scroll lock, if the page has one under a hidden overlay.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unlock: Option<Unlock>,
    /// The element found to hold the article, if any.
    pub article: Option<usize>,
    /// Article paragraphs found (never hidden).
    pub paragraphs: usize,
    /// Nodes read from the snapshot.
    pub nodes: usize,
}

/// Decide what to change on a page.
pub fn plan(snapshot: &Snapshot, settings: &Settings) -> Plan {
    let tree = Tree::new(snapshot);
    let article = article::find(&tree);
    let hide = clutter::find(&tree, &article, &settings.categories);
    let unlock = scroll::unlock(&tree, &hide);
    Plan {
        unlock,
        article: article.root,
        paragraphs: article.paragraphs.len(),
        nodes: tree.len(),
        hide,
    }
}

/// Decode a JSON snapshot and settings and answer with the JSON plan. Never panics on bad
/// input: a decoding failure comes back as `{"error": "..."}`.
pub fn plan_json(snapshot: &str, settings: &str) -> String {
    let snapshot: Snapshot = match serde_json::from_str(snapshot) {
        Ok(s) => s,
        Err(e) => return error_json(&format!("bad snapshot: {e}")),
    };
    let settings: Settings = if settings.trim().is_empty() {
        Settings::default()
    } else {
        match serde_json::from_str(settings) {
            Ok(s) => s,
            Err(e) => return error_json(&format!("bad settings: {e}")),
        }
    };
    serde_json::to_string(&plan(&snapshot, &settings))
        .unwrap_or_else(|e| error_json(&e.to_string()))
}

/// For each snapshot node, the category of the hidden element it is or sits inside, if any.
pub fn hidden_categories(snapshot: &Snapshot, hide: &[Hide]) -> Vec<Option<Category>> {
    let n = snapshot.nodes.len();
    let mut out: Vec<Option<Category>> = vec![None; n];
    for h in hide {
        if h.node < n {
            out[h.node] = Some(h.category);
        }
    }
    for i in 0..n {
        let p = snapshot.nodes[i].parent;
        if out[i].is_none() && p >= 0 && (p as usize) < i {
            out[i] = out[p as usize];
        }
    }
    out
}

/// For each snapshot node, whether it is hidden or sits inside a hidden element.
pub fn hidden_flags(snapshot: &Snapshot, hide: &[Hide]) -> Vec<bool> {
    hidden_categories(snapshot, hide)
        .into_iter()
        .map(|c| c.is_some())
        .collect()
}

fn error_json(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}
