//! Moving a ticket by hand (`svc.intake.ticket.transition`) and setting its priority
//! (`svc.intake.ticket.set_priority`): optimistic concurrency, the lifecycle rules, the
//! history entry with actor and reason, and the visit request dispatch acts on.

use aftercare_contracts::intake::{
    AssignOwner, InspectReturn, NotificationKind, ReturnApproved, ReturnOutcome, SetPriority,
    Ticket, TicketStatus, TicketVisitRequested, TransitionTicket,
};
use aftercare_contracts::rpc::check_text;
use aftercare_contracts::{Envelope, ServiceError};
use aftercare_platform::rpc::RequestContext;

use super::State;
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::domain::lifecycle::{self, Refusal};
use crate::domain::sla;
use crate::store;

fn actor(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

/// The ticket at the version the caller saw: 404 when missing, 412 when it moved on.
async fn current(uow: &mut UnitOfWork, id: &str, expected: i64) -> Result<Ticket, ServiceError> {
    let t = store::get(uow.conn(), id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", id))?;
    if t.version != expected {
        return Err(stale(&t));
    }
    Ok(t)
}

/// Commits and answers with the ticket as it now is.
async fn committed(mut uow: UnitOfWork, id: uuid::Uuid) -> Result<Ticket, ServiceError> {
    let updated = store::get(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(updated)
}

fn stale(t: &Ticket) -> ServiceError {
    ServiceError::stale(format!(
        "ticket {} is at version {}; read it again",
        t.number, t.version
    ))
}

pub(super) async fn transition(
    State { db, .. }: State,
    ctx: RequestContext,
    req: TransitionTicket,
) -> Result<Ticket, ServiceError> {
    let mut uow = db.begin().await?;
    let t = current(&mut uow, &req.ticket_id, req.expected_version).await?;
    match lifecycle::check(t.status, &req) {
        Ok(()) => {}
        Err(Refusal::Illegal { from, to }) => {
            return Err(ServiceError::conflict(
                "illegal_transition",
                format!(
                    "a ticket cannot move from {} to {}",
                    aftercare_platform::db::to_text(&from),
                    aftercare_platform::db::to_text(&to)
                ),
            ));
        }
        Err(Refusal::Invalid(errors)) => return Err(ServiceError::validation(errors)),
    }
    let now = now_ms();
    let article = match req.faq_article_id {
        Some(a) if req.to == TicketStatus::ResolvedRemotely => {
            Some(store::faq::get(uow.conn(), a).await?.ok_or_else(|| {
                ServiceError::field("faq_article_id", "unknown", format!("no article {a}"))
            })?)
        }
        Some(_) => {
            return Err(ServiceError::field(
                "faq_article_id",
                "not_allowed",
                "an article is referenced only when resolving remotely",
            ));
        }
        None => None,
    };
    let reason = match &req.resolution {
        Some(r) if req.reason.trim().is_empty() => format!("resolved: {}", r.trim()),
        Some(r) => format!("{} (resolved: {})", req.reason.trim(), r.trim()),
        None => req.reason.trim().to_owned(),
    };
    let reason = match &article {
        Some(a) => {
            store::faq::count_use(&mut uow, a.id, now).await?;
            format!("{reason} [{}]", a.number)
        }
        None => reason,
    };
    let moved = store::transition(
        &mut uow,
        &t,
        req.expected_version,
        req.to,
        lifecycle::is_response(req.to),
        lifecycle::resolves(req.to),
        &actor(&ctx),
        &reason,
        now,
    )
    .await?;
    if !moved {
        return Err(stale(&t));
    }
    if req.to == TicketStatus::NeedsVisit {
        let e = TicketVisitRequested {
            ticket_id: t.id,
            number: t.number.clone(),
            ticket_type: t.ticket_type,
            priority: t.priority,
            symptom: t.symptom.clone(),
            customer: t.customer.clone(),
            machine: t.machine.clone(),
            location: match t.customer_id {
                Some(c) => crate::store::customers::get_customer(uow.conn(), &c.to_string())
                    .await?
                    .and_then(|c| c.location),
                None => None,
            },
            resolution_due: t.sla.resolution_due,
            requested_at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
    }
    let updated = store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    if req.to == TicketStatus::WaitingForParts {
        crate::notify::send(
            &mut uow,
            &updated,
            NotificationKind::WaitingForParts,
            Default::default(),
            ctx.actor.clone(),
        )
        .await?;
    }
    uow.commit().await?;
    Ok(updated)
}

pub(super) async fn set_priority(
    State { db, calendar, .. }: State,
    ctx: RequestContext,
    req: SetPriority,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "reason", &req.reason, 1, 2000);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let t = current(&mut uow, &req.ticket_id, req.expected_version).await?;
    if matches!(t.status, TicketStatus::Closed | TicketStatus::Cancelled) {
        return Err(ServiceError::conflict(
            "ticket_finished",
            "the priority of a closed or cancelled ticket does not change",
        ));
    }
    let tier = store::tier(uow.conn(), t.id).await?;
    let (policy, _) = aftercare_platform::company_settings::current::<
        crate::domain::settings::SlaPolicy,
    >(uow.conn())
    .await?;
    let target = sla::target_in(&policy, t.ticket_type, req.priority, tier);
    let mut deadlines = sla::deadlines(t.opened_at, target, &calendar);
    deadlines.first_response_at = t.sla.first_response_at;
    let warn_at = sla::warnings(t.opened_at, target, &calendar);
    let changed = store::set_priority(
        &mut uow,
        &t,
        req.expected_version,
        req.priority,
        &deadlines,
        warn_at,
        &actor(&ctx),
        req.reason.trim(),
        now_ms(),
    )
    .await?;
    if !changed {
        return Err(stale(&t));
    }
    committed(uow, t.id).await
}

pub(super) async fn assign_owner(
    State { db, .. }: State,
    ctx: RequestContext,
    req: AssignOwner,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "owner", &req.owner, 1, 64);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let t = current(&mut uow, &req.ticket_id, req.expected_version).await?;
    if !store::set_owner(
        &mut uow,
        &t,
        req.expected_version,
        req.owner.trim(),
        &actor(&ctx),
        now_ms(),
    )
    .await?
    {
        return Err(stale(&t));
    }
    committed(uow, t.id).await
}

pub(super) async fn inspect_return(
    State { db, .. }: State,
    ctx: RequestContext,
    req: InspectReturn,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    check_text(&mut errors, "notes", &req.notes, 1, 2000);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let t = current(&mut uow, &req.ticket_id, req.expected_version).await?;
    let (Some(reason), Some(machine)) = (t.return_reason, t.machine.clone()) else {
        return Err(ServiceError::conflict(
            "not_a_return",
            format!("ticket {} is not a return", t.number),
        ));
    };
    if !matches!(
        t.status,
        TicketStatus::New | TicketStatus::Triaged | TicketStatus::Reopened
    ) {
        return Err(ServiceError::conflict(
            "illegal_transition",
            format!(
                "a return is inspected while open, not when {}",
                aftercare_platform::db::to_text(&t.status)
            ),
        ));
    }
    let now = now_ms();
    let why = match req.outcome {
        ReturnOutcome::Approved => format!("return approved: {}", req.notes.trim()),
        ReturnOutcome::Rejected => format!("return rejected: {}", req.notes.trim()),
    };
    if !store::transition(
        &mut uow,
        &t,
        req.expected_version,
        TicketStatus::Resolved,
        true,
        true,
        &actor(&ctx),
        &why,
        now,
    )
    .await?
    {
        return Err(stale(&t));
    }
    if req.outcome == ReturnOutcome::Approved {
        let e = ReturnApproved {
            ticket_id: t.id,
            number: t.number.clone(),
            customer_id: t.customer_id,
            customer_name: t.customer.name.clone(),
            machine,
            reason,
            notes: req.notes.trim().to_owned(),
            approved_at: from_ms(now),
        };
        uow.emit(&Envelope::new(e, ctx.actor.clone())).await?;
    }
    committed(uow, t.id).await
}
