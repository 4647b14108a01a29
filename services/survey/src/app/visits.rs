//! What survey does with other services' facts: a ticket tells who took the request, a
//! completed visit gets its callback and is checked for repeated faults, a merged customer's
//! records move to the record that stays.
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::{CustomerMerged, TicketOpened};
use aftercare_contracts::survey::{CallbackKind, CallbackScheduled};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork, now_ms};
use uuid::Uuid;

use crate::domain::{CallbackPolicy, callback_due, responsible_agent};
use crate::store::{callbacks, visits};

/// Remembers a new ticket and its responsible agent (the desk user who opened it), so
/// the visit's follow-ups reach them; a ticket already known is left as it is.
pub(crate) async fn ticket_opened(
    uow: &mut UnitOfWork,
    t: &TicketOpened,
    opened_by: Option<&Actor>,
) -> Result<()> {
    let agent = responsible_agent(opened_by);
    visits::record_ticket(uow, t, agent.as_deref()).await?;
    Ok(())
}

/// A duplicate customer record was merged into another: the tickets survey's callbacks
/// are for, its call tasks and its chase rows name the record that stays, so callbacks
/// and reports by customer show it; redelivered, nothing moves.
pub(crate) async fn customer_merged(uow: &mut UnitOfWork, m: &CustomerMerged) -> Result<()> {
    visits::rekey_customer(uow, m.duplicate_id, m.customer_id).await?;
    Ok(())
}

/// Remembers a completed visit, schedules its one callback on the policy's day and time
/// (`survey.callback.scheduled`) and checks the visit for repeated faults and parts. A
/// visit already known (a redelivered event) changes nothing.
pub(crate) async fn visit_completed(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    w: &WorkOrderCompleted,
) -> Result<()> {
    if !visits::record_visit(uow, w).await? {
        return Ok(()); // redelivered: the callback exists
    }
    let due = callback_due(w.finished_at, policy);
    let callback = callbacks::NewCallback {
        id: Uuid::now_v7(),
        kind: CallbackKind::Visit,
        work_order_id: w.work_order_id,
        ticket_id: w.ticket_id,
        technician_id: w.technician_id,
        campaign_id: None,
        customer_key: None,
        due_at: due.timestamp_millis(),
        created_at: now_ms(),
    };
    if callbacks::insert_callback(uow, &callback).await? {
        let e = CallbackScheduled {
            callback_id: callback.id,
            work_order_id: w.work_order_id,
            ticket_id: w.ticket_id,
            technician_id: w.technician_id,
            due_at: due,
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
        let now = uow.now_ms();
        if let Some(c) = callbacks::callback(uow.conn(), &callback.id.to_string(), now).await? {
            super::call_tasks::callback_scheduled(uow, &policy.calendar, &c).await?;
        }
    }
    super::quality::check_visit(uow, policy, w).await
}
