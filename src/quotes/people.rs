//! The people of an article: names found where they are introduced ("Palace spokesperson
//! Anton Velikov"), with their roles, so that later mentions ("Mr Velikov", "Velikov", "he")
//! resolve to one canonical name.

use crate::lowercase::Lowercase;
use crate::word_set;
use crate::wordset::WordSet;

use super::words::Token;

/// Titles that come before a name and are not part of it.
#[rustfmt::skip]
pub static TITLES: WordSet = word_set![
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "vice", "secretary",
    "minister", "chancellor", "judge", "justice", "lt", "gen", "general", "col", "colonel", "capt",
    "captain", "maj", "major", "sgt", "adm", "admiral", "rev", "reverend", "father", "pope", "king",
    "queen", "prince", "princess", "mayor", "chief", "commissioner", "ambassador", "speaker",
    "leader", "premier", "sheikh", "herr", "frau", "monsieur", "madame", "señor", "señora",
    "doña", "retired", "former", "then", "deputy", "acting", "first", "prime", "attorney",
    "sheriff", "coach", "detective", "officer", "inspector", "superintendent",
];

/// Titles of courtesy, which are not roles.
static COURTESY: WordSet = word_set![
    "mr", "mrs", "ms", "miss", "mx", "herr", "frau", "monsieur", "madame", "señor", "señora",
];

/// Titles that say a person is a woman or a man.
#[rustfmt::skip]
static FEMALE_TITLES: WordSet = word_set![
    "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "frau", "madame", "señora", "doña",
];
#[rustfmt::skip]
static MALE_TITLES: WordSet = word_set![
    "mr", "sir", "lord", "king", "prince", "herr", "monsieur", "señor", "father",
];

/// Small words that may stand inside a name ("Greta von der Aue", "Khalid bin Tamer").
#[rustfmt::skip]
pub static PARTICLES: WordSet = word_set![
    "de", "da", "del", "della", "der", "den", "di", "du", "van", "von", "bin", "al", "la", "le",
    "ibn", "ben", "dos", "das", "y", "el", "ter", "zu", "af",
];

/// Capitalised words that do not start a name (sentence openers, days, months...).
#[rustfmt::skip]
pub static NOT_NAMES: WordSet = word_set![
    "he's", "she's", "they're", "we're", "i'm", "it's", "that's", "there's", "what's", "i've",
    "we've", "you're", "you've", "don't", "can't", "isn't", "i'd", "we'll", "i'll", "let's",
    "the", "a", "an", "and", "but", "or", "if", "when", "while", "as", "at", "in", "on", "of",
    "for", "to", "from", "by", "with", "after", "before", "since", "this", "that", "these", "those",
    "it", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "there",
    "here", "what", "who", "why", "how", "where", "some", "many", "most", "all", "no", "not", "yes",
    "so", "then", "now", "still", "yet", "also", "even", "just", "only", "one", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty",
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousands",
    "dozens",
    "last", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "mr", "mrs", "ms", "dr", "my", "your", "according", "asked",
    "speaking", "despite", "although", "because", "however", "meanwhile", "instead", "both", "each",
    "every", "other", "another", "such", "more", "again", "already", "later", "earlier", "today",
    "yesterday", "tomorrow", "perhaps", "maybe", "indeed", "moreover", "furthermore",
    "nevertheless", "nonetheless", "otherwise", "finally", "ultimately", "regardless", "overall",
    "rather", "sometimes", "often", "clearly", "obviously", "certainly", "actually", "well",
    "thus", "hence", "therefore", "unfortunately", "fortunately", "hopefully", "recently",
    "currently", "previously", "initially", "eventually", "separately", "similarly", "likewise",
    "elsewhere", "afterward", "afterwards", "besides", "nor", "whether", "though", "thanks", "like", "unlike",
    "former", "amid", "soon", "shortly", "any", "is", "are", "was", "were", "has", "have",
    "had", "would", "could", "should", "did", "does", "back", "wait", "ask", "note", "several",
    "someone", "somebody", "nobody", "everyone", "everybody", "anyone", "few", "multiple",
    "following", "including", "regarding", "concerning", "considering", "excluding", "barring",
    // Groups of people, opening a sentence ("Supporters say ...", "Pollsters agree").
    "supporters", "pollsters", "attorneys", "lawyers", "critics", "officials", "analysts",
    "experts", "voters", "aides", "opponents", "protesters", "organizers", "advocates",
    "observers", "residents", "researchers", "economists", "investigators", "prosecutors",
    "authorities", "witnesses", "others", "people", "students", "parents", "workers",
];

/// Days of the week: they end a name ("told Radio Carrowby Tuesday").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A person (or organisation) the article names.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Full name as first introduced, without titles ("Anton Velikov").
    pub name: String,
    /// Last word of the name, lower-case ("velikov").
    pub surname: String,
    /// Role words seen with the name ("Palace spokesperson").
    pub role: Option<String>,
    /// 'f', 'm', or '?' when no title or pronoun has told.
    pub gender: char,
    /// Where the name first appears (character offset).
    pub first_seen: usize,
    /// Named with a title ("Mr", "Sen.") or a role somewhere in the article.
    pub titled: bool,
}

/// The people of one article.
#[derive(Debug, Default)]
pub struct People {
    /// Everyone named, in order of first appearance.
    pub list: Vec<Person>,
    /// The offset of the quote being attributed: "the actress" there is someone named
    /// before it, not a person the article only comes to later.
    pub before: Option<usize>,
}

/// A name as written: its words (titles removed), the title, and the role words before it.
#[derive(Debug, Clone)]
pub struct NameRun {
    /// Token indices of the name's words.
    pub words: Vec<usize>,
    /// Title word (lower-case) right before the name, if any.
    pub title: Option<String>,
    /// Role words before the name (within its noun phrase).
    pub role: Option<String>,
}

/// Whether a token can be part of a name.
pub fn namelike(t: &Token) -> bool {
    t.word && t.cap && !t.common && !t.lower.chars().all(|c| c.is_ascii_digit())
}

/// Roles of someone sent to a country ("the envoy to Kelvarra ...").
static SENT: WordSet = word_set![
    "ambassador",
    "envoy",
    "consul",
    "emissary",
    "representative"
];

/// Head nouns of the names of bodies, which go on after "of", "for" or "on" ("Department of
/// Harbours", "Center for Tidal Studies", "Committee on Fisheries").
static BODY_HEADS: WordSet = word_set![
    "center",
    "centre",
    "department",
    "committee",
    "institute",
    "ministry",
    "office",
    "council",
    "agency",
    "association",
    "foundation",
    "bureau",
    "commission",
    "federation",
    "union",
    "league",
    "society",
    "coalition",
    "alliance",
    "academy",
    "board",
    "authority",
    "court",
];

/// Words for a relative: a name after one ("his wife, Ana Varga") is another member of the
/// family than the one the surname alone stood for.
static KIN: WordSet = word_set![
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
    "widow",
    "widower",
    "grandson",
    "granddaughter",
    "nephew",
    "niece",
    "cousin",
    "lady",
    "spouse",
];

/// Whether a kinship word stands just before token `i` ("his wife, Ana", "daughter Ana").
fn kin_before(tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    if k > 0 && tokens[k - 1].text == "," {
        k -= 1;
    }
    k > 0 && tokens[k - 1].word && !tokens[k - 1].cap && KIN.contains(&base(&tokens[k - 1]))
}

/// The name starting at token `i` (after any titles), going forward.
pub fn name_at(tokens: &[Token], i: usize) -> Option<NameRun> {
    let mut j = i;
    let mut title = None;
    // A title must be followed by a name: "Mr. King" is Mr King, not two titles.
    let name_follows = |j: usize| {
        let mut n = j + 1;
        if tokens.get(n).is_some_and(|t| t.text == ".") {
            n += 1;
        }
        tokens.get(n).is_some_and(|t| t.word && t.cap)
    };
    // "Secretary of State Mara Quill": "of" and the office belong to the title.
    let office = |j: usize| {
        tokens.get(j + 1).is_some_and(|t| t.lower == "of")
            && tokens.get(j + 2).is_some_and(|t| t.word && t.cap)
            && tokens.get(j + 3).is_some_and(|t| t.word && t.cap)
    };
    // "Del. Ana Voss": a title that is one only with its full stop.
    let dotted_title = |t: &Token| t.lower == "del" && t.cap;
    // Titles, each maybe with a full stop: "Mr.", "Lt. Gen.".
    while j < tokens.len()
        && tokens[j].word
        && tokens[j].cap
        && ((TITLES.contains(&base(&tokens[j])) && (name_follows(j) || office(j)))
            || (dotted_title(&tokens[j])
                && tokens.get(j + 1).is_some_and(|t| t.text == ".")
                && name_follows(j)))
    {
        title = Some(base(&tokens[j]).to_string());
        if !name_follows(j) {
            // Past "of" and the office, up to the last two capitalised words ("Secretary of
            // Coastal Security Neve Ambrose").
            j += 3;
            let name_word = |t: &Token| {
                t.word
                    && t.cap
                    && !WEEKDAYS.contains(&base(t))
                    && !NOT_NAMES.contains(&t.lower.as_str())
            };
            while tokens.get(j + 1).is_some_and(name_word)
                && tokens.get(j + 2).is_some_and(name_word)
            {
                j += 1;
            }
            continue;
        }
        j += 1;
        if j < tokens.len() && tokens[j].text == "." {
            j += 1;
        }
    }
    let mut words = Vec::new();
    while j < tokens.len() {
        let t = &tokens[j];
        let sentence = tokens[i].sentence;
        if t.sentence != sentence || t.quote != tokens[i].quote {
            break;
        }
        let weekday = WEEKDAYS.contains(&base(t));
        // No name opens on such a word, nor on one joined of them ("Sixty-two percent think"),
        // but "So-yeon Park" does; looked up only for a run's first word.
        let opener = || t.lower.split('-').all(|p| NOT_NAMES.contains(&p));
        if namelike(t) && !weekday && (!words.is_empty() || !opener()) {
            words.push(j);
            if t.lower.ends_with("'s") {
                break;
            }
            j += 1;
            // An initial or a title with its full stop: "Harold J. Penwick", "Kelmar Sen. Mira
            // Castell".
            let dotted = is_initials(&t.text) || TITLES.contains(&base(t));
            if dotted
                && tokens.get(j).is_some_and(|n| n.text == ".")
                && tokens.get(j + 1).is_some_and(|n| n.word && n.cap)
            {
                j += 1;
            }
        } else if t.text == "."
            && words
                .last()
                .is_some_and(|&w| TITLES.contains(&base(&tokens[w])))
            && tokens
                .get(j + 1)
                .is_some_and(|a| a.lower == "and" && a.sentence == t.sentence)
            && tokens.get(j + 2).is_some_and(namelike)
        {
            // "former Tarn Gov. and Port Board Chairman Edvin Stahl": two offices of one
            // person, who is named after them (cut below). Only an abbreviated title: "Mr.
            // King and Mr. Rask" are two people.
            j += 2;
        } else if matches!(t.lower.as_str(), "of" | "for" | "on")
            && words
                .last()
                .is_some_and(|&w| BODY_HEADS.contains(&base(&tokens[w])))
            && tokens.get(j + 1).is_some_and(namelike)
        {
            // "the Association of Net Menders", "the Center for Tidal Studies": a body's name
            // goes on after its head noun.
            j += 1;
        } else if t.lower == "of"
            && words.last().is_some_and(|&w| {
                TITLES.contains(&base(&tokens[w])) || ROLE_NOUNS.contains(&base(&tokens[w]))
            })
            && !words.iter().any(|&w| {
                super::names::gender_of(&tokens[w].text) != '?' || is_initials(&tokens[w].text)
            })
            && tokens.get(j + 1).is_some_and(namelike)
            && tokens.get(j + 2).is_some_and(namelike)
        {
            // "Harbour Party Chief of Staff Ilse Brandt": an office "of" something inside the
            // run, up to the last two capitalised words; the name follows the title (cut
            // below). Not after a person's name ("Piet T. King of Port Brill").
            j += 1;
            while tokens.get(j + 1).is_some_and(namelike) && tokens.get(j + 2).is_some_and(namelike)
            {
                j += 1;
            }
        } else if !words.is_empty() && t.word && PARTICLES.contains(&t.lower.as_str()) {
            // "van der Berg": particles count only when a name part follows them.
            let mut k = j;
            while k < tokens.len()
                && tokens[k].word
                && PARTICLES.contains(&tokens[k].lower.as_str())
            {
                k += 1;
            }
            if !tokens.get(k).is_some_and(namelike) {
                break;
            }
            j = k;
        } else {
            break;
        }
    }
    // "Secretary of State Mara F. Quill": the first word after "<title> of" belongs to the title.
    let title_of = i >= 2
        && tokens[i - 1].lower == "of"
        && (TITLES.contains(&base(&tokens[i - 2])) || ROLE_NOUNS.contains(&base(&tokens[i - 2])));
    if title_of && words.len() >= 2 {
        title = Some(base(&tokens[i - 2]).to_string());
        words.remove(0);
    }
    // "the envoy to Kelvarra Tomas Andric": the country an envoy is sent to opens the run.
    let sent_to = i >= 2
        && words.first() == Some(&i)
        && tokens[i - 1].lower == "to"
        && SENT.contains(&base(&tokens[i - 2]));
    if sent_to && words.len() >= 3 && !words.iter().any(|&w| is_initials(&tokens[w].text)) {
        words.remove(0);
    }
    // "Republican Petra Todd Ashby", "Harbour Committee Republican Tomas Andric": a party, a
    // place or a body before a given name (and a surname after it) is not part of the name.
    let given = |k: &usize| super::names::gender_of(&tokens[*k].text) != '?';
    if let Some(g) = words.iter().position(given) {
        if g >= 1 && g + 1 < words.len() {
            words.drain(..g);
        }
    }
    // "Harbour Party National Committee Chairman Hal Brennock": the name follows the last
    // title or role word inside the run.
    if let Some(cut) = words.iter().rposition(|&k| {
        TITLES.contains(&base(&tokens[k])) || ROLE_NOUNS.contains(&base(&tokens[k]))
    }) {
        if cut + 1 < words.len() {
            title = Some(base(&tokens[words[cut]]).to_string());
            words.drain(..=cut);
        }
    }
    if words.is_empty() {
        return None;
    }
    Some(NameRun {
        words,
        title,
        role: None,
    })
}

/// Whether a word is a generational suffix ("Jr.", "III"), which follows a surname.
pub fn is_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').lowercase().as_str(),
        "jr" | "sr" | "ii" | "iii" | "iv"
    )
}

/// The surname of a name as written: its last word, or the one before a suffix ("Oskar T.
/// Lind Jr.": "Mr. Lind" is the same man).
pub fn surname_of(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace().rev();
    let last = words.next()?;
    match words.next() {
        Some(before) if is_suffix(last) => Some(before),
        _ => Some(last),
    }
}

/// [`surname_of`] for a name run: the token of its surname.
fn surname_word(tokens: &[Token], words: &[usize]) -> usize {
    match words {
        [.., w, s] if is_suffix(&tokens[*s].text) => *w,
        [.., w] => *w,
        [] => 0,
    }
}

/// Whether a word is an initial or a run of them ("J", "G.K").
pub fn is_initials(word: &str) -> bool {
    word.split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// A token's word without a possessive ending, lower-case.
pub fn base(t: &Token) -> &str {
    t.lower
        .strip_suffix("'s")
        .unwrap_or(&t.lower)
        .trim_end_matches('.')
}

/// The words of a name run joined (particles between them included), possessive endings
/// removed.
pub fn run_text(tokens: &[Token], run: &NameRun) -> String {
    let (Some(&first), Some(&last)) = (run.words.first(), run.words.last()) else {
        return String::new();
    };
    tokens[first..=last]
        .iter()
        .filter(|t| t.word)
        .map(|t| {
            let w = &t.text;
            if is_initials(w) || matches!(t.lower.as_str(), "jr" | "sr") {
                return format!("{w}.");
            }
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w)
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-case role nouns that, right before a name, say what the person is.
#[rustfmt::skip]
static ROLE_NOUNS: WordSet = word_set![
    "spokesperson", "spokesman", "spokeswoman", "president", "minister", "secretary", "senator",
    "governor", "mayor", "chief", "director", "head", "leader", "chairman", "chairwoman", "chair",
    "ceo", "founder", "official", "adviser", "advisor", "ambassador", "envoy", "commander",
    "general", "analyst", "professor", "expert", "economist", "lawyer", "attorney", "judge",
    "candidate", "nominee", "manager", "strategist", "aide", "deputy", "representative", "rep",
    "sen", "premier", "chancellor", "king", "queen", "prince", "admiral", "captain", "coach",
    "owner", "member", "councillor", "councilor", "mp", "mep", "correspondent", "editor",
    "researcher", "scientist", "activist", "campaigner", "organiser", "organizer", "resident",
    "officer", "commissioner", "prosecutor", "surrogate", "co-founder", "executive", "economist",
    "historian", "author", "writer", "pastor", "bishop", "master", "singer", "comedian", "rapper",
    "congressman", "congresswoman", "archbishop", "chef", "planner", "designer", "supervisor",
    "reporter", "host", "filmmaker", "producer", "actor", "actress", "artist", "photographer",
    "novelist", "poet", "musician", "composer", "journalist", "columnist", "commentator",
    "lawmaker", "legislator", "investor", "entrepreneur", "co-owner", "physician", "surgeon",
    "teacher", "student", "farmer", "pollster", "consultant", "lobbyist", "veteran",
];

/// Whether a token is a lower-case role noun ("secretary", "spokesman").
pub fn is_role_noun(t: &Token) -> bool {
    t.word && ROLE_NOUNS.contains(&base(t))
}

/// Most words of a first paragraph read as a headline.
const HEADLINE_WORDS: usize = 30;

impl People {
    /// Collect the people an article names, outside quotations.
    ///
    /// The body goes first: a headline ("Quiet Ostrom raises his profile") adds only the
    /// surnames the body does not name, so its words before a surname do not become the
    /// person's name. A first paragraph that is long, or the only one, is body.
    pub fn collect(tokens: &[Token]) -> People {
        let mut people = People::default();
        let first = tokens.partition_point(|t| t.paragraph == 0);
        let short = tokens[..first].iter().filter(|t| t.word).count() <= HEADLINE_WORDS;
        let headline = if first < tokens.len() && short {
            first
        } else {
            0
        };
        people.collect_from(tokens, headline, tokens.len(), false);
        let body = people.list.len();
        people.collect_from(tokens, 0, headline, true);
        // In the order of the text: the headline's people come first.
        let added = people.list.len() - body;
        people.list.rotate_right(added);
        people
    }

    /// Add the name runs among `tokens[from..to]`; with `new_only`, only new surnames.
    /// A headline's run: a full name the body gives too is the one the story is about, and
    /// goes first among those of its surname ("Tomas Lind: ..." over a Vera Lind named
    /// earlier in the body). True when the body already gives the surname in full, so the run
    /// adds no one (a bare surname, "Ms Varga", still takes the headline's full name).
    fn headline_run(&mut self, tokens: &[Token], run: &NameRun) -> bool {
        if run.words.len() >= 2 {
            let name = run_text(tokens, run);
            if super::names::has_given_name(&name) {
                if let Some(k) = self.list.iter().position(|p| p.name == name) {
                    let p = self.list.remove(k);
                    self.list.insert(0, p);
                }
            }
        }
        let surname = base(&tokens[surname_word(tokens, &run.words)]);
        self.list
            .iter()
            .any(|p| p.surname == surname && p.name.contains(' '))
    }

    fn collect_from(&mut self, tokens: &[Token], from: usize, to: usize, new_only: bool) {
        let mut i = from;
        while i < to {
            let t = &tokens[i];
            if t.quote.is_some() || !t.word || !t.cap {
                i += 1;
                continue;
            }
            let Some(run) = name_at(tokens, i) else {
                i += 1;
                continue;
            };
            let next = run.words.last().copied().unwrap_or(i) + 1;
            if new_only && self.headline_run(tokens, &run) {
                i = next.max(i + 1);
                continue;
            }
            if run.words.len() >= 2 || run.title.is_some() {
                let role = role_before(tokens, i).or_else(|| role_inside(tokens, i, &run));
                self.add(tokens, &run, role);
            }
            i = next.max(i + 1);
        }
    }

    fn add(&mut self, tokens: &[Token], run: &NameRun, role: Option<String>) {
        // "former Secretary" with nothing after it is a role, not a name.
        if run.words.len() == 1 && TITLES.contains(&base(&tokens[run.words[0]])) {
            return;
        }
        // A run of five capitalised words or more: a role and a name ("Senate Harbour
        // Ranking Democrat Dora Fenn" is Dora Fenn), or a headline ("Brave Harbour Widow
        // Corners Lind", a verb before the last word), which is no one.
        let short;
        let run = if run.words.len() > MAX_NAME_WORDS {
            let tail = &run.words[run.words.len() - 2..];
            let verb =
                tokens[tail[0]].lower.ends_with('s') && !tokens[tail[0]].lower.ends_with("'s");
            let shouted = tail.iter().any(|&w| {
                let t = &tokens[w].text;
                t.chars().count() > 1 && !t.chars().any(char::is_lowercase)
            });
            let pair = format!("{} {}", tokens[tail[0]].text, tokens[tail[1]].text);
            if verb || shouted || !super::names::looks_personal(&pair) {
                return;
            }
            short = NameRun {
                words: tail.to_vec(),
                title: None,
                role: None,
            };
            &short
        } else {
            run
        };
        let name = run_text(tokens, run);
        // "Pope Anselm", "Prince Rashid": a sovereign's title stays with a single name.
        let name = match run.title.as_deref() {
            Some(t @ ("pope" | "king" | "queen" | "prince" | "princess" | "sheikh"))
                if run.words.len() == 1 =>
            {
                let mut title = t.to_string();
                title[..1].make_ascii_uppercase();
                format!("{title} {name}")
            }
            _ => name,
        };
        let surname = base(&tokens[surname_word(tokens, &run.words)]);
        let gender = match run.title.as_deref() {
            Some(t) if FEMALE_TITLES.contains(&t) => 'f',
            Some(t) if MALE_TITLES.contains(&t) => 'm',
            _ if run.words.len() >= 2 => super::names::gender_of(&tokens[run.words[0]].text),
            _ => '?',
        };
        // A full name given with a title or a role shows where the name starts: an entry whose
        // name ends with it, from a run with more capitalised words before it ("Harbour Rival
        // Mira Solberg:" in a headline, then "Dr. Mira Solberg"), is that person, and the
        // words before are a role.
        if run.words.len() >= 2 && (run.title.is_some() || role.is_some()) {
            let longer = self.list.iter_mut().find(|p| {
                p.surname == surname
                    && p.name.len() > name.len()
                    && p.name.ends_with(&name)
                    && p.name[..p.name.len() - name.len()].ends_with(' ')
            });
            if let Some(p) = longer {
                let before = p.name[..p.name.len() - name.len()].trim_end().to_string();
                p.role = role.or(p.role.take()).or(Some(before));
                p.name = name;
                p.titled = true;
                if p.gender == '?' {
                    p.gender = gender;
                }
                return;
            }
        }
        // One surname may name two people ("Harold Penwick", "Clara Penwick"): a full name with
        // another first name is someone else.
        let first = (run.words.len() >= 2).then(|| tokens[run.words[0]].lower.clone());
        // "Mr. Varga ... the first lady, Ana Varga" or "his wife, Ana Varga": a full name of
        // the other sex, or one introduced as a relative, is not the bare surname's person.
        let relative = first.is_some() && kin_before(tokens, run.words[0]);
        let same = |p: &Person| {
            p.surname == surname
                && match (&first, p.name.contains(' ')) {
                    (Some(f), true) => p.name.lowercase().starts_with(f.as_str()),
                    (Some(_), false) => {
                        !relative && (p.gender == '?' || gender == '?' || p.gender == gender)
                    }
                    _ => true,
                }
        };
        if let Some(p) = self.list.iter_mut().find(|p| same(p)) {
            if p.gender == '?' {
                p.gender = gender;
            }
            p.titled |= run.title.is_some() || role.is_some();
            if p.role.is_none() {
                p.role = role;
            }
            if run.words.len() >= 2 && !p.name.contains(' ') {
                p.name = name;
            }
            return;
        }
        // "Mr Velikov" before any full name is remembered by the surname alone.
        self.list.push(Person {
            name,
            surname: surname.to_string(),
            titled: run.title.is_some() || role.is_some(),
            role,
            gender,
            first_seen: tokens[run.words[0]].start,
        });
    }

    /// The person a name mention (one or more words) refers to.
    pub fn find(&self, mention: &str) -> Option<&Person> {
        let last = surname_of(mention)?.lowercase();
        let last = last.strip_suffix("'s").unwrap_or(&last).replace('’', "'");
        let last = last.strip_suffix("'s").unwrap_or(&last).to_string();
        let first = mention.split_whitespace().next().map(Lowercase::lowercase);
        let mut same = self.list.iter().filter(|p| p.surname == last);
        if mention.split_whitespace().count() >= 2 {
            // A full name: the person with that first name, else the first of the surname.
            let all: Vec<&Person> = same.collect();
            return all
                .iter()
                .find(|p| {
                    first
                        .as_ref()
                        .is_some_and(|f| p.name.lowercase().starts_with(f.as_str()))
                })
                .or(all.first())
                .copied();
        }
        same.next()
    }

    /// Note that a person was referred to as "he" or "she".
    pub fn set_gender(&mut self, name: &str, gender: char) {
        if let Some(p) = self.list.iter_mut().find(|p| p.name == name) {
            if p.gender == '?' {
                p.gender = gender;
            }
        }
    }

    /// Whether an entry is a person rather than an organisation, a place or an event.
    pub fn is_person(&self, name: &str) -> bool {
        self.list.iter().find(|p| p.name == name).is_some_and(|p| {
            !super::names::is_not_person(&p.name)
                && (p.titled
                    || p.gender != '?'
                    || super::names::has_given_name(&p.name)
                    || super::names::looks_personal(&p.name))
        })
    }

    /// A person's gender, if known.
    pub fn gender(&self, name: &str) -> char {
        self.list
            .iter()
            .find(|p| p.name == name)
            .map_or('?', |p| p.gender)
    }
}

/// Most words of a person's name (particles such as "de" are not name words).
const MAX_NAME_WORDS: usize = 4;

/// Most role words a name run may open with.
const ROLE_INSIDE_WORDS: usize = 4;

/// Role words the name run starting at `i` opens with, before its first name word ("Treasury
/// Secretary Piet Holt"), ending in a title or role noun other than a courtesy title ("Mr.").
fn role_inside(tokens: &[Token], i: usize, run: &NameRun) -> Option<String> {
    let words: Vec<&Token> = tokens[i..*run.words.first()?]
        .iter()
        .filter(|t| t.word)
        .collect();
    let office = |t: &Token| TITLES.contains(&base(t)) || ROLE_NOUNS.contains(&base(t));
    // Not a run of capitals ("BLAST IN BRILL Ardish President Ilse Varga"): a headline.
    let shouted =
        |t: &&Token| t.text.chars().count() > 3 && !t.text.chars().any(char::is_lowercase);
    (words.len() <= ROLE_INSIDE_WORDS
        && words
            .last()
            .is_some_and(|t| office(t) && !COURTESY.contains(&base(t)))
        && !words.iter().any(shouted))
    .then(|| {
        words
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Role words just before a name, within its phrase: "Palace spokesperson", "Ardmoor's
/// president", "Retired Lt. Gen.".
fn role_before(tokens: &[Token], i: usize) -> Option<String> {
    let mut j = i;
    let mut words = Vec::new();
    let mut has_role = false;
    // Titles at the name's start are part of the role too.
    let mut k = i;
    while k < tokens.len() && tokens[k].word && TITLES.contains(&base(&tokens[k])) {
        // A courtesy title says nothing of a role.
        if COURTESY.contains(&base(&tokens[k])) {
            k += 1;
            if tokens.get(k).is_some_and(|t| t.text == ".") {
                k += 1;
            }
            continue;
        }
        words.push(tokens[k].text.clone());
        has_role = true;
        k += 1;
        if tokens.get(k).is_some_and(|t| t.text == ".") {
            k += 1;
        }
    }
    let mut before = Vec::new();
    // Lower-case words belong to the role only before a role noun of their own ("foreign
    // ministry spokeswoman"), not before a title ("... referred to Sen. Andric").
    let mut noun_before = false;
    while j > 0 && before.len() < 5 {
        let t = &tokens[j - 1];
        if !t.word || t.sentence != tokens[i].sentence || t.quote.is_some() {
            break;
        }
        if ROLE_NOUNS.contains(&base(t)) {
            has_role = true;
            noun_before = true;
        } else if !t.cap
            && (!noun_before
                || matches!(
                    t.lower.as_str(),
                    "the" | "a" | "an" | "and" | "said" | "says"
                ))
        {
            break;
        }
        before.push(t.text.clone());
        j -= 1;
    }
    if !has_role {
        return None;
    }
    before.reverse();
    before.extend(words);
    // Drop a leading article or sentence opener.
    while before.first().is_some_and(|w| {
        NOT_NAMES.contains(&w.lowercase().as_str()) && !TITLES.contains(&w.lowercase().as_str())
    }) {
        before.remove(0);
    }
    (!before.is_empty()).then(|| before.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::{marks, words};

    fn people(text: &str) -> People {
        let chars: Vec<char> = text.chars().collect();
        let spans = marks::spans(&chars);
        People::collect(&words::tokens(&chars, &spans))
    }

    #[test]
    fn names_roles_and_titles() {
        let p = people(
            "Foreign ministry spokeswoman Liesl Varga said talks went on. Ms Varga added more. \
             President Tomas Andric met Seland's fisheries minister, Piotr Halvorsen.",
        );
        let varga = p.find("Ms Varga").unwrap();
        assert_eq!(varga.name, "Liesl Varga");
        assert_eq!(varga.role.as_deref(), Some("Foreign ministry spokeswoman"));
        assert_eq!(varga.gender, 'f');
        let andric = p.find("Andric").unwrap();
        assert_eq!(andric.name, "Tomas Andric");
        assert_eq!(andric.role.as_deref(), Some("President"));
        assert_eq!(p.find("Halvorsen").unwrap().name, "Piotr Halvorsen");
    }

    #[test]
    fn long_runs_are_a_role_and_a_name_or_a_headline() {
        let p = people(
            "Brave Harbour Widow Corners Lind\n\
             Senate Harbour Ranking Democrat Dora Fenn spoke first. Then Lind spoke.",
        );
        assert_eq!(p.find("Fenn").unwrap().name, "Dora Fenn");
        assert!(
            p.list.iter().all(|x| !x.name.contains("Corners")),
            "{:?}",
            p.list
        );
    }

    #[test]
    fn a_titled_full_name_trims_a_longer_run_to_the_name() {
        let p = people(
            "Pier Rival Mira Solberg: Cut the Fees\n\
             Former councillor Dr. Mira Solberg spoke first. Dr. Solberg left.",
        );
        let solberg = p.find("Solberg").unwrap();
        assert_eq!(solberg.name, "Mira Solberg");
        assert_eq!(solberg.role.as_deref(), Some("Former councillor Dr"));
        // Without a title or role too, when the headline's run is the one that is longer.
        let p = people("Pier Rival Mira Solberg: Cut the Fees\nMira Solberg spoke first.");
        assert_eq!(p.find("Solberg").unwrap().name, "Mira Solberg");
    }

    #[test]
    fn words_before_a_title_are_no_role() {
        let p = people("The harbour chief had derisively referred to Sen. Tomas Andric twice.");
        assert_eq!(p.find("Andric").unwrap().role.as_deref(), Some("Sen"));
    }

    #[test]
    fn roles_that_open_a_name_run() {
        let p = people("A statement came from Treasury Secretary Piet R. Holt on Monday.");
        assert_eq!(
            p.find("Holt").unwrap().role.as_deref(),
            Some("Treasury Secretary")
        );
        // A headline in capitals before a name is no role; a courtesy title alone neither.
        let p = people("ANGRY CROWD GREETS PRESIDENT Ilse Varga at the gate. Mr. Dunn spoke.");
        assert_eq!(p.find("Varga").unwrap().role, None);
        assert_eq!(p.find("Dunn").unwrap().role, None);
    }

    #[test]
    fn particles_and_initials_stay_in_names() {
        let p = people("Officials met Anna van der Berg and Harold J. Penwick on Monday.");
        assert_eq!(p.find("Berg").unwrap().name, "Anna van der Berg");
        assert_eq!(p.find("Penwick").unwrap().name, "Harold J. Penwick");
    }
}
