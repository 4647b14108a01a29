//! Intake's request endpoints (`svc.intake.*`): tickets here, customers, machines and
//! warranty cards in [`customers`].
mod customers;
mod faq;
mod lifecycle;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;

use aftercare_contracts::intake::{
    AssignOwner, Channel, CustomerTier, GetNotificationTemplates, GetPriorityRules, GetSlaPolicy,
    GetTicket, GetTicketHistory, InspectReturn, ListTickets, NotificationKind,
    NotificationTemplates, OpenTicket, PriorityRules, ReplaceNotificationTemplates,
    ReplacePriorityRules, ReplaceSlaPolicy, SendVerificationCode, SetPriority, SlaPolicy, Ticket,
    TicketCodeRequested, TicketHistoryEntry, TicketOpened, TicketReport, TicketReportRequest,
    TicketStatus, TicketType, TransitionTicket, VerificationCodeSent,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, company_settings, now_ms};
use uuid::Uuid;

use crate::domain::settings;
use crate::{domain, store};

/// What every endpoint reaches: the database and the business calendar.
#[derive(Clone)]
pub(crate) struct State {
    db: Db,
    calendar: Arc<BusinessCalendar>,
}

pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let endpoints = Endpoints::new(State { db, calendar });
    let endpoints = customers::register(endpoints);
    faq::register(endpoints)
        .on::<OpenTicket, _>(open)
        .on::<TransitionTicket, _>(lifecycle::transition)
        .on::<InspectReturn, _>(lifecycle::inspect_return)
        .on::<AssignOwner, _>(lifecycle::assign_owner)
        .on::<TicketReportRequest, _>(report)
        .on::<GetNotificationTemplates, _>(get_templates)
        .on::<ReplaceNotificationTemplates, _>(replace_templates)
        .on::<GetSlaPolicy, _>(get_sla_policy)
        .on::<ReplaceSlaPolicy, _>(replace_sla_policy)
        .on::<GetPriorityRules, _>(get_rules)
        .on::<ReplacePriorityRules, _>(replace_rules)
        .on::<SetPriority, _>(lifecycle::set_priority)
        .on::<GetTicketHistory, _>(history)
        .on::<GetTicket, _>(get)
        .on::<ListTickets, _>(list)
        .on::<SendVerificationCode, _>(send_code)
        .into_vec()
}

async fn open(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: OpenTicket,
) -> Result<Ticket, ServiceError> {
    let errors = domain::validate(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let ticket = open_in(&mut uow, &calendar, ctx.actor, req).await?;
    uow.commit().await?;
    Ok(ticket)
}

/// Registers a checked request in `uow`: priority, SLA deadlines, the training visit
/// before a return, the opening event and the customer's notification.
pub(crate) async fn open_in(
    uow: &mut aftercare_platform::UnitOfWork,
    calendar: &BusinessCalendar,
    opener: Option<aftercare_contracts::Actor>,
    req: OpenTicket,
) -> Result<Ticket, ServiceError> {
    let now = aftercare_platform::from_ms(now_ms());
    let customer = match req.customer_id {
        Some(c) => Some(
            crate::store::customers::get_customer(uow.conn(), &c.to_string())
                .await?
                .ok_or_else(|| {
                    ServiceError::field(
                        "customer_id",
                        "unknown",
                        format!("customer {c} does not exist"),
                    )
                })?,
        ),
        None => None,
    };
    let tier = customer.as_ref().map_or(CustomerTier::Standard, |c| c.tier);
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
        customer_id: req.customer_id,
        machine: req.machine,
        work_order_id: None,
        callback_due_at: None,
        sla,
        owner: None,
        return_reason: req.return_reason,
        reporter: req.reporter,
        attachments: req.attachments,
        opened_at: now,
        updated_at: now,
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
        actor,
        &opened_because,
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
        location: customer.as_ref().and_then(|c| c.location),
        machine: ticket.machine.clone(),
        resolution_due: Some(ticket.sla.resolution_due),
        tier,
        opened_at: now,
    };
    uow.emit(&Envelope::new(event, opener.clone())).await?;
    crate::notify::send_to(
        uow,
        &ticket,
        customer.as_ref(),
        NotificationKind::RequestReceived,
        Default::default(),
        opener,
    )
    .await?;
    Ok(ticket)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetTicket,
) -> Result<Ticket, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", &req.id))
}

/// A page of a ticket's history, oldest first; the cursor is the number of entries read.
async fn history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetTicketHistory,
) -> Result<Page<TicketHistoryEntry>, ServiceError> {
    aftercare_contracts::rpc::check_limit(req.limit)?;
    let offset = match req.cursor.as_deref() {
        None => 0,
        Some(c) => c.parse::<u32>().map_err(|_| {
            ServiceError::field("cursor", "invalid", "cursor is not one this list gave")
        })?,
    };
    let mut conn = db.read_conn().await?;
    let ticket = store::get(&mut conn, req.ticket_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", &req.ticket_id))?;
    let rows = store::history_page(
        &mut conn,
        ticket.id,
        i64::from(offset),
        i64::from(req.limit),
    )
    .await?;
    let items: Vec<TicketHistoryEntry> = rows.into_iter().map(domain::history::entry).collect();
    let next = offset.saturating_add(u32::try_from(items.len()).unwrap_or(u32::MAX));
    Ok(Page::of(items, req.limit, |_| next.to_string()))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListTickets,
) -> Result<Page<Ticket>, ServiceError> {
    aftercare_contracts::rpc::check_limit(req.limit)?;
    if let (Some(from), Some(to)) = (req.opened_from, req.opened_to)
        && to <= from
    {
        return Err(ServiceError::field(
            "opened_to",
            "before_start",
            "opened_to must be after opened_from",
        ));
    }
    let mut conn = db.read_conn().await?;
    let order = req
        .order
        .unwrap_or(aftercare_contracts::rpc::ListOrder::NewestFirst);
    let items = store::list(&mut conn, &req, order, now_ms()).await?;
    Ok(Page::of(items, req.limit, |x| x.id.to_string()))
}

/// Announces a self-service code for the SMS integration; the phone number never
/// leaves intake except in that event. The code goes only to a phone of the ticket's
/// customer record ([`domain::codes::phone_for_code`]); a ticket with nowhere safe to send
/// it answers as an unknown one.
async fn send_code(
    State { db, .. }: State,
    ctx: RequestContext,
    req: SendVerificationCode,
) -> Result<VerificationCodeSent, ServiceError> {
    if req.code.len() != 6 || !req.code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ServiceError::field(
            "code",
            "invalid",
            "the code must be six digits",
        ));
    }
    let mut uow = db.begin().await?;
    let ticket = store::get(uow.conn(), req.ticket_number.trim())
        .await?
        .filter(|t| t.number == req.ticket_number.trim())
        .ok_or_else(|| ServiceError::not_found("ticket", &req.ticket_number))?;
    let record = match ticket.customer_id {
        Some(c) => Some(
            crate::store::customers::get_customer(uow.conn(), &c.to_string())
                .await?
                .map(|c| c.contacts)
                .unwrap_or_default(),
        ),
        None => None,
    };
    let phone = domain::codes::phone_for_code(&ticket.customer.phone, record.as_deref())
        .ok_or_else(|| ServiceError::not_found("ticket", &req.ticket_number))?;
    let event = TicketCodeRequested {
        ticket_id: ticket.id,
        number: ticket.number.clone(),
        phone,
        code: req.code,
        expires_at: req.expires_at,
    };
    uow.emit(&Envelope::new(event, ctx.actor)).await?;
    uow.commit().await?;
    Ok(VerificationCodeSent {
        ticket_id: ticket.id,
    })
}

/// The longest period one report covers.
const REPORT_SPAN_DAYS: i64 = 400;

async fn report(
    State { db, calendar, .. }: State,
    _ctx: RequestContext,
    req: TicketReportRequest,
) -> Result<TicketReport, ServiceError> {
    if req.to <= req.from {
        return Err(ServiceError::field(
            "to",
            "before_start",
            "to must be after from",
        ));
    }
    if req.to - req.from > chrono::Duration::days(REPORT_SPAN_DAYS) {
        return Err(ServiceError::field(
            "to",
            "out_of_range",
            format!("a report covers at most {REPORT_SPAN_DAYS} days"),
        ));
    }
    let mut conn = db.read_conn().await?;
    let facts = store::report_facts(
        &mut conn,
        req.from.timestamp_millis(),
        req.to.timestamp_millis(),
    )
    .await?;
    let (rows, total) = domain::report::aggregate(
        &facts,
        req.group_by,
        aftercare_platform::from_ms(now_ms()),
        &calendar,
    );
    Ok(TicketReport {
        from: req.from,
        to: req.to,
        group_by: req.group_by,
        rows,
        total,
    })
}

async fn get_sla_policy(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetSlaPolicy,
) -> Result<SlaPolicy, ServiceError> {
    let (targets, version) = company_settings::read::<settings::SlaPolicy>(&db).await?;
    Ok(SlaPolicy { targets, version })
}

async fn replace_sla_policy(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceSlaPolicy,
) -> Result<SlaPolicy, ServiceError> {
    let (targets, version) = company_settings::replace::<settings::SlaPolicy>(
        &db,
        ctx.actor.as_ref(),
        req.targets,
        req.expected_version,
    )
    .await?;
    Ok(SlaPolicy { targets, version })
}

async fn get_rules(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetPriorityRules,
) -> Result<PriorityRules, ServiceError> {
    let (rules, version) = company_settings::read::<settings::PriorityRules>(&db).await?;
    Ok(PriorityRules { rules, version })
}

async fn replace_rules(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplacePriorityRules,
) -> Result<PriorityRules, ServiceError> {
    let (rules, version) = company_settings::replace::<settings::PriorityRules>(
        &db,
        ctx.actor.as_ref(),
        req.rules,
        req.expected_version,
    )
    .await?;
    Ok(PriorityRules { rules, version })
}

async fn get_templates(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetNotificationTemplates,
) -> Result<NotificationTemplates, ServiceError> {
    let (templates, version) =
        company_settings::read::<settings::NotificationTemplates>(&db).await?;
    Ok(NotificationTemplates { templates, version })
}

async fn replace_templates(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceNotificationTemplates,
) -> Result<NotificationTemplates, ServiceError> {
    let (templates, version) = company_settings::replace::<settings::NotificationTemplates>(
        &db,
        ctx.actor.as_ref(),
        req.templates,
        req.expected_version,
    )
    .await?;
    Ok(NotificationTemplates { templates, version })
}
