//! A dispatch day as JSON: the problem dispatch builds (technicians with shifts, lunch
//! breaks, skills, certificates and vans; jobs with appointment windows, pins and
//! penalties; travel from a matrix or from coordinates), and the plan given back. It
//! exists so that a dispatcher's day can be replayed and benchmarked offline with
//! `aftercare plan --problem day.json`; `docs/plan-problem.schema.json` is its JSON
//! Schema, generated from these types. Times are minutes after local midnight.
use std::collections::HashMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::problem::{ANYWHERE, Job, Plan, Problem, ProblemError, Technician};

/// A day to plan, as dispatch builds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayProblem {
    /// The technicians available that day.
    pub technicians: Vec<DayTechnician>,
    /// The work orders to visit.
    pub jobs: Vec<DayJob>,
    /// How travel times are obtained.
    pub travel: Travel,
}

/// A technician's day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayTechnician {
    /// Dispatch's identifier, used in pins and in the plan.
    pub id: String,
    /// Where the day starts: coordinates, or a location index of the travel matrix.
    pub start: Place,
    /// Where the day ends; the start when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Place>,
    /// The shift: leave no earlier than `start`, be back by `end`.
    pub shift: Window,
    /// The lunch break, when the technician takes one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lunch: Option<Lunch>,
    /// Skills held (product lines, brands).
    #[serde(default)]
    pub skills: Vec<String>,
    /// Certificates held (gas, refrigerants, electrical).
    #[serde(default)]
    pub certificates: Vec<String>,
    /// What the van carries, in the jobs' demand units; unlimited when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub van_capacity: Option<f64>,
}

/// A span of time, minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// Opens.
    pub start: f64,
    /// Closes.
    pub end: f64,
}

/// A lunch break: `minutes` long, starting between `earliest` and `latest`, taken where
/// the technician is (it adds no travel).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lunch {
    /// Earliest start, minutes after midnight.
    pub earliest: f64,
    /// Latest start, minutes after midnight.
    pub latest: f64,
    /// Length in minutes.
    pub minutes: f64,
}

/// A place: a location index of the travel matrix, or coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Place {
    /// Row and column of the travel matrix (with `"kind": "matrix"` travel).
    Location(usize),
    /// Coordinates (with `"kind": "coordinates"` travel).
    Point(Point),
}

/// WGS 84 coordinates in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

/// A work order to visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayJob {
    /// Dispatch's identifier, used in the plan.
    pub id: String,
    /// Where.
    pub location: Place,
    /// Appointment window: service starts within it. Any time in the shift when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// Minutes on site.
    pub service_minutes: f64,
    /// Load taken from the van (parts, consumables).
    #[serde(default)]
    pub demand: f64,
    /// Skills the technician must hold.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Certificates the technician must hold.
    #[serde(default)]
    pub certificates: Vec<String>,
    /// The technician (by id) who must do it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<String>,
    /// Absent: the job must be planned. Present: it may be left out at this price, in
    /// minutes of travel, when serving it costs more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<f64>,
}

/// How travel times are obtained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Travel {
    /// Minutes between locations, given; places are location indexes.
    Matrix {
        /// `minutes[i][j]`: from location `i` to location `j`.
        minutes: Vec<Vec<f64>>,
    },
    /// Great-circle distance × `road_factor` at `speed_kmh`, plus `stop_minutes` (to
    /// park) per leg between different places; places are coordinates.
    Coordinates {
        /// Road distance over straight-line distance (about 1.3 in towns).
        road_factor: f64,
        /// Average speed.
        speed_kmh: f64,
        /// Minutes added to each leg between two different places.
        #[serde(default)]
        stop_minutes: f64,
    },
}

/// Why a day cannot be planned: the field (a JSON path) and what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct DayError {
    /// Path of the offending field, such as `jobs[3].window.end`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for DayError {}

fn err<T>(field: impl Into<String>, message: impl Into<String>) -> Result<T, DayError> {
    Err(DayError {
        field: field.into(),
        message: message.into(),
    })
}

/// Reads a day from JSON, naming the field when it is malformed.
pub fn parse(text: &str) -> Result<DayProblem, DayError> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        DayError {
            field: if path == "." {
                "(document)".into()
            } else {
                path
            },
            message: e.into_inner().to_string(),
        }
    })
}

/// The JSON Schema of [`DayProblem`], pretty-printed, as committed in
/// `docs/plan-problem.schema.json`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(DayProblem);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Great-circle distance in kilometres.
pub fn km(a: Point, b: Point) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The planner's problem for a day, and how its indexes map back to the day.
#[derive(Debug, Clone)]
pub struct DayModel {
    /// The problem: the day's jobs first (same order), then one break job per
    /// technician with a lunch.
    pub problem: Problem,
    /// For each break job (index − number of day jobs), its technician.
    pub lunches: Vec<usize>,
}

fn check_window(field: &str, w: Window) -> Result<(), DayError> {
    if !(w.start.is_finite() && w.end.is_finite()) {
        return err(field, "start and end must be numbers of minutes");
    }
    if w.end < w.start {
        return err(format!("{field}.end"), "the window ends before it starts");
    }
    Ok(())
}

fn check_point(field: &str, p: Point) -> Result<(), DayError> {
    if !(p.lat.is_finite() && (-90.0..=90.0).contains(&p.lat)) {
        return err(format!("{field}.lat"), "latitude must be within -90..90");
    }
    if !(p.lon.is_finite() && (-180.0..=180.0).contains(&p.lon)) {
        return err(format!("{field}.lon"), "longitude must be within -180..180");
    }
    Ok(())
}

fn non_negative(field: &str, v: f64) -> Result<(), DayError> {
    if !v.is_finite() || v < 0.0 {
        return err(field, "must be a non-negative number");
    }
    Ok(())
}

impl DayProblem {
    /// Checks the day and builds the planner's problem. Certificates count as skills.
    pub fn model(&self) -> Result<DayModel, DayError> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for (t, tech) in self.technicians.iter().enumerate() {
            if ids.insert(tech.id.as_str(), t).is_some() {
                return err(
                    format!("technicians[{t}].id"),
                    format!("{:?} is used twice", tech.id),
                );
            }
        }
        let mut job_ids: HashMap<&str, usize> = HashMap::new();
        for (j, job) in self.jobs.iter().enumerate() {
            if job_ids.insert(job.id.as_str(), j).is_some() {
                return err(
                    format!("jobs[{j}].id"),
                    format!("{:?} is used twice", job.id),
                );
            }
        }
        // Places: in the matrix, or numbered in order of appearance.
        let mut points: Vec<Point> = Vec::new();
        let by_matrix = matches!(self.travel, Travel::Matrix { .. });
        let mut place = |field: String, p: Place| -> Result<usize, DayError> {
            match (p, by_matrix) {
                (Place::Location(i), true) => Ok(i),
                (Place::Point(pt), false) => {
                    check_point(&field, pt)?;
                    points.push(pt);
                    Ok(points.len() - 1)
                }
                (Place::Location(_), false) => err(
                    field,
                    "a location index needs \"kind\": \"matrix\" travel; give coordinates",
                ),
                (Place::Point(_), true) => err(
                    field,
                    "coordinates need \"kind\": \"coordinates\" travel; give a location index",
                ),
            }
        };
        let mut technicians = Vec::with_capacity(self.technicians.len());
        for (t, tech) in self.technicians.iter().enumerate() {
            let f = format!("technicians[{t}]");
            check_window(&format!("{f}.shift"), tech.shift)?;
            let start = place(format!("{f}.start"), tech.start)?;
            let end = match tech.end {
                Some(p) => place(format!("{f}.end"), p)?,
                None => start,
            };
            if let Some(c) = tech.van_capacity {
                non_negative(&format!("{f}.van_capacity"), c)?;
            }
            let mut skills = tech.skills.clone();
            skills.extend(tech.certificates.iter().map(|c| format!("certificate:{c}")));
            technicians.push(Technician {
                start,
                end,
                shift_start: tech.shift.start,
                shift_end: tech.shift.end,
                skills,
                capacity: tech.van_capacity.unwrap_or(f64::MAX / 4.0),
            });
        }
        let day_start = self
            .technicians
            .iter()
            .map(|t| t.shift.start)
            .fold(f64::INFINITY, f64::min);
        let day_end = self
            .technicians
            .iter()
            .map(|t| t.shift.end)
            .fold(f64::NEG_INFINITY, f64::max);
        let mut jobs = Vec::with_capacity(self.jobs.len());
        for (j, job) in self.jobs.iter().enumerate() {
            let f = format!("jobs[{j}]");
            let location = place(format!("{f}.location"), job.location)?;
            non_negative(&format!("{f}.service_minutes"), job.service_minutes)?;
            non_negative(&format!("{f}.demand"), job.demand)?;
            if let Some(p) = job.penalty {
                non_negative(&format!("{f}.penalty"), p)?;
            }
            let (ready, due) = match job.window {
                Some(w) => {
                    check_window(&format!("{f}.window"), w)?;
                    (w.start, w.end)
                }
                None if self.technicians.is_empty() => (0.0, 0.0),
                None => (day_start, (day_end - job.service_minutes).max(day_start)),
            };
            let pinned = match &job.pinned {
                Some(id) => match ids.get(id.as_str()) {
                    Some(&t) => Some(t),
                    None => {
                        return err(
                            format!("{f}.pinned"),
                            format!("no technician has the id {id:?}"),
                        );
                    }
                },
                None => None,
            };
            let mut skills = job.skills.clone();
            skills.extend(job.certificates.iter().map(|c| format!("certificate:{c}")));
            jobs.push(Job {
                location,
                ready,
                due,
                service: job.service_minutes,
                demand: job.demand,
                skills,
                penalty: job.penalty,
                pinned,
            });
        }
        let mut lunches = Vec::new();
        for (t, tech) in self.technicians.iter().enumerate() {
            let Some(l) = tech.lunch else { continue };
            let f = format!("technicians[{t}].lunch");
            check_window(
                &f,
                Window {
                    start: l.earliest,
                    end: l.latest,
                },
            )
            .map_err(|e| DayError {
                field: e.field.replace(".end", ".latest"),
                message: e.message,
            })?;
            non_negative(&format!("{f}.minutes"), l.minutes)?;
            lunches.push(t);
            jobs.push(Job {
                location: ANYWHERE,
                ready: l.earliest,
                due: l.latest,
                service: l.minutes,
                demand: 0.0,
                skills: vec![],
                penalty: None,
                pinned: Some(t),
            });
        }
        let matrix = match &self.travel {
            Travel::Matrix { minutes } => {
                let n = minutes.len();
                if let Some(i) = minutes.iter().position(|row| row.len() != n) {
                    return err(
                        format!("travel.minutes[{i}]"),
                        format!("has {} entries; the matrix has {n} rows", minutes[i].len()),
                    );
                }
                minutes.iter().flatten().copied().collect()
            }
            Travel::Coordinates {
                road_factor,
                speed_kmh,
                stop_minutes,
            } => {
                if !(road_factor.is_finite() && *road_factor >= 1.0) {
                    return err("travel.road_factor", "must be a number of at least 1");
                }
                if !(speed_kmh.is_finite() && *speed_kmh > 0.0) {
                    return err("travel.speed_kmh", "must be a positive number");
                }
                non_negative("travel.stop_minutes", *stop_minutes)?;
                if points.is_empty() {
                    points.push(Point { lat: 0.0, lon: 0.0 });
                }
                let n = points.len();
                (0..n * n)
                    .map(|k| {
                        let (a, b) = (points[k / n], points[k % n]);
                        let d = km(a, b);
                        if d < 1e-3 {
                            0.0
                        } else {
                            d * road_factor / speed_kmh * 60.0 + stop_minutes
                        }
                    })
                    .collect()
            }
        };
        let day_jobs = self.jobs.len();
        let problem = Problem::new(matrix, technicians, jobs).map_err(|e| match e {
            ProblemError::Matrix(m) => DayError {
                field: "travel".into(),
                message: m,
            },
            ProblemError::Technician(t, m) => DayError {
                field: format!("technicians[{t}]"),
                message: m,
            },
            ProblemError::Job(j, m) if j < day_jobs => DayError {
                field: format!("jobs[{j}]"),
                message: m,
            },
            ProblemError::Job(j, m) => DayError {
                field: format!(
                    "technicians[{}].lunch",
                    lunches.get(j - day_jobs).copied().unwrap_or(0)
                ),
                message: m,
            },
        })?;
        Ok(DayModel { problem, lunches })
    }
}

/// The plan of a day, as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DayPlan {
    /// One route per technician who works.
    pub routes: Vec<DayRoute>,
    /// Jobs left out, with the reason.
    pub unserved: Vec<DayUnserved>,
    /// Minutes of travel, all routes.
    pub travel: f64,
    /// Technicians used.
    pub technicians_used: usize,
    /// Whether every window, shift, break, pin, skill and van capacity holds, confirmed
    /// by the independent checker.
    pub feasible: bool,
}

/// A technician's route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DayRoute {
    /// The technician's id.
    pub technician: String,
    /// Stops in visiting order.
    pub stops: Vec<DayStop>,
    /// Minutes of travel, back to the end place included.
    pub travel: f64,
    /// Back at the end place, minutes after midnight.
    pub end: f64,
}

/// A stop: a job, or the lunch break.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DayStop {
    /// The job's id; absent for the lunch break.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job: Option<String>,
    /// Whether this is the lunch break.
    #[serde(default)]
    pub lunch: bool,
    /// Planned arrival, minutes after midnight.
    pub arrival: f64,
    /// Planned start of work (or of the break).
    pub start: f64,
    /// Minutes driven from the previous place.
    pub travel: f64,
}

/// A job left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DayUnserved {
    /// The job's id (or `lunch:<technician>` for a break that could not be placed).
    pub job: String,
    /// Why.
    pub reason: String,
}

impl DayModel {
    /// The plan in the day's terms; `feasible` is the planner's verdict and'ed with the
    /// checker's.
    pub fn day_plan(&self, day: &DayProblem, plan: &Plan) -> DayPlan {
        let name = |j: usize| -> (Option<String>, bool) {
            match day.jobs.get(j) {
                Some(job) => (Some(job.id.clone()), false),
                None => (None, true),
            }
        };
        let routes: Vec<(usize, Vec<usize>)> = plan
            .routes
            .iter()
            .map(|r| (r.technician, r.stops.iter().map(|s| s.job).collect()))
            .collect();
        let left: Vec<usize> = plan.unserved.iter().map(|u| u.job).collect();
        let checked = crate::check::check(&self.problem, &routes, &left).is_ok();
        DayPlan {
            routes: plan
                .routes
                .iter()
                .map(|r| DayRoute {
                    technician: day.technicians[r.technician].id.clone(),
                    stops: r
                        .stops
                        .iter()
                        .map(|s| {
                            let (job, lunch) = name(s.job);
                            DayStop {
                                job,
                                lunch,
                                arrival: round(s.arrival),
                                start: round(s.start),
                                travel: round(s.travel),
                            }
                        })
                        .collect(),
                    travel: round(r.distance),
                    end: round(r.end),
                })
                .collect(),
            unserved: plan
                .unserved
                .iter()
                .map(|u| DayUnserved {
                    job: match day.jobs.get(u.job) {
                        Some(job) => job.id.clone(),
                        None => format!(
                            "lunch:{}",
                            self.lunches
                                .get(u.job - day.jobs.len())
                                .and_then(|&t| day.technicians.get(t))
                                .map_or("?", |t| t.id.as_str())
                        ),
                    },
                    reason: u.reason.clone(),
                })
                .collect(),
            travel: round(plan.distance),
            technicians_used: plan.vehicles,
            feasible: plan.feasible && checked,
        }
    }
}

/// Minutes to the hundredth, for readable output.
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
