//! Re-keying what billing recorded under a customer record that was merged into another
//! (`intake.customer.merged`): every row keyed by the duplicate's id, and every JSON body
//! naming it, names the record that stays. Running it twice changes nothing the second
//! time (no row names the duplicate any more).
use aftercare_platform::{Result, UnitOfWork};
use uuid::Uuid;

/// Tables whose `customer_id` column names the customer.
const KEYED: [&str; 4] = ["contract", "invoice", "ticket", "warranty"];
/// Tables whose JSON body names the customer (`"customer_id":"<uuid>"`, as serde writes
/// it). A renewal's or refund's version stays: the customer is not a field anyone edits,
/// so a form read before the merge still answers the record.
const BODIES: [&str; 3] = ["contract", "renewal", "refund"];

/// Moves everything recorded under `from` to `to`; returns how many rows changed.
pub(crate) async fn rekey_customer(uow: &mut UnitOfWork, from: Uuid, to: Uuid) -> Result<u64> {
    let (from, to) = (from.to_string(), to.to_string());
    let mut changed = 0;
    for table in BODIES {
        changed += sqlx::query(sqlx::AssertSqlSafe(format!(
            "update {table} set body = replace(body, $1, $2) where body like $3"
        )))
        .bind(format!("\"customer_id\":\"{from}\""))
        .bind(format!("\"customer_id\":\"{to}\""))
        .bind(format!("%\"customer_id\":\"{from}\"%"))
        .execute(uow.conn())
        .await?
        .rows_affected();
    }
    for table in KEYED {
        changed += sqlx::query(sqlx::AssertSqlSafe(format!(
            "update {table} set customer_id = $1 where customer_id = $2"
        )))
        .bind(&to)
        .bind(&from)
        .execute(uow.conn())
        .await?
        .rows_affected();
    }
    Ok(changed)
}
