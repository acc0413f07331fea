//! The clutter engine on fixture pages written for the project: what is hidden, and that no
//! article paragraph ever is.

use quietread::{html, plan, Category, Plan, Settings, Snapshot};
use std::collections::BTreeMap;

fn run(file: &str) -> (Snapshot<'static>, Plan) {
    let path = format!("{}/tests/fixtures/{file}", env!("CARGO_MANIFEST_DIR"));
    let snap = html::snapshot(&std::fs::read_to_string(path).unwrap());
    let plan = plan(&snap, &Settings::default());
    (snap, plan)
}

/// Hidden elements by id (only elements with an id are named).
fn hidden_ids(snap: &Snapshot, plan: &Plan) -> BTreeMap<String, Category> {
    plan.hide
        .iter()
        .map(|h| (snap.nodes[h.node].id.to_string(), h.category))
        .collect()
}

/// Every paragraph with an id starting `k` must stay visible: neither it nor an ancestor hidden.
fn assert_keeps_paragraphs(snap: &Snapshot, plan: &Plan) {
    for (i, n) in snap.nodes.iter().enumerate() {
        if !n.id.starts_with('k') {
            continue;
        }
        let mut cur = i as i64;
        while cur >= 0 {
            assert!(
                plan.hide.iter().all(|h| h.node as i64 != cur),
                "article paragraph #{} is hidden by {:?}",
                n.id,
                plan.hide.iter().find(|h| h.node as i64 == cur)
            );
            cur = snap.nodes[cur as usize].parent;
        }
    }
}

#[test]
fn cleans_every_kind_of_clutter_on_a_news_page() {
    let (snap, plan) = run("harbour.html");
    assert_keeps_paragraphs(&snap, &plan);
    let ids = hidden_ids(&snap, &plan);
    assert_eq!(ids.get("t-push"), Some(&Category::Nag), "{ids:?}");
    assert_eq!(ids.get("t-appeal"), Some(&Category::Appeal), "{ids:?}");
    assert_eq!(ids.get("t-news"), Some(&Category::Nag), "{ids:?}");
    assert_eq!(ids.get("t-reg"), Some(&Category::Paywall), "{ids:?}");
    assert_eq!(ids.get("t-comments"), Some(&Category::Comments), "{ids:?}");
    assert_eq!(ids.get("t-teaser"), Some(&Category::Comments), "{ids:?}");
    // Menu links to the newsletters and comment pages are navigation, not clutter.
    assert!(plan
        .hide
        .iter()
        .all(|h| snap.nodes[h.node].tag != "li" && snap.nodes[h.node].tag != "nav"));
    for h in &plan.hide {
        assert!(!h.reason.is_empty());
    }
}

#[test]
fn every_hide_says_why() {
    let (snap, plan) = run("harbour.html");
    let appeal = plan
        .hide
        .iter()
        .find(|h| snap.nodes[h.node].id == "t-appeal")
        .unwrap();
    assert_eq!(appeal.reason, "text: 'your support helps'");
    let news = plan
        .hide
        .iter()
        .find(|h| snap.nodes[h.node].id == "t-news")
        .unwrap();
    assert_eq!(news.reason, "class token: newsletter-signup");
}

#[test]
fn article_wrappers_with_clutter_names_are_never_hidden() {
    let (snap, plan) = run("guards.html");
    assert_keeps_paragraphs(&snap, &plan);
    assert!(plan.hide.is_empty(), "{:?}", plan.hide);
    assert!(plan.article.is_some());
}

#[test]
fn german_appeal_newsletter_and_comments() {
    let (snap, plan) = run("german.html");
    assert_keeps_paragraphs(&snap, &plan);
    let ids = hidden_ids(&snap, &plan);
    assert_eq!(ids.get("t-appeal"), Some(&Category::Appeal), "{ids:?}");
    assert_eq!(ids.get("t-nl"), Some(&Category::Nag), "{ids:?}");
    assert_eq!(ids.get("t-comments"), Some(&Category::Comments), "{ids:?}");
}

#[test]
fn switched_off_categories_are_left_alone() {
    let (snap, _) = run("harbour.html");
    let only_nags = Settings {
        categories: vec![Category::Nag],
        ..Settings::default()
    };
    let plan = plan(&snap, &only_nags);
    assert!(!plan.hide.is_empty());
    assert!(plan.hide.iter().all(|h| h.category == Category::Nag));
}

#[test]
fn lock_class_is_not_undone_without_an_overlay() {
    // The body carries `modal-open`, but nothing hidden is a modal: scrolling is left alone.
    let (_, plan) = run("harbour.html");
    assert!(plan.unlock.is_none());
}
