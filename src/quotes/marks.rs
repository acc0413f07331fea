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

/// Whether the mark at `i` ends a height in feet and inches (6’2”, 5'11"), an inch mark
/// rather than a quote's end.
fn ends_feet_and_inches(text: &[char], i: usize) -> bool {
    let at = |back: usize| i.checked_sub(back).map(|p| text[p]);
    let digit = |back: usize| at(back).is_some_and(|c| c.is_ascii_digit());
    let foot = |back: usize| matches!(at(back), Some('’' | '\'' | '′'));
    digit(1) && ((foot(2) && digit(3)) || (digit(2) && foot(3) && digit(4)))
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
        // After a word or a comma and before a space: a mistyped closing mark ("her,“ said")
        // when a quote is open, else an opening one ("said:“ We"); `spans` decides, as for `"`.
        '“' if prev_word && next.is_none_or(|n| n.is_whitespace()) => (Mark::StraightDouble, 1),
        '“' => (Mark::OpenDouble, 1),
        '„' | '«' => (Mark::OpenDouble, 1),
        '”' if prev.is_none_or(|p| p.is_whitespace() || "([".contains(p)) && next_word => {
            (Mark::OpenDouble, 1)
        }
        '”' | '"' if ends_feet_and_inches(text, i) => return None,
        '”' | '»' => (Mark::CloseDouble, 1),
        '"' => (Mark::StraightDouble, 1),
        '`' if next == Some('`') => (Mark::OpenDouble, 2),
        // `'''` after a word closes a single quote and then the double one ("'reckless,'''").
        '\'' if next == Some('\'') && prev_word && text.get(i + 2) == Some(&'\'') => {
            (Mark::CloseSingle, 1)
        }
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
        i += 1;
    }
    i < text.len()
        && matches!(
            mark_at(text, i, german),
            Some((Mark::OpenDouble | Mark::StraightDouble, _))
        )
}

/// A quote whose opening mark has been seen.
#[derive(Clone, Copy)]
struct Open {
    /// Position of the opening mark.
    mark: usize,
    /// First character after it.
    start: usize,
    /// Double marks rather than single ones.
    double: bool,
    /// It goes on from a quote of the previous paragraph.
    continued: bool,
}

impl Open {
    fn new(out: &[Span], mark: usize, len: usize, double: bool) -> Open {
        Open {
            mark,
            start: mark + len,
            double,
            continued: double && out.last().is_some_and(|s| s.continues && s.end < mark),
        }
    }

    /// Close the quote before `end`; `close` is the closing mark and its length, `continues`
    /// says the quote goes on in the next paragraph.
    fn close(
        self,
        out: &mut Vec<Span>,
        text: &[char],
        end: usize,
        close: Option<(usize, usize)>,
        continues: bool,
    ) {
        let mut start = self.start;
        let mut end = end;
        while start < end && text[start].is_whitespace() {
            start += 1;
        }
        while end > start && text[end - 1].is_whitespace() {
            end -= 1;
        }
        if end > start && text[start..end].iter().any(|c| c.is_alphanumeric()) {
            out.push(Span {
                start,
                end,
                open: self.mark,
                close: close.map(|(c, _)| c),
                after: close.map_or(end, |(c, len)| c + len),
                double: self.double,
                continues,
                continued: self.continued,
            });
        }
    }
}

/// What lies ahead of each position in its paragraph, for the checks on a curly mark inside an
/// open quote, read once for the whole text: scanning the rest of the paragraph at each mark
/// took seconds on a paragraph of thousands of marks.
struct Ahead {
    /// Whether a `”` stands at or after each position in its paragraph, and after that `”` a
    /// straight `"`, or the paragraph's end with the next paragraph opening on a straight `"`.
    straight_after: Vec<bool>,
    /// The most that `”` outnumber `“` over a stretch of the paragraph right after each
    /// position (`i32::MIN`: nothing after it).
    closes_ahead: Vec<i32>,
}

impl Ahead {
    fn new(text: &[char]) -> Ahead {
        let n = text.len();
        let mut ahead = Ahead {
            straight_after: vec![false; n],
            closes_ahead: vec![i32::MIN; n],
        };
        let mut start = 0;
        for paragraph in text.split(|&c| c == '\n') {
            let end = start + paragraph.len();
            // A straight mark after the position: in the paragraph, or opening the next one.
            let mut straight_here =
                end < n && text[end + 1..].iter().find(|c| !c.is_whitespace()) == Some(&'"');
            let (mut straight, mut closes) = (false, i32::MIN);
            for (k, &c) in paragraph.iter().enumerate().rev() {
                ahead.closes_ahead[start + k] = closes;
                let step = match c {
                    '”' => 1,
                    '“' => -1,
                    _ => 0,
                };
                closes = step + closes.max(0);
                match c {
                    '”' => straight = straight_here,
                    '"' => straight_here = true,
                    _ => {}
                }
                ahead.straight_after[start + k] = straight;
            }
            start = end + 1;
        }
        ahead
    }

    /// Whether, after the curly quote opening at `i` inside a quote a straight mark opened, its
    /// paragraph holds a closing `”` and then a straight `"`, or ends with the next paragraph
    /// opening on a straight `"`: the straight quote is closed in the paragraph, or runs on
    /// into the next (an excerpt that a straight mark opens and never closes has its inner
    /// quotes as quotes of their own).
    fn straight_closes_later(&self, i: usize) -> bool {
        self.straight_after[i]
    }

    /// Whether the curly quote opening at `i`, inside a quote a curly mark opened, is a quote
    /// within it (“The pier he calls “the gate” is ours.”): its paragraph closes it and then the outer
    /// one, `”` outnumbering `“` by two somewhere after it.
    fn curly_closes_twice(&self, i: usize) -> bool {
        self.closes_ahead[i] >= 2
    }
}

/// All quoted spans of an article, outermost only, in order. Single quotes inside a double
/// quote belong to it; an unclosed quote ends with its paragraph.
pub fn spans(text: &[char]) -> Vec<Span> {
    let german = text.contains(&'„');
    let mut out = Vec::new();
    let mut double: Option<Open> = None;
    // Outside double quotes only.
    let mut single: Option<Open> = None;
    // Curly quotes opened inside a quote that a straight mark opened ("He called it “a farce”
    // and left," she said): each closes its own curly mark, not the straight quote.
    let mut inner = 0usize;
    // Only a text with curly opening marks asks what lies ahead of one.
    let ahead = text.contains(&'“').then(|| Ahead::new(text));
    let mut i = 0;
    while i < text.len() {
        if text[i] == '\n' {
            if let Some(open) = double.take() {
                let continues = paragraph_opens_with_quote(text, i + 1, german);
                open.close(&mut out, text, i, None, continues);
            }
            single = None;
            inner = 0;
            i += 1;
            continue;
        }
        let Some((mark, len)) = mark_at(text, i, german) else {
            i += 1;
            continue;
        };
        // A straight double mark closes an open quote unless it stands where quotes open;
        // right after a comma it closes even before a word ("council,"Ilse").
        let prev = i.checked_sub(1).map(|p| text[p]);
        let straight_opens =
            opens_after(prev) && prev != Some(',') && text.get(i + 1).is_some_and(|&n| is_word(n));
        match (mark, double) {
            (Mark::OpenDouble, None) | (Mark::StraightDouble, None) => {
                double = Some(Open::new(&out, i, len, true));
                single = None;
                inner = 0;
            }
            (Mark::OpenDouble, Some(open))
                if text[open.mark] == '"'
                    && text[i] == '“'
                    && ahead.as_ref().is_some_and(|a| a.straight_closes_later(i)) =>
            {
                inner += 1;
            }
            (Mark::OpenDouble, Some(open))
                if text[open.mark] == '“'
                    && text[i] == '“'
                    && ahead.as_ref().is_some_and(|a| a.curly_closes_twice(i)) =>
            {
                inner += 1;
            }
            (Mark::CloseDouble, Some(_)) if inner > 0 && text[i] == '”' => {
                inner -= 1;
            }
            (Mark::CloseDouble, Some(open)) => {
                open.close(&mut out, text, i, Some((i, len)), false);
                double = None;
            }
            (Mark::StraightDouble, Some(open)) if !straight_opens => {
                open.close(&mut out, text, i, Some((i, len)), false);
                double = None;
            }
            (Mark::OpenSingle, None) if single.is_none() => {
                single = Some(Open::new(&out, i, len, false));
            }
            (Mark::CloseSingle, None) => {
                if let Some(open) = single.take() {
                    open.close(&mut out, text, i, Some((i, len)), false);
                }
            }
            _ => {}
        }
        i += len;
    }
    if let Some(open) = double {
        open.close(&mut out, text, text.len(), None, false);
    }
    out
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
        // Curly double marks inside curly double marks, when the paragraph closes both.
        assert_eq!(
            quoted("“We keep the pier he calls “the gate” for the ferry.” ― Mara"),
            vec!["We keep the pier he calls “the gate” for the ferry."]
        );
        // Two quotes, the first left open: the second's closing mark closes nothing more.
        assert_eq!(
            quoted("“We left early. “The boat waits,” she said."),
            vec!["We left early. “The boat waits,"]
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
    fn mistyped_and_crowded_closing_marks() {
        assert_eq!(
            quoted("“That could hurt her,“ said Varga, a councillor."),
            vec!["That could hurt her,"]
        );
        assert_eq!(
            quoted("''I would call it 'reckless,''' said Lind. ''Caution is not fear.''"),
            vec!["I would call it 'reckless,'", "Caution is not fear."]
        );
        assert_eq!(
            quoted("\"We can trust the council,\"Ilse Voronova said."),
            vec!["We can trust the council,"]
        );
        assert_eq!(quoted("She said:“ We stay.”"), vec!["We stay."]);
        assert_eq!(
            quoted("He said,\"We stay.\" Then he left."),
            vec!["We stay."]
        );
    }

    #[test]
    fn curly_quotes_inside_a_straight_quote_stay_inside_it() {
        assert_eq!(
            quoted("\"He called it “a farce” and left,\" she said."),
            vec!["He called it “a farce” and left,"]
        );
        // A straight quote over two paragraphs, the second opening with a straight mark, holds
        // its curly quotes too.
        assert_eq!(
            quoted("\"The pier is not “ours” now. It is theirs.\n\"And it will stay so.\""),
            vec![
                "The pier is not “ours” now. It is theirs.",
                "And it will stay so."
            ]
        );
        // An excerpt a straight mark opens and never closes is not run on to its paragraph's
        // end: the curly closing mark ends it, as before.
        assert_eq!(
            quoted("\"At the time, after what she called a “rant,” she was calm."),
            vec!["At the time, after what she called a “rant,"]
        );
    }

    #[test]
    fn inch_marks_in_heights_do_not_close_a_quote() {
        assert_eq!(
            quoted("“She is maybe 5’11” and fast,” said Orla Benn. “I am 6'2\" myself.”"),
            vec!["She is maybe 5’11” and fast,", "I am 6'2\" myself."]
        );
        assert_eq!(quoted("“We won 3-2” he said."), vec!["We won 3-2"]);
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
