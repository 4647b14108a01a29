//! The body of a failed gateway → service request, and small request shapes every
//! service shares. The gateway turns a [`ServiceError`] into RFC 9457 problem+json.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One invalid field, named by its JSON path (`customer.phone`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FieldError {
    /// JSON path of the field in the request body.
    pub field: String,
    /// Stable machine code (`required`, `too_long`, `invalid`, `unknown_field`, …).
    pub code: String,
    /// Human explanation in English; the console translates by `code`.
    pub message: String,
}

/// Checks a text field's length in characters: below `min` (after trimming) is
/// `required`, above `max` is `too_long`. The services' shared validation vocabulary.
pub fn check_text(errors: &mut Vec<FieldError>, field: &str, value: &str, min: usize, max: usize) {
    if value.trim().chars().count() < min {
        errors.push(FieldError {
            field: field.into(),
            code: "required".into(),
            message: format!("{field} must not be empty"),
        });
    } else if value.chars().count() > max {
        errors.push(FieldError {
            field: field.into(),
            code: "too_long".into(),
            message: format!("{field} must be at most {max} characters"),
        });
    }
}

/// Checks that a number lies in `range`, as `out_of_range`.
pub fn check_range<T: PartialOrd + std::fmt::Display>(
    errors: &mut Vec<FieldError>,
    field: &str,
    value: T,
    range: std::ops::RangeInclusive<T>,
) {
    if !range.contains(&value) {
        errors.push(FieldError {
            field: field.into(),
            code: "out_of_range".into(),
            message: format!(
                "{field} must be between {} and {}",
                range.start(),
                range.end()
            ),
        });
    }
}

/// The code of a refusal for want of storage space.
const STORAGE_FULL: &str = "storage_full";

/// A request a service refused or failed, carried back to the gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ServiceError {
    /// HTTP status the gateway answers with.
    pub status: u16,
    /// Stable code, e.g. `validation_failed`, `not_found`, `conflict`.
    pub code: String,
    /// Short summary.
    pub title: String,
    /// Explanation specific to this occurrence.
    pub detail: String,
    /// Field-level problems, for validation failures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl ServiceError {
    /// The request body or a field in it is invalid (422).
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect::<Vec<_>>()
            .join("; ");
        Self {
            status: 422,
            code: "validation_failed".into(),
            title: "The request is not valid".into(),
            detail,
            errors,
        }
    }

    /// One invalid field (422).
    pub fn field(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::validation(vec![FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }])
    }

    /// The addressed object does not exist (404).
    pub fn not_found(what: &str, id: &str) -> Self {
        Self {
            status: 404,
            code: "not_found".into(),
            title: "Not found".into(),
            detail: format!("{what} {id} does not exist"),
            errors: vec![],
        }
    }

    /// The request conflicts with the object's current state (409).
    pub fn conflict(code: &str, detail: impl Into<String>) -> Self {
        Self {
            status: 409,
            code: code.into(),
            title: "Conflict".into(),
            detail: detail.into(),
            errors: vec![],
        }
    }

    /// The caller's version of the object is stale (412).
    pub fn stale(detail: impl Into<String>) -> Self {
        Self {
            status: 412,
            code: "stale_version".into(),
            title: "The object was changed by someone else".into(),
            detail: detail.into(),
            errors: vec![],
        }
    }

    /// Something failed inside the service; details stay in its logs (500).
    pub fn internal() -> Self {
        Self {
            status: 500,
            code: "internal".into(),
            title: "Internal error".into(),
            detail: "The service could not complete the request; it has been logged.".into(),
            errors: vec![],
        }
    }

    /// Whether this is [`ServiceError::storage_full`]: the write may succeed later.
    pub fn is_storage_full(&self) -> bool {
        self.code == STORAGE_FULL
    }

    /// The server's storage is full (503): nothing of the request was saved, and the same
    /// request succeeds once space is freed. Clients retry it, with its Idempotency-Key.
    pub fn storage_full() -> Self {
        Self {
            status: 503,
            code: STORAGE_FULL.into(),
            title: "Storage full".into(),
            detail: "The server's storage is full; nothing was saved. Retry once space is freed."
                .into(),
            errors: vec![],
        }
    }
}

/// Addresses one object by its id or, where people read numbers aloud, its human number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ById {
    /// UUID or human number (`T2026-000042`).
    pub id: String,
}

/// Declares a request that addresses one object by its id, with the wire form of
/// [`ById`], so that every endpoint reading one object has a request type of its own.
macro_rules! id_request {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug,
            Clone,
            PartialEq,
            Eq,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            /// UUID or human number (`T2026-000042`).
            pub id: String,
        }
    };
}
pub(crate) use id_request;

/// The order of a list by creation time (ids are UUIDv7, so id order is creation order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ListOrder {
    /// Oldest first.
    #[default]
    OldestFirst,
    /// Newest first.
    NewestFirst,
}

impl ListOrder {
    /// `asc`/`desc` and the cursor comparison for SQL over a time-ordered id column.
    pub fn sql(self) -> (&'static str, &'static str) {
        match self {
            ListOrder::OldestFirst => ("asc", ">"),
            ListOrder::NewestFirst => ("desc", "<"),
        }
    }
}

/// One page of a list, with the opaque cursor of the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Cursor for the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Largest page any list returns.
pub const MAX_PAGE: u32 = 500;

/// Refuses a page size outside 1–[`MAX_PAGE`], naming `limit`.
pub fn check_limit(limit: u32) -> Result<(), ServiceError> {
    if (1..=MAX_PAGE).contains(&limit) {
        Ok(())
    } else {
        Err(ServiceError::field(
            "limit",
            "out_of_range",
            format!("limit must be between 1 and {MAX_PAGE}"),
        ))
    }
}

impl<T> Page<T> {
    /// A page of `items` fetched with `limit`: a full page has a next cursor (the last
    /// item's key), a short one is the end.
    pub fn of(items: Vec<T>, limit: u32, key: impl Fn(&T) -> String) -> Self {
        let next_cursor = (items.len() == limit as usize)
            .then(|| items.last().map(&key))
            .flatten();
        Page { items, next_cursor }
    }
}

/// Request body shared by every service's company-setting history: the stored versions
/// of one setting, newest first. Each service answers it for the settings it keeps
/// (`svc.<service>.setting.history`); an unknown setting is 404.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingHistoryQuery {
    /// The setting's key (`priority_rules`, `fault_codes`, …).
    pub setting: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page (the last version seen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// One stored version of a company setting: what it held, who stored it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SettingVersion {
    /// 1 for the first replacement, one more for each after it.
    pub version: i64,
    /// When it was stored.
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The account that stored it.
    pub updated_by: String,
    /// That account's display name, when the gateway knows the account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_by_name: Option<String>,
    /// The setting's entries as stored in this version, each shaped as the setting's `GET`
    /// answers them.
    pub items: Vec<serde_json::Value>,
}

/// Declares a service's request for its settings' history: [`SettingHistoryQuery`] under
/// the service's own subject.
macro_rules! setting_history_request {
    ($name:ident, $subject:literal) => {
        #[doc = concat!("Request: the stored versions of one of the service's company settings, newest first (`", $subject, "`).")]
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub $crate::rpc::SettingHistoryQuery);

        impl From<$crate::rpc::SettingHistoryQuery> for $name {
            fn from(q: $crate::rpc::SettingHistoryQuery) -> Self {
                Self(q)
            }
        }
    };
}
pub(crate) use setting_history_request;

/// Lists the records tied to one work order (invoices, callbacks, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ByWorkOrder {
    /// Work order id.
    pub work_order_id: String,
}
