//! Every role's metrics, recorded through the `metrics` facade into one Prometheus
//! recorder per process and rendered in the Prometheus text format at `/metrics` on the
//! health address (no port of its own).
//!
//! [`METRICS`] is the one list of the names this process records: the recorder is told
//! their help text from it, and the deployment test checks that every metric an alert
//! rule or a dashboard panel reads is in it. Recording code names metrics only through
//! the constants listed there.
//!
//! The benchmark reads `aftercare_db_commits_total` and `aftercare_events_published_total`
//! to measure how many commits and publishes one flow really costs. Labels are bounded:
//! roles, operation ids, catalogue subjects, durable names, job names, statuses; never an
//! id taken from a request.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// What kind of series a metric is, as Prometheus types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Only goes up (rendered `_total`).
    Counter,
    /// A sampled level.
    Gauge,
    /// Durations in seconds (rendered as `_bucket`, `_sum`, `_count`).
    Histogram,
}

/// One metric this process records: the row of [`METRICS`] that registration and the
/// deployment test (alerts and dashboard read only registered names) both read.
#[derive(Debug, Clone, Copy)]
pub struct Metric {
    /// The name as exported.
    pub name: &'static str,
    /// Counter, gauge or histogram.
    pub kind: Kind,
    /// Its labels, all with bounded values.
    pub labels: &'static [&'static str],
    /// The help text exported with it.
    pub help: &'static str,
}

/// Committed write transactions, per role.
pub const DB_COMMITS: &str = "aftercare_db_commits_total";
/// Events the relay published and JetStream acknowledged, per role.
pub const EVENTS_PUBLISHED: &str = "aftercare_events_published_total";
/// Publishes JetStream recognised as repeats, per role.
pub const OUTBOX_DUPLICATE_PUBLISHES: &str = "aftercare_outbox_duplicate_publishes_total";
/// Events whose effect was applied, per role.
pub const EVENTS_HANDLED: &str = "aftercare_events_handled_total";
/// Redeliveries recognised by the inbox and skipped, per role.
pub const EVENTS_DUPLICATE: &str = "aftercare_events_duplicate_total";
/// Events moved to the dead-letter stream, per role.
pub const EVENTS_DEAD_LETTERED: &str = "aftercare_events_dead_lettered_total";
/// Requests a service answered, per role.
pub const REQUESTS: &str = "aftercare_requests_total";
/// Requests a service answered with an error, per role.
pub const REQUEST_ERRORS: &str = "aftercare_request_errors_total";
/// Core subscriptions that dropped messages.
pub const NATS_SLOW_CONSUMERS: &str = "aftercare_nats_slow_consumer_total";
/// Errors the NATS server reported (e.g. permission violations).
pub const NATS_SERVER_ERRORS: &str = "aftercare_nats_server_errors_total";
/// Disconnections from NATS.
pub const NATS_DISCONNECTS: &str = "aftercare_nats_disconnects_total";
/// HTTP request durations at the gateway, per operation id and status.
pub const HTTP_REQUEST_DURATION: &str = "aftercare_http_request_duration_seconds";
/// How long a service took to answer a NATS request, per subject.
pub const NATS_REQUEST_DURATION: &str = "aftercare_nats_request_duration_seconds";
/// How long a caller waited for a NATS reply, per subject.
pub const NATS_CALL_DURATION: &str = "aftercare_nats_call_duration_seconds";
/// Messages not yet delivered to a durable consumer (sampled).
pub const CONSUMER_PENDING: &str = "aftercare_consumer_pending_messages";
/// Messages delivered to a durable consumer and not yet acknowledged (sampled).
pub const CONSUMER_ACK_PENDING: &str = "aftercare_consumer_ack_pending_messages";
/// Deliveries of an event after its first, per durable.
pub const EVENTS_REDELIVERED: &str = "aftercare_events_redelivered_total";
/// Reports to the server that events in hand are still being handled (a slow handler
/// keeps its messages instead of having them redelivered), per durable.
pub const EVENTS_PROGRESS_REPORTED: &str = "aftercare_events_progress_reported_total";
/// Dead letters of a durable still in the dead-letter stream (sampled).
pub const DEAD_LETTERS_WAITING: &str = "aftercare_dead_letters_waiting";
/// Outbox rows not yet published (sampled by the relay).
pub const OUTBOX_DEPTH: &str = "aftercare_outbox_pending_rows";
/// Age of the oldest unpublished outbox row (sampled by the relay).
pub const OUTBOX_OLDEST_AGE: &str = "aftercare_outbox_oldest_pending_age_seconds";
/// Open connections of a database pool (sampled at each scrape).
pub const DB_POOL_CONNECTIONS: &str = "aftercare_db_pool_connections";
/// Idle connections of a database pool (sampled at each scrape).
pub const DB_POOL_IDLE: &str = "aftercare_db_pool_idle_connections";
/// Most connections a database pool opens.
pub const DB_POOL_MAX: &str = "aftercare_db_pool_max_connections";
/// Periodic job runs, per job and outcome.
pub const JOB_RUNS: &str = "aftercare_job_runs_total";
/// Periodic job run durations, per job.
pub const JOB_DURATION: &str = "aftercare_job_duration_seconds";
/// Customer messages a provider accepted, per channel (the notifier).
pub const NOTIFIER_SENT: &str = "aftercare_notifier_messages_sent_total";
/// Sending attempts that failed, per channel (the notifier).
pub const NOTIFIER_SEND_FAILURES: &str = "aftercare_notifier_send_failures_total";
/// Customer messages given up, per channel (the notifier).
pub const NOTIFIER_DEAD_LETTERED: &str = "aftercare_notifier_messages_dead_lettered_total";
/// Customer messages held back by their channel's rate limit, per channel (the notifier).
pub const NOTIFIER_DEFERRED: &str = "aftercare_notifier_messages_deferred_total";
/// How long one sending attempt took, per channel and outcome (the notifier).
pub const NOTIFIER_SEND_DURATION: &str = "aftercare_notifier_send_duration_seconds";
/// Customer messages waiting to be sent, per channel (sampled by the notifier).
pub const NOTIFIER_PENDING: &str = "aftercare_notifier_pending_messages";
/// Age of the oldest customer message waiting to be sent, per channel (sampled).
pub const NOTIFIER_OLDEST_PENDING_AGE: &str = "aftercare_notifier_oldest_pending_age_seconds";

const ROLE: &[&str] = &["role"];

/// Every metric this process records.
pub const METRICS: &[Metric] = &[
    counter(DB_COMMITS, ROLE, "Committed write transactions."),
    counter(
        EVENTS_PUBLISHED,
        ROLE,
        "Events published to JetStream and acknowledged.",
    ),
    counter(
        OUTBOX_DUPLICATE_PUBLISHES,
        ROLE,
        "Publishes JetStream recognised as a repeat of an event already in the stream.",
    ),
    counter(EVENTS_HANDLED, ROLE, "Events whose effect was applied."),
    counter(
        EVENTS_DUPLICATE,
        ROLE,
        "Redelivered events skipped by the inbox.",
    ),
    counter(
        EVENTS_DEAD_LETTERED,
        ROLE,
        "Events moved to the dead-letter stream.",
    ),
    counter(REQUESTS, ROLE, "Requests answered."),
    counter(REQUEST_ERRORS, ROLE, "Requests answered with an error."),
    counter(
        NATS_SLOW_CONSUMERS,
        &[],
        "NATS subscriptions that dropped messages (slow consumer).",
    ),
    counter(
        NATS_SERVER_ERRORS,
        &[],
        "Errors the NATS server reported, e.g. permission violations.",
    ),
    counter(NATS_DISCONNECTS, &[], "Disconnections from NATS."),
    histogram(
        HTTP_REQUEST_DURATION,
        &["role", "operation", "status"],
        "HTTP requests answered by the gateway, by operation id and status.",
    ),
    histogram(
        NATS_REQUEST_DURATION,
        &["role", "subject", "outcome"],
        "NATS requests a service answered, by subject and outcome (ok, error).",
    ),
    histogram(
        NATS_CALL_DURATION,
        &["subject", "outcome"],
        "Time a caller waited for a NATS reply, by subject and outcome (ok, error, timeout, unavailable, transport).",
    ),
    gauge(
        CONSUMER_PENDING,
        &["role", "stream", "durable"],
        "Messages the durable consumer has not been delivered yet (its lag), sampled.",
    ),
    gauge(
        CONSUMER_ACK_PENDING,
        &["role", "stream", "durable"],
        "Messages delivered to the durable consumer and not acknowledged yet, sampled.",
    ),
    counter(
        EVENTS_REDELIVERED,
        &["role", "durable"],
        "Events delivered again after a failure or an ack timeout.",
    ),
    counter(
        EVENTS_PROGRESS_REPORTED,
        &["role", "durable"],
        "Events reported as still being handled when their handling outlasted a third of the ack wait.",
    ),
    gauge(
        DEAD_LETTERS_WAITING,
        &["role", "durable"],
        "Dead letters of the durable consumer not yet replayed or deleted, sampled.",
    ),
    gauge(
        OUTBOX_DEPTH,
        ROLE,
        "Outbox rows committed and not yet published, sampled by the relay.",
    ),
    gauge(
        OUTBOX_OLDEST_AGE,
        ROLE,
        "Age of the oldest unpublished outbox row (0 when none), sampled by the relay.",
    ),
    gauge(
        DB_POOL_CONNECTIONS,
        &["role", "pool"],
        "Open connections of the database pool (write or read), at the scrape.",
    ),
    gauge(
        DB_POOL_IDLE,
        &["role", "pool"],
        "Idle connections of the database pool, at the scrape.",
    ),
    gauge(
        DB_POOL_MAX,
        &["role", "pool"],
        "Most connections the database pool opens.",
    ),
    counter(
        JOB_RUNS,
        &["role", "job", "outcome"],
        "Periodic job runs by outcome (ok, failed, unclaimed when the claim itself failed).",
    ),
    histogram(
        JOB_DURATION,
        &["role", "job"],
        "How long a periodic job run took.",
    ),
    counter(
        NOTIFIER_SENT,
        NOTIFIER_CHANNEL,
        "Customer messages the channel's provider accepted.",
    ),
    counter(
        NOTIFIER_SEND_FAILURES,
        NOTIFIER_CHANNEL,
        "Attempts to send a customer message that failed (retried, or given up after the last).",
    ),
    counter(
        NOTIFIER_DEAD_LETTERED,
        NOTIFIER_CHANNEL,
        "Customer messages given up: refused for good or failed every attempt.",
    ),
    counter(
        NOTIFIER_DEFERRED,
        NOTIFIER_CHANNEL,
        "Times a customer message was held back because its channel was at its rate limit.",
    ),
    histogram(
        NOTIFIER_SEND_DURATION,
        &["role", "channel", "outcome"],
        "How long one attempt to send a customer message took, by channel and outcome (sent, failed).",
    ),
    gauge(
        NOTIFIER_PENDING,
        NOTIFIER_CHANNEL,
        "Customer messages waiting to be sent (pending or to be retried), sampled.",
    ),
    gauge(
        NOTIFIER_OLDEST_PENDING_AGE,
        NOTIFIER_CHANNEL,
        "Age of the oldest customer message waiting to be sent (0 when none), sampled.",
    ),
];

const NOTIFIER_CHANNEL: &[&str] = &["role", "channel"];

const fn counter(
    name: &'static str,
    labels: &'static [&'static str],
    help: &'static str,
) -> Metric {
    Metric {
        name,
        kind: Kind::Counter,
        labels,
        help,
    }
}

const fn gauge(name: &'static str, labels: &'static [&'static str], help: &'static str) -> Metric {
    Metric {
        name,
        kind: Kind::Gauge,
        labels,
        help,
    }
}

const fn histogram(
    name: &'static str,
    labels: &'static [&'static str],
    help: &'static str,
) -> Metric {
    Metric {
        name,
        kind: Kind::Histogram,
        labels,
        help,
    }
}

/// Bucket bounds (seconds) of every duration histogram: 1 ms to 60 s.
const SECONDS_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
];

/// How often samplers (consumer lag, outbox depth) look.
pub const SAMPLE_EVERY: Duration = Duration::from_secs(15);

/// The process's recorder, installed as the facade's global recorder on first use;
/// `None` when another recorder was installed first.
fn exporter() -> &'static Option<PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE.get_or_init(install)
}

fn install() -> Option<PrometheusHandle> {
    let recorder = match PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS_BUCKETS)
    {
        Ok(b) => b.build_recorder(),
        Err(e) => {
            tracing::error!(error = %e, "metrics recorder not built; /metrics stays empty");
            return None;
        }
    };
    let handle = recorder.handle();
    if metrics::set_global_recorder(recorder).is_err() {
        tracing::error!("another metrics recorder is installed; /metrics stays empty");
        return None;
    }
    for m in METRICS {
        match m.kind {
            Kind::Counter => metrics::describe_counter!(m.name, m.help),
            Kind::Gauge => metrics::describe_gauge!(m.name, m.help),
            Kind::Histogram => {
                metrics::describe_histogram!(m.name, metrics::Unit::Seconds, m.help)
            }
        }
    }
    // Histogram samples are folded into their buckets at each render and by this upkeep,
    // so a process nobody scrapes does not keep them all.
    let upkeep = handle.clone();
    let spawned = std::thread::Builder::new()
        .name("metrics-upkeep".into())
        .spawn(move || {
            loop {
                std::thread::sleep(Duration::from_secs(5));
                upkeep.run_upkeep();
            }
        });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "metrics upkeep thread not started");
    }
    Some(handle)
}

/// Installs the recorder (idempotent): called before any handle is taken, since handles
/// taken before the global recorder exists record nothing.
pub fn init() {
    let _ = exporter();
}

/// A counter kept both for export and for reading back in this process (the benchmark's
/// and tests' in-process totals).
#[derive(Debug)]
pub struct Count {
    local: AtomicU64,
    exported: metrics::Counter,
}

impl Count {
    fn new(name: &'static str, role: Option<&str>) -> Self {
        init();
        let exported = match role {
            Some(r) => metrics::counter!(name, "role" => r.to_owned()),
            None => metrics::counter!(name),
        };
        Self {
            local: AtomicU64::new(0),
            exported,
        }
    }

    /// Adds `n`.
    pub fn add(&self, n: u64) {
        self.local.fetch_add(n, Ordering::Relaxed);
        self.exported.increment(n);
    }

    /// The total this process counted.
    pub fn get(&self) -> u64 {
        self.local.load(Ordering::Relaxed)
    }
}

/// Counters of one role, shared by everything in the process that works for it.
#[derive(Debug)]
pub struct RoleMetrics {
    /// Role name (`intake`, `gateway`, …).
    pub role: String,
    /// Committed write transactions.
    pub db_commits: Count,
    /// Events the relay published and JetStream acknowledged.
    pub events_published: Count,
    /// Publishes JetStream recognised as a repeat of an event already in the stream
    /// (another relay, or this one before a crash, sent it first).
    pub outbox_duplicate_publishes: Count,
    /// Events whose effect was applied.
    pub events_handled: Count,
    /// Redeliveries recognised by the inbox and skipped.
    pub events_duplicate: Count,
    /// Events sent to the dead-letter stream.
    pub events_dead_lettered: Count,
    /// Requests answered.
    pub requests: Count,
    /// Requests answered with an error.
    pub request_errors: Count,
}

impl RoleMetrics {
    fn new(role: &str) -> Self {
        let c = |name| Count::new(name, Some(role));
        Self {
            role: role.to_owned(),
            db_commits: c(DB_COMMITS),
            events_published: c(EVENTS_PUBLISHED),
            outbox_duplicate_publishes: c(OUTBOX_DUPLICATE_PUBLISHES),
            events_handled: c(EVENTS_HANDLED),
            events_duplicate: c(EVENTS_DUPLICATE),
            events_dead_lettered: c(EVENTS_DEAD_LETTERED),
            requests: c(REQUESTS),
            request_errors: c(REQUEST_ERRORS),
        }
    }

    /// Records one answered NATS request to `subject` and how long it took.
    pub fn request(&self, subject: &str, ok: bool, took: Duration) {
        self.requests.add(1);
        if !ok {
            self.request_errors.add(1);
        }
        metrics::histogram!(
            NATS_REQUEST_DURATION,
            "role" => self.role.clone(),
            "subject" => subject.to_owned(),
            "outcome" => if ok { "ok" } else { "error" },
        )
        .record(took);
    }

    /// Records a delivery of an event to `durable` after its first.
    pub fn redelivered(&self, durable: &str) {
        metrics::counter!(EVENTS_REDELIVERED, "role" => self.role.clone(), "durable" => durable.to_owned())
            .increment(1);
    }

    /// Records `n` events of `durable` reported to the server as still being handled.
    pub fn progress_reported(&self, durable: &str, n: u64) {
        metrics::counter!(EVENTS_PROGRESS_REPORTED, "role" => self.role.clone(), "durable" => durable.to_owned())
            .increment(n);
    }

    /// Records the sampled lag of the durable consumer `durable` on `stream`.
    pub fn consumer_lag(&self, stream: &str, durable: &str, pending: u64, ack_pending: u64) {
        let labels = [
            ("role", self.role.clone()),
            ("stream", stream.to_owned()),
            ("durable", durable.to_owned()),
        ];
        metrics::gauge!(CONSUMER_PENDING, &labels).set(pending as f64);
        metrics::gauge!(CONSUMER_ACK_PENDING, &labels).set(ack_pending as f64);
    }

    /// Records how many dead letters of `durable` wait in the dead-letter stream.
    pub fn dead_letters_waiting(&self, durable: &str, waiting: u64) {
        metrics::gauge!(DEAD_LETTERS_WAITING, "role" => self.role.clone(), "durable" => durable.to_owned())
            .set(waiting as f64);
    }

    /// Records the sampled outbox backlog: unpublished rows and the oldest one's age.
    pub fn outbox(&self, depth: u64, oldest_age: Duration) {
        metrics::gauge!(OUTBOX_DEPTH, "role" => self.role.clone()).set(depth as f64);
        metrics::gauge!(OUTBOX_OLDEST_AGE, "role" => self.role.clone()).set(oldest_age);
    }

    /// Records one run of periodic job `job`: `outcome` is `ok`, `failed` or `unclaimed`.
    pub fn job_run(&self, job: &'static str, outcome: &'static str, took: Option<Duration>) {
        metrics::counter!(JOB_RUNS, "role" => self.role.clone(), "job" => job, "outcome" => outcome)
            .increment(1);
        if let Some(took) = took {
            metrics::histogram!(JOB_DURATION, "role" => self.role.clone(), "job" => job)
                .record(took);
        }
    }
}

/// Process-wide NATS connection events (slow consumers, permission violations).
#[derive(Debug)]
pub struct ConnectionMetrics {
    /// `Event::SlowConsumer`: a core subscription dropped messages.
    pub slow_consumers: Count,
    /// `Event::ServerError`, e.g. permission violations.
    pub server_errors: Count,
    /// Disconnections.
    pub disconnects: Count,
}

fn registry() -> &'static Mutex<Vec<Arc<RoleMetrics>>> {
    static REG: OnceLock<Mutex<Vec<Arc<RoleMetrics>>>> = OnceLock::new();
    REG.get_or_init(|| Mutex::new(Vec::new()))
}

/// The connection counters of this process.
pub fn connection() -> &'static ConnectionMetrics {
    static CONN: OnceLock<ConnectionMetrics> = OnceLock::new();
    CONN.get_or_init(|| ConnectionMetrics {
        slow_consumers: Count::new(NATS_SLOW_CONSUMERS, None),
        server_errors: Count::new(NATS_SERVER_ERRORS, None),
        disconnects: Count::new(NATS_DISCONNECTS, None),
    })
}

/// The counters of `role`, created on first use.
pub fn role(role: &str) -> Arc<RoleMetrics> {
    let mut reg = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = reg.iter().find(|m| m.role == role) {
        return m.clone();
    }
    let m = Arc::new(RoleMetrics::new(role));
    reg.push(m.clone());
    m
}

/// Records one HTTP request the gateway answered: its operation id (or `other` for
/// routes that are not API operations), status and duration.
pub fn http_request(operation: &'static str, status: u16, took: Duration) {
    init();
    metrics::histogram!(
        HTTP_REQUEST_DURATION,
        "role" => "gateway",
        "operation" => operation,
        "status" => status.to_string(),
    )
    .record(took);
}

/// Records how long a caller waited for the reply to a request on `subject`; `outcome`
/// is `ok`, `error`, `timeout`, `unavailable` or `transport`.
pub fn nats_call(subject: &'static str, outcome: &'static str, took: Duration) {
    init();
    metrics::histogram!(NATS_CALL_DURATION, "subject" => subject, "outcome" => outcome)
        .record(took);
}

/// Records one attempt of the notifier to send a message on `channel` (`email`, `sms`,
/// `wechat`): whether the provider accepted it and how long it took.
pub fn notifier_send(channel: &'static str, sent: bool, took: Duration) {
    init();
    let outcome = if sent { "sent" } else { "failed" };
    let counter = if sent {
        NOTIFIER_SENT
    } else {
        NOTIFIER_SEND_FAILURES
    };
    metrics::counter!(counter, "role" => "notifier", "channel" => channel).increment(1);
    metrics::histogram!(
        NOTIFIER_SEND_DURATION,
        "role" => "notifier",
        "channel" => channel,
        "outcome" => outcome,
    )
    .record(took);
}

/// Records a message on `channel` the notifier gave up.
pub fn notifier_dead_lettered(channel: &'static str) {
    init();
    metrics::counter!(NOTIFIER_DEAD_LETTERED, "role" => "notifier", "channel" => channel)
        .increment(1);
}

/// Records a message on `channel` held back by the channel's rate limit.
pub fn notifier_deferred(channel: &'static str) {
    init();
    metrics::counter!(NOTIFIER_DEFERRED, "role" => "notifier", "channel" => channel).increment(1);
}

/// Records the sampled backlog of `channel`: messages waiting and the oldest one's age.
pub fn notifier_backlog(channel: &'static str, waiting: u64, oldest_age: Duration) {
    init();
    metrics::gauge!(NOTIFIER_PENDING, "role" => "notifier", "channel" => channel)
        .set(waiting as f64);
    metrics::gauge!(NOTIFIER_OLDEST_PENDING_AGE, "role" => "notifier", "channel" => channel)
        .set(oldest_age);
}

/// The pools of one role's database, sampled at each scrape while the database is open.
#[derive(Debug)]
pub struct PoolWatch {
    role: String,
    pools: Vec<(&'static str, sqlx::AnyPool)>,
}

fn pool_watches() -> &'static Mutex<Vec<Weak<PoolWatch>>> {
    static WATCHES: OnceLock<Mutex<Vec<Weak<PoolWatch>>>> = OnceLock::new();
    WATCHES.get_or_init(|| Mutex::new(Vec::new()))
}

/// Samples `pools` (named `write`, `read`) of `role` at each scrape for as long as the
/// returned watch is kept.
pub fn watch_pools(role: &str, pools: Vec<(&'static str, sqlx::AnyPool)>) -> Arc<PoolWatch> {
    let watch = Arc::new(PoolWatch {
        role: role.to_owned(),
        pools,
    });
    pool_watches()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Arc::downgrade(&watch));
    watch
}

fn sample_pools() {
    let mut watches = pool_watches().lock().unwrap_or_else(|e| e.into_inner());
    watches.retain(|w| w.strong_count() > 0);
    for watch in watches.iter().filter_map(Weak::upgrade) {
        for (name, pool) in &watch.pools {
            let labels = [("role", watch.role.clone()), ("pool", (*name).to_owned())];
            metrics::gauge!(DB_POOL_CONNECTIONS, &labels).set(pool.size());
            metrics::gauge!(DB_POOL_IDLE, &labels).set(pool.num_idle() as f64);
            metrics::gauge!(DB_POOL_MAX, &labels).set(pool.options().get_max_connections());
        }
    }
}

/// Prometheus text exposition of every metric in this process.
pub fn render() -> String {
    match exporter() {
        Some(handle) => {
            // The connection counters are exported from 0, before their first event.
            let _ = connection();
            sample_pools();
            handle.render()
        }
        None => String::new(),
    }
}

/// Reads one counter back from a `/metrics` text, summed over roles; for the benchmark.
pub fn parse_total(text: &str, name: &str) -> u64 {
    text.lines()
        .filter(|l| l.starts_with(name) && !l.starts_with('#'))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum()
}

/// The metric family names a `/metrics` text holds (histograms by their base name).
pub fn families(text: &str) -> std::collections::BTreeSet<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("# TYPE "))
        .filter_map(|l| l.split(' ').next())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_parses_back() {
        let m = role("metrics-test");
        m.db_commits.add(1);
        m.db_commits.add(1);
        assert_eq!(m.db_commits.get(), 2);
        let text = render();
        assert!(
            text.contains("aftercare_db_commits_total{role=\"metrics-test\"} 2"),
            "{text}"
        );
        assert_eq!(
            parse_total(&text, "aftercare_db_commits_total{role=\"metrics-test\"}"),
            2
        );
        assert!(
            text.contains("\naftercare_nats_server_errors_total "),
            "{text}"
        );
    }

    #[test]
    fn names_are_unique_prometheus_names_with_their_kinds_suffix() {
        let mut seen = std::collections::HashSet::new();
        for m in METRICS {
            assert!(seen.insert(m.name), "{} listed twice", m.name);
            assert!(m.name.starts_with("aftercare_"), "{}", m.name);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                m.name
            );
            match m.kind {
                Kind::Counter => assert!(m.name.ends_with("_total"), "{}", m.name),
                Kind::Histogram => assert!(m.name.ends_with("_seconds"), "{}", m.name),
                Kind::Gauge => assert!(!m.name.ends_with("_total"), "{}", m.name),
            }
            assert!(!m.help.is_empty(), "{}", m.name);
        }
    }

    #[tokio::test]
    async fn every_family_rendered_is_listed_with_its_type() {
        let m = role("metrics-families");
        m.request("intake.ticket.get", true, Duration::from_millis(3));
        m.request("intake.ticket.get", false, Duration::from_millis(3));
        m.redelivered("intake");
        m.consumer_lag("BILLING", "intake", 4, 1);
        m.dead_letters_waiting("intake", 1);
        m.outbox(2, Duration::from_secs(3));
        m.job_run("sweep", "ok", Some(Duration::from_millis(5)));
        http_request("getTicket", 200, Duration::from_millis(4));
        nats_call("intake.ticket.get", "timeout", Duration::from_millis(4));
        notifier_send("sms", true, Duration::from_millis(40));
        notifier_send("sms", false, Duration::from_millis(40));
        notifier_dead_lettered("sms");
        notifier_deferred("sms");
        notifier_backlog("sms", 3, Duration::from_secs(90));
        connection().disconnects.add(1);
        let dir = tempfile::tempdir().expect("dir");
        let db = crate::Db::connect(
            &format!("sqlite://{}/m.db", dir.path().display()),
            "metrics-families",
        )
        .await
        .expect("connect");
        let text = render();
        let rendered = families(&text);
        for name in &rendered {
            let listed = METRICS.iter().find(|m| m.name == name.as_str());
            let listed = listed.unwrap_or_else(|| panic!("{name} is rendered but not listed"));
            let kind = match listed.kind {
                Kind::Counter => "counter",
                Kind::Gauge => "gauge",
                Kind::Histogram => "histogram",
            };
            assert!(
                text.contains(&format!("# TYPE {name} {kind}\n")),
                "{name} is not a {kind}:\n{text}"
            );
        }
        for name in [
            HTTP_REQUEST_DURATION,
            NATS_REQUEST_DURATION,
            NATS_CALL_DURATION,
            CONSUMER_PENDING,
            DEAD_LETTERS_WAITING,
            EVENTS_REDELIVERED,
            OUTBOX_DEPTH,
            OUTBOX_OLDEST_AGE,
            JOB_RUNS,
            JOB_DURATION,
            DB_POOL_CONNECTIONS,
            DB_POOL_IDLE,
            DB_POOL_MAX,
            NOTIFIER_SENT,
            NOTIFIER_SEND_FAILURES,
            NOTIFIER_DEAD_LETTERED,
            NOTIFIER_DEFERRED,
            NOTIFIER_SEND_DURATION,
            NOTIFIER_PENDING,
            NOTIFIER_OLDEST_PENDING_AGE,
        ] {
            assert!(rendered.contains(name), "{name} missing:\n{text}");
        }
        assert!(
            text.contains(
                "aftercare_http_request_duration_seconds_bucket{role=\"gateway\",operation=\"getTicket\",status=\"200\",le=\"0.005\"} 1"
            ),
            "{text}"
        );
        assert!(
            text.contains("aftercare_outbox_pending_rows{role=\"metrics-families\"} 2"),
            "{text}"
        );
        assert!(
            text.contains(
                "aftercare_db_pool_max_connections{role=\"metrics-families\",pool=\"write\"} 1"
            ),
            "{text}"
        );
        db.close().await;
    }
}
