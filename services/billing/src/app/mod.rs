//! Billing's use cases: each takes the caller's `UnitOfWork` (the caller commits) and what
//! it needs, checks what it is asked with the rules in [`crate::domain`], stores through
//! [`crate::store`] and stages the events it announces. The request endpoints
//! ([`crate::api`]), the event handlers ([`crate::consumers`]) and the periodic job
//! ([`crate::sweep`]) only decode, call one of these and map the answer.
pub(crate) mod cash;
pub(crate) mod claims;
pub(crate) mod contracts;
pub(crate) mod facts;
pub(crate) mod fee_schedules;
pub(crate) mod profile;
pub(crate) mod quotations;
pub(crate) mod receipts;
pub(crate) mod receivables;
pub(crate) mod refunds;
pub(crate) mod renewals;

use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::{Actor, ServiceError};

/// One field's problem, found by a domain rule, as the 422 it answers.
pub(crate) fn refused(e: FieldError) -> ServiceError {
    ServiceError::validation(vec![e])
}

/// The acting user's id, for the records that name who did something.
pub(crate) fn user_of(actor: &Option<Actor>) -> String {
    actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}
