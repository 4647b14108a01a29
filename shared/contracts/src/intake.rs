//! Intake's events and requests: tickets (受理).
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Service};

/// Where a request came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A phone call to the service desk.
    Phone,
    /// The web form or self-service portal.
    Web,
    /// An email.
    Email,
    /// Online chat.
    Chat,
    /// The customer came to the counter.
    WalkIn,
    /// A dealer brought the machine in.
    DealerDropOff,
}

/// What the customer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketType {
    /// Something is broken.
    Fault,
    /// Scheduled or requested maintenance.
    Maintenance,
    /// Installation and acceptance.
    Installation,
    /// A question, usually answered on the phone.
    Consultation,
    /// Toner, drums, paper.
    Consumables,
    /// A complaint about the service.
    Complaint,
    /// The customer wants to return the machine.
    Return,
}

impl TicketType {
    /// Whether this kind of request normally needs a technician on site.
    pub fn needs_visit(self) -> bool {
        matches!(
            self,
            TicketType::Fault | TicketType::Maintenance | TicketType::Installation
        )
    }
}

/// Urgency, P1 (most urgent) to P4.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Machine down for a key account, or safety: respond within 30 minutes.
    P1,
    /// Machine down.
    P2,
    /// Degraded.
    P3,
    /// Routine.
    P4,
}

/// The customer as given on the request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerInfo {
    /// Company or person, 1–200 characters.
    pub name: String,
    /// Contact phone, 5–32 characters of digits, spaces, `+`, `-`.
    pub phone: String,
    /// Street address, up to 500 characters.
    #[serde(default)]
    pub address: String,
    /// Service district, 1–64 characters; dispatch assigns by it.
    pub district: String,
}

/// The machine the request is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MachineInfo {
    /// Product line: copier, fax, printer, software, …
    pub product_line: String,
    /// Brand, e.g. Sharp.
    pub brand: String,
    /// Model, e.g. AR-2048.
    pub model: String,
    /// Serial number (机身号).
    pub serial: String,
    /// Purchase date; warranty runs from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_date: Option<NaiveDate>,
}

/// Request: register a new ticket (`svc.intake.ticket.open`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenTicket {
    /// Channel the request came in on.
    pub channel: Channel,
    /// What is asked for.
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    /// The customer's description, 1–4000 characters.
    pub symptom: String,
    /// The customer.
    pub customer: CustomerInfo,
    /// The machine, when the request concerns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// The machine cannot be used at all.
    #[serde(default)]
    pub machine_down: bool,
    /// The customer record this request belongs to; the gateway sets it to the caller's
    /// own for customer accounts, so customers see their own requests only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
}

/// Ticket lifecycle state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Registered, not yet looked at.
    New,
    /// A visit is needed; waiting for dispatch.
    NeedsVisit,
    /// A technician is assigned.
    InService,
    /// The work is done.
    Resolved,
    /// Work done and callback arranged.
    Closed,
}

/// A ticket as the gateway shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ticket {
    /// UUIDv7.
    pub id: Uuid,
    /// Human number, `T2026-000042`.
    pub number: String,
    /// Current state.
    pub status: TicketStatus,
    /// Channel.
    pub channel: Channel,
    /// Request type.
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    /// Priority from the rules.
    pub priority: Priority,
    /// Symptom text.
    pub symptom: String,
    /// Customer.
    pub customer: CustomerInfo,
    /// The customer record it belongs to, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Machine, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// Work order dispatch created, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// When the callback is due, once scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_due_at: Option<DateTime<Utc>>,
    /// When it was registered.
    pub opened_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Event `intake.ticket.opened`: a request was registered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketOpened {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// Channel.
    pub channel: Channel,
    /// Request type.
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    /// Priority.
    pub priority: Priority,
    /// Whether a technician must go on site (dispatch creates a work order).
    pub needs_visit: bool,
    /// Symptom text.
    pub symptom: String,
    /// Customer (the technician needs the address and phone).
    pub customer: CustomerInfo,
    /// Machine, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// When it was registered.
    pub opened_at: DateTime<Utc>,
}

impl Event for TicketOpened {
    const TYPE: &'static str = "intake.ticket.opened";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl TicketOpened {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            channel: Channel::Phone,
            ticket_type: TicketType::Fault,
            priority: Priority::P2,
            needs_visit: true,
            symptom: "复印件有黑线 / black streaks on copies".into(),
            customer: CustomerInfo {
                name: "Tianhe Printing Co.".into(),
                phone: "+86 20 5555 0101".into(),
                address: "1 Tianhe Rd".into(),
                district: "tianhe".into(),
            },
            machine: Some(MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "SN123".into(),
                purchase_date: None,
            }),
            opened_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Request: a page of tickets, newest first (`svc.intake.ticket.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListTickets {
    /// Only this customer's tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Only tickets in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// Newest first unless asked otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<crate::rpc::ListOrder>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: send a one-time code to the phone on file of a ticket, so its reporter can
/// follow it without an account (`svc.intake.ticket.send_code`). The gateway makes and
/// verifies the code; intake, which holds the phone number, announces it for the SMS
/// integration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SendVerificationCode {
    /// Human ticket number, `T2026-000042`.
    pub ticket_number: String,
    /// The code, six digits.
    pub code: String,
    /// When the code stops being accepted.
    pub expires_at: DateTime<Utc>,
}

/// Reply to [`SendVerificationCode`]: which ticket the code is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VerificationCodeSent {
    /// The ticket.
    pub ticket_id: Uuid,
}

/// Event `intake.ticket.code_requested`: a one-time code must be sent by SMS to the
/// phone on file of a ticket (self-service status lookup).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketCodeRequested {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number, for the message text.
    pub number: String,
    /// Where to send it: the phone on file.
    pub phone: String,
    /// The one-time code.
    pub code: String,
    /// When it stops being accepted.
    pub expires_at: DateTime<Utc>,
}

impl Event for TicketCodeRequested {
    const TYPE: &'static str = "intake.ticket.code_requested";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl TicketCodeRequested {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            phone: "+86 20 5555 0101".into(),
            code: "204816".into(),
            expires_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}
