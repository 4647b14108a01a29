//! Workshop and send-in repairs (内修 / 送修): a machine received at the workshop, from a
//! visit that took it there (created when the visit report says `taken_to_workshop`, or
//! afterwards for a visit that ended `could_not_fix`), brought in by the customer, or sent
//! in by a dealer (collected from the dealer when asked). The workshop technician
//! diagnoses and repairs it; the parts used are reported as a visit's are, so inventory
//! and billing act as for a visit (`dispatch.workorder.completed`, the job standing for the
//! work order); the customer hears when the machine is received and when it is ready to
//! go back; it is returned by delivery, collected at the counter, or shipped back to the
//! dealer.
//!
//! ```text
//! received ──► diagnosed ──► repairing ◄──► waiting_for_parts
//!    │             │             │
//!    └─────────────┴─────────────┴──► could_not_repair ─┐
//!                                repaired ──────────────┴──► ready_for_return ──► returned
//! ```
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::PartUsed;
use crate::intake::MachineInfo;
use crate::{Event, Service};

/// The limits dispatch checks on workshop requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Count, Each, Text};

    /// What is wrong as the customer or dealer says, and the workshop's diagnosis.
    pub const FAULT_TEXT: Text = Text::new(1, 4000);
    /// Accessories received with the machine (power cord, toner, trays).
    pub const ACCESSORIES: Count = Count::new(0, 20);
    /// Each accessory.
    pub const ACCESSORY: Each<Text> = Each(Text::new(1, 100));
    /// A dealer's name, contact phone or address.
    pub const DEALER_NAME: Text = Text::new(1, 200);
    /// A dealer's phone.
    pub const DEALER_PHONE: Text = Text::new(1, 40);
    /// A dealer's address (where the machine is collected and shipped back to).
    pub const DEALER_ADDRESS: Text = Text::new(0, 500);
    /// A note on a step, the result told to the customer, a waybill or who collected it.
    pub const NOTE: Text = Text::new(0, 1000);
}

/// Where a machine at the workshop came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkshopOrigin {
    /// A technician took it from a visit (送修).
    Visit,
    /// The customer brought it to the counter (内修).
    Customer,
    /// A dealer sent it in (经销商送修机).
    Dealer,
}

/// Where a workshop job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkshopStatus {
    /// At the workshop, not looked at yet.
    Received,
    /// The workshop technician found what is wrong.
    Diagnosed,
    /// Being repaired.
    Repairing,
    /// The repair waits for a part.
    WaitingForParts,
    /// Repaired: the parts used left stock and the receipt was issued.
    Repaired,
    /// It cannot be repaired; it goes back as it came.
    CouldNotRepair,
    /// Ready to go back: the customer was told how.
    ReadyForReturn,
    /// Back with the customer or the dealer.
    Returned,
}

/// How a machine goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnMethod {
    /// The customer collects it at the counter.
    PickedUp,
    /// We deliver it to the customer.
    Delivered,
    /// Shipped back to the dealer who sent it (dealer jobs only).
    ShippedToDealer,
}

/// The dealer who sent a machine in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dealer {
    /// The dealer's name, 1–200 characters.
    #[schemars(transform = &limits::DEALER_NAME)]
    pub name: String,
    /// Their contact phone, 1–40 characters.
    #[schemars(transform = &limits::DEALER_PHONE)]
    pub phone: String,
    /// Where the machine is collected from and shipped back to, up to 500 characters;
    /// required when `pickup`.
    #[serde(default)]
    #[schemars(transform = &limits::DEALER_ADDRESS)]
    pub address: String,
    /// We collect the machine from the dealer (提货) rather than the dealer bringing it.
    #[serde(default)]
    pub pickup: bool,
}

/// One step of a workshop job, as its history keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkshopStep {
    /// When.
    pub at: DateTime<Utc>,
    /// Who (account id, or `dispatch` for the visit report).
    pub by: String,
    /// The state before (absent on receipt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<WorkshopStatus>,
    /// The state after.
    pub to: WorkshopStatus,
    /// What was said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A machine at the workshop and its repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkshopJob {
    /// Id; it stands for the work order in `dispatch.workorder.completed`.
    pub id: Uuid,
    /// Human number, `WS2026-000001`.
    pub number: String,
    /// Where it came from.
    pub origin: WorkshopOrigin,
    /// Where it stands.
    pub status: WorkshopStatus,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// The ticket's number.
    pub ticket_number: String,
    /// The visit that took it there (origin `visit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// The customer, printed on the receipt.
    pub customer_name: String,
    /// The customer's district.
    pub district: String,
    /// The machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// What is wrong as the customer, dealer or visit said.
    pub fault: String,
    /// Accessories received with it.
    pub accessories: Vec<String>,
    /// The dealer who sent it (origin `dealer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealer: Option<Dealer>,
    /// Who received it (account id).
    pub received_by: String,
    /// When it was received.
    pub received_at: DateTime<Utc>,
    /// The workshop technician (from the diagnosis on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Their name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_name: Option<String>,
    /// The workshop's diagnosis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<String>,
    /// Fault code from the company's fault list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault_code: Option<String>,
    /// Parts the repair needs, as diagnosed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts_needed: Vec<PartUsed>,
    /// Parts replaced (with the customer's consent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartUsed>,
    /// The repair's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_started_at: Option<DateTime<Utc>>,
    /// The repair's end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repair_finished_at: Option<DateTime<Utc>>,
    /// The result as told to the customer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// How it goes back (from `ready_for_return`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_method: Option<ReturnMethod>,
    /// The waybill, or who collected it or took delivery.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_reference: String,
    /// When it went back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub returned_at: Option<DateTime<Utc>>,
    /// Its steps, oldest first.
    pub history: Vec<WorkshopStep>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Request: a machine is received at the workshop (`svc.dispatch.workshop.receive`).
/// Brought in by a customer or sent in by a dealer, it names its ticket (the desk
/// registers it first; the gateway fills in the ticket's number, customer, district and
/// machine); from a visit that ended `could_not_fix`, it names the work order (a visit
/// that ended `taken_to_workshop` has its job already).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveWorkshopJob {
    /// Where it came from.
    pub origin: WorkshopOrigin,
    /// The ticket (origins `customer` and `dealer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// The visit's work order, id or number (origin `visit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<String>,
    /// What is wrong as the customer or dealer says, 1–4000 characters (origin `visit`:
    /// the visit's diagnosis when absent).
    #[serde(default)]
    #[schemars(transform = &limits::FAULT_TEXT)]
    pub fault: String,
    /// Accessories received with the machine, up to 20, each 1–100 characters.
    #[serde(default)]
    #[schemars(transform = &limits::ACCESSORIES)]
    #[schemars(transform = &limits::ACCESSORY)]
    pub accessories: Vec<String>,
    /// The dealer (origin `dealer` only, required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dealer: Option<Dealer>,
    /// The ticket's number (filled in by the gateway).
    #[serde(default)]
    pub ticket_number: String,
    /// The customer's name (filled in by the gateway).
    #[serde(default)]
    pub customer_name: String,
    /// The customer's district (filled in by the gateway).
    #[serde(default)]
    pub district: String,
    /// The machine (filled in by the gateway from the ticket).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
}

/// Request: one workshop job by id or number (`svc.dispatch.workshop.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetWorkshopJob {
    /// Id or number.
    pub id: String,
}

/// Request: workshop jobs, newest first (`svc.dispatch.workshop.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListWorkshopJobs {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkshopStatus>,
    /// Only from this origin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<WorkshopOrigin>,
    /// Only this ticket's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// Only this workshop technician's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Page size, 1–500.
    pub limit: u32,
    /// The last job's id of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: the workshop technician's diagnosis (`svc.dispatch.workshop.diagnose`), of a
/// job received (or diagnosed again).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiagnoseWorkshopJob {
    /// Job id or number.
    pub job_id: String,
    /// The workshop technician who diagnoses and repairs it (a technician names
    /// themselves).
    pub technician_id: Uuid,
    /// What is wrong, 1–4000 characters.
    #[schemars(transform = &limits::FAULT_TEXT)]
    pub diagnosis: String,
    /// Fault code from the company's fault list, active on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &super::limits::FAULT)]
    pub fault: Option<String>,
    /// Parts the repair needs, up to 100 lines.
    #[serde(default)]
    #[schemars(transform = &super::limits::REPORTED_PARTS)]
    #[schemars(transform = &super::limits::REPORTED_PART)]
    pub parts_needed: Vec<PartUsed>,
    /// The version seen (`If-Match`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// Request: move a job on (`svc.dispatch.workshop.advance`): start the repair, wait for
/// parts, say it cannot be repaired, make it ready to go back (with how; the customer is
/// told) or record it returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdvanceWorkshopJob {
    /// Job id or number.
    pub job_id: String,
    /// `repairing`, `waiting_for_parts`, `could_not_repair`, `ready_for_return` or
    /// `returned` (`repaired` is the repair report's, `received` and `diagnosed` their
    /// own requests').
    pub to: WorkshopStatus,
    /// How it goes back; required for `ready_for_return`, `shipped_to_dealer` for dealer
    /// jobs only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_method: Option<ReturnMethod>,
    /// The waybill, or who collected it or took delivery (`returned`), up to 1000
    /// characters; required when shipped back to the dealer.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub reference: String,
    /// A note on the step (why it waits, why it cannot be repaired), up to 1000
    /// characters; required for `could_not_repair`.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version seen (`If-Match`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// Request: the repair report (`svc.dispatch.workshop.repair`): the job is repaired, the
/// parts used leave stock and billing issues the receipt, as for a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepairWorkshopJob {
    /// Job id or number.
    pub job_id: String,
    /// Parts replaced, up to 100 lines.
    #[serde(default)]
    #[schemars(transform = &super::limits::REPORTED_PARTS)]
    #[schemars(transform = &super::limits::REPORTED_PART)]
    pub parts: Vec<PartUsed>,
    /// The customer agreed to the parts replaced; required when parts are listed.
    #[serde(default)]
    pub parts_consent: bool,
    /// When the repair work started.
    pub started_at: DateTime<Utc>,
    /// When it finished (not before `started_at`, not in the future).
    pub finished_at: DateTime<Utc>,
    /// The result as told to the customer, up to 1000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub result: String,
    /// The version seen (`If-Match`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// Event `dispatch.workshop.status_changed`: a workshop job was received or moved on;
/// intake tells the customer when the machine is received and when it is ready to go
/// back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkshopJobChanged {
    /// The job.
    pub job_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// Where it came from.
    pub origin: WorkshopOrigin,
    /// The state before (absent on receipt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<WorkshopStatus>,
    /// The state after.
    pub to: WorkshopStatus,
    /// How it goes back, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_method: Option<ReturnMethod>,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for WorkshopJobChanged {
    const TYPE: &'static str = "dispatch.workshop.status_changed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.job_id.to_string()
    }
}
