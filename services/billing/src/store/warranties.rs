//! Registered warranty cards: kept per machine (the latest wins) and read by their end.
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow};

use super::parse_day;

/// Keeps a registered warranty (the latest card of a machine wins).
pub(crate) async fn record_warranty(
    uow: &mut UnitOfWork,
    w: &aftercare_contracts::intake::WarrantyRegistered,
    warranty_end: NaiveDate,
) -> Result<()> {
    sqlx::query(
        "insert into warranty (machine_key, card_number, customer_id, company, district, address, machine, warranty_end)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (machine_key) do update set card_number = excluded.card_number, customer_id = excluded.customer_id,
            company = excluded.company, district = excluded.district, address = excluded.address,
            machine = excluded.machine, warranty_end = excluded.warranty_end",
    )
    .bind(crate::domain::machine_key(&w.machine.brand, &w.machine.serial))
    .bind(&w.card_number)
    .bind(w.customer_id.to_string())
    .bind(&w.company)
    .bind(&w.district)
    .bind(&w.address)
    .bind(serde_json::to_string(&w.machine)?)
    .bind(warranty_end.to_string())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// A warranty as billing keeps it.
#[derive(FromRow)]
pub(crate) struct WarrantyRow {
    pub(crate) machine_key: String,
    pub(crate) card_number: String,
    pub(crate) customer_id: String,
    pub(crate) company: String,
    pub(crate) district: String,
    pub(crate) address: String,
    pub(crate) machine: String,
    pub(crate) warranty_end: String,
}

/// Warranties ending between two days, inclusive.
pub(crate) async fn warranties_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<WarrantyRow>> {
    let rows: Vec<WarrantyRow> = sqlx::query_as(
        "select machine_key, card_number, customer_id, company, district, address, machine, warranty_end
         from warranty where warranty_end >= $1 and warranty_end <= $2 order by warranty_end limit 1000",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// The last day of a machine's warranty as registered with its warranty card.
pub(crate) async fn warranty_end(
    conn: &mut AnyConnection,
    machine_key: &str,
) -> Result<Option<NaiveDate>> {
    let row: Option<(String,)> =
        sqlx::query_as("select warranty_end from warranty where machine_key = $1")
            .bind(machine_key)
            .fetch_optional(conn)
            .await?;
    row.map(|(d,)| parse_day(&d)).transpose()
}
