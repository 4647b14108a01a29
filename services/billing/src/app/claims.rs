//! Manufacturer claims (厂家索赔): a receipt's lines under a brand's warranty go to the
//! brand's open draft; clerks fill in the brand's fields, submit, record the decision and
//! the payment; each brand says which fields it requires.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::billing::{
    ClaimRequirements, ClaimStatus, ClaimStatusChanged, FeeTerms, Invoice, ManufacturerClaim,
    SetClaimFields, TransitionClaim,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{Error, Result, UnitOfWork, from_ms, now_ms};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::domain::{claims, numbering};
use crate::store;

/// Adds the receipt's lines a brand's warranty covers to that brand's open draft claim
/// (merged by [`claims::merge_into_draft`]), opening a draft under the next claim number
/// when the brand has none. A draft changed meanwhile by a clerk fails the whole receipt,
/// which is then issued again.
pub(crate) async fn claim_receipt(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    invoice: &Invoice,
    machine: &MachineInfo,
    terms: &FeeTerms,
    at: DateTime<Utc>,
) -> Result<()> {
    let lines = claims::claim_lines(invoice, machine);
    if lines.is_empty() {
        return Ok(());
    }
    let brand = claims::claim_brand(terms, machine);
    match store::claims::open_draft(uow.conn(), &brand).await? {
        Some(draft) => {
            let expected = draft.version;
            let merged = claims::merge_into_draft(draft, lines, at);
            if !store::claims::update_claim(uow, &merged, expected).await? {
                return Err(Error::Conflict("the draft claim changed meanwhile".into()));
            }
        }
        None => {
            let number = uow.next_number(&numbering::CLAIM, calendar, at).await?;
            let draft = claims::new_draft(
                Uuid::now_v7(),
                number,
                brand,
                lines,
                &invoice.total.currency,
                at,
            );
            store::claims::insert_claim(uow, &draft).await?;
        }
    }
    Ok(())
}

/// A claim at the version the clerk saw.
async fn load(
    uow: &mut UnitOfWork,
    id: &str,
    expected_version: i64,
) -> Result<ManufacturerClaim, ServiceError> {
    let c = store::claims::claim(uow.conn(), id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("claim", id))?;
    if c.version != expected_version {
        return Err(ServiceError::stale(format!(
            "claim is at version {}, not {expected_version}",
            c.version
        )));
    }
    Ok(c)
}

/// Fills in (or, with an empty value, removes) a draft claim's brand fields.
pub(crate) async fn set_fields(
    uow: &mut UnitOfWork,
    req: SetClaimFields,
) -> Result<ManufacturerClaim, ServiceError> {
    let errors = claims::check_fields(&req.fields);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let c = load(uow, &req.claim_id, req.expected_version).await?;
    if c.status != ClaimStatus::Draft {
        return Err(ServiceError::conflict(
            "not_a_draft",
            "fields are filled in while the claim is a draft",
        ));
    }
    let c = claims::with_fields(c, req.fields, from_ms(now_ms()));
    if !store::claims::update_claim(uow, &c, req.expected_version).await? {
        return Err(ServiceError::stale("the claim changed meanwhile"));
    }
    Ok(c)
}

/// Submits, decides or records payment of a claim (`billing.claim.status_changed`); a
/// submitted draft no longer gathers lines (the brand's next receipt opens a new draft).
pub(crate) async fn transition(
    uow: &mut UnitOfWork,
    req: TransitionClaim,
    actor: Option<Actor>,
) -> Result<ManufacturerClaim, ServiceError> {
    let c = load(uow, &req.claim_id, req.expected_version).await?;
    let required = store::claims::claim_requirements(uow.conn(), &c.brand)
        .await?
        .map(|r| r.required_fields)
        .unwrap_or_default();
    if let Some(a) = &req.amount
        && a.currency != c.total.currency
    {
        return Err(ServiceError::field(
            "amount.currency",
            "invalid",
            format!("the claim is in {}", c.total.currency),
        ));
    }
    let errors = claims::check_transition(
        &c,
        req.to,
        &req.note,
        req.amount.as_ref().map(|a| a.amount_minor),
        &required,
    );
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let moved = claims::moved(c, req.to, &req.note, req.amount, from_ms(now_ms()));
    if !store::claims::update_claim(uow, &moved, req.expected_version).await? {
        return Err(ServiceError::stale("the claim changed meanwhile"));
    }
    uow.emit(&Envelope::new(ClaimStatusChanged(moved.clone()), actor))
        .await?;
    Ok(moved)
}

/// Replaces the fields a brand requires before its claims are submitted.
pub(crate) async fn save_requirements(
    uow: &mut UnitOfWork,
    req: ClaimRequirements,
) -> Result<ClaimRequirements, ServiceError> {
    let errors = claims::check_requirements(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let r = claims::trimmed_requirements(req);
    store::claims::save_claim_requirements(uow, &r).await?;
    Ok(r)
}
