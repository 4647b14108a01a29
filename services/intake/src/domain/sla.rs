//! Service-level targets, free of I/O: a first response and a resolution within so much
//! working time, by priority and customer tier, counted on the business calendar.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{CustomerTier, Priority, SlaTargetRule, TicketSla, TicketType};
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
            if !(1..=100_000).contains(&v) {
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

/// The deadlines of a ticket opened at `opened`.
pub fn deadlines(opened: DateTime<Utc>, target: Target, calendar: &BusinessCalendar) -> TicketSla {
    TicketSla {
        first_response_due: calendar
            .add_working_time(opened, Duration::minutes(target.first_response_minutes)),
        resolution_due: calendar
            .add_working_time(opened, Duration::minutes(target.resolution_minutes)),
        first_response_at: None,
        resolved_at: None,
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
