//! The outbound call queue (外呼): every call the desk owes a customer (callbacks,
//! welcome calls, renewal calls, consumables contacts, complaint answers, promised
//! follow-ups, overdue payments), listed due-now first, worked with attempts, reassigned
//! and closed with a result, and the company's assignment rules. Survey owns the queue.
use aftercare_contracts::Role::{Admin, Agent, CallbackAgent, Finance, Manager};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::survey::{
    CallTask, CallTaskKind, CallTaskState, CloseCallTask, GetCallAssignmentRules, GetCallTask,
    ListCallTasks, ListReceivableChases, ReassignCallTask, ReceivableChaseList, RecordCallAttempt,
    ReplaceCallAssignmentRules,
};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;

use super::model::day_schema;
use super::operation::{CURSOR, LIMIT, Routes, get, path_id, post, query, schema};
use super::query::parse_enum;
use super::roles::{CALL_QUEUE_LEADS, CALL_QUEUE_WORKERS};
use crate::error::ApiError;
use crate::http::{parse_day, parse_limit};
use crate::identity::Principal;
use crate::state::AppState;

/// Query parameters of the queue.
#[derive(Debug, Deserialize)]
pub(crate) struct QueueQuery {
    assignee: Option<String>,
    district: Option<String>,
    kind: Option<String>,
    state: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn given(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

pub(crate) async fn list_call_tasks(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<QueueQuery>,
) -> Result<Response, ApiError> {
    let req = ListCallTasks {
        assignee: given(q.assignee),
        district: given(q.district),
        kind: parse_enum("kind", q.kind.as_deref())?,
        state: parse_enum("state", q.state.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<CallTask> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

/// Query parameters of the weekly chase list.
#[derive(Debug, Deserialize)]
pub(crate) struct ChaseQuery {
    week: Option<String>,
    agent: Option<String>,
    district: Option<String>,
}

pub(crate) async fn list_receivable_chases(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ChaseQuery>,
) -> Result<Response, ApiError> {
    let req = ListReceivableChases {
        week: parse_day("week", q.week.as_deref())?,
        agent: q.agent.map(|a| a.trim().to_owned()),
        district: q.district.map(|d| d.trim().to_owned()),
    };
    let list: ReceivableChaseList = s.call(&req, Some(&p)).await?;
    Ok(Json(list).into_response())
}

/// `agent` of the chase list, with the limits survey checks (`limits::ASSIGNEE`).
fn chase_agent_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut s = g.subschema_for::<String>();
    schemars::transform::Transform::transform(
        &mut &aftercare_contracts::survey::calls::limits::ASSIGNEE,
        &mut s,
    );
    s
}

/// `district` of the chase list, with the limits survey checks (`limits::MATCH`).
fn chase_district_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut s = g.subschema_for::<String>();
    schemars::transform::Transform::transform(
        &mut &aftercare_contracts::survey::calls::limits::MATCH,
        &mut s,
    );
    s
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("survey")
        .add(
            get("listCallTasks", "/call-tasks")
                .summary("The outbound call queue: due now first (due today, time come), then overdue (an earlier day), then later, each by due time; closed tasks last. By assignee (a user id, `callback_specialist` or `district:<district>`), district, kind or state")
                .roles(CALL_QUEUE_WORKERS)
                .params(&[
                    query("assignee", schema::<String>, "Only this assignee's: a user id or a queue (`callback_specialist`, `district:tianhe`)."),
                    query("district", schema::<String>, "Only this district's (any case)."),
                    query("kind", schema::<CallTaskKind>, "Only this kind."),
                    query("state", schema::<CallTaskState>, "open or closed."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<CallTask>>()
                .to(list_call_tasks),
        )
        .add(
            get("getCallTask", "/call-tasks/{id}")
                .summary("One call task with its attempts")
                .roles(CALL_QUEUE_WORKERS)
                .params(&[path_id("Call task id.")])
                .forward_versioned::<GetCallTask>(),
        )
        .add(
            post("recordCallTaskAttempt", "/call-tasks/{id}/attempts")
                .summary("Record a call: reached, busy with the time agreed (`next_try_at`, required), unreachable (tried again at `next_try_at`, default two working hours later) or refused")
                .roles(CALL_QUEUE_WORKERS)
                .params(&[path_id("Call task id.")])
                .path_fills(&["task_id"])
                .updates()
                .forward_versioned::<RecordCallAttempt>(),
        )
        .add(
            post("reassignCallTask", "/call-tasks/{id}/assignee")
                .summary("Give an open task to another person or queue")
                .roles(CALL_QUEUE_LEADS)
                .params(&[path_id("Call task id.")])
                .path_fills(&["task_id"])
                .updates()
                .forward_versioned::<ReassignCallTask>(),
        )
        .add(
            post("closeCallTask", "/call-tasks/{id}/close")
                .summary("Close an open task with its result (a callback's task closes with its callback; a complaint answer needs the note, which resolves its follow-up)")
                .roles(CALL_QUEUE_WORKERS)
                .params(&[path_id("Call task id.")])
                .path_fills(&["task_id"])
                .updates()
                .forward_versioned::<CloseCallTask>(),
        )
        .add(
            get("listReceivableChases", "/receivable-chases")
                .summary("The weekly chase list of receivables (应收帐款每周跟进): the receipts billing chased in one week (Monday to Sunday; each receipt past 0-30 days is chased once a week on a working day while it owes money), one row a receipt, with the call task that chases it and its agent, by district, agent and number; only an agent's (the call's assignee) or a district's")
                .roles(&[Agent, CallbackAgent, Finance, Manager, Admin])
                .params(&[
                    query("week", day_schema, "Any day of the week (service-local); the week runs Monday to Sunday.").required(),
                    query("agent", chase_agent_schema, "Only the chases whose call is assigned to this agent: a user id or a queue (`district:haizhu`), 1-100 characters."),
                    query("district", chase_district_schema, "Only this district's (any case), 1-100 characters."),
                ])
                .reply::<ReceivableChaseList>()
                .to(list_receivable_chases),
        )
        .add(
            get("getCallAssignmentRules", "/call-rules")
                .summary("The rules that assign new call tasks by kind, product line, brand and district (built in: the seeds' split between the callback specialist and the district agents)")
                .roles(CALL_QUEUE_WORKERS)
                .reply::<aftercare_contracts::survey::CallAssignmentRules>()
                .to(crate::http::read_setting::<GetCallAssignmentRules>),
        )
        .add(
            post("replaceCallAssignmentRules", "/call-rules")
                .summary("Save new assignment rules (If-Match: the current version); tasks already assigned keep their assignee")
                .roles(&[Manager, Admin])
                .body::<ReplaceCallAssignmentRules>()
                .updates()
                .reply::<aftercare_contracts::survey::CallAssignmentRules>()
                .to(crate::http::replace_setting::<ReplaceCallAssignmentRules>),
        )
        .add(
            get("getCallAssignmentRulesHistory", "/call-rules/history")
                .summary("The call assignment rules' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::survey::SurveySettingHistory>("call_assignment_rules"),
        )
}
