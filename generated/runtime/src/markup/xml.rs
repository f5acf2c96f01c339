//! An XML body read into the same tree as VDF: an element with child
//! elements is an object of them (in order, duplicates kept), any other
//! element is its text. Attributes are skipped (Steam's overview: "XML
//! Attributes are not used"); the prolog, `<!DOCTYPE ...>`, comments and
//! processing instructions too. quick-xml does the tokenizing (entities,
//! CDATA, matching end tags); the tree and the positions are ours.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, Event};

use crate::vdf::{MAX_DEPTH, Object, Pair, ParseError, Pos, Text, Value, count_lines};

/// Reads `text` as one XML document: the root element as the only pair.
pub(crate) fn parse(text: &str) -> Result<Object<'_>, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = quick_xml::Reader::from_str(text);
    let mut at = Counter::new(text.as_bytes());
    let mut stack: Vec<Element<'_>> = Vec::new();
    let mut root: Option<Pair<'_>> = None;
    loop {
        let start = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let pos = at.pos(reader.error_position() as usize);
                return Err(error(
                    pos,
                    format!("not well-formed XML: {}", one_line(&e.to_string())),
                ));
            }
        };
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let pos = at.pos(start);
                let name = name_of(tag.name().into_inner(), text, start);
                if stack.len() >= MAX_DEPTH {
                    return Err(error(
                        pos,
                        format!("elements nest more than {MAX_DEPTH} deep"),
                    ));
                }
                if stack.is_empty() && root.is_some() {
                    return Err(error(pos, "a second root element".to_owned()));
                }
                let element = Element::new(name, pos);
                if matches!(event, Event::Empty(_)) {
                    close(element, &mut stack, &mut root);
                } else {
                    stack.push(element);
                }
            }
            Event::End(_) => {
                // quick-xml has checked that the name matches.
                if let Some(element) = stack.pop() {
                    close(element, &mut stack, &mut root);
                }
            }
            Event::Text(t) => add_text(&mut stack, t.xml10_content(), at.pos(start))?,
            Event::CData(t) => add_text(&mut stack, t.xml10_content(), at.pos(start))?,
            Event::GeneralRef(r) => {
                add_text(&mut stack, entity(&r, at.pos(start))?, at.pos(start))?
            }
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.first() {
        return Err(error(
            open.pos,
            format!("the element `{}` is never closed", open.name),
        ));
    }
    let Some(root) = root else {
        return Err(error(at.pos(text.len()), "no root element".to_owned()));
    };
    Ok(Object {
        pairs: vec![root],
        pos: Pos { line: 1, column: 1 },
    })
}

/// An element being read.
struct Element<'a> {
    name: Cow<'a, str>,
    pos: Pos,
    children: Vec<Pair<'a>>,
    text: Cow<'a, str>,
}

impl<'a> Element<'a> {
    fn new(name: Cow<'a, str>, pos: Pos) -> Self {
        Element {
            name,
            pos,
            children: Vec::new(),
            text: Cow::Borrowed(""),
        }
    }

    /// An object when it has child elements (its text is then indentation),
    /// its text otherwise.
    fn into_pair(self) -> Pair<'a> {
        let value = if self.children.is_empty() {
            Value::Text(Text {
                text: trim_layout(self.text),
                pos: self.pos,
            })
        } else {
            Value::Object(Object {
                pairs: self.children,
                pos: self.pos,
            })
        };
        Pair {
            key: self.name,
            key_pos: self.pos,
            value,
            condition: None,
        }
    }
}

fn close<'a>(element: Element<'a>, stack: &mut [Element<'a>], root: &mut Option<Pair<'a>>) {
    let pair = element.into_pair();
    match stack.last_mut() {
        Some(parent) => parent.children.push(pair),
        None => *root = Some(pair),
    }
}

fn add_text<'a>(
    stack: &mut [Element<'a>],
    piece: Cow<'a, str>,
    pos: Pos,
) -> Result<(), ParseError> {
    match stack.last_mut() {
        Some(top) if top.text.is_empty() => top.text = piece,
        Some(top) => top.text.to_mut().push_str(&piece),
        None if piece.trim().is_empty() => {}
        None => return Err(error(pos, "text outside the root element".to_owned())),
    }
    Ok(())
}

/// Whitespace that is layout, not data: a leading or trailing run of
/// whitespace that holds a line break (an indented value on its own line,
/// as browsers' XML views and hand-indented test strings have it). Spaces
/// on the same line as the value are kept.
fn trim_layout(text: Cow<'_, str>) -> Cow<'_, str> {
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let start = if text[..lead].contains('\n') { lead } else { 0 };
    let end = if text[text.len() - trail..].contains('\n') {
        text.len() - trail
    } else {
        text.len()
    };
    if start == 0 && end == text.len() {
        return text;
    }
    let end = end.max(start);
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(&s[start..end]),
        Cow::Owned(s) => Cow::Owned(s[start..end].to_owned()),
    }
}

/// `&amp;`, `&#233;`, `&#xE9;`: the predefined entities and character
/// references; any other is an error (a body declares none).
fn entity(r: &BytesRef<'_>, pos: Pos) -> Result<Cow<'static, str>, ParseError> {
    if r.is_char_ref() {
        return match r.resolve_char_ref() {
            Ok(Some(c)) => Ok(Cow::Owned(c.to_string())),
            _ => Err(error(
                pos,
                "a character reference names no character".to_owned(),
            )),
        };
    }
    let name: &str = r;
    quick_xml::escape::resolve_predefined_entity(name)
        .map(Cow::Borrowed)
        .ok_or_else(|| error(pos, format!("unknown entity `&{}`", shown(name))))
}

/// An element's name as text borrowed from the body: the tag starts at byte
/// `start` with `<` and the name follows it.
fn name_of<'a>(name: &str, text: &'a str, start: usize) -> Cow<'a, str> {
    match text.get(start + 1..start + 1 + name.len()) {
        Some(s) if s == name => Cow::Borrowed(s),
        _ => Cow::Owned(name.to_owned()),
    }
}

/// quick-xml's message on one line, at most 200 characters: it quotes the
/// input, newlines and all.
fn one_line(message: &str) -> String {
    let mut out = String::new();
    for c in message.chars().take(200) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn shown(s: &str) -> String {
    s.chars()
        .take(40)
        .collect::<String>()
        .escape_debug()
        .collect()
}

fn error(pos: Pos, message: String) -> ParseError {
    ParseError { pos, message }
}

/// Byte offsets to lines and columns, moving forward only (the events come
/// in order), so a whole body costs one pass.
struct Counter<'a> {
    bytes: &'a [u8],
    offset: usize,
    pos: Pos,
}

impl<'a> Counter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Counter {
            bytes,
            offset: 0,
            pos: Pos { line: 1, column: 1 },
        }
    }

    fn pos(&mut self, offset: usize) -> Pos {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            // Not expected (offsets only grow); counted again from the start.
            *self = Counter::new(self.bytes);
        }
        let (line, column) = count_lines(
            &self.bytes[self.offset..offset],
            self.pos.line,
            self.pos.column,
        );
        self.pos = Pos { line, column };
        self.offset = offset;
        self.pos
    }
}
