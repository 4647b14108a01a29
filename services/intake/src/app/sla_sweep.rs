//! The SLA sweep: a periodic job that finds tickets whose first-response or resolution
//! target is 80 % used up or past due and not met, and announces each once
//! (`intake.ticket.sla_warning`, `intake.ticket.sla_breached`); a complaint not resolved
//! in time also goes to the manager (`intake.complaint.escalated`). The alert bit and the
//! event are written in one transaction, and the bit is set only if no other sweep set it
//! first, so several intake replicas never send an alert twice. A ticket whose clock is
//! paused (waiting for parts or for the customer) is not alerted; its deadlines move on
//! when it resumes ([`super::clock`]).
//!
//! Promised replies are swept the same way: a warning at 80 % of the time to the promised
//! reply (`intake.ticket.reply_due`) and an escalation when it is overdue
//! (`intake.ticket.reply_overdue`), each once per promise.
use std::sync::Arc;

use aftercare_contracts::intake::{
    ComplaintEscalated, ReplyAlert, SlaAlert, SlaTarget, TicketReplyDue, TicketReplyOverdue,
    TicketSlaBreached, TicketSlaWarning, TicketStatus, TicketType,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::db::{from_text, parse_id};
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result, from_ms, now_ms};

use crate::domain::sla::alerts;
use crate::store;

/// Most alerts of one kind sent per run; the rest go at the next run.
const PER_RUN: i64 = 500;

/// The job, to register on the service host.
pub(crate) fn job() -> Job {
    Job {
        name: "sla sweep",
        run: Arc::new(|db: Db| Box::pin(async move { sweep(&db).await.map(|_| ()) })),
    }
}

/// One pass; returns how many alerts were sent.
pub(crate) async fn sweep(db: &Db) -> Result<usize> {
    let now = now_ms();
    let kinds = [
        (SlaTarget::FirstResponse, false, alerts::RESPONSE_WARNED),
        (SlaTarget::FirstResponse, true, alerts::RESPONSE_BREACHED),
        (SlaTarget::Resolution, false, alerts::RESOLUTION_WARNED),
        (SlaTarget::Resolution, true, alerts::RESOLUTION_BREACHED),
    ];
    let mut sent = 0;
    for (target, breach, bit) in kinds {
        let due = {
            let mut conn = db.read_conn().await?;
            store::due_alerts(&mut conn, target, breach, bit, now, PER_RUN).await?
        };
        if due.is_empty() {
            continue;
        }
        let mut uow = db.begin().await?;
        for d in due {
            if !store::mark_alert(&mut uow, &d.ticket_id, bit).await? {
                continue;
            }
            let alert = SlaAlert {
                ticket_id: parse_id(&d.ticket_id)?,
                number: d.number,
                priority: from_text(&d.priority)?,
                district: d.district,
                target,
                due_at: from_ms(d.due_at),
                at: from_ms(now),
            };
            if breach {
                tracing::warn!(ticket = %alert.number, ?target, "SLA breached");
                let ticket_type: TicketType = from_text(&d.ticket_type)?;
                if ticket_type == TicketType::Complaint && target == SlaTarget::Resolution {
                    let status: TicketStatus = from_text(&d.status)?;
                    store::note_escalation(&mut uow, alert.ticket_id, status, now).await?;
                    let e = ComplaintEscalated {
                        ticket_id: alert.ticket_id,
                        number: alert.number.clone(),
                        owner: d.owner.clone(),
                        district: alert.district.clone(),
                        due_at: alert.due_at,
                        escalated_at: alert.at,
                    };
                    uow.emit(&Envelope::new(e, Some(Actor::system()))).await?;
                }
                uow.emit(&Envelope::new(
                    TicketSlaBreached(alert),
                    Some(Actor::system()),
                ))
                .await?;
            } else {
                uow.emit(&Envelope::new(
                    TicketSlaWarning(alert),
                    Some(Actor::system()),
                ))
                .await?;
            }
            sent += 1;
        }
        uow.commit().await?;
    }
    Ok(sent + replies(db, now).await?)
}

/// Promised replies: the warnings, then the escalations, each sent once per promise.
async fn replies(db: &Db, now: i64) -> Result<usize> {
    let mut sent = 0;
    for (overdue, bit) in [(false, REPLY_WARNED), (true, REPLY_OVERDUE)] {
        let due = {
            let mut conn = db.read_conn().await?;
            store::due_replies(&mut conn, overdue, bit, now, PER_RUN).await?
        };
        if due.is_empty() {
            continue;
        }
        let mut uow = db.begin().await?;
        for d in due {
            if !store::mark_reply_alert(&mut uow, &d.ticket_id, d.reply_by, bit).await? {
                continue;
            }
            let alert = ReplyAlert {
                ticket_id: parse_id(&d.ticket_id)?,
                number: d.number,
                district: d.district,
                promised_by: d.reply_promised_by.unwrap_or_default(),
                owner: d.owner,
                reply_by: from_ms(d.reply_by),
                at: from_ms(now),
            };
            if overdue {
                tracing::warn!(ticket = %alert.number, "promised reply overdue");
                uow.emit(&Envelope::new(
                    TicketReplyOverdue(alert),
                    Some(Actor::system()),
                ))
                .await?;
            } else {
                uow.emit(&Envelope::new(TicketReplyDue(alert), Some(Actor::system())))
                    .await?;
            }
            sent += 1;
        }
        uow.commit().await?;
    }
    Ok(sent)
}

/// Promised reply: warning sent.
const REPLY_WARNED: i32 = 1;
/// Promised reply: escalation sent.
const REPLY_OVERDUE: i32 = 2;
