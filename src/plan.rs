//! The plan: everything the hands need to change on a page, decided in one call.

use crate::article;
use crate::clutter::{self, Hide};
use crate::labels::{ArticleText, Label};
use crate::pending;
use crate::rules::Category;
use crate::scroll::{self, Unlock};
use crate::snapshot::{Snapshot, State, Tree};
use serde::{Deserialize, Serialize};

/// Which parts of the cleanup are wanted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Settings {
    /// The categories to hide; all of them when absent.
    #[serde(default = "all_categories")]
    pub categories: Vec<Category>,
    /// Whether to find quotations and their speakers for labels.
    #[serde(default = "yes")]
    pub labels: bool,
    /// Put the quotations off: a full pass's plan carries a ticket for [`labels_json`], so
    /// the cleanup reaches the page without waiting for them.
    #[serde(default)]
    pub labels_later: bool,
}

fn yes() -> bool {
    true
}

fn all_categories() -> Vec<Category> {
    Category::ALL.to_vec()
}

impl Settings {
    /// Read settings in the form the hands send, `categories=paywall,nag&labels=1&labels_later=0`
    /// (`name=value` fields in any order, unknown names ignored, a missing field at its default,
    /// `1` or `0` for yes or no), or natively as JSON too. Blank is the defaults. The shipped wasm reads only
    /// the first form: leaving a JSON reader out of it keeps 22 KB (gzip) out of the download.
    pub fn read(text: &str) -> Result<Settings, String> {
        let text = text.trim();
        if text.starts_with('{') {
            return settings_json(text);
        }
        let mut out = Settings::default();
        for field in text.split('&').filter(|f| !f.is_empty()) {
            let (key, value) = field
                .split_once('=')
                .filter(|(k, _)| {
                    !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                })
                .ok_or(format!("`{field}` is not a name=value field"))?;
            let yes = || match value {
                "1" => Ok(true),
                "0" => Ok(false),
                _ => Err(format!("{key} must be 1 or 0")),
            };
            match key {
                "categories" => {
                    out.categories = value
                        .split(',')
                        .filter(|c| !c.is_empty())
                        .map(|c| Category::from_name(c).ok_or(format!("unknown category `{c}`")))
                        .collect::<Result<_, _>>()?;
                }
                "labels" => out.labels = yes()?,
                "labels_later" => out.labels_later = yes()?,
                _ => {}
            }
        }
        Ok(out)
    }
}

/// Settings as JSON, read natively (the command line, tests and fuzzers).
#[cfg(not(target_arch = "wasm32"))]
fn settings_json(text: &str) -> Result<Settings, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The shipped wasm reads only the form the hands send.
#[cfg(target_arch = "wasm32")]
fn settings_json(_: &str) -> Result<Settings, String> {
    Err("JSON settings are read natively only".into())
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            categories: all_categories(),
            labels: true,
            labels_later: false,
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
    /// Quotations in the article with their speakers, for labels.
    pub quotes: Vec<Label>,
    /// With `labels_later`: the ticket to ask [`labels_json`] for the quotations with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quotes_ticket: Option<u32>,
    /// With `labels_later`: the article's text, for `plan_json` to hold under the ticket.
    #[serde(skip)]
    pub later: Option<ArticleText>,
    /// A mutation batch brought new article text: plan the whole page again for its quotes.
    pub rescan: bool,
    /// What to send back with the next mutation batch of this page.
    pub state: State,
    /// For a snapshot read from markup: `[node, position, run]` for every node the plan, or
    /// the quotations it put off, name (see `Snapshot::places`), so the hands can find them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub at: Vec<[u32; 3]>,
}

/// Decide what to change on a page, or, for a mutation batch (`snapshot.partial`), on the
/// subtrees that changed.
pub fn plan(snapshot: &Snapshot, settings: &Settings) -> Plan {
    let tree = Tree::new(snapshot);
    let (article, before) = match &snapshot.partial {
        Some(state) => (
            article::from_batch(&tree, state.article_text),
            state.clone(),
        ),
        None => (article::find(&tree), State::default()),
    };
    let hide = clutter::find(&tree, &article, &settings.categories);
    let modal = before.modal || hide.iter().any(|h| clutter::hides_modal(&tree, h.node));
    let unlock = if modal { scroll::unlock(&tree) } else { None };
    let batch = snapshot.partial.is_some();
    let hidden = hidden_flags(snapshot, &hide);
    let mut quotes = Vec::new();
    let mut later = None;
    if settings.labels && !batch {
        let text = ArticleText::read(&tree, &article, &hidden);
        if !settings.labels_later {
            quotes = text.labels();
        } else if !text.is_empty() {
            later = Some(text);
        }
    }
    // Article paragraphs that arrived in a batch and stay visible may hold quotes.
    let rescan = batch && settings.labels && article.paragraphs.iter().any(|&p| !hidden[p]);
    Plan {
        unlock,
        quotes,
        quotes_ticket: None,
        later,
        rescan,
        article: article.root,
        paragraphs: article.paragraphs.len(),
        nodes: tree.len(),
        hide,
        at: Vec::new(),
        state: State {
            article_text: if batch {
                before.article_text
            } else {
                article.text_len
            },
            modal,
        },
    }
}

/// Decode a snapshot (packed, or JSON) and settings (see [`Settings::read`]) and answer with
/// the JSON plan. Never panics on bad input: a decoding failure comes back as
/// `{"error": "..."}`.
pub fn plan_json(snapshot: &str, settings: &str) -> String {
    let snapshot: Snapshot = match crate::packed::read(snapshot) {
        Ok(s) => s,
        Err(e) => return error_json(&format!("bad snapshot: {e}")),
    };
    let settings = match Settings::read(settings) {
        Ok(s) => s,
        Err(e) => return error_json(&format!("bad settings: {e}")),
    };
    let mut plan = plan(&snapshot, &settings);
    if !snapshot.places.is_empty() {
        plan.at = places(&plan, &snapshot.places);
    }
    plan.quotes_ticket = plan.later.take().map(pending::hold);
    crate::json::to_string(&plan)
}

/// [`plan_json`] for a snapshot given as UTF-8 bytes (as the hands write it into the wasm's
/// memory, see `wasm::input`); bytes that are not UTF-8 are a bad snapshot.
pub fn plan_utf8(snapshot: &[u8], settings: &str) -> String {
    match std::str::from_utf8(snapshot) {
        Ok(s) => plan_json(s, settings),
        Err(_) => error_json("bad snapshot: not UTF-8"),
    }
}

/// The places of the nodes a plan names, sorted, each once.
fn places(plan: &Plan, places: &[(u32, u32)]) -> Vec<[u32; 3]> {
    let mut named: Vec<usize> = plan.hide.iter().map(|h| h.node).collect();
    named.extend(plan.article);
    if let Some(u) = &plan.unlock {
        named.extend(&u.nodes);
        named.extend(u.classes.iter().map(|c| c.0));
    }
    for q in &plan.quotes {
        named.extend([q.start.0, q.end.0, q.block]);
    }
    if let Some(text) = &plan.later {
        named.extend(text.nodes());
    }
    named.sort_unstable();
    named.dedup();
    named
        .into_iter()
        .filter_map(|n| places.get(n).map(|&(at, run)| [n as u32, at, run]))
        .collect()
}

/// The quotations put off under `ticket` by [`plan_json`], as a JSON array, or `null` when
/// nothing waits under it: the caller then plans again without `labels_later`.
pub fn labels_json(ticket: u32) -> String {
    crate::json::to_string(&pending::labels(ticket))
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

/// `{"error": message}`.
fn error_json(message: &str) -> String {
    let mut out = String::from("{\"error\":");
    crate::json::write_str(&mut out, message);
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(nodes: &str, state: &str) -> Plan {
        let json = format!(r#"{{"url":"","nodes":[{nodes}],"partial":{state}}}"#);
        let snap: Snapshot = serde_json::from_str(&json).unwrap();
        plan(&snap, &Settings::default())
    }

    const LOCKED_BODY: &str = r#"{"p":-1,"t":"html","k":true},
        {"p":0,"t":"body","c":"modal-open","k":true,"s":{"position":"fixed","overflow":"hidden"}}"#;

    const STORY: &str = "<body><h1>Ferry fares to rise</h1><div class=story>\
        <p>The harbour board met on Tuesday, after a long winter, to set the fares for the coming season.</p>\
        <p>\u{201c}We cannot keep the old fares, not with fuel where it is,\u{201d} said board chair Ilse Voronova.</p>\
        <p>Fares will rise by a tenth, the board said, and the night ferry will run twice a week, from May.</p>\
        </div><div class=newsletter-signup><p>Sign up for our newsletter</p></div></body>";

    const LATER: &str = "labels_later=1";

    fn story_json() -> String {
        serde_json::to_string(&crate::html::Page::parse(STORY).snapshot).unwrap()
    }

    fn answer(json: &str) -> serde_json::Value {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn errors_are_json_with_the_message_escaped() {
        let out = plan_json("qr1\u{2}x", "labels=\"1\n");
        let a = answer(&out);
        let msg = a["error"].as_str().expect("an error string");
        assert!(msg.starts_with("bad snapshot"), "{out}");
        assert_eq!(a.as_object().map(|o| o.len()), Some(1), "{out}");
        // A field quoted back in the message, with a quote mark and a line break in it.
        let out = plan_json("qr1\u{2}0", "say\"h\ni");
        let msg = answer(&out)["error"]
            .as_str()
            .map(str::to_owned)
            .expect("an error");
        assert!(msg.contains("say\"h\ni"), "{out}");
    }

    #[test]
    fn a_snapshot_as_bytes_plans_as_the_string_does() {
        let text =
            "qr1\u{2}3\u{2}\u{1}-1\u{2}div\u{2}\u{2}paywall\u{1}0\u{2}p\u{1}1\u{2}#text\u{2}\
                    Subscribe for 5 \u{20ac} a month \u{201c}today\u{201d}";
        let by_string = plan_json(text, "labels=1");
        // A plan that read the text: 27 visible characters, the euro sign and quote marks each one.
        assert!(by_string.contains("\"article_text\":27"), "{by_string}");
        assert_eq!(plan_utf8(text.as_bytes(), "labels=1"), by_string);
        // Bytes that are not UTF-8 (a sequence cut short) are a bad snapshot, not a panic.
        let mut cut = text.as_bytes().to_vec();
        cut.pop();
        let out = plan_utf8(&cut, "");
        assert!(answer(&out)["error"]
            .as_str()
            .is_some_and(|m| m.starts_with("bad snapshot")));
        assert!(answer(&plan_utf8(b"", ""))["error"].is_string());
    }

    #[test]
    fn settings_come_as_fields_or_as_json() {
        let read = |t: &str| Settings::read(t).map(|s| (s.categories, s.labels, s.labels_later));
        use Category::*;
        assert_eq!(read("").unwrap(), (Category::ALL.to_vec(), true, false));
        assert_eq!(
            read("categories=paywall,nag&labels=0&labels_later=1").unwrap(),
            (vec![Paywall, Nag], false, true)
        );
        assert_eq!(
            read("labels_later=1&future=x&&").unwrap(),
            (Category::ALL.to_vec(), true, true)
        );
        assert_eq!(
            read("categories=").unwrap(),
            (vec![], true, false),
            "none at all"
        );
        assert_eq!(
            read(r#"{"categories":["appeal"],"labels":false}"#).unwrap(),
            (vec![Appeal], false, false)
        );
        for bad in [
            "categories=paywall,nope",
            "labels=yes",
            "labels_later",
            "{\"labels\":2}",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_markup_plan_places_every_node_it_names() {
        let page = crate::html::Page::parse(STORY);
        let (markup, _) = crate::html::as_markup(&page);
        let snap = crate::markup::read(&markup).unwrap();
        // Element positions as the page counts them: html, head, body, h1, div, p, p, p, div, p.
        let hidden_box = 8;
        for settings in ["labels=1", "labels=1&labels_later=1"] {
            let plan = answer(&plan_json(&markup, settings));
            let at: Vec<[u32; 3]> = serde_json::from_value(plan["at"].clone()).unwrap();
            let place = |n: u64| at.iter().find(|a| u64::from(a[0]) == n).copied();
            let hidden = plan["hide"][0]["node"].as_u64().unwrap();
            assert_eq!(
                place(hidden),
                Some([hidden as u32, hidden_box, crate::markup::ELEMENT])
            );
            let article = plan["article"].as_u64().unwrap();
            assert_eq!(place(article).map(|a| a[1]), Some(4));
            // The quotation's text node: the first run of text in the second paragraph.
            let quote_text = (snap.nodes.iter())
                .position(|n| n.text.contains("We cannot keep"))
                .unwrap() as u64;
            assert_eq!(place(quote_text).map(|a| (a[1], a[2])), Some((6, 0)));
            if let Some(t) = plan.get("quotes_ticket").and_then(|t| t.as_u64()) {
                pending::labels(t as u32);
            }
        }
        // A packed snapshot's plan has no places: the hands hold its nodes already.
        assert!(answer(&plan_json(&story_packed(), "labels=1"))
            .get("at")
            .is_none());
    }

    fn story_packed() -> String {
        crate::packed::encode(&crate::html::Page::parse(STORY).snapshot)
    }

    #[test]
    fn labels_later_puts_the_quotes_off_under_a_ticket() {
        let snap = story_json();
        let now = answer(&plan_json(&snap, ""));
        assert_eq!(now["quotes"][0]["speaker"], "Ilse Voronova");
        assert!(now.get("quotes_ticket").is_none());
        let later = answer(&plan_json(&snap, LATER));
        assert_eq!(later["quotes"], serde_json::json!([]));
        assert_eq!(later["hide"], now["hide"], "the cleanup is the same");
        let ticket = later["quotes_ticket"].as_u64().expect("a ticket") as u32;
        assert_eq!(answer(&labels_json(ticket)), now["quotes"]);
        // A ticket is good once; one never given out finds nothing.
        assert!(answer(&labels_json(ticket)).is_null());
        assert!(answer(&labels_json(ticket + 1000)).is_null());
    }

    #[test]
    fn no_ticket_without_labels_or_article_text() {
        let off = answer(&plan_json(&story_json(), "labels=0&labels_later=1"));
        assert!(off.get("quotes_ticket").is_none());
        let empty = serde_json::to_string(
            &crate::html::Page::parse("<body><nav>Home</nav></body>").snapshot,
        )
        .unwrap();
        let none = answer(&plan_json(&empty, LATER));
        assert!(none.get("quotes_ticket").is_none());
    }

    #[test]
    fn only_the_newest_texts_wait() {
        let snap = story_json();
        let ticket = |json: String| answer(&json)["quotes_ticket"].as_u64().unwrap() as u32;
        let first = ticket(plan_json(&snap, LATER));
        let mut last = first;
        for _ in 0..pending::MAX_WAITING {
            last = ticket(plan_json(&snap, LATER));
        }
        assert_eq!(pending::waiting().0, pending::MAX_WAITING);
        assert!(answer(&labels_json(first)).is_null(), "pushed out");
        assert_eq!(answer(&labels_json(last))[0]["speaker"], "Ilse Voronova");
    }

    #[test]
    fn a_late_modal_is_hidden_and_unlocks_scrolling() {
        let nodes = format!(
            r##"{LOCKED_BODY},
            {{"p":1,"t":"div","c":"paywall-modal","a":[["role","dialog"]]}},
            {{"p":2,"t":"#text","x":"Subscribe to keep reading"}}"##
        );
        let plan = batch(&nodes, r#"{"article_text":4000}"#);
        assert_eq!(plan.hide.len(), 1);
        assert_eq!(plan.hide[0].node, 2);
        let unlock = plan.unlock.expect("unlock");
        assert!(unlock.position);
        assert_eq!(unlock.classes, vec![(1, "modal-open".to_string())]);
        assert_eq!(
            plan.state,
            State {
                article_text: 4000,
                modal: true
            }
        );
    }

    #[test]
    fn a_lock_added_after_the_modal_was_hidden_is_undone() {
        let plan = batch(LOCKED_BODY, r#"{"article_text":4000,"modal":true}"#);
        assert!(plan.hide.is_empty());
        assert!(plan.unlock.is_some());
        let plan = batch(LOCKED_BODY, r#"{"article_text":4000}"#);
        assert!(plan.unlock.is_none(), "no modal, no unlock");
    }

    #[test]
    fn context_nodes_are_never_hidden_and_new_boxes_stay_out_of_the_article() {
        // The article root (context, flagged) gets a newsletter box; its own class would match.
        let nodes = r##"{"p":-1,"t":"html","k":true},{"p":0,"t":"body","k":true},
            {"p":1,"t":"div","c":"comments-and-story","k":true,"ar":true},
            {"p":2,"t":"div","c":"nl"},
            {"p":3,"t":"h3"},{"p":4,"t":"#text","x":"Sign up to our newsletter"},
            {"p":3,"t":"p"},{"p":6,"t":"#text","x":"Every morning in your inbox."}"##;
        let plan = batch(nodes, r#"{"article_text":4000}"#);
        assert_eq!(plan.article, Some(2));
        let hidden: Vec<usize> = plan.hide.iter().map(|h| h.node).collect();
        assert_eq!(hidden, vec![3], "{:?}", plan.hide);
    }
}
