//! The sample objects tests at every tier start from, written once: a ticket as an agent
//! opens it by phone, a visit as dispatch reports it done, and the member of staff who
//! sends a request.
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::{Actor, Role};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

/// The first member of staff in `role` (`agent-1`, `admin-1`, …), as the gateway names
/// the caller of a request.
pub fn staff(role: Role) -> Actor {
    Actor {
        user_id: format!("{}-1", role.name()),
        role: role.name().to_owned(),
    }
}

/// The body of `POST /tickets` (and of `svc.intake.ticket.open`): a copier fault phoned in
/// by a customer in Tianhe, the machine named by `serial`.
pub fn ticket_body(serial: &str) -> Value {
    json!({
        "channel": "phone",
        "type": "fault",
        "symptom": "复印件有黑线 / black streaks",
        "customer": {"name": "Tianhe Printing", "phone": "+86 20 5555 0101", "address": "1 Tianhe Rd", "district": "tianhe"},
        "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": serial}
    })
}

/// A 45-minute visit in Tianhe finished at `finished_at`, no parts, no cash, as
/// `dispatch.workorder.completed` carries it; fresh ids each time.
pub fn work_order_completed(finished_at: DateTime<Utc>) -> WorkOrderCompleted {
    WorkOrderCompleted {
        work_order_id: uuid::Uuid::now_v7(),
        number: "W2026-000001".into(),
        ticket_id: uuid::Uuid::now_v7(),
        technician_id: uuid::Uuid::now_v7(),
        technician_name: "Li Wei".into(),
        team: "tianhe".into(),
        customer_name: "Tianhe Printing".into(),
        district: "tianhe".into(),
        machine: None,
        started_at: finished_at - chrono::Duration::minutes(45),
        finished_at,
        diagnosis: "fuser cleaned".into(),
        fault: None,
        parts: vec![],
        meter_reading: None,
        work_type: Default::default(),
        cash_collected: None,
        revisit_of: None,
        return_visit_needed: false,
        return_visit_note: String::new(),
    }
}
