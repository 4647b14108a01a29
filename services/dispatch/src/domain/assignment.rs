//! Dispatch's rules, free of I/O: who may take a work order and who should.
//!
//! Hard rules decide who *may* (skills, free capacity); a score decides who *should*
//! (same district, lighter load). Every decision comes with reasons the dispatcher sees.
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{CompleteWorkOrder, CreateTechnician};
use aftercare_contracts::rpc::{check_range, check_text};
use uuid::Uuid;

/// A technician as assignment sees them.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Technician id.
    pub id: Uuid,
    /// Name, for reasons.
    pub name: String,
    /// Home district.
    pub district: String,
    /// Lower-case skills.
    pub skills: Vec<String>,
    /// Daily capacity.
    pub daily_capacity: u32,
    /// Open (assigned, not completed) work orders.
    pub open_orders: u32,
}

/// What the work order needs.
#[derive(Debug, Clone)]
pub struct Need {
    /// District of the visit.
    pub district: String,
    /// Skills required (lower-case), e.g. the machine's product line.
    pub skills: Vec<String>,
}

/// The outcome of assignment.
#[derive(Debug, Clone, PartialEq)]
pub enum Assignment {
    /// The best qualified technician, with score and reasons.
    To {
        /// Chosen technician.
        technician: Uuid,
        /// Their name.
        name: String,
        /// Score in points (higher is better).
        score: u32,
        /// Why.
        reasons: Vec<String>,
    },
    /// Nobody qualifies; why, per technician.
    Nobody(Vec<String>),
}

/// Chooses a technician: filter by hard rules, then the highest score; ties go to the
/// lighter load, then the lower id (deterministic).
pub fn assign(need: &Need, candidates: &[Candidate]) -> Assignment {
    let mut rejected = Vec::new();
    let mut best: Option<(u32, &Candidate, Vec<String>)> = None;
    if candidates.is_empty() {
        return Assignment::Nobody(vec!["no active technicians".into()]);
    }
    for c in candidates {
        let missing: Vec<&String> = need
            .skills
            .iter()
            .filter(|s| !c.skills.contains(s))
            .collect();
        if !missing.is_empty() {
            rejected.push(format!(
                "{}: lacks skill {}",
                c.name,
                missing
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            continue;
        }
        if c.open_orders >= c.daily_capacity {
            rejected.push(format!(
                "{}: at capacity ({}/{})",
                c.name, c.open_orders, c.daily_capacity
            ));
            continue;
        }
        let mut score = 0;
        let mut reasons = Vec::new();
        if c.district.eq_ignore_ascii_case(&need.district) {
            score += 50;
            reasons.push(format!("same district ({}) +50", c.district));
        }
        let free = c.daily_capacity - c.open_orders;
        let load_points = 30 * free / c.daily_capacity.max(1);
        score += load_points;
        reasons.push(format!(
            "load {}/{} +{load_points}",
            c.open_orders, c.daily_capacity
        ));
        if !need.skills.is_empty() {
            reasons.push(format!("has {}", need.skills.join(", ")));
        }
        let better = match &best {
            None => true,
            Some((s, b, _)) => {
                (
                    score,
                    std::cmp::Reverse(c.open_orders),
                    std::cmp::Reverse(c.id),
                ) > (
                    *s,
                    std::cmp::Reverse(b.open_orders),
                    std::cmp::Reverse(b.id),
                )
            }
        };
        if better {
            best = Some((score, c, reasons));
        }
    }
    match best {
        Some((score, c, mut reasons)) => {
            reasons.insert(0, format!("score {score}"));
            Assignment::To {
                technician: c.id,
                name: c.name.clone(),
                score,
                reasons,
            }
        }
        None => Assignment::Nobody(rejected),
    }
}

/// Problems with a new technician.
pub fn validate_technician(req: &CreateTechnician) -> Vec<FieldError> {
    let mut e = Vec::new();
    check_text(&mut e, "name", &req.name, 1, 100);
    check_text(&mut e, "district", &req.district, 1, 64);
    for (i, s) in req.skills.iter().enumerate() {
        check_text(&mut e, &format!("skills[{i}]"), s, 1, 64);
    }
    check_range(&mut e, "daily_capacity", req.daily_capacity, 1..=50);
    if let Some(team) = &req.team {
        check_text(&mut e, "team", team, 1, 64);
    }
    e
}

/// Whether a fault code is well formed: 1–64 of `[a-z0-9_]`.
pub fn valid_fault_code(code: &str) -> bool {
    (1..=64).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Problems with a visit report.
pub fn validate_completion(req: &CompleteWorkOrder) -> Vec<FieldError> {
    let mut e = Vec::new();
    check_text(&mut e, "diagnosis", &req.diagnosis, 1, 4000);
    if req.fault.as_deref().is_some_and(|f| !valid_fault_code(f)) {
        e.push(FieldError {
            field: "fault".into(),
            code: "invalid".into(),
            message: "fault must be 1-64 characters of a-z, 0-9 and _".into(),
        });
    }
    if req.finished_at < req.started_at {
        e.push(FieldError {
            field: "finished_at".into(),
            code: "before_start".into(),
            message: "finished_at must not be before started_at".into(),
        });
    }
    if req.parts.len() > 100 {
        e.push(FieldError {
            field: "parts".into(),
            code: "too_many".into(),
            message: "at most 100 part lines".into(),
        });
    }
    for (i, p) in req.parts.iter().enumerate() {
        check_text(&mut e, &format!("parts[{i}].sku"), &p.sku, 1, 64);
        check_range(
            &mut e,
            &format!("parts[{i}].quantity"),
            p.quantity,
            1..=1000,
        );
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tech(n: u128, district: &str, skills: &[&str], cap: u32, open: u32) -> Candidate {
        Candidate {
            id: Uuid::from_u128(n),
            name: format!("tech{n}"),
            district: district.into(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            daily_capacity: cap,
            open_orders: open,
        }
    }

    fn need(district: &str, skills: &[&str]) -> Need {
        Need {
            district: district.into(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn same_district_wins_over_lighter_load_elsewhere() {
        let c = [
            tech(1, "haizhu", &["copier"], 8, 0),
            tech(2, "tianhe", &["copier"], 8, 4),
        ];
        match assign(&need("tianhe", &["copier"]), &c) {
            Assignment::To {
                technician,
                score,
                reasons,
                ..
            } => {
                assert_eq!(technician, Uuid::from_u128(2));
                assert_eq!(score, 50 + 15);
                assert!(reasons.iter().any(|r| r.contains("same district")));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn skills_and_capacity_are_hard_rules() {
        let c = [
            tech(1, "tianhe", &["fax"], 8, 0),
            tech(2, "tianhe", &["copier"], 2, 2),
        ];
        match assign(&need("tianhe", &["copier"]), &c) {
            Assignment::Nobody(reasons) => {
                assert!(reasons[0].contains("lacks skill copier"));
                assert!(reasons[1].contains("at capacity (2/2)"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            assign(&need("x", &[]), &[]),
            Assignment::Nobody(vec!["no active technicians".into()])
        );
    }

    #[test]
    fn ties_go_to_the_lighter_load_then_the_lower_id() {
        let c = [tech(3, "a", &[], 10, 0), tech(2, "a", &[], 10, 0)];
        match assign(&need("a", &[]), &c) {
            Assignment::To { technician, .. } => assert_eq!(technician, Uuid::from_u128(2)),
            other => panic!("{other:?}"),
        }
    }
}
