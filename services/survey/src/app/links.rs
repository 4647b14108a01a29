//! Answer links: a single-use link lets the customer answer on the web; the form it opens
//! and the answer it takes say nothing about a token that does not work.
use aftercare_contracts::rpc::check_text;
use aftercare_contracts::survey::{
    AnswerByLink, AnswerChannel, AnswerForm, AnswerLink, Callback, CallbackLinkIssued,
    CallbackStatus,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sqlx::AnyConnection;

use super::callbacks::{Answered, apply_answer, open_callback};
use crate::domain::CallbackPolicy;
use crate::domain::links::{TOKEN_LENGTH, token_hash};
use crate::store::{callbacks, links, questionnaires};

/// The same answer for an unknown, used or expired token and a closed callback, so a
/// token cannot be probed.
fn no_such_link() -> ServiceError {
    ServiceError::not_found("answer link", "given")
}

fn check_token(token: &str) -> Result<(), ServiceError> {
    let mut e = Vec::new();
    check_text(&mut e, "token", token, TOKEN_LENGTH.0, TOKEN_LENGTH.1);
    if e.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::validation(e))
    }
}

/// Makes a single-use link to answer the open callback `callback_id` on the web, valid
/// for the policy's days; the token goes out once, to notify
/// (`notify.callback.link_issued`), and only its hash is kept.
pub(crate) async fn issue(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    callback_id: &str,
    actor: Option<Actor>,
) -> Result<AnswerLink, ServiceError> {
    let now = now_ms();
    let c = open_callback(uow, callback_id, None, now).await?;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "no randomness for an answer link");
        ServiceError::internal()
    })?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let expires_at = from_ms(now) + policy.link_valid_for;
    links::insert_link(
        uow,
        &token_hash(&token),
        c.id,
        expires_at.timestamp_millis(),
        now,
    )
    .await?;
    uow.emit(&Envelope::new(
        CallbackLinkIssued {
            callback_id: c.id,
            ticket_id: c.ticket_id,
            token: token.clone(),
            expires_at,
        },
        actor,
    ))
    .await?;
    Ok(AnswerLink {
        callback_id: c.id,
        token,
        expires_at,
    })
}

/// What a working link shows the customer: the visit (number, technician, local day) and
/// the current questions.
pub(crate) async fn form(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    token: &str,
) -> Result<AnswerForm, ServiceError> {
    check_token(token)?;
    let now = now_ms();
    let (callback_id, expires) = links::live_link(conn, &token_hash(token.trim()), now)
        .await?
        .ok_or_else(no_such_link)?;
    let row = callbacks::callback_row(conn, &callback_id)
        .await?
        .ok_or_else(no_such_link)?;
    let finished = row.finished_at;
    let c = row.into_callback(vec![], now)?;
    if c.status != CallbackStatus::Scheduled {
        return Err(no_such_link());
    }
    let q = questionnaires::current_questionnaire(conn).await?;
    Ok(AnswerForm {
        work_order_number: c.work_order_number,
        technician_name: c.technician_name,
        visit_date: policy.calendar.local_date(from_ms(finished)),
        questions: q.questions,
        questionnaire_version: q.version,
        expires_at: from_ms(expires),
    })
}

/// The customer's answer through a link: files it like a phone answer (channel web) and
/// uses the link up; answers that do not pass the questionnaire leave the link usable.
pub(crate) async fn answer(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    req: &AnswerByLink,
) -> Result<Callback, ServiceError> {
    check_token(&req.token)?;
    let now = now_ms();
    let hash = token_hash(req.token.trim());
    let (callback_id, _) = links::live_link(uow.conn(), &hash, now)
        .await?
        .ok_or_else(no_such_link)?;
    let c = match open_callback(uow, &callback_id, None, now).await {
        Ok(c) => c,
        Err(e) if e.status == 409 || e.status == 404 => return Err(no_such_link()),
        Err(e) => return Err(e),
    };
    let q = questionnaires::current_questionnaire(uow.conn()).await?;
    // Bad answers leave the link usable.
    crate::domain::questionnaire::evaluate(&q, &req.answers).map_err(ServiceError::validation)?;
    if !links::use_link(uow, &hash, now).await? {
        return Err(no_such_link());
    }
    let web = Actor {
        user_id: "web".into(),
        role: "customer".into(),
    };
    let answer = Answered {
        questionnaire: &q,
        answers: &req.answers,
        channel: AnswerChannel::Web,
        actor: "web",
        note: "",
        now,
        event_actor: Some(web),
    };
    apply_answer(uow, policy, &c, answer).await?;
    callbacks::callback(uow.conn(), &callback_id, now)
        .await?
        .ok_or_else(no_such_link)
}
