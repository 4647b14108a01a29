//! Keeping the customer registry (客户台帐), free of I/O: what an update of a customer or a
//! machine changes, written as history lines (field, old value, new value); how a
//! duplicate customer is merged into the record that stays; who is offered for a new
//! ticket; and the rules of ticket notes.
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{
    Contact, ContactInput, CreateCustomer, Customer, CustomerStatus, CustomerTier, GeoPoint,
    Machine, MachineContract, UpdateCustomer, UpdateMachine,
};
use uuid::Uuid;

use super::customers::{MAX_CONTACTS, MAX_PHONES, name_key, phone_key, validate_customer};

/// Longest note on a customer or machine.
pub const MAX_NOTES: usize = limits::NOTES.max;

/// One line of a record's history: a field and its value before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The field, as the record names it (`contacts[1].phones`).
    pub field: String,
    /// Before; `None` when empty or new.
    pub old: Option<String>,
    /// After; `None` when removed or emptied.
    pub new: Option<String>,
}

impl Line {
    /// A line for `field` from `old` to `new`, empty text read as no value.
    pub fn new(field: impl Into<String>, old: Option<String>, new: Option<String>) -> Self {
        let some = |v: Option<String>| v.filter(|t| !t.is_empty());
        Self {
            field: field.into(),
            old: some(old),
            new: some(new),
        }
    }
}

fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// The wire name of an enum value (`key_account`, `zh-CN`).
fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn point(p: Option<GeoPoint>) -> Option<String> {
    p.map(|p| format!("{}, {}", p.lat, p.lon))
}

/// A contact in one line: `name (title): phone, phone`.
fn contact_summary(c: &Contact) -> String {
    let title = if c.title.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.title)
    };
    format!("{}{title}: {}", c.name, c.phones.join(", "))
}

/// The lines of a change to the contact list, compared position by position.
fn contact_lines(before: &[Contact], after: &[Contact], out: &mut Vec<Line>) {
    for i in 0..before.len().max(after.len()) {
        match (before.get(i), after.get(i)) {
            (Some(b), Some(a)) => {
                let f = |name: &str| format!("contacts[{i}].{name}");
                let pairs = [
                    ("name", Some(b.name.clone()), Some(a.name.clone())),
                    ("title", Some(b.title.clone()), Some(a.title.clone())),
                    (
                        "phones",
                        Some(b.phones.join(", ")),
                        Some(a.phones.join(", ")),
                    ),
                    ("email", b.email.clone(), a.email.clone()),
                    ("wechat", b.wechat.clone(), a.wechat.clone()),
                ];
                for (name, old, new) in pairs {
                    if old != new {
                        out.push(Line::new(f(name), old, new));
                    }
                }
            }
            (Some(b), None) => out.push(Line::new(
                format!("contacts[{i}]"),
                Some(contact_summary(b)),
                None,
            )),
            (None, Some(a)) => out.push(Line::new(
                format!("contacts[{i}]"),
                None,
                Some(contact_summary(a)),
            )),
            (None, None) => {}
        }
    }
}

/// The history lines of a change of a customer from `before` to `after`: one per field
/// that changed, contacts field by field; nothing when nothing changed.
pub fn customer_changes(before: &Customer, after: &Customer) -> Vec<Line> {
    let mut out = Vec::new();
    let mut text = |field: &str, old: String, new: String| {
        if old != new {
            out.push(Line::new(field, Some(old), Some(new)));
        }
    };
    text("company", before.company.clone(), after.company.clone());
    text("address", before.address.clone(), after.address.clone());
    text("district", before.district.clone(), after.district.clone());
    text("tier", wire(&before.tier), wire(&after.tier));
    text(
        "preferred_channel",
        wire(&before.preferred_channel),
        wire(&after.preferred_channel),
    );
    text("language", wire(&before.language), wire(&after.language));
    text("notes", before.notes.clone(), after.notes.clone());
    if before.location != after.location {
        out.push(Line::new(
            "location",
            point(before.location),
            point(after.location),
        ));
    }
    contact_lines(&before.contacts, &after.contacts, &mut out);
    // Keep the record's order: company, contacts, address, … as the API lists them.
    out.sort_by_key(|l| field_rank(&l.field));
    out
}

fn field_rank(field: &str) -> usize {
    const ORDER: [&str; 9] = [
        "company",
        "contacts",
        "address",
        "district",
        "location",
        "tier",
        "preferred_channel",
        "language",
        "notes",
    ];
    ORDER
        .iter()
        .position(|f| field == *f || field.starts_with(&format!("{f}[")))
        .unwrap_or(ORDER.len())
}

/// The customer with the update's fields applied (trimmed as on registration).
pub fn apply_update(current: &Customer, req: &UpdateCustomer) -> Customer {
    let mut c = current.clone();
    if let Some(v) = &req.company {
        c.company = v.trim().to_owned();
    }
    if let Some(v) = &req.contacts {
        c.contacts = v.iter().cloned().map(Contact::from).collect();
    }
    if let Some(v) = &req.address {
        c.address = v.trim().to_owned();
    }
    if let Some(v) = &req.district {
        c.district = v.trim().to_owned();
    }
    if req.location.is_some() {
        c.location = req.location;
    }
    if let Some(v) = req.tier {
        c.tier = v;
    }
    if let Some(v) = req.preferred_channel {
        c.preferred_channel = v;
    }
    if let Some(v) = req.language {
        c.language = v;
    }
    if let Some(v) = &req.notes {
        c.notes = v.clone();
    }
    c
}

/// Every problem with an updated customer, named as the update names its fields (the
/// same rules as a registration).
pub fn validate_update(updated: &Customer, req: &UpdateCustomer) -> Vec<FieldError> {
    let as_registered = CreateCustomer {
        company: updated.company.clone(),
        contacts: updated
            .contacts
            .iter()
            .cloned()
            .map(ContactInput::from)
            .collect(),
        address: updated.address.clone(),
        district: updated.district.clone(),
        location: updated.location,
        tier: updated.tier,
        preferred_channel: updated.preferred_channel,
        language: updated.language,
        notes: updated.notes.clone(),
    };
    let mut errors = validate_customer("", &as_registered);
    // A field left as it was is not the caller's fault; the rules name what was sent.
    errors.retain(|e| {
        let top = e.field.split(['[', '.']).next().unwrap_or("");
        match top {
            "company" => req.company.is_some(),
            "contacts" => req.contacts.is_some(),
            "address" => req.address.is_some(),
            "district" => req.district.is_some(),
            "location" => req.location.is_some(),
            "notes" => req.notes.is_some(),
            _ => true,
        }
    });
    errors
}

/// The phones of a contact list with the field each is given in, keyed as they are
/// looked up (`020-5555-0101` and `+86 20 5555 0101` are one number).
pub fn phone_fields(contacts: &[Contact]) -> Vec<(String, String)> {
    contacts
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.phones
                .iter()
                .enumerate()
                .map(move |(j, p)| (format!("contacts[{i}].phones[{j}]"), phone_key(p)))
        })
        .collect()
}

/// The machine with the update applied, or every problem with the update.
pub fn apply_machine_update(m: &Machine, req: &UpdateMachine) -> Result<Machine, Vec<FieldError>> {
    let mut e = Vec::new();
    if let Some(l) = &req.install_location {
        limits::INSTALL_LOCATION.check(&mut e, "install_location", l);
    }
    if let Some(n) = &req.notes {
        limits::NOTES.check(&mut e, "notes", n);
    }
    if let Some(c) = &req.contract {
        limits::NUMBER.check(&mut e, "contract.number", &c.number);
        if req.remove_contract {
            e.push(error(
                "remove_contract",
                "conflict",
                "give a contract or remove it, not both",
            ));
        }
    }
    if !e.is_empty() {
        return Err(e);
    }
    let mut after = m.clone();
    if let Some(l) = &req.install_location {
        after.install_location = l.trim().to_owned();
    }
    if let Some(n) = &req.notes {
        after.notes = n.clone();
    }
    if let Some(c) = &req.contract {
        after.contract = Some(MachineContract {
            number: c.number.trim().to_owned(),
            ends_on: c.ends_on,
        });
    }
    if req.remove_contract {
        after.contract = None;
    }
    Ok(after)
}

/// The history lines of a change of a machine.
pub fn machine_changes(before: &Machine, after: &Machine) -> Vec<Line> {
    let mut out = Vec::new();
    if before.install_location != after.install_location {
        out.push(Line::new(
            "install_location",
            Some(before.install_location.clone()),
            Some(after.install_location.clone()),
        ));
    }
    if before.contract != after.contract {
        let text = |c: &Option<MachineContract>| {
            c.as_ref()
                .map(|c| format!("{} until {}", c.number, c.ends_on))
        };
        out.push(Line::new(
            "contract",
            text(&before.contract),
            text(&after.contract),
        ));
    }
    if before.notes != after.notes {
        out.push(Line::new(
            "notes",
            Some(before.notes.clone()),
            Some(after.notes.clone()),
        ));
    }
    if before.customer_id != after.customer_id {
        out.push(Line::new(
            "customer_id",
            Some(before.customer_id.to_string()),
            Some(after.customer_id.to_string()),
        ));
    }
    out
}

/// Why two records cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeRefusal {
    /// The duplicate is the record that stays.
    Same,
    /// The record that stays was itself merged into this one.
    SurvivorMerged(Uuid),
    /// The duplicate was already merged into this one.
    DuplicateMerged(Uuid),
    /// Together they would have more contacts than a record may.
    TooManyContacts(usize),
}

/// What merging a duplicate does to the record that stays, and the lines each history
/// gets.
#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    /// The record that stays, with what it takes over from the duplicate.
    pub survivor: Customer,
    /// Lines for the survivor's history.
    pub survivor_lines: Vec<Line>,
    /// Lines for the duplicate's history.
    pub duplicate_lines: Vec<Line>,
}

/// Plans merging `duplicate` into `survivor`. The survivor keeps its own values and takes
/// over the duplicate's contacts (a contact of the same name gets the other's phones, as
/// far as a contact holds them), its address, position and notes where it has none, and
/// the key-account tier if either had it. Phones are unique across customers, so no
/// phone is ever on both.
pub fn plan_merge(survivor: &Customer, duplicate: &Customer) -> Result<MergePlan, MergeRefusal> {
    if survivor.id == duplicate.id {
        return Err(MergeRefusal::Same);
    }
    if let Some(into) = survivor.merged_into {
        return Err(MergeRefusal::SurvivorMerged(into));
    }
    if let Some(into) = duplicate.merged_into {
        return Err(MergeRefusal::DuplicateMerged(into));
    }
    let mut merged = survivor.clone();
    for contact in &duplicate.contacts {
        let same = merged.contacts.iter_mut().find(|c| {
            name_key(&c.name) == name_key(&contact.name)
                && c.phones.len() + contact.phones.len() <= MAX_PHONES
        });
        match same {
            Some(c) => {
                c.phones.extend(contact.phones.iter().cloned());
                if c.email.is_none() {
                    c.email = contact.email.clone();
                }
                if c.wechat.is_none() {
                    c.wechat = contact.wechat.clone();
                }
                if c.title.is_empty() {
                    c.title = contact.title.clone();
                }
            }
            None => merged.contacts.push(contact.clone()),
        }
    }
    if merged.contacts.len() > MAX_CONTACTS {
        return Err(MergeRefusal::TooManyContacts(merged.contacts.len()));
    }
    if merged.address.is_empty() {
        merged.address = duplicate.address.clone();
    }
    if merged.location.is_none() {
        merged.location = duplicate.location;
    }
    if merged.notes.is_empty() {
        merged.notes = duplicate.notes.clone();
    } else if !duplicate.notes.is_empty() {
        let joined = format!(
            "{}\n[{}] {}",
            merged.notes, duplicate.number, duplicate.notes
        );
        if joined.chars().count() <= MAX_NOTES {
            merged.notes = joined;
        }
    }
    if duplicate.tier == CustomerTier::KeyAccount {
        merged.tier = CustomerTier::KeyAccount;
    }
    let mut survivor_lines = vec![Line::new(
        "merged_from",
        None,
        Some(format!("{} ({})", duplicate.number, duplicate.id)),
    )];
    survivor_lines.extend(customer_changes(survivor, &merged));
    let duplicate_lines = vec![
        Line::new(
            "status",
            Some(wire(&duplicate.status)),
            Some(wire(&CustomerStatus::Merged)),
        ),
        Line::new(
            "merged_into",
            None,
            Some(format!("{} ({})", survivor.number, survivor.id)),
        ),
    ];
    Ok(MergePlan {
        survivor: merged,
        survivor_lines,
        duplicate_lines,
    })
}

/// Whether a customer may be chosen or matched for a new ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Active: use it.
    Offered,
    /// Merged: the ticket goes to the record it was merged into.
    MergedInto(Uuid),
    /// Deactivated: not for new tickets until reactivated.
    Inactive,
}

/// How a customer on file stands for a new ticket.
pub fn standing(c: &Customer) -> Standing {
    match (c.status, c.merged_into) {
        (CustomerStatus::Merged, Some(into)) => Standing::MergedInto(into),
        (CustomerStatus::Inactive, _) | (CustomerStatus::Merged, None) => Standing::Inactive,
        (CustomerStatus::Active, _) => Standing::Offered,
    }
}

/// The status after deactivating (`active` false) or reactivating a customer, with the
/// history line; `None` when it is already so. A merged record stays merged (`Err`).
pub fn change_status(
    current: CustomerStatus,
    active: bool,
) -> Result<Option<(CustomerStatus, Line)>, CustomerStatus> {
    let to = if active {
        CustomerStatus::Active
    } else {
        CustomerStatus::Inactive
    };
    match current {
        CustomerStatus::Merged => Err(current),
        c if c == to => Ok(None),
        c => Ok(Some((
            to,
            Line::new("status", Some(wire(&c)), Some(wire(&to))),
        ))),
    }
}

/// Problems with a deactivation or reactivation's reason.
pub fn validate_reason(reason: &str) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::REASON.check(&mut e, "reason", reason);
    e
}

/// Problems with a note on a ticket.
pub fn validate_ticket_note(text: &str) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::TICKET_NOTE.check(&mut e, "text", text);
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::intake::{Language, NotificationChannel};
    use chrono::NaiveDate;

    fn contact(name: &str, phones: &[&str]) -> Contact {
        Contact {
            name: name.into(),
            phones: phones.iter().map(|p| (*p).into()).collect(),
            title: String::new(),
            email: None,
            wechat: None,
        }
    }

    fn customer(number: &str, contacts: Vec<Contact>) -> Customer {
        Customer {
            id: Uuid::now_v7(),
            number: number.into(),
            company: "Tianhe Printing".into(),
            contacts,
            address: "1 Tianhe Rd".into(),
            district: "tianhe".into(),
            location: None,
            tier: CustomerTier::Standard,
            preferred_channel: NotificationChannel::Sms,
            language: Language::ZhCn,
            notes: String::new(),
            status: CustomerStatus::Active,
            merged_into: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    fn update() -> UpdateCustomer {
        UpdateCustomer {
            customer_id: "C1".into(),
            company: None,
            contacts: None,
            address: None,
            district: None,
            location: None,
            tier: None,
            preferred_channel: None,
            language: None,
            notes: None,
            expected_version: 1,
        }
    }

    #[test]
    fn an_update_is_written_as_one_line_per_field_that_changed() {
        let before = customer("C1", vec![contact("Ms Chen", &["020-5555-0101"])]);
        let mut req = update();
        req.address = Some("  8 Zhujiang Rd ".into());
        req.tier = Some(CustomerTier::KeyAccount);
        req.company = Some("Tianhe Printing".into()); // unchanged: no line
        req.contacts = Some(vec![
            contact("Ms Chen", &["020-5555-0101", "138 0013 8000"]).into(),
            contact("Mr Li", &["020-5555-0199"]).into(),
        ]);
        let after = apply_update(&before, &req);
        assert_eq!(after.address, "8 Zhujiang Rd");
        let lines = customer_changes(&before, &after);
        assert_eq!(
            lines,
            vec![
                Line::new(
                    "contacts[0].phones",
                    Some("020-5555-0101".into()),
                    Some("020-5555-0101, 138 0013 8000".into())
                ),
                Line::new("contacts[1]", None, Some("Mr Li: 020-5555-0199".into())),
                Line::new(
                    "address",
                    Some("1 Tianhe Rd".into()),
                    Some("8 Zhujiang Rd".into())
                ),
                Line::new("tier", Some("standard".into()), Some("key_account".into())),
            ]
        );
        assert!(customer_changes(&before, &before).is_empty());
        // A removed contact and an emptied note: the new value is absent.
        let mut fewer = after.clone();
        fewer.contacts.truncate(1);
        fewer.notes = String::new();
        let mut noted = after.clone();
        noted.notes = "gate code 1234".into();
        let lines = customer_changes(&noted, &fewer);
        assert_eq!(
            lines,
            vec![
                Line::new("contacts[1]", Some("Mr Li: 020-5555-0199".into()), None),
                Line::new("notes", Some("gate code 1234".into()), None),
            ]
        );
    }

    #[test]
    fn an_update_is_checked_like_a_registration_but_only_where_it_speaks() {
        let mut before = customer("C1", vec![contact("Ms Chen", &["020-5555-0101"])]);
        // Stored before the district rule: not the caller's fault unless they send it.
        before.district = String::new();
        let mut req = update();
        req.notes = Some("ok".into());
        let after = apply_update(&before, &req);
        assert!(validate_update(&after, &req).is_empty());
        req.contacts = Some(vec![
            contact("Ms Chen", &["020-5555-0101", "(020) 55550101"]).into(),
        ]);
        req.district = Some(" ".into());
        let after = apply_update(&before, &req);
        let fields: Vec<_> = validate_update(&after, &req)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            fields,
            vec![
                ("district".to_owned(), "required".to_owned()),
                ("contacts[0].phones[1]".to_owned(), "duplicate".to_owned())
            ]
        );
        assert_eq!(
            phone_fields(&after.contacts),
            vec![
                ("contacts[0].phones[0]".to_owned(), "2055550101".to_owned()),
                ("contacts[0].phones[1]".to_owned(), "2055550101".to_owned())
            ]
        );
    }

    fn machine() -> Machine {
        Machine {
            id: Uuid::now_v7(),
            customer_id: Uuid::now_v7(),
            product_line: "copier".into(),
            brand: "Sharp".into(),
            model: "AR-2048".into(),
            serial: "SN1".into(),
            purchase_date: None,
            warranty_end: None,
            install_location: "2F".into(),
            last_meter_reading: None,
            contract: None,
            notes: String::new(),
            created_at: chrono::DateTime::UNIX_EPOCH,
            version: 3,
        }
    }

    #[test]
    fn a_machine_update_sets_location_contract_and_notes_with_their_lines() {
        let m = machine();
        let ends_on = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap_or_default();
        let req = UpdateMachine {
            machine_id: m.id.to_string(),
            install_location: Some(" 3F print room ".into()),
            contract: Some(MachineContract {
                number: "K2026-000009".into(),
                ends_on,
            }),
            remove_contract: false,
            notes: None,
            expected_version: 3,
        };
        let after = apply_machine_update(&m, &req).expect("valid");
        assert_eq!(
            machine_changes(&m, &after),
            vec![
                Line::new(
                    "install_location",
                    Some("2F".into()),
                    Some("3F print room".into())
                ),
                Line::new(
                    "contract",
                    None,
                    Some("K2026-000009 until 2027-06-30".into())
                ),
            ]
        );
        let removed = apply_machine_update(
            &after,
            &UpdateMachine {
                remove_contract: true,
                contract: None,
                install_location: None,
                ..req.clone()
            },
        )
        .expect("valid");
        assert_eq!(removed.contract, None);
        let both = UpdateMachine {
            remove_contract: true,
            notes: Some("x".repeat(MAX_NOTES + 1)),
            ..req
        };
        let fields: Vec<_> = apply_machine_update(&m, &both)
            .expect_err("invalid")
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["notes", "remove_contract"]);
    }

    #[test]
    fn a_merge_keeps_the_survivors_values_and_takes_over_the_duplicates_contacts() {
        let mut survivor = customer("C1", vec![contact("Ms Chen", &["020-5555-0101"])]);
        survivor.address = String::new();
        survivor.notes = "prefers mornings".into();
        let mut duplicate = customer(
            "C7",
            vec![
                contact("ms chen", &["138 0013 8000"]),
                contact("Mr Li", &["020-5555-0199"]),
            ],
        );
        duplicate.address = "1 Tianhe Rd, 3F".into();
        duplicate.tier = CustomerTier::KeyAccount;
        duplicate.notes = "gate code 1234".into();
        let plan = plan_merge(&survivor, &duplicate).expect("mergeable");
        let s = &plan.survivor;
        assert_eq!(s.id, survivor.id);
        assert_eq!(s.contacts.len(), 2);
        assert_eq!(s.contacts[0].phones, ["020-5555-0101", "138 0013 8000"]);
        assert_eq!(s.contacts[1].name, "Mr Li");
        assert_eq!(s.address, "1 Tianhe Rd, 3F");
        assert_eq!(s.tier, CustomerTier::KeyAccount);
        assert_eq!(s.notes, "prefers mornings\n[C7] gate code 1234");
        assert_eq!(
            s.company, survivor.company,
            "the survivor's own values stay"
        );
        let fields: Vec<_> = plan
            .survivor_lines
            .iter()
            .map(|l| l.field.as_str())
            .collect();
        assert_eq!(
            fields,
            [
                "merged_from",
                "contacts[0].phones",
                "contacts[1]",
                "address",
                "tier",
                "notes"
            ]
        );
        assert_eq!(
            plan.duplicate_lines,
            vec![
                Line::new("status", Some("active".into()), Some("merged".into())),
                Line::new("merged_into", None, Some(format!("C1 ({})", survivor.id))),
            ]
        );
    }

    #[test]
    fn a_merge_is_refused_for_the_same_record_a_merged_one_or_too_many_contacts() {
        let survivor = customer("C1", vec![contact("A", &["020-5555-0101"])]);
        assert_eq!(plan_merge(&survivor, &survivor), Err(MergeRefusal::Same));
        let mut gone = customer("C2", vec![contact("B", &["020-5555-0102"])]);
        gone.status = CustomerStatus::Merged;
        gone.merged_into = Some(survivor.id);
        assert_eq!(
            plan_merge(&survivor, &gone),
            Err(MergeRefusal::DuplicateMerged(survivor.id))
        );
        assert_eq!(
            plan_merge(&gone, &survivor),
            Err(MergeRefusal::SurvivorMerged(survivor.id))
        );
        let many: Vec<Contact> = (0..MAX_CONTACTS)
            .map(|i| contact(&format!("P{i}"), &["1"]))
            .collect();
        let full = customer("C3", many);
        assert_eq!(
            plan_merge(&full, &gone_not_merged()),
            Err(MergeRefusal::TooManyContacts(MAX_CONTACTS + 1))
        );
    }

    fn gone_not_merged() -> Customer {
        customer("C4", vec![contact("Someone else", &["020-5555-0104"])])
    }

    #[test]
    fn only_active_customers_are_offered_and_a_merged_one_points_to_its_survivor() {
        let mut c = customer("C1", vec![]);
        assert_eq!(standing(&c), Standing::Offered);
        c.status = CustomerStatus::Inactive;
        assert_eq!(standing(&c), Standing::Inactive);
        let to = Uuid::now_v7();
        c.status = CustomerStatus::Merged;
        c.merged_into = Some(to);
        assert_eq!(standing(&c), Standing::MergedInto(to));
    }

    #[test]
    fn deactivating_and_reactivating_change_the_status_once() {
        let (to, line) = change_status(CustomerStatus::Active, false)
            .expect("allowed")
            .expect("a change");
        assert_eq!(to, CustomerStatus::Inactive);
        assert_eq!(
            line,
            Line::new("status", Some("active".into()), Some("inactive".into()))
        );
        assert_eq!(change_status(CustomerStatus::Inactive, false), Ok(None));
        assert!(matches!(
            change_status(CustomerStatus::Inactive, true),
            Ok(Some((CustomerStatus::Active, _)))
        ));
        assert_eq!(
            change_status(CustomerStatus::Merged, true),
            Err(CustomerStatus::Merged)
        );
        assert_eq!(validate_reason(" ")[0].field, "reason");
        assert_eq!(validate_ticket_note("")[0].field, "text");
        assert!(validate_ticket_note("customer will call back").is_empty());
    }
}
