//! `aftercare plan`: the route planner on a Solomon VRPTW file. Prints JSON with the
//! routes (customer numbers in visiting order, depot omitted), the vehicles used, the
//! distance, whether the plan is feasible (confirmed by the independent checker) and the
//! time taken.
use std::path::PathBuf;
use std::time::{Duration, Instant};

use aftercare_route_planner::solomon::{self, Rounding};
use aftercare_route_planner::{Params, check, solve};
use anyhow::Context;
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoundingArg {
    /// ×10 and truncated, as proven optima are published.
    Dimacs,
    /// Double precision, as dispatch uses.
    Exact,
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
}

pub(crate) fn run(args: PlanArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        args.time_limit > 0.0 && args.time_limit.is_finite(),
        "--time-limit must be a positive number of seconds"
    );
    anyhow::ensure!(args.threads >= 1, "--threads must be at least 1");
    let text = std::fs::read_to_string(&args.solomon)
        .with_context(|| format!("reading {}", args.solomon.display()))?;
    let rounding = match args.rounding {
        RoundingArg::Dimacs => Rounding::Dimacs,
        RoundingArg::Exact => Rounding::Exact,
    };
    let instance = solomon::parse(&text, rounding)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.solomon.display()))?;
    let started = Instant::now();
    let params = Params {
        time_limit: Duration::from_secs_f64(args.time_limit),
        max_iterations: args.max_iterations.unwrap_or(u64::MAX),
        seed: args.seed,
        threads: args.threads,
        ..Params::default()
    };
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
