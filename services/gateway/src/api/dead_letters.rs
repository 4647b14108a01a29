//! The events a consumer gave up on, for the administrators.
use super::model::DeadLetters;
use super::operation::{LIMIT, Routes, get};

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("operations").add(
        get("listDeadLetters", "/deadletters")
            .summary("Events a consumer gave up on, with the reason")
            .params(&[LIMIT])
            .reply::<DeadLetters>()
            .to(super::services::list_dead_letters),
    )
}
