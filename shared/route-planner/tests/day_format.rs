//! The JSON day format: its committed schema is current, bad input names the field, and
//! a day read from JSON is planned with its pins and lunch breaks.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_route_planner::day::{DayProblem, parse, schema};
use aftercare_route_planner::{Method, Params, solve};

const SCHEMA_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../docs/plan-problem.schema.json"
);

/// Set `AFTERCARE_WRITE_SCHEMA=1` to rewrite the committed schema after changing the
/// format.
#[test]
fn the_committed_schema_is_current() {
    let now = schema();
    if std::env::var_os("AFTERCARE_WRITE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &now).unwrap();
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap_or_default();
    assert!(
        committed == now,
        "docs/plan-problem.schema.json is stale: run AFTERCARE_WRITE_SCHEMA=1 cargo test -p aftercare-route-planner --test day_format"
    );
}

const DAY: &str = r#"{
  "technicians": [
    {"id": "ana", "start": {"lat": 48.85, "lon": 2.35}, "shift": {"start": 480, "end": 1020},
     "lunch": {"earliest": 690, "latest": 810, "minutes": 30},
     "skills": ["boiler"], "certificates": ["gas"], "van_capacity": 10},
    {"id": "ben", "start": {"lat": 48.86, "lon": 2.30}, "end": {"lat": 48.87, "lon": 2.31},
     "shift": {"start": 480, "end": 1020}, "skills": ["washer"]}
  ],
  "jobs": [
    {"id": "wo-1", "location": {"lat": 48.851, "lon": 2.352}, "window": {"start": 480, "end": 600},
     "service_minutes": 60, "skills": ["boiler"], "certificates": ["gas"], "demand": 2},
    {"id": "wo-2", "location": {"lat": 48.861, "lon": 2.301}, "window": {"start": 600, "end": 720},
     "service_minutes": 45, "skills": ["washer"]},
    {"id": "wo-3", "location": {"lat": 48.855, "lon": 2.34}, "service_minutes": 30, "pinned": "ben"},
    {"id": "wo-4", "location": {"lat": 48.852, "lon": 2.36}, "window": {"start": 720, "end": 840},
     "service_minutes": 90, "skills": ["boiler"]},
    {"id": "wo-5", "location": {"lat": 48.9, "lon": 2.5}, "window": {"start": 480, "end": 490},
     "service_minutes": 30, "skills": ["washer"], "penalty": 5}
  ],
  "travel": {"kind": "coordinates", "road_factor": 1.3, "speed_kmh": 25, "stop_minutes": 5}
}"#;

fn quick() -> Params {
    Params {
        time_limit: Duration::from_secs(30),
        max_iterations: 2_000,
        threads: 1,
        method: Method::Iterated,
        ..Params::default()
    }
}

#[test]
fn a_day_with_coordinates_pins_and_a_lunch_is_planned_and_checked() {
    let day = parse(DAY).unwrap();
    let model = day.model().unwrap();
    let plan = solve(&model.problem, &quick());
    let out = model.day_plan(&day, &plan);
    assert!(out.feasible, "{out:?}");
    let route = |id: &str| out.routes.iter().find(|r| r.technician == id).unwrap();
    let ana = route("ana");
    let ben = route("ben");
    assert!(ana.stops.iter().any(|s| s.lunch));
    assert!(!ben.stops.iter().any(|s| s.lunch));
    assert!(ben.stops.iter().any(|s| s.job.as_deref() == Some("wo-3")));
    assert!(ana.stops.iter().any(|s| s.job.as_deref() == Some("wo-1")));
    let lunch = ana.stops.iter().find(|s| s.lunch).unwrap();
    assert!((690.0..=810.0).contains(&lunch.start));
    // wo-5 is 12 km away and must start by 8:10: left out for its penalty.
    assert_eq!(out.unserved.len(), 1);
    assert_eq!(out.unserved[0].job, "wo-5");
    // The plan reads back as JSON.
    let text = serde_json::to_string(&out).unwrap();
    assert!(text.contains("\"technician\":\"ana\""));
}

#[test]
fn a_day_with_a_matrix_uses_location_indexes() {
    let text = r#"{
      "technicians": [{"id": "t", "start": 0, "shift": {"start": 0, "end": 100}}],
      "jobs": [{"id": "a", "location": 1, "service_minutes": 5},
               {"id": "b", "location": 2, "service_minutes": 5, "window": {"start": 10, "end": 20}}],
      "travel": {"kind": "matrix", "minutes": [[0, 3, 4], [3, 0, 5], [4, 5, 0]]}
    }"#;
    let day = parse(text).unwrap();
    let model = day.model().unwrap();
    let out = model.day_plan(&day, &solve(&model.problem, &quick()));
    assert!(out.feasible);
    assert_eq!(out.travel, 12.0);
}

fn field_of(text: &str) -> String {
    match parse(text) {
        Err(e) => e.field,
        Ok(day) => day.model().unwrap_err().field,
    }
}

#[test]
fn bad_input_names_the_field() {
    let day: DayProblem = parse(DAY).unwrap();
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v = serde_json::to_value(&day).unwrap();
        edit(&mut v);
        v.to_string()
    };
    assert_eq!(
        field_of(&with(&|v| v["jobs"][2]["service_minutes"] = "long".into())),
        "jobs[2].service_minutes"
    );
    assert_eq!(
        field_of(&with(&|v| v["jobs"][1]["colour"] = "red".into())),
        "jobs[1].colour"
    );
    assert_eq!(
        field_of(&with(&|v| v["jobs"][2]["pinned"] = "zoe".into())),
        "jobs[2].pinned"
    );
    assert_eq!(
        field_of(&with(&|v| v["jobs"][0]["window"]["end"] = 100.into())),
        "jobs[0].window.end"
    );
    assert_eq!(
        field_of(&with(&|v| v["technicians"][1]["start"] = 3.into())),
        "technicians[1].start"
    );
    assert_eq!(
        field_of(&with(&|v| v["jobs"][3]["location"]["lat"] = 95.into())),
        "jobs[3].location.lat"
    );
    assert_eq!(
        field_of(&with(
            &|v| v["technicians"][0]["lunch"]["minutes"] = (-5).into()
        )),
        "technicians[0].lunch.minutes"
    );
    assert_eq!(
        field_of(&with(&|v| v["travel"]["speed_kmh"] = 0.into())),
        "travel.speed_kmh"
    );
    assert_eq!(
        field_of(&with(&|v| v["jobs"][1]["id"] = "wo-1".into())),
        "jobs[1].id"
    );
    // A skill nobody holds is the planner's refusal, still named by the job.
    assert_eq!(
        field_of(&with(
            &|v| v["jobs"][1]["skills"] = serde_json::json!(["fridge"])
        )),
        "jobs[1]"
    );
    let ragged = r#"{"technicians": [], "jobs": [],
        "travel": {"kind": "matrix", "minutes": [[0, 1], [1]]}}"#;
    assert_eq!(field_of(ragged), "travel.minutes[1]");
}
