//! Realistic dispatch days, measured: generates seeded days (30 technicians, 300 jobs,
//! appointment windows of 2–4 h, mixed skills and certificates, lunch breaks, some
//! pinned jobs, a city of 20 × 20 km with a road factor), plans each with the planner
//! and with the greedy assignment dispatch uses today (each order to the best-scoring
//! qualified technician, then each technician's route ordered alone), checks every plan
//! with the independent checker, and times an urgent insertion into the planned day.
//!
//! ```text
//! cargo run --release -p aftercare-route-planner --example dispatch_days -- \
//!     --seeds 1-5 --time-limit 5 --out bench/results/dispatch-days.json [--days DIR]
//! ```
//! `--days DIR` also writes each day as JSON for `aftercare plan --problem`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::{Duration, Instant};

use aftercare_route_planner::day::{
    DayJob, DayProblem, DayTechnician, Lunch, Place, Point, Travel, Window, km,
};
use aftercare_route_planner::{
    Method, Params, Plan, Problem, Technician, check, insert_urgent, solve,
};

/// splitmix64: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }
}

const LINES: [&str; 6] = ["washer", "fridge", "oven", "boiler", "dishwasher", "aircon"];
const CENTRE: Point = Point {
    lat: 48.8566,
    lon: 2.3522,
};
/// Daily capacity (orders) dispatch's assignment allows each technician.
const DAILY_CAPACITY: usize = 12;

/// A point `x`, `y` km east and north of the centre.
fn at(x: f64, y: f64) -> Point {
    Point {
        lat: CENTRE.lat + y / 111.2,
        lon: CENTRE.lon + x / (111.2 * CENTRE.lat.to_radians().cos()),
    }
}

/// One seeded day.
fn generate(seed: u64, technicians: usize, jobs: usize) -> DayProblem {
    let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x5eed);
    let mut techs = Vec::with_capacity(technicians);
    for t in 0..technicians {
        let mut skills: Vec<String> = Vec::new();
        let k = 2 + rng.below(3);
        while skills.len() < k {
            let s = LINES[rng.below(LINES.len())].to_string();
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        let early = rng.unit() < 0.5;
        let shift = if early {
            (450.0, 990.0)
        } else {
            (480.0, 1020.0)
        };
        techs.push(DayTechnician {
            id: format!("tech-{t:02}"),
            start: Place::Point(at(rng.range(-10.0, 10.0), rng.range(-10.0, 10.0))),
            end: None,
            shift: Window {
                start: shift.0,
                end: shift.1,
            },
            lunch: Some(Lunch {
                earliest: 690.0,
                latest: 810.0,
                minutes: [30.0, 45.0, 60.0][rng.below(3)],
            }),
            skills,
            certificates: if rng.unit() < 0.4 {
                vec!["gas".into()]
            } else {
                vec![]
            },
            van_capacity: Some(20.0),
        });
    }
    // Jobs gather around a few neighbourhoods, the rest spread over the city.
    let hubs: Vec<(f64, f64)> = (0..6)
        .map(|_| (rng.range(-8.0, 8.0), rng.range(-8.0, 8.0)))
        .collect();
    let mut out = Vec::with_capacity(jobs);
    for j in 0..jobs {
        let (x, y) = if rng.unit() < 0.6 {
            let h = hubs[rng.below(hubs.len())];
            (h.0 + rng.range(-2.0, 2.0), h.1 + rng.range(-2.0, 2.0))
        } else {
            (rng.range(-10.0, 10.0), rng.range(-10.0, 10.0))
        };
        let length = [120.0, 180.0, 240.0][rng.below(3)];
        let open = 480.0 + 30.0 * rng.below(((1020.0 - 480.0 - length) / 30.0) as usize + 1) as f64;
        let line = LINES[rng.below(LINES.len())];
        let gas = line == "boiler" && rng.unit() < 0.7;
        let mut job = DayJob {
            id: format!("wo-{j:03}"),
            location: Place::Point(at(x, y)),
            window: Some(Window {
                start: open,
                end: open + length,
            }),
            service_minutes: [15.0, 20.0, 30.0, 45.0][rng.below(4)],
            demand: rng.below(4) as f64,
            skills: vec![line.into()],
            certificates: if gas { vec!["gas".into()] } else { vec![] },
            pinned: None,
            // Left out (and reported) rather than planned late, as dispatch does.
            penalty: Some(100_000.0),
        };
        if rng.unit() < 0.05 {
            let able: Vec<&DayTechnician> = techs
                .iter()
                .filter(|t| {
                    job.skills.iter().all(|s| t.skills.contains(s))
                        && job.certificates.iter().all(|c| t.certificates.contains(c))
                })
                .collect();
            if !able.is_empty() {
                job.pinned = Some(able[rng.below(able.len())].id.clone());
            }
        }
        out.push(job);
    }
    DayProblem {
        technicians: techs,
        jobs: out,
        travel: Travel::Coordinates {
            road_factor: 1.3,
            speed_kmh: 25.0,
            stop_minutes: 5.0,
        },
    }
}

fn point(p: Place) -> Point {
    match p {
        Place::Point(p) => p,
        Place::Location(_) => CENTRE,
    }
}

/// Dispatch's assignment today (services/dispatch/src/domain/assignment.rs): orders in
/// arrival order, each to the qualified technician (skills, certificate, a shift that
/// covers the appointment, under the daily capacity) with the best score — closeness to
/// the start, 50 × (1 − km / 30), plus free capacity, 30 × free / capacity — ties to the
/// lighter load then the lower id; a pinned order goes to its technician whatever the
/// load. Then each technician's route is ordered alone as dispatch's day plan does
/// (services/dispatch/src/domain/plan.rs: the genetic search, 1,500 generations, one
/// thread), lunch break included. Returns one job list per technician and the orders
/// left out.
fn greedy(day: &DayProblem, problem: &Problem, lunches: &[usize]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let n_jobs = problem.jobs.len() - lunches.len();
    let mut open = vec![0usize; day.technicians.len()];
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); day.technicians.len()];
    let mut left_out = Vec::new();
    for (j, job) in day.jobs.iter().enumerate() {
        let pinned = job
            .pinned
            .as_ref()
            .and_then(|id| day.technicians.iter().position(|t| &t.id == id));
        if let Some(t) = pinned {
            assigned[t].push(j);
            open[t] += 1;
            continue;
        }
        let mut best: Option<(u32, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>)> = None;
        for (t, tech) in day.technicians.iter().enumerate() {
            let qualified = job.skills.iter().all(|s| tech.skills.contains(s))
                && job
                    .certificates
                    .iter()
                    .all(|c| tech.certificates.contains(c));
            let w = job.window.unwrap_or(tech.shift);
            let covers = !(w.end <= tech.shift.start || w.start >= tech.shift.end);
            if !qualified || !covers || open[t] >= DAILY_CAPACITY {
                continue;
            }
            let d = km(point(job.location), point(tech.start));
            let near = (50.0 * (1.0 - d / 30.0)).clamp(0.0, 50.0).round() as u32;
            let free = (DAILY_CAPACITY - open[t]) as u32;
            let score = near + 30 * free / DAILY_CAPACITY as u32;
            let key = (score, std::cmp::Reverse(open[t]), std::cmp::Reverse(t));
            if best.is_none_or(|b| key > b) {
                best = Some(key);
            }
        }
        match best {
            Some((_, _, std::cmp::Reverse(t))) => {
                assigned[t].push(j);
                open[t] += 1;
            }
            None => left_out.push(j),
        }
    }
    let dispatch = Params {
        time_limit: Duration::from_secs(10),
        max_iterations: 1_500,
        threads: 1,
        method: Method::Genetic,
        ..Params::default()
    };
    let mut routes = vec![Vec::new(); day.technicians.len()];
    for (t, jobs) in assigned.iter().enumerate() {
        let mut mine: Vec<usize> = jobs.clone();
        mine.extend(
            lunches
                .iter()
                .enumerate()
                .filter(|(_, owner)| **owner == t)
                .map(|(k, _)| n_jobs + k),
        );
        if mine.is_empty() {
            continue;
        }
        let tech = Technician {
            ..problem.technicians[t].clone()
        };
        let sub_jobs = mine
            .iter()
            .map(|&j| {
                let mut job = problem.jobs[j].clone();
                job.pinned = job.pinned.map(|_| 0);
                job
            })
            .collect();
        let sub = Problem::new(matrix(problem), vec![tech], sub_jobs).unwrap();
        let plan = solve(&sub, &dispatch);
        // As dispatch's `routed`: walk the planner's order and leave out each stop that
        // cannot start within its window or would end the day late.
        let order: Vec<usize> = plan
            .routes
            .first()
            .map(|r| r.stops.iter().map(|s| s.job).collect())
            .unwrap_or_default();
        let mut kept: Vec<usize> = Vec::new();
        for j in order {
            kept.push(j);
            let rest: Vec<usize> = (0..mine.len()).filter(|x| !kept.contains(x)).collect();
            if check(&sub, &[(0, kept.clone())], &rest).is_err() {
                kept.pop();
            }
        }
        routes[t] = kept.iter().map(|&j| mine[j]).collect();
        left_out.extend(
            (0..mine.len())
                .filter(|x| !kept.contains(x))
                .map(|x| mine[x]),
        );
    }
    (routes, left_out)
}

fn matrix(problem: &Problem) -> Vec<f64> {
    let n = problem.locations();
    (0..n * n).map(|k| problem.travel(k / n, k % n)).collect()
}

fn routes_of(plan: &Plan) -> Vec<(usize, Vec<usize>)> {
    plan.routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect()
}

fn per_technician(plan: &Plan, technicians: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); technicians];
    for r in &plan.routes {
        out[r.technician] = r.stops.iter().map(|s| s.job).collect();
    }
    out
}

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seeds = arg(&args, "--seeds").unwrap_or_else(|| "1-5".into());
    let (a, b) = seeds.split_once('-').unwrap_or((&seeds, &seeds));
    let (a, b): (u64, u64) = (a.parse().unwrap(), b.parse().unwrap());
    let limit: f64 = arg(&args, "--time-limit").map_or(5.0, |s| s.parse().unwrap());
    let threads: usize = arg(&args, "--threads").map_or(2, |s| s.parse().unwrap());
    let out = arg(&args, "--out");
    let days_dir = arg(&args, "--days");
    let mut results = Vec::new();
    for seed in a..=b {
        let day = generate(seed, 30, 301);
        // The 301st job comes in urgently once the day is planned.
        let urgent = 300;
        let mut morning_day = day.clone();
        morning_day.jobs.truncate(300);
        if let Some(dir) = &days_dir {
            let path = format!("{dir}/dispatch-day-{seed}.json");
            std::fs::write(&path, serde_json::to_string_pretty(&morning_day).unwrap()).unwrap();
        }
        let full = day.model().unwrap();
        // In the morning the urgent job does not exist yet: a window nobody can reach.
        let mut morning = full.problem.clone();
        morning.jobs[urgent].ready = -1.0;
        morning.jobs[urgent].due = -1.0;
        let k = morning.technicians.len();

        let started = Instant::now();
        let (g_routes, g_left) = greedy(&morning_day, &morning, &full.lunches);
        let greedy_ms = started.elapsed().as_millis() as u64;
        let g_pairs: Vec<(usize, Vec<usize>)> = g_routes
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_empty())
            .map(|(t, r)| (t, r.clone()))
            .collect();
        let mut g_unserved = g_left.clone();
        g_unserved.push(urgent);
        let g_travel = check(&morning, &g_pairs, &g_unserved).unwrap();

        let params = Params {
            time_limit: Duration::from_secs_f64(limit),
            threads,
            seed,
            method: if args.iter().any(|a| a == "--genetic") {
                Method::Genetic
            } else {
                Method::Iterated
            },
            ..Params::default()
        };
        let started = Instant::now();
        let plan = solve(&morning, &params);
        let plan_ms = started.elapsed().as_millis() as u64;
        let unserved: Vec<usize> = plan.unserved.iter().map(|u| u.job).collect();
        let travel = check(&morning, &routes_of(&plan), &unserved).unwrap();
        assert!(plan.feasible);

        // Urgent insertion into the planned day.
        let mut before = per_technician(&plan, k);
        let left: Vec<usize> = unserved.iter().copied().filter(|&j| j != urgent).collect();
        before.push(left.clone());
        let started = Instant::now();
        let after = insert_urgent(
            &full.problem,
            &before,
            urgent,
            &Params {
                seed,
                ..params.clone()
            },
        );
        let urgent_ms = started.elapsed().as_secs_f64() * 1000.0;
        let after_unserved: Vec<usize> = after.unserved.iter().map(|u| u.job).collect();
        let after_travel = check(&full.problem, &routes_of(&after), &after_unserved).unwrap();
        let now = per_technician(&after, k);
        let changed = (0..k).filter(|&t| before[t] != now[t]).count();
        let urgent_served = after
            .routes
            .iter()
            .find(|r| r.stops.iter().any(|s| s.job == urgent))
            .map(|r| r.technician);
        let g_unserved_jobs = g_left.iter().filter(|&&j| j < 300).count();
        let p_unserved_jobs = unserved.iter().filter(|&&j| j < 300).count();
        let row = serde_json::json!({
            "seed": seed,
            "technicians": 30, "jobs": 300,
            "greedy": {"travel": round(g_travel), "unserved": g_unserved_jobs, "elapsed_ms": greedy_ms, "checked": true},
            "planner": {"travel": round(travel), "unserved": p_unserved_jobs, "elapsed_ms": plan_ms,
                        "technicians_used": plan.vehicles, "iterations": plan.iterations, "checked": true},
            "travel_saved_pct": round(100.0 * (g_travel - travel) / g_travel),
            "urgent": {"elapsed_ms": round(urgent_ms), "routes_changed": changed,
                       "served_by": urgent_served, "travel_after": round(after_travel),
                       "unserved_after": after_unserved.iter().filter(|&&j| j < 300).count(), "checked": true},
        });
        eprintln!("{row}");
        results.push(row);
    }
    let doc = serde_json::json!({
        "generator": "shared/route-planner/examples/dispatch_days.rs",
        "time_limit_s": limit, "threads": threads,
        "machine": "shared 2-core machine",
        "days": results,
    });
    match out {
        Some(path) => {
            std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap() + "\n").unwrap()
        }
        None => println!("{doc}"),
    }
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
