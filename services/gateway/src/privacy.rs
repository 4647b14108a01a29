//! Personal data (phones, addresses) is shown to the roles that need it for the object
//! at hand and masked otherwise; a full export is allowed to few roles and audit-logged.
use aftercare_contracts::Role;
use aftercare_contracts::intake::{Customer, Ticket};

/// Roles that see a ticket's contact details when reading that one ticket: the
/// customer themself, the desk that calls back, the dispatcher planning the visit and the
/// technician going there. Managers and administrators read masked data unless they
/// export it.
pub(crate) fn sees_contact_details(role: Role) -> bool {
    matches!(
        role,
        Role::Customer | Role::Agent | Role::Dispatcher | Role::Technician | Role::CallbackAgent
    )
}

/// Roles that may export lists with personal data unmasked (each export is audit-logged).
pub(crate) fn may_export(role: Role) -> bool {
    matches!(role, Role::Agent | Role::Manager | Role::Admin)
}

/// Keeps the first characters and the last four digits: `+86 20 5555 0101` →
/// `+86 ******0101`; enough to recognise a number on the phone, not to dial it.
pub(crate) fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 7))
}

/// Keeps the first word (usually the house number or district) and hides the rest.
pub(crate) fn mask_address(address: &str) -> String {
    if address.is_empty() {
        return String::new();
    }
    let first = address.split_whitespace().next().unwrap_or("");
    let first: String = first.chars().take(6).collect();
    format!("{first} ***")
}

/// Masks the ticket's contact details in place.
pub(crate) fn mask_ticket(t: &mut Ticket) {
    t.customer.phone = mask_phone(&t.customer.phone);
    t.customer.address = mask_address(&t.customer.address);
}

/// Masks a customer's contact phones and address in place.
pub(crate) fn mask_customer(c: &mut Customer) {
    for contact in &mut c.contacts {
        for phone in &mut contact.phones {
            *phone = mask_phone(phone);
        }
    }
    c.address = mask_address(&c.address);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_keep_prefix_and_last_four() {
        assert_eq!(mask_phone("+86 20 5555 0101"), "+86*********0101");
        assert_eq!(mask_phone("13800138000"), "138****8000");
        assert_eq!(mask_phone("12345"), "*****");
        assert_eq!(mask_phone("电话号码一二三四五六"), "电话号***三四五六");
    }

    #[test]
    fn addresses_keep_the_first_word_only() {
        assert_eq!(mask_address("1 Tianhe Rd"), "1 ***");
        assert_eq!(mask_address("广州市天河区体育西路"), "广州市天河区 ***");
        assert_eq!(mask_address(""), "");
    }

    #[test]
    fn exports_and_contact_details_follow_the_table() {
        assert!(may_export(Role::Admin) && !may_export(Role::Technician));
        assert!(sees_contact_details(Role::Technician) && !sees_contact_details(Role::Manager));
    }
}
