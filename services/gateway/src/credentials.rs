//! The caller behind a request's `Authorization` header: an access token this gateway
//! signed, an API token, a token of the configured OIDC issuer or a ticket-code session,
//! checked against the account (disabled, signed out). Used by the access guard for
//! every request and again by open live streams.
use aftercare_contracts::Role;
use axum::http::{HeaderMap, header};

use crate::error::ApiError;
use crate::identity::store::{self, AccountRow};
use crate::identity::tokens::{API_TOKEN_PREFIX, digest};
use crate::identity::{Principal, Via};
use crate::state::AppState;

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
