//! `aftercare plan --solomon` for benchmarks, built from this crate alone: plans a
//! Solomon VRPTW file and prints the same JSON (routes as customer numbers in visiting
//! order, vehicles, distance, whether the checker confirms the plan, time taken), so
//! `bench/solomon.py --aftercare` can run it without building the whole platform.
//!
//! ```text
//! cargo build --release -p aftercare-route-planner --example solomon_plan
//! bench/solomon.py --aftercare "$CARGO_TARGET_DIR/release/examples/solomon_plan" ...
//! solomon_plan plan --solomon R101.txt --time-limit 10 [--rounding dimacs|exact] [--seed 1]
//!     [--threads 2] [--swap-star true|false]
//! ```
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::{Duration, Instant};

use aftercare_route_planner::solomon::{Rounding, parse};
use aftercare_route_planner::{Params, check, solve};

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().skip_while(|a| a != "plan").collect();
    let path = arg(&args, "--solomon").expect("--solomon FILE");
    let limit: f64 = arg(&args, "--time-limit").map_or(10.0, |s| s.parse().unwrap());
    let rounding = match arg(&args, "--rounding").as_deref() {
        None | Some("dimacs") => Rounding::Dimacs,
        Some("exact") => Rounding::Exact,
        Some(other) => panic!("--rounding {other}: dimacs or exact"),
    };
    let defaults = Params::default();
    let params = Params {
        time_limit: Duration::from_secs_f64(limit),
        seed: arg(&args, "--seed").map_or(1, |s| s.parse().unwrap()),
        threads: arg(&args, "--threads").map_or(defaults.threads, |s| s.parse().unwrap()),
        swap_star: arg(&args, "--swap-star").map_or(defaults.swap_star, |s| s.parse().unwrap()),
        ..defaults
    };
    let started = Instant::now();
    let text = std::fs::read_to_string(&path).unwrap();
    let instance = parse(&text, rounding).unwrap();
    let plan = solve(&instance.problem, &params);
    let elapsed = started.elapsed();
    let routes: Vec<(usize, Vec<usize>)> = plan
        .routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect();
    let checked = check(&instance.problem, &routes, &[]);
    let out = serde_json::json!({
        "instance": instance.name,
        "routes": routes.iter().map(|(_, jobs)| jobs.iter().map(|j| j + 1).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "vehicles": plan.vehicles,
        "distance": (plan.distance / rounding.scale() * 1e6).round() / 1e6,
        "feasible": plan.feasible && checked.is_ok(),
        "elapsed_ms": elapsed.as_millis() as u64,
        "iterations": plan.iterations,
    });
    println!("{out}");
}
