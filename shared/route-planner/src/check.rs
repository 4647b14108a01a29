//! An independent checker: simulates each route from the start of the shift, waiting
//! when early, and verifies every constraint. It shares no code with the search.
use std::fmt;

use crate::problem::{ANYWHERE, Problem};

/// A constraint a plan breaks.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckError {
    /// A job is visited twice, or not at all and not reported unserved.
    Coverage(String),
    /// A service starts after its window closes, or a route returns after the shift.
    TimeWindow(String),
    /// A route carries more than its capacity.
    Capacity(String),
    /// A technician lacks a skill a job needs.
    Skill(String),
    /// A technician index is out of range or used twice.
    Technician(String),
    /// A job pinned to one technician is on another's route.
    Pinned(String),
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Coverage(m)
            | CheckError::TimeWindow(m)
            | CheckError::Capacity(m)
            | CheckError::Skill(m)
            | CheckError::Technician(m)
            | CheckError::Pinned(m) => f.write_str(m),
        }
    }
}

/// Checks `routes` (technician, jobs in order), with `unserved` jobs allowed to be
/// missing, and returns the total travel. Tolerates `1e-6` of rounding.
pub fn check(
    problem: &Problem,
    routes: &[(usize, Vec<usize>)],
    unserved: &[usize],
) -> Result<f64, CheckError> {
    const EPS: f64 = 1e-6;
    let mut seen = vec![0u32; problem.jobs.len()];
    let mut used = vec![false; problem.technicians.len()];
    let mut total = 0.0;
    for (t, jobs) in routes {
        let tech = problem
            .technicians
            .get(*t)
            .ok_or_else(|| CheckError::Technician(format!("technician {t} does not exist")))?;
        if std::mem::replace(&mut used[*t], true) {
            return Err(CheckError::Technician(format!(
                "technician {t} has two routes"
            )));
        }
        let mut time = tech.shift_start;
        let mut at = tech.start;
        let mut load = 0.0;
        // Travel already driven to the next place because a break was taken there.
        let mut driven = false;
        for (i, &j) in jobs.iter().enumerate() {
            let job = problem
                .jobs
                .get(j)
                .ok_or_else(|| CheckError::Coverage(format!("job {j} does not exist")))?;
            seen[j] += 1;
            if job.pinned.is_some_and(|p| p != *t) {
                return Err(CheckError::Pinned(format!(
                    "job {j} is pinned to technician {:?} but served by {t}",
                    job.pinned
                )));
            }
            if !job.skills.iter().all(|s| tech.skills.contains(s)) {
                return Err(CheckError::Skill(format!(
                    "technician {t} lacks a skill job {j} needs"
                )));
            }
            if job.location == ANYWHERE {
                // A break: on arrival at the next place if its window still allows
                // (the earliest way on), else where the technician is.
                let next = jobs.get(i + 1).and_then(|&k| problem.jobs.get(k));
                let place = next.map_or(tech.end, |n| n.location);
                let leg = if at == place {
                    0.0
                } else {
                    problem.travel(at, place)
                };
                let there = (time + leg).max(job.ready);
                let start = if there <= job.due + EPS && !driven {
                    total += leg;
                    driven = true;
                    there
                } else {
                    time.max(job.ready)
                };
                if start > job.due + EPS {
                    return Err(CheckError::TimeWindow(format!(
                        "break {j} starts at {start}, after its window closes at {}",
                        job.due
                    )));
                }
                time = start + job.service;
                load += job.demand;
                continue;
            }
            let travel = if std::mem::take(&mut driven) {
                0.0
            } else {
                problem.travel(at, job.location)
            };
            total += travel;
            let start = (time + travel).max(job.ready);
            if start > job.due + EPS {
                return Err(CheckError::TimeWindow(format!(
                    "job {j} starts at {start}, after its window closes at {}",
                    job.due
                )));
            }
            time = start + job.service;
            load += job.demand;
            at = job.location;
        }
        let back = if driven {
            0.0
        } else {
            problem.travel(at, tech.end)
        };
        total += back;
        if time + back > tech.shift_end + EPS {
            return Err(CheckError::TimeWindow(format!(
                "technician {t} returns at {}, after the shift ends at {}",
                time + back,
                tech.shift_end
            )));
        }
        if load > tech.capacity + EPS {
            return Err(CheckError::Capacity(format!(
                "technician {t} carries {load}, more than {}",
                tech.capacity
            )));
        }
    }
    for (j, n) in seen.iter().enumerate() {
        let expected = u32::from(!unserved.contains(&j));
        if *n != expected {
            return Err(CheckError::Coverage(format!(
                "job {j} is visited {n} times"
            )));
        }
    }
    Ok(total)
}
