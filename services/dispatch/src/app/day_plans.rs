//! Day plans: every technician's open work orders of a day ordered into a route with
//! planned arrivals, published to the technicians (`dispatch.route.published`); a work
//! order assigned or booked into a day already published re-plans only its technician's
//! route.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    DayPlan, Route, RoutePublished, RouteStop, Technician, WorkOrder,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;

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
        });
    }
    for (i, why) in &r.left_out {
        let w = &orders[*i];
        work_orders::set_planned_arrival(uow, w.id, None).await?;
        unplanned.push(left_out_note(&w.number, &t.name, why));
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

/// The open work orders of technicians on the local day `date`, from its midnight.
async fn orders_of_day(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    date: NaiveDate,
) -> Result<(DateTime<Utc>, Vec<WorkOrder>), ServiceError> {
    let midnight = calendar.start_of_day(date);
    let next = calendar.start_of_day(date + Duration::days(1));
    let orders = work_orders::day_orders(
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
    let mut by_tech: BTreeMap<Uuid, Vec<WorkOrder>> = BTreeMap::new();
    for w in orders {
        if let Some(t) = w.technician_id {
            by_tech.entry(t).or_default().push(w);
        }
    }
    let revision = day_plans::day_plan(uow.conn(), date)
        .await?
        .map(|p| p.revision + 1)
        .unwrap_or(1);
    let mut routes = Vec::new();
    let mut unplanned = Vec::new();
    for (tech_id, orders) in &by_tech {
        let Some(t) = technicians::get(uow.conn(), &tech_id.to_string()).await? else {
            continue;
        };
        let r = plan::route(&day_of(&t), &stops_of(orders, midnight)).map_err(|e| {
            tracing::error!(error = %e, technician = %t.name, "route not planned");
            ServiceError::internal()
        })?;
        routes.push(write_route(uow, &t, orders, &r, midnight, &mut unplanned).await?);
    }
    let p = DayPlan {
        date,
        routes,
        unplanned,
        revision,
        published_at: from_ms(now_ms()),
    };
    day_plans::save_day_plan(uow, &p).await?;
    for r in &p.routes {
        emit_route(uow, p.date, r, revision, actor.clone()).await?;
    }
    Ok(p)
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
    let orders: Vec<WorkOrder> = orders
        .into_iter()
        .filter(|o| o.technician_id == Some(tech))
        .collect();
    let stops = stops_of(&orders, midnight);
    let planned: Vec<Uuid> = p
        .routes
        .iter()
        .find(|r| r.technician_id == tech)
        .map(|r| r.stops.iter().map(|s| s.work_order_id).collect())
        .unwrap_or_default();
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
    let route = write_route(uow, &t, &orders, &routed, midnight, &mut unplanned).await?;
    p.routes.retain(|r| r.technician_id != tech);
    p.routes.push(route.clone());
    p.routes
        .sort_by(|a, b| a.technician_name.cmp(&b.technician_name));
    p.unplanned = unplanned;
    p.revision += 1;
    p.published_at = from_ms(now_ms());
    day_plans::save_day_plan(uow, &p).await?;
    emit_route(uow, date, &route, p.revision, Some(Actor::system())).await
}
