//! The packed snapshot: the form the browser hands send, one string of records that the core
//! splits instead of parsing JSON. Building it in the page costs little more than reading the
//! DOM, and splitting it costs little more than copying the strings.
//!
//! Records are separated by U+0001 and their fields by U+0002; U+0003 separates the parts of
//! one field. The first record is the header, the others are nodes in document order.
//! - header: `qr1`, the node count, the page address, then for a mutation batch the state
//!   (`article_text`, `modal` as `0`/`1`);
//! - text node: parent, `#text`, the text (which may hold U+0002; it runs to the record's end);
//! - element: parent, tag, id, class, attributes (`name` U+0003 `value` ...), style
//!   (`position` U+0003 `overflow` U+0003 `z` U+0003 `covers_center` U+0003 `area` in
//!   ten-thousandths U+0003 `visible`, empty when not measured), flags (`k` for a context
//!   node, `a` for the article, `s` for white space before it).
//!   Text nodes of white space alone are not sent: the next element says `s` instead, and
//!   one is sent only when a text node follows it.
//!   Trailing empty fields may be left off.
//!
//! The hands keep U+0001 out of the strings they pack; the node count in the header catches a
//! record that was split anyway, and such a snapshot is refused rather than misread.

use crate::snapshot::{Node, Snapshot, State, Style, TEXT};
use std::borrow::Cow;

/// The header's first field, which also tells a packed snapshot from JSON.
pub const MAGIC: &str = "qr1";
/// Between records.
pub const RECORD: char = '\u{1}';
/// Between the fields of a record.
pub const FIELD: char = '\u{2}';
/// Between the parts of a field.
pub const PART: char = '\u{3}';

/// The style's `area` is sent in these parts of the viewport.
const AREA_SCALE: u32 = 10_000;

/// Whether `s` is a packed snapshot (rather than JSON).
pub fn is_packed(s: &str) -> bool {
    s.strip_prefix(MAGIC)
        .is_some_and(|rest| rest.starts_with(FIELD) || rest.starts_with(RECORD) || rest.is_empty())
}

/// Read a snapshot in any form the core accepts: packed, markup, or JSON.
pub fn read(s: &str) -> Result<Snapshot<'_>, String> {
    if is_packed(s) {
        decode(s)
    } else if crate::markup::is_markup(s) {
        crate::markup::read(s)
    } else {
        read_json(s)
    }
}

/// The JSON form, read natively (the command line, tests and fuzzers).
#[cfg(not(target_arch = "wasm32"))]
fn read_json(s: &str) -> Result<Snapshot<'_>, String> {
    serde_json::from_str(s).map_err(|e| e.to_string())
}

/// The shipped wasm reads only what the hands send, the packed form: leaving the JSON reader
/// out keeps its code (a float parser among it) out of the download.
#[cfg(target_arch = "wasm32")]
fn read_json(_: &str) -> Result<Snapshot<'_>, String> {
    Err("not a packed snapshot".into())
}

/// Read a packed snapshot. Fields that do not parse take their defaults; a header that is
/// missing, or a node count that does not match, is an error.
pub fn decode(s: &str) -> Result<Snapshot<'_>, String> {
    let mut records = s.split(RECORD);
    let header = records.next().unwrap_or_default();
    let mut fields = header.split(FIELD);
    if fields.next() != Some(MAGIC) {
        return Err("not a packed snapshot".into());
    }
    let count: usize = fields
        .next()
        .and_then(|c| c.parse().ok())
        .ok_or("packed snapshot without a node count")?;
    let url = fields.next().unwrap_or_default().to_string();
    let partial = fields.next().map(|text| State {
        article_text: text.parse().unwrap_or(0),
        modal: fields.next() == Some("1"),
    });
    // The count comes from the page: it only bounds the reservation, never sizes it alone.
    let mut nodes = Vec::with_capacity(count.min(s.len() / 4 + 1));
    for rec in records {
        nodes.push(node(rec));
    }
    if nodes.len() != count {
        return Err(format!(
            "packed snapshot has {} nodes, header says {count}",
            nodes.len()
        ));
    }
    Ok(Snapshot {
        url,
        nodes,
        partial,
        places: Vec::new(),
    })
}

/// One node record.
fn node(rec: &str) -> Node<'_> {
    let mut fields = rec.splitn(3, FIELD);
    let parent = fields.next().and_then(|p| p.parse().ok()).unwrap_or(-1);
    let tag = fields.next().unwrap_or_default();
    let rest = fields.next().unwrap_or_default();
    if tag == TEXT {
        return Node {
            parent,
            tag: Cow::Borrowed(TEXT),
            text: Cow::Borrowed(rest),
            ..Node::default()
        };
    }
    let mut fields = rest.split(FIELD);
    let mut next = || fields.next().unwrap_or_default();
    let id = Cow::Borrowed(next());
    let class = Cow::Borrowed(next());
    let attrs = attrs(next());
    let style = style(next());
    let flags = next();
    Node {
        parent,
        tag: Cow::Borrowed(tag),
        id,
        class,
        attrs,
        text: Cow::Borrowed(""),
        style,
        context: flags.contains('k'),
        article: flags.contains('a'),
        space: flags.contains('s'),
    }
}

/// `name` U+0003 `value` pairs; a name without its value gets an empty one.
fn attrs(field: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    if field.is_empty() {
        return Vec::new();
    }
    let mut parts = field.split(PART);
    let mut out = Vec::new();
    while let Some(name) = parts.next() {
        out.push((
            Cow::Borrowed(name),
            Cow::Borrowed(parts.next().unwrap_or_default()),
        ));
    }
    out
}

/// The measured style, when there is one.
pub(crate) fn style(field: &str) -> Option<Style> {
    if field.is_empty() {
        return None;
    }
    let mut parts = field.split(PART);
    let mut next = || parts.next().unwrap_or_default();
    let position = next().to_string();
    let overflow = next().to_string();
    let z = next().parse().unwrap_or(0);
    let covers_center = next() == "1";
    // Ten-thousandths, an integer: parsing floats would add a tenth to the wasm.
    let area =
        f64::from(next().parse::<u32>().unwrap_or(0).min(AREA_SCALE)) / f64::from(AREA_SCALE);
    let visible = next() != "0";
    Some(Style {
        position,
        overflow,
        z,
        covers_center,
        area,
        visible,
    })
}

/// Write a snapshot in the packed form, as the hands do. Separator characters inside its
/// strings become spaces.
pub fn encode(snap: &Snapshot) -> String {
    let mut out = String::new();
    out.push_str(MAGIC);
    out.push(FIELD);
    out.push_str(&snap.nodes.len().to_string());
    out.push(FIELD);
    put(&mut out, &snap.url);
    if let Some(state) = &snap.partial {
        out.push(FIELD);
        out.push_str(&state.article_text.to_string());
        out.push(FIELD);
        out.push(if state.modal { '1' } else { '0' });
    }
    for n in &snap.nodes {
        out.push(RECORD);
        out.push_str(&n.parent.to_string());
        out.push(FIELD);
        put(&mut out, &n.tag);
        out.push(FIELD);
        if n.is_text() {
            put(&mut out, &n.text);
            continue;
        }
        put(&mut out, &n.id);
        out.push(FIELD);
        put(&mut out, &n.class);
        out.push(FIELD);
        for (k, (name, value)) in n.attrs.iter().enumerate() {
            if k > 0 {
                out.push(PART);
            }
            put(&mut out, name);
            out.push(PART);
            put(&mut out, value);
        }
        out.push(FIELD);
        if let Some(s) = &n.style {
            put(&mut out, &s.position);
            out.push(PART);
            put(&mut out, &s.overflow);
            out.push(PART);
            out.push_str(&s.z.to_string());
            out.push(PART);
            out.push(if s.covers_center { '1' } else { '0' });
            out.push(PART);
            let area = (s.area.clamp(0.0, 1.0) * f64::from(AREA_SCALE)).round() as u32;
            out.push_str(&area.to_string());
            out.push(PART);
            out.push(if s.visible { '1' } else { '0' });
        }
        out.push(FIELD);
        if n.context {
            out.push('k');
        }
        if n.article {
            out.push('a');
        }
        if n.space {
            out.push('s');
        }
    }
    out
}

/// Append `s` with the separator characters made spaces.
fn put(out: &mut String, s: &str) {
    if s.contains([RECORD, FIELD, PART]) {
        out.extend(s.chars().map(|c| {
            if matches!(c, RECORD | FIELD | PART) {
                ' '
            } else {
                c
            }
        }));
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Snapshot<'static> {
        let el = |parent: i64, tag: &str| Node {
            parent,
            tag: tag.to_string().into(),
            ..Node::default()
        };
        let mut nodes = vec![el(-1, "html"), el(0, "body"), el(1, "div"), el(2, TEXT)];
        nodes[2].id = "gate".into();
        nodes[2].class = "tp-modal open".into();
        nodes[2].attrs = vec![
            ("role".into(), "dialog".into()),
            ("data-x".into(), "".into()),
        ];
        nodes[2].style = Some(Style {
            position: "fixed".into(),
            overflow: "auto".into(),
            z: 9999,
            covers_center: true,
            area: 0.75,
            visible: true,
        });
        nodes[3].text = "Subscribe, \u{2}odd\u{2} text".into();
        Snapshot {
            url: "https://example.org/a".into(),
            nodes,
            partial: None,
            places: Vec::new(),
        }
    }

    #[test]
    fn round_trips_every_field() {
        let snap = page();
        let packed = encode(&snap);
        let back = decode(&packed).unwrap();
        assert_eq!(back.url, snap.url);
        assert_eq!(back.nodes.len(), 4);
        let div = &back.nodes[2];
        assert_eq!((div.parent, div.tag.as_ref()), (1, "div"));
        assert_eq!(
            (div.id.as_ref(), div.class.as_ref()),
            ("gate", "tp-modal open")
        );
        assert_eq!(div.attrs, snap.nodes[2].attrs);
        assert_eq!(div.style, snap.nodes[2].style);
        // Separators inside a string become spaces.
        assert_eq!(back.nodes[3].text, "Subscribe,  odd  text");
        assert!(back.partial.is_none());
    }

    #[test]
    fn reads_a_batch_with_its_state_and_flags() {
        let mut snap = page();
        snap.partial = Some(State {
            article_text: 1234,
            modal: true,
        });
        snap.nodes[1].context = true;
        snap.nodes[2].article = true;
        let packed = encode(&snap);
        let back = decode(&packed).unwrap();
        assert_eq!(back.partial, snap.partial);
        assert!(back.nodes[1].context && !back.nodes[1].article);
        assert!(back.nodes[2].article && !back.nodes[2].context);
    }

    #[test]
    fn text_may_hold_field_separators() {
        let s = "qr1\u{2}1\u{2}\u{1}-1\u{2}#text\u{2}a\u{2}b";
        assert_eq!(decode(s).unwrap().nodes[0].text, "a\u{2}b");
    }

    #[test]
    fn trailing_fields_may_be_left_off_and_bad_ones_take_defaults() {
        let s = "qr1\u{2}2\u{2}\u{1}-1\u{2}html\u{1}x\u{2}div\u{2}\u{2}\u{2}role\u{2}fixed\u{3}\u{3}NaN\u{3}1\u{3}0.5";
        let snap = decode(s).unwrap();
        assert_eq!(snap.nodes[0].tag, "html");
        let div = &snap.nodes[1];
        assert_eq!(div.parent, -1);
        assert_eq!(div.attrs, vec![("role".into(), "".into())]);
        let style = div.style.as_ref().unwrap();
        assert_eq!((style.z, style.area, style.covers_center), (0, 0.0, true));
    }

    #[test]
    fn refuses_a_wrong_count_or_a_missing_header() {
        assert!(decode("qr1\u{2}3\u{2}\u{1}-1\u{2}html").is_err());
        assert!(decode("qr1\u{2}many").is_err());
        assert!(decode("{\"nodes\":[]}").is_err());
        assert!(decode("").is_err());
        assert!(decode("qr1\u{2}0\u{2}").unwrap().nodes.is_empty());
        assert!(is_packed("qr1\u{2}0") && !is_packed("qr10") && !is_packed("{}"));
    }
}
