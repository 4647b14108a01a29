//! Opening tickets: a customer's or an agent's request, the planned maintenance visit
//! dispatch announces, and the contact task when a toner or drum is about to run out.
//! Each checks the request, gives it its priority and SLA deadlines and stages what the
//! opening tells others (`intake.ticket.opened`, the customer's notification).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{MaintenanceDue, MaintenanceKind};
use aftercare_contracts::intake::{
    Channel, CustomerInfo, MachineInfo, NotificationKind, OpenTicket, Ticket, TicketOpened,
    TicketStatus, TicketType,
};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, company_settings};
use uuid::Uuid;

use crate::domain::settings;
use crate::{domain, store};

/// Registers a request as a ticket in `uow`: checks it, gives it its priority and SLA
/// deadlines, books the training visit before a return, and stages the opening event and
/// the customer's notification.
pub(crate) async fn open(
    uow: &mut aftercare_platform::UnitOfWork,
    calendar: &BusinessCalendar,
    opener: Option<aftercare_contracts::Actor>,
    req: OpenTicket,
) -> Result<Ticket, ServiceError> {
    // A repeat of a request whose answer was lost: the ticket it opened. Copies arriving
    // at once wait here for the first to commit.
    if let Some(key) = req.request_key.as_deref() {
        store::hold_request_key(uow, key).await?;
        if let Some(opened) = store::by_request_key(uow.conn(), key).await? {
            return Ok(opened);
        }
    }
    let errors = domain::validate(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let request_key = req.request_key.clone();
    let now = uow.now();
    let (customer, machine_id) = super::customers::caller_of(uow, calendar, &req).await?;
    let tier = customer.tier;
    let (rules, _) = company_settings::current::<settings::PriorityRules>(uow.conn()).await?;
    let (priority, by_rule) = domain::priority::evaluate(
        &rules,
        req.ticket_type,
        &req.symptom,
        req.machine_down,
        tier,
    );
    let opened_because = match by_rule {
        Some(i) => format!(
            "opened; {} by rule {} ({})",
            aftercare_platform::db::to_text(&priority),
            i + 1,
            rules[i].note
        ),
        None => "opened; p4, no rule matched".to_owned(),
    };
    let (policy, _) = company_settings::current::<settings::SlaPolicy>(uow.conn()).await?;
    let target = domain::sla::target_in(&policy, req.ticket_type, priority, tier);
    let mut sla = domain::sla::deadlines(now, target, calendar);
    let warn_at = domain::sla::warnings(now, target, calendar);
    // An agent who registers a call or a visitor at the desk has answered the customer.
    let by_staff = opener
        .as_ref()
        .is_some_and(|a| a.role != aftercare_contracts::Role::Customer.name());
    if by_staff && matches!(req.channel, Channel::Phone | Channel::WalkIn) {
        sla.first_response_at = Some(now);
    }
    let return_days = match &req.machine {
        Some(m) if req.ticket_type == TicketType::Return => {
            crate::store::customers::return_days(uow.conn(), &m.product_line).await?
        }
        _ => None,
    };
    let errors = domain::returns::check(&req, calendar.local_date(now), return_days);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let id = Uuid::now_v7();
    // A customer who does not know how to use the machine gets one free training visit
    // before a return is considered.
    let training = match &req.machine {
        Some(m) if domain::returns::wants_training(req.return_reason) => {
            crate::store::customers::claim_training(
                uow,
                &m.brand,
                &m.serial,
                id,
                now.timestamp_millis(),
            )
            .await?
        }
        _ => false,
    };
    let opened_because = if training {
        format!("{opened_because}; one free training visit before a return")
    } else {
        opened_because
    };
    let number = uow
        .next_number(&domain::numbering::TICKET, calendar, now)
        .await?;
    let ticket = Ticket {
        id,
        number,
        status: if training {
            TicketStatus::NeedsVisit
        } else {
            domain::initial_status(req.ticket_type)
        },
        channel: req.channel,
        ticket_type: req.ticket_type,
        priority,
        symptom: req.symptom.trim().to_owned(),
        customer: req.customer,
        customer_id: Some(customer.id),
        machine: req.machine,
        machine_id,
        work_order_id: None,
        callback_due_at: None,
        sla,
        owner: None,
        return_reason: req.return_reason,
        reporter: req.reporter,
        attachments: req.attachments,
        opened_at: now,
        updated_at: now,
        promised_reply: None,
        version: 1,
    };
    let actor = opener
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    store::insert(
        uow,
        &ticket,
        tier,
        warn_at,
        req.machine_down,
        request_key.as_deref(),
        (actor, &opened_because),
    )
    .await?;
    let event = TicketOpened {
        ticket_id: ticket.id,
        number: ticket.number.clone(),
        channel: ticket.channel,
        ticket_type: ticket.ticket_type,
        priority: ticket.priority,
        needs_visit: ticket.status == TicketStatus::NeedsVisit,
        symptom: ticket.symptom.clone(),
        customer: ticket.customer.clone(),
        customer_id: ticket.customer_id,
        location: customer.location,
        machine: ticket.machine.clone(),
        resolution_due: Some(ticket.sla.resolution_due),
        tier,
        opened_at: now,
    };
    uow.emit(&Envelope::new(event, opener.clone())).await?;
    crate::app::notify::send_to(
        uow,
        &ticket,
        Some(&customer),
        NotificationKind::RequestReceived,
        Default::default(),
        opener,
    )
    .await?;
    Ok(ticket)
}

/// Opens the maintenance ticket of a planned visit, once per plan and day; dispatch turns
/// it into a work order like any visit.
pub(crate) async fn open_maintenance(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    e: MaintenanceDue,
) -> Result<(), ServiceError> {
    let due = e.due_on.to_string();
    if store::maintenance_ticket(uow.conn(), e.plan_id, &due)
        .await?
        .is_some()
    {
        return Ok(());
    }
    let customer = store::customers::get_customer(uow.conn(), &e.customer_id.to_string()).await?;
    let phone = customer
        .as_ref()
        .and_then(|c| {
            c.contacts
                .iter()
                .flat_map(|x| x.phones.iter())
                .next()
                .cloned()
        })
        .unwrap_or_default();
    let what = match e.kind {
        MaintenanceKind::FirstVisit => "首次保养 / first maintenance visit",
        MaintenanceKind::MonthlyCleaning => "每月清洁保养 / monthly cleaning",
        MaintenanceKind::Contract => "合同保养 / contract maintenance visit",
    };
    let req = OpenTicket {
        channel: Channel::Planned,
        ticket_type: TicketType::Maintenance,
        symptom: format!("{what}, due {due}"),
        customer: CustomerInfo {
            name: e.company.clone(),
            phone,
            address: e.address.clone(),
            district: e.district.clone(),
        },
        machine: Some(e.machine.clone()),
        machine_down: false,
        customer_id: customer.as_ref().map(|c| c.id),
        return_reason: None,
        reporter: None,
        attachments: vec![],
        request_key: None,
    };
    let t = open(uow, calendar, Some(Actor::system()), req).await?;
    store::record_maintenance_ticket(uow, e.plan_id, &due, t.id).await?;
    Ok(())
}

/// A toner or drum runs out soon: a contact task (a consumables ticket that needs no
/// visit) for the machine's customer; unknown machines are logged and skipped.
pub(crate) async fn open_consumables_contact(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    e: ConsumableReplacementDue,
) -> Result<(), ServiceError> {
    let Some(machine) =
        store::customers::machine_by_serial(uow.conn(), &e.brand, &e.serial).await?
    else {
        tracing::warn!(brand = %e.brand, serial = %e.serial, "consumable runs out on a machine not on file");
        return Ok(());
    };
    let Some(customer) =
        store::customers::get_customer(uow.conn(), &machine.customer_id.to_string()).await?
    else {
        return Ok(());
    };
    let phone = customer
        .contacts
        .iter()
        .flat_map(|x| x.phones.iter())
        .next()
        .cloned()
        .unwrap_or_default();
    let req = OpenTicket {
        channel: Channel::Planned,
        ticket_type: TicketType::Consumables,
        symptom: format!(
            "耗材跟进 / consumables: {} ({}) runs out around {} — about {} pages left at {} pages a day; contact the customer",
            e.name,
            e.sku,
            e.empty_on,
            e.pages_left.max(0),
            e.pages_per_day
        ),
        customer: CustomerInfo {
            name: customer.company.clone(),
            phone,
            address: customer.address.clone(),
            district: customer.district.clone(),
        },
        machine: Some(MachineInfo {
            product_line: machine.product_line.clone(),
            brand: machine.brand.clone(),
            model: machine.model.clone(),
            serial: machine.serial.clone(),
            purchase_date: machine.purchase_date,
        }),
        machine_down: false,
        customer_id: Some(customer.id),
        return_reason: None,
        reporter: None,
        attachments: vec![],
        request_key: None,
    };
    open(uow, calendar, Some(Actor::system()), req).await?;
    Ok(())
}
