//! Billing's request endpoints (`svc.billing.*`).
use aftercare_contracts::Envelope;
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    AgeBucket, BucketTotal, Contract, ContractSigned, CreateContract, Invoice, ListContracts,
    Payment, Receivable, ReceivablesReport, ReceivablesRequest, RecordPayment,
};
use aftercare_contracts::rpc::{ById, ByWorkOrder, Page};
use aftercare_contracts::rpc::{FieldError, check_text};
use aftercare_platform::Db;
use aftercare_platform::rpc::RequestContext;
use aftercare_platform::rpc::{Endpoint, endpoint};
use aftercare_platform::{from_ms, now_ms};
use chrono::Datelike;
use uuid::Uuid;

use crate::store;

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    let d1 = db.clone();
    let (cc, cg, cl) = (db.clone(), db.clone(), db.clone());
    let (pr, rr) = (db.clone(), db.clone());
    vec![
        endpoint("payment.record", move |ctx, req| {
            record_payment(pr.clone(), ctx, req)
        }),
        endpoint("report.receivables", move |_ctx, req| {
            receivables(rr.clone(), req)
        }),
        endpoint("contract.create", move |ctx, req| {
            create_contract(cc.clone(), ctx, req)
        }),
        endpoint("contract.get", move |_ctx, req: ById| {
            get_contract(cg.clone(), req)
        }),
        endpoint("contract.list", move |_ctx, req| {
            list_contracts(cl.clone(), req)
        }),
        endpoint("invoice.get", move |_ctx, req: ById| get(d1.clone(), req)),
        endpoint("invoice.list", move |_ctx, req: ByWorkOrder| {
            list(db.clone(), req)
        }),
    ]
}

async fn get(db: Db, req: ById) -> Result<Invoice, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.id))
}

async fn list(db: Db, req: ByWorkOrder) -> Result<Page<Invoice>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::by_work_order(&mut conn, req.work_order_id.trim()).await?,
        next_cursor: None,
    })
}

fn validate_contract(req: &CreateContract) -> Vec<FieldError> {
    let mut e = Vec::new();
    let err = |field: &str, code: &str, message: &str| FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    };
    check_text(&mut e, "customer_name", &req.customer_name, 1, 200);
    check_text(&mut e, "district", &req.district, 1, 64);
    if req.address.chars().count() > 500 {
        e.push(err(
            "address",
            "too_long",
            "address must be at most 500 characters",
        ));
    }
    if req.machines.is_empty() || req.machines.len() > 50 {
        e.push(err(
            "machines",
            "out_of_range",
            "a contract covers 1-50 machines",
        ));
    }
    for (i, m) in req.machines.iter().enumerate() {
        check_text(&mut e, &format!("machines[{i}].serial"), &m.serial, 1, 64);
        check_text(&mut e, &format!("machines[{i}].brand"), &m.brand, 1, 64);
        check_text(&mut e, &format!("machines[{i}].model"), &m.model, 1, 100);
    }
    if req.ends_on < req.starts_on {
        e.push(err(
            "ends_on",
            "before_start",
            "ends_on must not be before starts_on",
        ));
    } else if (req.ends_on - req.starts_on).num_days() > 3 * 366 {
        e.push(err(
            "ends_on",
            "out_of_range",
            "a contract runs three years at most",
        ));
    }
    if req.coverage.visit_every_months > 12 {
        e.push(err(
            "coverage.visit_every_months",
            "out_of_range",
            "visit_every_months is 0 to 12",
        ));
    }
    if req.price.amount_minor < 0 {
        e.push(err(
            "price.amount_minor",
            "negative",
            "a price cannot be negative",
        ));
    }
    e
}

/// Records a signed contract and announces it (`billing.contract.signed`).
async fn create_contract(
    db: Db,
    ctx: RequestContext,
    req: CreateContract,
) -> Result<Contract, ServiceError> {
    let errors = validate_contract(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = from_ms(now_ms());
    let mut uow = db.begin().await?;
    let year = now.year();
    let number =
        aftercare_platform::db::human_number("K", year, uow.next_number("contract", year).await?);
    let c = Contract {
        id: Uuid::now_v7(),
        number,
        customer_id: req.customer_id,
        customer_name: req.customer_name.trim().to_owned(),
        district: req.district.trim().to_owned(),
        address: req.address.trim().to_owned(),
        machines: req.machines,
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        coverage: req.coverage,
        price: req.price,
        created_at: now,
    };
    store::insert_contract(&mut uow, &c).await?;
    uow.emit(&Envelope::new(ContractSigned(c.clone()), ctx.actor))
        .await?;
    uow.commit().await?;
    Ok(c)
}

async fn get_contract(db: Db, req: ById) -> Result<Contract, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::contract(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("contract", &req.id))
}

async fn list_contracts(db: Db, req: ListContracts) -> Result<Page<Contract>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::contracts(&mut conn, req.customer_id).await?,
        next_cursor: None,
    })
}

/// Records a payment of a receipt; more than is outstanding, or another currency, is refused.
async fn record_payment(
    db: Db,
    ctx: RequestContext,
    req: RecordPayment,
) -> Result<Payment, ServiceError> {
    if req.reference.chars().count() > 100 {
        return Err(ServiceError::field(
            "reference",
            "too_long",
            "reference must be at most 100 characters",
        ));
    }
    if req.amount.amount_minor <= 0 {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "out_of_range",
            "a payment is more than zero",
        ));
    }
    let mut uow = db.begin().await?;
    let inv = store::get(uow.conn(), req.invoice_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("invoice", &req.invoice_id))?;
    if req.amount.currency != inv.total_charged.currency {
        return Err(ServiceError::field(
            "amount.currency",
            "invalid",
            format!("the receipt is in {}", inv.total_charged.currency),
        ));
    }
    let owed = inv.total_charged.amount_minor - store::paid(uow.conn(), inv.id).await?;
    if req.amount.amount_minor > owed {
        return Err(ServiceError::field(
            "amount.amount_minor",
            "more_than_owed",
            format!("{owed} is outstanding on {}", inv.number),
        ));
    }
    let p = Payment {
        id: Uuid::now_v7(),
        invoice_id: inv.id,
        method: req.method,
        amount: req.amount,
        collected_by: req.collected_by,
        reference: req.reference.trim().to_owned(),
        recorded_by: ctx
            .actor
            .as_ref()
            .map(|a| a.user_id.clone())
            .unwrap_or_else(|| "anonymous".into()),
        at: from_ms(now_ms()),
    };
    store::insert_payment(&mut uow, &p).await?;
    uow.commit().await?;
    Ok(p)
}

/// Receivables ageing on a day: every receipt issued by then with something owed, its age
/// and bucket, and the totals per bucket.
async fn receivables(db: Db, req: ReceivablesRequest) -> Result<ReceivablesReport, ServiceError> {
    let end = (req.as_of + chrono::Duration::days(1))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .timestamp_millis();
    let mut conn = db.read_conn().await?;
    let mut items = Vec::new();
    let mut totals: Vec<BucketTotal> = [
        AgeBucket::Days0To30,
        AgeBucket::Days31To60,
        AgeBucket::Days61To90,
        AgeBucket::Over90,
    ]
    .into_iter()
    .map(|bucket| BucketTotal {
        bucket,
        owed_minor: 0,
        receipts: 0,
    })
    .collect();
    for (number, customer_name, issued_at, currency, owed) in
        store::open_receivables(&mut conn, end).await?
    {
        let issued_on = from_ms(issued_at).date_naive();
        let age_days = (req.as_of - issued_on).num_days();
        let bucket = crate::domain::bucket(age_days);
        if let Some(t) = totals.iter_mut().find(|t| t.bucket == bucket) {
            t.owed_minor += owed;
            t.receipts += 1;
        }
        items.push(Receivable {
            number,
            customer_name,
            issued_on,
            age_days,
            bucket,
            outstanding: aftercare_contracts::Money {
                amount_minor: owed,
                currency,
            },
        });
    }
    Ok(ReceivablesReport {
        as_of: req.as_of,
        totals,
        items,
    })
}
