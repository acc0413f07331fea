//! Fast lookup into the rule tables: phrases and class-word rules indexed by their first word,
//! built once, so each element costs a few hash lookups instead of a scan of every rule.

use crate::rules::{Fit, PhraseRule, WordRule, PHRASE_RULES, WORD_RULES};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// The rule tables, indexed.
pub struct Index {
    /// `Within` and `Addressed` phrase rules by their first word.
    phrases: HashMap<&'static str, Vec<&'static PhraseRule>>,
    /// Phrase rules in scripts written without spaces, searched for anywhere.
    unspaced: Vec<&'static PhraseRule>,
    /// The lowest first byte of those phrases.
    unspaced_lead: u8,
    /// `Whole` and `Counted` phrase rules by their text.
    whole: HashMap<&'static str, Vec<&'static PhraseRule>>,
    /// The longest of those texts, in bytes.
    whole_max: usize,
    /// The first two bytes of the first words of `phrases` (the second 0 for a one-byte
    /// word), as bits: most words of a text are passed over without a hash lookup.
    first_pairs: Vec<u64>,
    /// Word rules by their first word, when it is matched exactly.
    words: HashMap<&'static str, Vec<&'static WordRule>>,
    /// Word rules whose first word is a prefix (`donate*`), with that prefix, by the
    /// prefix's first byte (an empty prefix under every byte).
    prefixed: Vec<Vec<(&'static str, &'static WordRule)>>,
}

/// Where the scripts written without spaces between words (CJK) begin.
const UNSPACED_SCRIPTS: u32 = 0x2E80;

/// The index, built on first use.
pub fn get() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut phrases: HashMap<&'static str, Vec<&'static PhraseRule>> = HashMap::default();
        let mut whole: HashMap<&'static str, Vec<&'static PhraseRule>> = HashMap::default();
        let mut unspaced = Vec::new();
        for r in PHRASE_RULES {
            if matches!(r.fit, Fit::Whole | Fit::Counted) {
                whole.entry(r.phrase).or_default().push(r);
            } else if r.phrase.chars().any(|c| c as u32 >= UNSPACED_SCRIPTS) {
                unspaced.push(r);
            } else {
                let first = r.phrase.split(' ').next().unwrap_or(r.phrase);
                phrases.entry(first).or_default().push(r);
            }
        }
        let mut words: HashMap<&'static str, Vec<&'static WordRule>> = HashMap::default();
        let mut prefixed = vec![Vec::new(); 256];
        for r in WORD_RULES {
            if let Some(w) = r.words.first() {
                match w.strip_suffix('*') {
                    Some(prefix) => match prefix.bytes().next() {
                        Some(b) => prefixed[b as usize].push((prefix, r)),
                        None => prefixed.iter_mut().for_each(|p| p.push((prefix, r))),
                    },
                    None => words.entry(*w).or_default().push(r),
                }
            }
        }
        let whole_max = whole.keys().map(|k| k.len()).max().unwrap_or(0);
        let mut first_pairs = vec![0u64; 1 << 10];
        for first in phrases.keys() {
            let pair = pair_of(first);
            first_pairs[pair >> 6] |= 1 << (pair & 63);
        }
        let unspaced_lead = unspaced
            .iter()
            .filter_map(|r| r.phrase.bytes().next())
            .min()
            .unwrap_or(u8::MAX);
        Index {
            phrases,
            unspaced,
            unspaced_lead,
            whole,
            whole_max,
            first_pairs,
            words,
            prefixed,
        }
    })
}

/// A word's first two bytes as a number below 2^16 (the second 0 when it has one byte).
fn pair_of(word: &str) -> usize {
    let b = word.as_bytes();
    (usize::from(b.first().copied().unwrap_or(0)) << 8)
        | usize::from(b.get(1).copied().unwrap_or(0))
}

/// Characters trimmed off a word of text before it is looked up.
fn trim(word: &str) -> &str {
    // Most words start and end with an ASCII letter or digit: nothing to trim.
    let kept = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-');
    let b = word.as_bytes();
    if b.first().is_some_and(kept) && b.last().is_some_and(kept) {
        return word;
    }
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
}

impl Index {
    /// `Whole` and `Counted` rules whose phrase is exactly `bare`.
    pub fn whole(&self, bare: &str) -> &[&'static PhraseRule] {
        self.whole.get(bare).map_or(&[], Vec::as_slice)
    }

    /// The longest phrase of a `Whole` or `Counted` rule, in bytes: a longer text is none.
    pub fn whole_max(&self) -> usize {
        self.whole_max
    }

    /// Whether some `Within` or `Addressed` phrase may start with `word` (false: none does).
    fn may_start(&self, word: &str) -> bool {
        let pair = pair_of(word);
        self.first_pairs[pair >> 6] & (1 << (pair & 63)) != 0
    }

    /// `Within` and `Addressed` rules that occur in `text` (lower-case, single spaces), each
    /// with the byte offset of an occurrence.
    pub fn phrases_in<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (&'static PhraseRule, usize)> + 't {
        // Each word, trimmed, with its byte offset in `text` (a trimmed word is a slice of it).
        let base = text.as_ptr() as usize;
        let starts = text
            .split(' ')
            .map(trim)
            .map(move |t| (t.as_ptr() as usize - base, t));
        let spaced = starts.flat_map(move |(at, t)| {
            self.may_start(t)
                .then(|| self.phrases.get(t))
                .flatten()
                .into_iter()
                .flatten()
                .filter(move |r| text[at..].starts_with(r.phrase))
                .map(move |r| (*r, at))
        });
        // A text without a byte as high as any of their first bytes (most texts) holds none.
        let wide = text.bytes().any(|b| b >= self.unspaced_lead);
        let unspaced = self
            .unspaced
            .iter()
            .filter(move |_| wide)
            .filter_map(move |r| text.find(r.phrase).map(|at| (*r, at)));
        spaced.chain(unspaced)
    }

    /// Word rules matching the words of one class name or id.
    pub fn word_rule(&self, words: &[Cow<str>]) -> Option<&'static WordRule> {
        for (k, w) in words.iter().enumerate() {
            if let Some(rules) = self.words.get(w.as_ref()) {
                if let Some(r) = rules.iter().find(|r| matches_at(words, k, r.words)) {
                    return Some(r);
                }
            }
        }
        words.iter().enumerate().find_map(|(k, w)| {
            let first = w.bytes().next()?;
            self.prefixed[first as usize]
                .iter()
                .find(|(prefix, r)| w.starts_with(prefix) && matches_at(words, k, r.words))
                .map(|&(_, r)| r)
        })
    }
}

/// Whether the rule's words stand at `k` in `words`.
fn matches_at(words: &[Cow<str>], k: usize, rule: &[&str]) -> bool {
    rule.len() <= words.len() - k
        && words[k..]
            .iter()
            .zip(rule)
            .all(|(w, r)| match r.strip_suffix('*') {
                Some(prefix) => w.starts_with(prefix),
                None => w == r,
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::split_words;

    /// Whether the rule's words stand, adjacent and in order, somewhere among `words`.
    fn words_match(words: &[Cow<str>], rule: &[&str]) -> bool {
        !rule.is_empty() && (0..words.len()).any(|k| matches_at(words, k, rule))
    }

    #[test]
    fn finds_phrases_at_word_starts() {
        let idx = get();
        let found: Vec<&str> = idx
            .phrases_in("please, subscribe to keep reading. \"join the conversation\"")
            .map(|(r, _)| r.phrase)
            .collect();
        assert!(found.contains(&"subscribe to keep reading"), "{found:?}");
        assert!(found.contains(&"join the conversation"), "{found:?}");
        assert!(idx.whole("comments").iter().any(|r| r.phrase == "comments"));
        assert!(idx
            .phrases_in("热门评论")
            .any(|(r, _)| r.phrase == "热门评论"));
    }

    #[test]
    fn rule_words_match_adjacent_runs() {
        let words = split_words("tp-modal-open");
        assert!(words_match(&words, &["tp", "modal"]));
        assert!(!words_match(&words, &["modal", "tp"]));
        assert!(words_match(&split_words("newsletters"), &["newsletter*"]));
        assert!(!words_match(&split_words("piano"), &["piano", "*"]));
        assert!(words_match(&split_words("piano-offer"), &["piano", "*"]));
    }

    #[test]
    fn words_are_trimmed_of_punctuation_but_not_of_apostrophes_or_hyphens() {
        assert_eq!(trim("donate"), "donate");
        assert_eq!(trim("(donate),"), "donate");
        assert_eq!(trim("«spenden»"), "spenden");
        assert_eq!(trim("don't"), "don't");
        assert_eq!(trim("e-mail:"), "e-mail");
        assert_eq!(trim("…"), "");
    }

    #[test]
    fn every_spaced_phrase_passes_the_first_pair_filter() {
        let idx = get();
        for first in idx.phrases.keys() {
            assert!(idx.may_start(first), "{first}");
        }
        assert!(!idx.may_start("zq"));
        let found: Vec<_> = idx.phrases_in("please zq subscribe now").collect();
        assert!(found.iter().all(|(r, _)| !r.phrase.starts_with("zq")));
    }

    #[test]
    fn word_rules_by_first_word_and_prefix() {
        let idx = get();
        assert!(idx.word_rule(&split_words("tp-modal-open")).is_some());
        assert!(idx.word_rule(&split_words("newsletters-box")).is_some());
        assert!(idx.word_rule(&split_words("story-body")).is_none());
    }
}
