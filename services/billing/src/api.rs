//! Billing's request endpoints (`svc.billing.*`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::Invoice;
use aftercare_contracts::rpc::{ById, ByWorkOrder, Page};
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, endpoint};

use crate::store;

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    let d1 = db.clone();
    vec![
        endpoint("invoice.get", move |_ctx, req: ById| get(d1.clone(), req)),
        endpoint("invoice.list", move |_ctx, req: ByWorkOrder| {
            list(db.clone(), req)
        }),
    ]
}

async fn get(db: Db, req: ById) -> Result<Invoice, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))
}

async fn list(db: Db, req: ByWorkOrder) -> Result<Page<Invoice>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::by_work_order(&mut conn, req.work_order_id.trim()).await?,
        next_cursor: None,
    })
}
