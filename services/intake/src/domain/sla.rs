//! Service-level targets, free of I/O: a first response and a resolution within so much
//! working time, by priority and customer tier, counted on the business calendar.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{
    CustomerTier, Priority, SlaTargetRule, TicketSla, TicketStatus, TicketType,
};
use chrono::{DateTime, Duration, Utc};

/// Working minutes in the default calendar's day (08:30–12:00, 13:30–17:30).
const DAY: i64 = 450;

/// Targets of one priority and tier, in working minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// An agent must act within this.
    pub first_response_minutes: i64,
    /// The request must be resolved within this.
    pub resolution_minutes: i64,
}

/// The default targets: "urgent issues are answered within 30 minutes", a visit within a
/// few working days; key accounts (大客户) get about half.
pub fn default_target(priority: Priority, tier: CustomerTier) -> Target {
    let (first, resolution) = match priority {
        Priority::P1 => (30, DAY),
        Priority::P2 => (120, 2 * DAY),
        Priority::P3 => (240, 3 * DAY),
        Priority::P4 => (DAY, 5 * DAY),
    };
    match tier {
        CustomerTier::Standard => Target {
            first_response_minutes: first,
            resolution_minutes: resolution,
        },
        CustomerTier::KeyAccount => Target {
            first_response_minutes: (first / 2).max(15),
            resolution_minutes: (resolution / 2).max(120),
        },
    }
}

/// Share of a target's working time after which a warning goes out, in percent.
pub const WARN_AT_PERCENT: i64 = 80;

/// When the warnings of a ticket opened at `opened` are due: `WARN_AT_PERCENT` of each
/// target's working time. Returns (first response, resolution).
pub fn warnings(
    opened: DateTime<Utc>,
    target: Target,
    calendar: &BusinessCalendar,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let part = |minutes: i64| Duration::seconds(minutes * 60 * WARN_AT_PERCENT / 100);
    (
        calendar.add_working_time(opened, part(target.first_response_minutes)),
        calendar.add_working_time(opened, part(target.resolution_minutes)),
    )
}

/// Alert bits kept per ticket so each alert goes out once.
pub mod alerts {
    /// First response: warning sent.
    pub const RESPONSE_WARNED: i32 = 1;
    /// First response: breach sent.
    pub const RESPONSE_BREACHED: i32 = 2;
    /// Resolution: warning sent.
    pub const RESOLUTION_WARNED: i32 = 4;
    /// Resolution: breach sent.
    pub const RESOLUTION_BREACHED: i32 = 8;
}

/// The targets of a ticket: complaints are answered within one working day and escalate
/// to the manager when not resolved within two; every other request follows
/// [`default_target`].
pub fn target_for(ticket_type: TicketType, priority: Priority, tier: CustomerTier) -> Target {
    match ticket_type {
        TicketType::Complaint => Target {
            first_response_minutes: DAY,
            resolution_minutes: 2 * DAY,
        },
        _ => default_target(priority, tier),
    }
}

/// The built-in targets as an editable policy: every priority × tier, and complaints.
pub fn default_policy() -> Vec<SlaTargetRule> {
    let mut rules = Vec::new();
    for priority in [Priority::P1, Priority::P2, Priority::P3, Priority::P4] {
        for tier in [CustomerTier::KeyAccount, CustomerTier::Standard] {
            let t = default_target(priority, tier);
            rules.push(SlaTargetRule {
                ticket_type: None,
                priority,
                tier,
                first_response_minutes: t.first_response_minutes as u32,
                resolution_minutes: t.resolution_minutes as u32,
            });
        }
    }
    for priority in [Priority::P1, Priority::P2, Priority::P3, Priority::P4] {
        for tier in [CustomerTier::KeyAccount, CustomerTier::Standard] {
            let t = target_for(TicketType::Complaint, priority, tier);
            rules.push(SlaTargetRule {
                ticket_type: Some(TicketType::Complaint),
                priority,
                tier,
                first_response_minutes: t.first_response_minutes as u32,
                resolution_minutes: t.resolution_minutes as u32,
            });
        }
    }
    rules
}

/// The target a policy sets: a rule for the ticket's type first, then the one for its
/// priority and tier; the built-in target if the policy has neither.
pub fn target_in(
    policy: &[SlaTargetRule],
    ticket_type: TicketType,
    priority: Priority,
    tier: CustomerTier,
) -> Target {
    let matches = |r: &&SlaTargetRule| r.priority == priority && r.tier == tier;
    policy
        .iter()
        .filter(matches)
        .find(|r| r.ticket_type == Some(ticket_type))
        .or_else(|| {
            policy
                .iter()
                .filter(matches)
                .find(|r| r.ticket_type.is_none())
        })
        .map(|r| Target {
            first_response_minutes: i64::from(r.first_response_minutes),
            resolution_minutes: i64::from(r.resolution_minutes),
        })
        .unwrap_or_else(|| target_for(ticket_type, priority, tier))
}

/// Every problem with a policy: each priority × tier needs a rule without a type; minutes
/// 1–100000; a resolution no sooner than the first response; no two rules for the same case.
pub fn validate_policy(policy: &[SlaTargetRule]) -> Vec<FieldError> {
    let mut e = Vec::new();
    for (i, r) in policy.iter().enumerate() {
        for (field, v) in [
            ("first_response_minutes", r.first_response_minutes),
            ("resolution_minutes", r.resolution_minutes),
        ] {
            if !aftercare_contracts::intake::limits::SLA_MINUTES.contains(v) {
                e.push(FieldError {
                    field: format!("targets[{i}].{field}"),
                    code: "out_of_range".into(),
                    message: "between 1 and 100000 working minutes".into(),
                });
            }
        }
        if r.resolution_minutes < r.first_response_minutes {
            e.push(FieldError {
                field: format!("targets[{i}].resolution_minutes"),
                code: "before_first_response".into(),
                message: "the resolution target cannot be sooner than the first response".into(),
            });
        }
        if policy[..i]
            .iter()
            .any(|o| o.ticket_type == r.ticket_type && o.priority == r.priority && o.tier == r.tier)
        {
            e.push(FieldError {
                field: format!("targets[{i}]"),
                code: "duplicate".into(),
                message: "one target per type, priority and tier".into(),
            });
        }
    }
    for priority in [Priority::P1, Priority::P2, Priority::P3, Priority::P4] {
        for tier in [CustomerTier::KeyAccount, CustomerTier::Standard] {
            if !policy
                .iter()
                .any(|r| r.ticket_type.is_none() && r.priority == priority && r.tier == tier)
            {
                e.push(FieldError {
                    field: "targets".into(),
                    code: "missing".into(),
                    message: format!("no target for {priority:?} {tier:?}"),
                });
            }
        }
    }
    e
}

/// Whether the SLA clock stands still in `status`: while the ticket waits for parts or for
/// the customer, no deadline runs.
pub fn pauses(status: TicketStatus) -> bool {
    matches!(
        status,
        TicketStatus::WaitingForParts | TicketStatus::WaitingForCustomer
    )
}

/// Where a deadline (or a warning instant) lies once a pause from `paused_at` to
/// `resumed_at` ends: one still ahead when the clock stopped keeps the working time it had
/// left, counted on from the resumption on the business calendar; one already passed
/// stays where it was.
pub fn resume(
    due: DateTime<Utc>,
    paused_at: DateTime<Utc>,
    resumed_at: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> DateTime<Utc> {
    if due <= paused_at {
        return due;
    }
    let left = calendar.working_time_between(paused_at, due);
    calendar.add_working_time(resumed_at.max(paused_at), left)
}

/// A ticket's SLA clock: its deadlines, the instants their warnings are due, and when the
/// targets were met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// First-response deadline.
    pub first_response_due: DateTime<Utc>,
    /// Resolution deadline.
    pub resolution_due: DateTime<Utc>,
    /// First-response warning.
    pub first_response_warn_at: DateTime<Utc>,
    /// Resolution warning.
    pub resolution_warn_at: DateTime<Utc>,
    /// When the first response was given.
    pub first_response_at: Option<DateTime<Utc>>,
    /// When it was resolved.
    pub resolved_at: Option<DateTime<Utc>>,
}

/// The clock once a pause from `paused_at` to `resumed_at` ends: each target not met
/// before the pause has its deadline and warning moved by [`resume`]; a target met before
/// it keeps its deadline (its verdict is in). A target met at the resumption itself (the
/// ticket resolved straight from waiting) counts against the moved deadline.
pub fn resume_clock(
    c: Clock,
    paused_at: DateTime<Utc>,
    resumed_at: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> Clock {
    let open = |met: Option<DateTime<Utc>>| met.is_none_or(|m| m > paused_at);
    let mv = |t| resume(t, paused_at, resumed_at, calendar);
    let mut out = c;
    if open(c.first_response_at) {
        out.first_response_due = mv(c.first_response_due);
        out.first_response_warn_at = mv(c.first_response_warn_at);
    }
    if open(c.resolved_at) {
        out.resolution_due = mv(c.resolution_due);
        out.resolution_warn_at = mv(c.resolution_warn_at);
    }
    out
}

/// Working minutes a pause took from the clock: completed pauses (`paused`) plus the
/// current one up to `now`, if the clock stands still since `since`.
pub fn paused_minutes(
    paused: Duration,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> u64 {
    let open = since
        .map(|s| calendar.working_time_between(s, now))
        .unwrap_or_else(Duration::zero);
    u64::try_from((paused + open).num_minutes()).unwrap_or(0)
}

/// The longest a promised reply may lie ahead.
pub const REPLY_HORIZON_DAYS: i64 = 30;

/// Every problem with a promised reply due at `reply_by`, promised at `now`: in the future,
/// at most [`REPLY_HORIZON_DAYS`] ahead; a note of at most 500 characters.
pub fn check_reply(reply_by: DateTime<Utc>, note: &str, now: DateTime<Utc>) -> Vec<FieldError> {
    let mut e = Vec::new();
    if reply_by <= now {
        e.push(FieldError {
            field: "reply_by".into(),
            code: "in_past".into(),
            message: "the reply must be promised for a time still to come".into(),
        });
    } else if reply_by - now > Duration::days(REPLY_HORIZON_DAYS) {
        e.push(FieldError {
            field: "reply_by".into(),
            code: "out_of_range".into(),
            message: format!("a reply is promised at most {REPLY_HORIZON_DAYS} days ahead"),
        });
    }
    aftercare_contracts::intake::limits::PROMISE.check(&mut e, "note", note);
    e
}

/// When the warning of a reply promised at `promised_at` for `reply_by` is due:
/// [`WARN_AT_PERCENT`] of the time between, on the clock (the customer was told a time of
/// day, not an amount of working time).
pub fn reply_warning(promised_at: DateTime<Utc>, reply_by: DateTime<Utc>) -> DateTime<Utc> {
    let span = (reply_by - promised_at).max(Duration::zero());
    promised_at + Duration::milliseconds(span.num_milliseconds() * WARN_AT_PERCENT / 100)
}

/// The deadlines and warning instants of a ticket opened at `opened` whose clock has
/// stood still for `paused` working time in completed pauses: each as far beyond the
/// target's instant as the pauses took (a priority set again after a wait keeps the wait
/// off the clock).
pub fn after_pauses(
    opened: DateTime<Utc>,
    target: Target,
    paused: Duration,
    calendar: &BusinessCalendar,
) -> (TicketSla, (DateTime<Utc>, DateTime<Utc>)) {
    let at = |part: Duration| calendar.add_working_time(opened, part + paused);
    let full = |minutes: i64| Duration::minutes(minutes);
    let warn = |minutes: i64| Duration::seconds(minutes * 60 * WARN_AT_PERCENT / 100);
    (
        TicketSla {
            first_response_due: at(full(target.first_response_minutes)),
            resolution_due: at(full(target.resolution_minutes)),
            first_response_at: None,
            resolved_at: None,
            paused_since: None,
            paused_minutes: 0,
        },
        (
            at(warn(target.first_response_minutes)),
            at(warn(target.resolution_minutes)),
        ),
    )
}

/// The deadlines of a ticket opened at `opened`.
pub fn deadlines(opened: DateTime<Utc>, target: Target, calendar: &BusinessCalendar) -> TicketSla {
    TicketSla {
        first_response_due: calendar
            .add_working_time(opened, Duration::minutes(target.first_response_minutes)),
        resolution_due: calendar
            .add_working_time(opened, Duration::minutes(target.resolution_minutes)),
        first_response_at: None,
        resolved_at: None,
        paused_since: None,
        paused_minutes: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn cst(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .single()
            .expect("t")
            .with_timezone(&Utc)
    }

    #[test]
    fn warnings_come_at_eighty_percent_of_the_working_time() {
        let c = BusinessCalendar::china();
        let t = default_target(Priority::P1, CustomerTier::Standard);
        let (response, resolution) = warnings(cst(23, 9, 0), t, &c);
        assert_eq!(response, cst(23, 9, 24));
        // 80 % of 450 minutes = 360: 09:00 + 180 (to noon) + 180 from 13:30 → 16:30.
        assert_eq!(resolution, cst(23, 16, 30));
    }

    #[test]
    fn complaints_are_answered_in_a_working_day_and_escalate_after_two() {
        let c = BusinessCalendar::china();
        let t = target_for(TicketType::Complaint, Priority::P4, CustomerTier::Standard);
        // Friday 10:00 → answer by Monday 10:00, escalation on Tuesday 10:00.
        let sla = deadlines(cst(27, 10, 0), t, &c);
        assert_eq!(sla.first_response_due, cst(30, 10, 0));
        assert_eq!(sla.resolution_due, cst(1, 10, 0) + Duration::days(30));
        assert_eq!(
            target_for(TicketType::Fault, Priority::P1, CustomerTier::Standard),
            default_target(Priority::P1, CustomerTier::Standard)
        );
    }

    #[test]
    fn the_policy_defaults_match_the_built_in_targets_and_type_rules_come_first() {
        let p = default_policy();
        assert!(validate_policy(&p).is_empty());
        for (ty, pr, tier) in [
            (TicketType::Fault, Priority::P1, CustomerTier::KeyAccount),
            (TicketType::Complaint, Priority::P4, CustomerTier::Standard),
            (
                TicketType::Consultation,
                Priority::P3,
                CustomerTier::Standard,
            ),
        ] {
            assert_eq!(target_in(&p, ty, pr, tier), target_for(ty, pr, tier));
        }
        let mut missing = p.clone();
        missing.retain(|r| !(r.priority == Priority::P2 && r.ticket_type.is_none()));
        assert!(
            validate_policy(&missing)
                .iter()
                .any(|e| e.code == "missing")
        );
        let mut bad = p.clone();
        bad[0].resolution_minutes = 1;
        bad[1].first_response_minutes = 0;
        bad.push(bad[2].clone());
        let codes: Vec<_> = validate_policy(&bad).into_iter().map(|e| e.code).collect();
        assert!(codes.contains(&"before_first_response".to_owned()));
        assert!(codes.contains(&"out_of_range".to_owned()));
        assert!(codes.contains(&"duplicate".to_owned()));
    }

    #[test]
    fn a_pause_moves_a_deadline_by_the_working_time_it_took() {
        let c = BusinessCalendar::china();
        // Due Wednesday 10:00; the ticket waits for parts from Monday 16:00 to Tuesday
        // 11:00. Left when the clock stopped: 1.5 + 7.5 + 1.5 = 10.5 working hours; from
        // Tuesday 11:00: 1 + 4 (Tuesday), 3.5 (Wednesday morning), 2 → Wednesday 15:30.
        let due = cst(25, 10, 0);
        let moved = resume(due, cst(23, 16, 0), cst(24, 11, 0), &c);
        assert_eq!(moved, cst(25, 15, 30));
        // The working time it had left is the same before and after.
        assert_eq!(
            c.working_time_between(cst(23, 16, 0), due),
            c.working_time_between(cst(24, 11, 0), moved)
        );
        // A pause over a weekend night takes no working time: nothing moves.
        assert_eq!(
            resume(cst(30, 9, 0), cst(27, 17, 40), cst(30, 8, 0), &c),
            cst(30, 9, 0)
        );
        // A deadline already passed when the clock stopped stays passed.
        assert_eq!(
            resume(cst(23, 9, 0), cst(23, 10, 0), cst(24, 10, 0), &c),
            cst(23, 9, 0)
        );
    }

    #[test]
    fn a_backordered_repair_resolved_after_the_wait_meets_its_target() {
        let c = BusinessCalendar::china();
        // P2 fault opened Monday 09:00: resolution due Wednesday 09:00 (two working days).
        let opened = cst(23, 9, 0);
        let t = default_target(Priority::P2, CustomerTier::Standard);
        let sla = deadlines(opened, t, &c);
        let (fr_warn, res_warn) = warnings(opened, t, &c);
        let clock = Clock {
            first_response_due: sla.first_response_due,
            resolution_due: sla.resolution_due,
            first_response_warn_at: fr_warn,
            resolution_warn_at: res_warn,
            first_response_at: Some(cst(23, 9, 5)),
            resolved_at: None,
        };
        // The part is missing from Monday 15:00 until the Tuesday of the next week, 10:00;
        // the return visit fixes it at 14:00 that day.
        let paused_at = cst(23, 15, 0);
        let resumed_at = cst(1, 10, 0) + Duration::days(30);
        let fixed = cst(1, 14, 0) + Duration::days(30);
        assert!(
            fixed > clock.resolution_due,
            "without the pause it breached"
        );
        let moved = resume_clock(clock, paused_at, resumed_at, &c);
        assert!(fixed <= moved.resolution_due, "{moved:?}");
        assert_eq!(
            c.working_time_between(resumed_at, moved.resolution_due),
            c.working_time_between(paused_at, clock.resolution_due)
        );
        assert!(moved.resolution_warn_at > resumed_at);
        // The first response was given before the pause: its deadline stays.
        assert_eq!(moved.first_response_due, clock.first_response_due);
        // Resolved at the resumption itself: the moved deadline applies.
        let at_once = resume_clock(
            Clock {
                resolved_at: Some(resumed_at),
                ..clock
            },
            paused_at,
            resumed_at,
            &c,
        );
        assert_eq!(at_once.resolution_due, moved.resolution_due);
    }

    #[test]
    fn a_priority_set_after_a_wait_keeps_the_wait_off_the_clock() {
        let c = BusinessCalendar::china();
        let t = default_target(Priority::P3, CustomerTier::Standard);
        let opened = cst(23, 9, 0);
        let (plain, warn) = after_pauses(opened, t, Duration::zero(), &c);
        assert_eq!(plain, deadlines(opened, t, &c));
        assert_eq!(warn, warnings(opened, t, &c));
        // Two working hours of waiting: every instant two working hours later.
        let (waited, _) = after_pauses(opened, t, Duration::hours(2), &c);
        assert_eq!(
            c.working_time_between(plain.resolution_due, waited.resolution_due),
            Duration::hours(2)
        );
    }

    #[test]
    fn paused_time_is_working_time_including_the_current_pause() {
        let c = BusinessCalendar::china();
        assert_eq!(
            paused_minutes(Duration::minutes(30), None, cst(23, 9, 0), &c),
            30
        );
        // Paused since Friday 17:00, read on Monday 09:00: 30 + 30 working minutes.
        assert_eq!(
            paused_minutes(Duration::zero(), Some(cst(27, 17, 0)), cst(30, 9, 0), &c),
            60
        );
        assert!(pauses(TicketStatus::WaitingForParts));
        assert!(pauses(TicketStatus::WaitingForCustomer));
        assert!(!pauses(TicketStatus::InService));
    }

    #[test]
    fn a_promised_reply_lies_ahead_and_warns_at_eighty_percent() {
        let now = cst(23, 10, 0);
        let codes = |t, note: &str| -> Vec<(String, String)> {
            check_reply(t, note, now)
                .into_iter()
                .map(|e| (e.field, e.code))
                .collect()
        };
        assert!(codes(cst(23, 15, 0), "回复报价").is_empty());
        assert_eq!(
            codes(cst(23, 9, 0), ""),
            [("reply_by".into(), "in_past".into())]
        );
        assert_eq!(codes(now, ""), [("reply_by".into(), "in_past".into())]);
        assert_eq!(
            codes(now + Duration::days(31), ""),
            [("reply_by".into(), "out_of_range".into())]
        );
        assert_eq!(codes(cst(23, 15, 0), &"x".repeat(501))[0].0, "note");
        // Promised at 10:00 for 15:00 (wall clock, lunch included): warned at 14:00.
        assert_eq!(reply_warning(now, cst(23, 15, 0)), cst(23, 14, 0));
    }

    #[test]
    fn key_accounts_get_tighter_targets() {
        let std = default_target(Priority::P2, CustomerTier::Standard);
        let key = default_target(Priority::P2, CustomerTier::KeyAccount);
        assert!(key.first_response_minutes < std.first_response_minutes);
        assert!(key.resolution_minutes < std.resolution_minutes);
        assert_eq!(
            default_target(Priority::P1, CustomerTier::KeyAccount).first_response_minutes,
            15
        );
    }

    #[test]
    fn deadlines_count_working_time_only() {
        let c = BusinessCalendar::china();
        // P1 opened Friday 17:20: 10 minutes left that day, 20 more on Monday → 08:50.
        let sla = deadlines(
            cst(27, 17, 20),
            default_target(Priority::P1, CustomerTier::Standard),
            &c,
        );
        assert_eq!(sla.first_response_due, cst(30, 8, 50));
        // Resolution: one working day of time → Monday 17:20.
        assert_eq!(sla.resolution_due, cst(30, 17, 20));
        // P3 opened Monday 09:00: 4 working hours → 14:30 (lunch 12:00–13:30 excluded).
        let sla = deadlines(
            cst(23, 9, 0),
            default_target(Priority::P3, CustomerTier::Standard),
            &c,
        );
        assert_eq!(sla.first_response_due, cst(23, 14, 30));
    }
}
