//! The one place access is decided: every `/api/v1` request passes this guard, which
//! authenticates the caller, applies the per-client rate limit, checks the `access` of
//! the [operation](crate::api::operation) its route declares (403 otherwise) and hands
//! creating requests to the idempotency layer. Object-level narrowing (whose objects)
//! is done by the handlers with the [`Principal`] this guard attaches.
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::operation::{Access, Kind, Operation};
use crate::client_addr::{self, ClientIp};
use crate::credentials::authenticate;
use crate::error::ApiError;
use crate::idempotency;
use crate::identity::Via;
use crate::state::AppState;

/// What an account that must change its password may still do.
const ALLOWED_BEFORE_PASSWORD_CHANGE: [&str; 2] = ["changePassword", "signOut"];

/// Authenticates, rate-limits and authorises one request.
pub(crate) async fn guard(State(s): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let ip = client_addr::client_ip(peer, req.headers(), &s.config.trusted_proxies);
    req.extensions_mut().insert(ClientIp(ip));
    // The operation's declaration travels with its route; a route without one is
    // refused, never served unchecked. (`HEAD` is served by the `GET` route, so it is
    // checked exactly as `GET`: same authentication, role, ticket-code scope and limit.)
    let Some(op) = req.extensions().get::<Arc<Operation>>().cloned() else {
        tracing::error!(method = %req.method(), path = req.uri().path(), "route without its operation");
        return ApiError::Forbidden.into_response();
    };
    let principal = match authenticate(&s, req.headers()).await {
        Ok(p) => p,
        Err(e) if matches!(op.access, Access::Public) => {
            tracing::debug!(?e, "ignoring unusable credentials on a public operation");
            None
        }
        Err(e) => return e.into_response(),
    };
    let client = principal
        .as_ref()
        .map(|p| p.key().to_owned())
        .unwrap_or_else(|| format!("ip:{ip}"));
    if let Err(e) = s.limits.request(&client) {
        return e.into_response();
    }
    if !matches!(op.access, Access::Public) {
        let Some(p) = &principal else {
            return ApiError::Unauthenticated(
                "sign in and send Authorization: Bearer <token>".into(),
            )
            .into_response();
        };
        if !op.access.allows(p.role) || (p.via == Via::TicketCode && !op.ticket_code) {
            return ApiError::Forbidden.into_response();
        }
        if !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(&op.id) {
            match s.must_change.required(&p.account_id).await {
                Ok(false) => {}
                Ok(true) => return ApiError::PasswordChangeRequired.into_response(),
                Err(e) => return ApiError::from(e).into_response(),
            }
        }
    }
    match principal {
        Some(p) if op.kind == Kind::Create => {
            idempotency::run(s, p, req, next, op.upload.map(|u| u.max_bytes)).await
        }
        Some(p) => {
            req.extensions_mut().insert(p);
            next.run(req).await
        }
        None => next.run(req).await,
    }
}
