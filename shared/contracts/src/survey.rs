//! Survey's events and requests: callbacks (回访), the questionnaire they follow, scores
//! and rankings, follow-ups of unhappy answers, the quarterly satisfaction campaign and
//! quality warnings.
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::rpc::ListOrder;
use crate::{Event, Service};

pub mod calls;
pub use calls::{
    Assignee, AssignmentRule, CallAssignmentRules, CallAttempt, CallOutcome, CallResult, CallTask,
    CallTaskDue, CallTaskEscalated, CallTaskKind, CallTaskRefs, CallTaskState, CallTaskTiming,
    CloseCallTask, GetCallAssignmentRules, GetCallTask, ListCallTasks, ListReceivableChases,
    ReassignCallTask, ReceivableChase, ReceivableChaseList, RecordCallAttempt,
    ReplaceCallAssignmentRules,
};
pub mod daily;
pub use daily::{
    CallbackSheetLine, DailyFollowUp, DailyProblems, DailyReport, DailyReportPublished,
    DistrictDay, GetDailyReport, ListDailyReports, NewContactLine, TechnicianDay,
    WorkOrderStatistics,
};

/// The limits survey checks on requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Count, Range, Shape, Text};

    /// An answer link's token.
    pub const TOKEN: Text = Text::new(20, 100);
    /// How a follow-up was resolved.
    pub const RESOLUTION: Text = Text::new(1, 2000);
    /// A campaign's quarter, `2026-Q4`.
    pub const QUARTER: Shape = Shape {
        pattern: r"^(20[0-9]{2}|2100)-Q[1-4]$",
        matches: |q| {
            let b = q.as_bytes();
            q.len() == 7
                && (q.starts_with("20") && b[2..4].iter().all(u8::is_ascii_digit)
                    || q.starts_with("2100"))
                && &q[4..6] == "-Q"
                && (b'1'..=b'4').contains(&b[6])
        },
    };
    /// Months of visits that make a customer active for a campaign.
    pub const ACTIVE_MONTHS: Range = Range::new(1, 36);
    /// Questions of a questionnaire.
    pub const QUESTIONS: Count = Count::new(1, 30);
    /// A question's key: 1–40 of `a-z`, `0-9`, `_`.
    pub const KEY: Shape = Shape {
        pattern: r"^[a-z0-9_]{1,40}$",
        matches: |k| {
            (1..=40).contains(&k.len())
                && k.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        },
    };
    /// A question's text, in either language.
    pub const QUESTION_TEXT: Text = Text::new(1, 500);
    /// A questionnaire's level scores: each of the five levels once.
    pub const LEVELS: Count = Count::new(5, 5);
    /// A level's score, thousandths.
    pub const SCORE_MILLI: Range = Range::new(0, 10_000);
    /// A callback attempt's note.
    pub const NOTE: Text = Text::new(0, 500);
    /// Answers recorded with a call.
    pub const ANSWERS: Count = Count::new(0, 60);
    /// A free-text answer.
    pub const ANSWER_TEXT: Text = Text::new(0, 2000);
    /// Repeats in a window that raise a quality warning.
    pub const THRESHOLD: Range = Range::new(2, 10_000);
}

/// Why a callback exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallbackKind {
    /// After a completed work order (the 100 % callback).
    Visit,
    /// Part of a quarterly satisfaction campaign.
    Campaign,
}

/// Callback state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    /// Waiting for its due time (also after a reschedule or a missed attempt).
    Scheduled,
    /// The customer answered.
    Completed,
    /// Every attempt of the retry policy failed.
    Unreachable,
    /// The customer declined to answer.
    Refused,
}

/// How one attempt to reach the customer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttemptOutcome {
    /// The customer answered the questionnaire.
    Completed,
    /// The customer could not talk; a time was agreed (`rescheduled_to`).
    Busy,
    /// Nobody answered; retried by the policy, then closed as unreachable.
    Unreachable,
    /// The customer declined.
    Refused,
}

/// Where an answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerChannel {
    /// A callback agent's call.
    Phone,
    /// The customer's own answer through a single-use link.
    Web,
}

/// The five rating levels of the questionnaire.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 很满意.
    VerySatisfied,
    /// 满意.
    Satisfied,
    /// 一般.
    Neutral,
    /// 不满意.
    Dissatisfied,
    /// 很不满意.
    VeryDissatisfied,
}

/// Whom a rating question rates; scores are kept per technician and per agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rated {
    /// The technician who did the visit.
    Technician,
    /// The agent who took the request.
    Agent,
}

/// The kind of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// One of the five levels.
    Rating,
    /// Free text.
    Text,
}

/// One question of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable key answers refer to, `[a-z0-9_]`, 1–40 characters.
    #[schemars(transform = &limits::KEY)]
    pub key: String,
    /// Kind of answer.
    pub kind: QuestionKind,
    /// Question text in Chinese, 1–500 characters.
    #[schemars(transform = &limits::QUESTION_TEXT)]
    pub text_zh: String,
    /// Question text in English, 1–500 characters.
    #[schemars(transform = &limits::QUESTION_TEXT)]
    pub text_en: String,
    /// For ratings: whose score it counts towards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<Rated>,
    /// Whether an answer is required to complete the callback.
    #[serde(default)]
    pub required: bool,
    /// For yes/no: a "no" means the problem persists (the ticket is reopened).
    #[serde(default)]
    pub problem_persists_on_no: bool,
}

/// The score of one level, in thousandths (1.1 = 1100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelScore {
    /// The level.
    pub level: Level,
    /// Its score in thousandths, 0–10000.
    #[schemars(transform = &limits::SCORE_MILLI)]
    pub score_milli: u32,
}

/// A version of the questionnaire. Versions are data: every answer keeps the version it
/// was given against, so older answers still score as they were asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Questionnaire {
    /// Version, counting from 1 (the built-in one).
    pub version: i64,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// Score per level; every level appears once.
    pub levels: Vec<LevelScore>,
    /// Level at or below which a rating needs a follow-up.
    pub follow_up_at: Level,
    /// When this version was saved.
    pub updated_at: DateTime<Utc>,
    /// Who saved it.
    pub updated_by: String,
}

/// Request: the current questionnaire (`svc.survey.questionnaire.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetQuestionnaire {}

/// Request: save a new questionnaire version (`svc.survey.questionnaire.replace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceQuestionnaire {
    /// The questions, 1–30.
    #[schemars(transform = &limits::QUESTIONS)]
    pub questions: Vec<Question>,
    /// Score per level; all five levels, each once.
    #[schemars(transform = &limits::LEVELS)]
    pub levels: Vec<LevelScore>,
    /// Level at or below which a rating needs a follow-up.
    pub follow_up_at: Level,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The question's key.
    pub key: String,
    /// For yes/no questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yes: Option<bool>,
    /// For rating questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// For text questions, up to 2,000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::ANSWER_TEXT)]
    pub text: Option<String>,
}

/// Scores of one answered callback, in thousandths (absent when nothing was rated).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallbackScores {
    /// Mean of the technician's ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_milli: Option<u32>,
    /// Mean of the agent's ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent_milli: Option<u32>,
    /// Mean of all ratings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall_milli: Option<u32>,
}

/// What the customer said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallbackAnswers {
    /// The questionnaire version asked.
    pub questionnaire_version: i64,
    /// The answers.
    pub answers: Vec<Answer>,
    /// Scores computed from them.
    pub scores: CallbackScores,
    /// A "no" to a problem-persists question.
    pub problem_persists: bool,
    /// Phone or web.
    pub channel: AnswerChannel,
    /// When answered.
    pub answered_at: DateTime<Utc>,
}

/// One attempt to reach the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CallbackAttempt {
    /// When.
    pub at: DateTime<Utc>,
    /// How it ended.
    pub outcome: AttemptOutcome,
    /// Who called (`web` for a link answer).
    pub actor: String,
    /// Note, up to 500 characters.
    pub note: String,
    /// The agreed or retry time, when the callback stays open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due_at: Option<DateTime<Utc>>,
}

/// A callback task.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Callback {
    /// UUIDv7.
    pub id: Uuid,
    /// Visit or campaign.
    pub kind: CallbackKind,
    /// The work order it follows up (for a campaign: the customer's latest visit).
    pub work_order_id: Uuid,
    /// Its human number.
    pub work_order_number: String,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The campaign, for campaign callbacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<Uuid>,
    /// The technician being rated.
    pub technician_id: Uuid,
    /// Their name.
    pub technician_name: String,
    /// Their team.
    pub team: String,
    /// The agent who took the request, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The customer's record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Customer name.
    pub customer_name: String,
    /// District.
    pub district: String,
    /// State.
    pub status: CallbackStatus,
    /// When the (next) call is due.
    pub due_at: DateTime<Utc>,
    /// Due and still open.
    pub overdue: bool,
    /// Failed attempts so far (unreachable).
    pub failed_attempts: u32,
    /// Every attempt, oldest first.
    pub attempts: Vec<CallbackAttempt>,
    /// The answers, once completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<CallbackAnswers>,
    /// When the task was created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: list callbacks (`svc.survey.callback.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListCallbacks {
    /// Only this work order's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<Uuid>,
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CallbackStatus>,
    /// Only visit or campaign callbacks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<CallbackKind>,
    /// Only one campaign's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_id: Option<Uuid>,
    /// Only open callbacks already due (the day's call list and the overdue ones).
    #[serde(default)]
    pub due_only: bool,
    /// Due at or before this instant (with `due_only`; default now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_before: Option<DateTime<Utc>>,
    /// Sort by due time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<ListOrder>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: record one attempt (`svc.survey.callback.record`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordCallback {
    /// Callback id (from the path).
    pub callback_id: String,
    /// How the attempt ended.
    pub outcome: AttemptOutcome,
    /// The answers (`completed` only), up to 60.
    #[serde(default)]
    #[schemars(transform = &limits::ANSWERS)]
    pub answers: Vec<Answer>,
    /// The agreed time to call again (`busy` only; required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rescheduled_to: Option<DateTime<Utc>>,
    /// Note, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: make a single-use answer link for the customer (`svc.survey.callback.issue_link`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueAnswerLink {
    /// Callback id (from the path).
    pub callback_id: String,
}

/// A single-use answer link; the token is shown once and stored only as a hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerLink {
    /// The callback.
    pub callback_id: Uuid,
    /// The token, to put in the link `/answer.html#<token>`.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

/// Request: the form behind a link (`svc.survey.form.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetAnswerForm {
    /// The link's token.
    #[schemars(transform = &limits::TOKEN)]
    pub token: String,
}

/// What a customer sees on the answer form: the visit and the questions, nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AnswerForm {
    /// Work order number of the visit.
    pub work_order_number: String,
    /// Technician's name.
    pub technician_name: String,
    /// The visit's date.
    pub visit_date: NaiveDate,
    /// The questions.
    pub questions: Vec<Question>,
    /// Questionnaire version answered against.
    pub questionnaire_version: i64,
    /// When the link expires.
    pub expires_at: DateTime<Utc>,
}

/// Request: answer through a link (`svc.survey.form.answer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerByLink {
    /// The link's token.
    #[schemars(transform = &limits::TOKEN)]
    pub token: String,
    /// The answers, up to 60.
    #[schemars(transform = &limits::ANSWERS)]
    pub answers: Vec<Answer>,
}

/// Follow-up state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// The responsible agent must answer the customer.
    Open,
    /// Not resolved in two working days: with the manager.
    Escalated,
    /// Answered.
    Resolved,
}

/// A follow-up of an unhappy rating or a comment: the responsible agent answers the
/// customer within one working day, or it escalates after two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUp {
    /// UUIDv7.
    pub id: Uuid,
    /// The callback that raised it.
    pub callback_id: Uuid,
    /// Its work order.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The responsible agent, when known (otherwise any agent takes it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// What raised it: low ratings and the comment.
    pub reasons: Vec<String>,
    /// State.
    pub status: FollowUpStatus,
    /// Answer due (one working day).
    pub due_at: DateTime<Utc>,
    /// Escalation time (two working days).
    pub escalate_at: DateTime<Utc>,
    /// How it was resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    /// When resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_at: Option<DateTime<Utc>>,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: list follow-ups (`svc.survey.followup.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListFollowUps {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FollowUpStatus>,
    /// Only this agent's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Only the follow-ups of this ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: close a follow-up (`svc.survey.followup.resolve`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolveFollowUp {
    /// Follow-up id (from the path).
    pub followup_id: String,
    /// What the customer was told, 1–2,000 characters.
    #[schemars(transform = &limits::RESOLUTION)]
    pub resolution: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Whom a score line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScoreGroup {
    /// Per technician.
    Technician,
    /// Per agent.
    Agent,
    /// Per team.
    Team,
    /// Per district.
    District,
}

/// Request: scores over a period (`svc.survey.report.scores`); callbacks count in the
/// period they were answered in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreReportRequest {
    /// Grouping.
    pub group_by: ScoreGroup,
    /// First local day.
    pub from: NaiveDate,
    /// Last local day (inclusive).
    pub to: NaiveDate,
}

/// The mean score of one question over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ItemScore {
    /// Question key.
    pub key: String,
    /// Ratings given.
    pub ratings: u32,
    /// Mean, thousandths (rounded half up).
    pub mean_milli: u32,
}

/// One line of a score report or ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ScoreLine {
    /// Rank (1 = best; ties share a rank, the next rank skips).
    pub rank: u32,
    /// Technician id, agent, team or district.
    pub key: String,
    /// Display name (technician's name; otherwise the key).
    pub name: String,
    /// Answered callbacks with at least one rating counted.
    pub callbacks: u32,
    /// Mean score (thousandths): the technician's ratings for technicians, the agent's for
    /// agents, all ratings for teams and districts.
    pub mean_milli: u32,
    /// Mean per question.
    pub items: Vec<ItemScore>,
    /// Callbacks that found the problem back.
    pub repeat_repairs: u32,
}

/// A score report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ScoreReport {
    /// Grouping.
    pub group_by: ScoreGroup,
    /// First local day.
    pub from: NaiveDate,
    /// Last local day.
    pub to: NaiveDate,
    /// Lines, best first.
    pub lines: Vec<ScoreLine>,
}

/// A ranking period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RankingKind {
    /// Monday–Sunday; published on Monday.
    Weekly,
    /// A calendar month; published on the 3rd.
    Monthly,
}

/// The prominent problems of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProminentProblems {
    /// The lowest-scoring questions, lowest first (up to 3).
    pub lowest_items: Vec<ItemScore>,
    /// Comments given (up to 50, newest first).
    pub comments: Vec<String>,
    /// Work orders whose callback found the problem back.
    pub repeat_repairs: Vec<String>,
}

/// An immutable ranking snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Ranking {
    /// UUIDv7.
    pub id: Uuid,
    /// Weekly or monthly.
    pub kind: RankingKind,
    /// First local day.
    pub period_start: NaiveDate,
    /// Last local day.
    pub period_end: NaiveDate,
    /// Technicians, best first.
    pub technicians: Vec<ScoreLine>,
    /// Agents, best first.
    pub agents: Vec<ScoreLine>,
    /// What went wrong most.
    pub problems: ProminentProblems,
    /// When published.
    pub published_at: DateTime<Utc>,
}

/// Request: list ranking snapshots, newest period first (`svc.survey.ranking.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListRankings {
    /// Only weekly or monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<RankingKind>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: publish the ranking of a closed period now (`svc.survey.ranking.publish`);
/// a period already published returns its snapshot unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishRanking {
    /// Weekly or monthly.
    pub kind: RankingKind,
    /// Any day inside the period.
    pub day: NaiveDate,
}

/// Request: start a quarterly satisfaction campaign (`svc.survey.campaign.start`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartCampaign {
    /// Quarter, `2026-Q4`.
    #[schemars(transform = &limits::QUARTER)]
    pub quarter: String,
    /// Customers with a completed visit in this many months before the start are active;
    /// 1–36, default 12.
    #[serde(default = "default_active_months")]
    #[schemars(transform = &limits::ACTIVE_MONTHS)]
    pub active_months: u32,
}

fn default_active_months() -> u32 {
    12
}

/// A satisfaction campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Campaign {
    /// UUIDv7.
    pub id: Uuid,
    /// Quarter.
    pub quarter: String,
    /// Callbacks created (one per active customer).
    pub callbacks: u32,
    /// Answered so far.
    pub answered: u32,
    /// Who started it.
    pub started_by: String,
    /// When.
    pub started_at: DateTime<Utc>,
}

/// Request: list campaigns (`svc.survey.campaign.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListCampaigns {}

/// Satisfaction index groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndexGroup {
    /// Per team.
    Team,
    /// Per district.
    District,
}

/// Period length of an index trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

/// Request: the satisfaction index trend (`svc.survey.report.satisfaction`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SatisfactionRequest {
    /// Grouping.
    pub group_by: IndexGroup,
    /// Period length.
    pub interval: Interval,
    /// First local day.
    pub from: NaiveDate,
    /// Last local day (inclusive).
    pub to: NaiveDate,
}

/// The index of one group in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SatisfactionPoint {
    /// Team or district; `all` for the whole department.
    pub group: String,
    /// `2026-11` or `2026-Q4`.
    pub period: String,
    /// Ratings counted.
    pub ratings: u32,
    /// Index 0–100 in tenths: 0 when every rating is the lowest level, 1000 when every
    /// rating is the highest.
    pub index_tenths: u32,
    /// Change from the group's previous period, in tenths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_tenths: Option<i32>,
}

/// The satisfaction index trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SatisfactionReport {
    /// Points, by group then period.
    pub points: Vec<SatisfactionPoint>,
}

/// Request: callback coverage (`svc.survey.report.coverage`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverageRequest {
    /// First local day of the visits counted.
    pub from: NaiveDate,
    /// Last local day (inclusive).
    pub to: NaiveDate,
}

/// How many visits were called back (target 100 %).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CoverageReport {
    /// First local day.
    pub from: NaiveDate,
    /// Last local day.
    pub to: NaiveDate,
    /// Completed visits in the period.
    pub visits: u32,
    /// Their callbacks that reached the customer (completed).
    pub completed: u32,
    /// Refused.
    pub refused: u32,
    /// Closed as unreachable.
    pub unreachable: u32,
    /// Still open.
    pub open: u32,
    /// Open and past due, right now.
    pub overdue: u32,
    /// Completed ÷ visits, in tenths of a percent.
    pub coverage_tenths: u32,
}

/// What repeats in a quality warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RepeatKind {
    /// The same fault code.
    Fault,
    /// The same part replaced.
    Part,
}

/// The window a warning counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QualityWindow {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
}

/// How many repeats in a window raise a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityThreshold {
    /// Window.
    pub window: QualityWindow,
    /// Visits with the same model and fault or part, 2–10,000.
    #[schemars(transform = &limits::THRESHOLD)]
    pub count: u32,
}

/// The thresholds quality warnings use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QualityThresholds {
    /// One per window.
    pub thresholds: Vec<QualityThreshold>,
    /// Version (0: the built-in defaults).
    pub version: i64,
}

crate::rpc::setting_history_request!(SurveySettingHistory, "svc.survey.setting.history");

/// Request: the thresholds (`svc.survey.quality_thresholds.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetQualityThresholds {}

/// Request: replace the thresholds (`svc.survey.quality_thresholds.replace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceQualityThresholds {
    /// One per window (each window at most once).
    pub thresholds: Vec<QualityThreshold>,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

/// A quality early warning with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QualityWarning {
    /// UUIDv7.
    pub id: Uuid,
    /// Brand.
    pub brand: String,
    /// Model.
    pub model: String,
    /// Fault or part.
    pub repeat: RepeatKind,
    /// The fault code or part SKU.
    pub key: String,
    /// Window.
    pub window: QualityWindow,
    /// First local day of the window.
    pub window_start: NaiveDate,
    /// Visits counted when raised.
    pub count: u32,
    /// The threshold reached.
    pub threshold: u32,
    /// Work order numbers (the evidence).
    pub work_orders: Vec<String>,
    /// When raised.
    pub raised_at: DateTime<Utc>,
}

/// Request: list quality warnings, newest first (`svc.survey.quality_warning.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListQualityWarnings {
    /// Only this model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: per-person figures for the appraisal (`svc.survey.report.appraisal`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppraisalRequest {
    /// First local day.
    pub from: NaiveDate,
    /// Last local day (inclusive).
    pub to: NaiveDate,
}

/// One person's appraisal figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AppraisalLine {
    /// `technician` or `agent`.
    pub role: String,
    /// Technician id or agent account.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Team (technicians).
    pub team: String,
    /// Workload: visits done (technicians) or requests taken that were visited (agents).
    pub workload: u32,
    /// Callbacks answered about them.
    pub rated_callbacks: u32,
    /// Quality: repeat repairs found by callbacks.
    pub repeat_repairs: u32,
    /// Follow-ups raised about their work.
    pub follow_ups: u32,
    /// Mean attitude rating (thousandths), when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude_milli: Option<u32>,
    /// Mean of all their ratings (thousandths), when rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_milli: Option<u32>,
}

/// The appraisal export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AppraisalReport {
    /// First local day.
    pub from: NaiveDate,
    /// Last local day.
    pub to: NaiveDate,
    /// Technicians then agents, by name.
    pub lines: Vec<AppraisalLine>,
}

/// Event `survey.callback.scheduled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackScheduled {
    /// Callback id.
    pub callback_id: Uuid,
    /// The work order it follows up.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The technician being rated.
    pub technician_id: Uuid,
    /// When the call is due.
    pub due_at: DateTime<Utc>,
}

impl Event for CallbackScheduled {
    const TYPE: &'static str = "survey.callback.scheduled";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.callback_id.to_string()
    }
}

/// Event `survey.callback.recorded`: a callback reached its end (answered, refused or
/// unreachable); intake closes the ticket unless the problem persists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackRecorded {
    /// Callback id.
    pub callback_id: Uuid,
    /// Visit or campaign.
    pub kind: CallbackKind,
    /// The work order.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// The technician rated.
    pub technician_id: Uuid,
    /// Completed, refused or unreachable.
    pub status: CallbackStatus,
    /// Scores (completed only).
    pub scores: CallbackScores,
    /// A "no" to a problem-persists question.
    pub problem_persists: bool,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for CallbackRecorded {
    const TYPE: &'static str = "survey.callback.recorded";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.callback_id.to_string()
    }
}

/// Event `survey.callback.problem_persists`: the customer says the machine is still not
/// working; intake reopens the ticket and counts a repeat repair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackProblemPersists {
    /// Callback id.
    pub callback_id: Uuid,
    /// The work order that did not fix it.
    pub work_order_id: Uuid,
    /// Its human number.
    pub work_order_number: String,
    /// The ticket to reopen.
    pub ticket_id: Uuid,
    /// The technician of the visit.
    pub technician_id: Uuid,
    /// What the customer said (comments), possibly empty.
    pub comment: String,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for CallbackProblemPersists {
    const TYPE: &'static str = "survey.callback.problem_persists";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.callback_id.to_string()
    }
}

/// Event `notify.callback.link_issued`: a single-use answer link must reach the customer
/// (intake sends it on the customer's preferred channel). It carries the link's token, so
/// it lives in the short-lived NOTIFY stream, read by intake and the notification sender.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallbackLinkIssued {
    /// Callback id.
    pub callback_id: Uuid,
    /// The ticket whose customer gets it.
    pub ticket_id: Uuid,
    /// The link's token.
    pub token: String,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

impl Event for CallbackLinkIssued {
    const TYPE: &'static str = "notify.callback.link_issued";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.callback_id.to_string()
    }
}

/// Event `survey.followup.created`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpCreated {
    /// Follow-up id.
    pub followup_id: Uuid,
    /// The callback that raised it.
    pub callback_id: Uuid,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The responsible agent, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Why.
    pub reasons: Vec<String>,
    /// Answer due.
    pub due_at: DateTime<Utc>,
}

impl Event for FollowUpCreated {
    const TYPE: &'static str = "survey.followup.created";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.followup_id.to_string()
    }
}

/// Event `survey.followup.escalated`: unresolved after two working days, to the manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpEscalated {
    /// Follow-up id.
    pub followup_id: Uuid,
    /// The callback that raised it.
    pub callback_id: Uuid,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The responsible agent, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Why it was raised.
    pub reasons: Vec<String>,
    /// When it escalated.
    pub escalated_at: DateTime<Utc>,
}

impl Event for FollowUpEscalated {
    const TYPE: &'static str = "survey.followup.escalated";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.followup_id.to_string()
    }
}

/// Event `survey.ranking.published`: a weekly or monthly ranking snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankingPublished {
    /// Snapshot id (read it at `/rankings/{id}`).
    pub ranking_id: Uuid,
    /// Weekly or monthly.
    pub kind: RankingKind,
    /// First local day.
    pub period_start: NaiveDate,
    /// Last local day.
    pub period_end: NaiveDate,
    /// Technicians ranked.
    pub technicians: u32,
    /// Agents ranked.
    pub agents: u32,
}

impl Event for RankingPublished {
    const TYPE: &'static str = "survey.ranking.published";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.ranking_id.to_string()
    }
}

/// Event `survey.quality.warning_raised`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct QualityWarningRaised(pub QualityWarning);

impl Event for QualityWarningRaised {
    const TYPE: &'static str = "survey.quality.warning_raised";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Survey;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

crate::rpc::id_request!(
    /// Request: one callback (`svc.survey.callback.get`).
    GetCallback
);
crate::rpc::id_request!(
    /// Request: one follow-up (`svc.survey.followup.get`).
    GetFollowUp
);
crate::rpc::id_request!(
    /// Request: one published ranking (`svc.survey.ranking.get`).
    GetRanking
);
