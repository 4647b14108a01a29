//! Iterated local search, as PyVRP 0.14 runs it: ruin and recreate a few neighbouring
//! jobs of the current solution (Pisinger and Ropke's ruin-and-recreate), search locally
//! from what changed, and accept the result by late-acceptance hill climbing (Burke and
//! Bykov 2017). Each iteration costs a fraction of a genetic generation, so many more
//! fit in the same time.
use std::time::Instant;

use super::{Individual, Search};
use crate::local_search::Penalties;
use crate::split::split;

impl Search<'_> {
    /// Iterated local search from one random start: each iteration ruins and recreates a
    /// few neighbouring jobs of the current solution and searches locally from them; the
    /// candidate replaces the current solution when it beats it or the one `history`
    /// iterations ago (late acceptance). A new best is searched once more from every job.
    /// Penalties adapt every 500 candidates towards 65 % feasible; after `return_after`
    /// iterations without a new best, the search returns to the best.
    pub(super) fn run_iterated(mut self) -> (Option<Individual>, u64) {
        let deadline = Instant::now() + self.params.time_limit;
        let strong = Penalties {
            load: 100_000.0,
            time_warp: 100_000.0,
            vehicle: self.params.vehicle_cost,
        };
        // Days with skills, pins or optional jobs start from cheapest insertion in a random
        // order, which places jobs only where they fit; others from a split random tour.
        let constrained = self
            .problem
            .jobs
            .iter()
            .any(|j| j.penalty.is_some() || j.pinned.is_some() || !j.skills.is_empty());
        let tour = self.random_tour();
        let routes = if constrained {
            let k = self.problem.technicians.len();
            let mut empty = vec![Vec::new(); k + 1];
            empty[k] = tour
                .iter()
                .copied()
                .filter(|&j| self.problem.optional(j))
                .collect();
            let prohibitive = Penalties {
                load: 1e9,
                time_warp: 1e9,
                vehicle: self.params.vehicle_cost,
            };
            self.ls.load(&empty, prohibitive);
            for &j in tour.iter().filter(|&&j| !self.problem.optional(j)) {
                self.ls.insert_cheapest(j);
            }
            self.ls.reinsert_left_out();
            self.ls.routes()
        } else {
            split(self.problem, &tour, &strong)
        };
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
                // PyVRP's update: ×1.5 below 60 % feasible, ×0.9 above 70 %.
                self.adapt_penalty_weights(0.65, 1.5, 0.9);
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
}
