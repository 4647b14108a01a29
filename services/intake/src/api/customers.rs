//! Customers, machines and warranty cards (`svc.intake.customer.*`, `.machine.*`,
//! `.warranty.*`).

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::{
    CreateCustomer, Customer, FindCustomers, GetCustomer, ListMachines, ListProductLines, Machine,
    MachineInfo, ProductLine, RegisterMachine, RegisterWarrantyCard, WarrantyCard,
    WarrantyRegistered,
};
use aftercare_contracts::rpc::{Page, check_limit, check_text};
use aftercare_contracts::{Envelope, FieldError, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::customers::{
    name_key, phone_key, validate_customer, validate_find, validate_machine, validate_machine_info,
    warranty_end, warranty_follow_ups,
};
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

fn duplicate_phone(field: String, owner: &Customer) -> ServiceError {
    ServiceError {
        status: 409,
        code: "duplicate_phone".into(),
        title: "Phone number already on file".into(),
        detail: format!(
            "the number belongs to customer {} ({}, id {}); use that customer",
            owner.number, owner.company, owner.id
        ),
        errors: vec![FieldError {
            field,
            code: "duplicate".into(),
            message: format!("belongs to customer {}", owner.id),
        }],
    }
}

/// The field path of a phone in the request, for the error.
fn phone_field(c: &CreateCustomer, phone: &str) -> String {
    for (i, contact) in c.contacts.iter().enumerate() {
        if let Some(j) = contact.phones.iter().position(|p| p == phone) {
            return format!("contacts[{i}].phones[{j}]");
        }
    }
    "contacts".into()
}

/// Inserts a new customer, or answers with the customer that already has one of its phones.
async fn insert_new(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &CreateCustomer,
) -> Result<Result<Customer, Customer>, ServiceError> {
    let phones: Vec<String> = req.contacts.iter().flat_map(|c| c.phones.clone()).collect();
    if let Some((owner, _)) = store::owner_of_phone(uow.conn(), &phones).await? {
        let existing = store::get_customer(uow.conn(), &owner)
            .await?
            .ok_or_else(ServiceError::internal)?;
        return Ok(Err(existing));
    }
    let now = from_ms(now_ms());
    let number = uow
        .next_number(&crate::domain::numbering::CUSTOMER, calendar, now)
        .await?;
    let c = Customer {
        id: Uuid::now_v7(),
        number,
        company: req.company.trim().to_owned(),
        contacts: req.contacts.clone(),
        address: req.address.trim().to_owned(),
        district: req.district.trim().to_owned(),
        location: req.location,
        tier: req.tier,
        preferred_channel: req.preferred_channel,
        language: req.language,
        notes: req.notes.clone(),
        created_at: now,
        version: 1,
    };
    if !store::insert_customer(uow, &c, now.timestamp_millis()).await? {
        // A concurrent registration took a phone between the check and the insert.
        let (owner, _) = store::owner_of_phone(uow.conn(), &phones)
            .await?
            .ok_or_else(ServiceError::internal)?;
        let existing = store::get_customer(uow.conn(), &owner)
            .await?
            .ok_or_else(ServiceError::internal)?;
        return Ok(Err(existing));
    }
    Ok(Ok(c))
}

async fn create_customer(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: CreateCustomer,
) -> Result<Customer, ServiceError> {
    let errors = validate_customer("", &req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    match insert_new(&mut uow, &calendar, &req).await? {
        Ok(c) => {
            uow.commit().await?;
            Ok(c)
        }
        Err(existing) => {
            uow.rollback().await?;
            let on_file: Vec<String> = existing
                .contacts
                .iter()
                .flat_map(|c| c.phones.iter().map(|p| phone_key(p)))
                .collect();
            let taken = req
                .contacts
                .iter()
                .flat_map(|c| &c.phones)
                .find(|p| on_file.contains(&phone_key(p)))
                .map(|p| phone_field(&req, p))
                .unwrap_or_else(|| "contacts".into());
            Err(duplicate_phone(taken, &existing))
        }
    }
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

async fn unknown_product_line(uow: &mut UnitOfWork, field: &str, line: &str) -> ServiceError {
    let lines = store::product_lines(uow.conn()).await.unwrap_or_default();
    ServiceError::field(
        field,
        "unknown",
        format!(
            "{line:?} is not a product line; configured: {}",
            lines.join(", ")
        ),
    )
}

/// Creates a machine for `customer`, or returns the one already registered with its brand
/// and serial when it belongs to the same customer (409 when it belongs to another).
async fn insert_machine(
    uow: &mut UnitOfWork,
    at: &str,
    customer: Uuid,
    info: &MachineInfo,
    given_warranty_end: Option<chrono::NaiveDate>,
    install_location: &str,
) -> Result<Machine, ServiceError> {
    if let Some(existing) = store::machine_by_serial(uow.conn(), &info.brand, &info.serial).await? {
        if existing.customer_id == customer {
            return Ok(existing);
        }
        return Err(ServiceError {
            status: 409,
            code: "duplicate_serial".into(),
            title: "Serial number already registered".into(),
            detail: format!(
                "{} {} is registered to another customer",
                existing.brand, existing.serial
            ),
            errors: vec![FieldError {
                field: format!("{at}serial"),
                code: "duplicate".into(),
                message: "this brand and serial belong to another customer's machine".into(),
            }],
        });
    }
    let Some(months) = store::warranty_months(uow.conn(), info.product_line.trim()).await? else {
        return Err(
            unknown_product_line(uow, &format!("{at}product_line"), &info.product_line).await,
        );
    };
    let now = from_ms(now_ms());
    let m = Machine {
        id: Uuid::now_v7(),
        customer_id: customer,
        product_line: info.product_line.trim().to_owned(),
        brand: info.brand.trim().to_owned(),
        model: info.model.trim().to_owned(),
        serial: info.serial.trim().to_owned(),
        purchase_date: info.purchase_date,
        warranty_end: warranty_end(info.purchase_date, given_warranty_end, months),
        install_location: install_location.trim().to_owned(),
        last_meter_reading: None,
        contract: None,
        created_at: now,
        version: 1,
    };
    if !store::insert_machine(uow, &m, now.timestamp_millis()).await? {
        return Err(ServiceError::conflict(
            "duplicate_serial",
            "the serial number was registered meanwhile; read the customer's machines",
        ));
    }
    Ok(m)
}

async fn register_machine(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: RegisterMachine,
) -> Result<Machine, ServiceError> {
    // "Today" is the company's local day, not UTC's.
    let today = calendar.local_date(from_ms(now_ms()));
    let errors = validate_machine(&req, today);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    if store::get_customer(uow.conn(), &req.customer_id.to_string())
        .await?
        .is_none()
    {
        return Err(ServiceError::field(
            "customer_id",
            "unknown",
            format!("customer {} does not exist", req.customer_id),
        ));
    }
    let info = MachineInfo {
        product_line: req.product_line.clone(),
        brand: req.brand.clone(),
        model: req.model.clone(),
        serial: req.serial.clone(),
        purchase_date: req.purchase_date,
    };
    if store::machine_by_serial(uow.conn(), &info.brand, &info.serial)
        .await?
        .is_some()
    {
        // Registering the same machine twice is a clash whoever owns it.
        return Err(ServiceError {
            status: 409,
            code: "duplicate_serial".into(),
            title: "Serial number already registered".into(),
            detail: format!("{} {} is already registered", info.brand, info.serial),
            errors: vec![FieldError {
                field: "serial".into(),
                code: "duplicate".into(),
                message: "this brand and serial are already registered".into(),
            }],
        });
    }
    let m = insert_machine(
        &mut uow,
        "",
        req.customer_id,
        &info,
        req.warranty_end,
        &req.install_location,
    )
    .await?;
    uow.commit().await?;
    Ok(m)
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

async fn register_card(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: RegisterWarrantyCard,
) -> Result<WarrantyCard, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "card_number", &req.card_number, 1, 64);
    errors.extend(validate_customer("customer.", &req.customer));
    errors.extend(validate_machine_info("machine.", &req.machine));
    if req
        .machine
        .purchase_date
        .is_some_and(|d| d > calendar.local_date(from_ms(now_ms())))
    {
        errors.push(FieldError {
            field: "machine.purchase_date".into(),
            code: "in_future".into(),
            message: "the purchase date is in the future".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let (customer, existing_customer) = match insert_new(&mut uow, &calendar, &req.customer).await?
    {
        Ok(c) => (c, false),
        Err(existing) => (existing, true),
    };
    let machine = insert_machine(&mut uow, "machine.", customer.id, &req.machine, None, "").await?;
    let now = now_ms();
    let card = req.card_number.trim();
    if !store::insert_warranty_card(&mut uow, card, customer.id, machine.id, now).await? {
        return Err(ServiceError {
            status: 409,
            code: "duplicate_card".into(),
            title: "Warranty card already registered".into(),
            detail: format!("card {card} is already on file"),
            errors: vec![FieldError {
                field: "card_number".into(),
                code: "duplicate".into(),
                message: "this card is already registered".into(),
            }],
        });
    }
    let (welcome_call_due, first_maintenance_by) = warranty_follow_ups(from_ms(now), &calendar);
    let event = WarrantyRegistered {
        card_number: card.to_owned(),
        customer_id: customer.id,
        company: customer.company.clone(),
        district: customer.district.clone(),
        address: customer.address.clone(),
        machine_id: machine.id,
        machine: MachineInfo {
            product_line: machine.product_line.clone(),
            brand: machine.brand.clone(),
            model: machine.model.clone(),
            serial: machine.serial.clone(),
            purchase_date: machine.purchase_date,
        },
        warranty_end: machine.warranty_end,
        welcome_call_due,
        first_maintenance_by,
    };
    uow.emit(&Envelope::new(event, ctx.actor)).await?;
    uow.commit().await?;
    Ok(WarrantyCard {
        card_number: card.to_owned(),
        customer,
        machine,
        existing_customer,
        welcome_call_due,
        first_maintenance_by,
    })
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

async fn save_product_line(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ProductLine,
) -> Result<ProductLine, ServiceError> {
    let mut errors = Vec::new();
    let name = req.name.trim().to_lowercase();
    check_text(&mut errors, "name", &name, 1, 64);
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == ' ')
    {
        errors.push(FieldError {
            field: "name".into(),
            code: "invalid".into(),
            message: "letters, digits, spaces, _ and - only".into(),
        });
    }
    if req.warranty_months > 120 {
        errors.push(FieldError {
            field: "warranty_months".into(),
            code: "out_of_range".into(),
            message: "at most 120 months".into(),
        });
    }
    if req.return_days > 365 {
        errors.push(FieldError {
            field: "return_days".into(),
            code: "out_of_range".into(),
            message: "at most 365 days".into(),
        });
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let line = ProductLine { name, ..req };
    let mut uow = db.begin().await?;
    store::save_product_line(&mut uow, &line).await?;
    uow.commit().await?;
    Ok(line)
}
