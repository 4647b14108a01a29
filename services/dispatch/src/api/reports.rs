//! The field service report (`svc.dispatch.report.visits`).
use std::collections::BTreeMap;

use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{DispatchReport, DispatchReportRequest};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::from_ms;
use chrono::Duration;

use crate::domain::report::{VisitFact, Worker, lines};
use crate::store::{self, technicians};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints.on::<DispatchReportRequest, _>(report)
}

async fn report(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: DispatchReportRequest,
) -> Result<DispatchReport, ServiceError> {
    if req.to < req.from {
        return Err(ServiceError::field(
            "to",
            "before_from",
            "to must not be before from",
        ));
    }
    if (req.to - req.from).num_days() > 366 {
        return Err(ServiceError::field(
            "to",
            "out_of_range",
            "a report covers at most a year",
        ));
    }
    let from = calendar.start_of_day(req.from).timestamp_millis();
    let to = calendar
        .start_of_day(req.to + Duration::days(1))
        .timestamp_millis();
    let mut conn = db.read_conn().await?;
    let facts: Vec<VisitFact> = store::visit_facts(&mut conn, from, to)
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
    for t in technicians::list(&mut conn, None, None, "", 10_000).await? {
        let shift = (t.shift_end - t.shift_start).num_minutes().max(0) as u32;
        workers.insert(
            t.id.to_string(),
            Worker {
                name: t.name,
                shift_minutes: shift,
                travel: BTreeMap::new(),
            },
        );
    }
    for plan in store::day_plans_between(&mut conn, req.from, req.to).await? {
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
