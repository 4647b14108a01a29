//! Outbound call tasks: who gets a call (the company's assignment rules, by kind, product
//! line, brand and district, with the seeds' split between the callback specialist and
//! the district agents as the built-in rules), when it is due on the business calendar,
//! where it sits in the queue, how an attempt moves it and when it goes to the manager.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::survey::calls::limits;
use aftercare_contracts::survey::{
    Assignee, AssignmentRule, CallOutcome, CallTaskKind, CallTaskState, CallTaskTiming,
};
use aftercare_platform::CompanySetting;
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// The queue of the callback specialist (客户回访专员).
pub const SPECIALIST_QUEUE: &str = "callback_specialist";

/// The queue of a district's agent (片区客服专员): `district:<district>`.
pub fn district_queue(district: &str) -> String {
    format!("district:{}", district.trim().to_lowercase())
}

/// The company's assignment rules, a versioned company setting.
pub struct CallAssignment;

impl CompanySetting for CallAssignment {
    const NAME: &'static str = "call_assignment_rules";
    const WHAT: &'static str = "call assignment rules";
    type Item = AssignmentRule;
    fn built_in() -> Vec<AssignmentRule> {
        built_in_rules()
    }
    fn problems(items: &[AssignmentRule]) -> Vec<FieldError> {
        check_rules(items)
    }
    fn normalise(items: Vec<AssignmentRule>) -> Vec<AssignmentRule> {
        let trim = |v: Vec<String>| v.into_iter().map(|s| s.trim().to_owned()).collect();
        items
            .into_iter()
            .map(|r| AssignmentRule {
                kinds: r.kinds,
                product_lines: trim(r.product_lines),
                brands: trim(r.brands),
                districts: trim(r.districts),
                assignee: match r.assignee {
                    Assignee::User { user } => Assignee::User {
                        user: user.trim().to_owned(),
                    },
                    other => other,
                },
            })
            .collect()
    }
}

fn rule(
    kinds: &[CallTaskKind],
    product_lines: &[&str],
    brands: &[&str],
    assignee: Assignee,
) -> AssignmentRule {
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    AssignmentRule {
        kinds: kinds.to_vec(),
        product_lines: owned(product_lines),
        brands: owned(brands),
        districts: vec![],
        assignee,
    }
}

/// The seeds' split (客户回访专员岗位职责): the specialist calls back every work order and
/// welcomes the warranty-card customers of fax machines, non-agency products and Sharp
/// thermal and thermal-transfer machines; the district agents welcome the customers of
/// Panasonic machines and of Sharp laser machines (copiers, printers), and chase their
/// own districts' renewals, consumables, complaint answers, promised replies and overdue
/// receipts.
pub fn built_in_rules() -> Vec<AssignmentRule> {
    use CallTaskKind::*;
    vec![
        rule(&[Callback], &[], &[], Assignee::CallbackSpecialist),
        rule(&[WelcomeCall], &[], &["Panasonic"], Assignee::DistrictAgent),
        rule(
            &[WelcomeCall],
            &["copier", "printer"],
            &["Sharp"],
            Assignee::DistrictAgent,
        ),
        rule(&[WelcomeCall], &[], &[], Assignee::CallbackSpecialist),
        rule(
            &[
                Renewal,
                ConsumablesContact,
                ComplaintAnswer,
                FollowUp,
                OverduePayment,
            ],
            &[],
            &[],
            Assignee::DistrictAgent,
        ),
    ]
}

/// Problems with a proposed list of rules, each naming its field.
pub fn check_rules(rules: &[AssignmentRule]) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::RULES.allows(rules.len()) {
        e.push(FieldError {
            field: "rules".into(),
            code: "out_of_range".into(),
            message: "give 1 to 200 rules".into(),
        });
    }
    for (i, r) in rules.iter().enumerate() {
        for (name, list) in [
            ("product_lines", &r.product_lines),
            ("brands", &r.brands),
            ("districts", &r.districts),
        ] {
            for (j, v) in list.iter().enumerate() {
                limits::EACH_MATCH
                    .0
                    .check(&mut e, &format!("rules[{i}].{name}[{j}]"), v);
            }
        }
        if let Assignee::User { user } = &r.assignee {
            limits::ASSIGNEE.check(&mut e, &format!("rules[{i}].assignee.user"), user);
        }
    }
    e
}

/// What a task's assignment depends on.
#[derive(Debug, Clone, Copy)]
pub struct TaskFacts<'a> {
    /// Its kind.
    pub kind: CallTaskKind,
    /// The machine's product line, when it is about one.
    pub product_line: Option<&'a str>,
    /// The machine's brand.
    pub brand: Option<&'a str>,
    /// The customer's district.
    pub district: &'a str,
}

fn matches(list: &[String], value: Option<&str>) -> bool {
    list.is_empty()
        || value.is_some_and(|v| list.iter().any(|x| x.trim().eq_ignore_ascii_case(v.trim())))
}

/// The assignee of a new task and how it was chosen (`rule <n>`, 1-based): the first
/// rule whose every list holds the task's value; no rule matching gives the callback
/// specialist (`default`). A district agent's queue without a district falls back to
/// the specialist too.
pub fn assign(rules: &[AssignmentRule], t: TaskFacts<'_>) -> (String, String) {
    for (i, r) in rules.iter().enumerate() {
        let kind_ok = r.kinds.is_empty() || r.kinds.contains(&t.kind);
        if kind_ok
            && matches(&r.product_lines, t.product_line)
            && matches(&r.brands, t.brand)
            && matches(&r.districts, Some(t.district))
        {
            let who = match &r.assignee {
                Assignee::CallbackSpecialist => SPECIALIST_QUEUE.to_owned(),
                Assignee::DistrictAgent if t.district.trim().is_empty() => {
                    SPECIALIST_QUEUE.to_owned()
                }
                Assignee::DistrictAgent => district_queue(t.district),
                Assignee::User { user } => user.clone(),
            };
            return (who, format!("rule {}", i + 1));
        }
    }
    (SPECIALIST_QUEUE.to_owned(), "default".to_owned())
}

/// The first working instant at or after `t` (the opening of the next working period
/// when `t` is outside working hours).
pub fn next_working_instant(t: DateTime<Utc>, cal: &BusinessCalendar) -> DateTime<Utc> {
    let step = Duration::minutes(1);
    cal.add_working_time(t, step) - step
}

/// When the consumables contact is due: `days_before` calendar days before the day the
/// consumable runs out, moved back to the working day before when that day is off, at
/// the opening of the day; never before `now` (a prediction that comes late is called at
/// once).
pub fn consumables_contact_due(
    empty_on: NaiveDate,
    days_before: u32,
    now: DateTime<Utc>,
    cal: &BusinessCalendar,
) -> DateTime<Utc> {
    let mut day = empty_on - Duration::days(i64::from(days_before));
    for _ in 0..60 {
        if cal.is_working_day(day) {
            break;
        }
        day -= Duration::days(1);
    }
    consumables_contact_at(day, now, cal)
}

/// When the consumables contact is due on the contact day inventory named (its configured
/// lead time before the run-out, on a working day): the opening of that day, never before
/// `now`.
pub fn consumables_contact_at(
    contact_on: NaiveDate,
    now: DateTime<Utc>,
    cal: &BusinessCalendar,
) -> DateTime<Utc> {
    next_working_instant(cal.start_of_day(contact_on), cal).max(next_working_instant(now, cal))
}

/// Working days an open task of `kind` may stay past its due time before it goes to the
/// manager: a complaint answer is due in one working day and escalates when unresolved
/// after two (so one past due), as do callbacks (called the day they are collected),
/// welcome calls (two working days from the card) and promised replies; the consumables
/// contact has until 3 working days later, a week's renewal or payment call 5.
pub fn escalation_days(kind: CallTaskKind) -> u32 {
    match kind {
        CallTaskKind::Callback
        | CallTaskKind::WelcomeCall
        | CallTaskKind::ComplaintAnswer
        | CallTaskKind::FollowUp => 1,
        CallTaskKind::ConsumablesContact => 3,
        CallTaskKind::Renewal | CallTaskKind::OverduePayment => 5,
    }
}

/// When an open task due at `due` escalates: [`escalation_days`] of working time later.
pub fn escalate_at(
    kind: CallTaskKind,
    due: DateTime<Utc>,
    cal: &BusinessCalendar,
) -> DateTime<Utc> {
    cal.add_working_time(
        next_working_instant(due, cal),
        cal.working_day_length() * i32::try_from(escalation_days(kind)).unwrap_or(1),
    )
}

/// Whether the sweep escalates a task now: open, past its escalation time, and never
/// escalated before (escalation happens once).
pub fn escalates(
    state: CallTaskState,
    escalate_at: DateTime<Utc>,
    escalated_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    state == CallTaskState::Open && escalated_at.is_none() && escalate_at <= now
}

/// Where a task sits in the queue at `now`: closed; later (not due yet); due now (due
/// today, the time has come); overdue (due on an earlier local day).
pub fn timing(
    state: CallTaskState,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
    cal: &BusinessCalendar,
) -> CallTaskTiming {
    if state == CallTaskState::Closed {
        CallTaskTiming::Closed
    } else if due > now {
        CallTaskTiming::Later
    } else if cal.local_date(due) == cal.local_date(now) {
        CallTaskTiming::DueNow
    } else {
        CallTaskTiming::Overdue
    }
}

/// How far ahead a next try may be set, in days.
pub const MAX_NEXT_TRY_DAYS: i64 = 60;

/// Working time before an unreachable customer is tried again when no time is given.
pub fn default_retry() -> Duration {
    Duration::hours(2)
}

/// The problems of an attempt at `now`: a busy customer needs the agreed time, a next try
/// goes with busy or unreachable only and lies in the next 60 days, the note is short.
pub fn check_attempt(
    outcome: CallOutcome,
    next_try_at: Option<DateTime<Utc>>,
    note: &str,
    now: DateTime<Utc>,
) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::NOTE.check(&mut e, "note", note.trim());
    let field = |code: &str, message: &str| FieldError {
        field: "next_try_at".into(),
        code: code.into(),
        message: message.into(),
    };
    match (outcome, next_try_at) {
        (CallOutcome::Busy, None) => e.push(field(
            "required",
            "a busy customer needs the time agreed to call again",
        )),
        (CallOutcome::Busy | CallOutcome::Unreachable, Some(t))
            if t <= now || t > now + Duration::days(MAX_NEXT_TRY_DAYS) =>
        {
            e.push(field(
                "out_of_range",
                "next_try_at must be in the next 60 days",
            ))
        }
        (CallOutcome::Reached | CallOutcome::Refused, Some(_)) => e.push(field(
            "not_allowed",
            "next_try_at goes with outcome busy or unreachable only",
        )),
        _ => {}
    }
    e
}

/// The task's next due time after an attempt at `now`, when it moves: a busy customer's
/// agreed time, an unreachable one's next try (given, or two working hours later).
pub fn due_after_attempt(
    outcome: CallOutcome,
    next_try_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    cal: &BusinessCalendar,
) -> Option<DateTime<Utc>> {
    match outcome {
        CallOutcome::Busy => next_try_at,
        CallOutcome::Unreachable => {
            Some(next_try_at.unwrap_or_else(|| cal.add_working_time(now, default_retry())))
        }
        CallOutcome::Reached | CallOutcome::Refused => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::cst;

    fn facts<'a>(
        kind: CallTaskKind,
        product_line: Option<&'a str>,
        brand: Option<&'a str>,
        district: &'a str,
    ) -> TaskFacts<'a> {
        TaskFacts {
            kind,
            product_line,
            brand,
            district,
        }
    }

    #[test]
    fn the_built_in_rules_split_calls_as_the_seeds_do() {
        let r = built_in_rules();
        use CallTaskKind::*;
        // Every work order's callback is the specialist's.
        assert_eq!(
            assign(
                &r,
                facts(Callback, Some("copier"), Some("Panasonic"), "Tianhe")
            )
            .0,
            SPECIALIST_QUEUE
        );
        // Welcome calls: Sharp fax and other brands to the specialist, Panasonic and
        // Sharp laser machines to the district's agent.
        assert_eq!(
            assign(&r, facts(WelcomeCall, Some("fax"), Some("Sharp"), "tianhe")),
            (SPECIALIST_QUEUE.to_owned(), "rule 4".to_owned())
        );
        assert_eq!(
            assign(
                &r,
                facts(WelcomeCall, Some("fax"), Some("Brother"), "tianhe")
            )
            .0,
            SPECIALIST_QUEUE
        );
        assert_eq!(
            assign(
                &r,
                facts(WelcomeCall, Some("fax"), Some("panasonic"), "Haizhu")
            ),
            ("district:haizhu".to_owned(), "rule 2".to_owned())
        );
        assert_eq!(
            assign(
                &r,
                facts(WelcomeCall, Some("copier"), Some("Sharp"), "baiyun")
            ),
            ("district:baiyun".to_owned(), "rule 3".to_owned())
        );
        // The agents chase their district's renewals, consumables and receipts.
        for kind in [
            Renewal,
            ConsumablesContact,
            ComplaintAnswer,
            FollowUp,
            OverduePayment,
        ] {
            assert_eq!(
                assign(&r, facts(kind, None, None, "yuexiu")).0,
                "district:yuexiu"
            );
        }
        // Without a district the specialist takes it.
        assert_eq!(
            assign(&r, facts(Renewal, None, None, " ")).0,
            SPECIALIST_QUEUE
        );
        assert!(check_rules(&r).is_empty());
    }

    #[test]
    fn a_company_rule_names_a_person_by_district_and_the_first_match_wins() {
        let rules = vec![
            AssignmentRule {
                kinds: vec![],
                product_lines: vec![],
                brands: vec![],
                districts: vec!["Tianhe".into(), "Huangpu".into()],
                assignee: Assignee::User {
                    user: "agent-7".into(),
                },
            },
            AssignmentRule {
                kinds: vec![CallTaskKind::Renewal],
                product_lines: vec![],
                brands: vec![],
                districts: vec![],
                assignee: Assignee::DistrictAgent,
            },
        ];
        assert_eq!(
            assign(&rules, facts(CallTaskKind::Renewal, None, None, "huangpu")),
            ("agent-7".to_owned(), "rule 1".to_owned())
        );
        assert_eq!(
            assign(&rules, facts(CallTaskKind::Renewal, None, None, "haizhu")).0,
            "district:haizhu"
        );
        // A brand rule does not match a task without a machine.
        let brand_only = vec![rule(&[], &[], &["Canon"], Assignee::DistrictAgent)];
        assert_eq!(
            assign(
                &brand_only,
                facts(CallTaskKind::OverduePayment, None, None, "haizhu")
            ),
            (SPECIALIST_QUEUE.to_owned(), "default".to_owned())
        );
    }

    #[test]
    fn bad_rules_are_named_by_field() {
        let mut r = built_in_rules();
        r[1].brands.push(" ".into());
        r[0].assignee = Assignee::User { user: "".into() };
        let fields: Vec<String> = check_rules(&r).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["rules[0].assignee.user", "rules[1].brands[1]"]);
        assert_eq!(check_rules(&[])[0].field, "rules");
    }

    #[test]
    fn the_consumables_contact_is_a_week_ahead_on_a_working_day() {
        let cal = BusinessCalendar::china();
        let early = cst(2026, 1, 5, 9, 0);
        // Runs out Monday 16 Nov 2026: called Monday 9 Nov at the opening.
        assert_eq!(
            consumables_contact_due(
                NaiveDate::from_ymd_opt(2026, 11, 16).expect("day"),
                7,
                early,
                &cal
            ),
            cst(2026, 11, 9, 8, 30)
        );
        // Runs out 8 Oct: 1 Oct is National Day, so the last working day before it,
        // Wednesday 30 Sep.
        assert_eq!(
            consumables_contact_due(
                NaiveDate::from_ymd_opt(2026, 10, 8).expect("day"),
                7,
                early,
                &cal
            ),
            cst(2026, 9, 30, 8, 30)
        );
        // Runs out 17 Oct: 10 Oct is a Saturday but a swapped working day (调休).
        assert_eq!(
            consumables_contact_due(
                NaiveDate::from_ymd_opt(2026, 10, 17).expect("day"),
                7,
                early,
                &cal
            ),
            cst(2026, 10, 10, 8, 30)
        );
        // The contact day inventory named (a 10-day lead time): its opening.
        assert_eq!(
            consumables_contact_at(
                NaiveDate::from_ymd_opt(2026, 11, 6).expect("day"),
                early,
                &cal
            ),
            cst(2026, 11, 6, 8, 30)
        );
        // Predicted late: called at once (the next working instant).
        let now = cst(2026, 11, 13, 19, 0);
        assert_eq!(
            consumables_contact_due(
                NaiveDate::from_ymd_opt(2026, 11, 16).expect("day"),
                7,
                now,
                &cal
            ),
            cst(2026, 11, 16, 8, 30)
        );
    }

    #[test]
    fn escalation_counts_working_days_across_holidays_and_swapped_days() {
        let cal = BusinessCalendar::china();
        // A complaint answer due Wednesday 30 Sep 15:00 escalates one working day later:
        // after National Day, Thursday 8 Oct 15:00.
        assert_eq!(
            escalate_at(CallTaskKind::ComplaintAnswer, cst(2026, 9, 30, 15, 0), &cal),
            cst(2026, 10, 8, 15, 0)
        );
        // Due Friday 9 Oct 10:00: the swapped working Saturday 10 Oct counts.
        assert_eq!(
            escalate_at(CallTaskKind::Callback, cst(2026, 10, 9, 10, 0), &cal),
            cst(2026, 10, 10, 10, 0)
        );
        // A renewal call due Monday at the opening has the whole working week.
        assert_eq!(
            escalate_at(CallTaskKind::Renewal, cst(2026, 11, 23, 8, 30), &cal),
            cst(2026, 11, 27, 17, 30)
        );
        // Due on a Friday night: counted from Monday's opening.
        assert_eq!(
            escalate_at(CallTaskKind::WelcomeCall, cst(2026, 11, 27, 20, 0), &cal),
            cst(2026, 11, 30, 17, 30)
        );
    }

    #[test]
    fn a_task_escalates_once() {
        let at = cst(2026, 11, 24, 9, 0);
        let open = CallTaskState::Open;
        assert!(!escalates(open, at, None, at - Duration::minutes(1)));
        assert!(escalates(open, at, None, at));
        assert!(!escalates(open, at, Some(at), at + Duration::days(3)));
        assert!(!escalates(CallTaskState::Closed, at, None, at));
    }

    #[test]
    fn the_queue_puts_today_s_calls_before_overdue_ones() {
        let cal = BusinessCalendar::china();
        let now = cst(2026, 11, 24, 10, 0);
        let open = CallTaskState::Open;
        assert_eq!(
            timing(open, cst(2026, 11, 24, 9, 0), now, &cal),
            CallTaskTiming::DueNow
        );
        assert_eq!(
            timing(open, cst(2026, 11, 23, 16, 0), now, &cal),
            CallTaskTiming::Overdue
        );
        assert_eq!(
            timing(open, cst(2026, 11, 24, 11, 0), now, &cal),
            CallTaskTiming::Later
        );
        // The local day counts: 00:30 CST is still the previous UTC day.
        assert_eq!(
            timing(open, cst(2026, 11, 24, 0, 30), now, &cal),
            CallTaskTiming::DueNow
        );
        assert_eq!(
            timing(CallTaskState::Closed, cst(2026, 11, 24, 9, 0), now, &cal),
            CallTaskTiming::Closed
        );
    }

    #[test]
    fn attempts_move_the_task_by_their_outcome() {
        let cal = BusinessCalendar::china();
        let now = cst(2026, 11, 24, 16, 30);
        let agreed = cst(2026, 11, 25, 10, 0);
        assert!(check_attempt(CallOutcome::Busy, Some(agreed), "", now).is_empty());
        let codes = |e: Vec<FieldError>| -> Vec<(String, String)> {
            e.into_iter().map(|e| (e.field, e.code)).collect()
        };
        assert_eq!(
            codes(check_attempt(CallOutcome::Busy, None, "", now)),
            [("next_try_at".to_owned(), "required".to_owned())]
        );
        assert_eq!(
            codes(check_attempt(CallOutcome::Reached, Some(agreed), "", now)),
            [("next_try_at".to_owned(), "not_allowed".to_owned())]
        );
        assert_eq!(
            codes(check_attempt(
                CallOutcome::Unreachable,
                Some(now),
                &"x".repeat(501),
                now
            )),
            [
                ("note".to_owned(), "too_long".to_owned()),
                ("next_try_at".to_owned(), "out_of_range".to_owned())
            ]
        );
        assert_eq!(
            due_after_attempt(CallOutcome::Busy, Some(agreed), now, &cal),
            Some(agreed)
        );
        // Unreachable at 16:30: two working hours later is 09:30 the next morning.
        assert_eq!(
            due_after_attempt(CallOutcome::Unreachable, None, now, &cal),
            Some(cst(2026, 11, 25, 9, 30))
        );
        assert_eq!(
            due_after_attempt(CallOutcome::Reached, None, now, &cal),
            None
        );
    }
}
