//! The field service report over a period of local days.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DispatchReport, DispatchReportRequest};
use aftercare_platform::from_ms;
use chrono::Duration;
use sqlx::AnyConnection;

use crate::domain::report::{VisitFact, Worker, check_period, lines, worker};
use crate::store::{day_plans, reports, technicians};

/// Most technicians the report counts.
const MAX_TECHNICIANS: i64 = 10_000;

/// First-time fix, return visits, on-time arrival, utilisation and visits per
/// technician or district, from the visits reported in the period and the routes
/// published for it.
pub(crate) async fn report(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    req: &DispatchReportRequest,
) -> Result<DispatchReport, ServiceError> {
    if let Some(e) = check_period(req.from, req.to) {
        return Err(ServiceError::validation(vec![e]));
    }
    let from = calendar.start_of_day(req.from).timestamp_millis();
    let to = calendar
        .start_of_day(req.to + Duration::days(1))
        .timestamp_millis();
    let facts: Vec<VisitFact> = reports::visit_facts(conn, from, to)
        .await?
        .into_iter()
        .map(|r| VisitFact {
            ticket_id: r.ticket_id,
            technician_id: r.technician_id,
            district: r.district,
            outcome: r.visit.outcome,
            earlier_visit: r.earlier,
            window_end: r.window_end.map(from_ms),
            started: r.visit.started_at,
            finished: r.visit.finished_at,
            day: calendar.local_date(r.visit.started_at),
        })
        .collect();
    let mut workers: BTreeMap<String, Worker> = BTreeMap::new();
    for t in technicians::list(conn, None, None, "", MAX_TECHNICIANS).await? {
        workers.insert(t.id.to_string(), worker(t));
    }
    for plan in day_plans::day_plans_between(conn, req.from, req.to).await? {
        for r in plan.routes {
            if let Some(w) = workers.get_mut(&r.technician_id.to_string()) {
                w.travel.insert(plan.date, r.travel_minutes);
            }
        }
    }
    Ok(DispatchReport {
        group_by: req.group_by,
        from: req.from,
        to: req.to,
        lines: lines(req.group_by, &facts, &workers),
    })
}
