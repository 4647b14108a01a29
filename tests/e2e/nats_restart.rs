//! R2 on one nats-server: every role in one `aftercare run` process (as on a single
//! machine) over one nats-server whose JetStream store fsyncs every write
//! (`sync_interval: always`), under a steady load of the whole flow with retrying clients.
//! Three times the server is stopped as an orchestrator stops it (SIGTERM, then SIGKILL
//! 200 ms later if it is still running), left down for a few seconds and started again on
//! its port and kept store; the roles reconnect by themselves. After each round every
//! promise is checked on the drained system: nothing lost, nothing done twice, every
//! consumer caught up.
use std::time::{Duration, Instant};

use aftercare_testkit::wait_until;

use crate::helpers::{Backend, ROLES, System};
use crate::load::{LAG_DEADLINE, Load, drain_and_check, ready};

const STOCK: i64 = 100_000;
/// How long the server has to exit after SIGTERM before it is killed (as the cluster's R2).
const GRACE: Duration = Duration::from_millis(200);
/// How long the server stays down once the roles have noticed: longer than the gateway's
/// request timeout (5 s), so that clients see requests refused and retry them.
const DOWN: Duration = Duration::from_secs(8);
/// The bound on readiness after an outage, used as a generous bound.
const READY_DEADLINE: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_three_nats_server_restarts_under_load_nothing_is_lost_or_doubled_on_sqlite() {
    through_three_nats_server_restarts_under_load_nothing_is_lost_or_doubled(Backend::Sqlite).await;
}

/// On PostgreSQL the copies of one request a client retried while the server was down can
/// reach intake together once it is back: they open one ticket, and the client is answered it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_three_nats_server_restarts_under_load_nothing_is_lost_or_doubled_on_postgresql() {
    through_three_nats_server_restarts_under_load_nothing_is_lost_or_doubled(Backend::Postgres)
        .await;
}

async fn through_three_nats_server_restarts_under_load_nothing_is_lost_or_doubled(
    backend: Backend,
) {
    let mut sys = System::new(backend).await;
    let roles = sys.spawn(&ROLES, &[]).await;
    for _ in 0..10 {
        sys.api.technician().await;
    }
    sys.api.part("DRUM-1", STOCK as u32).await;
    let apis = [sys.api.clone()];

    let mut all = Vec::new();
    for round in 1..=3 {
        let fault = format!("R2 round {round} ({backend:?})");
        let load = Load::start(&apis, 2, 1, &format!("r2-{round}"));
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (accepted_before, retries_before) = (load.accepted_count().await, load.retries());
        let killed = sys.nats.stop(GRACE).await.unwrap();
        let down = Instant::now();
        // The roles see the connection gone: not ready while the server is down.
        wait_until(
            READY_DEADLINE,
            "not ready while nats-server is down",
            || async { !ready(&roles).await },
        )
        .await
        .unwrap_or_else(|e| panic!("{fault}: {e}"));
        tokio::time::sleep(DOWN).await;
        let (accepted_down, retries_down) = (load.accepted_count().await, load.retries());
        sys.nats.start_again().await.unwrap();
        let restarted = Instant::now();
        sys.nats
            .wait_healthy(READY_DEADLINE)
            .await
            .unwrap_or_else(|e| panic!("{fault}: {e}"));
        let healthy = restarted.elapsed();
        // The roles reconnect by themselves: ready again, and tickets are accepted again.
        roles
            .wait_ready(READY_DEADLINE)
            .await
            .unwrap_or_else(|e| panic!("{fault}: {e}"));
        let reconnected = restarted.elapsed();
        wait_until(
            LAG_DEADLINE,
            "three tickets accepted after the restart",
            || async { load.accepted_count().await >= accepted_down + 3 },
        )
        .await
        .unwrap_or_else(|e| panic!("{fault}: {e}"));
        let accepting = restarted.elapsed();
        let retries_up = load.retries();
        tokio::time::sleep(Duration::from_secs(2)).await;
        let (accepted, retries) = load.finish().await;
        let lag = drain_and_check(&sys, &sys.api, STOCK, &accepted, &fault).await;
        eprintln!(
            "{fault}: nats-server {} after SIGTERM, down {:?}; between the SIGTERM and the restart {} tickets accepted and {} requests refused or unanswered (each retried with its key); after the restart the server healthy in {healthy:?}, the roles ready in {reconnected:?}, three more tickets accepted in {accepting:?} ({} more retries); {} tickets accepted in the round, {retries} client retries; lag zero {lag:?} after the clients stopped",
            if killed {
                "killed (SIGKILL)"
            } else {
                "exited by itself"
            },
            restarted.duration_since(down),
            accepted_down - accepted_before,
            retries_down - retries_before,
            retries_up - retries_down,
            accepted.len(),
        );
        all.extend(accepted);
    }
    assert_eq!(
        sys.count("intake", "select count(*) from ticket").await,
        all.len() as i64,
        "every ticket a client saw accepted, and no other"
    );
}
