//! Service contracts and the machines they cover: stored, read, found in force for a
//! machine on a day, ending in a period, ended early, and linked to the renewal they came
//! from.
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use uuid::Uuid;

/// Stores a contract and the machines it covers.
pub(crate) async fn insert_contract(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::billing::Contract,
) -> Result<()> {
    sqlx::query(
        "insert into contract (contract_id, number, customer_id, body, starts_on, ends_on, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(c.customer_id.to_string())
    .bind(serde_json::to_string(c)?)
    .bind(c.starts_on.to_string())
    .bind(c.ends_on.to_string())
    .bind(c.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    for m in &c.machines {
        sqlx::query(
            "insert into contract_machine (contract_id, machine_key) values ($1, $2) on conflict do nothing",
        )
        .bind(c.id.to_string())
        .bind(crate::domain::machine_key(&m.brand, &m.serial))
        .execute(uow.conn())
        .await?;
    }
    Ok(())
}

/// A contract by id or number.
pub(crate) async fn contract(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::billing::Contract>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from contract where contract_id = $1 or number = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| aftercare_platform::db::from_json(&b))
        .transpose()
}

/// Contracts, of one customer when given, newest first.
pub(crate) async fn contracts(
    conn: &mut AnyConnection,
    customer_id: Option<Uuid>,
) -> Result<Vec<aftercare_contracts::billing::Contract>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from contract where ($1 = '' or customer_id = $1) order by contract_id desc limit 500",
    )
    .bind(customer_id.map(|c| c.to_string()).unwrap_or_default())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(b,)| aftercare_platform::db::from_json(&b))
        .collect()
}

/// The contract in force on `day` for a machine, if any.
pub(crate) async fn contract_on(
    conn: &mut AnyConnection,
    machine_key: &str,
    day: chrono::NaiveDate,
) -> Result<Option<crate::domain::ContractInForce>> {
    let row: Option<(String,)> = sqlx::query_as(
        "select c.body from contract c join contract_machine m on m.contract_id = c.contract_id
         where m.machine_key = $1 and c.starts_on <= $2 and c.ends_on >= $2
         order by c.contract_id desc limit 1",
    )
    .bind(machine_key)
    .bind(day.to_string())
    .fetch_optional(conn)
    .await?;
    row.map(|(b,)| {
        aftercare_platform::db::from_json::<aftercare_contracts::billing::Contract>(&b).map(|c| {
            crate::domain::ContractInForce {
                number: c.number,
                coverage: c.coverage,
            }
        })
    })
    .transpose()
}

/// Contracts ending between two days, inclusive.
pub(crate) async fn contracts_ending(
    conn: &mut AnyConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<aftercare_contracts::billing::Contract>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select body from contract where ends_on >= $1 and ends_on <= $2 order by ends_on limit 1000",
    )
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

/// Contracts recorded between two instants (ms), oldest first, with the renewal each
/// came from.
pub(crate) async fn contracts_created(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<(aftercare_contracts::billing::Contract, Option<String>)>> {
    let rows: Vec<(String, Option<String>)> = sqlx::query_as(
        "select body, renewal_of from contract where created_at >= $1 and created_at < $2 order by created_at, number",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(b, r)| Ok((from_json(&b)?, r)))
        .collect()
}

/// Notes the renewal a contract came from.
pub(crate) async fn mark_renewal_of(
    uow: &mut UnitOfWork,
    contract_id: Uuid,
    renewal_id: Uuid,
) -> Result<()> {
    sqlx::query("update contract set renewal_of = $1 where contract_id = $2")
        .bind(renewal_id.to_string())
        .bind(contract_id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

/// Ends a contract early, only if it was not ended before; false otherwise.
pub(crate) async fn terminate_contract(
    uow: &mut UnitOfWork,
    c: &aftercare_contracts::billing::Contract,
    termination: &serde_json::Value,
) -> Result<bool> {
    let done = sqlx::query(
        "update contract set ends_on = $1, body = $2, terminated = $3
         where contract_id = $4 and terminated is null",
    )
    .bind(c.ends_on.to_string())
    .bind(serde_json::to_string(c)?)
    .bind(termination.to_string())
    .bind(c.id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether a contract was already ended early.
pub(crate) async fn contract_terminated(
    conn: &mut AnyConnection,
    contract_id: Uuid,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from contract where contract_id = $1 and terminated is not null",
    )
    .bind(contract_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}
