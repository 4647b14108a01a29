//! A machine's service history (`GET /machines/{id}/visits`): every ticket about the machine
//! record, newest first, each with its work orders and what their visit reports said (the
//! fault code, diagnosis, outcome, technician, parts used, meter reading). Intake owns the
//! tickets and the machine record, dispatch the work orders and reports; the gateway puts
//! them together a page of tickets at a time. The desk reads any machine's; a technician
//! only the machines of their own work orders that are open or that they finished today
//! (403 otherwise), so the field app can show a visit's machine before and after the visit.
use aftercare_contracts::Role;
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    GetTechnician, ListWorkOrders, PartUsed, Technician, VisitOutcome, WorkOrder, WorkOrderStatus,
    WorkType,
};
use aftercare_contracts::intake::{
    GetMachine, ListTickets, Machine, Ticket, TicketStatus, TicketType,
};
use aftercare_contracts::rpc::{ListOrder, MAX_PAGE, Page};
use axum::Json;
use axum::extract::{Extension, Path, Query, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use super::calendar::company_calendar;
use super::customers::technician_has_ticket;
use super::operation::{Param, path_id, query};
use super::query::PageQuery;
use crate::error::ApiError;
use crate::identity::Principal;
use crate::privacy;
use crate::state::AppState;

/// Largest page of a machine's history, in tickets (each costs a read of its work orders).
pub(crate) const MACHINE_HISTORY_MAX_PAGE: u32 = 50;
/// Page size when none is asked for.
const MACHINE_HISTORY_DEFAULT_PAGE: u32 = 20;

/// The roles that read a machine's service history (a technician: see [`technician_may_read`]).
pub(crate) const MACHINE_HISTORY_READERS: &[Role] = &[
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::CallbackAgent,
    Role::Manager,
    Role::Admin,
];

/// One ticket about the machine, with its work orders.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct MachineServiceEntry {
    /// The ticket.
    pub(crate) ticket_id: Uuid,
    /// Its number, `T2026-000042`.
    pub(crate) ticket_number: String,
    /// What was asked for.
    #[serde(rename = "type")]
    pub(crate) ticket_type: TicketType,
    /// The ticket's state.
    pub(crate) status: TicketStatus,
    /// The fault as the customer described it.
    pub(crate) symptom: String,
    /// When it was registered.
    pub(crate) opened_at: DateTime<Utc>,
    /// Its work orders, newest first (none when no visit was sent).
    pub(crate) visits: Vec<MachineVisit>,
}

/// One work order on the machine and what its visit report said.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct MachineVisit {
    /// The work order.
    pub(crate) work_order_id: Uuid,
    /// Its number, `W2026-000042`.
    pub(crate) number: String,
    /// Its state.
    pub(crate) status: WorkOrderStatus,
    /// What it was for.
    pub(crate) work_type: WorkType,
    /// The technician it is (or was last) assigned to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) technician_id: Option<Uuid>,
    /// That technician's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) technician_name: Option<String>,
    /// Created.
    pub(crate) created_at: DateTime<Utc>,
    /// When the visit was reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) completed_at: Option<DateTime<Utc>>,
    /// On site from (from the report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) started_at: Option<DateTime<Utc>>,
    /// On site until (from the report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) finished_at: Option<DateTime<Utc>>,
    /// How the visit ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) outcome: Option<VisitOutcome>,
    /// The fault code from the company's fault list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) fault: Option<String>,
    /// The diagnosis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) diagnosis: Option<String>,
    /// What was done, as reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) result: Option<String>,
    /// Parts used.
    pub(crate) parts: Vec<PartUsed>,
    /// The meter reading (复印量) taken at the visit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) meter_reading: Option<u64>,
    /// Toner or ink left, percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) consumables_level: Option<u8>,
}

impl MachineVisit {
    fn of(w: WorkOrder, names: &HashMap<Uuid, String>) -> Self {
        let visit = w.visit;
        MachineVisit {
            work_order_id: w.id,
            number: w.number,
            status: w.status,
            work_type: w.work_type,
            technician_name: w.technician_id.and_then(|t| names.get(&t).cloned()),
            technician_id: w.technician_id,
            created_at: w.created_at,
            completed_at: w.completed_at,
            started_at: visit.as_ref().map(|v| v.started_at),
            finished_at: visit.as_ref().map(|v| v.finished_at),
            outcome: visit.as_ref().map(|v| v.outcome),
            fault: visit.as_ref().and_then(|v| v.fault.clone()),
            diagnosis: visit.as_ref().map(|v| v.diagnosis.clone()).or(w.diagnosis),
            result: visit
                .as_ref()
                .map(|v| v.result.clone())
                .filter(|r| !r.trim().is_empty()),
            parts: w.parts,
            meter_reading: visit.as_ref().and_then(|v| v.meter_reading),
            consumables_level: visit.as_ref().and_then(|v| v.consumables_level),
        }
    }
}

/// Whether a technician's work order lets them read its machine's history: while the
/// visit is open (assigned, accepted, on the way, on site, waiting for parts), and on the
/// company's day it was finished.
pub(crate) fn technician_may_read(
    status: WorkOrderStatus,
    completed_at: Option<DateTime<Utc>>,
    today: NaiveDate,
    local_date: impl Fn(DateTime<Utc>) -> NaiveDate,
) -> bool {
    if privacy::visit_open(status) {
        return true;
    }
    status != WorkOrderStatus::Cancelled && completed_at.is_some_and(|at| local_date(at) == today)
}

/// `limit` of a machine's history: 1–[`MACHINE_HISTORY_MAX_PAGE`], default 20.
fn parse_history_limit(raw: Option<&str>) -> Result<u32, ApiError> {
    match raw {
        None => Ok(MACHINE_HISTORY_DEFAULT_PAGE),
        Some(v) => v
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=MACHINE_HISTORY_MAX_PAGE).contains(n))
            .ok_or_else(|| {
                ApiError::field(
                    "limit",
                    "out_of_range",
                    format!("limit must be a whole number from 1 to {MACHINE_HISTORY_MAX_PAGE}"),
                )
            }),
    }
}

/// `cursor` of a machine's history: the `next_cursor` handed out, a ticket id.
fn parse_history_cursor(raw: Option<String>) -> Result<Option<String>, ApiError> {
    match raw {
        None => Ok(None),
        Some(c) => Uuid::parse_str(c.trim())
            .map(|u| Some(u.to_string()))
            .map_err(|_| {
                ApiError::field(
                    "cursor",
                    "invalid",
                    "cursor must be the next_cursor of the previous page",
                )
            }),
    }
}

fn limit_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"type": "integer", "minimum": 1, "maximum": MACHINE_HISTORY_MAX_PAGE})
}

/// A `cursor` that is the id handed out as `next_cursor` (a UUID).
pub(crate) fn uuid_cursor_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "pattern": "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32})$"
    })
}

/// `limit` of a machine's history.
pub(crate) const HISTORY_LIMIT: Param = query(
    "limit",
    limit_schema,
    "Page size in tickets, 1–50 (default 20).",
);
/// `cursor` of a machine's history.
pub(crate) const HISTORY_CURSOR: Param = query(
    "cursor",
    uuid_cursor_schema,
    "`next_cursor` of the previous page.",
);
/// The machine's path parameter.
pub(crate) const MACHINE_ID: Param = path_id("Machine id.");

fn not_theirs() -> ApiError {
    ApiError::Service(ServiceError {
        status: 403,
        code: "forbidden".into(),
        title: "Forbidden".into(),
        detail: "a technician reads the history of the machines of their own open or today's work orders only".into(),
        errors: vec![],
    })
}

/// Whether `machine` is the machine of one of the technician's open or today's work orders.
async fn technician_on_machine(
    s: &AppState,
    p: &Principal,
    machine: Uuid,
) -> Result<bool, ApiError> {
    let calendar = company_calendar()?;
    let today = calendar.local_date(Utc::now());
    technician_has_ticket(
        s,
        p,
        |w| technician_may_read(w.status, w.completed_at, today, |t| calendar.local_date(t)),
        |t| t.machine_id == Some(machine),
    )
    .await
}

/// `GET /machines/{id}/visits`.
pub(crate) async fn machine_visits(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_history_limit(q.limit.as_deref())?;
    let cursor = parse_history_cursor(q.cursor)?;
    let m: Machine = s.call(&GetMachine { id: id.clone() }, Some(&p)).await?;
    if p.role == Role::Technician && !technician_on_machine(&s, &p, m.id).await? {
        return Err(not_theirs());
    }
    let tickets: Page<Ticket> = s
        .call(
            &ListTickets {
                customer_id: None,
                machine_id: Some(m.id),
                status: None,
                priority: None,
                ticket_type: None,
                district: None,
                opened_from: None,
                opened_to: None,
                sla: None,
                owner: None,
                order: Some(ListOrder::NewestFirst),
                limit,
                cursor,
            },
            Some(&p),
        )
        .await?;
    let requests: Vec<ListWorkOrders> = tickets
        .items
        .iter()
        .map(|t| ListWorkOrders {
            ticket_id: Some(t.id),
            technician_id: None,
            status: None,
            flagged: false,
            order: Some(ListOrder::NewestFirst),
            limit: MAX_PAGE,
            cursor: None,
        })
        .collect();
    let orders: Vec<Page<WorkOrder>> =
        futures::future::try_join_all(requests.iter().map(|r| s.call(r, Some(&p)))).await?;
    let technicians: HashSet<Uuid> = orders
        .iter()
        .flat_map(|page| page.items.iter().filter_map(|w| w.technician_id))
        .collect();
    let mut names = HashMap::new();
    for t in technicians {
        let found: Result<Technician, _> =
            s.call(&GetTechnician { id: t.to_string() }, Some(&p)).await;
        match found {
            Ok(tech) => {
                names.insert(t, tech.name);
            }
            Err(ApiError::Service(e)) if e.status == 404 => {}
            Err(e) => return Err(e),
        }
    }
    let items = tickets
        .items
        .into_iter()
        .zip(orders)
        .map(|(t, wo)| MachineServiceEntry {
            ticket_id: t.id,
            ticket_number: t.number,
            ticket_type: t.ticket_type,
            status: t.status,
            symptom: t.symptom,
            opened_at: t.opened_at,
            visits: wo
                .items
                .into_iter()
                .map(|w| MachineVisit::of(w, &names))
                .collect(),
        })
        .collect();
    Ok(Json(Page {
        items,
        next_cursor: tickets.next_cursor,
    })
    .into_response())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn shanghai(t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .date_naive()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().into()
    }

    #[test]
    fn an_open_visit_lets_its_technician_read_the_machine_history() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        for s in [
            WorkOrderStatus::Assigned,
            WorkOrderStatus::Accepted,
            WorkOrderStatus::EnRoute,
            WorkOrderStatus::OnSite,
            WorkOrderStatus::WaitingForParts,
        ] {
            assert!(technician_may_read(s, None, today, shanghai), "{s:?}");
        }
    }

    #[test]
    fn a_visit_finished_today_in_the_company_time_zone_still_counts_an_older_one_does_not() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        // 17:00 UTC on the 6th is 01:00 on the 7th in Shanghai.
        let early = at("2026-12-06T17:00:00Z");
        let yesterday = at("2026-12-06T15:00:00Z");
        for s in [
            WorkOrderStatus::Completed,
            WorkOrderStatus::TakenToWorkshop,
            WorkOrderStatus::CouldNotFix,
        ] {
            assert!(
                technician_may_read(s, Some(early), today, shanghai),
                "{s:?}"
            );
            assert!(
                !technician_may_read(s, Some(yesterday), today, shanghai),
                "{s:?}"
            );
            assert!(!technician_may_read(s, None, today, shanghai), "{s:?}");
        }
    }

    #[test]
    fn a_cancelled_or_unassigned_work_order_gives_no_access() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let now = at("2026-12-07T03:00:00Z");
        assert!(!technician_may_read(
            WorkOrderStatus::Cancelled,
            Some(now),
            today,
            shanghai
        ));
        assert!(!technician_may_read(
            WorkOrderStatus::Unassigned,
            None,
            today,
            shanghai
        ));
    }

    #[test]
    fn limit_and_cursor_are_checked_and_named() {
        assert_eq!(parse_history_limit(None).unwrap(), 20);
        assert_eq!(parse_history_limit(Some("50")).unwrap(), 50);
        for bad in ["0", "51", "x", "-1", "2.5"] {
            match parse_history_limit(Some(bad)) {
                Err(ApiError::Service(e)) => {
                    assert_eq!((e.status, e.errors[0].field.as_str()), (422, "limit"))
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
        let id = Uuid::now_v7();
        assert_eq!(
            parse_history_cursor(Some(id.to_string())).unwrap(),
            Some(id.to_string())
        );
        assert_eq!(parse_history_cursor(None).unwrap(), None);
        match parse_history_cursor(Some("x".into())) {
            Err(ApiError::Service(e)) => {
                assert_eq!((e.status, e.errors[0].field.as_str()), (422, "cursor"))
            }
            other => panic!("{other:?}"),
        }
    }
}
