//! Dispatch's request endpoints (`svc.dispatch.*`).
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, CreateTechnician, ListWorkOrders, Technician, WorkOrder, WorkOrderCompleted,
    WorkOrderStatus,
};
use aftercare_contracts::rpc::{ById, Page};
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoint, RequestContext, endpoint};
use aftercare_platform::{Db, now_ms};
use tracing::Instrument;
use uuid::Uuid;

use crate::{domain, store};

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    let (d1, d2, d3) = (db.clone(), db.clone(), db.clone());
    vec![
        endpoint("technician.create", move |_ctx, req| {
            create_technician(d1.clone(), req)
        }),
        endpoint("workorder.get", move |_ctx, req: ById| get(d2.clone(), req)),
        endpoint("workorder.list", move |_ctx, req| list(d3.clone(), req)),
        endpoint("workorder.complete", move |ctx, req| {
            complete(db.clone(), ctx, req)
        }),
    ]
}

async fn create_technician(db: Db, req: CreateTechnician) -> Result<Technician, ServiceError> {
    let errors = domain::validate_technician(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = Technician {
        id: Uuid::now_v7(),
        name: req.name.trim().to_owned(),
        district: req.district.trim().to_owned(),
        skills: req.skills.iter().map(|s| s.trim().to_lowercase()).collect(),
        daily_capacity: req.daily_capacity,
        team: req
            .team
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(req.district.trim())
            .to_owned(),
    };
    let mut uow = db.begin().await?;
    store::insert_technician(&mut uow, &t, now_ms()).await?;
    uow.commit().await?;
    Ok(t)
}

async fn get(db: Db, req: ById) -> Result<WorkOrder, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .map(|s| s.order)
        .ok_or_else(|| ServiceError::not_found("work order", &req.id))
}

async fn list(db: Db, req: ListWorkOrders) -> Result<Page<WorkOrder>, ServiceError> {
    aftercare_contracts::rpc::check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        req.ticket_id,
        req.technician_id,
        req.order.unwrap_or_default(),
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |x| x.id.to_string()))
}

async fn complete(
    db: Db,
    ctx: RequestContext,
    req: CompleteWorkOrder,
) -> Result<WorkOrder, ServiceError> {
    let errors = domain::validate_completion(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let Some(stored) = store::get(uow.conn(), req.work_order_id.trim()).await? else {
        return Err(ServiceError::not_found("work order", &req.work_order_id));
    };
    let w = &stored.order;
    if let Some(v) = req.expected_version
        && v != w.version
    {
        return Err(ServiceError::stale(format!(
            "work order {} is at version {}, not {v}",
            w.number, w.version
        )));
    }
    let Some(technician_id) = w
        .technician_id
        .filter(|_| w.status == WorkOrderStatus::Assigned)
    else {
        return Err(ServiceError::conflict(
            "illegal_transition",
            format!(
                "work order {} is {:?} and cannot be completed",
                w.number, w.status
            ),
        ));
    };
    let now = now_ms();
    let actor = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    let completion = store::Completion {
        diagnosis: req.diagnosis.trim(),
        fault: req.fault.as_deref(),
        parts: &req.parts,
        started_at: req.started_at.timestamp_millis(),
        finished_at: req.finished_at.timestamp_millis(),
        meter_reading: req.meter_reading,
    };
    if !store::complete(&mut uow, w.id, w.version, &completion, actor, now).await? {
        return Err(ServiceError::stale(format!(
            "work order {} was changed meanwhile",
            w.number
        )));
    }
    let (technician_name, team) = store::name_and_team(uow.conn(), technician_id).await?;
    let event = WorkOrderCompleted {
        work_order_id: w.id,
        number: w.number.clone(),
        ticket_id: w.ticket_id,
        technician_id,
        technician_name,
        team,
        customer_name: w.customer_name.clone(),
        district: w.district.clone(),
        machine: stored.machine.clone(),
        started_at: req.started_at,
        finished_at: req.finished_at,
        diagnosis: req.diagnosis.trim().to_owned(),
        fault: req.fault.clone(),
        parts: req.parts.clone(),
        meter_reading: req.meter_reading,
    };
    // The completion's events continue the ticket's trace (linked to this request's).
    let span = aftercare_platform::telemetry::span_in_stored_trace(
        &stored.trace_context,
        "dispatch.workorder.completed emit",
    );
    uow.emit(&Envelope::new(event, ctx.actor))
        .instrument(span)
        .await?;
    let updated = store::get(uow.conn(), &w.id.to_string())
        .await?
        .map(|s| s.order);
    uow.commit().await?;
    updated.ok_or_else(ServiceError::internal)
}
