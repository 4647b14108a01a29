//! Callbacks: an attempt by phone moves an open callback on (answered, refused, busy,
//! unreachable); an answer, by phone or by link, is scored and tells intake and the agent.
use aftercare_contracts::survey::{
    Answer, AnswerChannel, AttemptOutcome, Callback, CallbackKind, CallbackProblemPersists,
    CallbackRecorded, CallbackStatus, FollowUp, FollowUpCreated, FollowUpStatus, Questionnaire,
    RecordCallback,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms};
use uuid::Uuid;

use crate::domain::questionnaire::evaluate;
use crate::domain::{CallbackPolicy, after_attempt, check_record, follow_up_deadlines};
use crate::store::{callbacks, follow_ups, questionnaires};

/// The callback `id` for a change: it must exist, be at `expected` (when given) and still
/// be open.
pub(super) async fn open_callback(
    uow: &mut UnitOfWork,
    id: &str,
    expected: Option<i64>,
    now: i64,
) -> Result<Callback, ServiceError> {
    let c = callbacks::callback(uow.conn(), id.trim(), now)
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

/// Records one phone attempt by `actor` (who made the call): a completed call files the
/// answers, any other outcome reschedules or closes the callback by the policy, and a
/// closed callback is announced (`survey.callback.recorded`). Returns the callback as it
/// now is.
pub(crate) async fn record(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    req: &RecordCallback,
    actor: Option<Actor>,
    actor_name: &str,
) -> Result<Callback, ServiceError> {
    let now = uow.now_ms();
    let errors = check_record(req, now);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let c = open_callback(uow, &req.callback_id, Some(req.expected_version), now).await?;
    if req.outcome == AttemptOutcome::Completed {
        let q = questionnaires::current_questionnaire(uow.conn()).await?;
        let answer = Answered {
            questionnaire: &q,
            answers: &req.answers,
            channel: AnswerChannel::Phone,
            actor: actor_name,
            note: req.note.trim(),
            now,
            event_actor: actor,
        };
        apply_answer(uow, policy, &c, answer).await?;
    } else {
        let after = after_attempt(
            req.outcome,
            c.failed_attempts,
            from_ms(now),
            req.rescheduled_to,
            policy,
        );
        let next_due = after.next_due.map(|d| d.timestamp_millis());
        let change = callbacks::AttemptChange {
            status: after.status,
            due_at: next_due.unwrap_or(c.due_at.timestamp_millis()),
            failed_attempts: after.failed_attempts,
            answered: None,
            outcome: req.outcome,
            actor: actor_name,
            note: req.note.trim(),
            next_due_at: next_due,
            at: now,
        };
        if !callbacks::record_attempt(uow, c.id, c.version, &change).await? {
            return Err(ServiceError::stale("the callback was changed meanwhile"));
        }
        super::call_tasks::callback_moved(
            uow,
            &policy.calendar,
            c.id,
            after.status,
            after.next_due,
            actor_name,
        )
        .await?;
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
            uow.emit(&Envelope::new(e, actor)).await?;
        }
    }
    callbacks::callback(uow.conn(), &c.id.to_string(), now)
        .await?
        .ok_or_else(|| ServiceError::not_found("callback", &req.callback_id))
}

/// An answer to file: against which questionnaire, through which channel, recorded by
/// whom (as the attempt names them and as the events' actor) and when.
pub(super) struct Answered<'a> {
    pub(super) questionnaire: &'a Questionnaire,
    pub(super) answers: &'a [Answer],
    pub(super) channel: AnswerChannel,
    pub(super) actor: &'a str,
    pub(super) note: &'a str,
    pub(super) now: i64,
    pub(super) event_actor: Option<Actor>,
}

/// Files the answer of an open callback: checks and scores the answers, then tells intake
/// (recorded, and problem persists when the machine is still down) and opens a follow-up
/// for the responsible agent when a rating is low or there is a comment.
pub(super) async fn apply_answer(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    c: &Callback,
    a: Answered<'_>,
) -> Result<(), ServiceError> {
    let q = a.questionnaire;
    let ev = evaluate(q, a.answers).map_err(ServiceError::validation)?;
    let change = callbacks::AttemptChange {
        status: CallbackStatus::Completed,
        due_at: c.due_at.timestamp_millis(),
        failed_attempts: c.failed_attempts,
        answered: Some(callbacks::AnsweredWith {
            questionnaire_version: q.version,
            answers: a.answers,
            channel: a.channel,
            scores: ev.scores,
            problem_persists: ev.problem_persists,
        }),
        outcome: AttemptOutcome::Completed,
        actor: a.actor,
        note: a.note,
        next_due_at: None,
        at: a.now,
    };
    if !callbacks::record_attempt(uow, c.id, c.version, &change).await? {
        return Err(ServiceError::stale("the callback was changed meanwhile"));
    }
    super::call_tasks::callback_moved(
        uow,
        &policy.calendar,
        c.id,
        CallbackStatus::Completed,
        None,
        a.actor,
    )
    .await?;
    let at = from_ms(a.now);
    let event_actor = a.event_actor;
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
        if follow_ups::insert_follow_up(uow, &f).await? {
            super::call_tasks::follow_up_created(uow, &policy.calendar, &f, c).await?;
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
