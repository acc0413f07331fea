//! Native benchmarks of the core (issue 5), with divan: the whole plan on the largest corpus
//! pages, split into decoding the snapshot (packed, as the extension sends it, and JSON) and
//! planning, and quote attribution over
//! polnear-dev. The corpus is read from `QUIETREAD_CORPUS` (default `../shared/corpus`); without
//! it the benchmarks say so and measure nothing.
//!
//! `cargo bench --bench core` (the release profile: the same optimisation as the wasm).

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use quietread::{html, packed, plan, plan_json, quotes, Settings, Snapshot};
use std::path::PathBuf;
use std::sync::LazyLock;

/// How many of the largest pages are measured.
const LARGEST: usize = 5;

fn corpus() -> PathBuf {
    std::env::var_os("QUIETREAD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus")))
}

/// `source.html` of every page folder under `pages/`, found as `quietread eval clutter` finds them.
fn page_files() -> Vec<PathBuf> {
    quietread::eval::clutter::page_dirs(&corpus().join("pages"), &mut Vec::new())
        .into_iter()
        .map(|d| d.join("source.html"))
        .collect()
}

/// One corpus page's snapshot, in both forms.
struct Page {
    name: String,
    /// As the extension sends it.
    packed: String,
    /// The compact JSON form.
    json: String,
}

/// The largest pages, largest first.
static PAGES: LazyLock<Vec<Page>> = LazyLock::new(|| {
    let mut files: Vec<(u64, PathBuf)> = page_files()
        .into_iter()
        .map(|f| (std::fs::metadata(&f).map_or(0, |m| m.len()), f))
        .collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    let pages: Vec<Page> = files
        .into_iter()
        .take(LARGEST)
        .filter_map(|(_, f)| {
            let bytes = std::fs::read(&f).ok()?;
            let snap = html::snapshot(&String::from_utf8_lossy(&bytes));
            let name = f.parent()?.file_name()?.to_string_lossy().into_owned();
            Some(Page {
                name,
                packed: packed::encode(&snap),
                json: compact_json(&snap),
            })
        })
        .collect();
    if pages.is_empty() {
        eprintln!(
            "no corpus pages under {}: nothing measured",
            corpus().display()
        );
    }
    for (k, page) in pages.iter().enumerate() {
        eprintln!(
            "page {k}: {} ({} KB packed, {} KB of JSON)",
            page.name,
            page.packed.len() / 1024,
            page.json.len() / 1024
        );
    }
    pages
});

/// The article texts of polnear-dev.
static ARTICLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let path = corpus().join("quotes/polnear-dev.jsonl");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    if texts.is_empty() {
        eprintln!("no articles in {}: nothing measured", path.display());
    }
    texts
});

/// A snapshot in the compact form hands.js sends: each node an array, trailing defaults left off.
fn compact_json(snap: &Snapshot) -> String {
    use serde_json::{json, Value};
    let nodes: Vec<Value> = snap
        .nodes
        .iter()
        .map(|n| {
            if n.is_text() {
                return json!([n.parent, n.tag, n.text]);
            }
            let mut row = vec![
                json!(n.parent),
                json!(n.tag),
                json!(n.id),
                json!(n.class),
                if n.attrs.is_empty() {
                    Value::Null
                } else {
                    json!(n.attrs)
                },
                json!(n.style),
                json!(n.context),
                json!(n.article),
                json!(n.space),
            ];
            let defaults = [
                json!(""),
                json!(""),
                Value::Null,
                Value::Null,
                json!(false),
                json!(false),
                json!(false),
            ];
            while row.len() > 2 && row.last() == Some(&defaults[row.len() - 3]) {
                row.pop();
            }
            Value::Array(row)
        })
        .collect();
    json!({ "url": snap.url, "nodes": nodes }).to_string()
}

fn main() {
    divan::main();
}

/// The wasm entry point's work: the packed snapshot in, plan JSON out.
#[divan::bench(args = [0, 1, 2, 3, 4])]
fn plan_from_packed(bencher: Bencher, page: usize) {
    let Some(page) = PAGES.get(page) else {
        return;
    };
    bencher
        .counter(BytesCount::new(page.packed.len()))
        .bench(|| plan_json(&page.packed, ""));
}

/// Decoding the packed snapshot alone.
#[divan::bench(args = [0, 1, 2, 3, 4])]
fn decode_packed(bencher: Bencher, page: usize) {
    let Some(page) = PAGES.get(page) else {
        return;
    };
    bencher.bench(|| packed::decode(&page.packed).ok());
}

/// Decoding the same snapshot from JSON, for comparison.
#[divan::bench(args = [0, 1, 2, 3, 4])]
fn decode_json(bencher: Bencher, page: usize) {
    let Some(page) = PAGES.get(page) else {
        return;
    };
    bencher.bench(|| serde_json::from_str::<Snapshot>(&page.json).ok());
}

/// Planning a decoded snapshot: article, clutter, scroll locks and quote labels.
#[divan::bench(args = [0, 1, 2, 3, 4])]
fn plan_snapshot(bencher: Bencher, page: usize) {
    let Some(snap) = PAGES
        .get(page)
        .and_then(|page| packed::decode(&page.packed).ok())
    else {
        return;
    };
    let settings = Settings::default();
    bencher.bench(|| plan(&snap, &settings));
}

/// Quote attribution over every article of polnear-dev.
#[divan::bench(sample_count = 10)]
fn quotes_polnear_dev(bencher: Bencher) {
    let articles = &*ARTICLES;
    let bytes: usize = articles.iter().map(String::len).sum();
    bencher
        .counter(ItemsCount::new(articles.len()))
        .counter(BytesCount::new(bytes))
        .bench(|| {
            articles
                .iter()
                .map(|t| quotes::find(t).len())
                .sum::<usize>()
        });
}
