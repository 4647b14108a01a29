//! `aftercare bench-search`: customer search at the size of a large dealer. `seed` loads
//! a synthetic customer base straight into intake's database (the system stopped);
//! `query` then searches it through the running gateway (name prefix, phone in another
//! formatting, serial number) and reports latency per kind of search.
use std::sync::Arc;
use std::time::{Duration, Instant};

use aftercare_intake::synthetic;
use aftercare_platform::Db;
use anyhow::Context;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use crate::bench::{Latency, sign_in, summarise};

/// `bench-search` subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum SearchBench {
    /// Loads synthetic customers and machines into intake's database.
    Seed {
        /// Intake's database (migrated if needed).
        #[arg(long, env = "AFTERCARE_INTAKE_DATABASE_URL")]
        database_url: String,
        #[command(flatten)]
        size: Size,
    },
    /// Searches the seeded base through a running gateway.
    Query(QueryArgs),
}

/// How big the synthetic base is.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct Size {
    /// Customers.
    #[arg(long, default_value_t = 100_000)]
    customers: usize,
    /// Machines, spread over the customers.
    #[arg(long, default_value_t = 300_000)]
    machines: usize,
}

/// Options of `bench-search query`.
#[derive(Debug, Args)]
pub(crate) struct QueryArgs {
    /// Gateway base URL.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    gateway: String,
    /// Account the searches are made as.
    #[arg(long, env = "AFTERCARE_ADMIN_LOGIN", default_value = "admin")]
    login: String,
    /// Its password.
    #[arg(long, env = "AFTERCARE_ADMIN_PASSWORD", hide_env_values = true)]
    password: String,
    #[command(flatten)]
    size: Size,
    /// Searches of each kind.
    #[arg(long, default_value_t = 2_000)]
    queries: usize,
    /// Searches in flight at once.
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
}

pub(crate) async fn run(cmd: SearchBench) -> anyhow::Result<()> {
    match cmd {
        SearchBench::Seed { database_url, size } => seed(&database_url, size).await,
        SearchBench::Query(args) => query(args).await,
    }
}

async fn seed(url: &str, size: Size) -> anyhow::Result<()> {
    let db = Db::connect(url, "intake").await?;
    db.migrate(&aftercare_intake::MIGRATIONS).await?;
    let started = Instant::now();
    let (c, m) = synthetic::load(&db, size.customers, size.machines)
        .await
        .context("loading the synthetic customer base")?;
    db.close().await;
    println!(
        "seeded {c} customers and {m} machines in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The search paths of one kind, each expected to find at least one customer.
fn searches(kind: &str, size: Size, n: usize, rng: &mut Rng) -> Vec<String> {
    (0..n)
        .map(|_| match kind {
            "name" => {
                let name = synthetic::company(rng.below(size.customers));
                let cut = [3, 8, 16, name.len()][rng.below(4)].min(name.len());
                format!("/customers?name={}", encode(&name[..cut]))
            }
            "phone" => {
                // Stored as `+86 139 xxxx xxxx`; searched as `139xxxxxxxx`.
                let digits: String = synthetic::phone(rng.below(size.customers))
                    .chars()
                    .filter(char::is_ascii_digit)
                    .skip(2)
                    .collect();
                format!("/customers?phone={digits}")
            }
            _ => {
                let (_, serial) = synthetic::machine(rng.below(size.machines));
                format!("/customers?serial={}", encode(&serial.to_lowercase()))
            }
        })
        .collect()
}

async fn measure(
    http: &reqwest::Client,
    api: &str,
    paths: Vec<String>,
    concurrency: usize,
) -> anyhow::Result<Latency> {
    let paths = Arc::new(tokio::sync::Mutex::new(paths));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (http, api, paths) = (http.clone(), api.to_owned(), paths.clone());
        workers.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0usize;
            loop {
                let Some(path) = paths.lock().await.pop() else {
                    break;
                };
                let t = Instant::now();
                let ok = match http.get(format!("{api}{path}")).send().await {
                    Ok(r) if r.status().is_success() => r
                        .json::<Value>()
                        .await
                        .is_ok_and(|v| v["items"].as_array().is_some_and(|a| !a.is_empty())),
                    _ => false,
                };
                if ok {
                    lat.push(t.elapsed());
                } else {
                    errors += 1;
                }
            }
            (lat, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (lat, e) = w.await?;
        all.extend(lat);
        errors += e;
    }
    Ok(summarise(all, errors, started.elapsed()))
}

async fn query(args: QueryArgs) -> anyhow::Result<()> {
    let api = format!("{}/api/v1", args.gateway.trim_end_matches('/'));
    let token = sign_in(&api, &args.login, &args.password).await?;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        reqwest::header::HeaderValue::from_str(&format!("Bearer {token}"))?,
    );
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .default_headers(headers)
        .build()?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Warm the connection pool and the database pages a little, as a working desk would.
    let warm = searches("name", args.size, 50, &mut rng);
    measure(&http, &api, warm, args.concurrency).await?;
    let mut report = serde_json::Map::new();
    for kind in ["name", "phone", "serial"] {
        let paths = searches(kind, args.size, args.queries, &mut rng);
        let l = measure(&http, &api, paths, args.concurrency).await?;
        println!(
            "search by {kind}: {} searches, {:.0}/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {} not found or failed",
            l.flows, l.per_sec, l.p50_ms, l.p99_ms, l.max_ms, l.errors
        );
        report.insert(kind.into(), json!(l));
    }
    println!("{}", Value::Object(report));
    Ok(())
}
