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
    read_within(body, limit, READ_TIMEOUT).await
}

/// As [`read_limited`], the body given `timeout` to arrive (an upload from a phone takes
/// longer than a JSON request). A body that does not arrive whole is an error: nothing
/// of it is used.
pub(crate) async fn read_within(
    body: Body,
    limit: usize,
    timeout: std::time::Duration,
) -> Result<bytes::Bytes, ApiError> {
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
    tokio::time::timeout(timeout, read)
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
        Ok(Value::Object(mut map)) => {
            map.values_mut().for_each(whole_numbers_as_integers);
            Ok(map)
        }
        Ok(_) => Err(ApiError::Service(aftercare_contracts::ServiceError::field(
            "",
            "not_an_object",
            "the body must be a JSON object",
        ))),
        Err(e) => Err(ApiError::MalformedJson(e.to_string())),
    }
}

/// Writes a number with a zero fraction (`6.0`, `6e0`) as the integer it is, so a field
/// the API documents as an integer takes it, as JSON Schema's `integer` does. Past 2^53 a
/// JSON number with a fraction or exponent is read as the nearest double, as JavaScript
/// reads it.
pub(crate) fn whole_numbers_as_integers(value: &mut Value) {
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
            {
                if (i64::MIN as f64..i64::MAX as f64).contains(&f) {
                    *value = Value::from(f as i64);
                } else if (0.0..u64::MAX as f64).contains(&f) {
                    *value = Value::from(f as u64);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        Value::Object(map) => map.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_with_a_fraction_is_an_integer() {
        let mut v: Value = serde_json::from_str(
            r#"{"a": 6.0, "b": [31.0, 1.5, -2e0], "c": {"d": 75257296.0}, "e": 7, "f": 1e300}"#,
        )
        .expect("json");
        whole_numbers_as_integers(&mut v);
        assert_eq!(v["a"], Value::from(6));
        assert!(v["a"].is_i64());
        assert_eq!(v["b"], serde_json::json!([31, 1.5, -2]));
        assert!(v["c"]["d"].is_i64());
        assert_eq!(v["e"], Value::from(7));
        assert!(v["f"].is_f64());
        let n: u32 = serde_json::from_value(v["b"][0].clone()).expect("u32");
        assert_eq!(n, 31);
    }
}
