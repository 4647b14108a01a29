//! Follow-ups, reports, ranking snapshots, campaigns and quality warnings.
use aftercare_contracts::ServiceError;
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::survey::{
    AppraisalReport, AppraisalRequest, Campaign, CoverageReport, CoverageRequest, DailyReport,
    FollowUp, GetDailyReport, GetFollowUp, GetQualityThresholds, GetRanking, ListCampaigns,
    ListDailyReports, ListFollowUps, ListQualityWarnings, ListRankings, PublishRanking,
    QualityThresholds, QualityWarning, Ranking, ReplaceQualityThresholds, ResolveFollowUp,
    SatisfactionReport, SatisfactionRequest, ScoreReport, ScoreReportRequest, StartCampaign,
};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::{State, actor_name};
use crate::app;
use crate::store::{campaigns, daily_reports, follow_ups, quality, rankings};

/// Adds the endpoints of this module to survey's.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListFollowUps, _>(list_follow_ups)
        .on::<GetFollowUp, _>(get_follow_up)
        .on::<ResolveFollowUp, _>(resolve_follow_up)
        .on::<ScoreReportRequest, _>(scores)
        .on::<CoverageRequest, _>(coverage)
        .on::<SatisfactionRequest, _>(satisfaction)
        .on::<AppraisalRequest, _>(appraisal_report)
        .on::<ListDailyReports, _>(list_daily_reports)
        .on::<GetDailyReport, _>(get_daily_report)
        .on::<ListRankings, _>(list_rankings)
        .on::<GetRanking, _>(get_ranking)
        .on::<PublishRanking, _>(publish_ranking)
        .on::<StartCampaign, _>(start_campaign)
        .on::<ListCampaigns, _>(list_campaigns)
        .on::<ListQualityWarnings, _>(list_warnings)
        .on::<GetQualityThresholds, _>(get_thresholds)
        .on::<ReplaceQualityThresholds, _>(replace_thresholds)
}

// ---------------------------------------------------------------------------------------
// Follow-ups.

async fn list_follow_ups(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListFollowUps,
) -> Result<Page<FollowUp>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = follow_ups::list_follow_ups(&mut conn, &req).await?;
    Ok(Page::of(items, req.limit, |f| f.id.to_string()))
}

async fn get_follow_up(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetFollowUp,
) -> Result<FollowUp, ServiceError> {
    let mut conn = db.read_conn().await?;
    follow_ups::follow_up(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.id))
}

async fn resolve_follow_up(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ResolveFollowUp,
) -> Result<FollowUp, ServiceError> {
    let mut uow = db.begin().await?;
    let f = app::follow_ups::resolve(&mut uow, &req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(f)
}

// ---------------------------------------------------------------------------------------
// Reports.

async fn scores(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: ScoreReportRequest,
) -> Result<ScoreReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::reports::scores(&mut conn, &policy, &req).await
}

async fn coverage(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: CoverageRequest,
) -> Result<CoverageReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::reports::coverage(&mut conn, &policy, &req).await
}

async fn satisfaction(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: SatisfactionRequest,
) -> Result<SatisfactionReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::reports::satisfaction(&mut conn, &policy, &req).await
}

async fn appraisal_report(
    State { db, policy }: State,
    _ctx: RequestContext,
    req: AppraisalRequest,
) -> Result<AppraisalReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    app::reports::appraisal_report(&mut conn, &policy, &req).await
}

// ---------------------------------------------------------------------------------------
// Rankings.

async fn publish_ranking(
    State { db, policy }: State,
    ctx: RequestContext,
    req: PublishRanking,
) -> Result<Ranking, ServiceError> {
    let mut uow = db.begin().await?;
    let r = app::rankings::publish_on_request(&mut uow, &policy, &req, ctx.actor).await?;
    uow.commit().await?;
    Ok(r)
}

async fn list_rankings(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListRankings,
) -> Result<Page<Ranking>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items =
        rankings::list_rankings(&mut conn, req.kind, req.cursor.as_deref(), req.limit).await?;
    Ok(Page::of(items, req.limit, rankings::ranking_cursor))
}

async fn get_ranking(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetRanking,
) -> Result<Ranking, ServiceError> {
    let mut conn = db.read_conn().await?;
    rankings::ranking(&mut conn, Some(req.id.trim()), None)
        .await?
        .ok_or_else(|| ServiceError::not_found("ranking", &req.id))
}

// ---------------------------------------------------------------------------------------
// Daily reports.

async fn list_daily_reports(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListDailyReports,
) -> Result<Page<DailyReport>, ServiceError> {
    check_limit(req.limit)?;
    // An empty cursor is the first page, as in every list.
    let cursor = req
        .cursor
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if let Some(c) = cursor
        && c.parse::<chrono::NaiveDate>().is_err()
    {
        return Err(ServiceError::validation(vec![
            aftercare_contracts::FieldError {
                field: "cursor".into(),
                code: "invalid".into(),
                message: "cursor must be the cursor of a previous page of daily reports".into(),
            },
        ]));
    }
    let mut conn = db.read_conn().await?;
    let items = daily_reports::list_reports(&mut conn, cursor, req.limit).await?;
    Ok(Page::of(items, req.limit, |r| r.date.to_string()))
}

async fn get_daily_report(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetDailyReport,
) -> Result<DailyReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    daily_reports::report(&mut conn, req.date)
        .await?
        .ok_or_else(|| ServiceError::not_found("daily report", &req.date.to_string()))
}

// ---------------------------------------------------------------------------------------
// Campaigns.

async fn start_campaign(
    State { db, policy }: State,
    ctx: RequestContext,
    req: StartCampaign,
) -> Result<Campaign, ServiceError> {
    let mut uow = db.begin().await?;
    let c = app::campaigns::start(&mut uow, &policy, &req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(c)
}

async fn list_campaigns(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ListCampaigns,
) -> Result<Page<Campaign>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: campaigns::campaigns(&mut conn).await?,
        next_cursor: None,
    })
}

// ---------------------------------------------------------------------------------------
// Quality.

async fn list_warnings(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListQualityWarnings,
) -> Result<Page<QualityWarning>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let model = req
        .model
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    let items = quality::list_warnings(&mut conn, model, req.cursor.as_deref(), req.limit).await?;
    Ok(Page::of(items, req.limit, |w| w.id.to_string()))
}

async fn get_thresholds(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetQualityThresholds,
) -> Result<QualityThresholds, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(app::quality::thresholds(&mut conn).await?)
}

async fn replace_thresholds(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceQualityThresholds,
) -> Result<QualityThresholds, ServiceError> {
    let mut uow = db.begin().await?;
    let t = app::quality::replace_thresholds(&mut uow, req, &actor_name(&ctx)).await?;
    uow.commit().await?;
    Ok(t)
}
