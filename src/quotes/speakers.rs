//! Who said it: the speaker mention that a cue verb ties to each quote, in the patterns that
//! carry most quotes in news ("Q," S said / said S / S said: "Q" / S said ... "partial" / "Q"
//! according to S), and the mention's resolution to a person of the article.

use crate::lowercase::Lowercase;
use crate::word_set;
use crate::wordset::WordSet;

use super::people::{base, name_at, namelike, run_text, People, NOT_NAMES, PARTICLES, TITLES};
use super::words::Token;

/// Verbs that attribute speech, in all their written forms.
#[rustfmt::skip]
pub static CUE_VERBS: WordSet = word_set![
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "ask", "asks", "asked", "asking", "answer", "answers", "answered", "explain",
    "explains", "explained", "explaining", "note", "notes", "noted", "noting", "warn", "warns",
    "warned", "warning", "claim", "claims", "claimed", "claiming", "insist", "insists", "insisted",
    "insisting", "argue", "argues", "argued", "arguing", "admit", "admits", "admitted", "admitting",
    "announce", "announces", "announced", "acknowledge", "acknowledges", "acknowledged", "confirm",
    "confirms", "confirmed", "deny", "denies", "denied", "declare", "declares", "declared",
    "describe", "describes", "described", "describing", "write", "writes", "wrote", "writing",
    "tweet", "tweets", "tweeted", "tweeting", "post", "posted", "state", "states", "stated",
    "stress", "stresses", "stressed", "stressing", "suggest", "suggests", "suggested", "suggesting",
    "urge", "urges", "urged", "urging", "reply", "replies", "replied", "respond", "responds",
    "responded", "recall", "recalls", "recalled", "recalling", "continue", "continues", "continued",
    "conclude", "concludes", "concluded", "testify", "testifies", "testified", "predict",
    "predicts", "predicted", "promise", "promises", "promised", "complain", "complains",
    "complained", "concede", "concedes", "conceded", "call", "calls", "called", "calling", "report",
    "reports", "reported", "agree", "agrees", "agreed", "accuse", "accuses", "accused", "accusing",
    "joke", "joked", "quip", "quipped", "emphasize", "emphasized", "emphasise", "emphasised",
    "remark", "remarked", "observe", "observed", "boast", "boasted", "vow", "vows", "vowed",
    "pledge", "pledged", "mention", "mentioned", "shout", "shouted", "yell", "yelled", "assert",
    "asserts", "asserted", "allege", "alleges", "alleged", "maintain", "maintains", "maintained",
    "contend", "contends", "contended", "counter", "countered", "deplore", "deplores", "deplored",
    "condemn", "condemns", "condemned", "welcome", "welcomed", "criticise", "criticised",
    "criticize", "criticized", "dismiss", "dismisses", "dismissed", "hail", "hailed", "praise",
    "praised", "reject", "rejects", "rejected", "label", "labelled", "labeled", "brand", "branded",
    "term", "termed", "blame", "blames", "blamed", "demand", "demanded", "demands", "insisting",
    "wonder", "wondered", "muse", "mused", "repeat", "repeated", "reiterate", "reiterated",
    "recount", "recounted", "announce", "charge", "charged", "regret", "regrets", "regretted",
    "lament", "lamented", "express", "expressed", "thanked", "thanking", "liken", "likened",
    "likens", "decry", "decried", "yelling", "shouting", "screamed", "boomed", "bellowed",
    "emailed", "denounce", "denounces", "denounced", "denouncing",
    "scoff", "scoffed", "sneer", "sneered", "acknowledging", "cite", "cited", "read", "reads",
    "estimate", "estimated", "sagte", "sagt", "erklärte", "betonte", "dit", "déclaré", "affirmé",
    "dijo", "afirmó", "declaró", "explicó", "mock", "mocks", "mocked", "deride", "derides",
    "derided", "slam", "slams", "slammed", "blast", "blasts", "blasted", "tout", "touts", "touted",
    "summed", "ridicule", "ridiculed", "lambast", "lambasted", "chide", "chided", "scold",
    "scolded", "retort", "retorts", "retorted", "retaliated", "exclaim", "exclaims", "exclaimed",
    "caution", "cautions", "cautioned", "whisper", "whispers", "whispered", "snapped",
    "interjected", "rebutted", "thundered", "reckon", "reckons", "reckoned", "fumed", "sighed",
    "gushed", "plead", "pleads", "pleaded", "speculate", "speculates", "speculated", "surmised",
    "opine", "opines", "opined", "proclaim", "proclaims", "proclaimed", "confide", "confided",
    "advise", "advises", "advised", "exhort", "exhorts", "exhorted", "citing", "mocking",
    "blasting", "slamming", "touting", "praising", "criticizing", "criticising", "condemning",
    "dismissing", "rejecting", "welcoming", "blaming", "repeating", "pleading", "vowing",
    "pledging", "boasting", "joking", "mentioning", "remarking", "observing", "announcing",
    "confirming", "denying", "declaring", "stating", "reporting", "agreeing", "complaining",
    "conceding", "promising", "predicting", "testifying", "concluding", "recounting", "lamenting",
    "expressing", "demanding", "responding", "replying", "answering", "wondering", "charging",
    "emphasizes", "emphasises", "remarks", "observes", "boasts", "mentions", "shouts", "yells",
    "counters", "welcomes", "criticises", "criticizes", "praises", "hails", "labels", "brands",
    "terms", "wonders", "muses", "repeats", "reiterates", "recounts", "charges", "laments",
    "expresses", "scoffs", "cites", "estimates", "jokes", "quips", "pledges", "rated", "rates",
    "bemoaned", "lauded", "vented", "heralded", "ranted", "griped", "grumbled", "marveled",
    "marvelled", "characterized", "characterised", "hinted", "implored", "elaborated", "assured",
    "lectured", "preached", "comment", "comments", "commented", "commenting", "retweeted",
    "retweets", "referred", "refers", "referring", "talked", "spoke", "speaks",
];

/// Auxiliary verbs: the predicate has begun ("Holt has been pounding Keller" names Holt).
static AUXILIARIES: WordSet = word_set![
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "been", "can", "could",
];

/// Words that may stand between a subject and its cue verb.
#[rustfmt::skip]
static BETWEEN: WordSet = word_set![
    "also", "later", "then", "has", "had", "have", "would", "will", "was", "is", "were",
    "previously", "repeatedly", "again", "reportedly", "must", "publicly", "once", "further", "earlier",
    "recently", "initially", "first", "simply", "never", "often", "has", "had", "once", "too",
    "privately", "flatly", "bluntly", "quickly", "frequently", "has", "did", "does", "may", "might",
    "could", "can", "should", "just", "only", "even", "already", "still", "since", "on", "last",
    "this", "week", "month", "year", "night", "morning", "afternoon", "evening", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "who",
    "which", "in", "a", "an", "statement", "interview", "briefly",
];

/// Personal pronouns that can speak.
const PRONOUNS: &[(&str, char)] = &[
    ("he", 'm'),
    ("she", 'f'),
    ("they", 'p'),
    ("we", 'p'),
    ("i", '?'),
];

/// Words before a quote that make it a name or title rather than speech.
#[rustfmt::skip]
static NAMING: WordSet = word_set![
    "dubbed", "named", "titled", "entitled", "so-called", "term", "word", "words", "phrase",
    "nicknamed", "slogan", "hashtag", "headline", "book", "film", "documentary", "series", "show",
    "song", "album", "programme", "program", "podcast", "motto", "banner", "sign", "signs",
    "caption", "magazine", "newspaper", "column", "essay", "report", "novel", "movie", "musical",
    "anthem", "collection", "commentary", "editorial", "perform", "performed", "sang", "sings",
];

/// A speaker mention found for a quote.
#[derive(Debug, Clone, PartialEq)]
pub enum Mention {
    /// A name, as written (one or more people joined by "and").
    Name(Vec<String>),
    /// A pronoun and its gender ('m', 'f', 'p' plural, '?').
    Pronoun(char),
    /// A description ("a Brillco statement", "the spokesman").
    Description(String),
    /// A capitalised word that is also a common one, right before a cue ("From said", "May
    /// said"): a speaker only when the article introduced someone of that name ("Aldo From").
    Known(String),
    /// A speaker the sentence leaves unnamed ("Lind was asked whether ..."): no one, and no
    /// guess from elsewhere.
    Unnamed,
}

/// Cue verbs that are also plural nouns ("the larger states", "Holm's claims").
#[rustfmt::skip]
static NOUN_LIKE: WordSet = word_set![
    "states", "claims", "calls", "notes", "reports", "posts", "answers", "remarks", "tweets",
    "statements", "comments", "words", "warns", "demands", "promises", "charges", "counters",
    "estimates", "reads", "labels", "brands", "terms", "recalls", "replies", "hails", "boasts",
    "mentions", "shouts", "praises", "repeats", "jokes", "quips", "pledges", "welcomes",
    "wonders", "muses",
];

/// Whether a token is a cue verb (not a token inside a quote, nor a noun of the same form).
pub fn is_cue(t: &Token) -> bool {
    // A capital makes it part of a name ("United States"), not a verb.
    t.word && !t.cap && t.quote.is_none() && CUE_VERBS.contains(&t.lower.as_str())
}

/// Most tokens of an appositive between commas before a verb that is also a noun.
const APPOSITIVE_TOKENS: usize = 12;

/// Whether token `j` is a cue verb where it stands: an ambiguous plural form counts only after
/// its subject (a name, a pronoun, or an adverb between them). False past the last token.
pub fn is_cue_at(tokens: &[Token], j: usize) -> bool {
    let Some(t) = tokens.get(j) else {
        return false;
    };
    if !is_cue(t) {
        return phrasal_cue(tokens, j);
    }
    if infinitive(tokens, j) {
        return false;
    }
    // "Voss will continue to be “a fighter”": the verb after "to" is what goes on.
    if t.lower.starts_with("continu") && tokens.get(j + 1).is_some_and(|n| n.lower == "to") {
        return false;
    }
    // "calling Ostrom's charge “reckless”": after a possessive or an article, and with the
    // quote right after it, it is a noun the quote describes, not speech. ("Varga's claim that
    // “...”" still names the claimant.)
    if j > 0 && tokens.get(j + 1).is_some_and(|q| q.quote.is_some()) && {
        let p = &tokens[j - 1];
        p.word
            && ((p.lower.ends_with("'s") && pronoun(p).is_none())
                || NOUN_BEFORE.contains(&p.lower.as_str()))
    } {
        return false;
    }
    // "voters in the state", "her call", "secretary of state": a word that is also a noun,
    // after an article, a possessive pronoun or a preposition, is the noun wherever the quote
    // stands ("people close to her said" still speaks).
    let noun_form = NOUN_FORMS.contains(&t.lower.as_str()) || NOUN_LIKE.contains(&t.lower.as_str());
    // "rallied supporters by warning that ...": after "by" a word in -ing is the verb.
    let gerund = t.lower.ends_with("ing") && j > 0 && tokens[j - 1].lower == "by";
    // "a deep regret", "his stern warning": an article or possessive, an adjective, the noun.
    let described = j >= 2
        && tokens[j - 1].word
        && !tokens[j - 1].cap
        && !is_cue(&tokens[j - 1])
        && tokens[j - 2].word
        && NOUN_BEFORE.contains(&tokens[j - 2].lower.as_str());
    if noun_form
        && !gerund
        && j > 0
        && tokens[j - 1].word
        && (described
            || NOUN_BEFORE.contains(&tokens[j - 1].lower.as_str())
            || PREPOSITIONS.contains(&tokens[j - 1].lower.as_str())
            // "cleaning up state data": the particle of a phrasal verb before it.
            || matches!(tokens[j - 1].lower.as_str(), "up" | "out" | "down" | "off"))
    {
        return false;
    }
    if !NOUN_LIKE.contains(&t.lower.as_str()) {
        return true;
    }
    match j.checked_sub(1).map(|p| &tokens[p]) {
        // "Lind's remarks": a possessive owns a noun.
        Some(p) if p.word && p.lower.ends_with("'s") && pronoun(p).is_none() => false,
        // "32% of Kelmar claims": a capitalised word after "of" qualifies the noun.
        Some(p) if p.word && p.cap && j >= 2 && tokens[j - 2].lower == "of" => false,
        Some(p) if p.word => {
            (p.cap && !NOT_NAMES.contains(&p.lower.as_str()))
                || pronoun(p).is_some()
                || BETWEEN.contains(&p.lower.as_str())
        }
        // "Her aide, Tomas Rell, calls" or "Rell, her aide, calls": after an appositive set off
        // by commas, with a name on one side of it.
        Some(p) if p.text == "," && j >= 2 => {
            let name = |x: &Token| x.word && x.cap && !NOT_NAMES.contains(&x.lower.as_str());
            (0..j - 1)
                .rev()
                .take(APPOSITIVE_TOKENS)
                .take_while(|&n| tokens[n].sentence == t.sentence)
                .find(|&n| tokens[n].text == ",")
                .is_some_and(|k| name(&tokens[j - 2]) || (k > 0 && name(&tokens[k - 1])))
        }
        _ => false,
    }
}

/// "to continue", "to urge leaders": whether token `j` is an infinitive, no one's speech act,
/// unlike "went on to say" or "continued to insist".
fn infinitive(tokens: &[Token], j: usize) -> bool {
    j > 0 && tokens[j - 1].lower == "to" && carrying_verb(tokens, j - 1).is_none()
}

/// The verb that carries on into the speech after the "to" at `to`: "went on to say",
/// "continued to insist", "proceeded to explain", "went so far as to say", "took to Twitter
/// to call".
fn carrying_verb(tokens: &[Token], to: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_str());
    let going = |k: usize| matches!(word(k), "went" | "goes" | "go" | "going");
    if to >= 1
        && matches!(
            word(to - 1),
            "continued" | "continues" | "proceeded" | "proceeds"
        )
    {
        return Some(to - 1);
    }
    if to >= 2 && word(to - 1) == "on" && going(to - 2) {
        return Some(to - 2);
    }
    // "hastened to add", "was quick to add": the speaker hurries or takes care to say it
    // (not to "call the coastguard": only verbs that report speech).
    let says = SAYING.contains(&word(to + 1)) || matches!(word(to + 1), "say" | "add" | "note");
    if says && to >= 1 && matches!(word(to - 1), "hastened" | "hastens") {
        return Some(to - 1);
    }
    if says
        && to >= 2
        && matches!(word(to - 1), "quick" | "careful" | "eager" | "keen")
        && matches!(word(to - 2), "was" | "is" | "were" | "are" | "been")
    {
        return Some(to - 2);
    }
    // "was prompted to say", "felt compelled to add": something moved the speaker to say it.
    if says
        && to >= 2
        && matches!(
            word(to - 1),
            "prompted" | "moved" | "compelled" | "forced" | "obliged" | "inspired"
        )
        && matches!(
            word(to - 2),
            "was" | "is" | "were" | "are" | "been" | "felt" | "feels"
        )
    {
        return Some(to - 2);
    }
    // "took to Twitter to call", "taking to the radio to say": the one who took to it.
    let took = (2..=4).find(|&k| {
        to > k
            && word(to - k) == "to"
            && matches!(word(to - k - 1), "took" | "take" | "takes" | "taking")
            && (to - k + 1..to).all(|n| tokens[n].word && tokens[n].quote.is_none())
    });
    if let Some(k) = took {
        return Some(to - k - 1);
    }
    // "went so far as to say", "went as far as to say".
    (to >= 4
        && word(to - 1) == "as"
        && word(to - 2) == "far"
        && matches!(word(to - 3), "so" | "as")
        && going(to - 4))
    .then(|| to - 4)
}

/// Verbs that attribute speech with the word after them ("as Marsh put it", "pointed out").
const PHRASAL: &[(&str, &str)] = &[
    ("put", "it"),
    ("puts", "it"),
    ("pointed", "out"),
    ("points", "out"),
    ("fired", "back"),
    ("shot", "back"),
    ("hit", "back"),
    ("chimed", "in"),
    ("ticked", "off"),
    ("rattled", "off"),
    ("spelled", "out"),
];

/// Whether token `j` opens a phrasal verb of saying ("put it", "pointed out", and "went on"
/// when speech follows: "Lind went on, “...”", "went on about “...”").
fn phrasal_cue(tokens: &[Token], j: usize) -> bool {
    let t = &tokens[j];
    let Some(n) = tokens.get(j + 1) else {
        return false;
    };
    // "Keller went on about “...”": speech about something, quoted.
    let about = |k: usize| {
        tokens.get(k).is_some_and(|p| p.lower == "about")
            && tokens.get(k + 1).is_some_and(|q| q.quote.is_some())
    };
    let continued = matches!(t.lower.as_str(), "went" | "goes")
        && n.lower == "on"
        && (about(j + 2)
            || tokens
                .get(j + 2)
                .is_some_and(|p| p.quote.is_some() || matches!(p.text.as_ref(), "," | ":")));
    t.word
        && !t.cap
        && t.quote.is_none()
        && n.quote.is_none()
        && (continued
            || PHRASAL.contains(&(t.lower.as_str(), n.lower.as_str()))
            || issued_statement(tokens, j))
}

/// Verbs that put out a written statement.
static ISSUING: WordSet = word_set!["issued", "issues", "released", "releases", "sent"];

/// Statements that are put out.
static ISSUED: WordSet = word_set!["statement", "message", "release", "tweet", "note", "letter"];

/// "Lind issued a statement, “...”", "released a statement saying": the verb speaks for its
/// subject when a statement follows it and the quote or a comma or colon follows that.
fn issued_statement(tokens: &[Token], j: usize) -> bool {
    if !ISSUING.contains(&tokens[j].lower.as_str()) {
        return false;
    }
    let mut k = j + 1;
    if tokens
        .get(k)
        .is_some_and(|t| NOUN_BEFORE.contains(&t.lower.as_str()))
    {
        k += 1;
    }
    tokens
        .get(k)
        .is_some_and(|t| t.word && ISSUED.contains(&t.lower.as_str()))
        && tokens
            .get(k + 1)
            .is_some_and(|p| p.quote.is_some() || matches!(p.text.as_ref(), "," | ":"))
}

/// Cue words that are also singular nouns ("the state", "her call", "in reply").
#[rustfmt::skip]
static NOUN_FORMS: WordSet = word_set![
    "state", "call", "claim", "note", "report", "post", "answer", "remark", "tweet", "comment",
    "demand", "promise", "charge", "counter", "estimate", "label", "brand", "term", "recall",
    "reply", "hail", "say", "cry", "shout", "plea", "quote", "word", "warning", "statement",
    "response", "argument", "question", "boast", "vow", "pledge", "threat", "joke", "complaint",
    "admission", "release", "announcement", "retort", "testimony", "message", "letter", "email",
    "interview", "explanation", "suggestion", "insistence", "observation", "prediction",
    "regret", "criticism", "praise", "denial",
];

/// Prepositions: a noun-like cue word right after one is the noun ("secretary of state").
static PREPOSITIONS: WordSet =
    word_set!["of", "in", "on", "at", "for", "with", "from", "by", "into", "about", "without"];

/// Words after which a cue word is a noun ("the report", "their call").
static NOUN_BEFORE: WordSet =
    word_set!["the", "a", "an", "his", "her", "their", "its", "our", "my", "your"];

/// Words of speech or opinion that are no cue verb and no noun of one: with them a short
/// partial quote is someone's word, not a scare quote ("used his keynote speech to offer
/// “encouragement”", "believes in papers that “take sides”").
#[rustfmt::skip]
static SPEECH_WORDS: WordSet = word_set![
    "speech", "speeches", "assertion", "assertions", "accusation", "accusations", "rhetoric",
    "description", "believe", "believes", "believed", "attacked", "slammed", "blasted", "mocked",
    "derided", "dismissed", "dismissing", "characterizes", "characterized", "characterizing",
    "pounding", "ridiculed", "lambasted", "branded", "touted", "praised", "proposed", "proposes",
    "identified", "identifies",
];

/// Whether the sentence before token `at` holds a word of speech outside quotes: a cue verb,
/// a noun such as "promise" or "claims", or one of [`SPEECH_WORDS`].
pub fn speech_word_before(tokens: &[Token], at: usize) -> bool {
    speech_word_in(tokens, sentence_start(tokens, at), at)
}

/// Whether `tokens[from..at]` hold a word of speech (see [`speech_word_before`]).
fn speech_word_in(tokens: &[Token], from: usize, at: usize) -> bool {
    tokens[from..at].iter().any(|t| {
        let word = t.lower.as_str();
        t.word
            && !t.cap
            && t.quote.is_none()
            && (CUE_VERBS.contains(&word)
                || NOUN_FORMS.contains(&word)
                || SPEECH_WORDS.contains(&word)
                || word
                    .strip_suffix('s')
                    .is_some_and(|w| NOUN_FORMS.contains(&w)))
    })
}

/// The gender of a personal pronoun that can speak ('m', 'f', 'p' plural, '?'), if `t` is one.
pub fn pronoun(t: &Token) -> Option<char> {
    // "he's said", "she'd told", "they've argued": the pronoun of a contraction.
    let word = ["'s", "'d", "'ve", "'ll"]
        .iter()
        .find_map(|c| t.lower.strip_suffix(c))
        .unwrap_or(&t.lower);
    PRONOUNS
        .iter()
        .find(|(p, _)| t.word && word == *p)
        .map(|(_, g)| *g)
}

/// Whether the quoted words look like a title, a name or a scare quote rather than speech.
pub fn looks_like_name(tokens: &[Token], first: usize, last: usize, text: &str) -> bool {
    let words: Vec<&Token> = tokens[first..=last].iter().filter(|t| t.word).collect();
    if words.is_empty() {
        return true;
    }
    let trimmed = text.trim_end();
    let ends_like_speech =
        trimmed.ends_with([',', '?', '!', '…']) || (trimmed.ends_with('.') && words.len() >= 4);
    if ends_like_speech {
        return false;
    }
    (titled(&words) && words.len() <= 6) || (words.len() == 1 && words[0].cap)
}

/// Whether every word is capitalised, a small word of a title, or a number.
pub fn titled(words: &[&Token]) -> bool {
    let small = [
        "and", "of", "the", "a", "an", "in", "on", "for", "to", "with", "at", "or", "de",
    ];
    words.iter().all(|t| {
        t.cap || small.contains(&t.lower.as_str()) || t.lower.chars().all(|c| c.is_ascii_digit())
    })
}

/// Words whose "'s" is "is" or "has" ("it's", "that's", "he's"), not a possessive.
static CONTRACTED: WordSet = word_set![
    "it", "that", "there", "here", "what", "who", "where", "how", "let", "he", "she", "this",
];

/// Most words of a title owned by a possessive.
const OWNED_TITLE_WORDS: usize = 6;

/// `on KTV's “Face the Harbour,”`: words in Title Case right after a possessive are the name
/// of something the owner has (a show, a book), whatever punctuation closes them.
pub fn owned_title(tokens: &[Token], first: usize, last: usize) -> bool {
    let words: Vec<&Token> = tokens[first..=last].iter().filter(|t| t.word).collect();
    // The owner is a possessive ("KTV's", "television's"), not a contraction ("it's").
    let owner = word_before(tokens, first).is_some_and(|w| {
        w.strip_suffix("'s")
            .is_some_and(|stem| !stem.is_empty() && !CONTRACTED.contains(&stem))
    });
    // "Varga's “Never!”" is what she cried.
    let exclaimed = tokens[first..=last].iter().any(|t| t.text == "!");
    !words.is_empty() && words.len() <= OWNED_TITLE_WORDS && titled(&words) && owner && !exclaimed
}

/// The word right before a quote's opening mark, lower-case, if in the same sentence.
pub fn word_before(tokens: &[Token], first: usize) -> Option<&str> {
    let mut j = first;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.sentence != tokens[first].sentence {
            return None;
        }
        if t.word {
            return Some(t.lower.as_str());
        }
        if !matches!(t.text.as_ref(), "“" | "\"" | "‘" | "'" | "«" | "„" | "`") {
            return None;
        }
    }
    None
}

/// Whether a cue verb introduces the quote directly ("said, “...”", "told reporters: “...”").
pub fn introduced(tokens: &[Token], first: usize) -> bool {
    let mut j = first;
    let mut steps = 0;
    while j > 0 && steps < 3 {
        j -= 1;
        let t = &tokens[j];
        if t.sentence != tokens[first].sentence {
            return false;
        }
        if t.word {
            return is_cue_at(tokens, j);
        }
        if !matches!(
            t.text.as_ref(),
            "," | ":" | "“" | "\"" | "‘" | "'" | "«" | "„" | "`"
        ) {
            return false;
        }
        steps += 1;
    }
    false
}

/// Whether the quote is introduced as a name or title ("the so-called 'Quartet'", "on a
/// broadcast of “Harbour Sunday”", "in his 2002 book, ''Port Wealth,''"). The caller limits
/// the quote's length.
pub fn named_as(tokens: &[Token], first: usize) -> bool {
    let j = marks_before(tokens, first);
    if let Some(w) = word_before(tokens, first).filter(|w| NAMING.contains(w)) {
        // "called the ferry program “worse than tolls”": a noun for a thing, after a verb
        // that calls it something, is what the quote describes.
        let verb_names = !NAMING_VERBS.contains(&w)
            && (j.saturating_sub(5)..j.saturating_sub(1))
                .any(|k| tokens[k].sentence == tokens[first].sentence && is_cue_at(tokens, k));
        return !verb_names;
    }
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.word && t.sentence == tokens[first].sentence && t.quote.is_none())
            .map(|t| t.lower.as_str())
    };
    let of_work = j >= 2
        && word(j - 1) == Some("of")
        && word(j - 2).is_some_and(|w| NAMING.contains(&w) || WORK_PARTS.contains(&w));
    let appositive = j >= 2
        && tokens[j - 1].text == ","
        && tokens[j - 1].quote.is_none()
        && word(j - 2).is_some_and(|w| NAMING.contains(&w));
    of_work || appositive
}

/// Roles in a work, after its title (“Harbour Lights” star Ana Holt).
static WORK_ROLES: WordSet = word_set![
    "star",
    "stars",
    "co-star",
    "actor",
    "actress",
    "host",
    "creator",
    "author",
    "director",
    "producer",
    "writer",
    "showrunner",
    "anchor",
    "presenter",
];

/// Whether the quote ending at `last` is the title of a work whose role and person follow
/// (“Harbour Lights” star Ana Holt), not speech.
pub fn title_before_role(tokens: &[Token], last: usize) -> bool {
    // A title ends on a word: “We stay,” actor Piet Dunn said is speech. And only the closing
    // marks come between: “criminals” and “rapists”, actress Ana Holt wrote.
    let mark = |t: &Token| !t.word && t.text.chars().all(|c| "\"'”“’‘»«„".contains(c));
    let mut end = last;
    while end > 0 && mark(&tokens[end]) {
        end -= 1;
    }
    if !tokens[end].word {
        return false;
    }
    let mut k = last + 1;
    while tokens.get(k).is_some_and(mark) {
        k += 1;
    }
    tokens
        .get(k)
        .is_some_and(|t| !t.cap && WORK_ROLES.contains(&t.lower.as_str()))
        && tokens.get(k + 1).is_some_and(|t| t.word && t.cap)
}

/// Words of [`NAMING`] that name whatever verb comes before them: verbs and adjectives of
/// naming, and words for words ("said the words “...”" mentions them).
static NAMING_VERBS: WordSet = word_set![
    "dubbed",
    "named",
    "titled",
    "entitled",
    "so-called",
    "nicknamed",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "hashtag",
    "motto",
    "headline",
    "caption",
    "banner",
    "sign",
    "signs",
];

/// Parts and people of a work that name it after "of" ("an episode of", "the host of").
static WORK_PARTS: WordSet = word_set![
    "broadcast",
    "episode",
    "edition",
    "airing",
    "host",
    "star",
    "author",
    "cast",
    "season",
    "chapter",
    "producer",
    "creator",
    "premiere",
    "finale",
];

/// The speaker mention after a quote: `"Q," S said` or `"Q," said S`.
pub fn after(tokens: &[Token], last: usize) -> Option<Mention> {
    let sentence = tokens[last].sentence;
    let k = tokens[last].quote;
    let mut j = last + 1;
    // Skip the closing mark and punctuation.
    while j < tokens.len()
        && !tokens[j].word
        && (tokens[j].quote == k || matches!(tokens[j].text.as_ref(), "," | "—" | "–" | "-" | ":"))
    {
        j += 1;
    }
    let in_sentence =
        |j: usize| j < tokens.len() && tokens[j].sentence == sentence && tokens[j].quote.is_none();
    let closed = ends_sentence(tokens, last);
    if !in_sentence(j) || (closed && introduces_next(tokens, j)) {
        return None;
    }
    if speaker_follows(&tokens[j]) {
        // "said Mr Kovac"
        let m = forward(tokens, j + 1)?;
        return (!matches!(m, Mention::Pronoun(_))).then_some(m);
    }
    // "the ballot “is too close to call,” as Varga said on Monday, ...": an aside of attribution.
    if tokens[j].lower == "as" && !closed {
        return match forward(tokens, j + 1)? {
            m @ Mention::Pronoun(_) => is_cue_at(tokens, j + 2).then_some(m),
            m @ Mention::Name(_) => {
                let end = *name_at(tokens, j + 1)?.words.last()? + 1;
                (in_sentence(end) && is_cue_at(tokens, end)).then_some(m)
            }
            _ => None,
        };
    }
    let Some(m) = forward(tokens, j) else {
        // "“...,” From said": a surname that is also a common word.
        let word = &tokens[j];
        let known = word.word
            && word.cap
            && tokens.get(j + 1).is_some_and(|v| v.sentence == sentence)
            && is_cue_at(tokens, j + 1);
        return known.then(|| Mention::Known(word.text.clone()));
    };
    // "“Q?” Brekke pressed.": a name and any past-tense verb right after the quote.
    if let Some(verb) = verb_after_name(tokens, j) {
        if matches!(m, Mention::Name(_) | Mention::Pronoun(_)) {
            if closed && reports_clause(tokens, verb) {
                return None;
            }
            return Some(m);
        }
    }
    // The verb must follow soon: "Tarn, a top Varga surrogate, said".
    let mut n = j;
    let mut steps = 0;
    let mut comma = false;
    // An appositive: a comma soon, or right after the name however long it is ("Piet B. Dunn
    // Jr., the director of ..., said").
    // The name starts after lower-case role words ("nuclear experts Tomas Andric").
    let name_from = (j..tokens.len().min(j + 4))
        .take_while(|&n| {
            let t = &tokens[n];
            t.sentence == sentence && t.word && !DETERMINERS.contains(&t.lower.as_str())
        })
        .find(|&n| tokens[n].cap)
        .unwrap_or(j);
    let mut name_end = name_from;
    // "Tomas Andric and Mara Dunn of the Brill Institute wrote": two names joined by "and".
    let joins = |n: usize| {
        tokens[n].lower == "and" && n > name_from && tokens.get(n + 1).is_some_and(namelike)
    };
    while name_end < tokens.len()
        && name_end - name_from < 8
        && tokens[name_end].sentence == sentence
        && (namelike(&tokens[name_end]) || tokens[name_end].text == "." || joins(name_end))
    {
        name_end += 1;
    }
    // "Jeffrey Lind of the Harbour Institute for Sea Studies wrote": a name, then where from.
    let of_place = name_end > name_from
        && tokens
            .get(name_end)
            .is_some_and(|t| matches!(t.lower.as_str(), "of" | "at" | "from"))
        && {
            let n = name_end
                + 1
                + usize::from(tokens.get(name_end + 1).is_some_and(|t| t.lower == "the"));
            tokens.get(n).is_some_and(|t| t.cap && t.quote.is_none())
        };
    let appositive = tokens.iter().skip(j).take(6).any(|t| t.text == ",")
        || tokens.get(name_end).is_some_and(|t| t.text == ",")
        || of_place;
    let window = if appositive { 30 } else { 16 };
    while n < tokens.len() && tokens[n].sentence == sentence && steps < window {
        // "Ina Holt, wearing “Save the Ferry” pins, said": a quote inside an appositive is
        // passed over; any other ends the search.
        if let Some(q) = tokens[n].quote {
            if !(appositive && comma) || Some(q) == k {
                break;
            }
            while n < tokens.len() && tokens[n].quote == Some(q) {
                n += 1;
            }
            steps += 1;
            continue;
        }
        // "Rep. Ilse E. Brandt (D-Kel.) said": a short aside in brackets counts for nothing.
        if tokens[n].text == "(" {
            if let Some(close) =
                (n + 1..n + 1 + BRACKET_TOKENS).find(|&c| in_sentence(c) && tokens[c].text == ")")
            {
                n = close + 1;
                continue;
            }
        }
        if is_cue_at(tokens, n) {
            // "The harbour, she said, was ...": the cue has a subject of its own.
            let own_subject = !matches!(m, Mention::Pronoun(_))
                && n >= j + 2
                && pronoun(&tokens[n - 1]).is_some()
                && tokens[n - 2].text == ",";
            if own_subject || (closed && reports_clause(tokens, n)) {
                return None;
            }
            // "Fight for Fair Pay organizing director Ines Falk told": with no comma on the
            // way, the name right before the verb is its subject.
            let plain = (j..n).all(|c| tokens[c].text != ",");
            if plain && n > j + 1 && matches!(m, Mention::Name(_)) && namelike(&tokens[n - 1]) {
                if let Some(near @ Mention::Name(_)) = backward(tokens, n - 1) {
                    return Some(near);
                }
            }
            return Some(m);
        }
        if tokens[n].text == "," {
            comma = !comma;
        } else if tokens[n].word && !comma && steps > 6 && !appositive && !namelike(&tokens[n]) {
            // Lower-case words past the first few start a clause of their own; the words of
            // a name still run on ("Justice Department senior trial counsel Carla Lewis Wolf
            // wrote").
            break;
        }
        n += 1;
        steps += 1;
    }
    None
}

/// Most tokens inside brackets after a name that are passed over ("(D-Kel.)").
const BRACKET_TOKENS: usize = 6;

/// `“We are sailors.” Lind said: “...”`: after a quote that ends its own sentence, words from
/// `j` that end in a colon before the next quote introduce that quote, not the one before.
fn introduces_next(tokens: &[Token], j: usize) -> bool {
    (j..tokens.len().min(j + 12))
        .take_while(|&n| tokens[n].quote.is_none() && tokens[n].sentence == tokens[j].sentence)
        .find(|&n| tokens[n].text == ":")
        .is_some_and(|n| tokens.get(n + 1).is_some_and(|t| t.quote.is_some()))
}

/// Dashes that credit a quote to a name after it.
static DASHES: WordSet = word_set!["—", "―", "–", "-", "--"];

/// The first of the quote's own mark tokens before its first word `first`.
fn marks_before(tokens: &[Token], first: usize) -> usize {
    let k = tokens[first].quote;
    let mut j = first;
    while j > 0 && tokens[j - 1].quote == k && !tokens[j - 1].word {
        j -= 1;
    }
    j
}

/// One past the quote's own mark tokens after its last word `last`.
fn marks_after(tokens: &[Token], last: usize) -> usize {
    let k = tokens[last].quote;
    let mut j = last + 1;
    while j < tokens.len() && tokens[j].quote == k && !tokens[j].word {
        j += 1;
    }
    j
}

/// The name whose run starts at token `s` and ends at token `e`, if one does.
fn name_from_to(tokens: &[Token], s: usize, e: usize) -> Option<Mention> {
    let run = name_at(tokens, s).filter(|r| r.words.last() == Some(&e))?;
    Some(Mention::Name(vec![run_text(tokens, &run)]))
}

/// `“...” ― Piet Dunn`, or a quote closing its paragraph and a paragraph of `- Dunn.` after it:
/// a dash and a name, and nothing else to the end of the paragraph but a short description.
pub fn dash_credit(tokens: &[Token], last: usize) -> Option<Mention> {
    let j = marks_after(tokens, last);
    let dash = tokens.get(j)?;
    let next_paragraph = dash.paragraph == tokens[last].paragraph + 1;
    if !DASHES.contains(&dash.text.as_ref())
        || dash.quote.is_some()
        || !(dash.paragraph == tokens[last].paragraph || next_paragraph)
    {
        return None;
    }
    let rest: Vec<&Token> = tokens[j + 1..]
        .iter()
        .take_while(|t| t.paragraph == dash.paragraph)
        .take(13)
        .collect();
    if rest.is_empty() || rest.len() > 12 || rest.iter().any(|t| t.quote.is_some() || is_cue(t)) {
        return None;
    }
    // The name ends the paragraph, or a comma or a full stop follows it ("― Piet Dunn, 34").
    let after = *name_at(tokens, j + 1)?.words.last()? + 1;
    let ends = tokens
        .get(after)
        .is_none_or(|t| t.paragraph != dash.paragraph || matches!(t.text.as_ref(), "," | "."));
    if !ends {
        return None;
    }
    match forward(tokens, j + 1)? {
        m @ Mention::Name(_) => Some(m),
        _ => None,
    }
}

/// `... including Hana Varga -- “...” -- and ...`: a quote set off by dashes right after a name
/// is that person's. The quote closes its sentence or another dash follows it.
pub fn dashed_after_name(tokens: &[Token], first: usize, last: usize) -> Option<Mention> {
    // The dash before the quote.
    let dash_end = marks_before(tokens, first).checked_sub(1)?;
    let e = dash_end.checked_sub(1)?;
    if !is_dash(&tokens[dash_end]) || tokens[dash_end].quote.is_some() {
        return None;
    }
    if tokens[e].paragraph != tokens[first].paragraph || !namelike(&tokens[e]) {
        return None;
    }
    let closed = tokens.get(marks_after(tokens, last)).is_none_or(|t| {
        is_dash(t) || t.paragraph != tokens[last].paragraph || matches!(t.text.as_ref(), "." | ";")
    });
    if !closed {
        return None;
    }
    // "fond of Mr. Andric -- “...”", "served in Kelmar - “...”": the object of a
    // preposition is what the quote is about, not who said it.
    let s = name_start(tokens, e);
    // "BRILL -- ''...''": a dateline in capitals opening the paragraph is a place.
    let opens = s == 0 || tokens[s - 1].paragraph != tokens[s].paragraph;
    if opens
        && tokens[s..=e]
            .iter()
            .all(|t| !t.text.chars().any(char::is_lowercase))
    {
        return None;
    }
    let before = with_article(tokens, s);
    // "The hashtag #PortaAperta - “open door” -": a gloss of a named thing.
    if before > 0 && {
        let w = tokens[before - 1].lower.as_str();
        w == "to" || w == "#" || w == "@" || PREPOSITIONS.contains(&w) || NAMING.contains(&w)
    } {
        return None;
    }
    name_from_to(tokens, s, e)
}

/// Whether the quote whose last token is `last` ends with its own full stop, question or
/// exclamation mark.
fn ends_sentence(tokens: &[Token], last: usize) -> bool {
    let k = tokens[last].quote;
    (0..=last)
        .rev()
        .take_while(|&n| tokens[n].quote == k && !tokens[n].word)
        .any(|n| matches!(tokens[n].text.as_ref(), "." | "!" | "?"))
}

/// `“... a port.” Mayor Lind said he would ...`: after a quote that ends its own sentence, a cue
/// verb that reports a clause of its own ("said he", "said that") opens new reported speech.
fn reports_clause(tokens: &[Token], cue: usize) -> bool {
    // "said that evening" is a time, not a clause.
    let time = tokens.get(cue + 2).is_some_and(|t| {
        BETWEEN.contains(&t.lower.as_str()) || TIME_ENDS.contains(&t.lower.as_str())
    });
    tokens.get(cue + 1).is_some_and(|t| {
        t.word
            && t.sentence == tokens[cue].sentence
            && ((t.lower == "that" && !time) || pronoun(t).is_some() || t.lower == "it")
    })
}

/// The speaker tag of a transcript line opening a quote (`“VARGA: We never ...”`, `“ANA
/// VARGA: ...”`): its last word, for a person the article names. A tag that
/// names no one ("VIDEO:", "Q:") still marks the quote as a line of someone else's.
pub fn transcript_tag(tokens: &[Token], first: usize, last: usize) -> Option<String> {
    let shouted = |t: &Token| t.cap && !t.text.bytes().any(|b| b.is_ascii_lowercase());
    // Past the opening mark.
    let start = (first..last).find(|&k| tokens[k].word)?;
    let words = (start..last.min(start + 3))
        .take_while(|&k| shouted(&tokens[k]))
        .count();
    let colon = start + words;
    if words == 0 || colon >= last || tokens[colon].text != ":" {
        return None;
    }
    Some(tokens[colon - 1].text.clone())
}

/// A sentence opening on its verb of saying, then the name and a comma or a colon right
/// before the quote: `Said Orrin: “...”`, `Added Lind, “...”`; the colon may close the
/// paragraph before (`Stated Lind:` above the quote).
pub fn inverted_intro(tokens: &[Token], first: usize) -> Option<Mention> {
    let mark = (0..first).rev().find(|&k| tokens[k].quote.is_none())?;
    let next_paragraph = tokens[mark].paragraph != tokens[first].paragraph;
    if !matches!(tokens[mark].text.as_ref(), "," | ":")
        || (next_paragraph && tokens[mark].text != ":")
    {
        return None;
    }
    let e = mark.checked_sub(1)?;
    let s = name_start(tokens, e);
    let verb = tokens.get(s.checked_sub(1)?)?;
    let opens = s < 2 || tokens[s - 2].sentence != verb.sentence;
    let cue = verb.quote.is_none() && CUE_VERBS.contains(&verb.lower.as_str());
    if s > e || !opens || !verb.cap || !cue {
        return None;
    }
    name_from_to(tokens, s, e)
}

/// Whether a cue verb right after a quote has its speaker after it ("said Mr Kovac"); after
/// "told" comes the listener.
fn speaker_follows(t: &Token) -> bool {
    is_cue(t) && !matches!(t.lower.as_str(), "told" | "tells" | "tell")
}

/// The verb in the past tense or the third person that follows the name or pronoun at `j` at
/// once ("pressed", "echoed", "writes"), if there is one.
fn verb_after_name(tokens: &[Token], j: usize) -> Option<usize> {
    let mut n = j;
    while n < tokens.len()
        && n - j < 6
        && (namelike(&tokens[n]) || tokens[n].text == "." || pronoun(&tokens[n]).is_some())
    {
        n += 1;
    }
    tokens
        .get(n)
        .is_some_and(|t| {
            t.word
                && !t.cap
                && t.quote.is_none()
                && t.sentence == tokens[j].sentence
                && t.lower.len() > 3
                // "they need": "-eed" is no past tense ("agreed" is a cue).
                && ((t.lower.ends_with("ed") && !t.lower.ends_with("eed")) || is_cue(t))
        })
        .then_some(n)
}

/// The speaker named right after a quote that does not open its sentence:
/// `... that “from his own boat,” Oberlander added`.
pub fn after_tight(tokens: &[Token], last: usize) -> Option<Mention> {
    let k = tokens[last].quote;
    let mut j = last + 1;
    while j < tokens.len() && !tokens[j].word && (tokens[j].quote == k || tokens[j].text == ",") {
        j += 1;
    }
    if j >= tokens.len() || tokens[j].sentence != tokens[last].sentence {
        return None;
    }
    // `... — “why wouldn’t you?” asked Dunn`: a verb of saying, then the name.
    if SAYING.contains(&tokens[j].lower.as_str()) && speaker_follows(&tokens[j]) {
        return forward(tokens, j + 1).filter(|m| matches!(m, Mention::Name(_)));
    }
    if introduces_next(tokens, j) {
        return None;
    }
    let m = forward(tokens, j)?;
    let named = matches!(m, Mention::Name(_) | Mention::Pronoun(_));
    (named && (verb_after_name(tokens, j).is_some() || cue_after_appositive(tokens, j)))
        .then_some(m)
}

/// Whether the name at `j` is followed by an appositive between commas and then a verb of
/// saying: `Oskar Lind, a Varga supporter, told`.
fn cue_after_appositive(tokens: &[Token], j: usize) -> bool {
    let sentence = tokens[j].sentence;
    let in_sentence =
        |n: usize| n < tokens.len() && tokens[n].sentence == sentence && tokens[n].quote.is_none();
    let mut n = j;
    while in_sentence(n) && n - j < 6 && (namelike(&tokens[n]) || tokens[n].text == ".") {
        n += 1;
    }
    if n == j || !in_sentence(n) || tokens[n].text != "," {
        return false;
    }
    let Some(close) = (n + 1..n + 14)
        .take_while(|&c| in_sentence(c))
        .find(|&c| tokens[c].text == ",")
    else {
        return false;
    };
    close > n + 1
        && in_sentence(close + 1)
        && SAYING.contains(&tokens[close + 1].lower.as_str())
        && is_cue_at(tokens, close + 1)
}

/// A mention going forward from `j`: a pronoun, a name (or two joined by "and"), or a
/// description up to the verb.
pub fn forward(tokens: &[Token], j: usize) -> Option<Mention> {
    let t = tokens.get(j)?;
    if !t.word || t.quote.is_some() {
        return None;
    }
    if let Some(g) = pronoun(t) {
        return Some(Mention::Pronoun(g));
    }
    // Lower-case role words or an article before a name: "election lawyer Ben Ostrander",
    // "the Rev. Alun Pryce", "former FBI agent Dale Garrow", "The Ledger".
    // Numbers count among them ("9/11 widow Ilse Voronova").
    let role_word = |k: usize| {
        let w = &tokens[k];
        // "secretary of state": a field after "of" is no verb, whatever it could be.
        let field = k > j && tokens[k - 1].lower == "of";
        // "state attorney Ana Holt": a noun that is also a cue, before a role word.
        let office = NOUN_FORMS.contains(&w.lower.as_str())
            && tokens.get(k + 1).is_some_and(|n| {
                n.word && (super::people::is_role_noun(n) || TITLES.contains(&base(n)))
            });
        // "Former judge Tomas Rudd", "Senior researcher Ana Holt": such a word opening the
        // sentence has its capital.
        let opening = k == j
            && matches!(
                w.lower.as_str(),
                "former" | "retired" | "longtime" | "veteran" | "outgoing" | "senior" | "lead"
            );
        w.word
            && (!w.cap || opening)
            && (field || office || !is_cue(w))
            && (k == j || !DETERMINERS.contains(&w.lower.as_str()))
    };
    let number_slash = |k: usize| {
        tokens[k].text == "/"
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut k = j;
    while k < tokens.len() && k - j < 5 && (role_word(k) || number_slash(k)) {
        k += 1;
    }
    // "an expert on Skerra": a name after a preposition is not the one described. But "former
    // secretary of state Hana Varga": a role "of" a lower-case field is one phrase.
    let crossed_link = (j..k.min(tokens.len())).any(|m| {
        LINKS.contains(&tokens[m].lower.as_str())
            && !(tokens[m].lower == "of"
                && m > j
                && super::people::is_role_noun(&tokens[m - 1])
                && m + 1 < k)
    });
    let start = if k < tokens.len() && tokens[k].sentence == t.sentence && !crossed_link {
        k
    } else {
        j
    };
    if let Some(mut run) = name_at(tokens, start) {
        // "Carrowby police Chief Bruno Rask", "Lind's campaign manager, Petra Hale": the head
        // of the phrase is the last name in it.
        while let Some(later) = later_name(tokens, *run.words.last()?) {
            run = later;
        }
        // "the Ardish ambassador at the time, Konrad Vell": after an article, a name
        // followed by a common noun only describes the head; the description goes on below.
        let end = *run.words.last()?;
        let modifier = start > j
            && DETERMINERS.contains(&t.lower.as_str())
            && tokens.get(end + 1).is_some_and(|n| {
                n.word
                    && !n.cap
                    && n.sentence == t.sentence
                    && n.quote.is_none()
                    && !is_cue(n)
                    && !LINKS.contains(&n.lower.as_str())
                    && !n.lower.ends_with("ed")
            });
        if modifier {
            return description(tokens, j);
        }
        let mut names = vec![run_text(tokens, &run)];
        let end = *run.words.last()?;
        if tokens.get(end + 1).is_some_and(|a| a.lower == "and") {
            if let Some(second) = name_at(tokens, end + 2) {
                names.push(run_text(tokens, &second));
            }
        }
        return Some(Mention::Name(names));
    }
    // "The Ledger's Oskar Lind": the person after a possessive title.
    if t.lower == "the" {
        let owner = name_at(tokens, j + 1).and_then(|run| run.words.last().copied());
        if let Some(later) = owner
            .filter(|&o| tokens[o].lower.ends_with("'s"))
            .and_then(|o| later_name(tokens, o))
        {
            return Some(Mention::Name(vec![run_text(tokens, &later)]));
        }
    }
    if DETERMINERS.contains(&t.lower.as_str()) {
        return description(tokens, j);
    }
    None
}

/// A description opening with a determiner at `j`, up to the verb, or the name after it in an
/// appositive ("another Twitter user, Greta Olin").
fn description(tokens: &[Token], j: usize) -> Option<Mention> {
    let sentence = tokens[j].sentence;
    let mut words = Vec::new();
    let mut n = j;
    while let Some(w) = tokens.get(n) {
        if w.sentence != sentence || (w.word && is_cue(w)) || words.len() >= 8 {
            break;
        }
        // "another Twitter user, Greta Olin": the name after the comma.
        if w.text == "," {
            if let Some(run) = tokens.get(n + 1).and_then(|_| name_at(tokens, n + 1)) {
                return Some(Mention::Name(vec![run_text(tokens, &run)]));
            }
            break;
        }
        // "the former aide to President Ana Holt": the one served is not the speaker.
        if !w.word || w.lower == "to" {
            break;
        }
        words.push(w.text.clone());
        n += 1;
    }
    (words.len() >= 2).then(|| Mention::Description(words.join(" ")))
}

/// A lower-case word that can stand in a role before a name: not a determiner, a link word
/// or a verb of saying.
fn plain_word(n: &Token) -> bool {
    n.word
        && !n.cap
        && !DETERMINERS.contains(&n.lower.as_str())
        && !LINKS.contains(&n.lower.as_str())
        && !is_cue(n)
}

/// A name further on in the same noun phrase: after up to four lower-case or role words, or
/// as an appositive between commas right after a possessive ("Lind's campaign manager,
/// Petra Hale,").
fn later_name(tokens: &[Token], end: usize) -> Option<super::people::NameRun> {
    let sentence = tokens[end].sentence;
    let mut k = end + 1;
    let mut steps = 0;
    while k < tokens.len() && steps < 6 {
        let t = &tokens[k];
        if t.sentence != sentence || t.quote.is_some() {
            return None;
        }
        if t.word && t.cap && !NOT_NAMES.contains(&t.lower.as_str()) {
            let possessive = tokens[end].lower.ends_with("'s");
            return (steps > 0 || possessive)
                .then(|| name_at(tokens, k))
                .flatten();
        }
        // "Lind's campaign manager, Petra Hale,", "the Town Hall spokesman, Jon Ernst,".
        // "Lind's old friend, actor Piet Dunn": role words may open the name's appositive.
        let comma_name = (t.text == "," && (tokens[end].lower.ends_with("'s") || steps > 0))
            .then(|| {
                let role = |n: &Token| {
                    plain_word(n)
                        && !matches!(
                            n.lower.as_str(),
                            "and" | "or" | "but" | "who" | "which" | "that" | "whose"
                        )
                        && !n.lower.ends_with("ed")
                };
                let mut r = k + 1;
                while r < tokens.len() && r - k <= 3 && role(&tokens[r]) {
                    r += 1;
                }
                tokens
                    .get(r)
                    .is_some_and(|n| n.cap && n.sentence == sentence && n.quote.is_none())
                    .then_some(r)
            })
            .flatten();
        if let Some(r) = comma_name {
            return name_at(tokens, r);
        }
        // A verb in the past tense starts the predicate ("Marsh thanked Orla Penn").
        let past = t.lower.len() > 4 && t.lower.ends_with("ed");
        // "US secretary of state Marit Olsen": a role "of" a lower-case field stays one phrase.
        let role_of = t.lower == "of"
            && k > 0
            && super::people::is_role_noun(&tokens[k - 1])
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.word && !n.cap && !DETERMINERS.contains(&n.lower.as_str()));
        // "Kelmar state delegate Ilse Voronova": a noun form of a cue word inside a role.
        let role_noun = NOUN_FORMS.contains(&t.lower.as_str())
            && tokens
                .get(k + 1)
                .is_some_and(|n| plain_word(n) && n.quote.is_none());
        if !t.word
            || (is_cue_at(tokens, k) && !role_noun)
            || past
            || AUXILIARIES.contains(&t.lower.as_str())
            || (LINKS.contains(&t.lower.as_str()) && !role_of)
        {
            return None;
        }
        k += 1;
        steps += 1;
    }
    None
}

/// Words after a name that start another phrase, so a name beyond them is someone else
/// ("wrote Hamish O'Dowd on Lamplight Review").
static LINKS: WordSet = word_set![
    "of", "and", "or", "who", "which", "that", "at", "in", "on", "to", "from", "for", "with",
    "about", "by", "into", "over", "during", "after", "before", "than", "as", "via", "against",
    "under", "through", "toward", "towards", "when", "while",
];

/// Words that open a descriptive mention ("the spokesman", "another Twitter user").
static DETERMINERS: WordSet = word_set![
    "the", "a", "an", "his", "her", "its", "their", "another", "one", "some", "many", "several",
    "two", "three", "other", "most", "few",
];

/// The subject of the cue verb at `v`, walking back over adverbs, times and an appositive.
/// Past participles whose passive subject is spoken to or about, not the speaker.
#[rustfmt::skip]
static PASSIVE_TARGETS: WordSet = word_set![
    "asked", "told", "warned", "urged", "reminded", "informed", "advised", "assured", "called",
    "described", "labelled", "labeled", "branded", "dubbed", "accused", "criticized", "criticised",
    "praised", "attacked", "mocked", "slammed", "blasted", "questioned", "pressed",
];

/// A word in -ly that only qualifies the verb after it ("was repeatedly asked").
fn adverb(t: &Token) -> bool {
    t.word && !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly")
}

/// Whether the cue at `v` is one of [`PASSIVE_TARGETS`] after a form of "be" ("was asked",
/// "had been sharply criticized").
fn passive_target(tokens: &[Token], v: usize) -> bool {
    if !PASSIVE_TARGETS.contains(&tokens[v].lower.as_str()) {
        return false;
    }
    let mut b = v;
    if b > 0 && adverb(&tokens[b - 1]) {
        b -= 1;
    }
    b > 0
        && tokens[b - 1].sentence == tokens[v].sentence
        && matches!(
            tokens[b - 1].lower.as_str(),
            "was" | "were" | "is" | "are" | "been" | "being" | "be"
        )
}

pub fn subject(tokens: &[Token], v: usize) -> Option<Mention> {
    subject_within(tokens, v, 0)
}

/// How many verbs `subject` follows back, each to one before it ("Olsen added, saying ...",
/// "went on to say"), before it gives up: hostile text may chain them without end.
const MAX_SUBJECT_HOPS: usize = 4;

/// `subject`, `hops` verbs away from the one it was asked about.
fn subject_within(tokens: &[Token], v: usize, hops: usize) -> Option<Mention> {
    if hops > MAX_SUBJECT_HOPS {
        return None;
    }
    let subject = |tokens: &[Token], v: usize| subject_within(tokens, v, hops + 1);
    // "Marsh said, going on to say ...", "he went on to call": the subject of the verb that
    // carries on.
    if v >= 2 && tokens[v - 1].lower == "to" {
        if let Some(verb) = carrying_verb(tokens, v - 1) {
            return subject(tokens, verb);
        }
    }
    // "Lind was asked by Piet Ostrom whether ...": the subject of a passive cue is the one
    // spoken to or about; the agent after "by" speaks, and without one no one named does.
    if passive_target(tokens, v) {
        let by = v + 1 + usize::from(tokens.get(v + 1).is_some_and(adverb));
        let agent = tokens
            .get(by)
            .filter(|t| t.lower == "by" && t.sentence == tokens[v].sentence)
            .and_then(|_| forward(tokens, by + 1));
        return Some(agent.unwrap_or(Mention::Unnamed));
    }
    let sentence = tokens[v].sentence;
    let mut j = v;
    let mut skipped = 0;
    let ok = |j: usize| tokens[j].sentence == sentence && tokens[j].quote.is_none();
    let participle = tokens[v].lower.ends_with("ing");
    // The subject of the clause's own cue verb, the nearest before token `j - 1`.
    let clause_subject = |j: usize| {
        (0..j - 1)
            .rev()
            .take_while(|&n| ok(n))
            .find(|&n| is_cue_at(tokens, n))
            .and_then(|m| subject(tokens, m))
    };
    while j > 0 && ok(j - 1) && skipped < 24 {
        let t = &tokens[j - 1];
        if t.word
            && (BETWEEN.contains(&t.lower.as_str())
                || (t.lower.ends_with("ly") && !t.cap && t.lower.len() > 4))
        {
            j -= 1;
            skipped += 1;
            continue;
        }
        // A parenthesis: "Sen. Olav J. Brenner (D-Kel.), said".
        if t.text == ")" {
            let open = (0..j - 1)
                .rev()
                .take(12)
                .take_while(|&n| ok(n))
                .find(|&n| tokens[n].text == "(");
            if let Some(o) = open {
                j = o;
                skipped += 1;
                continue;
            }
        }
        // An aside between dashes: "A former harbour master -- Aurelio Benn, who lost in
        // 2008 -- said": a name opening it is the subject; any other aside is passed over.
        if is_dash(t) {
            let mut close = j - 1;
            while close > 0 && is_dash(&tokens[close - 1]) {
                close -= 1;
            }
            let open = (0..close)
                .rev()
                .take(32)
                .take_while(|&n| ok(n))
                .find(|&n| is_dash(&tokens[n]));
            if let Some(o) = open {
                let named = name_at(tokens, o + 1).filter(|run| {
                    run.words.last().is_some_and(|&e| {
                        e + 1 == close || tokens.get(e + 1).is_some_and(|n| n.text == ",")
                    })
                });
                if let Some(run) = named {
                    return Some(Mention::Name(vec![run_text(tokens, &run)]));
                }
                j = (0..=o)
                    .rev()
                    .take_while(|&n| is_dash(&tokens[n]))
                    .last()
                    .unwrap_or(o);
                skipped += 1;
                continue;
            }
        }
        // "Guests included Mara Dunn, who joked, “...”": the name before a relative "who".
        if t.text == "," && j >= 2 && tokens[j].lower == "who" {
            if let Some(m @ Mention::Name(_)) = backward(tokens, j - 2) {
                return Some(m);
            }
        }
        if t.text == "," && participle {
            // "Olsen added, saying ...": right after a cue verb, the participle is its
            // subject's.
            if j >= 2 && is_cue_at(tokens, j - 2) {
                if let Some(m) = subject(tokens, j - 2) {
                    return Some(m);
                }
            }
            // A participle after the main clause: "Mrs Holm endorsed him, saying ...": the
            // sentence's subject, else the subject of the clause's own cue verb. A sentence
            // opening with a possessive ("Brannock's “excesses” are sickening, Varga said,
            // noting") has no such subject: the cue verb's is the speaker.
            let owner = possessive_opening(tokens, v);
            let owns = |m: &Mention| matches!(m, Mention::Name(n) if n.len() == 1 && Some(&n[0]) == owner.as_ref());
            if let Some(m) = main_subject(tokens, v).filter(|m| !owns(m)) {
                return Some(m);
            }
            return clause_subject(j).or_else(|| speaking_body(tokens, v));
        }
        if t.text == "," {
            // An appositive or relative clause: "Mr Halvorsen, who took over in March, said".
            let mut k = j - 1;
            let mut found = None;
            while k > 0 && ok(k - 1) && j - k < 32 {
                k -= 1;
                if tokens[k].text == "," {
                    found = Some(k);
                    break;
                }
            }
            match found {
                Some(k) => {
                    // "remarks that Kit Rowe, for one, called": an aside between the commas
                    // stands between the subject and its verb.
                    let aside = || tokens[k + 1..j - 1].iter().map(|t| t.lower.as_str());
                    if ASIDES.iter().any(|a| a.split(' ').eq(aside())) {
                        j = k;
                        skipped += 1;
                        continue;
                    }
                    // "Eldon Frey, who lives outside the town, Carrowby, said": the comma
                    // is inside a relative clause; the subject stands before it.
                    if let Some(rel) = relative_clause(tokens, k) {
                        j = rel;
                        skipped += 1;
                        continue;
                    }
                    // "Ardmoor's prime minister, Hana Ostrova, said": a name between the
                    // commas is the subject, joined to one before an "and". Not a place's
                    // region: "Varga, at a town hall in Carrowby, Kelvarra, said".
                    let region = k >= 2
                        && tokens[k - 1].cap
                        && matches!(
                            tokens[k - 2].lower.as_str(),
                            "in" | "at" | "near" | "from" | "outside"
                        );
                    let named = (!region)
                        .then(|| appositive_name(tokens, k + 1, j - 1))
                        .flatten();
                    if let Some(named) = named {
                        // "Ivo Marsh, the editor of the weekly paper, Kustblad Norden, said":
                        // a name after an appositive of an earlier name names the thing the
                        // appositive ends on; the earlier name is the subject.
                        if let Some(m) = described_before(tokens, k) {
                            return Some(m);
                        }
                        return Some(joined(tokens, k, named));
                    }
                    // "Dana Pruitt, 22, of Harwick, Kel., said": the name opening the clause.
                    if let Some(m) = main_subject(tokens, v) {
                        return Some(m);
                    }
                    // "Q," S, role, said: the subject stands before the first comma.
                    j = k;
                    skipped += 1;
                    continue;
                }
                // A participle after the main clause: "..., arguing that": the clause's own cue
                // verb has the subject.
                None => return clause_subject(j),
            }
        }
        break;
    }
    if j == 0 || !ok(j - 1) {
        return None;
    }
    // "X said the move was his and said, ...", "Marsh has made the harbour his theme and has
    // boasted ...": a second verb phrase shares the sentence's subject.
    if matches!(tokens[j - 1].lower.as_str(), "and" | "but") {
        // "with Lind tweeting that ... and asking, ...": a participle joined to an earlier one
        // shares its subject.
        if participle {
            let earlier = (0..j - 1)
                .rev()
                .take_while(|&n| tokens[n].sentence == sentence)
                .find(|&n| ok(n) && tokens[n].lower.ends_with("ing") && is_cue_at(tokens, n));
            if let Some(m) = earlier.and_then(|e| subject(tokens, e)) {
                return Some(m);
            }
        }
        // "such as when Lind knocked Varga and called her a “moderate,”": the subject of the
        // clause the verb is joined to, when a conjunction opens that clause.
        return main_subject(tokens, v).or_else(|| joined_clause_subject(tokens, j - 1));
    }
    // "Lind wrote in a note to The Ledger explaining why": after a preposition the noun is an
    // object; the participle goes with the clause's own cue verb.
    // "with Varga tweeting that ...": after "with" the noun is the participle's own subject.
    let object = participle && j >= 2 && {
        let s = with_article(tokens, name_start(tokens, j - 1));
        s > 0 && {
            let before = tokens[s - 1].lower.as_str();
            // "footage of Andric saying, “...”": a recording of someone speaking.
            let recorded = before == "of"
                && s >= 2
                && matches!(
                    tokens[s - 2].lower.as_str(),
                    "footage" | "video" | "clip" | "recording" | "audio" | "tape"
                );
            (before == "to" || PREPOSITIONS.contains(&before))
                && !matches!(before, "with" | "without")
                && !recorded
        }
    };
    if object {
        if let Some(m) = clause_subject(j) {
            return Some(m);
        }
    }
    // "Marsh in his opening speech called ...": a name before the occasion it spoke on.
    if let Some(m) = name_before_occasion(tokens, j - 1) {
        return Some(m);
    }
    match backward(tokens, j - 1) {
        // "An adviser to Piet Dunn said": the one advised did not speak; the adviser, whom
        // the sentence does not name, did.
        Some(Mention::Name(_)) if served(tokens, name_start(tokens, j - 1)) => {
            Some(Mention::Unnamed)
        }
        // "she released a statement saying": the statement's author is the clause's subject.
        Some(Mention::Description(_)) if participle => main_subject(tokens, v),
        // "Dana Vell said the charter should reiterate ...": a verb whose subject is a thing
        // reports for the person the sentence is about.
        Some(Mention::Description(d)) => Some(
            main_subject(tokens, v)
                .filter(|m| matches!(m, Mention::Name(_)))
                .unwrap_or(Mention::Description(d)),
        ),
        None => main_subject(tokens, v),
        m => m,
    }
}

/// Whether the name starting at `s` is the one a role serves ("an adviser to Piet Dunn", "a
/// former aide to Mayor Holt"), not the subject of the verb after it.
fn served(tokens: &[Token], s: usize) -> bool {
    s >= 2 && tokens[s - 1].lower == "to" && SERVING.contains(&base(&tokens[s - 2]))
}

/// Roles that serve someone ("an aide to ...").
static SERVING: WordSet = word_set![
    "adviser",
    "advisor",
    "aide",
    "assistant",
    "counselor",
    "counsellor",
    "confidant",
];

/// Words that make a description a body speaking for someone ("the Rowe campaign").
#[rustfmt::skip]
static BODIES: WordSet = word_set![
    "campaign", "spokesman", "spokeswoman", "spokesperson", "aides",
];

/// A description opening the sentence of token `at` that speaks for a name in it ("The Rowe
/// campaign on Monday doubled down, saying ...").
fn speaking_body(tokens: &[Token], at: usize) -> Option<Mention> {
    let start = sentence_start(tokens, at);
    match forward(tokens, start)? {
        Mention::Description(d)
            if d.split_whitespace().any(|w| BODIES.contains(&w))
                && d.split_whitespace()
                    .skip(1)
                    .any(|w| w.starts_with(char::is_uppercase)) =>
        {
            Some(Mention::Description(d))
        }
        _ => None,
    }
}

/// Occasions of speech: a name before "in", "at" or "during" and one of them is the speaker
/// of the verb after ("Marsh in his opening speech called", "Lind at the rally said").
#[rustfmt::skip]
static OCCASIONS: WordSet = word_set![
    "speech", "address", "statement", "interview", "remarks", "letter", "memo", "op-ed",
    "column", "post", "tweet", "tweets", "rally", "debate", "hearing", "briefing", "conference",
    "appearance", "testimony", "email", "video", "broadcast", "podcast", "book", "essay",
];

/// Most words of the phrase naming an occasion, preposition included.
const OCCASION_WORDS: usize = 6;

/// The name before a phrase ending at `end` that says where or how it spoke ("Marsh in his
/// opening speech"): a preposition, lower-case words, an occasion of speech last.
fn name_before_occasion(tokens: &[Token], end: usize) -> Option<Mention> {
    let last = &tokens[end];
    if !last.word || last.cap || !OCCASIONS.contains(&last.lower.as_str()) {
        return None;
    }
    let prep = (end.saturating_sub(OCCASION_WORDS)..end)
        .rev()
        .take_while(|&k| tokens[k].word && !tokens[k].cap && tokens[k].quote.is_none())
        .find(|&k| matches!(tokens[k].lower.as_str(), "in" | "at" | "during"))?;
    let before = prep.checked_sub(1)?;
    if !tokens[before].cap || tokens[before].sentence != last.sentence {
        return None;
    }
    match backward(tokens, before)? {
        m @ Mention::Name(_) => Some(m),
        _ => None,
    }
}

/// Offices one person holds: a description ending in one is a person, not the place or body
/// named before it ("the Kelmar senator", "the Ardmoor governor").
#[rustfmt::skip]
static OFFICES: WordSet = word_set![
    "senator", "governor", "mayor", "president", "congressman", "congresswoman", "lawmaker",
    "candidate", "nominee", "frontrunner", "front-runner", "billionaire", "businessman",
    "businesswoman", "chairman", "chairwoman", "premier", "chancellor", "legislator",
    "representative", "hopeful", "mogul", "star", "native", "secretary", "minister",
    "ambassador", "commissioner",
];

/// Words that open a clause with its own subject ("when Lind knocked ...").
static SUBORDINATORS: WordSet = word_set![
    "when", "as", "after", "while", "because", "since", "before", "until", "once", "where",
];

/// Whether the name starting at `start` is the subject of a clause opened by a subordinating
/// word right before it ("since Lind announced", "when Dunn was"): a lower-case word follows it,
/// or after a word whose clause needs a verb, an appositive ("when Dunn, the mayor, was").
pub fn opens_clause(tokens: &[Token], start: usize) -> bool {
    let Some(opener) = start.checked_sub(1).map(|s| tokens[s].lower.as_str()) else {
        return false;
    };
    let next = name_at(tokens, start)
        .and_then(|run| run.words.last().copied())
        .and_then(|e| tokens.get(e + 1));
    next.is_some_and(|t| {
        (SUBORDINATORS.contains(&opener) && t.word && !t.cap && t.quote.is_none())
            || (needs_verb(opener) && t.text == ",")
    })
}

/// The subject of a clause set against the sentence's main one before the quote at `at`
/// ("Brandt closed the slip, while Keller, the harbour master, proposed they “...”"): the
/// name or pronoun after the last ", while", ", whereas" or ", but" before the quote, when
/// that clause speaks ("..., but Keller has gone “rogue”" is about Keller, not by him).
pub fn contrast_subject(tokens: &[Token], at: usize) -> Option<Mention> {
    let start = sentence_start(tokens, at);
    let k = (start + 1..at).rev().find(|&n| {
        tokens[n - 1].text == ","
            && tokens[n].quote.is_none()
            && matches!(tokens[n].lower.as_str(), "while" | "whereas" | "but")
    })?;
    if !speech_word_in(tokens, k, at) {
        return None;
    }
    match forward(tokens, k + 1)? {
        m @ (Mention::Name(_) | Mention::Pronoun(_)) => Some(m),
        _ => None,
    }
}

/// The subject of the clause that the "and" at `and` joins a verb to: a name or pronoun right
/// after a subordinating word and right before its verb, within the sentence.
fn joined_clause_subject(tokens: &[Token], and: usize) -> Option<Mention> {
    let sentence = tokens[and].sentence;
    let k = (and.saturating_sub(24)..and)
        .rev()
        .take_while(|&n| tokens[n].sentence == sentence && tokens[n].quote.is_none())
        .find(|&n| n > 0 && SUBORDINATORS.contains(&tokens[n - 1].lower.as_str()))?;
    // "when Lind later referred to ... and said": an adverb may stand before the verb.
    let verb = verb_after_name(tokens, k).is_some()
        || name_at(tokens, k)
            .and_then(|run| run.words.last().copied())
            .is_some_and(|e| {
                tokens.get(e + 1).is_some_and(|t| {
                    adverb(t)
                        || matches!(
                            t.lower.as_str(),
                            "later" | "also" | "then" | "again" | "first" | "once" | "earlier"
                        )
                }) && verb_after_name(tokens, e + 2).is_some()
            });
    if !verb {
        return None;
    }
    match forward(tokens, k)? {
        m @ (Mention::Name(_) | Mention::Pronoun(_)) => Some(m),
        _ => None,
    }
}

/// A dash standing alone (not inside a word): "—", "–", "-" or "--".
fn is_dash(t: &Token) -> bool {
    matches!(t.text.as_ref(), "—" | "–" | "-" | "--")
}

/// The comma opening a relative clause ("…, who lives …") that runs on to the comma at `k`.
fn relative_clause(tokens: &[Token], k: usize) -> Option<usize> {
    comma_opening(
        tokens,
        k,
        k.saturating_sub(24),
        &["who", "which", "whose", "where"],
    )
}

/// The nearest comma before token `k`, back to `from` within its sentence and outside quotes,
/// when one of `words` follows it.
fn comma_opening(tokens: &[Token], k: usize, from: usize, words: &[&str]) -> Option<usize> {
    let sentence = tokens[k].sentence;
    let c = (from..k)
        .rev()
        .take_while(|&n| tokens[n].sentence == sentence && tokens[n].quote.is_none())
        .find(|&n| tokens[n].text == ",")?;
    tokens
        .get(c + 1)
        .is_some_and(|t| words.contains(&t.lower.as_str()))
        .then_some(c)
}

/// The name filling tokens `from..to` exactly, if they are one, with a party and state in
/// brackets after it ("Gov. Oskar Lind (R-KV)").
fn appositive_name(tokens: &[Token], from: usize, to: usize) -> Option<String> {
    let mut to = to;
    if to > from + 1 && tokens[to - 1].text == ")" {
        to = (from..to - 1).rev().find(|&n| tokens[n].text == "(")?;
    }
    let run = name_at(tokens, from)?;
    let last = *run.words.last()?;
    (last + 1 == to && tokens[from..to].iter().all(|t| t.word || t.text == "."))
        .then(|| run_text(tokens, &run))
}

/// The name before an appositive that ends at the comma `comma` ("Ivo Marsh, the editor of
/// the weekly paper,"): a name opening the sentence and closed by an earlier comma, followed by
/// a lower-case word, with no comma between.
fn described_before(tokens: &[Token], comma: usize) -> Option<Mention> {
    let sentence = tokens[comma].sentence;
    let open = (comma.saturating_sub(24)..comma)
        .rev()
        .take_while(|&n| tokens[n].sentence == sentence && tokens[n].quote.is_none())
        .find(|&n| tokens[n].text == ",")?;
    let opener = tokens.get(open + 1)?;
    if open == 0 || !opener.word || opener.cap || open + 1 == comma {
        return None;
    }
    // The name opens the sentence ("In a note to the Ledger, her aide, Kit Rowe, said" and
    // "Berea, Ohio, after the vote, Gov. Ana Ruiz, said" name no one before the appositive).
    let start = name_start(tokens, open - 1);
    if tokens[sentence_start(tokens, open)..start]
        .iter()
        .any(|t| t.word)
    {
        return None;
    }
    name_at(tokens, start)
        .filter(|run| run.words.last() == Some(&(open - 1)))
        .map(|run| Mention::Name(vec![run_text(tokens, &run)]))
}

/// Asides set off by commas between a subject and its verb ("Rowe, for one, called").
const ASIDES: &[&str] = &[
    "for one",
    "for example",
    "for instance",
    "however",
    "too",
    "in turn",
    "in particular",
    "meanwhile",
    "though",
    "of course",
    "in fact",
    "at least",
    "in response",
    "in return",
];

/// Most words of an appositive read for its head.
const APPOSITIVE_WORDS: usize = 8;

/// Whether the name ending at token `end` is followed by an appositive describing an
/// organisation ("Kystnytt, the state news agency,").
pub fn organisation_appositive(tokens: &[Token], end: usize) -> bool {
    if tokens.get(end + 1).is_none_or(|t| t.text != ",") {
        return false;
    }
    let words: Vec<&str> = tokens[end + 2..]
        .iter()
        .take(APPOSITIVE_WORDS)
        .take_while(|t| t.word && t.sentence == tokens[end].sentence)
        .map(|t| t.lower.as_str())
        .collect();
    words
        .first()
        .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
        && super::names::role_of_organisation(&words.join(" "))
}

/// An appositive name with whatever is joined to it by "and" before the comma at `comma`
/// ("Mr Andric and Ardmoor's prime minister, Hana Ostrova").
fn joined(tokens: &[Token], comma: usize, name: String) -> Mention {
    let mut k = comma;
    let mut steps = 0;
    while k > 0 && steps < 6 {
        k -= 1;
        steps += 1;
        let t = &tokens[k];
        if !t.word || t.sentence != tokens[comma].sentence || t.quote.is_some() {
            break;
        }
        if t.lower == "and" && k > 0 {
            if let Some(Mention::Name(mut first)) = backward(tokens, k - 1) {
                first.push(name);
                return Mention::Name(first);
            }
            break;
        }
    }
    Mention::Name(vec![name])
}

/// A mention ending at token `e`: a pronoun, a name (or two joined by "and", with role words),
/// or a description back to its determiner.
pub fn backward(tokens: &[Token], e: usize) -> Option<Mention> {
    let t = &tokens[e];
    if !t.word {
        return None;
    }
    if let Some(g) = pronoun(t) {
        return Some(Mention::Pronoun(g));
    }
    if namelike(t) && !NOT_NAMES.contains(&t.lower.as_str()) {
        let start = name_start(tokens, e);
        // "Ashcombe of North Kelmar said", "Tamsin Greer of The Harbour Herald wrote": a
        // place or an organisation after "of" or "from" is not the subject.
        if let Some(owner) = owned_by(tokens, start, &["of", "from", "for"]) {
            return backward(tokens, owner);
        }
        let p = with_article(tokens, start);
        // "Wilma Tarn, the spokeswoman for the Farmers Union said": an appositive left open
        // before the verb; the person opens it.
        if p >= 1 && LINKS.contains(&tokens[p - 1].lower.as_str()) {
            if let Some(m) = open_appositive(tokens, p - 1) {
                return Some(m);
            }
        }
        let second = name_at(tokens, start)?;
        let mut names = vec![run_text(tokens, &second)];
        // "Mr Kovac and Ardmoor's president Selim Arda Korhan"
        let mut k = start;
        while k > 0
            && tokens[k - 1].word
            && !tokens[k - 1].cap
            && tokens[k - 1].lower != "and"
            && start - k < 4
        {
            k -= 1;
        }
        while k > 0 && tokens[k - 1].word && tokens[k - 1].lower.ends_with("'s") && start - k < 5 {
            k -= 1;
        }
        if k > 1 && tokens[k - 1].lower == "and" && namelike(&tokens[k - 2]) {
            let s = name_start(tokens, k - 2);
            // "... of the Institute for Science and Security wrote": both are words of a name
            // after "of" or "for".
            if let Some(owner) = owned_by(tokens, s, &["of", "for"]) {
                return backward(tokens, owner);
            }
            if let Some(first) = name_at(tokens, s) {
                names.insert(0, run_text(tokens, &first));
            }
        }
        return Some(Mention::Name(names));
    }
    // A description: back to a determiner within a few words ("a Brillco statement").
    let mut k = e;
    let mut words = vec![t.text.clone()];
    while k > 0 && e - k < 5 {
        k -= 1;
        let w = &tokens[k];
        if !w.word || w.sentence != t.sentence || w.quote.is_some() || is_cue(w) {
            break;
        }
        words.insert(0, w.text.clone());
        if w.lower == "the" || INDEFINITE.contains(&w.lower.as_str()) || w.lower.ends_with("'s") {
            return Some(Mention::Description(words.join(" ")));
        }
    }
    Some(Mention::Description(t.text.clone()))
}

/// `"Ashcombe of North Kelmar"`, `"Greer of Brill's Harbour Herald"`: the name before the
/// link word (one of `links`) that leads to the place or organisation starting at `start`,
/// unless a title stands before that name ("Secretary of State").
fn owned_by(tokens: &[Token], start: usize, links: &[&str]) -> Option<usize> {
    let mut p = with_article(tokens, start);
    while p > 0 && tokens[p - 1].cap && tokens[p - 1].lower.ends_with("'s") && start - p < 3 {
        p -= 1;
    }
    // "Secretary of State Ana Voss": a title before the link, unless it is a surname after a
    // given name or an initial ("Piet T. King of Brill").
    let title_before = p >= 2 && {
        let b = base(&tokens[p - 2]);
        let surname = p >= 3 && {
            let q = &tokens[p - 3];
            q.text == "." || super::names::gender_of(&q.text) != '?'
        };
        (TITLES.contains(&b) || b == "head") && !surname
    };
    // "As for Tomas Andric": an opening word is no owner.
    let owner = &tokens[p.saturating_sub(2)];
    (p >= 2
        && links.contains(&tokens[p - 1].lower.as_str())
        && namelike(owner)
        && !NOT_NAMES.contains(&owner.lower.as_str())
        && !OPENERS.contains(&owner.lower.as_str())
        && !title_before)
        .then(|| p - 2)
}

/// The person's name before the comma that opens the role phrase ending at `link` ("Wilma
/// Tarn, the spokeswoman for"), when the phrase is lower-case words only.
fn open_appositive(tokens: &[Token], link: usize) -> Option<Mention> {
    let sentence = tokens[link].sentence;
    let comma = (link.saturating_sub(10)..link)
        .rev()
        .find(|&k| !tokens[k].word || tokens[k].cap || tokens[k].sentence != sentence)?;
    if tokens[comma].text != "," || comma == 0 || tokens[comma].quote.is_some() {
        return None;
    }
    match backward(tokens, comma - 1)? {
        Mention::Name(n) if n.len() == 1 && super::names::looks_personal(&n[0]) => {
            Some(Mention::Name(n))
        }
        _ => None,
    }
}

/// Where the noun phrase of a name starting at `start` starts: at "the" just before it, if any.
fn with_article(tokens: &[Token], start: usize) -> usize {
    if start >= 1 && tokens[start - 1].lower == "the" {
        start - 1
    } else {
        start
    }
}

/// Where the name ending at `e` starts (titles and particles included, possessives excluded).
fn name_start(tokens: &[Token], e: usize) -> usize {
    let mut s = e;
    while s > 0 {
        let p = &tokens[s - 1];
        // Not a full stop ending the sentence before ("... a former governor. Steven Orrin").
        let dot = p.text == "." && s >= 2 && p.sentence == tokens[e].sentence;
        let initial_dot = dot && super::people::is_initials(&tokens[s - 2].text);
        let title_dot = dot && tokens[s - 2].cap && TITLES.contains(&base(&tokens[s - 2]));
        if initial_dot || title_dot {
            s -= 1;
            continue;
        }
        if p.sentence != tokens[e].sentence
            || p.quote.is_some()
            || !p.word
            || p.lower.ends_with("'s")
        {
            break;
        }
        if (namelike(p) && !NOT_NAMES.contains(&p.lower.as_str()))
            || PARTICLES.contains(&p.lower.as_str()) && s < e
            || (p.cap && TITLES.contains(&base(p)))
        {
            s -= 1;
        } else {
            break;
        }
    }
    s
}

/// Words before the one a colon's words are said to, or about ("a message to Varga:").
static ADDRESSED: WordSet = word_set!["to", "against", "toward", "towards", "about"];

/// The colon right before the quote's opening marks (outside any quote, with a token before
/// it), if there is one.
fn colon_before(tokens: &[Token], first: usize) -> Option<usize> {
    let j = marks_before(tokens, first);
    (j >= 2 && tokens[j - 1].text == ":" && tokens[j - 1].quote.is_none()).then(|| j - 1)
}

/// `Then, later that month on KTV: “...”`: a colon right before the quote ends an opening
/// that names no one (no pronoun, no cue verb, names only after a preposition).
pub fn unnamed_colon_intro(tokens: &[Token], first: usize) -> bool {
    let Some(colon) = colon_before(tokens, first) else {
        return false;
    };
    let start = sentence_start(tokens, colon);
    start < colon
        && (start..colon).all(|n| {
            let t = &tokens[n];
            t.quote.is_none()
                && pronoun(t).is_none()
                && !is_cue_at(tokens, n)
                && (!namelike(t)
                    || (n == start && (t.common || OPENERS.contains(&t.lower.as_str())))
                    || (n > start
                        && (PREPOSITIONS.contains(&tokens[n - 1].lower.as_str())
                            || namelike(&tokens[n - 1])
                                && n >= start + 2
                                && PREPOSITIONS.contains(&tokens[n - 2].lower.as_str()))))
        })
}

/// Whether a dash stands between token `cue` and the colon right before the quote at `first`
/// ("The harbour board replied - Ilse Brandt: “...”"): the words before the dash are a
/// heading of their own, and the name before the colon is the quote's.
pub fn dash_before_colon(tokens: &[Token], first: usize, cue: usize) -> bool {
    colon_before(tokens, first).is_some_and(|c| (cue + 1..c).any(|n| is_dash(&tokens[n])))
}

/// The name a quote is credited to by a colon right before it, in the same paragraph
/// ("Republican pollster Edwin Sollers: “...”", "More from Quist: “...”", "Rep. Ana Ruiz
/// (D-Kel.):").
pub fn colon_name(tokens: &[Token], first: usize) -> Option<Mention> {
    let mut e = colon_before(tokens, first)? - 1;
    if tokens[e].text == ")" {
        e = (e.saturating_sub(12)..e)
            .rev()
            .find(|&n| tokens[n].text == "(")?
            .checked_sub(1)?;
    }
    if tokens[e].paragraph != tokens[first].paragraph || tokens[e].quote.is_some() {
        return None;
    }
    // `"Headline," by Times' Ana Ruiz: "..."`: an excerpt credited to its writer, not speech.
    let s = name_start(tokens, e);
    let byline = (s.saturating_sub(3)..s).any(|b| tokens[b].lower == "by");
    // "delivered a blunt message to Varga:": the one spoken to.
    if s > 0 && ADDRESSED.contains(&tokens[s - 1].lower.as_str()) {
        return None;
    }
    // "told the paper what went wrong to the Dutch daily De Krant:": the name after "to" and
    // a few words describing it is the one spoken to.
    if (s.saturating_sub(5)..s)
        .rev()
        .take_while(|&k| tokens[k].word && !matches!(tokens[k].lower.as_str(), "from" | "by"))
        .any(|k| tokens[k].lower == "to")
    {
        return None;
    }
    // "More from Lind:", "- A note from Lind:": the name is the source, when the words before
    // "from" open the sentence or follow a dash ("the jibe from Dunn:" has its own subject).
    if s > 0 && tokens[s - 1].lower == "from" && !byline {
        let opening = {
            let sentence = tokens[s - 1].sentence;
            let words = (0..s - 1)
                .rev()
                .take_while(|&k| {
                    tokens[k].sentence == sentence && !DASHES.contains(&tokens[k].text.as_ref())
                })
                .filter(|&k| tokens[k].word)
                .take(3)
                .count();
            words <= 2
        };
        if !opening {
            return None;
        }
        if let Some(m) = name_from_to(tokens, s, e) {
            return Some(m);
        }
    }
    match backward(tokens, e)? {
        m @ Mention::Name(_) if !byline => Some(m),
        _ => None,
    }
}

/// The subject of the nearest cue verb before the quote in its sentence, or the source of an
/// "according to" in the sentence.
pub fn before(tokens: &[Token], first: usize) -> Option<(Mention, usize)> {
    let sentence = tokens[first].sentence;
    let opening = opening_clause_end(tokens, first);
    let mut j = first;
    while j > 0 && tokens[j - 1].sentence == sentence {
        j -= 1;
        let t = &tokens[j];
        if t.quote.is_some() {
            continue;
        }
        // "While Rowe proclaims the plan a “triumph,” Brandt fixes on the “pivot” line": a
        // cue in a clause opening the sentence speaks for that clause, not the rest of it.
        if opening.is_some_and(|c| j < c) {
            return None;
        }
        // "said that according to its analysis, ...": an "according to" without a speaker
        // leaves the cue before it to name one.
        if t.lower == "according" && tokens.get(j + 1).is_some_and(|n| n.lower == "to") {
            let owned = tokens.get(j + 2).is_some_and(|t| {
                matches!(t.lower.as_str(), "its" | "their" | "his" | "her" | "our")
            });
            match according_to(tokens, j + 2) {
                // "according to its count": a thing of someone named elsewhere.
                Some(Mention::Description(_)) if owned => continue,
                Some(m) => return Some((m, j)),
                None => continue,
            }
        }
        // "to urge leaders": an infinitive is not a speech act of anyone near it (is_cue_at
        // says so of cue verbs; this covers phrasal cues too: "to put it mildly").
        if is_cue_at(tokens, j) && !infinitive(tokens, j) {
            // "treating Lind's remark as a compliment -- “...” --": someone's remark named as a
            // thing, with the quote set apart by a dash, is not that remark.
            let owned =
                j > 0 && possessive(&tokens[j - 1]) && NOUN_FORMS.contains(&t.lower.as_str());
            if owned && (j + 1..first).any(|n| is_dash(&tokens[n])) {
                continue;
            }
            // "remarks by Marsh calling for a ban on night fishing make him “...”": a call for
            // something that is not the quote is a demand, not these words ("called for a
            // “full review”" still is).
            if t.lower.starts_with("call")
                && tokens.get(j + 1).is_some_and(|n| n.lower == "for")
                && !(j + 2..=j + CALL_FOR_REACH)
                    .any(|n| tokens.get(n).is_some_and(|t| t.quote.is_some()))
            {
                continue;
            }
            // "his plan, which the Harbour Institute estimates would cost $4 billion, would
            // risk “...”": a cue inside a relative clause closed before the quote is that
            // clause's own; the search goes on before it.
            if let Some(open) = closed_relative(tokens, j, first) {
                j = open;
                continue;
            }
            if let Some(m) = inverted_before(tokens, j, first) {
                return Some((m, j));
            }
            return subject(tokens, j).map(|m| (m, j));
        }
    }
    None
}

/// Words opening a clause set before the main one, whose cue verbs speak for that clause
/// alone ("As Marsh put it, “...”" is not one: "as" introduces the quote).
static OPENING_CLAUSES: WordSet = word_set![
    "while", "although", "though", "whereas", "when", "after", "before", "because", "since", "if",
    "unless", "once",
];

/// The comma closing a clause that opens the sentence of the quote at `first` with one of
/// [`OPENING_CLAUSES`], when the quote stands after it.
fn opening_clause_end(tokens: &[Token], first: usize) -> Option<usize> {
    let start = sentence_start(tokens, first);
    let opener = tokens[start..first].iter().position(|t| t.word)? + start;
    if !OPENING_CLAUSES.contains(&tokens[opener].lower.as_str()) {
        return None;
    }
    // Not the comma that only introduces the quote ("When ... ― Marsh boasted, “...”").
    (opener + 1..first).find(|&n| {
        tokens[n].text == ","
            && tokens[n].quote.is_none()
            && tokens[n + 1..first]
                .iter()
                .any(|t| t.word && t.quote.is_none())
    })
}

/// Most tokens from a "call" to a quote it calls for ("called for a “full review”").
const CALL_FOR_REACH: usize = 4;

/// The comma opening the relative clause (", which ..." or ", who ...") that the cue at `v`
/// stands in, if it stands in one.
pub fn relative_opening(tokens: &[Token], v: usize) -> Option<usize> {
    comma_opening(tokens, v, 0, &["which", "who", "whom", "whose"])
}

/// The comma opening a relative clause (", which ..." or ", who ...") around the cue at `v`,
/// when a comma closes the clause between the cue and the quote at `first`.
fn closed_relative(tokens: &[Token], v: usize, first: usize) -> Option<usize> {
    let sentence = tokens[v].sentence;
    let plain = |n: usize| tokens[n].sentence == sentence && tokens[n].quote.is_none();
    let open = relative_opening(tokens, v)?;
    // Words after the closing comma: the comma right before the quote only introduces it
    // (", who joked, “...”").
    let closed = (v + 1..first).any(|n| {
        plain(n) && tokens[n].text == "," && (n + 1..first).any(|w| plain(w) && tokens[w].word)
    });
    closed.then_some(open)
}

/// Verbs of saying that may come before their speaker and take no listener after them.
#[rustfmt::skip]
static INVERTED: WordSet = word_set![
    "said", "says", "explained", "explains", "added", "adds", "noted", "notes", "wrote", "writes",
    "argued", "argues", "continued", "continues", "insisted", "insists", "replied", "replies",
    "recalled", "recalls", "quipped", "observed", "remarked", "conceded", "countered", "declared",
    "stressed", "responded", "concluded",
];

/// "Because of the calendar, explained Varga, “...”": a verb of saying after a comma (or
/// opening the sentence), then a name and a comma or colon right before the quote, or a
/// comma closing the aside.
fn inverted_before(tokens: &[Token], v: usize, first: usize) -> Option<Mention> {
    let t = &tokens[v];
    let opens = v == 0 || tokens[v - 1].sentence != t.sentence;
    if !INVERTED.contains(&t.lower.as_str()) || !(opens || tokens[v - 1].text == ",") {
        return None;
    }
    let e = *name_at(tokens, v + 1)?.words.last()?;
    let k = tokens[first].quote;
    let punct = tokens
        .get(e + 1)
        .is_some_and(|p| matches!(p.text.as_ref(), "," | ":"));
    let adjacent = (e + 2..first).all(|n| tokens[n].quote == k && !tokens[n].word);
    // "The odd thing, says Ida Brekke, an archivist, is that she was “...”": an aside of
    // attribution between commas inside the sentence.
    let aside = !opens && tokens.get(e + 1).is_some_and(|t| t.text == ",");
    if !punct || !(adjacent || aside) {
        return None;
    }
    match forward(tokens, v + 1)? {
        m @ Mention::Name(_) => Some(m),
        _ => None,
    }
}

/// Words that open a sentence before its subject ("During the debate, Varga said").
static OPENERS: WordSet = word_set![
    "back",
    "during",
    "early",
    "at",
    "in",
    "on",
    "after",
    "before",
    "when",
    "while",
    "as",
    "since",
    "although",
    "though",
    "because",
    "if",
    "despite",
    "with",
    "without",
    "for",
    "from",
    "by",
    "under",
    "over",
    "speaking",
    "asked",
    "earlier",
    "later",
    "then",
    "but",
    "and",
    "so",
    "yet",
    "still",
    "meanwhile",
    "instead",
    "now",
    "today",
    "yesterday",
    "last",
    "this",
    "once",
    "also",
    "however",
    "nevertheless",
    "moreover",
    "similarly",
    "likewise",
    "separately",
    "ultimately",
    "finally",
    "again",
    "recently",
    "previously",
    "initially",
    "indeed",
    "perhaps",
    "yes",
    "no",
    "well",
    "thus",
    "like",
    "unlike",
    "amid",
    "amidst",
    "regarding",
    "concerning",
    "following",
    "throughout",
    "within",
    "among",
    "across",
    "around",
    "beyond",
    "upon",
    "besides",
    "about",
    "against",
    "toward",
    "towards",
    "considering",
];

/// Last words of a phrase of time opening a sentence ("Hours later,", "Two weeks ago,").
static TIME_ENDS: WordSet = word_set![
    "later",
    "earlier",
    "ago",
    "afterwards",
    "afterward",
    "before",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
];

/// The name opening the sentence holding token `at`, when it is a possessive ("Brannock's
/// ..."), without its "'s".
fn possessive_opening(tokens: &[Token], at: usize) -> Option<String> {
    let start = sentence_start(tokens, at);
    (start..at.min(start + 6))
        .take_while(|&k| tokens[k].word)
        .find(|&k| tokens[k].cap)
        .and_then(|k| name_at(tokens, k))
        .filter(|run| run.words.last().is_some_and(|&l| possessive(&tokens[l])))
        .map(|run| run_text(tokens, &run))
}

/// The first token of the sentence holding token `at`.
fn sentence_start(tokens: &[Token], at: usize) -> usize {
    let sentence = tokens[at].sentence;
    tokens[..at]
        .iter()
        .rposition(|t| t.sentence != sentence)
        .map_or(0, |p| p + 1)
}

/// Whether a word is a possessive ("Brannock's", "the Smiths'").
fn possessive(t: &Token) -> bool {
    t.lower.ends_with("'s") || t.lower.ends_with("s'")
}

/// Openers that join a sentence to the one before, with or without a comma.
static CONJUNCTIONS: WordSet = word_set!["but", "and", "so", "yet", "then", "also", "still", "now"];

/// Whether `word` opens a clause that needs a verb of its own before its comma ("When
/// Ostrom,"): one of [`OPENING_CLAUSES`] that is no preposition too ("After Brill, ...").
fn needs_verb(word: &str) -> bool {
    OPENING_CLAUSES.contains(&word) && !matches!(word, "after" | "before" | "since" | "once")
}

/// The subject of the sentence holding token `at`: the name or pronoun that opens it, after
/// an opening phrase set off by a comma. Only a name or a pronoun counts.
pub fn main_subject(tokens: &[Token], at: usize) -> Option<Mention> {
    let mut j = sentence_start(tokens, at);
    while j < at && !tokens[j].word {
        j += 1;
    }
    j = after_dateline(tokens, j, at);
    // A sentence opening with a quotation has its speaker elsewhere.
    if j >= at || tokens[j].quote.is_some() {
        return None;
    }
    let start = j;
    let comma = (j..at).find(|&n| tokens[n].text == "," && tokens[n].quote.is_none());
    // "As for Varga, she said ...": the person the sentence opens on is its subject.
    if let Some(c) = comma.filter(|&c| {
        tokens[j].lower == "as"
            && tokens.get(j + 1).is_some_and(|t| t.lower == "for")
            && tokens.get(c + 1).is_some_and(|t| pronoun(t).is_some())
    }) {
        if let Some(m) = name_from_to(tokens, j + 2, c - 1) {
            return Some(m);
        }
    }
    // "Hours later, Marsh ...": a short phrase of time, set off by a comma.
    let short_opener = comma.is_some_and(|c| {
        c > j + 1
            && c - j <= 4
            && TIME_ENDS.contains(&tokens[c - 1].lower.as_str())
            && tokens[j..c].iter().all(|t| t.word)
    });
    // "Appearing before supporters, Tesk said", "Preceded at the lectern by ...", "Hastily
    // politicizing ...": a participle phrase. A name such as "Deering" is followed by its
    // verb or another name instead.
    let verbal = |k: usize| {
        tokens[k].lower.len() > 5
            && (tokens[k].lower.ends_with("ing") || tokens[k].lower.ends_with("ed"))
            && tokens
                .get(k + 1)
                .is_some_and(|n| n.word && !n.cap && !is_cue(n))
    };
    let participle = verbal(j) || (tokens[j].lower.ends_with("ly") && j + 1 < at && verbal(j + 1));
    // A pronoun opening the sentence is its subject, though the article writes it in lower
    // case elsewhere too.
    let common = tokens[j].common && !matches!(pronoun(&tokens[j]), Some('m' | 'f'));
    if OPENERS.contains(&tokens[j].lower.as_str()) || common || short_opener || participle {
        match comma {
            // "When Piet Ostrom, Lind's manager, was asked ..., he laughed": a clause
            // cannot end on its subject, so that comma opens an appositive; the clause ends
            // at the first later comma a subject follows.
            Some(c) if needs_verb(&tokens[j].lower) && tokens[j + 1..c].iter().all(|t| t.cap) => {
                j = (c + 1..at)
                    .filter(|&n| tokens[n].text == "," && tokens[n].quote.is_none())
                    .find(|&n| {
                        matches!(
                            forward(tokens, n + 1),
                            Some(Mention::Name(_) | Mention::Pronoun(_))
                        )
                    })?
                    + 1;
            }
            Some(c) => j = c + 1,
            // "But Varga campaign chairman Edvin Stahl said": a conjunction needs no comma.
            None if CONJUNCTIONS.contains(&tokens[j].lower.as_str()) => j += 1,
            None => return None,
        }
        // "On July 6, 2015, Varga said": the year of a date is part of the opening phrase.
        if j + 1 < at
            && tokens[j].word
            && tokens[j].text.len() == 4
            && tokens[j].text.bytes().all(|b| b.is_ascii_digit())
            && tokens[j + 1].text == ","
        {
            j += 2;
        }
        // "Speaking in Harwick, New Ardmoor, Varga said": a place set off by commas belongs to
        // the opening phrase.
        let mut places = 0;
        while places < 3 {
            let Some(Mention::Name(n)) = forward(tokens, j) else {
                break;
            };
            let end = (j..at.min(j + 6)).find(|&k| tokens[k].text == ",");
            // "At a rally in Brill, Kelmar, on Sunday, Varga said": the region of a place
            // named after "in", when another opening phrase or a name follows it.
            let region = |e: usize| {
                j >= 2
                    && tokens[j - 1].text == ","
                    && tokens[j - 2].cap
                    && {
                        let s = name_start(tokens, j - 2);
                        s > 0
                            && matches!(
                                tokens[s - 1].lower.as_str(),
                                "in" | "at" | "near" | "from" | "outside"
                            )
                    }
                    && tokens
                        .get(e + 1)
                        .is_some_and(|t| t.word && (t.cap || OPENERS.contains(&t.lower.as_str())))
            };
            match end {
                Some(e) if n.iter().all(|x| !super::names::may_be_person(x)) || region(e) => {
                    j = e + 1
                }
                _ => break,
            }
            places += 1;
        }
    }
    match forward(tokens, j) {
        Some(m @ (Mention::Name(_) | Mention::Pronoun(_))) => Some(m),
        _ => after_openers(tokens, start, j, at),
    }
}

/// The subject when the opening phrase was not the only one, or not one: a second phrase
/// after the first ("On Monday, after a month of silence, Varga said"), or none at all after
/// a conjunction ("And then Brandt went on the attack, saying"). Asked only when the subject
/// after the first phrase was not found.
fn after_openers(tokens: &[Token], start: usize, mut j: usize, at: usize) -> Option<Mention> {
    let subject_at = |k: usize| match forward(tokens, k)? {
        m @ Mention::Pronoun(_) => Some(m),
        // A name followed by its verb, not a possessive ("And then Brandt's aides said").
        m @ Mention::Name(_) => {
            let last = *name_at(tokens, k)?.words.last()?;
            let owner = possessive(&tokens[last]);
            // Its verb, or an appositive ("Then Andric, the treasurer, stood up"), not a list.
            let verb_after = |n: usize| {
                tokens
                    .get(n)
                    .is_some_and(|t| t.word && !t.cap && t.quote.is_none())
            };
            // "But Sen. Piet Tomsen (R-Kel.) refused": past a short aside in brackets.
            let mut after = last + 1;
            if tokens.get(after).is_some_and(|t| t.text == "(") {
                if let Some(close) = (after + 1..tokens.len().min(after + 1 + BRACKET_TOKENS))
                    .find(|&c| tokens[c].text == ")")
                {
                    after = close + 1;
                }
            }
            let next = tokens.get(after)?;
            let fits =
                (verb_after(after) && !is_cue(next)) || (next.text == "," && verb_after(after + 1));
            (!owner && fits).then_some(m)
        }
        _ => None,
    };
    let mut k = start;
    while k < at && k < start + 2 && CONJUNCTIONS.contains(&tokens[k].lower.as_str()) {
        k += 1;
    }
    // A verb of saying after the first comma with a subject of its own speaks for that
    // subject ("But Varga shares their fear, the columnist suggested: “...”"),
    // where a participle goes with the sentence's ("Then Andric, the treasurer, stood up,
    // saying ...").
    let own_subject = (k..at).find(|&n| tokens[n].text == ",").is_some_and(|c| {
        (c + 2..=at.min(tokens.len() - 1)).any(|v| {
            is_cue(&tokens[v])
                && !tokens[v].lower.ends_with("ing")
                && tokens[v - 1].word
                && !matches!(tokens[v - 1].lower.as_str(), "and" | "then" | "also")
        })
    });
    if k > start && k < at && tokens[k].word && !own_subject {
        if let Some(m) = subject_at(k) {
            return Some(m);
        }
    }
    // "In a long, in-prison interview last year, Andric said": a comma between the
    // opening phrase's adjectives; the subject follows the phrase's own comma.
    if j < at && tokens[j].word && !tokens[j].cap && !OPENERS.contains(&tokens[j].lower.as_str()) {
        let comma = (j + 1..at.min(j + 12))
            .take_while(|&n| tokens[n].quote.is_none())
            .find(|&n| tokens[n].text == ",");
        if let Some(c) = comma {
            match forward(tokens, c + 1) {
                Some(m @ Mention::Pronoun(_)) => return Some(m),
                Some(m @ Mention::Name(_)) => {
                    let last = *name_at(tokens, c + 1)?.words.last()?;
                    let verb = tokens
                        .get(last + 1)
                        .is_some_and(|t| t.word && !t.cap && t.quote.is_none());
                    if verb && !possessive(&tokens[last]) {
                        return Some(m);
                    }
                }
                _ => {}
            }
        }
    }
    // Up to two more phrases, each opening with such a word and closed by a comma.
    for _ in 0..2 {
        if j >= at || !OPENERS.contains(&tokens[j].lower.as_str()) {
            return None;
        }
        let comma = (j + 1..at).find(|&n| tokens[n].text == "," && tokens[n].quote.is_none())?;
        j = comma + 1;
        if let Some(m) = subject_at(j) {
            return Some(m);
        }
    }
    None
}

/// Past a dateline opening a paragraph ("CARROWBY, Dec. 8 (Wire) —", "Carrowby (Wire) –"):
/// capitalised words, numbers and brackets up to a dash.
fn after_dateline(tokens: &[Token], j: usize, at: usize) -> usize {
    if j > 0 && tokens[j - 1].paragraph == tokens[j].paragraph {
        return j;
    }
    let dash = (j..at.min(j + 12)).find(|&n| matches!(tokens[n].text.as_ref(), "—" | "–" | "--"));
    let Some(dash) = dash else {
        return j;
    };
    let after = dash + 1;
    // A place in capitals or an agency in brackets: "On Friday, Halloran —" is no dateline.
    let marked = tokens[j..dash].iter().any(|t| {
        t.text == "("
            || (t.word && t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase()))
    });
    let dateline = dash > j
        && marked
        && tokens[j..dash].iter().all(|t| {
            t.quote.is_none()
                && if t.word {
                    t.cap || t.text.chars().all(|c| c.is_ascii_digit())
                } else {
                    matches!(t.text.as_ref(), "," | "." | "(" | ")")
                }
        });
    if dateline {
        after
    } else {
        j
    }
}

/// An attribution closing the sentence after a quote: `“...” than the board's, Oberg said.`
pub fn tail(tokens: &[Token], last: usize) -> Option<Mention> {
    let sentence = tokens[last].sentence;
    let end = tokens[last..]
        .iter()
        .position(|t| t.sentence != sentence)
        .map_or(tokens.len(), |p| last + p);
    // Any comma after the quote may open the attribution: `'' income, he said, rather than`.
    (last + 1..end)
        .filter(|&j| tokens[j].text == "," && tokens[j].quote.is_none())
        .find_map(|comma| tail_at(tokens, comma, end))
}

/// The attribution after the comma at `comma`, in a sentence ending at `end`.
fn tail_at(tokens: &[Token], comma: usize, end: usize) -> Option<Mention> {
    // ", said MaryAnn DeVane, executive director ...": the verb first.
    if is_cue_at(tokens, comma + 1) {
        return forward(tokens, comma + 2).filter(|m| matches!(m, Mention::Name(_)));
    }
    let m = forward(tokens, comma + 1)?;
    if !matches!(m, Mention::Name(_) | Mention::Pronoun(_)) {
        return None;
    }
    // The name, then a verb of saying within a few words and before any other quote ("he
    // said, rather than ...", "Oberg said in an interview."); "Mr Andric accused Ardmoor"
    // starts a clause of its own.
    let cue = (comma + 1..end.min(comma + 8)).find(|&j| is_cue_at(tokens, j))?;
    let saying = SAYING.contains(&tokens[cue].lower.as_str());
    // "While Varga said Lind was “careless”, she said there was no case": a verb with a
    // clause of its own after it says that clause, not the quote.
    let own_clause = tokens.get(cue + 1).is_some_and(|t| {
        t.sentence == tokens[cue].sentence
            && (t.lower == "that"
                || pronoun(t).is_some()
                || t.lower == "there's"
                || t.lower == "there")
    });
    (saying && !own_clause && tokens[comma + 1..cue].iter().all(|t| t.quote.is_none())).then_some(m)
}

/// Most words of the name in a closing attribution.
const CLOSING_NAME_WORDS: usize = 4;

/// The sentence from `first` to `last` (outside quotes) ends in `, Benn said.` or `, said
/// Benn.`: a name and a verb that only reports speech, and nothing after them.
pub fn closing_attribution(tokens: &[Token], first: usize, last: usize) -> Option<Mention> {
    let mut end = last;
    while end > first && !tokens[end].word {
        end -= 1;
    }
    if tokens[end + 1..=last].iter().any(|t| t.quote.is_some()) {
        return None;
    }
    let comma = (first..end)
        .rev()
        .take(CLOSING_NAME_WORDS + 2)
        .find(|&j| tokens[j].text == ",")?;
    let saying = |t: &Token| is_cue(t) && SAYING.contains(&t.lower.as_str());
    let (name, verb) = if saying(&tokens[comma + 1]) {
        (comma + 2..=end, comma + 1)
    } else {
        (comma + 1..=end - 1, end)
    };
    let name_ok = !name.is_empty() && tokens[name.clone()].iter().all(namelike);
    (name_ok && saying(&tokens[verb]) && tokens[comma].quote.is_none())
        .then(|| forward(tokens, *name.start()))
        .flatten()
        .filter(|m| matches!(m, Mention::Name(_)))
}

/// Verbs that only report speech (unlike "accused" or "called", which take an object).
pub(crate) static SAYING: WordSet = word_set![
    "said",
    "says",
    "added",
    "adds",
    "argued",
    "argues",
    "explained",
    "explains",
    "noted",
    "notes",
    "wrote",
    "writes",
    "insisted",
    "insists",
    "continued",
    "recalled",
    "stressed",
    "told",
    "tells",
    "asked",
    "replied",
    "answered",
    "conceded",
    "acknowledged",
    "tweeted",
    "tweets",
];

/// "according to S" after the quote, in the same sentence.
pub fn according_after(tokens: &[Token], last: usize) -> Option<Mention> {
    let sentence = tokens[last].sentence;
    let mut j = last + 1;
    while j + 1 < tokens.len() && tokens[j].sentence == sentence {
        if tokens[j].quote.is_none()
            && tokens[j].lower == "according"
            && tokens[j + 1].lower == "to"
        {
            return according_to(tokens, j + 2);
        }
        j += 1;
    }
    None
}

/// Reports and the like that speak for whoever made them ("according to a study by ...").
#[rustfmt::skip]
static REPORTS: WordSet = word_set![
    "study", "report", "calculations", "analysis", "data", "estimates", "estimate", "survey",
    "poll", "research", "figures", "statement", "count", "tally", "review", "audit", "memo",
    "filing", "tweet", "post", "letter", "model", "projections", "document", "documents",
    "records", "filings", "papers", "emails", "email", "transcript", "complaint", "lawsuit",
    "indictment", "release", "calculation", "tallies", "reports", "studies", "polls",
];

/// The source after "according to" at `j`: a mention, or the maker of a report ("according
/// to calculations by Ana Holt", "according to a study from the Harbour Institute").
fn according_to(tokens: &[Token], j: usize) -> Option<Mention> {
    // Lower-case words up to "by", "from" or "of", one of them a report ("a court document
    // filed by", "new figures from").
    let by = (j..tokens.len().min(j + REPORT_WORDS))
        .take_while(|&k| tokens[k].word && !tokens[k].cap && tokens[k].quote.is_none())
        .find(|&k| matches!(tokens[k].lower.as_str(), "by" | "from" | "of"));
    let made = by.is_some_and(|b| (j..b).any(|k| REPORTS.contains(&tokens[k].lower.as_str())));
    if let Some(b) = by.filter(|_| made) {
        if let Some(m) = forward(tokens, b + 1) {
            return Some(m);
        }
    }
    forward(tokens, j)
}

/// Most words from "according to" to the "by" of a report's maker.
const REPORT_WORDS: usize = 6;

/// A resolved speaker: the name to show and the role, if known.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Canonical name(s), joined by " and ".
    pub name: String,
    /// Role, if the article gave one.
    pub role: Option<String>,
}

/// The person of the article whose role (in lower case) fits, known by a full name, the last
/// one introduced; but first one whose role is `plain` alone ("the president" is President
/// Lind, not World Bank President Ana Voss), whatever their name.
fn role_holder(people: &People, plain: &str, fits: impl Fn(&str) -> bool) -> Option<Speaker> {
    let role = |p: &super::people::Person| p.role.as_ref().map(|r| r.lowercase());
    let known = || {
        people
            .list
            .iter()
            .rev()
            .filter(|p| people.before.is_none_or(|b| p.first_seen < b))
    };
    let p = known()
        .find(|p| role(p).is_some_and(|r| r == plain))
        .or_else(|| known().find(|p| p.name.contains(' ') && role(p).is_some_and(|r| fits(&r))))?;
    Some(Speaker {
        name: p.name.clone(),
        role: p.role.clone(),
    })
}

/// Words opening a description of someone not named ("an aide", "one spokesman").
const INDEFINITE: &[&str] = &["a", "an", "one", "another", "some", "several"];

/// Resolve a name or description mention against the people of the article. Pronouns are
/// resolved by the caller, who knows the discourse.
pub fn resolve(people: &People, mention: &Mention) -> Option<Speaker> {
    match mention {
        Mention::Name(names) => {
            let mut out = Vec::new();
            let mut role = None;
            for n in names {
                // Titles go, but not a last word that only looks like one ("Mr. King").
                let words: Vec<&str> = n.split_whitespace().collect();
                let clean: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(k, w)| {
                        *k + 1 == words.len()
                            || !TITLES.contains(&w.trim_end_matches('.').lowercase().as_str())
                    })
                    .map(|(_, w)| *w)
                    .collect();
                let clean = clean.join(" ");
                match people.find(&clean) {
                    Some(p) if p.name.contains(' ') || !clean.contains(' ') => {
                        role = role.or(p.role.clone());
                        out.push(p.name.clone());
                    }
                    _ if !clean.is_empty() => out.push(clean),
                    _ => {}
                }
            }
            if out.is_empty() {
                return None;
            }
            Some(Speaker {
                role: if out.len() == 1 { role } else { None },
                name: out.join(" and "),
            })
        }
        Mention::Description(d) => {
            // "a Brillco statement" speaks for Brillco; "the spokesman" for a person with
            // that role; a description with no name at all is not a speaker we can name.
            // Adjectives of a party or a nation ("The Democratic frontrunner") name no one.
            let adjective = |w: &str| {
                let l = w.lowercase();
                ["an", "ic", "ese", "ish", "i"]
                    .iter()
                    .any(|e| l.ends_with(e))
                    && !l.ends_with("'s")
            };
            let caps: Vec<&str> = d
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .filter(|w| !NOT_NAMES.contains(&w.lowercase().as_str()))
                .filter(|w| !adjective(w))
                .collect();
            // "the Kelmar senator": a place before an office held by one person names the
            // place, not the speaker; the person of the article with that role, if any.
            let office = d
                .split_whitespace()
                .last()
                .is_some_and(|w| OFFICES.contains(&w.lowercase().as_str()));
            if office && !caps.is_empty() {
                let lower: Vec<String> = caps.iter().map(|w| w.lowercase()).collect();
                return role_holder(people, "", |r| {
                    lower.iter().all(|c| r.split_whitespace().any(|w| w == c))
                });
            }
            if !caps.is_empty() {
                let name = caps
                    .iter()
                    .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
                    .collect::<Vec<_>>()
                    .join(" ");
                // "the Rowe campaign": the person of the article it speaks for, by full name;
                // and a description that is the surname alone ("Bell says") is that person.
                let alone = !d.contains(' ');
                let name = people
                    .find(&name)
                    .filter(|p| {
                        !name.contains(' ') && (alone || super::names::has_given_name(&p.name))
                    })
                    .map_or(name, |p| p.name.clone());
                return Some(Speaker {
                    name,
                    role: Some(d.clone()),
                });
            }
            // "an aide", "one spokesman": someone not named, not the aide named before.
            let first = d.split_whitespace().next()?.lowercase();
            if INDEFINITE.contains(&first.as_str()) {
                return None;
            }
            let last = d.split_whitespace().last()?.lowercase();
            let plain = d
                .split_whitespace()
                .skip_while(|w| DETERMINERS.contains(&w.lowercase().as_str()))
                .collect::<Vec<_>>()
                .join(" ")
                .lowercase();
            role_holder(people, &plain, |r| r.split_whitespace().any(|w| w == last))
        }
        Mention::Known(word) => {
            people
                .find(word)
                .filter(|p| p.name.contains(' '))
                .map(|p| Speaker {
                    name: p.name.clone(),
                    role: p.role.clone(),
                })
        }
        Mention::Pronoun(_) | Mention::Unnamed => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_verbs_cover_the_common_forms() {
        for v in [
            "said",
            "says",
            "told",
            "added",
            "according",
            "warned",
            "insisted",
        ] {
            assert!(CUE_VERBS.contains(&v) || v == "according", "{v}");
        }
    }
}
