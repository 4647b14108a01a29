//! Following a ticket without an account: the customer gives the ticket number, a
//! one-time code goes by SMS to the phone on file (intake announces it for the SMS
//! integration), and the code buys a short session that can read that ticket only.
use aftercare_contracts::intake::{SendVerificationCode, VerificationCodeSent};
use aftercare_contracts::limits::{SIX_DIGITS, TICKET_NUMBER};
use aftercare_platform::{from_ms, now_ms};
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::model::{CodeRequested, RedeemCode, RequestCode, TicketSession};
use super::operation::{Routes, post};
use crate::body::json_with;
use crate::client_addr::ClientIp;
use crate::error::ApiError;
use crate::identity::store::{self, CodeCheck};
use crate::identity::tokens::{self, Claims};
use crate::state::AppState;

/// How long a code is accepted.
const CODE_TTL_SECS: u64 = 600;
/// Wrong guesses before a code is void.
const MAX_ATTEMPTS: i64 = 5;
/// How long a ticket-code session lasts.
const SESSION_TTL_SECS: u64 = 3600;

fn ticket_number(raw: &str) -> Result<String, ApiError> {
    let n = raw.trim().to_uppercase();
    if (TICKET_NUMBER.matches)(raw) {
        Ok(n)
    } else {
        Err(ApiError::field(
            "ticket_number",
            "invalid",
            "a ticket number looks like T2026-000042",
        ))
    }
}

fn internal(e: String) -> ApiError {
    tracing::error!(error = %e, "code material could not be produced");
    ApiError::Service(aftercare_contracts::ServiceError::internal())
}

pub(crate) async fn request_code(
    State(s): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RequestCode = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let number = ticket_number(&req.ticket_number)?;
    s.limits.code_request_allowed(&number, ip.0)?;
    let code = tokens::six_digits().map_err(internal)?;
    let now = now_ms();
    let expires_at = now + (CODE_TTL_SECS * 1000) as i64;
    let sent: Result<VerificationCodeSent, ApiError> = s
        .call(
            &SendVerificationCode {
                ticket_number: number.clone(),
                code: code.clone(),
                expires_at: from_ms(expires_at),
            },
            None,
        )
        .await;
    match sent {
        Ok(v) => {
            store::put_code(
                &s.db,
                &number,
                v.ticket_id,
                &tokens::digest(&format!("{number}:{code}")),
                expires_at,
                now,
            )
            .await?;
        }
        // Unknown numbers get the same answer, so numbers cannot be probed.
        Err(ApiError::Service(e)) if e.status == 404 => {}
        Err(e) => return Err(e),
    }
    Ok((
        StatusCode::ACCEPTED,
        Json(CodeRequested {
            expires_in: CODE_TTL_SECS,
        }),
    )
        .into_response())
}

pub(crate) async fn redeem_code(
    State(s): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RedeemCode = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let number = ticket_number(&req.ticket_number)?;
    let code = req.code.trim();
    if !(SIX_DIGITS.matches)(&req.code) {
        return Err(ApiError::field(
            "code",
            "invalid",
            "the code has six digits",
        ));
    }
    s.limits.redeem_allowed(&number, ip.0)?;
    let now = now_ms();
    let hash = tokens::digest(&format!("{number}:{code}"));
    let CodeCheck::Valid(ticket_id) =
        store::check_code(&s.db, &number, &hash, MAX_ATTEMPTS, now).await?
    else {
        s.limits.redeem_failed(&number, ip.0);
        return Err(ApiError::Unauthenticated(
            "the code is wrong or has expired; request a new one".into(),
        ));
    };
    let ticket_id = crate::http::parse_uuid_param("ticket_id", &ticket_id)?;
    let claims = Claims {
        sub: format!("ticket:{number}"),
        role: aftercare_contracts::Role::Customer.name().into(),
        iss: tokens::ISSUER.into(),
        aud: tokens::AUDIENCE.into(),
        iat: (now / 1000) as u64,
        iat_ms: now,
        exp: (now / 1000) as u64 + SESSION_TTL_SECS,
        ticket: Some(ticket_id.to_string()),
    };
    let access_token = s.signer.sign(&claims).map_err(internal)?;
    Ok(Json(TicketSession {
        access_token,
        token_type: "Bearer".into(),
        expires_in: SESSION_TTL_SECS,
        ticket_id,
    })
    .into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("self-service")
        .add(
            post("requestTicketCode", "/self-service/codes")
                .summary("Send a one-time code to the phone on file of a ticket")
                .public()
                .body::<RequestCode>()
                .accepted()
                .reply::<CodeRequested>()
                .to(request_code),
        )
        .add(
            post("redeemTicketCode", "/self-service/sessions")
                .summary("Exchange ticket number and code for a token that can follow that ticket")
                .public()
                .body::<RedeemCode>()
                .answers(&[401])
                .reply::<TicketSession>()
                .to(redeem_code),
        )
}
