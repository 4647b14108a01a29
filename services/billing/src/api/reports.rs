//! Billing's reports: receivables ageing and revenue with warranty and contract cost.
use aftercare_contracts::billing::{ContractsSignedReport, ContractsSignedRequest};
use aftercare_contracts::billing::{
    Iou, Receivable, ReceivablesReport, ReceivablesRequest, RevenueReport, RevenueRequest,
};
use aftercare_contracts::{Money, ServiceError};
use aftercare_platform::db::from_json;
use aftercare_platform::from_ms;
use aftercare_platform::rpc::{Endpoints, RequestContext};
use chrono::NaiveDate;

use super::State;
use crate::domain::{contracts, receivables, revenue};
use crate::store;

/// The report endpoints.
pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<ContractsSignedRequest, _>(contracts_signed)
        .on::<ReceivablesRequest, _>(receivables)
        .on::<RevenueRequest, _>(revenue)
}

/// Receivables ageing on a day: every receipt issued by then with something owed, its
/// age in days since its day of issue (the company's local date) and bucket, and totals per bucket.
async fn receivables(
    State { db, calendar }: State,
    _ctx: RequestContext,
    req: ReceivablesRequest,
) -> Result<ReceivablesReport, ServiceError> {
    let mut conn = db.read_conn().await?;
    let mut totals = receivables::empty_totals();
    let mut items = Vec::new();
    for r in store::receipts::open_receivables(&mut conn, req.as_of).await? {
        let issued_on = NaiveDate::parse_from_str(&r.issued_day, "%Y-%m-%d")
            .unwrap_or_else(|_| calendar.local_date(from_ms(r.issued_at)));
        let age_days = (req.as_of - issued_on).num_days();
        let bucket = receivables::bucket(age_days);
        receivables::add_to_totals(&mut totals, bucket, r.owed);
        items.push(Receivable {
            number: r.number,
            customer_name: r.customer_name,
            issued_on,
            age_days,
            bucket,
            outstanding: Money {
                amount_minor: r.owed,
                currency: r.currency,
            },
            iou_promised_on: r
                .iou
                .as_deref()
                .and_then(|t| from_json::<Iou>(t).ok())
                .map(|i| i.promised_on),
        });
    }
    Ok(ReceivablesReport {
        as_of: req.as_of,
        totals,
        items,
    })
}

/// Revenue of the receipts issued in a period, grouped as asked, in the currency of the
/// schedule in force on the last day (receipts in another currency are left out).
async fn revenue(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: RevenueRequest,
) -> Result<RevenueReport, ServiceError> {
    revenue::check_period(req.from, req.to).map_err(|e| ServiceError::validation(vec![e]))?;
    let mut conn = db.read_conn().await?;
    let (_, terms) = store::fee_schedules::fee_schedule_on(&mut conn, req.to).await?;
    let receipts = store::receipts::revenue_facts(&mut conn, req.from, req.to).await?;
    let (rows, total) = revenue::revenue(&receipts, &terms.currency, req.group_by);
    Ok(RevenueReport {
        from: req.from,
        to: req.to,
        currency: terms.currency,
        rows,
        total,
    })
}

/// The contracts recorded in a service-local month, renewals told apart from new ones.
async fn contracts_signed(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: ContractsSignedRequest,
) -> Result<ContractsSignedReport, ServiceError> {
    let (first, next) = contracts::month_of(req.month);
    let from = calendar.start_of_day(first).timestamp_millis();
    let to = calendar.start_of_day(next).timestamp_millis();
    let mut conn = db.read_conn().await?;
    let rows = store::contracts::contracts_created(&mut conn, from, to).await?;
    let ending = store::renewals::statuses_ending(&mut conn, first, next).await?;
    Ok(contracts::signed_report(
        first,
        rows.into_iter().map(|(c, r)| (c, r.is_some())).collect(),
        contracts::renewals_ending(ending),
    ))
}
