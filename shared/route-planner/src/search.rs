//! Hybrid genetic search: a population of solutions (feasible and infeasible kept
//! apart) improved by crossover, split and local search, with infeasibility priced by
//! penalties that adapt to keep a target share of feasible offspring, and survivors
//! chosen by biased fitness: cost rank plus contribution to diversity (broken pairs).
use std::time::{Duration, Instant};

use crate::local_search::{LocalSearch, Penalties, neighbours};
use crate::problem::{Plan, PlannedRoute, PlannedStop, Problem, Unserved};
use crate::rng::Rng;
use crate::segment::{depots, job_segment};
use crate::split::split;

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
}

/// Which metaheuristic drives the local search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// Hybrid genetic search: a population, crossover, Split and local search
    /// (Vidal et al. 2013).
    #[default]
    Genetic,
    /// Iterated local search: ruin and recreate a few neighbouring jobs, search locally
    /// from them, accept by late-acceptance hill climbing (Burke and Bykov 2017), as
    /// PyVRP 0.14 does.
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
            method: Method::Genetic,
            perturbations: 25,
            history: 300,
            return_after: 150_000,
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

/// A subpopulation with the broken-pairs distance between every two members cached.
#[derive(Default)]
struct Pool {
    members: Vec<Individual>,
    dist: Vec<Vec<f64>>,
}

impl Pool {
    fn len(&self) -> usize {
        self.members.len()
    }

    fn push(&mut self, ind: Individual) {
        let row: Vec<f64> = self.members.iter().map(|m| ind.distance_to(m)).collect();
        for (r, d) in self.dist.iter_mut().zip(&row) {
            r.push(*d);
        }
        let mut row = row;
        row.push(0.0);
        self.dist.push(row);
        self.members.push(ind);
    }

    fn remove(&mut self, i: usize) {
        self.members.swap_remove(i);
        self.dist.swap_remove(i);
        for r in &mut self.dist {
            r.swap_remove(i);
        }
    }

    fn clear(&mut self) {
        self.members.clear();
        self.dist.clear();
    }

    /// Biased fitness: cost rank plus (1 − elite/size) × diversity rank.
    fn update_fitness(&mut self, pen: &Penalties, params: &Params) {
        let m = self.members.len();
        if m <= 1 {
            if let Some(p) = self.members.first_mut() {
                p.fitness = 0.0;
            }
            return;
        }
        let mut by_cost: Vec<usize> = (0..m).collect();
        by_cost.sort_by(|&a, &b| {
            self.members[a]
                .cost(pen)
                .total_cmp(&self.members[b].cost(pen))
        });
        let mut diversity = vec![0.0; m];
        let c = params.close.min(m - 1).max(1);
        for (i, div) in diversity.iter_mut().enumerate() {
            let mut d: Vec<f64> = (0..m)
                .filter(|&k| k != i)
                .map(|k| self.dist[i][k])
                .collect();
            d.sort_by(f64::total_cmp);
            *div = d.iter().take(c).sum::<f64>() / c as f64;
        }
        let mut by_div: Vec<usize> = (0..m).collect();
        by_div.sort_by(|&a, &b| diversity[b].total_cmp(&diversity[a]));
        let weight = 1.0 - (params.elite as f64 / m as f64).min(1.0);
        let mut fitness = vec![0.0; m];
        for (r, &i) in by_cost.iter().enumerate() {
            fitness[i] += r as f64 / (m - 1) as f64;
        }
        for (r, &i) in by_div.iter().enumerate() {
            fitness[i] += weight * r as f64 / (m - 1) as f64;
        }
        for (p, f) in self.members.iter_mut().zip(fitness) {
            p.fitness = f;
        }
    }
}

struct Search<'a> {
    problem: &'a Problem,
    params: &'a Params,
    rng: Rng,
    ls: LocalSearch<'a>,
    pen: Penalties,
    feasible: Pool,
    infeasible: Pool,
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
            ls: LocalSearch::new(problem, neighbours),
            pen: Penalties {
                load,
                time_warp: 1.0,
                vehicle: params.vehicle_cost,
            },
            feasible: Pool::default(),
            infeasible: Pool::default(),
            best: None,
            recent_load_ok: Vec::new(),
            recent_warp_ok: Vec::new(),
            iterations: 0,
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

    fn add(&mut self, ind: Individual) {
        if ind.feasible() {
            let better = self
                .best
                .as_ref()
                .is_none_or(|b| ind.distance < b.distance - 1e-9);
            if better {
                self.best = Some(ind.clone());
            }
        }
        let pen = self.pen;
        let params = self.params;
        let cap = params.population + params.generation;
        let pool = if ind.feasible() {
            &mut self.feasible
        } else {
            &mut self.infeasible
        };
        pool.push(ind);
        if pool.len() > cap {
            while pool.len() > params.population {
                pool.update_fitness(&pen, params);
                // Remove a clone first, else the worst biased fitness.
                let m = pool.len();
                let clone = (0..m).find(|&i| (0..m).any(|k| k != i && pool.dist[i][k] < 1e-9));
                let worst = clone.unwrap_or_else(|| {
                    (0..m)
                        .max_by(|&a, &b| {
                            pool.members[a].fitness.total_cmp(&pool.members[b].fitness)
                        })
                        .unwrap_or(0)
                });
                pool.remove(worst);
            }
        }
    }

    fn tournament(&mut self) -> usize {
        let total = self.feasible.len() + self.infeasible.len();
        let a = self.rng.below(total);
        let b = self.rng.below(total);
        if self.member(a).fitness <= self.member(b).fitness {
            a
        } else {
            b
        }
    }

    fn member(&self, i: usize) -> &Individual {
        if i < self.feasible.len() {
            &self.feasible.members[i]
        } else {
            &self.infeasible.members[i - self.feasible.len()]
        }
    }

    /// Ordered crossover on giant tours.
    fn crossover(&mut self, a: &[usize], b: &[usize]) -> Vec<usize> {
        let n = a.len();
        if n < 2 {
            return a.to_vec();
        }
        let start = self.rng.below(n);
        let mut end = self.rng.below(n);
        while end == start {
            end = self.rng.below(n);
        }
        let mut child = vec![usize::MAX; n];
        let mut taken = vec![false; n];
        let mut i = start;
        while i != end {
            child[i] = a[i];
            taken[a[i]] = true;
            i = (i + 1) % n;
        }
        let mut pos = end;
        for k in 0..n {
            let job = b[(end + k) % n];
            if !taken[job] {
                child[pos] = job;
                pos = (pos + 1) % n;
            }
        }
        child
    }

    fn adapt_penalties(&mut self) {
        let share = |v: &[bool]| {
            if v.is_empty() {
                1.0
            } else {
                v.iter().filter(|x| **x).count() as f64 / v.len() as f64
            }
        };
        let target = self.params.target_feasible;
        let (load_ok, warp_ok) = (share(&self.recent_load_ok), share(&self.recent_warp_ok));
        let adjust = |p: f64, ok: f64| {
            if ok < target - 0.05 {
                (p * 1.2).min(100_000.0)
            } else if ok > target + 0.05 {
                (p * 0.85).max(0.1)
            } else {
                p
            }
        };
        self.pen.load = adjust(self.pen.load, load_ok);
        self.pen.time_warp = adjust(self.pen.time_warp, warp_ok);
        self.recent_load_ok.clear();
        self.recent_warp_ok.clear();
        let pen = self.pen;
        self.infeasible.update_fitness(&pen, self.params);
    }

    fn initial_population(&mut self, deadline: Instant) {
        for _ in 0..4 * self.params.population {
            if Instant::now() >= deadline {
                break;
            }
            let tour = self.random_tour();
            let routes = split(self.problem, &tour, &self.pen);
            let ind = self.educate(&routes, self.pen);
            let repaired = (!ind.feasible()).then(|| {
                let strong = Penalties {
                    load: self.pen.load * 10.0,
                    time_warp: self.pen.time_warp * 10.0,
                    vehicle: self.pen.vehicle,
                };
                self.educate(&ind.routes, strong)
            });
            self.add(ind);
            if let Some(r) = repaired.filter(Individual::feasible) {
                self.add(r);
            }
        }
        let pen = self.pen;
        self.feasible.update_fitness(&pen, self.params);
        self.infeasible.update_fitness(&pen, self.params);
    }

    /// Iterated local search from one random start: each iteration ruins and recreates a
    /// few neighbouring jobs of the current solution and searches locally from them; the
    /// candidate replaces the current solution when it beats it or the one `history`
    /// iterations ago (late acceptance). A new best is searched once more from every job.
    /// Penalties adapt every 500 candidates towards 65 % feasible; after `return_after`
    /// iterations without a new best, the search returns to the best.
    fn run_iterated(mut self) -> (Option<Individual>, u64) {
        let deadline = Instant::now() + self.params.time_limit;
        let strong = Penalties {
            load: 100_000.0,
            time_warp: 100_000.0,
            vehicle: self.params.vehicle_cost,
        };
        let tour = self.random_tour();
        let routes = split(self.problem, &tour, &strong);
        let init = self.educate(&routes, strong);
        let mut best = init.feasible().then(|| init.clone());
        let mut current = init.clone();
        // Late-acceptance history as (objective, excess, warp): costs are re-priced with
        // the penalties of the moment.
        let length = self.params.history.max(1);
        let mut history: Vec<Option<(f64, f64, f64)>> = vec![None; length];
        let mut slot = 0usize;
        let score = |i: &Individual| (i.objective(), i.excess, i.warp);
        let priced =
            |s: (f64, f64, f64), pen: &Penalties| s.0 + pen.load * s.1 + pen.time_warp * s.2;
        let mut since_improvement = 0u64;
        let most = self.params.perturbations.max(1);
        while Instant::now() < deadline && self.iterations < self.params.max_iterations {
            self.iterations += 1;
            if since_improvement >= self.params.return_after {
                if let Some(b) = &best {
                    current = b.clone();
                }
                history.iter_mut().for_each(|h| *h = None);
                since_improvement = 0;
            }
            let pen = self.pen;
            self.ls.load(&current.routes, pen);
            let count = 1 + self.rng.below(most);
            self.ls.perturb(count, &mut self.rng);
            self.ls.search(&mut self.rng);
            let mut candidate =
                Individual::new(self.problem, self.ls.routes(), self.params.vehicle_cost);
            self.recent_load_ok.push(candidate.excess < 1e-9);
            self.recent_warp_ok.push(candidate.warp < 1e-9);
            if self.recent_load_ok.len() >= 500 {
                self.adapt_iterated_penalties();
            }
            since_improvement += 1;
            if candidate.feasible()
                && best
                    .as_ref()
                    .is_none_or(|b| candidate.objective() < b.objective() - 1e-9)
            {
                since_improvement = 0;
                best = Some(candidate.clone());
                candidate = self.educate(&candidate.routes, pen);
                if candidate.feasible()
                    && best
                        .as_ref()
                        .is_none_or(|b| candidate.objective() <= b.objective())
                {
                    best = Some(candidate.clone());
                }
            }
            let pen = self.pen;
            let candidate_cost = candidate.cost(&pen);
            let mut current_cost = current.cost(&pen);
            let late = history[slot];
            let late_cost = late.map_or_else(|| init.cost(&pen), |l| priced(l, &pen));
            if candidate_cost < late_cost || candidate_cost < current_cost {
                current = candidate;
                current_cost = candidate_cost;
            }
            if late.is_none() || current_cost < late_cost {
                history[slot] = Some(score(&current));
            }
            slot = (slot + 1) % length;
        }
        (best.or(Some(current)), self.iterations)
    }

    /// PyVRP's penalty update: ×1.5 when fewer than 60 % of the last 500 candidates
    /// were feasible in a dimension, ×0.9 when more than 70 % were.
    fn adapt_iterated_penalties(&mut self) {
        let share = |v: &[bool]| {
            if v.is_empty() {
                1.0
            } else {
                v.iter().filter(|x| **x).count() as f64 / v.len() as f64
            }
        };
        let adjust = |p: f64, ok: f64| {
            if ok < 0.65 - 0.05 {
                (p * 1.5).min(100_000.0)
            } else if ok > 0.65 + 0.05 {
                (p * 0.9).max(0.1)
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

    fn run(mut self) -> (Option<Individual>, u64) {
        if self.params.method == Method::Iterated {
            return self.run_iterated();
        }
        let deadline = Instant::now() + self.params.time_limit;
        self.initial_population(deadline);
        let mut since_improvement = 0u64;
        while Instant::now() < deadline && self.iterations < self.params.max_iterations {
            if self.feasible.len() + self.infeasible.len() < 2 {
                self.initial_population(deadline);
                continue;
            }
            self.iterations += 1;
            let (i, j) = (self.tournament(), self.tournament());
            let (a, b) = (self.member(i).tour(), self.member(j).tour());
            let tour = self.crossover(&a, &b);
            let routes = split(self.problem, &tour, &self.pen);
            let before = self.best.as_ref().map(|b| b.objective());
            let child = self.educate(&routes, self.pen);
            self.recent_load_ok.push(child.excess < 1e-9);
            self.recent_warp_ok.push(child.warp < 1e-9);
            let repair = (!child.feasible() && self.rng.unit() < 0.5).then(|| child.routes.clone());
            self.add(child);
            if let Some(routes) = repair {
                let strong = Penalties {
                    load: self.pen.load * 10.0,
                    time_warp: self.pen.time_warp * 10.0,
                    vehicle: self.pen.vehicle,
                };
                let fixed = self.educate(&routes, strong);
                if fixed.feasible() {
                    self.add(fixed);
                }
            }
            let after = self.best.as_ref().map(|b| b.objective());
            if after.is_some() && (before.is_none() || after < before) {
                since_improvement = 0;
            } else {
                since_improvement += 1;
            }
            if self.iterations.is_multiple_of(100) {
                self.adapt_penalties();
            }
            if since_improvement > self.params.restart_after {
                self.feasible.clear();
                self.infeasible.clear();
                self.initial_population(deadline);
                since_improvement = 0;
            }
        }
        // Nothing feasible: report the least infeasible.
        let fallback = || {
            let pen = self.pen;
            self.infeasible
                .members
                .iter()
                .min_by(|a, b| a.cost(&pen).total_cmp(&b.cost(&pen)))
                .cloned()
        };
        let best = self.best.clone().or_else(fallback);
        (best, self.iterations)
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
        match Problem::new(problem_matrix(problem), problem.technicians.clone(), jobs) {
            Ok(p) => p,
            Err(_) => problem.clone(),
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
/// list per technician, as planned) keep their order as far as possible; `job` is
/// inserted where it costs least and a local search settles the routes. Much faster than
/// a full solve, because the search starts from a good plan.
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
    // Strong penalties: a repair must stay feasible if it can.
    let pen = Penalties {
        load: 1_000.0,
        time_warp: 1_000.0,
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
    ls.run(&mut Rng::new(params.seed));
    plan(problem, &ls.routes(), unserved, 1)
}

/// Why no technician can serve job `j` even alone, if none can.
fn unservable(problem: &Problem, j: usize) -> Option<String> {
    let qualified: Vec<usize> = (0..problem.technicians.len())
        .filter(|&t| problem.qualified(t, j))
        .collect();
    if qualified.is_empty() {
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
        let mut stops = Vec::with_capacity(jobs.len());
        for &j in jobs {
            let job = &problem.jobs[j];
            let arrival = time + problem.travel(at, job.location);
            let begin = arrival.max(job.ready);
            stops.push(PlannedStop {
                job: j,
                arrival,
                start: begin,
            });
            time = begin + job.service;
            at = job.location;
        }
        out.push(PlannedRoute {
            technician: t,
            stops,
            distance: full.distance,
            end: time + problem.travel(at, tech.end),
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
