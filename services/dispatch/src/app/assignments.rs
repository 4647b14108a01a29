//! Announcing who a work order went to: one place for the events of an assignment, made
//! when a work order is opened, assigned by hand or given its place by a day plan.
use aftercare_contracts::dispatch::{WorkOrder, WorkOrderAssigned, WorkOrderUnassigned};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms};

use crate::domain::assignment::Assignment;

/// Announces an assignment (`dispatch.workorder.assigned`) or that nobody qualifies
/// (`dispatch.workorder.unassigned`).
pub(crate) async fn announce(
    uow: &mut UnitOfWork,
    w: &WorkOrder,
    decision: &Assignment,
    actor: Option<Actor>,
    now: i64,
) -> Result<(), ServiceError> {
    match decision {
        Assignment::To {
            technician,
            name,
            reasons,
            ..
        } => {
            let e = WorkOrderAssigned {
                work_order_id: w.id,
                number: w.number.clone(),
                ticket_id: w.ticket_id,
                technician_id: *technician,
                technician_name: name.clone(),
                priority: w.priority,
                reasons: reasons.clone(),
                assigned_at: from_ms(now),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
        Assignment::Nobody(reasons) => {
            tracing::warn!(work_order = %w.number, "no technician qualifies; work order waits for a dispatcher");
            let e = WorkOrderUnassigned {
                work_order_id: w.id,
                number: w.number.clone(),
                ticket_id: w.ticket_id,
                reasons: reasons.clone(),
            };
            uow.emit(&Envelope::new(e, actor)).await?;
        }
    }
    Ok(())
}
