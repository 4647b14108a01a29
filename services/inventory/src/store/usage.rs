//! Parts used per visit with the machine's model and the fault, for the usage report.
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Records the units of a part used on a visit, with the model and the fault.
pub(crate) async fn record_usage(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    sku: &str,
    quantity: u32,
    model: &str,
    fault: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "insert into part_usage (work_order_id, sku, quantity, model, fault, used_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (work_order_id, sku) do nothing",
    )
    .bind(work_order_id.to_string())
    .bind(sku)
    .bind(i64::from(quantity))
    .bind(model)
    .bind(fault)
    .bind(at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Units and visits per model, fault and part in `[from, to)`, most used first.
pub(crate) async fn usage(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<aftercare_contracts::inventory::UsageLine>> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "select model, fault, sku, cast(sum(quantity) as bigint), count(*) from part_usage
         where used_at >= $1 and used_at < $2 group by model, fault, sku
         order by 4 desc, 1, 2, 3",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(model, fault, sku, quantity, visits)| aftercare_contracts::inventory::UsageLine {
                model,
                fault,
                sku,
                quantity,
                visits,
            },
        )
        .collect())
}
