//! The daily report (日报): what the manager reads at 18:00 on each working day — the
//! prominent customer problems of the day, the day's callback sheet (工单回访表), the
//! work-order statistics (工单统计表) and the new customer contacts (新客户联系情况明细).
//! Survey writes it once per working day from what it already keeps (tickets, visits,
//! callbacks, follow-ups and the outbound call queue) and announces it, so a mail
//! integration can send it on.
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::calls::{CallOutcome, CallResult, CallTaskState};
use super::{AttemptOutcome, ProminentProblems};
use crate::{Event, Service};

/// One working day's report, stored whole as written at the report time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DailyReport {
    /// UUIDv7.
    pub id: Uuid,
    /// The local working day it covers.
    pub date: NaiveDate,
    /// When it was written.
    pub generated_at: DateTime<Utc>,
    /// What customers complained of: the day's lowest-scoring questions, comments and
    /// repeat repairs from the callbacks answered, and the follow-ups opened.
    pub problems: DailyProblems,
    /// Every callback answered or tried that day (工单回访表), in the order made.
    pub callback_sheet: Vec<CallbackSheetLine>,
    /// The day's tickets and visits (工单统计表).
    pub work_orders: WorkOrderStatistics,
    /// The welcome calls to new customers (warranty cards) made or due that day
    /// (新客户联系情况明细).
    pub new_contacts: Vec<NewContactLine>,
}

/// The prominent customer problems of a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DailyProblems {
    /// From the callbacks answered that day.
    pub callbacks: ProminentProblems,
    /// Follow-ups opened that day for an unhappy rating or a comment.
    pub follow_ups: Vec<DailyFollowUp>,
}

/// A follow-up opened on the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DailyFollowUp {
    /// Follow-up id.
    pub followup_id: Uuid,
    /// The visit's work order number.
    pub work_order_number: String,
    /// Customer.
    pub customer_name: String,
    /// The agent who answers the customer, when known.
    pub agent: Option<String>,
    /// Why it was opened (low ratings, a comment).
    pub reasons: Vec<String>,
}

/// One line of the callback sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallbackSheetLine {
    /// Callback id.
    pub callback_id: Uuid,
    /// The visit's work order number.
    pub work_order_number: String,
    /// Customer.
    pub customer_name: String,
    /// District.
    pub district: String,
    /// Technician of the visit.
    pub technician_name: String,
    /// The agent who took the ticket, when known.
    pub agent: Option<String>,
    /// How the day's last call went: `completed` when answered, else busy, unreachable
    /// or refused.
    pub outcome: AttemptOutcome,
    /// Overall score, thousandths of the top level, when answered.
    pub overall_milli: Option<u32>,
    /// Whether the customer's problem came back.
    pub problem_persists: bool,
    /// The customer's comment, if any.
    pub comment: String,
    /// When the call was made.
    pub at: DateTime<Utc>,
}

/// The day's tickets and visits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkOrderStatistics {
    /// Tickets opened that day.
    pub tickets_opened: u32,
    /// Visits finished that day.
    pub visits_completed: u32,
    /// Callbacks answered that day.
    pub callbacks_answered: u32,
    /// Callbacks tried that day without an answer (busy, unreachable, refused).
    pub callbacks_not_reached: u32,
    /// Callbacks due by the end of the day and still open.
    pub callbacks_open: u32,
    /// Callbacks answered that day whose problem came back.
    pub repeat_repairs: u32,
    /// Visits finished per technician, most first.
    pub by_technician: Vec<TechnicianDay>,
    /// Tickets opened and visits finished per district.
    pub by_district: Vec<DistrictDay>,
}

/// One technician's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TechnicianDay {
    /// Technician id.
    pub technician_id: Uuid,
    /// Name.
    pub technician_name: String,
    /// Team.
    pub team: String,
    /// Visits finished.
    pub visits: u32,
}

/// One district's day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DistrictDay {
    /// District.
    pub district: String,
    /// Tickets opened.
    pub tickets_opened: u32,
    /// Visits finished.
    pub visits_completed: u32,
}

/// One new customer's welcome call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NewContactLine {
    /// The call task.
    pub task_id: Uuid,
    /// Customer.
    pub customer_name: String,
    /// District.
    pub district: String,
    /// The warranty card or machine the call is about.
    pub reference: String,
    /// What the call is about (brand, model).
    pub about: String,
    /// Who makes the call.
    pub assignee: String,
    /// When it is due.
    pub due_at: DateTime<Utc>,
    /// Where it stands at the report time.
    pub state: CallTaskState,
    /// The day's last attempt, if one was made.
    pub last_attempt: Option<CallOutcome>,
    /// How it ended, when closed.
    pub result: Option<CallResult>,
}

/// Request: the daily reports, newest day first (`svc.survey.daily_report.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListDailyReports {
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: the report of one day (`svc.survey.daily_report.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetDailyReport {
    /// The local day.
    pub date: NaiveDate,
}

/// Event `survey.daily_report.published`: a working day's report was written at the
/// report time (18:00); read it whole at `/daily-reports/{date}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DailyReportPublished {
    /// Report id.
    pub report_id: Uuid,
    /// The local working day it covers.
    pub date: NaiveDate,
    /// Tickets opened that day.
    pub tickets_opened: u32,
    /// Visits finished that day.
    pub visits_completed: u32,
    /// Callbacks answered that day.
    pub callbacks_answered: u32,
    /// Follow-ups opened that day.
    pub follow_ups: u32,
    /// Welcome calls to new customers made or due that day.
    pub new_contacts: u32,
}

impl Event for DailyReportPublished {
    const TYPE: &'static str = "survey.daily_report.published";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.date.to_string()
    }
}
