//! Counters every role keeps, rendered in the Prometheus text format at `/metrics`.
//!
//! The benchmark reads `aftercare_db_commits_total` and `aftercare_events_published_total`
//! to measure how many commits and publishes one flow really costs.
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Counters of one role.
#[derive(Debug, Default)]
pub struct RoleMetrics {
    /// Role name (`intake`, `gateway`, …).
    pub role: String,
    /// Committed write transactions.
    pub db_commits: AtomicU64,
    /// Events the relay published and JetStream acknowledged.
    pub events_published: AtomicU64,
    /// Publishes JetStream recognised as a repeat of an event already in the stream
    /// (another relay, or this one before a crash, sent it first).
    pub outbox_duplicate_publishes: AtomicU64,
    /// Events whose effect was applied.
    pub events_handled: AtomicU64,
    /// Redeliveries recognised by the inbox and skipped.
    pub events_duplicate: AtomicU64,
    /// Events sent to the dead-letter stream.
    pub events_dead_lettered: AtomicU64,
    /// Requests answered.
    pub requests: AtomicU64,
    /// Requests answered with an error.
    pub request_errors: AtomicU64,
}

impl RoleMetrics {
    /// Adds one to a counter.
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// Process-wide NATS connection events (slow consumers, permission violations).
#[derive(Debug, Default)]
pub struct ConnectionMetrics {
    /// `Event::SlowConsumer`: a core subscription dropped messages.
    pub slow_consumers: AtomicU64,
    /// `Event::ServerError`, e.g. permission violations.
    pub server_errors: AtomicU64,
    /// Disconnections.
    pub disconnects: AtomicU64,
}

fn registry() -> &'static Mutex<Vec<Arc<RoleMetrics>>> {
    static REG: OnceLock<Mutex<Vec<Arc<RoleMetrics>>>> = OnceLock::new();
    REG.get_or_init(|| Mutex::new(Vec::new()))
}

/// The connection counters of this process.
pub fn connection() -> &'static ConnectionMetrics {
    static CONN: OnceLock<ConnectionMetrics> = OnceLock::new();
    CONN.get_or_init(ConnectionMetrics::default)
}

/// The counters of `role`, created on first use.
pub fn role(role: &str) -> Arc<RoleMetrics> {
    let mut reg = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = reg.iter().find(|m| m.role == role) {
        return m.clone();
    }
    let m = Arc::new(RoleMetrics {
        role: role.to_owned(),
        ..Default::default()
    });
    reg.push(m.clone());
    m
}

/// Prometheus text exposition of every counter in this process.
pub fn render() -> String {
    let reg = registry().lock().unwrap_or_else(|e| e.into_inner());
    let mut out = String::new();
    type Family = (&'static str, &'static str, fn(&RoleMetrics) -> &AtomicU64);
    let families: [Family; 8] = [
        (
            "aftercare_db_commits_total",
            "Committed write transactions.",
            |m| &m.db_commits,
        ),
        (
            "aftercare_events_published_total",
            "Events published to JetStream and acknowledged.",
            |m| &m.events_published,
        ),
        (
            "aftercare_outbox_duplicate_publishes_total",
            "Publishes JetStream recognised as a repeat of an event already in the stream.",
            |m| &m.outbox_duplicate_publishes,
        ),
        (
            "aftercare_events_handled_total",
            "Events whose effect was applied.",
            |m| &m.events_handled,
        ),
        (
            "aftercare_events_duplicate_total",
            "Redelivered events skipped by the inbox.",
            |m| &m.events_duplicate,
        ),
        (
            "aftercare_events_dead_lettered_total",
            "Events moved to the dead-letter stream.",
            |m| &m.events_dead_lettered,
        ),
        ("aftercare_requests_total", "Requests answered.", |m| {
            &m.requests
        }),
        (
            "aftercare_request_errors_total",
            "Requests answered with an error.",
            |m| &m.request_errors,
        ),
    ];
    for (name, help, get) in families {
        out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} counter\n"));
        for m in reg.iter() {
            out.push_str(&format!(
                "{name}{{role=\"{}\"}} {}\n",
                m.role,
                get(m).load(Ordering::Relaxed)
            ));
        }
    }
    let c = connection();
    for (name, v) in [
        ("aftercare_nats_slow_consumer_total", &c.slow_consumers),
        ("aftercare_nats_server_errors_total", &c.server_errors),
        ("aftercare_nats_disconnects_total", &c.disconnects),
    ] {
        out.push_str(&format!(
            "# TYPE {name} counter\n{name} {}\n",
            v.load(Ordering::Relaxed)
        ));
    }
    out
}

/// Reads one counter back from a `/metrics` text, summed over roles; for the benchmark.
pub fn parse_total(text: &str, name: &str) -> u64 {
    text.lines()
        .filter(|l| l.starts_with(name) && !l.starts_with('#'))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<u64>().ok())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_parses_back() {
        let m = role("metrics-test");
        RoleMetrics::inc(&m.db_commits);
        RoleMetrics::inc(&m.db_commits);
        let text = render();
        assert!(text.contains("aftercare_db_commits_total{role=\"metrics-test\"} 2"));
        assert!(parse_total(&text, "aftercare_db_commits_total{role=\"metrics-test\"}") == 2);
    }
}
