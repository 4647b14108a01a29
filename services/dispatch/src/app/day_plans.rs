//! Day plans: the day's work divided among the technicians working that day by the route
//! planner (unassigned orders and those assigned automatically; pinned, accepted and
//! started ones stay with their technician), each route with planned arrivals and why
//! each stop is there, published to the technicians (`dispatch.route.published`); an
//! order the plan gives to a technician is assigned as by hand
//! (`dispatch.workorder.assigned`). A day where every order is held orders each
//! technician's route alone. A work order added to a day already published is inserted
//! where it costs least, changing only the route that takes it; one already on its
//! technician's route re-plans that route.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    DayPlan, LeftOut, Route, RoutePublished, RouteStop, Technician, WorkOrder, WorkOrderStatus,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

use super::assignments::announce;
use crate::domain::assignment::Assignment;
use crate::domain::divide::{self, Answer, DayWork, held_reasons};
use crate::domain::plan::{
    self, Routed, check_plan_date, day_of, instant, left_out_note, note_is_about, route_day,
    stops_of,
};
use crate::store::{day_plans, technicians, work_orders};

/// The route of one technician from the planner's answer; planned arrivals are written
/// on the work orders (cleared on those left out, which are noted in `unplanned`).
async fn write_route(
    uow: &mut UnitOfWork,
    t: &Technician,
    orders: &[WorkOrder],
    r: &Routed,
    midnight: DateTime<Utc>,
    unplanned: &mut Vec<String>,
    left_out: &mut Vec<LeftOut>,
) -> Result<Route, ServiceError> {
    let mut stops = Vec::with_capacity(r.visits.len());
    for (i, arrival, start) in &r.visits {
        let w = &orders[*i];
        let arrival = instant(midnight, *arrival);
        work_orders::set_planned_arrival(uow, w.id, Some(arrival.timestamp_millis())).await?;
        stops.push(RouteStop {
            work_order_id: w.id,
            number: w.number.clone(),
            planned_arrival: arrival,
            planned_start: instant(midnight, *start),
            window: w.appointment,
            reasons: held_reasons(w, midnight),
        });
    }
    for (i, why) in &r.left_out {
        let w = &orders[*i];
        work_orders::set_planned_arrival(uow, w.id, None).await?;
        unplanned.push(left_out_note(&w.number, &t.name, why));
        left_out.push(LeftOut {
            work_order_id: w.id,
            number: w.number.clone(),
            technician_id: Some(t.id),
            reason: why.clone(),
        });
    }
    Ok(Route {
        technician_id: t.id,
        technician_name: t.name.clone(),
        stops,
        travel_minutes: r.travel.round().max(0.0) as u32,
        ends_at: instant(midnight, r.end),
    })
}

/// Tells the technician their route of `date` (`dispatch.route.published`).
async fn emit_route(
    uow: &mut UnitOfWork,
    date: NaiveDate,
    r: &Route,
    revision: i64,
    actor: Option<Actor>,
) -> Result<(), ServiceError> {
    uow.emit(&Envelope::new(
        RoutePublished {
            date,
            technician_id: r.technician_id,
            work_order_ids: r.stops.iter().map(|s| s.work_order_id).collect(),
            revision,
        },
        actor,
    ))
    .await?;
    Ok(())
}

/// The open work orders of the local day `date` (assigned or not), from its midnight.
async fn orders_of_day(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    date: NaiveDate,
) -> Result<(DateTime<Utc>, Vec<WorkOrder>), ServiceError> {
    let midnight = calendar.start_of_day(date);
    let next = calendar.start_of_day(date + Duration::days(1));
    let orders = work_orders::day_orders_to_divide(
        uow.conn(),
        midnight.timestamp_millis(),
        next.timestamp_millis(),
    )
    .await?;
    Ok((midnight, orders))
}

/// Plans and publishes a whole day (a month ahead or back at most): every technician's
/// route, a new revision of the day plan, one route event per technician.
pub(crate) async fn publish(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    date: NaiveDate,
    actor: Option<Actor>,
) -> Result<DayPlan, ServiceError> {
    let today = calendar.local_date(uow.now());
    if let Some(e) = check_plan_date(date, today) {
        return Err(ServiceError::validation(vec![e]));
    }
    let (midnight, orders) = orders_of_day(uow, calendar, date).await?;
    let revision = day_plans::day_plan(uow.conn(), date)
        .await?
        .map(|p| p.revision + 1)
        .unwrap_or(1);
    let mut routes = Vec::new();
    let mut unplanned = Vec::new();
    let mut left_out = Vec::new();
    if divide::has_work_to_divide(&orders) {
        let work = DayWork {
            date,
            midnight,
            technicians: technicians::candidates(uow.conn(), calendar, date).await?,
            orders,
        };
        let answer = divide::divide(&work).map_err(|e| {
            tracing::error!(error = %e, %date, "day not divided");
            ServiceError::internal()
        })?;
        for r in &answer.routes {
            routes.push(write_divided_route(uow, &work, r, actor.clone()).await?);
        }
        write_left_out(uow, &work, &answer, &mut unplanned, &mut left_out).await?;
        return save_and_emit(
            uow,
            DayPlan {
                date,
                routes,
                unplanned,
                left_out,
                revision,
                published_at: from_ms(now_ms()),
            },
            actor,
        )
        .await;
    }
    let mut by_tech: BTreeMap<Uuid, Vec<WorkOrder>> = BTreeMap::new();
    for w in orders {
        if let Some(t) = w.technician_id {
            by_tech.entry(t).or_default().push(w);
        }
    }
    for (tech_id, orders) in &by_tech {
        let Some(t) = technicians::get(uow.conn(), &tech_id.to_string()).await? else {
            continue;
        };
        let r = plan::route(&day_of(&t), &stops_of(orders, midnight)).map_err(|e| {
            tracing::error!(error = %e, technician = %t.name, "route not planned");
            ServiceError::internal()
        })?;
        routes
            .push(write_route(uow, &t, orders, &r, midnight, &mut unplanned, &mut left_out).await?);
    }
    let p = DayPlan {
        date,
        routes,
        unplanned,
        left_out,
        revision,
        published_at: from_ms(now_ms()),
    };
    save_and_emit(uow, p, actor).await
}

/// Stores a day plan and tells each technician their route.
async fn save_and_emit(
    uow: &mut UnitOfWork,
    p: DayPlan,
    actor: Option<Actor>,
) -> Result<DayPlan, ServiceError> {
    day_plans::save_day_plan(uow, &p).await?;
    for r in &p.routes {
        emit_route(uow, p.date, r, p.revision, actor.clone()).await?;
    }
    Ok(p)
}

/// A technician's route from the divided day: an order the planner gives to a
/// technician other than its own (or to someone, when it had nobody) is assigned to them
/// with the stop's reasons and announced as an assignment is; planned arrivals are
/// written.
async fn write_divided_route(
    uow: &mut UnitOfWork,
    work: &DayWork,
    r: &divide::TechRoute,
    actor: Option<Actor>,
) -> Result<Route, ServiceError> {
    let t = &work.technicians[r.technician];
    let mut stops = Vec::with_capacity(r.routed.visits.len());
    for ((o, arrival, start), reasons) in r.routed.visits.iter().zip(&r.reasons) {
        let w = &work.orders[*o];
        if w.technician_id != Some(t.id) {
            let now = uow.now_ms();
            let change = work_orders::AssignChange {
                status: WorkOrderStatus::Assigned,
                technician_id: Some(t.id),
                score: None,
                pinned: false,
                reasons,
                actor: "dispatch",
                reason: &format!("day plan of {}", work.date),
            };
            if !work_orders::assign(uow, w, &change, now).await? {
                return Err(ServiceError::stale(
                    "a work order of the day was changed meanwhile",
                ));
            }
            let decision = Assignment::To {
                technician: t.id,
                name: t.name.clone(),
                score: 0,
                reasons: reasons.clone(),
            };
            announce(uow, w, &decision, actor.clone(), now).await?;
        }
        let arrival = instant(work.midnight, *arrival);
        work_orders::set_planned_arrival(uow, w.id, Some(arrival.timestamp_millis())).await?;
        stops.push(RouteStop {
            work_order_id: w.id,
            number: w.number.clone(),
            planned_arrival: arrival,
            planned_start: instant(work.midnight, *start),
            window: w.appointment,
            reasons: reasons.clone(),
        });
    }
    Ok(Route {
        technician_id: t.id,
        technician_name: t.name.clone(),
        stops,
        travel_minutes: r.routed.travel.round().max(0.0) as u32,
        ends_at: instant(work.midnight, r.routed.end),
    })
}

/// The orders the divided day left out: no planned arrival, noted with why (and whose
/// they stay, when assigned).
async fn write_left_out(
    uow: &mut UnitOfWork,
    work: &DayWork,
    answer: &Answer,
    unplanned: &mut Vec<String>,
    left_out: &mut Vec<LeftOut>,
) -> Result<(), ServiceError> {
    for (o, why) in &answer.left_out {
        let w = &work.orders[*o];
        work_orders::set_planned_arrival(uow, w.id, None).await?;
        let name = w
            .technician_id
            .and_then(|t| work.technicians.iter().find(|c| c.id == t))
            .map(|c| c.name.as_str());
        unplanned.push(match name {
            Some(n) => left_out_note(&w.number, n, why),
            None => format!("{}: {why}", w.number),
        });
        left_out.push(LeftOut {
            work_order_id: w.id,
            number: w.number.clone(),
            technician_id: w.technician_id,
            reason: why.clone(),
        });
    }
    Ok(())
}

/// When the day of `w` already has a published plan, re-plans the route of technician
/// `tech` only: a new order is inserted into the planned route, an order already on it
/// re-plans the route. Nothing happens for days not yet planned.
pub(crate) async fn replan_if_published(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    w: &WorkOrder,
    tech: Uuid,
) -> Result<(), ServiceError> {
    let date = route_day(w, calendar, from_ms(now_ms()));
    let Some(mut p) = day_plans::day_plan(uow.conn(), date).await? else {
        return Ok(());
    };
    let Some(t) = technicians::get(uow.conn(), &tech.to_string()).await? else {
        return Ok(());
    };
    let (midnight, orders) = orders_of_day(uow, calendar, date).await?;
    let planned: Vec<Uuid> = p
        .routes
        .iter()
        .find(|r| r.technician_id == tech)
        .map(|r| r.stops.iter().map(|s| s.work_order_id).collect())
        .unwrap_or_default();
    if !planned.contains(&w.id) && orders.iter().any(|o| o.id == w.id) {
        let work = DayWork {
            date,
            midnight,
            technicians: technicians::candidates(uow.conn(), calendar, date).await?,
            orders,
        };
        return insert_into_day(uow, &work, p, w.id).await;
    }
    let orders: Vec<WorkOrder> = orders
        .into_iter()
        .filter(|o| o.technician_id == Some(tech))
        .collect();
    let stops = stops_of(&orders, midnight);
    let current: Vec<usize> = planned
        .iter()
        .filter_map(|id| orders.iter().position(|o| o.id == *id))
        .collect();
    let new = orders.iter().position(|o| o.id == w.id);
    let routed = match new {
        Some(n) if !planned.contains(&w.id) => plan::insert(&day_of(&t), &stops, &current, n),
        _ => plan::route(&day_of(&t), &stops),
    }
    .map_err(|e| {
        tracing::error!(error = %e, technician = %t.name, "route not re-planned");
        ServiceError::internal()
    })?;
    // Other technicians' routes and notes stay as published.
    let mut unplanned: Vec<String> = p
        .unplanned
        .iter()
        .filter(|u| !note_is_about(u, &t.name))
        .cloned()
        .collect();
    let mut left_out: Vec<LeftOut> = p
        .left_out
        .iter()
        .filter(|l| l.technician_id != Some(tech) && l.work_order_id != w.id)
        .cloned()
        .collect();
    let route = write_route(
        uow,
        &t,
        &orders,
        &routed,
        midnight,
        &mut unplanned,
        &mut left_out,
    )
    .await?;
    p.routes.retain(|r| r.technician_id != tech);
    p.routes.push(route.clone());
    p.routes
        .sort_by(|a, b| a.technician_name.cmp(&b.technician_name));
    p.unplanned = unplanned;
    p.left_out = left_out;
    p.revision += 1;
    p.published_at = from_ms(now_ms());
    day_plans::save_day_plan(uow, &p).await?;
    emit_route(uow, date, &route, p.revision, Some(Actor::system())).await
}

/// Inserts work order `new` into the published day `p` where it costs least, every other
/// order held on its route: only the routes whose stops change are written and
/// published again (the one that takes it, and the one it left if it was on another's
/// route); the orders left out are noted again with why.
async fn insert_into_day(
    uow: &mut UnitOfWork,
    work: &DayWork,
    mut p: DayPlan,
    new: Uuid,
) -> Result<(), ServiceError> {
    let Some(n) = work.orders.iter().position(|o| o.id == new) else {
        return Ok(());
    };
    let current: Vec<(Uuid, Vec<Uuid>)> = p
        .routes
        .iter()
        .map(|r| {
            (
                r.technician_id,
                r.stops
                    .iter()
                    .map(|s| s.work_order_id)
                    .filter(|id| *id != new)
                    .collect(),
            )
        })
        .collect();
    let answer = divide::insert(work, &current, n).map_err(|e| {
        tracing::error!(error = %e, date = %work.date, "work order not inserted");
        ServiceError::internal()
    })?;
    let before: Vec<(Uuid, Vec<Uuid>)> = p
        .routes
        .iter()
        .map(|r| {
            (
                r.technician_id,
                r.stops.iter().map(|s| s.work_order_id).collect(),
            )
        })
        .collect();
    let published = |t: Uuid| -> Vec<Uuid> {
        before
            .iter()
            .find(|r| r.0 == t)
            .map(|r| r.1.clone())
            .unwrap_or_default()
    };
    let mut changed = Vec::new();
    for r in &answer.routes {
        let t = work.technicians[r.technician].id;
        let now: Vec<Uuid> = r
            .routed
            .visits
            .iter()
            .map(|v| work.orders[v.0].id)
            .collect();
        if now == published(t) {
            continue;
        }
        let route = write_divided_route(uow, work, r, Some(Actor::system())).await?;
        p.routes.retain(|x| x.technician_id != t);
        p.routes.push(route.clone());
        changed.push(route);
    }
    p.routes
        .sort_by(|a, b| a.technician_name.cmp(&b.technician_name));
    let (mut unplanned, mut left_out) = (Vec::new(), Vec::new());
    write_left_out(uow, work, &answer, &mut unplanned, &mut left_out).await?;
    p.unplanned = unplanned;
    p.left_out = left_out;
    p.revision += 1;
    p.published_at = from_ms(now_ms());
    day_plans::save_day_plan(uow, &p).await?;
    for r in &changed {
        emit_route(uow, p.date, r, p.revision, Some(Actor::system())).await?;
    }
    Ok(())
}
