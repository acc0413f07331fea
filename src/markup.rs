//! The markup snapshot: the page as the browser serializes it (`outerHTML` of `<html>`),
//! read into the same nodes the hands' walk would send.
//!
//! Nothing inside `<head>` is read, so the hands send it empty when `<html>` holds only
//! `<head>`, `<body>`, white space, comments and Quietread's own elements: the `<html>` and
//! `<head>` start tags, the body's `outerHTML`, and the white space between (a sixth of the
//! markup at the median of the corpus, and of the time to serialize and read it). The element
//! count is then the document's less the elements inside `<head>` and Quietread's own.
//!
//! Serializing is one native call, about three times quicker (on the corpus, in Chromium)
//! than a walk of the DOM from script that reads every element's attributes and every text.
//! The serializer writes a tree back in a form with no guesswork: every element but a void one has its end tag, text escapes
//! only `&`, `<`, `>` and U+00A0 (attribute values `&`, `"` and U+00A0, with `<` and `>` in
//! newer browsers), and the text of `<script>`, `<style>` and the like is written as it is.
//! So this reader needs no HTML tree builder: a tag stack rebuilds the tree exactly.
//!
//! The form, one string: a header record, U+0001, then the markup. The header's fields,
//! separated by U+0002: `qm1`, the page address, the hands' mark attribute (its `data-*`
//! attributes are Quietread's own and not read), the number of elements in the document
//! (`querySelectorAll('*')`, which the reader's count must match), then one field per
//! measured element, in document order: its tag and the style fields of the packed form
//! (see `packed`), separated by U+0003. The hands measure `<html>`, `<body>` and the elements
//! down to three levels below it, and dialogs (`<dialog>`, `role=dialog` or `alertdialog`,
//! `aria-modal=true`), leaving out what the walk leaves out; the reader gives each style to
//! the element it meets that needs one and refuses the snapshot when the tags disagree.
//!
//! Each node also gets its place in the document, for the hands to find it again: an
//! element's position among all the document's elements, and for a text its parent's
//! position and which run of text of that parent it is (adjacent text nodes serialize as one
//! run, which is what the core reads).

use crate::packed::{self, FIELD, PART, RECORD};
use crate::snapshot::{Node, Snapshot, TEXT};
use std::borrow::Cow;

/// The header's first field.
pub const MAGIC: &str = "qm1";

/// The most nodes read, as the walk allows (hands.js `MAX_NODES`).
pub const MAX_NODES: usize = 200_000;

/// Marks an element's place (rather than a text's) in [`Snapshot::places`].
pub const ELEMENT: u32 = u32::MAX;

/// Attributes kept besides id and class (hands.js `KEPT`).
pub const KEPT: &[&str] = &[
    "role",
    "aria-modal",
    "aria-label",
    "name",
    "type",
    "placeholder",
    "action",
    "src",
    "href",
];
/// Most `data-*` attributes kept per element.
pub const MAX_DATA_ATTRS: usize = 4;
/// Longest attribute value kept, in UTF-16 units as the hands count.
const MAX_ATTR: usize = 200;
/// How deep below `<body>` every element is measured.
const STYLE_DEPTH: i32 = 3;

/// Whether `s` is a markup snapshot.
pub fn is_markup(s: &str) -> bool {
    s.strip_prefix(MAGIC)
        .is_some_and(|rest| rest.starts_with(FIELD) || rest.starts_with(RECORD))
}

/// One open element of the markup.
struct Open<'a> {
    name: &'a str,
    /// Its record, or -1 when it is not read (inside an opaque element, or Quietread's own).
    record: i64,
    /// Its position among the document's elements.
    ordinal: u32,
    /// Depth below `<body>` of its children (-1 outside the body).
    depth: i32,
    /// Whether elements under it are left out of the document's count (template contents).
    uncounted: bool,
    /// Runs of text seen in it so far.
    runs: u32,
}

/// The reader's state.
struct Reader<'a, 'h> {
    src: &'a str,
    pos: usize,
    mark: &'h str,
    /// The measured elements' fields, and how many have been given out.
    styles: Vec<&'h str>,
    given: usize,
    nodes: Vec<Node<'a>>,
    places: Vec<(u32, u32)>,
    stack: Vec<Open<'a>>,
    elements: u32,
    /// A text of white space alone not recorded yet: its parent and text.
    held: Option<(i64, Cow<'a, str>, (u32, u32))>,
}

/// Read a markup snapshot.
pub fn read(s: &str) -> Result<Snapshot<'_>, String> {
    let (header, markup) = s
        .split_once(RECORD)
        .ok_or("markup snapshot without markup")?;
    let mut fields = header.split(FIELD);
    if fields.next() != Some(MAGIC) {
        return Err("not a markup snapshot".into());
    }
    let url = fields.next().unwrap_or_default().to_string();
    let mark = fields.next().unwrap_or_default();
    let expected: u32 = fields
        .next()
        .and_then(|c| c.parse().ok())
        .ok_or("markup snapshot without an element count")?;
    let rest = header
        .splitn(5, FIELD)
        .nth(4)
        .filter(|r| !r.is_empty())
        .unwrap_or("");
    let mut reader = Reader {
        src: markup,
        pos: 0,
        // Without a mark, no attribute is Quietread's own (none starts with U+0000).
        mark: if mark.is_empty() { "\u{0}" } else { mark },
        styles: if rest.is_empty() {
            Vec::new()
        } else {
            rest.split(FIELD).collect()
        },
        given: 0,
        nodes: Vec::with_capacity(markup.len() / 64),
        places: Vec::with_capacity(markup.len() / 64),
        stack: Vec::new(),
        elements: 0,
        held: None,
    };
    reader.run()?;
    if reader.elements != expected {
        return Err(format!(
            "markup has {} elements, the page {expected}",
            reader.elements
        ));
    }
    if reader.given != reader.styles.len() {
        return Err("more styles than measured elements".into());
    }
    Ok(Snapshot {
        url,
        nodes: reader.nodes,
        partial: None,
        places: reader.places,
    })
}

impl<'a> Reader<'a, '_> {
    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn run(&mut self) -> Result<(), String> {
        while self.pos < self.src.len() {
            let rest = self.rest();
            let Some(lt) = find_byte(rest, b'<') else {
                self.text(rest);
                self.pos = self.src.len();
                break;
            };
            if lt > 0 {
                self.text(&rest[..lt]);
            }
            self.pos += lt;
            self.markup()?;
            if self.nodes.len() > MAX_NODES {
                return Err(format!("page too large ({MAX_NODES}+ nodes)"));
            }
        }
        match self.stack.last() {
            Some(open) => Err(format!("<{}> not closed", open.name)),
            None => Ok(()),
        }
    }

    /// One piece of markup at `pos` (which holds `<`).
    fn markup(&mut self) -> Result<(), String> {
        let rest = self.rest();
        let b = rest.as_bytes();
        match b.get(1) {
            Some(b'/') => {
                let end = find_byte(rest, b'>').ok_or("end tag not closed")?;
                let name = rest[2..end].trim_end();
                self.pos += end + 1;
                self.close(name)
            }
            Some(c) if c.is_ascii_alphabetic() => self.start(),
            Some(b'!') if rest.starts_with("<!--") => {
                self.pos += comment_end(rest);
                Ok(())
            }
            Some(b'!' | b'?') => {
                self.pos += find_byte(rest, b'>').map_or(rest.len(), |e| e + 1);
                Ok(())
            }
            _ => {
                // A lone '<' is not what a serializer writes; read it as text.
                self.text(&rest[..1]);
                self.pos += 1;
                Ok(())
            }
        }
    }

    fn close(&mut self, name: &str) -> Result<(), String> {
        match self.stack.pop() {
            Some(open) if open.name == name => Ok(()),
            Some(open) => Err(format!("</{name}> closes <{}>", open.name)),
            None => Err(format!("</{name}> closes nothing")),
        }
    }

    /// A start tag at `pos`: counted, recorded when it is read (attributes and all), and for
    /// raw-text elements their text.
    fn start(&mut self) -> Result<(), String> {
        let src = self.src;
        let bytes = src.as_bytes();
        let name_start = self.pos + 1;
        let mut i = name_start;
        while i < bytes.len() && !is_tag_end(bytes[i]) {
            i += 1;
        }
        let name = &src[name_start..i];
        let parent = self.stack.last();
        let uncounted = parent.is_some_and(|p| p.uncounted);
        let ordinal = self.elements;
        if !uncounted {
            self.elements += 1;
        }
        let parent_record = parent.map_or(-1, |p| p.record);
        let reads = parent.is_none_or(|p| p.record >= 0);
        let depth = if name == "body" {
            0
        } else {
            parent.map_or(-1, |p| p.depth)
        };
        let own = reads
            && (name == "quietread-labels"
                || (name == "style" && tag_has(&src[i..], "data-quietread-style")));
        let mut record = -1;
        if reads && !own {
            record = self.nodes.len() as i64;
            let node = self.node(name, &mut i, parent_record, depth)?;
            self.nodes.push(node);
            self.places.push((ordinal, ELEMENT));
        } else {
            while next_attr(src, &mut i)?.is_some() {}
        }
        self.pos = i;
        if is_void(name) {
            return Ok(());
        }
        let opaque = is_opaque(name);
        self.stack.push(Open {
            name,
            record: if opaque { -1 } else { record },
            ordinal,
            depth: if depth >= 0 { depth + 1 } else { -1 },
            uncounted: uncounted || name == "template",
            runs: 0,
        });
        if is_raw(name) {
            let end = raw_end(self.rest(), name).ok_or_else(|| format!("<{name}> not closed"))?;
            let text = &self.rest()[..end];
            if !text.is_empty() && !opaque && record >= 0 {
                // Text the walk sends (`xmp`, `noembed`...); opaque elements' is not read.
                self.record_text(Cow::Borrowed(text));
            }
            self.pos += end;
        }
        Ok(())
    }

    /// The record of an element that is read, its attributes read from `i` on (and `i` past
    /// the tag's end).
    fn node(
        &mut self,
        name: &'a str,
        i: &mut usize,
        parent: i64,
        depth: i32,
    ) -> Result<Node<'a>, String> {
        let mut node = Node {
            parent,
            tag: Cow::Borrowed(name),
            space: self.held.take().is_some(),
            ..Node::default()
        };
        let mut data = 0;
        let mut dialog = name == "dialog";
        while let Some((attr, raw)) = next_attr(self.src, i)? {
            let keep = match attr {
                "id" => {
                    node.id = decode(raw);
                    continue;
                }
                "class" => {
                    node.class = decode(raw);
                    continue;
                }
                // Quietread's own marks are not read.
                _ if attr.starts_with("data-") => {
                    !attr.starts_with(self.mark) && {
                        data += 1;
                        data <= MAX_DATA_ATTRS
                    }
                }
                _ => KEPT.contains(&attr),
            };
            if !keep {
                continue;
            }
            let value = clip(decode(raw));
            dialog |= marks_dialog(attr, &value);
            node.attrs.push((Cow::Borrowed(attr), value));
        }
        if measured(name, depth, dialog) {
            let field = *self
                .styles
                .get(self.given)
                .ok_or_else(|| format!("no style for <{name}>"))?;
            self.given += 1;
            let (tag, style) = field.split_once(PART).unwrap_or((field, ""));
            if tag != name {
                return Err(format!("style of <{tag}> given to <{name}>"));
            }
            node.style = packed::style(style);
        }
        Ok(node)
    }

    /// A run of text between two pieces of markup.
    fn text(&mut self, raw: &'a str) {
        if self.stack.last().is_none_or(|o| o.record < 0) {
            return;
        }
        self.record_text(decode(raw));
    }

    /// Record a text of the current element, as the walk does: white space alone waits to see
    /// whether an element (which says it had some before it) or a text comes next.
    fn record_text(&mut self, text: Cow<'a, str>) {
        let Some(open) = self.stack.last_mut() else {
            return;
        };
        let place = (open.ordinal, open.runs);
        open.runs += 1;
        let parent = open.record;
        if text.chars().all(char::is_whitespace) {
            self.held = Some((parent, text, place));
            return;
        }
        if let Some((p, held, at)) = self.held.take() {
            self.push_text(p, held, at);
        }
        self.push_text(parent, text, place);
    }

    fn push_text(&mut self, parent: i64, text: Cow<'a, str>, place: (u32, u32)) {
        self.nodes.push(Node {
            parent,
            tag: Cow::Borrowed(TEXT),
            text,
            ..Node::default()
        });
        self.places.push(place);
    }
}

/// Whether a byte ends a tag's name (or an attribute's).
fn is_tag_end(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
}

/// The next attribute of a tag from `i` on, as its name and its value still escaped; `None`
/// at the tag's end, with `i` past it.
fn next_attr<'a>(src: &'a str, i: &mut usize) -> Result<Option<(&'a str, &'a str)>, String> {
    let bytes = src.as_bytes();
    while *i < bytes.len() && matches!(bytes[*i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/') {
        *i += 1;
    }
    match bytes.get(*i) {
        None => return Err("tag not closed".into()),
        Some(b'>') => {
            *i += 1;
            return Ok(None);
        }
        _ => {}
    }
    let a = *i;
    while *i < bytes.len() && !is_tag_end(bytes[*i]) && bytes[*i] != b'=' {
        *i += 1;
    }
    let name = &src[a..*i];
    if bytes.get(*i) != Some(&b'=') {
        return Ok(Some((name, "")));
    }
    *i += 1;
    let value = match bytes.get(*i) {
        Some(&q @ (b'"' | b'\'')) => {
            let from = *i + 1;
            let len = find_byte(&src[from..], q).ok_or("attribute value not closed")?;
            *i = from + len + 1;
            &src[from..from + len]
        }
        _ => {
            let from = *i;
            while *i < bytes.len()
                && !matches!(bytes[*i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>')
            {
                *i += 1;
            }
            &src[from..*i]
        }
    };
    Ok(Some((name, value)))
}

/// Whether the rest of a start tag (its attributes) holds `what` before the tag ends.
fn tag_has(rest: &str, what: &str) -> bool {
    let end = find_byte(rest, b'>').unwrap_or(rest.len());
    rest[..end].contains(what)
}

/// Where a comment that starts `rest` ends (past `-->`, or the end).
fn comment_end(rest: &str) -> usize {
    let mut from = 4;
    while let Some(gt) = find_byte(&rest[from..], b'>') {
        let at = from + gt;
        if rest[..at].ends_with("--") && at >= 6 {
            return at + 1;
        }
        from = at + 1;
    }
    rest.len()
}

/// Where the text of a raw-text element `name` ends: at its end tag.
fn raw_end(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(lt) = find_byte(&rest[from..], b'<') {
        let at = from + lt;
        let after = at + 2 + name.len();
        if bytes.get(at + 1) == Some(&b'/')
            && bytes.get(at + 2..after) == Some(name.as_bytes())
            && bytes.get(after).is_none_or(|&b| is_tag_end(b))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

fn is_raw(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext" | "noscript"
    )
}

/// Whether a kept attribute makes its element a dialog (as hands.js `record` tells them).
pub fn marks_dialog(attr: &str, value: &str) -> bool {
    (attr == "role" && matches!(value, "dialog" | "alertdialog"))
        || (attr == "aria-modal" && value == "true")
}

/// Whether the hands measure an element's style: `<html>`, the elements from `<body>` (depth
/// 0) down to [`STYLE_DEPTH`] below it, and dialogs wherever they are.
pub fn measured(tag: &str, depth: i32, dialog: bool) -> bool {
    tag == "html" || (0..=STYLE_DEPTH).contains(&depth) || dialog
}

/// Elements the hands record without walking into (hands.js `OPAQUE`).
pub fn is_opaque(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "canvas"
            | "video"
            | "audio"
            | "object"
    )
}

/// An attribute value cut to the hands' 200 UTF-16 units, at a character's edge.
pub fn clip(value: Cow<'_, str>) -> Cow<'_, str> {
    if value.len() <= MAX_ATTR {
        return value; // at most as many UTF-16 units as bytes
    }
    let mut units = 0;
    let mut end = value.len();
    for (i, c) in value.char_indices() {
        units += c.len_utf16();
        if units > MAX_ATTR {
            end = i;
            break;
        }
    }
    match value {
        Cow::Borrowed(s) => Cow::Borrowed(&s[..end]),
        Cow::Owned(mut s) => {
            s.truncate(end);
            Cow::Owned(s)
        }
    }
}

/// Where the ASCII byte `b` first stands in `s`: the memchr crate's search, which uses wasm
/// SIMD where the build has it (core's `find` reads four bytes at a time in wasm32).
fn find_byte(s: &str, b: u8) -> Option<usize> {
    memchr::memchr(b, s.as_bytes())
}

/// Text with the serializer's character references read back (and, for any other markup,
/// numeric references and `&quot;` / `&apos;`); anything else stays as it is.
fn decode(raw: &str) -> Cow<'_, str> {
    if find_byte(raw, b'&').is_none() {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = find_byte(rest, b'&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // A reference's name is short: its `;` is looked for in the next ten bytes only.
        let end = rest.as_bytes()[1..rest.len().min(11)]
            .iter()
            .position(|&b| b == b';')
            .map(|e| e + 1);
        let decoded = end.and_then(|e| reference(&rest[1..e]).map(|c| (c, e + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference's name (between `&` and `;`) stands for.
fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::html::{as_markup, Page};

    /// Read `html` both ways and insist on the same nodes, fields and white space.
    fn agree(html: &str) -> Snapshot<'static> {
        let page = Page::parse(html);
        let (markup, walked) = as_markup(&page);
        let snap = read(&markup).unwrap_or_else(|e| panic!("{e}\n{markup}"));
        let show = |n: &Node| {
            format!(
                "{} {} #{} .{} {:?} {:?} sp={}",
                n.parent, n.tag, n.id, n.class, n.attrs, n.text, n.space
            )
        };
        let got: Vec<String> = snap.nodes.iter().map(show).collect();
        let want: Vec<String> = walked.iter().map(show).collect();
        assert_eq!(got, want, "\n{markup}");
        let snap: Snapshot<'static> = Snapshot {
            nodes: snap.nodes.iter().map(|n| own(n.clone())).collect(),
            places: snap.places,
            ..Snapshot::default()
        };
        snap
    }

    fn own(n: Node) -> Node<'static> {
        Node {
            parent: n.parent,
            tag: n.tag.into_owned().into(),
            id: n.id.into_owned().into(),
            class: n.class.into_owned().into(),
            attrs: n
                .attrs
                .into_iter()
                .map(|(a, b)| (a.into_owned().into(), b.into_owned().into()))
                .collect(),
            text: n.text.into_owned().into(),
            style: n.style,
            context: n.context,
            article: n.article,
            space: n.space,
        }
    }

    const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>A &amp; B</title>
<meta charset="utf-8"><style>p > a { color: red }</style>
<script>if (a < b && c > d) { x = "</p>"; }</script></head>
<body class="story">
  <header id="top"><nav role="navigation"><a href="/?a=1&amp;b=2" data-track="x">Home</a></nav></header>
  <main><article class="body">
    <h1>Harbour &lt;plans&gt; &amp; “quotes”</h1>
    <p>First&nbsp;line <b>bold</b> <i>italic</i>, then<br>a break.</p>
    <!-- a comment -->
    <p>Tea <em>and</em>cake</p>
    <svg viewBox="0 0 1 1"><style>.a{fill:red}</style><g><path d="M0 0"/></g><foreignObject><img src="x.png"></foreignObject></svg>
    <template><div class="in-template"><p>not counted</p></div></template>
    <noscript><img src="pixel.gif"></noscript>
    <div data-a="1" data-b="2" data-quietread="nag" data-c="3" data-d="4" data-e="5">five data</div>
    <input type="email" placeholder="Your e-mail" name="email">
    <div title='single "quoted"'>title</div>
    <section><div><div><div role="dialog" aria-modal="true">deep dialog</div></div></div></section>
    <textarea>a &lt; b</textarea>
  </article></main>
  <dialog open><p>Join us</p></dialog>
</body></html>"#;

    #[test]
    fn reads_a_page_as_the_walk_does() {
        let snap = agree(PAGE);
        let texts: Vec<&str> = (snap.nodes.iter())
            .filter_map(|n| n.is_text().then_some(n.text.as_ref()))
            .collect();
        assert!(texts.contains(&"Harbour <plans> & “quotes”"));
        assert!(texts.contains(&"First\u{a0}line "));
        // The style of each measured element comes to it: here every one is made up alike.
        let styled = snap.nodes.iter().filter(|n| n.style.is_some()).count();
        assert!(styled >= 5, "{styled}");
        let dialog = snap.nodes.iter().find(|n| n.attr("role") == Some("dialog"));
        assert!(dialog.unwrap().style.is_some(), "a deep dialog is measured");
        // Quietread's own data attributes are not read, and four others are kept.
        let five = snap
            .nodes
            .iter()
            .find(|n| n.attr("data-a").is_some())
            .unwrap();
        let names: Vec<&str> = five.attrs.iter().map(|a| a.0.as_ref()).collect();
        assert_eq!(names, ["data-a", "data-b", "data-c", "data-d"]);
    }

    #[test]
    fn references_are_read_and_anything_else_stays() {
        assert_eq!(
            decode("a &amp; b &lt;c&gt; &#x41;&#66;&nbsp;"),
            "a & b <c> AB\u{a0}"
        );
        // A `;` further than a reference's name could reach ends nothing.
        assert_eq!(decode("R&D; Q&A for all; x"), "R&D; Q&A for all; x");
        assert_eq!(decode("&notareference;&amp"), "&notareference;&amp");
        assert_eq!(decode("tail &"), "tail &");
    }

    #[test]
    fn places_count_every_element_and_each_run_of_text() {
        let snap = agree("<html><head></head><body><p>One <b>two</b> three</p><svg><g></g></svg><p>x</p></body></html>");
        let place = |text: &str| {
            let i = snap.nodes.iter().position(|n| n.text == text).unwrap();
            snap.places[i]
        };
        // html 0, head 1, body 2, p 3, b 4, svg 5, g 6, p 7.
        assert_eq!(place("One "), (3, 0));
        assert_eq!(place(" three"), (3, 1));
        assert_eq!(place("two"), (4, 0));
        assert_eq!(place("x"), (7, 0));
        let last_p = snap.nodes.iter().rposition(|n| n.tag == "p").unwrap();
        assert_eq!(snap.places[last_p], (7, ELEMENT));
    }

    #[test]
    fn white_space_alone_is_a_flag_on_the_next_element() {
        let snap =
            agree("<html><body><div><b>Ada</b> <i>Quill</i></div>\n<p> </p>end</body></html>");
        let i = snap.nodes.iter().find(|n| n.tag == "i").unwrap();
        assert!(i.space);
        // White space followed by text is sent as it is.
        assert!(snap.nodes.iter().any(|n| n.is_text() && n.text == " "));
    }

    #[test]
    fn refuses_markup_it_cannot_place() {
        let head = "qm1\u{2}\u{2}data-quietread\u{2}";
        // Wrong element count, unclosed and crossed tags, styles out of step.
        assert!(read(&format!("{head}3\u{1}<html><body></body></html>")).is_err());
        assert!(read(&format!("{head}2\u{1}<html><body>")).is_err());
        assert!(read(&format!(
            "{head}3\u{1}<html><body><b><i></b></i></body></html>"
        ))
        .is_err());
        let styled = format!("{head}2\u{2}div\u{3}fixed\u{1}<html><body></body></html>");
        assert!(read(&styled).unwrap_err().contains("style"));
        assert!(read(&format!("{head}2\u{1}<html><body></body></html>")).is_err()); // no styles
        let ok = format!("{head}2\u{2}html\u{2}body\u{1}<html><body></body></html>");
        assert_eq!(read(&ok).unwrap().nodes.len(), 2);
        assert!(read("qm1").is_err() && !is_markup("qm10") && is_markup("qm1\u{2}"));
    }

    #[test]
    fn hostile_markup_never_panics() {
        let head = "qm1\u{2}u\u{2}m\u{2}0\u{1}";
        for s in [
            "<",
            "<a",
            "<a b",
            "<a b=\"",
            "<a b='x",
            "</",
            "<!--",
            "&",
            "&#xZZ;",
            "&#99999999;",
            "<script>",
            "<p>&#x1F600;&#0;</p>",
            "<html></html></x>",
            "\u{0}<\u{1}",
        ] {
            let _ = read(&format!("{head}{s}"));
        }
        let deep = "<div>".repeat(100_000) + &"</div>".repeat(100_000);
        assert!(read(&format!("qm1\u{2}\u{2}\u{2}100000\u{1}{deep}")).is_ok());
    }

    #[test]
    fn long_values_are_cut_at_200_utf16_units() {
        assert_eq!(clip("é".repeat(300).into()).chars().count(), 200);
        assert_eq!(clip("😀".repeat(150).into()).chars().count(), 100);
        assert_eq!(clip("short".into()), "short");
    }

    #[test]
    fn references_read_back() {
        assert_eq!(
            decode("a &amp; b &lt;c&gt; &quot;&#39;&#x41;&nbsp;&bogus; &"),
            "a & b <c> \"'A\u{a0}&bogus; &"
        );
    }
}
