//! Work orders: reading and listing, assignment by hand, the technician's progress,
//! appointments, parts requests and the visit report, with the fault list it names its
//! fault from.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    AssignWorkOrder, BookAppointment, CompleteWorkOrder, FaultCodes, GetFaultCodes, GetWorkOrder,
    GetWorkOrderHistory, ListWorkOrders, ReplaceFaultCodes, RequestParts, TransitionWorkOrder,
    WorkOrder, WorkOrderHistoryEntry,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor};
use crate::app::{settings, visits, work_orders};
use crate::store::{history as history_store, work_orders as store};

/// Adds the endpoints of this module to dispatch's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<GetWorkOrder, _>(get)
        .on::<GetWorkOrderHistory, _>(history)
        .on::<ListWorkOrders, _>(list)
        .on::<CompleteWorkOrder, _>(complete)
        .on::<AssignWorkOrder, _>(assign_by_hand)
        .on::<TransitionWorkOrder, _>(transition)
        .on::<BookAppointment, _>(book)
        .on::<RequestParts, _>(request_parts)
        .on::<GetFaultCodes, _>(fault_codes)
        .on::<ReplaceFaultCodes, _>(replace_fault_codes)
}

async fn fault_codes(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetFaultCodes,
) -> Result<FaultCodes, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(settings::fault_codes(&mut conn).await?)
}

async fn replace_fault_codes(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceFaultCodes,
) -> Result<FaultCodes, ServiceError> {
    let mut uow = db.begin().await?;
    let f = settings::replace_fault_codes(&mut uow, req, &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(f)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .map(|s| s.order)
        .ok_or_else(|| ServiceError::not_found("work order", &req.id))
}

/// A page of a work order's history, oldest first; the cursor is the number of entries read.
async fn history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetWorkOrderHistory,
) -> Result<Page<WorkOrderHistoryEntry>, ServiceError> {
    check_limit(req.limit)?;
    let offset = match req.cursor.as_deref() {
        None => 0,
        Some(c) => c.parse::<u32>().map_err(|_| {
            ServiceError::field("cursor", "invalid", "cursor is not one this list gave")
        })?,
    };
    let mut conn = db.read_conn().await?;
    let stored = store::get(&mut conn, req.work_order_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("work order", &req.work_order_id))?;
    let rows = history_store::history_page(
        &mut conn,
        stored.order.id,
        i64::from(offset),
        i64::from(req.limit),
    )
    .await?;
    let items: Vec<WorkOrderHistoryEntry> = rows
        .into_iter()
        .map(crate::domain::history::entry)
        .collect();
    let next = offset.saturating_add(u32::try_from(items.len()).unwrap_or(u32::MAX));
    Ok(Page::of(items, req.limit, |_| next.to_string()))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListWorkOrders,
) -> Result<Page<WorkOrder>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        &store::ListFilter {
            ticket_id: req.ticket_id,
            technician_id: req.technician_id,
            status: req.status,
            flagged: req.flagged,
            order: req.order.unwrap_or_default(),
            after: req.cursor.as_deref().unwrap_or(""),
            limit: i64::from(req.limit),
        },
    )
    .await?;
    Ok(Page::of(items, req.limit, |x| x.id.to_string()))
}

async fn assign_by_hand(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: AssignWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut uow = db.begin().await?;
    let w =
        work_orders::reassign(&mut uow, &calendar, &req, ctx.actor.clone(), &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(w)
}

async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut uow = db.begin().await?;
    let w = work_orders::transition(&mut uow, &req, ctx.actor.clone(), &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(w)
}

async fn book(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: BookAppointment,
) -> Result<WorkOrder, ServiceError> {
    let mut uow = db.begin().await?;
    let w = work_orders::book(&mut uow, &calendar, &req, ctx.actor.clone(), &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(w)
}

async fn request_parts(
    State { db, .. }: State,
    ctx: RequestContext,
    req: RequestParts,
) -> Result<WorkOrder, ServiceError> {
    let mut uow = db.begin().await?;
    let w = work_orders::request_parts(&mut uow, &req, ctx.actor.clone(), &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(w)
}

async fn complete(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: CompleteWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let mut uow = db.begin().await?;
    let w = visits::report(&mut uow, &calendar, &req, ctx.actor.clone(), &actor(&ctx)).await?;
    uow.commit().await?;
    Ok(w)
}
