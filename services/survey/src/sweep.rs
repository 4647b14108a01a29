//! Survey's periodic job: escalates follow-ups left open for two working days, reminds
//! the assignee of each call task whose due time came and escalates a call task overdue
//! by its kind's rule to the manager, and publishes the weekly ranking on Monday and the
//! monthly one on the 3rd, and writes the daily report (日报) of each working day at its
//! report time (18:00). All are idempotent (a follow-up or a task escalates once, a due
//! time is reminded once, a period or a day is published once), so several survey
//! replicas may run it.
use std::sync::Arc;

use aftercare_contracts::survey::RankingKind;
use aftercare_platform::host::Job;
use aftercare_platform::{Db, Result};

use crate::app::{call_tasks, daily_reports, follow_ups, rankings};
use crate::domain::CallbackPolicy;
use crate::domain::periods::latest_due;

/// The job, to register on the service host.
pub(crate) fn job(policy: Arc<CallbackPolicy>) -> Job {
    Job {
        name: "survey sweep",
        run: Arc::new(move |db: Db| {
            let policy = policy.clone();
            Box::pin(async move { sweep(&db, &policy).await })
        }),
    }
}

async fn sweep(db: &Db, policy: &CallbackPolicy) -> Result<()> {
    let mut uow = db.begin().await?;
    follow_ups::escalate_due(&mut uow).await?;
    uow.commit().await?;
    let mut uow = db.begin().await?;
    call_tasks::remind_due(&mut uow).await?;
    call_tasks::escalate_due(&mut uow).await?;
    uow.commit().await?;
    let today = policy.calendar.local_date(db.clock().now());
    for kind in [RankingKind::Weekly, RankingKind::Monthly] {
        let (start, _) = latest_due(kind, today);
        let mut uow = db.begin().await?;
        let published = match rankings::publish(&mut uow, policy, kind, start, None).await {
            Ok(_) => uow.commit().await.map_err(|e| e.to_string()),
            Err(e) => Err(format!("{e:?}")),
        };
        if let Err(error) = published {
            tracing::error!(?kind, %start, %error, "ranking not published");
        }
    }
    let mut uow = db.begin().await?;
    let written = match daily_reports::publish_due(&mut uow, policy).await {
        Ok(_) => uow.commit().await.map_err(|e| e.to_string()),
        Err(e) => Err(format!("{e:?}")),
    };
    if let Err(error) = written {
        tracing::error!(%error, "daily report not written");
    }
    Ok(())
}
