//! Personal data (phones, addresses) is masked for everyone but the customer themself
//! and the technician going there. The desk reveals one record by id only with a reason,
//! and a list only as an export; both are allowed to few roles and audit-logged.
use aftercare_contracts::Role;
use aftercare_contracts::dispatch::WorkOrderStatus;
use aftercare_contracts::intake::{Customer, NotificationChannel, Ticket};

use aftercare_platform::now_ms;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::error::ApiError;
use crate::identity::{Principal, store};
use crate::state::AppState;

/// Whether a list shows personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PersonalData {
    /// Phones and addresses partly hidden (the default).
    Masked,
    /// Shown in full; the export is audit-logged.
    Show,
}

/// Roles that see the contact details of the one object at hand without asking: the
/// customer themself and the technician visiting them (narrowed to their own open work
/// orders by the handlers).
pub(crate) fn sees_contact_details(role: Role) -> bool {
    matches!(role, Role::Customer | Role::Technician)
}

/// Whether a work order's visit is still ahead or under way, so its technician needs the
/// customer's record: assigned to them and not yet finished (a return visit for parts
/// counts; done, cancelled, given up or taken to the workshop do not).
pub(crate) fn visit_open(status: WorkOrderStatus) -> bool {
    matches!(
        status,
        WorkOrderStatus::Assigned
            | WorkOrderStatus::Accepted
            | WorkOrderStatus::EnRoute
            | WorkOrderStatus::OnSite
            | WorkOrderStatus::WaitingForParts
    )
}

/// Roles that may reveal one record's personal data by id (with a reason, audit-logged):
/// the desk that calls the customer, plans the visit or calls back, and their managers.
pub(crate) fn may_reveal(role: Role) -> bool {
    matches!(
        role,
        Role::Agent | Role::Dispatcher | Role::CallbackAgent | Role::Manager | Role::Admin
    )
}

/// Shortest and longest reason for revealing a record.
pub(crate) const REASON: aftercare_contracts::limits::Text =
    aftercare_contracts::limits::Text::new(5, 500);

/// What a single read asked to see: `Ok(None)` masked (or own data), `Ok(Some(reason))`
/// unmasked with the reason to audit-log. `show` is the value of `personal_data=show`.
/// A reason given is checked whether or not it is needed, so a bad one never passes
/// unnoticed.
pub(crate) fn reveal_reason(
    role: Role,
    show: bool,
    reason: Option<&str>,
) -> Result<Option<String>, ApiError> {
    let given = reason.map(str::trim);
    let n = given.map_or(0, |r| r.chars().count());
    let refused = || {
        ApiError::field(
            "reason",
            if n == 0 { "required" } else { "invalid" },
            "say why you need the unmasked personal data, 5–500 characters; it is audit-logged",
        )
    };
    if given.is_some() && !REASON.fits(n) {
        return Err(refused());
    }
    if !show || sees_contact_details(role) {
        return Ok(None);
    }
    if !may_reveal(role) {
        return Err(ApiError::Forbidden);
    }
    match given {
        Some(reason) => Ok(Some(reason.to_owned())),
        None => Err(refused()),
    }
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

/// Keeps an e-mail address's first character and its domain: `li.wei@example.com` →
/// `l*****@example.com`.
pub(crate) fn mask_email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            let hidden = local.chars().count().saturating_sub(1).max(1);
            format!("{first}{}@{domain}", "*".repeat(hidden))
        }
        None => mask_phone(address),
    }
}

/// Keeps an account id's first two characters (a WeChat id): `wx-liwei` → `wx******`.
pub(crate) fn mask_handle(handle: &str) -> String {
    let chars: Vec<char> = handle.chars().collect();
    if chars.len() <= 2 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..2].iter().collect();
    format!("{head}{}", "*".repeat(chars.len() - 2))
}

/// Masks where a message went by its channel: a phone, an e-mail address or a WeChat id.
pub(crate) fn mask_recipient(channel: NotificationChannel, to: &str) -> String {
    match channel {
        NotificationChannel::Sms => mask_phone(to),
        NotificationChannel::Email => mask_email(to),
        NotificationChannel::Wechat => mask_handle(to),
    }
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

/// `?personal_data=`: whether the caller asks for an unmasked export.
pub(crate) fn parse_personal_data(raw: Option<&str>) -> Result<bool, ApiError> {
    match raw {
        None => Ok(false),
        Some(v) => serde_json::from_value::<PersonalData>(Value::String(v.to_owned()))
            .map(|p| p == PersonalData::Show)
            .map_err(|_| {
                ApiError::field(
                    "personal_data",
                    "invalid",
                    "personal_data must be masked or show",
                )
            }),
    }
}

/// Query of a single read that may reveal personal data.
#[derive(Debug, Deserialize)]
pub(crate) struct RevealQuery {
    personal_data: Option<String>,
    reason: Option<String>,
}

impl RevealQuery {
    /// The reason to audit-log when this read reveals personal data to the desk; checked
    /// before anything is read.
    pub(crate) fn reason(&self, p: &Principal) -> Result<Option<String>, ApiError> {
        let show = parse_personal_data(self.personal_data.as_deref())?;
        reveal_reason(p.role, show, self.reason.as_deref())
    }
}

/// Records that `p` revealed `object`'s personal data, and why.
pub(crate) async fn audit_reveal(
    s: &AppState,
    p: &Principal,
    object: &str,
    reason: &str,
) -> Result<(), ApiError> {
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "personal_data.reveal",
        object,
        reason,
        now_ms(),
    )
    .await?;
    Ok(())
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
    fn a_messages_address_is_masked_by_its_channel() {
        use NotificationChannel::*;
        assert_eq!(mask_recipient(Sms, "13800138000"), "138****8000");
        assert_eq!(
            mask_recipient(Email, "li.wei@example.com"),
            "l*****@example.com"
        );
        assert_eq!(mask_recipient(Email, "a@example.com"), "a*@example.com");
        assert_eq!(mask_recipient(Email, "not-an-address"), "not*******ress");
        assert_eq!(mask_recipient(Wechat, "wx-liwei"), "wx******");
        assert_eq!(mask_recipient(Wechat, "ab"), "**");
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
        for desk in [Role::Agent, Role::Dispatcher, Role::CallbackAgent] {
            assert!(!sees_contact_details(desk) && may_reveal(desk), "{desk:?}");
        }
        assert!(!may_reveal(Role::Warehouse) && !may_reveal(Role::Finance));
    }

    #[test]
    fn only_visits_ahead_or_under_way_open_a_customer_to_the_technician() {
        use WorkOrderStatus::*;
        for s in [Assigned, Accepted, EnRoute, OnSite, WaitingForParts] {
            assert!(visit_open(s), "{s:?}");
        }
        for s in [
            Unassigned,
            Completed,
            TakenToWorkshop,
            CouldNotFix,
            Cancelled,
        ] {
            assert!(!visit_open(s), "{s:?}");
        }
    }

    #[test]
    fn a_desk_reveal_needs_a_reason_and_own_data_does_not() {
        assert_eq!(reveal_reason(Role::Agent, false, None).ok(), Some(None));
        // A reason given is checked even when nothing is revealed.
        assert!(matches!(
            reveal_reason(Role::Agent, false, Some("null")),
            Err(ApiError::Service(e)) if e.status == 422
        ));
        assert!(matches!(
            reveal_reason(Role::Agent, true, None),
            Err(ApiError::Service(e)) if e.status == 422
        ));
        assert!(reveal_reason(Role::Agent, true, Some(" ok ")).is_err());
        assert_eq!(
            reveal_reason(Role::Agent, true, Some(" calling back about T2026-000042 "))
                .ok()
                .flatten()
                .as_deref(),
            Some("calling back about T2026-000042")
        );
        assert!(matches!(
            reveal_reason(Role::Warehouse, true, Some("just curious, really")),
            Err(ApiError::Forbidden)
        ));
        assert_eq!(reveal_reason(Role::Customer, true, None).ok(), Some(None));
    }
}
