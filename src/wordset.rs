//! Word lists looked up often: a static list that answers `contains` through a hash set built
//! on first use, where a slice would be scanned word by word. The list itself stays readable
//! (and iterable, through `Deref`) where it is declared.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A static list of words with a fast `contains`.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set of these words.
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words (exactly, case included). Takes `&&str` like a
    /// slice's `contains`, so either can stand at a call.
    pub fn contains(&self, word: &&str) -> bool {
        self.set
            .get_or_init(|| self.list.iter().copied().collect())
            .contains(*word)
    }
}

impl std::ops::Deref for WordSet {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static COLOURS: WordSet = WordSet::new(&["red", "green"]);

    #[test]
    fn answers_like_the_list() {
        let owned = String::from("green");
        assert!(COLOURS.contains(&owned.as_str()));
        assert!(COLOURS.contains(&"red"));
        assert!(!COLOURS.contains(&"Red") && !COLOURS.contains(&""));
        assert_eq!(COLOURS.iter().count(), 2);
    }
}
