//! Field service figures over the visits reported in a period: first-time fix, return
//! visits, on-time arrival against the appointment window, utilisation (service, travel,
//! idle time of the days worked) and visits per technician or district. A pure function
//! over the rows one query reads.
use std::collections::{BTreeMap, BTreeSet};

use aftercare_contracts::dispatch::{DispatchGroup, DispatchLine, Technician, VisitOutcome};
use chrono::{DateTime, NaiveDate, Utc};

/// One reported visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitFact {
    /// Ticket.
    pub ticket_id: String,
    /// Technician id.
    pub technician_id: String,
    /// District.
    pub district: String,
    /// How it ended.
    pub outcome: VisitOutcome,
    /// The ticket had a visit before this one (ever).
    pub earlier_visit: bool,
    /// Appointment window end, when agreed.
    pub window_end: Option<DateTime<Utc>>,
    /// Work started on site.
    pub started: DateTime<Utc>,
    /// Work finished.
    pub finished: DateTime<Utc>,
    /// The local day of the visit.
    pub day: NaiveDate,
}

/// What the report knows of each technician.
#[derive(Debug, Clone, PartialEq)]
pub struct Worker {
    /// Name.
    pub name: String,
    /// Shift minutes of a day.
    pub shift_minutes: u32,
    /// Travel minutes per day from published routes.
    pub travel: BTreeMap<NaiveDate, u32>,
}

fn tenths(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        0
    } else {
        ((u64::from(part) * 2000 + u64::from(whole)) / (2 * u64::from(whole))) as u32
    }
}

#[derive(Default)]
struct Acc {
    visits: u32,
    completed: u32,
    first: u32,
    first_fixed: u32,
    returns: u32,
    with_window: u32,
    on_time: u32,
    service: i64,
    days: BTreeSet<(String, NaiveDate)>,
}

/// Longest period the report covers, in days (a year, leap day included).
pub const MAX_DAYS: i64 = 366;

/// What is wrong with the report's local days `[from, to]`, if anything: `to` before
/// `from`, or more than a year.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Option<aftercare_contracts::FieldError> {
    let problem = |code: &str, message: &str| aftercare_contracts::FieldError {
        field: "to".into(),
        code: code.into(),
        message: message.into(),
    };
    if to < from {
        return Some(problem("before_from", "to must not be before from"));
    }
    if (to - from).num_days() > MAX_DAYS {
        return Some(problem("out_of_range", "a report covers at most a year"));
    }
    None
}

/// A technician as the report counts them: name and the length of their shift; travel
/// is added from the published routes.
pub fn worker(t: Technician) -> Worker {
    Worker {
        name: t.name,
        shift_minutes: (t.shift_end - t.shift_start).num_minutes().max(0) as u32,
        travel: BTreeMap::new(),
    }
}

/// The report's lines, by name.
pub fn lines(
    group: DispatchGroup,
    visits: &[VisitFact],
    workers: &BTreeMap<String, Worker>,
) -> Vec<DispatchLine> {
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for v in visits {
        let key = match group {
            DispatchGroup::Technician => v.technician_id.clone(),
            DispatchGroup::District => v.district.clone(),
        };
        let a = acc.entry(key).or_default();
        a.visits += 1;
        if v.outcome == VisitOutcome::Completed {
            a.completed += 1;
        }
        if v.earlier_visit {
            a.returns += 1;
        } else {
            a.first += 1;
            if v.outcome == VisitOutcome::Completed {
                a.first_fixed += 1;
            }
        }
        if let Some(end) = v.window_end {
            a.with_window += 1;
            if v.started <= end {
                a.on_time += 1;
            }
        }
        a.service += (v.finished - v.started).num_minutes().max(0);
        a.days.insert((v.technician_id.clone(), v.day));
    }
    let mut out: Vec<DispatchLine> = acc
        .into_iter()
        .map(|(key, a)| {
            let service = a.service.clamp(0, i64::from(u32::MAX)) as u32;
            let (mut travel, mut shift) = (0u32, 0u32);
            for (tech, day) in &a.days {
                if let Some(w) = workers.get(tech) {
                    travel += w.travel.get(day).copied().unwrap_or(0);
                    shift += w.shift_minutes;
                }
            }
            let technician = group == DispatchGroup::Technician;
            let name = if technician {
                workers
                    .get(&key)
                    .map(|w| w.name.clone())
                    .unwrap_or_else(|| key.clone())
            } else {
                key.clone()
            };
            DispatchLine {
                name,
                visits: a.visits,
                completed: a.completed,
                first_time_fixes: a.first_fixed,
                first_visits: a.first,
                first_time_fix_tenths: tenths(a.first_fixed, a.first),
                return_visits: a.returns,
                with_appointment: a.with_window,
                on_time: a.on_time,
                on_time_tenths: tenths(a.on_time, a.with_window),
                service_minutes: service,
                travel_minutes: travel,
                idle_minutes: if technician {
                    shift.saturating_sub(service + travel)
                } else {
                    0
                },
                utilisation_tenths: if technician {
                    tenths(service, shift)
                } else {
                    0
                },
                key,
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0)
            .single()
            .expect("time")
    }

    fn visit(ticket: &str, tech: &str, outcome: VisitOutcome, earlier: bool) -> VisitFact {
        VisitFact {
            ticket_id: ticket.into(),
            technician_id: tech.into(),
            district: "tianhe".into(),
            outcome,
            earlier_visit: earlier,
            window_end: None,
            started: t(2, 0),
            finished: t(3, 0),
            day: NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
        }
    }

    #[test]
    fn first_time_fix_return_visits_on_time_and_utilisation() {
        let mut a = visit("t1", "li", VisitOutcome::Completed, false);
        a.window_end = Some(t(2, 30)); // started 02:00: on time
        let mut b = visit("t2", "li", VisitOutcome::WaitingForParts, false);
        b.window_end = Some(t(1, 0)); // started after the window closed
        let c = visit("t2", "li", VisitOutcome::Completed, true); // the return visit
        let d = visit("t3", "wang", VisitOutcome::Completed, false);
        let mut workers = BTreeMap::new();
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        workers.insert(
            "li".to_owned(),
            Worker {
                name: "Li".into(),
                shift_minutes: 520,
                travel: BTreeMap::from([(day, 100)]),
            },
        );
        let l = lines(DispatchGroup::Technician, &[a, b, c, d], &workers);
        let li = &l[0];
        assert_eq!(li.name, "Li");
        assert_eq!(
            (
                li.visits,
                li.completed,
                li.first_visits,
                li.first_time_fixes
            ),
            (3, 2, 2, 1)
        );
        assert_eq!(li.first_time_fix_tenths, 500);
        assert_eq!(li.return_visits, 1);
        assert_eq!(
            (li.with_appointment, li.on_time, li.on_time_tenths),
            (2, 1, 500)
        );
        // 3 visits × 60 minutes, 100 travel, one 520-minute day.
        assert_eq!(
            (li.service_minutes, li.travel_minutes, li.idle_minutes),
            (180, 100, 240)
        );
        assert_eq!(li.utilisation_tenths, 346); // 180 / 520 = 34.6 %
        // Unknown technician (no profile): named by id, no shift to compare with.
        assert_eq!((l[1].name.as_str(), l[1].utilisation_tenths), ("wang", 0));
        let by_district = lines(
            DispatchGroup::District,
            &[visit("t9", "li", VisitOutcome::CouldNotFix, false)],
            &workers,
        );
        assert_eq!(
            (
                by_district[0].key.as_str(),
                by_district[0].first_time_fix_tenths
            ),
            ("tianhe", 0)
        );
        assert_eq!(by_district[0].idle_minutes, 0);
        assert!(lines(DispatchGroup::District, &[], &workers).is_empty());
    }

    #[test]
    fn the_report_runs_forwards_for_at_most_a_year() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(check_period(d(2026, 1, 1), d(2026, 12, 31)), None);
        assert_eq!(check_period(d(2024, 1, 1), d(2025, 1, 1)), None);
        let code = |f, t| check_period(f, t).map(|e| e.code);
        assert_eq!(
            code(d(2026, 1, 2), d(2026, 1, 1)).as_deref(),
            Some("before_from")
        );
        assert_eq!(
            code(d(2024, 1, 1), d(2025, 1, 2)).as_deref(),
            Some("out_of_range")
        );
    }

    #[test]
    fn a_worker_counts_the_length_of_their_shift() {
        let t: Technician = serde_json::from_value(serde_json::json!({
            "id": uuid::Uuid::nil(), "name": "Li", "district": "tianhe", "skills": [],
            "daily_capacity": 8, "team": "tianhe", "certifications": [],
            "shift_start": "08:50:00", "shift_end": "17:30:00", "leave": [],
            "active": true, "version": 1
        }))
        .expect("technician");
        let w = worker(t);
        assert_eq!((w.name.as_str(), w.shift_minutes), ("Li", 520));
        assert!(w.travel.is_empty());
    }
}
