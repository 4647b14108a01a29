//! Units held for work orders and the lines waiting for stock (backorders): held, consumed,
//! released, fulfilled.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Holds `quantity` units of a location for a work order if they are still available;
/// false when another reservation took them first.
pub(crate) async fn reserve(
    uow: &mut UnitOfWork,
    sku: &str,
    location: &str,
    quantity: u32,
    work_order: (Uuid, &str),
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "update stock set reserved = reserved + $3 where sku = $1 and location = $2 and on_hand - reserved >= $3",
    )
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n != 1 {
        return Ok(false);
    }
    sqlx::query(
        "insert into reservation (reservation_id, work_order_id, work_order_number, sku, location, quantity, status, created_at)
         values ($1, $2, $3, $4, $5, $6, 'reserved', $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(work_order.0.to_string())
    .bind(work_order.1)
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(true)
}

/// Records a line waiting for stock.
pub(crate) async fn backorder(
    uow: &mut UnitOfWork,
    sku: &str,
    quantity: u32,
    preferred: Option<&str>,
    work_order: (Uuid, &str),
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into backorder (backorder_id, work_order_id, work_order_number, sku, quantity, preferred_location, status, created_at)
         values ($1, $2, $3, $4, $5, $6, 'open', $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(work_order.0.to_string())
    .bind(work_order.1)
    .bind(sku)
    .bind(i64::from(quantity))
    .bind(preferred)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// An open backorder line.
pub(crate) struct OpenBackorder {
    pub(crate) id: String,
    pub(crate) work_order_id: Uuid,
    pub(crate) work_order_number: String,
    pub(crate) quantity: u32,
    pub(crate) preferred: Option<String>,
}

/// Open backorders of a part, oldest first.
pub(crate) async fn open_backorders(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<Vec<OpenBackorder>> {
    let rows: Vec<(String, String, String, i64, Option<String>)> = sqlx::query_as(
        "select backorder_id, work_order_id, work_order_number, quantity, preferred_location from backorder
         where sku = $1 and status = 'open' order by created_at, backorder_id",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, wo, number, q, preferred)| {
            Ok(OpenBackorder {
                id,
                work_order_id: aftercare_platform::db::parse_id(&wo)?,
                work_order_number: number,
                quantity: q.clamp(0, i64::from(u32::MAX)) as u32,
                preferred,
            })
        })
        .collect()
}

/// Marks a backorder fulfilled; false when another receipt did first.
pub(crate) async fn fulfil(uow: &mut UnitOfWork, id: &str, now: i64) -> Result<bool> {
    let n = sqlx::query("update backorder set status = 'fulfilled', fulfilled_at = $1 where backorder_id = $2 and status = 'open'")
        .bind(now)
        .bind(id)
        .execute(uow.conn())
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Puts a claimed backorder back when its units were taken meanwhile.
pub(crate) async fn reopen(uow: &mut UnitOfWork, id: &str) -> Result<()> {
    sqlx::query(
        "update backorder set status = 'open', fulfilled_at = null where backorder_id = $1",
    )
    .bind(id)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Whether a work order still has open backorders.
pub(crate) async fn has_open_backorders(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from backorder where work_order_id = $1 and status = 'open'",
    )
    .bind(work_order_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// A work order's held units of a part: (reservation id, location, quantity).
pub(crate) async fn reservations_of(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
    sku: &str,
) -> Result<Vec<(String, String, u32)>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "select reservation_id, location, quantity from reservation
         where work_order_id = $1 and sku = $2 and status = 'reserved' order by created_at",
    )
    .bind(work_order_id.to_string())
    .bind(sku)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, l, q)| (id, l, q.clamp(0, i64::from(u32::MAX)) as u32))
        .collect())
}

/// Turns held units into a consumption: they leave stock and the hold ends.
pub(crate) async fn consume_reserved(
    uow: &mut UnitOfWork,
    reservation_id: &str,
    sku: &str,
    location: &str,
    quantity: u32,
    reference: &str,
    now: i64,
) -> Result<()> {
    let q = i64::from(quantity);
    let n = sqlx::query(
        "update stock set on_hand = on_hand - $3, reserved = reserved - $3
         where sku = $1 and location = $2 and reserved >= $3 and on_hand >= $3",
    )
    .bind(sku)
    .bind(location)
    .bind(q)
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n != 1 {
        return Err(aftercare_platform::Error::Conflict(format!(
            "reservation {reservation_id} does not match stock at {location}"
        )));
    }
    sqlx::query(
        "update reservation set status = 'consumed', closed_at = $1 where reservation_id = $2",
    )
    .bind(now)
    .bind(reservation_id)
    .execute(uow.conn())
    .await?;
    sqlx::query(
        "insert into movement (movement_id, sku, location, kind, quantity, reference, actor, reason, at)
         values ($1, $2, $3, 'consumption', $4, $5, 'dispatch', 'used on visit (reserved)', $6)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(sku)
    .bind(location)
    .bind(-q)
    .bind(reference)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Releases every unit still held for a work order and calls off its open backorders;
/// returns the units released.
pub(crate) async fn release_work_order(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    now: i64,
) -> Result<i64> {
    let held: Vec<(String, String, String, i64)> = sqlx::query_as(
        "select reservation_id, sku, location, quantity from reservation
         where work_order_id = $1 and status = 'reserved' order by created_at",
    )
    .bind(work_order_id.to_string())
    .fetch_all(uow.conn())
    .await?;
    let mut released = 0;
    for (id, sku, location, quantity) in held {
        sqlx::query(
            "update stock set reserved = reserved - $3 where sku = $1 and location = $2 and reserved >= $3",
        )
        .bind(&sku)
        .bind(&location)
        .bind(quantity)
        .execute(uow.conn())
        .await?;
        sqlx::query(
            "update reservation set status = 'released', closed_at = $1 where reservation_id = $2",
        )
        .bind(now)
        .bind(&id)
        .execute(uow.conn())
        .await?;
        released += quantity;
    }
    sqlx::query(
        "update backorder set status = 'cancelled', fulfilled_at = $1 where work_order_id = $2 and status = 'open'",
    )
    .bind(now)
    .bind(work_order_id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(released)
}
