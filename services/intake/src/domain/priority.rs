//! Priority rules, free of I/O: the first rule whose conditions all hold sets a new
//! ticket's priority (type, keywords in the symptom, machine down, customer tier). The
//! company edits the rules; these are the defaults.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{CustomerTier, Priority, PriorityRule, TicketType};

/// Most rules in a set.
pub const MAX_RULES: usize = limits::RULES.max;

fn rule(
    ticket_type: Option<TicketType>,
    keywords: &[&str],
    machine_down: Option<bool>,
    tier: Option<CustomerTier>,
    priority: Priority,
    note: &str,
) -> PriorityRule {
    PriorityRule {
        ticket_type,
        keywords: keywords.iter().map(|k| (*k).to_owned()).collect(),
        machine_down,
        tier,
        priority,
        note: note.into(),
    }
}

/// The default rules: safety first, then a machine down at a key account, any machine
/// down, complaints, faults, planned work; everything else P4.
pub fn default_rules() -> Vec<PriorityRule> {
    use CustomerTier::KeyAccount;
    use TicketType::*;
    vec![
        rule(
            None,
            &[
                "冒烟",
                "起火",
                "着火",
                "漏电",
                "smoke",
                "fire",
                "burning",
                "electric shock",
            ],
            None,
            None,
            Priority::P1,
            "safety",
        ),
        rule(
            Some(Fault),
            &[],
            Some(true),
            Some(KeyAccount),
            Priority::P1,
            "key account without its machine",
        ),
        rule(
            Some(Fault),
            &[],
            Some(true),
            None,
            Priority::P1,
            "machine down",
        ),
        rule(
            Some(Complaint),
            &[],
            None,
            None,
            Priority::P2,
            "a complaint is answered within a working day",
        ),
        rule(
            Some(Fault),
            &[],
            None,
            Some(KeyAccount),
            Priority::P2,
            "key account fault",
        ),
        rule(Some(Fault), &[], None, None, Priority::P2, "fault"),
        rule(
            Some(Installation),
            &[],
            None,
            None,
            Priority::P3,
            "planned work",
        ),
        rule(
            Some(Maintenance),
            &[],
            None,
            None,
            Priority::P3,
            "planned work",
        ),
        rule(Some(Return), &[], None, None, Priority::P3, "return"),
    ]
}

/// The priority of a new ticket and the position of the rule that set it (`None`: no
/// rule matched, P4).
pub fn evaluate(
    rules: &[PriorityRule],
    ticket_type: TicketType,
    symptom: &str,
    machine_down: bool,
    tier: CustomerTier,
) -> (Priority, Option<usize>) {
    let text = symptom.to_lowercase();
    rules
        .iter()
        .position(|r| {
            r.ticket_type.is_none_or(|t| t == ticket_type)
                && r.machine_down.is_none_or(|d| d == machine_down)
                && r.tier.is_none_or(|t| t == tier)
                && (r.keywords.is_empty()
                    || r.keywords.iter().any(|k| text.contains(&k.to_lowercase())))
        })
        .map(|i| (rules[i].priority, Some(i)))
        .unwrap_or((Priority::P4, None))
}

/// Every problem with a rule set, each naming its field.
pub fn validate(rules: &[PriorityRule]) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::RULES.allows(rules.len()) {
        e.push(FieldError {
            field: "rules".into(),
            code: "out_of_range".into(),
            message: format!("between 1 and {MAX_RULES} rules"),
        });
    }
    for (i, r) in rules.iter().enumerate() {
        limits::RULE_NOTE.check(&mut e, &format!("rules[{i}].note"), &r.note);
        if !limits::KEYWORDS.allows(r.keywords.len()) {
            e.push(FieldError {
                field: format!("rules[{i}].keywords"),
                code: "out_of_range".into(),
                message: "at most 50 keywords".into(),
            });
        }
        for (j, k) in r.keywords.iter().enumerate() {
            limits::KEYWORD
                .0
                .check(&mut e, &format!("rules[{i}].keywords[{j}]"), k);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use CustomerTier::*;
    use TicketType::*;

    #[test]
    fn the_defaults_rank_safety_downtime_and_key_accounts() {
        let r = default_rules();
        assert_eq!(
            evaluate(&r, Fault, "复印机冒烟了", false, Standard).0,
            Priority::P1
        );
        assert_eq!(
            evaluate(&r, Consultation, "there is SMOKE", false, Standard),
            (Priority::P1, Some(0))
        );
        assert_eq!(
            evaluate(&r, Fault, "jam", true, KeyAccount),
            (Priority::P1, Some(1))
        );
        assert_eq!(
            evaluate(&r, Fault, "jam", true, Standard),
            (Priority::P1, Some(2))
        );
        assert_eq!(
            evaluate(&r, Fault, "jam", false, KeyAccount),
            (Priority::P2, Some(4))
        );
        assert_eq!(
            evaluate(&r, Complaint, "late", false, Standard).0,
            Priority::P2
        );
        assert_eq!(
            evaluate(&r, Maintenance, "yearly", false, Standard).0,
            Priority::P3
        );
        assert_eq!(
            evaluate(&r, Consultation, "how do I scan", false, Standard),
            (Priority::P4, None)
        );
    }

    #[test]
    fn the_first_matching_rule_wins_and_every_condition_counts() {
        let r = vec![
            rule(Some(Fault), &["drum"], Some(false), None, Priority::P3, ""),
            rule(Some(Fault), &[], None, None, Priority::P2, ""),
        ];
        assert_eq!(
            evaluate(&r, Fault, "DRUM streaks", false, Standard).0,
            Priority::P3
        );
        assert_eq!(
            evaluate(&r, Fault, "drum streaks", true, Standard).0,
            Priority::P2
        );
        assert_eq!(
            evaluate(&r, Consultation, "drum", false, Standard).0,
            Priority::P4
        );
    }

    #[test]
    fn rule_sets_are_validated() {
        assert!(validate(&default_rules()).is_empty());
        assert_eq!(validate(&[])[0].field, "rules");
        let mut r = default_rules();
        r[0].keywords.push(String::new());
        assert!(
            validate(&r)
                .iter()
                .any(|e| e.field.starts_with("rules[0].keywords["))
        );
    }
}
