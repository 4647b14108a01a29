//! The shapes every `/api/v1` handler shares: replies with an ETag or a `Location`,
//! query parameters read with a 422 naming them, `If-Match` versions, and versioned
//! reads and updates forwarded to a service.
use aftercare_contracts::limits::Shape;
use aftercare_contracts::{Request, ServiceError};
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::identity::Principal;
use crate::state::AppState;

/// A JSON reply with the object's version as its ETag.
pub(crate) fn with_etag<T: Serialize>(status: StatusCode, value: &T, version: i64) -> Response {
    let mut r = (status, axum::Json(value)).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("\"{version}\"")) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

/// 201 with `Location` (and `ETag` for versioned objects).
pub(crate) fn created<T: Serialize>(value: &T, location: String, version: Option<i64>) -> Response {
    let mut r = match version {
        Some(v) => with_etag(StatusCode::CREATED, value, v),
        None => (StatusCode::CREATED, axum::Json(value)).into_response(),
    };
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// `?limit=`: 1–500, default 50.
pub(crate) fn parse_limit(raw: Option<&str>) -> Result<u32, ApiError> {
    match raw {
        None => Ok(50),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| {
                ApiError::field(
                    "limit",
                    "out_of_range",
                    "limit must be a whole number from 1 to 500",
                )
            }),
    }
}

/// A local date query parameter (`2026-11-23`), 422 naming it otherwise.
pub(crate) fn parse_day(name: &str, raw: Option<&str>) -> Result<chrono::NaiveDate, ApiError> {
    let raw = raw.ok_or_else(|| {
        ApiError::field(
            name,
            "required",
            format!("give {name} as a date, e.g. 2026-11-23"),
        )
    })?;
    Some(raw)
        .filter(|r| (aftercare_contracts::limits::DAY.matches)(r))
        .and_then(|r| chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d").ok())
        .ok_or_else(|| {
            ApiError::field(
                name,
                "invalid",
                format!("{name} must be a date from 1900 to 9999, e.g. 2026-11-23"),
            )
        })
}

/// A UUID parameter, 422 naming it otherwise.
pub(crate) fn parse_uuid_param(name: &str, raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw.trim())
        .map_err(|_| ApiError::field(name, "invalid", format!("{name} must be a UUID")))
}

/// An ETag this API sends, as `If-Match` takes it back: the version in quotes
/// (`"3"`), weak (`W/"3"`) or not.
pub(crate) const ETAG: Shape = Shape {
    pattern: r#"^(W/)?"[0-9]{1,18}"$"#,
    matches: |v| {
        let v = v.strip_prefix("W/").unwrap_or(v);
        v.len() >= 3
            && v.len() <= 20
            && v.starts_with('"')
            && v.ends_with('"')
            && v[1..v.len() - 1].bytes().all(|b| b.is_ascii_digit())
    },
};

/// The version in `If-Match`: required on updates (428 without), 422 when unreadable.
pub(crate) fn if_match_version(headers: &HeaderMap) -> Result<i64, ApiError> {
    let Some(raw) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::PreconditionRequired);
    };
    raw.to_str()
        .ok()
        .map(str::trim)
        .filter(|v| (ETAG.matches)(v))
        .map(|v| v.trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| {
            ApiError::field(
                "If-Match",
                "invalid",
                "If-Match must be an ETag returned by this API",
            )
        })
}

/// The body of an update: the version from `If-Match` (428 without) goes in as
/// `expected_version`, and the object's id from the path as `id_field`, when given.
pub(crate) async fn update_body<Req: DeserializeOwned>(
    s: &AppState,
    headers: &HeaderMap,
    body: axum::body::Body,
    id: Option<(&str, String)>,
) -> Result<Req, ApiError> {
    let version = if_match_version(headers)?;
    let mut extra = vec![("expected_version", serde_json::Value::from(version))];
    if let Some((field, value)) = id {
        extra.push((field, serde_json::Value::String(value)));
    }
    crate::body::json_with(headers, body, s.config.max_body_bytes, &extra).await
}

/// An update of a versioned object: `If-Match` becomes `expected_version`, the path's id
/// goes into `id_field`, and the answer carries the new version as its ETag.
pub(crate) async fn update_versioned<R: Request>(
    s: &AppState,
    p: &Principal,
    id: (&str, String),
    headers: &HeaderMap,
    body: axum::body::Body,
    version: fn(&R::Reply) -> i64,
) -> Result<Response, ApiError> {
    let req: R = update_body(s, headers, body, Some(id)).await?;
    let r = s.call(&req, Some(p)).await?;
    Ok(with_etag(StatusCode::OK, &r, version(&r)))
}

/// A versioned object read by `req`, with its version as the ETag.
pub(crate) async fn read_versioned<R: Request>(
    s: &AppState,
    p: &Principal,
    req: &R,
    version: fn(&R::Reply) -> i64,
) -> Result<Response, ApiError> {
    let r = s.call(req, Some(p)).await?;
    Ok(with_etag(StatusCode::OK, &r, version(&r)))
}

/// 412 for a write against a version that moved on.
pub(crate) fn stale() -> ApiError {
    ApiError::Service(ServiceError::stale(
        "the object changed since you read it; read it again and retry",
    ))
}

/// An object the services keep versions of (a company setting, a refund, a work order):
/// its version is the ETag of a reply, and an update names it in `If-Match`.
pub(crate) trait Versioned {
    /// The version an update names in `If-Match`.
    fn version(&self) -> i64;
}

macro_rules! versioned {
    ($($t:ty),* $(,)?) => {
        $(impl Versioned for $t {
            fn version(&self) -> i64 {
                self.version
            }
        })*
    };
}

versioned!(
    aftercare_contracts::intake::SlaPolicy,
    aftercare_contracts::intake::NotificationTemplates,
    aftercare_contracts::intake::PriorityRules,
    aftercare_contracts::dispatch::DurationDefaults,
    aftercare_contracts::dispatch::FaultCodes,
    aftercare_contracts::dispatch::WorkshopJob,
    aftercare_contracts::survey::Questionnaire,
    aftercare_contracts::survey::QualityThresholds,
    aftercare_contracts::billing::Refund,
    aftercare_contracts::billing::Quotation,
    aftercare_contracts::billing::CompanyProfile,
    aftercare_contracts::billing::ManufacturerClaim,
    aftercare_contracts::billing::Renewal,
    aftercare_contracts::inventory::Part,
    aftercare_contracts::inventory::Stocktake,
    aftercare_contracts::inventory::PurchaseRequest,
    aftercare_contracts::inventory::ForecastPlan,
    aftercare_contracts::survey::Callback,
    aftercare_contracts::survey::FollowUp,
    aftercare_contracts::survey::CallTask,
    aftercare_contracts::survey::CallAssignmentRules,
    aftercare_contracts::dispatch::Technician,
    aftercare_contracts::dispatch::WorkOrder,
);

/// `GET` of a company setting: the service's current version, as the ETag.
pub(crate) async fn read_setting<Get>(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError>
where
    Get: Request + Default,
    Get::Reply: Versioned,
{
    read_versioned(&s, &p, &Get::default(), Versioned::version).await
}

/// `POST` of a company setting: replaced whole at the version in `If-Match`.
pub(crate) async fn replace_setting<Replace>(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Response, ApiError>
where
    Replace: Request,
    Replace::Reply: Versioned,
{
    let req: Replace = update_body(&s, &headers, body, None).await?;
    read_versioned(&s, &p, &req, Versioned::version).await
}
