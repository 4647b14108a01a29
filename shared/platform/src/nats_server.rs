//! Running a local `nats-server` (for `aftercare up` and the test kit): the pinned
//! version check and the one configuration every server the project starts uses,
//! JetStream with `sync_interval: always`, so an acknowledged event is on disk.
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::bus::{check_version, parse_version};
use crate::{Error, Result};

/// The executable to run: `AFTERCARE_NATS_SERVER` or `nats-server` on the `PATH`.
pub fn binary() -> PathBuf {
    std::env::var_os("AFTERCARE_NATS_SERVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("nats-server"))
}

/// Runs `bin --version` and refuses a missing or too old server.
pub fn check_binary(bin: &Path) -> Result<String> {
    let out = std::process::Command::new(bin).arg("--version").output().map_err(|e| {
        Error::Config(format!(
            "cannot run {}: {e}; install nats-server 2.10.23 or later (deploy/install-tools.sh) or set NATS_URL",
            bin.display()
        ))
    })?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    check_version(&text)?;
    parse_version(&text)
        .ok_or_else(|| Error::Config(format!("unreadable nats-server version {text:?}")))?;
    Ok(text)
}

/// The server configuration: client port, monitoring port and JetStream store on disk,
/// every write fsynced before it is acknowledged.
pub fn config(host: &str, port: u16, monitor_port: u16, store_dir: &Path) -> String {
    format!(
        "listen: \"{host}:{port}\"\nhttp: \"{host}:{monitor_port}\"\nmax_payload: 1MB\njetstream {{\n  store_dir: \"{}\"\n  sync_interval: always\n}}\n",
        store_dir.display()
    )
}

/// First port [`free_port`] hands out: below Linux's ephemeral range (32768–60999), so
/// a port picked now is not taken by some outgoing connection before it is bound.
const PORT_LOW: u32 = 20_000;
/// How many ports above [`PORT_LOW`] it cycles through.
const PORT_SPAN: u32 = 12_000;

/// A free TCP port on loopback (bound and released). Ports are handed out in turn from a
/// range below the ephemeral ports, starting at a point that differs per process, so two
/// callers in one process never get the same port and a client connection cannot take
/// it before the caller binds it.
pub fn free_port() -> Result<u16> {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(u32::MAX);
    let seed = std::process::id().wrapping_mul(7_919)
        ^ std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
    let _ = NEXT.compare_exchange(
        u32::MAX,
        seed % PORT_SPAN,
        Ordering::Relaxed,
        Ordering::Relaxed,
    );
    for _ in 0..200 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed) % PORT_SPAN;
        let port = (PORT_LOW + n) as u16;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return Ok(port);
        }
    }
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// A `nats-server` child process; killed when dropped.
pub struct LocalNats {
    child: Option<tokio::process::Child>,
    /// Client URL.
    pub url: String,
    /// Monitoring URL (`/varz`, `/healthz`).
    pub monitor_url: String,
}

impl LocalNats {
    /// Starts a server storing under `dir` on free loopback ports and waits until it
    /// accepts connections.
    pub async fn start(dir: &Path) -> Result<Self> {
        Self::start_on(dir, free_port()?, free_port()?).await
    }

    /// Starts a server on the given ports (a restart reuses its ports and store).
    pub async fn start_on(dir: &Path, port: u16, monitor: u16) -> Result<Self> {
        Self::start_with(dir, port, monitor, "", &[]).await
    }

    /// Starts a server whose configuration has `extra` appended (an `authorization`
    /// block, say) and whose environment has `env` (the passwords it refers to).
    pub async fn start_with(
        dir: &Path,
        port: u16,
        monitor: u16,
        extra: &str,
        env: &[(String, String)],
    ) -> Result<Self> {
        let bin = binary();
        check_binary(&bin)?;
        std::fs::create_dir_all(dir)?;
        let conf = dir.join("nats.conf");
        std::fs::write(
            &conf,
            config("127.0.0.1", port, monitor, &dir.join("jetstream")) + extra,
        )?;
        let child = tokio::process::Command::new(&bin)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .arg("-c")
            .arg(&conf)
            .arg("-l")
            .arg(dir.join("nats.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| Error::Config(format!("cannot start {}: {e}", bin.display())))?;
        let me = Self {
            child: Some(child),
            url: format!("nats://127.0.0.1:{port}"),
            monitor_url: format!("http://127.0.0.1:{monitor}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Ok(me);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(Error::Nats(format!(
            "nats-server did not start within 20 s; see {}",
            dir.join("nats.log").display()
        )))
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub async fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill().await;
        }
    }

    /// Stops the server (SIGTERM, then kill after 5 s).
    pub async fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if let Some(pid) = child.id() {
                let _ = std::process::Command::new("kill")
                    .arg("-TERM")
                    .arg(pid.to_string())
                    .status();
                if tokio::time::timeout(Duration::from_secs(5), child.wait())
                    .await
                    .is_ok()
                {
                    return;
                }
            }
            let _ = child.kill().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_always_syncs() {
        let c = config("127.0.0.1", 4222, 8222, Path::new("/tmp/js"));
        assert!(c.contains("sync_interval: always"));
        assert!(c.contains("listen: \"127.0.0.1:4222\""));
    }
}
