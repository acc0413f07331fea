//! Labels put off until the cleanup is on the page: the article's text, read in the call that
//! plans the cleanup, waits here under a ticket for the call that finds its quotations.

use crate::labels::{ArticleText, Label};
use std::cell::RefCell;

/// How many texts may wait at once (pages or frames planned, not yet labelled); a new one
/// pushes the oldest out.
pub const MAX_WAITING: usize = 16;
/// How many characters may wait in all (about 12 bytes each): a new text pushes the oldest
/// out until it fits, and is kept itself even when it is longer.
pub const MAX_WAITING_CHARS: usize = 1_000_000;

struct Waiting {
    last: u32,
    /// Oldest first.
    texts: Vec<(u32, ArticleText)>,
}

thread_local! {
    static WAITING: RefCell<Waiting> = const {
        RefCell::new(Waiting {
            last: 0,
            texts: Vec::new(),
        })
    };
}

/// Keep `text` for [`labels`]; the ticket to ask with (never 0).
pub fn hold(text: ArticleText) -> u32 {
    WAITING.with(|w| {
        let mut w = w.borrow_mut();
        w.last = w.last.checked_add(1).unwrap_or(1);
        let ticket = w.last;
        let mut chars: usize = w.texts.iter().map(|(_, t)| t.len()).sum();
        while !w.texts.is_empty()
            && (w.texts.len() >= MAX_WAITING || chars + text.len() > MAX_WAITING_CHARS)
        {
            chars -= w.texts.remove(0).1.len();
        }
        w.texts.push((ticket, text));
        ticket
    })
}

/// The labels of the text held under `ticket`, which is let go; `None` when no text waits
/// under it (never held, asked for already, or pushed out by newer ones).
pub fn labels(ticket: u32) -> Option<Vec<Label>> {
    let text = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        let at = w.texts.iter().position(|(t, _)| *t == ticket)?;
        Some(w.texts.remove(at).1)
    })?;
    Some(text.labels())
}

/// How many texts wait, and their characters.
pub fn waiting() -> (usize, usize) {
    WAITING.with(|w| {
        let w = w.borrow();
        (w.texts.len(), w.texts.iter().map(|(_, t)| t.len()).sum())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(chars: usize) -> ArticleText {
        ArticleText::from_chars("a".repeat(chars).chars().collect())
    }

    #[test]
    fn long_texts_push_the_oldest_out_until_the_new_one_fits() {
        let a = hold(text(MAX_WAITING_CHARS / 2));
        let b = hold(text(MAX_WAITING_CHARS / 2));
        assert_eq!(waiting(), (2, MAX_WAITING_CHARS));
        let c = hold(text(10));
        assert_eq!(
            waiting(),
            (2, MAX_WAITING_CHARS / 2 + 10),
            "the oldest went"
        );
        assert!(labels(a).is_none());
        // A text longer than the whole allowance is kept alone.
        let d = hold(text(MAX_WAITING_CHARS + 1));
        assert_eq!(waiting(), (1, MAX_WAITING_CHARS + 1));
        assert!(labels(b).is_none() && labels(c).is_none());
        assert_eq!(labels(d), Some(Vec::new()));
        assert_eq!(waiting(), (0, 0));
    }

    #[test]
    fn at_most_so_many_texts_wait() {
        let first = hold(text(5));
        for _ in 0..MAX_WAITING {
            hold(text(5));
        }
        assert_eq!(waiting(), (MAX_WAITING, 5 * MAX_WAITING));
        assert!(labels(first).is_none(), "pushed out");
    }
}
