//! The report-back register's rules (技术员复电登记表): when a technician is due to leave,
//! whether they left late and by how much, and which of the day's visits were reported
//! back (复电) by the visit report or a phone call the desk recorded.
use std::collections::BTreeMap;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{
    DepartureState, RegisterSource, RegisterVisit, ReportBackCall, WorkOrderStatus,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use uuid::Uuid;

/// The departure time the seeds give (技术员8:50必须出门), when none is configured.
pub const DEFAULT_DEPARTURE: NaiveTime = match NaiveTime::from_hms_opt(8, 50, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// Longest note on a recorded call.
pub const MAX_NOTE: usize = 500;

/// Reads a configured departure time, `HH:MM` local, so a typo stops the service at start
/// with the variable named rather than marking everybody late.
pub fn parse_departure(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| format!("expected a local time like 08:50, got {text:?}"))
}

/// When a technician is due to leave on `day`: on a working day of the calendar, at the
/// company's departure time or at their shift's start if that is later; never on leave
/// or on another day.
pub fn due_at(
    calendar: &BusinessCalendar,
    day: NaiveDate,
    departure: NaiveTime,
    shift_start: NaiveTime,
    on_leave: bool,
) -> Option<DateTime<Utc>> {
    if on_leave || !calendar.is_working_day(day) {
        return None;
    }
    let local = day.and_time(departure.max(shift_start));
    local
        .and_local_timezone(calendar.time_zone())
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// When a technician left: the earlier of their first `en_route` step and a departure
/// recorded on its own, with which it was.
pub fn departed(
    first_en_route: Option<DateTime<Utc>>,
    recorded: Option<DateTime<Utc>>,
) -> Option<(DateTime<Utc>, RegisterSource)> {
    match (first_en_route, recorded) {
        (Some(e), Some(r)) if r < e => Some((r, RegisterSource::Recorded)),
        (Some(e), _) => Some((e, RegisterSource::WorkOrder)),
        (None, Some(r)) => Some((r, RegisterSource::Recorded)),
        (None, None) => None,
    }
}

/// Where a departure stands and the minutes late. Within the minute due is on time
/// (08:50:59 for 08:50); a missing departure counts its lateness up to `now` but not past
/// `day_end`, so a past day's register shows how late the day was.
pub fn departure_state(
    due: Option<DateTime<Utc>>,
    departed: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    day_end: DateTime<Utc>,
) -> (DepartureState, u32) {
    let Some(due) = due else {
        return (DepartureState::NotDue, 0);
    };
    let minutes_after = |t: DateTime<Utc>| u32::try_from((t - due).num_minutes()).unwrap_or(0);
    match departed {
        Some(at) => match minutes_after(at) {
            0 => (DepartureState::OnTime, 0),
            late => (DepartureState::Late, late),
        },
        None => match minutes_after(now.min(day_end)) {
            0 => (DepartureState::Pending, 0),
            late => (DepartureState::Missing, late),
        },
    }
}

/// What a work order's step of the day says about a visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Set out for it (`en_route`).
    EnRoute,
    /// Arrived (`on_site`).
    OnSite,
    /// Filed the visit report (completed, waiting for parts, workshop, could not fix).
    Reported,
}

impl StepKind {
    /// The step a move to `to` is, if it is one the register counts.
    pub fn of(to: WorkOrderStatus) -> Option<Self> {
        match to {
            WorkOrderStatus::EnRoute => Some(Self::EnRoute),
            WorkOrderStatus::OnSite => Some(Self::OnSite),
            WorkOrderStatus::Completed
            | WorkOrderStatus::WaitingForParts
            | WorkOrderStatus::TakenToWorkshop
            | WorkOrderStatus::CouldNotFix => Some(Self::Reported),
            _ => None,
        }
    }
}

/// One step of a technician's day on a work order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStep {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// Where it stands now.
    pub status: WorkOrderStatus,
    /// What the step was.
    pub kind: StepKind,
    /// When.
    pub at: DateTime<Utc>,
}

/// The first `en_route` step among a day's steps.
pub fn first_en_route(steps: &[DayStep]) -> Option<DateTime<Utc>> {
    steps
        .iter()
        .filter(|s| s.kind == StepKind::EnRoute)
        .map(|s| s.at)
        .min()
}

/// The day's visits from its steps and the calls recorded: a visit is reported back by
/// its visit report or by a call about it, whichever came first; in the order started.
pub fn visits(steps: &[DayStep], calls: &[ReportBackCall]) -> Vec<RegisterVisit> {
    let mut by_order: BTreeMap<Uuid, RegisterVisit> = BTreeMap::new();
    for s in steps {
        let v = by_order
            .entry(s.work_order_id)
            .or_insert_with(|| RegisterVisit {
                work_order_id: s.work_order_id,
                number: s.number.clone(),
                status: s.status,
                started_at: s.at,
                finished_at: None,
                reported_at: None,
                reported_by: None,
            });
        v.started_at = v.started_at.min(s.at);
        if s.kind == StepKind::Reported {
            v.finished_at = Some(v.finished_at.map_or(s.at, |f| f.min(s.at)));
        }
    }
    let mut out: Vec<RegisterVisit> = by_order
        .into_values()
        .map(|mut v| {
            let called = calls
                .iter()
                .filter(|c| c.work_order_id == Some(v.work_order_id))
                .map(|c| c.at)
                .min();
            (v.reported_at, v.reported_by) = match (v.finished_at, called) {
                (Some(f), Some(c)) if c < f => (Some(c), Some(RegisterSource::Recorded)),
                (Some(f), _) => (Some(f), Some(RegisterSource::WorkOrder)),
                (None, Some(c)) => (Some(c), Some(RegisterSource::Recorded)),
                (None, None) => (None, None),
            };
            v
        })
        .collect();
    out.sort_by(|a, b| {
        a.started_at
            .cmp(&b.started_at)
            .then_with(|| a.number.cmp(&b.number))
    });
    out
}

/// Visits reported back and not, as the register counts them.
pub fn reported_counts(visits: &[RegisterVisit]) -> (u32, u32) {
    let reported = visits.iter().filter(|v| v.reported_at.is_some()).count();
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (count(reported), count(visits.len() - reported))
}

/// Problems with a recorded call's note.
pub fn validate_note(note: &str) -> Vec<FieldError> {
    if note.trim().chars().count() > MAX_NOTE {
        vec![FieldError {
            field: "note".into(),
            code: "too_long".into(),
            message: format!("note must be at most {MAX_NOTE} characters"),
        }]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn shanghai(day: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
        BusinessCalendar::china()
            .time_zone()
            .with_ymd_and_hms(2026, 12, day, h, m, s)
            .single()
            .expect("valid")
            .with_timezone(&Utc)
    }

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).expect("valid")
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid")
    }

    #[test]
    fn the_default_departure_is_the_seeds_8_50_and_a_bad_setting_is_refused() {
        assert_eq!(DEFAULT_DEPARTURE, time(8, 50));
        assert_eq!(parse_departure(" 09:05 "), Ok(time(9, 5)));
        for bad in ["", "9", "25:00", "08:60", "8.50"] {
            assert!(parse_departure(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn technicians_are_due_at_the_departure_time_on_working_days_only() {
        let cal = BusinessCalendar::china();
        // Tuesday 8 December 2026 is a working day; Sunday the 6th is not.
        assert_eq!(
            due_at(&cal, date(8), DEFAULT_DEPARTURE, time(8, 30), false),
            Some(shanghai(8, 8, 50, 0))
        );
        assert_eq!(
            due_at(&cal, date(6), DEFAULT_DEPARTURE, time(8, 30), false),
            None
        );
        assert_eq!(
            due_at(&cal, date(8), DEFAULT_DEPARTURE, time(8, 30), true),
            None
        );
        // A later shift is due at its own start.
        assert_eq!(
            due_at(&cal, date(8), DEFAULT_DEPARTURE, time(13, 0), false),
            Some(shanghai(8, 13, 0, 0))
        );
    }

    #[test]
    fn the_departure_is_the_earlier_of_the_first_step_and_the_record() {
        let (a, b) = (shanghai(8, 8, 40, 0), shanghai(8, 8, 45, 0));
        assert_eq!(
            departed(Some(b), Some(a)),
            Some((a, RegisterSource::Recorded))
        );
        assert_eq!(
            departed(Some(a), Some(b)),
            Some((a, RegisterSource::WorkOrder))
        );
        assert_eq!(departed(None, Some(b)), Some((b, RegisterSource::Recorded)));
        assert_eq!(departed(None, None), None);
    }

    #[test]
    fn lateness_counts_whole_minutes_after_the_time_due() {
        let due = Some(shanghai(8, 8, 50, 0));
        let end = shanghai(9, 0, 0, 0);
        let now = shanghai(8, 10, 0, 0);
        let state = |left: Option<DateTime<Utc>>, now| departure_state(due, left, now, end);
        assert_eq!(
            state(Some(shanghai(8, 8, 50, 59)), now),
            (DepartureState::OnTime, 0)
        );
        assert_eq!(
            state(Some(shanghai(8, 8, 10, 0)), now),
            (DepartureState::OnTime, 0)
        );
        assert_eq!(
            state(Some(shanghai(8, 8, 51, 0)), now),
            (DepartureState::Late, 1)
        );
        assert_eq!(
            state(Some(shanghai(8, 9, 17, 30)), now),
            (DepartureState::Late, 27)
        );
        // Not left: pending before it is due, missing after, counted to the day's end.
        assert_eq!(
            state(None, shanghai(8, 8, 50, 30)),
            (DepartureState::Pending, 0)
        );
        assert_eq!(state(None, now), (DepartureState::Missing, 70));
        assert_eq!(
            state(None, shanghai(12, 9, 0, 0)),
            (DepartureState::Missing, 15 * 60 + 10)
        );
        assert_eq!(
            departure_state(None, Some(now), now, end),
            (DepartureState::NotDue, 0)
        );
    }

    fn step(id: u128, kind: StepKind, at: DateTime<Utc>) -> DayStep {
        DayStep {
            work_order_id: Uuid::from_u128(id),
            number: format!("W2026-{id:06}"),
            status: WorkOrderStatus::Completed,
            kind,
            at,
        }
    }

    fn call(id: Option<u128>, at: DateTime<Utc>) -> ReportBackCall {
        ReportBackCall {
            at,
            work_order_id: id.map(Uuid::from_u128),
            recorded_by: "disp".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_visit_is_reported_back_by_its_report_or_an_earlier_call() {
        let steps = vec![
            step(2, StepKind::EnRoute, shanghai(8, 11, 0, 0)),
            step(1, StepKind::EnRoute, shanghai(8, 8, 45, 0)),
            step(1, StepKind::OnSite, shanghai(8, 9, 20, 0)),
            step(1, StepKind::Reported, shanghai(8, 10, 30, 0)),
            step(2, StepKind::OnSite, shanghai(8, 11, 40, 0)),
            step(3, StepKind::OnSite, shanghai(8, 14, 0, 0)),
            step(3, StepKind::Reported, shanghai(8, 15, 0, 0)),
        ];
        let calls = vec![
            call(Some(3), shanghai(8, 14, 50, 0)),
            call(None, shanghai(8, 12, 0, 0)),
            call(Some(9), shanghai(8, 12, 0, 0)),
        ];
        let v = visits(&steps, &calls);
        let ids: Vec<u128> = v.iter().map(|v| v.work_order_id.as_u128()).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        assert_eq!(v[0].started_at, shanghai(8, 8, 45, 0));
        assert_eq!(v[0].finished_at, Some(shanghai(8, 10, 30, 0)));
        assert_eq!(
            (v[0].reported_at, v[0].reported_by),
            (
                Some(shanghai(8, 10, 30, 0)),
                Some(RegisterSource::WorkOrder)
            )
        );
        // On site, no report and no call about it: not reported back.
        assert_eq!((v[1].finished_at, v[1].reported_at), (None, None));
        // Phoned before the report was filed.
        assert_eq!(
            (v[2].reported_at, v[2].reported_by),
            (Some(shanghai(8, 14, 50, 0)), Some(RegisterSource::Recorded))
        );
        assert_eq!(reported_counts(&v), (2, 1));
        assert_eq!(first_en_route(&steps), Some(shanghai(8, 8, 45, 0)));
        assert_eq!(first_en_route(&steps[4..]), None);
    }

    #[test]
    fn a_call_alone_reports_a_visit_back() {
        let steps = vec![step(4, StepKind::OnSite, shanghai(8, 9, 0, 0))];
        let v = visits(&steps, &[call(Some(4), shanghai(8, 9, 30, 0))]);
        assert_eq!(v[0].reported_by, Some(RegisterSource::Recorded));
        assert_eq!(reported_counts(&v), (1, 0));
        assert_eq!(reported_counts(&[]), (0, 0));
    }

    #[test]
    fn step_kinds_are_the_moves_the_register_counts() {
        assert_eq!(
            StepKind::of(WorkOrderStatus::EnRoute),
            Some(StepKind::EnRoute)
        );
        assert_eq!(
            StepKind::of(WorkOrderStatus::OnSite),
            Some(StepKind::OnSite)
        );
        for s in [
            WorkOrderStatus::Completed,
            WorkOrderStatus::WaitingForParts,
            WorkOrderStatus::TakenToWorkshop,
            WorkOrderStatus::CouldNotFix,
        ] {
            assert_eq!(StepKind::of(s), Some(StepKind::Reported));
        }
        for s in [
            WorkOrderStatus::Assigned,
            WorkOrderStatus::Accepted,
            WorkOrderStatus::Cancelled,
        ] {
            assert_eq!(StepKind::of(s), None);
        }
    }

    #[test]
    fn a_note_is_at_most_500_characters() {
        assert!(validate_note(&"话".repeat(500)).is_empty());
        let e = validate_note(&"话".repeat(501));
        assert_eq!(e[0].field, "note");
    }
}
