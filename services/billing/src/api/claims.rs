//! Manufacturer claims (厂家索赔): listed, their brand fields filled in, submitted,
//! decided and paid; each brand's required fields; and the claims outstanding.
use std::collections::BTreeMap;

use aftercare_contracts::billing::{
    ClaimRequirements, ClaimStatus, ClaimStatusChanged, ClaimsOutstanding, ClaimsReportRequest,
    ListClaimRequirements, ListClaims, ManufacturerClaim, SetClaimFields, TransitionClaim,
};
use aftercare_contracts::rpc::{ById, Page};
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoint, RequestContext, endpoint};
use aftercare_platform::{Db, from_ms, now_ms};

use crate::{domain, store};

pub(super) fn endpoints(db: Db) -> Vec<Endpoint> {
    let (d1, d2, d3, d4, d5, d6) = (
        db.clone(),
        db.clone(),
        db.clone(),
        db.clone(),
        db.clone(),
        db.clone(),
    );
    vec![
        endpoint("claim.list", move |_ctx, req: ListClaims| {
            let db = d1.clone();
            async move {
                let mut conn = db.read_conn().await?;
                Ok::<_, ServiceError>(Page {
                    items: store::claims(&mut conn, req.status, req.brand.as_deref()).await?,
                    next_cursor: None,
                })
            }
        }),
        endpoint("claim.get", move |_ctx, req: ById| {
            let db = d2.clone();
            async move {
                let mut conn = db.read_conn().await?;
                store::claim(&mut conn, req.id.trim())
                    .await?
                    .ok_or_else(|| ServiceError::not_found("claim", &req.id))
            }
        }),
        endpoint("claim.fields", move |_ctx, req| set_fields(d3.clone(), req)),
        endpoint("claim.transition", move |ctx, req| {
            transition(d4.clone(), ctx, req)
        }),
        endpoint(
            "claim_requirements.list",
            move |_ctx, _req: ListClaimRequirements| {
                let db = d5.clone();
                async move {
                    let mut conn = db.read_conn().await?;
                    Ok::<_, ServiceError>(Page {
                        items: store::all_claim_requirements(&mut conn).await?,
                        next_cursor: None,
                    })
                }
            },
        ),
        endpoint("claim_requirements.save", move |_ctx, req| {
            save_requirements(d6.clone(), req)
        }),
        endpoint("report.claims", move |_ctx, _req: ClaimsReportRequest| {
            outstanding(db.clone())
        }),
    ]
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
async fn set_fields(db: Db, req: SetClaimFields) -> Result<ManufacturerClaim, ServiceError> {
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
    db: Db,
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
    db: Db,
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
async fn outstanding(db: Db) -> Result<Page<ClaimsOutstanding>, ServiceError> {
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
