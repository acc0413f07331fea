//! Fuzzing (issue 7.1): property tests of the snapshot decoder, the clutter plan, quote
//! attribution and the HTML reader, on arbitrary input and on mutated pages of the project;
//! deep and huge inputs; and time that grows linearly with the input.
//!
//! Each property runs the number of cases its `config` gives; `PROPTEST_CASES` sets them all.
//! The ignored test runs the mutations over the corpus pages in `../shared/corpus/pages`
//! (`QUIETREAD_CORPUS` points elsewhere than `../shared/corpus`):
//! `CARGO_PROFILE_RELEASE_PANIC=unwind cargo test --release --test fuzz -- --ignored` (with
//! the release profile's `panic = "abort"`, cargo builds the library twice into the same files
//! for the binary and the tests, and the build may fail).

use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngAlgorithm, TestRunner};
use quietread::html::Page;
use quietread::plan::hidden_flags;
use quietread::snapshot::{State, Tree};
use quietread::{
    article, html, labels, labels_json, packed, plan, plan_json, quotes, Category, Node, Plan,
    Settings,
};
use quietread::{Snapshot, Style};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/// `cases`, unless `PROPTEST_CASES` says otherwise; failures are not saved to files (a failure
/// found becomes a named regression test below). XorShift, as ChaCha built without
/// optimisation takes most of a debug run.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::default()
    }
}

/// Characters that stress the readers: quote marks of every kind, apostrophes, dashes, white
/// space, right-to-left and zero-width marks, letters that change length in lower case, astral
/// and combining characters, markup characters.
const TRICKY: &[char] = &[
    '"',
    '\'',
    '`',
    '“',
    '”',
    '„',
    '‟',
    '«',
    '»',
    '‹',
    '›',
    '‘',
    '’',
    '‚',
    '‛',
    '—',
    '–',
    '―',
    '-',
    '.',
    ',',
    ':',
    ';',
    '?',
    '!',
    '…',
    '(',
    ')',
    '[',
    '\n',
    '\r',
    '\t',
    ' ',
    '\u{a0}',
    '\u{3000}',
    '\u{200b}',
    '\u{200d}',
    '\u{feff}',
    '\u{200f}',
    '\u{202e}',
    '\u{2066}',
    'א',
    'ש',
    'ع',
    'ل',
    '\u{301}',
    '😀',
    '𝔄',
    '\u{10ffff}',
    '\0',
    '<',
    '>',
    '&',
    'İ',
    'ß',
    'ﬃ',
    'Σ',
    '،',
    '0',
    '7',
];

fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => select(TRICKY),
        4 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        1 => any::<char>(),
    ]
}

/// Up to `max` characters, mostly tricky ones.
fn wild_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// Words of news prose that the quote finder reacts to, names invented for the project.
const WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "asked",
    "according",
    "to",
    "called",
    "he",
    "she",
    "they",
    "we",
    "I",
    "it",
    "Mr",
    "Ms",
    "Mrs",
    "Dr.",
    "Sen.",
    "Lt.",
    "Gen.",
    "President",
    "Oskar",
    "Brandt",
    "Mirela",
    "Kowal",
    "Petra",
    "Vell",
    "Ines",
    "Falk",
    "van",
    "der",
    "J.",
    "the",
    "The",
    "a",
    "council",
    "harbour",
    "spokeswoman",
    "minister",
    "who",
    "which",
    "and",
    "of",
    "on",
    "Tuesday",
    "CARROWBY",
    "(Wire)",
    "disgrace",
    "don’t",
    "U.S.",
    "well-known",
    "Carrowby’s",
    "’90s",
    "250,000",
    "—",
    "―",
    "–",
    "-",
    ",",
    ".",
    ":",
    "?",
    "!",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "``",
    "''",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "\n",
    "\n\n",
    "dubbed",
    "titled",
];

/// News-like text: words of [`WORDS`] and a little noise, with varied separators.
fn news_text(max_words: usize) -> impl Strategy<Value = String> {
    let word = prop_oneof![
        8 => select(WORDS).prop_map(String::from),
        1 => wild_text(6),
    ];
    let sep = select(&[" ", " ", " ", "", "\n", "  "][..]);
    proptest::collection::vec((word, sep), 0..max_words).prop_map(|v| {
        v.into_iter()
            .flat_map(|(w, s)| [w, s.to_string()])
            .collect()
    })
}

/// Tags of elements, the article's and the clutter's.
const TAGS: &[&str] = &[
    "html",
    "head",
    "body",
    "main",
    "article",
    "section",
    "div",
    "p",
    "span",
    "a",
    "aside",
    "nav",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "form",
    "input",
    "textarea",
    "button",
    "iframe",
    "script",
    "style",
    "noscript",
    "svg",
    "template",
    "dialog",
    "figure",
    "blockquote",
    "pre",
    "td",
    "time",
    "em",
    "b",
];

/// Class names that mean something to the rules, and a few that do not.
const CLASSES: &[&str] = &[
    "paywall",
    "tp-modal",
    "modal",
    "modal-open",
    "modal-backdrop",
    "overlay",
    "comments",
    "comment-list",
    "commentsSection",
    "newsletter",
    "newsletter-signup",
    "subscribe",
    "support-us",
    "donate",
    "sign_in__gate",
    "push-notification",
    "app-banner",
    "story-body",
    "article-content",
    "content",
    "sidebar",
    "related",
    "promo",
    "standfirst",
    "nav",
    "wide",
    "x1",
];

/// Phrases of prompts, appeals and comment teasers.
const PHRASES: &[&str] = &[
    "Subscribe to keep reading",
    "Sign up to our newsletter",
    "Leave a comment",
    "12 comments",
    "Support our journalism",
    "Already a subscriber? Log in",
    "Thank you for registering",
    "Turn on notifications",
    "Get the app",
    "Unterstützen Sie uns",
    "Abonnez-vous",
    "“Subscribe to our newsletter,” the leaflet said.",
];

/// Attribute names and values the rules read.
const ATTRS: &[(&str, &str)] = &[
    ("role", "dialog"),
    ("role", "alertdialog"),
    ("role", "navigation"),
    ("role", "menu"),
    ("role", "heading"),
    ("role", "banner"),
    ("aria-modal", "true"),
    ("aria-label", "Comments"),
    ("type", "email"),
    ("name", "comment"),
    ("placeholder", "Your e-mail address"),
    ("action", "/newsletter/subscribe"),
    ("src", "https://disqus.com/embed.js"),
    ("data-src", "https://cdn.viafoura.net/x.js"),
    ("data-component", "paywall"),
    ("data-", ""),
    ("href", "#comments"),
];

/// Where a generated node's parent points: back (near or far), to itself, forward, out of
/// range, or anywhere at all.
#[derive(Debug, Clone)]
enum Parent {
    Previous,
    Back(Index),
    SelfRef,
    Forward(u8),
    OutOfRange(u8),
    Root,
    Any(i64),
}

impl Parent {
    fn resolve(&self, i: usize, n: usize) -> i64 {
        match self {
            Parent::Previous => i as i64 - 1,
            Parent::Back(at) if i > 0 => at.index(i) as i64,
            Parent::Back(_) | Parent::Root => -1,
            Parent::SelfRef => i as i64,
            Parent::Forward(k) => (i + *k as usize) as i64,
            Parent::OutOfRange(k) => (n + *k as usize) as i64,
            Parent::Any(v) => *v,
        }
    }
}

fn arb_parent() -> impl Strategy<Value = Parent> {
    prop_oneof![
        5 => Just(Parent::Previous),
        8 => any::<Index>().prop_map(Parent::Back),
        1 => Just(Parent::SelfRef),
        1 => (1u8..4).prop_map(Parent::Forward),
        1 => (0u8..3).prop_map(Parent::OutOfRange),
        1 => Just(Parent::Root),
        1 => any::<i64>().prop_map(Parent::Any),
    ]
}

/// How a node is written in the snapshot JSON.
#[derive(Debug, Clone)]
enum Form {
    /// An object; `sparse` leaves default fields out, `unknown` adds a field nobody reads.
    Object { sparse: bool, unknown: bool },
    /// The compact array, with `pad` default values after the last needed one and `junk`
    /// values after the known fields.
    Compact { pad: u8, null_attrs: bool, junk: u8 },
}

fn arb_form() -> impl Strategy<Value = Form> {
    prop_oneof![
        (any::<bool>(), any::<bool>())
            .prop_map(|(sparse, unknown)| Form::Object { sparse, unknown }),
        (0u8..7, any::<bool>(), 0u8..3).prop_map(|(pad, null_attrs, junk)| Form::Compact {
            pad,
            null_attrs,
            junk
        }),
    ]
}

fn arb_style() -> impl Strategy<Value = Style> {
    (
        select(&["", "fixed", "sticky", "static", "absolute"][..]),
        select(&["", "hidden", "clip", "auto"][..]),
        prop_oneof![-2i64..6, any::<i64>()],
        any::<bool>(),
        // Exact in decimal: serde_json's default float parsing may be off by one ulp.
        prop_oneof![
            (0u8..=16).prop_map(|k| f64::from(k) / 16.0),
            Just(-1.0),
            Just(1e300)
        ],
        any::<bool>(),
    )
        .prop_map(
            |(position, overflow, z, covers_center, area, visible)| Style {
                position: position.into(),
                overflow: overflow.into(),
                z,
                covers_center,
                area,
                visible,
            },
        )
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => news_text(30),
        2 => wild_text(60),
        2 => select(PHRASES).prop_map(String::from),
    ]
}

/// One node (its parent still to be resolved) and how it is written.
fn arb_node() -> impl Strategy<Value = (Parent, Node<'static>, Form)> {
    let tag = prop_oneof![
        5 => Just("#text".to_string()),
        8 => select(TAGS).prop_map(String::from),
        1 => wild_text(5),
    ];
    let class = prop_oneof![
        4 => proptest::collection::vec(select(CLASSES), 0..3).prop_map(|v| v.join(" ")),
        1 => wild_text(12),
    ];
    let id = prop_oneof![
        4 => Just(String::new()),
        2 => select(CLASSES).prop_map(String::from),
        1 => wild_text(8),
    ];
    let attr = prop_oneof![
        4 => select(ATTRS).prop_map(|(k, v)| (k.to_string(), v.to_string())),
        1 => (wild_text(6), wild_text(12)),
    ];
    let attrs = proptest::collection::vec(attr, 0..3);
    let flag = |one_in: u32| (0..one_in).prop_map(|k| k == 0);
    (
        arb_parent(),
        tag,
        id,
        class,
        attrs,
        arb_text(),
        proptest::option::weighted(0.3, arb_style()),
        flag(8),
        flag(10),
        flag(6),
        arb_form(),
    )
        .prop_map(
            |(parent, tag, id, class, attrs, text, style, context, article, space, form)| {
                let node = Node {
                    parent: -1,
                    tag: tag.into(),
                    id: id.into(),
                    class: class.into(),
                    attrs: attrs
                        .into_iter()
                        .map(|(k, v)| (k.into(), v.into()))
                        .collect(),
                    text: text.into(),
                    style,
                    context,
                    article,
                    space,
                };
                (parent, node, form)
            },
        )
}

/// A generated snapshot: what it must decode to, and its JSON.
#[derive(Debug, Clone)]
struct Generated {
    snapshot: Snapshot<'static>,
    json: String,
}

/// Structurally valid snapshots of up to `max` nodes, each node in the object or the compact
/// form, parents pointing anywhere, sometimes a mutation batch.
fn arb_snapshot(max: usize) -> impl Strategy<Value = Generated> {
    (
        proptest::collection::vec(arb_node(), 0..max),
        proptest::option::weighted(0.2, (any::<u16>(), any::<bool>())),
        prop_oneof![Just(String::new()), wild_text(10)],
    )
        .prop_map(|(raw, partial, url)| {
            let n = raw.len();
            let mut nodes = Vec::with_capacity(n);
            let mut rows = Vec::with_capacity(n);
            for (i, (parent, mut node, form)) in raw.into_iter().enumerate() {
                node.parent = parent.resolve(i, n);
                let (row, decoded) = encode_node(&node, &form);
                rows.push(row);
                nodes.push(decoded);
            }
            let partial = partial.map(|(article_text, modal)| State {
                article_text: article_text as u64,
                modal,
            });
            let mut doc = json!({ "nodes": rows });
            if !url.is_empty() {
                doc["url"] = json!(url);
            }
            if let Some(state) = &partial {
                doc["partial"] = json!(state);
            }
            Generated {
                snapshot: Snapshot {
                    url,
                    nodes,
                    partial,
                    places: Vec::new(),
                },
                json: doc.to_string(),
            }
        })
}

/// A node written in `form`, and the node it must decode to (the compact form carries only
/// what its kind of node has).
fn encode_node(node: &Node<'static>, form: &Form) -> (Value, Node<'static>) {
    match *form {
        Form::Object { sparse, unknown } => {
            let mut row = serde_json::to_value(node).expect("a node serializes");
            let obj = row.as_object_mut().expect("an object");
            if sparse && node.parent == -1 {
                obj.remove("p");
            }
            if sparse && node.tag.is_empty() {
                obj.remove("t");
            }
            if !sparse {
                obj.entry("i").or_insert(json!(""));
                obj.entry("a").or_insert(json!([]));
                obj.entry("k").or_insert(json!(false));
            }
            if unknown {
                obj.insert("zz".into(), json!({"nested": [1, "two", null]}));
            }
            (row, node.clone())
        }
        Form::Compact {
            pad,
            null_attrs,
            junk,
        } => {
            let mut decoded = Node {
                parent: node.parent,
                tag: node.tag.clone(),
                ..Node::default()
            };
            let mut row = vec![json!(node.parent), json!(node.tag)];
            let full = if node.is_text() {
                decoded.text = node.text.clone();
                row.push(json!(node.text));
                3
            } else {
                decoded.id = node.id.clone();
                decoded.class = node.class.clone();
                decoded.attrs = node.attrs.clone();
                decoded.style = node.style.clone();
                decoded.context = node.context;
                decoded.article = node.article;
                decoded.space = node.space;
                let attrs = if node.attrs.is_empty() && null_attrs {
                    Value::Null
                } else {
                    json!(node.attrs)
                };
                row.extend([
                    json!(node.id),
                    json!(node.class),
                    attrs,
                    json!(node.style),
                    json!(node.context),
                    json!(node.article),
                    json!(node.space),
                ]);
                // Trailing defaults left off, then `pad` of them put back.
                let defaults = [
                    json!(""),
                    json!(""),
                    Value::Null,
                    Value::Null,
                    json!(false),
                    json!(false),
                    json!(false),
                ];
                let mut len = row.len();
                while len > 2 && (row[len - 1] == defaults[len - 3] || row[len - 1] == json!([])) {
                    len -= 1;
                }
                row.truncate((len + pad as usize).min(9));
                9
            };
            if row.len() == full {
                for k in 0..junk {
                    row.push(if k == 0 {
                        json!(42)
                    } else {
                        json!({"x": [null]})
                    });
                }
            }
            (Value::Array(row), decoded)
        }
    }
}

/// Settings text: valid ones of every shape, and nonsense.
fn arb_settings() -> impl Strategy<Value = String> {
    let valid = (
        proptest::sample::subsequence(Category::ALL.to_vec(), 0..=4),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(cats, labels, later)| {
            let mut v = json!({ "categories": cats });
            if let Some(l) = labels {
                v["labels"] = json!(l);
            }
            if let Some(l) = later {
                v["labels_later"] = json!(l);
            }
            v.to_string()
        });
    let fields = (
        proptest::sample::subsequence(Category::ALL.to_vec(), 0..=4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(cats, labels, later)| {
            let names: Vec<&str> = cats.iter().map(|c| c.name()).collect();
            format!(
                "categories={}&labels={}&labels_later={}",
                names.join(","),
                u8::from(labels),
                u8::from(later)
            )
        });
    prop_oneof![
        2 => Just(String::new()),
        1 => Just("  \n".to_string()),
        3 => fields,
        1 => Just("labels=maybe".to_string()),
        1 => Just("{}".to_string()),
        1 => Just("null".to_string()),
        1 => Just(r#"{"categories":["paywall","nope"]}"#.to_string()),
        1 => Just(r#"{"labels":"yes"}"#.to_string()),
        4 => valid,
        2 => wild_text(20),
    ]
}

/// Pieces inserted into pages and texts: quote marks, tags that change how the rest is parsed,
/// entities, control characters and a line of prose.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "<",
    ">",
    "</",
    "<p>",
    "</p>",
    "<div class=\"paywall-modal\" role=\"dialog\">",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<table>",
    "<td>",
    "<template>",
    "<svg>",
    "<math>",
    "<select>",
    "<textarea>",
    "<plaintext>",
    "<title>",
    "<a href=\"#comments\">",
    "</a>",
    "&",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&nbsp",
    "<![CDATA[",
    "<h1>",
    "<li>",
    "<noscript>",
    "<iframe src=\"https://disqus.com/embed.js\">",
    "<input type=\"email\" placeholder=\"Your e-mail\">",
    "<dialog open>",
    "<body class=\"modal-open\">",
    "<html>",
    "<head>",
    "<frameset>",
    "\0",
    "\u{feff}",
    "\u{202e}",
    "\n",
    " said Oskar Brandt. ",
    "— Ines Falk\n",
    "<br>",
    "<b><i><u>",
    "</b></i>",
    "<p class=\"story-body\">",
];

/// One change to a page's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(Index, u16),
    Duplicate(Index, u16, Index),
    Insert(Index, String),
    Truncate(Index),
    Byte(Index, u8),
}

fn arb_mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop_oneof![
        4 => select(PIECES).prop_map(String::from),
        1 => wild_text(8),
    ];
    prop_oneof![
        2 => (any::<Index>(), 1u16..600).prop_map(|(at, len)| Mutation::Delete(at, len)),
        2 => (any::<Index>(), 1u16..600, any::<Index>())
            .prop_map(|(at, len, to)| Mutation::Duplicate(at, len, to)),
        5 => (any::<Index>(), piece).prop_map(|(at, p)| Mutation::Insert(at, p)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
    ]
}

fn arb_mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(arb_mutation(), 1..10)
}

/// A position in `0..=len`.
fn pos(at: &Index, len: usize) -> usize {
    at.index(len + 1)
}

/// Apply mutations to bytes and read the result as the command line does (lossily).
fn mutate(src: &[u8], mutations: &[Mutation]) -> String {
    let mut b = src.to_vec();
    for m in mutations {
        match m {
            Mutation::Delete(at, len) => {
                let s = pos(at, b.len());
                let e = (s + *len as usize).min(b.len());
                b.drain(s..e);
            }
            Mutation::Duplicate(at, len, to) => {
                let s = pos(at, b.len());
                let e = (s + *len as usize).min(b.len());
                let copy = b[s..e].to_vec();
                let t = pos(to, b.len());
                b.splice(t..t, copy);
            }
            Mutation::Insert(at, piece) => {
                let t = pos(at, b.len());
                b.splice(t..t, piece.bytes());
            }
            Mutation::Truncate(at) => b.truncate(pos(at, b.len())),
            Mutation::Byte(at, v) => {
                if !b.is_empty() {
                    let k = at.index(b.len());
                    b[k] = *v;
                }
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// Tag soup: tags with classes and attributes the rules read, stray closing tags, entities,
/// prose with quotes, noise.
fn tag_soup() -> impl Strategy<Value = String> {
    let open = (select(TAGS), select(CLASSES), select(ATTRS))
        .prop_map(|(t, c, (k, v))| format!("<{t} class=\"{c}\" {k}=\"{v}\">"));
    let piece = prop_oneof![
        3 => select(PIECES).prop_map(String::from),
        4 => open,
        2 => select(TAGS).prop_map(|t| format!("</{t}>")),
        3 => news_text(12),
        1 => select(PHRASES).prop_map(String::from),
        1 => wild_text(20),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

// ---------------------------------------------------------------------------------------------
// What must always hold
// ---------------------------------------------------------------------------------------------

/// `plan_json`'s answer as a value without its ticket, which it has exactly when the plan put
/// quotations off.
fn ticketless(answer: &str, plan: &Plan) -> Value {
    let mut v: Value = serde_json::from_str(answer).expect("plan_json answers JSON");
    let ticket = v.as_object_mut().and_then(|o| o.remove("quotes_ticket"));
    assert_eq!(ticket.is_some(), plan.later.is_some(), "{answer}");
    if let Some(t) = ticket {
        let got: Value = serde_json::from_str(&labels_json(t.as_u64().unwrap() as u32)).unwrap();
        assert!(got.is_array(), "the ticket finds its text");
    }
    v
}

/// `plan_json`'s answer is JSON: `{"error": "..."}` alone, or a whole plan.
fn check_answer(out: &str) -> Value {
    let v: Value = serde_json::from_str(out).expect("plan_json answers JSON");
    let obj = v.as_object().expect("plan_json answers an object");
    if let Some(e) = obj.get("error") {
        assert!(e.is_string() && obj.len() == 1, "{out}");
    } else {
        for key in [
            "hide",
            "article",
            "paragraphs",
            "nodes",
            "quotes",
            "rescan",
            "state",
        ] {
            assert!(obj.contains_key(key), "{key} missing from {out}");
        }
    }
    v
}

/// What every plan must satisfy, whatever the snapshot: hidden elements in range, in document
/// order, outermost only, never text, context, `html`, `body` or `main`; never a box around
/// the article, nor one inside it holding more than the guard's share of its paragraphs; the
/// article and paragraphs the finder reports; labels inside text nodes of the page.
fn check_plan(snap: &Snapshot, settings: &Settings, plan: &Plan) {
    let n = snap.nodes.len();
    let tree = Tree::new(snap);
    assert_eq!(plan.nodes, n);
    for w in plan.hide.windows(2) {
        assert!(
            w[0].node < w[1].node,
            "hidden once, in order: {:?}",
            plan.hide
        );
        assert!(
            !tree.contains(w[0].node, w[1].node),
            "outermost only: {:?}",
            plan.hide
        );
    }
    for h in &plan.hide {
        assert!(h.node < n, "hidden node {} of {n}", h.node);
        let node = &snap.nodes[h.node];
        // (A text node given a style, which the hands never send, can pass for a backdrop.)
        assert!(
            !node.is_text() || node.style.is_some(),
            "a text node hidden: {h:?}"
        );
        assert!(!node.context, "a context node hidden: {h:?}");
        assert!(
            !matches!(node.tag.as_ref(), "html" | "body" | "main"),
            "{h:?}"
        );
        assert!(!h.reason.is_empty());
        assert!(settings.categories.contains(&h.category), "{h:?}");
    }
    let found = match &snap.partial {
        Some(state) => article::from_batch(&tree, state.article_text),
        None => article::find(&tree),
    };
    assert_eq!(plan.article, found.root);
    assert_eq!(plan.paragraphs, found.paragraphs.len());
    if let Some(root) = found.root {
        assert!(root < n);
        for h in &plan.hide {
            assert!(
                !tree.contains(h.node, root),
                "the article's box hidden: {h:?}"
            );
            if tree.contains(root, h.node) && found.text_len > 0 {
                let inside: u64 = found
                    .paragraphs
                    .iter()
                    .filter(|&&p| tree.contains(h.node, p))
                    .map(|&p| u64::from(tree.text_len[p]))
                    .sum();
                assert!(
                    inside as f64 <= 0.3 * found.text_len as f64,
                    "{h:?} holds {inside} of {} article characters",
                    found.text_len
                );
            }
        }
    }
    if let Some(u) = &plan.unlock {
        assert!(u.nodes.iter().all(|&x| x < n));
        assert!(u.classes.iter().all(|(x, c)| *x < n && !c.is_empty()));
    }
    if snap.partial.is_some() || !settings.labels {
        assert!(plan.quotes.is_empty());
    }
    for l in &plan.quotes {
        for (node, offset) in [l.start, l.end] {
            assert!(node < n && tree.is_page_text(node), "{l:?}");
            assert!(
                offset <= snap.nodes[node].text.encode_utf16().count(),
                "{l:?}"
            );
        }
        assert!(
            (l.start.0, l.start.1) < (l.end.0, l.end.1),
            "a label ends after it starts: {l:?}"
        );
        assert!(!l.speaker.trim().is_empty() && !l.quote.is_empty(), "{l:?}");
    }
}

/// Quotations lie inside the text, in order, without overlapping, each trimmed and holding a
/// letter or digit; speakers and roles are never blank; cues lie inside the text.
fn check_quotes(text: &str, found: &[quotes::Quote]) {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let chars = bytes.len() - 1;
    let mut prev = 0;
    for q in found {
        assert!(
            prev <= q.start && q.start < q.end && q.end <= chars,
            "{q:?} after {prev} in {chars} chars"
        );
        prev = q.end;
        let quoted = &text[bytes[q.start]..bytes[q.end]];
        assert!(quoted.chars().any(char::is_alphanumeric), "{quoted:?}");
        assert!(
            !quoted.starts_with(char::is_whitespace) && !quoted.ends_with(char::is_whitespace),
            "{quoted:?}"
        );
        assert!(
            q.speaker.as_ref().is_none_or(|s| !s.trim().is_empty()),
            "{q:?}"
        );
        assert!(
            q.role.as_ref().is_none_or(|s| !s.trim().is_empty()),
            "{q:?}"
        );
        if let Some((a, b)) = q.cue {
            assert!(a <= b && b <= chars, "{q:?}");
        }
    }
}

/// A snapshot read from HTML is a tree in document order: `html` first, each parent an earlier
/// element, as the tree rebuilds it. A template's contents come out as roots of their own,
/// which cut the page's later nodes off their parents in the tree (see the report of issue
/// 7.1); with them, only the parents are checked.
fn check_html_snapshot(page: &Page) {
    let nodes = &page.snapshot.nodes;
    assert_eq!(page.ids.len(), nodes.len());
    assert_eq!(nodes[0].tag, "html");
    assert_eq!(nodes[0].parent, -1);
    let tree = Tree::new(&page.snapshot);
    let one_root = nodes.iter().skip(1).all(|n| n.parent >= 0);
    for (i, n) in nodes.iter().enumerate().skip(1) {
        let Ok(p) = usize::try_from(n.parent) else {
            assert_eq!(n.parent, -1);
            continue;
        };
        assert!(p < i && !nodes[p].is_text(), "node {i}: parent {p}");
        if one_root {
            assert_eq!(tree.parent[i], Some(p), "node {i}");
        }
    }
}

/// The whole pipeline on one page as the command line runs it: HTML to snapshot, the plan
/// (which must hold up), the same plan from the snapshot's JSON in both forms, marked and
/// cleaned output, and quotes over all the page's text.
fn pipeline(html_text: &str) {
    let page = Page::parse(html_text);
    check_html_snapshot(&page);
    check_markup(&page);
    let settings = Settings::default();
    let plan = plan(&page.snapshot, &settings);
    check_plan(&page.snapshot, &settings, &plan);
    // Labels only in text blocks left visible (a hidden element inside a visible block may
    // still be labelled: see the report of issue 7.1).
    let hidden = hidden_flags(&page.snapshot, &plan.hide);
    let tree = Tree::new(&page.snapshot);
    let found = article::find(&tree);
    let blocks = labels::blocks(&tree, &found);
    for l in &plan.quotes {
        let visible = |&b: &usize| tree.contains(b, l.start.0) && !hidden[b];
        assert!(blocks.iter().any(visible), "{l:?}");
    }
    let want = serde_json::to_string(&plan).unwrap();
    let objects = serde_json::to_string(&page.snapshot).unwrap();
    assert_eq!(plan_json(&objects, ""), want);
    assert_eq!(plan_json(&compact_json(&page.snapshot), ""), want);
    // Put off, the same quotations come with the ticket, once.
    let later: Value =
        serde_json::from_str(&plan_json(&objects, r#"{"labels_later":true}"#)).unwrap();
    assert_eq!(later["hide"], serde_json::to_value(&plan.hide).unwrap());
    match later.get("quotes_ticket").and_then(Value::as_u64) {
        Some(ticket) => {
            let got: Value = serde_json::from_str(&labels_json(ticket as u32)).unwrap();
            assert_eq!(got, serde_json::to_value(&plan.quotes).unwrap());
            let again: Value = serde_json::from_str(&labels_json(ticket as u32)).unwrap();
            assert!(again.is_null());
        }
        None => assert!(plan.quotes.is_empty()),
    }
    let text: String = page
        .snapshot
        .nodes
        .iter()
        .filter(|n| n.is_text())
        .map(|n| n.text.as_ref())
        .collect::<Vec<_>>()
        .join("\n");
    check_quotes(&text, &quotes::find(&text));
    let hide = plan.hide.clone();
    let marked = page.marked(&hide);
    assert_eq!(
        marked.matches(html::MARK).count(),
        hide.len(),
        "one mark per hidden element"
    );
    let cleaned = Page::parse(html_text).cleaned(&hide);
    let again = Page::parse(&cleaned);
    check_html_snapshot(&again);
}

/// The snapshot in the compact form the browser sends.
fn compact_json(snap: &Snapshot) -> String {
    let nodes: Vec<Value> = snap
        .nodes
        .iter()
        .map(|n| {
            if n.is_text() {
                json!([n.parent, n.tag, n.text])
            } else {
                json!([
                    n.parent, n.tag, n.id, n.class, n.attrs, n.style, n.context, n.article, n.space
                ])
            }
        })
        .collect();
    json!({ "nodes": nodes }).to_string()
}

/// What a snapshot reads back as after packing: separators in its strings made spaces, the
/// area clamped and rounded to ten-thousandths, elements without text of their own.
fn as_packed(snap: &Snapshot<'static>) -> Snapshot<'static> {
    let clean = |s: &str| s.replace(['\u{1}', '\u{2}', '\u{3}'], " ");
    let clean_cow = |s: &str| -> std::borrow::Cow<'static, str> { clean(s).into() };
    let mut out = snap.clone();
    out.url = clean(&out.url);
    for n in &mut out.nodes {
        n.tag = clean_cow(&n.tag);
        n.text = clean_cow(&n.text);
        if n.is_text() {
            *n = Node {
                parent: n.parent,
                tag: n.tag.clone(),
                text: n.text.clone(),
                ..Node::default()
            };
            continue;
        }
        n.text = "".into();
        n.id = clean_cow(&n.id);
        n.class = clean_cow(&n.class);
        for (k, v) in &mut n.attrs {
            *k = clean_cow(k);
            *v = clean_cow(v);
        }
        if let Some(style) = &mut n.style {
            style.position = clean(&style.position);
            style.overflow = clean(&style.overflow);
            style.area = (style.area.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0;
        }
    }
    out
}

/// The project's own pages: the fixtures and the demo page.
fn project_pages() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["tests/fixtures", "tests/fixtures/clutter"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixture folder"))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    files.push(root.join("www/index.html"));
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).expect("a readable page");
            (f.display().to_string(), bytes)
        })
        .collect()
}

static PROJECT_PAGES: std::sync::LazyLock<Vec<(String, Vec<u8>)>> =
    std::sync::LazyLock::new(project_pages);

/// The page serialized as a browser serializes it reads back, in the markup reader, as the
/// nodes the walk sends (styles aside: the markup's are made up), or is refused whole.
fn check_markup(page: &Page) {
    let (markup, walked) = quietread::html::as_markup(page);
    // Pathological trees (elements inside a foreign <script>, say) may not serialize back;
    // the hands then walk the page. In the fuzzing of this file that is 8 pages in 1,536.
    let Ok(read) = quietread::markup::read(&markup) else {
        return;
    };
    let plain = |n: &quietread::Node| {
        let mut v = serde_json::to_value(n).unwrap();
        v.as_object_mut().map(|o| o.remove("s"));
        v
    };
    assert_eq!(read.nodes.len(), walked.len(), "{markup}");
    for (got, want) in read.nodes.iter().zip(&walked) {
        assert_eq!(plain(got), plain(want), "{markup}");
    }
    assert_eq!(read.places.len(), read.nodes.len());
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    /// Any text at all, as snapshot and as settings: an answer in JSON, never a panic.
    #[test]
    fn plan_json_answers_any_text(snapshot in wild_text(200), settings in arb_settings()) {
        check_answer(&plan_json(&snapshot, &settings));
    }

    /// Snapshot JSON with its bytes mutated (most of it no longer valid): JSON back.
    #[test]
    fn plan_json_answers_broken_snapshot_json(
        case in arb_snapshot(24),
        mutations in arb_mutations(),
        settings in arb_settings(),
    ) {
        let json = mutate(case.json.as_bytes(), &mutations);
        check_answer(&plan_json(&json, &settings));
    }

    /// Valid snapshots, nodes in both forms, parents anywhere: they decode to what was written,
    /// `plan_json` answers with exactly the plan of the decoded snapshot, and the plan holds up.
    #[test]
    fn snapshots_decode_in_both_forms_and_plan_safely(
        case in arb_snapshot(60),
        settings in arb_settings(),
    ) {
        let decoded: Snapshot = serde_json::from_str(&case.json).expect("a valid snapshot decodes");
        prop_assert_eq!(decoded.nodes.len(), case.snapshot.nodes.len());
        for (got, want) in decoded.nodes.iter().zip(&case.snapshot.nodes) {
            prop_assert_eq!(serde_json::to_value(got).unwrap(), serde_json::to_value(want).unwrap());
        }
        prop_assert_eq!(&decoded.url, &case.snapshot.url);
        prop_assert_eq!(&decoded.partial, &case.snapshot.partial);
        let answer = plan_json(&case.json, &settings);
        let parsed = Settings::read(&settings);
        match parsed {
            Ok(s) => {
                let plan = plan(&decoded, &s);
                check_plan(&decoded, &s, &plan);
                prop_assert_eq!(ticketless(&answer, &plan), serde_json::to_value(&plan).unwrap());
            }
            Err(_) => prop_assert!(check_answer(&answer).get("error").is_some()),
        }
    }

    /// Any text after a packed snapshot's header: an answer in JSON, never a panic.
    #[test]
    fn plan_json_answers_any_packed_text(text in wild_text(200), count in 0usize..6) {
        check_answer(&plan_json(&format!("qr1\u{2}{count}\u{2}{text}"), ""));
    }

    /// Any text after a markup snapshot's header: an answer in JSON, never a panic.
    #[test]
    fn plan_json_answers_any_markup_text(text in wild_text(200), count in 0usize..6) {
        check_answer(&plan_json(&format!("qm1\u{2}\u{2}data-m\u{2}{count}\u{1}{text}"), ""));
    }

    /// A page's markup with its bytes mutated: JSON back.
    #[test]
    fn plan_json_answers_broken_markup(html in tag_soup(), mutations in arb_mutations()) {
        let (markup, _) = quietread::html::as_markup(&Page::parse(&html));
        check_answer(&plan_json(&mutate(markup.as_bytes(), &mutations), ""));
    }

    /// A packed snapshot with its bytes mutated: JSON back.
    #[test]
    fn plan_json_answers_broken_packed_snapshots(
        case in arb_snapshot(24),
        mutations in arb_mutations(),
    ) {
        let text = mutate(packed::encode(&case.snapshot).as_bytes(), &mutations);
        check_answer(&plan_json(&text, ""));
    }

    /// Valid snapshots packed as the hands pack them: they decode to what was written (the
    /// separators in its strings made spaces, the area in ten-thousandths, no text on elements), and `plan_json`
    /// answers with the plan of the decoded snapshot, which holds up.
    #[test]
    fn packed_snapshots_decode_and_plan_safely(case in arb_snapshot(60), settings in arb_settings()) {
        let text = packed::encode(&case.snapshot);
        let decoded = packed::decode(&text).expect("a packed snapshot decodes");
        let want = as_packed(&case.snapshot);
        prop_assert_eq!(&decoded.url, &want.url);
        prop_assert_eq!(&decoded.partial, &want.partial);
        prop_assert_eq!(decoded.nodes.len(), want.nodes.len());
        for (got, want) in decoded.nodes.iter().zip(&want.nodes) {
            prop_assert_eq!(serde_json::to_value(got).unwrap(), serde_json::to_value(want).unwrap());
        }
        let parsed = Settings::read(&settings);
        if let Ok(s) = parsed {
            let plan = plan(&decoded, &s);
            check_plan(&decoded, &s, &plan);
            prop_assert_eq!(ticketless(&plan_json(&text, &settings), &plan), serde_json::to_value(&plan).unwrap());
        }
    }

    /// Any text: quotes inside it, in order, speakers never blank.
    #[test]
    fn quotes_in_any_text(text in wild_text(400)) {
        check_quotes(&text, &quotes::find(&text));
    }

    /// News-like text full of names, cue verbs, pronouns and marks of every kind.
    #[test]
    fn quotes_in_news_like_text(text in news_text(300)) {
        check_quotes(&text, &quotes::find(&text));
    }

    /// Tag soup through the whole pipeline.
    #[test]
    fn html_tag_soup_goes_through_the_pipeline(html in tag_soup()) {
        pipeline(&html);
    }

    /// Arbitrary text read as HTML.
    #[test]
    fn any_text_reads_as_html(text in wild_text(300)) {
        pipeline(&text);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// The project's pages with bytes deleted, duplicated, inserted (quote marks, tags,
    /// entities), overwritten and cut off, through the whole pipeline.
    #[test]
    fn mutated_project_pages_go_through_the_pipeline(
        page in any::<Index>(),
        mutations in arb_mutations(),
    ) {
        let (_, bytes) = &PROJECT_PAGES[page.index(PROJECT_PAGES.len())];
        pipeline(&mutate(bytes, &mutations));
    }
}

/// Every project page, untouched, holds up in the pipeline (and the list is not empty).
#[test]
fn project_pages_go_through_the_pipeline() {
    assert!(PROJECT_PAGES.len() >= 20);
    for (name, bytes) in PROJECT_PAGES.iter() {
        let text = std::str::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is UTF-8"));
        pipeline(text);
    }
}

/// The corpus's pages, each as it is and with 20 sets of mutations, through the pipeline.
/// Needs `../shared/corpus/pages` (or `QUIETREAD_CORPUS`); slow in a debug build.
#[test]
#[ignore]
fn mutated_corpus_pages_go_through_the_pipeline() {
    let corpus = std::env::var_os("QUIETREAD_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let pages = corpus.join("pages");
    if !pages.is_dir() {
        eprintln!("no corpus at {}: nothing to do", pages.display());
        return;
    }
    let dirs = quietread::eval::clutter::page_dirs(&pages, &mut Vec::new());
    let mut runner = TestRunner::deterministic();
    let strategy = arb_mutations();
    let mut failures = Vec::new();
    let mut runs = 0;
    let mut slowest = (Duration::ZERO, String::new());
    let started = Instant::now();
    for dir in &dirs {
        let Ok(bytes) = std::fs::read(dir.join("source.html")) else {
            continue;
        };
        for round in 0..=20 {
            let mutations = if round == 0 {
                Vec::new()
            } else {
                strategy.new_tree(&mut runner).unwrap().current()
            };
            let text = mutate(&bytes, &mutations);
            runs += 1;
            let start = Instant::now();
            if std::panic::catch_unwind(|| pipeline(&text)).is_err() {
                failures.push(format!("{} {mutations:?}", dir.display()));
            }
            let took = start.elapsed();
            if took > slowest.0 {
                slowest = (took, dir.display().to_string());
            }
        }
    }
    eprintln!(
        "{} corpus pages, {runs} runs in {:.1?}, {} failed; slowest run {:.1?} ({})",
        dirs.len(),
        started.elapsed(),
        failures.len(),
        slowest.0,
        slowest.1
    );
    assert!(!dirs.is_empty());
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---------------------------------------------------------------------------------------------
// Deep and huge inputs
// ---------------------------------------------------------------------------------------------

fn element(parent: i64, tag: &str, class: &str) -> Node<'static> {
    Node {
        parent,
        tag: tag.to_string().into(),
        class: class.to_string().into(),
        ..Node::default()
    }
}

fn text_node(parent: i64, text: &str) -> Node<'static> {
    Node {
        parent,
        tag: "#text".into(),
        text: text.to_string().into(),
        ..Node::default()
    }
}

/// Plan a snapshot directly and through its JSON, check the plan, and return it.
fn plan_both_ways(snap: &Snapshot) -> Plan {
    let settings = Settings::default();
    let plan = plan(snap, &settings);
    check_plan(snap, &settings, &plan);
    let json = serde_json::to_string(snap).unwrap();
    assert_eq!(plan_json(&json, ""), serde_json::to_string(&plan).unwrap());
    assert_eq!(
        plan_json(&packed::encode(snap), ""),
        serde_json::to_string(&plan).unwrap()
    );
    plan
}

#[test]
fn a_parent_chain_100000_deep() {
    let mut nodes = vec![element(-1, "html", ""), element(0, "body", "")];
    for k in 0..100_000 {
        let class = if k % 1000 == 0 { "story-body" } else { "" };
        nodes.push(element(nodes.len() as i64 - 1, "div", class));
    }
    let deepest = nodes.len() as i64 - 1;
    nodes.push(element(deepest, "p", ""));
    nodes.push(text_node(
        deepest + 1,
        "“We will stay open all winter,” said Oskar Brandt, who runs the ferry, on Tuesday.",
    ));
    nodes.push(element(deepest, "div", "newsletter-signup"));
    nodes.push(text_node(deepest + 3, "Sign up to our newsletter"));
    let snap = Snapshot {
        nodes,
        ..Snapshot::default()
    };
    let plan = plan_both_ways(&snap);
    assert_eq!(plan.nodes, 100_006);
}

/// As many siblings as the extension sends nodes at most (with their text nodes): the article's
/// flow, a paragraph with a quote every twentieth, a prompt every thousandth.
#[test]
fn a_body_with_100000_siblings() {
    let mut nodes = vec![
        element(-1, "html", ""),
        element(0, "body", ""),
        element(1, "div", "story-body"),
    ];
    for k in 0..100_000 {
        let text = match k % 1000 {
            999 => "Support our journalism".to_string(),
            _ if k % 20 == 0 => paragraph(k),
            _ => format!("Tide table, row {k}"),
        };
        nodes.push(element(2, "p", ""));
        nodes.push(text_node(nodes.len() as i64 - 1, &text));
    }
    let snap = Snapshot {
        nodes,
        ..Snapshot::default()
    };
    let settings = Settings::default();
    let plan = plan(&snap, &settings);
    check_plan(&snap, &settings, &plan);
    let decoded: Snapshot = serde_json::from_str(&compact_json(&snap)).unwrap();
    assert_eq!(decoded.nodes.len(), snap.nodes.len());
    assert_eq!(plan.article, Some(2));
    assert_eq!(
        plan.hide.len(),
        100,
        "{:?}",
        &plan.hide[..plan.hide.len().min(3)]
    );
    assert!(plan.quotes.len() >= 1000);
}

/// `depth` levels of `tag` elements (a `div` every `div_every` levels) around a paragraph with
/// a quote and a newsletter line.
fn nested_html(depth: usize, tag: &str, div_every: usize) -> String {
    let mut h = String::from("<!doctype html><html><body>");
    let level = |k: usize| {
        if k.is_multiple_of(div_every) {
            "div"
        } else {
            tag
        }
    };
    for k in 0..depth {
        h += &format!("<{} class=\"wrap{}\">", level(k), k % 7);
    }
    h.push_str(
        "<p>“We will stay open all winter,” said Oskar Brandt, who runs the ferry.</p>\
         <div class=\"newsletter\">Sign up to our newsletter</div>",
    );
    for k in (0..depth).rev() {
        h += &format!("</{}>", level(k));
    }
    h.push_str("</body></html>");
    h
}

/// A deeply nested page read, planned and written back marked.
fn deep_page(html_text: &str) {
    let page = Page::parse(html_text);
    check_html_snapshot(&page);
    let settings = Settings::default();
    let plan = plan(&page.snapshot, &settings);
    check_plan(&page.snapshot, &settings, &plan);
    assert!(!plan.hide.is_empty(), "the newsletter line is hidden");
    assert!(page.marked(&plan.hide).contains(html::MARK));
}

#[test]
fn html_nested_5000_deep() {
    deep_page(&nested_html(5000, "section", 2));
}

/// Mostly `span`s: each block start tag makes html5ever look through all the open elements for
/// a `p` to close (as the HTML standard says), so 50,000 nested blocks would take it minutes in
/// a debug build, whatever Quietread does after.
#[test]
fn html_nested_50000_deep() {
    deep_page(&nested_html(50_000, "span", 1000));
}

#[test]
fn a_megabyte_with_10000_unbalanced_quote_marks() {
    let mut text = article_text(1_000_000);
    // Opening marks without closing ones, spread through the text at char boundaries.
    let marks = ['“', '"', '‘', '«', '„', '\''];
    let cuts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let mut at: Vec<usize> = (0..10_000).map(|k| cuts[k * 7919 % cuts.len()]).collect();
    at.sort_unstable();
    for (k, &b) in at.iter().enumerate().rev() {
        text.insert(b, marks[k % marks.len()]);
    }
    assert!(text.len() >= 1_000_000);
    check_quotes(&text, &quotes::find(&text));
    // And all in one paragraph.
    let one = text.replace('\n', " ");
    check_quotes(&one, &quotes::find(&one));
}

// ---------------------------------------------------------------------------------------------
// Linear time
// ---------------------------------------------------------------------------------------------

const FIRST: [&str; 12] = [
    "Oskar", "Mirela", "Teodor", "Ines", "Bartek", "Signe", "Aurelio", "Petra", "Kasimir", "Yara",
    "Emeric", "Nadja",
];
const LAST: [&str; 12] = [
    "Brandt",
    "Kowal",
    "Lindqvist",
    "Serrat",
    "Dunmore",
    "Falk",
    "Ostrander",
    "Vell",
    "Marrow",
    "Quist",
    "Harlan",
    "Tesk",
];
const ROLES: [&str; 6] = [
    "harbour master",
    "council leader",
    "ferry captain",
    "union spokeswoman",
    "fisheries minister",
    "head teacher",
];

/// Paragraph `k` of an invented news story: names with roles, quotes attributed before and
/// after, pronouns, partial and scare quotes, apostrophes, numbers.
fn paragraph(k: usize) -> String {
    let a = k % 12;
    let b = (k * 5 + 3) % 12;
    let (fa, la, fb, lb) = (FIRST[a], LAST[a], FIRST[b], LAST[b]);
    let role = ROLES[k % ROLES.len()];
    let pronoun = if a % 2 == 1 { "she" } else { "he" };
    let title = if b % 2 == 1 { "Ms" } else { "Mr" };
    match k % 6 {
        0 => format!(
            "The {role}, {fa} {la}, said on Tuesday that the new quay, which the council’s \
             engineers had called “well within budget”, would not open before spring {k}."
        ),
        1 => format!(
            "“We don’t have the steel, and we don’t have the men,” {la} said. “The well-known \
             problems of the yard have not gone away, not since {k}.”"
        ),
        2 => format!(
            "“It is a fair deal for the island and for the {k} families on it,” {pronoun} told \
             the Carrowby Courier, adding that the vote would go ahead."
        ),
        3 => format!(
            "{fb} {lb}, a ferry captain, called the delay “a disgrace” and said the town had \
             been ‘left in the dark’ for {k} years."
        ),
        4 => format!(
            "Asked about the cost, {title} {lb} replied: “Nobody can say. Not the council, not \
             the yard, not me.” The figure, {k},000 crowns, was not disputed."
        ),
        _ => format!(
            "The harbour board met again on Thursday, and after a long debate it agreed to \
             publish the figures, all {k} pages of them, by the end of May."
        ),
    }
}

/// At least `bytes` of the story, paragraphs one per line.
fn article_text(bytes: usize) -> String {
    let mut out = String::new();
    let mut k = 0;
    while out.len() < bytes {
        out.push_str(&paragraph(k));
        out.push('\n');
        k += 1;
    }
    out
}

/// A news page of `units` parts: a menu, the article (five paragraphs per unit, with a
/// newsletter box, a figure, a related-links card or an appeal among them), nested wrappers
/// in a rail, comments (two per unit), a comment form, a modal and a footer.
fn page_html(units: usize) -> String {
    let mut h = String::from(
        "<!doctype html><html><head><title>Quay delayed</title><style>.x{color:red}</style>\
         <script>var quay = \"“not a quote”\";</script></head><body class=\"modal-open\">\
         <header class=\"site-header\"><nav class=\"main-nav\"><ul>",
    );
    for s in 0..8 {
        h += &format!("<li><a href=\"/s{s}\">Section {s}</a></li>");
    }
    h += "<li><a href=\"/newsletters\">Newsletters</a></li></ul></nav></header><main>\
          <article class=\"post\"><h1>Quay delayed again, council says</h1>\
          <p class=\"standfirst\">The island’s new quay will not open before spring.</p>\
          <div class=\"story-body\">";
    for u in 0..units {
        for k in 0..5 {
            h += &format!("<p>{}</p>", paragraph(u * 5 + k));
        }
        h += &match u % 4 {
            0 => "<div class=\"newsletter-signup\"><h3>Sign up to our newsletter</h3><form>\
                  <input type=\"email\" placeholder=\"Your e-mail\"><button>Sign up</button>\
                  </form></div>"
                .to_string(),
            1 => format!(
                "<figure class=\"photo\"><img src=\"/q{u}.jpg\"><figcaption>The quay in \
                 winter {u}.</figcaption></figure>"
            ),
            2 => format!(
                "<div class=\"related\"><ul><li><a href=\"/a{u}\">Ferry fares rise</a></li>\
                 <li><a href=\"/b{u}\">School roof repaired</a></li></ul></div>"
            ),
            _ => "<aside class=\"support-us\"><p>Support our journalism: if you value our \
                  reporting, become a member today.</p><a href=\"/join\">Join</a></aside>"
                .to_string(),
        };
    }
    h += "</div></article><div class=\"rail\">";
    for u in 0..units {
        h += &format!(
            "<div class=\"row\"><div class=\"col\"><div class=\"card promo\"><div \
             class=\"card-body\"><span class=\"kicker\">Island</span><a href=\"/r{u}\">Read \
             more about the harbour {u}</a></div></div></div></div>"
        );
    }
    h += "</div><section id=\"comments\" class=\"comments-area\"><h2>Comments</h2>\
          <ol class=\"comment-list\">";
    for c in 0..units * 2 {
        h += &format!(
            "<li class=\"comment\"><div class=\"comment-body\"><p class=\"author\">Reader \
             {c}</p><p>I don’t agree, the quay was “a waste” from day {c}.</p></div></li>"
        );
    }
    h += "</ol><form class=\"comment-form\"><textarea name=\"comment\"></textarea>\
          <button>Post comment</button></form></section></main>\
          <div class=\"tp-modal\" role=\"dialog\"><h2>Subscribe to keep reading</h2>\
          <p>Already a subscriber? Log in</p></div><div class=\"tp-backdrop\"></div>\
          <footer><p>© The Carrowby Courier</p></footer></body></html>";
    h
}

/// Serialises the timing tests, so that they do not slow each other down.
static TIMING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Time `run` on inputs of size `n` and `10 n` (made by `make`, not timed), the best of a few
/// runs each, interleaved; assert the ratio stays under 25 (linear gives about 10, quadratic
/// about 100). Returns the two times.
fn assert_linear<T>(
    what: &str,
    n: usize,
    make: impl Fn(usize) -> T,
    run: impl Fn(&T),
) -> (Duration, Duration) {
    let _serial = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let small = make(n);
    let large = make(10 * n);
    let time = |input: &T| {
        let start = Instant::now();
        run(input);
        start.elapsed()
    };
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        best_small = best_small.min(time(&small));
        best_large = best_large.min(time(&large));
    }
    let ratio = best_large.as_secs_f64() / best_small.as_secs_f64();
    eprintln!("{what}: n {best_small:.1?}, 10n {best_large:.1?}, ratio {ratio:.1}");
    assert!(
        ratio < 25.0,
        "{what}: 10x the input took {ratio:.1}x the time ({best_small:?} -> {best_large:?})"
    );
    (best_small, best_large)
}

#[test]
fn plan_json_time_is_linear() {
    assert_linear(
        "plan_json",
        40,
        |units| serde_json::to_string(&html::snapshot(&page_html(units))).unwrap(),
        |json| {
            let out = plan_json(json, "");
            assert!(out.contains("\"speaker\""), "the page has quote labels");
        },
    );
}

#[test]
fn quote_time_is_linear() {
    assert_linear("quotes::find", 20_000, article_text, |text| {
        assert!(quotes::find(text).iter().any(|q| q.speaker.is_some()));
    });
}

/// Curly marks inside an open quote ask what the rest of their paragraph holds: a paragraph of
/// thousands of marks, after a curly or a straight one, is read in linear time.
#[test]
fn quote_marks_in_one_paragraph_time_is_linear() {
    for (what, open) in [("curly", "\u{201c}"), ("straight", "\"")] {
        assert_linear(
            what,
            5_000,
            |n| format!("Title\n\n{open}{}", "\u{201c}a ".repeat(n)),
            |text| {
                quotes::find(text);
            },
        );
    }
}

#[test]
fn html_snapshot_time_is_linear() {
    assert_linear("html::snapshot", 40, page_html, |h| {
        assert!(html::snapshot(h).nodes.len() > 100);
    });
}

/// The generated page is what the timing tests take it for: labels, clutter hidden, the
/// article kept.
#[test]
fn the_generated_page_is_a_news_page() {
    let page = Page::parse(&page_html(8));
    let settings = Settings::default();
    let plan = plan(&page.snapshot, &settings);
    check_plan(&page.snapshot, &settings, &plan);
    let story = page.select("div.story-body").unwrap()[0];
    assert_eq!(plan.article, Some(story));
    let hidden: Vec<&str> = plan
        .hide
        .iter()
        .map(|h| page.snapshot.nodes[h.node].class.as_ref())
        .collect();
    for class in [
        "newsletter-signup",
        "support-us",
        "comments-area",
        "tp-modal",
    ] {
        assert!(hidden.contains(&class), "{class} not in {hidden:?}");
    }
    assert!(plan.quotes.len() >= 8, "{:?}", plan.quotes);
}

/// A line of readers' letters: a short quote with apostrophes, hyphens and full stops inside
/// words, credited after a dash.
fn letter(k: usize) -> String {
    let a = k % 12;
    format!(
        "“It’s day {k}: the U.S.-built ferry isn’t well-known.” — {} {}",
        FIRST[a],
        LAST[(a + k / 12) % 12]
    )
}

/// A long article: short paragraphs in one flow (every tenth one of the story's), a
/// newsletter line after every third, a sign-up box inside the flow after every tenth.
fn long_article(paragraphs: usize) -> String {
    let mut h = String::from(
        "<html><body><article><h1>The quay, day by day</h1><div class=\"story-body\">",
    );
    for k in 0..paragraphs {
        if k % 10 == 0 {
            h += &format!("<p>{}</p>", paragraph(k));
        } else {
            h += &format!("<p>The tide rose early on day {k}, and the boats stayed in.</p>");
        }
        if k % 3 == 2 {
            h += "<p>Sign up to our newsletter</p>";
        }
        if k % 10 == 9 {
            h += "<div class=\"newsletter-signup\"><h3>Morning briefing</h3>\
                  <input type=\"email\" placeholder=\"Your e-mail\"></div>";
        }
    }
    h += "</div></article></body></html>";
    h
}

// ---------------------------------------------------------------------------------------------
// Regressions: what the fuzzers found
// ---------------------------------------------------------------------------------------------

/// A quote closed by a mark of another kind, then a comma and nothing more: the cue verb was
/// looked for one token past the end (`speakers::is_cue_at` indexed out of bounds).
#[test]
fn a_quote_ending_the_text_before_a_comma() {
    for text in ["\"b”,", "„b“,<a", "“We stay”,", "He said “no”,"] {
        check_quotes(text, &quotes::find(text));
    }
}

/// Every apostrophe, hyphen or full stop inside a word was checked against every quote of the
/// article, and every dash credit against every quote: quadratic in readers' letters.
#[test]
fn quote_time_is_linear_in_readers_letters() {
    assert_linear(
        "quotes::find, letters",
        1000,
        |n| (0..n).map(letter).collect::<Vec<_>>().join("\n"),
        |text| {
            let found = quotes::find(text);
            assert!(
                found.iter().all(|q| q.speaker.is_some()),
                "every letter is credited"
            );
        },
    );
}

/// Each pair of prompts among the article's paragraphs collected all the paragraphs, each hit
/// inside the article went over all its paragraphs, and each label block was looked for among
/// all the blocks before it: quadratic in a long article with prompts in its flow.
#[test]
fn plan_json_time_is_linear_on_a_long_article_with_prompts() {
    assert_plan_linear("plan_json, long article", long_article, |plan| {
        assert!(plan["hide"].as_array().is_some_and(|h| !h.is_empty()));
        assert!(plan["quotes"].as_array().is_some_and(|q| !q.is_empty()));
    });
}

/// `assert_linear` for `plan_json` on the JSON snapshot of `page(n)`, from 2,000 units; `check`
/// reads each plan.
fn assert_plan_linear(what: &str, page: impl Fn(usize) -> String, check: impl Fn(&Value)) {
    assert_linear(
        what,
        2000,
        |n| serde_json::to_string(&html::snapshot(&page(n))).unwrap(),
        |json| check(&serde_json::from_str(&plan_json(json, "")).unwrap()),
    );
}

/// A sign-up form of `n` e-mail fields (each field gave its own signal and its own climb
/// through the whole form: quadratic, 7 s natively at 20,000 fields), beside a short article.
fn form_of_fields(n: usize) -> String {
    let fields = "<input type=email name=address>".repeat(n);
    let story = "<p>The quay will close for a month, the council said, while divers check the \
        piles and the engineers decide on the repairs.</p>"
        .repeat(4);
    format!(
        "<body><div class=story>{story}</div><form class=signup>Sign up for the harbour \
         newsletter. {}{fields}<input type=password></form></body>",
        "Every week, the news from the quay. ".repeat(14)
    )
}

#[test]
fn plan_json_time_is_linear_in_a_form_of_many_fields() {
    assert_plan_linear("plan_json, form of fields", form_of_fields, |plan| {
        assert!(plan["hide"].as_array().is_some_and(|h| !h.is_empty()));
    });
}

/// A script's data read as text: one paragraph of `n` records of quoted strings, then a line of
/// prose.
fn data_text(n: usize) -> String {
    let mut s = String::from("{");
    for k in 0..n {
        s += &format!(
            "\"headline{k}\":\"Quay delayed again, council says\",\"url\":\"/harbour/{k}\","
        );
    }
    s + "}\n“We will open in May,” said Oskar Brandt, the harbour master."
}

/// Each quote's speaker is looked for across its sentence and paragraph: in one paragraph of
/// thousands of quoted strings that was quadratic (minutes on the script data of some corpus
/// pages). Such a paragraph now gets no speakers; the prose after it still does.
#[test]
fn quote_time_is_linear_in_a_paragraph_of_data() {
    assert_linear("quotes::find, data", 1000, data_text, |text| {
        let found = quotes::find(text);
        assert!(found.len() > 1000);
        let named: Vec<_> = found.iter().filter_map(|q| q.speaker.as_deref()).collect();
        assert_eq!(named, ["Oskar Brandt"]);
    });
}

/// Found by the mutated project pages: white space closing a template's contents (which the
/// walk never enters) was held for the element after the template, so the walk said that
/// element had white space before it and the markup (rightly) did not.
#[test]
fn white_space_inside_a_template_is_not_held_for_what_follows() {
    let html = "<html><head></head><body><div><p>Offer<template><b>Read all of it.</b>\n\n\n\
        </template></p><table>\n</table></div></body></html>";
    pipeline(html);
    let page = Page::parse(html);
    let table = page
        .snapshot
        .nodes
        .iter()
        .find(|n| n.tag == "table")
        .unwrap();
    assert!(!table.space);
}
