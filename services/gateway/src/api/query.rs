//! The query parameters of the list and report routes, read with a 422 that names the
//! parameter when it does not parse.
use aftercare_contracts::rpc::ListOrder;
use serde::Deserialize;
use serde_json::Value;

use crate::error::ApiError;
/// Query parameters of the list routes (each route reads the ones it documents).
#[derive(Debug, Deserialize)]
pub(crate) struct ListQuery {
    pub(crate) ticket_id: Option<String>,
    pub(crate) technician_id: Option<String>,
    pub(crate) customer_id: Option<String>,
    pub(crate) status: Option<String>,
    pub(crate) personal_data: Option<String>,
    pub(crate) sort: Option<String>,
    pub(crate) priority: Option<String>,
    #[serde(rename = "type")]
    pub(crate) ticket_type: Option<String>,
    pub(crate) district: Option<String>,
    pub(crate) opened_from: Option<String>,
    pub(crate) opened_to: Option<String>,
    pub(crate) sla: Option<String>,
    pub(crate) owner: Option<String>,
    pub(crate) flagged: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) cursor: Option<String>,
}

/// An enumeration query parameter by its wire name, 422 naming the parameter and the
/// values it takes otherwise.
pub(crate) fn parse_enum<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    name: &str,
    raw: Option<&str>,
) -> Result<Option<T>, ApiError> {
    let Some(v) = raw else { return Ok(None) };
    serde_json::from_value::<T>(Value::String(v.to_owned()))
        .map(Some)
        .map_err(|_| {
            let allowed = allowed_values(&schemars::schema_for!(T).to_value()).join(", ");
            ApiError::field(name, "invalid", format!("{name} must be one of: {allowed}"))
        })
}

/// The values an enumeration's schema allows: its `enum`, or the `const` of each `oneOf`
/// branch (how a documented variant is written).
fn allowed_values(schema: &Value) -> Vec<&str> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().filter_map(Value::as_str).collect();
    }
    schema
        .get("oneOf")
        .and_then(Value::as_array)
        .map(|branches| branches.iter().flat_map(allowed_values_of_branch).collect())
        .unwrap_or_default()
}

fn allowed_values_of_branch(branch: &Value) -> Vec<&str> {
    match branch.get("const").and_then(Value::as_str) {
        Some(v) => vec![v],
        None => allowed_values(branch),
    }
}

/// An RFC 3339 instant query parameter (`2026-11-23T09:00:00+08:00`).
pub(crate) fn parse_instant(
    name: &str,
    raw: Option<&str>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, ApiError> {
    raw.map(|v| {
        chrono::DateTime::parse_from_rfc3339(v.trim())
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| {
                ApiError::field(
                    name,
                    "invalid",
                    format!("{name} must be an RFC 3339 instant, e.g. 2026-11-23T09:00:00+08:00"),
                )
            })
    })
    .transpose()
}

/// `?sort=` over a creation-time field: `field` oldest first, `-field` newest first.
pub(crate) fn parse_sort(raw: Option<&str>, field: &str) -> Result<Option<ListOrder>, ApiError> {
    match raw {
        None => Ok(None),
        Some(v) if v == field => Ok(Some(ListOrder::OldestFirst)),
        Some(v) if v.strip_prefix('-') == Some(field) => Ok(Some(ListOrder::NewestFirst)),
        Some(_) => Err(ApiError::field(
            "sort",
            "invalid",
            format!("sort must be {field} or -{field}"),
        )),
    }
}

/// Query parameters of a history page.
#[derive(Debug, Deserialize)]
pub(crate) struct PageQuery {
    pub(crate) limit: Option<String>,
    pub(crate) cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An enumeration whose variants are documented, as the contracts' are.
    #[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Documented {
        /// The first.
        WelcomeCall,
        /// The second.
        Renewal,
    }

    /// An enumeration without documentation.
    #[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Plain {
        Open,
        Closed,
    }

    #[test]
    fn a_bad_enumeration_value_names_the_values_allowed() {
        for (err, expected) in [
            (
                parse_enum::<Documented>("kind", Some("postcard")).expect_err("refused"),
                "welcome_call, renewal",
            ),
            (
                parse_enum::<Plain>("state", Some("x")).expect_err("refused"),
                "open, closed",
            ),
        ] {
            let text = format!("{err:?}");
            assert!(text.contains(expected), "{text}");
        }
        assert!(matches!(
            parse_enum::<Plain>("state", Some("open")),
            Ok(Some(Plain::Open))
        ));
    }
}
