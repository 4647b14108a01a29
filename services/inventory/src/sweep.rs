//! Inventory's periodic job: one pass over every reorder rule drafts a purchase request
//! where stock fell to the reorder point (never a second one while one is open); the pass
//! is the use case [`app::purchasing::draft_reorders`], in one transaction.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result};

use crate::{app, store};

/// The periodic job that drafts reorder requests.
pub(crate) fn job(calendar: Arc<BusinessCalendar>) -> Job {
    Job {
        name: "reorder points",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move { sweep(&db, &calendar).await.map(|_| ()) })
        }),
    }
}

/// One pass over every rule; returns how many requests were drafted.
pub(crate) async fn sweep(db: &Db, calendar: &BusinessCalendar) -> Result<usize> {
    let rules = {
        let mut conn = db.read_conn().await?;
        store::purchasing::rules(&mut conn, None).await?
    };
    let mut uow = db.begin().await?;
    let n = app::purchasing::draft_reorders(&mut uow, calendar, rules).await?;
    uow.commit().await?;
    Ok(n)
}
