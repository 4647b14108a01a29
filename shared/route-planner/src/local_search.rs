//! The local search: for each job U and each of its granular neighbours V, try moving
//! U (and its successor) next to V, swapping them, or exchanging route tails (2-opt*);
//! apply the first improving move; repeat until no move improves. Each candidate route
//! is evaluated in constant time (inter-route) from cached prefix and suffix segments.
use crate::problem::{ANYWHERE, Problem};
use crate::rng::Rng;
use crate::segment::{Segment, depots, job_segment};

/// Prices of infeasibility.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Penalties {
    /// Per unit of load above capacity.
    pub(crate) load: f64,
    /// Per unit of time warp.
    pub(crate) time_warp: f64,
    /// Per technician used (a route with at least one job); 0 unless fewer technicians
    /// are wanted.
    pub(crate) vehicle: f64,
}

impl Penalties {
    /// Penalised cost of a complete route.
    #[inline]
    pub(crate) fn cost(&self, route: &Segment, capacity: f64) -> f64 {
        route.distance
            + self.load * (route.load - capacity).max(0.0)
            + self.time_warp * route.time_warp
    }
}

/// The moves, for switching them on and off and counting them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// U after V (also to the start of a route).
    Relocate = 0,
    /// U and its successor X after V (also to the start of a route).
    RelocatePair = 1,
    /// X then U after V.
    RelocatePairReversed = 2,
    /// Exchange U and V.
    Swap = 3,
    /// Exchange (U, X) and V.
    SwapPairOne = 4,
    /// Exchange (U, X) and (V, Y).
    SwapPairs = 5,
    /// Exchange the tails after U and after V (2-opt*).
    TwoOptStar = 6,
    /// Move U or (U, X) elsewhere in its own route.
    IntraRelocate = 7,
    /// Exchange U and V in the same route.
    IntraSwap = 8,
    /// SWAP* (Vidal 2022): exchange U and V between two routes, each going to its best
    /// place in the other route rather than necessarily to the other's place.
    SwapStar = 9,
}

/// Number of [`Move`] kinds.
pub(crate) const MOVES: usize = 10;

/// Insertions of a job that SWAP* remembers per route: the three cheapest places.
const STAR_PLACES: usize = 3;

/// SWAP* candidates evaluated exactly per route pair, best estimate first.
const STAR_CANDIDATES: usize = 4;

/// A route's polar sector around its depot, as HGS-CVRP keeps it: angles in
/// 1/65,536 of a turn, the sector running from `start` anticlockwise to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sector {
    start: i32,
    end: i32,
}

impl Sector {
    const TURN: i32 = 65_536;

    fn modulo(a: i32) -> i32 {
        a.rem_euclid(Self::TURN)
    }

    /// The angle of `(x, y)` seen from `(ox, oy)`.
    fn angle((ox, oy): (f64, f64), (x, y): (f64, f64)) -> i32 {
        let a = (y - oy).atan2(x - ox) / std::f64::consts::PI * f64::from(Self::TURN / 2);
        Self::modulo(a as i32)
    }

    fn encloses(&self, a: i32) -> bool {
        Self::modulo(a - self.start) <= Self::modulo(self.end - self.start)
    }

    /// Grows the sector by the smaller of the two arcs that reach `a`.
    fn extend(&mut self, a: i32) {
        if !self.encloses(a) {
            if Self::modulo(a - self.end) <= Self::modulo(self.start - a) {
                self.end = a;
            } else {
                self.start = a;
            }
        }
    }

    fn overlaps(&self, other: &Sector) -> bool {
        Self::modulo(other.start - self.start) <= Self::modulo(self.end - self.start)
            || Self::modulo(self.start - other.start) <= Self::modulo(other.end - other.start)
    }
}

/// One exchange SWAP* may make: U (at `i` in route a) goes to place `u_at` of route b
/// and V (at `k` in route b) to place `v_at` of route a, places counted in the routes
/// as they are (the removed job's own place meaning "instead of it").
#[derive(Debug, Clone, Copy)]
struct StarMove {
    estimate: f64,
    i: usize,
    k: usize,
    u_at: usize,
    v_at: usize,
}

/// Granular neighbourhoods: for each job, the jobs closest by a measure that also counts
/// waiting and lateness between their windows (Vidal et al., 2013). Jobs no technician
/// may serve together (skills, certificates, pins) come last: a move next to them could
/// never be made.
pub(crate) fn neighbours(problem: &Problem, size: usize) -> Vec<Vec<usize>> {
    let n = problem.jobs.len();
    let k = problem.technicians.len();
    let restricted = problem
        .jobs
        .iter()
        .any(|j| !j.skills.is_empty() || j.pinned.is_some());
    // Which technicians may serve each job, 64 to a word.
    let words = k.div_ceil(64).max(1);
    let able: Vec<Vec<u64>> = (0..n)
        .map(|j| {
            let mut w = vec![0u64; words];
            for t in 0..k {
                if !restricted || problem.qualified(t, j) {
                    w[t / 64] |= 1 << (t % 64);
                }
            }
            w
        })
        .collect();
    let together = |i: usize, j: usize| able[i].iter().zip(&able[j]).any(|(a, b)| a & b != 0);
    (0..n)
        .map(|i| {
            let a = &problem.jobs[i];
            let mut near: Vec<(f64, usize)> = (0..n)
                .filter(|&j| j != i)
                .map(|j| {
                    let b = &problem.jobs[j];
                    let t = problem.travel(a.location, b.location);
                    let wait = (b.ready - a.service - t - a.due).max(0.0);
                    let late = (a.ready + a.service + t - b.due).max(0.0);
                    let apart = if !restricted || together(i, j) {
                        0.0
                    } else {
                        1e12
                    };
                    (apart + t + 0.2 * wait + 1.0 * late, j)
                })
                .collect();
            near.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            near.into_iter().take(size).map(|(_, j)| j).collect()
        })
        .collect()
}

struct Route {
    tech: usize,
    /// The left-out route of optional jobs: costs their penalties only.
    left_out: bool,
    jobs: Vec<usize>,
    /// `pre[i]`: start depot and the first `i` jobs.
    pre: Vec<Segment>,
    /// `suf[i]`: jobs `i..` without the end depot (`suf[len]` unused).
    suf: Vec<Segment>,
    end: Segment,
    capacity: f64,
    cost: f64,
    changed_at: u64,
}

/// Local search state over one solution.
pub(crate) struct LocalSearch<'a> {
    problem: &'a Problem,
    neighbours: &'a [Vec<usize>],
    segs: Vec<Segment>,
    routes: Vec<Route>,
    route_of: Vec<usize>,
    pos_of: Vec<usize>,
    pen: Penalties,
    clock: u64,
    tested_at: Vec<u64>,
    /// Jobs the search starts from: all of them for a full run, the jobs a perturbation
    /// touched (and what later moves touch) for [`LocalSearch::search`].
    promising: Vec<bool>,
    skills: bool,
    /// Per route: the clock when SWAP* last tried it against every other route.
    star_at: Vec<u64>,
    /// Which moves may be used (SWAP* is off unless asked for).
    pub(crate) enabled: [bool; MOVES],
    /// How often each move was applied.
    pub(crate) applied: [u64; MOVES],
}

impl<'a> LocalSearch<'a> {
    pub(crate) fn new(problem: &'a Problem, neighbours: &'a [Vec<usize>]) -> Self {
        let n = problem.jobs.len();
        let skills = problem
            .jobs
            .iter()
            .any(|j| !j.skills.is_empty() || j.pinned.is_some());
        Self {
            problem,
            neighbours,
            segs: (0..n).map(|j| job_segment(problem, j)).collect(),
            routes: Vec::new(),
            route_of: vec![0; n],
            pos_of: vec![0; n],
            pen: Penalties {
                load: 1.0,
                time_warp: 1.0,
                vehicle: 0.0,
            },
            clock: 0,
            tested_at: vec![0; n],
            promising: vec![true; n],
            skills,
            star_at: Vec::new(),
            enabled: std::array::from_fn(|m| m != Move::SwapStar as usize),
            applied: [0; MOVES],
        }
    }

    fn rebuild(&mut self, r: usize) {
        let p = self.problem;
        let route = &mut self.routes[r];
        let (start, end) = depots(p, route.tech);
        route.end = end;
        let len = route.jobs.len();
        route.pre.clear();
        route.pre.push(start);
        for (i, &j) in route.jobs.iter().enumerate() {
            let last = route.pre[i];
            route
                .pre
                .push(last.then(&self.segs[j], p.travel(last.last, self.segs[j].first)));
            self.route_of[j] = r;
            self.pos_of[j] = i;
        }
        route.suf.clear();
        route.suf.resize(len + 1, start);
        for i in (0..len).rev() {
            let j = route.jobs[i];
            route.suf[i] = if i + 1 == len {
                self.segs[j]
            } else {
                let next = route.suf[i + 1];
                self.segs[j].then(&next, p.travel(self.segs[j].last, next.first))
            };
        }
        let full = route.pre[len].then(&end, p.travel(route.pre[len].last, end.first));
        route.cost = if route.left_out {
            full.penalty
        } else {
            self.pen.cost(&full, route.capacity)
        };
        self.clock += 1;
        route.changed_at = self.clock;
    }

    /// Penalised cost of route `r` rebuilt as `head`, then `mid`, then `tail` (the head
    /// being a prefix that starts at the depot).
    #[inline]
    fn eval(&self, r: usize, head: Segment, mid: Option<Segment>, tail: Option<Segment>) -> f64 {
        let p = self.problem;
        let mut acc = head;
        if let Some(s) = &mid {
            acc = acc.then(s, p.travel(acc.last, s.first));
        }
        if let Some(s) = &tail {
            acc = acc.then(s, p.travel(acc.last, s.first));
        }
        let route = &self.routes[r];
        if route.left_out {
            return acc.penalty;
        }
        let full = acc.then(&route.end, p.travel(acc.last, route.end.first));
        self.pen.cost(&full, route.capacity)
    }

    fn suffix(&self, r: usize, i: usize) -> Option<Segment> {
        (i < self.routes[r].jobs.len()).then(|| self.routes[r].suf[i])
    }

    /// Whether `m` may be tried; counts it as applied when `apply` is set.
    #[inline]
    fn on(&self, m: Move) -> bool {
        self.enabled[m as usize]
    }

    fn count(&mut self, m: Move) {
        self.applied[m as usize] += 1;
    }

    fn qualified(&self, r: usize, jobs: &[usize]) -> bool {
        if self.routes[r].left_out {
            return jobs.iter().all(|&j| self.problem.optional(j));
        }
        !self.skills
            || jobs
                .iter()
                .all(|&j| self.problem.qualified(self.routes[r].tech, j))
    }

    /// Loads a solution (one job list per technician).
    pub(crate) fn load(&mut self, routes: &[Vec<usize>], pen: Penalties) {
        self.pen = pen;
        self.routes = routes
            .iter()
            .enumerate()
            .map(|(t, jobs)| Route {
                tech: t,
                left_out: t == self.problem.technicians.len(),
                jobs: jobs.clone(),
                pre: Vec::with_capacity(jobs.len() + 1),
                suf: Vec::new(),
                end: depots(self.problem, t).1,
                capacity: self
                    .problem
                    .technicians
                    .get(t)
                    .map_or(f64::INFINITY, |x| x.capacity),
                cost: 0.0,
                changed_at: 0,
            })
            .collect();
        for r in 0..self.routes.len() {
            self.rebuild(r);
        }
        self.tested_at.iter_mut().for_each(|t| *t = 0);
        self.star_at = vec![0; self.routes.len()];
    }

    /// Inserts `job` (not yet routed) where it raises the penalised cost least, among
    /// qualified technicians; returns false when no technician is qualified.
    pub(crate) fn insert_cheapest(&mut self, job: usize) -> bool {
        let mut best: Option<(f64, usize, usize)> = None;
        for r in 0..self.routes.len() {
            if !self.qualified(r, &[job]) {
                continue;
            }
            let len = self.routes[r].jobs.len();
            for at in 0..=len {
                let head = self.routes[r].pre[at];
                let delta = self.eval(r, head, Some(self.segs[job]), self.suffix(r, at))
                    - self.routes[r].cost;
                if best.is_none_or(|(d, _, _)| delta < d - 1e-12) {
                    best = Some((delta, r, at));
                }
            }
        }
        let Some((_, r, at)) = best else { return false };
        self.routes[r].jobs.insert(at, job);
        self.rebuild(r);
        true
    }

    /// Inserts `job` (not yet routed) where it raises the penalised cost least among a
    /// few places: right after each of its granular neighbours that is routed, at the
    /// start of their routes, and in one empty route (as PyVRP inserts). Falls back to
    /// every place when none of them is open to the job.
    fn insert_near(&mut self, job: usize) -> bool {
        let mut best: Option<(f64, usize, usize)> = None;
        let consider =
            |this: &Self, r: usize, at: usize, best: &mut Option<(f64, usize, usize)>| {
                let head = this.routes[r].pre[at];
                let delta = this.eval(r, head, Some(this.segs[job]), this.suffix(r, at))
                    - this.routes[r].cost;
                if best.is_none_or(|(d, _, _)| delta < d - 1e-12) {
                    *best = Some((delta, r, at));
                }
            };
        for &v in &self.neighbours[job] {
            let r = self.route_of[v];
            // A neighbour taken out by the same perturbation is not routed.
            if self.routes[r].jobs.get(self.pos_of[v]) != Some(&v) || !self.qualified(r, &[job]) {
                continue;
            }
            consider(self, r, self.pos_of[v] + 1, &mut best);
            consider(self, r, 0, &mut best);
        }
        if let Some(r) = (0..self.routes.len()).find(|&r| {
            self.routes[r].jobs.is_empty() && !self.routes[r].left_out && self.qualified(r, &[job])
        }) {
            consider(self, r, 0, &mut best);
        }
        if self.problem.optional(job)
            && let Some(r) = self.routes.iter().position(|r| r.left_out)
        {
            consider(self, r, self.routes[r].jobs.len(), &mut best);
        }
        let Some((_, r, at)) = best else {
            return self.insert_cheapest(job);
        };
        self.routes[r].jobs.insert(at, job);
        self.rebuild(r);
        true
    }

    /// The current routes.
    pub(crate) fn routes(&self) -> Vec<Vec<usize>> {
        self.routes.iter().map(|r| r.jobs.clone()).collect()
    }

    /// Offers each optional job left out to every place in every route, cheapest first;
    /// with prohibitive penalties this serves every job that fits without breaking a
    /// constraint. Returns whether any was placed.
    pub(crate) fn reinsert_left_out(&mut self) -> bool {
        let Some(out) = self.routes.iter().position(|r| r.left_out) else {
            return false;
        };
        let mut placed = false;
        for j in self.routes[out].jobs.clone() {
            let Some(at) = self.routes[out].jobs.iter().position(|&x| x == j) else {
                continue;
            };
            self.routes[out].jobs.remove(at);
            self.rebuild(out);
            self.insert_cheapest(j);
            placed |= self.route_of[j] != out;
        }
        placed
    }

    /// Runs to a local optimum starting from the jobs of `job`'s route only, so that a
    /// repair leaves the routes it has no reason to touch as they were.
    pub(crate) fn settle_around(&mut self, job: usize, rng: &mut Rng) {
        self.promising.iter_mut().for_each(|p| *p = false);
        let r = self.route_of[job];
        for &j in &self.routes[r].jobs {
            self.promising[j] = true;
        }
        self.search(rng);
    }

    /// Runs to a local optimum, starting from every job.
    pub(crate) fn run(&mut self, rng: &mut Rng) {
        self.promising.iter_mut().for_each(|p| *p = true);
        self.search(rng);
    }

    /// The job before and after `j` in its route, if any.
    fn around(&self, j: usize) -> [Option<usize>; 2] {
        let jobs = &self.routes[self.route_of[j]].jobs;
        let p = self.pos_of[j];
        [
            p.checked_sub(1).and_then(|i| jobs.get(i).copied()),
            jobs.get(p + 1).copied(),
        ]
    }

    /// Marks `j` and its route neighbours as worth searching from.
    fn mark_around(&mut self, j: usize) {
        self.promising[j] = true;
        for k in self.around(j).into_iter().flatten() {
            self.promising[k] = true;
        }
    }

    /// Ruins and recreates around `count` jobs (Pisinger and Ropke's ruin-and-recreate,
    /// as the iterated local search of PyVRP 0.14 perturbs): takes a random job and its
    /// granular neighbours out of their routes until `count` are out, puts each back
    /// where it costs least near its neighbours, in random order, and marks them and
    /// their route neighbours as the only places [`LocalSearch::search`] starts from.
    pub(crate) fn perturb(&mut self, count: usize, rng: &mut Rng) {
        self.promising.iter_mut().for_each(|p| *p = false);
        let n = self.problem.jobs.len();
        if n == 0 {
            return;
        }
        let mut removed: Vec<usize> = Vec::with_capacity(count);
        let mut out = vec![false; n];
        let mut tries = 0;
        while removed.len() < count && tries < 4 * count + 4 {
            tries += 1;
            let first = rng.below(n);
            for k in 0..=self.neighbours[first].len() {
                if removed.len() == count {
                    break;
                }
                let j = if k == 0 {
                    first
                } else {
                    self.neighbours[first][k - 1]
                };
                let r = self.route_of[j];
                if out[j] || self.routes[r].left_out {
                    continue;
                }
                self.mark_around(j);
                self.routes[r].jobs.remove(self.pos_of[j]);
                self.rebuild(r);
                out[j] = true;
                removed.push(j);
            }
        }
        rng.shuffle(&mut removed);
        for j in removed {
            if self.insert_near(j) {
                self.mark_around(j);
            }
        }
    }

    /// Runs to a local optimum, trying moves only from the jobs marked promising (and
    /// those the applied moves touch). With SWAP* on, once no move of a job improves,
    /// the routes holding promising jobs are tried against the routes near them by
    /// SWAP*, and the search goes on from what an exchange changed.
    pub(crate) fn search(&mut self, rng: &mut Rng) {
        self.star_at.iter_mut().for_each(|t| *t = 0);
        for _ in 0..1000 {
            self.search_jobs(rng);
            if !self.on(Move::SwapStar) || !self.swap_star_pass(rng) {
                break;
            }
        }
    }

    /// The job moves of [`LocalSearch::search`], to a local optimum.
    fn search_jobs(&mut self, rng: &mut Rng) {
        let n = self.problem.jobs.len();
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        let mut improved = true;
        let mut loops = 0;
        while improved && loops < 1000 {
            improved = false;
            loops += 1;
            for &u in &order {
                if !self.promising[u] {
                    continue;
                }
                let tested = self.tested_at[u];
                self.tested_at[u] = self.clock;
                let nbs = self.neighbours;
                let offset = rng.below(nbs[u].len().max(1));
                for k in 0..nbs[u].len() {
                    let v = nbs[u][(k + offset) % nbs[u].len()];
                    let (ru, rv) = (self.route_of[u], self.route_of[v]);
                    if loops > 1
                        && self.routes[ru].changed_at <= tested
                        && self.routes[rv].changed_at <= tested
                    {
                        continue;
                    }
                    let before = [self.around(u), self.around(v)];
                    if self.try_moves(u, Some(v))
                        || (self.pos_of[v] == 0 && self.try_moves_at_start(u, rv))
                    {
                        // V first in its route: also tried next to its route's start depot.
                        self.touched(u, Some(v), before);
                        improved = true;
                        break;
                    }
                }
                // An empty route, if any, is worth one try per job.
                let left_out = self.routes.len() - 1;
                let before = [self.around(u), [None, None]];
                if self.problem.optional(u)
                    && self.route_of[u] != left_out
                    && self.routes[left_out].left_out
                    && self.try_moves_at_start(u, left_out)
                {
                    self.touched(u, None, before);
                    improved = true;
                    continue;
                }
                if let Some(empty) = self
                    .routes
                    .iter()
                    .position(|r| r.jobs.is_empty() && !r.left_out)
                    && self.route_of[u] != empty
                    && self.try_moves_at_start(u, empty)
                {
                    self.touched(u, None, before);
                    improved = true;
                }
            }
        }
    }

    /// After a move of `u` (with `v`): marks both, their old and their new route
    /// neighbours promising.
    fn touched(&mut self, u: usize, v: Option<usize>, before: [[Option<usize>; 2]; 2]) {
        for k in before.into_iter().flatten().flatten() {
            self.promising[k] = true;
        }
        self.mark_around(u);
        if let Some(v) = v {
            self.mark_around(v);
        }
    }

    /// Moves of U relative to the start of route `r` (insert U, or U and its successor,
    /// right after the start depot).
    fn try_moves_at_start(&mut self, u: usize, r: usize) -> bool {
        let ru = self.route_of[u];
        if ru == r {
            return false;
        }
        let pu = self.pos_of[u];
        let len_u = self.routes[ru].jobs.len();
        let old = self.routes[ru].cost + self.routes[r].cost;
        // Relocate U to the start of r.
        if self.on(Move::Relocate) && self.qualified(r, &[u]) {
            let new_u = self.eval_without(ru, pu, pu);
            let start = self.routes[r].pre[0];
            let new_r = self.eval(r, start, Some(self.segs[u]), self.suffix(r, 0));
            if new_u + new_r < old - 1e-9 {
                self.apply_relocate(u, 1, false, r, None);
                self.count(Move::Relocate);
                return true;
            }
        }
        // Relocate (U, X) to the start of r.
        if self.on(Move::RelocatePair) && pu + 1 < len_u {
            let x = self.routes[ru].jobs[pu + 1];
            if self.qualified(r, &[u, x]) {
                let new_u = self.eval_without(ru, pu, pu + 1);
                let start = self.routes[r].pre[0];
                let ux = self.segs[u].then(
                    &self.segs[x],
                    self.problem.travel(self.segs[u].last, self.segs[x].first),
                );
                let new_r = self.eval(r, start, Some(ux), self.suffix(r, 0));
                if new_u + new_r < old - 1e-9 {
                    self.apply_relocate(u, 2, false, r, None);
                    self.count(Move::RelocatePair);
                    return true;
                }
            }
        }
        false
    }

    /// Cost of route `r` without its jobs `i..=j`.
    fn eval_without(&self, r: usize, i: usize, j: usize) -> f64 {
        self.eval(r, self.routes[r].pre[i], None, self.suffix(r, j + 1))
    }

    /// The polar sector of route `r`'s jobs around its start (None without coordinates
    /// or without a job that has a place).
    fn sector(&self, r: usize) -> Option<Sector> {
        let xy = self.problem.coordinates()?;
        let route = &self.routes[r];
        let origin = xy[self.problem.technicians.get(route.tech)?.start];
        let mut sector: Option<Sector> = None;
        for &j in &route.jobs {
            let at = self.problem.jobs[j].location;
            if at == ANYWHERE {
                continue;
            }
            let a = Sector::angle(origin, xy[at]);
            match &mut sector {
                Some(s) => s.extend(a),
                None => sector = Some(Sector { start: a, end: a }),
            }
        }
        sector
    }

    /// One SWAP* pass (as HGS-CVRP runs it after the job moves): every route holding a
    /// promising job and changed since it was last tried is tried against each other
    /// route whose polar sector overlaps its own (every other route when the problem has
    /// no coordinates); each pair once. Returns whether any exchange was made.
    fn swap_star_pass(&mut self, rng: &mut Rng) -> bool {
        let live: Vec<usize> = (0..self.routes.len())
            .filter(|&r| !self.routes[r].left_out && !self.routes[r].jobs.is_empty())
            .collect();
        let mut sectors: Vec<Option<Sector>> = (0..self.routes.len())
            .map(|r| {
                let route = &self.routes[r];
                if route.left_out || route.jobs.is_empty() {
                    None
                } else {
                    self.sector(r)
                }
            })
            .collect();
        let mut candidates: Vec<usize> = live
            .iter()
            .copied()
            .filter(|&r| {
                self.routes[r].changed_at > self.star_at[r]
                    && self.routes[r].jobs.iter().any(|&j| self.promising[j])
            })
            .collect();
        rng.shuffle(&mut candidates);
        let mut improved = false;
        for a in candidates {
            if self.routes[a].changed_at <= self.star_at[a] {
                continue;
            }
            self.star_at[a] = self.clock;
            for &b in &live {
                let changed = self.routes[a].changed_at.max(self.routes[b].changed_at);
                // Tried from b since either route last changed.
                if b == a || self.star_at[b] >= changed {
                    continue;
                }
                if let (Some(x), Some(y)) = (&sectors[a], &sectors[b])
                    && !x.overlaps(y)
                {
                    continue;
                }
                if self.try_swap_star(a, b) {
                    improved = true;
                    sectors[a] = self.sector(a);
                    sectors[b] = self.sector(b);
                }
            }
        }
        improved
    }

    /// Route `r` rebuilt as `head`, `mid`, `tail`, closed by its end depot.
    fn closed(
        &self,
        r: usize,
        head: Segment,
        mid: Option<Segment>,
        tail: Option<Segment>,
    ) -> Segment {
        let p = self.problem;
        let mut acc = head;
        for s in [mid, tail].into_iter().flatten() {
            acc = acc.then(&s, p.travel(acc.last, s.first));
        }
        let end = &self.routes[r].end;
        acc.then(end, p.travel(acc.last, end.first))
    }

    /// SWAP* between routes `a` and `b` (Vidal 2022, with time windows as PyVRP
    /// evaluates it): exchange a job U of `a` with a job V of `b`, U going to its best
    /// place in `b` without V and V to its best place in `a` without U. The three
    /// cheapest places of each job in the other route are computed once (distance and
    /// time warp by segment concatenation), removal gains exactly, load exactly per
    /// pair; a pair's estimate uses the best remembered place not next to the job
    /// leaving, or the leaving job's own place. The best estimates are then evaluated
    /// exactly and the first that lowers the penalised cost is made.
    fn try_swap_star(&mut self, a: usize, b: usize) -> bool {
        let pen = self.pen;
        let price = |s: &Segment| s.distance + pen.time_warp * s.time_warp;
        let over = |load: f64, capacity: f64| pen.load * (load - capacity).max(0.0);
        let (len_a, len_b) = (self.routes[a].jobs.len(), self.routes[b].jobs.len());
        let full_a = self.closed(a, self.routes[a].pre[len_a], None, None);
        let full_b = self.closed(b, self.routes[b].pre[len_b], None, None);
        let (base_a, base_b) = (price(&full_a), price(&full_b));
        let removal = |r: usize, base: f64| -> Vec<f64> {
            (0..self.routes[r].jobs.len())
                .map(|i| {
                    price(&self.closed(r, self.routes[r].pre[i], None, self.suffix(r, i + 1)))
                        - base
                })
                .collect()
        };
        let (remove_a, remove_b) = (removal(a, base_a), removal(b, base_b));
        // The three cheapest places of each job of `from` in route `to` (None when `to`'s
        // technician may not serve it).
        let places =
            |from: usize, to: usize, base: f64| -> Vec<Option<[(f64, usize); STAR_PLACES]>> {
                self.routes[from]
                    .jobs
                    .iter()
                    .map(|&j| {
                        if !self.qualified(to, &[j]) {
                            return None;
                        }
                        let mut best = [(f64::INFINITY, usize::MAX); STAR_PLACES];
                        for at in 0..=self.routes[to].jobs.len() {
                            let s = self.closed(
                                to,
                                self.routes[to].pre[at],
                                Some(self.segs[j]),
                                self.suffix(to, at),
                            );
                            let cost = price(&s) - base;
                            if cost < best[STAR_PLACES - 1].0 {
                                let mut k = STAR_PLACES - 1;
                                while k > 0 && cost < best[k - 1].0 {
                                    best[k] = best[k - 1];
                                    k -= 1;
                                }
                                best[k] = (cost, at);
                            }
                        }
                        Some(best)
                    })
                    .collect()
            };
        let (into_b, into_a) = (places(a, b, base_b), places(b, a, base_a));
        let (cap_a, cap_b) = (self.routes[a].capacity, self.routes[b].capacity);
        // Cheapest place of `job` in route `r` once its job at `k` has left: a remembered
        // place not next to it, or its own place (`k`).
        let best_place = |r: usize,
                          k: usize,
                          job: usize,
                          remembered: &[(f64, usize); STAR_PLACES],
                          without: f64| {
            let own = self.closed(
                r,
                self.routes[r].pre[k],
                Some(self.segs[job]),
                self.suffix(r, k + 1),
            );
            let mut best = (price(&own) - without, k);
            for &(cost, at) in remembered {
                if at != usize::MAX && at != k && at != k + 1 && cost < best.0 {
                    best = (cost, at);
                }
            }
            best
        };
        let mut found: Vec<StarMove> = Vec::with_capacity(STAR_CANDIDATES + 1);
        for i in 0..len_a {
            let Some(u_places) = &into_b[i] else { continue };
            let u = self.routes[a].jobs[i];
            for k in 0..len_b {
                let Some(v_places) = &into_a[k] else { continue };
                let v = self.routes[b].jobs[k];
                let (du, dv) = (self.segs[u].load, self.segs[v].load);
                let load = over(full_a.load - du + dv, cap_a) - over(full_a.load, cap_a)
                    + over(full_b.load - dv + du, cap_b)
                    - over(full_b.load, cap_b);
                let gain = remove_a[i] + remove_b[k] + load;
                // Inserting a job seldom shortens a route: a pair whose removals gain
                // nothing is not worth the insertions' evaluation.
                if gain >= 0.0 {
                    continue;
                }
                let (u_cost, u_at) = best_place(b, k, u, u_places, base_b + remove_b[k]);
                let (v_cost, v_at) = best_place(a, i, v, v_places, base_a + remove_a[i]);
                let estimate = gain + u_cost + v_cost;
                if estimate < -1e-9
                    && (found.len() < STAR_CANDIDATES
                        || found.last().is_some_and(|m| estimate < m.estimate))
                {
                    let at = found.partition_point(|m| m.estimate <= estimate);
                    found.insert(
                        at,
                        StarMove {
                            estimate,
                            i,
                            k,
                            u_at,
                            v_at,
                        },
                    );
                    found.truncate(STAR_CANDIDATES);
                }
            }
        }
        let old = self.routes[a].cost + self.routes[b].cost;
        for m in found {
            let exchanged = |jobs: &[usize], out: usize, job: usize, at: usize| {
                let mut order = jobs.to_vec();
                order.remove(out);
                order.insert(if at > out { at - 1 } else { at }, job);
                order
            };
            let (u, v) = (self.routes[a].jobs[m.i], self.routes[b].jobs[m.k]);
            let new_a = exchanged(&self.routes[a].jobs, m.i, v, m.v_at);
            let new_b = exchanged(&self.routes[b].jobs, m.k, u, m.u_at);
            if self.eval_jobs(a, &new_a) + self.eval_jobs(b, &new_b) < old - 1e-9 {
                let before = [self.around(u), self.around(v)];
                self.routes[a].jobs = new_a;
                self.routes[b].jobs = new_b;
                self.rebuild(a);
                self.rebuild(b);
                self.touched(u, Some(v), before);
                self.count(Move::SwapStar);
                return true;
            }
        }
        false
    }

    fn try_moves(&mut self, u: usize, v: Option<usize>) -> bool {
        let Some(v) = v else { return false };
        let (ru, rv) = (self.route_of[u], self.route_of[v]);
        let (pu, pv) = (self.pos_of[u], self.pos_of[v]);
        let x = self.routes[ru].jobs.get(pu + 1).copied();
        let y = self.routes[rv].jobs.get(pv + 1).copied();
        if ru != rv {
            self.inter_moves(u, v, ru, rv, pu, pv, x, y)
        } else {
            self.intra_moves(ru, pu, pv, x)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn inter_moves(
        &mut self,
        u: usize,
        v: usize,
        ru: usize,
        rv: usize,
        pu: usize,
        pv: usize,
        x: Option<usize>,
        y: Option<usize>,
    ) -> bool {
        let p = self.problem;
        let old = self.routes[ru].cost + self.routes[rv].cost;
        let seg = |a: usize| self.segs[a];
        let pair = |a: usize, b: usize| {
            self.segs[a].then(
                &self.segs[b],
                p.travel(self.segs[a].last, self.segs[b].first),
            )
        };
        let pre_v_incl = self.routes[rv].pre[pv + 1];
        let pre_v_excl = self.routes[rv].pre[pv];
        let suf_v_after = self.suffix(rv, pv + 1);
        let pre_u_excl = self.routes[ru].pre[pu];
        // M1: U after V.
        if self.on(Move::Relocate) && self.qualified(rv, &[u]) {
            let new_u = self.eval_without(ru, pu, pu);
            if new_u + self.eval(rv, pre_v_incl, Some(seg(u)), suf_v_after) < old - 1e-9 {
                self.apply_relocate(u, 1, false, rv, Some(v));
                self.count(Move::Relocate);
                return true;
            }
        }
        if let Some(x) = x {
            // M2: (U, X) after V; M3: (X, U) after V.
            if self.qualified(rv, &[u, x]) {
                let new_u = self.eval_without(ru, pu, pu + 1);
                for reversed in [false, true] {
                    let m = if reversed {
                        Move::RelocatePairReversed
                    } else {
                        Move::RelocatePair
                    };
                    if !self.on(m) {
                        continue;
                    }
                    let moved = if reversed { pair(x, u) } else { pair(u, x) };
                    if new_u + self.eval(rv, pre_v_incl, Some(moved), suf_v_after) < old - 1e-9 {
                        self.apply_relocate(u, 2, reversed, rv, Some(v));
                        self.count(m);
                        return true;
                    }
                }
            }
        }
        // M4: swap U and V.
        if self.on(Move::Swap) && self.qualified(rv, &[u]) && self.qualified(ru, &[v]) {
            let a = self.eval(ru, pre_u_excl, Some(seg(v)), self.suffix(ru, pu + 1));
            if a + self.eval(rv, pre_v_excl, Some(seg(u)), suf_v_after) < old - 1e-9 {
                self.apply_swap(ru, pu, 1, rv, pv, 1);
                self.count(Move::Swap);
                return true;
            }
        }
        if let Some(x) = x {
            // M5: swap (U, X) and V.
            if self.on(Move::SwapPairOne) && self.qualified(rv, &[u, x]) && self.qualified(ru, &[v])
            {
                let a = self.eval(ru, pre_u_excl, Some(seg(v)), self.suffix(ru, pu + 2));
                if a + self.eval(rv, pre_v_excl, Some(pair(u, x)), suf_v_after) < old - 1e-9 {
                    self.apply_swap(ru, pu, 2, rv, pv, 1);
                    self.count(Move::SwapPairOne);
                    return true;
                }
            }
            // M6: swap (U, X) and (V, Y).
            if let Some(y) = y
                && self.on(Move::SwapPairs)
                && self.qualified(rv, &[u, x])
                && self.qualified(ru, &[v, y])
            {
                let a = self.eval(ru, pre_u_excl, Some(pair(v, y)), self.suffix(ru, pu + 2));
                if a + self.eval(rv, pre_v_excl, Some(pair(u, x)), self.suffix(rv, pv + 2))
                    < old - 1e-9
                {
                    self.apply_swap(ru, pu, 2, rv, pv, 2);
                    self.count(Move::SwapPairs);
                    return true;
                }
            }
        }
        // M9 (2-opt*): U → Y and V → X, exchanging the routes' tails.
        {
            let tail_u = self.suffix(ru, pu + 1);
            let tail_v = suf_v_after;
            let ok = self.on(Move::TwoOptStar)
                && self.qualified(ru, &self.routes[rv].jobs[pv + 1..])
                && self.qualified(rv, &self.routes[ru].jobs[pu + 1..]);
            if ok {
                let a = self.eval(ru, self.routes[ru].pre[pu + 1], None, tail_v);
                if a + self.eval(rv, pre_v_incl, None, tail_u) < old - 1e-9 {
                    let tu: Vec<usize> = self.routes[ru].jobs.split_off(pu + 1);
                    let tv: Vec<usize> = self.routes[rv].jobs.split_off(pv + 1);
                    self.routes[ru].jobs.extend(tv);
                    self.routes[rv].jobs.extend(tu);
                    self.rebuild(ru);
                    self.rebuild(rv);
                    self.count(Move::TwoOptStar);
                    return true;
                }
            }
        }
        false
    }

    fn intra_moves(&mut self, r: usize, pu: usize, pv: usize, x: Option<usize>) -> bool {
        let old = self.routes[r].cost;
        let jobs = self.routes[r].jobs.clone();
        // Relocate U after V, and (U, X) after V, within the route.
        for k in [1usize, 2] {
            if !self.on(Move::IntraRelocate) || (k == 2 && x.is_none()) {
                continue;
            }
            let (a, b) = (pu, pu + k - 1);
            if pv >= a && pv <= b {
                continue;
            }
            let mut order: Vec<usize> = Vec::with_capacity(jobs.len());
            let moved = &jobs[a..=b];
            for (i, &j) in jobs.iter().enumerate() {
                if i >= a && i <= b {
                    continue;
                }
                order.push(j);
                if i == pv {
                    order.extend_from_slice(moved);
                }
            }
            if self.eval_jobs(r, &order) < old - 1e-9 {
                self.routes[r].jobs = order;
                self.rebuild(r);
                self.count(Move::IntraRelocate);
                return true;
            }
        }
        // Swap U and V.
        if !self.on(Move::IntraSwap) {
            return false;
        }
        let mut order = jobs.clone();
        order.swap(pu, pv);
        if self.eval_jobs(r, &order) < old - 1e-9 {
            self.routes[r].jobs = order;
            self.rebuild(r);
            self.count(Move::IntraSwap);
            return true;
        }
        false
    }

    /// Cost of route `r` visiting `order` (used for moves inside one route).
    fn eval_jobs(&self, r: usize, order: &[usize]) -> f64 {
        // Reuse the unchanged prefix.
        let jobs = &self.routes[r].jobs;
        let same = jobs.iter().zip(order).take_while(|(a, b)| a == b).count();
        let mut acc = self.routes[r].pre[same];
        for &j in &order[same..] {
            acc = acc.then(
                &self.segs[j],
                self.problem.travel(acc.last, self.segs[j].first),
            );
        }
        let route = &self.routes[r];
        if route.left_out {
            return acc.penalty;
        }
        let full = acc.then(&route.end, self.problem.travel(acc.last, route.end.first));
        self.pen.cost(&full, route.capacity)
    }

    /// Moves `count` jobs starting at U (reversed if asked) after V in route `rv`, or to
    /// the start of `rv` when `v` is `None`.
    fn apply_relocate(
        &mut self,
        u: usize,
        count: usize,
        reversed: bool,
        rv: usize,
        v: Option<usize>,
    ) {
        let ru = self.route_of[u];
        let pu = self.pos_of[u];
        let mut moved: Vec<usize> = self.routes[ru].jobs.drain(pu..pu + count).collect();
        if reversed {
            moved.reverse();
        }
        let at = match v {
            Some(v) => {
                if ru == rv {
                    self.routes[rv]
                        .jobs
                        .iter()
                        .position(|&j| j == v)
                        .map(|p| p + 1)
                        .unwrap_or(0)
                } else {
                    self.pos_of[v] + 1
                }
            }
            None => 0,
        };
        let tail = self.routes[rv].jobs.split_off(at);
        self.routes[rv].jobs.extend(moved);
        self.routes[rv].jobs.extend(tail);
        self.rebuild(ru);
        if rv != ru {
            self.rebuild(rv);
        }
    }

    fn apply_swap(&mut self, ru: usize, pu: usize, ku: usize, rv: usize, pv: usize, kv: usize) {
        let a: Vec<usize> = self.routes[ru].jobs[pu..pu + ku].to_vec();
        let b: Vec<usize> = self.routes[rv].jobs[pv..pv + kv].to_vec();
        self.routes[ru].jobs.splice(pu..pu + ku, b);
        self.routes[rv].jobs.splice(pv..pv + kv, a);
        self.rebuild(ru);
        self.rebuild(rv);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{Job, Technician};

    /// Jobs on a line at the given x positions, wide windows, two technicians at x = 0.
    fn line(xs: &[f64], capacity: f64) -> Problem {
        let mut pts = vec![0.0];
        pts.extend_from_slice(xs);
        let n = pts.len();
        let matrix = (0..n * n)
            .map(|k| (pts[k / n] - pts[k % n]).abs())
            .collect();
        let tech = Technician {
            start: 0,
            end: 0,
            shift_start: 0.0,
            shift_end: 10_000.0,
            skills: vec![],
            capacity,
        };
        let jobs = (1..n)
            .map(|i| Job {
                location: i,
                ready: 0.0,
                due: 10_000.0,
                service: 0.0,
                demand: 1.0,
                skills: vec![],
                penalty: None,
                pinned: None,
            })
            .collect();
        Problem::new(matrix, vec![tech.clone(), tech], jobs).expect("problem")
    }

    /// Runs the local search with only `m` enabled; returns the routes and its count.
    fn only(problem: &Problem, m: Move, routes: &[Vec<usize>]) -> (Vec<Vec<usize>>, u64, f64, f64) {
        let nb = neighbours(problem, 10);
        let mut ls = LocalSearch::new(problem, &nb);
        ls.enabled = [false; MOVES];
        ls.enabled[m as usize] = true;
        let pen = Penalties {
            load: 100.0,
            time_warp: 100.0,
            vehicle: 0.0,
        };
        ls.load(routes, pen);
        let before: f64 = ls.routes.iter().map(|r| r.cost).sum();
        ls.run(&mut Rng::new(7));
        let after: f64 = ls.routes.iter().map(|r| r.cost).sum();
        let mut out = ls.routes();
        out.pop();
        (out, ls.applied[m as usize], before, after)
    }

    #[test]
    fn a_perturbation_puts_every_job_back_once_and_marks_only_what_it_touched() {
        let xs: Vec<f64> = (1..=12).map(|i| f64::from(i) * 3.0).collect();
        let p = line(&xs, 100.0);
        let nb = neighbours(&p, 3);
        let mut ls = LocalSearch::new(&p, &nb);
        let pen = Penalties {
            load: 100.0,
            time_warp: 100.0,
            vehicle: 0.0,
        };
        ls.load(&[(0..6).collect(), (6..12).collect(), vec![]], pen);
        let mut rng = Rng::new(3);
        ls.perturb(2, &mut rng);
        let mut seen: Vec<usize> = ls.routes().into_iter().flatten().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..12).collect::<Vec<_>>(), "each job exactly once");
        let marked = ls.promising.iter().filter(|m| **m).count();
        // Two jobs, each with at most two route neighbours before and after.
        assert!((2..=10).contains(&marked), "{marked} marked");
        // Searching from the marked jobs never makes the solution worse.
        let perturbed: f64 = ls.routes.iter().map(|r| r.cost).sum();
        ls.search(&mut rng);
        let searched: f64 = ls.routes.iter().map(|r| r.cost).sum();
        assert!(searched <= perturbed + 1e-9, "{searched} after {perturbed}");
        let mut seen: Vec<usize> = ls.routes().into_iter().flatten().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..12).collect::<Vec<_>>());
    }

    #[test]
    fn relocate_moves_a_job_to_the_route_that_passes_it() {
        // Route 0 goes far to serve job 0 at 10, which route 1 passes on its way to 20.
        let p = line(&[10.0, 1.0, 20.0], 10.0);
        let (routes, n, before, after) = only(&p, Move::Relocate, &[vec![1, 0], vec![2]]);
        assert!(n > 0 && after < before, "{routes:?}");
        assert_eq!(after, 40.0, "one route out to 20 and back serves all three");
    }

    #[test]
    fn pair_relocations_move_two_neighbours_together() {
        // Capacity 2: moving one job alone overloads; the pair must move (in either order).
        let p = line(&[10.0, 11.0, 1.0, 20.0], 2.0);
        for m in [Move::RelocatePair, Move::RelocatePairReversed] {
            let start = if m == Move::RelocatePair {
                vec![vec![2, 0, 1], vec![3]]
            } else {
                vec![vec![2, 1, 0], vec![3]]
            };
            let (routes, n, before, after) = only(&p, m, &start);
            assert!(n > 0 && after < before, "{m:?}: {routes:?}");
        }
    }

    #[test]
    fn swaps_exchange_jobs_between_routes() {
        // Each route serves the other's near job.
        let p = line(&[1.0, 30.0, 2.0, 31.0], 10.0);
        let (routes, n, before, after) = only(&p, Move::Swap, &[vec![0, 3], vec![2, 1]]);
        assert!(n > 0 && after < before, "{routes:?}");
        let p = line(&[1.0, 2.0, 30.0, 31.0, 32.0], 10.0);
        let (routes, n, before, after) = only(&p, Move::SwapPairOne, &[vec![2, 3], vec![0, 1, 4]]);
        assert!(n > 0 && after < before, "{routes:?}");
        // Each route carries a far pair it should hand over for a near pair.
        let p = line(&[1.0, 2.0, 50.0, 51.0, 3.0, 52.0], 10.0);
        let (routes, n, before, after) = only(&p, Move::SwapPairs, &[vec![4, 2, 3], vec![5, 0, 1]]);
        assert!(n > 0 && after < before, "{routes:?}");
    }

    #[test]
    fn two_opt_star_uncrosses_route_tails() {
        // Two routes each ending on the other's side.
        let p = line(&[1.0, 2.0, 50.0, 51.0], 10.0);
        let (routes, n, before, after) = only(&p, Move::TwoOptStar, &[vec![0, 3], vec![2, 1]]);
        assert!(n > 0 && after < before, "{routes:?}");
    }

    #[test]
    fn intra_route_moves_reorder_a_route() {
        let p = line(&[5.0, 1.0, 3.0], 10.0);
        let (_, n, before, after) = only(&p, Move::IntraRelocate, &[vec![0, 1, 2], vec![]]);
        assert!(n > 0 && after < before);
        let (_, n, before, after) = only(&p, Move::IntraSwap, &[vec![0, 1, 2], vec![]]);
        assert!(n > 0 && after < before);
        assert_eq!(after, 10.0);
    }

    #[test]
    fn swap_star_puts_each_job_at_its_best_place_where_a_plain_swap_cannot() {
        // Route A serves 1, 2 and the far 40 (due by 40: only reachable first or straight
        // from 2); route B wanders 41, 3, 42. Vans of three, so no job can move alone.
        // Exchanging 40 and 3 in each other's places makes B reach 40 at 42, late: a
        // plain swap finds nothing. SWAP* puts 40 first in B and 3 beside 1 and 2.
        let mut p = line(&[1.0, 2.0, 40.0, 3.0, 41.0, 42.0], 3.0);
        p.jobs[2].due = 40.0;
        let start = [vec![0, 1, 2], vec![4, 3, 5], vec![]];
        let (routes, n, before, after) = only(&p, Move::Swap, &start);
        assert_eq!((n, after), (0, before), "{routes:?}");
        let (routes, n, before, after) = only(&p, Move::SwapStar, &start);
        assert!(n > 0 && after < before, "{routes:?}");
        assert_eq!(after, 90.0, "{routes:?}: 1, 2, 3 and then 40, 41, 42");
        assert_eq!(routes[1], vec![2, 4, 5]);
    }

    #[test]
    fn polar_sectors_overlap_as_in_hgs() {
        let depot = (0.0, 0.0);
        let sector = |points: &[(f64, f64)]| {
            let mut s: Option<Sector> = None;
            for &q in points {
                let a = Sector::angle(depot, q);
                match &mut s {
                    Some(s) => s.extend(a),
                    None => s = Some(Sector { start: a, end: a }),
                }
            }
            s.expect("points")
        };
        let east = sector(&[(10.0, 1.0), (10.0, -1.0)]);
        let north = sector(&[(1.0, 10.0), (-1.0, 10.0)]);
        let north_east = sector(&[(10.0, 0.5), (0.5, 10.0)]);
        assert!(!east.overlaps(&north) && !north.overlaps(&east));
        assert!(east.overlaps(&north_east) && north_east.overlaps(&east));
        assert!(north.overlaps(&north_east));
        // East straddles angle zero: the sector is the short arc across it.
        assert!(east.encloses(0) && !east.encloses(Sector::TURN / 2));
    }

    /// Every job once, positions and routes as cached, each route's cached cost as
    /// computed from scratch, and every job with a technician qualified for it.
    fn assert_consistent(ls: &LocalSearch) {
        let p = ls.problem;
        let mut seen = vec![0; p.jobs.len()];
        for (r, route) in ls.routes.iter().enumerate() {
            let (start, end) = depots(p, route.tech);
            let mut seg = start;
            for (i, &j) in route.jobs.iter().enumerate() {
                seen[j] += 1;
                assert_eq!((ls.route_of[j], ls.pos_of[j]), (r, i), "job {j}");
                assert!(
                    route.left_out || p.qualified(route.tech, j),
                    "job {j} on {r}"
                );
                let s = job_segment(p, j);
                seg = seg.then(&s, p.travel(seg.last, s.first));
                assert!((route.pre[i + 1].distance - seg.distance).abs() < 1e-6);
            }
            let full = seg.then(&end, p.travel(seg.last, end.first));
            let cost = if route.left_out {
                full.penalty
            } else {
                ls.pen.cost(&full, route.capacity)
            };
            assert!(
                (cost - route.cost).abs() < 1e-6,
                "route {r}: {cost} cached {}",
                route.cost
            );
        }
        assert!(seen.iter().all(|&k| k == 1), "{seen:?}");
    }

    #[test]
    fn every_swap_star_lowers_the_cost_and_keeps_the_solution_consistent() {
        let mut made = 0;
        for seed in 1..=6u64 {
            // 40 jobs with windows, demands and a gas certificate some need, five vans.
            let mut rng = Rng::new(seed);
            let n = 40;
            let mut xy = vec![(50.0, 50.0)];
            xy.extend((0..n).map(|_| (100.0 * rng.unit(), 100.0 * rng.unit())));
            let m = xy.len();
            let matrix = (0..m * m)
                .map(|k| {
                    let (a, b) = (xy[k / m], xy[k % m]);
                    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
                })
                .collect();
            let techs: Vec<Technician> = (0..5)
                .map(|t| Technician {
                    start: 0,
                    end: 0,
                    shift_start: 0.0,
                    shift_end: 1_000.0,
                    skills: if t < 2 { vec!["gas".into()] } else { vec![] },
                    capacity: 20.0,
                })
                .collect();
            let jobs: Vec<Job> = (0..n)
                .map(|i| {
                    let ready = 800.0 * rng.unit();
                    Job {
                        location: i + 1,
                        ready,
                        due: ready + 50.0 + 200.0 * rng.unit(),
                        service: 10.0,
                        demand: 1.0 + rng.below(3) as f64,
                        skills: if i % 5 == 0 {
                            vec!["gas".into()]
                        } else {
                            vec![]
                        },
                        penalty: None,
                        pinned: None,
                    }
                })
                .collect();
            let p = Problem::new(matrix, techs, jobs)
                .and_then(|p| p.with_coordinates(xy))
                .expect("problem");
            let mut routes = vec![Vec::new(); 6];
            for j in 0..n {
                let t = if j % 5 == 0 { j % 2 } else { rng.below(5) };
                routes[t].push(j);
            }
            let nb = neighbours(&p, 10);
            let mut ls = LocalSearch::new(&p, &nb);
            ls.enabled[Move::SwapStar as usize] = true;
            let pen = Penalties {
                load: 10.0,
                time_warp: 1.0,
                vehicle: 0.0,
            };
            ls.load(&routes, pen);
            assert_consistent(&ls);
            let total = |ls: &LocalSearch| ls.routes.iter().map(|r| r.cost).sum::<f64>();
            let mut again = true;
            while again {
                again = false;
                for a in 0..5 {
                    for b in 0..5 {
                        let before = total(&ls);
                        if a != b && ls.try_swap_star(a, b) {
                            made += 1;
                            again = true;
                            assert!(total(&ls) < before - 1e-9);
                            assert_consistent(&ls);
                        }
                    }
                }
            }
            // The whole search with SWAP* among the other moves ends consistent too.
            ls.load(&routes, pen);
            ls.run(&mut rng);
            assert_consistent(&ls);
        }
        assert!(made >= 6, "only {made} exchanges made");
    }

    #[test]
    fn late_arrivals_are_priced_and_removed() {
        // Job 0 must be served by 5 but route 0 visits it after job 1 at x = 20.
        let mut p = line(&[4.0, 20.0], 10.0);
        p.jobs[0].due = 5.0;
        let (routes, _, before, after) = only(&p, Move::IntraSwap, &[vec![1, 0], vec![]]);
        assert!(after < before);
        assert_eq!(routes[0], vec![0, 1]);
    }
}
