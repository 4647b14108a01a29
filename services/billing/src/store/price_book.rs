//! The parts' price book: list price changes as inventory announced them.
use aftercare_contracts::Money;
use aftercare_platform::{Result, UnitOfWork, from_ms};
use sqlx::AnyConnection;

/// Keeps one list price change in the price book (a redelivered change is kept once).
pub(crate) async fn record_price_change(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::inventory::PartPriceChanged,
) -> Result<()> {
    sqlx::query(
        "insert into part_price_change (sku, at, name, old_amount_minor, amount_minor, currency)
         values ($1, $2, $3, $4, $5, $6) on conflict (sku, at) do nothing",
    )
    .bind(&c.sku)
    .bind(c.at.timestamp_millis())
    .bind(&c.name)
    .bind(c.old_price.amount_minor)
    .bind(c.list_price.amount_minor)
    .bind(&c.list_price.currency)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A part's list price changes, oldest first, with its name at the latest.
pub(crate) async fn part_prices(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<Option<aftercare_contracts::billing::PartPrices>> {
    let rows: Vec<(i64, String, i64, i64, String)> = sqlx::query_as(
        "select at, name, old_amount_minor, amount_minor, currency from part_price_change
         where sku = $1 order by at",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    let Some((_, name, ..)) = rows.last() else {
        return Ok(None);
    };
    Ok(Some(aftercare_contracts::billing::PartPrices {
        sku: sku.to_owned(),
        name: name.clone(),
        changes: rows
            .iter()
            .map(
                |(at, _, old, new, currency)| aftercare_contracts::billing::PartPriceChange {
                    old_price: Money {
                        amount_minor: *old,
                        currency: currency.clone(),
                    },
                    list_price: Money {
                        amount_minor: *new,
                        currency: currency.clone(),
                    },
                    at: from_ms(*at),
                },
            )
            .collect(),
    }))
}
