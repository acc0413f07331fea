//! Word lists looked up often: a static list that answers `contains` through a hash set built
//! on first use, where a slice would be scanned word by word. The words are kept as one string
//! (see [`word_set!`](crate::word_set)), which ships smaller than a slice of strings.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A static list of words with a fast `contains`.
pub struct WordSet {
    /// The words, each followed by one space.
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
}

/// A [`WordSet`] of the given string literals, which must not hold spaces:
/// `static COLOURS: WordSet = word_set!["red", "green"];`.
#[macro_export]
macro_rules! word_set {
    ($($word:literal),* $(,)?) => {
        $crate::wordset::WordSet::new(concat!($($word, " "),*))
    };
}

impl WordSet {
    /// A set of the words of `text`, each followed by a space (as [`word_set!`] writes them).
    pub const fn new(text: &'static str) -> Self {
        WordSet {
            text,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words (exactly, case included). Takes `&&str` like a
    /// slice's `contains`, so either can stand at a call.
    pub fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| self.iter().collect())
            .contains(*word)
    }

    /// The words, in the order they were written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.text.split_terminator(' ')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: WordSet = word_set!["red", "green"];

    #[test]
    fn answers_like_the_list() {
        let owned = String::from("green");
        assert!(COLOURS.contains(&owned.as_str()));
        assert!(COLOURS.contains(&"red"));
        assert!(!COLOURS.contains(&"Red") && !COLOURS.contains(&""));
        assert_eq!(COLOURS.iter().collect::<Vec<_>>(), ["red", "green"]);
    }
}
