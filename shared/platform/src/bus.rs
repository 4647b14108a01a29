//! The NATS connection of a process: connect with reconnect, a clear error when the
//! server is unreachable at start, a version check, JetStream streams created
//! idempotently, and connection events counted (slow consumers, permission violations).
use std::time::Duration;

use aftercare_contracts::subjects::{
    DEAD_LETTER_STREAM, DEAD_LETTER_SUBJECTS, NOTIFY_STREAM, NOTIFY_SUBJECTS, Service,
};
use async_nats::jetstream::{self, stream};
use async_nats::{Client, ConnectOptions, Event};
use tracing::{error, info, warn};

use crate::metrics::connection;
use crate::{Error, Result};

/// The oldest nats-server accepted: 2.10.23 fixed streams vanishing after `kill -9`.
pub const MIN_SERVER_VERSION: (u64, u64, u64) = (2, 10, 23);

/// Stream settings applied at start.
#[derive(Debug, Clone, Copy)]
pub struct StreamSettings {
    /// Replicas per stream (1 locally, 3 in a production cluster).
    pub replicas: usize,
    /// JetStream's `Nats-Msg-Id` dedupe window.
    pub duplicate_window: Duration,
    /// How long events stay in their stream (integrators replay from it).
    pub max_age: Duration,
    /// How long a message carrying a secret for a customer (a one-time code) stays in
    /// the NOTIFY stream: long enough for the sender to pick it up, no longer.
    pub notify_max_age: Duration,
}

impl Default for StreamSettings {
    fn default() -> Self {
        Self {
            replicas: 1,
            duplicate_window: Duration::from_secs(120),
            max_age: Duration::from_secs(30 * 24 * 3600),
            notify_max_age: Duration::from_secs(3600),
        }
    }
}

/// TLS for the NATS connection: the CA that signed the server's certificate and, for a
/// server that verifies clients, this process's certificate and key (PEM files). Any of
/// them set makes TLS required: the connection never falls back to plain text.
#[derive(Debug, Clone, Default)]
pub struct NatsTls {
    /// CA certificate(s) the server's certificate must chain to.
    pub ca_file: Option<std::path::PathBuf>,
    /// Client certificate, sent when the server asks (`verify: true`).
    pub cert_file: Option<std::path::PathBuf>,
    /// Key of the client certificate.
    pub key_file: Option<std::path::PathBuf>,
}

impl NatsTls {
    fn apply(&self, mut options: ConnectOptions) -> Result<ConnectOptions> {
        if let Some(ca) = &self.ca_file {
            options = options.add_root_certificates(ca.clone());
        }
        match (&self.cert_file, &self.key_file) {
            (Some(cert), Some(key)) => {
                options = options.add_client_certificate(cert.clone(), key.clone());
            }
            (None, None) => {}
            _ => {
                return Err(Error::Config(
                    "AFTERCARE_NATS_CERT_FILE and AFTERCARE_NATS_KEY_FILE go together".into(),
                ));
            }
        }
        if self.ca_file.is_some() || self.cert_file.is_some() {
            options = options.require_tls(true);
        }
        Ok(options)
    }
}

/// A connected NATS client with its JetStream context.
#[derive(Clone, Debug)]
pub struct Bus {
    /// Core client (requests, replies, micro services).
    pub client: Client,
    /// JetStream context (publish with ack, streams, consumers).
    pub js: jetstream::Context,
}

impl Bus {
    /// Connects to `url` as `name`, without credentials. Fails at once, naming the URL,
    /// when no server answers; once connected, reconnects forever.
    pub async fn connect(url: &str, name: &str) -> Result<Self> {
        Self::connect_as(url, name, None).await
    }

    /// Connects with a NATS user and password. The connection's inbox prefix is the
    /// user's own (`_INBOX_<user>`), so the server can keep replies to one role from
    /// being read by another.
    pub async fn connect_as(
        url: &str,
        name: &str,
        credentials: Option<(&str, &str)>,
    ) -> Result<Self> {
        Self::connect_tls(url, name, credentials, &NatsTls::default()).await
    }

    /// [`Bus::connect_as`] over TLS when `tls` names a CA or a client certificate.
    pub async fn connect_tls(
        url: &str,
        name: &str,
        credentials: Option<(&str, &str)>,
        tls: &NatsTls,
    ) -> Result<Self> {
        let options = match credentials {
            Some((user, password)) => {
                ConnectOptions::with_user_and_password(user.to_owned(), password.to_owned())
                    .custom_inbox_prefix(aftercare_contracts::permissions::inbox_prefix(user))
            }
            None => ConnectOptions::new(),
        };
        let client = tls
            .apply(options)?
            .name(name)
            .connection_timeout(Duration::from_secs(5))
            .request_timeout(Some(Duration::from_secs(10)))
            .event_callback(|event| async move {
                match event {
                    Event::SlowConsumer(sid) => {
                        connection().slow_consumers.add(1);
                        warn!(sid, "NATS slow consumer: a subscription dropped messages");
                    }
                    Event::ServerError(e) => {
                        connection().server_errors.add(1);
                        error!(error = %e, "NATS server error");
                    }
                    Event::Disconnected => {
                        connection().disconnects.add(1);
                        warn!("NATS disconnected; reconnecting");
                    }
                    Event::Connected => info!("NATS connected"),
                    other => info!(event = %other, "NATS connection event"),
                }
            })
            .connect(url)
            .await
            .map_err(|e| {
                Error::Nats(format!(
                    "cannot reach NATS at {url}: {e} (is nats-server -js running? set NATS_URL)"
                ))
            })?;
        let version = client.server_info().version;
        check_version(&version)?;
        let js = jetstream::new(client.clone());
        js.query_account().await.map_err(|e| {
            Error::Nats(format!(
                "JetStream is not enabled on {url}: {e} (start nats-server with -js)"
            ))
        })?;
        Ok(Self { client, js })
    }

    /// Creates or updates the named service streams (and the notify stream), and creates
    /// the dead-letter stream when it is missing, idempotently.
    pub async fn ensure_streams(&self, settings: StreamSettings, names: &[String]) -> Result<()> {
        let mut configs: Vec<stream::Config> = Service::ALL
            .iter()
            .filter(|s| names.contains(&s.stream()))
            .map(|s| stream::Config {
                name: s.stream(),
                subjects: vec![s.stream_subjects()],
                description: Some(format!("Integration events published by {}", s.name())),
                ..Default::default()
            })
            .collect();
        configs.extend(
            names
                .iter()
                .any(|n| n == DEAD_LETTER_STREAM)
                .then(|| stream::Config {
                    name: DEAD_LETTER_STREAM.to_owned(),
                    subjects: vec![DEAD_LETTER_SUBJECTS.to_owned()],
                    description: Some("Events a consumer gave up on, with the reason".to_owned()),
                    ..Default::default()
                }),
        );
        configs.extend(names.iter().any(|n| n == NOTIFY_STREAM).then(|| {
            stream::Config {
                name: NOTIFY_STREAM.to_owned(),
                subjects: vec![NOTIFY_SUBJECTS.to_owned()],
                description: Some(
                    "Messages carrying a secret for a customer, for the notification sender only"
                        .to_owned(),
                ),
                ..Default::default()
            }
        }));
        for mut config in configs {
            config.storage = stream::StorageType::File;
            config.retention = stream::RetentionPolicy::Limits;
            config.num_replicas = settings.replicas;
            config.duplicate_window = settings.duplicate_window;
            config.max_age = if config.name == DEAD_LETTER_STREAM {
                Duration::ZERO
            } else if config.name == NOTIFY_STREAM {
                settings.notify_max_age
            } else {
                settings.max_age
            };
            config.allow_direct = true;
            let name = config.name.clone();
            if name == DEAD_LETTER_STREAM {
                // Shared by every service: each may create it when missing, none may
                // change it (NATS permissions refuse the update), so one service cannot
                // seal or shorten the stream that keeps the others' dead letters.
                self.js
                    .get_or_create_stream(config)
                    .await
                    .map_err(|e| Error::nats(&format!("creating stream {name}"), e))?;
                continue;
            }
            self.js
                .create_or_update_stream(config)
                .await
                .map_err(|e| Error::nats(&format!("creating stream {name}"), e))?;
        }
        Ok(())
    }

    /// Whether the connection is up (readiness).
    pub fn connected(&self) -> bool {
        matches!(
            self.client.connection_state(),
            async_nats::connection::State::Connected
        )
    }
}

/// Refuses servers older than [`MIN_SERVER_VERSION`].
pub fn check_version(version: &str) -> Result<()> {
    let parsed = parse_version(version)
        .ok_or_else(|| Error::Nats(format!("cannot read nats-server version {version:?}")))?;
    if parsed < MIN_SERVER_VERSION {
        let (a, b, c) = MIN_SERVER_VERSION;
        return Err(Error::Nats(format!(
            "nats-server {version} is too old: {a}.{b}.{c} or later is required (earlier releases can lose streams after a crash)"
        )));
    }
    Ok(())
}

/// Parses `2.15.1`, `v2.10.23` or `nats-server: v2.15.1`.
pub fn parse_version(text: &str) -> Option<(u64, u64, u64)> {
    let v = text.trim().rsplit(' ').next()?.trim_start_matches('v');
    let v = v.split(['-', '+']).next()?;
    let mut parts = v.split('.').map(|p| p.parse::<u64>().ok());
    Some((
        parts.next()??,
        parts.next()??,
        parts.next().flatten().unwrap_or(0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_checked() {
        assert_eq!(parse_version("nats-server: v2.15.1"), Some((2, 15, 1)));
        assert_eq!(parse_version("2.10.23-RC.1"), Some((2, 10, 23)));
        assert!(check_version("2.9.10").is_err());
        assert!(check_version("2.10.22").is_err());
        assert!(check_version("2.10.23").is_ok());
        assert!(check_version("2.15.1").is_ok());
        assert!(check_version("garbage").is_err());
    }
}
