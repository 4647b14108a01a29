//! The gateway's own request and response bodies: sign-in, tokens, accounts, audit,
//! self-service codes. Bodies of service operations are the contract types.
use aftercare_contracts::Role;
use aftercare_contracts::limits::{DAY, SIX_DIGITS, TICKET_NUMBER, Text};
use aftercare_platform::dead_letter::DeadLetter;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub(crate) use crate::privacy::PersonalData;

/// Sign-in with login and password.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SignIn {
    /// Login name (usually an e-mail address), case-insensitive.
    pub(crate) login: String,
    /// Password.
    pub(crate) password: String,
}

/// Exchange of a refresh token.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Refresh {
    /// The refresh token from the last sign-in or refresh.
    pub(crate) refresh_token: String,
}

/// Sign-out.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct SignOut {
    /// The refresh token to revoke with its whole family, if the client holds one.
    #[serde(default)]
    pub(crate) refresh_token: Option<String>,
}

/// A password change.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChangePassword {
    /// The current password.
    pub(crate) current_password: String,
    /// The new one, 12–256 characters.
    pub(crate) new_password: String,
}

/// Tokens after sign-in or refresh (OAuth 2 token response shape).
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct TokenPair {
    /// Send as `Authorization: Bearer <access_token>`.
    pub(crate) access_token: String,
    /// Always `Bearer`.
    pub(crate) token_type: String,
    /// Seconds the access token is valid.
    pub(crate) expires_in: u64,
    /// Single use: exchange at `/auth/refresh` for new tokens.
    pub(crate) refresh_token: String,
}

/// The signed-in caller.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Me {
    /// Account id (`ticket:<number>` for a ticket-code session, `oidc:<sub>` for OIDC).
    pub(crate) account_id: String,
    /// Role.
    pub(crate) role: Role,
    /// Customer record, for customer accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) customer_id: Option<Uuid>,
    /// Technician, for technician accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) technician_id: Option<Uuid>,
    /// The one ticket a ticket-code session may follow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) ticket_id: Option<Uuid>,
}

/// An account's new role.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ChangeRole {
    /// The role it has from now on; not `customer` or `technician`, whose accounts are
    /// linked to their record when created.
    pub(crate) role: Role,
}

/// A new account.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateAccount {
    /// Login name, 3–254 characters, stored lower-case; unique.
    #[schemars(transform = &LOGIN)]
    pub(crate) login: String,
    /// Name shown in histories, 1–200 characters.
    #[schemars(transform = &DISPLAY_NAME)]
    pub(crate) display_name: String,
    /// The one role the account holds.
    pub(crate) role: Role,
    /// Password (12–256 characters); omit for an integration that signs in with API
    /// tokens only.
    #[serde(default)]
    pub(crate) password: Option<String>,
    /// Required for customer accounts: the customer record they are.
    #[serde(default)]
    pub(crate) customer_id: Option<Uuid>,
    /// Required for technician accounts: the technician they are.
    #[serde(default)]
    pub(crate) technician_id: Option<Uuid>,
    /// The `sub` of the person at the external OIDC issuer this account stands for: a
    /// token of that subject takes this account's customer or technician link (never one
    /// from the token's claims), and ends when this account is disabled.
    #[serde(default)]
    #[schemars(transform = &OIDC_SUBJECT)]
    pub(crate) oidc_subject: Option<String>,
}

/// An account's login.
pub(crate) const LOGIN: Text = Text::new(3, 254);
/// An account's name shown in histories.
pub(crate) const DISPLAY_NAME: Text = Text::new(1, 200);
/// An account's subject at the OIDC issuer.
pub(crate) const OIDC_SUBJECT: Text = Text::new(1, 255);
/// What an API token is for.
pub(crate) const TOKEN_NAME: Text = Text::new(1, 200);

/// An account as administrators see it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct Account {
    /// Account id.
    pub(crate) id: String,
    /// Login name.
    pub(crate) login: String,
    /// Display name.
    pub(crate) display_name: String,
    /// Role.
    pub(crate) role: String,
    /// Customer record, for customer accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) customer_id: Option<String>,
    /// Technician, for technician accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) technician_id: Option<String>,
    /// Whether it can sign in with a password.
    pub(crate) has_password: bool,
    /// Disabled accounts cannot sign in and their tokens are refused.
    pub(crate) disabled: bool,
    /// The OIDC subject the account stands for, if linked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) oidc_subject: Option<String>,
    /// Created.
    pub(crate) created_at: DateTime<Utc>,
    /// Optimistic-concurrency version, also the ETag.
    pub(crate) version: i64,
}

/// The most account ids one `GET /accounts/names` names.
pub(crate) const MAX_NAMED_IDS: usize = 100;
/// The longest one id of `GET /accounts/names` may be.
pub(crate) const MAX_NAMED_ID_LEN: usize = 64;

/// `ids` of `GET /accounts/names`: 1–100 comma-separated ids of at most 64 characters.
pub(crate) fn named_ids_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let pattern = format!(
        "^[^,]{{1,{MAX_NAMED_ID_LEN}}}(,[^,]{{1,{MAX_NAMED_ID_LEN}}}){{0,{}}}$",
        MAX_NAMED_IDS - 1
    );
    schemars::json_schema!({"type": "string", "pattern": pattern})
}

/// One account's display name, as every member of staff may read it.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct AccountName {
    /// Account id.
    pub(crate) id: String,
    /// Display name.
    pub(crate) display_name: String,
}

/// The display names of the accounts asked for that exist.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct AccountNames {
    /// One entry per known account asked for, in the order asked; unknown ids are absent.
    pub(crate) names: Vec<AccountName>,
}

/// A new API token.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct CreateApiToken {
    /// What it is for, 1–200 characters (e.g. `SMS integration`).
    #[schemars(transform = &TOKEN_NAME)]
    pub(crate) name: String,
}

/// A created API token: the secret is shown this once.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ApiTokenCreated {
    /// Token id (for revoking).
    pub(crate) id: Uuid,
    /// Name.
    pub(crate) name: String,
    /// Send as `Authorization: Bearer <token>`. Not retrievable later.
    pub(crate) token: String,
}

/// An API token as listed.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ApiToken {
    /// Token id.
    pub(crate) id: String,
    /// Name.
    pub(crate) name: String,
    /// Created.
    pub(crate) created_at: DateTime<Utc>,
    /// Revoked, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) revoked_at: Option<DateTime<Utc>>,
}

/// One audit entry.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct AuditEntry {
    /// Entry id (UUIDv7, time-ordered).
    pub(crate) id: String,
    /// When.
    pub(crate) at: DateTime<Utc>,
    /// Who.
    pub(crate) account_id: String,
    /// In which role.
    pub(crate) role: String,
    /// What (`personal_data.export`, `account.create`, …).
    pub(crate) action: String,
    /// Which object or query.
    pub(crate) object: String,
    /// Details.
    pub(crate) detail: String,
}

/// Request for a one-time code.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RequestCode {
    /// Ticket number, e.g. `T2026-000042`.
    #[schemars(transform = &TICKET_NUMBER)]
    pub(crate) ticket_number: String,
}

/// A code request was taken. The answer is the same whether or not the ticket exists,
/// so ticket numbers cannot be probed.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct CodeRequested {
    /// Seconds the code will be valid.
    pub(crate) expires_in: u64,
}

/// Ticket number and the code received by SMS.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RedeemCode {
    /// Ticket number.
    #[schemars(transform = &TICKET_NUMBER)]
    pub(crate) ticket_number: String,
    /// The six-digit code.
    #[schemars(transform = &SIX_DIGITS)]
    pub(crate) code: String,
}

/// A session that can follow one ticket.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct TicketSession {
    /// Send as `Authorization: Bearer <access_token>`.
    pub(crate) access_token: String,
    /// Always `Bearer`.
    pub(crate) token_type: String,
    /// Seconds it is valid.
    pub(crate) expires_in: u64,
    /// The ticket it may read.
    pub(crate) ticket_id: Uuid,
}

/// Page size for lists: 1–500.
/// A calendar date query parameter (`2026-11-23`), in the years dates are kept for.
pub(crate) fn day_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "format": "date", "pattern": DAY.pattern})
}

/// `due` of the callback list: `open` only.
pub(crate) fn due_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": ["open"]})
}

/// Why one record's personal data is revealed.
pub(crate) fn reveal_reason_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut s = g.subschema_for::<String>();
    schemars::transform::Transform::transform(&mut &crate::privacy::REASON, &mut s);
    s
}

pub(crate) fn limit_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "integer", "minimum": 1, "maximum": 500})
}

/// `cursor` of a setting's history: the version the previous page ended before, a positive
/// whole number as the service reads it.
pub(crate) fn version_cursor_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "pattern": "^[1-9][0-9]{0,17}$"})
}

/// `sort` of the ticket list: by registration time, `-` for newest first (the default).
pub(crate) fn ticket_sort_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": ["-opened_at", "opened_at"]})
}

/// `sort` of the work-order list: by creation time, `-` for newest first.
pub(crate) fn callback_sort_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": ["due_at", "-due_at"]})
}

pub(crate) fn work_order_sort_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "string", "enum": ["created_at", "-created_at"]})
}

/// Dead letters, newest last.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct DeadLetters {
    /// The letters.
    pub(crate) items: Vec<DeadLetter>,
}

/// A dead letter published again: what the administrator replayed and where it went.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ReplayedDeadLetter {
    /// Its position in the dead-letter list; gone from the list now.
    pub(crate) seq: u64,
    /// The subject it was published on again.
    pub(crate) subject: String,
    /// The consumer that had given it up (it fails again as a new letter if the cause
    /// is not repaired).
    pub(crate) consumer: String,
}
