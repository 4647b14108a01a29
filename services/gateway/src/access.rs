//! The one place access is decided: every `/api/v1` request passes this guard, which
//! authenticates the caller, applies the per-client rate limit, checks the `access` of
//! the [operation](crate::api::operation) its route declares (403 otherwise) and hands
//! creating requests to the idempotency layer. Object-level narrowing (whose objects)
//! is done by the handlers with the [`Principal`] this guard attaches.
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use aftercare_contracts::Role;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::api::operation::{Access, Kind, Operation};
use crate::client_addr::{self, ClientIp};
use crate::error::ApiError;
use crate::idempotency;
use crate::identity::store::{self, AccountRow};
use crate::identity::tokens::{API_TOKEN_PREFIX, digest};
use crate::identity::{Principal, Via};
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
        Some(p) if op.kind == Kind::Create => idempotency::run(s, p, req, next).await,
        Some(p) => {
            req.extensions_mut().insert(p);
            next.run(req).await
        }
        None => next.run(req).await,
    }
}

/// The caller behind `Authorization`, `None` without the header. Also re-run by open
/// live streams, so they end when the credentials stop being valid.
pub(crate) async fn authenticate(
    s: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Principal>, ApiError> {
    let Some(raw) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = raw
        .to_str()
        .ok()
        .and_then(|v| {
            let (scheme, rest) = v.split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then_some(rest.trim())
        })
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::Unauthenticated("use Authorization: Bearer <token>".into()))?;
    if token.starts_with(API_TOKEN_PREFIX) {
        let account = store::account_by_api_token(&s.db, &digest(token))
            .await?
            .filter(|a| a.disabled == 0)
            .ok_or_else(|| {
                ApiError::Unauthenticated("the API token is not valid or was revoked".into())
            })?;
        return principal_of(&account, Via::ApiToken).map(Some);
    }
    if let Some(oidc) = &s.oidc
        && oidc.issued(token)
    {
        return oidc.verify(token, &s.db).await.map(Some);
    }
    let claims = s.signer.verify(token).map_err(ApiError::Unauthenticated)?;
    if let Some(ticket) = claims.ticket {
        let ticket_id = uuid::Uuid::parse_str(&ticket)
            .map_err(|_| ApiError::Unauthenticated("the token is not valid".into()))?;
        return Ok(Some(Principal {
            account_id: claims.sub,
            role: Role::Customer,
            customer_id: None,
            technician_id: None,
            ticket_id: Some(ticket_id),
            via: Via::TicketCode,
        }));
    }
    let account = store::account_by_id(&s.db, &claims.sub)
        .await?
        .filter(|a| a.disabled == 0)
        .ok_or_else(|| ApiError::Unauthenticated("the account is disabled".into()))?;
    if claims.iat_ms < account.sessions_valid_after {
        return Err(ApiError::Unauthenticated(
            "this session was signed out; sign in again".into(),
        ));
    }
    principal_of(&account, Via::Session).map(Some)
}

fn principal_of(a: &AccountRow, via: Via) -> Result<Principal, ApiError> {
    let role = a.role().ok_or(ApiError::Forbidden)?;
    Ok(Principal {
        account_id: a.account_id.clone(),
        role,
        customer_id: a.customer(),
        technician_id: a.technician(),
        ticket_id: None,
        via,
    })
}
