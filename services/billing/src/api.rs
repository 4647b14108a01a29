//! Billing's request endpoints (`svc.billing.*`).
use aftercare_contracts::Envelope;
use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::{
    Contract, ContractSigned, CreateContract, Invoice, ListContracts,
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
    vec![
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
