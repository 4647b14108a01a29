//! The parts catalogue: parts added and changed (a new list price is announced), and
//! stock received into a location.
use aftercare_contracts::inventory::{CreatePart, Part, ReceiveStock, UpdatePart};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::store::stock::Movement;
use crate::{domain, store};

/// Adds a part to the catalogue; a SKU in use is refused.
pub(crate) async fn create(uow: &mut UnitOfWork, req: CreatePart) -> Result<Part, ServiceError> {
    let errors = domain::validate_part(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    if !store::parts::insert_part(uow, &req, now_ms()).await? {
        return Err(ServiceError::field(
            "sku",
            "duplicate",
            format!("part {} already exists", req.sku),
        ));
    }
    store::parts::get(uow.conn(), &req.sku)
        .await?
        .ok_or_else(ServiceError::internal)
}

/// Changes a catalogue entry at the version the clerk saw; a new list price is announced
/// (`inventory.part.price_changed`).
pub(crate) async fn update(
    uow: &mut UnitOfWork,
    req: UpdatePart,
    actor: Option<Actor>,
) -> Result<Part, ServiceError> {
    let entry = req.as_create();
    let errors = domain::validate_part(&entry);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let current = store::parts::get(uow.conn(), req.sku.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("part", &req.sku))?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "part {} is at version {}, not {}",
            current.sku, current.version, req.expected_version
        )));
    }
    if !store::parts::update_part(uow, &entry, current.version).await? {
        return Err(ServiceError::stale("the part was changed meanwhile"));
    }
    if let Some(changed) =
        domain::price_change(&current, &req.name, &req.list_price, from_ms(now_ms()))
    {
        uow.emit(&Envelope::new(changed, actor)).await?;
    }
    store::parts::get(uow.conn(), &current.sku)
        .await?
        .ok_or_else(ServiceError::internal)
}

/// Books stock received into a location and holds it for the oldest backorders it now
/// covers.
pub(crate) async fn receive(
    uow: &mut UnitOfWork,
    req: ReceiveStock,
    by: &str,
) -> Result<Part, ServiceError> {
    let errors = domain::validate_receipt(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    if store::parts::get(uow.conn(), &req.sku).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    super::locations::require(uow.conn(), req.location.trim(), "location").await?;
    let m = Movement {
        sku: &req.sku,
        location: req.location.trim(),
        kind: "receipt",
        quantity: i64::from(req.quantity),
        reference: &req.reference,
        actor: by,
        reason: "purchase received",
    };
    let now = now_ms();
    store::stock::record(uow, &m, now).await?;
    super::reservations::fill_backorders(uow, &req.sku, now).await?;
    store::parts::get(uow.conn(), &req.sku)
        .await?
        .ok_or_else(ServiceError::internal)
}
