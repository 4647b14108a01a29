//! The ticket lifecycle's endpoints: `svc.intake.ticket.{transition,set_priority,
//! assign_owner,inspect_return}`, each one use case of [`crate::app::lifecycle`] in one
//! unit of work.
use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{
    AssignOwner, InspectReturn, SetPriority, Ticket, TransitionTicket,
};
use aftercare_platform::rpc::RequestContext;

use super::State;
use crate::app::lifecycle;

pub(super) async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionTicket,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(lifecycle::transition(uow, ctx.actor, req)))
        .await
}

pub(super) async fn set_priority(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: SetPriority,
) -> Result<Ticket, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { lifecycle::set_priority(uow, &calendar, ctx.actor, req).await })
    })
    .await
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
