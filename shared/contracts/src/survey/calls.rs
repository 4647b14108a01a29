//! Outbound calls (外呼): one record for every call the desk owes a customer (the callback
//! after a visit, the welcome call after a warranty card, the renewal call, the consumables
//! contact, the answer to a dissatisfied customer, a promised follow-up, the overdue
//! payment), queued by due time, assigned by the company's rules, worked with attempts and
//! closed with a result. Survey keeps them; the other services' events create them.
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Service};

/// The limits survey checks on call task requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Count, Each, Text};

    /// An attempt's or a result's note.
    pub const NOTE: Text = Text::new(0, 500);
    /// Who a task is given to: an account's user id or a queue name.
    pub const ASSIGNEE: Text = Text::new(1, 100);
    /// A product line, brand or district a rule matches.
    pub const MATCH: Text = Text::new(1, 100);
    /// Each product line, brand or district of a rule's lists.
    pub const EACH_MATCH: Each<Text> = Each(MATCH);
    /// Rules in the company's assignment setting.
    pub const RULES: Count = Count::new(1, 200);
}

/// Why a call is to be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallTaskKind {
    /// The callback after a visit or of a satisfaction campaign (回访).
    Callback,
    /// The first call to a customer whose warranty card came in (2 working days).
    WelcomeCall,
    /// This week's call about a contract or warranty that ends (续保).
    Renewal,
    /// The contact 7 days before a toner or drum runs out (耗材跟进).
    ConsumablesContact,
    /// The answer to a dissatisfied customer or a comment (1 working day).
    ComplaintAnswer,
    /// A reply promised to a customer.
    FollowUp,
    /// A receipt still owes money (应收帐款).
    OverduePayment,
}

impl CallTaskKind {
    /// Every kind, in the order the reference lists them.
    pub const ALL: [CallTaskKind; 7] = [
        CallTaskKind::Callback,
        CallTaskKind::WelcomeCall,
        CallTaskKind::Renewal,
        CallTaskKind::ConsumablesContact,
        CallTaskKind::ComplaintAnswer,
        CallTaskKind::FollowUp,
        CallTaskKind::OverduePayment,
    ];
}

/// Where a call task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallTaskState {
    /// To be called (due now, overdue or later).
    Open,
    /// Done, with a result.
    Closed,
}

/// Where an open task is in its queue at the time it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallTaskTiming {
    /// Due today and the due time has come: call it now.
    DueNow,
    /// Due on an earlier day and still open.
    Overdue,
    /// Not due yet.
    Later,
    /// Closed.
    Closed,
}

/// How one call attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// The customer was reached (close the task with its result).
    Reached,
    /// The customer could not talk; `next_try_at` is the time agreed with them.
    Busy,
    /// Nobody answered; tried again at `next_try_at` (default: two working hours later).
    Unreachable,
    /// The customer refused to talk.
    Refused,
}

/// How a task ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallResult {
    /// The call did what it was for (answered, booked, renewed, paid, sold).
    Done,
    /// The customer declined (no renewal, no consumables, refused the callback).
    Declined,
    /// The customer could not be reached.
    Unreachable,
    /// No longer needed (the callback was answered on the web, the receipt was paid).
    Cancelled,
}

/// Whom a rule gives its tasks to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "to", rename_all = "snake_case", deny_unknown_fields)]
pub enum Assignee {
    /// The callback specialist's queue (客户回访专员), `callback_specialist`.
    CallbackSpecialist,
    /// The queue of the agent of the task's district (片区客服专员), `district:<district>`.
    DistrictAgent,
    /// One account, by user id.
    User {
        /// The account's user id.
        #[schemars(transform = &limits::ASSIGNEE)]
        user: String,
    },
}

/// One assignment rule: every list given must contain the task's value (an empty list
/// matches anything); the first rule that matches assigns the task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRule {
    /// The kinds of task it applies to.
    #[serde(default)]
    pub kinds: Vec<CallTaskKind>,
    /// Product lines (`copier`, `fax`, …), compared without case.
    #[serde(default)]
    #[schemars(transform = &limits::EACH_MATCH)]
    pub product_lines: Vec<String>,
    /// Brands (`Sharp`, `Panasonic`, …), compared without case.
    #[serde(default)]
    #[schemars(transform = &limits::EACH_MATCH)]
    pub brands: Vec<String>,
    /// Districts, compared without case.
    #[serde(default)]
    #[schemars(transform = &limits::EACH_MATCH)]
    pub districts: Vec<String>,
    /// Whom the tasks go to.
    pub assignee: Assignee,
}

/// The company's assignment rules for call tasks (a versioned company setting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallAssignmentRules {
    /// The rules, tried in order.
    pub rules: Vec<AssignmentRule>,
    /// The setting's version (0: the built-in rules).
    pub version: i64,
}

/// Request: the assignment rules in force (`svc.survey.call_rules.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetCallAssignmentRules {}

/// Request: replace the assignment rules (`svc.survey.call_rules.replace`); tasks already
/// assigned keep their assignee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceCallAssignmentRules {
    /// The rules, 1–200, tried in order.
    #[schemars(transform = &limits::RULES)]
    pub rules: Vec<AssignmentRule>,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

/// One call attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallAttempt {
    /// When.
    pub at: DateTime<Utc>,
    /// How it ended.
    pub outcome: CallOutcome,
    /// Who called.
    pub by: String,
    /// Note.
    pub note: String,
    /// The agreed or next time to call, when the task moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_try_at: Option<DateTime<Utc>>,
}

/// What the task is about, by the records of the other services.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallTaskRefs {
    /// The customer's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine_id: Option<Uuid>,
    /// The contract or warranty card number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    /// The ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// The receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<Uuid>,
    /// The callback (kind `callback`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_id: Option<Uuid>,
    /// The follow-up (kind `complaint_answer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followup_id: Option<Uuid>,
}

/// A call to make.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CallTask {
    /// UUIDv7.
    pub id: Uuid,
    /// What for.
    pub kind: CallTaskKind,
    /// Open or closed.
    pub state: CallTaskState,
    /// Due now, overdue, later or closed, as of the read.
    pub timing: CallTaskTiming,
    /// Whom it is assigned to: a user id, `callback_specialist` or `district:<district>`.
    pub assignee: String,
    /// How the assignee was chosen: `rule <n>` (1-based), `default` or `by <user>`.
    pub assigned_by: String,
    /// The customer's name.
    pub customer_name: String,
    /// The customer's district.
    pub district: String,
    /// The machine's product line, when the task is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_line: Option<String>,
    /// Its brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// The human reference the call is about (card, contract, receipt or work order
    /// number).
    pub reference: String,
    /// What to say, in short (the consumable, the amount owed, the reasons).
    pub about: String,
    /// The records it refers to.
    pub refs: CallTaskRefs,
    /// When the (next) call is due.
    pub due_at: DateTime<Utc>,
    /// When an open task goes to the manager.
    pub escalate_at: DateTime<Utc>,
    /// When the reminder for the current due time went out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminded_at: Option<DateTime<Utc>>,
    /// When it was escalated to the manager (once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_at: Option<DateTime<Utc>>,
    /// Every attempt, oldest first.
    pub attempts: Vec<CallAttempt>,
    /// How it ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<CallResult>,
    /// The result's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_note: Option<String>,
    /// When it was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<DateTime<Utc>>,
    /// Who closed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Request: the call queue (`svc.survey.call_task.list`): due now first, then overdue,
/// then later, each by due time; closed tasks last.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListCallTasks {
    /// Only this assignee's (a user id or a queue name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// Only this district's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Only this kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallTaskKind>,
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<CallTaskState>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

crate::rpc::id_request!(
    /// Request: one call task (`svc.survey.call_task.get`).
    GetCallTask
);

/// Request: record one call attempt (`svc.survey.call_task.attempt`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordCallAttempt {
    /// Task id (from the path).
    pub task_id: String,
    /// How it ended.
    pub outcome: CallOutcome,
    /// The time agreed with a busy customer (required with `busy`) or the next try of an
    /// unreachable one (default two working hours later); within 60 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_try_at: Option<DateTime<Utc>>,
    /// Note, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: give a task to someone else (`svc.survey.call_task.reassign`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReassignCallTask {
    /// Task id (from the path).
    pub task_id: String,
    /// The new assignee: a user id or a queue name, 1–100 characters.
    #[schemars(transform = &limits::ASSIGNEE)]
    pub assignee: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: close a task with its result (`svc.survey.call_task.close`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseCallTask {
    /// Task id (from the path).
    pub task_id: String,
    /// How it ended.
    pub result: CallResult,
    /// What was done, up to 500 characters (required for a complaint answer: it resolves
    /// the follow-up).
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Event `survey.call_task.due`: a call task's due time came; its assignee is reminded
/// (once per due time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallTaskDue {
    /// The task.
    pub task_id: Uuid,
    /// What for.
    pub kind: CallTaskKind,
    /// Its assignee.
    pub assignee: String,
    /// Its district.
    pub district: String,
    /// The reference the call is about.
    pub reference: String,
    /// The due time that came.
    pub due_at: DateTime<Utc>,
}

impl Event for CallTaskDue {
    const TYPE: &'static str = "survey.call_task.due";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.task_id.to_string()
    }
}

/// Event `survey.call_task.escalated`: a call task stayed open past its kind's escalation
/// time and goes to the manager (once per task).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallTaskEscalated {
    /// The task.
    pub task_id: Uuid,
    /// What for.
    pub kind: CallTaskKind,
    /// Its assignee.
    pub assignee: String,
    /// Its district.
    pub district: String,
    /// The reference the call is about.
    pub reference: String,
    /// When it was due.
    pub due_at: DateTime<Utc>,
    /// When it escalated.
    pub escalated_at: DateTime<Utc>,
}

impl Event for CallTaskEscalated {
    const TYPE: &'static str = "survey.call_task.escalated";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.task_id.to_string()
    }
}

/// Request: the weekly chase list of receivables (`svc.survey.receivable_chase.list`,
/// 应收帐款每周跟进): the receipts billing chased in one week (Monday to Sunday), each with
/// the call task that chases it and that task's assignee, by agent or district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListReceivableChases {
    /// Any day of the week (service-local); the week runs Monday to Sunday.
    pub week: chrono::NaiveDate,
    /// Only the chases whose call is assigned to this agent: a user id or a queue
    /// (`district:haizhu`), 1–100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::ASSIGNEE)]
    pub agent: Option<String>,
    /// Only this district's (any case), 1–100 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::MATCH)]
    pub district: Option<String>,
}

/// One receipt chased in a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReceivableChase {
    /// The receipt.
    pub invoice_id: Uuid,
    /// Its number.
    pub number: String,
    /// The customer.
    pub customer_name: String,
    /// The customer's record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The district survey last saw the customer's ticket in (empty when unknown).
    pub district: String,
    /// The service-local day billing chased it.
    pub chased_on: chrono::NaiveDate,
    /// Days since the receipt was issued, on that day.
    pub age_days: i64,
    /// Its ageing bucket on that day.
    pub bucket: crate::billing::AgeBucket,
    /// Still owed when it was chased.
    pub outstanding: crate::Money,
    /// The day an IOU (欠条) promised payment by, when that day had passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iou_promised_on: Option<chrono::NaiveDate>,
    /// The call task that chases it (one open per receipt: a chase while last week's call
    /// is still open is that call).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_task_id: Option<Uuid>,
    /// Who the call is assigned to now (a user id or a queue).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Whether the call is still open or closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_state: Option<CallTaskState>,
}

/// A week's chase list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReceivableChaseList {
    /// The week's Monday.
    pub week: chrono::NaiveDate,
    /// Its Sunday.
    pub last_day: chrono::NaiveDate,
    /// The receipts chased that week, by district, then agent, then receipt number.
    pub items: Vec<ReceivableChase>,
}
