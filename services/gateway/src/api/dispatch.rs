//! Dispatch routes beyond creating technicians and reporting visits: technician profiles
//! and leave, assignment by hand, the technician's progress, appointments and day plans.
//! Technicians reach their own work orders and route only.
use aftercare_contracts::Role;
use aftercare_contracts::dispatch::{
    AddLeave, AssignWorkOrder, BookAppointment, CreateMaintenancePlan, DayPlan, DispatchReport,
    DispatchReportRequest, GetDayPlan, GetTechnician, ListMaintenancePlans, ListTechnicians,
    MaintenancePlan, PlanDay, RequestParts, Technician, TransitionWorkOrder, UpdateTechnician,
    WorkOrder, WorkOrderStatus,
};
use aftercare_contracts::rpc::Page;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::services::{parse_enum, visible_work_order};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{
    created, if_match_version, parse_day, parse_limit, parse_uuid_param, read_versioned,
    update_body, update_versioned, with_etag,
};
use crate::identity::Principal;
use crate::state::AppState;

/// Query parameters of the dispatch routes.
#[derive(Debug, Deserialize)]
pub(crate) struct DispatchQuery {
    district: Option<String>,
    team: Option<String>,
    technician_id: Option<String>,
    customer_id: Option<String>,
    group_by: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_technicians(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<DispatchQuery>,
) -> Result<Response, ApiError> {
    let req = ListTechnicians {
        district: q.district.filter(|d| !d.trim().is_empty()),
        team: q.team.filter(|t| !t.trim().is_empty()),
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Technician> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

/// Technicians read their own profile only.
fn own_profile(p: &Principal, id: &str) -> Result<(), ApiError> {
    if p.role == Role::Technician && p.technician_id.map(|t| t.to_string()).as_deref() != Some(id) {
        return Err(ApiError::not_found("technician", id));
    }
    Ok(())
}

pub(crate) async fn get_technician(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    own_profile(&p, &id)?;
    read_versioned(&s, &p, &GetTechnician { id }, |t: &Technician| t.version).await
}

pub(crate) async fn update_technician(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<UpdateTechnician>(&s, &p, ("technician_id", id), &headers, body, |t| {
        t.version
    })
    .await
}

pub(crate) async fn add_leave(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: AddLeave = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("technician_id", Value::String(id))],
    )
    .await?;
    let t: Technician = s.call(&req, Some(&p)).await?;
    Ok(created(
        &t,
        format!("/api/v1/technicians/{}", t.id),
        Some(t.version),
    ))
}

pub(crate) async fn assign_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<AssignWorkOrder>(&s, &p, ("work_order_id", id), &headers, body, |w| {
        w.version
    })
    .await
}

/// The technician's progress on their own work orders; cancelling is the desk's.
pub(crate) async fn move_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if_match_version(&headers)?;
    if p.role == Role::Technician {
        visible_work_order(&s, &p, &id).await?;
    }
    let req: TransitionWorkOrder =
        update_body(&s, &headers, body, Some(("work_order_id", id))).await?;
    if p.role == Role::Technician && req.to == WorkOrderStatus::Cancelled {
        return Err(ApiError::Forbidden);
    }
    let w: WorkOrder = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

pub(crate) async fn book_appointment(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<BookAppointment>(&s, &p, ("work_order_id", id), &headers, body, |w| {
        w.version
    })
    .await
}

pub(crate) async fn publish_day_plan(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: PlanDay = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let plan: DayPlan = s.call(&req, Some(&p)).await?;
    Ok(Json(plan).into_response())
}

pub(crate) async fn get_day_plan(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(date): Path<String>,
    Query(q): Query<DispatchQuery>,
) -> Result<Response, ApiError> {
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|_| ApiError::field("date", "invalid", "date must look like 2026-11-24"))?;
    let mut technician_id = q
        .technician_id
        .as_deref()
        .map(|t| parse_uuid_param("technician_id", t))
        .transpose()?;
    if p.role == Role::Technician {
        // A technician sees their own route.
        technician_id = Some(p.technician_id.unwrap_or(uuid::Uuid::nil()));
    }
    let plan: DayPlan = s
        .call(
            &GetDayPlan {
                date,
                technician_id,
            },
            Some(&p),
        )
        .await?;
    Ok(Json(plan).into_response())
}

pub(crate) async fn create_maintenance_plan(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateMaintenancePlan =
        json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let plan: MaintenancePlan = s.call(&req, Some(&p)).await?;
    Ok(created(
        &plan,
        format!("/api/v1/maintenance-plans?customer_id={}", plan.customer_id),
        None,
    ))
}

pub(crate) async fn list_maintenance_plans(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<DispatchQuery>,
) -> Result<Response, ApiError> {
    let req = ListMaintenancePlans {
        customer_id: q
            .customer_id
            .as_deref()
            .map(|c| parse_uuid_param("customer_id", c))
            .transpose()?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<MaintenancePlan> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn visit_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<DispatchQuery>,
) -> Result<Response, ApiError> {
    let req = DispatchReportRequest {
        group_by: parse_enum("group_by", q.group_by.as_deref())?.ok_or_else(|| {
            ApiError::field(
                "group_by",
                "required",
                "give group_by: technician or district",
            )
        })?,
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    let r: DispatchReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

/// Parts asked ahead of the visit; technicians for their own work orders.
pub(crate) async fn request_parts(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if_match_version(&headers)?;
    if p.role == Role::Technician {
        visible_work_order(&s, &p, &id).await?;
    }
    update_versioned::<RequestParts>(&s, &p, ("work_order_id", id), &headers, body, |w| w.version)
        .await
}
