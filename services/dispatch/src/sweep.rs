//! Dispatch's periodic job: generates planned maintenance visits a lead time ahead
//! (`dispatch.maintenance.due`). Idempotent (each plan and day once), so several dispatch
//! replicas may run it.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result};

use crate::app::maintenance::generate_due;

/// The job, to register on the service host.
pub(crate) fn job(calendar: Arc<BusinessCalendar>, lead_days: u32) -> Job {
    Job {
        name: "maintenance plans",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move { sweep(&db, &calendar, lead_days).await })
        }),
    }
}

async fn sweep(db: &Db, calendar: &BusinessCalendar, lead_days: u32) -> Result<()> {
    let mut uow = db.begin().await?;
    generate_due(&mut uow, calendar, lead_days).await?;
    uow.commit().await
}
