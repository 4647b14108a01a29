//! Dispatch's request endpoints (`svc.dispatch.*`): technicians in [`technicians`], work
//! orders and their visit reports in [`work_orders`], day plans in [`day_plans`],
//! maintenance plans in [`maintenance`], the field service report in [`reports`].
mod day_plans;
pub(crate) mod maintenance;
mod reports;
mod technicians;
pub(crate) mod work_orders;

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Db;
use aftercare_platform::rpc::{Endpoint, RequestContext};

pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    let mut all = technicians::endpoints(db.clone());
    all.extend(maintenance::endpoints(db.clone()));
    all.extend(work_orders::endpoints(db.clone(), calendar.clone()));
    all.extend(day_plans::endpoints(db.clone(), calendar.clone()));
    all.extend(reports::endpoints(db, calendar));
    all
}

/// Who made a request, as history rows name them.
fn actor(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}
