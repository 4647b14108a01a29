//! Inventory's periodic jobs. One pass over every reorder rule drafts a purchase request
//! where stock fell to the reorder point (never a second one while one is open); the pass
//! is the use case [`app::purchasing::draft_reorders`], in one transaction. The daily
//! consumables contacts: each fitted consumable whose contact day has come (today, or a day
//! missed while no replica ran) is announced, each in its own transaction guarded by its
//! row, so several replicas may run it and a run-out is announced once.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result};

use crate::{app, store};

/// Most contacts one run announces; the rest wait for the next due time.
const CONTACTS_PER_RUN: i64 = 500;

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

/// The job that announces the consumables contacts whose day has come.
pub(crate) fn contacts_job(calendar: Arc<BusinessCalendar>) -> Job {
    Job {
        name: "consumables contacts",
        run: Arc::new(move |db: Db| {
            let calendar = calendar.clone();
            Box::pin(async move { contacts(&db, &calendar).await.map(|_| ()) })
        }),
    }
}

/// Announces the contacts due on the company's today or earlier and not announced yet;
/// returns how many this run announced (one another replica announced first is not
/// counted, and not announced again).
pub(crate) async fn contacts(db: &Db, calendar: &BusinessCalendar) -> Result<usize> {
    let today = calendar.local_date(db.clock().now());
    let due = {
        let mut conn = db.read_conn().await?;
        store::consumables::forecasts_due(&mut conn, today, CONTACTS_PER_RUN).await?
    };
    let mut announced = 0;
    for f in due {
        let mut uow = db.begin().await?;
        if app::consumables::announce(&mut uow, &f).await? {
            uow.commit().await?;
            announced += 1;
        } else {
            uow.rollback().await?;
        }
    }
    Ok(announced)
}
