//! Follow-ups: the agent resolves one; one left open past its two working days is
//! escalated to the manager.
use aftercare_contracts::survey::{FollowUp, FollowUpEscalated, ResolveFollowUp};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};

use crate::store::follow_ups;

/// Most follow-ups one pass escalates; the rest wait for the next pass.
const ESCALATE_BATCH: i64 = 500;

/// Resolves a follow-up still at the version the caller saw, with `by` as who resolved it.
pub(crate) async fn resolve(
    uow: &mut UnitOfWork,
    req: &ResolveFollowUp,
    by: &str,
) -> Result<FollowUp, ServiceError> {
    let mut e = Vec::new();
    aftercare_contracts::survey::limits::RESOLUTION.check(&mut e, "resolution", &req.resolution);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let f = follow_ups::follow_up(uow.conn(), req.followup_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.followup_id))?;
    if f.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "follow-up {} is at version {}, not {}",
            f.id, f.version, req.expected_version
        )));
    }
    if !follow_ups::resolve_follow_up(uow, f.id, f.version, req.resolution.trim(), by, now_ms())
        .await?
    {
        return Err(ServiceError::conflict(
            "follow_up_resolved",
            format!("follow-up {} is already resolved", f.id),
        ));
    }
    super::call_tasks::follow_up_resolved(uow, f.id, req.resolution.trim(), by).await?;
    follow_ups::follow_up(uow.conn(), &f.id.to_string())
        .await?
        .ok_or_else(|| ServiceError::not_found("follow-up", &req.followup_id))
}

/// Escalates every open follow-up past its escalation time
/// (`survey.followup.escalated`, once each); returns how many.
pub(crate) async fn escalate_due(uow: &mut UnitOfWork) -> aftercare_platform::Result<usize> {
    let now = now_ms();
    let due = follow_ups::follow_ups_to_escalate(uow.conn(), now, ESCALATE_BATCH).await?;
    let mut n = 0;
    for f in due {
        if !follow_ups::escalate(uow, f.id).await? {
            continue;
        }
        tracing::warn!(followup = %f.id, "follow-up escalated to the manager");
        uow.emit(&Envelope::new(
            FollowUpEscalated {
                followup_id: f.id,
                callback_id: f.callback_id,
                ticket_id: f.ticket_id,
                agent: f.agent,
                reasons: f.reasons,
                escalated_at: from_ms(now),
            },
            Some(Actor::system()),
        ))
        .await?;
        n += 1;
    }
    Ok(n)
}
