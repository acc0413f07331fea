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
    w(Paywall, &["register", "wall"]),
    w(Paywall, &["tp", "modal"]),
    w(Paywall, &["tp", "backdrop"]),
    w(Paywall, &["tp", "container"]),
    w(Paywall, &["piano", "*"]),
    w(Paywall, &["sign", "in", "gate"]),
    w(Paywall, &["signin", "gate"]),
    w(Paywall, &["login", "wall"]),
    w(Paywall, &["loginwall"]),
    w(Paywall, &["subscribe", "modal"]),
    w(Paywall, &["subscription", "modal"]),
    w(Paywall, &["subscribe", "overlay"]),
    w(Paywall, &["subscription", "overlay"]),
    w(Paywall, &["subscription", "wall"]),
    w(Paywall, &["subscriber", "wall"]),
    w(Paywall, &["premium", "wall"]),
    w(Paywall, &["meter", "*"]),
    w(Paywall, &["metered", "*"]),
    w(Paywall, &["offer", "modal"]),
    w(Paywall, &["abo", "teaser"]),
    w(Paywall, &["abo", "box"]),
    w(Paywall, &["abo", "wall"]),
    w(Paywall, &["plus", "teaser"]),
    w(Paywall, &["abonnement", "*"]),
    w(Paywall, &["muro", "pago"]),
    w(Paywall, &["subscription", "banner"]),
    w(Paywall, &["subscription", "cta"]),
    w(Paywall, &["subscribe", "cta"]),
    w(Paywall, &["subscription", "offer*"]),
    w(Paywall, &["subscription", "promo"]),
    w(Paywall, &["article", "payant"]),
    w(Paywall, &["reg", "wall*"]),
    // support and donation appeals
    w(Appeal, &["donate*"]),
    w(Appeal, &["donation*"]),
    w(Appeal, &["contributions"]),
    w(Appeal, &["contribution", "*"]),
    w(Appeal, &["support", "epic"]),
    w(Appeal, &["contributions", "epic"]),
    w(Appeal, &["contribution", "epic"]),
    w(Appeal, &["support", "us"]),
    w(Appeal, &["support", "box"]),
    w(Appeal, &["support", "appeal"]),
    w(Appeal, &["support", "banner"]),
    w(Appeal, &["membership", "*"]),
    w(Appeal, &["fundraising*"]),
    w(Appeal, &["patreon"]),
    w(Appeal, &["spenden*"]),
    w(Appeal, &["spende"]),
    w(Appeal, &["socios"]),
    w(Appeal, &["don", "banner"]),
    w(Appeal, &["steady", "widget*"]),
    w(Appeal, &["steady", "paywall*"]),
    w(Appeal, &["supporter", "*"]),
    w(Appeal, &["give", "butter*"]),
    // comments
    w(Comments, &["comments"]),
    w(Comments, &["comment", "list"]),
    w(Comments, &["comment", "section"]),
    w(Comments, &["comment", "form"]),
    w(Comments, &["comment", "respond"]),
    w(Comments, &["comment", "thread"]),
    w(Comments, &["comment", "count"]),
    w(Comments, &["comment", "area"]),
    w(Comments, &["comment", "wrapper"]),
    w(Comments, &["comment", "container"]),
    w(Comments, &["comment", "module"]),
    w(Comments, &["comment", "widget"]),
    w(Comments, &["comment", "link"]),
    w(Comments, &["comment", "button"]),
    w(Comments, &["commentlist"]),
    w(Comments, &["commentary", "thread"]),
    w(Comments, &["disqus*"]),
    w(Comments, &["coral", "*"]),
    w(Comments, &["viafoura"]),
    w(Comments, &["vf", "comments"]),
    w(Comments, &["vf", "conversations"]),
    w(Comments, &["spotim*"]),
    w(Comments, &["openweb*"]),
    w(Comments, &["respond"]),
    w(Comments, &["kommentare"]),
    w(Comments, &["leserkommentare"]),
    w(Comments, &["commentaires"]),
    w(Comments, &["comentarios"]),
    w(Comments, &["reader", "responses"]),
    w(Comments, &["livefyre*"]),
    w(Comments, &["replies"]),
    w(Comments, &["sohucs"]),
    w(Comments, &["canvass"]),
    w(Comments, &["wpdiscuz*"]),
    w(Comments, &["wc", "comment*"]),
    w(Comments, &["hyvor*"]),
    w(Comments, &["commento"]),
    w(Comments, &["talk", "embed", "stream"]),
    // newsletter, notifications, app banners
    w(Nag, &["newsletter*"]),
    w(Nag, &["push", "prompt"]),
    w(Nag, &["push", "notification*"]),
    w(Nag, &["push", "alert*"]),
    w(Nag, &["alerte", "push"]),
    w(Nag, &["notification*", "prompt"]),
    w(Nag, &["notification*", "banner"]),
    w(Nag, &["onesignal*"]),
    w(Nag, &["app", "banner"]),
    w(Nag, &["app", "promo"]),
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
    w(Nag, &["boletin*"]),
    w(Nag, &["pushlayer"]),
    w(Nag, &["push", "layer"]),
    w(Nag, &["sailthru*"]),
    w(Nag, &["mailpoet*"]),
    w(Nag, &["news", "signup"]),
    w(Nag, &["signup", "form"]),
    w(Nag, &["embed", "signup"]),
    w(Nag, &["mc", "embed"]),
    w(Nag, &["opt", "in"]),
    w(Nag, &["subscription", "widget"]),
    w(Nag, &["wonderpush*"]),
    w(Nag, &["web", "push"]),
    w(Nag, &["webpush*"]),
    w(Nag, &["convertkit*"]),
    w(Nag, &["substack", "subscribe*"]),
];

/// A text rule: a phrase found in a short element's text.
pub struct PhraseRule {
    /// The category the phrase signals.
    pub category: Category,
    /// Lower-case phrase, with straight apostrophes.
    pub phrase: &'static str,
    /// How the phrase must stand in the element's text.
    pub fit: Fit,
}

/// How a phrase must stand in an element's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Anywhere in a short text.
    Within,
    /// The whole text, letters only ("Comments", "Comments (24)").
    Whole,
    /// The whole text, and with a count beside it ("1 comment", "12 réactions").
    Counted,
    /// Anywhere in a short text that speaks to the reader ("Sign up for our newsletter") or
    /// opens with a call to act ("Get the free Harbour newsletter").
    Addressed,
}

const fn ph(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        fit: Fit::Within,
    }
}

const fn whole(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        fit: Fit::Whole,
    }
}

const fn addressed(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        fit: Fit::Addressed,
    }
}

const fn counted(category: Category, phrase: &'static str) -> PhraseRule {
    PhraseRule {
        category,
        phrase,
        fit: Fit::Counted,
    }
}

/// Phrases in English, German, French and Spanish. When several match, the longest wins.
pub const PHRASE_RULES: &[PhraseRule] = &[
    // paywall, registration and log-in prompts
    ph(Paywall, "thank you for registering"),
    ph(Paywall, "thanks for registering"),
    ph(Paywall, "to be automatically logged in"),
    ph(Paywall, "subscribe to keep reading"),
    ph(Paywall, "subscribe to continue reading"),
    ph(Paywall, "subscribe to read"),
    ph(Paywall, "subscribe for full access"),
    ph(Paywall, "to continue reading"),
    ph(Paywall, "to keep reading"),
    ph(Paywall, "free article limit"),
    ph(Paywall, "free articles remaining"),
    ph(Paywall, "free articles left"),
    ph(Paywall, "read all your free"),
    ph(Paywall, "reached your limit"),
    ph(Paywall, "reached the limit of"),
    ph(Paywall, "already a subscriber"),
    ph(Paywall, "already subscribed"),
    ph(Paywall, "already have an account"),
    ph(Paywall, "create a free account"),
    ph(Paywall, "register for free to"),
    ph(Paywall, "register to continue"),
    ph(Paywall, "log in to continue"),
    ph(Paywall, "sign in to continue"),
    ph(Paywall, "this article is for subscribers"),
    ph(Paywall, "unlock this article"),
    ph(Paywall, "get unlimited access"),
    ph(Paywall, "unlimited digital access"),
    ph(Paywall, "weiterlesen mit"),
    ph(Paywall, "jetzt abonnieren und weiterlesen"),
    ph(Paywall, "möchten sie weiterlesen"),
    ph(Paywall, "bereits abonnent"),
    ph(Paywall, "ich bin abonnent"),
    ph(Paywall, "ich benötige ein abo"),
    ph(Paywall, "abo abschließen"),
    ph(Paywall, "artikel freischalten"),
    ph(Paywall, "danke für ihre registrierung"),
    ph(Paywall, "vielen dank für ihre registrierung"),
    ph(Paywall, "kostenlos registrieren und weiterlesen"),
    ph(Paywall, "pour lire la suite"),
    ph(Paywall, "lire la suite de cet article"),
    ph(Paywall, "déjà abonné"),
    ph(Paywall, "déjà inscrit"),
    ph(Paywall, "réservé aux abonnés"),
    ph(Paywall, "continuez votre lecture"),
    ph(Paywall, "créez votre compte"),
    ph(Paywall, "merci pour votre inscription"),
    ph(Paywall, "vous avez atteint"),
    ph(Paywall, "suscríbete para seguir leyendo"),
    ph(Paywall, "para seguir leyendo"),
    ph(Paywall, "ya eres suscriptor"),
    ph(Paywall, "has alcanzado el límite"),
    ph(Paywall, "gracias por registrarte"),
    ph(Paywall, "to read the full story"),
    ph(Paywall, "to view the full story"),
    ph(Paywall, "for the full story"),
    ph(Paywall, "articles read"),
    whole(Paywall, "subscribe now"),
    ph(Paywall, "please subscribe"),
    addressed(Paywall, "subscribe now"),
    addressed(Paywall, "subscribe today"),
    ph(Paywall, "gratis testen"),
    ph(Paywall, "kostenlos testen"),
    ph(Paywall, "start your free trial"),
    ph(Paywall, "start a free trial"),
    ph(Paywall, "subscription options"),
    ph(Paywall, "subscription offers"),
    ph(Paywall, "offres d'abonnement"),
    ph(Paywall, "voir les offres"),
    ph(Paywall, "découvrez nos offres"),
    ph(Paywall, "essai gratuit"),
    ph(Paywall, "prueba gratis"),
    ph(Paywall, "abo-angebote"),
    ph(Paywall, "jetzt abo"),
    ph(Paywall, "abo sichern"),
    ph(Paywall, "abo-angebote"),
    ph(Paywall, "s'abonner à partir"),
    ph(Paywall, "subscribe from"),
    ph(Paywall, "subscribe for just"),
    ph(Paywall, "subscribe for only"),
    ph(Paywall, "abonnieren ab"),
    ph(Paywall, "suscríbete desde"),
    ph(Paywall, "choose a membership"),
    ph(Paywall, "choose your membership"),
    ph(Paywall, "choose a subscription"),
    ph(Paywall, "choose your subscription"),
    ph(Paywall, "choose your plan"),
    ph(Paywall, "choose a plan"),
    ph(Paywall, "wählen sie ihr abo"),
    ph(Paywall, "wählen sie ihr angebot"),
    ph(Paywall, "choisissez votre abonnement"),
    ph(Paywall, "choisissez votre offre"),
    ph(Paywall, "elige tu suscripción"),
    ph(Paywall, "elige tu plan"),
    // support, donation and membership appeals
    ph(Appeal, "your support helps"),
    ph(Appeal, "your support keeps"),
    ph(Appeal, "your support makes"),
    ph(Appeal, "your support allows"),
    ph(Appeal, "your donation"),
    ph(Appeal, "support our journalism"),
    ph(Appeal, "support independent journalism"),
    ph(Appeal, "support local journalism"),
    ph(Appeal, "support our work"),
    ph(Appeal, "support the guardian"),
    ph(Appeal, "funded by readers"),
    ph(Appeal, "funded by our readers"),
    ph(Appeal, "readers like you"),
    ph(Appeal, "make a contribution"),
    ph(Appeal, "make a donation"),
    ph(Appeal, "tax-deductible gift"),
    ph(Appeal, "donate now"),
    ph(Appeal, "donate today"),
    ph(Appeal, "donate to"),
    ph(Appeal, "please donate"),
    ph(Appeal, "chip in"),
    ph(Appeal, "become a member"),
    ph(Appeal, "become a supporter"),
    ph(Appeal, "unterstützen sie unabhängigen journalismus"),
    ph(Appeal, "unterstützen sie uns"),
    ph(Appeal, "jetzt unterstützen"),
    ph(Appeal, "mit ihrer spende"),
    ph(Appeal, "mit einer spende"),
    ph(Appeal, "unterstützen sie"),
    ph(Appeal, "werden sie mitglied"),
    ph(Appeal, "soutenez notre journalisme"),
    ph(Appeal, "soutenez-nous"),
    ph(Appeal, "soutenez la rédaction"),
    ph(Appeal, "faites un don"),
    ph(Appeal, "faire un don"),
    ph(Appeal, "votre soutien"),
    ph(Appeal, "devenez membre"),
    ph(Appeal, "apoya nuestro periodismo"),
    ph(Appeal, "apoya el periodismo"),
    ph(Appeal, "hazte socio"),
    ph(Appeal, "hazte socia"),
    ph(Appeal, "hazte mecenas"),
    ph(Appeal, "haz una donación"),
    ph(Appeal, "quiero apoyar"),
    ph(Appeal, "tu apoyo"),
    ph(Appeal, "needs your help"),
    ph(Appeal, "click here to support"),
    ph(Appeal, "unterstütze uns"),
    ph(Appeal, "unterstütze unabhängige"),
    ph(Appeal, "supporte uns"),
    ph(Appeal, "spendenfinanziert"),
    ph(Appeal, "unterstützen sie diese"),
    ph(Appeal, "unterstütze"),
    ph(Appeal, "jetzt spenden"),
    // comments
    whole(Comments, "comments"),
    counted(Comments, "comment"),
    whole(Comments, "show comments"),
    whole(Comments, "view comments"),
    whole(Comments, "show more comments"),
    whole(Comments, "load more comments"),
    whole(Comments, "reader comments"),
    whole(Comments, "readers comments"),
    whole(Comments, "comments are closed"),
    ph(Comments, "join the conversation"),
    ph(Comments, "join the discussion"),
    ph(Comments, "join our commenting forum"),
    ph(Comments, "commenting forum"),
    ph(Comments, "post a comment"),
    ph(Comments, "leave a comment"),
    ph(Comments, "add your comment"),
    ph(Comments, "add a comment"),
    ph(Comments, "have your say"),
    ph(Comments, "sign in to comment"),
    ph(Comments, "log in to comment"),
    whole(Comments, "kommentare"),
    whole(Comments, "leserkommentare"),
    whole(Comments, "kommentare anzeigen"),
    counted(Comments, "kommentar"),
    ph(Comments, "kommentar schreiben"),
    ph(Comments, "diskutieren sie mit"),
    whole(Comments, "commentaires"),
    counted(Comments, "commentaire"),
    whole(Comments, "réactions"),
    whole(Comments, "voir les réactions"),
    counted(Comments, "réaction"),
    whole(Comments, "réagir"),
    ph(Comments, "laisser un commentaire"),
    ph(Comments, "réagir à cet article"),
    ph(Comments, "réagissez à cet article"),
    whole(Comments, "comentarios"),
    whole(Comments, "ver comentarios"),
    counted(Comments, "comentario"),
    ph(Comments, "deja un comentario"),
    ph(Comments, "escribe un comentario"),
    ph(Comments, "deja tu comentario"),
    ph(Comments, "kommentare lesen"),
    ph(Comments, "ihre kommentare"),
    ph(Comments, "un mot à ajouter"),
    whole(Comments, "new comments"),
    whole(Comments, "all comments"),
    whole(Comments, "read comments"),
    ph(Comments, "热门评论"),
    ph(Comments, "最新评论"),
    ph(Comments, "コメント"),
    // newsletter, notifications, apps
    ph(Nag, "sign up to our newsletter"),
    ph(Nag, "sign up for our newsletter"),
    ph(Nag, "subscribe to our newsletter"),
    ph(Nag, "our free daily newsletter"),
    ph(Nag, "our free newsletter"),
    ph(Nag, "free morning newsletter"),
    ph(Nag, "get our newsletter"),
    ph(Nag, "stay up to date with notifications"),
    ph(Nag, "notifications can be managed"),
    ph(Nag, "get breaking news alerts"),
    ph(Nag, "turn on notifications"),
    ph(Nag, "turn on browser notifications"),
    ph(Nag, "allow notifications"),
    ph(Nag, "enable notifications"),
    ph(Nag, "push notifications"),
    ph(Nag, "download our app"),
    ph(Nag, "download the app"),
    ph(Nag, "get the app"),
    ph(Nag, "newsletter abonnieren"),
    ph(Nag, "zum newsletter anmelden"),
    ph(Nag, "für den newsletter anmelden"),
    ph(Nag, "benachrichtigungen aktivieren"),
    ph(Nag, "push-benachrichtigungen"),
    ph(Nag, "laden sie unsere app"),
    ph(Nag, "inscrivez-vous à notre newsletter"),
    ph(Nag, "abonnez-vous à notre newsletter"),
    ph(Nag, "recevez notre newsletter"),
    ph(Nag, "activez les notifications"),
    ph(Nag, "téléchargez notre application"),
    ph(Nag, "téléchargez l'application"),
    ph(Nag, "suscríbete a nuestro boletín"),
    ph(Nag, "suscríbete a nuestra newsletter"),
    ph(Nag, "recibe nuestro boletín"),
    ph(Nag, "nuestro boletín"),
    ph(Nag, "activa las notificaciones"),
    ph(Nag, "descarga nuestra app"),
    ph(Nag, "descarga la app"),
    addressed(Nag, "our daily newsletter"),
    addressed(Nag, "our weekly newsletter"),
    addressed(Nag, "email newsletter"),
    ph(Nag, "subscribe here"),
    ph(Nag, "breaking news alerts"),
    ph(Nag, "open in the app"),
    ph(Nag, "open in app"),
    ph(Nag, "benachrichtigung aktivieren"),
    ph(Nag, "browser-push"),
    ph(Nag, "recibí por mail"),
    ph(Nag, "en tu correo"),
    addressed(Nag, "newsletter"),
    addressed(Nag, "in your inbox"),
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
    // donation forms and widgets
    (Appeal, "paypal.com"),
    (Appeal, "donorbox.org"),
    (Appeal, "givebutter.com"),
    (Appeal, "fundraiseup.com"),
    (Appeal, "ko-fi.com"),
    (Appeal, "buymeacoffee.com"),
    (Appeal, "steadyhq.com"),
];

/// App stores, matched inside a link's `href`: a short block that links there and asks the
/// reader to install is an app-install prompt.
pub const APP_STORE_HOSTS: &[&str] = &[
    "apps.apple.com",
    "itunes.apple.com",
    "play.google.com",
    "appgallery.huawei.com",
];

/// Words of an app-install prompt, whole words: one must stand beside the store link
/// ("downloaded 40,000 times" is not one).
pub const APP_INSTALL_WORDS: &[&str] = &[
    "download",
    "install",
    "herunterladen",
    "installieren",
    "télécharger",
    "téléchargez",
    "descarga",
    "descargue",
    "instala",
    "instale",
];

/// Phrases of an app-install prompt, found anywhere in its text.
pub const APP_INSTALL_PHRASES: &[&str] = &["get the", "get our", "laden sie"];

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
    "anmelden",
    "inscri",
    "boletín",
    "boletin",
    "suscrib",
    "mailing list",
    "inbox",
    "never miss",
    "stay informed",
    "news alerts",
    "mailpoet",
    "sailthru",
];

/// Class words of the layers that dim the page behind a modal: hidden along with the modal.
pub const BACKDROP_WORDS: &[&str] = &[
    "backdrop", "overlay", "veil", "scrim", "dimmer", "curtain", "shade", "mask",
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
