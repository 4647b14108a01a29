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
    let mut uow = db.begin().await?;
    let t = lifecycle::transition(&mut uow, ctx.actor, req).await?;
    uow.commit().await?;
    Ok(t)
}

pub(super) async fn set_priority(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: SetPriority,
) -> Result<Ticket, ServiceError> {
    let mut uow = db.begin().await?;
    let t = lifecycle::set_priority(&mut uow, &calendar, ctx.actor, req).await?;
    uow.commit().await?;
    Ok(t)
}

pub(super) async fn assign_owner(
    State { db, .. }: State,
    ctx: RequestContext,
    req: AssignOwner,
) -> Result<Ticket, ServiceError> {
    let mut uow = db.begin().await?;
    let t = lifecycle::assign_owner(&mut uow, ctx.actor, req).await?;
    uow.commit().await?;
    Ok(t)
}

pub(super) async fn inspect_return(
    State { db, .. }: State,
    ctx: RequestContext,
    req: InspectReturn,
) -> Result<Ticket, ServiceError> {
    let mut uow = db.begin().await?;
    let t = lifecycle::inspect_return(&mut uow, ctx.actor, req).await?;
    uow.commit().await?;
    Ok(t)
}
