//! The search for a plan: its parameters, the state both metaheuristics share (the
//! local search, penalties, random numbers, the best plan so far), [`solve`] running
//! one search per thread, and [`insert_urgent`]. The two searches are in
//! [`genetic`] (hybrid genetic search) and [`iterated`] (iterated local search).
mod genetic;
mod iterated;

use std::time::Duration;

use crate::local_search::{LocalSearch, Move, Penalties, neighbours};
use crate::problem::{ANYWHERE, Plan, PlannedRoute, PlannedStop, Problem, Unserved};
use crate::rng::Rng;
use crate::segment::{depots, job_segment};

/// Search settings.
#[derive(Debug, Clone)]
pub struct Params {
    /// Stop after this long.
    pub time_limit: Duration,
    /// Stop after this many iterations per thread (for reproducible runs).
    pub max_iterations: u64,
    /// Seed; thread `i` uses `seed + i`.
    pub seed: u64,
    /// Threads, each an independent search; the best result wins.
    pub threads: usize,
    /// Granular neighbourhood size.
    pub neighbours: usize,
    /// Population: minimum size and generation size.
    pub population: usize,
    /// Offspring before survivors are selected.
    pub generation: usize,
    /// Elite solutions protected by biased fitness.
    pub elite: usize,
    /// Closest solutions counted for diversity.
    pub close: usize,
    /// Share of feasible offspring the penalties aim for.
    pub target_feasible: f64,
    /// Iterations without improvement before the population restarts.
    pub restart_after: u64,
    /// Cost per technician used, in distance units: 0 minimises travel only; a large value
    /// minimises the number of technicians first.
    pub vehicle_cost: f64,
    /// The search each thread runs.
    pub method: Method,
    /// Iterated local search: at most this many jobs are ruined and recreated per
    /// iteration (at least one; drawn uniformly each time).
    pub perturbations: usize,
    /// Iterated local search: length of the late-acceptance history.
    pub history: usize,
    /// Iterated local search: iterations without a new best before it returns to the
    /// best.
    pub return_after: u64,
    /// SWAP* (Vidal 2022) in the local search: exchange a job of one route with a job of
    /// another, each going to its best place in the other route; route pairs are tried
    /// when their polar sectors around the depot overlap (when coordinates are known).
    pub swap_star: bool,
}

/// Which metaheuristic drives the local search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Hybrid genetic search: a population, crossover, Split and local search
    /// (Vidal et al. 2013).
    Genetic,
    /// Iterated local search: ruin and recreate a few neighbouring jobs, search locally
    /// from them, accept by late-acceptance hill climbing (Burke and Bykov 2017), as
    /// PyVRP 0.14 does. The default: shorter plans than the genetic search in the same
    /// time on every instance family measured (docs/ROUTE_PLANNER.md).
    #[default]
    Iterated,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(10),
            max_iterations: u64::MAX,
            seed: 1,
            threads: 2,
            neighbours: 20,
            population: 25,
            generation: 40,
            elite: 4,
            close: 5,
            target_feasible: 0.2,
            restart_after: 20_000,
            vehicle_cost: 0.0,
            method: Method::Iterated,
            perturbations: 25,
            history: 300,
            return_after: 150_000,
            swap_star: false,
        }
    }
}

#[derive(Debug, Clone)]
struct Individual {
    /// One job list per technician, then the optional jobs left out.
    routes: Vec<Vec<usize>>,
    distance: f64,
    /// Penalties of the optional jobs left out.
    penalty: f64,
    /// Cost of the technicians used (`vehicle_cost` each).
    used: f64,
    excess: f64,
    warp: f64,
    /// Successor and predecessor of each job (`usize::MAX` = depot), for diversity.
    succ: Vec<usize>,
    pred: Vec<usize>,
    fitness: f64,
}

impl Individual {
    fn new(problem: &Problem, routes: Vec<Vec<usize>>, vehicle_cost: f64) -> Self {
        let n = problem.jobs.len();
        let (mut distance, mut excess, mut warp, mut penalty) = (0.0, 0.0, 0.0, 0.0);
        let mut used = 0;
        let mut succ = vec![usize::MAX; n];
        let mut pred = vec![usize::MAX; n];
        for (t, jobs) in routes.iter().enumerate() {
            if t == problem.technicians.len() {
                penalty += jobs
                    .iter()
                    .map(|&j| problem.jobs[j].penalty.unwrap_or(0.0))
                    .sum::<f64>();
                continue;
            }
            used += usize::from(!jobs.is_empty());
            let (start, end) = depots(problem, t);
            let mut seg = start;
            for (i, &j) in jobs.iter().enumerate() {
                let s = job_segment(problem, j);
                seg = seg.then(&s, problem.travel(seg.last, s.first));
                pred[j] = if i == 0 { usize::MAX } else { jobs[i - 1] };
                succ[j] = jobs.get(i + 1).copied().unwrap_or(usize::MAX);
            }
            let full = seg.then(&end, problem.travel(seg.last, end.first));
            distance += full.distance;
            excess += (full.load - problem.technicians[t].capacity).max(0.0);
            warp += full.time_warp;
        }
        Self {
            routes,
            distance,
            penalty,
            used: used as f64 * vehicle_cost,
            excess,
            warp,
            succ,
            pred,
            fitness: 0.0,
        }
    }

    fn feasible(&self) -> bool {
        self.excess < 1e-9 && self.warp < 1e-9
    }

    /// Travel plus penalties of the jobs left out: what the search minimises.
    fn objective(&self) -> f64 {
        self.distance + self.penalty + self.used
    }

    fn cost(&self, pen: &Penalties) -> f64 {
        self.objective() + pen.load * self.excess + pen.time_warp * self.warp
    }

    fn tour(&self) -> Vec<usize> {
        self.routes.iter().flatten().copied().collect()
    }

    /// Broken pairs distance: share of jobs whose neighbours differ.
    fn distance_to(&self, other: &Individual) -> f64 {
        let n = self.succ.len().max(1);
        let mut diff = 0;
        for j in 0..self.succ.len() {
            let s = self.succ[j];
            if s != other.succ[j] && s != other.pred[j] {
                diff += 1;
            }
            if self.pred[j] == usize::MAX
                && other.pred[j] != usize::MAX
                && other.succ[j] != usize::MAX
            {
                diff += 1;
            }
        }
        diff as f64 / n as f64
    }
}

struct Search<'a> {
    problem: &'a Problem,
    params: &'a Params,
    rng: Rng,
    ls: LocalSearch<'a>,
    pen: Penalties,
    feasible: genetic::Pool,
    infeasible: genetic::Pool,
    best: Option<Individual>,
    recent_load_ok: Vec<bool>,
    recent_warp_ok: Vec<bool>,
    iterations: u64,
}

impl<'a> Search<'a> {
    fn new(
        problem: &'a Problem,
        params: &'a Params,
        neighbours: &'a [Vec<usize>],
        seed: u64,
    ) -> Self {
        let max_travel = (0..problem.locations())
            .flat_map(|i| (0..problem.locations()).map(move |j| (i, j)))
            .map(|(i, j)| problem.travel(i, j))
            .fold(0.0, f64::max);
        let max_demand = problem.jobs.iter().map(|j| j.demand).fold(0.0, f64::max);
        let load = if max_demand > 0.0 {
            (max_travel / max_demand).clamp(0.1, 1000.0)
        } else {
            1.0
        };
        Self {
            problem,
            params,
            rng: Rng::new(seed),
            ls: {
                let mut ls = LocalSearch::new(problem, neighbours);
                ls.enabled[Move::SwapStar as usize] = params.swap_star;
                ls
            },
            pen: Penalties {
                load,
                time_warp: 1.0,
                vehicle: params.vehicle_cost,
            },
            feasible: genetic::Pool::default(),
            infeasible: genetic::Pool::default(),
            best: None,
            recent_load_ok: Vec::new(),
            recent_warp_ok: Vec::new(),
            iterations: 0,
        }
    }

    /// Moves each penalty towards `target` feasible among the candidates recorded since
    /// the last update: ×`up` when fewer than `target` − 5 % were feasible in that
    /// dimension, ×`down` when more than `target` + 5 % were (kept within 0.1–100,000).
    fn adapt_penalty_weights(&mut self, target: f64, up: f64, down: f64) {
        let share = |v: &[bool]| {
            if v.is_empty() {
                1.0
            } else {
                v.iter().filter(|x| **x).count() as f64 / v.len() as f64
            }
        };
        let adjust = |p: f64, ok: f64| {
            if ok < target - 0.05 {
                (p * up).min(100_000.0)
            } else if ok > target + 0.05 {
                (p * down).max(0.1)
            } else {
                p
            }
        };
        let (load_ok, warp_ok) = (share(&self.recent_load_ok), share(&self.recent_warp_ok));
        self.pen.load = adjust(self.pen.load, load_ok);
        self.pen.time_warp = adjust(self.pen.time_warp, warp_ok);
        self.recent_load_ok.clear();
        self.recent_warp_ok.clear();
    }

    /// Runs the chosen search.
    fn run(self) -> (Option<Individual>, u64) {
        match self.params.method {
            Method::Genetic => self.run_genetic(),
            Method::Iterated => self.run_iterated(),
        }
    }

    fn educate(&mut self, routes: &[Vec<usize>], pen: Penalties) -> Individual {
        self.ls.load(routes, pen);
        self.ls.run(&mut self.rng);
        Individual::new(self.problem, self.ls.routes(), self.params.vehicle_cost)
    }

    fn random_tour(&mut self) -> Vec<usize> {
        let mut t: Vec<usize> = (0..self.problem.jobs.len()).collect();
        self.rng.shuffle(&mut t);
        t
    }
}

/// Plans routes for `problem`. Jobs no technician is qualified for are reported
/// unserved; the rest are all served (at the price of time warp or excess load, shown
/// by `feasible = false`, when no feasible plan was found in time).
pub fn solve(problem: &Problem, params: &Params) -> Plan {
    // Jobs nobody can do are set aside with the reason.
    let unserved: Vec<Unserved> = (0..problem.jobs.len())
        .filter_map(|j| unservable(problem, j).map(|reason| Unserved { job: j, reason }))
        .collect();
    let unservable: Vec<usize> = unserved.iter().map(|u| u.job).collect();
    let keep: Vec<usize> = (0..problem.jobs.len())
        .filter(|j| !unservable.contains(j))
        .collect();
    let sub = if unservable.is_empty() {
        problem.clone()
    } else {
        let jobs = keep.iter().map(|&j| problem.jobs[j].clone()).collect();
        let sub = Problem::new(problem_matrix(problem), problem.technicians.clone(), jobs);
        match (sub, problem.coordinates()) {
            (Ok(p), Some(xy)) => p
                .with_coordinates(xy.to_vec())
                .unwrap_or_else(|_| problem.clone()),
            (Ok(p), None) => p,
            (Err(_), _) => problem.clone(),
        }
    };
    if sub.technicians.is_empty() || sub.jobs.is_empty() {
        return plan(
            problem,
            &vec![Vec::new(); problem.technicians.len() + 1],
            unserved,
            0,
        );
    }
    let nb = neighbours(
        &sub,
        params
            .neighbours
            .min(sub.jobs.len().saturating_sub(1))
            .max(1),
    );
    let threads = params.threads.max(1);
    let results: Vec<(Option<Individual>, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (sub, nb) = (&sub, &nb);
                scope.spawn(move || {
                    Search::new(sub, params, nb, params.seed.wrapping_add(t as u64)).run()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or((None, 0)))
            .collect()
    });
    let iterations = results.iter().map(|r| r.1).sum();
    let best = results.into_iter().filter_map(|r| r.0).min_by(|a, b| {
        (!a.feasible(), a.objective())
            .partial_cmp(&(!b.feasible(), b.objective()))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // Optional jobs left out that now fit without breaking anything are served.
    let best = best.map(|b| {
        if !b.feasible() || b.routes.last().is_none_or(Vec::is_empty) {
            return b;
        }
        let mut ls = LocalSearch::new(&sub, &nb);
        ls.load(
            &b.routes,
            Penalties {
                load: 1e9,
                time_warp: 1e9,
                vehicle: params.vehicle_cost,
            },
        );
        if !ls.reinsert_left_out() {
            return b;
        }
        ls.run(&mut Rng::new(params.seed));
        let repaired = Individual::new(&sub, ls.routes(), params.vehicle_cost);
        if repaired.feasible() && repaired.objective() < b.objective() {
            repaired
        } else {
            b
        }
    });
    let routes: Vec<Vec<usize>> = match best {
        Some(b) => b
            .routes
            .iter()
            .map(|r| r.iter().map(|&j| keep[j]).collect())
            .collect(),
        None => vec![Vec::new(); problem.technicians.len() + 1],
    };
    plan(problem, &routes, unserved, iterations)
}

/// Repairs an existing plan when one job is added at short notice: `routes` (one job
/// list per technician, as planned, then optionally the optional jobs left out) keep
/// their order as far as possible; `job` is inserted where it costs least without
/// breaking a window, a shift, a break or a van's capacity (an optional job is left out
/// rather than served late), and a local search started from the route that took it
/// settles that route and whichever neighbours a move must touch; the other routes stay
/// as they were. Much faster than a full solve, because the search starts from a plan.
pub fn insert_urgent(
    problem: &Problem,
    routes: &[Vec<usize>],
    job: usize,
    params: &Params,
) -> Plan {
    let nb = neighbours(
        problem,
        params
            .neighbours
            .min(problem.jobs.len().saturating_sub(1))
            .max(1),
    );
    let mut ls = LocalSearch::new(problem, &nb);
    let mut start: Vec<Vec<usize>> = routes.to_vec();
    start.resize(problem.technicians.len() + 1, Vec::new());
    // Prohibitive penalties: a repair must stay feasible if it can, even at the price
    // of leaving an optional job out.
    let pen = Penalties {
        load: 1e9,
        time_warp: 1e9,
        vehicle: params.vehicle_cost,
    };
    ls.load(&start, pen);
    let mut unserved = Vec::new();
    if !ls.insert_cheapest(job) {
        unserved.push(Unserved {
            job,
            reason: format!(
                "no technician holds the skills {:?}",
                problem.jobs[job].skills
            ),
        });
    }
    if unserved.is_empty() {
        ls.settle_around(job, &mut Rng::new(params.seed));
    }
    plan(problem, &ls.routes(), unserved, 1)
}

/// Why no technician can serve job `j` even alone, if none can.
fn unservable(problem: &Problem, j: usize) -> Option<String> {
    let qualified: Vec<usize> = (0..problem.technicians.len())
        .filter(|&t| problem.qualified(t, j))
        .collect();
    if qualified.is_empty() {
        if let Some(t) = problem.jobs[j].pinned {
            return Some(format!(
                "pinned to technician {t}, who lacks the skills {:?}",
                problem.jobs[j].skills
            ));
        }
        return Some(format!(
            "no technician holds the skills {:?}",
            problem.jobs[j].skills
        ));
    }
    if qualified
        .iter()
        .all(|&t| problem.jobs[j].demand > problem.technicians[t].capacity + 1e-9)
    {
        return Some("needs more than any qualified technician can carry".into());
    }
    let reachable = qualified.iter().any(|&t| {
        let (start, end) = depots(problem, t);
        let job = job_segment(problem, j);
        let there = start.then(&job, problem.travel(start.last, job.first));
        there
            .then(&end, problem.travel(there.last, end.first))
            .time_warp
            < 1e-9
    });
    (!reachable).then(|| "no qualified technician can reach it within its window and shift".into())
}

fn problem_matrix(problem: &Problem) -> Vec<f64> {
    let n = problem.locations();
    (0..n * n).map(|k| problem.travel(k / n, k % n)).collect()
}

/// Planned times along each route: leave as late as possible without waiting more.
fn plan(
    problem: &Problem,
    routes: &[Vec<usize>],
    unserved: Vec<Unserved>,
    iterations: u64,
) -> Plan {
    let mut out = Vec::new();
    let mut unserved = unserved;
    let (mut distance, mut excess, mut warp, mut penalty) = (0.0, 0.0, 0.0, 0.0);
    for (t, jobs) in routes.iter().enumerate() {
        if jobs.is_empty() {
            continue;
        }
        let Some(tech) = problem.technicians.get(t) else {
            for &j in jobs {
                let p = problem.jobs[j].penalty.unwrap_or(0.0);
                penalty += p;
                unserved.push(Unserved {
                    job: j,
                    reason: format!("optional: serving it would cost more than its penalty {p}"),
                });
            }
            continue;
        };
        let (start, end) = depots(problem, t);
        let mut seg = start;
        for &j in jobs {
            let s = job_segment(problem, j);
            seg = seg.then(&s, problem.travel(seg.last, s.first));
        }
        let full = seg.then(&end, problem.travel(seg.last, end.first));
        distance += full.distance;
        excess += (full.load - tech.capacity).max(0.0);
        warp += full.time_warp;
        // Depart at the latest time that adds no waiting, then simulate.
        let mut time = full
            .earliest
            .max(tech.shift_start)
            .min(full.latest.max(tech.shift_start));
        let mut at = tech.start;
        // A break is taken on arrival at the next place when its window allows, else
        // where the previous stop ended; `driven` is the leg already driven then.
        let mut driven = None;
        let mut stops = Vec::with_capacity(jobs.len());
        for (i, &j) in jobs.iter().enumerate() {
            let job = &problem.jobs[j];
            if job.location == ANYWHERE {
                let next = jobs
                    .get(i + 1)
                    .map_or(tech.end, |&k| problem.jobs[k].location);
                let leg = problem.travel(at, next);
                let there = (time + leg).max(job.ready);
                let (arrival, begin) = if there <= job.due + 1e-9 {
                    driven = Some(leg);
                    (time + leg, there)
                } else {
                    (time, time.max(job.ready))
                };
                stops.push(PlannedStop {
                    job: j,
                    arrival,
                    start: begin,
                    travel: driven.unwrap_or(0.0),
                });
                time = begin + job.service;
                continue;
            }
            let leg = problem.travel(at, job.location);
            let arrival = time + driven.map_or(leg, |_| 0.0);
            let begin = arrival.max(job.ready);
            stops.push(PlannedStop {
                job: j,
                arrival,
                start: begin,
                travel: if driven.take().is_some() { 0.0 } else { leg },
            });
            time = begin + job.service;
            at = job.location;
        }
        let home = if driven.is_some() {
            0.0
        } else {
            problem.travel(at, tech.end)
        };
        out.push(PlannedRoute {
            technician: t,
            stops,
            distance: full.distance,
            end: time + home,
        });
    }
    let vehicles = out.len();
    Plan {
        routes: out,
        unserved,
        distance,
        penalty,
        vehicles,
        feasible: excess < 1e-9 && warp < 1e-9,
        excess_load: excess,
        time_warp: warp,
        iterations,
    }
}
