//! Changing a ticket by hand: moving it through its lifecycle, setting its priority (and
//! with it the SLA deadlines), giving it an owner, and the inspection of a returned
//! machine. Each checks the caller's version (optimistic concurrency) and the lifecycle
//! rules, writes the history entry with actor and reason, and stages the events others
//! act on (the visit dispatch plans, the approved return billing credits).

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{
    AssignOwner, InspectReturn, NotificationKind, ReturnApproved, ReturnOutcome, SetPriority,
    Ticket, TicketStatus, TicketVisitRequested, TransitionTicket,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::domain::lifecycle::{self, Refusal};
use crate::domain::sla;
use crate::store;

/// Who the history names: the caller's user id.
pub(super) fn actor_id(actor: &Option<Actor>) -> String {
    actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

/// The ticket at the version the caller saw: 404 when missing, 412 when it moved on.
pub(super) async fn current(
    uow: &mut UnitOfWork,
    id: &str,
    expected: i64,
) -> Result<Ticket, ServiceError> {
    let t = store::get(uow.conn(), id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("ticket", id))?;
    if t.version != expected {
        return Err(stale(&t));
    }
    Ok(t)
}

/// The ticket as it now is, after a change in `uow`.
pub(super) async fn reread(uow: &mut UnitOfWork, id: uuid::Uuid) -> Result<Ticket, ServiceError> {
    store::get(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}

pub(super) fn stale(t: &Ticket) -> ServiceError {
    ServiceError::stale(format!(
        "ticket {} is at version {}; read it again",
        t.number, t.version
    ))
}

/// Moves a ticket to `req.to` if the lifecycle allows it from where it is; the SLA clock
/// stops or starts again with it.
pub(crate) async fn transition(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    actor: Option<Actor>,
    req: TransitionTicket,
) -> Result<Ticket, ServiceError> {
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
    let checked = lifecycle::check(t.status, &req);
    let checked = match (checked, t.status) {
        (Ok(()), TicketStatus::WaitingForCustomer) => {
            let before = store::status_before_waiting(uow.conn(), t.id).await?;
            lifecycle::check_return(before, req.to)
        }
        (other, _) => other,
    };
    match checked {
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
            store::faq::count_use(uow, a.id, now).await?;
            format!("{reason} [{}]", a.number)
        }
        None => reason,
    };
    let moved = store::transition(
        uow,
        &t,
        req.expected_version,
        req.to,
        lifecycle::is_response(req.to),
        lifecycle::resolves(req.to),
        &actor_id(&actor),
        &reason,
        now,
    )
    .await?;
    if !moved {
        return Err(stale(&t));
    }
    crate::app::clock::follow(uow, calendar, t.id, req.to, now).await?;
    // Back from waiting for the customer, a visit already requested is not requested again.
    if req.to == TicketStatus::NeedsVisit && t.status != TicketStatus::WaitingForCustomer {
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
        uow.emit(&Envelope::new(e, actor.clone())).await?;
    }
    let updated = store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    if req.to == TicketStatus::WaitingForParts {
        crate::app::notify::send(
            uow,
            &updated,
            NotificationKind::WaitingForParts,
            Default::default(),
            actor.clone(),
        )
        .await?;
    }
    Ok(updated)
}

/// Sets a ticket's priority and moves its SLA deadlines to the new target.
pub(crate) async fn set_priority(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    actor: Option<Actor>,
    req: SetPriority,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    limits::REASON.check(&mut errors, "reason", &req.reason);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
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
    // The working time the clock stood still in completed pauses still does not count.
    let paused = chrono::Duration::minutes(i64::try_from(t.sla.paused_minutes).unwrap_or(0));
    let (mut deadlines, warn_at) = sla::after_pauses(t.opened_at, target, paused, calendar);
    deadlines.first_response_at = t.sla.first_response_at;
    let changed = store::set_priority(
        uow,
        &t,
        req.expected_version,
        req.priority,
        &deadlines,
        warn_at,
        &actor_id(&actor),
        req.reason.trim(),
        now_ms(),
    )
    .await?;
    if !changed {
        return Err(stale(&t));
    }
    reread(uow, t.id).await
}

/// Gives a ticket the agent who owns it.
pub(crate) async fn assign_owner(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: AssignOwner,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    limits::NUMBER.check(&mut errors, "owner", &req.owner);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
    if !store::set_owner(
        uow,
        &t,
        req.expected_version,
        req.owner.trim(),
        &actor_id(&actor),
        now_ms(),
    )
    .await?
    {
        return Err(stale(&t));
    }
    reread(uow, t.id).await
}

/// Records the inspection of a returned machine: approved (billing credits it) or
/// rejected; either way the ticket is resolved.
pub(crate) async fn inspect_return(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: InspectReturn,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    limits::REASON.check(&mut errors, "notes", &req.notes);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
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
        uow,
        &t,
        req.expected_version,
        TicketStatus::Resolved,
        true,
        true,
        &actor_id(&actor),
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
        uow.emit(&Envelope::new(e, actor.clone())).await?;
    }
    reread(uow, t.id).await
}
