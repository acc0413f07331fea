//! Every fixture page in `tests/fixtures/clutter/`: the elements its sidecar JSON names under
//! `hide` end up hidden with their category, and nothing under `keep` is hidden.

use quietread::html::Page;
use quietread::plan::hidden_categories;
use quietread::{plan, Category, Settings};
use serde_json::Value;
use std::path::Path;

fn check(html_path: &Path) -> Vec<String> {
    let name = html_path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(html_path.with_extension("json")).expect("a sidecar json"),
    )
    .expect("sidecar json parses");
    let page = Page::parse(&std::fs::read_to_string(html_path).unwrap());
    let plan = plan(&page.snapshot, &Settings::default());
    let hidden = hidden_categories(&page.snapshot, &plan.hide);
    let mut problems = Vec::new();
    for (sel, cat) in spec["hide"].as_object().into_iter().flatten() {
        let want = Category::from_name(cat.as_str().unwrap()).expect("a category");
        let found = page.select(sel).unwrap();
        assert_eq!(found.len(), 1, "{name}: {sel} must match one element");
        let got = hidden[found[0]];
        if got != Some(want) {
            problems.push(format!(
                "{name}: {sel} should be hidden as {cat}, got {got:?}"
            ));
        }
    }
    for sel in spec["keep"].as_array().into_iter().flatten() {
        let sel = sel.as_str().unwrap();
        let found = page.select(sel).unwrap();
        assert!(
            !found.is_empty(),
            "{name}: keep selector {sel} matches nothing"
        );
        for i in found {
            if let Some(c) = hidden[i] {
                let by = plan
                    .hide
                    .iter()
                    .find(|h| hidden[h.node] == Some(c) && page_contains(&page, h.node, i))
                    .map(|h| h.reason.clone())
                    .unwrap_or_default();
                problems.push(format!("{name}: {sel} is hidden as {c:?} ({by})"));
            }
        }
    }
    problems
}

fn page_contains(page: &Page, a: usize, mut b: usize) -> bool {
    loop {
        if a == b {
            return true;
        }
        let p = page.snapshot.nodes[b].parent;
        if p < 0 {
            return false;
        }
        b = p as usize;
    }
}

#[test]
fn every_fixture_page_is_cleaned_as_its_sidecar_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clutter");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "fixture pages: {}", pages.len());
    let problems: Vec<String> = pages.iter().flat_map(|p| check(p)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
