//! Quotations and who said them, for an article given as plain text (paragraphs separated by
//! newlines). Offsets are in Unicode characters, quote marks excluded.

pub mod marks;
pub mod names;
pub mod people;
pub mod speakers;
pub mod words;

use people::People;
use serde::Serialize;
use speakers::{Mention, Speaker};

/// One quotation and its speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// First character inside the quote marks.
    pub start: usize,
    /// One past the last character inside the marks.
    pub end: usize,
    /// Who said it, when the article says so reliably.
    pub speaker: Option<String>,
    /// The speaker's role, when the article gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The sentence that attributes the quote (character range), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<(usize, usize)>,
}

/// Fewest words in a partial quote that takes its sentence's subject as speaker when no cue
/// verb says who spoke (shorter ones are mostly scare quotes, unless the sentence is about
/// speech).
const MAIN_SUBJECT_WORDS: usize = 3;

/// How many paragraphs back a pronoun looks for the people it may stand for.
const PRONOUN_PARAGRAPHS: usize = 3;

/// How far back (in paragraphs) a pronoun or a quote-only paragraph looks for its speaker.
const DISCOURSE_PARAGRAPHS: usize = 3;

/// Find the quotations of an article and their speakers.
pub fn find(text: &str) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    find_chars(&chars)
}

/// As [`find`], on the article's characters.
pub fn find_chars(chars: &[char]) -> Vec<Quote> {
    let spans = marks::spans(chars);
    let tokens = words::tokens(chars, &spans);
    let mut people = People::collect(&tokens);
    let mut out: Vec<Quote> = Vec::with_capacity(spans.len());
    // (paragraph, speaker) of attributed quotes so far, for pronouns and continuations.
    let mut said: Vec<(usize, Speaker)> = Vec::new();
    let mut pending: Vec<(usize, Mention, usize)> = Vec::new();
    // Spans that are titles, names or scare quotes rather than speech are left out at the end.
    let mut speech: Vec<bool> = Vec::with_capacity(spans.len());
    let index = Index::new(&tokens, spans.len());
    // (quote, mention, cue) of the last quote whose speaker a cue before it named.
    let mut prev_cued: Option<(usize, Mention, usize)> = None;
    for (k, span) in spans.iter().enumerate() {
        let mut quote = Quote {
            start: span.start,
            end: span.end,
            speaker: None,
            role: None,
            cue: None,
        };
        let Some((first, last)) = index.quote[k] else {
            out.push(quote);
            speech.push(false);
            continue;
        };
        let paragraph = tokens[first].paragraph;
        people.before = Some(span.start);
        // A paragraph of many quoted strings is data or code, not prose: no speakers there.
        if index.quotes[paragraph] > MAX_PARAGRAPH_QUOTES {
            out.push(quote);
            speech.push(true);
            continue;
        }
        let text: String = chars[span.start..span.end].iter().collect();
        let sentence_start = index.sentence_start[tokens[first].sentence];
        let opens_sentence = !tokens[sentence_start..first].iter().any(|t| t.word);
        // "Quist said, “Probably.”": after a cue verb a single word is speech too.
        let introduced = speakers::introduced(&tokens, first);
        // `author="@ana_m"`: a value given to a name (markup or code in the text), not speech.
        let assigned = span.open > 0 && chars[span.open - 1] == '=';
        let words: Vec<&words::Token> = tokens[first..=last].iter().filter(|t| t.word).collect();
        let title = title_words(&words);
        let is_name = assigned
            || (!introduced && speakers::looks_like_name(&tokens, first, last, &text))
            // A few words, or a title, after a word that names it ("his book, ''...''").
            || (speakers::named_as(&tokens, first) && (words.len() <= 3 || title))
            // "Vale told “Harbour Today,”": a title right after "told" is the one told.
            || (title && matches!(speakers::word_before(&tokens, first), Some("told" | "tells")))
            || speakers::owned_title(&tokens, first, last)
            || speakers::title_before_role(&tokens, last)
            || (title && listed_with_titles(&tokens, &index, k));
        let mut found: Option<(Mention, usize)> = None;
        // The quote before, in a list with this one, whose speaker came from a cue before it.
        let listed = prev_cued
            .take()
            .filter(|(pk, _, _)| {
                *pk + 1 == k
                    && joined(&tokens, &index, *pk, k)
                    && index.quote[*pk]
                        .is_some_and(|(_, e)| tokens[e].sentence == tokens[first].sentence)
            })
            .map(|(_, m, at)| (m, at));
        if !is_name {
            let after = || speakers::after(&tokens, last).map(|m| (m, last));
            let before = || speakers::before(&tokens, first);
            let tail = || speakers::tail(&tokens, last).map(|m| (m, last));
            // "“VARGA: We never ...”": a transcript's line is the tagged person's.
            let tag = speakers::transcript_tag(&tokens, first, last);
            found = if let Some(tag) = tag {
                Some((Mention::Known(tag), first))
            } else if let Some(m) = speakers::inverted_intro(&tokens, first) {
                Some((m, first))
            } else if let Some(listed) = listed {
                // “A,” “B” and “C” after one cue: the list is what that cue's speaker said.
                Some(listed)
            } else if opens_sentence {
                after().or_else(tail).or_else(before)
            } else {
                speakers::after_tight(&tokens, last)
                    .map(|m| (m, last))
                    .or_else(|| {
                        speakers::dashed_after_name(&tokens, first, last).map(|m| (m, first))
                    })
                    .or_else(tail)
                    .or_else(before)
                    .or_else(after)
            };
            if found.is_none() {
                found = speakers::according_after(&tokens, last).map(|m| (m, last));
            }
            // Only a person ("KTV:" or a newspaper before a colon is a source, not a voice).
            let colon_person = || {
                speakers::colon_name(&tokens, first)
                    .filter(|m| match m {
                        Mention::Name(n) => n.iter().all(|x| {
                            names::looks_personal(x)
                                || people
                                    .find(x)
                                    .is_some_and(|p| names::looks_personal(&p.name))
                        }),
                        _ => false,
                    })
                    .map(|m| (m, first))
            };
            // "The harbour board replied - Ilse Brandt: “...”": a name and a colon after a
            // dash are closer to the quote than a cue before the dash.
            if let Some((_, cue)) = found {
                if cue < first && speakers::dash_before_colon(&tokens, first, cue) {
                    found = colon_person().or(found);
                }
            }
            if found.is_none() {
                found = colon_person();
            }
            if found.is_none() {
                found = speakers::dash_credit(&tokens, last).map(|m| (m, last));
            }
            // A partial quote in a sentence without a cue verb ("Varga went on the attack,
            // calling it “a disgrace”"): the sentence's subject.
            let words = words.len();
            // Shorter ones only in a sentence about speech, and not in Title Case ("to
            // accuse the board of being “misled”", but not "made her the “comeback kid”").
            let short_speech = || {
                let lower = chars[span.start..span.end]
                    .iter()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_lowercase());
                lower && speakers::speech_word_before(&tokens, first)
            };
            if found.is_none() && !opens_sentence && (words >= MAIN_SUBJECT_WORDS || short_speech())
            {
                // Only a person of the article, or a full name ("Audiences" is no one).
                found = speakers::contrast_subject(&tokens, first)
                    .or_else(|| speakers::main_subject(&tokens, first))
                    .filter(|m| match m {
                        Mention::Name(n) => n.iter().all(|x| someone(&people, x)),
                        _ => true,
                    })
                    .map(|m| (m, first));
            }
        }
        if let Some((m, at)) = found.as_ref().filter(|(_, at)| *at < first) {
            prev_cued = Some((k, m.clone(), *at));
        }
        let mut speaker = match &found {
            Some((Mention::Pronoun(g), at)) => pronoun(&people, &said, &tokens, *at, paragraph, *g),
            Some((m, _)) => speakers::resolve(&people, m),
            None => None,
        };
        if let (Some((Mention::Pronoun(g), _)), Some(s)) = (&found, &speaker) {
            if matches!(g, 'm' | 'f') {
                people.set_gender(&s.name, *g);
            }
        }
        if speaker.is_none() && found.is_none() && !is_name {
            // A quote with no attribution of its own: the speaker of the paragraph so far (an
            // earlier quote, or "S said ..." in an earlier sentence), or, for a quote running
            // on from the last paragraph or a paragraph of quote alone, the last speaker.
            let here = said
                .last()
                .filter(|(p, _)| *p == paragraph)
                .map(|(_, s)| s.clone());
            speaker = here.or_else(|| {
                let intro = earlier_subject(&tokens, first, paragraph)?;
                match intro.0 {
                    Mention::Pronoun(g) => pronoun(&people, &said, &tokens, intro.1, paragraph, g),
                    m => speakers::resolve(&people, &m),
                }
            });
            let alone = opens_sentence && index.quote_only[paragraph];
            // "17-year-old Jonah Pell echoed:" closing the paragraph before.
            if speaker.is_none() && alone {
                if let Some((m, at)) = colon_intro(&tokens, first, paragraph) {
                    speaker = match m {
                        Mention::Pronoun(g) => pronoun(&people, &said, &tokens, at, paragraph, g),
                        m => speakers::resolve(&people, &m),
                    };
                }
            }
            // "Then, later that month on KTV: “...”": an opening naming no one goes on with
            // the speaker of the paragraph before.
            if speaker.is_none() && speakers::unnamed_colon_intro(&tokens, first) {
                speaker = said
                    .last()
                    .filter(|(p, _)| paragraph - p <= 1)
                    .map(|(_, s)| s.clone());
            }
            if speaker.is_none() && (span.continued || alone) {
                speaker = said
                    .last()
                    .filter(|(p, _)| paragraph - p <= 1 || span.continued)
                    .map(|(_, s)| s.clone());
            }
            // "Orrin said that the harbour would stay open." closing a paragraph of no quotes.
            if speaker.is_none() && alone && !span.continued {
                speaker = match reported_intro(&tokens, &index, first, paragraph) {
                    Some((Mention::Pronoun(g), at)) => {
                        pronoun(&people, &said, &tokens, at, paragraph, g)
                    }
                    Some((m @ Mention::Name(_), _)) => {
                        speakers::resolve(&people, &m).filter(|s| someone(&people, &s.name))
                    }
                    _ => None,
                };
            }
            if speaker.is_none() && alone && !span.continued {
                speaker = bridged(&tokens, &index, &people, &said, first, paragraph);
            }
            if speaker.is_none() && opens_sentence {
                // "Q1." "Q2," he said: wait for the next quote of the paragraph.
                pending.push((k, Mention::Pronoun('?'), paragraph));
            }
        }
        if let Some(s) = &speaker {
            said.push((paragraph, s.clone()));
            quote.speaker = Some(s.name.clone());
            quote.role = s.role.clone();
            let cue_tok = found.as_ref().map_or(first, |(_, at)| *at);
            quote.cue = Some(sentence_range(chars, &tokens, cue_tok));
            // Earlier quotes of the same paragraph left without a speaker share this one.
            for (pk, _, pp) in pending.drain(..) {
                if pp == paragraph && out[pk].speaker.is_none() {
                    out[pk].speaker = quote.speaker.clone();
                    out[pk].role = quote.role.clone();
                    out[pk].cue = quote.cue;
                }
            }
        } else if pending.last().is_some_and(|(_, _, p)| *p != paragraph) {
            pending.clear();
        }
        speech.push(quote.speaker.is_some() || !is_name);
        out.push(quote);
    }
    dash_credits(&tokens, &spans, &index, &people, &mut out);
    let mut keep = speech.into_iter();
    out.retain(|_| keep.next().unwrap_or(false));
    // The patterns are English ones: in another language a capitalised noun reads as a name
    // ("Die Behörde", "Auskunft"), so only what looks like a person's full name stays.
    if !words::english(&tokens) {
        for q in out.iter_mut().filter(|q| {
            q.speaker
                .as_deref()
                .is_some_and(|s| !names::foreign_person(s))
        }) {
            q.speaker = None;
            q.role = None;
            q.cue = None;
        }
    }
    out
}

/// Whether a quote's words are a title in capitals ("Port Wealth for All"): few, and each
/// capitalised but for small words.
fn title_words(words: &[&words::Token]) -> bool {
    words.len() <= TITLE_WORDS && speakers::titled(words)
}

/// Whether quote `k` stands in a list with another title in capitals, only a comma, "and" or
/// "or" between them (“Harbour Lights,” “Ebb Tide” and “Salt Road”): names of songs, shows or
/// nicknames, not speech.
fn listed_with_titles(tokens: &[words::Token], index: &Index, k: usize) -> bool {
    let titled_span = |k: usize| {
        index.quote.get(k).copied().flatten().is_some_and(|(f, l)| {
            let words: Vec<&words::Token> = tokens[f..=l].iter().filter(|t| t.word).collect();
            !words.is_empty() && title_words(&words)
        })
    };
    let joined = |a: usize, b: usize| joined(tokens, index, a, b);
    // A headline in Title Case writes its quotes so too.
    let headline = index.quote[k].is_some_and(|(f, _)| {
        let sentence = tokens[f].sentence;
        let start = index.sentence_start[sentence];
        let words = tokens[start..]
            .iter()
            .take_while(|t| t.sentence == sentence)
            .filter(|t| t.word && t.quote.is_none());
        let (all, caps) = words.fold((0, 0), |(a, c), t| (a + 1, c + usize::from(t.cap)));
        all >= 2 && caps * 10 >= all * 8
    });
    !headline
        && ((k > 0 && joined(k - 1, k) && titled_span(k - 1))
            || (k + 1 < index.quote.len() && joined(k, k + 1) && titled_span(k + 1)))
}

/// Whether quotes `a` and `b` stand in a list: only marks, commas and one "and" or "or"
/// between them.
fn joined(tokens: &[words::Token], index: &Index, a: usize, b: usize) -> bool {
    let (Some((_, end)), Some((start, _))) = (index.quote[a], index.quote[b]) else {
        return false;
    };
    // A quote nested in the other one starts before it ends: no list.
    start > end
        && start - end <= 4
        && tokens[end + 1..start]
            .iter()
            .all(|t| t.quote.is_some() || matches!(t.text.as_ref(), "," | "and" | "or"))
}

/// Whether a name found by a loose pattern is someone: a full name that looks like a
/// person's, or a person the article introduced ("Audiences" and "Critics" are no one, nor
/// is a heading such as "Veto Power Impedes Peace Efforts").
fn someone(people: &People, name: &str) -> bool {
    if name.contains(' ') {
        names::looks_personal(name)
    } else {
        people.find(name).is_some()
    }
}

/// The subject of the last cue verb in the earlier sentences of the paragraph ("Mr Halvorsen
/// said his government would not give way. “We have fished ...”").
fn earlier_subject(
    tokens: &[words::Token],
    first: usize,
    paragraph: usize,
) -> Option<(Mention, usize)> {
    let sentence = tokens[first].sentence;
    (0..first)
        .rev()
        .take_while(|&j| tokens[j].paragraph == paragraph)
        .filter(|&j| tokens[j].sentence < sentence && speakers::is_cue_at(tokens, j))
        // Not a cue inside a relative clause ("leaders like Ostrom, who had condemned the
        // marches"): it says what someone else once said, not who speaks here.
        .filter(|&j| speakers::relative_opening(tokens, j).is_none())
        .find_map(|j| speakers::subject(tokens, j).map(|m| (m, j)))
}

/// The speaker of reported speech in the paragraph just before, when that paragraph holds no
/// quotation: the subject of its last cue verb ("Orrin said that the harbour would stay
/// open.\n“That is because ...”").
fn reported_intro(
    tokens: &[words::Token],
    index: &Index,
    first: usize,
    paragraph: usize,
) -> Option<(Mention, usize)> {
    let before = paragraph.checked_sub(1)?;
    // A paragraph with quotations speaks through them, unless its reported speech comes
    // after the last of them ("Holm, who calls the plan a “folly,” said he would wait.").
    let last_quote = if index.quotes[before] > 0 {
        (0..first)
            .rev()
            .take_while(|&j| tokens[j].paragraph >= before)
            .find(|&j| tokens[j].paragraph == before && tokens[j].quote.is_some())
    } else {
        None
    };
    (0..first)
        .rev()
        .take_while(|&j| tokens[j].paragraph >= before)
        .take_while(|&j| last_quote.is_none_or(|q| j > q))
        .filter(|&j| tokens[j].paragraph == before && speakers::is_cue_at(tokens, j))
        .find_map(|j| {
            speakers::subject(tokens, j)
                .filter(|m| matches!(m, Mention::Name(_) | Mention::Pronoun(_)))
                .map(|m| (m, j))
        })
}

/// The last speaker, for a paragraph of quote alone after a paragraph without quotations that
/// opens on that speaker ("“...,” Varga notes.\nVarga is sure the town will come round.\n“It
/// always has.”"): the story stayed with them.
fn bridged(
    tokens: &[words::Token],
    index: &Index,
    people: &People,
    said: &[(usize, Speaker)],
    first: usize,
    paragraph: usize,
) -> Option<Speaker> {
    let (p, last) = said.last()?;
    let between = paragraph.checked_sub(1).filter(|&b| b == p + 1)?;
    if index.quotes[between] > 0 {
        return None;
    }
    let opening = (0..first)
        .rev()
        .take_while(|&j| tokens[j].paragraph >= between)
        .last()?;
    let end = (opening..first)
        .take_while(|&j| tokens[j].sentence == tokens[opening].sentence)
        .last()?;
    let subject = match speakers::main_subject(tokens, end)? {
        Mention::Pronoun(g) => pronoun(people, said, tokens, opening, between, g),
        m @ Mention::Name(_) => speakers::resolve(people, &m),
        _ => None,
    }?;
    (subject.name == last.name).then_some(subject)
}

/// Most tokens of a role after a dash credit's name ("— Ana Ruiz, a nurse in Leeds").
const CREDIT_ROLE_TOKENS: usize = 16;

/// A dash and a name closing a paragraph credit the quotes before them: a paragraph that is
/// only "— Marsh." credits the quotes just before it that have no speaker yet, and a quote
/// followed by "― Ana Ruiz" on its own line is hers.
fn dash_credits(
    tokens: &[words::Token],
    spans: &[marks::Span],
    index: &Index,
    people: &People,
    out: &mut [Quote],
) {
    let mut i = 0;
    for para in tokens.chunk_by(|a, b| a.paragraph == b.paragraph) {
        let start = i;
        i += para.len();
        let is_dash = |t: &words::Token| matches!(t.text.as_ref(), "-" | "—" | "–" | "―");
        // The dash opens a paragraph without quotes, or follows a closing quote mark.
        let dash = if para.first().is_some_and(is_dash) {
            (!para.iter().any(|t| t.quote.is_some())).then_some(start)
        } else {
            (start + 1..i).rev().find(|&d| {
                is_dash(&tokens[d]) && tokens[d - 1].quote.is_some() && tokens[d].quote.is_none()
            })
        };
        let Some(d) = dash else { continue };
        let Some(run) = people::name_at(tokens, d + 1) else {
            continue;
        };
        let after_name = run.words.last().map_or(d, |&l| l + 1);
        let rest = &tokens[after_name.min(i)..i];
        let role = rest.first().is_some_and(|t| t.text == ",") && rest.len() <= CREDIT_ROLE_TOKENS;
        if !role && rest.iter().any(|t| t.word) {
            continue;
        }
        let name = Mention::Name(vec![people::run_text(tokens, &run)]);
        let Some(s) = speakers::resolve(people, &name) else {
            continue;
        };
        let p = para[0].paragraph;
        // The quote the dash follows is the credited one, whatever was guessed for it.
        let right_before = (d > start).then(|| tokens[d - 1].quote).flatten();
        // Spans come in order: back from the last one before the dash, while they are near.
        let before = spans.partition_point(|span| span.end <= tokens[d].start);
        for k in (0..before).rev() {
            let Some((f, _)) = index.quote[k] else {
                continue;
            };
            let near = if d == start {
                tokens[f].paragraph + 1 >= p
            } else {
                tokens[f].paragraph == p
            };
            if !near {
                break;
            }
            if right_before == Some(k) || out[k].speaker.is_none() {
                out[k].speaker = Some(s.name.clone());
                out[k].role = s.role.clone();
            }
        }
    }
}

/// The speaker introduced at the end of the previous paragraph with a colon.
fn colon_intro(
    tokens: &[words::Token],
    first: usize,
    paragraph: usize,
) -> Option<(Mention, usize)> {
    let end = (0..first)
        .rev()
        .find(|&j| tokens[j].paragraph + 1 == paragraph)?;
    if tokens[end].text != ":" || paragraph == 0 {
        return None;
    }
    let cue = (0..end)
        .rev()
        .take_while(|&j| tokens[j].sentence == tokens[end].sentence)
        .find(|&j| speakers::is_cue_at(tokens, j));
    match cue {
        Some(c) => speakers::subject(tokens, c).map(|m| (m, c)),
        None => speakers::main_subject(tokens, end).map(|m| (m, end)),
    }
}

/// Facts about the tokens computed in one pass, so the work per quote stays small however long
/// the article.
struct Index {
    /// First and last token of each quoted span.
    quote: Vec<Option<(usize, usize)>>,
    /// First token of each sentence.
    sentence_start: Vec<usize>,
    /// Whether each paragraph holds words only inside quotations.
    quote_only: Vec<bool>,
    /// How many quoted spans each paragraph holds.
    quotes: Vec<usize>,
}

/// Most quotations a paragraph may hold and still be read for speakers. News paragraphs hold a
/// handful; each quote's speaker is looked for across its sentence and paragraph, so hundreds
/// of quoted strings in one (data, code) would cost the paragraph's length each.
const MAX_PARAGRAPH_QUOTES: usize = 64;

impl Index {
    fn new(tokens: &[words::Token], spans: usize) -> Index {
        let sentences = tokens.last().map_or(0, |t| t.sentence + 1);
        let paragraphs = tokens.last().map_or(0, |t| t.paragraph + 1);
        let mut index = Index {
            quote: vec![None; spans],
            sentence_start: vec![0; sentences + 1],
            quote_only: vec![true; paragraphs + 1],
            quotes: vec![0; paragraphs + 1],
        };
        let mut seen = vec![false; sentences + 1];
        for (j, t) in tokens.iter().enumerate() {
            if !seen[t.sentence] {
                seen[t.sentence] = true;
                index.sentence_start[t.sentence] = j;
            }
            if t.word && t.quote.is_none() {
                index.quote_only[t.paragraph] = false;
            }
            if let Some(q) = t.quote.filter(|&q| q < spans) {
                if index.quote[q].is_none() {
                    index.quotes[t.paragraph] += 1;
                }
                let e = index.quote[q].get_or_insert((j, j));
                e.1 = j;
            }
        }
        index
    }
}

/// Resolve "he" or "she": a person opening the pronoun's own sentence when "and" or "but" joins
/// the two ("Benn disagrees, and he's said"); else a speaker of the same paragraph; else the
/// first person named in the nearest earlier sentence that names one (the person who reported
/// it in a closing ", Ostrom said." first, unless only its subject is known to be of the
/// pronoun's gender; then its subject), within this and the previous paragraph; else the last
/// speaker a few paragraphs back. The gender must fit.
fn pronoun(
    people: &People,
    said: &[(usize, Speaker)],
    tokens: &[words::Token],
    at: usize,
    paragraph: usize,
    gender: char,
) -> Option<Speaker> {
    pronoun_chain(people, said, tokens, (at, paragraph), gender, PRONOUN_CHAIN)
}

/// Most words of a title in capitals after a word that names a work ("his book, ''...''").
const TITLE_WORDS: usize = 8;

/// Most sentences a pronoun is followed back through others like it ("He said ... he told").
const PRONOUN_CHAIN: usize = 4;

/// [`pronoun`], following up to `chain` earlier sentences whose subject is the same pronoun.
fn pronoun_chain(
    people: &People,
    said: &[(usize, Speaker)],
    tokens: &[words::Token],
    (at, paragraph): (usize, usize),
    gender: char,
    chain: usize,
) -> Option<Speaker> {
    if gender != 'm' && gender != 'f' {
        return None;
    }
    let fits = |name: &str| {
        let g = people.gender(name);
        g == '?' || g == gender
    };
    let spoke = |name: &str| said.iter().any(|(_, s)| s.name == name);
    // Quoted in the last few paragraphs: someone the story is listening to now.
    let spoke_lately = |name: &str| {
        said.iter()
            .rev()
            .take_while(|(p, _)| paragraph - p <= DISCOURSE_PARAGRAPHS)
            .any(|(_, s)| s.name == name)
    };
    // A pronoun stands for a person: not a party, a place or an office that has been quoted
    // ("KHP", "State", "New Ardmoor").
    let person = |sp: &Speaker| {
        !sp.name.contains(" and ")
            && (people.is_person(&sp.name) || spoke(&sp.name))
            && fits(&sp.name)
            && names::may_be_person(&sp.name)
    };
    // "Benn disagrees, and he's said ...": a person opening the pronoun's own sentence, when a
    // conjunction joins the pronoun's clause to that person's ("Varga, she added, ..." is an
    // attribution set in the sentence, not the same person).
    let joined = (at.saturating_sub(3)..at)
        .rev()
        .find(|&k| speakers::pronoun(&tokens[k]).is_some())
        .is_some_and(|p| p > 0 && matches!(tokens[p - 1].lower.as_str(), "and" | "but"));
    if let Some(Mention::Name(n)) = speakers::main_subject(tokens, at).filter(|_| joined) {
        if let Some(sp) = speakers::resolve(people, &Mention::Name(n)).filter(|s| person(s)) {
            return Some(sp);
        }
    }
    if let Some((_, s)) = said
        .last()
        .filter(|(p, s)| *p == paragraph && fits(&s.name) && !s.name.contains(" and "))
    {
        return Some(s.clone());
    }
    let mut j = at;
    let mut sentence = tokens[at].sentence;
    // People of the nearest earlier sentence naming any: (speaker, has spoken before).
    let mut found: Vec<(Speaker, bool)> = Vec::new();
    let mut found_in = usize::MAX;
    let mut found_at = usize::MAX;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.paragraph + PRONOUN_PARAGRAPHS < paragraph {
            break;
        }
        if t.sentence != sentence {
            if !found.is_empty() {
                break;
            }
            sentence = t.sentence;
        }
        if t.quote.is_some()
            || !people::namelike(t)
            || people::NOT_NAMES.contains(&t.lower.as_str())
        {
            continue;
        }
        let Some(Mention::Name(names)) = speakers::backward(tokens, j) else {
            continue;
        };
        let Some(sp) = speakers::resolve(people, &Mention::Name(names)) else {
            continue;
        };
        // "Kystnytt, the state news agency, wrote": an organisation is no "he".
        if person(&sp) && !speakers::organisation_appositive(tokens, j) {
            let has_spoken = spoke_lately(&sp.name);
            found.push((sp, has_spoken));
            found_in = t.sentence;
            found_at = j;
        }
    }
    // The sentence's subject first, then someone who has spoken, then its first person. When
    // that sentence's subject is the same pronoun ("He said he would fight on, he told Radio
    // Carrowby."), it is the same person: look further back.
    // Sentences run in token order, so the sentence's tokens are found by bisection.
    let first = tokens.partition_point(|t| t.sentence < found_in);
    let last = tokens
        .partition_point(|t| t.sentence <= found_in)
        .saturating_sub(1);
    // "Lind won the room, Benn said. “He was sharp,” he said.": the person who reported that
    // sentence goes on speaking, not the one it was about.
    let reporter = (!found.is_empty() && first < at)
        .then(
            || match speakers::closing_attribution(tokens, first, last)? {
                m @ Mention::Name(_) => speakers::resolve(people, &m).filter(|s| person(s)),
                _ => None,
            },
        )
        .flatten();
    // Unless the sentence's subject is known to be of the pronoun's gender and the reporter
    // is not ("Mayor Hana Varga resigned, Piet Ostrom said. “I have done ...,” she said."),
    // and the quote does not speak of someone of that gender ("“He was calm,” he said").
    if let Some(r) = reporter {
        let known = |name: &str| people.gender(name) == gender;
        let third: &[&str] = if gender == 'm' {
            &["he", "him", "his"]
        } else {
            &["she", "her", "hers"]
        };
        let speaks_of = tokens[..at]
            .iter()
            .rev()
            .take_while(|t| t.sentence == tokens[at].sentence)
            .any(|t| t.quote.is_some() && third.contains(&t.lower.as_str()));
        let subject_fits = match speakers::main_subject(tokens, last) {
            Some(m @ Mention::Name(_)) => {
                speakers::resolve(people, &m).is_some_and(|s| person(&s) && known(&s.name))
            }
            _ => false,
        };
        if known(&r.name) || !subject_fits || speaks_of {
            return Some(r);
        }
    }
    // "Ever since Lind announced his run, he's said": in the pronoun's own sentence, the
    // subject of a clause opening with "since", "when" and the like, before the pronoun, is
    // the one it stands for.
    let fronted = found_in == tokens[at].sentence
        && (first..at)
            .find(|&k| speakers::pronoun(&tokens[k]) == Some(gender))
            .is_some_and(|p| found_at < p)
        && speakers::opens_clause(tokens, found_at);
    if !found.is_empty()
        && chain > 0
        && first < at
        && !fronted
        && speakers::main_subject(tokens, last) == Some(Mention::Pronoun(gender))
    {
        let from = (first, tokens[first].paragraph);
        return pronoun_chain(people, said, tokens, from, gender, chain - 1);
    }
    let name_speaks = |m: Mention| match m {
        m @ Mention::Name(_) => speakers::resolve(people, &m).filter(|s| person(s)),
        _ => None,
    };
    let best = if found.is_empty() {
        None
    } else {
        speakers::main_subject(tokens, last)
            .and_then(name_speaks)
            // "After the vote in Brill, Lind asserted that ...: “...,” he said": the subject
            // of a cue verb of that sentence.
            .or_else(|| {
                (first..=last.min(at.saturating_sub(1)))
                    .filter(|&k| {
                        speakers::is_cue_at(tokens, k)
                            && speakers::relative_opening(tokens, k).is_none()
                    })
                    .find_map(|k| speakers::subject(tokens, k).and_then(name_speaks))
            })
            .or_else(|| found.iter().find(|(_, s)| *s).map(|(sp, _)| sp.clone()))
            .or_else(|| found.last().map(|(sp, _)| sp.clone()))
    };
    best.or_else(|| {
        said.iter()
            .rev()
            .take_while(|(p, _)| paragraph - p <= DISCOURSE_PARAGRAPHS)
            .find(|(_, s)| !s.name.contains(" and ") && fits(&s.name))
            .map(|(_, s)| s.clone())
    })
}

/// The character range of the sentence around token `at`.
fn sentence_range(chars: &[char], tokens: &[words::Token], at: usize) -> (usize, usize) {
    let s = tokens[at].sentence;
    let first = tokens[..at]
        .iter()
        .rposition(|t| t.sentence != s)
        .map_or(0, |p| p + 1);
    let last = tokens[at..]
        .iter()
        .position(|t| t.sentence != s)
        .map_or(tokens.len() - 1, |p| at + p - 1);
    (tokens[first].start, tokens[last].end.min(chars.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        find(text)
            .into_iter()
            .map(|q| (chars[q.start..q.end].iter().collect(), q.speaker))
            .collect()
    }

    /// Each `(text, quote, speaker)`: the quote found in the text is labelled with the speaker.
    fn assert_speakers(cases: &[(&str, &str, &str)]) {
        for (text, quote, who) in cases {
            assert_eq!(speaker_of(text, quote).as_deref(), Some(*who), "{text}");
        }
    }

    fn speaker_of(text: &str, quote: &str) -> Option<String> {
        labels(text)
            .into_iter()
            .find(|(q, _)| q.contains(quote))
            .unwrap_or_else(|| panic!("no quote {quote:?} in {:?}", labels(text)))
            .1
    }

    const STORY: &str = "Kelvarra offers to mediate, saying it is ‘talking to both sides’\n\
        President Tomas Andric calls the seizures a ‘failure of northern diplomacy’\n\
        The offer makes no mention of its seat in the “Tidewater Group” of coastal states.\n\
        Foreign ministry spokeswoman Liesl Varga said that Kelvarra was in contact with both governments.\n\
        Ms Varga said the quarrel risked “spreading to the southern banks” and talks had failed.\n\
        “Even so, we will keep working at it,” she said.\n\
        Speaking to the radio station Kanal Vier, Ms Varga called the seizures “deeply troubling. They could grow into a wider confrontation”.\n\
        “What matters most now is that both fleets stay in port,” she told the station.\n\
        “I think most people will agree that northern diplomacy has failed,” Mr Andric said.\n\
        He said the larger states had tried to “control” the negotiations.\n\
        Mr Halvorsen, who took over the ministry in March, said his government would not give way. “We have fished these waters for four hundred years.\n\
        “No court is going to change that now,” he said.\n\
        A joint statement said Mr Andric and Ardmoor’s prime minister, Hana Ostrova, regretted the “dangerous rise in the number of boats seized at sea”.\n\
        “Our captains have orders to ‘hold position and wait’, and nothing more,” Admiral Jonas Brekke said.";

    #[test]
    fn speakers_from_the_common_patterns() {
        assert_eq!(
            speaker_of(STORY, "spreading to").as_deref(),
            Some("Liesl Varga")
        );
        assert_eq!(speaker_of(STORY, "Even so").as_deref(), Some("Liesl Varga"));
        assert_eq!(
            speaker_of(STORY, "deeply troubling").as_deref(),
            Some("Liesl Varga")
        );
        assert_eq!(
            speaker_of(STORY, "I think most").as_deref(),
            Some("Tomas Andric")
        );
        assert_eq!(
            speaker_of(STORY, "control").as_deref(),
            Some("Tomas Andric")
        );
        assert_eq!(
            speaker_of(STORY, "hold position").as_deref(),
            Some("Jonas Brekke")
        );
        assert_eq!(
            speaker_of(STORY, "failure of northern").as_deref(),
            Some("Tomas Andric")
        );
    }

    #[test]
    fn a_quote_over_two_paragraphs_keeps_its_speaker() {
        assert_eq!(
            speaker_of(STORY, "We have fished").as_deref(),
            Some("Halvorsen")
        );
        assert_eq!(speaker_of(STORY, "No court").as_deref(), Some("Halvorsen"));
    }

    #[test]
    fn a_statement_by_two_people_names_both() {
        assert_eq!(
            speaker_of(STORY, "dangerous rise").as_deref(),
            Some("Tomas Andric and Hana Ostrova")
        );
    }

    #[test]
    fn scare_quotes_and_titles_get_no_label() {
        let unlabelled = |text: &str, quote: &str| {
            labels(text)
                .iter()
                .all(|(q, s)| !q.contains(quote) || s.is_none())
        };
        assert!(unlabelled(STORY, "Tidewater Group"));
        let appeal =
            "We are making our documentary series ‘Salt Lines’, about the fishing families.";
        assert!(unlabelled(appeal, "Salt Lines"));
        // A show owned by its channel, even with a comma inside the marks.
        let show = "In an interview on KTV's \"Harbour Watch,\" Mayor Hana Varga said the fees would fall.";
        assert!(unlabelled(show, "Harbour Watch"));
        // Speech after a possessive is still speech when it is not in Title Case.
        let speech = "Varga answered Ostrom's \"we cannot wait another year\" with a shrug.";
        assert!(!unlabelled(speech, "we cannot wait"));
        // A contraction is no owner, and an exclamation is no title: both stay quotes.
        let cried = "Harbour talks.\n\
            Mayor Hana Varga said it's \"Full Steam Ahead, Whatever Happens!\"\n\
            Reporters pressed her, but Varga's \"Never!\" ended the briefing.";
        assert!(labels(cried)
            .iter()
            .any(|(q, _)| q.contains("Full Steam Ahead")));
        assert!(labels(cried).iter().any(|(q, _)| q.contains("Never")));
        assert_eq!(
            speaker_of(STORY, "talking to both sides").as_deref(),
            Some("Kelvarra")
        );
    }

    #[test]
    fn a_name_inside_an_appositive_or_a_possessive_is_not_the_speaker() {
        let text = "Mayor Hana Varga and Councillor Piet Ostrom are both running for the seat.\n\
            Ostrom \"is tapping into something deep in the party,\" Oskar Lindqvist, a Varga \
            supporter, told the Harbour Post.\n\
            Varga campaign spokesman Tobias Mereth responded on the radio, calling Ostrom's charge \
            \"reckless\" and \"untrue.\"\n\
            Ostrom rejected Varga's claim that the quay was \"safe for another decade.\"";
        assert_eq!(
            speaker_of(text, "is tapping").as_deref(),
            Some("Oskar Lindqvist")
        );
        assert_eq!(
            speaker_of(text, "reckless").as_deref(),
            Some("Tobias Mereth")
        );
        assert_eq!(speaker_of(text, "untrue").as_deref(), Some("Tobias Mereth"));
        // A claim with its content after "that" is still the claimant's.
        assert_eq!(
            speaker_of(text, "safe for another").as_deref(),
            Some("Hana Varga")
        );
    }

    #[test]
    fn phrasal_cues_datelines_and_descriptions_before_a_name() {
        let text = "HARBOURTON, May 3 (NPA) — Councillor Ada Pirrone said that once the council \
            goes on recess, \"I intend to help wherever I can.\"\n\
            The quay was \"working to change its image,\" wrote the Kelvarran envoy at the time, \
            Marit Olsen.\n\
            If the ferry company is cutting corners — as residents believe, but the company \
            strongly denies — \"why wouldn't you check the hulls?\" asked Dunmore, now a partner \
            at a shipping firm.\n\
            As Tobias Mereth, the harbour's chief engineer, put it: \"This quay will not be \
            repaired.\"\n\
            Early in her campaign, Pirrone attacked Mereth, calling him \"a failed engineer.\"\n\
            The Harbour Post pointed out, \"Still, the council has declined to publish the survey.\"";
        for (quote, who) in [
            ("I intend to help", "Ada Pirrone"),
            ("working to change", "Marit Olsen"),
            ("why wouldn't you", "Dunmore"),
            ("This quay will not", "Tobias Mereth"),
            ("a failed engineer", "Ada Pirrone"),
            ("Still, the council", "Harbour Post"),
        ] {
            assert_eq!(speaker_of(text, quote).as_deref(), Some(who), "{quote}");
        }
    }

    #[test]
    fn a_later_clause_with_its_own_verb_does_not_take_the_quote() {
        let text = "Foreign ministry spokeswoman Liesl Varga spoke on Monday.\n\
            And while Ms Varga said Kelvarra had “a great deal in common” with Seland, where many \
            families own boats, Mr Andric accused Ardmoor of ignoring the towns.";
        assert_eq!(
            speaker_of(text, "a great deal").as_deref(),
            Some("Liesl Varga")
        );
    }

    #[test]
    fn a_surname_that_is_also_a_title_stays_a_name() {
        let text = "Radio host Lars King ran the show.\n\n“We will stay,” Mr. King said.";
        assert_eq!(
            speaker_of(text, "We will stay").as_deref(),
            Some("Lars King")
        );
    }

    #[test]
    fn cue_words_written_with_a_capital_are_names() {
        let text = "Envoy Mara Selt said the United States would take “robust steps” soon.";
        assert_eq!(
            speaker_of(text, "robust steps").as_deref(),
            Some("Mara Selt")
        );
    }

    #[test]
    fn a_quote_without_a_reliable_speaker_gets_none() {
        assert_eq!(
            speaker_of(
                "Some call it “a disaster for everyone involved here”.",
                "disaster"
            ),
            None
        );
    }

    #[test]
    fn names_stop_where_another_phrase_starts() {
        assert_speakers(&[
            (
                "Rivals piled in. “It flows off the tongue, doesn’t it?” wrote Hamish O’Dowd on Lamplight Review.",
                "flows off",
                "Hamish O’Dowd",
            ),
            (
                "Tamsin Greer of The Harbour Herald wrote, “Say so when your own side errs.”",
                "own side",
                "Tamsin Greer",
            ),
            (
                "Martin Quell called the mayor a “serial fibber.” Rhoda Kline said Ivo Marsh “says whatever works.”",
                "serial fibber",
                "Martin Quell",
            ),
            (
                "Eldon Frey, who lives outside the county town, Carrowby, said he still “hopes the mill reopens.”",
                "mill reopens",
                "Eldon Frey",
            ),
            (
                "Ilse Brandt, the editor of the town’s weekly paper, Kustblad Norden, said every mayor is “a sailor and a clerk.”",
                "sailor and a clerk",
                "Ilse Brandt",
            ),
            (
                "In a note to the Courier, her deputy, Kit Rowe, said the vote was “a fair one.”",
                "a fair one",
                "Kit Rowe",
            ),
            (
                "Wilma Tarn, the spokeswoman for the Carrowby Farmers Union said in a statement. “There is no money left for seed.”",
                "no money",
                "Wilma Tarn",
            ),
            (
                "“We are a quiet town,” said Dennis Orrin, a retired baker. Perhaps, he said, this “town has grown too fast.”",
                "grown too fast",
                "Dennis Orrin",
            ),
            (
                "Ivo Marsh spoke first. He said he would fight on, he told Radio Carrowby on Tuesday. “We will win every seat,” he said.",
                "every seat",
                "Ivo Marsh",
            ),
        ]);
    }

    #[test]
    fn roles_initials_and_openers_around_names() {
        assert_speakers(&[
            (
                "“This used to be a quiet harbour,” said Rafe Pellow, director of Coastal Security Studies, “but it is increasingly busy.”",
                "increasingly busy",
                "Rafe Pellow",
            ),
            (
                "As Andrew J. Tabbot, an expert on Skerra at the Institute for North Sea Policy, noted, “Everyone is waiting for the vote.”",
                "waiting for the vote",
                "Andrew J. Tabbot",
            ),
            (
                "“This is a sad day,” said Rep. G.K. Bellfield (D-N.C.), head of the Harbour Caucus. “The plan is a fraud.”",
                "plan is a fraud",
                "G.K. Bellfield",
            ),
            (
                "Appearing before supporters at the party office, Ama Tesk, 70, said it was too early but added, “I think you all know how it ends.”",
                "know how it ends",
                "Ama Tesk",
            ),
            (
                "“That program is worth a close look,” the Town Hall spokesman, Jon Ernst, said on Thursday.",
                "close look",
                "Jon Ernst",
            ),
            (
                "“We’re anxious,” said another Twitter user, Jo Bayer.",
                "anxious",
                "Jo Bayer",
            ),
        ]);
    }

    #[test]
    fn a_short_partial_quote_takes_the_subject_only_in_a_sentence_about_speech() {
        assert_speakers(&[
            (
                "Ivo Marsh went on the radio overnight to accuse the board of being “misled” by “a hoax” over the ferry.",
                "misled",
                "Ivo Marsh",
            ),
            (
                "Dana Vell has kept up her promise of “free ferries” all summer.",
                "free ferries",
                "Dana Vell",
            ),
            (
                "At the guild's yearly dinner on Tuesday, Ivo Marsh used his keynote speech to offer “encouragement” to the crews.",
                "encouragement",
                "Ivo Marsh",
            ),
        ]);
        // No word of speech in the sentence: a scare quote, whoever its subject is.
        let text =
            "Orla Penn won the seat that once made her uncle the “comeback kid” of the coast.";
        assert_eq!(speaker_of(text, "comeback kid"), None);
        // A capitalised word is a name or a title, even in a sentence about speech.
        let text =
            "Kit Rowe kept his promise to go on editing his morning sheet, “Tidings,” all winter.";
        assert_eq!(speaker_of(text, "Tidings"), None);
    }

    #[test]
    fn a_suffix_after_a_name_and_an_organisation_in_an_appositive() {
        // "Jr." is no surname: "Mr. Lind" is the man introduced with it.
        let suffix = "Harbour row.\n\
            Harbour master Oskar T. Lind Jr. warned that the quay was unsafe.\n\
            “It will not hold another winter,” Mr. Lind said.";
        // A name described as an agency is no "he", though it was quoted last.
        let agency = "Harbour row.\n\
            The navy sent its most senior officer, Adm. Oskar T. Lind Jr., to the strait.\n\
            “Some may call this unkind,” Kystnytt, the official northern news agency, wrote.\n\
            The attacks had two aims, the admiral said. “They are plainly untrue,” he said.";
        assert_speakers(&[
            (suffix, "another winter", "Oskar T. Lind Jr."),
            (agency, "plainly untrue", "Oskar T. Lind Jr."),
        ]);
    }

    #[test]
    fn a_call_for_something_and_taking_to_the_air_to_call() {
        let text = "Harbour row.\n\
            During the debate, Ilse Brandt claimed that remarks made by harbour chief Ivo Marsh calling for a ban on night fishing make him “the owners’ best friend.”\n\
            Kit Rowe called for a “full and open review” of the harbour fees.\n\
            Some recalled the speech at the 1992 congress, when Mr. Rowe, who had failed to win the chair, called for a “harbour war” against “owners and brokers.”";
        assert_speakers(&[
            (text, "best friend", "Ilse Brandt"),
            (text, "full and open review", "Kit Rowe"),
            (text, "owners and brokers", "Kit Rowe"),
        ]);
        // "taking to the radio to call": the one who took to it calls.
        let took = "Harbour row.\n\
            The board has denied it, with Dana Vell taking to the radio to call Ilse Brandt “plainly confused” for the claim.";
        assert_speakers(&[(took, "plainly confused", "Dana Vell")]);
    }

    #[test]
    fn a_cue_in_an_opening_clause_speaks_for_that_clause() {
        let text = "Harbour row.\n\
            While Kit Rowe proclaims the plan a triumph, Ilse Brandt fixes on the “pivot” line in every speech.\n\
            As Rowe put it, “the harbour is ours.”\n\
            When the host suggested that Ivo Marsh had paid no fees ― as was true of his rivals ― Marsh boasted, “That makes me smart.”";
        assert_speakers(&[
            (text, "pivot", "Ilse Brandt"),
            (text, "harbour is ours", "Kit Rowe"),
            (text, "makes me smart", "Ivo Marsh"),
        ]);
    }

    #[test]
    fn an_aside_between_commas_is_no_appositive() {
        let text = "Harbour row.\n\
            Ivo Marsh made remarks on Monday that Kit Rowe, for one, called “plain harbour spite.”";
        assert_speakers(&[(text, "harbour spite", "Kit Rowe")]);
    }

    #[test]
    fn he_after_a_sentence_of_several_names() {
        // The subject of the sentence's cue verb, not the first name in it.
        let cue = "Harbour row.\n\
            Ivo Marsh has led the harbour board since May.\n\
            Soon after the fire at the chapel of Father Piet Lund in Brill, Marsh asserted that the town had lost its heart: “Brill is no longer Brill,” he claimed.";
        // Someone quoted long ago is no better a "he" than the person the sentence is about.
        let lately = "Harbour row.\n\
            “We will sail at dawn,” said Ivo Marsh, the harbour master.\n\
            The boats stayed in port all week.\n\
            The wind did not drop until Sunday.\n\
            Fishing crews lost a week of work.\n\
            The owners counted the cost.\n\
            Harbour consultant Kit Rowe spoke on Monday.\n\
            To Rowe, the board’s line on Marsh ― from the idea that he will win the north to the hope that he can hold the south ― is plainly silly, given Marsh’s weakness with younger crews.\n\
            “They are whistling in the dark,” he said.";
        // Not the subject of a cue inside a relative clause.
        let relative = "Harbour row.\n\
            “The vote is close,” said Kit Rowe, who chairs the harbour board.\n\
            Asked whether he was worried that Ivo Marsh, the harbour master, who has called the new quay a folly, could win the vote, Rowe demurred.\n\
            “The harbour is bigger than any one man,” he said.";
        // A name before the occasion it spoke on is the subject of the verb after it.
        let occasion = "Harbour row.\n\
            The split was complete when Ivo Marsh in his opening speech called the owners “pirates of the quay” and left.";
        assert_speakers(&[
            (cue, "no longer Brill", "Ivo Marsh"),
            (lately, "whistling in the dark", "Kit Rowe"),
            (relative, "bigger than any", "Kit Rowe"),
            (occasion, "pirates of the quay", "Ivo Marsh"),
        ]);
    }

    #[test]
    fn the_sentence_subject_speaks_through_things_and_second_verbs() {
        assert_speakers(&[
            (
                "Mayor Ivo Marsh spoke on Monday. Hours later, Marsh thanked Orla Penn, telling the Courier, “She is a fine councillor.”",
                "fine councillor",
                "Ivo Marsh",
            ),
            (
                "Ivo Marsh has made the harbour his theme and has boasted he will spend “whatever it takes” to win.",
                "whatever it takes",
                "Ivo Marsh",
            ),
            (
                "Dana Vell said the charter should reiterate the town’s support for its “oldest friends,” naming the twin towns.",
                "oldest friends",
                "Dana Vell",
            ),
            (
                "Orla Penn spoke first. But harbour board chairman Kit Rowe said the plan would fail. “It is a fantasy,” he said.",
                "fantasy",
                "Kit Rowe",
            ),
        ]);
    }

    #[test]
    fn datelines_and_dash_credits() {
        let text = "CARROWBY, March 3 (Wire) — The mayor’s aide rallied staff, saying: “We must be ready.”";
        assert_eq!(speaker_of(text, "be ready"), None);
        let text = "Readers wrote in.\n“The ferry is late every day.” ― Ana Ruiz\n“Fix the timetable first.”― Piotr Lenz.";
        assert_eq!(
            speaker_of(text, "ferry is late").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            speaker_of(text, "timetable first").as_deref(),
            Some("Piotr Lenz")
        );
    }

    #[test]
    fn nouns_that_look_like_cues_and_long_or_numbered_names() {
        assert_speakers(&[
            (
                "“The file is useful,” said Orla Benn, explaining she worked with Dunn, who \
                 cleaned up state data: “Piet is a real talent.”",
                "real talent",
                "Orla Benn",
            ),
            (
                "Of Lind, Olsen said voters in the state would think it \"a hard thing to forgive\" in him.",
                "hard thing",
                "Olsen",
            ),
            (
                "“The council is wrong on every count,” said 9/11 widow Ilse Voronova.",
                "every count",
                "Ilse Voronova",
            ),
            (
                "''Radio works as a way to find lost boats,'' Piet B. Dunn Jr., the director of the \
                 Harbour Safety Office, said at a meeting on the quay.",
                "lost boats",
                "Piet B. Dunn Jr.",
            ),
            (
                "Amid calls from some to publish the list, The Ledger's Oskar Lind gave a reason \
                 for it, saying it is needed to “remember their names.”",
                "remember their",
                "Oskar Lind",
            ),
            (
                "“Many people are unsure this year,” Lind wrote in a statement to The Ledger \
                 explaining why he will speak, “but most islanders agree the quay is wrong.”",
                "but most islanders",
                "Lind",
            ),
            (
                "“That could hurt her,“ said Hana Varga, a councillor from the harbour district.",
                "could hurt",
                "Hana Varga",
            ),
            (
                "''I would call it 'reckless,''' said Aurelio Benn, who advised the council.",
                "call it",
                "Aurelio Benn",
            ),
        ]);
        // "secretary of state" holds no cue verb, and names one person: the sentence's subject.
        let text = "Former US secretary of state Marit Olsen fanned a row this year over her \
            remark that “there is a place in the harbour for those who stay.”";
        assert_eq!(
            speaker_of(text, "place in the harbour").as_deref(),
            Some("Marit Olsen")
        );
        // After a possessive-looking "her", "said" is still a verb and "call" a noun.
        let cue_after_her = |text: &str, word: &str| {
            let chars: Vec<char> = text.chars().collect();
            let tokens = words::tokens(&chars, &marks::spans(&chars));
            let at = tokens.iter().position(|t| t.lower == word).unwrap();
            speakers::is_cue_at(&tokens, at)
        };
        assert!(cue_after_her("People close to her said no.", "said"));
        assert!(!cue_after_her("She took her call at noon.", "call"));
    }

    #[test]
    fn a_name_before_a_colon_is_credited_unless_a_byline() {
        assert_speakers(&[
            (
                "The late swing does not surprise harbour pollster Ana Ruiz: “Smaller parties \
                 gain in the last week.”",
                "Smaller parties",
                "Ana Ruiz",
            ),
            (
                "Rep. Ana Ruiz (D-Kel.):“We heard it from the harbour office.”",
                "We heard it",
                "Ana Ruiz",
            ),
            // A heading with a cue of its own, a dash, then the name and the colon.
            (
                "The harbour board replied - Ilse Brandt: “The late polls were the right ones.”",
                "late polls",
                "Ilse Brandt",
            ),
        ]);
        let text =
            "FERRY BEAT — \"Lind leaves the board,\" by the Ledger's Ana Ruiz: \"Oskar Lind \
            is leaving the harbour board next month.\"";
        assert_eq!(speaker_of(text, "is leaving the harbour"), None);
    }

    #[test]
    fn a_quote_alone_after_reported_speech_is_its_speakers() {
        let text = "Harbour minister Aurelio Benn visited the island on Monday.\n\
            Benn said that for decades critics had predicted the ferry would close, but this \
            would not happen.\n\
            “That is because this island remains the most important route we have.”";
        assert_eq!(
            speaker_of(text, "most important route").as_deref(),
            Some("Aurelio Benn")
        );
        let text = "Critics said the plan would fail.\n“We will not give up the quay.”";
        assert_eq!(speaker_of(text, "give up the quay"), None);
    }

    #[test]
    fn a_pronoun_stands_for_a_person_not_a_quoted_party() {
        let text = "Harbour councillor Oskar Lind backed the plan.\n\
            “We will block the quay,” KHP said on Monday.\n\
            “It is a mistake,” he said.";
        assert_eq!(speaker_of(text, "block the quay").as_deref(), Some("KHP"));
        assert_eq!(speaker_of(text, "a mistake").as_deref(), Some("Oskar Lind"));
        // A place set off by commas in an opening phrase is not the sentence's subject.
        let text = "Speaking at a town hall in Harwick, New Ardmoor, Lind went after Varga, \
            calling her “a total stiff.”\n\
            He says, “Here is a mayor who would not be hired anywhere else.”";
        assert_eq!(speaker_of(text, "total stiff").as_deref(), Some("Lind"));
        assert_eq!(speaker_of(text, "Here is a mayor").as_deref(), Some("Lind"));
    }

    #[test]
    fn a_headline_in_title_case_gives_no_long_names() {
        let text = "Quiet Exchange Finally Happened Between Hana Varga And The Council\n\
            The exchange was quiet: it finally happened between the mayor and the council.\n\
            “We are listening,” Varga said.";
        assert_eq!(speaker_of(text, "listening").as_deref(), Some("Hana Varga"));
    }

    #[test]
    fn statements_retorts_and_colons_find_their_speakers() {
        let ferry = "Ferry crews walk out.\n\
            Ferry captain Hana Varga and her deckhand, Oskar Lind, waited at the quay.\n\
            “We are sailors,” Ms. Varga said. “We are not thieves.” Mr. Lind said: “The strike is the owners' doing. We are tired of waiting.”\n\
            “The quay will always be ours,” an angry Varga retaliated.\n\
            Minutes after the vote, Lind issued a statement, “Tonight the owners lost. I thank every crew that held out.”\n\
            Union chair Marit Olsen delivered a blunt message to Varga: “It is time to stop the strike and get back to the boats.”\n\
            “Nobody can run a ferry on promises,” Piet Dunn of the Harbour Institute for Coastal Studies wrote in May.\n\
            Marit Olsen regularly emphasizes in speeches that her family are “harbour folk” who owe nothing to the owners.\n\
            Oskar Lind, the deckhand, went through what had gone wrong that night with the coastal paper's reporter and then to the weekly Kustblad Norden: “The owners never sent a relief crew.”";
        assert_speakers(&[
            (ferry, "We are not thieves", "Hana Varga"),
            (ferry, "owners' doing", "Oskar Lind"),
            (ferry, "always be ours", "Hana Varga"),
            (ferry, "Tonight the owners", "Oskar Lind"),
            (ferry, "stop the strike", "Marit Olsen"),
            (ferry, "run a ferry", "Piet Dunn"),
            (ferry, "harbour folk", "Marit Olsen"),
            (ferry, "relief crew", "Oskar Lind"),
        ]);
        // A possessive owns a noun: "Varga's remarks" is no one speaking.
        let remarks = "Harbour chief Aurelio Benn spoke on Monday.\n\
            Union chair Marit Olsen called Benn's remarks “a new low” for the port.";
        // "“Q1,” S said: “Q2”": both are the speaker's, the comma keeps the first.
        let both = "Ilse Voronova chairs the board.\n\
            “We are ready,” Voronova said: “The boats sail at dawn.”";
        assert_speakers(&[
            (remarks, "a new low", "Marit Olsen"),
            (both, "We are ready", "Ilse Voronova"),
        ]);
    }

    #[test]
    fn a_quote_ending_its_sentence_is_not_credited_to_new_reported_speech() {
        let strike = "Ferry strike enters second week.\n\
            Harbour chief Aurelio Benn and union chair Marit Olsen met again on Tuesday.\n\
            \"Maybe the owners will learn,\" Olsen said. \"We are showing some patience.\" The harbour, she said, was \"where we settle this face to face.\"\n\
            \"It is a sad day,\" Benn told reporters. \"That has no place in a port.\" Mayor Oskar Lind said he would have fired the manager.\n\
            Benn cannot say that \"from his office,\" Olsen added, saying the choice \"belongs to the board alone.\"\n\
            \"Boats and ferries pay almost no harbour dues.\"\n\
            - Lind.\n\
            \"I would rather strike than sign that contract.\" ― Piet Dunn";
        assert_speakers(&[
            (strike, "showing some patience", "Marit Olsen"),
            (strike, "no place in a port", "Aurelio Benn"),
            (strike, "board alone", "Marit Olsen"),
            (strike, "harbour dues", "Oskar Lind"),
            (strike, "rather strike", "Piet Dunn"),
        ]);
        // "with Lind arguing that ... and asking, ...": the participles' own subject, not the
        // earlier cue's; "exhorted" speaks, and its speaker may follow in an appositive.
        let with = "Union chair Marit Olsen and Mayor Oskar Lind spoke.\n\
            Olsen said the vote was over, with Oskar Lind arguing that the port was \"finished for the season\" and asking, \"Who will pay the crews now?\"\n\
            Then came the loudest cheer: \"It is time the port had a woman in charge,\" exhorted the union's treasurer, Ilse Voronova.";
        assert_speakers(&[
            (with, "finished for the season", "Oskar Lind"),
            (with, "Who will pay", "Oskar Lind"),
            (with, "woman in charge", "Ilse Voronova"),
        ]);
        // "went on to call", "going on to say": the infinitive carries on the speech.
        let on = "Union chair Marit Olsen and Mayor Oskar Lind spoke.\n\
            \"We will not give in,\" Lind said at the quay on Monday. Olsen disagreed with him, going on to say that the crews were \"exhausted.\"\n\
            \"The strike is over,\" Lind said on Tuesday. Olsen went on to call the owners \"cowards.\"";
        assert_speakers(&[
            (on, "exhausted", "Marit Olsen"),
            (on, "cowards", "Marit Olsen"),
        ]);
        // "Lind's old friend, actor Piet Dunn": role words may open a name's appositive.
        let friend = "Union chair Marit Olsen and Mayor Oskar Lind spoke.\n\
            Then the big moment: \"We will win,\" exhorted Olsen's introducer, actress Ilse Voronova.\n\
            \"We will lose,\" said Lind's old friend, actor Piet Dunn.";
        assert_speakers(&[
            (friend, "We will win", "Ilse Voronova"),
            (friend, "We will lose", "Piet Dunn"),
        ]);
        // "endorsed her, citing ...": participles of saying; "according to its count" names no
        // one, so the cue before it does.
        let citing = "Union chair Marit Olsen and Mayor Oskar Lind spoke.\n\
            \"We will win,\" Olsen said. On Tuesday, Mayor Oskar Lind endorsed her, citing her \"calm hand.\"\n\
            Ilse Voronova, a member of the union's board, said on Tuesday that according to its count, the union has won most votes, but \"we are still counting.\"";
        assert_speakers(&[
            (citing, "calm hand", "Oskar Lind"),
            (citing, "still counting", "Ilse Voronova"),
        ]);
        // "Kelmar state delegate Ilse Voronova": a cue word's noun form inside a role; "went so
        // far as to say:" carries on into speech.
        let role = "Harbour vote.\n\
            \"We need the fees,\" said councillor Marit Olsen on Monday.\n\
            Kelmar state delegate Ilse Voronova, wearing a red cape, said the vote could be \"a failure of nerve\" for the town.\n\
            The Ledger columnist Piet Dunn went so far as to say: \"The port as we know it is over.\"";
        assert_speakers(&[
            (role, "failure of nerve", "Ilse Voronova"),
            (role, "as we know it", "Piet Dunn"),
        ]);
        // "More from Lind:": the name after "from" is the source.
        let more = "Poll shows shift.\n\
            The pollster Jeffrey M. Lind wrote that the map favours the party.\n\
            What that means for this year - More from Lind: \"The party of a town is where counting its vote begins.\"";
        assert_speakers(&[(more, "counting its vote", "Jeffrey M. Lind")]);
        // The usual pattern still holds: "“Q.” Lind said." and "“Q.” Lind said in a statement."
        let usual = "Mayor Oskar Lind spoke.\n\
            \"The bridge opens in May.\" Lind said in a statement.";
        assert_speakers(&[(usual, "bridge opens", "Oskar Lind")]);
        // "was quick to add" and "hastened to add" carry on into speech, as "went on to say".
        let quick = "Pier plans.\n\
            Mayor Tomas Lind was quick to add, on the same evening, that work on the pier would start soon.\n\
            \"Building it? Not up for debate.\"\n\
            Councillor Ilse Brandt hastened to add: \"Nobody asked for a pier.\"";
        assert_speakers(&[
            (quick, "Building it", "Tomas Lind"),
            (quick, "Nobody asked", "Ilse Brandt"),
        ]);
        // Not when what follows "to" is no verb of saying.
        let call = "Boat sinks.\n\
            Harbour master Ilse Brandt was quick to call the coastguard.\n\
            \u{201c}The boat went down in minutes.\u{201d}";
        assert_eq!(speaker_of(call, "went down"), None);
    }

    #[test]
    fn a_pronoun_after_a_reported_sentence_is_its_reporter() {
        let text = "Harbour vote nears.\n\
            Mayor Tomas Varga won over the fishermen on Friday, Piet Ostrom said.\n\
            \u{201c}He was calm, sharp and funny,\u{201d} he said.";
        assert_speakers(&[(text, "He was calm", "Piet Ostrom")]);
        // The sentence's subject, known to be of the pronoun's gender, stays ahead of a
        // reporter whose gender is not known.
        let text = "Harbour vote nears.\n\
            Ms Hana Varga spoke to the council.\n\
            Mayor Hana Varga resigned on Friday, Piet Ostrom said.\n\
            \u{201c}I have done what I came to do,\u{201d} she said.";
        assert_speakers(&[(text, "I have done", "Hana Varga")]);
    }

    #[test]
    fn a_pronoun_opening_its_sentence_is_its_subject() {
        // "He" is written in lower case elsewhere in the article too: still the subject.
        let text = "Harbour chief promises action on fees.\n\
            Harbour chief Aurelio Benn, who is seeking a second term, met the fishermen.\n\
            Benn promised Sunday at a rally in Harwick to end \"the wasteful fee regime.\" He repeated the pledge a day later, saying he would order the harbour office \"to stop charging at once\" for small boats.\n\
            Dean Marlow, a doctor, went on the radio next and opened by insisting he would \"never\" judge anyone by voice alone.\n\
            He later stood by the comment, saying, \"My view has not changed at all.\"";
        // "he's said": the pronoun of a contraction speaks too.
        let since = "Harbour chief Aurelio Benn met the fishermen.\n\
            \"We need the fees,\" said councillor Marit Olsen on Monday. \"All of them,\" she added.\n\
            In each town he visits, he's said much the same: \"It is not about me.\"";
        // A person opening the pronoun's own sentence comes before the paragraph's last speaker.
        let own = "Harbour chief Aurelio Benn met the fishermen.\n\
            \"We need the fees,\" said councillor Marit Olsen on Monday. Benn disagrees, and he's said so in each town: \"It is not about the fees.\"";
        assert_speakers(&[
            (text, "stop charging", "Aurelio Benn"),
            (text, "not changed at all", "Dean Marlow"),
            (since, "not about me", "Aurelio Benn"),
            (own, "not about the fees", "Aurelio Benn"),
        ]);
    }

    #[test]
    fn near_misses_of_the_new_patterns_keep_their_speakers() {
        let text = "Mayor Oskar Lind and union chair Marit Olsen spoke.\n\
            \"The bridge opens in May.\" Lind said that evening.\n\
            \"We stay out,\" Ilse I. Voronova, the treasurer, said.\n\
            \"Nobody wins a strike,\" Aurelio Benn said. The port is \"finished for good\" - Lind disagrees with Olsen about it.\n\
            In an interview with Piet Dunn: \"We will sail again,\" Olsen said.";
        assert_speakers(&[
            (text, "bridge opens", "Oskar Lind"),
            (text, "We stay out", "Ilse I. Voronova"),
            (text, "We will sail", "Marit Olsen"),
        ]);
        assert_ne!(
            speaker_of(text, "finished for good").as_deref(),
            Some("Oskar Lind"),
            "a dash before a clause credits no one"
        );
    }

    #[test]
    fn openings_datelines_parties_and_verbs_of_rating_and_venting() {
        // The year of a date belongs to the opening phrase before the subject.
        let text = "The council met twice.\n\
            On May 3, 2015, Varga made the following comment:\n\
            “For young people who left school, the jobless rate is a scandal.”";
        assert_eq!(speaker_of(text, "For young").as_deref(), Some("Varga"));
        // So does the region after a place named after "in", before another opening phrase.
        let text = "At a town hall in Brill, Kelmar, on Sunday, Ilse Voronova tried to calm \
            the room, saying that the city should “keep talking to our neighbours.”";
        assert_eq!(
            speaker_of(text, "keep talking").as_deref(),
            Some("Ilse Voronova")
        );
        // "by warning that": after "by" a cue word in -ing is the verb, not the noun.
        let text = "On the eve of the vote, Varga rallied supporters by warning darkly that \
            “the harbour is in danger” because “the barges are coming.”";
        assert_eq!(speaker_of(text, "harbour is in").as_deref(), Some("Varga"));
        assert_eq!(speaker_of(text, "barges are").as_deref(), Some("Varga"));
        // A comma between the opening phrase's adjectives ("In a long, frank interview").
        let text = "In a long, in-prison interview with reporter Piet Dunn last year, Andric \
            said he welcomed the move and added, \"I will plead guilty, no problem.\"";
        assert_eq!(speaker_of(text, "plead guilty").as_deref(), Some("Andric"));
        // A verb joined by "and" to a clause with its own subject ("when Lind knocked ...").
        let text = "There were sharper jabs, such as when Lind knocked Varga on trade and \
            called her a \"moderate,\" a subtle dig at a rival.";
        assert_eq!(speaker_of(text, "moderate").as_deref(), Some("Lind"));
        // "footage of Andric saying": the one recorded speaks.
        let text = "The spot concludes with footage of Tomas Andric saying during the debate, \
            “That shows I am careful,” as the crowd laughed.";
        assert_eq!(
            speaker_of(text, "shows I am careful").as_deref(),
            Some("Tomas Andric")
        );
        // A verb of saying before its speaker, then the quote.
        let text = "Because of how the council set the calendar, explained Varga, “with this \
            over by March, it is hard to see a way.”";
        assert_eq!(speaker_of(text, "hard to see").as_deref(), Some("Varga"));
        // A dateline with a double hyphen ("BRILL -- ") is passed over too.
        let text = "BRILL -- Mayor Hana Varga, opening the museum on Saturday, said it would \
            tell a story, one of ''grief and joy, one of fear.''";
        assert_eq!(
            speaker_of(text, "grief and joy").as_deref(),
            Some("Hana Varga")
        );
        // A body and a party before a given name are no part of the name, so "he" finds it.
        let text = "Harbour Committee Republican Tomas Andric (R-Kel.), who has seen the \
            letters, agreed.\n“Some of it is not merely gossip,” he said.";
        assert_eq!(
            speaker_of(text, "merely gossip").as_deref(),
            Some("Tomas Andric")
        );
        assert_speakers(&[
            (
                "Kelmar Watch rated 40% of the bills as “deeply flawed” this year.",
                "deeply flawed",
                "Kelmar Watch",
            ),
            (
                "Mayor Ilse Voronova vented that the hearing was “a circus” all week.",
                "a circus",
                "Ilse Voronova",
            ),
            (
                "Tomas Andric assured voters that the port was “wide open” again.",
                "wide open",
                "Tomas Andric",
            ),
        ]);
        // "of Kelmar claims": a capitalised word after "of" qualifies the noun, it is no
        // speaker of a verb.
        assert_eq!(
            speaker_of(
                "Kelmar Watch rated 32% of Ardmoor claims as “plainly false” last year.",
                "plainly false"
            )
            .as_deref(),
            Some("Kelmar Watch")
        );
    }

    #[test]
    fn a_quote_between_dashes_after_a_name_is_theirs() {
        let text = "Many members have said as much, including the former candidate Hana Varga \
            -- ''It is wrong for a mayor to hide her accounts'' -- and Piet Dunn, an auditor.";
        assert_eq!(speaker_of(text, "hide her").as_deref(), Some("Hana Varga"));
        let text = "Many have said so, including Hana Varga — “It is wrong to hide them.”";
        assert_eq!(
            speaker_of(text, "wrong to hide").as_deref(),
            Some("Hana Varga")
        );
        // Not the object of a preposition: the quote is about that name.
        let text = "Piet Dunn set himself apart from Ilse Voronova, who has seemed fond of Mr. \
            Andric -- ''a different Voronova to me, which was a shock.''";
        assert_ne!(
            speaker_of(text, "a different").as_deref(),
            Some("Andric"),
            "{text}"
        );
        let text = "One of the men, Jonas Brekke, 70, had served in Kelmar - ''two years of \
            misery'' - and said he feared a war.";
        assert_ne!(speaker_of(text, "two years").as_deref(), Some("Kelmar"));
        // Nor a gloss of a named thing.
        let text = "The hashtag #PortaAperta - ''open door'' - spread fast on Sunday.";
        assert_eq!(speaker_of(text, "open door"), None);
    }

    #[test]
    fn an_office_after_a_place_and_a_sentence_opening_on_a_person() {
        // "the Kelmar senator" is the senator the article introduced, never "Kelmar".
        let text = "Kelmar senator Ilse Voronova spoke first.\n\
            “It would be a disaster,” the Kelmar senator said.";
        assert_eq!(
            speaker_of(text, "a disaster").as_deref(),
            Some("Ilse Voronova")
        );
        let text = "“It would be a disaster,” the Kelmar senator said.";
        assert_eq!(speaker_of(text, "a disaster"), None);
        // "As for Andric, he said ...": the sentence is about Andric, and so is "he".
        let text = "“We must respect the voters,” the Kelmar senator said.\n\
            As for Tomas Andric, he said he is not worried. “I will have the votes,” he said.";
        assert_eq!(
            speaker_of(text, "have the votes").as_deref(),
            Some("Tomas Andric")
        );
    }

    #[test]
    fn near_misses_of_pronouns_roles_and_sources() {
        let text = "Harbour row.\n\
            Mayor Oskar Lind, union chair Marit Olsen and captain Hana Varga met on Monday, and they spoke for hours.\n\
            \"We need the fees,\" said councillor Marit Olsen on Monday. Hana Varga, she added, \"has never run a boat in her life.\"\n\
            Oskar Lind will call Piet Dunn on Monday. He said the talk would be \"short and frank with the owners.\"\n\
            Lind laughed off the jibe from Dunn: \"I have never taken a cent from anyone.\"\n\
            \"We need the money,\" said Olsen. They would be \"a lifeline for the small boats in winter.\"\n\
            In every town, he's said \"it is not about me.\"";
        assert_speakers(&[
            // An attribution set in the sentence, not the sentence's subject.
            (text, "never run a boat", "Marit Olsen"),
            // "will call Piet Dunn": a cue word's noun form takes no name after it.
            (text, "short and frank", "Oskar Lind"),
            // "the jibe from Dunn:" has its own subject.
            (text, "taken a cent", "Oskar Lind"),
            // "They" stands for no one here; the paragraph's speaker does.
            (text, "lifeline", "Marit Olsen"),
            // "he's said" is a pronoun and its verb, not a possessive.
            (text, "not about me", "Oskar Lind"),
        ]);
    }

    #[test]
    fn the_asker_of_a_passive_question_speaks_not_the_one_asked() {
        // "was asked by X": the agent speaks.
        let text = "Lind was asked by radio host Piet Ostrom whether his plan would risk \
            “doubling the queue at every lock.”";
        assert_eq!(
            speaker_of(text, "the queue").as_deref(),
            Some("Piet Ostrom")
        );
        // No agent: no one named, and no guess from the sentence's subject either.
        let text = "Hana Varga spoke openly about being called “a proper captain” at the gala.";
        assert_eq!(speaker_of(text, "proper captain"), None);
        let text = "Mayor Ilse Voronova was asked on Monday whether the ferry would run, “even \
            in a storm like this one.”";
        assert_eq!(speaker_of(text, "even in a storm"), None);
        // Moved to say it, the subject still says it.
        let text = "The hearing was so calm that Mr. Varga was prompted to say, ''So far, \
            nobody has shouted at me.''";
        assert_eq!(speaker_of(text, "nobody has").as_deref(), Some("Varga"));
    }

    #[test]
    fn a_cue_in_a_relative_clause_is_not_the_paragraphs_speaker() {
        let text = "Jonas Brekke defended his mother and would not disown party leaders, like \
            Piet Ostrom, who had condemned the marches. ''Family people'' are ''not out to \
            hurt anyone,'' he said.";
        assert_eq!(
            speaker_of(text, "Family people").as_deref(),
            Some("Jonas Brekke")
        );
    }

    #[test]
    fn a_cue_inside_a_closed_relative_clause_is_the_clauses_own() {
        let text = "Lind was asked by radio host Piet Ostrom whether his plan, which the \
            Harbour Institute estimates would cost $4 billion, would risk “doubling the \
            queue at every lock.”";
        assert_eq!(
            speaker_of(text, "the queue").as_deref(),
            Some("Piet Ostrom")
        );
        // The comma right before the quote only introduces it.
        let text = "Guests included the singer Mara Dunn, who joked of the new hall, ''I \
            have only seen the car park so far.''";
        assert_eq!(speaker_of(text, "car park").as_deref(), Some("Mara Dunn"));
    }

    #[test]
    fn a_verb_with_a_clause_or_a_colon_after_it_is_not_the_quotes() {
        // "he said there was ...": a main clause with its own complement, not a closing
        // attribution of the quote before it.
        let text = "While Ina Varga said there was proof that Lind was “plainly careless” and \
            lost the files, she said there was no case against him.";
        assert_eq!(speaker_of(text, "careless").as_deref(), Some("Ina Varga"));
        // "Dunn said:" introduces the next quote.
        let text = "After Piet Lind said sailors might do better on “smaller boats,” Ana Dunn \
            said: “That is not how I see the fleet.”";
        assert_eq!(
            speaker_of(text, "smaller boats").as_deref(),
            Some("Piet Lind")
        );
        assert_eq!(speaker_of(text, "the fleet").as_deref(), Some("Ana Dunn"));
        // "will continue to be": the verb after "to" is what goes on, not speech.
        let text = "Tomas Andric said he is sure Hana Voss will continue to be “a fighter for \
            the harbour.”";
        assert_eq!(
            speaker_of(text, "a fighter").as_deref(),
            Some("Tomas Andric")
        );
    }

    #[test]
    fn long_titles_asides_and_brackets_around_a_speaker() {
        // A title of several words before the name, right after the quote.
        let text = "A long term \"would also warn others off the harbour's accounts,\" \
            Assistant U.S. Attorney Ana D. Holt wrote.";
        assert_eq!(
            speaker_of(text, "warn others").as_deref(),
            Some("Ana D. Holt")
        );
        // "says X, a historian," as an aside inside the sentence.
        let text = "The odd thing about the mayor, says Ida Brekke, archivist at the Kelmar \
            Library, is that she was \"the quietest mayor the port ever had,\" all the same.";
        assert_eq!(
            speaker_of(text, "quietest mayor").as_deref(),
            Some("Ida Brekke")
        );
        // A party and state in brackets after the subject.
        let text = "But Sen. Piet Tomsen (R-Kel.) refused to campaign with Andric, responding \
            that he's “not going to talk about my schedule.”";
        assert_eq!(
            speaker_of(text, "not going").as_deref(),
            Some("Piet Tomsen")
        );
        // The name right before the verb, after a body and role words with no comma.
        assert_speakers(&[
            (
                "“They have to choose between rent and food,” Fight for Fair Pay organizing \
                 director Ines Falk told Radio Brill.",
                "rent and food",
                "Ines Falk",
            ),
            (
                "“We will search them,” Justice Department senior trial counsel Carla Lewis \
                 Wolf wrote in a filing.",
                "search them",
                "Carla Lewis Wolf",
            ),
            (
                "“It is a stretch for the navy,” Jonas Lind of the Harbour Center for Sea \
                 Studies wrote in May.",
                "a stretch",
                "Jonas Lind",
            ),
        ]);
    }

    #[test]
    fn a_pronoun_after_a_clause_opening_on_a_name_stands_for_it() {
        let text = "Ever since Piet Lind entered the race in May, he's repeated one line at \
            every market, every hall and every ferry stop: \"This was never about me, it's \
            about the harbour.\" That holds today as it did in spring, and the towns that \
            he's won over want a say in the capital now more than ever.";
        assert_eq!(
            speaker_of(text, "never about me").as_deref(),
            Some("Piet Lind")
        );
    }

    #[test]
    fn a_quote_alone_after_a_paragraph_about_the_last_speaker_is_theirs() {
        let text = "Harbour row.\n\
            “The harbour will hold,” Ilse Brandt notes.\n\
            Brandt is sure the town will come round, in part because she trusts the mayor.\n\
            “It always has.”\n\
            “The fees are too high,” Piet Ostrom said.\n\
            Kit Rowe is less sure of the plan.\n\
            “Nobody asked us.”";
        assert_speakers(&[(text, "always has", "Ilse Brandt")]);
        // A paragraph about someone else between them: the quote's speaker is not known.
        assert_eq!(speaker_of(text, "Nobody asked"), None);
    }

    #[test]
    fn yelling_booming_and_denouncing_are_speech() {
        let text = "Harbour row.\n\
            Some of the crowd pushed a fisherman, with Kit Rowe reportedly yelling: “Get him out!”\n\
            Ilse Brandt waved the crowd down, then leaned in and boomed: “Let's win in May.”\n\
            It is odd that Piet Ostrom would denounce “self-mooring,” given his own plans.";
        assert_speakers(&[
            (text, "Get him out", "Kit Rowe"),
            (text, "win in May", "Ilse Brandt"),
            (text, "self-mooring", "Piet Ostrom"),
        ]);
    }

    #[test]
    fn a_name_opening_a_sentence_after_a_title_word_is_whole() {
        // "governor." ends its sentence: it is no "Gov." before the next one's name.
        let text = "“The timing is odd,” said Tom Vale, a former governor.\n\
            Steven Orrin, who runs a project for the Harbour Institute, said he thought the \
            fuss was overblown.\n\
            “I think this is a unique case,” he said.";
        assert_speakers(&[(text, "unique case", "Steven Orrin")]);
    }

    #[test]
    fn a_verb_in_eed_after_a_pronoun_is_no_attribution() {
        // "they need" is not "they said": the closing attribution after it names the speaker.
        let text = "Harbour row.\n\
            His backing will bring candidates the \"grass-roots firepower\" they need to win, \
            party spokesman Neil Sorensen said.";
        assert_speakers(&[(text, "firepower", "Neil Sorensen")]);
    }

    #[test]
    fn a_clause_opening_on_a_name_and_an_adverb_speaks_through_its_joined_verb() {
        let text = "Harbour row.\n\
            When Vera Lind later spoke of the flood and said she would \"protect our fishing \
            towns,\" the crowd cheered.";
        assert_speakers(&[(text, "fishing towns", "Vera Lind")]);
    }

    #[test]
    fn a_role_opening_the_sentence_leads_to_its_name() {
        let text = "Harbour row.\n\
            Former judge Tomas Rudd attacked Ostrom on KTV, calling it a \"no-brainer\" to \
            reopen the port.";
        assert_speakers(&[(text, "no-brainer", "Tomas Rudd")]);
    }

    #[test]
    fn a_campaign_speaks_for_its_candidate_by_full_name() {
        // A body opening the sentence carries a participle's quote, and the name in it is
        // the article's person, named in full; a single word no one in the article bears
        // stays as written.
        let text = "David Rowe and Maria Lind met in Brill.\n\
            The Rowe campaign on Monday doubled down on its attacks on Lind, saying she is \
            experienced \"on paper\" but not much else.\n\
            \"We will not back down,\" the Lind campaign said.\n\
            \"Nor will we,\" a Brillco spokesman said.";
        assert_speakers(&[
            (text, "on paper", "David Rowe"),
            (text, "not back down", "Maria Lind"),
            (text, "Nor will we", "Brillco"),
        ]);
    }

    #[test]
    fn a_headline_does_not_name_the_people_of_the_body() {
        // "Quiet Ostrom" opens a headline: the body's Piet Ostrom is the person. A full name
        // in the headline is whom the story is about among those of its surname.
        let text = "Quiet Ostrom raises his profile.\n\
            Harbour minister Piet Ostrom rarely speaks to the press.\n\
            “We are ready,” Ostrom said.";
        assert_speakers(&[(text, "We are ready", "Piet Ostrom")]);
        // A text of one paragraph is all body: two people of one surname stay two.
        let text = "Piet Ostrom and Karin Ostrom met the mayor. “We will stay,” Karin Ostrom said.";
        assert_speakers(&[(text, "We will stay", "Karin Ostrom")]);
        let text = "Tomas Lind: Vera is the one for this time.\n\
            While campaigning for his wife Vera Lind, Tomas Lind said she was ready.\n\
            Lind said, “She was the best of us.”";
        assert_speakers(&[(text, "best of us", "Tomas Lind")]);
    }

    #[test]
    fn a_title_right_after_told_is_the_show_told() {
        let text = "Harbour row.\n\
            \"The fees must go,\" Tom Vale told \"Harbour Today,\" before he left.\n\
            Vale told \"Harbour Today\" he would stay.\n\
            Vale told reporters, \"We will never go back.\"";
        let quotes: Vec<String> = labels(text).into_iter().map(|(q, _)| q).collect();
        assert!(
            quotes.iter().all(|q| !q.contains("Harbour Today")),
            "{quotes:?}"
        );
        assert_speakers(&[
            (text, "fees must go", "Tom Vale"),
            (text, "never go back", "Tom Vale"),
        ]);
    }

    #[test]
    fn don_is_a_given_name() {
        let text = "Harbour row.\n\
            “Now is the time to come to the aid of the party,” said Don Varley, who led it.\n\
            “It needs us,” Varley said. “And he knows it,” he added.";
        assert_speakers(&[
            (text, "It needs us", "Don Varley"),
            (text, "he knows", "Don Varley"),
        ]);
    }

    #[test]
    fn a_sovereigns_title_stays_with_a_single_name() {
        let text = "Pope Anselm spoke in Brill.\n\
            “We must welcome them,” Anselm said.\n\
            Prince Rashid said: “I will not sell.”\n\
            Mr. Ostrom said: “Nor will I.”";
        assert_speakers(&[
            (text, "welcome them", "Pope Anselm"),
            (text, "not sell", "Prince Rashid"),
            (text, "Nor will I", "Ostrom"),
        ]);
    }

    #[test]
    fn el_and_ter_are_particles_inside_a_name() {
        let text = "Harbour row.\n\
            “We called him and all was fine,” his nephew Karim el Haddad added.\n\
            “It was late,” said Joost ter Horst, a ferry hand.";
        assert_speakers(&[
            (text, "all was fine", "Karim el Haddad"),
            (text, "It was late", "Joost ter Horst"),
        ]);
    }

    #[test]
    fn a_capitalised_role_opening_a_sentence_is_no_part_of_the_name() {
        let text = "Harbour row.\n\
            Congressman Dov Rell spoke first.\n\
            “We will fight on,” Rell said.";
        assert_speakers(&[(text, "fight on", "Dov Rell")]);
    }

    #[test]
    fn a_no_break_space_between_sentences_still_ends_one() {
        let text = "The teacher was headed to Brill, the Ledger reported.\u{a0}“We called him \
            before he boarded and all was fine,”\u{a0}his nephew Karim Haddad added.";
        assert_speakers(&[(text, "all was fine", "Karim Haddad")]);
    }

    #[test]
    fn a_pronoun_after_a_clause_with_an_appositive_stands_for_its_subject() {
        // The comma after "Ostrom" opens his appositive; the clause, which needs a verb of its
        // own, runs on to "the vote,", so "he" is Ostrom, not Lind named inside the clause.
        let text = "Vera Lind has held no news conference since March.\n\
            When Piet Ostrom, Lind’s campaign manager was asked at a lunch if Lind would hold \
            one before the vote, he laughed and said, “We will wait and see.”\n\
            While David Brenner, the harbour master, was away, she told the board, “Nothing moved.”";
        assert_speakers(&[
            (text, "wait and see", "Piet Ostrom"),
            (text, "Nothing moved", "Vera Lind"),
        ]);
    }

    #[test]
    fn commenting_referring_and_talking_are_speech() {
        assert_speakers(&[
            (
                "Piet Lind noticed the silence. He commented that his station “stayed with” \
                 Varga during the speech.",
                "stayed with",
                "Piet Lind",
            ),
            (
                "In Brill, Ana Dunn referred to the marchers as ''our guests'' and smiled.",
                "our guests",
                "Ana Dunn",
            ),
            (
                "Tomas Andric talked of “renting out” the port.",
                "renting out",
                "Tomas Andric",
            ),
        ]);
        // The one who referred to the senator so, not the senator.
        let text = "Ana Sorel said the harbour chief had derisively referred to Sen. Tomas \
            Andric (R-Kel.) as the \"pocket senator\" of the shipping magnate Piet Holm.";
        assert_ne!(
            speaker_of(text, "pocket senator").as_deref(),
            Some("Tomas Andric")
        );
    }

    #[test]
    fn the_maker_of_a_report_and_a_tweet_after_an_appositive() {
        let text =
            "A \"decent rent\" for a family in Kelmar is about 900 crowns a month, according \
            to calculations by Ana Holt of the Brill Institute.";
        assert_eq!(speaker_of(text, "decent rent").as_deref(), Some("Ana Holt"));
        let text = "“Not our ad, but we like it!” Dorn, the head of the Harbour Fund, \
            tweeted on Friday with a photo.";
        assert_eq!(speaker_of(text, "we like it").as_deref(), Some("Dorn"));
    }

    #[test]
    fn an_office_of_something_inside_a_name_and_more_opening_phrases() {
        let text = "That, Harbour Party Chief of Staff Ilse Brandt explained, was the plan.\n\
            “We started early because of the ground game,” she said.";
        assert_eq!(
            speaker_of(text, "ground game").as_deref(),
            Some("Ilse Brandt")
        );
        // Not after a person's own name: "King of Port Brill" is a man and a town.
        let text = "“It will not be easy,” Rep. Piet T. King of Port Brill said.";
        assert_eq!(
            speaker_of(text, "not be easy").as_deref(),
            Some("Piet T. King")
        );
        let text = "Regarding Lind's words after Tomas Andric's speech, Dora Lund gave her \
            view.\n“As I read it,” she said, “no one doubted his record.”";
        assert_eq!(speaker_of(text, "doubted").as_deref(), Some("Dora Lund"));
    }

    #[test]
    fn an_opening_that_names_no_one_goes_on_with_the_last_speaker() {
        let text = "Tomas Andric has changed his mind before.\n\
            For example: \"We were wrong to build the pier,\" he told KTV's Ana Lomo.\n\
            Then, later that month on KTV: \"I have never said the pier was wrong.\"";
        assert_eq!(
            speaker_of(text, "pier was").as_deref(),
            Some("Tomas Andric")
        );
    }

    #[test]
    fn a_surname_that_is_a_common_word_opening_a_sentence_is_the_person_named() {
        let text = "The town bell rang late again at noon.\n\
            Ivo Bell, who mends the clocks, says: “It has never kept good time.”\n\
            Bell says the new tower is “far too tall” and the whole plan “a folly.”";
        assert_speakers(&[
            (text, "too tall", "Ivo Bell"),
            (text, "a folly", "Ivo Bell"),
        ]);
    }

    #[test]
    fn an_article_not_in_english_keeps_only_speakers_named_like_people() {
        let text = "Die Stadt will den alten Hafen im Winter schließen, und viele Fischer sind \
            darüber verärgert. Seit Jahren streiten die Verwaltung und die Genossenschaft über \
            die Kosten der Reparatur.\n\
            Anna Berger, die Sprecherin der Fischer, sagte: „Ohne den Hafen verlieren wir alles, \
            was wir hier aufgebaut haben.“\n\
            Einige Anwohner sagten, sie hätten „nichts davon gewusst“ und wollten nun eine \
            Versammlung im Rathaus verlangen, bevor der Rat im Frühjahr entscheidet.";
        assert_eq!(
            speaker_of(text, "Ohne den Hafen").as_deref(),
            Some("Anna Berger")
        );
        assert_eq!(speaker_of(text, "nichts davon"), None);
    }

    #[test]
    fn the_one_an_unnamed_aide_serves_is_not_the_speaker() {
        let text = "Mayor Tomas Lind faces a hard vote.\n\
            “The budget he wrote will not last the winter,” said an adviser to Lind who asked \
            not to be named.\n\
            “We told him so in May,” said the old driver to Governor Ana K. Holt.";
        assert_eq!(speaker_of(text, "last the winter"), None);
        assert_eq!(speaker_of(text, "in May"), None);
    }

    #[test]
    fn titles_in_a_list_get_no_label() {
        let text = "At the fair the choir sang “Harbour Lights,” “Ebb Tide” and “Salt Road,” \
            Ana Holt said. “We have missed it,” she added.";
        let found = labels(text);
        for title in ["Harbour Lights", "Ebb Tide", "Salt Road"] {
            assert!(
                !found
                    .iter()
                    .any(|(q, who)| q.contains(title) && who.is_some()),
                "{found:?}"
            );
        }
        assert_eq!(speaker_of(text, "missed it").as_deref(), Some("Ana Holt"));
        // A headline in Title Case writes every quote so.
        let text = "Holt: Pier Is ‘Safe For Now,’ ‘We Will Open In May’\n\
            Ana Holt told reporters the pier would open in May.";
        assert!(labels(text).iter().any(|(q, _)| q.contains("Safe For Now")));
    }

    #[test]
    fn a_job_title_in_capitals_before_a_name_is_a_role() {
        let text = "Lead Planner Ana Holt said the hall was “ready for anything.”\n\
            Supervisor Tomas Lind told the board the plan was “too thin.”\n\
            Chef Piet Varga said the kitchen would “never close on a Sunday.”";
        assert_speakers(&[
            (text, "ready for", "Ana Holt"),
            (text, "too thin", "Tomas Lind"),
            (text, "never close", "Piet Varga"),
        ]);
        let text = "The study followed 3,000 teenagers.\n\
            Senior researcher Dr. Ana K. Holt, who runs the sleep clinic at Brill University, \
            added: \"Children need the dark.\"";
        assert_eq!(
            speaker_of(text, "need the dark").as_deref(),
            Some("Ana K. Holt")
        );
    }

    #[test]
    fn a_soft_hyphen_or_zero_width_space_before_a_name_is_nothing() {
        let text = "“The pier stays shut,” Ilse \u{ad}Marrow, a spokeswoman for the port, said.\n\
            “We will open it in May,” Tomas\u{200b} \u{feff}Lind added.";
        assert_speakers(&[
            (text, "pier stays", "Ilse Marrow"),
            (text, "in May", "Tomas Lind"),
        ]);
    }

    #[test]
    fn a_sentence_opening_on_its_verb_of_saying_credits_the_name_after_it() {
        let text = "Tomas Lind runs the pier.\n\
            Said Lind: “We will stay open all winter.”\n\
            Added Lind, “The ice is thin this year.”\n\
            Stated Lind:\n\
            “We go on.”";
        assert_speakers(&[
            (text, "all winter", "Tomas Lind"),
            (text, "ice is thin", "Tomas Lind"),
            (text, "We go on", "Tomas Lind"),
        ]);
        // "Said" is a given name too.
        let text = "Said Jalo runs the ferry.\n“It is cold,” Said Jalo said.\n\
            Said Jalo, the captain, said the ice was “thicker than last year.”";
        assert_speakers(&[(text, "cold", "Said Jalo"), (text, "thicker", "Said Jalo")]);
    }

    #[test]
    fn a_transcript_line_is_the_tagged_persons() {
        let text = "Governor Ana Varga spoke to Tom Wells of KTV on Sunday. Part of it follows:\n\
            \"WELLS: Will the ferry run this winter?\n\
            \"VARGA: Yes, it will run as long as the river stays open.\n\
            \"WELLS: And if it freezes?\n\
            \"CLIP: The ferry is stuck again.\n\
            \"VARGA: Then we will walk.\"";
        assert_speakers(&[
            (text, "this winter", "Tom Wells"),
            (text, "river stays", "Ana Varga"),
            (text, "if it freezes", "Tom Wells"),
            (text, "will walk", "Ana Varga"),
        ]);
        // A tag that names no one in the article is no one's line, not the last speaker's.
        assert_eq!(speaker_of(text, "stuck again"), None);
    }

    #[test]
    fn a_word_capitalised_only_where_a_sentence_opens_names_no_one() {
        let text = "The mill has answered its critics.\n\
            Late that night, the owners put out a notice calling the delays “regrettable.”\n\
            Legal scholars doubt the board can really “ban” the night shift.\n\
            Several wrote in to ask that the fees be paid in “harbour credits” from now on.\n\
            Someone painted “no more tolls” on the quay wall overnight.";
        for quote in ["regrettable", "ban", "harbour credits", "no more tolls"] {
            assert_eq!(speaker_of(text, quote), None, "{quote}");
        }
        // "Following Brandt rallies": a preposition in -ing is no given name.
        let text = "Governor Ilse Brandt campaigned hard all autumn.\n\
            Following Brandt rallies in three cities, turnout rose.\n\
            “We won big tonight,” she wrote on Sunday.";
        assert_eq!(speaker_of(text, "won big").as_deref(), Some("Ilse Brandt"));
        // Names the article gives elsewhere, or that only a name would be written as.
        let text = "The mill has answered its critics.\n\
            “We will stay,” Orrin said on Monday.\n\
            Orrin added that the council was “chasing ghosts.”\n\
            McKee told reporters the mill was “older than the town.”\n\
            Tolk (R-Kel.) said the vote had been “rushed.”";
        assert_speakers(&[
            (text, "chasing ghosts", "Orrin"),
            (text, "older than", "McKee"),
            (text, "rushed", "Tolk"),
        ]);
    }

    #[test]
    fn titles_after_a_work_word_and_a_comma_or_of_get_no_label() {
        let text = "On this weekend's broadcast of “Harbour Sunday,” Mayor Ana Voss said the \
            ferry plan was only “a first step” for the port.";
        let found = labels(text);
        assert!(
            !found.iter().any(|(q, _)| q.contains("Harbour Sunday")),
            "{found:?}"
        );
        assert_eq!(speaker_of(text, "first step").as_deref(), Some("Ana Voss"));
        // A noun for a thing after a verb that calls it something: the quote is speech.
        let text = "Former governor Mike Dunn called the ferry program \"worse than tolls.\"";
        assert_eq!(speaker_of(text, "worse than").as_deref(), Some("Mike Dunn"));
        // Words for words after such a verb are only mentioned.
        let text = "Lind said the words “mix up” the careful with the careless.";
        let found = labels(text);
        assert!(
            !found.iter().any(|(q, _)| q.contains("mix up")),
            "{found:?}"
        );
        // A heading in capitals opening the sentence is no one.
        let text = "Port Fees Slow Ferry Work: Ending “the winter queues” is one of the \
            first goals of the board.";
        assert_eq!(speaker_of(text, "winter queues"), None);
        let text = "In his 2002 book, ''Port Wealth for All,'' Mr. Lind suggested saving more.";
        let found = labels(text);
        assert!(
            !found.iter().any(|(q, _)| q.contains("Port Wealth")),
            "{found:?}"
        );
    }

    #[test]
    fn unnamed_aides_remarks_as_things_and_filings_by_someone() {
        // "one Varga aide" speaks for Varga in both halves of the quote, and is not the aide
        // named earlier in the article.
        let text = "The campaign sends out allies (such as top Lind aide Piet Dorn, who called \
            Varga “a menace” on Sunday).\n\
            “That doesn't mean silence,” one Varga aide said last week, “but a quiet \
            answer rather than a shouting match.”";
        assert_eq!(speaker_of(text, "quiet answer").as_deref(), Some("Varga"));
        let text = "Top Lind aide Piet Dorn spoke on Monday.\n\
            “We are not worried,” an aide said on Tuesday.";
        assert_eq!(speaker_of(text, "not worried"), None);
        // A remark named as a thing, the quote set apart by dashes.
        let text = "Mr. Varga hardly cleared it up, treating Mrs. Lind's remark first as a \
            compliment -- ''That shows I'm careful'' -- and later saying little.";
        assert_ne!(
            speaker_of(text, "shows I'm careful").as_deref(),
            Some("Lind")
        );
        // The maker of a filing, after a noun that is also a cue ("state attorney").
        let text = "“The papers do not show who signed first,” according to a court document \
            filed by state attorney Ana Holt.";
        assert_eq!(
            speaker_of(text, "signed first").as_deref(),
            Some("Ana Holt")
        );
    }

    #[test]
    fn a_closing_double_apostrophe_ends_its_sentence_and_adjectives_make_nouns() {
        // The whole '' mark closes the quote's sentence: the next sentence's subject and its
        // past-tense verb are not the quote's.
        let text = "Piet Lind waved the storm away before turning to the perils of a \
            ''closed harbour.'' Ole Brandt struggled to answer a plain question on Sunday.";
        assert_ne!(
            speaker_of(text, "closed harbour").as_deref(),
            Some("Ole Brandt")
        );
        // "a deep regret": a noun, so the sentence's verb and subject are found.
        let text = "A month later, at the town hall, Mr. Lind expressed a deep regret for \
            ''my failure to mend the quarrel over the ferries.'' It was, he said, a bitter \
            loss.";
        assert_eq!(speaker_of(text, "my failure").as_deref(), Some("Lind"));
    }

    #[test]
    fn a_dateline_before_a_double_hyphen_is_no_speaker() {
        let text = "BRILL --  ''The stories begin. The stories end. But the work of Ana Dorn \
            will never end.''";
        assert_eq!(speaker_of(text, "stories begin"), None);
    }

    #[test]
    fn an_office_named_before_a_name_is_that_persons_role() {
        // "Treasury Secretary Piet R. Holt": the role opens the name's run.
        let text = "The news came in a statement from Treasury Secretary Piet R. Holt.\n\
            “The bank has done well,” Mr. Holt said.\n\
            The Treasury secretary also lauded Mr. Varga for the ''needed reforms at the bank.''";
        assert_eq!(
            speaker_of(text, "needed reforms").as_deref(),
            Some("Piet R. Holt")
        );
        // "the president" is the one whose role is that alone, not the bank's president.
        let text = "President Lind golfed with World Bank President Ana Voss on Sunday.\n\
            The president also said he hoped for a “quiet harbour” at last.";
        assert_eq!(speaker_of(text, "quiet harbour").as_deref(), Some("Lind"));
        // A headline run in capitals is not a role.
        let text = "BLAST IN BRILL Ardish President Ilse Varga-Holm said the bomber had \
            “Ostravan roots.”";
        assert_eq!(
            speaker_of(text, "Ostravan").as_deref(),
            Some("Ilse Varga-Holm")
        );
    }

    #[test]
    fn two_names_of_an_institute_write_together() {
        let both = "Tomas Andric and Mara Dunn-Holt";
        assert_speakers(&[
            (
                "“Salt would let the plant run longer,” nuclear experts Tomas Andric and \
                 Mara Dunn-Holt of Brill's Institute for Science and Sea Security wrote in March.",
                "plant run",
                both,
            ),
            // Before the quote too: "Science and Sea Security" are words of the institute's
            // name.
            (
                "Tomas Andric and Mara Dunn-Holt of the Institute for Science and Sea \
                 Security wrote that the plant was “a fine idea.”",
                "fine idea",
                both,
            ),
            (
                "“Salt would let the plant run longer,” Tomas Andric and Mara Dunn-Holt of \
                 the Brill Institute wrote in March.",
                "plant run",
                both,
            ),
        ]);
    }

    #[test]
    fn combining_marks_and_double_decoded_letters_stay_in_names() {
        // "François" written with a combining cedilla, and as text decoded twice.
        let text = "“Europe must defend itself,” President Franc\u{327}ois Lemaire said.";
        assert_eq!(
            speaker_of(text, "defend itself").as_deref(),
            Some("Franc\u{327}ois Lemaire")
        );
        let text = "“Europe must defend itself,” President Fran\u{c3}\u{83}\u{c2}\u{a7}ois \
            Lemaire said.";
        assert_eq!(
            speaker_of(text, "defend itself").as_deref(),
            Some("Fran\u{c3}\u{83}\u{c2}\u{a7}ois Lemaire")
        );
    }

    #[test]
    fn surnames_that_are_common_words_and_roles_of_a_field() {
        let text = "\"The old wall held for a century,\" said Aldo From, who built the harbour museum.\n\
            \"The quay has changed since the storm,\" From said. \"Now the boats are back.\"\n\
            Harbour chief Rosa May visited the port on Monday.\n\
            \"We had no choice at all, none,\" May said on Tuesday.\n\
            \"The first line of defence is the old wall,\" said former secretary of state Hana Varga.\n\
            \"The second line is the dune,\" said an expert on Kelmar Piet Dunn.";
        assert_speakers(&[
            // A surname the article introduced, though it is also a common word.
            (text, "quay has changed", "Aldo From"),
            (text, "Now the boats", "Aldo From"),
            (text, "no choice at all", "Rosa May"),
            // "secretary of state": "of" and a field that could be a verb stay in the role.
            (text, "first line", "Hana Varga"),
        ]);
        // Near misses: a common word no one was introduced by names no one; "an expert on
        // Kelmar" describes someone other than the name after it.
        let plain = "The board met on Monday.\n\"The fees will rise,\" From said. \"We had no choice,\" May said.";
        assert_eq!(speaker_of(plain, "fees will rise"), None);
        assert_eq!(speaker_of(plain, "no choice"), None);
        assert_ne!(
            speaker_of(text, "second line").as_deref(),
            Some("Piet Dunn")
        );
    }

    #[test]
    fn an_aside_between_dashes_names_or_is_passed_over() {
        let text = "Harbour fees rise.\n\
            A former harbour master -- Aurelio Benn, who lost the 2008 vote to Lind -- said the plan \"offered no change to the slow repair schedule.\"\n\
            Councillor Marit Olsen \u{2014} back from a week at sea \u{2014} said the fees were \"far too high for the small boats.\"";
        assert_speakers(&[
            (text, "offered no change", "Aurelio Benn"),
            (text, "far too high", "Marit Olsen"),
        ]);
    }

    #[test]
    fn a_name_and_its_appositive_after_a_closed_quote_speak_for_it() {
        let text = "Ferry crossings double.\n\
            \u{201c}Full steam ahead!\u{201d} Rep. Odile Marchetti, D-Kel., said of the new timetable.\n\
            \u{201c}Nobody asked the crews.\u{201d} Tarquin Holm, who runs the dock workers' union, told reporters.";
        assert_speakers(&[
            (text, "Full steam ahead", "Odile Marchetti"),
            (text, "Nobody asked", "Tarquin Holm"),
        ]);
        // A middle initial, then party and state in brackets, before the cue.
        let text =
            "\"She will steer the harbour well, and fairly,\" Rep. Ilse E. Brandt (D-Kel.) said.";
        assert_speakers(&[(text, "steer the harbour", "Ilse E. Brandt")]);
        // Without a verb of saying after the appositive the next sentence is the quote's own
        // business.
        let text = "Ferry crossings double.\n\
            \u{201c}Full steam ahead!\u{201d} Odile Marchetti, the new minister, took office in May.";
        assert_eq!(speaker_of(text, "Full steam ahead"), None);
        let text = "Fisherman Piet Ostrom lost his boat in the storm. \u{201c}We have lost everything.\u{201d} Mayor Tomas Lind, who toured the harbour on Friday, announced a relief fund.";
        assert_ne!(
            speaker_of(text, "lost everything").as_deref(),
            Some("Tomas Lind")
        );
        // An aside in brackets is passed over, not a licence to look far for a verb.
        let text = "Quay protest.\n\
            \u{201c}We will not move,\u{201d} Ilse Brandt (second from left) stood firm on the quay as harbour master Piet Ostrom told the protesters to leave.";
        assert_ne!(
            speaker_of(text, "will not move").as_deref(),
            Some("Ilse Brandt")
        );
    }

    #[test]
    fn a_subject_after_a_conjunction_or_a_second_opening_phrase() {
        let text = "Ilse Brandt chairs the harbour board.\n\
            And then Brandt went on the offensive, saying, “Is the board going to act at last?”\n\
            On Monday, after a month of silence, Liesl Varga backed the plan, saying, “We need a steady hand.”\n\
            Then Tomas Andric, the board's treasurer, stood up, saying, “We cannot pay for new pumps.”";
        assert_speakers(&[
            (text, "act at last", "Ilse Brandt"),
            (text, "steady hand", "Liesl Varga"),
            (text, "new pumps", "Tomas Andric"),
        ]);
        // Not a possessive's owner, nor a subject when the clause's verb of saying has its own.
        let text = "Ilse Brandt chairs the harbour board.\n\
            And then Brandt's deputies went on the offensive, saying, “The board must act now.”\n\
            But Liesl Varga shares one fear with the islanders, the columnist suggested: “She hates the ferry as much as they do.”";
        assert_eq!(speaker_of(text, "act now"), None);
        assert_eq!(speaker_of(text, "hates the ferry"), None);
    }

    #[test]
    fn a_quote_inside_an_appositive_is_passed_over() {
        let text = "Not everyone was pleased.\n\
            \"We have had better meetings than this one,\" island delegate Ina Holt, wearing a rain hat and \"Save the Ferry\" pins, said flatly.";
        assert_speakers(&[(text, "better meetings", "Ina Holt")]);
        // The slogan itself speaks for no one.
        assert!(labels(text)
            .iter()
            .all(|(q, who)| !q.contains("Save the Ferry") || who.is_none()));
    }

    #[test]
    fn reported_speech_after_a_paragraphs_last_quote_introduces_the_next_quote() {
        let text = "Ferry board.\n\
            Piet Holm, who calls the plan a \u{201c}folly,\u{201d} said he would wait. Rather, he said, the vote will settle it.\n\
            \u{201c}To my knowledge, nobody has read the figures yet.\u{201d}";
        assert_speakers(&[(text, "To my knowledge", "Piet Holm")]);
    }

    #[test]
    fn thanking_is_speaking() {
        let text = "Councillor Ada Voss toured the docks. The union is such a presence there that Voss on Sunday thanked its crews \"for their steady work\" and left.";
        assert_speakers(&[(text, "for their steady work", "Ada Voss")]);
    }

    #[test]
    fn a_participle_after_a_possessive_opening_goes_with_the_cue_verb() {
        let text = "Port row.\n\
            Leaders have criticised harbour chief Oren Brannock.\n\
            Brannock's \"excesses\" are sickening, Ilse Varga said Tuesday in Ostrel, noting the harbour chief \"makes you want to weep.\"\n\
            Brannock's daughter, Wren, defended her father on the radio, saying: \"He has learned a great deal.\"";
        assert_speakers(&[
            (text, "makes you want to weep", "Ilse Varga"),
            // The possessive owns a subject that is named: that name speaks.
            (text, "He has learned", "Wren"),
        ]);
    }

    #[test]
    fn titles_openers_and_groups_are_not_names() {
        let text = "Harbour notes.\n\
            Former Secretary of State Mara Quill urged islanders to back the plan, saying, \u{201c}There is room for everyone.\u{201d}\n\
            Secretary of Harbour Safety Jon Sund toured the pier, saying: \"The pier is sound.\"\n\
            \"This wastes time,\" said Del. Ana Voss of the Outer Isles.\n\
            Back in 1999, Mr. Brannock praised the old captain, telling the Courier: ''I wish I could sail like that.''\n\
            Supporters say the plan will work. The \"fair fare\" idea began in Ostrel.";
        assert_speakers(&[
            (text, "There is room", "Mara Quill"),
            (text, "The pier is sound", "Jon Sund"),
            (text, "This wastes time", "Ana Voss"),
            (text, "I wish I could sail", "Brannock"),
        ]);
        assert_eq!(speaker_of(text, "fair fare"), None);
    }

    #[test]
    fn a_value_given_to_a_name_is_not_a_quote() {
        let text = "The harbour board posted it.\n\
            <post author=\"@lena_voss\" date=\"May 3, 2024\">We sail at dawn, whatever the weather.</post>\n\
            The setting was mode=\"strict\", and Voss said \"strict is right.\"";
        let quotes: Vec<String> = find(text)
            .iter()
            .map(|q| text.chars().skip(q.start).take(q.end - q.start).collect())
            .collect();
        assert_eq!(quotes, ["strict is right."]);
    }

    #[test]
    fn a_verb_that_is_also_a_noun_speaks_after_an_appositive_with_a_name() {
        // "calls" after a comma is a verb when the commas set off a name or its role.
        let text = "Her chief aide, Tomas Rell, calls the plan a \"blueprint\" for the port.\n\
            Rell, her chief aide, calls the fares \"fair at last\" in a memo.";
        assert_speakers(&[
            (text, "blueprint", "Tomas Rell"),
            (text, "fair at last", "Tomas Rell"),
        ]);
        // A noun after a comma with no name near: no speaker.
        let text = "In the harbour towns, calls for \"a new pier\" grew louder.";
        assert_eq!(speaker_of(text, "a new pier"), None);
    }

    #[test]
    fn a_region_after_a_place_is_not_an_appositive_name() {
        let text = "Liesl Varga, during a town hall in Carrowby, Kelvarra, said she was “tired of waiting for the ferry.”\n\
            The head of the Office of Harbour Works, Piet Dunn, said the pier was “older than the town.”";
        assert_speakers(&[
            (text, "tired of waiting", "Liesl Varga"),
            // After "of", the name between the commas is the speaker still.
            (text, "older than", "Piet Dunn"),
        ]);
    }

    #[test]
    fn an_aside_of_attribution_after_a_quote() {
        let text = "Even so, that the ballot “is too close to call,” as Liesl Varga said on the radio on Monday, only raises the stakes.\n\
            The pier “will outlast us all,” as Varga knows well, but the board wants it gone.";
        assert_speakers(&[(text, "too close to call", "Liesl Varga")]);
        // "As" and a name with no verb of saying is no attribution.
        assert_eq!(speaker_of(text, "outlast us all"), None);
    }

    #[test]
    fn a_role_or_a_number_opening_the_sentence_is_no_part_of_a_name() {
        let text = "Filmmaker Oona Reyes said her film was “about the tide and nothing else.”\n\
            Six Varga supporters stood by the pier.\n\
            “We stay here,” Varga told the crowd.\n\
            So-yeon Park said the pier was “older than the town.”\n\
            Sixty-two percent say the board “should resign at once and go home.”";
        assert_speakers(&[
            (text, "about the tide", "Oona Reyes"),
            // "Six Varga" is a count of supporters, not Varga's full name.
            (text, "We stay here", "Varga"),
            (text, "older than the town", "So-yeon Park"),
        ]);
        // "Sixty-two percent" names no one.
        assert_eq!(speaker_of(text, "should resign at once"), None);
    }

    #[test]
    fn a_description_names_only_someone_introduced_before_the_quote() {
        let text = "Harbour master Piet Dunn opened the meeting.\n\
            The economist said the pier was “far too old to save.”\n\
            Later that week, economist Ana Holt arrived in town.\n\
            “It is lovely,” the harbour master said.";
        // The economist who spoke may be anyone: Ana Holt only arrives later.
        assert_eq!(speaker_of(text, "far too old"), None);
        assert_speakers(&[(text, "It is lovely", "Piet Dunn")]);
    }

    #[test]
    fn a_relative_with_the_same_surname_is_someone_else() {
        // A woman's full name after "Mr. Varga".
        let family = "Harbour news\n\
            Mr. Varga opened the fair with a short toast: “It is about me.”\n\
            “We will not stop,” Varga said at the rally.\n\
            Ana Varga, a teacher, spoke first. “He means it,” she said.";
        assert_speakers(&[
            (family, "about me", "Varga"),
            (family, "will not stop", "Varga"),
            (family, "He means it", "Ana Varga"),
        ]);
        // A relative, whatever the sex.
        let son = "Harbour news\n\
            President Varga opened the pier.\n\
            “We will not stop,” Varga said at the rally.\n\
            His son, Tomas Varga, spoke first.";
        assert_speakers(&[(son, "will not stop", "Varga")]);
        // The surname's first full name is still its person when nothing says otherwise.
        let same = "Harbour news\nMayor Holt spoke first.\nLater Ana Holt said, “We stay.”\n“Good,” Holt added.";
        assert_speakers(&[(same, "Good", "Ana Holt")]);
    }

    #[test]
    fn the_country_an_envoy_is_sent_to_is_no_part_of_the_name() {
        let text = "The ambassador to Brill Liu Hanming said on Friday that the fishing dispute would need “patience on both shores” to settle.\n\
            The former special envoy to Kelvarra Oskari Venn said the talks had “run aground twice.”";
        assert_speakers(&[
            (text, "patience on both", "Liu Hanming"),
            (text, "run aground", "Oskari Venn"),
        ]);
    }

    #[test]
    fn a_body_keeps_its_name_past_of_and_for() {
        let text = "In a statement, the Association of Net Menders called the plan a “disgrace to the harbour.”\n\
            In its spring report the Committee on Tidal Safety warned that the new buoys were “too dim to see in fog.”";
        assert_speakers(&[
            (text, "disgrace", "Association of Net Menders"),
            (text, "too dim to see", "Committee on Tidal Safety"),
        ]);
    }

    #[test]
    fn a_short_quote_after_a_verb_of_praise_or_attack_is_the_subjects() {
        let text = "At every town meeting, Ilse Vale characterizes herself as a “net mender” who fixes what others tear.\n\
            Senator Ana Holt has been pounding Keller for days as a “tide dodger” on the radio.\n\
            Tomas Keller ticked off his plans for the quay, among them “cheaper mooring” for small boats.\n\
            Ana Holt has a boat called the “Gull” in the bay.";
        assert_speakers(&[
            (text, "net mender", "Ilse Vale"),
            (text, "tide dodger", "Ana Holt"),
            (text, "cheaper mooring", "Tomas Keller"),
        ]);
        // No verb of speech: a name, not a quotation.
        assert!(labels(text)
            .iter()
            .all(|(q, s)| !q.contains("Gull") || s.is_none()));
    }

    #[test]
    fn a_clause_set_against_the_main_one_has_its_own_speaker() {
        let text = "Harbour news\n\
            Mayor Ilse Brandt on Monday closed the old ferry slip, while Tomas Keller, the former harbour master, proposed they “lease it to the rowing club” instead.\n\
            Ana Holt wrote that the vote was fair, but Oskari Venn has gone “completely overboard” since.";
        assert_speakers(&[(text, "lease it to", "Tomas Keller")]);
        // A clause that does not speak is about its subject, not by him.
        assert_ne!(
            speaker_of(text, "completely overboard").as_deref(),
            Some("Oskari Venn")
        );
    }

    #[test]
    fn a_time_of_day_opening_the_sentence_is_passed_over() {
        let text = "Harbour news\n\
            Ilse Vale and Tomas Orrin met on Sunday.\n\
            Orrin stood by the toll for a year, but last Friday he said he would scrap it. Tuesday evening, Vale mocked the change and called it a “weathervane turn.”";
        // Not Orrin, who spoke earlier in the paragraph: the sentence is Vale's.
        assert_speakers(&[(text, "weathervane turn", "Ilse Vale")]);
    }

    #[test]
    fn a_list_of_quotes_after_one_cue_is_all_that_speakers() {
        let text = "Harbour news\n\
            The rally went on.\n\
            Rain fell, and as Keller went on about “the silted channel,” and “empty cold stores” and “the missing dredger,” Marta said nothing to her neighbour.\n\
            “We stay,” Ana Holt said. “We build,” Piet Dunn said.";
        assert_speakers(&[
            (text, "silted channel", "Keller"),
            (text, "empty cold stores", "Keller"),
            // Marta's "said" after the list has an object of its own.
            (text, "missing dredger", "Keller"),
            // Quotes each with a cue after it are not a list.
            (text, "We build", "Piet Dunn"),
        ]);
    }

    #[test]
    fn titles_of_works_are_no_speech() {
        let text = "Harbour news\n\
            “Nets at dawn” star Oona Reyes talked about the pier.\n\
            Before the last chorus of the fishermen’s anthem “Home Across the Bar,” Marta Olsen stopped the band.\n\
            Like the boat in the Piet Dunn movie “Three Days of Fog,” the ferry lost its way.\n\
            The board likened the levy to “piracy” and “plunder”, harbour master Ana Holt wrote.\n\
            “The crossing is safe,” actor Piet Dunn said.";
        let found: Vec<String> = labels(text).into_iter().map(|(q, _)| q).collect();
        for title in ["Nets at", "Home Across", "Three Days"] {
            assert!(
                found.iter().all(|q| !q.contains(title)),
                "{title}: {found:?}"
            );
        }
        // A role after a comma belongs to the sentence, not to the quote's title.
        assert!(found.iter().any(|q| q.contains("plunder")));
        assert_speakers(&[(text, "crossing is safe", "Piet Dunn")]);
    }

    #[test]
    fn the_one_an_adviser_serves_is_not_who_spoke() {
        let text = "An adviser to Piet T. Dunn said it was “not the end of the road.”\n\
            Piet T. Dunn said the pier was “safe for now.”";
        assert_eq!(speaker_of(text, "not the end"), None);
        assert_speakers(&[(text, "safe for now", "Piet T. Dunn")]);
    }

    #[test]
    fn two_offices_joined_by_and_name_the_person_after_them() {
        let text =
            "“The ferry stays,” said former Tarn Gov. and Port Board Chairman Edvin Stahl.\n\
            “We will see,” said Mr. King and Mr. Rask in a joint note.";
        assert_speakers(&[(text, "ferry stays", "Edvin Stahl")]);
        // A title written out in full ("King") may be a surname: two people, not one office.
        assert_eq!(
            speaker_of(text, "We will see").as_deref(),
            Some("King and Rask")
        );
    }

    #[test]
    fn chains_of_verbs_end_without_exhausting_the_stack() {
        // Each repeat sends the speaker search one verb further back; hostile text may repeat
        // them by the thousand.
        for unit in ["saying, ", "and asking ", "continued to said "] {
            let text = format!(
                "Marit Olsen spoke. Olsen said, {}\"a b c d e\" and more.",
                unit.repeat(20_000)
            );
            let _ = find(&text);
        }
    }

    #[test]
    fn broken_input_does_not_panic() {
        for t in [
            "",
            "“",
            "”",
            "\"\"\"",
            "'''",
            "“He said,” said",
            "\n\n“\n”",
            "said “x” he",
        ] {
            let _ = find(t);
        }
    }
}
