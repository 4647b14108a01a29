//! `aftercare plan`: the route planner on a Solomon VRPTW file. Prints JSON with the
//! routes (customer numbers in visiting order, depot omitted), the vehicles used, the
//! distance, whether the plan is feasible (confirmed by the independent checker) and the
//! time taken.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aftercare_route_planner::solomon::{self, Rounding};
use aftercare_route_planner::{Method, Params, check, solve};
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
    #[arg(long)]
    solomon: PathBuf,
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
    let text = std::fs::read_to_string(&args.solomon)
        .with_context(|| format!("reading {}", args.solomon.display()))?;
    let rounding = match args.rounding {
        RoundingArg::Dimacs => Rounding::Dimacs,
        RoundingArg::Exact => Rounding::Exact,
    };
    let instance = solomon::parse(&text, rounding)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.solomon.display()))?;
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
