//! Follow-ups, scores, coverage, the satisfaction index, the appraisal export, ranking
//! snapshots, campaigns and quality warnings.
use std::collections::HashSet;

use aftercare_contracts::rpc::{FieldError, Page, check_limit, check_text};
use aftercare_contracts::survey::{
    AppraisalReport, AppraisalRequest, Callback, CallbackKind, Campaign, CoverageReport,
    CoverageRequest, FollowUp, FollowUpEscalated, GetFollowUp, GetQualityThresholds, GetRanking,
    IndexGroup, ListCampaigns, ListFollowUps, ListQualityWarnings, ListRankings, PublishRanking,
    QualityThresholds, QualityWarning, QuestionKind, Questionnaire, Ranking, RankingKind,
    RankingPublished, ReplaceQualityThresholds, ResolveFollowUp, SatisfactionReport,
    SatisfactionRequest, ScoreGroup, ScoreReport, ScoreReportRequest, StartCampaign,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{Db, from_ms, now_ms};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::periods::{add_months, is_due, label, period_of, quarter, utc_bounds};
use crate::domain::quality::{default_thresholds, validate as validate_thresholds};
use crate::domain::questionnaire::level_score;
use crate::domain::scores::{
    AppraisalVisit, IndexRating, Rating, ScoredCallback, appraisal, index, lines, problems,
};
use crate::domain::{CallbackPolicy, callback_due};
use crate::store::{self, CallbackRow};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListFollowUps, _>(list_follow_ups)
        .on::<GetFollowUp, _>(get_follow_up)
        .on::<ResolveFollowUp, _>(resolve_follow_up)
        .on::<ScoreReportRequest, _>(scores)
        .on::<CoverageRequest, _>(coverage)
        .on::<SatisfactionRequest, _>(satisfaction)
        .on::<AppraisalRequest, _>(appraisal_report)
        .on::<ListRankings, _>(list_rankings)
        .on::<GetRanking, _>(get_ranking)
        .on::<PublishRanking, _>(publish_ranking)
        .on::<StartCampaign, _>(start_campaign)
        .on::<ListCampaigns, _>(list_campaigns)
        .on::<ListQualityWarnings, _>(list_warnings)
        .on::<GetQualityThresholds, _>(get_thresholds)
        .on::<ReplaceQualityThresholds, _>(replace_thresholds)
}

/// Publishes a closed period's ranking on request, within the last two years.
async fn publish_ranking(
    State { db, policy, .. }: State,
    ctx: RequestContext,
    req: PublishRanking,
) -> Result<Ranking, ServiceError> {
    let today = policy.calendar.local_date(from_ms(now_ms()));
    if (today - req.day).num_days() > MAX_DAYS {
        return Err(ServiceError::field(
            "day",
            "out_of_range",
            "rankings are published for the last two years only",
        ));
    }
    if !is_due(req.kind, req.day, today) {
        return Err(ServiceError::field(
            "day",
            "not_closed",
            "the period is not over yet (weekly rankings are due on Monday, monthly ones on the 3rd)",
        ));
    }
    publish(&db, &policy, req.kind, req.day, ctx.actor).await
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
    let items = store::list_follow_ups(&mut conn, &req).await?;
    Ok(Page::of(items, req.limit, |f| f.id.to_string()))
}

async fn get_follow_up(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetFollowUp,
) -> Result<FollowUp, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::follow_up(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.id))
}

async fn resolve_follow_up(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ResolveFollowUp,
) -> Result<FollowUp, ServiceError> {
    let mut e = Vec::new();
    check_text(&mut e, "resolution", &req.resolution, 1, 2000);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let mut uow = db.begin().await?;
    let f = store::follow_up(uow.conn(), req.followup_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.followup_id))?;
    if f.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "follow-up {} is at version {}, not {}",
            f.id, f.version, req.expected_version
        )));
    }
    let actor = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    if !store::resolve_follow_up(
        &mut uow,
        f.id,
        f.version,
        req.resolution.trim(),
        actor,
        now_ms(),
    )
    .await?
    {
        return Err(ServiceError::conflict(
            "follow_up_resolved",
            format!("follow-up {} is already resolved", f.id),
        ));
    }
    let updated = store::follow_up(uow.conn(), &f.id.to_string())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.followup_id))?;
    uow.commit().await?;
    Ok(updated)
}

/// Escalates every open follow-up past its two working days; returns how many.
pub(crate) async fn escalate_due(db: &Db) -> aftercare_platform::Result<usize> {
    let now = now_ms();
    let due = {
        let mut conn = db.read_conn().await?;
        store::follow_ups_to_escalate(&mut conn, now, 500).await?
    };
    if due.is_empty() {
        return Ok(0);
    }
    let mut uow = db.begin().await?;
    let mut n = 0;
    for f in due {
        if !store::escalate(&mut uow, f.id).await? {
            continue;
        }
        tracing::warn!(followup = %f.id, "follow-up escalated to the manager");
        uow.emit(&Envelope::new(
            FollowUpEscalated {
                followup_id: f.id,
                callback_id: f.callback_id,
                ticket_id: f.ticket_id,
                agent: f.agent,
                reasons: f.reasons,
                escalated_at: from_ms(now),
            },
            Some(Actor::system()),
        ))
        .await?;
        n += 1;
    }
    uow.commit().await?;
    Ok(n)
}

// ---------------------------------------------------------------------------------------
// Scores.

/// Longest period a report covers.
const MAX_DAYS: i64 = 731;

fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), ServiceError> {
    if to < from {
        return Err(ServiceError::field(
            "to",
            "before_from",
            "to must not be before from",
        ));
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(ServiceError::field(
            "to",
            "out_of_range",
            "a report covers at most two years",
        ));
    }
    Ok(())
}

/// `[from, to]` local days as UTC milliseconds `[start, end)`.
fn bounds(policy: &CallbackPolicy, from: NaiveDate, to: NaiveDate) -> (i64, i64) {
    let (a, b) = utc_bounds(&policy.calendar, from, to);
    (a.timestamp_millis(), b.timestamp_millis())
}

/// Turns answered callback rows into what scoring reads.
fn scored(
    rows: Vec<CallbackRow>,
    versions: &[Questionnaire],
    now: i64,
) -> Result<Vec<ScoredCallback>, ServiceError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.extend(scored_one(row.into_callback(vec![], now)?, versions));
    }
    Ok(out)
}

/// An answered callback as scoring reads it, each rating valued by the questionnaire
/// version it was given against; `None` when unanswered.
fn scored_one(c: Callback, versions: &[Questionnaire]) -> Option<ScoredCallback> {
    let a = c.answers?;
    let q = versions
        .iter()
        .find(|q| q.version == a.questionnaire_version)?;
    let scores: Vec<u32> = q.levels.iter().map(|l| l.score_milli).collect();
    let lo = scores.iter().copied().min().unwrap_or(0);
    let hi = scores.iter().copied().max().unwrap_or(1);
    let span = f64::from(hi.saturating_sub(lo).max(1));
    let mut ratings = Vec::new();
    let mut comments = Vec::new();
    for ans in &a.answers {
        let Some(question) = q.questions.iter().find(|x| x.key == ans.key) else {
            continue;
        };
        match (question.kind, ans.level, &ans.text) {
            (QuestionKind::Rating, Some(level), _) => {
                let milli = level_score(q, level);
                ratings.push(Rating {
                    key: ans.key.clone(),
                    milli,
                    normalised: f64::from(milli.saturating_sub(lo)) / span,
                    rates: question.rates,
                });
            }
            (QuestionKind::Text, _, Some(t)) if !t.trim().is_empty() => {
                comments.push(t.trim().to_owned())
            }
            _ => {}
        }
    }
    Some(ScoredCallback {
        work_order_number: c.work_order_number,
        technician_id: c.technician_id.to_string(),
        technician_name: c.technician_name,
        team: c.team,
        agent: c.agent,
        district: c.district,
        answered_at: a.answered_at,
        scores: a.scores,
        ratings,
        problem_persists: a.problem_persists,
        comment: comments.join("\n"),
    })
}

async fn answered_in(
    db: &Db,
    policy: &CallbackPolicy,
    from: NaiveDate,
    to: NaiveDate,
    visits_only: bool,
) -> Result<Vec<ScoredCallback>, ServiceError> {
    let (a, b) = bounds(policy, from, to);
    let mut conn = db.read_conn().await?;
    let rows = store::answered(&mut conn, a, b, visits_only).await?;
    let versions = store::questionnaires(&mut conn).await?;
    scored(rows, &versions, now_ms())
}

async fn scores(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: ScoreReportRequest,
) -> Result<ScoreReport, ServiceError> {
    check_period(req.from, req.to)?;
    let calls = answered_in(&db, &policy, req.from, req.to, true).await?;
    Ok(ScoreReport {
        group_by: req.group_by,
        from: req.from,
        to: req.to,
        lines: lines(req.group_by, &calls),
    })
}

async fn coverage(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: CoverageRequest,
) -> Result<CoverageReport, ServiceError> {
    check_period(req.from, req.to)?;
    let (a, b) = bounds(&policy, req.from, req.to);
    let now = now_ms();
    let mut conn = db.read_conn().await?;
    let rows = store::callbacks_of_visits(&mut conn, a, b).await?;
    let visits = store::visits_between(&mut conn, a, b).await?;
    let count = |s: &str| rows.iter().filter(|r| r.status() == s).count() as u32;
    let completed = count("completed");
    let open = count("scheduled");
    let overdue = rows
        .iter()
        .filter(|r| r.status() == "scheduled" && r.due_at() <= now)
        .count() as u32;
    Ok(CoverageReport {
        from: req.from,
        to: req.to,
        visits,
        completed,
        refused: count("refused"),
        unreachable: count("unreachable"),
        open,
        overdue,
        coverage_tenths: if visits == 0 {
            1000
        } else {
            ((u64::from(completed) * 2000 + u64::from(visits)) / (2 * u64::from(visits))) as u32
        },
    })
}

async fn satisfaction(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: SatisfactionRequest,
) -> Result<SatisfactionReport, ServiceError> {
    check_period(req.from, req.to)?;
    let calls = answered_in(&db, &policy, req.from, req.to, false).await?;
    let ratings: Vec<IndexRating> = calls
        .iter()
        .flat_map(|c| {
            let group = match req.group_by {
                IndexGroup::Team => c.team.clone(),
                IndexGroup::District => c.district.clone(),
            };
            let period = label(req.interval, policy.calendar.local_date(c.answered_at));
            c.ratings.iter().map(move |r| IndexRating {
                group: group.clone(),
                period: period.clone(),
                normalised: r.normalised,
            })
        })
        .collect();
    Ok(SatisfactionReport {
        points: index(&ratings),
    })
}

async fn appraisal_report(
    State { db, policy, .. }: State,
    _ctx: RequestContext,
    req: AppraisalRequest,
) -> Result<AppraisalReport, ServiceError> {
    check_period(req.from, req.to)?;
    let (a, b) = bounds(&policy, req.from, req.to);
    let now = now_ms();
    let mut conn = db.read_conn().await?;
    let rows = store::callbacks_of_visits(&mut conn, a, b).await?;
    let versions = store::questionnaires(&mut conn).await?;
    let followed: HashSet<String> = store::callbacks_with_follow_up(&mut conn, a, b)
        .await?
        .into_iter()
        .collect();
    let mut visits = Vec::with_capacity(rows.len());
    for row in rows {
        let c = row.into_callback(vec![], now)?;
        let follow_up = followed.contains(&c.work_order_id.to_string());
        let answer = scored_one(c.clone(), &versions);
        visits.push(AppraisalVisit {
            technician_id: c.technician_id.to_string(),
            technician_name: c.technician_name,
            team: c.team,
            agent: c.agent,
            answer,
            follow_up,
        });
    }
    Ok(AppraisalReport {
        from: req.from,
        to: req.to,
        lines: appraisal(&visits),
    })
}

// ---------------------------------------------------------------------------------------
// Rankings.

/// Publishes the ranking of the `kind` period containing `day` (callbacks answered in it);
/// a period already published returns its snapshot unchanged.
pub(crate) async fn publish(
    db: &Db,
    policy: &CallbackPolicy,
    kind: RankingKind,
    day: NaiveDate,
    actor: Option<Actor>,
) -> Result<Ranking, ServiceError> {
    let (start, end) = period_of(kind, day);
    {
        let mut conn = db.read_conn().await?;
        if let Some(r) = store::ranking(&mut conn, None, Some((kind, start))).await? {
            return Ok(r);
        }
    }
    let calls = answered_in(db, policy, start, end, true).await?;
    let ranking = Ranking {
        id: Uuid::now_v7(),
        kind,
        period_start: start,
        period_end: end,
        technicians: lines(ScoreGroup::Technician, &calls),
        agents: lines(ScoreGroup::Agent, &calls),
        problems: problems(&calls),
        published_at: from_ms(now_ms()),
    };
    let mut uow = db.begin().await?;
    if !store::insert_ranking(&mut uow, &ranking).await? {
        uow.rollback().await?;
        let mut conn = db.read_conn().await?;
        return store::ranking(&mut conn, None, Some((kind, start)))
            .await?
            .ok_or_else(|| ServiceError::not_found("ranking", &start.to_string()));
    }
    uow.emit(&Envelope::new(
        RankingPublished {
            ranking_id: ranking.id,
            kind,
            period_start: start,
            period_end: end,
            technicians: ranking.technicians.len() as u32,
            agents: ranking.agents.len() as u32,
        },
        actor.or_else(|| Some(Actor::system())),
    ))
    .await?;
    uow.commit().await?;
    tracing::info!(?kind, %start, "ranking published");
    Ok(ranking)
}

async fn list_rankings(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListRankings,
) -> Result<Page<Ranking>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list_rankings(&mut conn, req.kind, req.cursor.as_deref(), req.limit).await?;
    Ok(Page::of(items, req.limit, |r| {
        format!(
            "{}_{}",
            r.period_start,
            aftercare_platform::db::to_text(&r.kind)
        )
    }))
}

async fn get_ranking(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetRanking,
) -> Result<Ranking, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::ranking(&mut conn, Some(req.id.trim()), None)
        .await?
        .ok_or_else(|| ServiceError::not_found("ranking", &req.id))
}

// ---------------------------------------------------------------------------------------
// Campaigns.

async fn start_campaign(
    State { db, policy, .. }: State,
    ctx: RequestContext,
    req: StartCampaign,
) -> Result<Campaign, ServiceError> {
    let mut errors = Vec::new();
    if quarter(&req.quarter).is_none() {
        errors.push(FieldError {
            field: "quarter".into(),
            code: "invalid".into(),
            message: "quarter must look like 2026-Q4".into(),
        });
    }
    if !(1..=36).contains(&req.active_months) {
        errors.push(FieldError {
            field: "active_months".into(),
            code: "out_of_range".into(),
            message: "active_months must be between 1 and 36".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let today = policy.calendar.local_date(from_ms(now));
    // Activity counts from the first of the month, `active_months` back.
    let first = chrono::Datelike::with_day(&today, 1).unwrap_or(today);
    let since_day = add_months(first, -(req.active_months as i32));
    let since = policy.calendar.start_of_day(since_day).timestamp_millis();
    let by = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into());
    let id = Uuid::now_v7();
    let quarter = req.quarter.trim().to_owned();
    let mut uow = db.begin().await?;
    if !store::insert_campaign(&mut uow, id, &quarter, &by, now).await? {
        return Err(ServiceError::conflict(
            "campaign_exists",
            format!("a campaign for {quarter} was already started"),
        ));
    }
    let due = callback_due(from_ms(now), &policy).timestamp_millis();
    let customers = store::latest_visits_per_customer(uow.conn(), since).await?;
    for (key, work_order, ticket, technician) in &customers {
        let parse = |s: &str| {
            Uuid::parse_str(s).map_err(|e| {
                tracing::error!(error = %e, "stored id is not a UUID");
                ServiceError::internal()
            })
        };
        store::insert_callback(
            &mut uow,
            &store::NewCallback {
                id: Uuid::now_v7(),
                kind: CallbackKind::Campaign,
                work_order_id: parse(work_order)?,
                ticket_id: parse(ticket)?,
                technician_id: parse(technician)?,
                campaign_id: Some(id),
                customer_key: Some(key.clone()),
                due_at: due,
                created_at: now,
            },
        )
        .await?;
    }
    uow.commit().await?;
    tracing::info!(%quarter, customers = customers.len(), "satisfaction campaign started");
    let mut conn = db.read_conn().await?;
    store::campaigns(&mut conn)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| ServiceError::not_found("campaign", &id.to_string()))
}

async fn list_campaigns(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ListCampaigns,
) -> Result<Page<Campaign>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::campaigns(&mut conn).await?,
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
    let items = store::list_warnings(
        &mut conn,
        req.model
            .as_deref()
            .map(str::trim)
            .filter(|m| !m.is_empty()),
        req.cursor.as_deref(),
        req.limit,
    )
    .await?;
    Ok(Page::of(items, req.limit, |w| w.id.to_string()))
}

async fn get_thresholds(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetQualityThresholds,
) -> Result<QualityThresholds, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(match store::thresholds(&mut conn).await? {
        Some((thresholds, version)) => QualityThresholds {
            thresholds,
            version,
        },
        None => QualityThresholds {
            thresholds: default_thresholds(),
            version: 0,
        },
    })
}

async fn replace_thresholds(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceQualityThresholds,
) -> Result<QualityThresholds, ServiceError> {
    let errors = validate_thresholds(&req.thresholds);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let current = store::thresholds(uow.conn())
        .await?
        .map(|(_, v)| v)
        .unwrap_or(0);
    if current != req.expected_version {
        return Err(ServiceError::stale(format!(
            "the thresholds are at version {current}, not {}",
            req.expected_version
        )));
    }
    let by = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    if !store::insert_thresholds(&mut uow, &req.thresholds, current + 1, by, now_ms()).await? {
        return Err(ServiceError::stale(
            "the thresholds were replaced meanwhile",
        ));
    }
    uow.commit().await?;
    Ok(QualityThresholds {
        thresholds: req.thresholds,
        version: current + 1,
    })
}
