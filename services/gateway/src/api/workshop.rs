//! The workshop's routes (内修 / 送修): machines received at the workshop (from a visit,
//! brought in by a customer, sent in by a dealer), the list of jobs, one job, the
//! diagnosis, the steps to the machine's return and the repair report. Dispatch keeps the
//! jobs; a customer's or dealer's machine is received for its ticket, whose number,
//! customer, district and machine the gateway reads from intake.
use aftercare_contracts::Role;
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    AdvanceWorkshopJob, DiagnoseWorkshopJob, GetWorkshopJob, ListWorkshopJobs, ReceiveWorkshopJob,
    RepairWorkshopJob, WorkshopJob, WorkshopOrigin, WorkshopStatus,
};
use aftercare_contracts::intake::{GetTicket, Ticket};
use aftercare_contracts::rpc::Page;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::operation::{CURSOR, LIMIT, Routes, get, path_id, post, query, schema};
use super::query::parse_enum;
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{
    created, if_match_version, parse_limit, parse_uuid_param, update_body, with_etag,
};
use crate::identity::Principal;
use crate::state::AppState;

/// Who works with the workshop's jobs: the desk that receives and returns machines, the
/// workshop's technicians, the dispatcher and the manager.
const WORKSHOP: &[Role] = &[
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::Manager,
    Role::Admin,
];

/// Who diagnoses and reports the repair: the workshop technician, or the dispatcher or
/// manager for them.
const WORKSHOP_TECHNICIANS: &[Role] = &[
    Role::Technician,
    Role::Dispatcher,
    Role::Manager,
    Role::Admin,
];

/// The fields of a received machine the gateway fills in from its ticket.
const FROM_TICKET: &[&str] = &["ticket_number", "customer_name", "district", "machine"];

/// Query parameters of the job list.
#[derive(Debug, Deserialize)]
pub(crate) struct JobQuery {
    status: Option<String>,
    origin: Option<String>,
    ticket_id: Option<String>,
    technician_id: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// Receives a machine: a customer's or a dealer's for its ticket (read from intake: an
/// unknown ticket is refused on `ticket_id`), or a visit's by its work order.
pub(crate) async fn receive(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut req: ReceiveWorkshopJob =
        json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let filled = [
        !req.ticket_number.is_empty(),
        !req.customer_name.is_empty(),
        !req.district.is_empty(),
        req.machine.is_some(),
    ];
    if let Some((field, _)) = FROM_TICKET.iter().zip(filled).find(|(_, set)| *set) {
        return Err(ApiError::field(
            field,
            "unknown_field",
            format!("{field} comes from the ticket, not the body"),
        ));
    }
    if let (Some(ticket_id), WorkshopOrigin::Customer | WorkshopOrigin::Dealer) =
        (req.ticket_id, req.origin)
    {
        let ticket: Ticket = match s
            .call(
                &GetTicket {
                    id: ticket_id.to_string(),
                },
                Some(&p),
            )
            .await
        {
            Ok(t) => t,
            Err(ApiError::Service(e)) if e.code == "not_found" => {
                return Err(ApiError::field(
                    "ticket_id",
                    "not_found",
                    "no ticket has this id; register the machine's ticket first",
                ));
            }
            Err(e) => return Err(e),
        };
        req.ticket_number = ticket.number;
        req.customer_name = ticket.customer.name;
        req.district = ticket.customer.district;
        req.machine = ticket.machine;
    }
    let job: WorkshopJob = s.call(&req, Some(&p)).await?;
    Ok(created(
        &job,
        format!("/api/v1/workshop-jobs/{}", job.id),
        Some(job.version),
    ))
}

pub(crate) async fn list(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<JobQuery>,
) -> Result<Response, ApiError> {
    let req = ListWorkshopJobs {
        status: parse_enum("status", q.status.as_deref())?,
        origin: parse_enum("origin", q.origin.as_deref())?,
        ticket_id: q
            .ticket_id
            .as_deref()
            .map(|t| parse_uuid_param("ticket_id", t))
            .transpose()?,
        technician_id: q
            .technician_id
            .as_deref()
            .map(|t| parse_uuid_param("technician_id", t))
            .transpose()?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<WorkshopJob> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

/// The diagnosis; a technician diagnoses as themselves.
pub(crate) async fn diagnose(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if_match_version(&headers)?;
    let req: DiagnoseWorkshopJob = update_body(&s, &headers, body, Some(("job_id", id))).await?;
    if p.role == Role::Technician && p.technician_id != Some(req.technician_id) {
        return Err(ApiError::Service(ServiceError::field(
            "technician_id",
            "forbidden",
            "a technician diagnoses as themselves",
        )));
    }
    let job: WorkshopJob = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &job, job.version))
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("workshop")
        .add(
            post("receiveWorkshopJob", "/workshop-jobs")
                .summary("Receive a machine at the workshop (内修/送修): brought in by a customer or sent in by a dealer (with the dealer, collected from them when pickup) for its ticket, whose number, customer, district and machine are read from it, or from a visit that could not fix it by its work order (a visit ending taken_to_workshop is received by its report); with what is wrong and the accessories received. The customer is told it was received")
                .roles(WORKSHOP)
                .body::<ReceiveWorkshopJob>()
                .path_fills(FROM_TICKET)
                .creates()
                .reply::<WorkshopJob>()
                .to(receive),
        )
        .add(
            get("listWorkshopJobs", "/workshop-jobs")
                .summary("Workshop jobs, newest first")
                .roles(WORKSHOP)
                .params(&[
                    query("status", schema::<WorkshopStatus>, "Only in this state."),
                    query("origin", schema::<WorkshopOrigin>, "Only from this origin (visit, customer, dealer)."),
                    query("ticket_id", schema::<uuid::Uuid>, "Only this ticket's."),
                    query("technician_id", schema::<uuid::Uuid>, "Only this workshop technician's."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<WorkshopJob>>()
                .to(list),
        )
        .add(
            get("getWorkshopJob", "/workshop-jobs/{id}")
                .summary("One workshop job with its history")
                .roles(WORKSHOP)
                .params(&[path_id("Job id or number (WS2026-000001).")])
                .forward_versioned::<GetWorkshopJob>(),
        )
        .add(
            post("diagnoseWorkshopJob", "/workshop-jobs/{id}/diagnosis")
                .summary("The workshop technician's diagnosis: who repairs it, what is wrong, the fault code and the parts needed (received or diagnosed jobs)")
                .roles(WORKSHOP_TECHNICIANS)
                .scope("technician: diagnoses as themselves")
                .params(&[path_id("Job id or number.")])
                .body::<DiagnoseWorkshopJob>()
                .path_fills(&["job_id"])
                .updates()
                .reply::<WorkshopJob>()
                .to(diagnose),
        )
        .add(
            post("advanceWorkshopJob", "/workshop-jobs/{id}/transitions")
                .summary("Move a job on: repairing, waiting_for_parts, could_not_repair (with why), ready_for_return (with how it goes back: picked_up, delivered, or shipped_to_dealer for a dealer's machine; the customer is told) or returned (with the waybill or who collected it); a step its state does not allow is 409")
                .roles(WORKSHOP)
                .params(&[path_id("Job id or number.")])
                .path_fills(&["job_id"])
                .updates()
                .forward_versioned::<AdvanceWorkshopJob>(),
        )
        .add(
            post("repairWorkshopJob", "/workshop-jobs/{id}/repair")
                .summary("The repair report of a diagnosed job: parts replaced (with the customer's consent), the repair's times and the result; the parts leave stock and the receipt is issued as for a visit (dispatch.workorder.completed), and the customer hears the work is done")
                .roles(WORKSHOP_TECHNICIANS)
                .params(&[path_id("Job id or number.")])
                .path_fills(&["job_id"])
                .updates()
                .forward_versioned::<RepairWorkshopJob>(),
        )
}
