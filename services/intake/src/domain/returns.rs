//! Returns (退货), free of I/O: a machine may be returned within the product line's window
//! after purchase, with a reason; a customer who does not know how to use it gets one free
//! training visit first.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{OpenTicket, ReturnReason, TicketType};
use chrono::NaiveDate;

fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Every problem with a return request; `return_days` is the product line's window
/// (`None`: the product line is not configured).
pub fn check(req: &OpenTicket, today: NaiveDate, return_days: Option<u32>) -> Vec<FieldError> {
    let mut e = Vec::new();
    if req.ticket_type != TicketType::Return {
        if req.return_reason.is_some() {
            e.push(error(
                "return_reason",
                "not_allowed",
                "a return reason is given only for returns",
            ));
        }
        return e;
    }
    if req.return_reason.is_none() {
        e.push(error(
            "return_reason",
            "required",
            "say why the machine is returned",
        ));
    }
    let Some(m) = &req.machine else {
        e.push(error("machine", "required", "a return names the machine"));
        return e;
    };
    let Some(days) = return_days else {
        e.push(error(
            "machine.product_line",
            "unknown",
            format!("{:?} is not a product line", m.product_line),
        ));
        return e;
    };
    match m.purchase_date {
        None => e.push(error(
            "machine.purchase_date",
            "required",
            "a return needs the purchase date",
        )),
        Some(p) if p > today => e.push(error(
            "machine.purchase_date",
            "in_future",
            "the purchase date is in the future",
        )),
        Some(p) if (today - p).num_days() > i64::from(days) => e.push(error(
            "machine.purchase_date",
            "return_window_passed",
            format!("returns are accepted within {days} days of purchase; it was bought {p}"),
        )),
        Some(_) => {}
    }
    e
}

/// Whether this return first gets the free training visit.
pub fn wants_training(reason: Option<ReturnReason>) -> bool {
    reason == Some(ReturnReason::DoesntKnowHowToUse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::intake::{Channel, CustomerInfo, MachineInfo};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("date")
    }

    fn req(bought: Option<NaiveDate>, reason: Option<ReturnReason>) -> OpenTicket {
        OpenTicket {
            channel: Channel::Phone,
            ticket_type: TicketType::Return,
            symptom: "wants to return it".into(),
            customer: CustomerInfo {
                name: "A".into(),
                phone: "13800000000".into(),
                address: String::new(),
                district: "tianhe".into(),
            },
            machine: Some(MachineInfo {
                product_line: "fax".into(),
                brand: "Panasonic".into(),
                model: "KX".into(),
                serial: "S1".into(),
                purchase_date: bought,
            }),
            machine_down: false,
            customer_id: None,
            return_reason: reason,
            reporter: None,
            attachments: vec![],
            request_key: None,
        }
    }

    #[test]
    fn returns_are_accepted_within_the_window_only() {
        let today = date(11, 23);
        assert!(
            check(
                &req(Some(date(11, 16)), Some(ReturnReason::Defective)),
                today,
                Some(7)
            )
            .is_empty()
        );
        let late = check(
            &req(Some(date(11, 15)), Some(ReturnReason::Defective)),
            today,
            Some(7),
        );
        assert_eq!(late[0].code, "return_window_passed");
        assert_eq!(
            check(&req(None, Some(ReturnReason::Defective)), today, Some(7))[0].code,
            "required"
        );
        assert_eq!(
            check(&req(Some(date(11, 20)), None), today, Some(7))[0].field,
            "return_reason"
        );
        assert_eq!(
            check(
                &req(Some(date(11, 20)), Some(ReturnReason::Defective)),
                today,
                None
            )[0]
            .code,
            "unknown"
        );
        let mut fault = req(None, Some(ReturnReason::Defective));
        fault.ticket_type = TicketType::Fault;
        assert_eq!(check(&fault, today, Some(7))[0].code, "not_allowed");
    }

    #[test]
    fn not_knowing_how_to_use_it_means_training_first() {
        assert!(wants_training(Some(ReturnReason::DoesntKnowHowToUse)));
        assert!(!wants_training(Some(ReturnReason::Defective)));
    }
}
