//! Turning a request value into what goes on the wire, before any I/O.

use crate::builder::Config;
use crate::endpoint::{
    Auth, Endpoint, EndpointInfo, ErrorModel, HttpMethod, InputEncoding, QueryWriter,
};
use crate::error::Error;
use crate::format::Format;

/// A request ready to send: the full URL (query included) and, for Steam's
/// non-GET methods, an `application/x-www-form-urlencoded` body.
pub(crate) struct Prepared {
    /// The operation's facts (provider, names) for the budget and tracing.
    pub(crate) info: EndpointInfo,
    pub(crate) method: HttpMethod,
    pub(crate) url: String,
    pub(crate) form: Option<String>,
    /// How the operation reports failure, for a non-2xx answer.
    pub(crate) errors: ErrorModel,
    /// The response envelope, where a non-2xx body may hold its message.
    pub(crate) envelope: Option<&'static str>,
    /// The format asked for, and so the one the answer is decoded from.
    pub(crate) format: Format,
}

/// Validates `req` and lays out its parameters. Fails before any I/O, so an
/// invalid request or a missing credential sends nothing.
pub(crate) fn prepare<E: Endpoint>(
    config: &Config,
    req: &E,
    format: Format,
) -> Result<Prepared, Error> {
    let info = E::INFO;
    req.validate().map_err(Error::Invalid)?;
    let mut params = QueryWriter::new();
    match info.input {
        InputEncoding::Query => req.write_query(&mut params),
        InputEncoding::InputJson => {
            if let Some(tokens) = &config.tokens {
                tokens.check_request(req).map_err(Error::Invalid)?;
            }
            let json = serde_json::to_string(req).map_err(|e| {
                Error::config(format!("cannot write the request as input_json: {e}"))
            })?;
            params.raw("input_json", json);
        }
    }
    lay_out(config, &info, params, format)
}

/// The part of [`prepare`] that does not depend on the request's type,
/// compiled once rather than once per operation.
fn lay_out(
    config: &Config,
    info: &EndpointInfo,
    mut params: QueryWriter,
    format: Format,
) -> Result<Prepared, Error> {
    let credential = match info.auth {
        Auth::Required => Some(config.credential(info.provider)?),
        Auth::Optional => config.credential(info.provider).ok(),
        Auth::None => None,
    };
    // Added here, outside input_json, so the generated code never sees them.
    if let Some(credential) = credential {
        params.raw(info.credential_param, credential);
    }
    match (info.format_param, format) {
        (Some(param), Format::Json) => params.raw(param.name, param.json),
        (Some(param), other) => params.raw(param.name, other.name()),
        (None, Format::Json) => {}
        (None, other) => {
            return Err(Error::config(format!(
                "{} answers in JSON only; {other} was asked for",
                info.provider.name()
            )));
        }
    }

    let mut url = config.base_for(info);
    url.push_str(info.path);
    let encoded = params.encode();
    let form = if info.form_body && info.http != HttpMethod::Get {
        Some(encoded)
    } else {
        url.push('?');
        url.push_str(&encoded);
        None
    };
    Ok(Prepared {
        info: *info,
        method: info.http,
        url,
        form,
        errors: info.errors,
        envelope: info.envelope,
        format,
    })
}

impl Prepared {
    pub(crate) fn reqwest_method(&self) -> reqwest::Method {
        match self.method {
            HttpMethod::Get => reqwest::Method::GET,
            HttpMethod::Post => reqwest::Method::POST,
            HttpMethod::Put => reqwest::Method::PUT,
            HttpMethod::Patch => reqwest::Method::PATCH,
            HttpMethod::Delete => reqwest::Method::DELETE,
        }
    }
}

/// `Content-Type` of the form body.
pub(crate) const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded";
