//! The planner against known answers, an independent checker, and bad input.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_route_planner::solomon::{Rounding, parse};
use aftercare_route_planner::{
    Job, Method, Params, Problem, ProblemError, Technician, check, solve,
};

fn quick(iterations: u64, seed: u64) -> Params {
    quick_in(Method::Genetic, iterations, seed)
}

/// Both searches: every property below holds for each.
const METHODS: [Method; 2] = [Method::Genetic, Method::Iterated];

/// A short reproducible run: `iterations` genetic generations, or twenty times as many
/// (much cheaper) iterated-local-search steps.
fn quick_in(method: Method, iterations: u64, seed: u64) -> Params {
    Params {
        time_limit: Duration::from_secs(30),
        max_iterations: match method {
            Method::Genetic => iterations,
            Method::Iterated => iterations * 20,
        },
        seed,
        threads: 1,
        method,
        ..Params::default()
    }
}

fn euclid(points: &[(f64, f64)]) -> Vec<f64> {
    let n = points.len();
    (0..n * n)
        .map(|k| {
            let (a, b) = (points[k / n], points[k % n]);
            ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
        })
        .collect()
}

fn tech(shift_end: f64, capacity: f64, skills: &[&str]) -> Technician {
    Technician {
        start: 0,
        end: 0,
        shift_start: 0.0,
        shift_end,
        skills: skills.iter().map(|s| s.to_string()).collect(),
        capacity,
    }
}

fn job(location: usize, ready: f64, due: f64, service: f64, demand: f64) -> Job {
    Job {
        location,
        ready,
        due,
        service,
        demand,
        skills: vec![],
        penalty: None,
        pinned: None,
    }
}

fn routes_of(plan: &aftercare_route_planner::Plan) -> Vec<(usize, Vec<usize>)> {
    plan.routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect()
}

/// Exhaustive optimum: every order of the jobs cut into at most two routes.
fn brute_force(problem: &Problem) -> f64 {
    fn permute(k: usize, v: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if k == v.len() {
            out.push(v.clone());
            return;
        }
        for i in k..v.len() {
            v.swap(k, i);
            permute(k + 1, v, out);
            v.swap(k, i);
        }
    }
    let mut all = Vec::new();
    permute(0, &mut (0..problem.jobs.len()).collect(), &mut all);
    let mut best = f64::INFINITY;
    for order in all {
        for cut in 0..=order.len() {
            let routes = vec![(0, order[..cut].to_vec()), (1, order[cut..].to_vec())];
            let routes: Vec<_> = routes.into_iter().filter(|(_, r)| !r.is_empty()).collect();
            if let Ok(d) = check(problem, &routes, &[]) {
                best = best.min(d);
            }
        }
    }
    best
}

#[test]
fn a_tiny_instance_reaches_its_proven_optimum() {
    for method in METHODS {
        let points = [
            (0.0, 0.0),
            (2.0, 9.0),
            (-3.0, 4.0),
            (8.0, 1.0),
            (6.0, -5.0),
            (-7.0, -2.0),
            (1.0, -8.0),
        ];
        let jobs = vec![
            job(1, 0.0, 30.0, 1.0, 3.0),
            job(2, 5.0, 40.0, 1.0, 2.0),
            job(3, 0.0, 60.0, 2.0, 4.0),
            job(4, 20.0, 45.0, 1.0, 3.0),
            job(5, 0.0, 25.0, 1.0, 2.0),
            job(6, 10.0, 80.0, 1.0, 4.0),
        ];
        let problem = Problem::new(
            euclid(&points),
            vec![tech(100.0, 10.0, &[]), tech(100.0, 10.0, &[])],
            jobs,
        )
        .unwrap();
        let optimum = brute_force(&problem);
        assert!(optimum.is_finite());
        let plan = solve(&problem, &quick_in(method, 300, 3));
        assert!(plan.feasible);
        let checked = check(&problem, &routes_of(&plan), &[]).unwrap();
        assert!((checked - plan.distance).abs() < 1e-9);
        assert!(
            (plan.distance - optimum).abs() < 1e-9,
            "planner {} vs optimum {optimum}",
            plan.distance
        );
    }
}

#[test]
fn every_plan_on_random_instances_passes_the_checker() {
    for method in METHODS {
        let mut seed = 12345u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 10_000) as f64 / 10_000.0
        };
        for case in 0..25 {
            let n = 8 + (next() * 30.0) as usize;
            let points: Vec<(f64, f64)> =
                (0..=n).map(|_| (next() * 100.0, next() * 100.0)).collect();
            let matrix = euclid(&points);
            let jobs: Vec<Job> = (1..=n)
                .map(|i| {
                    // Windows always reachable from the depot, so a plan exists.
                    let direct = matrix[i];
                    let ready = next() * 300.0;
                    job(
                        i,
                        ready,
                        ready.max(direct) + 50.0 + next() * 200.0,
                        next() * 10.0,
                        1.0 + (next() * 5.0).floor(),
                    )
                })
                .collect();
            let techs = (0..n).map(|_| tech(2_000.0, 15.0, &[])).collect();
            let problem = Problem::new(matrix, techs, jobs).unwrap();
            let plan = solve(&problem, &quick_in(method, 60, case));
            assert!(
                plan.feasible,
                "case {case}: no feasible plan for an instance that has one"
            );
            let d = check(&problem, &routes_of(&plan), &[])
                .unwrap_or_else(|e| panic!("case {case}: {e}"));
            assert!(
                (d - plan.distance).abs() < 1e-6,
                "case {case}: reported {} checked {d}",
                plan.distance
            );
            for r in &plan.routes {
                for s in &r.stops {
                    let j = &problem.jobs[s.job];
                    assert!(
                        s.start >= j.ready - 1e-9 && s.start <= j.due + 1e-9,
                        "case {case}: planned start outside the window"
                    );
                    assert!(s.start >= s.arrival - 1e-9);
                }
            }
        }
    }
}

#[test]
fn jobs_go_only_to_qualified_technicians_and_unreachable_ones_are_reported() {
    for method in METHODS {
        let points = [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0), (3.0, 0.0), (500.0, 0.0)];
        let mut jobs = vec![
            job(1, 0.0, 100.0, 1.0, 1.0),
            job(2, 0.0, 100.0, 1.0, 1.0),
            job(3, 0.0, 100.0, 1.0, 1.0),
            job(4, 0.0, 100.0, 1.0, 1.0),
        ];
        jobs[0].skills = vec!["fax".into()];
        jobs[1].skills = vec!["copier".into()];
        let techs = vec![tech(200.0, 10.0, &["copier"]), tech(200.0, 10.0, &["fax"])];
        let problem = Problem::new(euclid(&points), techs, jobs).unwrap();
        let plan = solve(&problem, &quick_in(method, 50, 1));
        // Job 3 is 500 away: nobody gets there by its window closing at 100.
        assert_eq!(plan.unserved.len(), 1);
        assert_eq!(plan.unserved[0].job, 3);
        assert!(
            plan.unserved[0].reason.contains("within its window"),
            "{}",
            plan.unserved[0].reason
        );
        assert!(plan.feasible);
        check(&problem, &routes_of(&plan), &[3]).unwrap();
        for r in &plan.routes {
            for s in &r.stops {
                assert!(problem.qualified(r.technician, s.job));
            }
        }
    }
}

#[test]
fn the_same_seed_gives_the_same_plan() {
    for method in METHODS {
        let text = include_str!("data/R101.txt").to_owned();
        let inst = parse(&text, Rounding::Dimacs).unwrap();
        let a = solve(&inst.problem, &quick_in(method, 30, 9));
        let b = solve(&inst.problem, &quick_in(method, 30, 9));
        assert_eq!(a.routes, b.routes);
        assert!(a.feasible);
        check(&inst.problem, &routes_of(&a), &[]).unwrap();
    }
}

#[test]
fn with_swap_star_every_plan_passes_the_checker() {
    for method in METHODS {
        // Solomon files carry coordinates: route pairs are filtered by polar sector.
        for text in [
            include_str!("data/R101.txt"),
            include_str!("data/RC201.txt"),
        ] {
            let inst = parse(text, Rounding::Dimacs).unwrap();
            let plan = solve(
                &inst.problem,
                &Params {
                    swap_star: true,
                    ..quick_in(method, 30, 3)
                },
            );
            assert!(plan.feasible && plan.vehicles <= inst.vehicles);
            let d = check(&inst.problem, &routes_of(&plan), &[]).unwrap();
            assert!((d - plan.distance).abs() < 1e-6);
        }
        // A matrix without coordinates, with skills: every pair of routes is tried.
        let points: Vec<(f64, f64)> = (0..=30)
            .map(|i| ((i * 37 % 100) as f64, (i * 61 % 100) as f64))
            .collect();
        let mut jobs: Vec<Job> = (1..=30)
            .map(|i| job(i, 0.0, 400.0 + (i * 13 % 200) as f64, 5.0, 1.0))
            .collect();
        for j in jobs.iter_mut().step_by(4) {
            j.skills = vec!["gas".into()];
        }
        let techs = (0..6)
            .map(|t| tech(1_000.0, 8.0, if t < 3 { &["gas"] } else { &[] }))
            .collect();
        let problem = Problem::new(euclid(&points), techs, jobs).unwrap();
        let plan = solve(
            &problem,
            &Params {
                swap_star: true,
                ..quick_in(method, 30, 5)
            },
        );
        assert!(plan.feasible);
        check(&problem, &routes_of(&plan), &[]).unwrap();
        for r in &plan.routes {
            for s in &r.stops {
                assert!(problem.qualified(r.technician, s.job));
            }
        }
    }
}

#[test]
fn a_solomon_instance_is_solved_feasibly_within_the_fleet() {
    for method in METHODS {
        let text = include_str!("data/C101.txt").to_owned();
        let inst = parse(&text, Rounding::Dimacs).unwrap();
        let plan = solve(
            &inst.problem,
            &Params {
                time_limit: Duration::from_secs(2),
                method,
                ..Params::default()
            },
        );
        assert!(plan.feasible && plan.vehicles <= inst.vehicles);
        // Quality is measured by bench/solomon.py in release builds; here: a valid plan.
        let d = check(&inst.problem, &routes_of(&plan), &[]).unwrap();
        assert!((d - plan.distance).abs() < 1e-6);
    }
}

#[test]
fn malformed_problems_are_refused_with_the_reason() {
    let m = euclid(&[(0.0, 0.0), (1.0, 1.0)]);
    let bad_job =
        |j: Job| Problem::new(m.clone(), vec![tech(10.0, 1.0, &[])], vec![j]).unwrap_err();
    assert!(matches!(
        bad_job(job(1, 0.0, 10.0, -1.0, 0.0)),
        ProblemError::Job(0, _)
    ));
    assert!(
        matches!(bad_job(job(1, 10.0, 5.0, 1.0, 0.0)), ProblemError::Job(0, m) if m.contains("ends before it starts"))
    );
    assert!(matches!(
        bad_job(job(9, 0.0, 5.0, 1.0, 0.0)),
        ProblemError::Job(0, _)
    ));
    assert!(matches!(
        Problem::new(vec![0.0; 3], vec![], vec![]).unwrap_err(),
        ProblemError::Matrix(_)
    ));
    assert!(matches!(
        Problem::new(vec![0.0, -1.0, 1.0, 0.0], vec![], vec![]).unwrap_err(),
        ProblemError::Matrix(_)
    ));
    let mut unknown = job(1, 0.0, 10.0, 1.0, 0.0);
    unknown.skills = vec!["plumbing".into()];
    assert!(matches!(bad_job(unknown), ProblemError::Job(0, m) if m.contains("plumbing")));
    let mut t = tech(10.0, 1.0, &[]);
    t.shift_start = 20.0;
    assert!(matches!(
        Problem::new(m, vec![t], vec![]).unwrap_err(),
        ProblemError::Technician(0, _)
    ));
}

#[test]
fn an_urgent_job_is_inserted_into_an_existing_plan() {
    let text = include_str!("data/R101.txt").to_owned();
    let inst = parse(&text, Rounding::Dimacs).unwrap();
    // Plan the day without the last job, then it comes in urgently.
    let urgent = inst.problem.jobs.len() - 1;
    let mut without = inst.problem.clone();
    without.jobs[urgent].due = -1.0;
    without.jobs[urgent].ready = -1.0;
    let morning = solve(&without, &quick(40, 5));
    assert_eq!(morning.unserved.len(), 1);
    let mut routes = vec![Vec::new(); inst.problem.technicians.len()];
    for r in &morning.routes {
        routes[r.technician] = r.stops.iter().map(|s| s.job).collect();
    }
    let repaired =
        aftercare_route_planner::insert_urgent(&inst.problem, &routes, urgent, &quick(1, 5));
    assert!(repaired.unserved.is_empty());
    assert!(
        repaired
            .routes
            .iter()
            .any(|r| r.stops.iter().any(|s| s.job == urgent))
    );
    assert!(repaired.feasible);
    let d = check(&inst.problem, &routes_of(&repaired), &[]).unwrap();
    assert!((d - repaired.distance).abs() < 1e-6);
}

#[test]
fn an_optional_job_is_left_out_only_when_serving_it_costs_more_than_its_penalty() {
    for method in METHODS {
        // Three jobs near the depot and one 40 away (80 there and back).
        let points = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0), (40.0, 0.0)];
        let mut jobs = vec![
            job(1, 0.0, 500.0, 1.0, 1.0),
            job(2, 0.0, 500.0, 1.0, 1.0),
            job(3, 0.0, 500.0, 1.0, 1.0),
            job(4, 0.0, 500.0, 1.0, 1.0),
        ];
        for (penalty, left_out) in [(10.0, true), (1_000.0, false)] {
            jobs[3].penalty = Some(penalty);
            let problem = Problem::new(
                euclid(&points),
                vec![tech(1_000.0, 10.0, &[])],
                jobs.clone(),
            )
            .unwrap();
            let plan = solve(&problem, &quick_in(method, 100, 2));
            assert!(plan.feasible);
            if left_out {
                assert_eq!(plan.unserved.len(), 1, "{plan:?}");
                assert_eq!(plan.unserved[0].job, 3);
                assert!(plan.unserved[0].reason.contains("penalty"));
                assert_eq!(plan.penalty, penalty);
                check(&problem, &routes_of(&plan), &[3]).unwrap();
            } else {
                assert!(plan.unserved.is_empty(), "{plan:?}");
                assert_eq!(plan.penalty, 0.0);
                check(&problem, &routes_of(&plan), &[]).unwrap();
            }
        }
        // Mandatory jobs are never left out, however far.
        jobs[3].penalty = None;
        let problem = Problem::new(
            euclid(&points),
            vec![tech(1_000.0, 10.0, &[])],
            jobs.clone(),
        )
        .unwrap();
        assert!(
            solve(&problem, &quick_in(method, 50, 2))
                .unserved
                .is_empty()
        );
        jobs[3].penalty = Some(-1.0);
        assert!(Problem::new(euclid(&points), vec![tech(1_000.0, 10.0, &[])], jobs).is_err());
    }
}

#[test]
fn a_cost_per_technician_trades_travel_for_fewer_technicians() {
    for method in METHODS {
        // Two clusters on opposite sides of the depot.
        let points = [
            (0.0, 0.0),
            (50.0, 0.0),
            (51.0, 0.0),
            (-50.0, 0.0),
            (-51.0, 0.0),
        ];
        let jobs = vec![
            job(1, 0.0, 1_000.0, 1.0, 1.0),
            job(2, 0.0, 1_000.0, 1.0, 1.0),
            job(3, 0.0, 1_000.0, 1.0, 1.0),
            job(4, 0.0, 1_000.0, 1.0, 1.0),
        ];
        let techs = vec![tech(1_000.0, 10.0, &[]), tech(1_000.0, 10.0, &[])];
        let problem = Problem::new(euclid(&points), techs, jobs).unwrap();
        let travel_only = solve(&problem, &quick_in(method, 100, 4));
        let fewer = solve(
            &problem,
            &Params {
                vehicle_cost: 1_000.0,
                ..quick_in(method, 100, 4)
            },
        );
        assert!(travel_only.feasible && fewer.feasible);
        assert_eq!(fewer.vehicles, 1, "{fewer:?}");
        assert!(fewer.distance >= travel_only.distance - 1e-9);
        check(&problem, &routes_of(&fewer), &[]).unwrap();
        check(&problem, &routes_of(&travel_only), &[]).unwrap();
    }
}
