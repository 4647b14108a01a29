//! The outbound call queue: list, read, attempt, reassign, close, and the assignment rules.
use aftercare_contracts::ServiceError;
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::survey::{
    CallAssignmentRules, CallTask, CloseCallTask, GetCallAssignmentRules, GetCallTask,
    ListCallTasks, ListReceivableChases, RankingKind, ReassignCallTask, ReceivableChaseList,
    RecordCallAttempt, ReplaceCallAssignmentRules,
};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor_name};
use crate::app;
use crate::domain::periods::period_of;
use crate::store::{call_tasks, chases};

/// Adds the endpoints of this module to survey's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListCallTasks, _>(list)
        .on::<GetCallTask, _>(get)
        .on::<RecordCallAttempt, _>(attempt)
        .on::<ReassignCallTask, _>(reassign)
        .on::<CloseCallTask, _>(close)
        .on::<GetCallAssignmentRules, _>(rules)
        .on::<ReplaceCallAssignmentRules, _>(replace_rules)
        .on::<ListReceivableChases, _>(chase_list)
}

/// The weekly chase list of receivables: the week (Monday to Sunday) of the day asked for,
/// by agent (the chase's call assignee) or district.
async fn chase_list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListReceivableChases,
) -> Result<ReceivableChaseList, ServiceError> {
    use aftercare_contracts::survey::calls::limits;
    let mut e = Vec::new();
    if let Some(a) = req.agent.as_deref() {
        limits::ASSIGNEE.check(&mut e, "agent", a);
    }
    if let Some(d) = req.district.as_deref() {
        limits::MATCH.check(&mut e, "district", d);
    }
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let (week, last_day) = period_of(RankingKind::Weekly, req.week);
    let mut conn = db.read_conn().await?;
    let items = chases::list(&mut conn, week, &req).await?;
    Ok(ReceivableChaseList {
        week,
        last_day,
        items,
    })
}

async fn list(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: ListCallTasks,
) -> Result<Page<CallTask>, ServiceError> {
    check_limit(req.limit)?;
    let now = db.clock().now_ms();
    let mut conn = db.read_conn().await?;
    let items = call_tasks::list(&mut conn, &req, now, &policy.calendar).await?;
    Ok(Page::of(items, req.limit, call_tasks::cursor))
}

async fn get(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: GetCallTask,
) -> Result<CallTask, ServiceError> {
    let now = db.clock().now_ms();
    let mut conn = db.read_conn().await?;
    call_tasks::task(&mut conn, req.id.trim(), now, &policy.calendar)
        .await?
        .ok_or_else(|| ServiceError::not_found("call task", &req.id))
}

async fn attempt(
    State { db, policy }: State,
    ctx: RequestContext,
    req: RecordCallAttempt,
) -> Result<CallTask, ServiceError> {
    let mut uow = db.begin().await?;
    let t = app::call_tasks::attempt(&mut uow, &policy.calendar, &req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(t)
}

async fn reassign(
    State { db, policy }: State,
    ctx: RequestContext,
    req: ReassignCallTask,
) -> Result<CallTask, ServiceError> {
    let mut uow = db.begin().await?;
    let t = app::call_tasks::reassign(&mut uow, &policy.calendar, &req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(t)
}

async fn close(
    State { db, policy }: State,
    ctx: RequestContext,
    req: CloseCallTask,
) -> Result<CallTask, ServiceError> {
    let mut uow = db.begin().await?;
    let t = app::call_tasks::close(&mut uow, &policy.calendar, &req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(t)
}

async fn rules(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetCallAssignmentRules,
) -> Result<CallAssignmentRules, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(app::call_tasks::rules(&mut conn).await?)
}

async fn replace_rules(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceCallAssignmentRules,
) -> Result<CallAssignmentRules, ServiceError> {
    let mut uow = db.begin().await?;
    let r = app::call_tasks::replace_rules(&mut uow, req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(r)
}
