//! The report-back register (技术员复电登记表): technicians leave for their first customer by
//! the company's departure time (8:50) on working days, and phone the service desk after
//! each customer (复电). The register of a day says who left and when, who is late and by
//! how much, and which of the day's visits were reported back and which were not.
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::WorkOrderStatus;

/// Request: a technician has left for the day's first customer
/// (`svc.dispatch.register.depart`). A departure already known for that local day (from an
/// `en_route` step or an earlier record) is kept and the row answered unchanged, so a
/// phone that sends twice changes nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordDeparture {
    /// The technician who left.
    pub technician_id: Uuid,
    /// When they left, as the phone saw it (at most 5 minutes ahead of the server and 72
    /// hours behind); the server's time when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
}

/// Request: the technician phoned the desk after a customer (`svc.dispatch.register.report_back`);
/// a dispatcher or agent records the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordReportBack {
    /// The technician who phoned.
    pub technician_id: Uuid,
    /// The work order (visit) the call reports on; absent for a call about the day in
    /// general. It must be the technician's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// When the call came (at most 5 minutes ahead of the server and 72 hours behind); the
    /// server's time when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
    /// What the technician said, up to 500 characters.
    #[serde(default)]
    pub note: String,
}

/// Request: the register of a local day (`svc.dispatch.register.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetReportBackRegister {
    /// The company's local day.
    pub date: NaiveDate,
    /// Only this technician's row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
}

/// A day's register: one row per active technician.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportBackRegister {
    /// The company's local day.
    pub date: NaiveDate,
    /// Whether it is a working day of the business calendar (nobody is due to leave on
    /// another day).
    pub working_day: bool,
    /// The company's departure time, local (`AFTERCARE_DEPARTURE_TIME`, 08:50); a
    /// technician whose shift starts later is due at their shift start.
    pub departure_time: NaiveTime,
    /// Active technicians by name.
    pub rows: Vec<RegisterRow>,
}

/// Where a technician's departure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DepartureState {
    /// Left by the time due.
    OnTime,
    /// Left after the time due.
    Late,
    /// The time due has passed and they have not left.
    Missing,
    /// Not left yet, and not due yet.
    Pending,
    /// Not due to leave: on leave, or not a working day.
    NotDue,
}

/// How a departure or a report-back became known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegisterSource {
    /// The work order's `en_route` step (departure) or the visit report (report-back).
    WorkOrder,
    /// Recorded on its own: the technician's "left" or the desk's note of the phone call.
    Recorded,
}

/// One technician's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RegisterRow {
    /// The company's local day it is of.
    pub date: NaiveDate,
    /// Technician.
    pub technician_id: Uuid,
    /// Their name.
    pub technician_name: String,
    /// Their district.
    pub district: String,
    /// On leave that day.
    pub on_leave: bool,
    /// When they were due to leave; absent when not due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_at: Option<DateTime<Utc>>,
    /// When they left: the earlier of the first `en_route` step of the day and a recorded
    /// departure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departed_at: Option<DateTime<Utc>>,
    /// How the departure became known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departure_source: Option<RegisterSource>,
    /// Where the departure stands.
    pub departure: DepartureState,
    /// Minutes late: after the time due when late; so far (until now or the day's end)
    /// when missing; 0 otherwise.
    pub late_minutes: u32,
    /// The day's visits (work orders they set out for, were on site at or reported on
    /// that day), in the order started.
    pub visits: Vec<RegisterVisit>,
    /// Visits reported back.
    pub reported_back: u32,
    /// Visits not reported back.
    pub not_reported_back: u32,
    /// The phone calls recorded that day, in order.
    pub calls: Vec<ReportBackCall>,
}

/// One visit of the day and whether it was reported back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RegisterVisit {
    /// Work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// Where it stands now.
    pub status: WorkOrderStatus,
    /// The first step of the day on it (en route, on site or the report).
    pub started_at: DateTime<Utc>,
    /// When the visit report was filed that day (completed, waiting for parts, workshop,
    /// could not fix).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was reported back: the visit report or the first call about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_at: Option<DateTime<Utc>>,
    /// How it was reported back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<RegisterSource>,
}

/// A phone call recorded in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReportBackCall {
    /// When the call came.
    pub at: DateTime<Utc>,
    /// The work order it reported on, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// Who recorded it.
    pub recorded_by: String,
    /// What was said.
    pub note: String,
}
