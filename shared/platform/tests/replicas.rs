//! Several replicas of one role on one PostgreSQL database and a real nats-server: the
//! outbox relays share the pending rows instead of all publishing them, and a periodic
//! job runs once per due time however many replicas wake for it.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_contracts::Service;
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::db::Migrations;
use aftercare_platform::outbox::{Relay, RelaySettings};
use aftercare_platform::{Bus, Db};
use aftercare_testkit::{NatsServer, Postgres};
use tokio_util::sync::CancellationToken;

const NO_MIGRATIONS: Migrations = Migrations {
    files: &[],
    checksums: "",
};

/// Stages `n` events in the outbox as committed use cases would.
async fn stage(db: &Db, n: usize) {
    for i in 0..n {
        sqlx::query(
            "insert into outbox (event_id, subject, event_type, event_version, payload, headers, created_at)
             values ($1, 'intake.ticket.opened', 'intake.ticket.opened', 1, $2, '{}', 0)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(format!("{{\"n\":{i}}}"))
        .execute(db.write())
        .await
        .unwrap();
    }
}

async fn pending(db: &Db) -> i64 {
    sqlx::query_scalar("select count(*) from outbox where published_at is null")
        .fetch_one(db.read())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_relays_on_one_database_publish_every_event_once() {
    const EVENTS: usize = 1500;
    let nats = NatsServer::start().await.unwrap();
    let pg = Postgres::start().unwrap();
    let url = pg.create_database("intake").await.unwrap();
    let bus = Bus::connect(&nats.url(), "relay-test").await.unwrap();
    bus.ensure_streams(StreamSettings::default(), &[Service::Intake.stream()])
        .await
        .unwrap();
    let setup = Db::connect(&url, "relay-setup").await.unwrap();
    setup.migrate(&NO_MIGRATIONS).await.unwrap();
    stage(&setup, EVENTS).await;

    let token = CancellationToken::new();
    let settings = RelaySettings {
        batch: 64,
        poll: Duration::from_millis(20),
        ..RelaySettings::default()
    };
    let mut replicas = Vec::new();
    let mut tasks = Vec::new();
    for r in 0..3 {
        let db = Db::connect(&url, &format!("relay-replica-{r}"))
            .await
            .unwrap();
        let relay = Relay::new(db.clone(), bus.js.clone(), settings);
        tasks.push(tokio::spawn(relay.run(token.clone())));
        replicas.push(db);
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while pending(&setup).await > 0 {
        assert!(tokio::time::Instant::now() < deadline, "the relays stalled");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    token.cancel();
    for t in tasks {
        t.await.unwrap();
    }

    let mut stream = bus.js.get_stream(Service::Intake.stream()).await.unwrap();
    let in_stream = stream.info().await.unwrap().state.messages;
    assert_eq!(in_stream, EVENTS as u64, "JetStream holds each event once");
    let (published, repeats): (u64, u64) = replicas.iter().fold((0, 0), |(p, d), db| {
        let m = db.metrics();
        (
            p + m.events_published.get(),
            d + m.outbox_duplicate_publishes.get(),
        )
    });
    let shares: Vec<u64> = replicas
        .iter()
        .map(|db| db.metrics().events_published.get())
        .collect();
    println!(
        "{EVENTS} events, 3 relays: {published} publishes acknowledged, {repeats} of them repeats; shares {shares:?}"
    );
    assert_eq!(repeats, 0, "no relay publishes a row another one claimed");
    assert_eq!(published, EVENTS as u64);
    let attempts: i64 = sqlx::query_scalar("select cast(max(attempts) as bigint) from outbox")
        .fetch_one(setup.read())
        .await
        .unwrap();
    assert_eq!(attempts, 1, "every row was sent by one relay, once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_job_runs_once_per_due_time_with_four_replicas() {
    use aftercare_platform::jobs::{Job, run_on_schedule};
    use std::sync::Arc;

    let pg = Postgres::start().unwrap();
    let url = pg.create_database("survey").await.unwrap();
    let setup = Db::connect(&url, "jobs-setup").await.unwrap();
    setup.migrate(&NO_MIGRATIONS).await.unwrap();
    sqlx::query("create table ran (due_at bigint not null, replica text not null)")
        .execute(setup.write())
        .await
        .unwrap();

    let token = CancellationToken::new();
    let every = Duration::from_millis(250);
    let mut tasks = Vec::new();
    for r in 0..4 {
        let db = Db::connect(&url, &format!("jobs-replica-{r}"))
            .await
            .unwrap();
        let job = Job {
            name: "count",
            run: Arc::new(move |db: Db| {
                Box::pin(async move {
                    // The due time this run was claimed for, as the claim stored it.
                    sqlx::query(
                        "insert into ran (due_at, replica) select due_at, $1 from job_run where job = 'count'",
                    )
                    .bind(format!("replica-{r}"))
                    .execute(db.write())
                    .await?;
                    Ok(())
                })
            }),
        };
        tasks.push(tokio::spawn(run_on_schedule(db, job, every, token.clone())));
    }
    tokio::time::sleep(Duration::from_secs(4)).await;
    token.cancel();
    for t in tasks {
        t.await.unwrap();
    }
    let runs: Vec<(i64, String)> =
        sqlx::query_as("select due_at, replica from ran order by due_at")
            .fetch_all(setup.read())
            .await
            .unwrap();
    let mut due: Vec<i64> = runs.iter().map(|r| r.0).collect();
    due.dedup();
    let replicas: std::collections::BTreeSet<&str> = runs.iter().map(|r| r.1.as_str()).collect();
    println!(
        "4 replicas, 4 s at 250 ms: {} runs for {} due times, by {} replicas",
        runs.len(),
        due.len(),
        replicas.len()
    );
    assert_eq!(due.len(), runs.len(), "one run per due time: {runs:?}");
    assert!(runs.len() >= 10, "the job kept running: {runs:?}");
    assert!(
        due.iter().all(|d| d % 250 == 0),
        "due times are multiples of the interval"
    );
}
