//! Keeping the customer registry (客户台帐): changing a customer or a machine at the
//! version the caller saw, with a history line per changed field; merging a duplicate
//! customer into the record that stays; deactivating and reactivating customers; notes on
//! tickets.
use aftercare_contracts::intake::{
    AddTicketNote, Customer, CustomerMerged, CustomerStatus, Machine, MergeCustomers,
    SetCustomerActive, TicketNote, UpdateCustomer, UpdateMachine, limits,
};
use aftercare_contracts::{Actor, Envelope, FieldError, ServiceError};
use aftercare_platform::UnitOfWork;
use aftercare_platform::db::Guarded;
use aftercare_platform::{from_ms, now_ms};
use uuid::Uuid;

use crate::app::customers::duplicate_phone;
use crate::domain::records::{
    self, MergeRefusal, apply_machine_update, apply_update, change_status, customer_changes,
    machine_changes, phone_fields, plan_merge, validate_update,
};
use crate::store;
use crate::store::customers::{self as customers, RecordKind};

/// Who the history names: the caller's user id.
fn actor_id(actor: &Option<Actor>) -> String {
    actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

fn stale_customer(c: &Customer) -> ServiceError {
    ServiceError::stale(format!(
        "customer {} is at version {}; read it again",
        c.number, c.version
    ))
}

/// The customer at the version the caller saw: 404 when missing, 412 when it moved on.
async fn current_customer(
    uow: &mut UnitOfWork,
    id: &str,
    expected: i64,
) -> Result<Customer, ServiceError> {
    let c = customers::get_customer(uow.conn(), id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("customer", id))?;
    if c.version != expected {
        return Err(stale_customer(&c));
    }
    Ok(c)
}

async fn reread_customer(uow: &mut UnitOfWork, id: Uuid) -> Result<Customer, ServiceError> {
    customers::get_customer(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}

/// The 409 for a change of a record that was merged into another.
fn merged(field: &str, c: &Customer) -> ServiceError {
    let into = c.merged_into.map(|m| m.to_string()).unwrap_or_default();
    ServiceError {
        status: 409,
        code: "customer_merged".into(),
        title: "Customer record merged".into(),
        detail: format!(
            "customer {} was merged into customer {into}; change that record",
            c.number
        ),
        errors: vec![FieldError {
            field: field.into(),
            code: "merged".into(),
            message: format!("merged into customer {into}"),
        }],
    }
}

/// Stores `after` over `before` (read at `version`): 412 when it moved on meanwhile.
async fn store_customer(
    uow: &mut UnitOfWork,
    before: &Customer,
    after: &Customer,
    version: i64,
    at: i64,
) -> Result<(), ServiceError> {
    match customers::update_customer(uow, after, version, at).await? {
        Guarded::Updated => Ok(()),
        Guarded::NotFound => Err(ServiceError::not_found("customer", &before.id.to_string())),
        Guarded::VersionMismatch => Err(stale_customer(before)),
    }
}

/// Changes the fields of a customer the request gives, at the version the caller saw;
/// each changed field is a line of the customer's history. A phone that belongs to
/// another customer is a 409 naming it; nothing changes on any refusal.
pub(crate) async fn update_customer(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: UpdateCustomer,
) -> Result<Customer, ServiceError> {
    let current = current_customer(uow, &req.customer_id, req.expected_version).await?;
    if current.status == CustomerStatus::Merged {
        return Err(merged("customer_id", &current));
    }
    let updated = apply_update(&current, &req);
    let errors = validate_update(&updated, &req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let lines = customer_changes(&current, &updated);
    if lines.is_empty() {
        return Ok(current);
    }
    let phones = phone_fields(&updated.contacts);
    let keys: Vec<String> = phones.iter().map(|(_, k)| k.clone()).collect();
    let phones_changed = phone_fields(&current.contacts)
        .into_iter()
        .map(|(_, k)| k)
        .collect::<Vec<_>>()
        != keys;
    if phones_changed {
        for (key, owner) in customers::phone_key_owners(uow.conn(), &keys).await? {
            if owner == current.id.to_string() {
                continue;
            }
            let field = phones
                .iter()
                .find(|(_, k)| *k == key)
                .map(|(f, _)| f.clone())
                .unwrap_or_else(|| "contacts".into());
            let other = customers::get_customer(uow.conn(), &owner)
                .await?
                .ok_or_else(ServiceError::internal)?;
            return Err(duplicate_phone(field, &other));
        }
    }
    let now = now_ms();
    store_customer(uow, &current, &updated, req.expected_version, now).await?;
    if phones_changed && !customers::replace_phones(uow, current.id, &keys).await? {
        return Err(ServiceError::conflict(
            "duplicate_phone",
            "a phone number was registered to another customer meanwhile; read the customer again",
        ));
    }
    customers::record_changes(
        uow,
        RecordKind::Customer,
        current.id,
        (&actor_id(&actor), ""),
        &lines,
        now,
    )
    .await?;
    reread_customer(uow, current.id).await
}

/// Merges the duplicate into the customer that stays (at the version the caller saw):
/// tickets, machines, warranty cards and phones move, the survivor takes over what
/// [`records::plan_merge`] says, the duplicate is marked merged into it, both histories
/// (and each moved machine's) say so, and `intake.customer.merged` is staged.
pub(crate) async fn merge_customers(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: MergeCustomers,
) -> Result<Customer, ServiceError> {
    let mut errors = Vec::new();
    limits::NOTE.check(&mut errors, "reason", &req.reason);
    limits::NUMBER.check(&mut errors, "duplicate_id", &req.duplicate_id);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let survivor = current_customer(uow, &req.customer_id, req.expected_version).await?;
    let duplicate = customers::get_customer(uow.conn(), req.duplicate_id.trim())
        .await?
        .ok_or_else(|| {
            ServiceError::field(
                "duplicate_id",
                "unknown",
                format!("customer {} does not exist", req.duplicate_id.trim()),
            )
        })?;
    let plan = match plan_merge(&survivor, &duplicate) {
        Ok(plan) => plan,
        Err(MergeRefusal::Same) => {
            return Err(ServiceError::field(
                "duplicate_id",
                "same",
                "a record cannot be merged into itself",
            ));
        }
        Err(MergeRefusal::SurvivorMerged(_)) => return Err(merged("customer_id", &survivor)),
        Err(MergeRefusal::DuplicateMerged(_)) => return Err(merged("duplicate_id", &duplicate)),
        Err(MergeRefusal::TooManyContacts(n)) => {
            return Err(ServiceError::field(
                "duplicate_id",
                "too_many_contacts",
                format!(
                    "together the records have {n} contacts, more than {}; remove some first",
                    crate::domain::customers::MAX_CONTACTS
                ),
            ));
        }
    };
    let now = now_ms();
    let who = actor_id(&actor);
    let reason = req.reason.trim();
    let machines = customers::move_machines(uow, duplicate.id, survivor.id, now).await?;
    let tickets = customers::move_customer_records(uow, duplicate.id, survivor.id, now).await?;
    store_customer(uow, &survivor, &plan.survivor, req.expected_version, now).await?;
    let mut gone = duplicate.clone();
    gone.status = CustomerStatus::Merged;
    gone.merged_into = Some(survivor.id);
    store_customer(uow, &duplicate, &gone, duplicate.version, now).await?;
    customers::record_changes(
        uow,
        RecordKind::Customer,
        survivor.id,
        (&who, reason),
        &plan.survivor_lines,
        now,
    )
    .await?;
    customers::record_changes(
        uow,
        RecordKind::Customer,
        duplicate.id,
        (&who, reason),
        &plan.duplicate_lines,
        now,
    )
    .await?;
    for m in &machines {
        let moved = Machine {
            customer_id: survivor.id,
            ..m.clone()
        };
        customers::record_changes(
            uow,
            RecordKind::Machine,
            m.id,
            (&who, reason),
            &machine_changes(m, &moved),
            now,
        )
        .await?;
    }
    let event = CustomerMerged {
        customer_id: survivor.id,
        number: survivor.number.clone(),
        duplicate_id: duplicate.id,
        duplicate_number: duplicate.number.clone(),
        machine_ids: machines.iter().map(|m| m.id).collect(),
        tickets_moved: u32::try_from(tickets).unwrap_or(u32::MAX),
    };
    uow.emit(&Envelope::new(event, actor)).await?;
    reread_customer(uow, survivor.id).await
}

/// Deactivates or reactivates a customer, with the reason in its history; a customer
/// already so is answered as it is.
pub(crate) async fn set_active(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: SetCustomerActive,
) -> Result<Customer, ServiceError> {
    let errors = records::validate_reason(&req.reason);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let current = current_customer(uow, &req.customer_id, req.expected_version).await?;
    let (to, line) = match change_status(current.status, req.active) {
        Err(_) => return Err(merged("customer_id", &current)),
        Ok(None) => return Ok(current),
        Ok(Some(change)) => change,
    };
    let now = now_ms();
    let updated = Customer {
        status: to,
        ..current.clone()
    };
    store_customer(uow, &current, &updated, req.expected_version, now).await?;
    customers::record_changes(
        uow,
        RecordKind::Customer,
        current.id,
        (&actor_id(&actor), req.reason.trim()),
        &[line],
        now,
    )
    .await?;
    reread_customer(uow, current.id).await
}

/// Changes a machine's location, contract or notes at the version the caller saw; each
/// changed field is a line of the machine's history.
pub(crate) async fn update_machine(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: UpdateMachine,
) -> Result<Machine, ServiceError> {
    let m = customers::get_machine(uow.conn(), req.machine_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("machine", &req.machine_id))?;
    let stale = || {
        ServiceError::stale(format!(
            "machine {} {} is at version {}; read it again",
            m.brand, m.serial, m.version
        ))
    };
    if m.version != req.expected_version {
        return Err(stale());
    }
    let after = apply_machine_update(&m, &req).map_err(ServiceError::validation)?;
    let lines = machine_changes(&m, &after);
    if lines.is_empty() {
        return Ok(m);
    }
    let now = now_ms();
    match customers::update_machine(uow, &after, req.expected_version, now).await? {
        Guarded::Updated => {}
        Guarded::NotFound => return Err(ServiceError::not_found("machine", &req.machine_id)),
        Guarded::VersionMismatch => return Err(stale()),
    }
    customers::record_changes(
        uow,
        RecordKind::Machine,
        m.id,
        (&actor_id(&actor), ""),
        &lines,
        now,
    )
    .await?;
    customers::get_machine(uow.conn(), &m.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}

/// Adds a note to a ticket; the ticket itself does not change.
pub(crate) async fn add_note(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: AddTicketNote,
) -> Result<TicketNote, ServiceError> {
    let errors = records::validate_ticket_note(&req.text);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = store::get(uow.conn(), req.ticket_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", &req.ticket_id))?;
    let note = TicketNote {
        id: Uuid::now_v7(),
        ticket_id: t.id,
        at: from_ms(now_ms()),
        actor: actor_id(&actor),
        actor_name: None,
        visibility: req.visibility,
        text: req.text.trim().to_owned(),
    };
    store::notes::insert(uow, &note).await?;
    Ok(note)
}
