//! The limits a new ticket's and a warranty card's schemas state on the customer and the
//! machine (types replies and events share, so the limits sit on the requests) are the
//! ones the validators check.
use aftercare_contracts::intake::{
    Channel, CustomerInfo, MachineInfo, OpenTicket, RegisterWarrantyCard, TicketType,
};
use aftercare_testkit::limits::{assert_pattern, assert_text};

use super::customers::validate_machine_info;
use super::validate;

fn x(n: usize) -> String {
    "x".repeat(n)
}

fn machine() -> MachineInfo {
    MachineInfo {
        product_line: "copier".into(),
        brand: "Sharp".into(),
        model: "AR-2048".into(),
        serial: "SN-0001".into(),
        purchase_date: None,
    }
}

fn ticket() -> OpenTicket {
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
        machine: Some(machine()),
        machine_down: false,
        customer_id: None,
        return_reason: None,
        reporter: None,
        attachments: vec![],
        request_key: None,
    }
}

/// A well-shaped phone number of `n` characters (from 5): digits with up to two
/// separators between them, closed by a bracket.
fn phone(n: usize) -> String {
    let mut s = String::from("12345");
    let mut digits = 5;
    while s.len() < n {
        if digits < 15 && n - s.len() >= 3 {
            s.push_str(" -1");
            digits += 1;
        } else {
            s.push(')');
        }
    }
    s
}

/// Phone numbers on either side of the shape's edges.
const PHONES: &[&str] = &[
    "020-5555-0101",
    "+86 20 5555 0101",
    "(020) 55550101",
    "12345",
    "1234",
    "00000",
    "call me",
    "1234567890123456",
];

#[test]
fn a_tickets_customer_and_machine_are_refused_beyond_what_its_schema_states() {
    let check = |f: &dyn Fn(&mut OpenTicket)| {
        let mut t = ticket();
        f(&mut t);
        validate(&t)
    };
    assert_text::<OpenTicket>("customer.name", "customer.name", x, |v| {
        check(&|t| t.customer.name = v.clone())
    });
    assert_text::<OpenTicket>("customer.address", "customer.address", x, |v| {
        check(&|t| t.customer.address = v.clone())
    });
    assert_text::<OpenTicket>("customer.district", "customer.district", x, |v| {
        check(&|t| t.customer.district = v.clone())
    });
    assert_text::<OpenTicket>("customer.phone", "customer.phone", phone, |v| {
        check(&|t| t.customer.phone = v.clone())
    });
    assert_pattern::<OpenTicket>("customer.phone", "customer.phone", PHONES, |v| {
        check(&|t| t.customer.phone = v.clone())
    });
    for field in ["product_line", "brand", "model", "serial"] {
        let set = |m: &mut MachineInfo, v: String| match field {
            "product_line" => m.product_line = v,
            "brand" => m.brand = v,
            "model" => m.model = v,
            _ => m.serial = v,
        };
        let path = format!("machine.{field}");
        assert_text::<OpenTicket>(&path, &path, x, |v| {
            check(&|t| set(t.machine.as_mut().expect("machine"), v.clone()))
        });
        assert_text::<RegisterWarrantyCard>(&path, &path, x, |v| {
            let mut m = machine();
            set(&mut m, v);
            validate_machine_info("machine.", &m)
        });
    }
    assert_pattern::<OpenTicket>(
        "machine.serial",
        "machine.serial",
        &["SN-1", "-", " - ", "7"],
        |v| check(&|t| t.machine.as_mut().expect("machine").serial = v.clone()),
    );
}
