//! Customers, machines and warranty cards, free of I/O: validation, the keys that make
//! phone numbers and serial numbers findable whatever their formatting, warranty ends and
//! the follow-ups a warranty card creates.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::intake::{
    CreateCustomer, FindCustomers, MachineInfo, ProductLine, RegisterMachine,
};
use aftercare_contracts::rpc::check_text;
use chrono::{DateTime, Duration, NaiveDate, Utc};

use aftercare_contracts::intake::limits;

/// Most contacts per customer.
pub const MAX_CONTACTS: usize = limits::CONTACTS.max;
/// Most phones per contact.
pub const MAX_PHONES: usize = limits::PHONES.max;
/// Working days within which a new warranty-card customer gets the welcome call.
pub const WELCOME_CALL_WORKING_DAYS: i64 = 2;
/// Days within which the first maintenance visit is booked.
pub const FIRST_MAINTENANCE_DAYS: i64 = 7;

/// The lookup key of a phone number: its digits, without the country code 86 and the
/// trunk 0, so `+86 20 5555 0101`, `020-5555-0101` and `(020) 55550101` are one number.
pub fn phone_key(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = match digits.strip_prefix("86") {
        Some(rest) if phone.trim_start().starts_with('+') || digits.len() > 11 => rest,
        _ => digits.as_str(),
    };
    national.trim_start_matches('0').to_owned()
}

/// The lookup key of a serial number or brand: upper case, without spaces and dashes
/// (labels are read aloud and typed many ways).
pub fn serial_key(serial: &str) -> String {
    serial
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The search key of a company name: trimmed and lower case.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn error(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Checks a phone number: 5–32 characters, 5–15 digits after up to three leading zeros,
/// with at most two spaces or `+ - ( )` between them ([`limits::PHONE`]).
pub fn check_phone(e: &mut Vec<FieldError>, field: &str, phone: &str) {
    limits::PHONE_LENGTH.check(e, field, phone);
    if !(limits::PHONE.matches)(phone) {
        e.push(error(
            field,
            "invalid",
            format!("{field} takes 5-15 digits with at most two spaces or + - ( ) between them"),
        ));
    }
}

/// Every problem with a new customer, each naming its field (prefixed by `at`).
pub fn validate_customer(at: &str, c: &CreateCustomer) -> Vec<FieldError> {
    let f = |name: &str| format!("{at}{name}");
    let mut e = Vec::new();
    limits::NAME.check(&mut e, &f("company"), &c.company);
    limits::ADDRESS.check(&mut e, &f("address"), &c.address);
    limits::DISTRICT.check(&mut e, &f("district"), &c.district);
    limits::NOTES.check(&mut e, &f("notes"), &c.notes);
    if !limits::CONTACTS.allows(c.contacts.len()) {
        e.push(error(
            &f("contacts"),
            "out_of_range",
            format!("between 1 and {MAX_CONTACTS} contacts"),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, contact) in c.contacts.iter().enumerate() {
        let field = |name: &str| format!("{at}contacts[{i}].{name}");
        limits::NAME.check(&mut e, &field("name"), &contact.name);
        limits::TITLE.check(&mut e, &field("title"), &contact.title);
        if let Some(mail) = &contact.email {
            let before = e.len();
            limits::EMAIL_LENGTH.check(&mut e, &field("email"), mail);
            if e.len() == before && !(limits::EMAIL.matches)(mail) {
                e.push(error(&field("email"), "invalid", "not an e-mail address"));
            }
        }
        if let Some(w) = &contact.wechat {
            limits::WECHAT.check(&mut e, &field("wechat"), w);
        }
        if !limits::PHONES.allows(contact.phones.len()) {
            e.push(error(
                &field("phones"),
                "out_of_range",
                format!("between 1 and {MAX_PHONES} phones"),
            ));
        }
        for (j, phone) in contact.phones.iter().enumerate() {
            let pf = format!("{at}contacts[{i}].phones[{j}]");
            check_phone(&mut e, &pf, phone);
            if !seen.insert(phone_key(phone)) {
                e.push(error(&pf, "duplicate", "this number is given twice"));
            }
        }
    }
    if let Some(p) = c.location
        && !(limits::LATITUDE.holds(p.lat) && limits::LONGITUDE.holds(p.lon))
    {
        e.push(error(
            &f("location"),
            "out_of_range",
            "latitude −90 to 90, longitude −180 to 180",
        ));
    }
    e
}

/// Every problem with a machine description, fields prefixed by `at`.
pub fn validate_machine_info(at: &str, m: &MachineInfo) -> Vec<FieldError> {
    let mut e = Vec::new();
    for (name, value) in [
        ("product_line", &m.product_line),
        ("brand", &m.brand),
        ("model", &m.model),
        ("serial", &m.serial),
    ] {
        limits::MACHINE_FIELD.check(&mut e, &format!("{at}{name}"), value);
    }
    if !m.serial.trim().is_empty() && !(limits::SERIAL.matches)(&m.serial) {
        e.push(error(
            &format!("{at}serial"),
            "invalid",
            "a serial number needs letters or digits",
        ));
    }
    e
}

/// Every problem with a machine registration.
pub fn validate_machine(m: &RegisterMachine, today: NaiveDate) -> Vec<FieldError> {
    let info = MachineInfo {
        product_line: m.product_line.clone(),
        brand: m.brand.clone(),
        model: m.model.clone(),
        serial: m.serial.clone(),
        purchase_date: m.purchase_date,
    };
    let mut e = validate_machine_info("", &info);
    limits::INSTALL_LOCATION.check(&mut e, "install_location", &m.install_location);
    if m.purchase_date.is_some_and(|d| d > today) {
        e.push(error(
            "purchase_date",
            "in_future",
            "the purchase date is in the future",
        ));
    }
    if let (Some(p), Some(w)) = (m.purchase_date, m.warranty_end)
        && w < p
    {
        e.push(error(
            "warranty_end",
            "before_purchase",
            "the warranty ends before the purchase",
        ));
    }
    e
}

/// Exactly one way to search, and a name prefix that is not blank.
pub fn validate_find(f: &FindCustomers) -> Vec<FieldError> {
    let given = [f.name.is_some(), f.phone.is_some(), f.serial.is_some()]
        .into_iter()
        .filter(|g| *g)
        .count();
    let mut e = Vec::new();
    if given > 1 {
        e.push(error(
            "name",
            "conflict",
            "search by one of name, phone or serial",
        ));
    }
    if let Some(n) = &f.name {
        limits::NAME.check(&mut e, "name", n);
    }
    if let Some(p) = &f.phone
        && phone_key(p).len() < 5
    {
        e.push(error(
            "phone",
            "invalid",
            "a phone number needs at least 5 digits",
        ));
    }
    if let Some(s) = &f.serial
        && serial_key(s).is_empty()
    {
        e.push(error(
            "serial",
            "invalid",
            "a serial number needs letters or digits",
        ));
    }
    e
}

/// The bounds of a prefix search over keys compared bytewise: every key starting with
/// `prefix` lies in `[low, high)`.
pub fn prefix_range(prefix: &str) -> (String, String) {
    (prefix.to_owned(), format!("{prefix}\u{10FFFF}"))
}

/// The warranty's last day: as given, or the last day of the product line's months from
/// purchase (the day billing's coverage also ends).
pub fn warranty_end(
    purchase: Option<NaiveDate>,
    given: Option<NaiveDate>,
    months: u32,
) -> Option<NaiveDate> {
    given.or_else(|| purchase.and_then(|p| aftercare_calendar::last_day_of_term(p, months)))
}

/// When a warranty card's welcome call is due (end of the second working day after it
/// came in) and by when the first maintenance visit must be booked.
pub fn warranty_follow_ups(
    registered: DateTime<Utc>,
    calendar: &BusinessCalendar,
) -> (DateTime<Utc>, NaiveDate) {
    let working_days = calendar.working_day_length() * WELCOME_CALL_WORKING_DAYS as i32;
    let call = calendar.add_working_time(registered, working_days);
    let visit = calendar.local_date(registered) + Duration::days(FIRST_MAINTENANCE_DAYS);
    (call, visit)
}

/// Problems with a product line's terms; `name` is the trimmed, lower-case name it is
/// kept under.
pub fn validate_product_line(name: &str, line: &ProductLine) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "name", name, 1, 64);
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == ' ')
    {
        errors.push(FieldError {
            field: "name".into(),
            code: "invalid".into(),
            message: "letters, digits, spaces, _ and - only".into(),
        });
    }
    if !limits::WARRANTY_MONTHS.contains(line.warranty_months) {
        errors.push(FieldError {
            field: "warranty_months".into(),
            code: "out_of_range".into(),
            message: "at most 120 months".into(),
        });
    }
    if !limits::RETURN_DAYS.contains(line.return_days) {
        errors.push(FieldError {
            field: "return_days".into(),
            code: "out_of_range".into(),
            message: "at most 365 days".into(),
        });
    }
    errors
}

/// Who a ticket is for, as the registry tells from what the agent typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallerMatch {
    /// The customer on file: the one the agent chose, or the one the phone and the
    /// machine both point to.
    OnFile(uuid::Uuid),
    /// Neither the phone nor the machine is on file: the caller is registered.
    New,
    /// The phone and the machine point to different customers (or the machine is on file
    /// and the phone is not): the agent chooses, nothing is merged.
    Ambiguous {
        /// The customer whose phone it is, if any.
        phone_owner: Option<uuid::Uuid>,
        /// The customer the machine is registered to.
        machine_owner: uuid::Uuid,
    },
}

/// Finds a ticket's customer: `chosen` is the customer the agent named (always wins),
/// `phone_owner` the customer with the caller's phone, `machine_owner` the customer the
/// machine (brand and serial) is registered to.
pub fn match_caller(
    chosen: Option<uuid::Uuid>,
    phone_owner: Option<uuid::Uuid>,
    machine_owner: Option<uuid::Uuid>,
) -> CallerMatch {
    match (chosen, phone_owner, machine_owner) {
        (Some(c), _, _) => CallerMatch::OnFile(c),
        (None, Some(p), None) => CallerMatch::OnFile(p),
        (None, Some(p), Some(m)) if p == m => CallerMatch::OnFile(p),
        (None, phone_owner, Some(machine_owner)) => CallerMatch::Ambiguous {
            phone_owner,
            machine_owner,
        },
        (None, None, None) => CallerMatch::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::intake::{ContactInput, CustomerTier, GeoPoint};
    use chrono::TimeZone;

    #[test]
    fn phone_numbers_match_whatever_their_formatting() {
        let k = phone_key("+86 20 5555 0101");
        assert_eq!(k, "2055550101");
        assert_eq!(phone_key("020-5555-0101"), k);
        assert_eq!(phone_key("(020) 55550101"), k);
        assert_eq!(phone_key("13800138000"), "13800138000");
        assert_eq!(phone_key("+86 138 0013 8000"), "13800138000");
        // A local number that starts with 86 keeps it.
        assert_eq!(phone_key("8613 2222"), "86132222");
    }

    #[test]
    fn serials_and_names_are_keyed() {
        assert_eq!(serial_key(" ab-12 3c "), "AB123C");
        assert_eq!(name_key("  Tianhe PRINTING "), "tianhe printing");
        let (low, high) = prefix_range("tian");
        assert!("tianhe" >= low.as_str() && "tianhe" < high.as_str());
        assert!("tiao" >= high.as_str() || "tiao" < low.as_str());
        assert!("广州天河" < prefix_range("广州").1.as_str());
    }

    fn customer() -> CreateCustomer {
        CreateCustomer {
            company: "Tianhe Printing".into(),
            contacts: vec![ContactInput {
                name: "Ms Chen".into(),
                phones: vec!["+86 20 5555 0101".into()],
                title: String::new(),
                email: None,
                wechat: None,
            }],
            address: "1 Tianhe Rd".into(),
            district: "tianhe".into(),
            location: None,
            tier: CustomerTier::Standard,
            preferred_channel: Default::default(),
            language: Default::default(),
            notes: String::new(),
        }
    }

    #[test]
    fn customers_are_validated_field_by_field() {
        assert!(validate_customer("", &customer()).is_empty());
        let mut c = customer();
        c.contacts[0].phones.push("020-5555-0101".into());
        c.contacts[0].phones.push("abc".into());
        c.location = Some(GeoPoint {
            lat: 91.0,
            lon: 0.0,
        });
        c.company = " ".into();
        let fields: Vec<_> = validate_customer("customer.", &c)
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert!(fields.contains(&("customer.company".into(), "required".into())));
        assert!(fields.contains(&("customer.contacts[0].phones[1]".into(), "duplicate".into())));
        assert!(fields.contains(&("customer.contacts[0].phones[2]".into(), "invalid".into())));
        assert!(fields.contains(&("customer.location".into(), "out_of_range".into())));
        c.contacts.clear();
        assert!(
            validate_customer("", &c)
                .iter()
                .any(|e| e.field == "contacts")
        );
    }

    #[test]
    fn one_search_at_a_time() {
        let f = FindCustomers {
            name: Some("t".into()),
            phone: Some("123".into()),
            serial: None,
            include_inactive: false,
            limit: 10,
            cursor: None,
        };
        let errors = validate_find(&f);
        assert!(errors.iter().any(|e| e.code == "conflict"));
        assert!(errors.iter().any(|e| e.field == "phone"));
    }

    #[test]
    fn warranty_defaults_to_the_product_lines_months() {
        let p = NaiveDate::from_ymd_opt(2024, 2, 29).expect("date");
        assert_eq!(
            warranty_end(Some(p), None, 12),
            NaiveDate::from_ymd_opt(2025, 2, 28)
        );
        let given = NaiveDate::from_ymd_opt(2027, 1, 1);
        assert_eq!(warranty_end(Some(p), given, 12), given);
        assert_eq!(warranty_end(None, None, 12), None);
    }

    #[test]
    fn a_warranty_card_gets_a_call_in_two_working_days_and_a_visit_within_a_week() {
        let c = BusinessCalendar::china();
        // Friday 2026-11-27 10:00 CST: two working days of time → Tuesday 10:00.
        let at = chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(2026, 11, 27, 10, 0, 0)
            .single()
            .expect("t")
            .with_timezone(&Utc);
        let (call, visit) = warranty_follow_ups(at, &c);
        let want = chrono_tz::Asia::Shanghai
            .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("t");
        assert_eq!(call, want);
        assert_eq!(visit, NaiveDate::from_ymd_opt(2026, 12, 4).expect("date"));
    }

    #[test]
    fn a_product_line_needs_a_plain_name_and_terms_within_limits() {
        let line = |months, days| ProductLine {
            name: "copier".into(),
            warranty_months: months,
            return_days: days,
        };
        assert!(validate_product_line("copier", &line(12, 7)).is_empty());
        let fields = |name: &str, l: ProductLine| -> Vec<String> {
            validate_product_line(name, &l)
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields("fax/copier", line(12, 7)), vec!["name"]);
        assert_eq!(fields("", line(12, 7)), vec!["name"]);
        assert_eq!(
            fields("copier", line(121, 366)),
            vec!["warranty_months", "return_days"]
        );
    }

    #[test]
    fn a_caller_is_matched_by_phone_and_machine_and_never_merged_silently() {
        let (a, b) = (uuid::Uuid::now_v7(), uuid::Uuid::now_v7());
        assert_eq!(match_caller(None, None, None), CallerMatch::New);
        assert_eq!(match_caller(None, Some(a), None), CallerMatch::OnFile(a));
        assert_eq!(match_caller(None, Some(a), Some(a)), CallerMatch::OnFile(a));
        assert_eq!(
            match_caller(None, Some(a), Some(b)),
            CallerMatch::Ambiguous {
                phone_owner: Some(a),
                machine_owner: b
            }
        );
        assert_eq!(
            match_caller(None, None, Some(b)),
            CallerMatch::Ambiguous {
                phone_owner: None,
                machine_owner: b
            },
            "a new phone about a machine on file is the agent's choice"
        );
        assert_eq!(
            match_caller(Some(b), Some(a), Some(a)),
            CallerMatch::OnFile(b)
        );
    }
}
