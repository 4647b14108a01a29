//! Inventory's use cases: each takes the caller's `UnitOfWork` (the caller commits) and
//! what it needs, checks what it is asked with the rules in [`crate::domain`], stores
//! through [`crate::store`] and stages the events it announces. The request endpoints
//! ([`crate::api`]), the event handlers ([`crate::consumers`]) and the reorder job
//! ([`crate::sweep`]) only decode, call one of these and map the answer.
pub(crate) mod consumables;
pub(crate) mod consumption;
pub(crate) mod forecasts;
pub(crate) mod ledger;
pub(crate) mod locations;
pub(crate) mod parts;
pub(crate) mod purchasing;
pub(crate) mod reservations;
pub(crate) mod stocktakes;

use aftercare_contracts::Actor;

/// The acting user's id, for the ledger entries and records that name who did something.
pub(crate) fn user_of(actor: &Option<Actor>) -> String {
    actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}
