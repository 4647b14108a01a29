//! Inventory's request endpoints (`svc.inventory.*`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{CreatePart, Part, ReceiveStock};
use aftercare_contracts::rpc::ById;
use aftercare_platform::rpc::{Endpoint, RequestContext, endpoint};
use aftercare_platform::{Db, now_ms};

use crate::domain;
use crate::store::{self, Movement};

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    let (d1, d2) = (db.clone(), db.clone());
    vec![
        endpoint("part.create", move |_ctx, req| create(d1.clone(), req)),
        endpoint("part.receive", move |ctx, req| {
            receive(d2.clone(), ctx, req)
        }),
        endpoint("part.get", move |_ctx, req: ById| get(db.clone(), req)),
    ]
}

async fn create(db: Db, req: CreatePart) -> Result<Part, ServiceError> {
    let errors = domain::validate_part(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    if !store::insert_part(
        &mut uow,
        &req.sku,
        req.name.trim(),
        &req.list_price,
        now_ms(),
    )
    .await?
    {
        return Err(ServiceError::field(
            "sku",
            "duplicate",
            format!("part {} already exists", req.sku),
        ));
    }
    let part = store::get(uow.conn(), &req.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

async fn receive(db: Db, ctx: RequestContext, req: ReceiveStock) -> Result<Part, ServiceError> {
    let errors = domain::validate_receipt(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    if store::get(uow.conn(), &req.sku).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    let actor = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    let m = Movement {
        sku: &req.sku,
        location: req.location.trim(),
        kind: "receipt",
        quantity: i64::from(req.quantity),
        reference: &req.reference,
        actor,
        reason: "purchase received",
    };
    let now = now_ms();
    store::record(&mut uow, &m, now).await?;
    crate::consumers::fill_backorders(&mut uow, &req.sku, now).await?;
    let part = store::get(uow.conn(), &req.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

async fn get(db: Db, req: ById) -> Result<Part, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("part", &req.id))
}
