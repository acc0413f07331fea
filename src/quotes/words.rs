//! Words and sentences of an article, with their character offsets and whether they stand
//! inside a quotation.

use crate::lowercase::Lowercase;
use crate::word_set;
use crate::wordset::WordSet;

use super::marks::Span;

/// One word or punctuation mark.
#[derive(Debug, Clone)]
pub struct Token {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// Lower-case text, with curly apostrophes made straight.
    pub lower: String,
    /// Starts with a capital letter.
    pub cap: bool,
    /// A word (letters or digits) rather than punctuation.
    pub word: bool,
    /// Index of the quoted span the token stands in, if any.
    pub quote: Option<usize>,
    /// Index of the sentence (outside quotes; a quote belongs to the sentence it stands in).
    pub sentence: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// A capitalised word only because it opens a sentence: the article also writes it in
    /// lower case ("Ever since ..."), or capitalises it nowhere else ("Legal experts ...").
    pub common: bool,
}

/// Abbreviations after which a full stop does not end a sentence.
static ABBREVIATIONS: WordSet = word_set![
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "lt", "gen", "col", "sgt", "st", "jr", "sr",
    "prof", "rev", "no", "inc", "co", "corp", "vs", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec", "capt", "maj", "adm", "cmdr", "supt", "insp", "mt", "ft", "u.s", "d.c", "a.m", "p.m",
    "del",
];

/// Split an article into tokens. `spans` are its quotations, in order.
pub fn tokens(text: &[char], spans: &[Span]) -> Vec<Token> {
    // Which span (if any) covers each character, marks included.
    let mut inside: Vec<Option<usize>> = vec![None; text.len()];
    for (k, s) in spans.iter().enumerate() {
        let to = s.after.min(text.len());
        for slot in &mut inside[s.open..to] {
            *slot = Some(k);
        }
    }
    let mut out: Vec<Token> = Vec::new();
    let mut sentence = 0;
    let mut paragraph = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == '\n' {
            if out.last().is_some_and(|t| t.paragraph == paragraph) {
                paragraph += 1;
                sentence += 1;
            }
            i += 1;
            continue;
        }
        // A soft hyphen or a zero-width space before a word ("Ilse \u{ad}Marrow") is nothing.
        if c.is_whitespace()
            || matches!(
                c,
                '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
            )
        {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            i += 1;
            while i < text.len() {
                let d = text[i];
                let next_alnum = text.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                // "250,000" is one word.
                let digits = d == ','
                    && text[i - 1].is_ascii_digit()
                    && text.get(i + 1).is_some_and(char::is_ascii_digit);
                if d.is_alphanumeric()
                    || digits
                    || inside_word(d, next_alnum)
                    || (matches!(d, '\'' | '’' | '-' | '.' | '&')
                        && next_alnum
                        && !is_quote_mark_at(text, i, spans))
                {
                    i += 1;
                } else {
                    break;
                }
            }
        } else {
            i += 1;
            // "--" (or "---") standing for a dash is one token.
            if c == '-' {
                while text.get(i) == Some(&'-') {
                    i += 1;
                }
            }
        }
        let word: String = text[start..i].iter().collect();
        let lower = word.lowercase().replace('’', "'");
        let is_word = c.is_alphanumeric();
        let quote = inside[start];
        // A sentence ends at . ? ! outside quotes, unless after an abbreviation or an initial.
        // A partial quote ending with a full stop ends its sentence, whatever follows
        // ("called him a “liar.” Ms Kline said ..."); a whole quote may still be attributed
        // after it ("... over.” Mr Holt said").
        // The last token of a closing mark (the second ' of '') ends the sentence; the
        // character before the mark is the quote's last.
        let closing = quote.and_then(|k| spans[k].close.filter(|_| spans[k].after == i));
        let last_mark = text[..closing.unwrap_or(start)]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace());
        let partial = || {
            out.iter()
                .rev()
                .take_while(|t| t.sentence == sentence)
                .any(|t| t.word && t.quote.is_none())
        };
        let closes_sentence = closing.is_some()
            && last_mark.is_some_and(|c| ".?!".contains(*c))
            && next_starts_sentence(text, i)
            && (!cue_follows(text, i) || (last_mark == Some(&'.') && partial()));
        let ends = closes_sentence
            || quote.is_none()
                && matches!(c, '.' | '?' | '!')
                && (!out.last().is_some_and(|t: &Token| {
                    t.word
                        && (ABBREVIATIONS.contains(&t.lower.as_str())
                            || (t.text.len() == 1 && t.cap)
                            || super::people::is_initials(&t.text))
                }) || place_abbreviation_ends(&out, text, i))
                && next_starts_sentence(text, i)
            // "(Just look at the choice.) But ...": a sentence ending inside brackets ends with them.
            || quote.is_none()
                && c == ')'
                && out
                    .last()
                    .is_some_and(|t: &Token| t.quote.is_none() && matches!(t.text.as_str(), "." | "?" | "!"))
                && next_starts_sentence(text, i);
        out.push(Token {
            start,
            end: i,
            cap: c.is_uppercase(),
            text: word,
            lower,
            word: is_word,
            quote,
            sentence,
            paragraph,
            common: false,
        });
        if ends {
            sentence += 1;
        }
    }
    mark_common(&mut out);
    out
}

/// English words common in any English prose, and rare in other languages' prose.
static ENGLISH: WordSet = word_set![
    "the", "and", "of", "to", "that", "said", "says", "with", "was", "is", "he", "she", "his",
    "her", "for",
];

/// Fewest words an article needs before its language is judged; a shorter text is taken as
/// English.
const LANGUAGE_WORDS: usize = 60;

/// Whether the words read as English: at least one in 25 is one of [`ENGLISH`] (English news
/// has one in ten or more; German, French or Spanish text one in a hundred or fewer).
pub fn english(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.word);
    let (all, common) = words.fold((0, 0), |(a, c), t| {
        (a + 1, c + usize::from(ENGLISH.contains(&t.lower.as_str())))
    });
    all < LANGUAGE_WORDS || common * 25 >= all
}

/// Small words that a headline in Title Case capitalises.
static TITLE_CASE_WORDS: WordSet = word_set![
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with", "is",
    "are", "was", "were", "be", "as", "after", "over", "from", "into", "not", "no", "his", "her",
    "their", "its", "it", "he", "she", "they", "we", "that", "this", "will", "would", "can",
    "could", "has", "have", "had", "about", "against", "amid", "why", "how", "what",
];

/// Flag capitalised sentence openers that the article also writes in lower case, and the
/// capitalised small words and verbs of a headline in Title Case ("Varga Says Lind Is ..."),
/// so that names stop at them.
fn mark_common(tokens: &mut [Token]) {
    let mut title_case = vec![false; tokens.last().map_or(0, |t| t.sentence + 1)];
    for sentence in tokens.chunk_by_mut(|a, b| a.sentence == b.sentence) {
        let words = || sentence.iter().filter(|t| t.word && t.quote.is_none());
        let (count, caps) = (words().count(), words().filter(|t| t.cap).count());
        if count < 5 || caps * 10 < count * 8 {
            continue;
        }
        title_case[sentence[0].sentence] = true;
        for t in sentence.iter_mut().filter(|t| t.word && t.quote.is_none()) {
            let l = t.lower.as_str();
            if TITLE_CASE_WORDS.contains(&l) || super::speakers::CUE_VERBS.contains(&l) {
                t.common = true;
            }
        }
    }
    mark_openers(tokens, &title_case);
    mark_datelines(tokens);
}

/// Flag a dateline opening a paragraph ("BRILL —", "CARROWBY, March 3 (Wire) —"): a
/// place in capitals, never a speaker.
fn mark_datelines(tokens: &mut [Token]) {
    for para in tokens.chunk_by_mut(|a, b| a.paragraph == b.paragraph) {
        let caps = para
            .iter()
            .take_while(|t| t.word && t.text.chars().all(|c| !c.is_lowercase()))
            .count();
        let capital_place = para[..caps].iter().any(|t| t.text.len() >= 3);
        let mark = para
            .get(caps)
            .is_some_and(|t| matches!(t.text.as_ref(), "," | "—" | "–" | "-" | "("));
        if capital_place && mark {
            for t in &mut para[..caps] {
                t.common = true;
            }
        }
    }
}

/// Flag capitalised sentence openers that the article also writes in lower case, and such
/// words anywhere in a sentence in Title Case ("Meaningful Exchange Happened Between ...").
fn mark_openers(tokens: &mut [Token], title_case: &[bool]) {
    let lower: rustc_hash::FxHashSet<&str> = tokens
        .iter()
        .filter(|t| t.word && !t.cap)
        .map(|t| t.lower.as_str())
        .collect();
    // Words the article capitalises after a sentence's or a quotation's first word: names.
    let mut inside = rustc_hash::FxHashSet::default();
    let mut prev: Option<&Token> = None;
    for t in tokens.iter().filter(|t| t.word) {
        let first = prev
            .is_none_or(|p| p.sentence != t.sentence || (t.quote.is_some() && p.quote != t.quote));
        if t.cap && !first {
            inside.insert(super::people::base(t));
        }
        prev = Some(t);
    }
    let mut openers = Vec::new();
    let mut last_sentence = usize::MAX;
    for (k, t) in tokens.iter().enumerate() {
        if !t.word {
            continue;
        }
        let opens = t.sentence != last_sentence;
        last_sentence = t.sentence;
        // "Mark Tollan" keeps its first name: a capital word after it makes a name.
        let name_follows = tokens.get(k + 1).is_some_and(|n| n.word && n.cap);
        if opens && ((name_follows && inverted_verb(tokens, k)) || lone(tokens, k, &inside)) {
            openers.push(k);
            continue;
        }
        // Titles, roles and the heads of organisations stay in names ("Harbour League Secretary
        // General Jens Ravnholt", "Harbour Party Chairman Oskar Lind").
        let titled = title_case.get(t.sentence).copied().unwrap_or(false)
            && t.quote.is_none()
            && !super::people::TITLES.contains(&t.lower.as_str())
            && !super::people::is_role_noun(t)
            && !super::names::is_not_person(&t.lower);
        if t.cap && (titled || (opens && !name_follows)) && lower.contains(t.lower.as_str()) {
            openers.push(k);
        }
    }
    for k in openers {
        tokens[k].common = true;
    }
}

/// `Said Orrin: “...”`, `Added Lind, “...”`: a verb of saying opening the sentence at `k`, a
/// name after it and the quote after that, so the verb is no given name.
fn inverted_verb(tokens: &[Token], k: usize) -> bool {
    let end = (k + 1..tokens.len()).find(|&n| !(tokens[n].word && tokens[n].cap));
    super::speakers::CUE_VERBS.contains(&tokens[k].lower.as_str())
        && end.is_some_and(|e| {
            tokens[e].text == ":"
                || (tokens[e].text == "," && tokens.get(e + 1).is_some_and(|q| q.quote.is_some()))
        })
}

/// "Late that night", "Legal scholars doubt": a word opening the sentence at `k` that the
/// article capitalises nowhere `inside` a sentence is no name either (but "NATO", "McKee" and
/// "Tolk (R-Kel.)" may be). A word before a name in the next few ("Libertarian presidential
/// candidate Ana Holt") is left to the name's own rules, as are titles and roles.
fn lone(tokens: &[Token], k: usize, inside: &rustc_hash::FxHashSet<&str>) -> bool {
    let t = &tokens[k];
    t.cap
        && t.text.chars().skip(1).all(char::is_lowercase)
        && tokens.get(k + 1).is_some_and(|n| n.text != "(")
        && !inside.contains(super::people::base(t))
        && !super::people::TITLES.contains(&t.lower.as_str())
        && !super::people::is_role_noun(t)
        && !tokens[k + 1..]
            .iter()
            .filter(|n| n.word)
            .take(4)
            .any(|n| n.cap && n.sentence == t.sentence)
}

fn is_quote_mark_at(text: &[char], i: usize, spans: &[Span]) -> bool {
    // Spans come in order without overlapping: only the last one opening at or before `i` can
    // have a mark there (found by bisection, so a long article costs no more per character).
    let k = spans.partition_point(|s| s.open <= i);
    k > 0 && (spans[k - 1].open == i || spans[k - 1].close == Some(i)) && text[i] != '-'
}

/// "... in Washington D.C. He recalled", "... in Dover, Del. The": an abbreviation of a place
/// ends its sentence when a pronoun or an article follows.
fn place_abbreviation_ends(out: &[Token], text: &[char], i: usize) -> bool {
    let place = out.last().is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "u.s" | "d.c" | "u.k" | "u.n" | "inc" | "co" | "corp" | "del"
        )
    });
    if !place {
        return false;
    }
    let rest: String = text[i..text.len().min(i + 12)].iter().collect();
    let next = rest.split_whitespace().next().unwrap_or("");
    matches!(
        next,
        "He" | "She" | "They" | "It" | "We" | "I" | "The" | "But" | "And" | "In"
    )
}

/// Whether a cue verb comes within the next five words ("... over.” Mr Holt said"), after a
/// name and its appositive ("... over.” Ada Quill, R-Pa., said"), or a name and a verb in the
/// past tense ("... million?” Brekke pressed").
fn cue_follows(text: &[char], i: usize) -> bool {
    let rest: String = text[i..text.len().min(i + 160)].iter().collect();
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    words
        .iter()
        .any(|w| super::speakers::CUE_VERBS.contains(&w.lowercase().as_str()))
        || appositive_cue(rest.split('\n').next().unwrap_or(""))
        || words.windows(2).take(2).any(|p| {
            p[0].chars().next().is_some_and(char::is_uppercase)
                && p[1].len() > 3
                && p[1].ends_with("ed")
                && p[1].chars().all(char::is_lowercase)
        })
}

/// Most words of a name before an appositive, and of the appositive itself.
const NAME_WORDS: usize = 5;
const APPOSITIVE_WORDS: usize = 12;

/// `“Perpetual motion!” Rep. Ada Quill, R-Pa., said`: a capitalised name, an appositive
/// between commas, then a verb that only reports speech.
fn appositive_cue(rest: &str) -> bool {
    let mut parts = rest.splitn(3, ',');
    let (Some(name), Some(appositive), Some(after)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let name: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let count = appositive.split_whitespace().count();
    !name.is_empty()
        && name.len() <= NAME_WORDS
        && name.iter().all(capitalised)
        && (1..=APPOSITIVE_WORDS).contains(&count)
        && !appositive.contains(['“', '”', '"'])
        && after
            .split_whitespace()
            .next()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).lowercase())
            .is_some_and(|w| super::speakers::SAYING.contains(&w.as_str()))
}

/// A character that goes on a word though it is no letter: a combining mark ("Franc\u{327}ois"
/// written decomposed), and the debris of text decoded twice (a C1 control, or a Latin-1
/// sign between letters: "FranÃ\u{83}Â§ois").
fn inside_word(c: char, letter_next: bool) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}' | '\u{80}'..='\u{9f}')
        || (letter_next && matches!(c, '\u{a2}'..='\u{be}') && !matches!(c, '«' | '»'))
}

/// Whether the next word after `i` could start a sentence (a capital, a digit or a quote mark).
fn next_starts_sentence(text: &[char], mut i: usize) -> bool {
    while i < text.len() && text[i] != '\n' && text[i].is_whitespace() {
        i += 1;
    }
    match text.get(i) {
        None | Some('\n') => true,
        Some(&c) => c.is_uppercase() || c.is_ascii_digit() || "“\"‘'«„(".contains(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::spans;

    #[test]
    fn a_double_hyphen_is_one_dash_token() {
        let chars: Vec<char> = "Lind -- and then - a well-known -- Dunn---"
            .chars()
            .collect();
        let t = tokens(&chars, &spans(&chars));
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Lind",
                "--",
                "and",
                "then",
                "-",
                "a",
                "well-known",
                "--",
                "Dunn",
                "---"
            ]
        );
    }

    #[test]
    fn words_sentences_and_quotes() {
        let text: Vec<char> = "Mr. Holt said “it is over. We go.” Then he left.\nNext one."
            .chars()
            .collect();
        let s = spans(&text);
        let t = tokens(&text, &s);
        let words: Vec<&str> = t
            .iter()
            .filter(|t| t.word)
            .map(|t| t.text.as_ref())
            .collect();
        assert_eq!(
            words,
            [
                "Mr", "Holt", "said", "it", "is", "over", "We", "go", "Then", "he", "left", "Next",
                "one"
            ]
        );
        let by = |w: &str| t.iter().find(|t| t.text == w).unwrap();
        assert_eq!(by("Holt").sentence, by("go").sentence);
        assert_eq!(by("go").quote, Some(0));
        assert_eq!(by("Then").sentence, by("Holt").sentence + 1);
        assert_eq!(by("Next").paragraph, 1);
        assert!(by("Next").sentence > by("left").sentence);
    }

    /// The sentence number of each word of a text without quotes, by the word.
    fn sentence_of(text: &str) -> impl Fn(&str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        let t = tokens(&chars, &[]);
        move |w| t.iter().find(|t| t.text == w).unwrap().sentence
    }

    #[test]
    fn del_is_a_title_before_a_name_and_a_state_before_a_sentence() {
        let sentence = sentence_of("The board heard Del. Ana Voss in Dover, Del. The ferry left.");
        assert_eq!(sentence("board"), sentence("Ana"));
        assert_ne!(sentence("Dover"), sentence("ferry"));
    }

    #[test]
    fn a_sentence_in_brackets_ends_with_them() {
        let sentence = sentence_of("Dunn spoke. (Look at the fund.) But, as Dunn said, it fails.");
        assert_ne!(sentence("fund"), sentence("But"));
        assert_eq!(sentence(")"), sentence("fund"));
        // Brackets inside a sentence do not end it.
        let sentence = sentence_of("Dunn (a former aide) said it fails.");
        assert_eq!(sentence("aide"), sentence("said"));
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_words() {
        let text: Vec<char> = "Kelvarra’s well-known U.S. fleet".chars().collect();
        let t = tokens(&text, &[]);
        let words: Vec<&str> = t
            .iter()
            .filter(|t| t.word)
            .map(|t| t.text.as_ref())
            .collect();
        assert_eq!(words, ["Kelvarra’s", "well-known", "U.S", "fleet"]);
    }

    #[test]
    fn english_is_told_from_other_languages() {
        let read = |t: &str| {
            let chars: Vec<char> = t.chars().collect();
            english(&tokens(&chars, &spans(&chars)))
        };
        let prose = "The harbour board said on Monday that the pier would stay open for the \
            winter, and the mayor told reporters she was glad. "
            .repeat(4);
        let german = "Die Stadt will den alten Hafen im Winter schließen, und viele Fischer \
            sind darüber verärgert, weil niemand sie gefragt hat. "
            .repeat(4);
        assert!(read(&prose) && !read(&german));
        // A short text is taken as English.
        assert!(read("Die Stadt will den Hafen schließen."));
    }
}
