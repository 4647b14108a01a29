//! Reading JSON request bodies strictly: JSON content type (415), size limit (413),
//! well-formed JSON (400), and the shape of the request type with the offending field
//! named (422). Nothing reaches a service unless all four hold.
use aftercare_platform::rpc::decode;
use axum::body::Body;
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::ApiError;

fn check_content_type(headers: &HeaderMap) -> Result<(), ApiError> {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json")) {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType)
    }
}

/// How much of an oversized body is read and discarded so the client, still sending,
/// receives the 413 instead of a broken connection.
const DRAIN_CAP: usize = 1 << 20;
/// How long reading a body may take.
const READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads at most `limit` bytes; an oversized body is drained (up to [`DRAIN_CAP`] more)
/// and refused with 413.
pub(crate) async fn read_limited(body: Body, limit: usize) -> Result<bytes::Bytes, ApiError> {
    use futures::StreamExt;
    let mut stream = body.into_data_stream();
    let mut buf = bytes::BytesMut::new();
    let mut seen = 0usize;
    let read = async {
        while let Some(chunk) = stream.next().await {
            let chunk =
                chunk.map_err(|_| ApiError::MalformedJson("the body could not be read".into()))?;
            seen += chunk.len();
            if seen <= limit {
                buf.extend_from_slice(&chunk);
            } else if seen > limit + DRAIN_CAP {
                break;
            }
        }
        Ok::<(), ApiError>(())
    };
    tokio::time::timeout(READ_TIMEOUT, read)
        .await
        .map_err(|_| ApiError::MalformedJson("the body did not arrive in time".into()))??;
    if seen > limit {
        return Err(ApiError::BodyTooLarge(limit));
    }
    Ok(buf.freeze())
}

/// Reads the body as a JSON object, enforcing content type, size and syntax.
async fn json_object(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Map<String, Value>, ApiError> {
    check_content_type(headers)?;
    let bytes = read_limited(body, limit).await?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::Service(aftercare_contracts::ServiceError::field(
            "",
            "not_an_object",
            "the body must be a JSON object",
        ))),
        Err(e) => Err(ApiError::MalformedJson(e.to_string())),
    }
}

/// Reads the body into `T`; fields the path supplies are added with `extra` and may not
/// also appear in the body.
pub(crate) async fn json_with<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    extra: &[(&str, Value)],
) -> Result<T, ApiError> {
    let mut map = json_object(headers, body, limit).await?;
    for (key, value) in extra {
        if map.contains_key(*key) {
            return Err(ApiError::Service(aftercare_contracts::ServiceError::field(
                *key,
                "unknown_field",
                format!("{key} comes from the URL or headers, not the body"),
            )));
        }
        if !value.is_null() {
            map.insert((*key).to_owned(), value.clone());
        }
    }
    let bytes = serde_json::to_vec(&Value::Object(map))
        .map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    decode::<T>(&bytes).map_err(ApiError::Service)
}
