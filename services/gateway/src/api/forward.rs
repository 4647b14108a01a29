//! The handler of the operations that only pass a request on to the owning service and
//! answer its reply unchanged: the request is made from the path's parameters (and, for
//! a `POST`, the JSON body), sent as the caller, and the reply answered as JSON, with its
//! version as the ETag for a versioned object. Operations that apply object-level rules
//! or shape the answer keep their own handlers.
use std::sync::Arc;

use aftercare_contracts::Request;
use aftercare_platform::rpc::decode;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{Versioned, if_match_version, with_etag};
use crate::identity::Principal;
use crate::state::AppState;

/// The request fields a route's path parameters fill, in the order the path names them.
#[derive(Debug, Clone)]
pub(crate) struct PathFields(Arc<[&'static str]>);

impl PathFields {
    /// The fields of `path`'s parameters: the ones `fills` names, in order, and a
    /// parameter beyond them fills the field of its own name.
    pub(crate) fn of(path: &'static str, fills: &[&'static str]) -> Self {
        let mut named = fills.iter().filter(|f| **f != "expected_version");
        let fields: Vec<&'static str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
            .map(|param| named.next().copied().unwrap_or(param))
            .collect();
        Self(fields.into())
    }

    /// The fields with the values the request's path gave.
    fn values(&self, params: Vec<(String, String)>) -> Vec<(&'static str, Value)> {
        self.0
            .iter()
            .zip(params)
            .map(|(field, (_, value))| (*field, Value::String(value)))
            .collect()
    }
}

/// `GET`: the request made from the path's parameters alone.
fn from_path<R: Request>(
    fields: &PathFields,
    params: Vec<(String, String)>,
) -> Result<R, ApiError> {
    let map: Map<String, Value> = fields
        .values(params)
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    let bytes = serde_json::to_vec(&Value::Object(map))
        .map_err(|e| ApiError::MalformedJson(e.to_string()))?;
    decode::<R>(&bytes).map_err(ApiError::Service)
}

/// Reads `R` from the path and answers the reply as JSON.
pub(crate) async fn read<R: Request>(
    fields: PathFields,
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(params): Path<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let req: R = from_path(&fields, params)?;
    let reply = s.call(&req, Some(&p)).await?;
    Ok(Json(reply).into_response())
}

/// Reads the versioned object `R` names in the path and answers it with its ETag.
pub(crate) async fn read_versioned<R>(
    fields: PathFields,
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(params): Path<Vec<(String, String)>>,
) -> Result<Response, ApiError>
where
    R: Request,
    R::Reply: Versioned,
{
    let req: R = from_path(&fields, params)?;
    let reply = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &reply, reply.version()))
}

/// `POST`: sends the body, with the path's fields, as `R` and answers the reply as JSON.
pub(crate) async fn send<R: Request>(
    fields: PathFields,
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(params): Path<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let extra = fields.values(params);
    let req: R = json_with(&headers, body, s.config.max_body_bytes, &extra).await?;
    let reply = s.call(&req, Some(&p)).await?;
    Ok(Json(reply).into_response())
}

/// An update of a versioned object: the version in `If-Match` (428 without) goes in as
/// `expected_version` with the path's fields, and the reply carries its new version as
/// the ETag.
pub(crate) async fn update<R>(
    fields: PathFields,
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(params): Path<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError>
where
    R: Request,
    R::Reply: Versioned,
{
    let version = if_match_version(&headers)?;
    let mut extra = vec![("expected_version", Value::from(version))];
    extra.extend(fields.values(params));
    let req: R = json_with(&headers, body, s.config.max_body_bytes, &extra).await?;
    let reply = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &reply, reply.version()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled(path: &'static str, fills: &[&'static str], values: &[&str]) -> Vec<String> {
        let params = values
            .iter()
            .map(|v| ("ignored".to_owned(), (*v).to_owned()))
            .collect();
        PathFields::of(path, fills)
            .values(params)
            .into_iter()
            .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn the_path_fills_the_fields_it_names_else_its_parameters_own() {
        assert_eq!(
            filled(
                "/refunds/{id}/payment",
                &["refund_id", "expected_version"],
                &["r1"]
            ),
            ["refund_id=r1"]
        );
        assert_eq!(filled("/part-prices/{sku}", &[], &["P-1"]), ["sku=P-1"]);
        assert_eq!(filled("/parts/{sku}/rules", &["id"], &["P-1"]), ["id=P-1"]);
        assert_eq!(
            filled("/accounts/{id}/api-tokens/{token_id}", &[], &["a", "t"]),
            ["id=a", "token_id=t"]
        );
        assert!(filled("/fee-schedules", &[], &[]).is_empty());
    }
}
