//! Keeping the customer registry: registering customers (one record per phone number),
//! their machines (one per brand and serial), warranty cards with the follow-ups they
//! start, and the product lines with their warranty and return terms.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{
    Contact, ContactInput, CreateCustomer, Customer, CustomerInfo, Machine, MachineInfo,
    OpenTicket, ProductLine, RegisterMachine, RegisterWarrantyCard, WarrantyCard,
    WarrantyRegistered,
};
use aftercare_contracts::{Actor, Envelope, FieldError, ServiceError};
use aftercare_platform::db::parse_id;
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::customers::{
    CallerMatch, match_caller, phone_key, validate_customer, validate_machine,
    validate_machine_info, validate_product_line, warranty_end, warranty_follow_ups,
};
use crate::domain::records::{Standing, standing};
use crate::store::customers as store;

/// The 409 for a phone number that belongs to customer `owner`.
pub(crate) fn duplicate_phone(field: String, owner: &Customer) -> ServiceError {
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
        contacts: req.contacts.iter().cloned().map(Contact::from).collect(),
        address: req.address.trim().to_owned(),
        district: req.district.trim().to_owned(),
        location: req.location,
        tier: req.tier,
        preferred_channel: req.preferred_channel,
        language: req.language,
        notes: req.notes.clone(),
        status: Default::default(),
        merged_into: None,
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

/// Registers a new customer; a phone already on file is a 409 naming the customer it
/// belongs to (the agent uses that record instead).
pub(crate) async fn create_customer(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: CreateCustomer,
) -> Result<Customer, ServiceError> {
    let errors = validate_customer("", &req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    match insert_new(uow, calendar, &req).await? {
        Ok(c) => Ok(c),
        Err(existing) => {
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

/// The 422 for a product line that is not configured, listing those that are.
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
    store_machine(
        uow,
        customer,
        info,
        given_warranty_end,
        install_location,
        months,
    )
    .await
}

/// Stores a new machine of `customer` with a warranty of the product line's `months`
/// (unless its end is given); 409 when its brand and serial were registered meanwhile.
async fn store_machine(
    uow: &mut UnitOfWork,
    customer: Uuid,
    info: &MachineInfo,
    given_warranty_end: Option<chrono::NaiveDate>,
    install_location: &str,
    months: u32,
) -> Result<Machine, ServiceError> {
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
        notes: String::new(),
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

/// Registers a machine of a customer on file; a brand and serial already registered is
/// a 409.
pub(crate) async fn register_machine(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: RegisterMachine,
) -> Result<Machine, ServiceError> {
    // "Today" is the company's local day, not UTC's.
    let today = calendar.local_date(from_ms(now_ms()));
    let errors = validate_machine(&req, today);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    match store::get_customer(uow.conn(), &req.customer_id.to_string()).await? {
        None => {
            return Err(ServiceError::field(
                "customer_id",
                "unknown",
                format!("customer {} does not exist", req.customer_id),
            ));
        }
        Some(c) if c.merged_into.is_some() => {
            return Err(ServiceError::field(
                "customer_id",
                "merged",
                format!(
                    "customer {} was merged into customer {}; register the machine there",
                    c.number,
                    c.merged_into.unwrap_or_default()
                ),
            ));
        }
        Some(_) => {}
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
        uow,
        "",
        req.customer_id,
        &info,
        req.warranty_end,
        &req.install_location,
    )
    .await?;
    Ok(m)
}

/// Registers a warranty card: the customer (or the one already on file with its phone),
/// the machine, and the follow-ups the card starts (welcome call, first maintenance).
pub(crate) async fn register_card(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    actor: Option<Actor>,
    req: RegisterWarrantyCard,
) -> Result<WarrantyCard, ServiceError> {
    let mut errors = Vec::new();
    limits::NUMBER.check(&mut errors, "card_number", &req.card_number);
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
    let (customer, existing_customer) = match insert_new(uow, calendar, &req.customer).await? {
        Ok(c) => (c, false),
        Err(existing) => (existing, true),
    };
    let machine = insert_machine(uow, "machine.", customer.id, &req.machine, None, "").await?;
    let now = now_ms();
    let card = req.card_number.trim();
    if !store::insert_warranty_card(uow, card, customer.id, machine.id, now).await? {
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
    let (welcome_call_due, first_maintenance_by) = warranty_follow_ups(from_ms(now), calendar);
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
    uow.emit(&Envelope::new(event, actor)).await?;
    Ok(WarrantyCard {
        card_number: card.to_owned(),
        customer,
        machine,
        existing_customer,
        welcome_call_due,
        first_maintenance_by,
    })
}

/// Adds a product line or changes its warranty and return terms.
pub(crate) async fn save_product_line(
    uow: &mut UnitOfWork,
    req: ProductLine,
) -> Result<ProductLine, ServiceError> {
    let name = req.name.trim().to_lowercase();
    let errors = validate_product_line(&name, &req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let line = ProductLine { name, ..req };
    store::save_product_line(uow, &line).await?;
    Ok(line)
}

/// Finds the customer and machine a ticket is for in the registry, and registers what is
/// not on file: the caller by their phone (in any formatting), the machine by its brand
/// and serial (when its product line is configured). A phone and a machine that point to
/// different customers are refused with 409 naming both, so the agent chooses
/// (`customer_id`); nothing is merged. Returns the customer and the machine record, if
/// the machine is the customer's.
pub(crate) async fn caller_of(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &OpenTicket,
) -> Result<(Customer, Option<Uuid>), ServiceError> {
    let phone_owner =
        match store::owner_of_phone(uow.conn(), std::slice::from_ref(&req.customer.phone)).await? {
            Some((id, _)) => Some(parse_id(&id)?),
            None => None,
        };
    let on_file = match &req.machine {
        Some(m) => store::machine_by_serial(uow.conn(), &m.brand, &m.serial).await?,
        None => None,
    };
    let customer = match match_caller(
        req.customer_id,
        phone_owner,
        on_file.as_ref().map(|m| m.customer_id),
    ) {
        CallerMatch::OnFile(id) => {
            let field = if req.customer_id.is_some() {
                "customer_id"
            } else {
                "customer.phone"
            };
            offered_customer(uow, id, field).await?
        }
        CallerMatch::New => register_caller(uow, calendar, &req.customer).await?,
        CallerMatch::Ambiguous {
            phone_owner,
            machine_owner,
        } => return Err(ambiguous_caller(uow, phone_owner, machine_owner).await?),
    };
    let machine = match (&req.machine, on_file) {
        (_, Some(m)) if m.customer_id == customer.id => Some(m.id),
        // Registered to another customer than the one the agent chose: not linked.
        (_, Some(_)) => None,
        (Some(info), None) => {
            if store::warranty_months(uow.conn(), info.product_line.trim())
                .await?
                .is_none()
            {
                // A product line the company has not configured: the machine cannot be
                // registered; the ticket keeps what was typed in.
                None
            } else {
                Some(
                    insert_machine(uow, "machine.", customer.id, info, None, "")
                        .await?
                        .id,
                )
            }
        }
        (None, None) => None,
    };
    Ok((customer, machine))
}

/// The customer on file a new ticket goes to: an active one as it is, a merged one's
/// survivor; an inactive one is a 409 naming `field` (it is reactivated first).
async fn offered_customer(
    uow: &mut UnitOfWork,
    id: Uuid,
    field: &str,
) -> Result<Customer, ServiceError> {
    let unknown = || {
        ServiceError::field(
            "customer_id",
            "unknown",
            format!("customer {id} does not exist"),
        )
    };
    let mut c = store::get_customer(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(unknown)?;
    // A merged record points to one record that stays; that one is never merged itself.
    if let Standing::MergedInto(survivor) = standing(&c) {
        c = store::get_customer(uow.conn(), &survivor.to_string())
            .await?
            .ok_or_else(unknown)?;
    }
    match standing(&c) {
        Standing::Offered => Ok(c),
        Standing::Inactive | Standing::MergedInto(_) => Err(ServiceError {
            status: 409,
            code: "inactive_customer".into(),
            title: "Customer is inactive".into(),
            detail: format!(
                "customer {} ({}, id {}) is deactivated; reactivate it before opening a ticket for it",
                c.number, c.company, c.id
            ),
            errors: vec![FieldError {
                field: field.into(),
                code: "inactive".into(),
                message: format!("customer {} is inactive", c.id),
            }],
        }),
    }
}

/// Registers a caller who is not on file from the details typed in with the ticket: the
/// name as company and contact, the phone, address and district.
async fn register_caller(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    info: &CustomerInfo,
) -> Result<Customer, ServiceError> {
    let req = CreateCustomer {
        company: info.name.trim().to_owned(),
        contacts: vec![ContactInput {
            name: info.name.trim().to_owned(),
            phones: vec![info.phone.trim().to_owned()],
            title: String::new(),
            email: None,
            wechat: None,
        }],
        address: info.address.trim().to_owned(),
        district: info.district.trim().to_owned(),
        location: None,
        tier: Default::default(),
        preferred_channel: Default::default(),
        language: Default::default(),
        notes: String::new(),
    };
    // A caller registered at the same moment by another desk is the same caller.
    Ok(match insert_new(uow, calendar, &req).await? {
        Ok(c) | Err(c) => c,
    })
}

/// The 409 for a caller whose phone and machine point to different customers.
async fn ambiguous_caller(
    uow: &mut UnitOfWork,
    phone_owner: Option<Uuid>,
    machine_owner: Uuid,
) -> Result<ServiceError, ServiceError> {
    let number = |c: Option<Customer>| {
        c.map_or_else(String::new, |c| format!("{} ({})", c.number, c.company))
    };
    let machine_customer =
        number(store::get_customer(uow.conn(), &machine_owner.to_string()).await?);
    let mut errors = vec![FieldError {
        field: "machine.serial".into(),
        code: "ambiguous".into(),
        message: format!("registered to customer {machine_owner}"),
    }];
    let detail = match phone_owner {
        Some(p) => {
            let phone_customer = number(store::get_customer(uow.conn(), &p.to_string()).await?);
            errors.insert(
                0,
                FieldError {
                    field: "customer.phone".into(),
                    code: "ambiguous".into(),
                    message: format!("belongs to customer {p}"),
                },
            );
            format!(
                "the phone belongs to customer {phone_customer}, the machine is registered to customer {machine_customer}; open the ticket with the customer_id of the one the ticket is for"
            )
        }
        None => format!(
            "the machine is registered to customer {machine_customer} and the phone is not on file; open the ticket with that customer_id, or register the caller as a customer first"
        ),
    };
    Ok(ServiceError {
        status: 409,
        code: "ambiguous_customer".into(),
        title: "Which customer is this?".into(),
        detail,
        errors,
    })
}
