//! Technicians: profiles (skills, certificates, team, shift, start position, van) and
//! leave.
use aftercare_contracts::ServiceError;
use aftercare_contracts::dispatch::{
    AddLeave, CreateTechnician, Leave, Technician, UpdateTechnician,
};
use aftercare_platform::{UnitOfWork, now_ms};
use uuid::Uuid;

use crate::domain::technicians::{profile, validate_leave, validate_technician};
use crate::store::technicians as store;

/// Adds a technician from a checked profile, active at version 1.
pub(crate) async fn create(
    uow: &mut UnitOfWork,
    req: &CreateTechnician,
) -> Result<Technician, ServiceError> {
    let errors = validate_technician(req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = profile(Uuid::now_v7(), req, true, 1);
    store::insert(uow, &t, now_ms()).await?;
    Ok(t)
}

/// Replaces a technician's profile (and whether they are active) if it is still at the
/// version the caller saw.
pub(crate) async fn update(
    uow: &mut UnitOfWork,
    req: &UpdateTechnician,
) -> Result<Technician, ServiceError> {
    let p = req.profile();
    let errors = validate_technician(&p);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let current = store::get(uow.conn(), req.technician_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.technician_id))?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "technician {} is at version {}, not {}",
            current.name, current.version, req.expected_version
        )));
    }
    let t = profile(current.id, &p, req.active, current.version);
    if !store::update(uow, &t, current.version).await? {
        return Err(ServiceError::stale("the technician was changed meanwhile"));
    }
    store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}

/// Records a technician's leave (assignment skips them on those days).
pub(crate) async fn add_leave(
    uow: &mut UnitOfWork,
    req: &AddLeave,
) -> Result<Technician, ServiceError> {
    let errors = validate_leave(req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = store::get(uow.conn(), req.technician_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.technician_id))?;
    let leave = Leave {
        from: req.from,
        to: req.to,
        reason: req.reason.trim().to_owned(),
    };
    store::add_leave(uow, t.id, &leave, now_ms()).await?;
    store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}
