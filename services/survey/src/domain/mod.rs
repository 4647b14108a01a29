//! Survey's rules, free of I/O: when callbacks are due and retried, how answers are
//! checked and scored ([`questionnaire`]), how scores add up to rankings and the
//! satisfaction index ([`scores`]), which periods exist and when they are published
//! ([`periods`]) and when repeats become quality warnings ([`quality`]).
//!
//! Work orders are collected at 09:00 on the next working day and called that day;
//! working days come from the shared business calendar (weekends, public holidays,
//! swapped working days, the company's time zone).
pub mod calls;
pub mod campaigns;
pub mod daily;
pub mod links;
pub mod periods;
pub mod quality;
pub mod questionnaire;
pub mod scores;
pub mod settings;

#[cfg(test)]
mod schema_limits;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::Actor;
use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::survey::{AttemptOutcome, CallbackStatus, RecordCallback};
use chrono::{DateTime, Duration, NaiveTime, Utc};

/// When callbacks are collected and how often an unreachable customer is tried.
#[derive(Debug, Clone)]
pub struct CallbackPolicy {
    /// The company's working calendar.
    pub calendar: BusinessCalendar,
    /// Local time the day's callbacks are collected.
    pub collect_at: NaiveTime,
    /// Working days after the visit's day the callback is due (1: the next working day).
    pub delay_days: u32,
    /// Attempts before a callback is closed as unreachable.
    pub max_attempts: u32,
    /// Working time between two attempts.
    pub retry_after: Duration,
    /// How long an answer link works.
    pub link_valid_for: Duration,
    /// Local time the day's report (日报) is written on each working day (18:00).
    pub daily_report_at: NaiveTime,
}

impl Default for CallbackPolicy {
    fn default() -> Self {
        Self {
            calendar: BusinessCalendar::china(),
            collect_at: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            delay_days: 1,
            max_attempts: 3,
            retry_after: Duration::hours(2),
            link_valid_for: Duration::days(7),
            daily_report_at: daily::REPORT_AT,
        }
    }
}

/// The collection time on the `delay_days`-th working day after the (local) day
/// `completed` falls on.
pub fn callback_due(completed: DateTime<Utc>, policy: &CallbackPolicy) -> DateTime<Utc> {
    let cal = &policy.calendar;
    let day = cal.add_working_days(cal.local_date(completed), policy.delay_days.max(1));
    cal.start_of_day(day) + (policy.collect_at - NaiveTime::MIN)
}

/// Where one attempt leaves an open callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterAttempt {
    /// The callback's new state.
    pub status: CallbackStatus,
    /// When to call again, if it stays open.
    pub next_due: Option<DateTime<Utc>>,
    /// Failed attempts counted so far.
    pub failed_attempts: u32,
}

/// The effect of an attempt at `now`: a busy customer is called at the agreed time; an
/// unreachable one is retried `retry_after` working time later until `max_attempts`
/// failures close the callback.
pub fn after_attempt(
    outcome: AttemptOutcome,
    failed_before: u32,
    now: DateTime<Utc>,
    agreed: Option<DateTime<Utc>>,
    policy: &CallbackPolicy,
) -> AfterAttempt {
    match outcome {
        AttemptOutcome::Completed => AfterAttempt {
            status: CallbackStatus::Completed,
            next_due: None,
            failed_attempts: failed_before,
        },
        AttemptOutcome::Refused => AfterAttempt {
            status: CallbackStatus::Refused,
            next_due: None,
            failed_attempts: failed_before,
        },
        AttemptOutcome::Busy => AfterAttempt {
            status: CallbackStatus::Scheduled,
            next_due: Some(
                agreed.unwrap_or_else(|| policy.calendar.add_working_time(now, policy.retry_after)),
            ),
            failed_attempts: failed_before,
        },
        AttemptOutcome::Unreachable => {
            let failed = failed_before + 1;
            if failed >= policy.max_attempts {
                AfterAttempt {
                    status: CallbackStatus::Unreachable,
                    next_due: None,
                    failed_attempts: failed,
                }
            } else {
                AfterAttempt {
                    status: CallbackStatus::Scheduled,
                    next_due: Some(policy.calendar.add_working_time(now, policy.retry_after)),
                    failed_attempts: failed,
                }
            }
        }
    }
}

/// A follow-up's answer deadline (one working day) and escalation time (two working
/// days), counted in working time from when the answer came in.
pub fn follow_up_deadlines(
    answered: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let day = calendar.working_day_length();
    (
        calendar.add_working_time(answered, day),
        calendar.add_working_time(answered, day * 2),
    )
}

/// Roles whose opening a ticket makes them its responsible agent (a customer or the
/// system opening one leaves the ticket without an agent).
pub const DESK_ROLES: [&str; 4] = ["agent", "dispatcher", "manager", "admin"];

/// The agent a ticket's follow-ups go to: the user who opened it when they work at the
/// desk ([`DESK_ROLES`]), otherwise nobody.
pub fn responsible_agent(opened_by: Option<&Actor>) -> Option<String> {
    opened_by
        .filter(|a| DESK_ROLES.contains(&a.role.as_str()))
        .map(|a| a.user_id.clone())
}

/// Longest note an attempt keeps, in characters.
pub const MAX_NOTE: usize = aftercare_contracts::survey::limits::NOTE.max;

/// How far ahead a busy customer may ask to be called again, in milliseconds (60 days).
pub const MAX_RESCHEDULE_MS: i64 = 60 * 24 * 3_600_000;

/// The problems of a recorded attempt that do not depend on the callback (epoch ms
/// `now`): the note's length, answers only with a completed call, and an agreed time in
/// the next 60 days with (and only with) a busy customer.
pub fn check_record(req: &RecordCallback, now: i64) -> Vec<FieldError> {
    let mut e = Vec::new();
    aftercare_contracts::survey::limits::NOTE.check(&mut e, "note", &req.note);
    if req.outcome != AttemptOutcome::Completed && !req.answers.is_empty() {
        e.push(FieldError {
            field: "answers".into(),
            code: "not_allowed".into(),
            message: "answers are recorded with outcome completed only".into(),
        });
    }
    match (req.outcome, req.rescheduled_to) {
        (AttemptOutcome::Busy, None) => e.push(FieldError {
            field: "rescheduled_to".into(),
            code: "required".into(),
            message: "a busy customer needs the agreed time to call again".into(),
        }),
        (AttemptOutcome::Busy, Some(t))
            if t.timestamp_millis() <= now || t.timestamp_millis() > now + MAX_RESCHEDULE_MS =>
        {
            e.push(FieldError {
                field: "rescheduled_to".into(),
                code: "out_of_range".into(),
                message: "rescheduled_to must be in the next 60 days".into(),
            })
        }
        (AttemptOutcome::Busy, Some(_)) => {}
        (_, Some(_)) => e.push(FieldError {
            field: "rescheduled_to".into(),
            code: "not_allowed".into(),
            message: "rescheduled_to goes with outcome busy only".into(),
        }),
        (_, None) => {}
    }
    e
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    pub(crate) fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("time")
            .with_timezone(&Utc)
    }

    #[test]
    fn a_weekday_visit_is_called_back_the_next_morning() {
        // Monday 2026-11-23 15:00 → Tuesday 09:00 CST
        assert_eq!(
            callback_due(cst(2026, 11, 23, 15, 0), &CallbackPolicy::default()),
            cst(2026, 11, 24, 9, 0)
        );
    }

    #[test]
    fn friday_and_weekend_visits_wait_for_monday() {
        let p = CallbackPolicy::default();
        assert_eq!(
            callback_due(cst(2026, 11, 27, 17, 0), &p),
            cst(2026, 11, 30, 9, 0)
        );
        assert_eq!(
            callback_due(cst(2026, 11, 28, 10, 0), &p),
            cst(2026, 11, 30, 9, 0)
        );
        assert_eq!(
            callback_due(cst(2026, 11, 29, 23, 59), &p),
            cst(2026, 11, 30, 9, 0)
        );
    }

    #[test]
    fn the_local_date_counts_not_the_utc_date() {
        // 2026-11-23 01:00 CST is still Sunday 17:00 UTC; the local day is Monday.
        assert_eq!(
            callback_due(cst(2026, 11, 23, 1, 0), &CallbackPolicy::default()),
            cst(2026, 11, 24, 9, 0)
        );
    }

    #[test]
    fn public_holidays_and_swapped_working_days_count() {
        let p = CallbackPolicy::default();
        // Visits on the last day before National Day are called after the holiday week.
        assert_eq!(
            callback_due(cst(2026, 9, 30, 16, 0), &p),
            cst(2026, 10, 8, 9, 0)
        );
        // A visit on Friday 2026-10-09 is called on the swapped working Saturday.
        assert_eq!(
            callback_due(cst(2026, 10, 9, 16, 0), &p),
            cst(2026, 10, 10, 9, 0)
        );
    }

    #[test]
    fn collection_time_and_delay_are_configurable() {
        let p = CallbackPolicy {
            collect_at: NaiveTime::from_hms_opt(14, 30, 0).expect("time"),
            delay_days: 2,
            ..CallbackPolicy::default()
        };
        // Thursday visit, two working days later is Monday.
        assert_eq!(
            callback_due(cst(2026, 11, 26, 11, 0), &p),
            cst(2026, 11, 30, 14, 30)
        );
    }

    #[test]
    fn busy_customers_are_called_at_the_agreed_time() {
        let p = CallbackPolicy::default();
        let agreed = cst(2026, 11, 24, 16, 0);
        let a = after_attempt(
            AttemptOutcome::Busy,
            0,
            cst(2026, 11, 24, 9, 5),
            Some(agreed),
            &p,
        );
        assert_eq!(a.status, CallbackStatus::Scheduled);
        assert_eq!(a.next_due, Some(agreed));
        assert_eq!(a.failed_attempts, 0);
    }

    #[test]
    fn unreachable_customers_are_retried_then_closed() {
        let p = CallbackPolicy::default();
        // 16:30 Tuesday + 2 working hours (day ends 17:30 in the default hours) → Wednesday.
        let first = after_attempt(
            AttemptOutcome::Unreachable,
            0,
            cst(2026, 11, 24, 16, 30),
            None,
            &p,
        );
        assert_eq!(first.status, CallbackStatus::Scheduled);
        assert_eq!(first.failed_attempts, 1);
        let next = first.next_due.expect("retry");
        assert_eq!(
            p.calendar
                .working_time_between(cst(2026, 11, 24, 16, 30), next),
            Duration::hours(2)
        );
        assert!(next > cst(2026, 11, 25, 0, 0));
        let second = after_attempt(AttemptOutcome::Unreachable, 1, next, None, &p);
        assert_eq!(second.status, CallbackStatus::Scheduled);
        let third = after_attempt(AttemptOutcome::Unreachable, 2, next, None, &p);
        assert_eq!(third.status, CallbackStatus::Unreachable);
        assert_eq!(third.next_due, None);
        assert_eq!(third.failed_attempts, 3);
    }

    #[test]
    fn follow_ups_are_due_in_one_working_day_and_escalate_after_two() {
        let cal = BusinessCalendar::china();
        // Friday 15:00 → Monday 15:00 answer, Tuesday 15:00 escalation.
        let (due, escalate) = follow_up_deadlines(cst(2026, 11, 27, 15, 0), &cal);
        assert_eq!(due, cst(2026, 11, 30, 15, 0));
        assert_eq!(escalate, cst(2026, 12, 1, 15, 0));
        // Across National Day: Wednesday 30 Sep 10:00 → Thursday 8 Oct, Friday 9 Oct.
        let (due, escalate) = follow_up_deadlines(cst(2026, 9, 30, 10, 0), &cal);
        assert_eq!(due, cst(2026, 10, 8, 10, 0));
        assert_eq!(escalate, cst(2026, 10, 9, 10, 0));
    }

    #[test]
    fn only_desk_staff_become_the_responsible_agent() {
        let by = |role: &str| Actor {
            user_id: "u1".into(),
            role: role.into(),
        };
        for role in DESK_ROLES {
            assert_eq!(responsible_agent(Some(&by(role))), Some("u1".into()));
        }
        assert_eq!(responsible_agent(Some(&by("customer"))), None);
        assert_eq!(responsible_agent(Some(&by("technician"))), None);
        assert_eq!(responsible_agent(None), None);
    }

    fn attempt(outcome: AttemptOutcome, rescheduled_to: Option<DateTime<Utc>>) -> RecordCallback {
        RecordCallback {
            callback_id: "c".into(),
            outcome,
            answers: vec![],
            note: String::new(),
            rescheduled_to,
            expected_version: 1,
        }
    }

    fn codes(e: &[FieldError]) -> Vec<(&str, &str)> {
        e.iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn a_busy_customer_needs_an_agreed_time_in_the_next_sixty_days() {
        let now = cst(2026, 11, 24, 9, 0);
        let ms = now.timestamp_millis();
        let ok = attempt(AttemptOutcome::Busy, Some(now + Duration::hours(3)));
        assert!(check_record(&ok, ms).is_empty());
        let none = attempt(AttemptOutcome::Busy, None);
        assert_eq!(
            codes(&check_record(&none, ms)),
            [("rescheduled_to", "required")]
        );
        for t in [now, now - Duration::hours(1), now + Duration::days(61)] {
            let bad = attempt(AttemptOutcome::Busy, Some(t));
            assert_eq!(
                codes(&check_record(&bad, ms)),
                [("rescheduled_to", "out_of_range")]
            );
        }
        let other = attempt(AttemptOutcome::Refused, Some(now + Duration::hours(3)));
        assert_eq!(
            codes(&check_record(&other, ms)),
            [("rescheduled_to", "not_allowed")]
        );
    }

    #[test]
    fn answers_go_with_a_completed_call_and_notes_are_short() {
        let ms = cst(2026, 11, 24, 9, 0).timestamp_millis();
        let mut r = attempt(AttemptOutcome::Unreachable, None);
        r.answers = vec![aftercare_contracts::survey::Answer {
            key: "machine_working".into(),
            yes: Some(true),
            level: None,
            text: None,
        }];
        r.note = "x".repeat(MAX_NOTE + 1);
        assert_eq!(
            codes(&check_record(&r, ms)),
            [("note", "too_long"), ("answers", "not_allowed")]
        );
        r.outcome = AttemptOutcome::Completed;
        r.note = "x".repeat(MAX_NOTE);
        assert!(check_record(&r, ms).is_empty());
    }
}
