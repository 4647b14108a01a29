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

/// Reads the body as a JSON object, enforcing content type, size and syntax.
async fn json_object(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Map<String, Value>, ApiError> {
    check_content_type(headers)?;
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| ApiError::BodyTooLarge(limit))?;
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
