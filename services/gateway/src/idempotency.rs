//! `Idempotency-Key` on creating POSTs: the first response to a key is stored per caller
//! and returned again for a retry; the same key with a different request is refused
//! (422), and a retry while the first is still running gets 409 with `Retry-After`.
//! Server errors and rate-limit answers are not stored, so a retry after them runs
//! again. Records are kept for a day.
use aftercare_platform::now_ms;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::api::AppState;
use crate::body::read_limited;
use crate::error::ApiError;
use crate::identity::Principal;

/// The request header.
pub(crate) const HEADER: &str = "idempotency-key";
/// Set on a replayed response.
pub(crate) const REPLAYED: &str = "idempotent-replayed";
/// How long a key is remembered, ms.
const KEEP_MS: i64 = 24 * 3600 * 1000;
/// Largest response body stored for replay.
const MAX_STORED: usize = 1 << 20;

/// Runs a creating request under its `Idempotency-Key`, if it has one.
pub(crate) async fn run(s: AppState, p: Principal, req: Request, next: Next) -> Response {
    match run_inner(s, p, req, next).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

fn key_of(req: &Request) -> Result<Option<String>, ApiError> {
    let Some(raw) = req.headers().get(HEADER) else {
        return Ok(None);
    };
    let key = raw.to_str().unwrap_or("").trim();
    if key.is_empty() || key.len() > 200 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(ApiError::field(
            "Idempotency-Key",
            "invalid",
            "Idempotency-Key must be 1–200 visible ASCII characters (a UUID is ideal)",
        ));
    }
    Ok(Some(key.to_owned()))
}

async fn run_inner(
    s: AppState,
    p: Principal,
    req: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(key) = key_of(&req)? else {
        let mut req = req;
        req.extensions_mut().insert(p);
        return Ok(next.run(req).await);
    };
    let (mut parts, body) = req.into_parts();
    let bytes = read_limited(body, s.config.max_body_bytes).await?;
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str().as_bytes());
    hasher.update(b" ");
    hasher.update(parts.uri.path().as_bytes());
    hasher.update(b"\n");
    hasher.update(&bytes);
    let fingerprint: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let principal = p.key().to_owned();
    let now = now_ms();
    let stale_after = now - 2 * s.config.request_timeout.as_millis() as i64 - 5_000;
    match claim(&s, &principal, &key, &fingerprint, now, stale_after).await? {
        Claim::Mine => {}
        Claim::Other(stored) => return replay(stored, &fingerprint),
    }
    parts.extensions.insert(p);
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let status = response.status();
    if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
        release(&s, &principal, &key).await;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_STORED).await {
        Ok(b) => b,
        Err(_) => {
            release(&s, &principal, &key).await;
            return Err(ApiError::BadGateway("response too large to keep".into()));
        }
    };
    let text = String::from_utf8_lossy(&body).into_owned();
    let header_text = |h: HeaderName| {
        parts
            .headers
            .get(h)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let stored = sqlx::query(
        "update idempotency_record set status = $1, location = $2, etag = $3, body = $4
         where principal = $5 and idem_key = $6",
    )
    .bind(i32::from(status.as_u16()))
    .bind(header_text(header::LOCATION))
    .bind(header_text(header::ETAG))
    .bind(&text)
    .bind(&principal)
    .bind(&key)
    .execute(s.db.write())
    .await;
    if let Err(e) = stored {
        // The effect happened; the caller still gets its answer. A retry will see the
        // record in flight until it goes stale, then run again.
        tracing::error!(error = %e, "could not store the idempotent response");
    }
    Ok(Response::from_parts(parts, Body::from(body)))
}

/// A stored first request.
#[derive(sqlx::FromRow)]
struct Stored {
    fingerprint: String,
    status: Option<i32>,
    location: Option<String>,
    etag: Option<String>,
    body: Option<String>,
}

enum Claim {
    /// This request is the first (or takes over a stale, unfinished one).
    Mine,
    /// Another request with this key exists.
    Other(Stored),
}

async fn claim(
    s: &AppState,
    principal: &str,
    key: &str,
    fingerprint: &str,
    now: i64,
    stale_after: i64,
) -> Result<Claim, ApiError> {
    let db = s.db.write();
    sqlx::query("delete from idempotency_record where created_at < $1")
        .bind(now - KEEP_MS)
        .execute(db)
        .await
        .map_err(aftercare_platform::Error::from)?;
    let inserted = sqlx::query(
        "insert into idempotency_record (principal, idem_key, fingerprint, created_at) values ($1, $2, $3, $4)
         on conflict (principal, idem_key) do nothing",
    )
    .bind(principal)
    .bind(key)
    .bind(fingerprint)
    .bind(now)
    .execute(db)
    .await
    .map_err(aftercare_platform::Error::from)?;
    if inserted.rows_affected() == 1 {
        return Ok(Claim::Mine);
    }
    // An unfinished record older than any request can run belongs to a gateway that
    // died mid-request: take it over.
    let taken = sqlx::query(
        "update idempotency_record set created_at = $1 where principal = $2 and idem_key = $3
           and fingerprint = $4 and status is null and created_at < $5",
    )
    .bind(now)
    .bind(principal)
    .bind(key)
    .bind(fingerprint)
    .bind(stale_after)
    .execute(db)
    .await
    .map_err(aftercare_platform::Error::from)?;
    if taken.rows_affected() == 1 {
        return Ok(Claim::Mine);
    }
    let row: Option<Stored> = sqlx::query_as(
        "select fingerprint, status, location, etag, body from idempotency_record where principal = $1 and idem_key = $2",
    )
    .bind(principal)
    .bind(key)
    .fetch_optional(db)
    .await
    .map_err(aftercare_platform::Error::from)?;
    match row {
        Some(stored) => Ok(Claim::Other(stored)),
        // Deleted between the statements (released after a failure): run it.
        None => Ok(Claim::Mine),
    }
}

async fn release(s: &AppState, principal: &str, key: &str) {
    let gone = sqlx::query("delete from idempotency_record where principal = $1 and idem_key = $2")
        .bind(principal)
        .bind(key)
        .execute(s.db.write())
        .await;
    if let Err(e) = gone {
        tracing::error!(error = %e, "could not release an idempotency key");
    }
}

fn replay(stored: Stored, fingerprint: &str) -> Result<Response, ApiError> {
    if stored.fingerprint != fingerprint {
        return Err(ApiError::IdempotencyKeyReused);
    }
    let Some(status) = stored.status else {
        return Err(ApiError::IdempotencyInFlight);
    };
    let status = u16::try_from(status)
        .ok()
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let body = stored.body.unwrap_or_default();
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(REPLAYED, HeaderValue::from_static("true"));
    for (name, value) in [
        (header::LOCATION, stored.location),
        (header::ETAG, stored.etag),
    ] {
        if let Some(v) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
            h.insert(name, v);
        }
    }
    Ok(r)
}
