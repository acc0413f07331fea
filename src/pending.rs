//! Labels put off until the cleanup is on the page: the article's text, read in the call that
//! plans the cleanup, waits here under a ticket for the call that finds its quotations.

use crate::labels::{ArticleText, Label};
use std::cell::RefCell;

/// How many texts may wait at once (pages or frames planned, not yet labelled); a new one
/// pushes the oldest out.
pub const MAX_WAITING: usize = 16;

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
        if w.texts.len() >= MAX_WAITING {
            w.texts.remove(0);
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

/// How many texts wait.
pub fn waiting() -> usize {
    WAITING.with(|w| w.borrow().texts.len())
}
