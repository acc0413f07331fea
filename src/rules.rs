//! The rule tables: the data the clutter engine reads. One table per kind of signal,
//! each row naming its category. Code elsewhere only interprets these rows.

use serde::{Deserialize, Serialize};

/// What kind of clutter an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Paywall, registration and log-in prompts.
    Paywall,
    /// Support, donation and membership appeals.
    Appeal,
    /// Comment sections, threads, forms and their teasers.
    Comments,
    /// Newsletter sign-ups, push-notification prompts, app-install banners.
    Nag,
}

impl Category {
    /// All categories, in display order.
    pub const ALL: [Category; 4] = [
        Category::Paywall,
        Category::Appeal,
        Category::Comments,
        Category::Nag,
    ];

    /// The category's name as used in plans, settings and markup.
    pub fn name(self) -> &'static str {
        match self {
            Category::Paywall => "paywall",
            Category::Appeal => "appeal",
            Category::Comments => "comments",
            Category::Nag => "nag",
        }
    }

    /// Parse a category name.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

use Category::*;

/// A class/id rule: a run of words that must appear, in order and adjacent, inside one class
/// name or id (after splitting at `-`, `_` and camelCase). A word ending in `*` matches by prefix.
pub struct WordRule {
    /// The category the rule signals.
    pub category: Category,
    /// The words, e.g. `["tp", "modal"]`.
    pub words: &'static [&'static str],
}

const fn w(category: Category, words: &'static [&'static str]) -> WordRule {
    WordRule { category, words }
}

/// Class and id words, from what publishers and widget vendors name these blocks.
pub const WORD_RULES: &[WordRule] = &[
    // paywall and registration
    w(Paywall, &["paywall*"]),
    w(Paywall, &["regwall"]),
    w(Paywall, &["regiwall"]),
    w(Paywall, &["registration", "wall"]),
    w(Paywall, &["tp", "modal"]),
    w(Paywall, &["tp", "backdrop"]),
    w(Paywall, &["tp", "container"]),
    w(Paywall, &["piano", "*"]),
    w(Paywall, &["sign", "in", "gate"]),
    w(Paywall, &["signin", "gate"]),
    w(Paywall, &["login", "wall"]),
    w(Paywall, &["subscribe", "modal"]),
    w(Paywall, &["subscription", "modal"]),
    w(Paywall, &["subscribe", "overlay"]),
    w(Paywall, &["subscription", "overlay"]),
    w(Paywall, &["subscription", "wall"]),
    w(Paywall, &["premium", "wall"]),
    w(Paywall, &["meter", "*"]),
    w(Paywall, &["metered", "*"]),
    w(Paywall, &["offer", "modal"]),
    // support and donation appeals
    w(Appeal, &["donate*"]),
    w(Appeal, &["donation*"]),
    w(Appeal, &["contributions"]),
    w(Appeal, &["contribution", "*"]),
    w(Appeal, &["epic"]),
    w(Appeal, &["support", "epic"]),
    w(Appeal, &["support", "us"]),
    w(Appeal, &["support", "box"]),
    w(Appeal, &["support", "appeal"]),
    w(Appeal, &["membership", "*"]),
    w(Appeal, &["fundraising*"]),
    w(Appeal, &["patreon"]),
    w(Appeal, &["spenden*"]),
    // comments
    w(Comments, &["comments"]),
    w(Comments, &["comment"]),
    w(Comments, &["commentlist"]),
    w(Comments, &["disqus*"]),
    w(Comments, &["coral", "*"]),
    w(Comments, &["viafoura"]),
    w(Comments, &["vf", "comments"]),
    w(Comments, &["spotim*"]),
    w(Comments, &["openweb*"]),
    w(Comments, &["respond"]),
    w(Comments, &["kommentare"]),
    w(Comments, &["commentaires"]),
    w(Comments, &["comentarios"]),
    // newsletter, notifications, app banners
    w(Nag, &["newsletter*"]),
    w(Nag, &["push", "prompt"]),
    w(Nag, &["push", "notification*"]),
    w(Nag, &["notification*", "prompt"]),
    w(Nag, &["notification*", "banner"]),
    w(Nag, &["onesignal*"]),
    w(Nag, &["app", "banner"]),
    w(Nag, &["smart", "banner"]),
    w(Nag, &["smartbanner"]),
    w(Nag, &["app", "download"]),
    w(Nag, &["install", "app"]),
    w(Nag, &["email", "signup"]),
    w(Nag, &["email", "capture"]),
    w(Nag, &["mc4wp*"]),
    w(Nag, &["mailchimp*"]),
    w(Nag, &["optin*"]),
    w(Nag, &["inline", "prompt"]),
];

/// A text rule: a phrase found in a short element's text.
pub struct PhraseRule {
    /// The category the phrase signals.
    pub category: Category,
    /// Lower-case phrase, with straight apostrophes.
    pub phrase: &'static str,
    /// When true the element's whole text must be the phrase (optionally with a count).
    pub whole: bool,
}

const fn ph(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        whole: false,
    }
}

const fn whole(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        whole: true,
    }
}

/// Phrases in English, German, French and Spanish.
pub const PHRASE_RULES: &[PhraseRule] = &[
    // paywall and registration (en, de, fr, es)
    ph(Paywall, "thank you for registering"),
    ph(Paywall, "to be automatically logged in"),
    ph(Paywall, "subscribe to keep reading"),
    ph(Paywall, "subscribe to continue reading"),
    ph(Paywall, "subscribe to read"),
    ph(Paywall, "free article limit"),
    ph(Paywall, "free articles remaining"),
    ph(Paywall, "free articles left"),
    ph(Paywall, "already a subscriber"),
    ph(Paywall, "create a free account to continue"),
    ph(Paywall, "register to continue reading"),
    ph(Paywall, "log in to continue reading"),
    ph(Paywall, "sign in to continue reading"),
    ph(Paywall, "weiterlesen mit"),
    ph(Paywall, "jetzt abonnieren und weiterlesen"),
    ph(Paywall, "sie sind bereits abonnent"),
    ph(Paywall, "bereits abonnent"),
    ph(Paywall, "pour lire la suite"),
    ph(Paywall, "déjà abonné"),
    ph(Paywall, "réservé aux abonnés"),
    ph(Paywall, "suscríbete para seguir leyendo"),
    ph(Paywall, "ya eres suscriptor"),
    ph(Paywall, "contenido exclusivo para suscriptores"),
    // appeals
    ph(Appeal, "your support helps"),
    ph(Appeal, "your support keeps"),
    ph(Appeal, "your support makes"),
    ph(Appeal, "support our journalism"),
    ph(Appeal, "support independent journalism"),
    ph(Appeal, "support the guardian"),
    ph(Appeal, "make a contribution"),
    ph(Appeal, "make a donation"),
    ph(Appeal, "donate now"),
    ph(Appeal, "become a member"),
    ph(Appeal, "become a supporter"),
    ph(Appeal, "unterstützen sie unabhängigen journalismus"),
    ph(Appeal, "unterstützen sie uns"),
    ph(Appeal, "jetzt spenden"),
    ph(Appeal, "soutenez notre journalisme"),
    ph(Appeal, "soutenez-nous"),
    ph(Appeal, "faites un don"),
    ph(Appeal, "apoya nuestro periodismo"),
    ph(Appeal, "apoya el periodismo"),
    ph(Appeal, "haz una donación"),
    // comments
    whole(Comments, "comments"),
    whole(Comments, "comment"),
    whole(Comments, "show comments"),
    whole(Comments, "view comments"),
    whole(Comments, "reader comments"),
    ph(Comments, "join the conversation"),
    ph(Comments, "join the discussion"),
    ph(Comments, "join our commenting forum"),
    ph(Comments, "post a comment"),
    ph(Comments, "leave a comment"),
    ph(Comments, "add your comment"),
    ph(Comments, "have your say"),
    whole(Comments, "kommentare"),
    ph(Comments, "kommentar schreiben"),
    ph(Comments, "diskutieren sie mit"),
    whole(Comments, "commentaires"),
    ph(Comments, "laisser un commentaire"),
    ph(Comments, "réagir à cet article"),
    whole(Comments, "comentarios"),
    ph(Comments, "deja un comentario"),
    ph(Comments, "escribe un comentario"),
    // newsletter, notifications, apps
    ph(Nag, "sign up to our newsletter"),
    ph(Nag, "sign up for our newsletter"),
    ph(Nag, "subscribe to our newsletter"),
    ph(Nag, "our free daily newsletter"),
    ph(Nag, "our free newsletter"),
    ph(Nag, "stay up to date with notifications"),
    ph(Nag, "notifications can be managed"),
    ph(Nag, "get breaking news alerts"),
    ph(Nag, "turn on notifications"),
    ph(Nag, "allow notifications"),
    ph(Nag, "download our app"),
    ph(Nag, "get the app"),
    ph(Nag, "newsletter abonnieren"),
    ph(Nag, "zum newsletter anmelden"),
    ph(Nag, "inscrivez-vous à notre newsletter"),
    ph(Nag, "abonnez-vous à notre newsletter"),
    ph(Nag, "suscríbete a nuestro boletín"),
    ph(Nag, "suscríbete a nuestra newsletter"),
];

/// Hosts of third-party widgets, matched inside `src`/`href`/`action` values.
pub const HOST_RULES: &[(Category, &str)] = &[
    (Comments, "disqus.com"),
    (Comments, "coral"),
    (Comments, "viafoura"),
    (Comments, "spot.im"),
    (Comments, "openweb"),
    (Comments, "gigya"),
    (Paywall, "tinypass.com"),
    (Paywall, "piano.io"),
    (Nag, "onesignal"),
];

/// Words near a form's text area that make it a comment form.
pub const COMMENT_FORM_WORDS: &[&str] = &[
    "comment",
    "kommentar",
    "commentaire",
    "comentario",
    "reply",
    "antwort",
];

/// Words near an e-mail field that make a form a newsletter sign-up.
pub const NEWSLETTER_FORM_WORDS: &[&str] = &[
    "newsletter",
    "subscribe",
    "sign up",
    "signup",
    "abonnieren",
    "boletín",
];

/// Class names that pages add to `html` or `body` to stop scrolling under a modal.
pub const LOCK_CLASSES: &[&str] = &[
    "modal-open",
    "no-scroll",
    "noscroll",
    "overflow-hidden",
    "tp-modal-open",
    "ReactModal__Body--open",
    "sp-message-open",
    "scroll-lock",
    "is-locked",
];

/// Class, id or tag words that say an element is the article itself.
pub const ARTICLE_WORDS: &[&str] = &[
    "article", "body", "content", "main", "story", "entry", "text", "post",
];
