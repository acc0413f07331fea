//! The JSON the core answers with, written by hand: serde_json's serializer, monomorphized for
//! the plan's types, weighed some 4 KB gzipped in the shipped wasm for a few fixed shapes.
//! The output is the same as serde_json's for the same types (a test holds them together).

use crate::clutter::Hide;
use crate::labels::Label;
use crate::plan::Plan;
use crate::rules::Category;
use crate::scroll::Unlock;
use crate::snapshot::State;
use std::fmt::Write;

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Append this value's JSON text to `out`.
    fn write(&self, out: &mut String);
}

/// The JSON text of `value`.
pub fn to_string(value: &dyn ToJson) -> String {
    let mut out = String::new();
    value.write(&mut out);
    out
}

/// Append `s` as a JSON string, escaped as serde_json does (quotes, backslashes and control
/// characters; nothing else).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An object being written: fields are added in order, commas between them.
struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    fn field(&mut self, name: &str, value: &dyn ToJson) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, name);
        self.out.push(':');
        value.write(self.out);
        self
    }

    fn end(&mut self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u64 {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl ToJson for usize {
    fn write(&self, out: &mut String) {
        (*self as u64).write(out);
    }
}

impl ToJson for u32 {
    fn write(&self, out: &mut String) {
        u64::from(*self).write(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

/// Write the items of a list as a JSON array.
fn array<T: ToJson>(out: &mut String, items: &[T]) {
    out.push('[');
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        item.write(out);
    }
    out.push(']');
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write(&self, out: &mut String) {
        array(out, self);
    }
}

impl<T: ToJson> ToJson for [T; 3] {
    fn write(&self, out: &mut String) {
        array(out, self);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write(&self, out: &mut String) {
        out.push('[');
        self.0.write(out);
        out.push(',');
        self.1.write(out);
        out.push(']');
    }
}

impl ToJson for Category {
    fn write(&self, out: &mut String) {
        write_str(out, self.name());
    }
}

impl ToJson for Hide {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("node", &self.node)
            .field("category", &self.category)
            .field("reason", &self.reason)
            .end();
    }
}

impl ToJson for Unlock {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("nodes", &self.nodes)
            .field("position", &self.position)
            .field("classes", &self.classes)
            .field("reason", &self.reason)
            .end();
    }
}

impl ToJson for Label {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("start", &self.start)
            .field("end", &self.end)
            .field("block", &self.block)
            .field("quote", &self.quote)
            .field("speaker", &self.speaker);
        if let Some(role) = &self.role {
            o.field("role", role);
        }
        if let Some(cue) = &self.cue {
            o.field("cue", cue);
        }
        o.end();
    }
}

impl ToJson for State {
    fn write(&self, out: &mut String) {
        Object::new(out)
            .field("article_text", &self.article_text)
            .field("modal", &self.modal)
            .end();
    }
}

impl ToJson for Plan {
    fn write(&self, out: &mut String) {
        let mut o = Object::new(out);
        o.field("hide", &self.hide);
        if let Some(unlock) = &self.unlock {
            o.field("unlock", unlock);
        }
        o.field("article", &self.article)
            .field("paragraphs", &self.paragraphs)
            .field("nodes", &self.nodes)
            .field("quotes", &self.quotes);
        if let Some(ticket) = &self.quotes_ticket {
            o.field("quotes_ticket", ticket);
        }
        o.field("rescan", &self.rescan).field("state", &self.state);
        if !self.at.is_empty() {
            o.field("at", &self.at);
        }
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "“curly” and 'straight' \"quotes\"",
            "back\\slash / slash",
            "lines\nand\ttabs\r",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "ünïcödé ✓ 🐟",
            "</script><b>",
        ] {
            assert_eq!(to_string(&s.to_string()), serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn values_write_as_serde_json_writes_them() {
        let v: Vec<Option<(usize, String)>> = vec![Some((3, "a".into())), None];
        assert_eq!(to_string(&v), serde_json::to_string(&v).unwrap());
        let at: Vec<[u32; 3]> = vec![[1, 2, 3], [u32::MAX, 0, 7]];
        assert_eq!(to_string(&at), serde_json::to_string(&at).unwrap());
        assert_eq!(
            to_string(&u64::MAX),
            serde_json::to_string(&u64::MAX).unwrap()
        );
        let none: Option<Vec<Label>> = None;
        assert_eq!(to_string(&none), "null");
        for c in Category::ALL {
            assert_eq!(to_string(&c), serde_json::to_string(&c).unwrap());
        }
    }

    /// Every page of the project's fixtures, planned with labels: the hand-written answer is
    /// byte for byte serde_json's.
    #[test]
    fn plans_write_as_serde_json_writes_them() {
        let dirs = ["tests/fixtures", "tests/fixtures/clutter"];
        let mut pages = 0;
        for dir in dirs {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(path).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "html") {
                    continue;
                }
                let html = std::fs::read_to_string(&path).unwrap();
                let page = crate::html::Page::parse(&html);
                let plan = crate::plan::plan(&page.snapshot, &crate::plan::Settings::default());
                assert_eq!(
                    to_string(&plan),
                    serde_json::to_string(&plan).unwrap(),
                    "{path:?}"
                );
                pages += 1;
            }
        }
        assert!(pages >= 20, "only {pages} fixture pages");
    }

    /// A plan with every optional part present, and one with none.
    #[test]
    fn optional_parts_write_as_serde_json_writes_them() {
        let full = Plan {
            hide: vec![Hide {
                node: 4,
                category: Category::Nag,
                reason: "class \"newsletter\"".into(),
            }],
            unlock: Some(Unlock {
                nodes: vec![0, 1],
                position: true,
                classes: vec![(1, "modal-open".into())],
                reason: "body fixed".into(),
            }),
            article: Some(2),
            paragraphs: 3,
            nodes: 9,
            quotes: vec![Label {
                start: (5, 1),
                end: (5, 20),
                block: 4,
                quote: "We stay,\n".into(),
                speaker: "Ilse Vale".into(),
                role: Some("harbour master".into()),
                cue: Some("“We stay,” said Ilse Vale.".into()),
            }],
            quotes_ticket: Some(7),
            later: None,
            rescan: true,
            state: State {
                article_text: 1234,
                modal: true,
            },
            at: vec![[4, 10, 0]],
        };
        let mut bare = full.clone();
        bare.unlock = None;
        bare.article = None;
        bare.quotes[0].role = None;
        bare.quotes[0].cue = None;
        bare.quotes_ticket = None;
        bare.at.clear();
        for plan in [full, bare, Plan::default()] {
            assert_eq!(to_string(&plan), serde_json::to_string(&plan).unwrap());
        }
    }
}
