//! The gateway's one error type and its single mapping to RFC 9457 problem+json.
use aftercare_contracts::{FieldError, ServiceError};
use aftercare_platform::rpc::CallError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Everything that can go wrong answering an HTTP request.
#[derive(Debug)]
pub enum ApiError {
    /// The body is larger than the limit (413).
    BodyTooLarge(usize),
    /// The body is not JSON at all (400).
    MalformedJson(String),
    /// A service refused or failed the request (its status).
    Service(ServiceError),
    /// No instance of the owning service is running (503, retry).
    ServiceUnavailable(String),
    /// The owning service did not answer in time (504, retry).
    ServiceTimeout(String),
    /// The service's reply could not be read (502).
    BadGateway(String),
    /// The request's content type is not JSON (415).
    UnsupportedMediaType,
    /// No such route (404) or method (405).
    Route(StatusCode),
}

impl From<CallError> for ApiError {
    fn from(e: CallError) -> Self {
        match e {
            CallError::Service(s) => ApiError::Service(s),
            CallError::Unavailable => {
                ApiError::ServiceUnavailable("the service is not running".into())
            }
            CallError::Timeout => {
                ApiError::ServiceTimeout("the service did not answer in time".into())
            }
            CallError::Transport(t) => ApiError::BadGateway(t),
        }
    }
}

/// RFC 9457 problem details, with Aftercare's stable `code` and field `errors`.
#[derive(Debug, Serialize)]
pub(crate) struct Problem {
    /// URI naming the problem type.
    #[serde(rename = "type")]
    pub(crate) problem_type: String,
    /// Short summary.
    pub(crate) title: String,
    /// HTTP status.
    pub(crate) status: u16,
    /// This occurrence.
    pub(crate) detail: String,
    /// Stable machine code, for translation.
    pub(crate) code: String,
    /// Field errors, for validation problems.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) errors: Vec<FieldError>,
}

/// Status, code, title, detail, field errors and retry hint of one error.
struct Parts {
    status: StatusCode,
    code: String,
    title: String,
    detail: String,
    errors: Vec<FieldError>,
    retry_after: Option<u64>,
}

fn parts(
    status: StatusCode,
    code: &str,
    title: &str,
    detail: impl Into<String>,
    retry_after: Option<u64>,
) -> Parts {
    Parts {
        status,
        code: code.to_owned(),
        title: title.to_owned(),
        detail: detail.into(),
        errors: vec![],
        retry_after,
    }
}

impl ApiError {
    fn parts(self) -> Parts {
        match self {
            ApiError::BodyTooLarge(limit) => parts(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Request body too large",
                format!("the body must be at most {limit} bytes"),
                None,
            ),
            ApiError::MalformedJson(m) => parts(
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "The body is not valid JSON",
                m,
                None,
            ),
            ApiError::UnsupportedMediaType => parts(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
                "send the body as application/json",
                None,
            ),
            ApiError::ServiceUnavailable(m) => parts(
                StatusCode::SERVICE_UNAVAILABLE,
                "service_unavailable",
                "Service unavailable",
                m,
                Some(5),
            ),
            ApiError::ServiceTimeout(m) => parts(
                StatusCode::GATEWAY_TIMEOUT,
                "service_timeout",
                "Service timed out",
                m,
                Some(5),
            ),
            ApiError::BadGateway(detail) => {
                tracing::error!(detail, "unreadable reply from a service");
                parts(
                    StatusCode::BAD_GATEWAY,
                    "bad_gateway",
                    "Bad gateway",
                    "the service's reply could not be read",
                    Some(5),
                )
            }
            ApiError::Route(s) if s == StatusCode::METHOD_NOT_ALLOWED => parts(
                s,
                "method_not_allowed",
                "Method not allowed",
                "this resource does not support that method",
                None,
            ),
            ApiError::Route(s) => parts(s, "not_found", "Not found", "no such resource", None),
            ApiError::Service(e) => {
                let status =
                    StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                // On 5xx nothing of the service's internals reaches the caller.
                let detail = if status.is_server_error() {
                    "the service could not complete the request".to_owned()
                } else {
                    e.detail
                };
                Parts {
                    status,
                    code: e.code,
                    title: e.title,
                    detail,
                    errors: e.errors,
                    retry_after: status.is_server_error().then_some(5),
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let Parts {
            status,
            code,
            title,
            detail,
            errors,
            retry_after,
        } = self.parts();
        let problem = Problem {
            problem_type: format!("urn:aftercare:problem:{code}"),
            title,
            status: status.as_u16(),
            detail,
            code,
            errors,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
