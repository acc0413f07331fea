//! Quote marks: which characters open and close quotations, and the spans they enclose.
//!
//! Works on one article as a slice of characters whose paragraphs are separated by newlines.
//! Handles curly, straight, `''`/```` `` ````, single, « », „ " marks, nested quotes, a quote
//! running over several paragraphs (opening marks repeated, the closing mark only at the end),
//! apostrophes inside words and unbalanced marks.

/// A quoted stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First character inside the marks.
    pub start: usize,
    /// One past the last character inside the marks.
    pub end: usize,
    /// Position of the opening mark.
    pub open: usize,
    /// Position of the closing mark, when the quote is closed in its paragraph.
    pub close: Option<usize>,
    /// One past the closing mark (or `end` when the quote is not closed).
    pub after: usize,
    /// Double marks (or guillemets) rather than single ones.
    pub double: bool,
    /// The quote goes on in the next paragraph (which opens with a quote mark again).
    pub continues: bool,
    /// The quote is the continuation of one from the previous paragraph.
    pub continued: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    /// `"`: opens or closes, by its place.
    StraightDouble,
    OpenSingle,
    CloseSingle,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters before which a mark opens a quote.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;,".contains(c) || is_opening_char(c),
    }
}

fn is_opening_char(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‘' | '‹' | '"' | '\'')
}

/// What the character at `i` is, as a quote mark (two-character marks `''` and ``` `` ``` are
/// reported at their first character and `len` says 2).
fn mark_at(text: &[char], i: usize, german: bool) -> Option<(Mark, usize)> {
    let c = text[i];
    let prev = i.checked_sub(1).map(|p| text[p]);
    let next = text.get(i + 1).copied();
    let next_word = next.is_some_and(is_word);
    let prev_word = prev.is_some_and(|p| is_word(p) || ".,!?;:…".contains(p));
    Some(match c {
        '“' if german => (Mark::CloseDouble, 1),
        '“' => (Mark::OpenDouble, 1),
        '„' | '«' => (Mark::OpenDouble, 1),
        '”' if opens_after(prev) && next_word => (Mark::OpenDouble, 1),
        '”' | '»' => (Mark::CloseDouble, 1),
        '"' => (Mark::StraightDouble, 1),
        '`' if next == Some('`') => (Mark::OpenDouble, 2),
        '\'' if next == Some('\'') => {
            if opens_after(prev) && text.get(i + 2).is_some_and(|&n| is_word(n)) {
                (Mark::OpenDouble, 2)
            } else {
                (Mark::CloseDouble, 2)
            }
        }
        '‹' => (Mark::OpenSingle, 1),
        '›' => (Mark::CloseSingle, 1),
        '‘' | '\'' | '’' => {
            // Inside a word it is an apostrophe (don't, Kelvarra’s, rock'n'roll).
            if prev.is_some_and(is_word) && next_word {
                return None;
            }
            if opens_after(prev) && next.is_some_and(|n| is_word(n) || is_opening_char(n)) {
                // ’90s, ’em: an apostrophe at a word's start, when a digit follows a curly one.
                if c == '’' && next.is_some_and(|n| n.is_ascii_digit()) {
                    return None;
                }
                (Mark::OpenSingle, 1)
            } else if prev_word || prev.is_some_and(|p| "”\"".contains(p)) {
                (Mark::CloseSingle, 1)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

/// Whether the paragraph starting at `i` (after a newline) opens with a double quote mark.
fn paragraph_opens_with_quote(text: &[char], mut i: usize, german: bool) -> bool {
    while i < text.len() && text[i].is_whitespace() {
        if text[i] == '\n' && i + 1 < text.len() && text[i + 1] == '\n' {
            // a blank line between paragraphs is fine
        }
        i += 1;
    }
    i < text.len()
        && matches!(
            mark_at(text, i, german),
            Some((Mark::OpenDouble | Mark::StraightDouble, _))
        )
}

/// All quoted spans of an article, outermost only, in order.
pub fn spans(text: &[char]) -> Vec<Span> {
    let german = text.contains(&'„');
    let mut out = Vec::new();
    let mut double: Option<(usize, usize, bool)> = None; // (open mark, start, continued)
    let mut single: Option<(usize, usize)> = None; // (open mark, start), outside doubles only
    let mut nested_single = 0usize; // singles open inside a double quote
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if c == '\n' {
            // A paragraph ends: unclosed quotes end with it.
            if let Some((open, start, continued)) = double.take() {
                let continues = paragraph_opens_with_quote(text, i + 1, german);
                push(
                    &mut out, text, open, start, i, None, true, continues, continued,
                );
            }
            single = None;
            nested_single = 0;
            i += 1;
            continue;
        }
        let Some((mark, len)) = mark_at(text, i, german) else {
            i += 1;
            continue;
        };
        match mark {
            Mark::OpenDouble => {
                if double.is_none() {
                    let continued = out.last().is_some_and(|s: &Span| s.continues && s.end < i);
                    double = Some((i, i + len, continued));
                    single = None;
                }
            }
            Mark::CloseDouble => {
                if let Some((open, start, continued)) = double.take() {
                    push(
                        &mut out,
                        text,
                        open,
                        start,
                        i,
                        Some((i, len)),
                        true,
                        false,
                        continued,
                    );
                    nested_single = 0;
                }
            }
            Mark::StraightDouble => match double.take() {
                Some((open, start, continued))
                    if !(opens_after(i.checked_sub(1).map(|p| text[p]))
                        && text.get(i + 1).is_some_and(|&n| is_word(n))) =>
                {
                    push(
                        &mut out,
                        text,
                        open,
                        start,
                        i,
                        Some((i, 1)),
                        true,
                        false,
                        continued,
                    );
                    nested_single = 0;
                }
                Some(open) => double = Some(open),
                None => {
                    let continued = out.last().is_some_and(|s: &Span| s.continues && s.end < i);
                    double = Some((i, i + 1, continued));
                    single = None;
                }
            },
            Mark::OpenSingle => {
                if double.is_some() {
                    nested_single += 1;
                } else if single.is_none() {
                    single = Some((i, i + len));
                }
            }
            Mark::CloseSingle => {
                if double.is_some() {
                    nested_single = nested_single.saturating_sub(1);
                } else if let Some((open, start)) = single.take() {
                    push(
                        &mut out,
                        text,
                        open,
                        start,
                        i,
                        Some((i, len)),
                        false,
                        false,
                        false,
                    );
                }
            }
        }
        i += len;
    }
    if let Some((open, start, continued)) = double {
        push(
            &mut out,
            text,
            open,
            start,
            text.len(),
            None,
            true,
            false,
            continued,
        );
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Span>,
    text: &[char],
    open: usize,
    mut start: usize,
    mut end: usize,
    close: Option<(usize, usize)>,
    double: bool,
    continues: bool,
    continued: bool,
) {
    while start < end && text[start].is_whitespace() {
        start += 1;
    }
    let after = close.map_or(end, |(c, len)| c + len);
    while end > start && text[end - 1].is_whitespace() {
        end -= 1;
    }
    if end > start && text[start..end].iter().any(|c| c.is_alphanumeric()) {
        out.push(Span {
            start,
            end,
            open,
            close: close.map(|(c, _)| c),
            after,
            double,
            continues,
            continued,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        spans(&chars)
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn curly_straight_and_double_apostrophe_marks() {
        assert_eq!(
            quoted("He said “we will stay” and left."),
            vec!["we will stay"]
        );
        assert_eq!(
            quoted("He said \"we will stay\" and left."),
            vec!["we will stay"]
        );
        assert_eq!(
            quoted("He said ``we will stay'' and left."),
            vec!["we will stay"]
        );
        assert_eq!(quoted("She said “we will stay.''"), vec!["we will stay."]);
        assert_eq!(
            quoted("Il a dit « nous restons » hier."),
            vec!["nous restons"]
        );
        assert_eq!(
            quoted("Er sagte: „Wir bleiben“, und ging."),
            vec!["Wir bleiben"]
        );
    }

    #[test]
    fn single_quotes_and_apostrophes() {
        assert_eq!(
            quoted("Kelvarra’s navy is ‘talking to both sides’, it said."),
            vec!["talking to both sides"]
        );
        assert_eq!(
            quoted("It isn't 'over yet', they don't say."),
            vec!["over yet"]
        );
        assert_eq!(
            quoted("The fishermen’ union met in the ’90s."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        assert_eq!(
            quoted("“Our captains have orders to ‘hold position’, nothing more,” he said."),
            vec!["Our captains have orders to ‘hold position’, nothing more,"]
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs() {
        let text =
            "He said: “We have fished here for years.\n\n“No court will change that,” he said.";
        let chars: Vec<char> = text.chars().collect();
        let s = spans(&chars);
        assert_eq!(s.len(), 2);
        assert!(s[0].continues && !s[0].continued && s[0].close.is_none());
        assert!(s[1].continued && s[1].close.is_some());
    }

    #[test]
    fn unbalanced_marks_do_not_derail() {
        assert_eq!(
            quoted("A stray ” here. Then “a real quote” later. And “an open one"),
            vec!["a real quote", "an open one"]
        );
        assert!(quoted("”””“““''''\"\"\"").len() <= 3);
    }
}
