//! Clutter signals on single elements, read from the rule tables: class, id and data words,
//! phrases in short texts, comment and sign-up forms, and third-party widget hosts.

use crate::lowercase::Lowercase;
use crate::word_set;
use crate::wordset::WordSet;
use std::borrow::Cow;

use crate::rules::{
    Category, Fit, PhraseRule, WordRule, APP_INSTALL_PHRASES, APP_INSTALL_WORDS, APP_STORE_HOSTS,
    COMMENT_FORM_WORDS, HOST_RULES, NEWSLETTER_FORM_WORDS,
};
use crate::snapshot::{NameKind, Tree};

/// One signal: an element that says what kind of clutter is around it.
#[derive(Debug, Clone)]
pub struct Signal {
    /// The element carrying the signal.
    pub origin: usize,
    /// The kind of clutter.
    pub category: Category,
    /// Why, for people.
    pub reason: String,
    /// Class words and widgets name their own box; phrases and forms need to find it.
    pub structural: bool,
}

/// Form controls and their labels: never a clutter box themselves (their form or box is).
static CONTROL_TAGS: WordSet = word_set![
    "input", "button", "select", "option", "textarea", "label", "output", "meter", "progress",
];
/// Words that ask the reader to act; an `Addressed` phrase needs one ("Sign up", "Get ...").
const CALLS_TO_ACTION: &[&str] = &[
    "sign up",
    "signup",
    "subscribe",
    "get ",
    "join",
    "register",
    "download",
    "click",
    "tap ",
    "enter your",
    "abonn",
    "inscri",
    "suscr",
    "anmeld",
    "melden sie",
    "registrier",
    "hol dir",
    "holen sie",
    "apúntate",
    "recibe",
    "recevez",
];

/// Verbs in the imperative that open a prompt ("Get the free ... newsletter", "Join 40,000
/// readers"), matched as a text's first word.
static IMPERATIVES: WordSet = word_set![
    "sign",
    "subscribe",
    "get",
    "join",
    "register",
    "download",
    "click",
    "tap",
    "enter",
    "abonnez-vous",
    "abonnieren",
    "abonniere",
    "inscrivez-vous",
    "inscris-toi",
    "suscríbete",
    "suscribite",
    "regístrate",
    "registrieren",
    "registriere",
    "hol",
    "holen",
    "apúntate",
    "recibe",
    "recibí",
    "recevez",
];

/// Whether a normalized text opens with a verb in the imperative ("Subscribers" does not).
fn opens_with_call(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| IMPERATIVES.contains(&w))
}

/// Tags that flow inside a line of text.
static INLINE_TAGS: WordSet = word_set![
    "a", "em", "strong", "b", "i", "u", "span", "small", "mark", "abbr", "cite", "q", "sup", "sub",
    "time", "br", "img", "font", "s", "code", "wbr", "label",
];
/// Longest text of a comment-count teaser link.
const TEASER_LIMIT: u32 = 40;
/// Longest text (visible characters) an element may have to be matched against phrases.
const PHRASE_ELEMENT_LIMIT: u32 = 300;
/// Inside the article, text up to this long may carry a phrase anywhere in it.
const PHRASE_SHORT_TEXT: usize = 60;
/// How many nodes of a form are searched for a password field (a sign-up form is small).
const FORM_SCAN_LIMIT: usize = 400;
/// How far up from a text area or e-mail field the words that explain it are looked for.
const FORM_CONTEXT_LEVELS: usize = 3;

/// The word rule each of the page's distinct names matches (by name number).
pub fn name_rules(tree: &Tree) -> Vec<Option<&'static WordRule>> {
    let index = crate::index::get();
    (0..tree.name_count() as u32)
        .map(|t| index.word_rule(tree.name_words(t)))
        .collect()
}

/// The word rule an element's class, id or data attributes match, with the name that matched
/// and what kind of name it was. `rules` is `name_rules` of the page.
pub fn word_rule<'t>(
    tree: &'t Tree,
    i: usize,
    rules: &[Option<&'static WordRule>],
) -> Option<(&'static WordRule, &'t str, &'static str)> {
    tree.names(i).iter().find_map(|&(t, kind)| {
        let what = match kind {
            NameKind::Class => "class token",
            NameKind::Id => "id",
            NameKind::DataName => "attribute",
            NameKind::DataValue => "attribute value",
        };
        rules[t as usize].map(|rule| (rule, tree.name_text(t), what))
    })
}

/// A class-word signal, if the element is not a control, a long link or an element inside
/// something the article itself is named after (`skip`).
pub fn word_signal(
    tree: &Tree,
    i: usize,
    rules: &[Option<&'static WordRule>],
    skip: impl Fn(&WordRule) -> bool,
) -> Option<Signal> {
    let node = tree.node(i);
    let teaser_tag = matches!(node.tag.as_ref(), "a" | "button");
    if CONTROL_TAGS.contains(&node.tag.as_ref()) && !teaser_tag {
        return None;
    }
    let (rule, name, what) = word_rule(tree, i, rules)?;
    // A link or button is clutter by its class only as a comment-count teaser; other links
    // named for newsletters or subscriptions are menus and footers, other buttons belong to
    // their box.
    if teaser_tag && (rule.category != Category::Comments || tree.text_len[i] > TEASER_LIMIT) {
        return None;
    }
    if skip(rule) {
        return None;
    }
    Some(Signal {
        origin: i,
        category: rule.category,
        reason: format!("{what}: {}", clip(name, 40)),
        structural: true,
    })
}

/// A widget host in the element's `src`, `action` or `data-src`.
pub fn host_signal(tree: &Tree, i: usize) -> Option<Signal> {
    let node = tree.node(i);
    if !matches!(
        node.tag.as_ref(),
        "iframe" | "script" | "form" | "div" | "section"
    ) {
        return None;
    }
    for key in ["src", "action", "data-src"] {
        let Some(value) = node.attr(key) else {
            continue;
        };
        let value = value.to_ascii_lowercase();
        if let Some((category, host)) = HOST_RULES.iter().find(|(_, h)| value.contains(h)) {
            // A script is not a box; the box is where its widget will be drawn, unknown here.
            if node.tag == "script" {
                return None;
            }
            return Some(Signal {
                origin: i,
                category: *category,
                reason: format!("widget host: {host}"),
                structural: true,
            });
        }
    }
    None
}

/// Longest text (visible characters) of a block holding an app-install prompt.
const STORE_TEXT_LIMIT: u32 = 200;
/// Most nodes in such a block: an install line is small, and each block is read once.
const STORE_NODE_LIMIT: usize = 64;

/// The links to an app store on a page, read once: each block asks only about its own.
pub struct StoreLinks {
    /// For each node: 0, or 1 + the index in `APP_STORE_HOSTS` of the store its link goes to.
    host: Vec<u8>,
    /// How many store links come before each node (and, last, in the whole page).
    before: Vec<u32>,
}

impl StoreLinks {
    /// Every `<a href>` of the tree that goes to an app store.
    pub fn new(tree: &Tree) -> StoreLinks {
        let mut host = vec![0u8; tree.len()];
        let mut before = Vec::with_capacity(tree.len() + 1);
        let mut count = 0u32;
        for (j, found) in host.iter_mut().enumerate() {
            before.push(count);
            let link = tree.node(j);
            let Some(href) = link.attr("href").filter(|_| link.tag == "a") else {
                continue;
            };
            let href = match href.bytes().any(|b| b.is_ascii_uppercase()) {
                true => Cow::Owned(href.to_ascii_lowercase()),
                false => Cow::Borrowed(href),
            };
            if let Some(k) = store_host(&href) {
                *found = k as u8 + 1;
                count += 1;
            }
        }
        before.push(count);
        StoreLinks { host, before }
    }

    /// The stores linked from inside `i` (its descendants), each once, in document order.
    fn inside(&self, tree: &Tree, i: usize) -> Vec<&'static str> {
        let mut hosts: Vec<&'static str> = Vec::new();
        let end = tree.end[i];
        if self.before[end] == self.before[i + 1] {
            return hosts;
        }
        for &k in &self.host[i + 1..end] {
            if let Some(h) = k.checked_sub(1).map(|k| APP_STORE_HOSTS[k as usize]) {
                if !hosts.contains(&h) {
                    hosts.push(h);
                }
            }
        }
        hosts
    }
}

/// The letters `APP_STORE_HOSTS` start with.
const STORE_HOST_FIRST: [u8; 3] = [b'a', b'i', b'p'];

/// Which of `APP_STORE_HOSTS` a lower-case address holds, if any (the first to stand in it):
/// only the places where one of their first letters stands are tried (`str::contains` sets
/// up a substring search for each host, which was the most costly part of reading links).
fn store_host(href: &str) -> Option<usize> {
    let b = href.as_bytes();
    let [x, y, z] = STORE_HOST_FIRST;
    memchr::memchr3_iter(x, y, z, b).find_map(|at| {
        APP_STORE_HOSTS
            .iter()
            .position(|h| b[at..].starts_with(h.as_bytes()))
    })
}

/// An app-install prompt: a short block that links to an app store and asks the reader to
/// install ("For breaking news, download our apps for iOS and Android"). Inside the article
/// it must also speak to the reader or link to two stores: a sentence about an app that
/// links to its store page is article text.
pub fn store_signal(tree: &Tree, links: &StoreLinks, i: usize, in_article: bool) -> Option<Signal> {
    let node = tree.node(i);
    let len = tree.text_len[i];
    if node.is_text()
        || INLINE_TAGS.contains(&node.tag.as_ref())
        || CONTROL_TAGS.contains(&node.tag.as_ref())
        || len == 0
        || len > STORE_TEXT_LIMIT
        || tree.end[i] - i > STORE_NODE_LIMIT
    {
        return None;
    }
    let hosts = links.inside(tree, i);
    let host = *hosts.first()?;
    let text = tree.normalized_text(i, STORE_TEXT_LIMIT as usize + 20);
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let app = words.iter().any(|w| {
        matches!(
            *w,
            "app" | "apps" | "application" | "applications" | "aplicación"
        )
    });
    let install = words.iter().any(|w| APP_INSTALL_WORDS.contains(w))
        || APP_INSTALL_PHRASES.iter().any(|p| text.contains(p));
    if !app || !install {
        return None;
    }
    if in_article && hosts.len() < 2 && !crate::boxes::addresses_reader(&text) {
        return None;
    }
    Some(Signal {
        origin: i,
        category: Category::Nag,
        reason: format!("app-store link: {host}"),
        structural: false,
    })
}

/// A comment box (a text area near comment words) or a newsletter sign-up (an e-mail field
/// near sign-up words). The signal starts at the form, or at the field's parent without one.
pub fn form_signal(tree: &Tree, i: usize) -> Option<Signal> {
    let node = tree.node(i);
    let (words, category, what): (&[&str], Category, &str) = match node.tag.as_ref() {
        "textarea" => (
            COMMENT_FORM_WORDS,
            Category::Comments,
            "form: text area for comments",
        ),
        "input" if node.attr("type") == Some("email") => {
            (NEWSLETTER_FORM_WORDS, Category::Nag, "form: e-mail sign-up")
        }
        _ => return None,
    };
    let mut context = String::new();
    let mut origin = i;
    let mut cur = i;
    for level in 0..=FORM_CONTEXT_LEVELS {
        let n = tree.node(cur);
        for v in [n.id.as_ref(), n.class.as_ref()]
            .into_iter()
            .chain(["name", "placeholder", "action", "aria-label"].map(|k| n.attr(k).unwrap_or("")))
        {
            context.push(' ');
            context.push_str(&v.lowercase());
        }
        if level > 0 && tree.text_len[cur] <= 400 {
            context.push(' ');
            context.push_str(&tree.normalized_text(cur, 400));
        }
        if n.tag == "form" {
            origin = cur;
            break;
        }
        match tree.parent[cur] {
            Some(p) => {
                if level == 0 {
                    origin = p;
                }
                cur = p;
            }
            None => break,
        }
    }
    if !words.iter().any(|w| context.contains(w)) {
        return None;
    }
    // An e-mail field in a form that also asks for a password opens an account: a
    // registration prompt, not a newsletter.
    let account = category == Category::Nag
        && tree.node(origin).tag == "form"
        && (origin + 1..tree.end[origin].min(origin + 1 + FORM_SCAN_LIMIT)).any(|j| {
            let n = tree.node(j);
            n.tag == "input" && n.attr("type") == Some("password")
        });
    let (category, what) = if account {
        (Category::Paywall, "form: account sign-up")
    } else {
        (category, what)
    };
    Some(Signal {
        origin,
        category,
        reason: what.to_string(),
        structural: false,
    })
}

/// Whether an element is, or sits in, a link of a menu: a link (or a text made of links) in a
/// list, a menu, a header or footer, or among other links. A link holding blocks of its own is
/// a banner, not a menu entry.
fn menu_link(tree: &Tree, i: usize) -> bool {
    let link = tree
        .link_around(i, 3)
        .or((tree.link_len[i] * 2 > tree.text_len[i]).then_some(i));
    let Some(link) = link else {
        return false;
    };
    let end = crate::clutter::subtree_end(tree, link);
    if (link + 1..end).any(|j| {
        matches!(
            tree.node(j).tag.as_ref(),
            "div" | "p" | "h2" | "h3" | "h4" | "section"
        )
    }) {
        return false;
    }
    let listed = tree.ancestors(link).take(4).any(|a| {
        matches!(
            tree.node(a).tag.as_ref(),
            "li" | "nav" | "header" | "footer" | "menu" | "ul" | "ol"
        )
    });
    // Among other links: a parent made of links, more than one of them.
    let among_links = tree.parent[link].is_some_and(|p| {
        tree.link_density(p) > 0.7
            && (p + 1..tree.end[p])
                .filter(|&j| tree.node(j).tag == "a")
                .count()
                > 1
    });
    listed || among_links
}

/// Whether the phrase at byte `at` of `text` stands outside quotation marks (an article quoting a leaflet's
/// "subscribe to our newsletter" is not a prompt).
fn unquoted_at(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .filter(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '„'))
        .count()
        % 2
        == 0
}

/// Inside the article, a phrase must be most of its element's text (a prompt is short, while
/// an article sentence may mention "leave a comment" in passing), or stand in a short text
/// that speaks to the reader ("If you are already a subscriber, log in").
fn phrase_fits(rule: &PhraseRule, text: &str, in_article: bool) -> bool {
    let len = text.len();
    !in_article
        || len <= (rule.phrase.len() * 2).max(PHRASE_SHORT_TEXT)
        || (len <= ADDRESSED_TEXT && crate::boxes::addresses_reader(text))
}

/// Longest text, in bytes, that may carry an `Addressed` phrase, or any phrase inside the
/// article when it speaks to the reader.
const ADDRESSED_TEXT: usize = 180;

/// The last element whose text the phrase rules read, and what they found there. An element
/// inside it with as much visible text holds all of that text, and its normalized text is
/// the same (white space outside it only ever collapses away), so the finds are reused: a
/// link alone in a list item is read once, not twice.
#[derive(Default)]
pub struct PhraseMemo {
    node: Option<usize>,
    in_article: bool,
    text: String,
    found: Vec<&'static PhraseRule>,
}

impl PhraseMemo {
    /// The normalized text of `i` and the rules found in it, read again unless `i` has the
    /// text of the element read last.
    fn read(&mut self, tree: &Tree, i: usize, in_article: bool) {
        let same_text = self
            .node
            .is_some_and(|m| tree.contains(m, i) && tree.text_len[m] == tree.text_len[i]);
        if same_text && self.in_article == in_article {
            return;
        }
        if !same_text {
            self.node = Some(i);
            self.text = tree.normalized_text(i, PHRASE_ELEMENT_LIMIT as usize + 40);
        }
        self.in_article = in_article;
        self.found = phrases_found(&self.text, in_article);
    }
}

/// The phrase rule an element's own text matches, if any; `memo` carries what the element
/// before found (see [`PhraseMemo`]).
pub fn phrase_signal(
    tree: &Tree,
    i: usize,
    in_article: bool,
    memo: &mut PhraseMemo,
) -> Option<Signal> {
    let len = tree.text_len[i];
    if len == 0 || len > PHRASE_ELEMENT_LIMIT || tree.node(i).is_text() {
        return None;
    }
    // Only elements that carry text themselves, or whose text is all in inline children
    // ("<p><em>Sign up</em> for our newsletter</p>"), so a phrase is matched where it stands.
    let own_text = tree.children(i).any(|c| {
        let n = tree.node(c);
        n.is_text() && !n.text.trim().is_empty()
    });
    let text_block = !INLINE_TAGS.contains(&tree.node(i).tag.as_ref())
        && tree
            .children(i)
            .all(|c| tree.node(c).is_text() || INLINE_TAGS.contains(&tree.node(c).tag.as_ref()));
    if !own_text && !text_block {
        return None;
    }
    memo.read(tree, i, in_article);
    if memo.found.is_empty() {
        return None;
    }
    // A link saying "Subscribe" or "Newsletters" in a menu, list or footer is a menu entry;
    // only a comment count is a clutter link there by its text, and an offer by its price
    // ("Subscribe from 8 €").
    let in_menu = menu_link(tree, i) && !has_price(&memo.text);
    let rule = memo
        .found
        .iter()
        .filter(|r| !in_menu || r.category == Category::Comments)
        .max_by_key(|r| r.phrase.len())?;
    Some(Signal {
        origin: i,
        category: rule.category,
        reason: format!("text: '{}'", rule.phrase),
        structural: false,
    })
}

/// The phrase rules a normalized text matches: whole (its bare words are the phrase) or
/// within it, where the rule's fit allows.
fn phrases_found(text: &str, in_article: bool) -> Vec<&'static PhraseRule> {
    let counted = text.bytes().any(|c| c.is_ascii_digit());
    let index = crate::index::get();
    let bare = bare_words(text, index.whole_max());
    let whole = bare
        .as_deref()
        .map_or(&[][..], |b| index.whole(b))
        .iter()
        .filter(|r| r.fit == Fit::Whole || counted)
        .copied();
    let within = index.phrases_in(text).filter_map(|(r, at)| {
        let ok = match r.fit {
            Fit::Within => unquoted_at(text, at) && phrase_fits(r, text, in_article),
            Fit::Addressed => {
                text.len() <= ADDRESSED_TEXT
                    && unquoted_at(text, at)
                    && CALLS_TO_ACTION.iter().any(|c| text.contains(c))
                    && (crate::boxes::addresses_reader(text) || opens_with_call(text))
            }
            _ => false,
        };
        ok.then_some(r)
    });
    whole.chain(within).collect()
}

/// Whether a text names a price: a currency sign and a digit.
fn has_price(text: &str) -> bool {
    text.contains(['€', '$', '£']) && text.bytes().any(|b| b.is_ascii_digit())
}

/// The letters, hyphens and single spaces of a normalized text ("comments (12)" gives
/// "comments"); None once they are longer than `max` bytes.
fn bare_words(text: &str, max: usize) -> Option<String> {
    let mut bare = String::with_capacity(text.len().min(max + 4));
    for c in text.chars() {
        if c.is_alphabetic() || c == '-' {
            bare.push(c);
        } else if c == ' ' && !bare.is_empty() && !bare.ends_with(' ') {
            bare.push(' ');
        }
        // A space still to come off the end may stand after the last word.
        if bare.len() > max + 1 {
            return None;
        }
    }
    if bare.ends_with(' ') {
        bare.pop();
    }
    (bare.len() <= max).then_some(bare)
}

/// At most `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clips_with_an_ellipsis() {
        assert_eq!(clip("abcdef", 3), "abc…");
    }

    #[test]
    fn bare_words_stop_past_the_longest_whole_phrase() {
        assert_eq!(bare_words("comments (12)", 8).as_deref(), Some("comments"));
        assert_eq!(bare_words("comments (12) ", 8).as_deref(), Some("comments"));
        assert_eq!(bare_words("read the comments", 8), None);
        assert_eq!(bare_words("12 345", 8).as_deref(), Some(""));
    }

    #[test]
    fn store_hosts_are_found_anywhere_in_an_address() {
        for (k, h) in APP_STORE_HOSTS.iter().enumerate() {
            assert!(STORE_HOST_FIRST.contains(&h.as_bytes()[0]), "{h}");
            assert_eq!(
                store_host(&format!("https://x.example/?to=https://{h}/a")),
                Some(k)
            );
        }
        assert_eq!(store_host("https://apps.example.com/play"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn store_links_are_read_once_and_asked_of_each_block() {
        let snap = crate::html::snapshot(
            "<body><div id=a><p>Get the app</p><a href='HTTPS://Play.Google.com/x'>Android</a>\
             <span><a href='https://apps.apple.com/y'>iOS</a></span>\
             <a href='https://play.google.com/z'>again</a></div>\
             <div id=b><a href='https://example.com/apps'>no</a>\
             <a href='https://example.org/'>plain</a></div></body>",
        );
        let tree = Tree::new(&snap);
        let links = StoreLinks::new(&tree);
        let by_id = |id: &str| (0..tree.len()).find(|&i| tree.node(i).id == id).unwrap();
        let a = by_id("a");
        assert_eq!(
            links.inside(&tree, a),
            ["play.google.com", "apps.apple.com"]
        );
        // The store links of one block are not another's.
        assert!(links.inside(&tree, by_id("b")).is_empty());
        let span = (a..tree.end[a])
            .find(|&i| tree.node(i).tag == "span")
            .unwrap();
        assert_eq!(links.inside(&tree, span), ["apps.apple.com"]);
        let p = (a..tree.end[a]).find(|&i| tree.node(i).tag == "p").unwrap();
        assert!(links.inside(&tree, p).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn phrase_finds_carry_over_only_to_an_element_with_all_of_the_text() {
        let snap = crate::html::snapshot(
            "<body><ul><li id=same><a id=inner>Join the conversation</a></li>\
             <li id=more>Join the conversation <b id=part>now</b></li>\
             <li id=plain><span id=after>Join the conversation</span> <i>about it</i></li>\
             <li id=long><a id=quoted>Join the conversation on the harbour plans, the ferry \
             timetable and the winter roads before the council meets</a></li></ul></body>",
        );
        let tree = Tree::new(&snap);
        let by_id = |id: &str| (0..tree.len()).find(|&i| tree.node(i).id == id).unwrap();
        // Links count as article text here: a long one is no prompt there, whatever it says.
        let in_article = |i: usize| tree.node(i).tag == "a";
        let fresh = |i: usize| phrase_signal(&tree, i, in_article(i), &mut PhraseMemo::default());
        let mut memo = PhraseMemo::default();
        let mut found = Vec::new();
        for i in 0..tree.len() {
            let s = phrase_signal(&tree, i, in_article(i), &mut memo);
            // Whatever the element read before, each answer is the one it has read alone.
            assert_eq!(
                s.as_ref().map(|s| &s.reason),
                fresh(i).as_ref().map(|s| &s.reason)
            );
            found.extend(s.map(|s| tree.node(s.origin).id.to_string()));
        }
        // The link alone in its item has the item's text and finds; "now" inside an item
        // that has the phrase has none of it, and neither has "about it"; the long link, with
        // its item's text, is read as article text.
        for (id, finds) in [
            ("same", true),
            ("inner", true),
            ("more", true),
            ("part", false),
            ("after", true),
            ("long", true),
            ("quoted", false),
        ] {
            assert_eq!(found.contains(&id.to_string()), finds, "{id}");
        }
        assert!(fresh(by_id("part")).is_none());
    }
}
