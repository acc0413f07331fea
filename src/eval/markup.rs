//! `quietread eval markup`: the markup reader against the walk, page by page.
//!
//! Each page is parsed, serialized as a browser would serialize it, and read back by the
//! markup reader; its nodes must be those the hands' walk sends, and its plan the same.

use super::clutter::{page_dirs, page_name};
use crate::html::{as_markup, Page};
use crate::snapshot::{Node, Snapshot};
use crate::{plan, Settings};
use std::path::Path;
use std::time::Instant;

/// One node as the comparison sees it.
fn show(n: &Node) -> String {
    format!(
        "{} {} #{} .{} {:?} {:?} {}",
        n.parent, n.tag, n.id, n.class, n.attrs, n.text, n.space
    )
}

/// Compare both readings of every page under `dirs`; the report lists each page that differs.
pub fn run(dirs: &[String]) -> Result<String, String> {
    let mut skipped = Vec::new();
    let mut pages = Vec::new();
    for d in dirs {
        pages.extend(page_dirs(Path::new(d), &mut skipped));
    }
    let (mut same, mut out) = (0, String::new());
    let (mut read_ms, mut decode_ms) = (0.0, 0.0);
    for dir in &pages {
        let bytes = std::fs::read(dir.join("source.html")).map_err(|e| e.to_string())?;
        let page = Page::parse(&String::from_utf8_lossy(&bytes));
        let (markup, walked) = as_markup(&page);
        let t0 = Instant::now();
        let snap = match crate::markup::read(&markup) {
            Ok(s) => s,
            Err(e) => {
                out += &format!("{}: refused: {e}\n", page_name(dir));
                continue;
            }
        };
        read_ms += t0.elapsed().as_secs_f64() * 1e3;
        let walk = Snapshot {
            nodes: walked,
            ..Snapshot::default()
        };
        let packed = crate::packed::encode(&walk);
        let t1 = Instant::now();
        let _ = crate::packed::decode(&packed);
        decode_ms += t1.elapsed().as_secs_f64() * 1e3;
        let first = snap
            .nodes
            .iter()
            .zip(&walk.nodes)
            .position(|(a, b)| show(a) != show(b));
        if first.is_some() || snap.nodes.len() != walk.nodes.len() {
            let at = first.unwrap_or(snap.nodes.len().min(walk.nodes.len()));
            let get = |s: &Snapshot, i: usize| s.nodes.get(i).map(show).unwrap_or_default();
            out += &format!(
                "{}: node {at} differs\n  markup {}\n  walk   {}\n",
                page_name(dir),
                get(&snap, at),
                get(&walk, at)
            );
            continue;
        }
        // The markup's styles are made up: the walk's nodes get the same ones.
        let mut walk = walk;
        for (w, m) in walk.nodes.iter_mut().zip(&snap.nodes) {
            w.style = m.style.clone();
        }
        let settings = Settings::default();
        if plan(&snap, &settings).hide != plan(&walk, &settings).hide {
            out += &format!("{}: same nodes, other plan\n", page_name(dir));
            continue;
        }
        same += 1;
    }
    out += &format!(
        "{same} of {} pages read alike; markup read {read_ms:.1} ms in all, packed decode {decode_ms:.1} ms",
        pages.len()
    );
    Ok(out)
}
