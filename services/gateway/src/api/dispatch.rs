//! Dispatch's routes: technicians, their profiles and leave, work orders (lists, history,
//! assignment by hand, the technician's progress and completion), appointments, parts
//! requests, day plans, maintenance plans, the visit report, the fault list it names its
//! fault from and the duration defaults.
//! Technicians reach their own work orders and route only.
use aftercare_contracts::Role;
use aftercare_contracts::dispatch::{
    AddLeave, AssignWorkOrder, BookAppointment, CompleteWorkOrder, CreateMaintenancePlan,
    CreateTechnician, DayPlan, DispatchGroup, DispatchReport, DispatchReportRequest,
    DurationDefaults, GetDayPlan, GetDurationDefaults, GetTechnician, GetWorkOrderHistory,
    ListMaintenancePlans, ListTechnicians, ListWorkOrders, MaintenancePlan, PlanDay,
    ReplaceDurationDefaults, RequestParts, Technician, TransitionWorkOrder, UpdateTechnician,
    WorkOrder, WorkOrderHistoryEntry, WorkOrderStatus,
};
use aftercare_contracts::dispatch::{FaultCodes, GetFaultCodes, ReplaceFaultCodes};
use aftercare_contracts::dispatch::{
    GetReportBackRegister, RecordDeparture, RecordReportBack, RegisterRow, ReportBackRegister,
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

use super::model::{day_schema, work_order_sort_schema};
use super::operation::{
    CURSOR, LIMIT, Param, Routes, get, path, path_id, post, query, report, schema,
};
use super::query::{ListQuery, PageQuery, parse_enum, parse_sort};
use super::roles::{DISPATCH_DESK, TECHNICIAN_KEEPERS, WORK_ORDER_READERS};
use super::visibility::{display_names, visible_work_order};
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

/// The appointment window agreed with the customer. The desk books any work order's; a
/// technician books their own (a return visit agreed on site, or a time agreed on the
/// phone), and another's answers 404 like reading it.
pub(crate) async fn book_appointment(
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
    update_versioned::<BookAppointment>(&s, &p, ("work_order_id", id), &headers, body, |w| {
        w.version
    })
    .await
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

/// The report-back register of a local day (技术员复电登记表): one row per active
/// technician with their departure, lateness and the visits reported back and not.
pub(crate) async fn get_report_back_register(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(date): Path<String>,
    Query(q): Query<DispatchQuery>,
) -> Result<Response, ApiError> {
    let date = parse_day("date", Some(date.trim()))?;
    let technician_id = q
        .technician_id
        .as_deref()
        .map(|t| parse_uuid_param("technician_id", t))
        .transpose()?;
    let register: ReportBackRegister = s
        .call(
            &GetReportBackRegister {
                date,
                technician_id,
            },
            Some(&p),
        )
        .await?;
    Ok(Json(register).into_response())
}

/// A technician has left for the day's first customer: said by the technician themselves
/// (their own departure only; another technician's answers 404 like reading their profile)
/// or by the desk when the technician phones in that they left.
pub(crate) async fn record_departure(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if p.role == Role::Technician
        && p.technician_id.map(|t| t.to_string()).as_deref() != Some(id.trim())
    {
        return Err(ApiError::not_found("technician", &id));
    }
    let req: RecordDeparture = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("technician_id", Value::String(id))],
    )
    .await?;
    let row: RegisterRow = s.call(&req, Some(&p)).await?;
    Ok(Json(row).into_response())
}

/// The desk records a technician's call after a visit (复电).
pub(crate) async fn record_report_back(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RecordReportBack = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("technician_id", Value::String(id))],
    )
    .await?;
    let row: RegisterRow = s.call(&req, Some(&p)).await?;
    Ok(created(
        &row,
        format!(
            "/api/v1/report-back-register/{}?technician_id={}",
            row.date, row.technician_id
        ),
        None,
    ))
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
) -> Result<DispatchReport, ApiError> {
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
    s.call(&req, Some(&p)).await
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

pub(crate) async fn create_technician(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateTechnician = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let t: Technician = s.call(&req, Some(&p)).await?;
    Ok(created(&t, format!("/api/v1/technicians/{}", t.id), None))
}

pub(crate) async fn list_work_orders(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let ticket_id = q
        .ticket_id
        .as_deref()
        .map(|t| parse_uuid_param("ticket_id", t))
        .transpose()?;
    let mut technician_id = q
        .technician_id
        .as_deref()
        .map(|t| parse_uuid_param("technician_id", t))
        .transpose()?;
    if p.role == Role::Technician {
        if technician_id.is_some_and(|t| Some(t) != p.technician_id) {
            return Err(ApiError::field(
                "technician_id",
                "forbidden",
                "technicians list their own work orders only",
            ));
        }
        technician_id = Some(p.technician_id.unwrap_or(uuid::Uuid::nil()));
    }
    let flagged = match q.flagged.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(ApiError::field(
                "flagged",
                "invalid",
                "flagged must be true or false",
            ));
        }
    };
    let req = ListWorkOrders {
        ticket_id,
        technician_id,
        status: parse_enum("status", q.status.as_deref())?,
        flagged,
        order: parse_sort(q.sort.as_deref(), "created_at")?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<WorkOrder> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let w = visible_work_order(&s, &p, &id).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

/// A work order's history, seen by whoever may see the work order.
pub(crate) async fn work_order_history(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let w = visible_work_order(&s, &p, &id).await?;
    let req = GetWorkOrderHistory {
        work_order_id: w.id.to_string(),
        limit,
        cursor: q.cursor,
    };
    let mut page: Page<WorkOrderHistoryEntry> = s.call(&req, Some(&p)).await?;
    let ids = page.items.iter().map(|e| e.actor.clone()).collect();
    let names = display_names(&s, ids).await?;
    for e in &mut page.items {
        e.actor_name = names.get(&e.actor).cloned();
    }
    Ok(Json(page).into_response())
}

pub(crate) async fn complete_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    // A missing If-Match is answered before anything is looked up.
    if_match_version(&headers)?;
    let seen = visible_work_order(&s, &p, &id).await?;
    let req: CompleteWorkOrder =
        update_body(&s, &headers, body, Some(("work_order_id", id))).await?;
    // The signature and photos the report names must be this work order's uploads.
    let problems = super::attachments::check_report(&s, seen.id, &req).await?;
    if !problems.is_empty() {
        return Err(ApiError::Service(
            aftercare_contracts::ServiceError::validation(problems),
        ));
    }
    let w: WorkOrder = s.call(&req, Some(&p)).await?;
    // Kept for good now that the filed report refers to them (the orphan job also asks
    // dispatch before it removes anything, should this not be recorded).
    let referenced = super::attachments::referenced_by(&req);
    if let Err(e) =
        crate::attachments::mark_referenced(&s.db, &referenced, aftercare_platform::now_ms()).await
    {
        tracing::warn!(error = %e, "could not mark a report's attachments as kept");
    }
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("dispatch")
        .add(
            post("createTechnician", "/technicians")
                .summary("Register a technician with district, skills and daily capacity")
                .roles(&[Role::Dispatcher, Role::Manager, Role::Admin])
                .body::<CreateTechnician>()
                .creates()
                .reply::<Technician>()
                .to(create_technician),
        )
        .add(
            get("listWorkOrders", "/workorders")
                .summary("Work orders in creation order")
                .roles(WORK_ORDER_READERS)
                .scope("technician: own work orders only")
                .params(&[
                    query("ticket_id", schema::<uuid::Uuid>, "Only the work orders of this ticket."),
                    query("technician_id", schema::<uuid::Uuid>, "Only this technician's work orders."),
                    query("status", schema::<WorkOrderStatus>, "Only in this state."),
                    query("flagged", schema::<bool>, "`true`: only the ones nobody qualified for."),
                    query("sort", work_order_sort_schema, "`created_at` (oldest first, the default) or `-created_at`."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<WorkOrder>>()
                .to(list_work_orders),
        )
        .add(
            get("getWorkOrder", "/workorders/{id}")
                .summary("One work order")
                .roles(WORK_ORDER_READERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id.")])
                .reply::<WorkOrder>()
                .to(get_work_order),
        )
        .add(
            get("getWorkOrderHistory", "/workorders/{id}/history")
                .summary("A work order's history, oldest first: who, when, what changed (creation, assignments with the technician, progress, appointments, parts, the visit report)")
                .roles(WORK_ORDER_READERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id or number (W2026-000042)."), LIMIT, CURSOR])
                .reply::<Page<WorkOrderHistoryEntry>>()
                .to(work_order_history),
        )
        .add(
            post("completeWorkOrder", "/workorders/{id}/complete")
                .summary("The visit report: diagnosis, fault, work done, parts (with consent), meter, the signature and photos (attachments uploaded to this work order, by id), payment; a chargeable visit needs the customer's signature and, reported completed, the work order's quotation accepted (422 `quotation`: `required`, or `refused`); the outcome (completed, waiting for parts, workshop, could not fix) moves the work order")
                .roles(&[Role::Technician, Role::Dispatcher, Role::Admin])
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id.")])
                .body::<CompleteWorkOrder>()
                .path_fills(&["work_order_id"])
                .updates()
                .reply::<WorkOrder>()
                .to(complete_work_order),
        )
        .add(
            get("listTechnicians", "/technicians")
                .summary("Technicians with skills, certificates, shift, leave")
                .roles(DISPATCH_DESK)
                .params(&[
                    query("district", schema::<String>, "Only this district's."),
                    query("team", schema::<String>, "Only this team's."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Technician>>()
                .to(list_technicians),
        )
        .add(
            get("getTechnician", "/technicians/{id}")
                .summary("One technician")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Technician, Role::Manager, Role::Admin])
                .scope("technician: own profile only")
                .params(&[path_id("Technician id.")])
                .reply::<Technician>()
                .to(get_technician),
        )
        .add(
            post("updateTechnician", "/technicians/{id}")
                .summary("Replace a technician's profile (skills, certificates, team, shift, start, van; active)")
                .roles(TECHNICIAN_KEEPERS)
                .params(&[path_id("Technician id.")])
                .path_fills(&["technician_id"])
                .updates()
                .forward_versioned::<UpdateTechnician>(),
        )
        .add(
            post("addLeave", "/technicians/{id}/leave")
                .summary("Record days a technician is away (assignment skips them)")
                .roles(TECHNICIAN_KEEPERS)
                .params(&[path_id("Technician id.")])
                .body::<AddLeave>()
                .path_fills(&["technician_id"])
                .creates()
                .reply::<Technician>()
                .to(add_leave),
        )
        .add(
            post("assignWorkOrder", "/workorders/{id}/assign")
                .summary("Assign or reassign by hand with a reason (hard rules apply, capacity may be exceeded); without a technician, choose automatically again")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin])
                .params(&[path_id("Work order id.")])
                .path_fills(&["work_order_id"])
                .updates()
                .forward_versioned::<AssignWorkOrder>(),
        )
        .add(
            post("moveWorkOrder", "/workorders/{id}/transitions")
                .summary("The technician's progress (accepted, en_route, on_site) or a cancellation with a reason")
                .roles(&[Role::Technician, Role::Dispatcher, Role::Manager, Role::Admin])
                .scope("technician: own work orders, not cancelling")
                .params(&[path_id("Work order id.")])
                .body::<TransitionWorkOrder>()
                .path_fills(&["work_order_id"])
                .updates()
                .reply::<WorkOrder>()
                .to(move_work_order),
        )
        .add(
            post("bookAppointment", "/workorders/{id}/appointment")
                .summary("Book the appointment window agreed with the customer, e.g. the return visit a technician agrees on site (a published day plan is re-planned for that technician)")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Technician, Role::Manager, Role::Admin])
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id.")])
                .body::<BookAppointment>()
                .path_fills(&["work_order_id"])
                .updates()
                .reply::<WorkOrder>()
                .to(book_appointment),
        )
        .add(
            post("requestParts", "/workorders/{id}/parts-requests")
                .summary("Ask inventory for parts ahead of the visit (dispatch.parts.requested)")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Technician, Role::Manager, Role::Admin])
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id.")])
                .body::<RequestParts>()
                .path_fills(&["work_order_id"])
                .updates()
                .reply::<WorkOrder>()
                .to(request_parts),
        )
        .add(
            get("getDurationDefaults", "/duration-defaults")
                .summary("How long visits take by kind of work and model (new work orders and routes use them)")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin])
                .reply::<DurationDefaults>()
                .to(crate::http::read_setting::<GetDurationDefaults>),
        )
        .add(
            post("replaceDurationDefaults", "/duration-defaults")
                .summary("Replace the duration rules (If-Match: the current version, \"0\" for the built-in figures)")
                .roles(TECHNICIAN_KEEPERS)
                .body::<ReplaceDurationDefaults>()
                .updates()
                .reply::<DurationDefaults>()
                .to(crate::http::replace_setting::<ReplaceDurationDefaults>),
        )
        .add(
            get("getDurationDefaultsHistory", "/duration-defaults/history")
                .summary("The duration defaults' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::dispatch::DispatchSettingHistory>("duration_defaults"),
        )
        .add(
            get("getFaultCodes", "/fault-codes")
                .summary("The company's fault list (故障代码): each code with its names in Chinese and English and whether a visit report may name it")
                .roles(&[Role::Technician, Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin])
                .reply::<FaultCodes>()
                .to(crate::http::read_setting::<GetFaultCodes>),
        )
        .add(
            post("replaceFaultCodes", "/fault-codes")
                .summary("Replace the fault list (If-Match: the current version, \"0\" for the built-in list); a visit report naming a code not on it, or inactive, is refused")
                .roles(&[Role::Admin])
                .body::<ReplaceFaultCodes>()
                .updates()
                .reply::<FaultCodes>()
                .to(crate::http::replace_setting::<ReplaceFaultCodes>),
        )
        .add(
            get("getFaultCodesHistory", "/fault-codes/history")
                .summary("The fault list's stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::dispatch::DispatchSettingHistory>("fault_codes"),
        )
        .add(
            post("publishDayPlan", "/day-plans")
                .summary("Plan a day: each technician's open work orders ordered into a route with planned arrivals, and publish it")
                .roles(&[Role::Dispatcher, Role::Manager, Role::Admin])
                .forward::<PlanDay>(),
        )
        .add(
            get("getDayPlan", "/day-plans/{date}")
                .summary("A published day plan")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Technician, Role::Manager, Role::Admin])
                .scope("technician: own route only")
                .params(&[
                    Param { schema: day_schema, ..path("date", "The local day, 2026-11-24.") },
                    query("technician_id", schema::<uuid::Uuid>, "Only this technician's route."),
                ])
                .reply::<DayPlan>()
                .to(get_day_plan),
        )
        .add(
            get("getReportBackRegister", "/report-back-register/{date}")
                .summary("The report-back register (技术员复电登记表) of a local day: per active technician the time due to leave (08:50 on working days, or a later shift's start), when they left (first en_route step or their own record), late or not and by how many minutes, the day's visits reported back (visit report or recorded call) and not, and the calls recorded")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin])
                .params(&[
                    Param { schema: day_schema, ..path("date", "The company's local day, 2026-12-08.") },
                    query("technician_id", schema::<uuid::Uuid>, "Only this technician's row."),
                ])
                .reply::<ReportBackRegister>()
                .to(get_report_back_register),
        )
        .add(
            post("recordDeparture", "/technicians/{id}/departure")
                .summary("The technician has left for the day's first customer (an en_route step counts too), said by the technician or recorded by the desk when they phone in; a departure already known for the day is kept")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Technician])
                .scope("technician: own departure only")
                .params(&[path_id("Technician id.")])
                .body::<RecordDeparture>()
                .path_fills(&["technician_id"])
                .reply::<RegisterRow>()
                .to(record_departure),
        )
        .add(
            post("recordReportBack", "/technicians/{id}/report-backs")
                .summary("Record a technician's call to the desk after a visit (复电), about one of their work orders or the day")
                .roles(&[Role::Agent, Role::Dispatcher])
                .params(&[path_id("Technician id.")])
                .body::<RecordReportBack>()
                .path_fills(&["technician_id"])
                .creates()
                .reply::<RegisterRow>()
                .to(record_report_back),
        )
        .add(
            post("createMaintenancePlan", "/maintenance-plans")
                .summary("Plan maintenance visits by hand (e.g. a contract's): every N months from a first day; visits become tickets a lead time ahead")
                .roles(TECHNICIAN_KEEPERS)
                .body::<CreateMaintenancePlan>()
                .creates()
                .reply::<MaintenancePlan>()
                .to(create_maintenance_plan),
        )
        .add(
            get("listMaintenancePlans", "/maintenance-plans")
                .summary("Maintenance plans (first visit after a warranty card, monthly cleaning, contracts) with the visits generated")
                .roles(&[Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin])
                .params(&[
                    query("customer_id", schema::<uuid::Uuid>, "Only this customer's plans."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<MaintenancePlan>>()
                .to(list_maintenance_plans),
        )
        .add_all(
            report!("visitReport", "/reports/visits")
                .summary("Field service figures for visits reported in a period, per technician or district: first-time fix, return visits, on-time arrival, utilisation (service, travel, idle)")
                .tag("reports")
                .roles(&[Role::Dispatcher, Role::Manager, Role::Admin])
                .params(&[
                    query("group_by", schema::<DispatchGroup>, "technician or district.").required(),
                    query("from", day_schema, "First local day (2026-11-01).").required(),
                    query("to", day_schema, "Last local day, inclusive.").required(),
                ])
                .report(visit_report),
        )
}
