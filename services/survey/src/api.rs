//! Survey's request endpoints (`svc.survey.*`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::rpc::{ById, ByWorkOrder, Page};
use aftercare_contracts::survey::Callback;
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, endpoint};

use crate::store;

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    let d1 = db.clone();
    vec![
        endpoint("callback.get", move |_ctx, req: ById| get(d1.clone(), req)),
        endpoint("callback.list", move |_ctx, req: ByWorkOrder| {
            list(db.clone(), req)
        }),
    ]
}

async fn get(db: Db, req: ById) -> Result<Callback, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::find(&mut conn, false, req.id.trim())
        .await?
        .pop()
        .ok_or_else(|| ServiceError::not_found("callback", &req.id))
}

async fn list(db: Db, req: ByWorkOrder) -> Result<Page<Callback>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::find(&mut conn, true, req.work_order_id.trim()).await?,
        next_cursor: None,
    })
}
