//! A ticket's history as the API shows it: each stored row (who, when, from and to state,
//! the recorded reason) read as the kind of change it was.
use aftercare_contracts::intake::{Priority, TicketChange, TicketHistoryEntry, TicketStatus};
use chrono::{DateTime, Utc};

/// One stored history row.
#[derive(Debug, Clone)]
pub struct StoredRow {
    /// When.
    pub at: DateTime<Utc>,
    /// State before (absent on opening).
    pub from: Option<TicketStatus>,
    /// State after.
    pub to: TicketStatus,
    /// Who.
    pub actor: String,
    /// The recorded reason.
    pub reason: String,
}

fn priority(text: &str) -> Option<Priority> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).ok()
}

/// `priority p3 → p1: why` as the store writes a priority override.
fn priority_change(reason: &str) -> Option<(Priority, Priority, String)> {
    let rest = reason.strip_prefix("priority ")?;
    let (from, rest) = rest.split_once(" → ")?;
    let (to, why) = rest.split_once(':').unwrap_or((rest, ""));
    Some((priority(from)?, priority(to)?, why.trim().to_owned()))
}

/// Reads a stored row as the change it records.
pub fn entry(row: StoredRow) -> TicketHistoryEntry {
    let mut e = TicketHistoryEntry {
        at: row.at,
        actor: row.actor,
        actor_name: None,
        change: TicketChange::Noted,
        from_status: row.from,
        to_status: row.to,
        from_priority: None,
        to_priority: None,
        owner: None,
        owner_name: None,
        reason: row.reason,
    };
    match row.from {
        None => e.change = TicketChange::Opened,
        Some(from) if from != row.to => e.change = TicketChange::StatusChanged,
        Some(_) => {
            if let Some((from, to, why)) = priority_change(&e.reason) {
                e.change = TicketChange::PriorityChanged;
                e.from_priority = Some(from);
                e.to_priority = Some(to);
                e.reason = why;
            } else if let Some(owner) = e.reason.strip_prefix("owner: ") {
                e.change = TicketChange::OwnerChanged;
                e.owner = Some(owner.trim().to_owned());
                e.reason = String::new();
            } else if e.reason.starts_with("escalated to the manager") {
                e.change = TicketChange::Escalated;
            }
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(from: Option<TicketStatus>, to: TicketStatus, reason: &str) -> StoredRow {
        StoredRow {
            at: DateTime::from_timestamp_millis(1_800_000_000_000).unwrap_or_default(),
            from,
            to,
            actor: "agent-1".into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn the_first_row_is_the_opening() {
        let e = entry(row(None, TicketStatus::New, "opened by phone"));
        assert_eq!(e.change, TicketChange::Opened);
        assert_eq!(e.from_status, None);
        assert_eq!(e.reason, "opened by phone");
    }

    #[test]
    fn a_move_is_a_status_change_with_its_reason() {
        let e = entry(row(
            Some(TicketStatus::New),
            TicketStatus::Cancelled,
            "customer withdrew",
        ));
        assert_eq!(e.change, TicketChange::StatusChanged);
        assert_eq!(e.from_status, Some(TicketStatus::New));
        assert_eq!(e.to_status, TicketStatus::Cancelled);
        assert_eq!(e.reason, "customer withdrew");
    }

    #[test]
    fn a_priority_override_names_both_priorities_and_keeps_the_reason() {
        let e = entry(row(
            Some(TicketStatus::New),
            TicketStatus::New,
            "priority p3 → p1: hospital: the only copier is down",
        ));
        assert_eq!(e.change, TicketChange::PriorityChanged);
        assert_eq!(e.from_priority, Some(Priority::P3));
        assert_eq!(e.to_priority, Some(Priority::P1));
        assert_eq!(e.reason, "hospital: the only copier is down");
    }

    #[test]
    fn an_owner_change_names_the_account() {
        let e = entry(row(
            Some(TicketStatus::Triaged),
            TicketStatus::Triaged,
            "owner: 0190-abc",
        ));
        assert_eq!(e.change, TicketChange::OwnerChanged);
        assert_eq!(e.owner.as_deref(), Some("0190-abc"));
        assert_eq!(e.reason, "");
    }

    #[test]
    fn an_escalation_and_other_notes_are_told_apart() {
        let e = entry(row(
            Some(TicketStatus::Triaged),
            TicketStatus::Triaged,
            "escalated to the manager: not resolved within two working days",
        ));
        assert_eq!(e.change, TicketChange::Escalated);
        let e = entry(row(
            Some(TicketStatus::Triaged),
            TicketStatus::Triaged,
            "priority of the machine noted",
        ));
        assert_eq!(e.change, TicketChange::Noted);
        assert_eq!(e.from_priority, None);
    }
}
