//! Route segments with time warp, concatenated in constant time. A segment summarises a
//! sequence of visits: its duration, the time warp it needs (lateness forgiven and
//! penalised, so infeasible routes can be compared), and the window in which it can
//! start without waiting or warping more. Concatenating two segments with the travel
//! between them gives the segment of the joined sequence (Vidal et al., 2013). The
//! segments of a problem's depots and jobs are built here too.

use crate::problem::{ANYWHERE, Problem};

/// Summary of a visit sequence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Segment {
    /// First location.
    pub(crate) first: usize,
    /// Last location.
    pub(crate) last: usize,
    /// Service, travel and waiting time.
    pub(crate) duration: f64,
    /// Time warp needed.
    pub(crate) time_warp: f64,
    /// Earliest start at `first` that needs no more waiting.
    pub(crate) earliest: f64,
    /// Latest start at `first` that needs no more warp.
    pub(crate) latest: f64,
    /// Travel inside the segment.
    pub(crate) distance: f64,
    /// Load.
    pub(crate) load: f64,
    /// Penalties of the (optional) jobs in the segment, counted when they are left out.
    pub(crate) penalty: f64,
    /// Jobs in the segment (depots count zero).
    pub(crate) jobs: u32,
}

impl Segment {
    /// One visit at `location` with window `[ready, due]`.
    pub(crate) fn visit(location: usize, ready: f64, due: f64, service: f64, demand: f64) -> Self {
        Self {
            first: location,
            last: location,
            duration: service,
            time_warp: 0.0,
            earliest: ready,
            latest: due,
            distance: 0.0,
            load: demand,
            penalty: 0.0,
            jobs: 0,
        }
    }

    /// `self` then `next`, with `travel` from `self.last` to `next.first`.
    #[inline(always)]
    pub(crate) fn then(&self, next: &Segment, travel: f64) -> Segment {
        let delta = self.duration - self.time_warp + travel;
        let wait = (next.earliest - delta - self.latest).max(0.0);
        let warp = (self.earliest + delta - next.latest).max(0.0);
        Segment {
            // A break has no place of its own: the segment keeps the real ends.
            first: if self.first == ANYWHERE {
                next.first
            } else {
                self.first
            },
            last: if next.last == ANYWHERE {
                self.last
            } else {
                next.last
            },
            duration: self.duration + next.duration + travel + wait,
            time_warp: self.time_warp + next.time_warp + warp,
            earliest: (next.earliest - delta).max(self.earliest) - wait,
            latest: (next.latest - delta).min(self.latest) + warp,
            distance: self.distance + next.distance + travel,
            load: self.load + next.load,
            penalty: self.penalty + next.penalty,
            jobs: self.jobs + next.jobs,
        }
    }
}

/// Depot segments of technician `t`: (start, end). Index `technicians.len()` is the
/// "left out" route of optional jobs, whose cost is only their penalties.
pub(crate) fn depots(problem: &Problem, t: usize) -> (Segment, Segment) {
    let Some(tech) = problem.technicians.get(t) else {
        let open = Segment::visit(0, f64::MIN / 4.0, f64::MAX / 4.0, 0.0, 0.0);
        return (open, open);
    };
    (
        Segment::visit(tech.start, tech.shift_start, tech.shift_end, 0.0, 0.0),
        Segment::visit(tech.end, tech.shift_start, tech.shift_end, 0.0, 0.0),
    )
}

/// The segment of job `j`.
pub(crate) fn job_segment(problem: &Problem, j: usize) -> Segment {
    let job = &problem.jobs[j];
    let mut s = Segment::visit(job.location, job.ready, job.due, job.service, job.demand);
    s.penalty = job.penalty.unwrap_or(0.0);
    s.jobs = 1;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(loc: usize, ready: f64, due: f64, service: f64) -> Segment {
        Segment::visit(loc, ready, due, service, 1.0)
    }

    #[test]
    fn a_route_that_keeps_its_windows_has_no_warp() {
        // depot [0,100] → 10 → a [20,30] s5 → 10 → depot
        let s = v(0, 0.0, 100.0, 0.0)
            .then(&v(1, 20.0, 30.0, 5.0), 10.0)
            .then(&v(0, 0.0, 100.0, 0.0), 10.0);
        assert_eq!(s.time_warp, 0.0);
        assert_eq!(s.earliest, 10.0); // leaving at 10 avoids waiting for the window
        assert_eq!(s.latest, 20.0); // leaving after 20 misses it
        assert_eq!(s.duration, 10.0 + 5.0 + 10.0);
        assert_eq!(s.distance, 20.0);
        assert_eq!(s.load, 3.0);
    }

    #[test]
    fn lateness_becomes_time_warp() {
        // a [0,10] s10, then b [0,12] 5 away: earliest arrival at b is 15, so 3 warp.
        let s = v(1, 0.0, 10.0, 10.0).then(&v(2, 0.0, 12.0, 0.0), 5.0);
        assert_eq!(s.time_warp, 3.0);
    }

    #[test]
    fn concatenation_is_associative() {
        let a = v(0, 0.0, 50.0, 3.0);
        let b = v(1, 40.0, 60.0, 7.0);
        let c = v(2, 10.0, 55.0, 2.0);
        let d = v(3, 70.0, 80.0, 1.0);
        let left = a.then(&b, 4.0).then(&c, 6.0).then(&d, 9.0);
        let right = a.then(&b.then(&c, 6.0).then(&d, 9.0), 4.0);
        for (x, y) in [
            (left.duration, right.duration),
            (left.time_warp, right.time_warp),
            (left.earliest, right.earliest),
            (left.latest, right.latest),
        ] {
            assert!((x - y).abs() < 1e-9, "{left:?} vs {right:?}");
        }
    }
}
