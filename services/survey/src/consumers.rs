//! Survey's event handlers: every completed work order gets one callback task and is
//! checked for repeated faults; every ticket tells survey who took the request.
use std::sync::Arc;

use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::intake::TicketOpened;
use aftercare_contracts::survey::{
    CallbackKind, CallbackScheduled, QualityWarning, QualityWarningRaised,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{EventError, EventHandler, Handlers, UnitOfWork, now_ms};
use uuid::Uuid;

use crate::domain::quality::{default_thresholds, reached, repeats, window};
use crate::domain::{CallbackPolicy, callback_due};
use crate::store;

/// What survey's handlers share: the callback policy it schedules by.
pub(crate) struct Context {
    pub(crate) policy: Arc<CallbackPolicy>,
}

/// Survey's event handlers, one per event type it consumes.
pub(crate) fn handlers(cx: Context) -> Arc<dyn EventHandler> {
    Arc::new(
        Handlers::new(cx)
            .on::<TicketOpened>(on_ticket_opened)
            .on::<WorkOrderCompleted>(on_work_order_completed),
    )
}

/// Roles whose opening a ticket makes them its responsible agent.
const DESK_ROLES: [&str; 4] = ["agent", "dispatcher", "manager", "admin"];

async fn on_ticket_opened(
    _: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<TicketOpened>,
) -> Result<(), EventError> {
    let t = e.data;
    let agent = e
        .actor
        .filter(|a| DESK_ROLES.contains(&a.role.as_str()))
        .map(|a| a.user_id);
    store::record_ticket(uow, &t, agent.as_deref()).await?;
    Ok(())
}

async fn on_work_order_completed(
    cx: &Context,
    uow: &mut UnitOfWork,
    e: Envelope<WorkOrderCompleted>,
) -> Result<(), EventError> {
    let (w, policy) = (e.data, &*cx.policy);
    if !store::record_visit(uow, &w).await? {
        return Ok(()); // redelivered: the callback exists
    }
    let now = now_ms();
    let due = callback_due(w.finished_at, policy);
    let callback = store::NewCallback {
        id: Uuid::now_v7(),
        kind: CallbackKind::Visit,
        work_order_id: w.work_order_id,
        ticket_id: w.ticket_id,
        technician_id: w.technician_id,
        campaign_id: None,
        customer_key: None,
        due_at: due.timestamp_millis(),
        created_at: now,
    };
    if store::insert_callback(uow, &callback).await? {
        let e = CallbackScheduled {
            callback_id: callback.id,
            work_order_id: w.work_order_id,
            ticket_id: w.ticket_id,
            technician_id: w.technician_id,
            due_at: due,
        };
        uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
    }
    check_quality(uow, &w, policy).await
}

/// Raises a warning for each fault or part of this visit whose repeats on the model in
/// the visit's month, quarter or year reach that window's threshold (once per window).
async fn check_quality(
    uow: &mut UnitOfWork,
    w: &WorkOrderCompleted,
    policy: &CallbackPolicy,
) -> Result<(), EventError> {
    let Some(machine) = w.machine.as_ref().filter(|m| !m.model.trim().is_empty()) else {
        return Ok(());
    };
    let thresholds = store::thresholds(uow.conn())
        .await?
        .map(|(t, _)| t)
        .unwrap_or_else(default_thresholds);
    let cal = &policy.calendar;
    let day = cal.local_date(w.finished_at);
    let skus: Vec<String> = w.parts.iter().map(|p| p.sku.trim().to_owned()).collect();
    let model = machine.model.trim();
    for (kind, key) in repeats(w.fault.as_deref(), &skus) {
        for t in &thresholds {
            let (start, end) = window(t.window, day);
            // Once raised, a window is settled: later visits cost one key lookup.
            if store::warning_exists(uow.conn(), model, kind, &key, t.window, start).await? {
                continue;
            }
            let from = cal.start_of_day(start).timestamp_millis();
            let to = cal
                .start_of_day(end + chrono::Duration::days(1))
                .timestamp_millis();
            let count =
                store::count_repeats(uow.conn(), model, kind, &key, from, to, t.count).await?;
            if !reached(t, count) {
                continue;
            }
            let visits = store::repeated_visits(uow.conn(), model, kind, &key, from, to).await?;
            let warning = QualityWarning {
                id: Uuid::now_v7(),
                brand: machine.brand.trim().to_owned(),
                model: model.to_owned(),
                repeat: kind,
                key: key.clone(),
                window: t.window,
                window_start: start,
                count,
                threshold: t.count,
                work_orders: visits,
                raised_at: aftercare_platform::from_ms(now_ms()),
            };
            if store::insert_warning(uow, &warning).await? {
                tracing::warn!(model, key = %key, window = ?t.window, "quality warning");
                uow.emit(&Envelope::new(
                    QualityWarningRaised(warning),
                    Some(Actor::system()),
                ))
                .await?;
            }
        }
    }
    Ok(())
}
