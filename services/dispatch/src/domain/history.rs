//! A work order's history as the API shows it: each stored row (who, when, from and to
//! state, the technician an assignment chose, the recorded reason) read as the kind of
//! change it was.
use aftercare_contracts::dispatch::{
    TimeWindow, WorkOrderChange, WorkOrderHistoryEntry, WorkOrderStatus,
};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One stored history row.
#[derive(Debug, Clone)]
pub struct StoredRow {
    /// When.
    pub at: DateTime<Utc>,
    /// State before (absent on creation).
    pub from: Option<WorkOrderStatus>,
    /// State after.
    pub to: WorkOrderStatus,
    /// The technician an assignment chose (rows written since it is kept).
    pub technician_id: Option<Uuid>,
    /// Who.
    pub actor: String,
    /// The recorded reason.
    pub reason: String,
}

/// `appointment <start> – <end>` as the store writes a booking.
fn appointment(reason: &str) -> Option<TimeWindow> {
    let rest = reason.strip_prefix("appointment ")?;
    let (start, end) = rest.split_once(" – ")?;
    Some(TimeWindow {
        start: DateTime::parse_from_rfc3339(start.trim()).ok()?.to_utc(),
        end: DateTime::parse_from_rfc3339(end.trim()).ok()?.to_utc(),
    })
}

/// Reads a stored row as the change it records.
pub fn entry(row: StoredRow) -> WorkOrderHistoryEntry {
    let moved = row.from.is_some_and(|f| f != row.to);
    let change = if row.from.is_none() {
        WorkOrderChange::Created
    } else if row.reason == "visit report" {
        WorkOrderChange::VisitReported
    } else if row.technician_id.is_some() || (moved && row.to == WorkOrderStatus::Assigned) {
        WorkOrderChange::Assigned
    } else if moved && row.to == WorkOrderStatus::Unassigned {
        WorkOrderChange::Unassigned
    } else if moved {
        WorkOrderChange::StatusChanged
    } else if appointment(&row.reason).is_some() {
        WorkOrderChange::AppointmentBooked
    } else if row.reason.starts_with("parts requested: ") {
        WorkOrderChange::PartsRequested
    } else if row.actor == "inventory" {
        WorkOrderChange::PartsUpdated
    } else {
        WorkOrderChange::Noted
    };
    WorkOrderHistoryEntry {
        at: row.at,
        change,
        from_status: row.from,
        to_status: row.to,
        technician_id: row.technician_id,
        appointment: (change == WorkOrderChange::AppointmentBooked)
            .then(|| appointment(&row.reason))
            .flatten(),
        actor: row.actor,
        actor_name: None,
        reason: row.reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use WorkOrderStatus::*;

    fn row(
        from: Option<WorkOrderStatus>,
        to: WorkOrderStatus,
        technician_id: Option<Uuid>,
        actor: &str,
        reason: &str,
    ) -> StoredRow {
        StoredRow {
            at: DateTime::from_timestamp_millis(1_800_000_000_000).unwrap_or_default(),
            from,
            to,
            technician_id,
            actor: actor.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn creation_keeps_the_technician_and_the_reasons() {
        let t = Uuid::now_v7();
        let e = entry(row(None, Assigned, Some(t), "dispatch", "score 80"));
        assert_eq!(e.change, WorkOrderChange::Created);
        assert_eq!(e.technician_id, Some(t));
        assert_eq!(e.reason, "score 80");
    }

    #[test]
    fn assignments_by_hand_name_the_technician_even_on_a_reassignment() {
        let t = Uuid::now_v7();
        let e = entry(row(
            Some(Assigned),
            Assigned,
            Some(t),
            "d-1",
            "closer to the site",
        ));
        assert_eq!(e.change, WorkOrderChange::Assigned);
        assert_eq!(e.technician_id, Some(t));
        let old = entry(row(Some(Unassigned), Assigned, None, "d-1", "by hand"));
        assert_eq!(old.change, WorkOrderChange::Assigned);
        let nobody = entry(row(Some(Assigned), Unassigned, None, "d-1", "again"));
        assert_eq!(nobody.change, WorkOrderChange::Unassigned);
    }

    #[test]
    fn progress_a_report_and_a_cancellation_are_told_apart() {
        assert_eq!(
            entry(row(Some(Assigned), Accepted, None, "t-1", "")).change,
            WorkOrderChange::StatusChanged
        );
        assert_eq!(
            entry(row(Some(OnSite), Completed, None, "t-1", "visit report")).change,
            WorkOrderChange::VisitReported
        );
        assert_eq!(
            entry(row(Some(Assigned), Cancelled, None, "d-1", "duplicate")).change,
            WorkOrderChange::StatusChanged
        );
    }

    #[test]
    fn an_appointment_carries_its_window() {
        let e = entry(row(
            Some(Assigned),
            Assigned,
            None,
            "a-1",
            "appointment 2026-12-07T01:00:00+00:00 – 2026-12-07T03:00:00+00:00",
        ));
        assert_eq!(e.change, WorkOrderChange::AppointmentBooked);
        let w = e.appointment.expect("window");
        assert_eq!(w.start.to_rfc3339(), "2026-12-07T01:00:00+00:00");
        assert_eq!(w.end.to_rfc3339(), "2026-12-07T03:00:00+00:00");
    }

    #[test]
    fn parts_requests_and_inventory_answers_are_told_apart() {
        assert_eq!(
            entry(row(
                Some(Assigned),
                Assigned,
                None,
                "t-1",
                "parts requested: DRUM-1 ×1"
            ))
            .change,
            WorkOrderChange::PartsRequested
        );
        assert_eq!(
            entry(row(
                Some(Assigned),
                Assigned,
                None,
                "inventory",
                "parts backordered"
            ))
            .change,
            WorkOrderChange::PartsUpdated
        );
        assert_eq!(
            entry(row(Some(Assigned), Assigned, None, "d-1", "something else")).change,
            WorkOrderChange::Noted
        );
    }
}
