//! Manufacturer claims (厂家索赔): listed, their brand fields filled in, submitted,
//! decided and paid; each brand's required fields; and the claims outstanding.
use std::collections::BTreeMap;

use aftercare_contracts::billing::{
    ClaimRequirements, ClaimStatus, ClaimStatusChanged, ClaimsOutstanding, ClaimsReportRequest,
    GetClaim, ListClaimRequirements, ListClaims, ManufacturerClaim, SetClaimFields,
    TransitionClaim,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{from_ms, now_ms};

use crate::{domain, store};

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ListClaims, _>(|State { db, .. }, _ctx, req: ListClaims| async move {
            let mut conn = db.read_conn().await?;
            Ok(Page {
                items: store::claims(&mut conn, req.status, req.brand.as_deref()).await?,
                next_cursor: None,
            })
        })
        .on::<GetClaim, _>(|State { db, .. }, _ctx, req: GetClaim| async move {
            let mut conn = db.read_conn().await?;
            store::claim(&mut conn, req.id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("claim", &req.id))
        })
        .on::<SetClaimFields, _>(set_fields)
        .on::<TransitionClaim, _>(transition)
        .on::<ListClaimRequirements, _>(
            |State { db, .. }, _ctx, _req: ListClaimRequirements| async move {
                let mut conn = db.read_conn().await?;
                Ok(Page {
                    items: store::all_claim_requirements(&mut conn).await?,
                    next_cursor: None,
                })
            },
        )
        .on::<ClaimRequirements, _>(save_requirements)
        .on::<ClaimsReportRequest, _>(outstanding)
}

async fn load(
    uow: &mut aftercare_platform::UnitOfWork,
    id: &str,
    expected_version: i64,
) -> Result<ManufacturerClaim, ServiceError> {
    let c = store::claim(uow.conn(), id.trim())
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
async fn set_fields(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: SetClaimFields,
) -> Result<ManufacturerClaim, ServiceError> {
    let errors = domain::claims::check_fields(&req.fields);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let mut c = load(&mut uow, &req.claim_id, req.expected_version).await?;
    if c.status != ClaimStatus::Draft {
        return Err(ServiceError::conflict(
            "not_a_draft",
            "fields are filled in while the claim is a draft",
        ));
    }
    for (k, v) in req.fields {
        if v.trim().is_empty() {
            c.fields.remove(k.trim());
        } else {
            c.fields.insert(k.trim().to_owned(), v.trim().to_owned());
        }
    }
    c.version += 1;
    c.updated_at = from_ms(now_ms());
    if !store::update_claim(&mut uow, &c, req.expected_version).await? {
        return Err(ServiceError::stale("the claim changed meanwhile"));
    }
    uow.commit().await?;
    Ok(c)
}

/// Submits, decides or records payment of a claim; a submitted draft no longer gathers
/// lines (the brand's next receipt opens a new draft).
async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionClaim,
) -> Result<ManufacturerClaim, ServiceError> {
    let mut uow = db.begin().await?;
    let c = load(&mut uow, &req.claim_id, req.expected_version).await?;
    let required = store::claim_requirements(uow.conn(), &c.brand)
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
    let errors = domain::claims::check_transition(
        &c,
        req.to,
        &req.note,
        req.amount.as_ref().map(|a| a.amount_minor),
        &required,
    );
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let moved = ManufacturerClaim {
        status: req.to,
        note: if req.note.trim().is_empty() {
            c.note.clone()
        } else {
            Some(req.note.trim().to_owned())
        },
        paid: if req.to == ClaimStatus::Paid {
            req.amount
        } else {
            c.paid.clone()
        },
        updated_at: from_ms(now_ms()),
        version: c.version + 1,
        ..c
    };
    if !store::update_claim(&mut uow, &moved, req.expected_version).await? {
        return Err(ServiceError::stale("the claim changed meanwhile"));
    }
    uow.emit(&Envelope::new(ClaimStatusChanged(moved.clone()), ctx.actor))
        .await?;
    uow.commit().await?;
    Ok(moved)
}

async fn save_requirements(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ClaimRequirements,
) -> Result<ClaimRequirements, ServiceError> {
    let errors = domain::claims::check_requirements(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let r = ClaimRequirements {
        brand: req.brand.trim().to_owned(),
        required_fields: req
            .required_fields
            .iter()
            .map(|f| f.trim().to_owned())
            .collect(),
    };
    let mut uow = db.begin().await?;
    store::save_claim_requirements(&mut uow, &r).await?;
    uow.commit().await?;
    Ok(r)
}

/// Claims not yet settled, per brand: drafts, submitted, approved awaiting payment.
async fn outstanding(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ClaimsReportRequest,
) -> Result<Page<ClaimsOutstanding>, ServiceError> {
    let mut conn = db.read_conn().await?;
    let mut by_brand: BTreeMap<String, ClaimsOutstanding> = BTreeMap::new();
    for c in store::unsettled_claims(&mut conn).await? {
        let row = by_brand
            .entry(store::brand_key(&c.brand))
            .or_insert_with(|| ClaimsOutstanding {
                brand: c.brand.clone(),
                draft: 0,
                draft_minor: 0,
                submitted: 0,
                submitted_minor: 0,
                approved: 0,
                approved_minor: 0,
                oldest: None,
            });
        let total = c.total.amount_minor;
        match c.status {
            ClaimStatus::Draft => {
                row.draft += 1;
                row.draft_minor += total;
            }
            ClaimStatus::Submitted => {
                row.submitted += 1;
                row.submitted_minor += total;
            }
            ClaimStatus::Approved => {
                row.approved += 1;
                row.approved_minor += total;
            }
            ClaimStatus::Rejected | ClaimStatus::Paid => {}
        }
        row.oldest = Some(row.oldest.map_or(c.created_at, |o| o.min(c.created_at)));
    }
    Ok(Page {
        items: by_brand.into_values().collect(),
        next_cursor: None,
    })
}
