//! Dividing a day's work among the technicians: the day's unassigned work orders and the
//! movable ones (assigned automatically, not yet accepted) go to the route planner with
//! every technician working that day, who decides who goes where; orders a dispatcher
//! pinned (or the technician accepted, or has started) stay with their technician.
//!
//! The problem ([`build`]) is the route planner's dispatch day
//! ([`aftercare_route_planner::day::DayProblem`], the JSON `aftercare plan --problem`
//! replays): technicians with their shift, skills, the certificates valid that day and
//! their daily capacity (each order counts one; a dispatcher's pins may exceed it);
//! orders with their appointment window, expected minutes, skills, the certificate of
//! their product line and, when held, their technician; travel from dispatch's own
//! times ([`super::plan::travel`]) as a matrix. Every order may be left out at a price
//! far above any travel, and is then reported with why.
//!
//! The answer ([`read`]) is walked again with the real times as a technician's route is
//! ([`super::plan::walk`]), and each stop says why it is there ([`stop_reasons`]), each
//! order left out why ([`why_left_out`]): no qualified technician, no window fits, or
//! capacity. An order added to a planned day is inserted where it costs least, the
//! other orders held where they are ([`insert`]), so only the route it joins changes.
use std::time::Duration;

use aftercare_contracts::dispatch::{WorkOrder, WorkOrderStatus};
use aftercare_route_planner::day::{DayJob, DayProblem, DayTechnician, Place, Travel, Window};
use aftercare_route_planner::{Method, Params, Plan, insert_urgent, solve};
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::assignment::{Candidate, km};
use super::plan::{Day, Routed, Stop, clock, stops_of, travel, walk};

/// What leaving an order out costs the planner, in minutes of travel: more than any
/// day's travel, so an order is left out only when nobody can take it.
pub const LEFT_OUT_PRICE: f64 = 100_000.0;

/// Why an order stays with its technician, if it does: pinned by a dispatcher (or a
/// return visit), accepted by the technician, or under way.
pub fn held(w: &WorkOrder) -> Option<&'static str> {
    w.technician_id?;
    if w.pinned {
        return Some("pinned by a dispatcher");
    }
    match w.status {
        WorkOrderStatus::Accepted => Some("accepted by the technician"),
        WorkOrderStatus::EnRoute | WorkOrderStatus::OnSite => Some("under way"),
        _ => None,
    }
}

/// Why a held order is on its technician's route: why it is held, and its window.
pub fn held_reasons(w: &WorkOrder, midnight: DateTime<Utc>) -> Vec<String> {
    let mut reasons: Vec<String> = held(w).map(str::to_owned).into_iter().collect();
    reasons.push(window_reason(w, midnight));
    reasons
}

fn window_reason(w: &WorkOrder, midnight: DateTime<Utc>) -> String {
    match stops_of(std::slice::from_ref(w), midnight)[0].window {
        Some((a, b)) => format!("window {}–{}", hhmm(a), hhmm(b)),
        None => "no appointment: any time in the shift".into(),
    }
}

/// Whether the planner has anything to divide: an unassigned order, or one assigned
/// automatically and not yet accepted. When not, each technician's route is ordered
/// alone.
pub fn has_work_to_divide(orders: &[WorkOrder]) -> bool {
    orders.iter().any(|w| held(w).is_none())
}

/// A day's work: the local day, its midnight, the active technicians (with their load
/// and leave that day) and the open orders of the day.
#[derive(Debug, Clone)]
pub struct DayWork {
    /// The local day.
    pub date: NaiveDate,
    /// Its start.
    pub midnight: DateTime<Utc>,
    /// Active technicians; those on leave do not work.
    pub technicians: Vec<Candidate>,
    /// The day's open orders.
    pub orders: Vec<WorkOrder>,
}

/// The planner's problem and how its indexes map back to the day.
#[derive(Debug, Clone)]
pub struct Built {
    /// The problem, as the route planner's dispatch day.
    pub problem: DayProblem,
    /// Planner technician → index in [`DayWork::technicians`].
    pub techs: Vec<usize>,
    /// Planner job → index in [`DayWork::orders`].
    pub jobs: Vec<usize>,
    /// Orders not given to the planner, with why (held by a technician not working).
    pub excluded: Vec<(usize, String)>,
}

/// The certificate a work order needs: one for its machine's product line.
pub fn certificate_for(w: &WorkOrder) -> Option<String> {
    w.machine
        .as_ref()
        .map(|m| m.product_line.trim().to_lowercase())
        .filter(|p| !p.is_empty())
}

/// The certificates of `c` valid on `date`, in lower case.
fn certificates(c: &Candidate, date: NaiveDate) -> Vec<String> {
    c.certifications
        .iter()
        .filter(|x| x.expires_on >= date)
        .map(|x| x.skill.trim().to_lowercase())
        .collect()
}

fn shift(c: &Candidate) -> (f64, f64) {
    (clock(c.shift.0), clock(c.shift.1))
}

/// Builds the day's problem for the planner.
pub fn build(work: &DayWork) -> Built {
    let techs: Vec<usize> = (0..work.technicians.len())
        .filter(|&t| !work.technicians[t].on_leave)
        .collect();
    let slot = |id: Uuid| techs.iter().position(|&t| work.technicians[t].id == id);
    let mut jobs = Vec::new();
    let mut excluded = Vec::new();
    for (o, w) in work.orders.iter().enumerate() {
        match (held(w), w.technician_id) {
            (Some(why), Some(t)) => {
                let name = work
                    .technicians
                    .iter()
                    .find(|c| c.id == t)
                    .map_or("its technician", |c| c.name.as_str());
                match slot(t) {
                    None => {
                        excluded.push((o, format!("{why}, but {name} is not working that day")))
                    }
                    Some(k) if !qualified(&work.technicians[techs[k]], w, work.date) => excluded
                        .push((
                            o,
                            format!("{why}, but {name} is no longer qualified for it"),
                        )),
                    Some(_) => jobs.push(o),
                }
            }
            // Nobody working holds what it needs: the planner is not asked.
            _ if !techs
                .iter()
                .any(|&t| qualified(&work.technicians[t], w, work.date)) =>
            {
                excluded.push((o, why_left_out(work, o, &[])));
            }
            _ => jobs.push(o),
        }
    }
    let stops = stops_of(
        &jobs
            .iter()
            .map(|&o| work.orders[o].clone())
            .collect::<Vec<_>>(),
        work.midnight,
    );
    // Places: the technicians' starts, then the orders.
    let places: Vec<_> = techs
        .iter()
        .map(|&t| work.technicians[t].start)
        .chain(stops.iter().map(|s| s.location))
        .collect();
    let minutes = places
        .iter()
        .enumerate()
        .map(|(i, a)| {
            places
                .iter()
                .enumerate()
                .map(|(j, b)| if i == j { 0.0 } else { travel(*a, *b) })
                .collect()
        })
        .collect();
    let technicians = techs
        .iter()
        .enumerate()
        .map(|(k, &t)| {
            let c = &work.technicians[t];
            let pinned = jobs
                .iter()
                .filter(|&&o| {
                    let w = &work.orders[o];
                    held(w).is_some() && w.technician_id == Some(c.id)
                })
                .count() as u32;
            let (start, end) = shift(c);
            DayTechnician {
                id: c.id.to_string(),
                start: Place::Location(k),
                end: None,
                shift: Window { start, end },
                lunch: None,
                skills: c.skills.clone(),
                certificates: certificates(c, work.date),
                // Daily capacity in orders: each order takes one.
                van_capacity: Some(f64::from(c.daily_capacity.max(pinned))),
            }
        })
        .collect();
    let day_jobs = jobs
        .iter()
        .zip(&stops)
        .enumerate()
        .map(|(j, (&o, s))| {
            let w = &work.orders[o];
            DayJob {
                id: w.id.to_string(),
                location: Place::Location(techs.len() + j),
                window: s.window.map(|(start, end)| Window { start, end }),
                service_minutes: s.minutes,
                demand: 1.0,
                skills: w.required_skills.clone(),
                certificates: certificate_for(w).into_iter().collect(),
                pinned: held(w).and(w.technician_id).map(|t| t.to_string()),
                penalty: Some(LEFT_OUT_PRICE),
            }
        })
        .collect();
    Built {
        problem: DayProblem {
            technicians,
            jobs: day_jobs,
            travel: Travel::Matrix { minutes },
        },
        techs,
        jobs,
        excluded,
    }
}

/// Bounded by iterations, not time, so the same day divides the same way however busy
/// the machine is.
fn params() -> Params {
    Params {
        time_limit: Duration::from_secs(10),
        max_iterations: 1_500,
        threads: 1,
        method: Method::Genetic,
        ..Params::default()
    }
}

/// One technician's route in the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct TechRoute {
    /// Index in [`DayWork::technicians`].
    pub technician: usize,
    /// The route; stop indexes are indexes in [`DayWork::orders`].
    pub routed: Routed,
    /// Why, per visit (same order as `routed.visits`).
    pub reasons: Vec<Vec<String>>,
}

/// The planner's answer in the day's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// One route per working technician, in the order of [`DayWork::technicians`]
    /// (empty when they have nothing that day).
    pub routes: Vec<TechRoute>,
    /// Orders left out (index in [`DayWork::orders`]) and why.
    pub left_out: Vec<(usize, String)>,
}

fn the_day(work: &DayWork, t: usize) -> Day {
    let c = &work.technicians[t];
    Day {
        start: c.start,
        shift: shift(c),
    }
}

fn hhmm(m: f64) -> String {
    let m = m.round().max(0.0) as i64;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// Whether `c` holds what order `w` needs on `date`: skills and certificate.
fn qualified(c: &Candidate, w: &WorkOrder, date: NaiveDate) -> bool {
    w.required_skills.iter().all(|s| c.skills.contains(s))
        && certificate_for(w).is_none_or(|line| certificates(c, date).contains(&line))
}

/// Whether `c`'s shift covers the window (minutes after midnight) of a stop.
fn covers(c: &Candidate, s: &Stop) -> bool {
    let (from, to) = shift(c);
    s.window.is_none_or(|(a, b)| a < to && b > from)
}

/// Why order `o` is on technician `t`'s route.
pub fn stop_reasons(work: &DayWork, o: usize, t: usize) -> Vec<String> {
    let w = &work.orders[o];
    let c = &work.technicians[t];
    let stop = &stops_of(std::slice::from_ref(w), work.midnight)[0];
    let mut reasons = Vec::new();
    if let Some(why) = held(w) {
        reasons.push(why.to_owned());
    } else {
        if !w.required_skills.is_empty() {
            reasons.push(format!("skills {}", w.required_skills.join(", ")));
        }
        if let Some(line) = certificate_for(w) {
            reasons.push(format!("{line} certificate"));
        }
        let able: Vec<&Candidate> = work
            .technicians
            .iter()
            .filter(|x| !x.on_leave && qualified(x, w, work.date) && covers(x, stop))
            .collect();
        let far = |x: &Candidate| x.start.zip(w.location).map(|(a, b)| km(a, b));
        match far(c) {
            _ if able.len() <= 1 => reasons.push("the only qualified technician".into()),
            Some(d) if able.iter().all(|x| far(x).is_none_or(|e| e >= d - 1e-9)) => reasons.push(
                format!("nearest qualified technician ({d:.1} km from the start)"),
            ),
            Some(d) => reasons.push(format!(
                "{d:.1} km from the start; the route fits best among {} qualified",
                able.len()
            )),
            None => reasons.push(format!(
                "the route fits best among {} qualified",
                able.len()
            )),
        }
        if let Some(prev) = w.technician_id.filter(|p| *p != c.id) {
            let name = work
                .technicians
                .iter()
                .find(|x| x.id == prev)
                .map_or_else(|| prev.to_string(), |x| x.name.clone());
            reasons.push(format!("moved from {name}"));
        }
    }
    reasons.push(window_reason(w, work.midnight));
    reasons
}

/// Why order `o` is on no route, given the planned `routes`: no qualified technician, no
/// window fits, or capacity.
pub fn why_left_out(work: &DayWork, o: usize, routes: &[TechRoute]) -> String {
    let w = &work.orders[o];
    let stop = &stops_of(std::slice::from_ref(w), work.midnight)[0];
    let working: Vec<(usize, &Candidate)> = work
        .technicians
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.on_leave)
        .collect();
    if let (Some(why), Some(t)) = (held(w), w.technician_id) {
        let name = working
            .iter()
            .find(|(_, c)| c.id == t)
            .map_or("its technician", |(_, c)| c.name.as_str());
        return format!("{why}: does not fit {name}'s shift and other appointments");
    }
    let skilled: Vec<&Candidate> = working
        .iter()
        .map(|(_, c)| *c)
        .filter(|c| w.required_skills.iter().all(|s| c.skills.contains(s)))
        .collect();
    if skilled.is_empty() {
        return format!(
            "no qualified technician: nobody working that day has the skills {}",
            w.required_skills.join(", ")
        );
    }
    let certified: Vec<&Candidate> = skilled
        .into_iter()
        .filter(|c| qualified(c, w, work.date))
        .collect();
    if certified.is_empty() {
        return format!(
            "no qualified technician: nobody working that day holds a valid {} certificate",
            certificate_for(w).unwrap_or_default()
        );
    }
    let covering: Vec<&Candidate> = certified.into_iter().filter(|c| covers(c, stop)).collect();
    let window = match stop.window {
        Some((a, b)) => format!("the window {}–{}", hhmm(a), hhmm(b)),
        None => "their shifts".into(),
    };
    if covering.is_empty() {
        return format!("no window fits: no qualified technician's shift covers {window}");
    }
    let full = covering.iter().all(|c| {
        let on_route = routes
            .iter()
            .find(|r| work.technicians[r.technician].id == c.id)
            .map_or(0, |r| r.routed.visits.len());
        on_route as u32 >= c.daily_capacity
    });
    if full {
        let names: Vec<&str> = covering.iter().map(|c| c.name.as_str()).collect();
        return format!(
            "capacity: every qualified technician is fully booked ({})",
            names.join(", ")
        );
    }
    format!("no window fits: no qualified technician's route has room within {window}")
}

/// Reads the planner's answer: each route walked again with the real times, each stop
/// with its reasons, each order left out with why.
pub fn read(work: &DayWork, built: &Built, plan: &Plan) -> Answer {
    let stops: Vec<Stop> = stops_of(
        &built
            .jobs
            .iter()
            .map(|&o| work.orders[o].clone())
            .collect::<Vec<_>>(),
        work.midnight,
    );
    let mut routes = Vec::with_capacity(built.techs.len());
    for (k, &t) in built.techs.iter().enumerate() {
        let order: Vec<usize> = plan
            .routes
            .iter()
            .find(|r| r.technician == k)
            .map(|r| {
                r.stops
                    .iter()
                    .map(|s| s.job)
                    .filter(|&j| j < built.jobs.len())
                    .collect()
            })
            .unwrap_or_default();
        let mut walked = walk(&the_day(work, t), &stops, &order);
        // The daily capacity holds even where the search could not keep it: the last
        // orders that are not held wait.
        let c = &work.technicians[t];
        let held_here = walked
            .visits
            .iter()
            .filter(|v| held(&work.orders[built.jobs[v.0]]).is_some())
            .count() as u32;
        let capacity = c.daily_capacity.max(held_here) as usize;
        if walked.visits.len() > capacity {
            let mut keep: Vec<usize> = walked.visits.iter().map(|v| v.0).collect();
            while keep.len() > capacity {
                let Some(k) = keep
                    .iter()
                    .rposition(|&j| held(&work.orders[built.jobs[j]]).is_none())
                else {
                    break;
                };
                keep.remove(k);
            }
            walked = walk(&the_day(work, t), &stops, &keep);
        }
        let routed = Routed {
            visits: walked
                .visits
                .iter()
                .map(|&(j, a, s)| (built.jobs[j], a, s))
                .collect(),
            left_out: vec![],
            travel: walked.travel,
            end: walked.end,
        };
        let reasons = routed
            .visits
            .iter()
            .map(|v| stop_reasons(work, v.0, t))
            .collect();
        routes.push(TechRoute {
            technician: t,
            routed,
            reasons,
        });
    }
    let served = |j: usize| {
        routes
            .iter()
            .any(|r| r.routed.visits.iter().any(|v| v.0 == built.jobs[j]))
    };
    let mut left_out: Vec<(usize, String)> = built.excluded.clone();
    for j in 0..built.jobs.len() {
        if !served(j) {
            let o = built.jobs[j];
            left_out.push((o, why_left_out(work, o, &routes)));
        }
    }
    left_out.sort_by_key(|l| l.0);
    Answer { routes, left_out }
}

/// Divides the day: builds the problem, plans it and reads the answer.
pub fn divide(work: &DayWork) -> Result<Answer, String> {
    let built = build(work);
    let model = built.problem.model().map_err(|e| e.to_string())?;
    let plan = solve(&model.problem, &params());
    Ok(read(work, &built, &plan))
}

/// Inserts order `new` (an index in [`DayWork::orders`]) into a planned day whose routes
/// are `current` (per technician id, the orders' ids in visiting order), where it costs
/// least: every other order is held on its technician's route, so only the route that
/// takes it changes.
pub fn insert(work: &DayWork, current: &[(Uuid, Vec<Uuid>)], new: usize) -> Result<Answer, String> {
    let mut held_work = work.clone();
    let new_id = work.orders[new].id;
    // Every other order stays where it is: held on the route it is on.
    for w in &mut held_work.orders {
        if w.id == new_id {
            continue;
        }
        if let Some((t, _)) = current.iter().find(|(_, ids)| ids.contains(&w.id)) {
            w.technician_id = Some(*t);
            w.pinned = true;
        }
    }
    let built = build(&held_work);
    let model = built.problem.model().map_err(|e| e.to_string())?;
    let job_of = |id: Uuid| built.jobs.iter().position(|&o| work.orders[o].id == id);
    let Some(job) = job_of(new_id) else {
        // Held by a technician not working that day: nothing to insert.
        let nothing = Plan {
            routes: vec![],
            unserved: vec![],
            distance: 0.0,
            penalty: 0.0,
            vehicles: 0,
            feasible: true,
            excess_load: 0.0,
            time_warp: 0.0,
            iterations: 0,
        };
        return Ok(read(work, &built, &nothing));
    };
    let mut routes: Vec<Vec<usize>> = built
        .techs
        .iter()
        .map(|&t| {
            current
                .iter()
                .find(|(id, _)| *id == work.technicians[t].id)
                .map(|(_, ids)| ids.iter().filter_map(|&id| job_of(id)).collect())
                .unwrap_or_default()
        })
        .collect();
    // Orders planned on nobody's route wait as optional jobs left out.
    let on_routes: Vec<usize> = routes.iter().flatten().copied().collect();
    routes.push(
        (0..built.jobs.len())
            .filter(|j| *j != job && !on_routes.contains(j))
            .collect(),
    );
    let plan = insert_urgent(&model.problem, &routes, job, &params());
    Ok(read(work, &built, &plan))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use aftercare_contracts::dispatch::{Certification, TimeWindow};
    use aftercare_contracts::intake::{GeoPoint, MachineInfo};
    use chrono::{NaiveTime, TimeZone};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    /// Local midnight of 8 December 2026 in Shanghai.
    fn midnight() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 16, 0, 0)
            .single()
            .unwrap()
    }

    fn at(x: f64) -> Option<GeoPoint> {
        Some(GeoPoint {
            lat: 23.13,
            lon: 113.30 + x / 100.0,
        })
    }

    fn tech(n: u128, name: &str, line: &str, brand: &str, x: f64) -> Candidate {
        Candidate {
            id: Uuid::from_u128(n),
            name: name.into(),
            district: "tianhe".into(),
            skills: vec![line.into(), brand.into()],
            certifications: vec![Certification {
                skill: line.into(),
                expires_on: NaiveDate::from_ymd_opt(2099, 12, 31).unwrap(),
            }],
            daily_capacity: 8,
            day_orders: 0,
            on_leave: false,
            shift: (
                NaiveTime::from_hms_opt(8, 50, 0).unwrap(),
                NaiveTime::from_hms_opt(17, 30, 0).unwrap(),
            ),
            start: at(x),
        }
    }

    fn order(n: u128, line: &str, brand: &str, x: f64) -> WorkOrder {
        let mut w: WorkOrder = serde_json::from_value(serde_json::json!({
            "id": Uuid::from_u128(n), "number": format!("W2026-{n:06}"), "ticket_id": Uuid::nil(),
            "ticket_number": "T1", "status": "unassigned", "priority": "p3",
            "customer_name": "", "district": "tianhe", "work_type": "repair",
            "required_skills": [line, brand.to_lowercase()], "estimated_minutes": 60, "address": "",
            "assignment_reasons": [], "flagged": true, "parts": [], "parts_requested": [],
            "created_at": midnight(), "version": 1
        }))
        .unwrap();
        w.machine = Some(MachineInfo {
            product_line: line.into(),
            brand: brand.into(),
            model: "M".into(),
            serial: format!("S{n}"),
            purchase_date: None,
        });
        w.location = at(x);
        w
    }

    fn window(w: &mut WorkOrder, from: f64, to: f64) {
        w.appointment = Some(TimeWindow {
            start: midnight() + chrono::Duration::minutes(from as i64),
            end: midnight() + chrono::Duration::minutes(to as i64),
        });
    }

    fn pin(w: &mut WorkOrder, t: &Candidate) {
        w.status = WorkOrderStatus::Assigned;
        w.technician_id = Some(t.id);
        w.pinned = true;
        w.flagged = false;
    }

    /// Li does copiers (Sharp) from the west, Wang printers (HP) from the east; a
    /// copier order near Wang's start is pinned to Li; a fax nobody can take.
    fn day() -> DayWork {
        let li = tech(1, "Li", "copier", "sharp", 0.0);
        let wang = tech(2, "Wang", "printer", "hp", 10.0);
        let mut pinned = order(13, "copier", "Sharp", 9.0);
        pin(&mut pinned, &li);
        let mut morning = order(10, "copier", "Sharp", 1.0);
        window(&mut morning, 600.0, 720.0);
        DayWork {
            date: date(),
            midnight: midnight(),
            technicians: vec![li, wang],
            orders: vec![
                morning,
                order(11, "copier", "Sharp", 2.0),
                order(12, "printer", "HP", 9.5),
                pinned,
                order(14, "fax", "Brother", 5.0),
            ],
        }
    }

    #[test]
    fn the_problem_holds_the_technicians_and_every_order_with_its_needs() {
        let work = day();
        let built = build(&work);
        let p = &built.problem;
        assert_eq!(built.techs, vec![0, 1]);
        assert_eq!(built.jobs, vec![0, 1, 2, 3], "nobody can take the fax");
        assert_eq!(
            built.excluded,
            vec![(
                4,
                "no qualified technician: nobody working that day has the skills fax, brother"
                    .to_string()
            )]
        );
        let li = &p.technicians[0];
        assert_eq!(li.id, Uuid::from_u128(1).to_string());
        assert_eq!((li.shift.start, li.shift.end), (530.0, 1050.0));
        assert_eq!(li.certificates, vec!["copier".to_string()]);
        assert_eq!(li.skills, vec!["copier".to_string(), "sharp".into()]);
        assert_eq!(li.van_capacity, Some(8.0), "the daily capacity in orders");
        let morning = &p.jobs[0];
        assert_eq!(
            morning.window.map(|w| (w.start, w.end)),
            Some((600.0, 720.0))
        );
        assert_eq!(morning.skills, vec!["copier".to_string(), "sharp".into()]);
        assert_eq!(morning.certificates, vec!["copier".to_string()]);
        assert_eq!((morning.demand, morning.service_minutes), (1.0, 60.0));
        assert_eq!(morning.pinned, None, "unassigned: the planner decides");
        assert_eq!(morning.penalty, Some(LEFT_OUT_PRICE));
        assert_eq!(p.jobs[1].window, None);
        assert_eq!(p.jobs[3].pinned, Some(Uuid::from_u128(1).to_string()));
        // Travel is dispatch's: 2 minutes a kilometre plus 5 to park.
        let Travel::Matrix { minutes } = &p.travel else {
            panic!("a matrix")
        };
        assert_eq!(minutes.len(), 2 + 4);
        assert_eq!(minutes[0][0], 0.0);
        assert_eq!(minutes[0][2], travel(at(0.0), at(1.0)));
        assert!(p.model().is_ok());
    }

    #[test]
    fn the_day_is_divided_by_skill_with_pins_kept_and_reasons_given() {
        let work = day();
        let answer = divide(&work).unwrap();
        let route = |t: usize| -> Vec<u128> {
            answer.routes[t]
                .routed
                .visits
                .iter()
                .map(|v| work.orders[v.0].id.as_u128())
                .collect()
        };
        let mut li = route(0);
        li.sort();
        assert_eq!(li, vec![10, 11, 13], "copiers to Li, the pinned one too");
        assert_eq!(route(1), vec![12], "the printer to Wang");
        assert_eq!(answer.left_out.len(), 1, "{answer:?}");
        assert_eq!(answer.left_out[0].0, 4);
        assert_eq!(
            answer.left_out[0].1,
            "no qualified technician: nobody working that day has the skills fax, brother"
        );
        let reasons = |o: usize| -> Vec<String> {
            answer
                .routes
                .iter()
                .find_map(|r| {
                    r.routed
                        .visits
                        .iter()
                        .position(|v| v.0 == o)
                        .map(|k| r.reasons[k].clone())
                })
                .unwrap()
        };
        assert_eq!(
            reasons(0),
            vec![
                "skills copier, sharp".to_string(),
                "copier certificate".into(),
                "the only qualified technician".into(),
                "window 10:00–12:00".into()
            ]
        );
        assert_eq!(
            reasons(3),
            vec![
                "pinned by a dispatcher".to_string(),
                "no appointment: any time in the shift".into()
            ]
        );
        // The morning appointment is kept.
        let (_, _, start) = answer.routes[0]
            .routed
            .visits
            .iter()
            .find(|v| v.0 == 0)
            .copied()
            .unwrap();
        assert!((600.0..=720.0).contains(&start), "{start}");
    }

    #[test]
    fn the_nearest_of_two_qualified_technicians_is_named() {
        let mut work = day();
        work.technicians
            .push(tech(3, "Zhao", "copier", "sharp", 20.0));
        let answer = divide(&work).unwrap();
        let r = &answer.routes[0];
        let k = r.routed.visits.iter().position(|v| v.0 == 1).unwrap();
        assert_eq!(
            r.reasons[k][2],
            "nearest qualified technician (2.0 km from the start)"
        );
    }

    #[test]
    fn what_exceeds_the_daily_capacity_is_left_out_as_capacity() {
        let mut work = day();
        work.technicians[0].daily_capacity = 2;
        let answer = divide(&work).unwrap();
        let li = &answer.routes[0].routed.visits;
        assert_eq!(li.len(), 2, "{answer:?}");
        assert!(li.iter().any(|v| v.0 == 3), "the pinned order stays");
        let capacity: Vec<&(usize, String)> = answer
            .left_out
            .iter()
            .filter(|l| l.1.starts_with("capacity"))
            .collect();
        assert_eq!(capacity.len(), 1, "{answer:?}");
        assert_eq!(
            capacity[0].1,
            "capacity: every qualified technician is fully booked (Li)"
        );
    }

    #[test]
    fn an_order_whose_window_no_shift_covers_is_reported_so() {
        let mut work = day();
        window(&mut work.orders[2], 1140.0, 1200.0);
        let answer = divide(&work).unwrap();
        let why = answer.left_out.iter().find(|l| l.0 == 2).unwrap();
        assert_eq!(
            why.1,
            "no window fits: no qualified technician's shift covers the window 19:00–20:00"
        );
    }

    #[test]
    fn an_order_held_by_a_technician_on_leave_is_left_out_with_why() {
        let mut work = day();
        work.technicians[0].on_leave = true;
        let built = build(&work);
        assert_eq!(built.techs, vec![1]);
        assert_eq!(
            built.excluded[0],
            (
                0,
                "no qualified technician: nobody working that day has the skills copier, sharp"
                    .to_string()
            )
        );
        assert_eq!(
            built.excluded[2],
            (
                3,
                "pinned by a dispatcher, but Li is not working that day".to_string()
            )
        );
        let answer = divide(&work).unwrap();
        assert!(answer.left_out.iter().any(|l| l.0 == 3));
        assert!(
            answer
                .left_out
                .iter()
                .any(|l| l.0 == 0 && l.1.starts_with("no qualified technician")),
            "{answer:?}"
        );
    }

    #[test]
    fn held_orders_are_recognised_and_a_day_of_held_orders_is_not_divided() {
        let work = day();
        let mut w = work.orders[1].clone();
        assert_eq!(held(&w), None);
        w.technician_id = Some(Uuid::from_u128(1));
        w.status = WorkOrderStatus::Assigned;
        assert_eq!(held(&w), None, "assigned automatically: movable");
        w.status = WorkOrderStatus::Accepted;
        assert_eq!(held(&w), Some("accepted by the technician"));
        w.status = WorkOrderStatus::EnRoute;
        assert_eq!(held(&w), Some("under way"));
        assert!(!has_work_to_divide(&[w.clone(), work.orders[3].clone()]));
        assert!(has_work_to_divide(&work.orders));
    }

    #[test]
    fn an_urgent_order_joins_one_route_and_the_others_stay() {
        let work = day();
        let answer = divide(&work).unwrap();
        let ids = |a: &Answer, t: usize| -> Vec<Uuid> {
            a.routes[t]
                .routed
                .visits
                .iter()
                .map(|v| work.orders[v.0].id)
                .collect()
        };
        // The day as published, without order 11, which comes in urgently.
        let current: Vec<(Uuid, Vec<Uuid>)> = (0..2)
            .map(|t| {
                (
                    work.technicians[t].id,
                    ids(&answer, t)
                        .into_iter()
                        .filter(|id| id.as_u128() != 11)
                        .collect(),
                )
            })
            .collect();
        let after = insert(&work, &current, 1).unwrap();
        assert_eq!(ids(&after, 1), current[1].1, "Wang's route is untouched");
        let li = ids(&after, 0);
        assert_eq!(li.len(), current[0].1.len() + 1);
        assert!(li.contains(&Uuid::from_u128(11)));
        let kept: Vec<Uuid> = li.into_iter().filter(|id| id.as_u128() != 11).collect();
        assert_eq!(kept, current[0].1, "Li's other stops keep their order");
    }
}
