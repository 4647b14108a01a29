//! Payments and credit notes taken off a receipt.
use aftercare_contracts::billing::CreditNote;
use aftercare_platform::db::from_json;
use aftercare_platform::{Result, UnitOfWork};
use chrono::NaiveDate;
use sqlx::AnyConnection;
use uuid::Uuid;

/// Records a payment.
pub(crate) async fn insert_payment(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::billing::Payment,
) -> Result<()> {
    sqlx::query(
        "insert into payment (payment_id, invoice_id, method, amount_minor, collected_by, reference, recorded_by, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(p.id.to_string())
    .bind(p.invoice_id.to_string())
    .bind(aftercare_platform::db::to_text(&p.method))
    .bind(p.amount.amount_minor)
    .bind(p.collected_by.map(|c| c.to_string()))
    .bind(&p.reference)
    .bind(&p.recorded_by)
    .bind(p.at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Stores a credit note.
pub(crate) async fn insert_credit_note(
    uow: &mut UnitOfWork,
    c: &CreditNote,
    issued_day: NaiveDate,
) -> Result<()> {
    sqlx::query(
        "insert into credit_note (credit_note_id, number, invoice_id, amount_minor, body, issued_day, issued_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(c.id.to_string())
    .bind(&c.number)
    .bind(c.invoice_id.to_string())
    .bind(c.amount.amount_minor)
    .bind(serde_json::to_string(c)?)
    .bind(issued_day.to_string())
    .bind(c.issued_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// The credit notes of a receipt, oldest first.
pub(crate) async fn credit_notes(
    conn: &mut AnyConnection,
    invoice_id: Uuid,
) -> Result<Vec<CreditNote>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select body from credit_note where invoice_id = $1 order by number")
            .bind(invoice_id.to_string())
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(|(b,)| from_json(&b)).collect()
}

#[derive(sqlx::FromRow)]
struct PaymentRow {
    payment_id: String,
    invoice_id: String,
    method: String,
    amount_minor: i64,
    currency: String,
    collected_by: Option<String>,
    reference: String,
    recorded_by: String,
    at: i64,
}

/// The payments of a receipt, oldest first, in the receipt's currency.
pub(crate) async fn payments(
    conn: &mut AnyConnection,
    invoice_id: Uuid,
) -> Result<Vec<aftercare_contracts::billing::Payment>> {
    use aftercare_platform::db::{from_text, parse_id};
    let rows: Vec<PaymentRow> = sqlx::query_as(
        "select p.payment_id, p.invoice_id, p.method, p.amount_minor, i.currency, p.collected_by,
            p.reference, p.recorded_by, p.at
         from payment p join invoice i on i.invoice_id = p.invoice_id
         where p.invoice_id = $1 order by p.at, p.payment_id",
    )
    .bind(invoice_id.to_string())
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(aftercare_contracts::billing::Payment {
                id: parse_id(&r.payment_id)?,
                invoice_id: parse_id(&r.invoice_id)?,
                method: from_text(&r.method)?,
                amount: aftercare_contracts::Money {
                    amount_minor: r.amount_minor,
                    currency: r.currency,
                },
                collected_by: r.collected_by.as_deref().map(parse_id).transpose()?,
                reference: r.reference,
                recorded_by: r.recorded_by,
                at: aftercare_platform::from_ms(r.at),
            })
        })
        .collect()
}
