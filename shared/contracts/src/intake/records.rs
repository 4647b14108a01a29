//! Keeping the customer registry (客户台帐): updating customers and machines with the
//! history of who changed what, merging a duplicate record into the one that stays,
//! deactivating a customer, and notes on tickets.
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{
    ContactInput, CustomerTier, GeoPoint, Language, MachineContract, NotificationChannel, limits,
};
use crate::{Event, Service};

/// Whether a customer record is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CustomerStatus {
    /// In use: found by searches and matched to new tickets.
    #[default]
    Active,
    /// No longer served: not offered for new tickets; its records stay readable.
    Inactive,
    /// Found to be a duplicate and merged into another record (`merged_into`).
    Merged,
}

/// Request: change a customer (`svc.intake.customer.update`). Only the fields given
/// change; each change is written to the customer's history. Contacts are replaced as a
/// whole list; a phone that belongs to another customer is refused (409) naming it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomer {
    /// Customer id or number.
    pub customer_id: String,
    /// Company or person, 1–200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::NAME)]
    pub company: Option<String>,
    /// The whole list of contacts, 1–20 (as on registration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CONTACTS)]
    pub contacts: Option<Vec<ContactInput>>,
    /// Street address, up to 500 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::ADDRESS)]
    pub address: Option<String>,
    /// Service district, 1–64 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::DISTRICT)]
    pub district: Option<String>,
    /// Map position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Tier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<CustomerTier>,
    /// How the customer wants to be told about their requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_channel: Option<NotificationChannel>,
    /// The language of those messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Notes, up to 2000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::NOTES)]
    pub notes: Option<String>,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: merge a duplicate customer record into this one (`svc.intake.customer.merge`):
/// its tickets, machines, warranty cards and contacts move here, it is marked merged into
/// this record, and both histories say so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeCustomers {
    /// The record that stays (id or number).
    pub customer_id: String,
    /// The duplicate (id or number).
    #[schemars(transform = &limits::NUMBER)]
    pub duplicate_id: String,
    /// Why, up to 2000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub reason: String,
    /// The version of the record that stays, as the caller saw it.
    pub expected_version: i64,
}

/// Request: deactivate or reactivate a customer (`svc.intake.customer.set_active`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetCustomerActive {
    /// Customer id or number.
    pub customer_id: String,
    /// `false` deactivates, `true` reactivates.
    pub active: bool,
    /// Why, 1–2000 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

/// Request: change a machine (`svc.intake.machine.update`): where it stands, the
/// contract on it, notes. Each change is written to the machine's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateMachine {
    /// Machine id.
    pub machine_id: String,
    /// Where it stands at the customer, up to 200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::INSTALL_LOCATION)]
    pub install_location: Option<String>,
    /// The maintenance contract covering it (number 1–64 characters, last day covered).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<MachineContract>,
    /// `true` removes the contract reference (not with `contract`).
    #[serde(default)]
    pub remove_contract: bool,
    /// Notes, up to 2000 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::NOTES)]
    pub notes: Option<String>,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

crate::rpc::id_request!(
    /// Request: one machine by id (`svc.intake.machine.get`).
    GetMachine
);

/// Request: a page of a customer's history, oldest first (`svc.intake.customer.history`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetCustomerHistory {
    /// Customer id or number.
    pub customer_id: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: a page of a machine's history, oldest first (`svc.intake.machine.history`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetMachineHistory {
    /// Machine id.
    pub machine_id: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// One line of a customer's or machine's history: who changed which field from what to
/// what, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RecordChange {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: an account id, or the service that made the change.
    pub actor: String,
    /// The account's display name (filled in by the gateway).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// The field, as named in the record (`address`, `contacts[0].phones`, `status`,
    /// `merged_into`, `customer_id`, `contract`).
    pub field: String,
    /// The value before (absent when the field was empty or new).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<String>,
    /// The value after (absent when it was removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<String>,
    /// Why, when the change was given a reason (deactivation, merge).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// Event `intake.customer.merged`: a duplicate customer record was merged into another.
/// Services that keep customer ids can re-key what they hold of the duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerMerged {
    /// The record that stays.
    pub customer_id: Uuid,
    /// Its number.
    pub number: String,
    /// The duplicate, now merged into `customer_id`.
    pub duplicate_id: Uuid,
    /// The duplicate's number.
    pub duplicate_number: String,
    /// The machines that moved to `customer_id`.
    pub machine_ids: Vec<Uuid>,
    /// How many tickets moved.
    pub tickets_moved: u32,
}

impl Event for CustomerMerged {
    const TYPE: &'static str = "intake.customer.merged";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Intake;
    fn subject_id(&self) -> String {
        self.duplicate_id.to_string()
    }
}

impl CustomerMerged {
    /// A representative event, for documentation and tests.
    pub fn example() -> Self {
        Self {
            customer_id: Uuid::nil(),
            number: "C2026-000001".into(),
            duplicate_id: Uuid::max(),
            duplicate_number: "C2026-000007".into(),
            machine_ids: vec![Uuid::nil()],
            tickets_moved: 2,
        }
    }
}

/// Who sees a note on a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteVisibility {
    /// The service desk only.
    Internal,
    /// Also the customer (their portal and self-service view).
    Customer,
}

/// Request: add a note to a ticket (`svc.intake.ticket.add_note`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddTicketNote {
    /// Ticket id or number.
    pub ticket_id: String,
    /// The note, 1–4000 characters.
    #[schemars(transform = &limits::TICKET_NOTE)]
    pub text: String,
    /// Who sees it.
    pub visibility: NoteVisibility,
}

/// A note on a ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TicketNote {
    /// UUIDv7.
    pub id: Uuid,
    /// The ticket.
    pub ticket_id: Uuid,
    /// When it was written.
    pub at: DateTime<Utc>,
    /// Who wrote it: an account id (a customer sees `staff` for the desk's notes).
    pub actor: String,
    /// The account's display name (filled in by the gateway; not shown to customers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// Who sees it.
    pub visibility: NoteVisibility,
    /// The note.
    pub text: String,
}

/// Request: a page of a ticket's notes, oldest first (`svc.intake.ticket.notes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListTicketNotes {
    /// Ticket id or number.
    pub ticket_id: String,
    /// Only the notes the customer sees.
    #[serde(default)]
    pub customer_visible_only: bool,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}
