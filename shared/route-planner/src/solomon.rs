//! Reading Solomon's VRPTW benchmark files: a name line, `VEHICLE` with the fleet size
//! and capacity, then `CUSTOMER` rows `no x y demand ready due service`; customer 0 is
//! the depot and its due date the horizon. Travel time is the Euclidean distance.
use crate::problem::{Job, Problem, Technician};

/// How distances and times are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// Double precision.
    Exact,
    /// Every distance, window and service time ×10 and truncated (the exact-method
    /// literature's convention, in which proven optima are published).
    Dimacs,
}

impl Rounding {
    /// Factor by which reported distances are divided back.
    pub fn scale(self) -> f64 {
        match self {
            Rounding::Exact => 1.0,
            Rounding::Dimacs => 10.0,
        }
    }

    fn apply(self, v: f64) -> f64 {
        match self {
            Rounding::Exact => v,
            Rounding::Dimacs => (v * 10.0).trunc(),
        }
    }
}

/// A parsed instance.
#[derive(Debug, Clone)]
pub struct Instance {
    /// Instance name.
    pub name: String,
    /// Fleet size.
    pub vehicles: usize,
    /// The problem: job `i` is customer `i + 1`.
    pub problem: Problem,
}

/// Parses a Solomon file; the error names the line.
pub fn parse(text: &str, rounding: Rounding) -> Result<Instance, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let (_, name) = lines.next().ok_or("the file is empty")?;
    let mut vehicles = None;
    let mut rows: Vec<(usize, [f64; 6])> = Vec::new();
    let mut in_customers = false;
    while let Some((no, line)) = lines.next() {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("VEHICLE") {
            let (_, header) = lines
                .next()
                .ok_or(format!("line {no}: VEHICLE without its header"))?;
            if !header.to_ascii_uppercase().starts_with("NUMBER") {
                return Err(format!("line {no}: expected NUMBER CAPACITY after VEHICLE"));
            }
            let (vno, values) = lines
                .next()
                .ok_or(format!("line {no}: VEHICLE without values"))?;
            let nums: Vec<&str> = values.split_whitespace().collect();
            let parse = |s: &str| {
                s.parse::<f64>()
                    .map_err(|_| format!("line {vno}: {s:?} is not a number"))
            };
            if nums.len() != 2 {
                return Err(format!(
                    "line {vno}: expected the vehicle number and capacity"
                ));
            }
            let (n, cap) = (parse(nums[0])?, parse(nums[1])?);
            if n < 1.0 || n.fract() != 0.0 || cap < 0.0 {
                return Err(format!(
                    "line {vno}: the fleet must be a positive whole number and the capacity not negative"
                ));
            }
            vehicles = Some((n as usize, cap));
        } else if upper.starts_with("CUSTOMER") {
            in_customers = true;
        } else if upper.starts_with("CUST") {
            continue;
        } else if in_customers {
            let nums: Result<Vec<f64>, _> =
                line.split_whitespace().map(str::parse::<f64>).collect();
            let nums =
                nums.map_err(|_| format!("line {no}: a customer row holds seven numbers"))?;
            if nums.len() != 7 {
                return Err(format!(
                    "line {no}: a customer row holds seven numbers, not {}",
                    nums.len()
                ));
            }
            if nums[0] as usize != rows.len() {
                return Err(format!(
                    "line {no}: customer {} out of order (expected {})",
                    nums[0],
                    rows.len()
                ));
            }
            rows.push((no, [nums[1], nums[2], nums[3], nums[4], nums[5], nums[6]]));
        } else {
            return Err(format!("line {no}: unexpected {line:?}"));
        }
    }
    let (fleet, capacity) = vehicles.ok_or("no VEHICLE section")?;
    if rows.len() < 2 {
        return Err("no customers".into());
    }
    for (no, r) in &rows {
        if r[5] < 0.0 || r[2] < 0.0 {
            return Err(format!(
                "line {no}: demand and service time must not be negative"
            ));
        }
        if r[4] < r[3] {
            return Err(format!("line {no}: the time window ends before it starts"));
        }
    }
    let n = rows.len();
    let mut matrix = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            let (a, b) = (&rows[i].1, &rows[j].1);
            matrix[i * n + j] =
                rounding.apply(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt());
        }
    }
    let depot = rows[0].1;
    let technicians = (0..fleet)
        .map(|_| Technician {
            start: 0,
            end: 0,
            shift_start: rounding.apply(depot[3]),
            shift_end: rounding.apply(depot[4]),
            skills: vec![],
            capacity,
        })
        .collect();
    let jobs = rows[1..]
        .iter()
        .enumerate()
        .map(|(i, (_, r))| Job {
            location: i + 1,
            ready: rounding.apply(r[3]),
            due: rounding.apply(r[4]),
            service: rounding.apply(r[5]),
            demand: r[2],
            skills: vec![],
            penalty: None,
            pinned: None,
        })
        .collect();
    let coordinates = rows.iter().map(|(_, r)| (r[0], r[1])).collect();
    let problem = Problem::new(matrix, technicians, jobs)
        .and_then(|p| p.with_coordinates(coordinates))
        .map_err(|e| e.to_string())?;
    Ok(Instance {
        name: name.to_owned(),
        vehicles: fleet,
        problem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY: &str = "TINY\n\nVEHICLE\nNUMBER     CAPACITY\n  2         10\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n    0      0  0  0  0  100  0\n    1      3  4  5  0  50  1\n    2      0  1  5  0  50  1\n";

    #[test]
    fn reads_a_file_in_both_conventions() {
        let exact = parse(TINY, Rounding::Exact).expect("parse");
        assert_eq!(exact.vehicles, 2);
        assert_eq!(exact.problem.jobs.len(), 2);
        assert_eq!(exact.problem.travel(0, 1), 5.0);
        let dimacs = parse(TINY, Rounding::Dimacs).expect("parse");
        assert_eq!(dimacs.problem.travel(1, 2), (10.0 * 18f64.sqrt()).trunc());
        assert_eq!(dimacs.problem.jobs[0].due, 500.0);
    }

    #[test]
    fn malformed_files_are_refused_with_the_line() {
        assert!(parse("", Rounding::Exact).is_err());
        let bad_row = TINY.replace(
            "    2      0  1  5  0  50  1",
            "    2      0  1  x  0  50  1",
        );
        assert!(
            parse(&bad_row, Rounding::Exact)
                .expect_err("refused")
                .contains("line")
        );
        let negative = TINY.replace(
            "    2      0  1  5  0  50  1",
            "    2      0  1  5  0  50  -1",
        );
        assert!(
            parse(&negative, Rounding::Exact)
                .expect_err("refused")
                .contains("must not be negative")
        );
        let inverted = TINY.replace(
            "    2      0  1  5  0  50  1",
            "    2      0  1  5  60  50  1",
        );
        assert!(
            parse(&inverted, Rounding::Exact)
                .expect_err("refused")
                .contains("ends before it starts")
        );
    }
}
