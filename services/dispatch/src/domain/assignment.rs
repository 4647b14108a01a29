//! How a technician is chosen for a work order: who may take it and who should.
//!
//! What the work order needs ([`need_of`]) comes from the order itself: the skills its
//! machine calls for ([`skills_for`]: the product line and the brand), a certificate for
//! the product line, the day and the appointment, the place and the urgency.
//!
//! Hard rules decide who *may*: the skills (product line and brand), a certificate for the
//! product line valid on the day, not on leave, a shift that covers the appointment, free
//! capacity that day (the open work orders planned for that day,
//! [`super::capacity::load_on`]). A score decides who *should*: closeness (kilometres from the
//! technician's start when both positions are known, otherwise the same district),
//! free capacity, and for urgent work free capacity again ([`assign`]). A dispatcher may
//! name the technician instead ([`by_hand`]: the hard rules still apply, capacity may be
//! exceeded), and a return visit goes to the technician who diagnosed it
//! ([`return_visit`]). Every decision comes with reasons the dispatcher sees.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{Certification, WorkOrder, WorkOrderStatus};
use aftercare_contracts::intake::{GeoPoint, MachineInfo, Priority};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

/// A technician as assignment sees them, for one day.
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
    /// Certificates.
    pub certifications: Vec<Certification>,
    /// Daily capacity.
    pub daily_capacity: u32,
    /// Open work orders planned for the day (see [`super::capacity`]).
    pub day_orders: u32,
    /// Away on the day.
    pub on_leave: bool,
    /// Shift, local times.
    pub shift: (NaiveTime, NaiveTime),
    /// Where the day starts.
    pub start: Option<GeoPoint>,
}

/// What the work order needs.
#[derive(Debug, Clone)]
pub struct Need {
    /// District of the visit.
    pub district: String,
    /// Skills required (lower-case): product line and brand.
    pub skills: Vec<String>,
    /// The product line a certificate must cover, when known.
    pub certificate_for: Option<String>,
    /// The day of the visit (local).
    pub day: NaiveDate,
    /// The appointment, local times, when agreed.
    pub window: Option<(NaiveTime, NaiveTime)>,
    /// Where the visit is.
    pub location: Option<GeoPoint>,
    /// Urgency.
    pub priority: Priority,
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

impl Assignment {
    /// The state the work order takes: assigned to someone, or unassigned (flagged for a
    /// dispatcher) when nobody qualifies.
    pub fn status(&self) -> WorkOrderStatus {
        match self {
            Assignment::To { .. } => WorkOrderStatus::Assigned,
            Assignment::Nobody(_) => WorkOrderStatus::Unassigned,
        }
    }

    /// The chosen technician, if any.
    pub fn technician(&self) -> Option<Uuid> {
        match self {
            Assignment::To { technician, .. } => Some(*technician),
            Assignment::Nobody(_) => None,
        }
    }

    /// The chosen technician's score, if any.
    pub fn score(&self) -> Option<u32> {
        match self {
            Assignment::To { score, .. } => Some(*score),
            Assignment::Nobody(_) => None,
        }
    }

    /// Why this decision: the score's parts, or why nobody qualified.
    pub fn reasons(&self) -> &[String] {
        match self {
            Assignment::To { reasons, .. } | Assignment::Nobody(reasons) => reasons,
        }
    }
}

/// Skills a machine calls for: its product line and its brand, in lower case.
pub fn skills_for(machine: Option<&MachineInfo>) -> Vec<String> {
    let mut skills: Vec<String> = machine
        .iter()
        .flat_map(|m| {
            [
                m.product_line.trim().to_lowercase(),
                m.brand.trim().to_lowercase(),
            ]
        })
        .filter(|s| !s.is_empty())
        .collect();
    skills.dedup();
    skills
}

/// What assignment needs to know of a work order at `now`: the day of the visit (the
/// appointment's, or today, in the company's time zone), the appointment in local times
/// (cut at midnight when it runs into the next day), skills, the certificate (the
/// machine's product line), place, urgency.
pub fn need_of(w: &WorkOrder, calendar: &BusinessCalendar, now: DateTime<Utc>) -> Need {
    let tz = calendar.time_zone();
    let (day, window) = match w.appointment {
        Some(a) => {
            let (s, e) = (a.start.with_timezone(&tz), a.end.with_timezone(&tz));
            let end = if e.date_naive() == s.date_naive() {
                e.time()
            } else {
                NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN)
            };
            (s.date_naive(), Some((s.time(), end)))
        }
        None => (calendar.local_date(now), None),
    };
    Need {
        district: w.district.clone(),
        skills: w.required_skills.clone(),
        certificate_for: w
            .machine
            .as_ref()
            .map(|m| m.product_line.trim().to_lowercase())
            .filter(|p| !p.is_empty()),
        day,
        window,
        location: w.location,
        priority: w.priority,
    }
}

/// A return visit (the first visit waits for parts) goes to the technician who
/// diagnosed it, whatever their load.
pub fn return_visit(technician: Uuid, name: String) -> Assignment {
    Assignment::To {
        technician,
        name,
        score: 0,
        reasons: vec!["return visit by the technician who diagnosed it".into()],
    }
}

/// A dispatcher's choice of `technician` among the active `candidates`, by `who` for
/// `reason`: the hard rules apply except capacity; the score is kept, led by who chose
/// and why. Refused (naming `technician_id`) when the technician is not active or does
/// not qualify.
pub fn by_hand(
    need: &Need,
    candidates: &[Candidate],
    technician: Uuid,
    who: &str,
    reason: &str,
) -> Result<Assignment, FieldError> {
    let refused = |code: &str, message: String| FieldError {
        field: "technician_id".into(),
        code: code.into(),
        message,
    };
    let Some(c) = candidates.iter().find(|c| c.id == technician) else {
        return Err(refused(
            "not_found",
            "no active technician with this id".into(),
        ));
    };
    if let Some(why) = refusal(need, c, true) {
        return Err(refused("not_qualified", why));
    }
    let (points, mut reasons) = score(need, c);
    reasons.insert(0, format!("chosen by {who}: {}", reason.trim()));
    Ok(Assignment::To {
        technician: c.id,
        name: c.name.clone(),
        score: points,
        reasons,
    })
}

/// Great-circle distance in kilometres.
pub fn km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Why `c` may not take the work (the first rule that fails), or `None`. Capacity is
/// checked unless `override_capacity` (a dispatcher's decision).
pub fn refusal(need: &Need, c: &Candidate, override_capacity: bool) -> Option<String> {
    let missing: Vec<&str> = need
        .skills
        .iter()
        .filter(|s| !c.skills.contains(s))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Some(format!("{}: lacks skill {}", c.name, missing.join(", ")));
    }
    if let Some(line) = &need.certificate_for {
        let valid = c
            .certifications
            .iter()
            .any(|x| x.skill.eq_ignore_ascii_case(line) && x.expires_on >= need.day);
        if !valid {
            return Some(format!(
                "{}: no valid {line} certificate on {}",
                c.name, need.day
            ));
        }
    }
    if c.on_leave {
        return Some(format!("{}: on leave on {}", c.name, need.day));
    }
    if let Some((from, to)) = need.window
        && (to <= c.shift.0 || from >= c.shift.1)
    {
        return Some(format!(
            "{}: shift {}-{} misses the appointment {}-{}",
            c.name,
            c.shift.0.format("%H:%M"),
            c.shift.1.format("%H:%M"),
            from.format("%H:%M"),
            to.format("%H:%M")
        ));
    }
    if !override_capacity && c.day_orders >= c.daily_capacity {
        return Some(format!(
            "{}: at capacity ({}/{})",
            c.name, c.day_orders, c.daily_capacity
        ));
    }
    None
}

/// The score of a qualified technician and its reasons.
pub fn score(need: &Need, c: &Candidate) -> (u32, Vec<String>) {
    let mut score = 0;
    let mut reasons = Vec::new();
    match (need.location, c.start) {
        (Some(visit), Some(start)) => {
            let d = km(visit, start);
            let points = (50.0 * (1.0 - d / 30.0)).clamp(0.0, 50.0).round() as u32;
            score += points;
            reasons.push(format!("{d:.1} km from the start +{points}"));
        }
        _ if c.district.eq_ignore_ascii_case(&need.district) => {
            score += 50;
            reasons.push(format!("same district ({}) +50", c.district));
        }
        _ => reasons.push(format!("other district ({}) +0", c.district)),
    }
    let cap = c.daily_capacity.max(1);
    let free = cap.saturating_sub(c.day_orders);
    let load_points = 30 * free / cap;
    score += load_points;
    reasons.push(format!(
        "load {}/{} +{load_points}",
        c.day_orders, c.daily_capacity
    ));
    if matches!(need.priority, Priority::P1 | Priority::P2) {
        let urgent = 20 * free / cap;
        score += urgent;
        reasons.push(format!(
            "urgent ({:?}): free capacity +{urgent}",
            need.priority
        ));
    }
    if !need.skills.is_empty() {
        reasons.push(format!("has {}", need.skills.join(", ")));
    }
    (score, reasons)
}

/// Chooses a technician: filter by hard rules, then the highest score; ties go to the
/// lighter load, then the lower id (deterministic).
pub fn assign(need: &Need, candidates: &[Candidate]) -> Assignment {
    if candidates.is_empty() {
        return Assignment::Nobody(vec!["no active technicians".into()]);
    }
    let mut rejected = Vec::new();
    let mut best: Option<(u32, &Candidate, Vec<String>)> = None;
    for c in candidates {
        if let Some(why) = refusal(need, c, false) {
            rejected.push(why);
            continue;
        }
        let (score, reasons) = score(need, c);
        let key =
            |s: u32, x: &Candidate| (s, std::cmp::Reverse(x.day_orders), std::cmp::Reverse(x.id));
        if best
            .as_ref()
            .is_none_or(|(s, b, _)| key(score, c) > key(*s, b))
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("time")
    }

    fn tech(n: u128, district: &str, skills: &[&str], cap: u32, open: u32) -> Candidate {
        Candidate {
            id: Uuid::from_u128(n),
            name: format!("tech{n}"),
            district: district.into(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            certifications: vec![Certification {
                skill: "copier".into(),
                expires_on: day(),
            }],
            daily_capacity: cap,
            day_orders: open,
            on_leave: false,
            shift: (t(8, 50), t(17, 30)),
            start: None,
        }
    }

    fn need(district: &str, skills: &[&str]) -> Need {
        Need {
            district: district.into(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            certificate_for: skills.first().map(|s| s.to_string()),
            day: day(),
            window: None,
            location: None,
            priority: Priority::P3,
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
    fn distance_counts_when_both_positions_are_known() {
        // Visit in Tianhe; tech 1 starts 2.2 km away, tech 2 about 16 km away.
        let visit = GeoPoint {
            lat: 23.1291,
            lon: 113.3240,
        };
        let mut near = tech(1, "haizhu", &["copier"], 8, 2);
        near.start = Some(GeoPoint {
            lat: 23.1400,
            lon: 113.3420,
        });
        let mut far = tech(2, "tianhe", &["copier"], 8, 0);
        far.start = Some(GeoPoint {
            lat: 23.0200,
            lon: 113.2300,
        });
        let mut n = need("tianhe", &["copier"]);
        n.location = Some(visit);
        let (near_score, reasons) = score(&n, &near);
        assert!(reasons[0].starts_with("2.2 km"), "{reasons:?}");
        assert_eq!(near_score, 46 + 22);
        let (far_score, _) = score(&n, &far);
        assert!(far_score < near_score, "{far_score}");
        match assign(&n, &[far, near]) {
            Assignment::To { technician, .. } => assert_eq!(technician, Uuid::from_u128(1)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn urgent_work_prefers_free_capacity() {
        let mut n = need("tianhe", &["copier"]);
        n.priority = Priority::P1;
        let (s, reasons) = score(&n, &tech(1, "tianhe", &["copier"], 10, 5));
        assert_eq!(s, 50 + 15 + 10);
        assert!(reasons.iter().any(|r| r.starts_with("urgent (P1)")));
    }

    #[test]
    fn skills_certificates_leave_shift_and_capacity_are_hard_rules() {
        let fax = tech(1, "tianhe", &["fax"], 8, 0);
        let full = tech(2, "tianhe", &["copier", "sharp"], 2, 2);
        let mut expired = tech(3, "tianhe", &["copier", "sharp"], 8, 0);
        expired.certifications[0].expires_on = day().pred_opt().expect("date");
        let mut away = tech(4, "tianhe", &["copier", "sharp"], 8, 0);
        away.on_leave = true;
        let mut late = tech(5, "tianhe", &["copier", "sharp"], 8, 0);
        late.shift = (t(13, 0), t(21, 0));
        let mut n = need("tianhe", &["copier", "sharp"]);
        n.window = Some((t(9, 0), t(11, 0)));
        match assign(&n, &[fax, full.clone(), expired, away, late]) {
            Assignment::Nobody(reasons) => {
                assert_eq!(reasons.len(), 5);
                assert!(reasons[0].contains("lacks skill copier, sharp"));
                assert!(reasons[1].contains("at capacity (2/2)"));
                assert!(reasons[2].contains("no valid copier certificate on 2026-11-24"));
                assert!(reasons[3].contains("on leave"));
                assert!(
                    reasons[4].contains("shift 13:00-21:00 misses the appointment 09:00-11:00")
                );
            }
            other => panic!("{other:?}"),
        }
        // A dispatcher may give work beyond capacity, never beyond the other rules.
        assert_eq!(refusal(&n, &full, true), None);
        assert_eq!(
            assign(&need("x", &[]), &[]),
            Assignment::Nobody(vec!["no active technicians".into()])
        );
    }

    #[test]
    fn a_certificate_is_valid_through_its_last_day() {
        let c = tech(1, "tianhe", &["copier"], 8, 0);
        let mut n = need("tianhe", &["copier"]);
        assert_eq!(refusal(&n, &c, false), None);
        n.day = day().succ_opt().expect("date");
        assert!(refusal(&n, &c, false).is_some());
    }

    #[test]
    fn ties_go_to_the_lighter_load_then_the_lower_id() {
        let c = [tech(3, "a", &[], 10, 0), tech(2, "a", &[], 10, 0)];
        let mut n = need("a", &[]);
        n.certificate_for = None;
        match assign(&n, &c) {
            Assignment::To { technician, .. } => assert_eq!(technician, Uuid::from_u128(2)),
            other => panic!("{other:?}"),
        }
    }

    fn machine(line: &str, brand: &str) -> MachineInfo {
        MachineInfo {
            brand: brand.into(),
            model: "AR-2048".into(),
            serial: "S1".into(),
            product_line: line.into(),
            purchase_date: None,
        }
    }

    #[test]
    fn a_machine_calls_for_its_product_line_and_brand() {
        assert_eq!(
            skills_for(Some(&machine(" Copier ", "SHARP"))),
            ["copier", "sharp"]
        );
        assert_eq!(skills_for(Some(&machine("copier", " "))), ["copier"]);
        assert_eq!(skills_for(Some(&machine("sharp", "Sharp"))), ["sharp"]);
        assert!(skills_for(None).is_empty());
    }

    fn order() -> WorkOrder {
        use aftercare_contracts::dispatch::WorkType;
        WorkOrder {
            id: Uuid::from_u128(9),
            number: "W2026-000009".into(),
            ticket_id: Uuid::from_u128(8),
            ticket_number: "T2026-000008".into(),
            status: WorkOrderStatus::Unassigned,
            priority: Priority::P2,
            customer_name: "ACME".into(),
            district: "tianhe".into(),
            technician_id: None,
            assignment_reasons: vec![],
            score: None,
            pinned: false,
            flagged: false,
            work_type: WorkType::Repair,
            required_skills: vec!["copier".into(), "sharp".into()],
            estimated_minutes: 90,
            machine: Some(machine(" Copier ", "Sharp")),
            address: String::new(),
            location: None,
            appointment: None,
            sla_due: None,
            planned_arrival: None,
            revisit_of: None,
            diagnosis: None,
            parts: vec![],
            parts_requested: vec![],
            parts_status: None,
            visit: None,
            history: vec![],
            created_at: DateTime::<Utc>::UNIX_EPOCH,
            completed_at: None,
            version: 1,
        }
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn a_work_order_without_appointment_is_needed_today_in_the_company_time_zone() {
        let cal = BusinessCalendar::china();
        // 2026-11-23 17:00 UTC is already Tuesday 01:00 in Shanghai.
        let n = need_of(&order(), &cal, utc(2026, 11, 23, 17, 0));
        assert_eq!(n.day, day());
        assert_eq!(n.window, None);
        assert_eq!(n.skills, ["copier", "sharp"]);
        assert_eq!(n.certificate_for.as_deref(), Some("copier"));
        assert_eq!((n.district.as_str(), n.priority), ("tianhe", Priority::P2));
    }

    #[test]
    fn an_appointment_gives_the_day_and_local_window_cut_at_midnight() {
        use aftercare_contracts::dispatch::TimeWindow;
        let cal = BusinessCalendar::china();
        let mut w = order();
        // 01:00–03:00 UTC on the 24th is 09:00–11:00 in Shanghai.
        w.appointment = Some(TimeWindow {
            start: utc(2026, 11, 24, 1, 0),
            end: utc(2026, 11, 24, 3, 0),
        });
        let n = need_of(&w, &cal, utc(2026, 11, 1, 0, 0));
        assert_eq!((n.day, n.window), (day(), Some((t(9, 0), t(11, 0)))));
        // 22:00 to 01:00 the next day ends the window at the day's end.
        w.appointment = Some(TimeWindow {
            start: utc(2026, 11, 24, 14, 0),
            end: utc(2026, 11, 24, 17, 0),
        });
        let n = need_of(&w, &cal, utc(2026, 11, 1, 0, 0));
        assert_eq!(
            n.window,
            Some((t(22, 0), NaiveTime::from_hms_opt(23, 59, 59).expect("time")))
        );
        w.machine = None;
        assert_eq!(
            need_of(&w, &cal, utc(2026, 11, 1, 0, 0)).certificate_for,
            None
        );
    }

    #[test]
    fn a_dispatcher_may_exceed_capacity_but_not_the_other_rules() {
        let n = need("tianhe", &["copier"]);
        let full = tech(1, "tianhe", &["copier"], 2, 2);
        let fax = tech(2, "tianhe", &["fax"], 8, 0);
        let chosen = by_hand(
            &n,
            &[full.clone(), fax.clone()],
            full.id,
            "d1",
            " urgent customer ",
        )
        .expect("allowed");
        assert_eq!(chosen.technician(), Some(full.id));
        assert_eq!(chosen.status(), WorkOrderStatus::Assigned);
        assert_eq!(chosen.reasons()[0], "chosen by d1: urgent customer");
        assert_eq!(chosen.score(), Some(50));
        let e = by_hand(&n, &[full.clone(), fax.clone()], fax.id, "d1", "x").expect_err("refused");
        assert_eq!(
            (e.field.as_str(), e.code.as_str()),
            ("technician_id", "not_qualified")
        );
        let e = by_hand(&n, &[full], Uuid::from_u128(77), "d1", "x").expect_err("refused");
        assert_eq!(e.code, "not_found");
    }

    #[test]
    fn a_return_visit_goes_to_the_technician_who_diagnosed_it() {
        let a = return_visit(Uuid::from_u128(5), "Li".into());
        assert_eq!(a.technician(), Some(Uuid::from_u128(5)));
        assert_eq!(a.score(), Some(0));
        assert_eq!(
            a.reasons(),
            ["return visit by the technician who diagnosed it"]
        );
        let nobody = Assignment::Nobody(vec!["tech1: on leave".into()]);
        assert_eq!(nobody.status(), WorkOrderStatus::Unassigned);
        assert_eq!((nobody.technician(), nobody.score()), (None, None));
    }
}
