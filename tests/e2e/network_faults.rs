//! R10: every role reaches NATS and PostgreSQL through a fault proxy. Under a steady load
//! of the whole flow with retrying clients, each link in turn gets 200 ms of latency, then
//! a 10 s blackhole, then its connections reset; after each, the system recovers (a new
//! ticket gets its work order) within 30 s of the fault clearing, and on the drained
//! system every promise holds: nothing lost, nothing done twice.
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

use aftercare_testkit::{Fault, FaultProxy, poll_for};

use crate::helpers::{Api, Backend, ROLES, System};
use crate::load::{Load, drain_and_check, open};

const STOCK: i64 = 100_000;
/// The bound on recovery after a fault clears.
const RECOVERY_BOUND: Duration = Duration::from_secs(30);

/// How long after `since` a ticket opened now (retrying with its key) has its work order.
async fn recovered(api: &Api, since: Instant, tag: &str) -> Duration {
    let retries = AtomicU64::new(0);
    let id = open(std::slice::from_ref(api), &format!("SN-{tag}"), &retries)
        .await
        .unwrap_or_else(|| panic!("{tag}: no ticket accepted within a minute"));
    poll_for(RECOVERY_BOUND * 2, "the probe's work order", || async {
        let (s, v) = api.get(&format!("/workorders?ticket_id={id}")).await;
        (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty())).then_some(())
    })
    .await
    .unwrap_or_else(|e| panic!("{tag}: {e}"));
    since.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn through_latency_a_blackhole_and_resets_on_nats_and_postgres_nothing_is_lost() {
    let mut sys = System::new(Backend::Postgres).await;
    let nats_addr: SocketAddr = sys
        .nats
        .url()
        .trim_start_matches("nats://")
        .parse()
        .unwrap();
    let nats = FaultProxy::start(nats_addr).await.unwrap();
    let pg_addr: SocketAddr = sys.db_urls[0]
        .1
        .split('@')
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .parse()
        .unwrap();
    let pg = FaultProxy::start(pg_addr).await.unwrap();
    let direct = sys.db_urls.clone();
    let proxied = format!("@{}/", pg.addr());
    sys.db_urls = direct
        .iter()
        .map(|(s, u)| (s.clone(), u.replace(&format!("@{pg_addr}/"), &proxied)))
        .collect();
    let nats_url = format!("nats://{}", nats.addr());
    let _aftercare = sys.spawn(&ROLES, &[("NATS_URL", nats_url.as_str())]).await;
    // The checks look at the databases directly, not through the proxy.
    sys.db_urls = direct;
    for _ in 0..10 {
        sys.api.technician().await;
    }
    sys.api.part("DRUM-1", STOCK as u32).await;
    let apis = [sys.api.clone()];

    let mut all = Vec::new();
    let mut recoveries = Vec::new();
    for (link, proxy) in [("NATS", &nats), ("PostgreSQL", &pg)] {
        let load = Load::start(&apis, 2, 1, &format!("r10-{link}"));
        tokio::time::sleep(Duration::from_secs(2)).await;
        proxy.set(Fault::Latency(Duration::from_millis(200)));
        tokio::time::sleep(Duration::from_secs(5)).await;
        proxy.set(Fault::None);
        let latency = recovered(&sys.api, Instant::now(), &format!("{link}-latency")).await;
        proxy.set(Fault::Blackhole);
        tokio::time::sleep(Duration::from_secs(10)).await;
        proxy.set(Fault::None);
        let blackhole = recovered(&sys.api, Instant::now(), &format!("{link}-blackhole")).await;
        proxy.reset();
        let reset = recovered(&sys.api, Instant::now(), &format!("{link}-reset")).await;
        let (accepted, retries) = load.finish().await;
        let lag = drain_and_check(&sys, &sys.api, STOCK, &accepted, &format!("R10 {link}")).await;
        eprintln!(
            "R10 {link}: recovered {latency:?} after the latency, {blackhole:?} after the blackhole, {reset:?} after the reset; {} tickets accepted, {retries} client retries, lag zero {lag:?} after the clients stopped",
            accepted.len()
        );
        for (fault, took) in [
            ("latency", latency),
            ("blackhole", blackhole),
            ("reset", reset),
        ] {
            assert!(
                took < RECOVERY_BOUND,
                "R10 {link} {fault}: recovered only after {took:?}"
            );
            recoveries.push(took);
        }
        all.extend(accepted);
    }
    recoveries.sort();
    eprintln!(
        "R10: {} tickets over both links; slowest recovery {:?}",
        all.len(),
        recoveries.last()
    );
}
