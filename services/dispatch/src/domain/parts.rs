//! Parts for a work order: what a parts request holds, and what inventory's answers do
//! to the order (held, backordered: the appointment is released and the order stays off
//! routes until the parts come, arrived: ready to book).
use aftercare_contracts::dispatch::{PartUsed, PartsStatus, WorkOrder};
use aftercare_contracts::inventory::ReservedLine;

use super::{may_assign, may_report};

/// The lines of a checked parts request as stored and announced: SKU and location
/// trimmed.
pub fn requested(parts: &[PartUsed]) -> Vec<PartUsed> {
    parts
        .iter()
        .map(|p| PartUsed {
            sku: p.sku.trim().to_owned(),
            quantity: p.quantity,
            location: p.location.as_deref().map(|l| l.trim().to_owned()),
        })
        .collect()
}

/// The history note of a parts request: `parts requested: SKU ×n, …`.
pub fn requested_note(parts: &[PartUsed]) -> String {
    let list: Vec<String> = parts
        .iter()
        .map(|p| format!("{} ×{}", p.sku, p.quantity))
        .collect();
    format!("parts requested: {}", list.join(", "))
}

/// What a fulfilled backorder means for the work order: everything in (arrived), or
/// still waiting for the rest (backordered).
pub fn after_fulfilment(complete: bool) -> PartsStatus {
    if complete {
        PartsStatus::Arrived
    } else {
        PartsStatus::Backordered
    }
}

/// How an answer changes a work order: its parts status, whether the appointment is
/// released, and the history note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartsChange {
    /// The order's new parts status.
    pub status: PartsStatus,
    /// The appointment is given up until the parts come.
    pub release_appointment: bool,
    /// The history note, naming the lines.
    pub note: String,
}

fn lines_text(lines: &[ReservedLine]) -> String {
    lines
        .iter()
        .map(|l| match &l.location {
            Some(at) => format!("{} ×{} at {at}", l.sku, l.quantity),
            None => format!("{} ×{}", l.sku, l.quantity),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What inventory's `answer` about `lines` does to `w`: nothing for an order that is
/// closed or no longer waits for assignment or a visit, nor for a reservation after a
/// backorder (the arrival says it); a backorder releases a booked appointment.
pub fn answer_change(
    w: &WorkOrder,
    answer: PartsStatus,
    lines: &[ReservedLine],
) -> Option<PartsChange> {
    if !(may_assign(w.status) || may_report(w.status)) {
        return None;
    }
    let text = lines_text(lines);
    match answer {
        PartsStatus::Reserved if w.parts_status != Some(PartsStatus::Backordered) => {
            Some(PartsChange {
                status: answer,
                release_appointment: false,
                note: format!("parts reserved: {text}"),
            })
        }
        PartsStatus::Reserved => None,
        PartsStatus::Backordered => {
            let release = w.appointment.is_some();
            let note = if release {
                format!("parts backordered: {text}; appointment released until they arrive")
            } else {
                format!("parts backordered: {text}")
            };
            Some(PartsChange {
                status: answer,
                release_appointment: release,
                note,
            })
        }
        PartsStatus::Arrived => Some(PartsChange {
            status: answer,
            release_appointment: false,
            note: format!("parts arrived: {text}; book the visit"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::dispatch::{TimeWindow, WorkOrderStatus};
    use chrono::{DateTime, Utc};

    fn order(status: WorkOrderStatus) -> WorkOrder {
        serde_json::from_value(serde_json::json!({
            "id": uuid::Uuid::nil(), "number": "W1", "ticket_id": uuid::Uuid::nil(),
            "ticket_number": "T1", "status": status, "priority": "p3",
            "customer_name": "", "district": "", "work_type": "repair",
            "required_skills": [], "estimated_minutes": 60, "address": "",
            "assignment_reasons": [], "flagged": false, "parts": [], "parts_requested": [], "history": [],
            "created_at": DateTime::<Utc>::UNIX_EPOCH, "version": 1
        }))
        .expect("work order")
    }

    fn line(sku: &str, at: Option<&str>) -> ReservedLine {
        ReservedLine {
            sku: sku.into(),
            quantity: 2,
            location: at.map(str::to_owned),
        }
    }

    #[test]
    fn a_backorder_releases_a_booked_appointment() {
        let mut w = order(WorkOrderStatus::Assigned);
        let lines = [line("DRUM-1", Some("main")), line("FUSER-2", None)];
        let c = answer_change(&w, PartsStatus::Backordered, &lines).expect("change");
        assert_eq!(
            c,
            PartsChange {
                status: PartsStatus::Backordered,
                release_appointment: false,
                note: "parts backordered: DRUM-1 ×2 at main, FUSER-2 ×2".into(),
            }
        );
        w.appointment = Some(TimeWindow {
            start: DateTime::<Utc>::UNIX_EPOCH,
            end: DateTime::<Utc>::UNIX_EPOCH + chrono::Duration::hours(2),
        });
        let c = answer_change(&w, PartsStatus::Backordered, &lines).expect("change");
        assert!(c.release_appointment);
        assert!(c.note.ends_with("; appointment released until they arrive"));
    }

    #[test]
    fn a_reservation_after_a_backorder_waits_for_the_arrival() {
        let mut w = order(WorkOrderStatus::Accepted);
        let lines = [line("DRUM-1", None)];
        assert_eq!(
            answer_change(&w, PartsStatus::Reserved, &lines).map(|c| c.note),
            Some("parts reserved: DRUM-1 ×2".into())
        );
        w.parts_status = Some(PartsStatus::Backordered);
        assert_eq!(answer_change(&w, PartsStatus::Reserved, &lines), None);
        assert_eq!(
            answer_change(&w, PartsStatus::Arrived, &lines).map(|c| c.note),
            Some("parts arrived: DRUM-1 ×2; book the visit".into())
        );
    }

    #[test]
    fn closed_orders_ignore_answers() {
        for s in [WorkOrderStatus::Completed, WorkOrderStatus::Cancelled] {
            assert_eq!(
                answer_change(&order(s), PartsStatus::Arrived, &[line("X", None)]),
                None
            );
        }
    }

    #[test]
    fn requests_are_trimmed_and_noted_and_fulfilment_may_be_partial() {
        let parts = requested(&[PartUsed {
            sku: " DRUM-1 ".into(),
            quantity: 3,
            location: Some(" van ".into()),
        }]);
        assert_eq!(
            (parts[0].sku.as_str(), parts[0].location.as_deref()),
            ("DRUM-1", Some("van"))
        );
        assert_eq!(requested_note(&parts), "parts requested: DRUM-1 ×3");
        assert_eq!(after_fulfilment(true), PartsStatus::Arrived);
        assert_eq!(after_fulfilment(false), PartsStatus::Backordered);
    }
}
