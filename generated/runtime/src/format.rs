//! [`Format`]: which of the Steam Web API's three response formats to ask for.

use std::fmt;

/// The format a response is asked for in (Steam's `format` parameter) and
/// decoded from. Every format decodes into the same generated response types.
///
/// XML and VDF carry no types: every value is text, and the response types
/// say what each one is. What they cannot say is in the client guide
/// (`generated/README.md`, "Response formats").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// JSON, the default.
    #[default]
    Json,
    /// XML: the envelope is the root element, arrays are one child element per item.
    Xml,
    /// VDF (Valve's KeyValues text): arrays are objects keyed `"0"`, `"1"`, ...
    Vdf,
}

impl Format {
    /// Every format, in the order above.
    pub const ALL: [Format; 3] = [Format::Json, Format::Xml, Format::Vdf];

    /// The format's name, as the `format` parameter writes it: `json`, `xml`, `vdf`.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::Vdf => "vdf",
        }
    }

    /// The format named `name` (`json`, `xml`, `vdf`; any case).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

impl Format {
    /// The tree of an XML or VDF body, as the client reads it before
    /// decoding (an XML element with child elements is an object of them,
    /// any other is its text; attributes are skipped); `None` for JSON.
    pub fn read_tree(
        self,
        body: &[u8],
    ) -> Option<Result<crate::vdf::Object<'_>, crate::vdf::ParseError>> {
        crate::markup::parse(body, self)
    }

    /// Whether `text` is this format's null: XML's `null` or empty element,
    /// VDF's empty string.
    pub fn is_null_text(self, text: &str) -> bool {
        match self {
            Format::Xml => text.is_empty() || text == "null",
            Format::Vdf => text.is_empty(),
            Format::Json => text == "null",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
