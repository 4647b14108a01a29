//! A technician's day route from their open work orders: each becomes a job of the route
//! planner with its appointment window (or the whole shift), its expected minutes on
//! site and its position; the planner orders them, keeps the windows and the shift and
//! gives planned arrivals. Times are minutes after local midnight.
//!
//! Travel time is 2 minutes a kilometre (30 km/h in town) plus 5 minutes to park; where a
//! position is missing, a leg counts 20 minutes. An urgent order is inserted into the
//! current route (the other technicians' routes are not touched).
use std::time::Duration;

use aftercare_contracts::intake::GeoPoint;
use aftercare_route_planner::{Job, Method, Params, Problem, Technician, insert_urgent, solve};

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
#[derive(Debug, Clone)]
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
    let misfit = "does not fit the shift and the other appointments";
    let mut left_out: Vec<(usize, String)> = plan
        .unserved
        .into_iter()
        .map(|u| (u.job, u.reason))
        .collect();
    let mut visits = Vec::with_capacity(order.len());
    let (mut at, mut place, mut travelled) = (day.shift.0, day.start, 0.0);
    for j in order {
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
    for j in 0..stops.len() {
        if !visits.iter().any(|v| v.0 == j) && !left_out.iter().any(|l| l.0 == j) {
            left_out.push((j, misfit.into()));
        }
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
}
