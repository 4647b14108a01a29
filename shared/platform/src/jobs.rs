//! Periodic jobs (the SLA sweep, reminders, rankings): each runs once per due time, the
//! due times being the multiples of the job interval since the Unix epoch, so every
//! replica of a role agrees on them. A replica that wakes at a due time claims it in the
//! role's database (`job_run`); only the one whose claim moved the job's last due time
//! forward runs it, the others wait for the next one.
use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;
use tracing::warn;

use crate::{Db, Result, now_ms};

/// Work a service does on a schedule rather than on a request or event (e.g. finding
/// tickets whose deadline passed). Each run gets the service's database; what it emits
/// goes through the outbox like everything else. A failed run is logged and the job runs
/// again at its next due time.
#[derive(Clone)]
pub struct Job {
    /// Name, for logs and for its claims; unique within a role.
    pub name: &'static str,
    /// What one run does.
    pub run: Arc<dyn Fn(Db) -> crate::BoxFuture<'static, Result<()>> + Send + Sync>,
}

/// The first due time after `now_ms` for a job run every `every_ms` (epoch ms).
pub fn next_due(now_ms: i64, every_ms: i64) -> i64 {
    let every = every_ms.max(1);
    (now_ms.div_euclid(every) + 1) * every
}

/// Claims due time `due_at` of job `job` for replica `by`: true for the one replica whose
/// claim is first, false for every later one and for a due time not after the last claimed.
pub async fn claim(db: &Db, job: &str, due_at: i64, by: &str) -> Result<bool> {
    let mut uow = db.begin().await?;
    let done = sqlx::query(
        "insert into job_run (job, due_at, run_by, claimed_at) values ($1, $2, $3, $4)
         on conflict (job) do update set due_at = excluded.due_at, run_by = excluded.run_by,
             claimed_at = excluded.claimed_at
         where job_run.due_at < excluded.due_at",
    )
    .bind(job)
    .bind(due_at)
    .bind(by)
    .bind(now_ms())
    .execute(uow.conn())
    .await?;
    uow.commit().await?;
    Ok(done.rows_affected() == 1)
}

/// What names this replica in its claims: the host name (the pod's, in Kubernetes) and
/// the process id.
pub fn replica_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "local".into());
    format!("{host}:{}", std::process::id())
}

/// Runs `job` at each of its due times until `token` is cancelled, when this replica's
/// claim is the first.
pub async fn run_on_schedule(db: Db, job: Job, every: Duration, token: CancellationToken) {
    let every_ms = i64::try_from(every.as_millis()).unwrap_or(i64::MAX).max(1);
    let me = replica_name();
    loop {
        let due = next_due(now_ms(), every_ms);
        let wait = Duration::from_millis(u64::try_from(due - now_ms()).unwrap_or(0));
        tokio::select! {
            _ = token.cancelled() => return,
            _ = tokio::time::sleep(wait) => {}
        }
        match claim(&db, job.name, due, &me).await {
            Ok(true) => {
                let started = std::time::Instant::now();
                let outcome = match (job.run)(db.clone()).await {
                    Ok(()) => "ok",
                    Err(e) => {
                        warn!(job = job.name, error = %e, "job failed; it runs again at its next due time");
                        "failed"
                    }
                };
                db.metrics()
                    .job_run(job.name, outcome, Some(started.elapsed()));
            }
            Ok(false) => {}
            Err(e) => {
                db.metrics().job_run(job.name, "unclaimed", None);
                warn!(job = job.name, error = %e, "job could not be claimed; it runs again at its next due time")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_times_are_the_multiples_of_the_interval() {
        assert_eq!(next_due(0, 30_000), 30_000);
        assert_eq!(next_due(29_999, 30_000), 30_000);
        assert_eq!(
            next_due(30_000, 30_000),
            60_000,
            "a due time just past is not taken again"
        );
        assert_eq!(next_due(1_765_000_012_345, 1_000), 1_765_000_013_000);
    }

    #[tokio::test]
    async fn a_due_time_is_claimed_once_and_never_moves_back() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::connect(&format!("sqlite://{}/j.db", dir.path().display()), "jobs")
            .await
            .expect("connect");
        db.migrate(&crate::db::Migrations {
            files: &[],
            checksums: "",
        })
        .await
        .expect("migrate");
        assert!(claim(&db, "sweep", 60_000, "a").await.expect("first"));
        assert!(!claim(&db, "sweep", 60_000, "b").await.expect("same due"));
        assert!(!claim(&db, "sweep", 30_000, "b").await.expect("earlier due"));
        assert!(claim(&db, "report", 60_000, "b").await.expect("other job"));
        assert!(claim(&db, "sweep", 90_000, "b").await.expect("next due"));
    }
}
