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
    /// No valid credentials (401); the text says what was wrong.
    Unauthenticated(String),
    /// The caller's role may not use this operation (403).
    Forbidden,
    /// Too many requests or sign-in attempts; retry after the seconds given (429).
    TooManyRequests(u64),
    /// The gateway is at its limit for costly work (password hashing); retry after a
    /// second (503).
    Busy(String),
    /// The account must change its password before anything else (403).
    PasswordChangeRequired,
    /// An update without `If-Match` (428).
    PreconditionRequired,
    /// An `Idempotency-Key` reused with another request (422).
    IdempotencyKeyReused,
    /// The first request with this `Idempotency-Key` is still running (409).
    IdempotencyInFlight,
    /// A retry of a request whose answer carried a credential (a new API token): the
    /// credential is shown once and never stored, so it cannot be replayed (409); holds
    /// the id of what the first request created.
    SecretShownOnce(Option<String>),
    /// The request took longer than the route's time limit (503, retry).
    RequestTimeout,
    /// An error the HTTP framework produced in plain text (a query string that does not
    /// parse, a path that is not UTF-8), re-shaped as a problem.
    Plain(StatusCode, String),
}

impl From<aftercare_platform::Error> for ApiError {
    fn from(e: aftercare_platform::Error) -> Self {
        ApiError::Service(e.into())
    }
}

impl ApiError {
    /// 404 for an object the caller may not see, indistinguishable from a missing one.
    pub(crate) fn not_found(what: &str, id: &str) -> Self {
        ApiError::Service(ServiceError::not_found(what, id))
    }

    /// 422 naming one field.
    pub(crate) fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        ApiError::Service(ServiceError::field(field, code, message))
    }
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
#[derive(Debug, Serialize, schemars::JsonSchema)]
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
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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
            ApiError::Unauthenticated(m) => parts(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
                m,
                None,
            ),
            ApiError::Forbidden => parts(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Forbidden",
                "your role may not use this operation",
                None,
            ),
            ApiError::TooManyRequests(secs) => parts(
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "Too many requests",
                format!("slow down and retry in {secs} s"),
                Some(secs),
            ),
            ApiError::Busy(m) => parts(StatusCode::SERVICE_UNAVAILABLE, "busy", "Busy", m, Some(1)),
            ApiError::PasswordChangeRequired => parts(
                StatusCode::FORBIDDEN,
                "password_change_required",
                "Password change required",
                "this account must change its password first: POST /api/v1/me/password \
                 (signing out is also allowed)",
                None,
            ),
            ApiError::PreconditionRequired => parts(
                StatusCode::PRECONDITION_REQUIRED,
                "precondition_required",
                "If-Match required",
                "send If-Match with the ETag of the version you read",
                None,
            ),
            ApiError::IdempotencyKeyReused => {
                let mut p = parts(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_reused",
                    "Idempotency-Key reused",
                    "this Idempotency-Key was used with a different request",
                    None,
                );
                p.errors.push(FieldError {
                    field: "Idempotency-Key".into(),
                    code: "reused".into(),
                    message: "use a new key for a different request".into(),
                });
                p
            }
            ApiError::SecretShownOnce(id) => parts(
                StatusCode::CONFLICT,
                "secret_shown_once",
                "Secret shown once",
                format!(
                    "the first request with this Idempotency-Key created {}; its secret was \
                     shown once and is not kept: revoke it and create another",
                    id.as_deref().unwrap_or("the credential")
                ),
                None,
            ),
            ApiError::IdempotencyInFlight => parts(
                StatusCode::CONFLICT,
                "idempotency_in_flight",
                "Request in progress",
                "the first request with this Idempotency-Key has not finished; retry shortly",
                Some(1),
            ),
            ApiError::Plain(status, text) => parts(
                status,
                if status == StatusCode::BAD_REQUEST {
                    "bad_request"
                } else {
                    "http_error"
                },
                status.canonical_reason().unwrap_or("Error"),
                text,
                None,
            ),
            ApiError::RequestTimeout => parts(
                StatusCode::SERVICE_UNAVAILABLE,
                "request_timeout",
                "Request timed out",
                "the request took too long; retry later",
                Some(5),
            ),
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
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"aftercare\""),
            );
        }
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }
}
