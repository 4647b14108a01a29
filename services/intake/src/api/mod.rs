//! Intake's request endpoints (`svc.intake.*`): tickets here, customers, machines and
//! warranty cards in [`customers`].
mod customers;
mod faq;
mod lifecycle;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;

use aftercare_contracts::intake::{
    AssignOwner, GetNotificationTemplates, GetPriorityRules, GetSlaPolicy, GetTicket,
    GetTicketHistory, InspectReturn, ListTickets, NotificationTemplates, OpenTicket, PriorityRules,
    PromiseReply, RecordReply, ReplaceNotificationTemplates, ReplacePriorityRules,
    ReplaceSlaPolicy, SendVerificationCode, SetPriority, SlaPolicy, Ticket, TicketCodeRequested,
    TicketHistoryEntry, TicketReport, TicketReportRequest, TransitionTicket, VerificationCodeSent,
};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, company_settings, now_ms};

use crate::domain::settings;
use crate::{app, domain, store};

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
        .on::<PromiseReply, _>(lifecycle::promise_reply)
        .on::<RecordReply, _>(lifecycle::record_reply)
        .on::<TicketReportRequest, _>(report)
        .on::<GetNotificationTemplates, _>(get_templates)
        .on::<ReplaceNotificationTemplates, _>(replace_templates)
        .on::<GetSlaPolicy, _>(get_sla_policy)
        .on::<ReplaceSlaPolicy, _>(replace_sla_policy)
        .on::<GetPriorityRules, _>(get_rules)
        .on::<ReplacePriorityRules, _>(replace_rules)
        .on::<aftercare_contracts::intake::IntakeSettingHistory, _>(setting_history)
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
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { app::tickets::open(uow, &calendar, ctx.actor, req).await })
    })
    .await
}

async fn get(
    State { db, calendar }: State,
    _ctx: RequestContext,
    req: GetTicket,
) -> Result<Ticket, ServiceError> {
    let mut conn = db.read_conn().await?;
    let t = store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", &req.id))?;
    Ok(app::clock::shown(
        t,
        aftercare_platform::from_ms(now_ms()),
        &calendar,
    ))
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
    State { db, calendar }: State,
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
    let now = now_ms();
    let items = store::list(&mut conn, &req, order, now)
        .await?
        .into_iter()
        .map(|t| app::clock::shown(t, aftercare_platform::from_ms(now), &calendar))
        .collect();
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

/// The stored versions of one of the company settings this service keeps, newest first.
async fn setting_history(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: aftercare_contracts::intake::IntakeSettingHistory,
) -> Result<
    aftercare_contracts::rpc::Page<aftercare_contracts::rpc::SettingVersion>,
    aftercare_contracts::ServiceError,
> {
    aftercare_platform::company_settings::history_of!(
        &db,
        &req.0,
        [
            settings::PriorityRules,
            settings::SlaPolicy,
            settings::NotificationTemplates
        ]
    )
}
