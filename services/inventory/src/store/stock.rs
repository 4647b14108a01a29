//! Stock balances and the ledger: units available per location, movements recorded and
//! applied to the balance under the ledger's guards (never below zero nor below what is
//! reserved), a part's ledger, and the stock figures the report reads.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::stock_report::PartStock;

/// Units per location of a part that are not reserved.
pub(crate) async fn locations(conn: &mut AnyConnection, sku: &str) -> Result<Vec<(String, i64)>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("select location, on_hand - reserved from stock where sku = $1")
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
        let taken = sqlx::query("update stock set on_hand = on_hand + $3 where sku = $1 and location = $2 and on_hand + $3 >= reserved")
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

/// A part's balances per location.
pub(crate) async fn balances(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<std::collections::BTreeMap<String, crate::domain::ledger::Balance>> {
    let rows: Vec<(String, i64, i64)> =
        sqlx::query_as("select location, on_hand, reserved from stock where sku = $1")
            .bind(sku)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(l, on_hand, reserved)| (l, crate::domain::ledger::Balance { on_hand, reserved }))
        .collect())
}

/// Books planned entries with the ledger's guards (no balance below zero or below what is
/// reserved); fails, changing nothing, when a guard does not hold.
pub(crate) async fn book(
    uow: &mut UnitOfWork,
    sku: &str,
    entries: &[crate::domain::ledger::Entry],
    reference: &str,
    actor: &str,
    reason: &str,
    now: i64,
) -> Result<()> {
    for e in entries {
        let m = Movement {
            sku,
            location: &e.at,
            kind: e.kind,
            quantity: e.quantity,
            reference,
            actor,
            reason,
        };
        record(uow, &m, now).await?;
    }
    Ok(())
}

/// A part's ledger, newest first; cursor: the last movement id.
pub(crate) async fn movements(
    conn: &mut AnyConnection,
    sku: &str,
    before: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::StockMovement>> {
    let rows: Vec<MovementRow> = sqlx::query_as(
        "select movement_id, sku, location, kind, quantity, reference, actor, reason, at from movement
         where sku = $1 and ($2 = '' or movement_id < $2) order by movement_id desc limit $3",
    )
    .bind(sku)
    .bind(before)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(aftercare_contracts::inventory::StockMovement {
                id: aftercare_platform::db::parse_id(&r.movement_id)?,
                sku: r.sku,
                location: r.location,
                kind: r.kind,
                quantity: r.quantity,
                reference: r.reference,
                actor: r.actor,
                reason: r.reason,
                at: aftercare_platform::from_ms(r.at),
            })
        })
        .collect()
}

#[derive(FromRow)]
struct MovementRow {
    movement_id: String,
    sku: String,
    location: String,
    kind: String,
    quantity: i64,
    reference: String,
    actor: String,
    reason: String,
    at: i64,
}

/// Every part with stock on hand, cost, use in `[from, to)` and rating.
pub(crate) async fn stock_facts(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<PartStock>> {
    #[derive(FromRow)]
    struct Row {
        sku: String,
        name: String,
        on_hand: i64,
        unit_cost_minor: Option<i64>,
        used: i64,
        failure_prone: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "select p.sku, p.name,
            cast(coalesce((select sum(s.on_hand) from stock s where s.sku = p.sku), 0) as bigint) as on_hand,
            p.unit_cost_minor,
            cast(coalesce((select -sum(m.quantity) from movement m where m.sku = p.sku and m.kind = 'consumption'
                and m.at >= $1 and m.at < $2), 0) as bigint) as used,
            p.failure_prone
         from part p order by p.sku",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| PartStock {
            sku: r.sku,
            name: r.name,
            on_hand: r.on_hand,
            unit_cost_minor: r.unit_cost_minor,
            used: r.used,
            failure_prone: r.failure_prone,
        })
        .collect())
}
