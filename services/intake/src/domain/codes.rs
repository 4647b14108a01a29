//! Where a one-time code for following a ticket may be sent. The code buys a session on
//! the ticket, so it goes only to a phone the customer record vouches for: a customer can
//! type any contact phone on a request they open, and a code sent there would reach a
//! third party (or let the customer send codes to strangers).
use aftercare_contracts::intake::Contact;

use super::customers::phone_key;

/// The phone a ticket's code goes to. A ticket linked to a customer record: the ticket's
/// phone when it is one of the record's phones, else the record's first phone; none when
/// the record has no phone. A ticket without a record was registered by the service desk
/// (customers always open linked requests): the phone the desk took.
pub fn phone_for_code(ticket_phone: &str, record: Option<&[Contact]>) -> Option<String> {
    let Some(contacts) = record else {
        return Some(ticket_phone.to_owned()).filter(|p| !p.trim().is_empty());
    };
    let wanted = phone_key(ticket_phone);
    let on_file = !wanted.is_empty()
        && contacts
            .iter()
            .flat_map(|c| c.phones.iter())
            .any(|p| phone_key(p) == wanted);
    if on_file {
        return Some(ticket_phone.to_owned());
    }
    contacts
        .iter()
        .flat_map(|c| c.phones.iter())
        .find(|p| !p.trim().is_empty())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(phones: &[&str]) -> Contact {
        Contact {
            name: "x".into(),
            phones: phones.iter().map(|p| (*p).to_owned()).collect(),
            title: String::new(),
            email: None,
            wechat: None,
        }
    }

    #[test]
    fn a_linked_ticket_texts_only_a_phone_of_the_record() {
        let record = [contact(&[]), contact(&["13600000001", "13600000002"])];
        // The ticket's phone is on file (formatted differently): it is used.
        assert_eq!(
            phone_for_code("+86 136 0000 0002", Some(&record)).as_deref(),
            Some("+86 136 0000 0002")
        );
        // A phone typed on the request but not on file: the record's first phone instead.
        assert_eq!(
            phone_for_code("13900009999", Some(&record)).as_deref(),
            Some("13600000001")
        );
        assert_eq!(phone_for_code("13900009999", Some(&[contact(&[])])), None);
    }

    #[test]
    fn a_desk_ticket_without_a_record_texts_the_phone_the_desk_took() {
        assert_eq!(
            phone_for_code("+86 20 5555 0101", None).as_deref(),
            Some("+86 20 5555 0101")
        );
        assert_eq!(phone_for_code(" ", None), None);
    }
}
