//! Purchasing: reorder rules per part and location, a location's position (available and on
//! order), and purchase requests from draft to received.
use aftercare_platform::db::Guard;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

/// Saves the rule of a part at a location.
pub(crate) async fn save_rule(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::inventory::StockRule,
) -> Result<()> {
    sqlx::query(
        "insert into stock_rule (sku, location, reorder_point, min_qty, max_qty) values ($1, $2, $3, $4, $5)
         on conflict (sku, location) do update set reorder_point = excluded.reorder_point,
            min_qty = excluded.min_qty, max_qty = excluded.max_qty",
    )
    .bind(&r.sku)
    .bind(&r.location)
    .bind(i64::from(r.reorder_point))
    .bind(i64::from(r.min))
    .bind(i64::from(r.max))
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Every rule (of one part when given).
pub(crate) async fn rules(
    conn: &mut AnyConnection,
    sku: Option<&str>,
) -> Result<Vec<aftercare_contracts::inventory::StockRule>> {
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
        "select sku, location, reorder_point, min_qty, max_qty from stock_rule where ($1 = '' or sku = $1)
         order by sku, location",
    )
    .bind(sku.unwrap_or_default())
    .fetch_all(conn)
    .await?;
    let n = |v: i64| v.clamp(0, i64::from(u32::MAX)) as u32;
    Ok(rows
        .into_iter()
        .map(
            |(sku, location, rp, min, max)| aftercare_contracts::inventory::StockRule {
                sku,
                location,
                reorder_point: n(rp),
                min: n(min),
                max: n(max),
            },
        )
        .collect())
}

/// Units available at a location (on hand − reserved) and on order for it.
pub(crate) async fn position(
    conn: &mut AnyConnection,
    sku: &str,
    location: &str,
) -> Result<(i64, i64)> {
    let available: Option<i64> =
        sqlx::query_scalar("select on_hand - reserved from stock where sku = $1 and location = $2")
            .bind(sku)
            .bind(location)
            .fetch_optional(&mut *conn)
            .await?;
    let on_order: i64 = sqlx::query_scalar(
        "select cast(coalesce(sum(quantity), 0) as bigint) from purchase_request
         where sku = $1 and location = $2 and status in ('draft', 'approved', 'ordered')",
    )
    .bind(sku)
    .bind(location)
    .fetch_one(conn)
    .await?;
    Ok((available.unwrap_or(0), on_order))
}

#[derive(FromRow)]
struct PurchaseRow {
    purchase_id: String,
    number: String,
    sku: String,
    location: String,
    quantity: i64,
    reason: String,
    basis: String,
    status: String,
    order_reference: Option<String>,
    created_at: i64,
    version: i64,
}

impl PurchaseRow {
    fn into_request(self) -> Result<aftercare_contracts::inventory::PurchaseRequest> {
        Ok(aftercare_contracts::inventory::PurchaseRequest {
            id: aftercare_platform::db::parse_id(&self.purchase_id)?,
            number: self.number,
            sku: self.sku,
            location: self.location,
            quantity: self.quantity.clamp(0, i64::from(u32::MAX)) as u32,
            reason: aftercare_platform::db::from_text(&self.reason)?,
            basis: self.basis,
            status: aftercare_platform::db::from_text(&self.status)?,
            order_reference: self.order_reference,
            created_at: aftercare_platform::from_ms(self.created_at),
            version: self.version,
        })
    }
}

const PURCHASE: &str =
    "select purchase_id, number, sku, location, quantity, reason, basis, status, order_reference,
    created_at, version from purchase_request";

/// Stores a new draft purchase request under `number` (the next of its series, taken by
/// the caller in this transaction).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_purchase(
    uow: &mut UnitOfWork,
    number: &str,
    sku: &str,
    location: &str,
    quantity: u32,
    reason: aftercare_contracts::inventory::PurchaseReason,
    basis: &str,
    now: i64,
) -> Result<aftercare_contracts::inventory::PurchaseRequest> {
    let id = Uuid::now_v7();
    sqlx::query(
        "insert into purchase_request (purchase_id, number, sku, location, quantity, reason, basis, status, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, 1)",
    )
    .bind(id.to_string())
    .bind(number)
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .bind(aftercare_platform::db::to_text(&reason))
    .bind(basis)
    .bind(now)
    .execute(uow.conn())
    .await?;
    purchase(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(|| aftercare_platform::Error::Config("purchase request vanished".into()))
}

/// A purchase request by id or number.
pub(crate) async fn purchase(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::PurchaseRequest>> {
    let row: Option<PurchaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PURCHASE} where purchase_id = $1 or number = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(PurchaseRow::into_request).transpose()
}

/// A page of purchase requests by id.
pub(crate) async fn purchases(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::inventory::PurchaseStatus>,
    after: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::PurchaseRequest>> {
    let rows: Vec<PurchaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PURCHASE} where ($1 = '' or status = $1) and purchase_id > $2 order by purchase_id limit $3"
    )))
    .bind(status.map(|s| aftercare_platform::db::to_text(&s)).unwrap_or_default())
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(PurchaseRow::into_request).collect()
}

/// Moves a purchase request still at `version`; false when it moved on.
pub(crate) async fn move_purchase(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    to: aftercare_contracts::inventory::PurchaseStatus,
    reference: Option<&str>,
) -> Result<bool> {
    let done = Guard::new("purchase_request", "purchase_id", id, version)
        .update(
            uow.conn(),
            "status = $1, order_reference = coalesce($2, order_reference)",
            |q| q.bind(aftercare_platform::db::to_text(&to)).bind(reference),
        )
        .await?;
    Ok(done.is_updated())
}
