//! Intake's events and requests: tickets (受理).
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Service};

mod records;
pub use records::*;

/// The limits intake checks on requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Count, Each, Fields, Limit, Range, Shape, Text};

    /// A customer's company, a contact's or a reporter's name.
    pub const NAME: Text = Text::new(1, 200);
    /// A phone number's length.
    pub const PHONE_LENGTH: Text = Text::new(5, 32);
    /// A phone number: digits with at most two spaces or `+ - ( )` between them, at most
    /// three leading zeros (an international prefix, a trunk zero), then 5–15 digits.
    pub const PHONE: Shape = Shape {
        pattern: PHONE_PATTERN,
        matches: |p| PHONE_REGEX.is_match(p),
    };
    const PHONE_PATTERN: &str =
        r"^[ +()-]{0,3}(0[ +()-]{0,2}){0,3}[1-9]([ +()-]{0,2}[0-9]){4,14}[ +()-]{0,3}$";
    static PHONE_REGEX: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(PHONE_PATTERN).expect("phone pattern"));
    /// Phone numbers a contact has.
    pub const PHONES: Count = Count::new(1, 5);
    /// Each of a contact's phone numbers, its length.
    pub const EACH_PHONE_LENGTH: Each<Text> = Each(PHONE_LENGTH);
    /// Each of a contact's phone numbers, its shape (requests only: replies mask phones).
    pub const EACH_PHONE: Each<Shape> = Each(PHONE);
    /// Contacts a customer has.
    pub const CONTACTS: Count = Count::new(1, 20);
    /// A street address.
    pub const ADDRESS: Text = Text::new(0, 500);
    /// A service district.
    pub const DISTRICT: Text = Text::new(1, 64);
    /// Notes on a customer or a machine.
    pub const NOTES: Text = Text::new(0, 2000);
    /// A contact's position.
    pub const TITLE: Text = Text::new(0, 100);
    /// An e-mail address's length.
    pub const EMAIL_LENGTH: Text = Text::new(0, 254);
    /// An e-mail address: an `@`, no space at either end.
    pub const EMAIL: Shape = Shape {
        pattern: r"^([^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][\s\S]*)?@([\s\S]*[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000])?$",
        matches: |m| m.contains('@') && m.trim() == m,
    };
    /// A WeChat id.
    pub const WECHAT: Text = Text::new(1, 64);
    /// The symptom a customer describes.
    pub const SYMPTOM: Text = Text::new(1, 4000);
    /// A machine's product line, brand, model or serial number.
    pub const MACHINE_FIELD: Text = Text::new(1, 100);
    /// A serial number: a letter or digit besides spaces and dashes.
    pub const SERIAL: Shape = Shape {
        pattern: r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]",
        matches: |s| s.chars().any(|c| !c.is_whitespace() && c != '-'),
    };
    /// Where a machine stands at the customer.
    pub const INSTALL_LOCATION: Text = Text::new(0, 200);
    /// Attachments on a request.
    pub const ATTACHMENTS: Count = Count::new(0, 20);
    /// An attachment's size in bytes (50 MiB).
    pub const ATTACHMENT_BYTES: Range = Range::new(0, 50 * 1024 * 1024);
    /// An attachment's file name.
    pub const FILE_NAME: Text = Text::new(1, 200);
    /// An attachment's media type.
    pub const CONTENT_TYPE: Text = Text::new(1, 100);
    /// Where an attachment is stored.
    pub const URL: Text = Text::new(1, 2000);
    /// A warranty card's or a contract's number, a record's id or number, an account id.
    pub const NUMBER: Text = Text::new(1, 64);
    /// Why, when a reason is required.
    pub const REASON: Text = Text::new(1, 2000);
    /// Why or what was said, when it may be left out.
    pub const NOTE: Text = Text::new(0, 2000);
    /// A note on a ticket.
    pub const TICKET_NOTE: Text = Text::new(1, 4000);
    /// How a ticket was solved on the phone.
    pub const RESOLUTION: Text = Text::new(1, 4000);
    /// What was promised with a reply.
    pub const PROMISE: Text = Text::new(0, 500);
    /// Priority rules in a set.
    pub const RULES: Count = Count::new(1, 200);
    /// Keywords of a priority rule.
    pub const KEYWORDS: Count = Count::new(0, 50);
    /// Each keyword.
    pub const KEYWORD: Each<Text> = Each(Text::new(1, 50));
    /// Why a priority rule exists.
    pub const RULE_NOTE: Text = Text::new(0, 200);
    /// A knowledge-base question.
    pub const QUESTION: Text = Text::new(1, 500);
    /// A knowledge-base answer.
    pub const ANSWER: Text = Text::new(1, 8000);
    /// A notification template's text.
    pub const TEMPLATE: Text = Text::new(1, 500);
    /// Months of warranty a product line gives.
    pub const WARRANTY_MONTHS: Range = Range::new(0, 120);
    /// Days a machine of a product line may be returned.
    pub const RETURN_DAYS: Range = Range::new(0, 365);
    /// An SLA target, working minutes.
    pub const SLA_MINUTES: Range = Range::new(1, 100_000);
    /// A new ticket's customer: name, phone (its length and shape), address and
    /// district. The type is shared with tickets, whose replies mask the phone, and with
    /// events, so the limits are stated on the request.
    pub const CUSTOMER_INFO: Fields = Fields(&[
        ("name", Limit::Text(NAME)),
        ("phone", Limit::Text(PHONE_LENGTH)),
        ("phone", Limit::Shape(PHONE)),
        ("address", Limit::Text(ADDRESS)),
        ("district", Limit::Text(DISTRICT)),
    ]);
    /// A machine described in a request: product line, brand, model and serial number
    /// (with a letter or digit). The type is shared with tickets, work orders and events,
    /// so the limits are stated on the request.
    pub const MACHINE: Fields = Fields(&[
        ("product_line", Limit::Text(MACHINE_FIELD)),
        ("brand", Limit::Text(MACHINE_FIELD)),
        ("model", Limit::Text(MACHINE_FIELD)),
        ("serial", Limit::Text(MACHINE_FIELD)),
        ("serial", Limit::Shape(SERIAL)),
    ]);
    /// A latitude, degrees.
    pub const LATITUDE: Range = Range::new(-90, 90);
    /// A longitude, degrees.
    pub const LONGITUDE: Range = Range::new(-180, 180);
}

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
    /// Proactive service: a maintenance plan fell due (防火服务).
    Planned,
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
    #[schemars(transform = &limits::SYMPTOM)]
    pub symptom: String,
    /// The customer.
    #[schemars(transform = &limits::CUSTOMER_INFO)]
    pub customer: CustomerInfo,
    /// The machine, when the request concerns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::MACHINE)]
    pub machine: Option<MachineInfo>,
    /// The machine cannot be used at all.
    #[serde(default)]
    pub machine_down: bool,
    /// The customer record this request belongs to; the gateway sets it to the caller's
    /// own for customer accounts, so customers see their own requests only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Why the customer returns the machine; required for returns, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_reason: Option<ReturnReason>,
    /// Who reported it, when not the customer's contact (a dealer, a colleague).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reporter>,
    /// Photos, logs and documents stored elsewhere, by reference (at most 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(transform = &limits::ATTACHMENTS)]
    pub attachments: Vec<Attachment>,
    /// The caller's `Idempotency-Key`, scoped to the caller, set by the gateway (never
    /// documented, never taken from the client): a repeat of a request whose answer was
    /// lost returns the ticket it opened instead of opening another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub request_key: Option<String>,
}

/// The person who reported a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reporter {
    /// Name, 1–200 characters.
    #[schemars(transform = &limits::NAME)]
    pub name: String,
    /// Phone, 5–32 characters, when different from the customer's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::PHONE_LENGTH)]
    #[schemars(transform = &limits::PHONE)]
    pub phone: Option<String>,
}

/// A file attached to a request, stored elsewhere and referenced here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// File name, 1–200 characters.
    #[schemars(transform = &limits::FILE_NAME)]
    pub name: String,
    /// Media type, e.g. `image/jpeg`.
    #[schemars(transform = &limits::CONTENT_TYPE)]
    pub content_type: String,
    /// Size in bytes, at most 50 MiB.
    #[schemars(transform = &limits::ATTACHMENT_BYTES)]
    pub size_bytes: u64,
    /// Where it is stored (`https://…` or an object-store key), 1–2000 characters.
    #[schemars(transform = &limits::URL)]
    pub url: String,
}

/// Why a machine is returned (退货).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    /// It does not work.
    Defective,
    /// It is not what was sold.
    NotAsDescribed,
    /// The customer does not know how to use it: one free training visit comes first.
    DoesntKnowHowToUse,
    /// The customer changed their mind.
    ChangedMind,
}

/// The inspection's verdict on a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReturnOutcome {
    /// Taken back; billing refunds.
    Approved,
    /// Not taken back.
    Rejected,
}

/// Request: record the inspection of a returned machine (`svc.intake.ticket.inspect_return`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InspectReturn {
    /// Ticket id or number.
    pub ticket_id: String,
    /// The verdict.
    pub outcome: ReturnOutcome,
    /// What the inspection found, 1–2000 characters.
    #[schemars(transform = &limits::REASON)]
    pub notes: String,
    /// The version the inspector saw; a stale one is refused.
    pub expected_version: i64,
}

/// Event `intake.return.approved`: a returned machine was inspected and taken back;
/// billing refunds from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnApproved {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// The customer record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The customer's name.
    pub customer_name: String,
    /// The machine.
    pub machine: MachineInfo,
    /// Why it was returned.
    pub reason: ReturnReason,
    /// What the inspection found.
    pub notes: String,
    /// When it was approved.
    pub approved_at: DateTime<Utc>,
}

impl Event for ReturnApproved {
    const TYPE: &'static str = "intake.return.approved";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl ReturnApproved {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        let o = TicketOpened::example();
        Self {
            ticket_id: o.ticket_id,
            number: o.number,
            customer_id: None,
            customer_name: o.customer.name,
            machine: o.machine.unwrap_or(MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "SN123".into(),
                purchase_date: None,
            }),
            reason: ReturnReason::Defective,
            notes: "drum unit cracked on delivery".into(),
            approved_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Ticket lifecycle state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Registered, not yet looked at.
    New,
    /// An agent has classified it.
    Triaged,
    /// Solved on the phone (from the FAQ), no visit.
    ResolvedRemotely,
    /// A visit is needed; waiting for dispatch.
    NeedsVisit,
    /// A technician is assigned.
    InService,
    /// The visit found a part missing; a return visit follows. The SLA clock is paused.
    WaitingForParts,
    /// Waiting for the customer (an answer, access to the machine, a decision); set by
    /// hand. The SLA clock is paused.
    WaitingForCustomer,
    /// The work is done.
    Resolved,
    /// Work done and callback arranged.
    Closed,
    /// Withdrawn or not to be handled.
    Cancelled,
    /// Came back after it was resolved or closed (a repeat).
    Reopened,
}

/// Deadlines of a ticket's service-level targets, counted in working time on the
/// company's business calendar, and when they were met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TicketSla {
    /// The customer must hear from an agent by then.
    pub first_response_due: DateTime<Utc>,
    /// The request must be resolved by then.
    pub resolution_due: DateTime<Utc>,
    /// When an agent first acted on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_response_at: Option<DateTime<Utc>>,
    /// When it was resolved (remotely or by a visit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// Since when the clock stands still (waiting for parts or for the customer); absent
    /// while it runs. The deadlines above move on by the paused working time when it
    /// resumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_since: Option<DateTime<Utc>>,
    /// Working minutes the clock has stood still in all, the current pause included.
    #[serde(default)]
    pub paused_minutes: u64,
}

/// Request: move a ticket to another state by hand (`svc.intake.ticket.transition`):
/// triage, resolve on the phone, request a visit, wait for parts, close, cancel, reopen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionTicket {
    /// Ticket id or number.
    pub ticket_id: String,
    /// The state to move to.
    pub to: TicketStatus,
    /// Why, up to 2000 characters; required to cancel or reopen.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub reason: String,
    /// How it was solved, required for `resolved_remotely` (e.g. the FAQ answer given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::RESOLUTION)]
    pub resolution: Option<String>,
    /// The knowledge-base article the answer came from, for `resolved_remotely`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faq_article_id: Option<Uuid>,
    /// The version the agent saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: make an account responsible for a ticket (`svc.intake.ticket.assign_owner`);
/// the gateway checks the account exists and may own tickets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignOwner {
    /// Ticket id or number.
    pub ticket_id: String,
    /// Account id of the agent or manager.
    #[schemars(transform = &limits::NUMBER)]
    pub owner: String,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: set a ticket's priority by hand, with the reason (`svc.intake.ticket.set_priority`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetPriority {
    /// Ticket id or number.
    pub ticket_id: String,
    /// The new priority.
    pub priority: Priority,
    /// Why, 1–2000 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
    /// The version the agent saw; a stale one is refused.
    pub expected_version: i64,
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
    /// The customer record it belongs to: the one named when it was opened, or the one
    /// the registry found by the caller's phone and the machine (or registered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Machine, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// The machine record it is about, when the machine is in the registry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine_id: Option<Uuid>,
    /// Work order dispatch created, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// When the callback is due, once scheduled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_due_at: Option<DateTime<Utc>>,
    /// Service-level deadlines and when they were met.
    pub sla: TicketSla,
    /// The account responsible (for complaints: who must answer the customer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Why the machine is returned, for returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_reason: Option<ReturnReason>,
    /// Who reported it, when not the customer's contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporter: Option<Reporter>,
    /// Attached files, by reference.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// When it was registered.
    pub opened_at: DateTime<Utc>,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// A reply an agent promised the customer and has not given yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised_reply: Option<PromisedReply>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// A reply promised to the customer ("我会在X点前给您回复"): a task that warns before it is
/// due and escalates when overdue, until the agent records the reply or the ticket closes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PromisedReply {
    /// The customer was promised a reply by then.
    pub reply_by: DateTime<Utc>,
    /// When it was promised.
    pub promised_at: DateTime<Utc>,
    /// The account that promised it.
    pub promised_by: String,
    /// What was promised, as the agent noted it; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Request: promise the customer a reply by a time (`svc.intake.ticket.promise_reply`); a
/// new promise replaces the one outstanding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PromiseReply {
    /// Ticket id or number.
    pub ticket_id: String,
    /// The reply is due by then: in the future, at most 30 days ahead.
    pub reply_by: DateTime<Utc>,
    /// What was promised, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::PROMISE)]
    pub note: String,
    /// The version the agent saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: record that the promised reply was given (`svc.intake.ticket.record_reply`);
/// the promise is kept and no longer alerts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordReply {
    /// Ticket id or number.
    pub ticket_id: String,
    /// What the customer was told, up to 2000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version the agent saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: a page of a ticket's history, oldest first (`svc.intake.ticket.history`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetTicketHistory {
    /// Ticket id or number.
    pub ticket_id: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What one entry of a ticket's history changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketChange {
    /// The ticket was registered.
    Opened,
    /// It moved to another state (`from_status` → `to_status`).
    StatusChanged,
    /// Its priority was overridden (`from_priority` → `to_priority`).
    PriorityChanged,
    /// An account was made responsible (`owner`).
    OwnerChanged,
    /// A complaint went to the manager.
    Escalated,
    /// Anything else recorded without a change of state (a return inspected, a note).
    Noted,
}

/// One entry of a ticket's history: who, when, what changed and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TicketHistoryEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: an account id, or the service or job that made the change (`system`, `survey`, `dispatch`);
    /// a customer sees `staff` for every change but their own, without names or reasons.
    pub actor: String,
    /// The account's display name (filled in by the gateway; absent for services and jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What kind of change.
    pub change: TicketChange,
    /// The state before (absent on opening).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_status: Option<TicketStatus>,
    /// The state after.
    pub to_status: TicketStatus,
    /// The priority before, for `priority_changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_priority: Option<Priority>,
    /// The priority after, for `priority_changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_priority: Option<Priority>,
    /// The account made responsible, for `owner_changed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The responsible account's display name (filled in by the gateway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// Why (the reason given, or what the system recorded); may be empty.
    pub reason: String,
}

/// Event `intake.ticket.opened`: a request was registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// The customer's record, when the ticket is linked to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The customer's map position, when on file (routes and distances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Machine, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// The resolution deadline (SLA).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution_due: Option<DateTime<Utc>>,
    /// The customer's tier when the ticket was opened (key accounts get billing's
    /// discount); absent in version 1, read as standard.
    #[serde(default)]
    pub tier: CustomerTier,
    /// When it was registered.
    pub opened_at: DateTime<Utc>,
}

impl Event for TicketOpened {
    const TYPE: &'static str = "intake.ticket.opened";
    const VERSION: u16 = 2;
    const OLDEST_READABLE: u16 = 1;
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
            tier: CustomerTier::Standard,
            customer_id: None,
            location: None,
            resolution_due: None,
            opened_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Where a ticket stands against its targets, for lists and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// Every open target has more than a fifth of its time left.
    OnTrack,
    /// A target not met yet has used 80 % of its time (a warning went or is due).
    AtRisk,
    /// A target was missed.
    Breached,
}

/// Request: a page of tickets, newest first (`svc.intake.ticket.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListTickets {
    /// Only this customer's tickets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Only the tickets about this machine record (a machine's service history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine_id: Option<Uuid>,
    /// Only tickets in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<TicketStatus>,
    /// Only this priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Only this type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub ticket_type: Option<TicketType>,
    /// Only this district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Only tickets opened at or after this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_from: Option<DateTime<Utc>>,
    /// Only tickets opened before this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_to: Option<DateTime<Utc>>,
    /// Only tickets in this SLA state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla: Option<SlaState>,
    /// Only tickets this account is responsible for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
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

/// Event `notify.ticket.code_requested`: a one-time code must be sent by SMS to the
/// phone on file of a ticket (self-service status lookup). It carries a secret, so it
/// lives in the short-lived NOTIFY stream only the notification sender may read.
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
    const TYPE: &'static str = "notify.ticket.code_requested";
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

/// How the service department treats a customer: key accounts (大客户) get tighter SLAs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CustomerTier {
    /// A key account.
    KeyAccount,
    /// Everyone else.
    #[default]
    Standard,
}

/// A person to talk to at the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name, 1–200 characters.
    #[schemars(transform = &limits::NAME)]
    pub name: String,
    /// Phone numbers, 1–5, each 5–32 characters of digits, spaces, `+ - ( )`.
    #[schemars(transform = &limits::PHONES)]
    #[schemars(transform = &limits::EACH_PHONE_LENGTH)]
    pub phones: Vec<String>,
    /// Position or note, up to 100 characters (e.g. 行政主管).
    #[serde(default)]
    #[schemars(transform = &limits::TITLE)]
    pub title: String,
    /// E-mail address, for notifications by e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::EMAIL_LENGTH)]
    #[schemars(transform = &limits::EMAIL)]
    pub email: Option<String>,
    /// WeChat id, for notifications by WeChat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::WECHAT)]
    pub wechat: Option<String>,
}

/// A person to talk to at the customer, as a request gives it (registering or changing a
/// customer). Replies carry [`Contact`], whose phones may be masked (`138****5678`), so only
/// this type states a phone's shape; the two serialise alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    /// Name, 1–200 characters.
    #[schemars(transform = &limits::NAME)]
    pub name: String,
    /// Phone numbers, 1–5, each 5–32 characters: 5–15 digits with at most two spaces or
    /// `+ - ( )` between them.
    #[schemars(transform = &limits::PHONES)]
    #[schemars(transform = &limits::EACH_PHONE_LENGTH)]
    #[schemars(transform = &limits::EACH_PHONE)]
    pub phones: Vec<String>,
    /// Position or note, up to 100 characters (e.g. 行政主管).
    #[serde(default)]
    #[schemars(transform = &limits::TITLE)]
    pub title: String,
    /// E-mail address, for notifications by e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::EMAIL_LENGTH)]
    #[schemars(transform = &limits::EMAIL)]
    pub email: Option<String>,
    /// WeChat id, for notifications by WeChat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::WECHAT)]
    pub wechat: Option<String>,
}

impl From<ContactInput> for Contact {
    fn from(c: ContactInput) -> Self {
        let ContactInput {
            name,
            phones,
            title,
            email,
            wechat,
        } = c;
        Self {
            name,
            phones,
            title,
            email,
            wechat,
        }
    }
}

impl From<Contact> for ContactInput {
    fn from(c: Contact) -> Self {
        let Contact {
            name,
            phones,
            title,
            email,
            wechat,
        } = c;
        Self {
            name,
            phones,
            title,
            email,
            wechat,
        }
    }
}

/// How a customer wants to hear from the service department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationChannel {
    /// Text message to the first contact's first phone.
    #[default]
    Sms,
    /// E-mail to the first contact with an address.
    Email,
    /// WeChat to the first contact with an id.
    Wechat,
}

/// The language notifications are written in.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub enum Language {
    /// Simplified Chinese.
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    /// English.
    #[serde(rename = "en")]
    En,
}

/// A map position (WGS 84), for route planning.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    /// Latitude, −90 to 90.
    #[schemars(transform = &limits::LATITUDE)]
    pub lat: f64,
    /// Longitude, −180 to 180.
    #[schemars(transform = &limits::LONGITUDE)]
    pub lon: f64,
}

/// Request: register a customer (`svc.intake.customer.create`). A phone number already on
/// file is refused (409) with the customer it belongs to, instead of a duplicate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomer {
    /// Company or person, 1–200 characters.
    #[schemars(transform = &limits::NAME)]
    pub company: String,
    /// Contacts, 1–20.
    #[schemars(transform = &limits::CONTACTS)]
    pub contacts: Vec<ContactInput>,
    /// Street address, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::ADDRESS)]
    pub address: String,
    /// Service district, 1–64 characters.
    #[schemars(transform = &limits::DISTRICT)]
    pub district: String,
    /// Map position, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Tier (default standard).
    #[serde(default)]
    pub tier: CustomerTier,
    /// How the customer wants to be told about their requests (default SMS).
    #[serde(default)]
    pub preferred_channel: NotificationChannel,
    /// The language of those messages (default zh-CN).
    #[serde(default)]
    pub language: Language,
    /// Notes, up to 2000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTES)]
    pub notes: String,
}

/// A customer as the gateway shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Customer {
    /// UUIDv7.
    pub id: Uuid,
    /// Human number, `C2026-000042`.
    pub number: String,
    /// Company or person.
    pub company: String,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Street address.
    pub address: String,
    /// Service district.
    pub district: String,
    /// Map position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Tier.
    pub tier: CustomerTier,
    /// How the customer wants to be told about their requests.
    pub preferred_channel: NotificationChannel,
    /// The language of those messages.
    pub language: Language,
    /// Notes.
    pub notes: String,
    /// Active, inactive (not offered for new tickets) or merged into another record.
    #[serde(default)]
    pub status: CustomerStatus,
    /// The record this one was merged into: use that one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<Uuid>,
    /// Registered.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Request: find customers (`svc.intake.customer.find`): by name prefix, by any phone
/// number of a contact, or by the serial number of one of their machines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindCustomers {
    /// Company name starts with this (case-insensitive), 1–200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A contact's phone (any formatting: `+86 20 5555 0101` finds `020-55550101`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// A machine's serial number (any brand).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serial: Option<String>,
    /// Also inactive customers (never merged ones).
    #[serde(default)]
    pub include_inactive: bool,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: register a machine at a customer (`svc.intake.machine.register`). The serial
/// number is unique per brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterMachine {
    /// The owner.
    pub customer_id: Uuid,
    /// Product line: one of the configured lines (copier, fax, printer, software, …).
    #[schemars(transform = &limits::MACHINE_FIELD)]
    pub product_line: String,
    /// Brand, e.g. Sharp.
    #[schemars(transform = &limits::MACHINE_FIELD)]
    pub brand: String,
    /// Model, e.g. AR-2048.
    #[schemars(transform = &limits::MACHINE_FIELD)]
    pub model: String,
    /// Serial number (机身号).
    #[schemars(transform = &limits::MACHINE_FIELD)]
    #[schemars(transform = &limits::SERIAL)]
    pub serial: String,
    /// Purchase date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_date: Option<NaiveDate>,
    /// Warranty end; default: purchase date plus the product line's warranty months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end: Option<NaiveDate>,
    /// Where it stands at the customer, up to 200 characters.
    #[serde(default)]
    #[schemars(transform = &limits::INSTALL_LOCATION)]
    pub install_location: String,
}

/// A machine as the gateway shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Machine {
    /// UUIDv7.
    pub id: Uuid,
    /// The owner.
    pub customer_id: Uuid,
    /// Product line.
    pub product_line: String,
    /// Brand.
    pub brand: String,
    /// Model.
    pub model: String,
    /// Serial number.
    pub serial: String,
    /// Purchase date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_date: Option<NaiveDate>,
    /// Warranty end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end: Option<NaiveDate>,
    /// Where it stands.
    pub install_location: String,
    /// The last meter reading (复印量) a technician reported, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_meter_reading: Option<MeterReading>,
    /// The annual maintenance contract covering it (from billing, or set by the desk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<MachineContract>,
    /// Notes.
    #[serde(default)]
    pub notes: String,
    /// Registered.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// The contract reference on a machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MachineContract {
    /// Contract number, `K2026-000001`.
    #[schemars(transform = &limits::NUMBER)]
    pub number: String,
    /// Last day covered.
    pub ends_on: NaiveDate,
}

/// A meter reading (复印量) from a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct MeterReading {
    /// Pages counted.
    pub reading: u64,
    /// When it was read (the visit's end).
    pub at: DateTime<Utc>,
    /// The work order of the visit.
    pub work_order_id: Uuid,
}

/// Request: the machines of a customer (`svc.intake.machine.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListMachines {
    /// The owner.
    pub customer_id: Uuid,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: register a warranty card (保修卡) (`svc.intake.warranty.register`): creates
/// or links the customer (by phone) and the machine (by brand and serial).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterWarrantyCard {
    /// The number printed on the card, 1–64 characters; unique.
    #[schemars(transform = &limits::NUMBER)]
    pub card_number: String,
    /// The customer as written on the card; an existing customer with one of its phones
    /// is linked instead of created.
    pub customer: CreateCustomer,
    /// The machine; an existing machine with this brand and serial is linked.
    #[schemars(transform = &limits::MACHINE)]
    pub machine: MachineInfo,
}

/// Reply to a warranty card: what was created or linked, and the follow-ups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WarrantyCard {
    /// The card number.
    pub card_number: String,
    /// The customer.
    pub customer: Customer,
    /// The machine.
    pub machine: Machine,
    /// Whether the customer was already on file.
    pub existing_customer: bool,
    /// The welcome call is due by this instant (2 working days).
    pub welcome_call_due: DateTime<Utc>,
    /// The first maintenance visit is to be booked by this date (7 days).
    pub first_maintenance_by: NaiveDate,
}

/// Event `intake.warranty.registered`: a warranty card came in. Dispatch books the first
/// maintenance visit; the welcome call is due within two working days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WarrantyRegistered {
    /// The card number.
    pub card_number: String,
    /// The customer.
    pub customer_id: Uuid,
    /// Company name, for the visit.
    pub company: String,
    /// District, for assignment.
    pub district: String,
    /// Address, for the visit.
    pub address: String,
    /// The machine.
    pub machine_id: Uuid,
    /// Its description.
    pub machine: MachineInfo,
    /// Warranty end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warranty_end: Option<NaiveDate>,
    /// The welcome call is due by then.
    pub welcome_call_due: DateTime<Utc>,
    /// The first maintenance visit is to be booked by then.
    pub first_maintenance_by: NaiveDate,
}

impl Event for WarrantyRegistered {
    const TYPE: &'static str = "intake.warranty.registered";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.machine_id.to_string()
    }
}

impl WarrantyRegistered {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            card_number: "WC-0001".into(),
            customer_id: Uuid::nil(),
            company: "Tianhe Printing Co.".into(),
            district: "tianhe".into(),
            address: "1 Tianhe Rd".into(),
            machine_id: Uuid::nil(),
            machine: MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "SN123".into(),
                purchase_date: None,
            },
            warranty_end: None,
            welcome_call_due: DateTime::<Utc>::UNIX_EPOCH,
            first_maintenance_by: NaiveDate::MIN,
        }
    }
}

/// Event `intake.ticket.visit_requested`: an agent decided after triage (or on reopening)
/// that the ticket needs a visit; dispatch creates a work order as for a new ticket that
/// needs one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketVisitRequested {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// Request type.
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    /// Priority.
    pub priority: Priority,
    /// Symptom text.
    pub symptom: String,
    /// Customer (the technician needs the address and phone).
    pub customer: CustomerInfo,
    /// Machine, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// The customer's map position, when on file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// The visit must be done by then (the resolution deadline).
    pub resolution_due: DateTime<Utc>,
    /// When the visit was requested.
    pub requested_at: DateTime<Utc>,
}

impl Event for TicketVisitRequested {
    const TYPE: &'static str = "intake.ticket.visit_requested";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl TicketVisitRequested {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        let o = TicketOpened::example();
        Self {
            ticket_id: o.ticket_id,
            number: o.number,
            ticket_type: TicketType::Consultation,
            priority: Priority::P3,
            symptom: o.symptom,
            customer: o.customer,
            machine: o.machine,
            location: None,
            resolution_due: DateTime::<Utc>::UNIX_EPOCH,
            requested_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Which service-level target an SLA event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlaTarget {
    /// An agent acting on the ticket.
    FirstResponse,
    /// The ticket resolved.
    Resolution,
}

/// Data of the SLA events: the ticket, the target and its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaAlert {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// Priority.
    pub priority: Priority,
    /// District, for the dispatcher's board.
    pub district: String,
    /// The target concerned.
    pub target: SlaTarget,
    /// Its deadline.
    pub due_at: DateTime<Utc>,
    /// When this was noticed.
    pub at: DateTime<Utc>,
}

impl SlaAlert {
    fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            priority: Priority::P1,
            district: "tianhe".into(),
            target: SlaTarget::FirstResponse,
            due_at: DateTime::<Utc>::UNIX_EPOCH,
            at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Event `intake.ticket.sla_warning`: 80 % of a target's working time has passed and it
/// is not met yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct TicketSlaWarning(pub SlaAlert);

/// Event `intake.ticket.sla_breached`: a target's deadline passed without it being met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct TicketSlaBreached(pub SlaAlert);

impl Event for TicketSlaWarning {
    const TYPE: &'static str = "intake.ticket.sla_warning";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.0.ticket_id.to_string()
    }
}

impl Event for TicketSlaBreached {
    const TYPE: &'static str = "intake.ticket.sla_breached";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.0.ticket_id.to_string()
    }
}

impl TicketSlaWarning {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self(SlaAlert::example())
    }
}

impl TicketSlaBreached {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self(SlaAlert::example())
    }
}

/// Data of the promised-reply events: the ticket, who promised and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyAlert {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// District.
    pub district: String,
    /// The account that promised the reply.
    pub promised_by: String,
    /// The account responsible for the ticket, if one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The reply is due by then.
    pub reply_by: DateTime<Utc>,
    /// When this was noticed.
    pub at: DateTime<Utc>,
}

impl ReplyAlert {
    fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            district: "tianhe".into(),
            promised_by: "0190a0b0-0000-7000-8000-000000000001".into(),
            owner: None,
            reply_by: DateTime::<Utc>::UNIX_EPOCH,
            at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// Event `intake.ticket.reply_due`: 80 % of the time to a promised reply has passed and
/// the reply is not recorded yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct TicketReplyDue(pub ReplyAlert);

/// Event `intake.ticket.reply_overdue`: a promised reply's time passed without the reply
/// being recorded; it escalates to the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct TicketReplyOverdue(pub ReplyAlert);

impl Event for TicketReplyDue {
    const TYPE: &'static str = "intake.ticket.reply_due";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.0.ticket_id.to_string()
    }
}

impl Event for TicketReplyOverdue {
    const TYPE: &'static str = "intake.ticket.reply_overdue";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.0.ticket_id.to_string()
    }
}

impl TicketReplyDue {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self(ReplyAlert::example())
    }
}

impl TicketReplyOverdue {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self(ReplyAlert::example())
    }
}

/// Event `intake.complaint.escalated`: a complaint was not resolved within two working
/// days and goes to the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintEscalated {
    /// Ticket id.
    pub ticket_id: Uuid,
    /// Human number.
    pub number: String,
    /// The account that was responsible, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// District.
    pub district: String,
    /// The deadline that passed.
    pub due_at: DateTime<Utc>,
    /// When it was escalated.
    pub escalated_at: DateTime<Utc>,
}

impl Event for ComplaintEscalated {
    const TYPE: &'static str = "intake.complaint.escalated";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl ComplaintEscalated {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            owner: Some("0190a0b0-0000-7000-8000-000000000001".into()),
            district: "tianhe".into(),
            due_at: DateTime::<Utc>::UNIX_EPOCH,
            escalated_at: DateTime::<Utc>::UNIX_EPOCH,
        }
    }
}

/// One priority rule: every condition given must hold; the first rule that matches sets
/// the priority of a new ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriorityRule {
    /// The request type.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub ticket_type: Option<TicketType>,
    /// Words, any of which in the symptom (case-insensitive) matches, e.g. `["冒烟", "smoke"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(transform = &limits::KEYWORDS)]
    #[schemars(transform = &limits::KEYWORD)]
    pub keywords: Vec<String>,
    /// Whether the machine is down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine_down: Option<bool>,
    /// The customer's tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// The priority it sets.
    pub priority: Priority,
    /// Why the rule exists, up to 200 characters.
    #[serde(default)]
    #[schemars(transform = &limits::RULE_NOTE)]
    pub note: String,
}

/// The priority rules in the order they are tried, with the version of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PriorityRules {
    /// Rules, first match wins; a ticket no rule matches gets P4.
    pub rules: Vec<PriorityRule>,
    /// Version of the set, also the ETag.
    pub version: i64,
}

/// Request: replace the priority rules (`svc.intake.priority_rules.replace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplacePriorityRules {
    /// The new rules, 1–200, in order.
    #[schemars(transform = &limits::RULES)]
    pub rules: Vec<PriorityRule>,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: the priority rules (`svc.intake.priority_rules.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetPriorityRules {}

/// Request: add an article to the knowledge base (常见问题) (`svc.intake.faq.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateFaqArticle {
    /// The product line it is about (one of the configured lines).
    pub product_line: String,
    /// The question as customers ask it, 1–500 characters.
    #[schemars(transform = &limits::QUESTION)]
    pub question: String,
    /// The answer the agent gives, 1–8000 characters.
    #[schemars(transform = &limits::ANSWER)]
    pub answer: String,
}

/// A knowledge-base article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FaqArticle {
    /// UUIDv7.
    pub id: Uuid,
    /// Human number, `FAQ2026-000012`.
    pub number: String,
    /// Product line.
    pub product_line: String,
    /// Question.
    pub question: String,
    /// Answer.
    pub answer: String,
    /// Tickets resolved on the phone with it.
    pub uses: i64,
    /// Created.
    pub created_at: DateTime<Utc>,
}

/// Request: search the knowledge base (`svc.intake.faq.find`), most used first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindFaqArticles {
    /// Only this product line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_line: Option<String>,
    /// Words that must all appear in the question or answer (case-insensitive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Page size, 1–500.
    pub limit: u32,
}

/// What a ticket report is grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportGroup {
    /// Service district.
    District,
    /// Priority.
    Priority,
    /// Request type.
    Type,
    /// Customer tier.
    Tier,
    /// The machine's product line.
    ProductLine,
    /// The responsible account.
    Owner,
    /// Calendar month of opening (company time zone).
    Month,
    /// ISO week of opening.
    Week,
    /// The channel the request came in by (phone, web, email, chat, walk-in, dealer
    /// drop-off, planned).
    Channel,
}

/// Request: ticket figures for tickets opened in a period (`svc.intake.report.tickets`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketReportRequest {
    /// Opened at or after.
    pub from: DateTime<Utc>,
    /// Opened before.
    pub to: DateTime<Utc>,
    /// Grouping.
    pub group_by: ReportGroup,
}

/// Figures of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TicketReportRow {
    /// The group's key (`tianhe`, `p1`, `2026-11`, `(none)`…).
    pub key: String,
    /// Tickets opened.
    pub tickets: u64,
    /// Of those, answered by an agent.
    pub responded: u64,
    /// Answered within the first-response target.
    pub response_met: u64,
    /// Mean time to the first response, working minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_response_minutes: Option<f64>,
    /// Resolved (by a visit or on the phone).
    pub resolved: u64,
    /// Resolved within the resolution target.
    pub resolution_met: u64,
    /// Mean time to resolution, working minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean_resolution_minutes: Option<f64>,
    /// Share of targets due so far that were met (0–1), first response and resolution
    /// together; `None` when none was due yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_compliance: Option<f64>,
    /// Tickets whose SLA clock was paused (waiting for parts or for the customer).
    #[serde(default)]
    pub paused: u64,
    /// Working minutes their clocks stood still in all (current pauses up to now).
    #[serde(default)]
    pub paused_minutes: f64,
    /// Tickets reopened at least once (repeat repairs).
    pub reopened: u64,
    /// Complaints.
    pub complaints: u64,
}

/// A ticket report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TicketReport {
    /// The period.
    pub from: DateTime<Utc>,
    /// The period's end.
    pub to: DateTime<Utc>,
    /// Grouping.
    pub group_by: ReportGroup,
    /// One row per group, by key.
    pub rows: Vec<TicketReportRow>,
    /// All groups together.
    pub total: TicketReportRow,
}

/// Declares an enum of what a customer is told about from the one list of notification
/// kinds below, each with its wire name (`request_received`), with `ALL`, `name` and
/// `parse`: intake's [`NotificationKind`] is the list itself; the notifier's
/// [`crate::notifier::MessageKind`] is the list and a one-time code
/// (`pub enum MessageKind { extra variants } from NotificationKind`, which also writes
/// `From<NotificationKind>`).
macro_rules! notification_kinds {
    (@emit [$(#[$meta:meta])* $name:ident]
        $( $(#[$doc:meta])* $variant:ident = $wire:literal, )*) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            serde::Serialize,
            serde::Deserialize,
            schemars::JsonSchema,
        )]
        pub enum $name {
            $( $(#[$doc])* #[serde(rename = $wire)] $variant, )*
        }

        impl $name {
            /// Every kind, in the order declared.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// Its name on the wire and as stored (`request_received`).
            pub const fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)*
                }
            }

            /// The kind a name stands for.
            pub fn parse(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.name() == name)
            }
        }
    };
    (@list $head:tt [] $($list:tt)*) => {
        $crate::intake::notification_kinds!(@emit $head $($list)*);
    };
    (@list [$(#[$meta:meta])* $name:ident] [$base:ident; $($extra:tt)*]
        $( $(#[$doc:meta])* $variant:ident = $wire:literal, )*) => {
        $crate::intake::notification_kinds!(@emit [$(#[$meta])* $name]
            $( $(#[$doc])* $variant = $wire, )* $($extra)*);

        impl From<$base> for $name {
            fn from(kind: $base) -> Self {
                match kind {
                    $($base::$variant => Self::$variant,)*
                }
            }
        }
    };
    ($(#[$meta:meta])* pub enum $name:ident $({ $($extra:tt)* } from $base:ident)?) => {
        $crate::intake::notification_kinds!(@list [$(#[$meta])* $name] [$($base; $($extra)*)?]
            /// The request was registered.
            RequestReceived = "request_received",
            /// A technician is assigned.
            TechnicianBooked = "technician_booked",
            /// The repair waits for a part.
            WaitingForParts = "waiting_for_parts",
            /// The work is done.
            WorkDone = "work_done",
            /// A receipt was issued.
            ReceiptIssued = "receipt_issued",
            /// A callback is scheduled.
            CallbackDue = "callback_due",
            /// A link to answer the callback questionnaire on the web.
            AnswerLink = "answer_link",
            /// The machine was received at the workshop (内修 / 送修).
            MachineReceived = "machine_received",
            /// The machine is ready to go back: to collect, to be delivered or shipped
            /// back to the dealer.
            ReadyForReturn = "ready_for_return",
        );
    };
}
pub(crate) use notification_kinds;

notification_kinds! {
    /// What a customer is told about.
    pub enum NotificationKind
}

/// The text of one kind of message in one language. Placeholders: `{number}` (ticket),
/// `{company}`, `{technician}`, `{total}` (receipt, yuan), `{due}` (local date and time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationTemplate {
    /// Which message.
    pub kind: NotificationKind,
    /// Its language.
    pub language: Language,
    /// The text, 1–500 characters.
    #[schemars(transform = &limits::TEMPLATE)]
    pub text: String,
}

/// All templates with the version of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NotificationTemplates {
    /// One per kind and language.
    pub templates: Vec<NotificationTemplate>,
    /// Version of the set, also the ETag (0: the built-in texts).
    pub version: i64,
}

/// Request: the templates (`svc.intake.notification_templates.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetNotificationTemplates {}

/// Request: replace the templates (`svc.intake.notification_templates.replace`); every
/// kind needs a text in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceNotificationTemplates {
    /// The texts.
    pub templates: Vec<NotificationTemplate>,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

/// Event `notify.customer.notification`: a message for a sending integration to deliver.
/// It carries the customer's address and may carry an answer link, so it lives in the
/// short-lived NOTIFY stream only the notification sender may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerNotification {
    /// The ticket it is about.
    pub ticket_id: Uuid,
    /// Its number.
    pub number: String,
    /// The customer record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// What it is about.
    pub kind: NotificationKind,
    /// How to send it.
    pub channel: NotificationChannel,
    /// Where to: phone number, e-mail address or WeChat id.
    pub to: String,
    /// Its language.
    pub language: Language,
    /// The text.
    pub message: String,
}

impl Event for CustomerNotification {
    const TYPE: &'static str = "notify.customer.notification";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.ticket_id.to_string()
    }
}

impl CustomerNotification {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            ticket_id: Uuid::nil(),
            number: "T2026-000001".into(),
            customer_id: None,
            kind: NotificationKind::TechnicianBooked,
            channel: NotificationChannel::Sms,
            to: "+86 20 5555 0101".into(),
            language: Language::ZhCn,
            message: "您的报修 T2026-000001 已安排技术员 李伟 上门。".into(),
        }
    }
}

/// A product line and its terms: warranty and return window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductLine {
    /// Name, lower case, 1–64 characters (`copier`, `fax`, `3d_printer`).
    pub name: String,
    /// Months of warranty from purchase (0–120).
    #[schemars(transform = &limits::WARRANTY_MONTHS)]
    pub warranty_months: u32,
    /// Days after purchase a machine may be returned (0–365).
    #[schemars(transform = &limits::RETURN_DAYS)]
    pub return_days: u32,
}

/// Request: the product lines (`svc.intake.product_line.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListProductLines {}

/// One service-level target: for tickets of this priority and customer tier (and type, when
/// given), an agent must act within `first_response_minutes` and the ticket be resolved
/// within `resolution_minutes`, counted in working time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaTargetRule {
    /// Only for this request type (e.g. complaints); rules with a type are tried first.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub ticket_type: Option<TicketType>,
    /// Priority.
    pub priority: Priority,
    /// Customer tier.
    pub tier: CustomerTier,
    /// Working minutes to the first response, 1–100000.
    #[schemars(transform = &limits::SLA_MINUTES)]
    pub first_response_minutes: u32,
    /// Working minutes to the resolution, 1–100000, not less than the first response.
    #[schemars(transform = &limits::SLA_MINUTES)]
    pub resolution_minutes: u32,
}

/// The SLA targets with the version of the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SlaPolicy {
    /// Targets; every priority and tier has one without a type.
    pub targets: Vec<SlaTargetRule>,
    /// Version of the set, also the ETag (0: the built-in targets).
    pub version: i64,
}

crate::rpc::setting_history_request!(IntakeSettingHistory, "svc.intake.setting.history");

/// Request: the SLA targets (`svc.intake.sla_policy.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetSlaPolicy {}

/// Request: replace the SLA targets (`svc.intake.sla_policy.replace`); they apply to
/// tickets opened (or re-prioritised) afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceSlaPolicy {
    /// The targets.
    pub targets: Vec<SlaTargetRule>,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

crate::rpc::id_request!(
    /// Request: one ticket by id or number (`svc.intake.ticket.get`).
    GetTicket
);
crate::rpc::id_request!(
    /// Request: one FAQ article (`svc.intake.faq.get`).
    GetFaqArticle
);
crate::rpc::id_request!(
    /// Request: one customer by id or number (`svc.intake.customer.get`).
    GetCustomer
);

#[cfg(test)]
mod tests {
    use super::*;

    fn property(schema: &schemars::Schema, name: &str) -> serde_json::Value {
        schema.as_value()["properties"][name].clone()
    }

    #[test]
    fn a_phone_states_its_length_and_its_shape() {
        let s = schemars::schema_for!(Reporter);
        let phone = property(&s, "phone");
        assert_eq!(phone["minLength"], 5);
        assert_eq!(phone["maxLength"], 32);
        assert_eq!(phone["pattern"], limits::PHONE.pattern);
        let contact = schemars::schema_for!(Contact);
        let phones = property(&contact, "phones");
        assert_eq!(
            (phones["minItems"].clone(), phones["maxItems"].clone()),
            (1.into(), 5.into())
        );
        // Replies carry phones masked (`138****5678`): a contact states only their length.
        assert_eq!(phones["items"]["maxLength"], 32);
        assert_eq!(
            property(&contact, "email")["pattern"],
            limits::EMAIL.pattern
        );
        assert_ne!(
            phones["items"]["pattern"],
            limits::PHONE.pattern,
            "{phones}"
        );
        // A request's contact states the shape the validator checks, from the same limit.
        let input = schemars::schema_for!(ContactInput);
        let phones = property(&input, "phones");
        assert_eq!(phones["items"]["pattern"], limits::PHONE.pattern);
        assert_eq!(phones["items"]["minLength"], 5);
        assert_eq!(phones["items"]["maxLength"], 32);
        assert_eq!(phones["maxItems"], 5);
        let create = schemars::schema_for!(CreateCustomer);
        assert_eq!(
            property(&create, "contacts")["items"]["$ref"],
            "#/$defs/ContactInput"
        );
    }

    #[test]
    fn shapes_accept_what_their_patterns_say() {
        let phone = regex::Regex::new(limits::PHONE.pattern).expect("pattern");
        for p in [
            "020-5555-0101",
            "+86 20 5555 0101",
            "(020) 55550101",
            "0012345",
            "12345",
        ] {
            assert!((limits::PHONE.matches)(p) && phone.is_match(p), "{p}");
        }
        for p in ["00000", "1234", "020 555 x", " 0 0 1 2 3 4", "abcde"] {
            assert_eq!((limits::PHONE.matches)(p), phone.is_match(p), "{p}");
        }
        assert!(!(limits::PHONE.matches)("00000") && !(limits::PHONE.matches)("1234"));
        let email = regex::Regex::new(limits::EMAIL.pattern).expect("pattern");
        for m in [
            "a@b",
            "@",
            "li.wei@example.com",
            " a@b",
            "a@b ",
            "ab",
            "a @ b",
        ] {
            assert_eq!((limits::EMAIL.matches)(m), email.is_match(m), "{m}");
        }
        let serial = regex::Regex::new(limits::SERIAL.pattern).expect("pattern");
        for s in ["AR-2048", "-", " - ", "x", ""] {
            assert_eq!((limits::SERIAL.matches)(s), serial.is_match(s), "{s}");
        }
    }
}
