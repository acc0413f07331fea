//! `quietread eval clutter DIR...`: clean every page folder under the given folders and report,
//! per page and in total, what was hidden per category, keep paragraphs lost, time taken, and
//! recall per category against hand-written labels.

use super::keep::{self, KeepCheck};
use super::labels::{self, Label, Recall};
use crate::html::Page;
use crate::plan::{hidden_categories, plan};
use crate::rules::Category;
use crate::signals::clip;
use crate::Settings;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One page's results.
pub struct PageResult {
    /// `collection/page`.
    pub name: String,
    /// Elements hidden per category.
    pub hidden: BTreeMap<Category, usize>,
    /// Keep paragraphs, if the page has keep data.
    pub keep: Option<KeepCheck>,
    /// Core time (plan), milliseconds.
    pub core_ms: f64,
    /// HTML parse and snapshot time, milliseconds.
    pub parse_ms: f64,
    /// Recall on the page's labels.
    pub recall: Recall,
}

/// Find page folders (folders holding `source.html`) under `dir`, up to two levels down.
pub fn page_dirs(dir: &Path, skipped: &mut Vec<String>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, 0, &mut out, skipped);
    out.sort();
    out
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, skipped: &mut Vec<String>) {
    if dir.join("source.html").is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    if depth > 2 {
        return;
    }
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            for e in entries.flatten() {
                if e.path().is_dir() {
                    walk(&e.path(), depth + 1, out, skipped);
                }
            }
        }
        Err(e) => skipped.push(format!("{}: {e}", dir.display())),
    }
}

/// The `collection/page` name of a page folder.
pub fn page_name(dir: &Path) -> String {
    let parts: Vec<String> = dir
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.into_iter().rev().collect::<Vec<_>>().join("/")
}

/// Evaluate one page folder.
pub fn page(dir: &Path, labels: &[Label]) -> Result<PageResult, String> {
    let bytes = std::fs::read(dir.join("source.html")).map_err(|e| e.to_string())?;
    let html = String::from_utf8_lossy(&bytes);
    let t0 = Instant::now();
    let page = Page::parse(&html);
    let parse_ms = t0.elapsed().as_secs_f64() * 1e3;
    let t1 = Instant::now();
    let plan = plan(&page.snapshot, &Settings::default());
    let core_ms = t1.elapsed().as_secs_f64() * 1e3;
    let mut hidden = BTreeMap::new();
    for h in &plan.hide {
        *hidden.entry(h.category).or_insert(0) += 1;
    }
    let cats = hidden_categories(&page.snapshot, &plan.hide);
    let flags: Vec<bool> = cats.iter().map(Option::is_some).collect();
    // One tree for the checks below (the plan builds its own from the snapshot).
    let tree = crate::snapshot::Tree::new(&page.snapshot);
    let keep = keep::load(dir).map(|(paras, _)| keep::check(&page, &tree, &flags, &paras));
    let name = page_name(dir);
    let mine: Vec<&Label> = labels.iter().filter(|l| l.page == name).collect();
    let recall = labels::recall(&page, &tree, &mine, &cats);
    Ok(PageResult {
        name,
        hidden,
        keep,
        core_ms,
        parse_ms,
        recall,
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Run the whole evaluation and render the report.
pub fn run(dirs: &[String], labels_text: Option<&str>) -> Result<String, String> {
    let labels = match labels_text {
        Some(t) => labels::parse(t)?,
        None => Vec::new(),
    };
    let mut skipped = Vec::new();
    let mut pages = Vec::new();
    for d in dirs {
        let path = Path::new(d);
        if !path.is_dir() {
            skipped.push(format!("{d}: not a readable folder"));
            continue;
        }
        pages.extend(page_dirs(path, &mut skipped));
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<58} {:>7} {:>6} {:>8} {:>4} {:>10} {:>8}",
        "page", "paywall", "appeal", "comments", "nag", "keep lost", "core ms"
    );
    let mut results = Vec::new();
    for dir in &pages {
        match page(dir, &labels) {
            Ok(r) => {
                let n = |c| r.hidden.get(&c).copied().unwrap_or(0);
                let keep = r
                    .keep
                    .as_ref()
                    .map_or("-".to_string(), |k| format!("{}/{}", k.lost.len(), k.found));
                let _ = writeln!(
                    out,
                    "{:<58} {:>7} {:>6} {:>8} {:>4} {:>10} {:>8.2}",
                    clip(&r.name, 58),
                    n(Category::Paywall),
                    n(Category::Appeal),
                    n(Category::Comments),
                    n(Category::Nag),
                    keep,
                    r.core_ms
                );
                if let Some(k) = &r.keep {
                    for lost in &k.lost {
                        let _ = writeln!(out, "    LOST: {}", clip(lost.trim(), 100));
                    }
                }
                results.push(r);
            }
            Err(e) => skipped.push(format!("{}: {e}", dir.display())),
        }
    }
    let _ = writeln!(out);
    let mut totals: BTreeMap<Category, usize> = BTreeMap::new();
    let (mut checked, mut found, mut lost, mut with_keep) = (0, 0, 0, 0);
    let mut recall = Recall::default();
    let mut core: Vec<f64> = Vec::new();
    let mut parse: Vec<f64> = Vec::new();
    for r in results {
        for (c, n) in &r.hidden {
            *totals.entry(*c).or_default() += n;
        }
        if let Some(k) = &r.keep {
            with_keep += 1;
            checked += k.checked;
            found += k.found;
            lost += k.lost.len();
        }
        core.push(r.core_ms);
        parse.push(r.parse_ms);
        recall.add(r.recall);
    }
    core.sort_by(f64::total_cmp);
    parse.sort_by(f64::total_cmp);
    let _ = writeln!(out, "pages: {}", core.len());
    let hidden: Vec<String> = Category::ALL
        .iter()
        .map(|c| format!("{} {}", c.name(), totals.get(c).copied().unwrap_or(0)))
        .collect();
    let _ = writeln!(out, "hidden: {}", hidden.join(", "));
    let _ = writeln!(
        out,
        "keep paragraphs lost: {lost} of {found} found in the page ({checked} checked, {with_keep} pages with keep data)"
    );
    let _ = writeln!(
        out,
        "core time: median {:.2} ms, p95 {:.2} ms, max {:.2} ms, total {:.0} ms (HTML parse: median {:.2} ms)",
        percentile(&core, 0.5),
        percentile(&core, 0.95),
        core.last().copied().unwrap_or(0.0),
        core.iter().sum::<f64>().max(0.0),
        percentile(&parse, 0.5)
    );
    if !labels.is_empty() {
        let parts: Vec<String> = Category::ALL
            .iter()
            .map(|c| {
                let (f, t) = recall.by_category.get(c).copied().unwrap_or((0, 0));
                let r = if t == 0 { 0.0 } else { f as f64 / t as f64 };
                format!("{} {r:.2} ({f}/{t})", c.name())
            })
            .collect();
        let _ = writeln!(out, "recall on labels: {}", parts.join(", "));
        for m in &recall.missed {
            let _ = writeln!(out, "    missed: {m}");
        }
        for b in &recall.broken {
            let _ = writeln!(out, "    label problem: {b}");
        }
    }
    for s in &skipped {
        let _ = writeln!(out, "skipped {s}");
    }
    Ok(out)
}
