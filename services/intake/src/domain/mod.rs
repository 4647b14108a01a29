//! Intake's rules, free of I/O: validation of a new ticket (its priority in [`priority`]), and which
//! status changes dispatch and survey events may cause.
pub mod codes;
pub mod customers;
pub mod history;
pub mod lifecycle;
pub mod notify;
pub mod numbering;
pub mod priority;
pub mod records;
pub mod report;
pub mod returns;
pub mod settings;
pub mod sla;

#[cfg(test)]
mod schema_limits;

use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{OpenTicket, TicketStatus, TicketType};

pub use aftercare_contracts::intake::limits;

/// Every problem with a new ticket, each naming its field.
pub fn validate(req: &OpenTicket) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::SYMPTOM.check(&mut e, "symptom", &req.symptom);
    limits::NAME.check(&mut e, "customer.name", &req.customer.name);
    customers::check_phone(&mut e, "customer.phone", &req.customer.phone);
    limits::ADDRESS.check(&mut e, "customer.address", &req.customer.address);
    limits::DISTRICT.check(&mut e, "customer.district", &req.customer.district);
    if let Some(r) = &req.reporter {
        limits::NAME.check(&mut e, "reporter.name", &r.name);
        if let Some(p) = &r.phone {
            customers::check_phone(&mut e, "reporter.phone", p);
        }
    }
    if !limits::ATTACHMENTS.allows(req.attachments.len()) {
        e.push(FieldError {
            field: "attachments".into(),
            code: "out_of_range".into(),
            message: format!("at most {} attachments", limits::ATTACHMENTS.max),
        });
    }
    for (i, a) in req.attachments.iter().enumerate() {
        limits::FILE_NAME.check(&mut e, &format!("attachments[{i}].name"), &a.name);
        limits::CONTENT_TYPE.check(
            &mut e,
            &format!("attachments[{i}].content_type"),
            &a.content_type,
        );
        limits::URL.check(&mut e, &format!("attachments[{i}].url"), &a.url);
        if !limits::ATTACHMENT_BYTES.contains(i64::try_from(a.size_bytes).unwrap_or(i64::MAX)) {
            e.push(FieldError {
                field: format!("attachments[{i}].size_bytes"),
                code: "out_of_range".into(),
                message: "an attachment is at most 50 MiB".into(),
            });
        }
    }
    if let Some(m) = &req.machine {
        e.extend(customers::validate_machine_info("machine.", m));
    }
    e
}

/// The status a ticket starts in.
pub fn initial_status(ticket_type: TicketType) -> TicketStatus {
    if ticket_type.needs_visit() {
        TicketStatus::NeedsVisit
    } else {
        TicketStatus::New
    }
}

/// Progress of a ticket along the visit path, for events (`None`: events do not move it).
fn rank(s: TicketStatus) -> Option<u8> {
    match s {
        TicketStatus::New | TicketStatus::Triaged | TicketStatus::Reopened => Some(0),
        // Waiting for the customer: dispatch's booking, the return for parts and the
        // finished visit still move it on.
        TicketStatus::NeedsVisit | TicketStatus::WaitingForCustomer => Some(1),
        TicketStatus::InService => Some(2),
        TicketStatus::WaitingForParts => Some(3),
        TicketStatus::Resolved => Some(4),
        TicketStatus::ResolvedRemotely | TicketStatus::Closed | TicketStatus::Cancelled => None,
    }
}

/// Whether an event may move a ticket from `from` to `to`. Events only move a ticket
/// forward, so a late or replayed event never undoes newer progress, and never touch a
/// ticket that is closed, cancelled or was resolved on the phone.
pub fn event_may_move(from: TicketStatus, to: TicketStatus) -> bool {
    match (rank(from), rank(to)) {
        (Some(f), Some(t)) => t > f,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::intake::{Channel, CustomerInfo};

    fn req() -> OpenTicket {
        OpenTicket {
            channel: Channel::Phone,
            ticket_type: TicketType::Fault,
            symptom: "paper jam".into(),
            customer: CustomerInfo {
                name: "ACME".into(),
                phone: "+86 20 1234 5678".into(),
                address: String::new(),
                district: "tianhe".into(),
            },
            machine: None,
            machine_down: false,
            customer_id: None,
            return_reason: None,
            reporter: None,
            attachments: vec![],
            request_key: None,
        }
    }

    #[test]
    fn a_complete_request_is_valid() {
        assert!(validate(&req()).is_empty());
    }

    #[test]
    fn blank_long_and_malformed_fields_are_named() {
        let mut r = req();
        r.symptom = "   ".into();
        r.customer.name = "x".repeat(201);
        r.customer.phone = "call me".into();
        let fields: Vec<String> = validate(&r)
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect();
        assert!(fields.contains(&"symptom:required".to_owned()));
        assert!(fields.contains(&"customer.name:too_long".to_owned()));
        assert!(fields.contains(&"customer.phone:invalid".to_owned()));
    }

    #[test]
    fn events_only_move_tickets_forward() {
        assert!(event_may_move(
            TicketStatus::NeedsVisit,
            TicketStatus::InService
        ));
        assert!(event_may_move(
            TicketStatus::InService,
            TicketStatus::Resolved
        ));
        assert!(!event_may_move(
            TicketStatus::Resolved,
            TicketStatus::InService
        ));
        assert!(!event_may_move(
            TicketStatus::Closed,
            TicketStatus::Resolved
        ));
        assert_eq!(initial_status(TicketType::Fault), TicketStatus::NeedsVisit);
        assert_eq!(initial_status(TicketType::Consultation), TicketStatus::New);
    }
}
