//! `aftercare plan`: the route planner on a Solomon VRPTW file or on a dispatch day in
//! JSON (the format of `aftercare_route_planner::day`, schema in
//! `docs/plan-problem.schema.json`).
//!
//! On a Solomon file it prints JSON with the routes (customer numbers in visiting order,
//! depot omitted), the vehicles used, the distance, whether the plan is feasible
//! (confirmed by the independent checker) and the time taken. On a day it prints the
//! day's plan: each technician's stops with planned arrival, start and travel, the jobs
//! left out with the reason, the total travel, the check's verdict and the time taken.
//! A malformed day is refused with the offending field named.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aftercare_route_planner::solomon::{self, Rounding};
use aftercare_route_planner::{Method, Params, check, day, solve};
use anyhow::Context;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoundingArg {
    /// ×10 and truncated, as proven optima are published.
    Dimacs,
    /// Double precision, as dispatch uses.
    Exact,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MethodArg {
    /// Hybrid genetic search.
    Genetic,
    /// Iterated local search with late acceptance.
    Iterated,
}

/// Route planner options.
#[derive(Debug, Args)]
pub(crate) struct PlanArgs {
    /// Solomon VRPTW instance file.
    #[arg(long, required_unless_present = "problem", conflicts_with = "problem")]
    solomon: Option<PathBuf>,
    /// A dispatch day in JSON (docs/plan-problem.schema.json); `-` reads standard input.
    #[arg(long)]
    problem: Option<PathBuf>,
    /// Seconds to search.
    #[arg(long, default_value_t = 10.0)]
    time_limit: f64,
    /// Random seed (thread i uses seed + i).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Distance convention.
    #[arg(long, value_enum, default_value = "dimacs")]
    rounding: RoundingArg,
    /// Independent searches run in parallel.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Stop each search after this many iterations (reproducible runs).
    #[arg(long)]
    max_iterations: Option<u64>,
    /// Cost per vehicle used, in distance units (0: minimise distance only).
    #[arg(long, default_value_t = 0.0)]
    vehicle_cost: f64,
    /// Search method: iterated (iterated local search with late acceptance) or genetic
    /// (hybrid genetic search).
    #[arg(long, value_enum, default_value = "iterated")]
    method: MethodArg,
    /// Granular neighbourhood size (default: the planner's).
    #[arg(long)]
    neighbours: Option<usize>,
    /// Iterated local search: most jobs ruined and recreated per iteration.
    #[arg(long)]
    perturbations: Option<usize>,
    /// Plan the day without customer N, then insert N as an urgent job into that plan
    /// and report how long the repair took against the full solve.
    #[arg(long)]
    urgent: Option<usize>,
}

pub(crate) fn run(args: PlanArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.time_limit > 0.0 && args.time_limit.is_finite(),
        "--time-limit must be a positive number of seconds"
    );
    anyhow::ensure!(args.threads >= 1, "--threads must be at least 1");
    anyhow::ensure!(
        args.vehicle_cost >= 0.0 && args.vehicle_cost.is_finite(),
        "--vehicle-cost must be a non-negative number"
    );
    anyhow::ensure!(
        args.neighbours.is_none_or(|n| n >= 1),
        "--neighbours must be at least 1"
    );
    anyhow::ensure!(
        args.perturbations.is_none_or(|n| n >= 1),
        "--perturbations must be at least 1"
    );
    let started = Instant::now();
    let defaults = Params::default();
    let params = Params {
        time_limit: Duration::from_secs_f64(args.time_limit),
        max_iterations: args.max_iterations.unwrap_or(u64::MAX),
        seed: args.seed,
        threads: args.threads,
        vehicle_cost: args.vehicle_cost,
        method: match args.method {
            MethodArg::Genetic => Method::Genetic,
            MethodArg::Iterated => Method::Iterated,
        },
        neighbours: args.neighbours.unwrap_or(defaults.neighbours),
        perturbations: args.perturbations.unwrap_or(defaults.perturbations),
        ..defaults
    };
    let path = match (&args.solomon, &args.problem) {
        (Some(path), None) => path,
        (None, Some(path)) => {
            anyhow::ensure!(
                args.urgent.is_none(),
                "--urgent applies to Solomon files only"
            );
            return day(path, &params, started);
        }
        _ => anyhow::bail!("give either --solomon or --problem"),
    };
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let rounding = match args.rounding {
        RoundingArg::Dimacs => Rounding::Dimacs,
        RoundingArg::Exact => Rounding::Exact,
    };
    let instance =
        solomon::parse(&text, rounding).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    if let Some(customer) = args.urgent {
        return urgent(&instance, customer, &params, rounding);
    }
    let plan = solve(&instance.problem, &params);
    let elapsed = started.elapsed();
    let routes: Vec<(usize, Vec<usize>)> = plan
        .routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect();
    let checked = check(&instance.problem, &routes, &[]);
    let feasible = plan.feasible && checked.is_ok();
    if plan.feasible
        && let Err(e) = &checked
    {
        anyhow::bail!("the planner's answer fails the checker: {e}");
    }
    let scale = rounding.scale();
    let out = serde_json::json!({
        "instance": instance.name,
        "routes": routes.iter().map(|(_, jobs)| jobs.iter().map(|j| j + 1).collect::<Vec<_>>()).collect::<Vec<_>>(),
        "vehicles": plan.vehicles,
        "distance": (plan.distance / scale * 1e6).round() / 1e6,
        "feasible": feasible,
        "elapsed_ms": elapsed.as_millis() as u64,
        "iterations": plan.iterations,
    });
    println!("{out}");
    Ok(())
}

/// Plans a dispatch day read from `path` (or standard input) and prints its plan.
fn day(path: &std::path::Path, params: &Params, started: Instant) -> anyhow::Result<()> {
    let text = if path.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin()).context("reading standard input")?
    } else {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
    };
    let out = plan_day(&text, params).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let mut value = serde_json::to_value(&out)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert(
            "elapsed_ms".into(),
            (started.elapsed().as_millis() as u64).into(),
        );
    }
    println!("{value}");
    Ok(())
}

/// Reads, plans and checks a day; a malformed day is refused naming the field.
fn plan_day(text: &str, params: &Params) -> anyhow::Result<day::DayPlan> {
    let problem = day::parse(text)?;
    let model = problem.model()?;
    let plan = solve(&model.problem, params);
    let out = model.day_plan(&problem, &plan);
    anyhow::ensure!(
        !plan.feasible || out.feasible,
        "the planner's answer fails the checker"
    );
    Ok(out)
}

/// Plans without `customer`, then inserts it urgently; prints both timings.
fn urgent(
    instance: &solomon::Instance,
    customer: usize,
    params: &Params,
    rounding: Rounding,
) -> anyhow::Result<()> {
    let job = customer
        .checked_sub(1)
        .filter(|j| *j < instance.problem.jobs.len());
    let job = job.ok_or_else(|| {
        anyhow::anyhow!(
            "--urgent must be a customer number from 1 to {}",
            instance.problem.jobs.len()
        )
    })?;
    // In the morning plan the job does not exist yet: a window nobody can reach leaves it out.
    let mut morning = instance.problem.clone();
    morning.jobs[job].ready = -1.0;
    morning.jobs[job].due = -1.0;
    let started = Instant::now();
    let before = solve(&morning, params);
    let solve_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut routes = vec![Vec::new(); instance.problem.technicians.len()];
    for r in &before.routes {
        routes[r.technician] = r.stops.iter().map(|s| s.job).collect();
    }
    let started = Instant::now();
    let after = aftercare_route_planner::insert_urgent(&instance.problem, &routes, job, params);
    let repair_ms = started.elapsed().as_secs_f64() * 1000.0;
    let planned: Vec<(usize, Vec<usize>)> = after
        .routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect();
    let feasible = after.feasible && check(&instance.problem, &planned, &[]).is_ok();
    let scale = rounding.scale();
    println!(
        "{}",
        serde_json::json!({
            "instance": instance.name, "urgent": customer,
            "solve_ms": solve_ms, "distance_before": before.distance / scale,
            "repair_ms": repair_ms, "distance_after": after.distance / scale,
            "feasible": feasible,
        })
    );
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        plan: PlanArgs,
    }

    fn args(extra: &[&str]) -> PlanArgs {
        let mut all = vec!["plan", "--max-iterations", "500", "--threads", "1"];
        all.extend_from_slice(extra);
        Cli::try_parse_from(all).unwrap().plan
    }

    fn file(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        f
    }

    const DAY: &str = r#"{
      "technicians": [{"id": "t", "start": 0, "shift": {"start": 0, "end": 100},
                       "lunch": {"earliest": 10, "latest": 40, "minutes": 10}}],
      "jobs": [{"id": "a", "location": 1, "service_minutes": 5},
               {"id": "b", "location": 2, "service_minutes": 5, "pinned": "t"}],
      "travel": {"kind": "matrix", "minutes": [[0, 3, 4], [3, 0, 5], [4, 5, 0]]}
    }"#;

    #[test]
    fn a_day_in_json_is_planned_and_checked() {
        let f = file(DAY);
        let out = plan_day(
            DAY,
            &Params {
                max_iterations: 500,
                threads: 1,
                ..Params::default()
            },
        )
        .unwrap();
        assert!(out.feasible);
        assert_eq!(out.travel, 12.0);
        assert_eq!(out.routes[0].stops.len(), 3);
        run(args(&["--problem", f.path().to_str().unwrap()])).unwrap();
    }

    #[test]
    fn a_malformed_day_is_refused_naming_the_field() {
        let f = file(&DAY.replace(r#""pinned": "t""#, r#""pinned": "u""#));
        let e = run(args(&["--problem", f.path().to_str().unwrap()])).unwrap_err();
        assert!(format!("{e:#}").contains("jobs[1].pinned"), "{e:#}");
        let f = file(&DAY.replace(r#""service_minutes": 5}"#, r#""service_minutes": "5"}"#));
        let e = run(args(&["--problem", f.path().to_str().unwrap()])).unwrap_err();
        assert!(
            format!("{e:#}").contains("jobs[0].service_minutes"),
            "{e:#}"
        );
    }

    #[test]
    fn the_solomon_and_day_modes_exclude_each_other() {
        let both = Cli::try_parse_from(["plan", "--solomon", "a.txt", "--problem", "b.json"]);
        assert!(both.is_err());
        assert!(Cli::try_parse_from(["plan"]).is_err());
    }
}
