//! A steady, bounded load of the whole flow by retrying clients, and the check of every
//! promise on the drained system after a fault: shared by the fault tests (the replicated
//! cluster's R2-R4, R2 on one nats-server and the network faults' R10).
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use aftercare_testkit::{AftercareProcess, wait_until};
use futures::StreamExt;
use serde_json::{Value, json};

use crate::helpers::{Api, SERVICES, ticket_body};

/// How long the system may take to drain after a fault (the bound).
pub const LAG_DEADLINE: Duration = Duration::from_secs(60);

/// Looks into a system under test: its services' databases and its JetStream.
pub trait Probe {
    /// One number a query on `service`'s database answers.
    fn count(&self, service: &str, sql: &str) -> impl Future<Output = i64>;
    /// The rows of one text column a query on `service`'s database answers.
    fn rows(&self, service: &str, sql: &str) -> impl Future<Output = Vec<String>>;
    /// A JetStream context on a running node.
    fn jetstream(&self) -> impl Future<Output = async_nats::jetstream::Context>;
}

/// Every durable consumer of the services' streams: (name, deliveries including
/// redeliveries, messages pending, messages delivered and not acked).
pub async fn consumers(probe: &impl Probe) -> Vec<(String, u64, u64, usize)> {
    let js = probe.jetstream().await;
    let mut out = Vec::new();
    for s in SERVICES {
        let stream = js.get_stream(s.to_uppercase()).await.unwrap();
        let mut infos = stream.consumers();
        while let Some(info) = infos.next().await {
            let info = info.unwrap();
            out.push((
                info.name.clone(),
                info.delivered.consumer_sequence,
                info.num_pending,
                info.num_ack_pending,
            ));
        }
    }
    out
}

/// Waits for the drained state and checks every promise on it; returns how long the
/// consumers took to reach zero lag.
pub async fn drain_and_check(
    probe: &impl Probe,
    api: &Api,
    stock: i64,
    accepted: &[String],
    fault: &str,
) -> Duration {
    let started = Instant::now();
    let tickets = probe.count("intake", "select count(*) from ticket").await;
    let ids = probe.rows("intake", "select ticket_id from ticket").await;
    for id in accepted {
        assert!(ids.contains(id), "{fault}: accepted ticket {id} is stored");
    }
    wait_until(LAG_DEADLINE, "a work order for every ticket", || async {
        probe
            .count("dispatch", "select count(*) from work_order")
            .await
            == tickets
    })
    .await
    .unwrap_or_else(|e| panic!("{fault}: {e}"));
    let completed = probe
        .count(
            "dispatch",
            "select count(*) from work_order where status = 'completed'",
        )
        .await;
    wait_until(LAG_DEADLINE, "a receipt, a callback and a consumption for every completed work order", || async {
        probe.count("billing", "select count(*) from invoice").await == completed
            && probe.count("survey", "select count(*) from callback").await == completed
            && probe.count("inventory", "select cast(coalesce(-sum(quantity), 0) as bigint) from movement where kind = 'consumption'").await == completed
    })
    .await
    .unwrap_or_else(|e| panic!("{fault}: {e}"));
    for s in SERVICES {
        wait_until(LAG_DEADLINE, "the outbox to drain", || async {
            probe
                .count(s, "select count(*) from outbox where published_at is null")
                .await
                == 0
        })
        .await
        .unwrap_or_else(|e| panic!("{fault}: {s}: {e}"));
    }
    wait_until(LAG_DEADLINE, "every consumer's lag to be zero", || async {
        consumers(probe)
            .await
            .iter()
            .all(|(_, _, pending, unacked)| *pending == 0 && *unacked == 0)
    })
    .await
    .unwrap_or_else(|e| panic!("{fault}: {e}"));
    let lag = started.elapsed();

    // Exactly once, everywhere.
    assert_eq!(
        probe
            .count(
                "dispatch",
                "select count(distinct ticket_id) from work_order"
            )
            .await,
        tickets,
        "{fault}: one work order per ticket"
    );
    assert_eq!(
        probe
            .count(
                "billing",
                "select count(distinct work_order_id) from invoice"
            )
            .await,
        completed,
        "{fault}: one receipt per completed work order"
    );
    assert_eq!(
        probe
            .count(
                "survey",
                "select count(distinct work_order_id) from callback"
            )
            .await,
        completed,
        "{fault}: one callback per completed work order"
    );
    assert_eq!(
        probe
            .count(
                "inventory",
                "select count(*) from movement where kind = 'consumption'"
            )
            .await,
        completed,
        "{fault}: one consumption per completed work order"
    );
    let (s, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(s, 200, "{part}");
    assert_eq!(
        part["on_hand"].as_i64().unwrap(),
        stock - completed,
        "{fault}: stock fell by what was used"
    );
    let mut numbers: Vec<i64> = probe
        .rows("billing", "select number from invoice")
        .await
        .iter()
        .map(|n| {
            n.rsplit('-')
                .next()
                .and_then(|d| d.parse().ok())
                .unwrap_or_else(|| panic!("receipt number {n}"))
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (1..=completed).collect::<Vec<_>>(),
        "{fault}: receipt numbers are gapless"
    );
    lag
}

/// Whether the process answers `/readyz` with 200 (within 2 s).
pub async fn ready(p: &AftercareProcess) -> bool {
    matches!(
        reqwest::Client::new()
            .get(format!("{}/readyz", p.health_url))
            .timeout(Duration::from_secs(2))
            .send()
            .await,
        Ok(r) if r.status().is_success()
    )
}

/// A steady, bounded load of the whole flow by a few clients that retry with the same
/// Idempotency-Key through either gateway until they get an answer.
pub struct Load {
    stop: Arc<AtomicBool>,
    accepted: Arc<tokio::sync::Mutex<Vec<String>>>,
    retries: Arc<AtomicU64>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Load {
    /// `clients` run the whole flow; `openers` only open tickets, so events keep flowing
    /// to the consumers while requests to a paused replica wait for their timeout.
    pub fn start(apis: &[Api], clients: usize, openers: usize, tag: &str) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let accepted = Arc::new(tokio::sync::Mutex::new(Vec::new()));
        let retries = Arc::new(AtomicU64::new(0));
        let tasks = (0..clients + openers)
            .map(|c| {
                let whole_flow = c < clients;
                let (apis, stop, accepted, retries) = (
                    apis.to_vec(),
                    stop.clone(),
                    accepted.clone(),
                    retries.clone(),
                );
                let tag = format!("{tag}-{c}");
                tokio::spawn(async move {
                    let mut n = 0;
                    while !stop.load(Ordering::Relaxed) {
                        n += 1;
                        let serial = format!("SN-{tag}-{n}");
                        if let Some(id) = open(&apis, &serial, &retries).await {
                            accepted.lock().await.push(id.clone());
                            if whole_flow {
                                complete(&apis, &id, &retries).await;
                            }
                        }
                        tokio::time::sleep(Duration::from_millis(if whole_flow {
                            100
                        } else {
                            300
                        }))
                        .await;
                    }
                })
            })
            .collect();
        Self {
            stop,
            accepted,
            retries,
            tasks,
        }
    }

    pub async fn accepted_count(&self) -> usize {
        self.accepted.lock().await.len()
    }

    /// Requests refused or unanswered so far, each retried.
    pub fn retries(&self) -> u64 {
        self.retries.load(Ordering::Relaxed)
    }

    /// Stops the clients after their flow in hand and returns the accepted tickets.
    pub async fn finish(self) -> (Vec<String>, u64) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.tasks {
            t.await.unwrap();
        }
        let accepted = self.accepted.lock().await.clone();
        (accepted, self.retries.load(Ordering::Relaxed))
    }
}

/// Opens a ticket, retrying with the same key (alternating gateways) for up to a minute.
pub async fn open(apis: &[Api], serial: &str, retries: &AtomicU64) -> Option<String> {
    let key = uuid::Uuid::now_v7().to_string();
    let deadline = Instant::now() + Duration::from_secs(60);
    for attempt in 0.. {
        let api = &apis[attempt % apis.len()];
        let r = api
            .request(reqwest::Method::POST, "/tickets")
            .await
            .header("idempotency-key", &key)
            .json(&ticket_body(serial))
            .send()
            .await;
        if let Ok(r) = r
            && r.status() == 201
            && let Ok(v) = r.json::<Value>().await
        {
            return v["id"].as_str().map(str::to_owned);
        }
        if Instant::now() > deadline {
            return None;
        }
        retries.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    None
}

pub async fn get(api: &Api, path: &str) -> Option<Value> {
    let r = api
        .request(reqwest::Method::GET, path)
        .await
        .send()
        .await
        .ok()?;
    if r.status() != 200 {
        return None;
    }
    r.json().await.ok()
}

/// Waits for the ticket's work order and completes it with one drum, re-reading the
/// version before every attempt, for up to a minute.
pub async fn complete(apis: &[Api], ticket: &str, retries: &AtomicU64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut attempt = 0;
    while Instant::now() < deadline {
        attempt += 1;
        let api = &apis[attempt % apis.len()];
        let Some(page) = get(api, &format!("/workorders?ticket_id={ticket}")).await else {
            retries.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(250)).await;
            continue;
        };
        let w = &page["items"][0];
        if w["status"] == "completed" {
            return;
        }
        if w["status"] != "assigned" {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        }
        let r = api
            .request(
                reqwest::Method::POST,
                &format!("/workorders/{}/complete", w["id"].as_str().unwrap_or_default()),
            )
            .await
            .header("if-match", format!("\"{}\"", w["version"]))
            .json(&json!({"diagnosis":"worn drum","started_at":"2026-11-23T02:00:00Z","finished_at":"2026-11-23T02:50:00Z","parts":[{"sku":"DRUM-1","quantity":1}],"parts_consent":true}))
            .send()
            .await;
        if matches!(&r, Ok(r) if r.status() == 200) {
            return;
        }
        retries.fetch_add(1, Ordering::Relaxed);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}
