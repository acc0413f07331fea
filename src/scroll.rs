//! Scroll locks: when an overlay is hidden and the page had stopped scrolling under it,
//! say how to make it scroll again.

use crate::rules::LOCK_CLASSES;
use crate::snapshot::Tree;
use serde::Serialize;

/// How to undo a scroll lock.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unlock {
    /// The `html` and `body` elements to mark as scrollable.
    pub nodes: Vec<usize>,
    /// Whether `body` was pinned with `position: fixed` and must be set back in the flow.
    pub position: bool,
    /// Lock classes to take off, as `(element, class)`.
    pub classes: Vec<(usize, String)>,
    /// Why the page was taken to be locked.
    pub reason: String,
}

/// How to unlock scrolling, once a modal has been hidden on the page.
pub fn unlock(tree: &Tree) -> Option<Unlock> {
    let roots: Vec<usize> = (0..tree.len().min(64))
        .filter(|&i| matches!(tree.node(i).tag.as_ref(), "html" | "body"))
        .take(2)
        .collect();
    if roots.is_empty() {
        return None;
    }
    let mut reasons = Vec::new();
    let mut position = false;
    let mut classes = Vec::new();
    for &r in &roots {
        let node = tree.node(r);
        if let Some(s) = &node.style {
            if matches!(s.overflow.as_str(), "hidden" | "clip") {
                reasons.push(format!("{} overflow: {}", node.tag, s.overflow));
            }
            if node.tag == "body" && s.position == "fixed" {
                position = true;
                reasons.push("body position: fixed".to_string());
            }
        }
        for class in node.class.split_whitespace() {
            if LOCK_CLASSES.contains(&class) {
                classes.push((r, class.to_string()));
                reasons.push(format!("lock class: {class}"));
            }
        }
    }
    if reasons.is_empty() {
        return None;
    }
    Some(Unlock {
        nodes: roots,
        position,
        classes,
        reason: reasons.join("; "),
    })
}
