//! The SLA clock follows the ticket's state: it stops when the ticket begins to wait (for
//! parts or for the customer) and starts again when it stops waiting, its deadlines moved
//! on by the working time the wait took ([`crate::domain::sla::resume_clock`]).
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::intake::{Ticket, TicketStatus};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::domain::sla;
use crate::store;

/// After ticket `id` moved to `to` at `at`: stops its clock, starts it again, or leaves it.
pub(crate) async fn follow(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    id: Uuid,
    to: TicketStatus,
    at: i64,
) -> Result<()> {
    let Some((clock, paused_since)) = store::clock(uow.conn(), id).await? else {
        return Ok(());
    };
    match (sla::pauses(to), paused_since) {
        (true, None) => store::pause(uow, id, to, at).await,
        (false, Some(since)) => {
            let now = from_ms(at);
            let moved = sla::resume_clock(clock, since, now, calendar);
            let took = calendar.working_time_between(since, now);
            store::resume(uow, id, &moved, took, at).await
        }
        _ => Ok(()),
    }
}

/// The ticket as shown at `now`: its paused time includes the current pause.
pub(crate) fn shown(mut t: Ticket, now: DateTime<Utc>, calendar: &BusinessCalendar) -> Ticket {
    if t.sla.paused_since.is_some() {
        let done = Duration::minutes(i64::try_from(t.sla.paused_minutes).unwrap_or(0));
        t.sla.paused_minutes = sla::paused_minutes(done, t.sla.paused_since, now, calendar);
    }
    t
}
