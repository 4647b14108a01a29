//! `aftercare bench`: drives the skeleton flow (open ticket → assigned → complete with a
//! part → callback scheduled) against a running system over HTTP, watching the events on
//! NATS to know when each step is done. In the same run it measures the floors beneath
//! the flow on the same machine and settings: JetStream publishes with ack and
//! single-row commits on the same database backend, and compares.
//!
//! Each round runs: publish floor, commit floor, saturation (closed loop with
//! `--concurrency` flows in flight), then a fixed offered rate (`--rate`, or half the
//! round's saturation). Medians over `--rounds` are reported, because single runs on a
//! shared two-core VM vary several-fold.
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use aftercare_platform::metrics::parse_total;
use aftercare_platform::{Bus, Db};
use anyhow::Context;
use clap::Args;
use futures::StreamExt;
use serde_json::{Value, json};
use tokio::sync::oneshot;
use uuid::Uuid;

/// Benchmark options.
#[derive(Debug, Args)]
pub(crate) struct BenchArgs {
    /// Gateway base URL of the running system.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    gateway: String,
    /// NATS URL of the running system.
    #[arg(long, env = "NATS_URL", default_value = "nats://127.0.0.1:4222")]
    nats_url: String,
    /// Account the load is sent as.
    #[arg(long, env = "AFTERCARE_ADMIN_LOGIN", default_value = "admin")]
    login: String,
    /// Its password.
    #[arg(long, env = "AFTERCARE_ADMIN_PASSWORD", hide_env_values = true)]
    password: String,
    /// `/metrics` URLs of the system's processes (default: the gateway's, as `up` serves).
    #[arg(long = "metrics")]
    metrics: Vec<String>,
    /// Database URL for the commit floor: same backend and settings as the services
    /// (a SQLite file next to theirs, or a scratch PostgreSQL database).
    #[arg(long)]
    floor_database_url: String,
    /// Seconds per measurement.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Flows in flight during the saturation run.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Fixed offered rate in flows/s (default: half of the round's saturation).
    #[arg(long)]
    rate: Option<f64>,
    /// Rounds of floors + system, back to back.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Process ids whose resident memory to report (default: every `aftercare run|up` and
    /// `nats-server` on the machine).
    #[arg(long = "pid")]
    pids: Vec<u32>,
    /// Also write the results as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
}

type Waiters = Arc<Mutex<HashMap<(Uuid, &'static str), oneshot::Sender<Value>>>>;
type Early = Arc<Mutex<HashMap<(Uuid, &'static str), Value>>>;

/// Routes `dispatch.workorder.assigned` and `survey.callback.scheduled` to the flow
/// waiting for them (by ticket id), keeping those that arrive before anyone waits.
struct EventWatch {
    waiters: Waiters,
    early: Early,
}

const ASSIGNED: &str = "dispatch.workorder.assigned";
const SCHEDULED: &str = "survey.callback.scheduled";

impl EventWatch {
    async fn start(client: &async_nats::Client) -> anyhow::Result<Self> {
        let waiters: Waiters = Arc::default();
        let early: Early = Arc::default();
        for subject in [ASSIGNED, SCHEDULED] {
            let mut sub = client.subscribe(subject).await?;
            let (w, e) = (waiters.clone(), early.clone());
            tokio::spawn(async move {
                while let Some(msg) = sub.next().await {
                    let Ok(v) = serde_json::from_slice::<Value>(&msg.payload) else {
                        continue;
                    };
                    let Some(ticket) = v["data"]["ticket_id"]
                        .as_str()
                        .and_then(|t| Uuid::parse_str(t).ok())
                    else {
                        continue;
                    };
                    let key = (ticket, subject);
                    let waiter = w.lock().unwrap_or_else(|p| p.into_inner()).remove(&key);
                    match waiter {
                        Some(tx) => {
                            let _ = tx.send(v);
                        }
                        None => {
                            e.lock().unwrap_or_else(|p| p.into_inner()).insert(key, v);
                        }
                    }
                }
            });
        }
        client.flush().await?;
        Ok(Self { waiters, early })
    }

    async fn wait(
        &self,
        ticket: Uuid,
        subject: &'static str,
        timeout: Duration,
    ) -> anyhow::Result<Value> {
        let rx = {
            let mut waiters = self.waiters.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(v) = self
                .early
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&(ticket, subject))
            {
                return Ok(v);
            }
            let (tx, rx) = oneshot::channel();
            waiters.insert((ticket, subject), tx);
            rx
        };
        Ok(tokio::time::timeout(timeout, rx)
            .await
            .context(format!("{subject} did not arrive"))??)
    }
}

struct Flow {
    http: reqwest::Client,
    api: String,
    watch: EventWatch,
    sku: String,
}

impl Flow {
    /// One ticket from POST to callback scheduled; returns the latency.
    async fn run(&self, n: u64) -> anyhow::Result<Duration> {
        let started = Instant::now();
        let body = json!({
            "channel": "phone", "type": "fault", "symptom": "bench: black streaks",
            "customer": {"name": format!("Bench customer {n}"), "phone": "+86 20 5555 0101", "address": "1 Tianhe Rd", "district": "tianhe"},
            "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": format!("BENCH-{n}")}
        });
        let ticket: Value = self
            .http
            .post(format!("{}/tickets", self.api))
            .json(&body)
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let ticket_id = Uuid::parse_str(ticket["id"].as_str().context("ticket id")?)?;
        let assigned = self
            .watch
            .wait(ticket_id, ASSIGNED, Duration::from_secs(60))
            .await?;
        let wo = assigned["data"]["work_order_id"]
            .as_str()
            .context("work order id")?
            .to_owned();
        let done = json!({"diagnosis": "bench", "started_at": "2026-11-23T02:00:00Z", "finished_at": "2026-11-23T02:30:00Z",
            "parts": [{"sku": self.sku, "quantity": 1}], "parts_consent": true});
        let current: Value = self
            .http
            .get(format!("{}/workorders/{wo}", self.api))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        self.http
            .post(format!("{}/workorders/{wo}/complete", self.api))
            .header("if-match", format!("\"{}\"", current["version"]))
            .json(&done)
            .send()
            .await?
            .error_for_status()?;
        self.watch
            .wait(ticket_id, SCHEDULED, Duration::from_secs(60))
            .await?;
        Ok(started.elapsed())
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct Latency {
    pub(crate) flows: usize,
    pub(crate) errors: usize,
    pub(crate) per_sec: f64,
    pub(crate) p50_ms: f64,
    pub(crate) p99_ms: f64,
    pub(crate) max_ms: f64,
}

pub(crate) fn summarise(mut lat: Vec<Duration>, errors: usize, elapsed: Duration) -> Latency {
    lat.sort();
    let pick = |q: f64| {
        lat.get(((lat.len() as f64 * q).ceil() as usize).saturating_sub(1))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    Latency {
        flows: lat.len(),
        errors,
        per_sec: lat.len() as f64 / elapsed.as_secs_f64(),
        p50_ms: pick(0.50),
        p99_ms: pick(0.99),
        max_ms: pick(1.0),
    }
}

async fn saturation(
    flow: Arc<Flow>,
    concurrency: usize,
    duration: Duration,
    seq: Arc<std::sync::atomic::AtomicU64>,
) -> Latency {
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (flow, seq) = (flow.clone(), seq.clone());
        workers.push(tokio::spawn(async move {
            let (mut lat, mut errors) = (Vec::new(), 0);
            while Instant::now() < deadline {
                match flow
                    .run(seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                    .await
                {
                    Ok(d) => lat.push(d),
                    Err(_) => errors += 1,
                }
            }
            (lat, errors)
        }));
    }
    let (mut lat, mut errors) = (Vec::new(), 0);
    for w in workers {
        if let Ok((l, e)) = w.await {
            lat.extend(l);
            errors += e;
        }
    }
    summarise(lat, errors, started.elapsed())
}

async fn fixed_rate(
    flow: Arc<Flow>,
    rate: f64,
    duration: Duration,
    seq: Arc<std::sync::atomic::AtomicU64>,
) -> Latency {
    let interval = Duration::from_secs_f64(1.0 / rate.max(0.1));
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = Instant::now();
    let mut flows = Vec::new();
    while started.elapsed() < duration {
        ticker.tick().await;
        let (flow, seq) = (flow.clone(), seq.clone());
        flows.push(tokio::spawn(async move {
            flow.run(seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                .await
        }));
    }
    let (mut lat, mut errors) = (Vec::new(), 0);
    for f in flows {
        match f.await {
            Ok(Ok(d)) => lat.push(d),
            _ => errors += 1,
        }
    }
    summarise(lat, errors, duration)
}

/// JetStream publishes with ack per second, `in_flight` at a time, `size`-byte payloads,
/// into a file stream on the same server (so `sync_interval: always` applies).
async fn publish_floor(
    bus: &Bus,
    size: usize,
    in_flight: usize,
    duration: Duration,
) -> anyhow::Result<f64> {
    let name = format!("BENCHFLOOR_{}", Uuid::now_v7().simple());
    let subject = format!("benchfloor.{}", Uuid::now_v7().simple());
    bus.js
        .create_stream(async_nats::jetstream::stream::Config {
            name: name.clone(),
            subjects: vec![format!("{subject}.>")],
            storage: async_nats::jetstream::stream::StorageType::File,
            ..Default::default()
        })
        .await
        .map_err(|e| anyhow::anyhow!("creating floor stream: {e}"))?;
    let payload = bytes_of(size);
    let started = Instant::now();
    let mut sent = 0u64;
    let mut pending = futures::stream::FuturesUnordered::new();
    while started.elapsed() < duration {
        while pending.len() < in_flight {
            let msg = async_nats::jetstream::message::PublishMessage::build()
                .payload(payload.clone())
                .message_id(Uuid::now_v7().to_string());
            let ack = bus.js.send_publish(format!("{subject}.x"), msg).await?;
            pending.push(ack.into_future());
        }
        if let Some(r) = pending.next().await {
            r?;
            sent += 1;
        }
    }
    while let Some(r) = pending.next().await {
        r?;
        sent += 1;
    }
    let rate = sent as f64 / started.elapsed().as_secs_f64();
    let _ = bus.js.delete_stream(&name).await;
    Ok(rate)
}

fn bytes_of(size: usize) -> bytes::Bytes {
    bytes::Bytes::from(vec![b'x'; size])
}

/// Single-row commits per second with the services' own pool settings.
async fn commit_floor(url: &str, writers: usize, duration: Duration) -> anyhow::Result<f64> {
    let db = Db::connect(url, "bench-floor").await?;
    sqlx::query(
        "create table if not exists bench_floor (id text primary key, payload text not null)",
    )
    .execute(db.write())
    .await?;
    let payload = "x".repeat(800);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..writers {
        let (db, payload) = (db.clone(), payload.clone());
        tasks.push(tokio::spawn(async move {
            let mut n = 0u64;
            while started.elapsed() < duration {
                let mut uow = db.begin().await?;
                sqlx::query("insert into bench_floor (id, payload) values ($1, $2)")
                    .bind(Uuid::now_v7().to_string())
                    .bind(&payload)
                    .execute(uow.conn())
                    .await?;
                uow.commit().await?;
                n += 1;
            }
            anyhow::Ok(n)
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await??;
    }
    let rate = total as f64 / started.elapsed().as_secs_f64();
    sqlx::query("drop table bench_floor")
        .execute(db.write())
        .await?;
    db.close().await;
    Ok(rate)
}

async fn counters(http: &reqwest::Client, urls: &[String]) -> anyhow::Result<(u64, u64)> {
    let (mut commits, mut published) = (0, 0);
    for u in urls {
        let text = http.get(u).send().await?.text().await?;
        commits += parse_total(&text, "aftercare_db_commits_total");
        published += parse_total(&text, "aftercare_events_published_total");
    }
    Ok((commits, published))
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn aftercare_processes() -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let me = std::process::id();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
            continue;
        };
        let args: Vec<String> = cmd
            .split(|b| *b == 0)
            .filter(|a| !a.is_empty())
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        if args.first().is_some_and(|a| a.ends_with("aftercare"))
            && args.get(1).is_some_and(|a| a == "run" || a == "up")
        {
            out.push((pid, args[1..].join(" ")));
        } else if args.first().is_some_and(|a| a.ends_with("nats-server")) {
            out.push((pid, "nats-server".to_owned()));
        }
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() { 0.0 } else { v[v.len() / 2] }
}

/// An access token for the load (valid for the gateway's token lifetime, 15 minutes by
/// default: longer than a benchmark run).
pub(crate) async fn sign_in(api: &str, login: &str, password: &str) -> anyhow::Result<String> {
    let r: Value = reqwest::Client::new()
        .post(format!("{api}/auth/token"))
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .context("signing in (is the system running?)")?
        .error_for_status()
        .context("signing in: check --login and --password")?
        .json()
        .await?;
    Ok(r["access_token"]
        .as_str()
        .context("no access token in the sign-in reply")?
        .to_owned())
}

pub(crate) async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let api = format!("{}/api/v1", args.gateway.trim_end_matches('/'));
    let metrics = if args.metrics.is_empty() {
        vec![format!("{}/metrics", args.gateway.trim_end_matches('/'))]
    } else {
        args.metrics.clone()
    };
    let token = sign_in(&api, &args.login, &args.password).await?;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        reqwest::header::HeaderValue::from_str(&format!("Bearer {token}"))?,
    );
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .timeout(Duration::from_secs(60))
        .default_headers(headers)
        .build()?;
    let bus = Bus::connect(&args.nats_url, "aftercare-bench").await?;
    let processes: Vec<(u32, String)> = if args.pids.is_empty() {
        aftercare_processes()
    } else {
        args.pids.iter().map(|p| (*p, format!("pid {p}"))).collect()
    };
    let idle_rss: Vec<(String, u64)> = processes
        .iter()
        .filter_map(|(p, name)| Some((name.clone(), rss_kib(*p)?)))
        .collect();

    // Arrange: technicians enough for the load, and a part with plenty of stock.
    for i in 0..(args.concurrency / 40 + 2) {
        http.post(format!("{api}/technicians"))
            .json(&json!({"name": format!("Bench technician {i}"), "district": "tianhe", "skills": ["copier", "sharp"], "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 50}))
            .send()
            .await?
            .error_for_status()
            .context("creating a technician (is the system running?)")?;
    }
    let sku = format!("BENCH-{}", Uuid::now_v7().simple());
    http.post(format!("{api}/parts")).json(&json!({"sku": sku, "name": "Bench drum", "list_price": {"amount_minor": 38000, "currency": "CNY"}})).send().await?.error_for_status()?;
    http.post(format!("{api}/parts/{sku}/receipts"))
        .json(&json!({"quantity": 100000, "location": "main"}))
        .send()
        .await?
        .error_for_status()?;
    let flow = Arc::new(Flow {
        http: http.clone(),
        api,
        watch: EventWatch::start(&bus.client).await?,
        sku,
    });
    let seq = Arc::new(std::sync::atomic::AtomicU64::new(0));
    // Warm-up.
    for _ in 0..20 {
        flow.run(seq.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            .await?;
    }

    let duration = Duration::from_secs(args.duration);
    let writers = if args.floor_database_url.starts_with("sqlite") {
        1
    } else {
        8
    };
    let mut rounds = Vec::new();
    for round in 1..=args.rounds {
        let pub_rate = publish_floor(&bus, 900, args.concurrency, duration).await?;
        let commit_rate = commit_floor(&args.floor_database_url, writers, duration).await?;
        let (c0, p0) = counters(&http, &metrics).await?;
        let sat = saturation(flow.clone(), args.concurrency, duration, seq.clone()).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let (c1, p1) = counters(&http, &metrics).await?;
        let flows = sat.flows.max(1) as f64;
        let (commits_per_flow, publishes_per_flow) =
            ((c1 - c0) as f64 / flows, (p1 - p0) as f64 / flows);
        let floor = 1.0 / (publishes_per_flow / pub_rate + commits_per_flow / commit_rate);
        let rate = args.rate.unwrap_or(sat.per_sec / 2.0);
        let fixed = fixed_rate(flow.clone(), rate, duration, seq.clone()).await;
        let r = json!({
            "round": round, "publish_floor_per_sec": pub_rate, "commit_floor_per_sec": commit_rate,
            "publishes_per_flow": publishes_per_flow, "commits_per_flow": commits_per_flow,
            "flow_floor_per_sec": floor, "saturation": sat, "ratio": sat.per_sec / floor,
            "offered_rate": rate, "fixed_rate": fixed,
        });
        println!(
            "round {round}: floors publish {pub_rate:.0}/s commit {commit_rate:.0}/s | per flow {publishes_per_flow:.2} publishes {commits_per_flow:.2} commits | floor {floor:.1} flows/s | saturation {:.1} flows/s (p50 {:.1} p99 {:.1} ms, {} errors) ratio {:.2} | at {rate:.1}/s: p50 {:.1} p99 {:.1} max {:.1} ms ({} errors)",
            sat.per_sec,
            sat.p50_ms,
            sat.p99_ms,
            sat.errors,
            sat.per_sec / floor,
            fixed.p50_ms,
            fixed.p99_ms,
            fixed.max_ms,
            fixed.errors
        );
        rounds.push(r);
    }
    let col = |path: &[&str]| -> Vec<f64> {
        rounds
            .iter()
            .map(|r| path.iter().fold(r, |v, k| &v[*k]).as_f64().unwrap_or(0.0))
            .collect()
    };
    let loaded_rss: Vec<(String, u64)> = processes
        .iter()
        .filter_map(|(p, name)| Some((name.clone(), rss_kib(*p)?)))
        .collect();
    let summary = json!({
        "rounds": rounds,
        "median": {
            "publish_floor_per_sec": median(col(&["publish_floor_per_sec"])),
            "commit_floor_per_sec": median(col(&["commit_floor_per_sec"])),
            "flow_floor_per_sec": median(col(&["flow_floor_per_sec"])),
            "saturation_per_sec": median(col(&["saturation", "per_sec"])),
            "ratio": median(col(&["ratio"])),
            "fixed_rate_p50_ms": median(col(&["fixed_rate", "p50_ms"])),
            "fixed_rate_p99_ms": median(col(&["fixed_rate", "p99_ms"])),
            "fixed_rate_max_ms": median(col(&["fixed_rate", "max_ms"])),
        },
        "rss_kib_idle": idle_rss,
        "rss_kib_after": loaded_rss,
    });
    println!("median: {}", summary["median"]);
    for (name, kib) in &idle_rss {
        println!(
            "resident memory before load: {name}: {:.1} MiB",
            *kib as f64 / 1024.0
        );
    }
    for (name, kib) in &loaded_rss {
        println!(
            "resident memory after load: {name}: {:.1} MiB",
            *kib as f64 / 1024.0
        );
    }
    if let Some(path) = args.json {
        std::fs::write(path, serde_json::to_string_pretty(&summary)?)?;
    }
    Ok(())
}
