//! Pinned assignments and lunch breaks: honoured by both searches and by the urgent
//! insertion, and verified by the independent checker.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_route_planner::{
    ANYWHERE, CheckError, Job, Method, Params, Plan, Problem, ProblemError, Technician, check,
    insert_urgent, solve,
};

const METHODS: [Method; 2] = [Method::Genetic, Method::Iterated];

fn quick(method: Method) -> Params {
    Params {
        time_limit: Duration::from_secs(30),
        max_iterations: match method {
            Method::Genetic => 60,
            Method::Iterated => 2_000,
        },
        seed: 3,
        threads: 1,
        method,
        ..Params::default()
    }
}

/// Minutes between points on a line (location 0 is both technicians' base).
fn line(points: &[f64]) -> Vec<f64> {
    points
        .iter()
        .flat_map(|a| points.iter().map(move |b| (a - b).abs()))
        .collect()
}

fn tech() -> Technician {
    Technician {
        start: 0,
        end: 0,
        shift_start: 480.0,
        shift_end: 1020.0,
        skills: vec![],
        capacity: 100.0,
    }
}

fn job(location: usize, ready: f64, due: f64, service: f64) -> Job {
    Job {
        location,
        ready,
        due,
        service,
        demand: 1.0,
        skills: vec![],
        penalty: None,
        pinned: None,
    }
}

/// A 30-minute lunch to start between 11:30 and 13:30, for technician `t`.
fn lunch(t: usize) -> Job {
    Job {
        location: ANYWHERE,
        pinned: Some(t),
        ..job(0, 690.0, 810.0, 30.0)
    }
}

fn routes_of(plan: &Plan) -> Vec<(usize, Vec<usize>)> {
    plan.routes
        .iter()
        .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
        .collect()
}

fn served_by(plan: &Plan, j: usize) -> Option<usize> {
    plan.routes
        .iter()
        .find(|r| r.stops.iter().any(|s| s.job == j))
        .map(|r| r.technician)
}

/// Two technicians, six jobs along a line; job 0 sits next to the base but is pinned
/// to technician 1, whose other jobs are far away.
fn pinned_day() -> Problem {
    let points = [0.0, 5.0, 10.0, 15.0, 200.0, 210.0, 220.0];
    let mut jobs: Vec<Job> = (1..7).map(|l| job(l, 480.0, 960.0, 20.0)).collect();
    jobs[0].pinned = Some(1);
    Problem::new(line(&points), vec![tech(), tech()], jobs).unwrap()
}

#[test]
fn a_pinned_job_goes_to_its_technician_in_both_searches() {
    let problem = pinned_day();
    for method in METHODS {
        let plan = solve(&problem, &quick(method));
        assert!(plan.feasible, "{method:?}");
        assert_eq!(served_by(&plan, 0), Some(1), "{method:?}");
        check(&problem, &routes_of(&plan), &[]).unwrap();
    }
}

#[test]
fn the_checker_refuses_a_pinned_job_on_another_route() {
    let problem = pinned_day();
    let routes = vec![(0, vec![0, 1, 2]), (1, vec![3, 4, 5])];
    assert!(matches!(
        check(&problem, &routes, &[]),
        Err(CheckError::Pinned(_))
    ));
}

#[test]
fn an_urgent_pinned_job_is_inserted_only_into_its_technicians_route() {
    let problem = pinned_day();
    // The morning plan without job 0; it comes in urgently, pinned to technician 1.
    let routes = vec![vec![1, 2], vec![3, 4, 5]];
    let plan = insert_urgent(&problem, &routes, 0, &quick(Method::Iterated));
    assert!(plan.feasible);
    assert_eq!(served_by(&plan, 0), Some(1));
    check(&problem, &routes_of(&plan), &[]).unwrap();
}

#[test]
fn a_pinned_job_whose_technician_lacks_the_skill_is_reported() {
    let mut jobs = vec![job(1, 480.0, 960.0, 20.0)];
    jobs[0].skills = vec!["gas".into()];
    jobs[0].pinned = Some(0);
    let mut techs = vec![tech(), tech()];
    techs[1].skills = vec!["gas".into()];
    let problem = Problem::new(line(&[0.0, 5.0]), techs, jobs).unwrap();
    let plan = solve(&problem, &quick(Method::Iterated));
    assert_eq!(plan.unserved.len(), 1);
    assert!(
        plan.unserved[0].reason.contains("pinned"),
        "{:?}",
        plan.unserved
    );
}

#[test]
fn a_break_must_be_pinned_and_a_pin_must_name_a_technician() {
    let mut lone = lunch(0);
    lone.pinned = None;
    assert!(matches!(
        Problem::new(line(&[0.0]), vec![tech()], vec![lone]),
        Err(ProblemError::Job(0, _))
    ));
    assert!(matches!(
        Problem::new(line(&[0.0]), vec![tech()], vec![lunch(3)]),
        Err(ProblemError::Job(0, _))
    ));
}

/// One technician, jobs all morning and afternoon with tight windows, and a lunch.
fn lunch_day() -> Problem {
    let points = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0];
    let jobs = vec![
        job(1, 480.0, 540.0, 90.0),
        job(2, 600.0, 660.0, 60.0),
        job(3, 700.0, 760.0, 45.0),
        job(4, 800.0, 840.0, 60.0),
        job(5, 900.0, 930.0, 30.0),
        lunch(0),
    ];
    Problem::new(line(&points), vec![tech()], jobs).unwrap()
}

#[test]
fn a_lunch_break_starts_within_its_window_and_adds_no_travel() {
    let problem = lunch_day();
    for method in METHODS {
        let plan = solve(&problem, &quick(method));
        assert!(plan.feasible, "{method:?}");
        assert!(plan.unserved.is_empty());
        let route = &plan.routes[0];
        let brk = route.stops.iter().find(|s| s.job == 5).unwrap();
        assert!((690.0..=810.0).contains(&brk.start), "{brk:?}");
        // Along the line and back: the break costs no kilometres.
        assert!((plan.distance - 100.0).abs() < 1e-9, "{}", plan.distance);
        let d = check(&problem, &routes_of(&plan), &[]).unwrap();
        assert!((d - plan.distance).abs() < 1e-9);
        // The next stop's service starts after the break has ended.
        let at = route.stops.iter().position(|s| s.job == 5).unwrap();
        if let Some(next) = route.stops.get(at + 1) {
            assert!(next.start >= brk.start + 30.0 - 1e-9);
        }
    }
}

#[test]
fn the_checker_refuses_a_break_outside_its_window() {
    let problem = lunch_day();
    // The break after the last job: it would start at 15:30 at the earliest.
    assert!(matches!(
        check(&problem, &[(0, vec![0, 1, 2, 3, 4, 5])], &[]),
        Err(CheckError::TimeWindow(_))
    ));
    // Before the first job it would start at 8:00, too early: waiting until 11:30
    // then makes job 0 late.
    assert!(check(&problem, &[(0, vec![5, 0, 1, 2, 3, 4])], &[]).is_err());
    // Between jobs 2 and 3 it fits.
    check(&problem, &[(0, vec![0, 1, 2, 5, 3, 4])], &[]).unwrap();
}

#[test]
fn an_urgent_job_keeps_the_lunch_break() {
    let problem = lunch_day();
    let mut routes = vec![vec![0, 1, 2, 5, 3]];
    routes[0].retain(|&j| j != 4);
    let plan = insert_urgent(&problem, &routes, 4, &quick(Method::Iterated));
    assert!(plan.feasible);
    assert_eq!(served_by(&plan, 5), Some(0));
    assert_eq!(served_by(&plan, 4), Some(0));
    check(&problem, &routes_of(&plan), &[]).unwrap();
}

#[test]
fn an_urgent_job_changes_only_the_route_that_takes_it() {
    // Three technicians, each with a cluster of jobs; the urgent job is in cluster 1.
    // Clusters east, north and west of the base, on separate roads.
    let points: [(f64, f64); 11] = [
        (0.0, 0.0),
        (10.0, 0.0),
        (11.0, 0.0),
        (12.0, 0.0),
        (0.0, 50.0),
        (0.0, 51.0),
        (0.0, 52.0),
        (-90.0, 0.0),
        (-91.0, 0.0),
        (-92.0, 0.0),
        (0.0, 51.5),
    ];
    let euclid: Vec<f64> = points
        .iter()
        .flat_map(|a| points.iter().map(move |b| (a.0 - b.0).hypot(a.1 - b.1)))
        .collect();
    let mut jobs: Vec<Job> = (1..11).map(|l| job(l, 480.0, 960.0, 10.0)).collect();
    jobs[9].penalty = Some(1_000.0);
    let problem = Problem::new(euclid, vec![tech(), tech(), tech()], jobs).unwrap();
    let before = vec![vec![0, 1, 2], vec![3, 4, 5], vec![6, 7, 8], vec![]];
    let plan = insert_urgent(&problem, &before, 9, &quick(Method::Iterated));
    assert!(plan.feasible);
    let took = served_by(&plan, 9).unwrap();
    let routes = routes_of(&plan);
    for t in (0..3).filter(|&t| t != took) {
        let now = routes.iter().find(|r| r.0 == t).map(|r| r.1.clone());
        assert_eq!(now.as_ref(), Some(&before[t]), "technician {t}");
    }
    check(&problem, &routes, &[]).unwrap();
}

#[test]
fn an_optional_urgent_job_that_fits_nowhere_is_left_out_not_served_late() {
    let mut jobs = vec![job(1, 480.0, 490.0, 20.0), job(2, 480.0, 490.0, 20.0)];
    jobs[1].penalty = Some(100_000.0);
    // Both at 8:00–8:10, far apart: one technician cannot make both.
    let problem = Problem::new(line(&[0.0, 5.0, 300.0]), vec![tech()], jobs).unwrap();
    let plan = insert_urgent(&problem, &[vec![0]], 1, &quick(Method::Iterated));
    assert!(plan.feasible);
    assert_eq!(served_by(&plan, 1), None);
    assert_eq!(plan.unserved.len(), 1);
    check(&problem, &routes_of(&plan), &[1]).unwrap();
}

#[test]
fn optional_jobs_that_fit_are_served_on_a_day_with_skills() {
    // Each technician holds one line; every job is optional at a high price.
    let points: Vec<f64> = (0..13).map(|i| f64::from(i) * 3.0).collect();
    let mut techs = vec![tech(), tech()];
    techs[0].skills = vec!["oven".into()];
    techs[1].skills = vec!["washer".into()];
    let jobs: Vec<Job> = (1..13)
        .map(|l| Job {
            skills: vec![if l % 2 == 0 { "oven" } else { "washer" }.into()],
            penalty: Some(100_000.0),
            ..job(l, 480.0, 720.0, 30.0)
        })
        .collect();
    let problem = Problem::new(line(&points), techs, jobs).unwrap();
    for method in METHODS {
        let plan = solve(&problem, &quick(method));
        assert!(plan.feasible);
        assert!(plan.unserved.is_empty(), "{method:?}: {:?}", plan.unserved);
        check(&problem, &routes_of(&plan), &[]).unwrap();
    }
}
