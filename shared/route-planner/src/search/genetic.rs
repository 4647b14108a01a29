//! Hybrid genetic search (Vidal et al. 2013): a population of solutions (feasible and
//! infeasible kept apart) improved by crossover, Split and local search, with
//! infeasibility priced by penalties that adapt to keep a target share of feasible
//! offspring, and survivors chosen by biased fitness: cost rank plus contribution to
//! diversity (broken pairs).
use std::time::Instant;

use super::{Individual, Params, Search};
use crate::local_search::Penalties;
use crate::split::split;

/// A subpopulation with the broken-pairs distance between every two members cached.
#[derive(Default)]
pub(super) struct Pool {
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

impl Search<'_> {
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
        self.adapt_penalty_weights(self.params.target_feasible, 1.2, 0.85);
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

    /// Runs the genetic search to the time or iteration limit; the best feasible
    /// solution, else the least infeasible.
    pub(super) fn run_genetic(mut self) -> (Option<Individual>, u64) {
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
