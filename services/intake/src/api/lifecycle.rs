//! The ticket lifecycle's endpoints: `svc.intake.ticket.{transition,set_priority,
//! assign_owner,inspect_return,promise_reply,record_reply}`, each one use case of
//! [`crate::app::lifecycle`] or [`crate::app::replies`] in one unit of work.
use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{
    AssignOwner, InspectReturn, PromiseReply, RecordReply, SetPriority, Ticket, TransitionTicket,
};
use aftercare_platform::rpc::RequestContext;

use super::State;
use crate::app::{lifecycle, replies};

pub(super) async fn transition(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: TransitionTicket,
) -> Result<Ticket, ServiceError> {
    let shown_with = calendar.clone();
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { lifecycle::transition(uow, &calendar, ctx.actor, req).await })
    })
    .await
    .map(|t| shown(t, &shown_with))
}

/// The ticket as answered: its paused time up to now.
fn shown(t: Ticket, calendar: &aftercare_calendar::BusinessCalendar) -> Ticket {
    crate::app::clock::shown(
        t,
        aftercare_platform::from_ms(aftercare_platform::now_ms()),
        calendar,
    )
}

pub(super) async fn promise_reply(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: PromiseReply,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(replies::promise(uow, ctx.actor, req)))
        .await
        .map(|t| shown(t, &calendar))
}

pub(super) async fn record_reply(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: RecordReply,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(replies::record(uow, ctx.actor, req)))
        .await
        .map(|t| shown(t, &calendar))
}

pub(super) async fn set_priority(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: SetPriority,
) -> Result<Ticket, ServiceError> {
    let shown_with = calendar.clone();
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { lifecycle::set_priority(uow, &calendar, ctx.actor, req).await })
    })
    .await
    .map(|t| shown(t, &shown_with))
}

pub(super) async fn assign_owner(
    State { db, .. }: State,
    ctx: RequestContext,
    req: AssignOwner,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(lifecycle::assign_owner(uow, ctx.actor, req)))
        .await
}

pub(super) async fn inspect_return(
    State { db, .. }: State,
    ctx: RequestContext,
    req: InspectReturn,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(lifecycle::inspect_return(uow, ctx.actor, req)))
        .await
}
