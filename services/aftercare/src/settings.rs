//! The process's settings: every one a flag with an environment variable of the same
//! meaning (the table in README.md lists them), grouped as the commands take them, and
//! the roles a process can run.
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use aftercare_platform::MessagingSettings;
use aftercare_platform::bus::StreamSettings;
use aftercare_platform::outbox::RelaySettings;
use aftercare_platform::telemetry::LogFormat;
use clap::{Args, ValueEnum};

/// A role the binary can run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum Role {
    /// The public HTTP API.
    Gateway,
    /// Tickets.
    Intake,
    /// Work orders.
    Dispatch,
    /// Parts ledger.
    Inventory,
    /// Receipts.
    Billing,
    /// Callbacks.
    Survey,
    /// Delivers customer notifications and keeps what was sent.
    Notifier,
}

impl Role {
    /// Every role, as `up` runs them.
    pub(crate) const ALL: [Role; 7] = [
        Role::Gateway,
        Role::Intake,
        Role::Dispatch,
        Role::Inventory,
        Role::Billing,
        Role::Survey,
        Role::Notifier,
    ];
    /// The domain services (the gateway is the one role that is not).
    #[cfg(test)]
    pub(crate) const SERVICES: [Role; 5] = [
        Role::Intake,
        Role::Dispatch,
        Role::Inventory,
        Role::Billing,
        Role::Survey,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Role::Gateway => "gateway",
            Role::Intake => "intake",
            Role::Dispatch => "dispatch",
            Role::Inventory => "inventory",
            Role::Billing => "billing",
            Role::Survey => "survey",
            Role::Notifier => "notifier",
        }
    }
}

/// Database URL per service role.
#[derive(Debug, Clone, Args)]
pub(crate) struct Databases {
    /// Intake's database.
    #[arg(long, env = "AFTERCARE_INTAKE_DATABASE_URL")]
    pub(crate) intake_database_url: Option<String>,
    /// Dispatch's database.
    #[arg(long, env = "AFTERCARE_DISPATCH_DATABASE_URL")]
    pub(crate) dispatch_database_url: Option<String>,
    /// Inventory's database.
    #[arg(long, env = "AFTERCARE_INVENTORY_DATABASE_URL")]
    pub(crate) inventory_database_url: Option<String>,
    /// Billing's database.
    #[arg(long, env = "AFTERCARE_BILLING_DATABASE_URL")]
    pub(crate) billing_database_url: Option<String>,
    /// Survey's database.
    #[arg(long, env = "AFTERCARE_SURVEY_DATABASE_URL")]
    pub(crate) survey_database_url: Option<String>,
    /// The gateway's database (accounts, tokens, audit log, idempotency records).
    #[arg(long, env = "AFTERCARE_GATEWAY_DATABASE_URL")]
    pub(crate) gateway_database_url: Option<String>,
    /// The notifier's database (the messages sent and their delivery).
    #[arg(long, env = "AFTERCARE_NOTIFIER_DATABASE_URL")]
    pub(crate) notifier_database_url: Option<String>,
}

impl Databases {
    /// The URL for `role`, defaulting to a SQLite file under `dir`.
    pub(crate) fn url(&self, role: Role, dir: &std::path::Path) -> String {
        let given = match role {
            Role::Intake => &self.intake_database_url,
            Role::Dispatch => &self.dispatch_database_url,
            Role::Inventory => &self.inventory_database_url,
            Role::Billing => &self.billing_database_url,
            Role::Survey => &self.survey_database_url,
            Role::Gateway => &self.gateway_database_url,
            Role::Notifier => &self.notifier_database_url,
        };
        given
            .clone()
            .unwrap_or_else(|| format!("sqlite://{}/{}.db", dir.display(), role.name()))
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormatArg {
    Pretty,
    Json,
}

/// Settings shared by `run` and `up`.
#[derive(Debug, Clone, Args)]
pub(crate) struct Common {
    /// NATS server URL (for `up`: when unset, a local nats-server is started).
    #[arg(long, env = "NATS_URL")]
    pub(crate) nats_url: Option<String>,
    #[command(flatten)]
    pub(crate) nats_auth: NatsAuth,
    /// Gateway listen address.
    #[arg(long, env = "AFTERCARE_GATEWAY_ADDR")]
    pub(crate) gateway_addr: Option<SocketAddr>,
    /// Health, readiness and metrics listen address (`run`; `up` serves them on the gateway).
    #[arg(long, env = "AFTERCARE_HEALTH_ADDR", default_value = "0.0.0.0:9090")]
    pub(crate) health_addr: SocketAddr,
    /// Log format.
    #[arg(
        long,
        env = "AFTERCARE_LOG_FORMAT",
        value_enum,
        default_value = "pretty"
    )]
    log_format: LogFormatArg,
    /// Attempts before a failing event is dead-lettered.
    #[arg(long, env = "AFTERCARE_MAX_DELIVER", default_value_t = 5)]
    pub(crate) max_deliver: i64,
    /// Seconds JetStream waits for an ack before redelivering.
    #[arg(long, env = "AFTERCARE_ACK_WAIT_SECS", default_value_t = 30)]
    pub(crate) ack_wait_secs: u64,
    /// Most events handled in one consumer transaction.
    #[arg(long, env = "AFTERCARE_CONSUMER_BATCH", default_value_t = 64)]
    pub(crate) consumer_batch: usize,
    /// Requests a service handles at once.
    #[arg(long, env = "AFTERCARE_REQUEST_CONCURRENCY", default_value_t = 64)]
    pub(crate) request_concurrency: usize,
    /// Seconds between runs of periodic jobs (the SLA sweep).
    #[arg(long, env = "AFTERCARE_JOB_INTERVAL_SECS", default_value_t = 30)]
    pub(crate) job_interval_secs: u64,
    /// Replicas of each JetStream stream (3 in a production cluster).
    #[arg(long, env = "AFTERCARE_STREAM_REPLICAS", default_value_t = 1)]
    pub(crate) stream_replicas: usize,
    /// Seconds a message carrying a one-time code stays in the NOTIFY stream.
    #[arg(long, env = "AFTERCARE_NOTIFY_MAX_AGE_SECS", default_value_t = 3600)]
    pub(crate) notify_max_age_secs: u64,
    /// Milliseconds the gateway waits for a service before answering 504.
    #[arg(long, env = "AFTERCARE_REQUEST_TIMEOUT_MS", default_value_t = 5000)]
    pub(crate) request_timeout_ms: u64,
    /// Largest request body in bytes.
    #[arg(long, env = "AFTERCARE_MAX_BODY_BYTES", default_value_t = 65536)]
    pub(crate) max_body_bytes: usize,
    /// Seconds to wait for in-flight work at shutdown.
    #[arg(long, env = "AFTERCARE_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub(crate) shutdown_grace_secs: u64,
    #[command(flatten)]
    pub(crate) databases: Databases,
    #[command(flatten)]
    pub(crate) gateway: GatewayArgs,
}

/// Gateway settings: accounts, tokens, limits, CORS and OIDC.
#[derive(Debug, Clone, Args)]
pub(crate) struct GatewayArgs {
    /// Login of the administrator created on first start.
    #[arg(long, env = "AFTERCARE_ADMIN_LOGIN", default_value = "admin")]
    pub(crate) admin_login: String,
    /// Its password (12+ characters); when unset a random one is printed once.
    #[arg(long, env = "AFTERCARE_ADMIN_PASSWORD", hide_env_values = true)]
    pub(crate) admin_password: Option<String>,
    /// Seconds an access token is valid.
    #[arg(long, env = "AFTERCARE_ACCESS_TOKEN_TTL_SECS", default_value_t = 900)]
    pub(crate) access_token_ttl_secs: u64,
    /// Days a refresh token is valid.
    #[arg(long, env = "AFTERCARE_REFRESH_TOKEN_TTL_DAYS", default_value_t = 30)]
    pub(crate) refresh_token_ttl_days: u64,
    /// Requests per second per client (0: unlimited).
    #[arg(long, env = "AFTERCARE_RATE_LIMIT", default_value_t = 50)]
    pub(crate) rate_limit: u32,
    /// Burst of requests a client may send above the rate.
    #[arg(long, env = "AFTERCARE_RATE_BURST", default_value_t = 200)]
    pub(crate) rate_burst: u32,
    /// Comma-separated browser origins allowed to call the API (CORS).
    #[arg(long, env = "AFTERCARE_CORS_ORIGINS", value_delimiter = ',')]
    pub(crate) cors_origins: Vec<String>,
    /// Comma-separated address ranges (CIDR) of reverse proxies whose X-Forwarded-For /
    /// Forwarded name the client; empty: the TCP peer is the client.
    #[arg(long, env = "AFTERCARE_TRUSTED_PROXIES", default_value = "")]
    pub(crate) trusted_proxies: String,
    /// MiB password hashing may use at once (19 MiB per concurrent sign-in).
    #[arg(long, env = "AFTERCARE_HASH_MEMORY_MIB", default_value_t = aftercare_gateway::DEFAULT_HASH_MEMORY_MIB)]
    pub(crate) hash_memory_mib: usize,
    /// XYZ tile URL template of the board's map, e.g. https://tile.example/{z}/{x}/{y}.png
    /// (empty: the board draws positions on a plain plane).
    #[arg(long, env = "AFTERCARE_MAP_TILE_URL", default_value = "")]
    pub(crate) map_tile_url: String,
    /// Where attachments (photos, signatures) are kept: a directory or file:///path,
    /// s3://bucket[/prefix] (credentials, region and endpoint from AWS_ACCESS_KEY_ID,
    /// AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT, AWS_ALLOW_HTTP) or memory: (tests);
    /// empty: `attachments/` under the data directory.
    #[arg(long, env = "AFTERCARE_ATTACHMENTS_URL", default_value = "")]
    pub(crate) attachments_url: String,
    /// Issuer whose OIDC access tokens are accepted (enables OIDC).
    #[arg(long, env = "AFTERCARE_OIDC_ISSUER")]
    pub(crate) oidc_issuer: Option<String>,
    /// The issuer's JWKS URL.
    #[arg(long, env = "AFTERCARE_OIDC_JWKS_URL", requires = "oidc_issuer")]
    pub(crate) oidc_jwks_url: Option<String>,
    /// Audience the issuer's tokens must carry.
    #[arg(long, env = "AFTERCARE_OIDC_AUDIENCE", default_value = "aftercare")]
    pub(crate) oidc_audience: String,
    /// Claim holding the role (dot path for nested claims).
    #[arg(long, env = "AFTERCARE_OIDC_ROLE_CLAIM", default_value = "roles")]
    pub(crate) oidc_role_claim: String,
    /// Issuer role names mapped to Aftercare roles: `helpdesk=agent,field=technician`.
    #[arg(long, env = "AFTERCARE_OIDC_ROLE_MAP", default_value = "")]
    pub(crate) oidc_role_map: String,
    /// The access-token signing keys themselves, one `kid=secret` a line (the first
    /// signs, every one verifies); for a Kubernetes Secret passed in the environment.
    #[arg(
        long,
        env = "AFTERCARE_JWT_SIGNING_KEY",
        hide_env_values = true,
        conflicts_with = "jwt_signing_key_file"
    )]
    pub(crate) jwt_signing_key: Option<String>,
    /// File with the signing keys in the same form (a mounted Kubernetes Secret). Unset
    /// (and no key in the environment): a key file is generated next to the gateway's
    /// SQLite database, or under the data directory.
    #[arg(long, env = "AFTERCARE_JWT_SIGNING_KEY_FILE")]
    pub(crate) jwt_signing_key_file: Option<PathBuf>,
}

impl GatewayArgs {
    /// Where the access-token signing keys come from: the environment, a configured file,
    /// or a file generated beside the gateway's SQLite database (`dir` for PostgreSQL).
    pub(crate) fn signing_keys(
        &self,
        database_url: &str,
        dir: &std::path::Path,
    ) -> aftercare_gateway::SigningKeySource {
        use aftercare_gateway::SigningKeySource;
        // An empty variable (compose's `${VAR:-}`) counts as unset.
        if let Some(text) = self
            .jwt_signing_key
            .as_ref()
            .filter(|t| !t.trim().is_empty())
        {
            return SigningKeySource::Text(text.clone());
        }
        if let Some(path) = self
            .jwt_signing_key_file
            .as_ref()
            .filter(|p| !p.as_os_str().is_empty())
        {
            return SigningKeySource::File(path.clone());
        }
        let beside_database = database_url
            .strip_prefix("sqlite://")
            .or_else(|| database_url.strip_prefix("sqlite:"))
            .map(|rest| rest.split('?').next().unwrap_or(rest))
            .and_then(|path| std::path::Path::new(path).parent().map(PathBuf::from))
            .filter(|p| !p.as_os_str().is_empty() && !database_url.contains(":memory:"));
        SigningKeySource::Generated(
            beside_database
                .unwrap_or_else(|| dir.to_path_buf())
                .join("gateway-signing.key"),
        )
    }

    /// The OIDC settings, when an issuer is configured.
    pub(crate) fn oidc(&self) -> anyhow::Result<Option<aftercare_gateway::OidcConfig>> {
        let Some(issuer) = self.oidc_issuer.clone() else {
            return Ok(None);
        };
        let jwks_url = self.oidc_jwks_url.clone().ok_or_else(|| {
            anyhow::anyhow!("AFTERCARE_OIDC_JWKS_URL is required with AFTERCARE_OIDC_ISSUER")
        })?;
        let role_map = aftercare_gateway::OidcConfig::parse_role_map(&self.oidc_role_map)
            .map_err(|e| anyhow::anyhow!("AFTERCARE_OIDC_ROLE_MAP: {e}"))?;
        Ok(Some(aftercare_gateway::OidcConfig {
            issuer,
            jwks_url,
            audience: self.oidc_audience.clone(),
            role_claim: self.oidc_role_claim.clone(),
            role_map,
        }))
    }
}

/// NATS credentials of this process (one user per role in production).
#[derive(Debug, Clone, Args)]
pub(crate) struct NatsAuth {
    /// NATS user name.
    #[arg(long, env = "AFTERCARE_NATS_USER", requires = "nats_password")]
    pub(crate) nats_user: Option<String>,
    /// NATS password.
    #[arg(long, env = "AFTERCARE_NATS_PASSWORD", hide_env_values = true)]
    pub(crate) nats_password: Option<String>,
    /// CA certificate (PEM) the NATS server's certificate must chain to; set, TLS is required.
    #[arg(long, env = "AFTERCARE_NATS_CA_FILE")]
    pub(crate) nats_ca_file: Option<std::path::PathBuf>,
    /// Client certificate (PEM) for a NATS server that verifies clients.
    #[arg(long, env = "AFTERCARE_NATS_CERT_FILE", requires = "nats_key_file")]
    pub(crate) nats_cert_file: Option<std::path::PathBuf>,
    /// Key (PEM) of the client certificate.
    #[arg(long, env = "AFTERCARE_NATS_KEY_FILE", requires = "nats_cert_file")]
    pub(crate) nats_key_file: Option<std::path::PathBuf>,
}

impl NatsAuth {
    pub(crate) fn credentials(&self) -> Option<(&str, &str)> {
        Some((self.nats_user.as_deref()?, self.nats_password.as_deref()?))
    }

    /// TLS of the NATS connection (none unless a CA or client certificate is set).
    pub(crate) fn tls(&self) -> aftercare_platform::bus::NatsTls {
        aftercare_platform::bus::NatsTls {
            ca_file: self.nats_ca_file.clone(),
            cert_file: self.nats_cert_file.clone(),
            key_file: self.nats_key_file.clone(),
        }
    }
}

impl Common {
    pub(crate) fn nats_credentials(&self) -> Option<(&str, &str)> {
        self.nats_auth.credentials()
    }

    pub(crate) fn log_format(&self) -> LogFormat {
        match self.log_format {
            LogFormatArg::Pretty => LogFormat::Pretty,
            LogFormatArg::Json => LogFormat::Json,
        }
    }

    pub(crate) fn messaging(&self) -> anyhow::Result<MessagingSettings> {
        anyhow::ensure!(
            self.max_deliver >= 1,
            "AFTERCARE_MAX_DELIVER must be at least 1"
        );
        anyhow::ensure!(
            self.consumer_batch >= 1,
            "AFTERCARE_CONSUMER_BATCH must be at least 1"
        );
        anyhow::ensure!(
            self.request_concurrency >= 1,
            "AFTERCARE_REQUEST_CONCURRENCY must be at least 1"
        );
        anyhow::ensure!(
            self.ack_wait_secs >= 1,
            "AFTERCARE_ACK_WAIT_SECS must be at least 1"
        );
        anyhow::ensure!(
            self.job_interval_secs >= 1,
            "AFTERCARE_JOB_INTERVAL_SECS must be at least 1"
        );
        Ok(MessagingSettings {
            max_deliver: self.max_deliver,
            ack_wait: Duration::from_secs(self.ack_wait_secs),
            consumer_batch: self.consumer_batch,
            request_concurrency: self.request_concurrency,
            relay: RelaySettings::default(),
            job_interval: Duration::from_secs(self.job_interval_secs),
        })
    }

    pub(crate) fn streams(&self) -> anyhow::Result<StreamSettings> {
        anyhow::ensure!(
            (1..=5).contains(&self.stream_replicas),
            "AFTERCARE_STREAM_REPLICAS must be 1 to 5"
        );
        anyhow::ensure!(
            (60..=7 * 24 * 3600).contains(&self.notify_max_age_secs),
            "AFTERCARE_NOTIFY_MAX_AGE_SECS must be 60 to 604800 (one minute to one week)"
        );
        Ok(StreamSettings {
            replicas: self.stream_replicas,
            notify_max_age: Duration::from_secs(self.notify_max_age_secs),
            ..StreamSettings::default()
        })
    }
}
