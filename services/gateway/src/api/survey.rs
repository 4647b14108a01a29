//! Survey routes: callbacks and their attempts, answer links and the public answer form,
//! follow-ups, reports (scores, coverage, satisfaction index, the appraisal export; each
//! as JSON or CSV), ranking snapshots, campaigns and quality warnings.
use aftercare_contracts::Role::{Admin, Manager};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::survey::{
    AnswerByLink, AnswerForm, AnswerLink, AppraisalReport, AppraisalRequest, Callback,
    CallbackKind, CallbackStatus, Campaign, CoverageReport, CoverageRequest, DailyReport, FollowUp,
    FollowUpStatus, GetAnswerForm, GetCallback, GetDailyReport, GetFollowUp, GetQualityThresholds,
    GetQuestionnaire, GetRanking, IndexGroup, Interval, IssueAnswerLink, ListCallbacks,
    ListCampaigns, ListDailyReports, ListFollowUps, ListQualityWarnings, ListRankings,
    PublishRanking, QualityThresholds, QualityWarning, Questionnaire, Ranking, RankingKind,
    RecordCallback, ReplaceQualityThresholds, ReplaceQuestionnaire, ResolveFollowUp,
    SatisfactionReport, SatisfactionRequest, ScoreGroup, ScoreReport, ScoreReportRequest,
    StartCampaign,
};
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::model::{callback_sort_schema, day_schema, due_schema};
use super::operation::{
    CURSOR, LIMIT, Param, Routes, get, path, path_id, post, query, report, schema,
};
use super::query::{parse_enum, parse_instant, parse_sort};
use super::roles::{
    CALLBACK_KEEPERS, CALLBACK_READERS, FOLLOW_UP_HANDLERS, QUALITY_READERS, RANKING_READERS,
    SURVEY_REPORT_READERS,
};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_day, parse_limit, parse_uuid_param};
use crate::identity::Principal;
use crate::state::AppState;

/// Query parameters of the survey routes (each route reads the ones it documents).
#[derive(Debug, Deserialize)]
pub(crate) struct SurveyQuery {
    work_order_id: Option<String>,
    ticket_id: Option<String>,
    campaign_id: Option<String>,
    status: Option<String>,
    kind: Option<String>,
    due: Option<String>,
    due_before: Option<String>,
    agent: Option<String>,
    model: Option<String>,
    group_by: Option<String>,
    interval: Option<String>,
    from: Option<String>,
    to: Option<String>,
    sort: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn required_enum<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    name: &str,
    raw: Option<&str>,
) -> Result<T, ApiError> {
    parse_enum(name, raw)?.ok_or_else(|| ApiError::field(name, "required", format!("give {name}")))
}

pub(crate) async fn list_callbacks(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<Response, ApiError> {
    let due_only = match q.due.as_deref() {
        None => false,
        Some("open") => true,
        Some(_) => {
            return Err(ApiError::field(
                "due",
                "invalid",
                "due takes the value open (open callbacks already due)",
            ));
        }
    };
    let req = ListCallbacks {
        work_order_id: q
            .work_order_id
            .as_deref()
            .map(|w| parse_uuid_param("work_order_id", w))
            .transpose()?,
        status: parse_enum("status", q.status.as_deref())?,
        kind: parse_enum("kind", q.kind.as_deref())?,
        campaign_id: q
            .campaign_id
            .as_deref()
            .map(|c| parse_uuid_param("campaign_id", c))
            .transpose()?,
        due_only,
        due_before: parse_instant("due_before", q.due_before.as_deref())?,
        order: parse_sort(q.sort.as_deref(), "due_at")?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Callback> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn issue_answer_link(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let link: AnswerLink = s
        .call(&IssueAnswerLink { callback_id: id }, Some(&p))
        .await?;
    let mut r = (StatusCode::CREATED, Json(link)).into_response();
    // The token is a credential: never cached.
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// The form behind an answer link; the token travels in the body, never in a URL.
pub(crate) async fn answer_form(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: GetAnswerForm = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let form: AnswerForm = s.call(&req, None).await?;
    Ok(Json(form).into_response())
}

/// A customer's answer through a link: 204, and nothing about the callback is returned.
pub(crate) async fn answer_by_link(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: AnswerByLink = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let _: Callback = s.call(&req, None).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub(crate) async fn list_follow_ups(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<Response, ApiError> {
    let req = ListFollowUps {
        status: parse_enum("status", q.status.as_deref())?,
        agent: q.agent.filter(|a| !a.trim().is_empty()),
        ticket_id: q
            .ticket_id
            .as_deref()
            .map(|t| crate::http::parse_uuid_param("ticket_id", t))
            .transpose()?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<FollowUp> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn score_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<ScoreReport, ApiError> {
    let req = ScoreReportRequest {
        group_by: required_enum("group_by", q.group_by.as_deref())?,
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

pub(crate) async fn coverage_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<CoverageReport, ApiError> {
    let req = CoverageRequest {
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

pub(crate) async fn satisfaction_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<SatisfactionReport, ApiError> {
    let req = SatisfactionRequest {
        group_by: required_enum("group_by", q.group_by.as_deref())?,
        interval: parse_enum("interval", q.interval.as_deref())?
            .unwrap_or(aftercare_contracts::survey::Interval::Quarter),
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

pub(crate) async fn appraisal_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<AppraisalReport, ApiError> {
    let req = AppraisalRequest {
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

pub(crate) async fn list_rankings(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<Response, ApiError> {
    let req = ListRankings {
        kind: parse_enum("kind", q.kind.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Ranking> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn list_daily_reports(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<Response, ApiError> {
    let req = ListDailyReports {
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<DailyReport> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_daily_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(date): Path<String>,
) -> Result<Json<DailyReport>, ApiError> {
    let req = GetDailyReport {
        date: parse_day("date", Some(date.trim()))?,
    };
    let r: DailyReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r))
}

/// The `{date}` of a daily report: a local day.
const REPORT_DAY: Param = Param {
    schema: day_schema,
    ..path("date", "The local working day (2026-11-24).")
};

pub(crate) async fn start_campaign(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StartCampaign = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let c: Campaign = s.call(&req, Some(&p)).await?;
    Ok(created(
        &c,
        format!("/api/v1/callbacks?campaign_id={}", c.id),
        None,
    ))
}

pub(crate) async fn list_quality_warnings(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<SurveyQuery>,
) -> Result<Response, ApiError> {
    let req = ListQualityWarnings {
        model: q.model.filter(|m| !m.trim().is_empty()),
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<QualityWarning> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("survey")
        .add(
            get("listCallbacks", "/callbacks")
                .summary("Callbacks by due time: the day's call list (`due=open`), a work order's, a campaign's, or by state")
                .roles(CALLBACK_READERS)
                .params(&[
                    query("work_order_id", schema::<uuid::Uuid>, "Only this work order's callbacks."),
                    query("status", schema::<CallbackStatus>, "Only in this state."),
                    query("kind", schema::<CallbackKind>, "Only visit or campaign callbacks."),
                    query("campaign_id", schema::<uuid::Uuid>, "Only this campaign's."),
                    query("due", due_schema, "`open`: open callbacks already due (overdue included)."),
                    query("due_before", schema::<chrono::DateTime<chrono::Utc>>, "With `due=open`: due at or before this instant instead of now."),
                    query("sort", callback_sort_schema, "`due_at` (default) or `-due_at`."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Callback>>()
                .to(list_callbacks),
        )
        .add(
            get("getCallback", "/callbacks/{id}")
                .summary("One callback with its attempts and answers")
                .roles(CALLBACK_READERS)
                .params(&[path_id("Callback id.")])
                .forward_versioned::<GetCallback>(),
        )
        .add(
            post("recordCallbackAttempt", "/callbacks/{id}/attempts")
                .summary("Record a call: completed with the answers (scored; a low rating or a comment opens a follow-up; a machine still down reopens the ticket), busy with the agreed time, unreachable (retried by the policy), or refused")
                .roles(CALLBACK_KEEPERS)
                .params(&[path_id("Callback id.")])
                .path_fills(&["callback_id"])
                .updates()
                .forward_versioned::<RecordCallback>(),
        )
        .add(
            post("issueAnswerLink", "/callbacks/{id}/answer-link")
                .summary("Make a single-use link for the customer to answer on the web (sent on their preferred channel); the token is shown once")
                .roles(CALLBACK_KEEPERS)
                .params(&[path_id("Callback id.")])
                .creates()
                .reply::<AnswerLink>()
                .to(issue_answer_link),
        )
        .add(
            post("getAnswerForm", "/answer-form")
                .summary("The questions behind an answer link (the token goes in the body, never in a URL)")
                .public()
                .body::<GetAnswerForm>()
                .answers(&[404])
                .reply::<AnswerForm>()
                .to(answer_form),
        )
        .add(
            post("answerByLink", "/answer-form/answers")
                .summary("Answer through a link; the link is used up")
                .public()
                .body::<AnswerByLink>()
                .answers(&[404])
                .no_content()
                .to(answer_by_link),
        )
        .add(
            get("getQuestionnaire", "/questionnaire")
                .summary("The callback questionnaire in force (questions, level scores, follow-up level)")
                .roles(CALLBACK_READERS)
                .reply::<Questionnaire>()
                .to(crate::http::read_setting::<GetQuestionnaire>),
        )
        .add(
            post("replaceQuestionnaire", "/questionnaire")
                .summary("Save a new questionnaire version (If-Match: the current version); answers keep the version they were given against")
                .roles(&[Manager, Admin])
                .body::<ReplaceQuestionnaire>()
                .updates()
                .reply::<Questionnaire>()
                .to(crate::http::replace_setting::<ReplaceQuestionnaire>),
        )
        .add(
            get("getQuestionnaireHistory", "/questionnaire/history")
                .summary("The questionnaire's stored versions, newest first, with who stored each and when; each holds one entry: the questions, level scores and follow-up level")
                .setting_history::<aftercare_contracts::survey::SurveySettingHistory>("questionnaire"),
        )
        .add(
            get("listFollowUps", "/followups")
                .summary("Follow-ups of unhappy ratings and comments, oldest first")
                .roles(FOLLOW_UP_HANDLERS)
                .params(&[
                    query("status", schema::<FollowUpStatus>, "Only in this state."),
                    query("agent", schema::<String>, "Only this agent's."),
                    query("ticket_id", schema::<uuid::Uuid>, "Only the follow-ups of this ticket."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<FollowUp>>()
                .to(list_follow_ups),
        )
        .add(
            get("getFollowUp", "/followups/{id}")
                .summary("One follow-up")
                .roles(FOLLOW_UP_HANDLERS)
                .params(&[path_id("Follow-up id.")])
                .forward_versioned::<GetFollowUp>(),
        )
        .add(
            post("resolveFollowUp", "/followups/{id}/resolve")
                .summary("Record how the customer was answered")
                .roles(FOLLOW_UP_HANDLERS)
                .params(&[path_id("Follow-up id.")])
                .path_fills(&["followup_id"])
                .updates()
                .forward_versioned::<ResolveFollowUp>(),
        )
        .add_all(
            report!("callbackScores", "/reports/callback-scores")
                .summary("Callback scores per technician, agent, team or district for callbacks answered in a period, ranked")
                .roles(SURVEY_REPORT_READERS)
                .params(&[
                    query("group_by", schema::<ScoreGroup>, "technician, agent, team or district.").required(),
                    query("from", day_schema, "First local day (2026-11-01).").required(),
                    query("to", day_schema, "Last local day, inclusive.").required(),
                ])
                .report(score_report),
        )
        .add_all(
            report!("callbackCoverage", "/reports/callback-coverage")
                .summary("How many of a period's visits were called back (target 100 %), and how many are open or overdue")
                .roles(SURVEY_REPORT_READERS)
                .params(&[
                    query("from", day_schema, "First local day (2026-11-01).").required(),
                    query("to", day_schema, "Last local day, inclusive.").required(),
                ])
                .report(coverage_report),
        )
        .add_all(
            report!("satisfactionIndex", "/reports/satisfaction")
                .summary("Satisfaction index (0-100) and its trend by team or district")
                .roles(SURVEY_REPORT_READERS)
                .params(&[
                    query("group_by", schema::<IndexGroup>, "team or district.").required(),
                    query("interval", schema::<Interval>, "month or quarter (default)."),
                    query("from", day_schema, "First local day (2026-11-01).").required(),
                    query("to", day_schema, "Last local day, inclusive.").required(),
                ])
                .report(satisfaction_report),
        )
        .add_all(
            report!("appraisal", "/reports/appraisal")
                .summary("Per-person figures for the appraisal: workload, quality, attitude and scores")
                .roles(&[Manager, Admin])
                .params(&[
                    query("from", day_schema, "First local day (2026-11-01).").required(),
                    query("to", day_schema, "Last local day, inclusive.").required(),
                ])
                .report(appraisal_report),
        )
        .add(
            get("listDailyReports", "/daily-reports")
                .summary("Daily reports (日报), newest day first: written at 18:00 company time on each working day with the day's prominent customer problems, callback sheet, work-order statistics and new customer contacts, and announced as survey.daily_report.published")
                .roles(&[Manager, Admin])
                .params(&[LIMIT, CURSOR])
                .reply::<Page<DailyReport>>()
                .to(list_daily_reports),
        )
        .add(
            get("getDailyReport", "/daily-reports/{date}")
                .summary("One working day's report (日报); 404 for a day without one (a weekend, a holiday, a day whose 18:00 has not come)")
                .roles(&[Manager, Admin])
                .params(&[REPORT_DAY])
                .answers(&[404])
                .reply::<DailyReport>()
                .to(get_daily_report),
        )
        .add(
            get("listRankings", "/rankings")
                .summary("Published ranking snapshots, newest period first")
                .roles(RANKING_READERS)
                .params(&[
                    query("kind", schema::<RankingKind>, "weekly or monthly."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Ranking>>()
                .to(list_rankings),
        )
        .add(
            get("getRanking", "/rankings/{id}")
                .summary("One ranking snapshot with its prominent problems")
                .roles(RANKING_READERS)
                .params(&[path_id("Ranking id.")])
                .forward::<GetRanking>(),
        )
        .add(
            post("publishRanking", "/rankings")
                .summary("Publish a closed period's ranking now; a period published before returns its snapshot unchanged")
                .roles(&[Manager, Admin])
                .forward::<PublishRanking>(),
        )
        .add(
            post("startCampaign", "/campaigns")
                .summary("Start a quarter's satisfaction campaign: one callback per active customer")
                .roles(&[Manager, Admin])
                .body::<StartCampaign>()
                .creates()
                .reply::<Campaign>()
                .to(start_campaign),
        )
        .add(
            get("listCampaigns", "/campaigns")
                .summary("Satisfaction campaigns with their progress")
                .roles(CALLBACK_READERS)
                .forward::<ListCampaigns>(),
        )
        .add(
            get("listQualityWarnings", "/quality-warnings")
                .summary("Quality early warnings (a fault or part repeating on a model), newest first")
                .roles(QUALITY_READERS)
                .params(&[query("model", schema::<String>, "Only this model."), LIMIT, CURSOR])
                .reply::<Page<QualityWarning>>()
                .to(list_quality_warnings),
        )
        .add(
            get("getQualityThresholds", "/quality-thresholds")
                .summary("How many repeats in a month, quarter or year raise a quality warning")
                .roles(QUALITY_READERS)
                .reply::<QualityThresholds>()
                .to(crate::http::read_setting::<GetQualityThresholds>),
        )
        .add(
            post("replaceQualityThresholds", "/quality-thresholds")
                .summary("Replace the quality warning thresholds (If-Match: the current version, \"0\" for the built-in ones)")
                .roles(&[Manager, Admin])
                .body::<ReplaceQualityThresholds>()
                .updates()
                .reply::<QualityThresholds>()
                .to(crate::http::replace_setting::<ReplaceQualityThresholds>),
        )
        .add(
            get("getQualityThresholdsHistory", "/quality-thresholds/history")
                .summary("The quality warning thresholds' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::survey::SurveySettingHistory>("quality_thresholds"),
        )
}
