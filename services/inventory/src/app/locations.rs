//! Stock locations (warehouses, technicians' vans): registered once, and required to
//! exist wherever stock is booked, counted or ordered.
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{CreateLocation, Location};
use aftercare_platform::{UnitOfWork, now_ms};
use sqlx::AnyConnection;

use crate::{domain, store};

/// Registers a location; a code in use is refused.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    req: CreateLocation,
) -> Result<Location, ServiceError> {
    let errors = domain::validate_location(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let l = Location {
        code: req.code.trim().to_owned(),
        kind: req.kind,
        name: req.name.trim().to_owned(),
        technician_id: req.technician_id,
    };
    if !store::locations::insert_location(uow, &l, now_ms()).await? {
        return Err(ServiceError::field(
            "code",
            "duplicate",
            format!("location {} already exists", l.code),
        ));
    }
    Ok(l)
}

/// 422 naming `field` when `code` is not a registered location.
pub(crate) async fn require(
    conn: &mut AnyConnection,
    code: &str,
    field: &str,
) -> Result<(), ServiceError> {
    if store::locations::location_exists(conn, code).await? {
        Ok(())
    } else {
        Err(ServiceError::field(
            field,
            "unknown_location",
            format!("{code:?} is not a registered stock location"),
        ))
    }
}
