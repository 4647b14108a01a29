//! Test support: real infrastructure started on loopback with free ports and temporary
//! directories, stopped and removed on drop. A nats-server with JetStream (stopped with
//! SIGTERM then SIGKILL, or killed, and started again on the same port and store), a
//! three-node JetStream cluster whose nodes can be stopped and restarted one at a time, a
//! throwaway PostgreSQL cluster, an OTLP receiver that
//! collects spans, a fault proxy that delays, blackholes and resets connections, and the
//! `aftercare` binary as a child process that can be killed, an SMTP sink that keeps what
//! it receives and can be stopped and resumed on its port, an HTTP SMS/WeChat provider
//! ([`ProviderStub`]) that keeps what it receives and can fail, refuse and answer late, an
//! S3-compatible server with one bucket ([`S3Server`], moto's); and
//! the service test tier ([`ServiceHarness`], [`TestDb`]): one service in the test's own
//! process on a temporary database and a real nats-server; and [`limits`], which checks a
//! validator against what its request's JSON Schema states.
#![warn(missing_docs, unreachable_pub)]

mod cluster;
mod fault_proxy;
pub mod fixtures;
mod http_provider;
pub mod limits;
mod otlp;
mod postgres;
mod process;
mod s3;
mod service;
mod smtp;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use aftercare_platform::nats_server::LocalNats;

pub use cluster::NatsCluster;
pub use fault_proxy::{Fault, FaultProxy};
pub use http_provider::{ProviderRequest, ProviderStub};
pub use otlp::{OtlpReceiver, SpanRecord};
pub use postgres::Postgres;
pub use process::AftercareProcess;
pub use s3::{S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3Server};
pub use service::{SERVICE_WAIT, ServiceHarness, StagedEvent, TestBackend, TestDb, test_settings};
pub use smtp::{ReceivedMail, SmtpSink};

/// The workspace root (where `.tools/` lives).
pub fn workspace_root() -> PathBuf {
    // `cargo test` sets the variable when it runs a test; the compile-time value may name
    // another checkout when a shared target directory is reused.
    PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into()),
    )
    .join("../..")
}

/// Points `AFTERCARE_NATS_SERVER` at the project's pinned nats-server when it is installed.
pub fn use_project_tools() {
    let local = workspace_root().join(".tools/bin/nats-server");
    if std::env::var_os("AFTERCARE_NATS_SERVER").is_none() && local.exists() {
        // SAFETY: called before the test starts threads that read the environment.
        unsafe { std::env::set_var("AFTERCARE_NATS_SERVER", local) };
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
pub async fn wait_until<F, Fut>(
    timeout: Duration,
    what: &str,
    mut condition: F,
) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if condition().await {
            return Ok(());
        }
        if Instant::now() > deadline {
            anyhow::bail!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Polls `probe` every 20 ms until it yields a value or `timeout` passes.
pub async fn poll_for<T, F, Fut>(timeout: Duration, what: &str, mut probe: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = probe().await {
            return Ok(v);
        }
        if Instant::now() > deadline {
            anyhow::bail!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A nats-server with JetStream for one test, storing in a temporary directory. It writes
/// its process id to a pid file (as the Kubernetes manifests' lame-duck `preStop` needs), so
/// a test can stop it with signals and start it again on its port, configuration and store.
pub struct NatsServer {
    inner: LocalNats,
    dir: tempfile::TempDir,
    port: u16,
    monitor: u16,
    /// The configuration appended to the standard one, kept for a restart.
    extra: String,
    /// The environment it runs with, kept for a restart.
    env: Vec<(String, String)>,
}

impl NatsServer {
    /// Starts a server on free loopback ports.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_with("", &[]).await
    }

    /// Starts a server with `extra` configuration and environment (for authorization).
    pub async fn start_with(extra: &str, env: &[(String, String)]) -> anyhow::Result<Self> {
        use_project_tools();
        let dir = tempfile::tempdir()?;
        let (port, monitor) = (
            aftercare_platform::nats_server::free_port()?,
            aftercare_platform::nats_server::free_port()?,
        );
        let extra = format!(
            "pid_file: \"{}\"\n{extra}",
            dir.path().join("nats.pid").display()
        );
        let inner = LocalNats::start_with(dir.path(), port, monitor, &extra, env).await?;
        Ok(Self {
            inner,
            dir,
            port,
            monitor,
            extra,
            env: env.to_vec(),
        })
    }

    /// Client URL.
    pub fn url(&self) -> String {
        self.inner.url.clone()
    }

    /// Monitoring URL.
    pub fn monitor_url(&self) -> String {
        self.inner.monitor_url.clone()
    }

    /// Kills the server (SIGKILL) and starts it again on the same port and store.
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.inner.kill().await;
        self.start_again().await
    }

    /// Stops the server as an orchestrator does when it gives up waiting: SIGTERM, then
    /// SIGKILL after `grace` if it is still running. Returns whether it had to be killed.
    /// Its store stays for [`NatsServer::start_again`].
    pub async fn stop(&mut self, grace: Duration) -> anyhow::Result<bool> {
        let pid: u32 = std::fs::read_to_string(self.dir.path().join("nats.pid"))?
            .trim()
            .parse()?;
        std::process::Command::new("kill")
            .arg("-TERM")
            .arg(pid.to_string())
            .status()?;
        let exited = wait_until(grace, "nats-server to exit", || async { !running(pid) })
            .await
            .is_ok();
        // SIGKILL when it is still running; reaps it either way.
        self.inner.kill().await;
        Ok(!exited)
    }

    /// Starts the server again on its ports, configuration and store, and waits until it
    /// accepts connections.
    pub async fn start_again(&mut self) -> anyhow::Result<()> {
        self.inner = LocalNats::start_with(
            self.dir.path(),
            self.port,
            self.monitor,
            &self.extra,
            &self.env,
        )
        .await?;
        Ok(())
    }

    /// Waits until the server's `/healthz` answers 200 (JetStream enabled and its store
    /// recovered).
    pub async fn wait_healthy(&self, timeout: Duration) -> anyhow::Result<()> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(2))
            .build()?;
        let url = format!("{}/healthz", self.monitor_url());
        wait_until(timeout, "the nats-server to be healthy", || async {
            matches!(http.get(&url).send().await, Ok(r) if r.status().is_success())
        })
        .await
    }
}

/// Whether process `pid` is running: it exists and is not a zombie waiting to be reaped.
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        // The state follows the command name, which is in parentheses.
        stat.rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X")
    })
}

/// The compiled `aftercare` binary next to the test executable.
pub fn aftercare_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("CARGO_BIN_EXE_aftercare") {
        return PathBuf::from(p);
    }
    let mut exe = std::env::current_exe().unwrap_or_default();
    exe.pop();
    if exe.ends_with("deps") {
        exe.pop();
    }
    exe.join("aftercare")
}
