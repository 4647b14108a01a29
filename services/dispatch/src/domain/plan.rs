//! A technician's day route from their open work orders: each becomes a job of the route
//! planner with its appointment window (or the whole shift), its expected minutes on
//! site and its position; the planner orders them, keeps the windows and the shift and
//! gives planned arrivals. Times are minutes after local midnight.
//!
//! Travel time is 2 minutes a kilometre (30 km/h in town) plus 5 minutes to park; where a
//! position is missing, a leg counts 20 minutes. An urgent order is inserted into the
//! current route (the other technicians' routes are not touched).
use std::time::Duration;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{Technician as Profile, WorkOrder};
use aftercare_contracts::intake::GeoPoint;
use aftercare_route_planner::{Job, Method, Params, Problem, Technician, insert_urgent, solve};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::assignment::km;

/// Minutes for a leg whose ends are not both on the map.
pub const UNKNOWN_LEG: f64 = 20.0;

/// The technician whose day is planned.
#[derive(Debug, Clone)]
pub struct Day {
    /// Where the day starts and ends.
    pub start: Option<GeoPoint>,
    /// Shift, minutes after midnight.
    pub shift: (f64, f64),
}

/// One work order to route.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Where.
    pub location: Option<GeoPoint>,
    /// Appointment window, minutes after midnight; `None`: any time in the shift.
    pub window: Option<(f64, f64)>,
    /// Minutes on site.
    pub minutes: f64,
}

/// The planned route.
#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    /// Stop indexes in visiting order, with arrival and start of work.
    pub visits: Vec<(usize, f64, f64)>,
    /// Stops left out, with why.
    pub left_out: Vec<(usize, String)>,
    /// Minutes of travel.
    pub travel: f64,
    /// Back at the start.
    pub end: f64,
}

/// Minutes between two places.
pub fn travel(a: Option<GeoPoint>, b: Option<GeoPoint>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) if km(a, b) < 0.01 => 0.0,
        (Some(a), Some(b)) => 2.0 * km(a, b) + 5.0,
        _ => UNKNOWN_LEG,
    }
}

fn problem(day: &Day, stops: &[Stop]) -> Result<Problem, String> {
    let places: Vec<Option<GeoPoint>> = std::iter::once(day.start)
        .chain(stops.iter().map(|s| s.location))
        .collect();
    let n = places.len();
    let matrix = (0..n * n)
        .map(|k| {
            let (i, j) = (k / n, k % n);
            if i == j {
                0.0
            } else {
                travel(places[i], places[j])
            }
        })
        .collect();
    let tech = Technician {
        start: 0,
        end: 0,
        shift_start: day.shift.0,
        shift_end: day.shift.1,
        skills: vec![],
        capacity: f64::MAX / 4.0,
    };
    let jobs = stops
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (ready, due) = s
                .window
                .unwrap_or((day.shift.0, (day.shift.1 - s.minutes).max(day.shift.0)));
            Job {
                location: i + 1,
                ready,
                due: due.max(ready),
                service: s.minutes,
                demand: 0.0,
                skills: vec![],
                // Left out (and reported) rather than planned late.
                penalty: Some(100_000.0),
                pinned: None,
            }
        })
        .collect();
    Problem::new(matrix, vec![tech], jobs).map_err(|e| e.to_string())
}

/// The search is bounded by iterations, not time, so the same day plans the same way
/// however busy the machine is. One technician's day keeps the genetic search, whose
/// 1,500 generations are what its plans were measured with.
fn params() -> Params {
    Params {
        time_limit: Duration::from_secs(10),
        max_iterations: 1_500,
        threads: 1,
        method: Method::Genetic,
        ..Params::default()
    }
}

/// Walks the planner's order with the real travel times, windows and shift: a stop that
/// cannot start within its window (or would end the day late) is left out rather than
/// planned late, and the times are the ones the technician will see.
fn routed(plan: aftercare_route_planner::Plan, day: &Day, stops: &[Stop]) -> Routed {
    let order: Vec<usize> = plan
        .routes
        .first()
        .map(|r| r.stops.iter().map(|s| s.job).collect())
        .unwrap_or_default();
    let left_out: Vec<(usize, String)> = plan
        .unserved
        .into_iter()
        .map(|u| (u.job, u.reason))
        .collect();
    let mut r = walk(day, stops, &order);
    r.left_out.splice(0..0, left_out);
    for j in 0..stops.len() {
        if !r.visits.iter().any(|v| v.0 == j) && !r.left_out.iter().any(|l| l.0 == j) {
            r.left_out.push((j, MISFIT.into()));
        }
    }
    r
}

/// Why a stop the walk could not keep is left out.
pub const MISFIT: &str = "does not fit the shift and the other appointments";

/// Walks `order` (stop indexes) with the real travel times, windows and shift: a stop
/// that cannot start within its window (or would end the day late) is left out rather
/// than planned late (in `left_out`).
pub fn walk(day: &Day, stops: &[Stop], order: &[usize]) -> Routed {
    let misfit = MISFIT;
    let mut left_out: Vec<(usize, String)> = Vec::new();
    let mut visits = Vec::with_capacity(order.len());
    let (mut at, mut place, mut travelled) = (day.shift.0, day.start, 0.0);
    for &j in order {
        let s = &stops[j];
        let leg = travel(place, s.location);
        let arrival = at + leg;
        let (ready, due) = s.window.unwrap_or((day.shift.0, day.shift.1 - s.minutes));
        let start = arrival.max(ready);
        let home = travel(s.location, day.start);
        if start > due + 1e-6 || start + s.minutes + home > day.shift.1 + 1e-6 {
            left_out.push((j, misfit.into()));
            continue;
        }
        visits.push((j, arrival, start));
        travelled += leg;
        at = start + s.minutes;
        place = s.location;
    }
    let (travel_total, end) = if visits.is_empty() {
        (0.0, day.shift.0)
    } else {
        let home = travel(place, day.start);
        (travelled + home, at + home)
    };
    Routed {
        visits,
        left_out,
        travel: travel_total,
        end,
    }
}

/// Orders a technician's stops into a route.
pub fn route(day: &Day, stops: &[Stop]) -> Result<Routed, String> {
    if stops.is_empty() {
        return Ok(Routed {
            visits: vec![],
            left_out: vec![],
            travel: 0.0,
            end: day.shift.0,
        });
    }
    let p = problem(day, stops)?;
    Ok(routed(solve(&p, &params()), day, stops))
}

/// Inserts stop `urgent` into a route already planned as `current` (stop indexes in
/// order), keeping the rest as far as possible.
pub fn insert(
    day: &Day,
    stops: &[Stop],
    current: &[usize],
    urgent: usize,
) -> Result<Routed, String> {
    let p = problem(day, stops)?;
    Ok(routed(
        insert_urgent(&p, &[current.to_vec()], urgent, &params()),
        day,
        stops,
    ))
}

/// Minutes from `midnight` (a local day's start) to `t`.
pub fn minutes_after(t: DateTime<Utc>, midnight: DateTime<Utc>) -> f64 {
    (t - midnight).num_seconds() as f64 / 60.0
}

/// The instant `m` minutes after `midnight`, to the second.
pub fn instant(midnight: DateTime<Utc>, m: f64) -> DateTime<Utc> {
    midnight + chrono::Duration::seconds((m * 60.0).round() as i64)
}

/// Minutes after midnight of a local time.
pub fn clock(t: NaiveTime) -> f64 {
    (t - NaiveTime::MIN).num_seconds() as f64 / 60.0
}

/// A technician's day as the planner sees it: where it starts and their shift.
pub fn day_of(t: &Profile) -> Day {
    Day {
        start: t.start_location,
        shift: (clock(t.shift_start), clock(t.shift_end)),
    }
}

/// A technician's work orders of the day starting at `midnight` as stops: place,
/// appointment window and expected minutes on site.
pub fn stops_of(orders: &[WorkOrder], midnight: DateTime<Utc>) -> Vec<Stop> {
    orders
        .iter()
        .map(|w| Stop {
            location: w.location,
            window: w.appointment.map(|a| {
                (
                    minutes_after(a.start, midnight),
                    minutes_after(a.end, midnight),
                )
            }),
            minutes: f64::from(w.estimated_minutes),
        })
        .collect()
}

/// The local day whose route a work order is on: its appointment's day, or today for an
/// order without one (it waits in the queue).
pub fn route_day(w: &WorkOrder, calendar: &BusinessCalendar, now: DateTime<Utc>) -> NaiveDate {
    match w.appointment {
        Some(a) => calendar.local_date(a.start),
        None => calendar.local_date(now),
    }
}

/// Days are planned up to a month ahead or back of `today`; what is wrong with `date`
/// otherwise.
pub fn check_plan_date(date: NaiveDate, today: NaiveDate) -> Option<FieldError> {
    ((date - today).num_days().abs() > 31).then(|| FieldError {
        field: "date".into(),
        code: "out_of_range".into(),
        message: "days are planned up to a month ahead or back".into(),
    })
}

/// The day plan's note on a work order left out of `technician`'s route, and why.
pub fn left_out_note(number: &str, technician: &str, why: &str) -> String {
    format!("{number} ({technician}): {why}")
}

/// Whether a day plan's note is about `technician`'s route (re-planning their route
/// replaces their notes and keeps the others').
pub fn note_is_about(note: &str, technician: &str) -> bool {
    note.contains(&format!("({technician})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Option<GeoPoint> {
        Some(GeoPoint { lat, lon })
    }

    fn day() -> Day {
        Day {
            start: at(23.13, 113.32),
            shift: (530.0, 1050.0), // 08:50-17:30
        }
    }

    #[test]
    fn a_route_keeps_the_appointment_windows() {
        let stops = vec![
            // Afternoon appointment, close by.
            Stop {
                location: at(23.14, 113.33),
                window: Some((840.0, 900.0)),
                minutes: 60.0,
            },
            // Morning appointment.
            Stop {
                location: at(23.10, 113.30),
                window: Some((540.0, 600.0)),
                minutes: 90.0,
            },
            // Any time.
            Stop {
                location: at(23.12, 113.36),
                window: None,
                minutes: 45.0,
            },
        ];
        let r = route(&day(), &stops).expect("route");
        assert!(r.left_out.is_empty(), "{r:?}");
        assert_eq!(r.visits.len(), 3);
        assert_eq!(r.visits[0].0, 1, "the morning appointment comes first");
        for (i, _, start) in &r.visits {
            if let Some((from, to)) = stops[*i].window {
                assert!(*start >= from && *start <= to, "stop {i} starts at {start}");
            }
        }
        assert!(r.end <= 1050.0);
    }

    #[test]
    fn what_does_not_fit_is_left_out_with_a_reason() {
        let stops = vec![
            Stop {
                location: None,
                window: Some((540.0, 560.0)),
                minutes: 300.0,
            },
            Stop {
                location: None,
                window: Some((560.0, 580.0)),
                minutes: 300.0,
            },
        ];
        let r = route(&day(), &stops).expect("route");
        assert_eq!(r.visits.len(), 1);
        assert_eq!(r.left_out.len(), 1);
    }

    #[test]
    fn an_urgent_stop_is_inserted_into_the_planned_route() {
        let stops = vec![
            Stop {
                location: at(23.10, 113.30),
                window: Some((540.0, 600.0)),
                minutes: 60.0,
            },
            Stop {
                location: at(23.14, 113.33),
                window: Some((840.0, 900.0)),
                minutes: 60.0,
            },
            Stop {
                location: at(23.11, 113.31),
                window: Some((660.0, 720.0)),
                minutes: 30.0,
            },
        ];
        let r = insert(&day(), &stops, &[0, 1], 2).expect("route");
        let order: Vec<usize> = r.visits.iter().map(|v| v.0).collect();
        assert_eq!(order, vec![0, 2, 1]);
    }

    #[test]
    fn legs_without_positions_count_twenty_minutes() {
        assert_eq!(travel(None, at(23.0, 113.0)), UNKNOWN_LEG);
        assert_eq!(travel(at(23.0, 113.0), at(23.0, 113.0)), 0.0);
        let t = travel(at(23.0, 113.0), at(23.1, 113.0));
        assert!((t - (2.0 * 11.12 + 5.0)).abs() < 0.2, "{t}");
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn days_are_planned_up_to_a_month_either_side() {
        let today = date(2026, 11, 24);
        assert_eq!(check_plan_date(date(2026, 12, 25), today), None);
        assert_eq!(check_plan_date(date(2026, 10, 24), today), None);
        assert_eq!(
            check_plan_date(date(2026, 12, 26), today)
                .map(|e| e.code)
                .as_deref(),
            Some("out_of_range")
        );
    }

    #[test]
    fn notes_name_the_technician_whose_route_left_the_order_out() {
        let note = left_out_note("W2026-000001", "Li Lei", "shift too short");
        assert_eq!(note, "W2026-000001 (Li Lei): shift too short");
        assert!(note_is_about(&note, "Li Lei"));
        assert!(!note_is_about(&note, "Li"));
    }

    #[test]
    fn times_are_minutes_after_local_midnight() {
        use chrono::TimeZone;
        let midnight = Utc
            .with_ymd_and_hms(2026, 11, 23, 16, 0, 0)
            .single()
            .expect("time");
        let nine = Utc
            .with_ymd_and_hms(2026, 11, 24, 1, 0, 0)
            .single()
            .expect("time");
        assert_eq!(minutes_after(nine, midnight), 540.0);
        assert_eq!(instant(midnight, 540.0), nine);
        assert_eq!(instant(midnight, 540.004), nine);
        let profile = Profile {
            id: uuid::Uuid::nil(),
            name: "Li".into(),
            district: "tianhe".into(),
            skills: vec![],
            daily_capacity: 8,
            team: "tianhe".into(),
            certifications: vec![],
            start_location: at(23.13, 113.32),
            shift_start: NaiveTime::from_hms_opt(8, 50, 0).expect("time"),
            shift_end: NaiveTime::from_hms_opt(17, 30, 0).expect("time"),
            van_location: None,
            leave: vec![],
            active: true,
            version: 1,
        };
        let d = day_of(&profile);
        assert_eq!((d.start, d.shift), (at(23.13, 113.32), (530.0, 1050.0)));
    }

    #[test]
    fn an_order_is_on_its_appointment_day_or_today() {
        use chrono::TimeZone;
        let cal = BusinessCalendar::china();
        let now = Utc
            .with_ymd_and_hms(2026, 11, 23, 17, 0, 0)
            .single()
            .expect("time");
        let w: WorkOrder = serde_json::from_value(serde_json::json!({
            "id": uuid::Uuid::nil(), "number": "W1", "ticket_id": uuid::Uuid::nil(),
            "ticket_number": "T1", "status": "assigned", "priority": "p3",
            "customer_name": "", "district": "", "work_type": "repair",
            "required_skills": [], "estimated_minutes": 60, "address": "",
            "assignment_reasons": [], "flagged": false, "parts": [], "parts_requested": [], "history": [],
            "created_at": now, "version": 1
        }))
        .expect("work order");
        assert_eq!(route_day(&w, &cal, now), date(2026, 11, 24));
        assert_eq!(
            stops_of(std::slice::from_ref(&w), now)[0],
            Stop {
                location: None,
                window: None,
                minutes: 60.0
            }
        );
    }
}
