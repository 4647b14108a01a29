//! Split: cuts a giant tour (every job once, in order) into at most one route per
//! technician, optimally for the penalised cost, by dynamic programming over
//! technicians in order (Prins 2004; Vidal 2016 for the penalised form).
use crate::local_search::Penalties;
use crate::problem::Problem;
use crate::segment::{Segment, depots, job_segment};

/// Routes (one per technician, possibly empty, then the left-out jobs) for `tour`.
pub(crate) fn split(problem: &Problem, tour: &[usize], pen: &Penalties) -> Vec<Vec<usize>> {
    let n = tour.len();
    let k = problem.technicians.len();
    let jobs: Vec<Segment> = tour.iter().map(|&j| job_segment(problem, j)).collect();
    // best[t][i]: cheapest cost of serving tour[..i] with technicians ..t.
    let mut best = vec![vec![f64::INFINITY; n + 1]; k + 1];
    let mut from = vec![vec![usize::MAX; n + 1]; k + 1];
    best[0][0] = 0.0;
    for t in 0..k {
        let (start, end) = depots(problem, t);
        let cap = problem.technicians[t].capacity;
        for i in 0..=n {
            if !best[t][i].is_finite() {
                continue;
            }
            // Technician t stays home.
            if best[t][i] < best[t + 1][i] {
                best[t + 1][i] = best[t][i];
                from[t + 1][i] = i;
            }
            let mut seg = start;
            for j in i..n {
                if !problem.qualified(t, tour[j]) {
                    break;
                }
                seg = seg.then(&jobs[j], problem.travel(seg.last, jobs[j].first));
                if seg.load > 2.0 * cap + 1e-9 && j > i {
                    break;
                }
                let route = seg.then(&end, problem.travel(seg.last, end.first));
                let c = best[t][i] + pen.cost(&route, cap);
                if c < best[t + 1][j + 1] {
                    best[t + 1][j + 1] = c;
                    from[t + 1][j + 1] = i;
                }
            }
        }
    }
    // The left-out route takes a remaining tail of optional jobs at their penalties.
    let mut left_out_from = usize::MAX;
    let mut total = best[k][n];
    let mut penalty_tail = 0.0;
    for i in (0..n).rev() {
        if !problem.optional(tour[i]) {
            break;
        }
        penalty_tail += jobs[i].penalty;
        if best[k][i] + penalty_tail < total {
            total = best[k][i] + penalty_tail;
            left_out_from = i;
        }
    }
    let mut routes = vec![Vec::new(); k + 1];
    if !total.is_finite() {
        // No cut of this order serves every job with qualified technicians (skills):
        // give each job to the qualified technician with the fewest jobs so far. The
        // local search never moves a job to an unqualified technician, so plans stay
        // skill-feasible.
        for &j in tour {
            if let Some(t) = (0..k)
                .filter(|&t| problem.qualified(t, j))
                .min_by_key(|&t| routes[t].len())
            {
                routes[t].push(j);
            }
        }
        return routes;
    }
    let mut j = n;
    if left_out_from != usize::MAX {
        routes[k] = tour[left_out_from..].to_vec();
        j = left_out_from;
    }
    for t in (1..=k).rev() {
        let i = from[t][j];
        routes[t - 1] = tour[i..j].to_vec();
        j = i;
    }
    routes
}
