//! A reply promised to the customer ("我会在X点前给您回复"): the agent sets when it is due,
//! the SLA sweep warns before and escalates after that time, and the agent records the
//! reply (closing or cancelling the ticket drops the promise too).
use aftercare_contracts::intake::limits;
use aftercare_contracts::intake::{PromiseReply, RecordReply, Ticket, TicketStatus};
use aftercare_contracts::{Actor, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use super::lifecycle::{actor_id, current, reread, stale};
use crate::domain::sla;
use crate::store;

/// Promises the customer a reply by `req.reply_by`, replacing a promise outstanding.
pub(crate) async fn promise(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: PromiseReply,
) -> Result<Ticket, ServiceError> {
    let now = now_ms();
    let note = req.note.trim();
    let errors = sla::check_reply(req.reply_by, note, from_ms(now));
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
    if matches!(t.status, TicketStatus::Closed | TicketStatus::Cancelled) {
        return Err(ServiceError::conflict(
            "ticket_finished",
            "a closed or cancelled ticket owes the customer no reply",
        ));
    }
    let warn_at = sla::reply_warning(from_ms(now), req.reply_by);
    if !store::promise_reply(
        uow,
        &t,
        req.expected_version,
        req.reply_by,
        warn_at,
        note,
        &actor_id(&actor),
        now,
    )
    .await?
    {
        return Err(stale(&t));
    }
    reread(uow, t.id).await
}

/// Records that the promised reply was given: the promise is kept and alerts no more.
pub(crate) async fn record(
    uow: &mut UnitOfWork,
    actor: Option<Actor>,
    req: RecordReply,
) -> Result<Ticket, ServiceError> {
    let mut errors = Vec::new();
    limits::NOTE.check(&mut errors, "note", &req.note);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = current(uow, &req.ticket_id, req.expected_version).await?;
    if t.promised_reply.is_none() {
        return Err(ServiceError::conflict(
            "no_promised_reply",
            format!("ticket {} owes the customer no promised reply", t.number),
        ));
    }
    if !store::record_reply(
        uow,
        &t,
        req.expected_version,
        req.note.trim(),
        &actor_id(&actor),
        now_ms(),
    )
    .await?
    {
        return Err(stale(&t));
    }
    reread(uow, t.id).await
}
