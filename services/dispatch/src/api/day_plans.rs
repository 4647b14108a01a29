//! Day plans: every technician's open work orders of a day ordered into a route with
//! planned arrivals, published to the technicians (`dispatch.route.published`); a work
//! order assigned or booked into a day already published re-plans only its technician's
//! route.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    DayPlan, GetDayPlan, PlanDay, Route, RoutePublished, RouteStop, Technician, WorkOrder,
};
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

use crate::domain::plan::{self, Day, Routed, Stop};
use crate::store::{self, technicians};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints.on::<PlanDay, _>(publish).on::<GetDayPlan, _>(get)
}

/// Minutes after local midnight of `day`.
fn minutes(t: DateTime<Utc>, midnight: DateTime<Utc>) -> f64 {
    (t - midnight).num_seconds() as f64 / 60.0
}

fn at(midnight: DateTime<Utc>, m: f64) -> DateTime<Utc> {
    midnight + Duration::seconds((m * 60.0).round() as i64)
}

fn clock(t: NaiveTime) -> f64 {
    (t - NaiveTime::MIN).num_seconds() as f64 / 60.0
}

fn stops_of(orders: &[WorkOrder], midnight: DateTime<Utc>) -> Vec<Stop> {
    orders
        .iter()
        .map(|w| Stop {
            location: w.location,
            window: w
                .appointment
                .map(|a| (minutes(a.start, midnight), minutes(a.end, midnight))),
            minutes: f64::from(w.estimated_minutes),
        })
        .collect()
}

/// The route of one technician from the planner's answer; planned arrivals are written
/// on the work orders (cleared on those left out).
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
        let arrival = at(midnight, *arrival);
        store::set_planned_arrival(uow, w.id, Some(arrival.timestamp_millis())).await?;
        stops.push(RouteStop {
            work_order_id: w.id,
            number: w.number.clone(),
            planned_arrival: arrival,
            planned_start: at(midnight, *start),
            window: w.appointment,
        });
    }
    for (i, why) in &r.left_out {
        let w = &orders[*i];
        store::set_planned_arrival(uow, w.id, None).await?;
        unplanned.push(format!("{} ({}): {why}", w.number, t.name));
    }
    Ok(Route {
        technician_id: t.id,
        technician_name: t.name.clone(),
        stops,
        travel_minutes: r.travel.round().max(0.0) as u32,
        ends_at: at(midnight, r.end),
    })
}

fn day_of(t: &Technician) -> Day {
    Day {
        start: t.start_location,
        shift: (clock(t.shift_start), clock(t.shift_end)),
    }
}

async fn emit_route(
    uow: &mut UnitOfWork,
    date: NaiveDate,
    r: &Route,
    revision: i64,
    ctx_actor: Option<aftercare_contracts::Actor>,
) -> Result<(), ServiceError> {
    uow.emit(&Envelope::new(
        RoutePublished {
            date,
            technician_id: r.technician_id,
            work_order_ids: r.stops.iter().map(|s| s.work_order_id).collect(),
            revision,
        },
        ctx_actor,
    ))
    .await?;
    Ok(())
}

/// Plans and publishes a whole day.
async fn publish(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: PlanDay,
) -> Result<DayPlan, ServiceError> {
    let today = calendar.local_date(from_ms(now_ms()));
    if (req.date - today).num_days().abs() > 31 {
        return Err(ServiceError::field(
            "date",
            "out_of_range",
            "days are planned up to a month ahead or back",
        ));
    }
    let midnight = calendar.start_of_day(req.date);
    let next = calendar.start_of_day(req.date + Duration::days(1));
    let mut uow = db.begin().await?;
    let orders = store::day_orders(
        uow.conn(),
        midnight.timestamp_millis(),
        next.timestamp_millis(),
    )
    .await?;
    let mut by_tech: BTreeMap<Uuid, Vec<WorkOrder>> = BTreeMap::new();
    for w in orders {
        if let Some(t) = w.technician_id {
            by_tech.entry(t).or_default().push(w);
        }
    }
    let revision = store::day_plan(uow.conn(), req.date)
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
        routes.push(write_route(&mut uow, &t, orders, &r, midnight, &mut unplanned).await?);
    }
    let p = DayPlan {
        date: req.date,
        routes,
        unplanned,
        revision,
        published_at: from_ms(now_ms()),
    };
    store::save_day_plan(&mut uow, &p).await?;
    for r in &p.routes {
        emit_route(&mut uow, p.date, r, revision, ctx.actor.clone()).await?;
    }
    uow.commit().await?;
    Ok(p)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetDayPlan,
) -> Result<DayPlan, ServiceError> {
    let mut conn = db.read_conn().await?;
    let mut p = store::day_plan(&mut conn, req.date)
        .await?
        .ok_or_else(|| ServiceError::not_found("day plan", &req.date.to_string()))?;
    if let Some(t) = req.technician_id {
        p.routes.retain(|r| r.technician_id == t);
        p.unplanned.clear();
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
    let date = match w.appointment {
        Some(a) => calendar.local_date(a.start),
        None => calendar.local_date(from_ms(now_ms())),
    };
    let Some(mut p) = store::day_plan(uow.conn(), date).await? else {
        return Ok(());
    };
    let Some(t) = technicians::get(uow.conn(), &tech.to_string()).await? else {
        return Ok(());
    };
    let midnight = calendar.start_of_day(date);
    let next = calendar.start_of_day(date + Duration::days(1));
    let orders: Vec<WorkOrder> = store::day_orders(
        uow.conn(),
        midnight.timestamp_millis(),
        next.timestamp_millis(),
    )
    .await?
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
        .filter(|u| !u.contains(&format!("({})", t.name)))
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
    store::save_day_plan(uow, &p).await?;
    emit_route(
        uow,
        date,
        &route,
        p.revision,
        Some(aftercare_contracts::Actor::system()),
    )
    .await
}
