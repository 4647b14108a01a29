//! The daily report (日报): written once for each working day at the report time by the
//! periodic job, from what survey keeps of the day, stored and announced
//! (`survey.daily_report.published`) for the managers' mail.
use std::collections::HashMap;

use aftercare_contracts::survey::{
    AttemptOutcome, CallbackSheetLine, DailyFollowUp, DailyProblems, DailyReport,
    DailyReportPublished, WorkOrderStatistics,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::db::{from_json, from_text, parse_id};
use aftercare_platform::{UnitOfWork, from_ms};
use chrono::NaiveDate;
use uuid::Uuid;

use crate::domain::CallbackPolicy;
use crate::domain::daily::{by_district, by_technician, next_due_day};
use crate::domain::periods::utc_bounds;
use crate::domain::scores::{problems, scored};
use crate::store::{daily_reports, questionnaires};

/// Writes the next report due, unless it was written already (by this replica earlier or
/// by another one): each working day's report is written once, and reports missed while
/// every replica was down are caught up one per run, oldest first.
pub(crate) async fn publish_due(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
) -> Result<Option<DailyReport>, ServiceError> {
    let last = daily_reports::list_reports(uow.conn(), None, 1)
        .await?
        .first()
        .map(|r| r.date);
    let Some(day) = next_due_day(&policy.calendar, uow.now(), policy.daily_report_at, last) else {
        return Ok(None);
    };
    if daily_reports::report(uow.conn(), day).await?.is_some() {
        return Ok(None);
    }
    let report = compose(uow, policy, day).await?;
    if !daily_reports::insert_report(uow, &report).await? {
        return Ok(None);
    }
    let w = &report.work_orders;
    uow.emit(&Envelope::new(
        DailyReportPublished {
            report_id: report.id,
            date: day,
            tickets_opened: w.tickets_opened,
            visits_completed: w.visits_completed,
            callbacks_answered: w.callbacks_answered,
            follow_ups: u32::try_from(report.problems.follow_ups.len()).unwrap_or(u32::MAX),
            new_contacts: u32::try_from(report.new_contacts.len()).unwrap_or(u32::MAX),
        },
        Some(Actor::system()),
    ))
    .await?;
    tracing::info!(%day, "daily report published");
    Ok(Some(report))
}

/// The report of local day `day` from the day's tickets, visits, callbacks, follow-ups and
/// welcome calls.
async fn compose(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    day: NaiveDate,
) -> Result<DailyReport, ServiceError> {
    let (a, b) = utc_bounds(&policy.calendar, day, day);
    let (a, b) = (a.timestamp_millis(), b.timestamp_millis());
    let now = uow.now_ms();
    let conn = uow.conn();
    let tickets = daily_reports::tickets_opened(conn, a, b).await?;
    let visits = daily_reports::visits_finished(conn, a, b).await?;
    let versions = questionnaires::questionnaires(conn).await?;

    // The callback sheet: each callback answered or tried that day, with the day's last
    // call; answered ones with their scores and comment.
    let mut last_call: HashMap<String, (i64, AttemptOutcome)> = HashMap::new();
    for (id, at, outcome) in daily_reports::callback_attempts(conn, a, b).await? {
        last_call.insert(id, (at, from_text(&outcome)?));
    }
    let mut sheet = Vec::new();
    let mut answered = Vec::new();
    for row in daily_reports::callbacks_called(conn, a, b).await? {
        let c = row.into_callback(vec![], now)?;
        let answered_today = c.answers.as_ref().is_some_and(|x| {
            let at = x.answered_at.timestamp_millis();
            at >= a && at < b
        });
        let (at, outcome) = match (answered_today, &c.answers, last_call.get(&c.id.to_string())) {
            (true, Some(x), _) => (x.answered_at, AttemptOutcome::Completed),
            (_, _, Some((at, outcome))) => (from_ms(*at), *outcome),
            _ => continue,
        };
        let scored_call = if answered_today {
            scored(c.clone(), &versions)
        } else {
            None
        };
        sheet.push(CallbackSheetLine {
            callback_id: c.id,
            work_order_number: c.work_order_number.clone(),
            customer_name: c.customer_name.clone(),
            district: c.district.clone(),
            technician_name: c.technician_name.clone(),
            agent: c.agent.clone(),
            outcome,
            overall_milli: answered_today
                .then(|| c.answers.as_ref().and_then(|x| x.scores.overall_milli))
                .flatten(),
            problem_persists: answered_today
                && c.answers.as_ref().is_some_and(|x| x.problem_persists),
            comment: scored_call
                .as_ref()
                .map(|s| s.comment.clone())
                .unwrap_or_default(),
            at,
        });
        answered.extend(scored_call);
    }
    sheet.sort_by(|x, y| x.at.cmp(&y.at).then(x.callback_id.cmp(&y.callback_id)));
    let callbacks_answered = sheet
        .iter()
        .filter(|l| l.outcome == AttemptOutcome::Completed)
        .count();
    let callbacks_open = daily_reports::callbacks_open(conn, b).await?;

    let follow_ups = daily_reports::follow_ups_opened(conn, a, b)
        .await?
        .into_iter()
        .map(|f| {
            Ok(DailyFollowUp {
                followup_id: parse_id(&f.followup_id)?,
                work_order_number: f.work_order_number,
                customer_name: f.customer_name,
                agent: f.agent,
                reasons: from_json(&f.reasons)?,
            })
        })
        .collect::<aftercare_platform::Result<Vec<_>>>()?;
    let new_contacts = daily_reports::welcome_calls(conn, a, b).await?;

    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let callbacks = problems(&answered);
    Ok(DailyReport {
        id: Uuid::now_v7(),
        date: day,
        generated_at: from_ms(now),
        work_orders: WorkOrderStatistics {
            tickets_opened: count(tickets.len()),
            visits_completed: count(visits.len()),
            callbacks_answered: count(callbacks_answered),
            callbacks_not_reached: count(sheet.len() - callbacks_answered),
            callbacks_open,
            repeat_repairs: count(callbacks.repeat_repairs.len()),
            by_technician: by_technician(&visits),
            by_district: by_district(&tickets, &visits),
        },
        problems: DailyProblems {
            callbacks,
            follow_ups,
        },
        callback_sheet: sheet,
        new_contacts,
    })
}
