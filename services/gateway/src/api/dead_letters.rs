//! The events a consumer gave up on, for the administrators.
use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

use super::model::DeadLetters;
use super::operation::{LIMIT, Routes, get};
use super::query::ListQuery;
use crate::error::ApiError;
use crate::http::parse_limit;
use crate::state::AppState;

pub(crate) async fn list_dead_letters(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())? as usize;
    let items = aftercare_platform::dead_letter::list(&s.bus, limit)
        .await
        .map_err(|e| ApiError::ServiceUnavailable(format!("dead letters cannot be read: {e}")))?;
    Ok(Json(DeadLetters { items }).into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("operations").add(
        get("listDeadLetters", "/deadletters")
            .summary("Events a consumer gave up on, with the reason")
            .params(&[LIMIT])
            .reply::<DeadLetters>()
            .to(list_dead_letters),
    )
}
