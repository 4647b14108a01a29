//! Customers, machines and warranty cards (`svc.intake.customer.*`, `.machine.*`,
//! `.warranty.*`): reads here, changes through [`crate::app::customers`].

use aftercare_contracts::ServiceError;
use aftercare_contracts::intake::{
    AddTicketNote, CreateCustomer, Customer, FindCustomers, GetCustomer, GetCustomerHistory,
    GetMachine, GetMachineHistory, ListMachines, ListProductLines, ListTicketNotes, Machine,
    MergeCustomers, ProductLine, RecordChange, RegisterMachine, RegisterWarrantyCard,
    SetCustomerActive, TicketNote, UpdateCustomer, UpdateMachine, WarrantyCard,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use crate::app::{customers, records};
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
        .on::<UpdateCustomer, _>(update_customer)
        .on::<MergeCustomers, _>(merge_customers)
        .on::<SetCustomerActive, _>(set_active)
        .on::<GetCustomerHistory, _>(customer_history)
        .on::<GetMachine, _>(get_machine)
        .on::<UpdateMachine, _>(update_machine)
        .on::<GetMachineHistory, _>(machine_history)
        .on::<AddTicketNote, _>(add_note)
        .on::<ListTicketNotes, _>(notes)
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
    let inactive = req.include_inactive;
    if let Some(phone) = &req.phone {
        let items = store::customer_by_phone(&mut conn, phone, inactive).await?;
        return Ok(Page {
            items,
            next_cursor: None,
        });
    }
    if let Some(serial) = &req.serial {
        let items = store::customers_by_serial(&mut conn, serial, cursor, inactive, limit).await?;
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
        let items = store::customers_by_name(&mut conn, name, after, inactive, limit).await?;
        return Ok(Page::of(items, req.limit, |c| {
            format!("{}\u{1f}{}", name_key(&c.company), c.id)
        }));
    }
    let items = store::customers(&mut conn, cursor, inactive, limit).await?;
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

async fn update_customer(
    State { db, .. }: State,
    ctx: RequestContext,
    req: UpdateCustomer,
) -> Result<Customer, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(records::update_customer(uow, ctx.actor, req)))
        .await
}

async fn merge_customers(
    State { db, .. }: State,
    ctx: RequestContext,
    req: MergeCustomers,
) -> Result<Customer, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(records::merge_customers(uow, ctx.actor, req)))
        .await
}

async fn set_active(
    State { db, .. }: State,
    ctx: RequestContext,
    req: SetCustomerActive,
) -> Result<Customer, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(records::set_active(uow, ctx.actor, req)))
        .await
}

async fn update_machine(
    State { db, .. }: State,
    ctx: RequestContext,
    req: UpdateMachine,
) -> Result<Machine, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(records::update_machine(uow, ctx.actor, req)))
        .await
}

async fn add_note(
    State { db, .. }: State,
    ctx: RequestContext,
    req: AddTicketNote,
) -> Result<TicketNote, ServiceError> {
    db.in_unit_of_work(move |uow| Box::pin(records::add_note(uow, ctx.actor, req)))
        .await
}

async fn get_machine(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetMachine,
) -> Result<Machine, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get_machine(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("machine", &req.id))
}

/// A page of a record's history; the cursor is the last line read.
async fn history_page(
    conn: &mut sqlx::AnyConnection,
    record_id: uuid::Uuid,
    limit: u32,
    cursor: Option<&str>,
) -> Result<Page<RecordChange>, ServiceError> {
    let rows =
        store::record_history(conn, record_id, cursor.unwrap_or(""), i64::from(limit)).await?;
    let next = (rows.len() == limit as usize)
        .then(|| rows.last().map(|(id, _)| id.clone()))
        .flatten();
    Ok(Page {
        items: rows.into_iter().map(|(_, change)| change).collect(),
        next_cursor: next,
    })
}

async fn customer_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetCustomerHistory,
) -> Result<Page<RecordChange>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let c = store::get_customer(&mut conn, req.customer_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("customer", &req.customer_id))?;
    history_page(&mut conn, c.id, req.limit, req.cursor.as_deref()).await
}

async fn machine_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetMachineHistory,
) -> Result<Page<RecordChange>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let m = store::get_machine(&mut conn, req.machine_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("machine", &req.machine_id))?;
    history_page(&mut conn, m.id, req.limit, req.cursor.as_deref()).await
}

async fn notes(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListTicketNotes,
) -> Result<Page<TicketNote>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let t = crate::store::get(&mut conn, req.ticket_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", &req.ticket_id))?;
    let items = crate::store::notes::page(
        &mut conn,
        t.id,
        req.customer_visible_only,
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |n| n.id.to_string()))
}
