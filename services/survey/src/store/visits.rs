//! What survey keeps of other services' events: who took each ticket and for whom, and
//! every completed visit with the faults and parts it repeats (what callbacks, reports and
//! quality warnings are built from).
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::TicketOpened;
use aftercare_platform::db::to_text;
use aftercare_platform::{Result, UnitOfWork};

use crate::domain::quality::repeats;

/// Remembers who took a ticket and for whom; false when already known.
pub(crate) async fn record_ticket(
    uow: &mut UnitOfWork,
    t: &TicketOpened,
    agent: Option<&str>,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into ticket_info (ticket_id, number, customer_id, customer_name, district, agent, opened_at)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (ticket_id) do nothing",
    )
    .bind(t.ticket_id.to_string())
    .bind(&t.number)
    .bind(t.customer_id.map(|c| c.to_string()))
    .bind(&t.customer.name)
    .bind(&t.customer.district)
    .bind(agent)
    .bind(t.opened_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Moves what survey recorded under a customer record merged into another (the tickets its
/// callbacks are for, its call tasks, its weekly chase rows) to the record that stays;
/// returns how many rows moved (none when redelivered).
pub(crate) async fn rekey_customer(
    uow: &mut UnitOfWork,
    from: uuid::Uuid,
    to: uuid::Uuid,
) -> Result<u64> {
    let mut moved = 0;
    for table in ["ticket_info", "call_task", "receivable_chase"] {
        moved += sqlx::query(sqlx::AssertSqlSafe(format!(
            "update {table} set customer_id = $1 where customer_id = $2"
        )))
        .bind(to.to_string())
        .bind(from.to_string())
        .execute(uow.conn())
        .await?
        .rows_affected();
    }
    Ok(moved)
}

/// Remembers a completed visit and what it repeats; false when already known.
pub(crate) async fn record_visit(uow: &mut UnitOfWork, w: &WorkOrderCompleted) -> Result<bool> {
    let (brand, model) = w
        .machine
        .as_ref()
        .map(|m| (m.brand.trim().to_owned(), m.model.trim().to_owned()))
        .unwrap_or_default();
    let skus: Vec<String> = w.parts.iter().map(|p| p.sku.trim().to_owned()).collect();
    let finished = w.finished_at.timestamp_millis();
    let n = sqlx::query(
        "insert into visit (work_order_id, number, ticket_id, technician_id, technician_name, team,
            customer_name, district, brand, model, fault, parts, finished_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict (work_order_id) do nothing",
    )
    .bind(w.work_order_id.to_string())
    .bind(&w.number)
    .bind(w.ticket_id.to_string())
    .bind(w.technician_id.to_string())
    .bind(&w.technician_name)
    .bind(&w.team)
    .bind(&w.customer_name)
    .bind(&w.district)
    .bind(&brand)
    .bind(&model)
    .bind(w.fault.as_deref())
    .bind(serde_json::to_string(&skus)?)
    .bind(finished)
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n == 1 && !model.is_empty() {
        for (kind, key) in repeats(w.fault.as_deref(), &skus) {
            sqlx::query(
                "insert into visit_repeat (work_order_id, brand, model, repeat_kind, repeat_key, finished_at)
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(w.work_order_id.to_string())
            .bind(&brand)
            .bind(&model)
            .bind(to_text(&kind))
            .bind(&key)
            .bind(finished)
            .execute(uow.conn())
            .await?;
        }
    }
    Ok(n == 1)
}
