//! Survey's request endpoints (`svc.survey.*`): callbacks and their answers here;
//! follow-ups, reports, rankings, campaigns and quality in [`reports`].
mod reports;

pub(crate) use reports::{escalate_due, publish};

use std::sync::Arc;

use aftercare_contracts::rpc::{FieldError, Page, check_limit, check_text};
use aftercare_contracts::survey::{
    Answer, AnswerByLink, AnswerChannel, AnswerForm, AnswerLink, AttemptOutcome, Callback,
    CallbackKind, CallbackLinkIssued, CallbackProblemPersists, CallbackRecorded, CallbackStatus,
    FollowUp, FollowUpCreated, FollowUpStatus, GetAnswerForm, GetCallback, GetQuestionnaire,
    IssueAnswerLink, ListCallbacks, Questionnaire, RecordCallback, ReplaceQuestionnaire,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, UnitOfWork, from_ms, now_ms};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::domain::questionnaire::{evaluate, validate};
use crate::domain::{CallbackPolicy, after_attempt, follow_up_deadlines};
use crate::store;

/// What every endpoint reaches: the database and the callback rules.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    policy: Arc<CallbackPolicy>,
}

pub(crate) fn endpoints(db: Db, policy: Arc<CallbackPolicy>) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State { db, policy })
        .on::<GetCallback, _>(get)
        .on::<ListCallbacks, _>(list)
        .on::<RecordCallback, _>(record)
        .on::<IssueAnswerLink, _>(issue_link)
        .on::<GetAnswerForm, _>(form)
        .on::<AnswerByLink, _>(answer_by_link)
        .on::<GetQuestionnaire, _>(questionnaire)
        .on::<ReplaceQuestionnaire, _>(replace_questionnaire);
    reports::register(endpoints).into_vec()
}

fn actor_name(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetCallback,
) -> Result<Callback, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::callback(&mut conn, req.id.trim(), now_ms())
        .await?
        .ok_or_else(|| ServiceError::not_found("callback", &req.id))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListCallbacks,
) -> Result<Page<Callback>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list_callbacks(&mut conn, &req, now_ms()).await?;
    Ok(Page::of(items, req.limit, store::callback_cursor))
}

/// Checks the parts of a record request that do not depend on the callback.
fn check_record(req: &RecordCallback, now: i64) -> Vec<FieldError> {
    let mut e = Vec::new();
    if req.note.chars().count() > 500 {
        e.push(FieldError {
            field: "note".into(),
            code: "too_long".into(),
            message: "note must be at most 500 characters".into(),
        });
    }
    if req.outcome != AttemptOutcome::Completed && !req.answers.is_empty() {
        e.push(FieldError {
            field: "answers".into(),
            code: "not_allowed".into(),
            message: "answers are recorded with outcome completed only".into(),
        });
    }
    match (req.outcome, req.rescheduled_to) {
        (AttemptOutcome::Busy, None) => e.push(FieldError {
            field: "rescheduled_to".into(),
            code: "required".into(),
            message: "a busy customer needs the agreed time to call again".into(),
        }),
        (AttemptOutcome::Busy, Some(t))
            if t.timestamp_millis() <= now || t.timestamp_millis() > now + 60 * 24 * 3_600_000 =>
        {
            e.push(FieldError {
                field: "rescheduled_to".into(),
                code: "out_of_range".into(),
                message: "rescheduled_to must be in the next 60 days".into(),
            })
        }
        (AttemptOutcome::Busy, Some(_)) => {}
        (_, Some(_)) => e.push(FieldError {
            field: "rescheduled_to".into(),
            code: "not_allowed".into(),
            message: "rescheduled_to goes with outcome busy only".into(),
        }),
        (_, None) => {}
    }
    e
}

async fn open_callback(
    uow: &mut UnitOfWork,
    id: &str,
    expected: Option<i64>,
    now: i64,
) -> Result<Callback, ServiceError> {
    let c = store::callback(uow.conn(), id.trim(), now)
        .await?
        .ok_or_else(|| ServiceError::not_found("callback", id))?;
    if let Some(v) = expected
        && v != c.version
    {
        return Err(ServiceError::stale(format!(
            "callback {} is at version {}, not {v}",
            c.id, c.version
        )));
    }
    if c.status != CallbackStatus::Scheduled {
        return Err(ServiceError::conflict(
            "callback_closed",
            format!("callback {} is already {:?}", c.id, c.status).to_lowercase(),
        ));
    }
    Ok(c)
}

async fn record(
    State { db, policy, .. }: State,
    ctx: RequestContext,
    req: RecordCallback,
) -> Result<Callback, ServiceError> {
    let now = now_ms();
    let errors = check_record(&req, now);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let actor = actor_name(&ctx);
    let mut uow = db.begin().await?;
    let c = open_callback(&mut uow, &req.callback_id, Some(req.expected_version), now).await?;
    if req.outcome == AttemptOutcome::Completed {
        let q = store::current_questionnaire(uow.conn()).await?;
        apply_answer(
            &mut uow,
            &policy,
            &c,
            &q,
            &req.answers,
            AnswerChannel::Phone,
            &actor,
            req.note.trim(),
            now,
            ctx.actor.clone(),
        )
        .await?;
    } else {
        let after = after_attempt(
            req.outcome,
            c.failed_attempts,
            from_ms(now),
            req.rescheduled_to,
            &policy,
        );
        let next_due = after.next_due.map(|d| d.timestamp_millis());
        let change = store::AttemptChange {
            status: after.status,
            due_at: next_due.unwrap_or(c.due_at.timestamp_millis()),
            failed_attempts: after.failed_attempts,
            answered: None,
            outcome: req.outcome,
            actor: &actor,
            note: req.note.trim(),
            next_due_at: next_due,
            at: now,
        };
        if !store::record_attempt(&mut uow, c.id, c.version, &change).await? {
            return Err(ServiceError::stale("the callback was changed meanwhile"));
        }
        if after.status != CallbackStatus::Scheduled {
            let e = CallbackRecorded {
                callback_id: c.id,
                kind: c.kind,
                work_order_id: c.work_order_id,
                ticket_id: c.ticket_id,
                technician_id: c.technician_id,
                status: after.status,
                scores: Default::default(),
                problem_persists: false,
                at: from_ms(now),
            };
            uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
        }
    }
    let updated = store::callback(uow.conn(), &c.id.to_string(), now)
        .await?
        .ok_or_else(|| ServiceError::not_found("callback", &req.callback_id))?;
    uow.commit().await?;
    Ok(updated)
}

/// Records a completed callback: checks and scores the answers, then tells intake
/// (recorded, and problem persists when the machine is still down) and opens a follow-up
/// for the responsible agent when a rating is low or there is a comment.
#[allow(clippy::too_many_arguments)]
async fn apply_answer(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    c: &Callback,
    q: &Questionnaire,
    answers: &[Answer],
    channel: AnswerChannel,
    actor: &str,
    note: &str,
    now: i64,
    event_actor: Option<Actor>,
) -> Result<(), ServiceError> {
    let ev = evaluate(q, answers).map_err(ServiceError::validation)?;
    let change = store::AttemptChange {
        status: CallbackStatus::Completed,
        due_at: c.due_at.timestamp_millis(),
        failed_attempts: c.failed_attempts,
        answered: Some(store::AnsweredWith {
            questionnaire_version: q.version,
            answers,
            channel,
            scores: ev.scores,
            problem_persists: ev.problem_persists,
        }),
        outcome: AttemptOutcome::Completed,
        actor,
        note,
        next_due_at: None,
        at: now,
    };
    if !store::record_attempt(uow, c.id, c.version, &change).await? {
        return Err(ServiceError::stale("the callback was changed meanwhile"));
    }
    let at = from_ms(now);
    uow.emit(&Envelope::new(
        CallbackRecorded {
            callback_id: c.id,
            kind: c.kind,
            work_order_id: c.work_order_id,
            ticket_id: c.ticket_id,
            technician_id: c.technician_id,
            status: CallbackStatus::Completed,
            scores: ev.scores,
            problem_persists: ev.problem_persists,
            at,
        },
        event_actor.clone(),
    ))
    .await?;
    if ev.problem_persists && c.kind == CallbackKind::Visit {
        uow.emit(&Envelope::new(
            CallbackProblemPersists {
                callback_id: c.id,
                work_order_id: c.work_order_id,
                work_order_number: c.work_order_number.clone(),
                ticket_id: c.ticket_id,
                technician_id: c.technician_id,
                comment: ev.comment.clone(),
                at,
            },
            event_actor.clone(),
        ))
        .await?;
    }
    if !ev.follow_up_reasons.is_empty() {
        let (due_at, escalate_at) = follow_up_deadlines(at, &policy.calendar);
        let f = FollowUp {
            id: Uuid::now_v7(),
            callback_id: c.id,
            work_order_id: c.work_order_id,
            ticket_id: c.ticket_id,
            agent: c.agent.clone(),
            reasons: ev.follow_up_reasons.clone(),
            status: FollowUpStatus::Open,
            due_at,
            escalate_at,
            resolution: None,
            resolved_at: None,
            created_at: at,
            version: 1,
        };
        if store::insert_follow_up(uow, &f).await? {
            uow.emit(&Envelope::new(
                FollowUpCreated {
                    followup_id: f.id,
                    callback_id: c.id,
                    ticket_id: c.ticket_id,
                    agent: f.agent.clone(),
                    reasons: f.reasons.clone(),
                    due_at,
                },
                event_actor,
            ))
            .await?;
        }
    }
    Ok(())
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

async fn issue_link(
    State { db, policy, .. }: State,
    ctx: RequestContext,
    req: IssueAnswerLink,
) -> Result<AnswerLink, ServiceError> {
    let now = now_ms();
    let mut uow = db.begin().await?;
    let c = open_callback(&mut uow, &req.callback_id, None, now).await?;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "no randomness for an answer link");
        ServiceError::internal()
    })?;
    let token = URL_SAFE_NO_PAD.encode(bytes);
    let expires_at = from_ms(now) + policy.link_valid_for;
    store::insert_link(
        &mut uow,
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
        ctx.actor,
    ))
    .await?;
    uow.commit().await?;
    Ok(AnswerLink {
        callback_id: c.id,
        token,
        expires_at,
    })
}

/// The same answer for an unknown, used or expired token and a closed callback, so a
/// token cannot be probed.
fn no_such_link() -> ServiceError {
    ServiceError::not_found("answer link", "given")
}

fn check_token(token: &str) -> Result<(), ServiceError> {
    let mut e = Vec::new();
    check_text(&mut e, "token", token, 20, 100);
    if e.is_empty() {
        Ok(())
    } else {
        Err(ServiceError::validation(e))
    }
}

async fn form(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: GetAnswerForm,
) -> Result<AnswerForm, ServiceError> {
    check_token(&req.token)?;
    let now = now_ms();
    let mut conn = db.read_conn().await?;
    let (callback_id, expires) = store::live_link(&mut conn, &token_hash(req.token.trim()), now)
        .await?
        .ok_or_else(no_such_link)?;
    let row = store::callback_row(&mut conn, &callback_id)
        .await?
        .ok_or_else(no_such_link)?;
    let finished = row.finished_at;
    let c = row.into_callback(vec![], now)?;
    if c.status != CallbackStatus::Scheduled {
        return Err(no_such_link());
    }
    let q = store::current_questionnaire(&mut conn).await?;
    Ok(AnswerForm {
        work_order_number: c.work_order_number,
        technician_name: c.technician_name,
        visit_date: policy.calendar.local_date(from_ms(finished)),
        questions: q.questions,
        questionnaire_version: q.version,
        expires_at: from_ms(expires),
    })
}

async fn answer_by_link(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: AnswerByLink,
) -> Result<Callback, ServiceError> {
    check_token(&req.token)?;
    let now = now_ms();
    let hash = token_hash(req.token.trim());
    let mut uow = db.begin().await?;
    let (callback_id, _) = store::live_link(uow.conn(), &hash, now)
        .await?
        .ok_or_else(no_such_link)?;
    let c = match open_callback(&mut uow, &callback_id, None, now).await {
        Ok(c) => c,
        Err(e) if e.status == 409 || e.status == 404 => return Err(no_such_link()),
        Err(e) => return Err(e),
    };
    let q = store::current_questionnaire(uow.conn()).await?;
    // Bad answers leave the link usable.
    evaluate(&q, &req.answers).map_err(ServiceError::validation)?;
    if !store::use_link(&mut uow, &hash, now).await? {
        return Err(no_such_link());
    }
    let web = Actor {
        user_id: "web".into(),
        role: "customer".into(),
    };
    apply_answer(
        &mut uow,
        &policy,
        &c,
        &q,
        &req.answers,
        AnswerChannel::Web,
        "web",
        "",
        now,
        Some(web),
    )
    .await?;
    let updated = store::callback(uow.conn(), &callback_id, now)
        .await?
        .ok_or_else(no_such_link)?;
    uow.commit().await?;
    Ok(updated)
}

async fn questionnaire(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetQuestionnaire,
) -> Result<Questionnaire, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(store::current_questionnaire(&mut conn).await?)
}

async fn replace_questionnaire(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceQuestionnaire,
) -> Result<Questionnaire, ServiceError> {
    let errors = validate(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let current = store::current_questionnaire(uow.conn()).await?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "the questionnaire is at version {}, not {}",
            current.version, req.expected_version
        )));
    }
    let q = Questionnaire {
        version: current.version + 1,
        questions: req
            .questions
            .into_iter()
            .map(|mut x| {
                x.text_zh = x.text_zh.trim().to_owned();
                x.text_en = x.text_en.trim().to_owned();
                x
            })
            .collect(),
        levels: req.levels,
        follow_up_at: req.follow_up_at,
        updated_at: from_ms(now_ms()),
        updated_by: actor_name(&ctx),
    };
    if !store::insert_questionnaire(&mut uow, &q).await? {
        return Err(ServiceError::stale(
            "the questionnaire was replaced meanwhile",
        ));
    }
    uow.commit().await?;
    Ok(q)
}
