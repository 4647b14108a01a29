//! The problem and the plan, in the terms dispatch uses: technicians (vehicles) with a
//! start and end location, a shift, skills and a capacity; jobs (clients) with a
//! location, a time window, a service duration, a demand and required skills.
use std::fmt;

/// A technician's day: where they start and end, when, what they can do and carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Technician {
    /// Location index where the day starts.
    pub start: usize,
    /// Location index where the day ends.
    pub end: usize,
    /// Earliest departure.
    pub shift_start: f64,
    /// Latest return.
    pub shift_end: f64,
    /// Skills held (product lines, brands).
    pub skills: Vec<String>,
    /// Load capacity (parts, consumables).
    pub capacity: f64,
}

/// A visit to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Location index.
    pub location: usize,
    /// Earliest start of service.
    pub ready: f64,
    /// Latest start of service.
    pub due: f64,
    /// Service duration.
    pub service: f64,
    /// Load it takes.
    pub demand: f64,
    /// Skills the technician must hold.
    pub skills: Vec<String>,
    /// `None`: the job must be served. `Some(p)`: it may be left out at the price `p`
    /// (in distance units), when serving it costs more.
    pub penalty: Option<f64>,
    /// `Some(t)`: only technician `t` may serve it (the customer asked for them, or the
    /// job continues their earlier visit), so dispatchers' promises survive planning.
    pub pinned: Option<usize>,
}

/// The location of a visit made wherever the technician is, such as a lunch break: it
/// adds no travel, and is taken either where the previous stop ended or on arrival at
/// the next one. Only a pinned job may have it, since a break belongs to one technician.
pub const ANYWHERE: usize = usize::MAX;

/// A routing problem: travel times between locations, technicians and jobs.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Travel time (= distance) between locations, row-major `n × n`.
    matrix: Vec<f64>,
    locations: usize,
    /// Plane coordinates of the locations, when known (Solomon files): they let the
    /// search pair only routes whose polar sectors around the depot overlap.
    coordinates: Option<Vec<(f64, f64)>>,
    /// The technicians.
    pub technicians: Vec<Technician>,
    /// The jobs.
    pub jobs: Vec<Job>,
}

/// Why a problem cannot be built.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemError {
    /// The matrix is not square or holds a negative or non-finite value.
    Matrix(String),
    /// A technician is malformed (location out of range, shift ending before it starts).
    Technician(usize, String),
    /// A job is malformed (negative duration, window ending before it starts, …).
    Job(usize, String),
}

impl fmt::Display for ProblemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemError::Matrix(m) => write!(f, "travel matrix: {m}"),
            ProblemError::Technician(i, m) => write!(f, "technician {i}: {m}"),
            ProblemError::Job(i, m) => write!(f, "job {i}: {m}"),
        }
    }
}

impl std::error::Error for ProblemError {}

impl Problem {
    /// Builds and checks a problem.
    pub fn new(
        matrix: Vec<f64>,
        technicians: Vec<Technician>,
        jobs: Vec<Job>,
    ) -> Result<Self, ProblemError> {
        let n = (matrix.len() as f64).sqrt() as usize;
        if n * n != matrix.len() || n == 0 {
            return Err(ProblemError::Matrix(format!(
                "{} entries is not a square matrix",
                matrix.len()
            )));
        }
        if let Some(v) = matrix.iter().find(|v| !v.is_finite() || **v < 0.0) {
            return Err(ProblemError::Matrix(format!(
                "travel time {v} is negative or not finite"
            )));
        }
        for (i, t) in technicians.iter().enumerate() {
            let bad = |m: &str| Err(ProblemError::Technician(i, m.to_owned()));
            if t.start >= n || t.end >= n {
                return bad("start or end location is not in the matrix");
            }
            if !(t.shift_start.is_finite() && t.shift_end.is_finite())
                || t.shift_end < t.shift_start
            {
                return bad("the shift ends before it starts");
            }
            if t.capacity.is_nan() || t.capacity < 0.0 {
                return bad("capacity must not be negative");
            }
        }
        for (i, j) in jobs.iter().enumerate() {
            let bad = |m: &str| Err(ProblemError::Job(i, m.to_owned()));
            if j.location == ANYWHERE && j.pinned.is_none() {
                return bad("a job without a location (a break) must be pinned to a technician");
            }
            if j.location >= n && j.location != ANYWHERE {
                return bad("location is not in the matrix");
            }
            if j.pinned.is_some_and(|t| t >= technicians.len()) {
                return bad("pinned to a technician that does not exist");
            }
            if !j.service.is_finite() || j.service < 0.0 {
                return bad("service duration must not be negative");
            }
            if !(j.ready.is_finite() && j.due.is_finite()) || j.due < j.ready {
                return bad("the time window ends before it starts");
            }
            if j.demand.is_nan() || j.demand < 0.0 {
                return bad("demand must not be negative");
            }
            if j.penalty.is_some_and(|p| !p.is_finite() || p < 0.0) {
                return bad("the penalty for leaving it out must be a non-negative number");
            }
            if let Some(skill) = j
                .skills
                .iter()
                .find(|s| !technicians.iter().any(|t| t.skills.contains(s)))
            {
                return Err(ProblemError::Job(
                    i,
                    format!("requires skill {skill:?}, which no technician holds"),
                ));
            }
        }
        Ok(Self {
            matrix,
            locations: n,
            coordinates: None,
            technicians,
            jobs,
        })
    }

    /// The same problem with plane coordinates for its locations (one per matrix row),
    /// used only to tell which routes lie in the same direction from the depot; travel
    /// still comes from the matrix.
    pub fn with_coordinates(mut self, coordinates: Vec<(f64, f64)>) -> Result<Self, ProblemError> {
        if coordinates.len() != self.locations {
            return Err(ProblemError::Matrix(format!(
                "{} coordinates for {} locations",
                coordinates.len(),
                self.locations
            )));
        }
        if coordinates
            .iter()
            .any(|(x, y)| !x.is_finite() || !y.is_finite())
        {
            return Err(ProblemError::Matrix(
                "a coordinate is not a finite number".to_owned(),
            ));
        }
        self.coordinates = Some(coordinates);
        Ok(self)
    }

    /// Plane coordinates of the locations, when given.
    pub fn coordinates(&self) -> Option<&[(f64, f64)]> {
        self.coordinates.as_deref()
    }

    /// Travel time between two locations.
    #[inline(always)]
    pub fn travel(&self, from: usize, to: usize) -> f64 {
        if from == ANYWHERE || to == ANYWHERE {
            return 0.0;
        }
        self.matrix[from * self.locations + to]
    }

    /// Whether job `j` is a break (a visit without a location, see [`ANYWHERE`]).
    pub fn is_break(&self, j: usize) -> bool {
        self.jobs[j].location == ANYWHERE
    }

    /// Number of locations.
    pub fn locations(&self) -> usize {
        self.locations
    }

    /// Whether job `j` may be left out (it has a penalty).
    pub fn optional(&self, j: usize) -> bool {
        self.jobs[j].penalty.is_some()
    }

    /// Whether technician `t` may serve job `j`: they hold every skill it needs, and it
    /// is not pinned to someone else.
    pub fn qualified(&self, t: usize, j: usize) -> bool {
        if self.jobs[j].pinned.is_some_and(|p| p != t) {
            return false;
        }
        let have = &self.technicians[t].skills;
        self.jobs[j].skills.iter().all(|s| have.contains(s))
    }
}

/// One stop on a planned route.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedStop {
    /// Job index.
    pub job: usize,
    /// Planned arrival.
    pub arrival: f64,
    /// Planned start of service (arrival, or the window's opening if earlier).
    pub start: f64,
    /// Travel from the previous stop (or the start) to this one.
    pub travel: f64,
}

/// One technician's route.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRoute {
    /// Technician index.
    pub technician: usize,
    /// Stops in visiting order.
    pub stops: Vec<PlannedStop>,
    /// Travel of the route, depots included.
    pub distance: f64,
    /// Return to the end location.
    pub end: f64,
}

/// A job left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Unserved {
    /// Job index.
    pub job: usize,
    /// Why.
    pub reason: String,
}

/// The planner's answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Routes of the technicians used.
    pub routes: Vec<PlannedRoute>,
    /// Jobs left out: no technician can serve them, or (optional jobs) serving them
    /// would cost more than their penalty.
    pub unserved: Vec<Unserved>,
    /// Total travel.
    pub distance: f64,
    /// Penalties of the optional jobs left out.
    pub penalty: f64,
    /// Technicians used.
    pub vehicles: usize,
    /// Whether every constraint holds.
    pub feasible: bool,
    /// Load above capacity, summed over routes (0 when feasible).
    pub excess_load: f64,
    /// Lateness that had to be "warped" to keep windows (0 when feasible).
    pub time_warp: f64,
    /// Search iterations done.
    pub iterations: u64,
}
