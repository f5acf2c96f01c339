//! What the generated request types tell the runtime about their operation.
//!
//! Every generated request type implements [`Endpoint`]: a const
//! [`EndpointInfo`] (where and how to send it) and [`Endpoint::write_query`]
//! (its parameters as query/form pairs). The client does the rest.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::validate::Validate;

/// The HTTP method of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// `GET`: parameters in the query string; retried on transient failures.
    Get,
    /// `POST`: parameters as a form body; sent once.
    Post,
    /// `PUT`: sent once.
    Put,
    /// `PATCH`: sent once.
    Patch,
    /// `DELETE`: sent once.
    Delete,
}

impl HttpMethod {
    /// The method's name on the wire: `GET`, `POST`, ...
    pub const fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

/// The service an operation belongs to; decides the credential and base URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProviderId {
    /// The Steam Web API (`key` query parameter).
    Steam,
    /// The backpack.tf API (`token` query parameter).
    Backpacktf,
    /// Another provider of a spec's `providers.yaml`, by its id there: its
    /// credential is set with [`ClientBuilder::credential`](crate::ClientBuilder::credential).
    Other(&'static str),
}

impl ProviderId {
    /// A human name, used in error messages (the id, for another provider).
    pub const fn name(self) -> &'static str {
        match self {
            ProviderId::Steam => "Steam Web API",
            ProviderId::Backpacktf => "backpack.tf",
            ProviderId::Other(id) => id,
        }
    }
}

/// Whether an operation sends the provider's credential.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Auth {
    /// The call needs it; without one the client fails before sending.
    Required,
    /// Sent when the client has one (it changes the answer), omitted otherwise.
    Optional,
    /// Never sent: the method takes none, so the secret does not travel.
    None,
}

/// How the parameters travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InputEncoding {
    /// One query/form pair per parameter, from [`Endpoint::write_query`].
    Query,
    /// The whole request as JSON in one `input_json` parameter (Steam's
    /// `I*Service` interfaces).
    InputJson,
}

/// How an operation reports failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorModel {
    /// A non-2xx status is the error; a short excerpt of the body is kept.
    HttpStatus,
    /// A 2xx body carries a code in the envelope's inner object (ISteamHub's
    /// `success`); any value other than `success` is an error.
    SuccessCode {
        /// The code's key in the inner object, e.g. `success`.
        field: &'static str,
        /// The code that means success, e.g. `1`.
        success: i64,
        /// The key of the failure's message, if the API sends one.
        message_field: Option<&'static str>,
        /// Known failure codes and their names, e.g. `&[(42, "no_match")]`.
        codes: &'static [(i64, &'static str)],
    },
    /// A non-2xx status with a JSON body whose `field` says why
    /// (backpack.tf's `message`; GetPlayerAchievements' `error`, inside its
    /// envelope). A body without it is [`ErrorModel::HttpStatus`]'s error.
    Message {
        /// The message's key, e.g. `message`.
        field: &'static str,
    },
}

/// The parameter that chooses the response format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FormatParam {
    /// Its name, e.g. `format`.
    pub name: &'static str,
    /// The value that asks for JSON, e.g. `json`; XML and VDF are asked for
    /// by [`Format::name`](crate::Format::name).
    pub json: &'static str,
}

/// Everything the runtime needs to know to send one operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EndpointInfo {
    /// The service: its credential and base URL.
    pub provider: ProviderId,
    /// The interface's name, e.g. `ISteamUser`.
    pub interface: &'static str,
    /// The method's name, e.g. `GetPlayerSummaries`.
    pub method: &'static str,
    /// The method's version, e.g. `2` for `v2`.
    pub version: u32,
    /// The HTTP method.
    pub http: HttpMethod,
    /// The default host, e.g. `api.steampowered.com` or `partner.steam-api.com`.
    pub host: &'static str,
    /// e.g. `/ISteamUser/GetPlayerSummaries/v2/`.
    pub path: &'static str,
    /// Needs a publisher key (partner host).
    pub publisher: bool,
    /// Whether the credential is sent.
    pub auth: Auth,
    /// How the parameters travel.
    pub input: InputEncoding,
    /// The key the response is wrapped in (`response`, `appnews`, ...), if any.
    pub envelope: Option<&'static str>,
    /// The query parameter that carries the provider's credential (`key`,
    /// `token`: `auth.param` in `providers.yaml`).
    pub credential_param: &'static str,
    /// How the provider is asked for a response format (`format_param` in
    /// `providers.yaml`); `None` for a provider that answers in JSON only.
    pub format_param: Option<FormatParam>,
    /// Whether the parameters of a non-`GET` call travel as a form body
    /// (Steam) rather than in the query string (backpack.tf).
    pub form_body: bool,
    /// How the operation reports failure.
    pub errors: ErrorModel,
}

/// Implemented by every generated request type.
pub trait Endpoint: serde::Serialize + Validate {
    /// The type inside the response envelope.
    type Response: serde::de::DeserializeOwned;
    /// Where and how to send the request.
    const INFO: EndpointInfo;
    /// Writes the parameters as query/form pairs (used when `INFO.input` is
    /// [`InputEncoding::Query`]).
    fn write_query(&self, q: &mut QueryWriter);

    /// The success code of a decoded response, for operations that report
    /// errors with a code in the body ([`ErrorModel::SuccessCode`]) and whose
    /// response type holds that code as an integer field. With it the runtime
    /// reads a successful body once; without it (`None`) the code is probed
    /// in a second pass.
    fn success_code(_response: &Self::Response) -> Option<i64> {
        None
    }
}

/// Collects query/form pairs; names are wire names. Encoding happens later,
/// once, when the request is built.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryWriter {
    pairs: Vec<(Cow<'static, str>, String)>,
}

impl QueryWriter {
    /// No pairs.
    pub fn new() -> Self {
        Self::default()
    }

    /// `name=v`.
    pub fn value<V: QueryValue + ?Sized>(&mut self, name: &'static str, v: &V) {
        let mut out = String::new();
        v.write_query_value(&mut out);
        self.pairs.push((Cow::Borrowed(name), out));
    }

    /// `name=a,b,c`; nothing at all for an empty list (an empty value would
    /// not mean "no items" to the server).
    pub fn comma<V: QueryValue>(&mut self, name: &'static str, v: &[V]) {
        if v.is_empty() {
            return;
        }
        let mut out = String::new();
        for (i, item) in v.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_query_value(&mut out);
        }
        self.pairs.push((Cow::Borrowed(name), out));
    }

    /// `name[0]=a&name[1]=b`.
    pub fn indexed<V: QueryValue>(&mut self, name: &'static str, v: &[V]) {
        for (i, item) in v.iter().enumerate() {
            let mut out = String::new();
            item.write_query_value(&mut out);
            self.pairs.push((Cow::Owned(format!("{name}[{i}]")), out));
        }
    }

    /// Adds a pair whose name is built at run time.
    pub fn raw(&mut self, name: impl Into<Cow<'static, str>>, value: impl Into<String>) {
        self.pairs.push((name.into(), value.into()));
    }

    /// The pairs written so far, in order.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_ref(), v.as_str()))
    }

    /// Whether no pair was written.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs, `application/x-www-form-urlencoded`.
    pub fn encode(&self) -> String {
        let mut ser = form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.pairs {
            ser.append_pair(name, value);
        }
        ser.finish()
    }
}

/// One query value. `bool` is `1`/`0` (Steam ignores `true` for some
/// parameters, e.g. `include_appinfo`); numbers are decimal; strings as is.
pub trait QueryValue {
    /// Appends the value's text, unencoded, to `out`.
    fn write_query_value(&self, out: &mut String);
}

impl<T: QueryValue + ?Sized> QueryValue for &T {
    fn write_query_value(&self, out: &mut String) {
        (**self).write_query_value(out);
    }
}

impl QueryValue for bool {
    fn write_query_value(&self, out: &mut String) {
        out.push(if *self { '1' } else { '0' });
    }
}

impl QueryValue for str {
    fn write_query_value(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl QueryValue for String {
    fn write_query_value(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl QueryValue for Cow<'_, str> {
    fn write_query_value(&self, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! display_query_value {
    ($($t:ty),*) => {$(
        impl QueryValue for $t {
            fn write_query_value(&self, out: &mut String) {
                // Display of floats is the shortest form that round-trips.
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

display_query_value!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);
