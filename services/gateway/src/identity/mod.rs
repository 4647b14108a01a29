//! Identity: who is calling. Accounts with argon2 password hashes, short-lived signed
//! access tokens with rotating refresh tokens, API tokens for integrations, optional
//! tokens from an external OIDC issuer, and one-time ticket codes for customers
//! without an account. Every route sees the result as one [`Principal`].
pub(crate) mod keys;
pub(crate) mod oidc;
pub(crate) mod password;
pub(crate) mod password_change;
pub(crate) mod store;
pub(crate) mod tokens;

use aftercare_contracts::{Actor, Role};
use uuid::Uuid;

/// How the caller proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// An access token this gateway signed after a password sign-in.
    Session,
    /// An integration's API token.
    ApiToken,
    /// A token from the configured OIDC issuer.
    Oidc,
    /// A ticket number and the one-time code sent to its phone: that ticket only.
    TicketCode,
}

/// The authenticated caller of one request.
#[derive(Debug, Clone)]
pub(crate) struct Principal {
    /// Account id (or `ticket:<number>` for a ticket-code session).
    pub(crate) account_id: String,
    /// The role the permission table is checked against.
    pub(crate) role: Role,
    /// For customer accounts: the customer record they are.
    pub(crate) customer_id: Option<Uuid>,
    /// For technician accounts: the technician they are.
    pub(crate) technician_id: Option<Uuid>,
    /// For ticket-code sessions: the one ticket they may see.
    pub(crate) ticket_id: Option<Uuid>,
    /// How they signed in.
    pub(crate) via: Via,
}

impl Principal {
    /// The actor recorded by services in history rows and event envelopes.
    pub(crate) fn actor(&self) -> Actor {
        Actor {
            user_id: self.account_id.clone(),
            role: self.role.name().to_owned(),
        }
    }

    /// Key for per-caller state (rate limits, idempotency records).
    pub(crate) fn key(&self) -> &str {
        &self.account_id
    }
}
