//! `quietread eval quotes FILE.jsonl`: quote detection and speaker attribution scored against
//! gold annotations in the PolNeAR-derived format (see the corpus README).

use crate::quotes;
use serde_json::Value;
use std::fmt::Write as _;
use std::time::Instant;

/// Smallest overlap (intersection over union, in characters) for a predicted quote to match a
/// gold one.
const MIN_IOU: f64 = 0.5;

/// Speaker resolutions in the gold data that give a name to score against.
const NAMED: &[&str] = &[
    "surname_match",
    "ner_in_mention",
    "corenlp_coref",
    "corenlp_coref_name",
];

fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Whether the gold surname (last word of the gold speaker) is among the predicted speaker's
/// words.
pub fn speaker_matches(gold: &str, predicted: &str) -> bool {
    let norm = |w: &str| {
        w.replace('’', "'")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .to_lowercase()
    };
    let Some(surname) = gold.split_whitespace().last().map(norm) else {
        return false;
    };
    predicted.split_whitespace().any(|w| norm(w) == surname)
}

/// Totals over a gold file.
#[derive(Debug, Default)]
pub struct Score {
    /// Articles read.
    pub articles: usize,
    /// Gold quotes.
    pub gold: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Predicted quotes matching a gold quote.
    pub matched: usize,
    /// Gold quotes with a resolved speaker name.
    pub named: usize,
    /// Of those, matched and given the right speaker.
    pub right: usize,
    /// Of those, matched but given no speaker.
    pub unnamed: usize,
    /// Of those, matched but given another speaker.
    pub wrong: usize,
    /// Gold spans that are not quotes (scare quotes, titles).
    pub other: usize,
    /// Of those, given a speaker label.
    pub other_labelled: usize,
    /// Predicted quotes in an article's first line (its title) where the gold marks no span at
    /// all: this gold leaves titles unannotated, so these are counted apart as well.
    pub in_bare_title: usize,
    /// Of those, matching a gold quote (none, while titles go unannotated).
    pub in_bare_title_matched: usize,
}

/// Score one article; mistakes are appended to `log` when it is given.
pub fn score_article(v: &Value, score: &mut Score, mut log: Option<&mut String>) {
    let text = v["text"].as_str().unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let predicted = quotes::find_chars(&chars);
    let gold: Vec<&Value> = v["quotes"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    score.articles += 1;
    score.gold += gold.len();
    score.predicted += predicted.len();
    let mut used = vec![false; predicted.len()];
    for g in &gold {
        let span = (
            g["start"].as_u64().unwrap_or(0) as usize,
            g["end"].as_u64().unwrap_or(0) as usize,
        );
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, p)| (i, iou(span, (p.start, p.end))))
            .filter(|(_, o)| *o >= MIN_IOU)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, _)) = best {
            used[i] = true;
            score.matched += 1;
        }
        let resolution = g["speaker_resolution"].as_str().unwrap_or("");
        let Some(gold_speaker) = g["speaker"]
            .as_str()
            .filter(|_| NAMED.contains(&resolution))
        else {
            continue;
        };
        score.named += 1;
        let got = best.and_then(|(i, _)| predicted[i].speaker.as_deref());
        match (best, got) {
            (Some(_), Some(p)) if speaker_matches(gold_speaker, p) => score.right += 1,
            (Some(_), Some(p)) => {
                score.wrong += 1;
                if let Some(log) = log.as_deref_mut() {
                    let q: String = chars[span.0..span.1].iter().take(70).collect();
                    let _ = writeln!(log, "WRONG {:?} gold={gold_speaker:?} ({resolution}, mention {:?}) got={p:?}\n    {q}", v["id"].as_str().unwrap_or(""), g["speaker_mention"].as_str().unwrap_or(""));
                }
            }
            (Some(_), None) => {
                score.unnamed += 1;
                if let Some(log) = log.as_deref_mut() {
                    let q: String = chars[span.0..span.1].iter().take(70).collect();
                    let _ = writeln!(log, "NONE {:?} gold={gold_speaker:?} ({resolution}, mention {:?}, cue {:?})\n    {q}", v["id"].as_str().unwrap_or(""), g["speaker_mention"].as_str().unwrap_or(""), g["cue"].as_str().unwrap_or(""));
                }
            }
            (None, _) => {
                if let Some(log) = log.as_deref_mut() {
                    let q: String = chars[span.0..span.1].iter().take(70).collect();
                    let _ = writeln!(log, "MISSED {:?} {q}", v["id"].as_str().unwrap_or(""));
                }
            }
        }
    }
    let title_end = chars.iter().position(|&c| c == '\n').unwrap_or(chars.len());
    let starts = |key: &str| {
        v[key].as_array().into_iter().flatten().any(|o| {
            o["start"]
                .as_u64()
                .is_some_and(|s| (s as usize) < title_end)
        })
    };
    if !starts("quotes") && !starts("other_quoted_spans") {
        for (p, u) in predicted.iter().zip(&used) {
            if p.start < title_end {
                score.in_bare_title += 1;
                score.in_bare_title_matched += usize::from(*u);
            }
        }
    }
    if let Some(log) = log {
        for (p, _) in predicted.iter().zip(&used).filter(|(_, u)| !**u) {
            let q: String = chars[p.start..p.end].iter().take(70).collect();
            let _ = writeln!(
                log,
                "EXTRA {:?} speaker={:?}\n    {q}",
                v["id"].as_str().unwrap_or(""),
                p.speaker
            );
        }
    }
    for o in v["other_quoted_spans"].as_array().into_iter().flatten() {
        score.other += 1;
        let span = (
            o["start"].as_u64().unwrap_or(0) as usize,
            o["end"].as_u64().unwrap_or(0) as usize,
        );
        if predicted
            .iter()
            .any(|p| p.speaker.is_some() && iou(span, (p.start, p.end)) >= MIN_IOU)
        {
            score.other_labelled += 1;
        }
    }
}

/// The harmonic mean of precision and recall (0 when both are 0).
fn f1_score(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Run the evaluation over a JSONL gold file and render the report.
pub fn run(path: &str, text: &str, verbose: bool) -> Result<String, String> {
    let mut score = Score::default();
    let mut log = String::new();
    let t0 = Instant::now();
    let mut bad = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<Value>(line) {
            Ok(v) => score_article(&v, &mut score, verbose.then_some(&mut log)),
            Err(_) => bad += 1,
        }
    }
    let ms = t0.elapsed().as_secs_f64() * 1e3;
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(score.matched, score.predicted);
    let r = ratio(score.matched, score.gold);
    let f1 = f1_score(p, r);
    let body_p = ratio(
        score.matched - score.in_bare_title_matched,
        score.predicted - score.in_bare_title,
    );
    let body_f1 = f1_score(body_p, r);
    let mut out = log;
    let _ = writeln!(
        out,
        "file: {path} ({} articles{})",
        score.articles,
        if bad > 0 {
            format!(", {bad} unreadable lines skipped")
        } else {
            String::new()
        }
    );
    let _ = writeln!(out, "quotes: precision {p:.3} recall {r:.3} F1 {f1:.3} ({} gold, {} predicted, {} matched at IoU >= {MIN_IOU})", score.gold, score.predicted, score.matched);
    let _ = writeln!(out, "  without {} predicted in titles the gold left unannotated: precision {body_p:.3} F1 {body_f1:.3}", score.in_bare_title);
    let _ = writeln!(out, "speaker accuracy: {:.3} ({} right of {} gold quotes with a resolved name; {} given another speaker, {} given none, {} not found)", ratio(score.right, score.named), score.right, score.named, score.wrong, score.unnamed, score.named - score.right - score.wrong - score.unnamed);
    let _ = writeln!(
        out,
        "other quoted spans labelled: {} of {} ({:.3})",
        score.other_labelled,
        score.other,
        ratio(score.other_labelled, score.other)
    );
    let _ = writeln!(
        out,
        "time: {ms:.0} ms ({:.2} ms an article)",
        ratio(ms as usize, score.articles.max(1))
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_matching() {
        assert!(speaker_matches("Anton Velikov", "Velikov"));
        assert!(speaker_matches(
            "Anton Velikov",
            "Pavel Orlov and Anton Velikov"
        ));
        assert!(!speaker_matches("Anton Velikov", "Pavel Orlov"));
        assert!(speaker_matches(
            "Carrowby Evening Post",
            "The Carrowby Evening Post’s"
        ));
        assert!(speaker_matches("O'Neill", "Fergal O’Neill"));
    }

    #[test]
    fn scores_an_article() {
        let v: Value = serde_json::from_str(
            r#"{"id":"x","text":"“We will stay,” Ms Varga said. It was a “Quartet”.","quotes":[{"start":1,"end":13,"speaker":"Liesl Varga","speaker_resolution":"surname_match"}],"other_quoted_spans":[{"start":40,"end":47}]}"#,
        )
        .unwrap();
        let mut s = Score::default();
        score_article(&v, &mut s, None);
        assert_eq!((s.gold, s.matched, s.named, s.right), (1, 1, 1, 1));
        assert_eq!((s.other, s.other_labelled), (1, 0));
    }

    #[test]
    fn quotes_in_a_title_the_gold_left_bare_are_counted_apart() {
        let line = |quotes: &str| {
            format!(
                r#"{{"id":"x","text":"Varga: ‘We stay’\n“We will stay,” Ms Varga said.","quotes":[{quotes}],"other_quoted_spans":[]}}"#
            )
        };
        let body =
            r#"{"start":18,"end":30,"speaker":"Liesl Varga","speaker_resolution":"surname_match"}"#;
        let mut s = Score::default();
        score_article(&serde_json::from_str(&line(body)).unwrap(), &mut s, None);
        assert_eq!((s.predicted, s.matched, s.in_bare_title), (2, 1, 1));
        // A title with a gold span of its own is scored as any line.
        let title =
            r#"{"start":8,"end":15,"speaker":"Liesl Varga","speaker_resolution":"surname_match"}"#;
        let mut s = Score::default();
        score_article(
            &serde_json::from_str(&line(&format!("{title},{body}"))).unwrap(),
            &mut s,
            None,
        );
        assert_eq!((s.predicted, s.matched, s.in_bare_title), (2, 2, 0));
    }
}
