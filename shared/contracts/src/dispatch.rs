//! Dispatch's events and requests: technicians and work orders (派工).
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::intake::{MachineInfo, Priority};
use crate::{Event, Service};

/// Request: register a technician (`svc.dispatch.technician.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTechnician {
    /// Full name, 1–100 characters.
    pub name: String,
    /// Home district; assignment prefers technicians of the ticket's district.
    pub district: String,
    /// Product lines and brands the technician is qualified for (e.g. `copier`, `sharp`).
    #[serde(default)]
    pub skills: Vec<String>,
    /// Work orders per day before the technician counts as fully loaded (1–50).
    pub daily_capacity: u32,
    /// Team (技术组), 1–64 characters; defaults to the home district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
}

/// A technician.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Technician {
    /// UUIDv7.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Home district.
    pub district: String,
    /// Skills.
    pub skills: Vec<String>,
    /// Daily capacity.
    pub daily_capacity: u32,
    /// Team.
    pub team: String,
}

/// A part used on a visit, as the technician reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartUsed {
    /// Stock-keeping unit, 1–64 characters.
    pub sku: String,
    /// Quantity, 1–1000.
    pub quantity: u32,
}

/// Request: the technician reports the visit done (`svc.dispatch.workorder.complete`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteWorkOrder {
    /// Work order id or number.
    pub work_order_id: String,
    /// What was wrong, 1–4000 characters.
    pub diagnosis: String,
    /// When work on site started.
    pub started_at: DateTime<Utc>,
    /// When it finished (not before `started_at`).
    pub finished_at: DateTime<Utc>,
    /// Fault code from the company's fault list (e.g. `paper_feed`), `[a-z0-9_]`,
    /// 1–64 characters; quality warnings count repeats by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Parts replaced (after the customer's consent).
    #[serde(default)]
    pub parts: Vec<PartUsed>,
    /// Meter reading (复印量) at the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_reading: Option<u64>,
    /// The version the technician saw; a stale one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// Request: list work orders (`svc.dispatch.workorder.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListWorkOrders {
    /// Only the work orders of this ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// Only the work orders assigned to this technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Oldest first unless asked otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<crate::rpc::ListOrder>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Work order state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkOrderStatus {
    /// Nobody qualifies yet; flagged for the dispatcher.
    Unassigned,
    /// A technician has it.
    Assigned,
    /// The visit is done.
    Completed,
}

/// A work order (工单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkOrder {
    /// UUIDv7.
    pub id: Uuid,
    /// Human number, `W2026-000042`.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// The ticket's number.
    pub ticket_number: String,
    /// State.
    pub status: WorkOrderStatus,
    /// Priority from the ticket.
    pub priority: Priority,
    /// Customer name.
    pub customer_name: String,
    /// District of the visit.
    pub district: String,
    /// Assigned technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Why this technician (or why nobody) was chosen.
    pub assignment_reasons: Vec<String>,
    /// Diagnosis, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<String>,
    /// Parts used, once completed.
    pub parts: Vec<PartUsed>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Event `dispatch.workorder.assigned`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderAssigned {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// The technician.
    pub technician_id: Uuid,
    /// The technician's name, for notifications.
    pub technician_name: String,
    /// Priority.
    pub priority: Priority,
    /// Why this technician.
    pub reasons: Vec<String>,
    /// When.
    pub assigned_at: DateTime<Utc>,
}

impl Event for WorkOrderAssigned {
    const TYPE: &'static str = "dispatch.workorder.assigned";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.unassigned`: no technician qualifies; the order waits, flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderUnassigned {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// Why nobody qualified.
    pub reasons: Vec<String>,
}

impl Event for WorkOrderUnassigned {
    const TYPE: &'static str = "dispatch.workorder.unassigned";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.completed`: carries what billing, inventory, survey and
/// intake need to act without calling back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderCompleted {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it served.
    pub ticket_id: Uuid,
    /// Who did the work.
    pub technician_id: Uuid,
    /// Their name (rankings print it).
    pub technician_name: String,
    /// Their team (scores are kept per team).
    pub team: String,
    /// Customer name, printed on the receipt.
    pub customer_name: String,
    /// District (call-out fees depend on it).
    pub district: String,
    /// The machine, if any (warranty depends on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// Start on site.
    pub started_at: DateTime<Utc>,
    /// Finish on site.
    pub finished_at: DateTime<Utc>,
    /// Diagnosis.
    pub diagnosis: String,
    /// Fault code, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Parts replaced.
    pub parts: Vec<PartUsed>,
    /// Meter reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_reading: Option<u64>,
}

impl Event for WorkOrderCompleted {
    const TYPE: &'static str = "dispatch.workorder.completed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}
