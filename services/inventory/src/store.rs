//! Inventory's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::Money;
use aftercare_contracts::inventory::Part;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct PartRow {
    sku: String,
    name: String,
    list_price_minor: i64,
    currency: String,
    on_hand: i64,
}

/// A part with its total stock.
pub(crate) async fn get(conn: &mut AnyConnection, sku: &str) -> Result<Option<Part>> {
    let row: Option<PartRow> = sqlx::query_as(
        "select p.sku, p.name, p.list_price_minor, p.currency,
                cast(coalesce((select sum(s.on_hand) from stock s where s.sku = p.sku), 0) as bigint) as on_hand
         from part p where p.sku = $1",
    )
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| Part {
        sku: r.sku,
        name: r.name,
        list_price: Money {
            amount_minor: r.list_price_minor,
            currency: r.currency,
        },
        on_hand: r.on_hand,
    }))
}

/// Adds a part; false when the SKU exists.
pub(crate) async fn insert_part(
    uow: &mut UnitOfWork,
    sku: &str,
    name: &str,
    price: &Money,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into part (sku, name, list_price_minor, currency, created_at) values ($1, $2, $3, $4, $5) on conflict (sku) do nothing",
    )
    .bind(sku)
    .bind(name)
    .bind(price.amount_minor)
    .bind(&price.currency)
    .bind(now)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Stock per location of a part.
pub(crate) async fn locations(conn: &mut AnyConnection, sku: &str) -> Result<Vec<(String, i64)>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("select location, on_hand from stock where sku = $1")
            .bind(sku)
            .fetch_all(conn)
            .await?;
    Ok(rows)
}

/// One ledger entry.
pub(crate) struct Movement<'a> {
    pub(crate) sku: &'a str,
    pub(crate) location: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) quantity: i64,
    pub(crate) reference: &'a str,
    pub(crate) actor: &'a str,
    pub(crate) reason: &'a str,
}

/// Records a movement and applies it to the balance. A withdrawal larger than the
/// balance is refused (and the balance's `check (on_hand >= 0)` backs that up).
pub(crate) async fn record(uow: &mut UnitOfWork, m: &Movement<'_>, now: i64) -> Result<()> {
    if m.quantity >= 0 {
        sqlx::query(
            "insert into stock (sku, location, on_hand) values ($1, $2, $3)
             on conflict (sku, location) do update set on_hand = stock.on_hand + $3",
        )
        .bind(m.sku)
        .bind(m.location)
        .bind(m.quantity)
        .execute(uow.conn())
        .await?;
    } else {
        let taken = sqlx::query("update stock set on_hand = on_hand + $3 where sku = $1 and location = $2 and on_hand + $3 >= 0")
            .bind(m.sku)
            .bind(m.location)
            .bind(m.quantity)
            .execute(uow.conn())
            .await?
            .rows_affected();
        if taken != 1 {
            return Err(aftercare_platform::Error::Conflict(format!(
                "{} × {} is not on hand at {}; stock never goes negative",
                -m.quantity, m.sku, m.location
            )));
        }
    }
    sqlx::query(
        "insert into movement (movement_id, sku, location, kind, quantity, reference, actor, reason, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(m.sku)
    .bind(m.location)
    .bind(m.kind)
    .bind(m.quantity)
    .bind(m.reference)
    .bind(m.actor)
    .bind(m.reason)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}
