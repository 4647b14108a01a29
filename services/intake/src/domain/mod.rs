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

use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{OpenTicket, TicketStatus, TicketType};
use aftercare_contracts::rpc::check_text;

/// Field length limits, documented in the API reference.
pub mod limits {
    /// Customer or company name.
    pub const NAME: usize = 200;
    /// Phone number.
    pub const PHONE: usize = 32;
    /// Street address.
    pub const ADDRESS: usize = 500;
    /// District code.
    pub const DISTRICT: usize = 64;
    /// Symptom description.
    pub const SYMPTOM: usize = 4000;
    /// Product line, brand, model, serial.
    pub const MACHINE_FIELD: usize = 100;
    /// Attachments per ticket.
    pub const ATTACHMENTS: usize = 20;
    /// Largest attachment, bytes.
    pub const ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;
}

/// Every problem with a new ticket, each naming its field.
pub fn validate(req: &OpenTicket) -> Vec<FieldError> {
    let mut e = Vec::new();
    check_text(&mut e, "symptom", &req.symptom, 1, limits::SYMPTOM);
    check_text(&mut e, "customer.name", &req.customer.name, 1, limits::NAME);
    check_text(
        &mut e,
        "customer.phone",
        &req.customer.phone,
        5,
        limits::PHONE,
    );
    if !req
        .customer
        .phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
    {
        e.push(FieldError {
            field: "customer.phone".into(),
            code: "invalid".into(),
            message: "customer.phone may contain only digits, spaces and + - ( )".into(),
        });
    }
    check_text(
        &mut e,
        "customer.address",
        &req.customer.address,
        0,
        limits::ADDRESS,
    );
    check_text(
        &mut e,
        "customer.district",
        &req.customer.district,
        1,
        limits::DISTRICT,
    );
    if let Some(r) = &req.reporter {
        check_text(&mut e, "reporter.name", &r.name, 1, limits::NAME);
        if let Some(p) = &r.phone {
            check_text(&mut e, "reporter.phone", p, 5, limits::PHONE);
        }
    }
    if req.attachments.len() > limits::ATTACHMENTS {
        e.push(FieldError {
            field: "attachments".into(),
            code: "out_of_range".into(),
            message: format!("at most {} attachments", limits::ATTACHMENTS),
        });
    }
    for (i, a) in req.attachments.iter().enumerate() {
        check_text(&mut e, &format!("attachments[{i}].name"), &a.name, 1, 200);
        check_text(
            &mut e,
            &format!("attachments[{i}].content_type"),
            &a.content_type,
            1,
            100,
        );
        check_text(&mut e, &format!("attachments[{i}].url"), &a.url, 1, 2000);
        if a.size_bytes > limits::ATTACHMENT_BYTES {
            e.push(FieldError {
                field: format!("attachments[{i}].size_bytes"),
                code: "out_of_range".into(),
                message: "an attachment is at most 50 MiB".into(),
            });
        }
    }
    if let Some(m) = &req.machine {
        check_text(
            &mut e,
            "machine.product_line",
            &m.product_line,
            1,
            limits::MACHINE_FIELD,
        );
        check_text(&mut e, "machine.brand", &m.brand, 1, limits::MACHINE_FIELD);
        check_text(&mut e, "machine.model", &m.model, 1, limits::MACHINE_FIELD);
        check_text(
            &mut e,
            "machine.serial",
            &m.serial,
            1,
            limits::MACHINE_FIELD,
        );
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
