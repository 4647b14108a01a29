//! Customers, machines and warranty cards (`svc.intake.customer.*`, `.machine.*`,
//! `.warranty.*`): reads here, changes through [`crate::app::customers`].

use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{
    CreateCustomer, Customer, FindCustomers, GetCustomer, ListMachines, ListProductLines, Machine,
    ProductLine, RegisterMachine, RegisterWarrantyCard, WarrantyCard,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::customers;
use crate::domain::customers::{name_key, validate_find};
use crate::store::customers as store;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateCustomer, _>(create_customer)
        .on::<GetCustomer, _>(get_customer)
        .on::<FindCustomers, _>(find)
        .on::<RegisterMachine, _>(register_machine)
        .on::<ListMachines, _>(list_machines)
        .on::<ListProductLines, _>(product_lines)
        .on::<ProductLine, _>(save_product_line)
        .on::<RegisterWarrantyCard, _>(register_card)
}

async fn get_customer(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetCustomer,
) -> Result<Customer, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get_customer(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("customer", &req.id))
}

/// Splits a name-search cursor `key␟id`.
fn name_cursor(cursor: &str) -> Option<(&str, &str)> {
    cursor.split_once('\u{1f}')
}

async fn find(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: FindCustomers,
) -> Result<Page<Customer>, ServiceError> {
    check_limit(req.limit)?;
    let errors = validate_find(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut conn = db.read_conn().await?;
    let limit = i64::from(req.limit);
    let cursor = req.cursor.as_deref().unwrap_or("");
    if let Some(phone) = &req.phone {
        let items = store::customer_by_phone(&mut conn, phone).await?;
        return Ok(Page {
            items,
            next_cursor: None,
        });
    }
    if let Some(serial) = &req.serial {
        let items = store::customers_by_serial(&mut conn, serial, cursor, limit).await?;
        return Ok(Page::of(items, req.limit, |c| c.id.to_string()));
    }
    if let Some(name) = &req.name {
        let after = if cursor.is_empty() {
            None
        } else {
            Some(name_cursor(cursor).ok_or_else(|| {
                ServiceError::field("cursor", "invalid", "not a cursor of this search")
            })?)
        };
        let items = store::customers_by_name(&mut conn, name, after, limit).await?;
        return Ok(Page::of(items, req.limit, |c| {
            format!("{}\u{1f}{}", name_key(&c.company), c.id)
        }));
    }
    let items = store::customers(&mut conn, cursor, limit).await?;
    Ok(Page::of(items, req.limit, |c| c.id.to_string()))
}

async fn list_machines(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListMachines,
) -> Result<Page<Machine>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::machines_of(
        &mut conn,
        req.customer_id,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |m| m.id.to_string()))
}

async fn product_lines(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: ListProductLines,
) -> Result<Page<ProductLine>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::product_line_terms(&mut conn).await?,
        next_cursor: None,
    })
}

async fn create_customer(
    State { db, calendar }: State,
    _ctx: RequestContext,
    req: CreateCustomer,
) -> Result<Customer, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { customers::create_customer(uow, &calendar, req).await })
    })
    .await
}

async fn register_machine(
    State { db, calendar }: State,
    _ctx: RequestContext,
    req: RegisterMachine,
) -> Result<Machine, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { customers::register_machine(uow, &calendar, req).await })
    })
    .await
}

async fn register_card(
    State { db, calendar }: State,
    ctx: RequestContext,
    req: RegisterWarrantyCard,
) -> Result<WarrantyCard, ServiceError> {
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { customers::register_card(uow, &calendar, ctx.actor, req).await })
    })
    .await
}

async fn save_product_line(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ProductLine,
) -> Result<ProductLine, ServiceError> {
    db.in_unit_of_work(|uow| Box::pin(customers::save_product_line(uow, req)))
        .await
}
