//! The events a consumer gave up on, for the administrators: listed with the reason, and
//! replayed once the cause is repaired.
use aftercare_platform::now_ms;
use axum::Json;
use axum::extract::{Extension, Path, Query, State};
use axum::response::{IntoResponse, Response};

use super::model::{DeadLetters, ReplayedDeadLetter};
use super::operation::{LIMIT, Routes, get, path, post};
use super::query::ListQuery;
use crate::error::ApiError;
use crate::http::parse_limit;
use crate::identity::{Principal, store};
use crate::state::AppState;

pub(crate) async fn list_dead_letters(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())? as usize;
    let items = aftercare_platform::dead_letter::list(&s.bus, limit)
        .await
        .map_err(unavailable)?;
    Ok(Json(DeadLetters { items }).into_response())
}

fn unavailable(e: aftercare_platform::Error) -> ApiError {
    ApiError::ServiceUnavailable(format!("dead letters cannot be read: {e}"))
}

/// Publishes a dead letter again on its original subject (same event id, so a consumer
/// that already applied it skips it) and removes it from the list; audit-logged. A
/// notification's letter kept no payload and is refused with 409. It publishes on an event
/// subject, which the gateway's user in the generated NATS permissions may not do: there
/// it answers 503 naming the operators' command, and on a single machine (`aftercare up`,
/// no NATS users) the administrator replays from the console.
pub(crate) async fn replay_dead_letter(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(seq): Path<String>,
) -> Result<Response, ApiError> {
    let number = seq
        .trim()
        .parse::<u64>()
        .map_err(|_| ApiError::not_found("dead letter", &seq))?;
    let letter = aftercare_platform::dead_letter::find(&s.bus, number)
        .await
        .map_err(unavailable)?
        .ok_or_else(|| ApiError::not_found("dead letter", &seq))?;
    if letter.payload_dropped {
        return Err(ApiError::Service(
            aftercare_contracts::ServiceError::conflict(
                "payload_dropped",
                format!(
                    "dead letter {number} of {} kept no payload (notifications carry codes and links): \
                     it cannot be replayed; have the producer send a new one",
                    letter.subject
                ),
            ),
        ));
    }
    let subject = aftercare_platform::dead_letter::replay(&s.bus, number)
        .await
        .map_err(|e| {
            ApiError::ServiceUnavailable(format!(
                "dead letter {number} was not replayed: {e} (where the gateway's NATS user may not \
                 publish events, as the generated permissions have it, an operator replays it with \
                 `aftercare dead-letters replay {number}`)"
            ))
        })?;
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "dead_letter.replay",
        &subject,
        &format!("{number} ({}, {})", letter.consumer, letter.reason),
        now_ms(),
    )
    .await?;
    Ok(Json(ReplayedDeadLetter {
        seq: number,
        subject,
        consumer: letter.consumer,
    })
    .into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("operations")
        .add(
            get("listDeadLetters", "/deadletters")
                .summary("Events a consumer gave up on, with the reason")
                .params(&[LIMIT])
                .reply::<DeadLetters>()
                .to(list_dead_letters),
        )
        .add(
            post("replayDeadLetter", "/deadletters/{seq}/replay")
                .summary("Publish a dead letter again on its subject and remove it from the list (audit-logged)")
                .params(&[path("seq", "The dead letter's `seq` in the list.")])
                .reply::<ReplayedDeadLetter>()
                .to(replay_dead_letter),
        )
}
