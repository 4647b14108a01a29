//! The reports over a period of local days: score lines, callback coverage, the
//! satisfaction index and the appraisal export.
use std::collections::HashSet;

use aftercare_contracts::ServiceError;
use aftercare_contracts::survey::{
    AppraisalReport, AppraisalRequest, CoverageReport, CoverageRequest, SatisfactionReport,
    SatisfactionRequest, ScoreReport, ScoreReportRequest,
};
use aftercare_platform::now_ms;
use chrono::NaiveDate;
use sqlx::AnyConnection;

use crate::domain::CallbackPolicy;
use crate::domain::periods::{check_period, utc_bounds};
use crate::domain::scores::{
    AppraisalVisit, ScoredCallback, appraisal, coverage as coverage_of, lines,
    satisfaction as index_of, scored,
};
use crate::store::{questionnaires, reports};

fn checked(from: NaiveDate, to: NaiveDate) -> Result<(), ServiceError> {
    match check_period(from, to) {
        Some(e) => Err(ServiceError::validation(vec![e])),
        None => Ok(()),
    }
}

/// `[from, to]` local days as UTC milliseconds `[start, end)`.
fn bounds(policy: &CallbackPolicy, from: NaiveDate, to: NaiveDate) -> (i64, i64) {
    let (a, b) = utc_bounds(&policy.calendar, from, to);
    (a.timestamp_millis(), b.timestamp_millis())
}

/// The callbacks answered in the local days `[from, to]` as scoring reads them,
/// optionally visit callbacks only (rankings and score lines leave campaigns out).
pub(super) async fn answered_in(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    from: NaiveDate,
    to: NaiveDate,
    visits_only: bool,
) -> Result<Vec<ScoredCallback>, ServiceError> {
    let (a, b) = bounds(policy, from, to);
    let rows = reports::answered(conn, a, b, visits_only).await?;
    let versions = questionnaires::questionnaires(conn).await?;
    let now = now_ms();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.extend(scored(row.into_callback(vec![], now)?, &versions));
    }
    Ok(out)
}

/// Score lines by technician, agent, team or district for the visits' callbacks answered
/// in the period.
pub(crate) async fn scores(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    req: &ScoreReportRequest,
) -> Result<ScoreReport, ServiceError> {
    checked(req.from, req.to)?;
    let calls = answered_in(conn, policy, req.from, req.to, true).await?;
    Ok(ScoreReport {
        group_by: req.group_by,
        from: req.from,
        to: req.to,
        lines: lines(req.group_by, &calls),
    })
}

/// How far the callbacks of the visits finished in the period got.
pub(crate) async fn coverage(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    req: &CoverageRequest,
) -> Result<CoverageReport, ServiceError> {
    checked(req.from, req.to)?;
    let (a, b) = bounds(policy, req.from, req.to);
    let now = now_ms();
    let rows = reports::callbacks_of_visits(conn, a, b).await?;
    let visits = reports::visits_between(conn, a, b).await?;
    let callbacks = rows
        .into_iter()
        .map(|r| r.into_callback(vec![], now))
        .collect::<aftercare_platform::Result<Vec<_>>>()?;
    Ok(coverage_of(req.from, req.to, visits, &callbacks))
}

/// The satisfaction index of every callback (visits and campaigns) answered in the period.
pub(crate) async fn satisfaction(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    req: &SatisfactionRequest,
) -> Result<SatisfactionReport, ServiceError> {
    checked(req.from, req.to)?;
    let calls = answered_in(conn, policy, req.from, req.to, false).await?;
    Ok(SatisfactionReport {
        points: index_of(&calls, req.group_by, req.interval, |at| {
            policy.calendar.local_date(at)
        }),
    })
}

/// The appraisal figures of every technician and agent for the visits finished in the
/// period: answered or not, and whether each raised a follow-up.
pub(crate) async fn appraisal_report(
    conn: &mut AnyConnection,
    policy: &CallbackPolicy,
    req: &AppraisalRequest,
) -> Result<AppraisalReport, ServiceError> {
    checked(req.from, req.to)?;
    let (a, b) = bounds(policy, req.from, req.to);
    let now = now_ms();
    let rows = reports::callbacks_of_visits(conn, a, b).await?;
    let versions = questionnaires::questionnaires(conn).await?;
    let followed: HashSet<String> = reports::callbacks_with_follow_up(conn, a, b)
        .await?
        .into_iter()
        .collect();
    let mut visits = Vec::with_capacity(rows.len());
    for row in rows {
        let c = row.into_callback(vec![], now)?;
        let follow_up = followed.contains(&c.work_order_id.to_string());
        let answer = scored(c.clone(), &versions);
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
