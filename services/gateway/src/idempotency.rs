//! `Idempotency-Key` on creating POSTs: the first response to a key is stored per caller
//! and returned again for a retry; the same key with a different request is refused
//! (422), and a retry while the first is still running gets 409 with `Retry-After`.
//! Server errors and rate-limit answers are not stored, so a retry after them runs
//! again. Records are kept for a day. A credential in a response (a new API token) is
//! never kept: the record holds the response without it and only the credential's SHA-256,
//! and a retry is told the secret was shown once instead of receiving it again.
use aftercare_platform::now_ms;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::body::read_limited;
use crate::error::ApiError;
use crate::identity::Principal;
use crate::identity::tokens::digest;
use crate::state::AppState;

/// The request header.
pub(crate) const HEADER: &str = "idempotency-key";
/// Set on a replayed response.
pub(crate) const REPLAYED: &str = "idempotent-replayed";
/// How long a key is remembered, ms.
const KEEP_MS: i64 = 24 * 3600 * 1000;
/// Largest response body stored for replay.
const MAX_STORED: usize = 1 << 20;

/// Runs a creating request under its `Idempotency-Key`, if it has one; `upload` is the
/// largest body of an operation that takes a file (the JSON limit otherwise).
pub(crate) async fn run(
    s: AppState,
    p: Principal,
    req: Request,
    next: Next,
    upload: Option<usize>,
) -> Response {
    match run_inner(s, p, req, next, upload).await {
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
    upload: Option<usize>,
) -> Result<Response, ApiError> {
    let Some(key) = key_of(&req)? else {
        let mut req = req;
        req.extensions_mut().insert(p);
        return Ok(next.run(req).await);
    };
    let (mut parts, body) = req.into_parts();
    let bytes = match upload {
        Some(limit) => {
            crate::body::read_within(body, limit, crate::api::attachments::UPLOAD_READ_TIMEOUT)
                .await?
        }
        None => read_limited(body, s.config.max_body_bytes).await?,
    };
    let mut hasher = Sha256::new();
    hasher.update(parts.method.as_str().as_bytes());
    hasher.update(b" ");
    hasher.update(parts.uri.path().as_bytes());
    // An upload says what the file is in the query (`?kind=`): another kind is another
    // request. (Requests without a query keep the fingerprint they always had.)
    if let Some(q) = parts.uri.query().filter(|q| !q.is_empty()) {
        hasher.update(b"?");
        hasher.update(q.as_bytes());
    }
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
    let (text, secret_digest) = without_secrets(&body);
    let header_text = |h: HeaderName| {
        parts
            .headers
            .get(h)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let stored = sqlx::query(
        "update idempotency_record set status = $1, location = $2, etag = $3, body = $4, secret_digest = $5
         where principal = $6 and idem_key = $7",
    )
    .bind(i32::from(status.as_u16()))
    .bind(header_text(header::LOCATION))
    .bind(header_text(header::ETAG))
    .bind(&text)
    .bind(secret_digest)
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

/// Top-level response fields that carry a credential shown once.
const SECRET_FIELDS: [&str; 3] = ["token", "access_token", "refresh_token"];

/// The response body as it may be stored: JSON with every credential field removed, and
/// the SHA-256 of what was removed (the same digest the token tables keep, so a record can
/// be matched to its token), or the body unchanged when it holds none.
fn without_secrets(body: &[u8]) -> (String, Option<String>) {
    let text = String::from_utf8_lossy(body).into_owned();
    let Ok(serde_json::Value::Object(mut object)) = serde_json::from_slice(body) else {
        return (text, None);
    };
    let removed: Vec<String> = SECRET_FIELDS
        .iter()
        .filter_map(|f| match object.remove(*f) {
            Some(serde_json::Value::String(secret)) => Some(digest(&secret)),
            Some(other) => {
                object.insert((*f).to_owned(), other);
                None
            }
            None => None,
        })
        .collect();
    if removed.is_empty() {
        return (text, None);
    }
    let kept = serde_json::Value::Object(object).to_string();
    (kept, Some(removed.join(",")))
}

/// A stored first request.
#[derive(sqlx::FromRow)]
struct Stored {
    fingerprint: String,
    status: Option<i32>,
    location: Option<String>,
    etag: Option<String>,
    body: Option<String>,
    secret_digest: Option<String>,
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
        "select fingerprint, status, location, etag, body, secret_digest from idempotency_record where principal = $1 and idem_key = $2",
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
    if stored.secret_digest.is_some() {
        let created = stored
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok())
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_owned));
        return Err(ApiError::SecretShownOnce(created));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_removed_and_only_their_digest_kept() {
        let (kept, d) = without_secrets(br#"{"id":"t1","name":"planner","token":"act_secret"}"#);
        assert!(!kept.contains("act_secret") && kept.contains("planner"));
        assert_eq!(d, Some(digest("act_secret")));
        let (kept, d) = without_secrets(br#"{"id":"x","tokens":3}"#);
        assert_eq!((kept.as_str(), d), (r#"{"id":"x","tokens":3}"#, None));
        let (kept, d) = without_secrets(b"not json");
        assert_eq!((kept.as_str(), d), ("not json", None));
    }
}
