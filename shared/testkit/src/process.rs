//! The `aftercare` binary as a child process: started with the environment a test
//! chooses, logging to a file, killed with SIGKILL on demand or on drop.
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

/// A running `aftercare` child.
pub struct AftercareProcess {
    child: Option<tokio::process::Child>,
    /// Where its stderr goes.
    pub log: PathBuf,
    /// Its health address, for `/readyz` and `/metrics`.
    pub health_url: String,
}

impl AftercareProcess {
    /// Runs `aftercare run <roles>` with `env`, health on a free port, logs under `dir`,
    /// and waits until `/readyz` answers 200.
    pub async fn run(roles: &[&str], env: &[(String, String)], dir: &Path) -> anyhow::Result<Self> {
        let health_port = aftercare_platform::nats_server::free_port()?;
        let log = dir.join(format!("{}-{}.log", roles.join("-"), health_port));
        let file = std::fs::File::create(&log)?;
        let mut cmd = tokio::process::Command::new(crate::aftercare_binary());
        cmd.arg("run").args(roles);
        cmd.env("AFTERCARE_HEALTH_ADDR", format!("127.0.0.1:{health_port}"));
        cmd.env("AFTERCARE_LOG_FORMAT", "pretty");
        cmd.env(
            "RUST_LOG",
            std::env::var("TEST_LOG_LEVEL").unwrap_or_else(|_| "info".into()),
        );
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(file)
            .kill_on_drop(true);
        let child = cmd.spawn()?;
        let me = Self {
            child: Some(child),
            log,
            health_url: format!("http://127.0.0.1:{health_port}"),
        };
        me.wait_ready(Duration::from_secs(60)).await?;
        Ok(me)
    }

    /// The child's process id (for reading its resident size in /proc), while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().and_then(|c| c.id())
    }

    /// Waits for `/readyz` to answer 200.
    pub async fn wait_ready(&self, timeout: Duration) -> anyhow::Result<()> {
        let url = format!("{}/readyz", self.health_url);
        let client = reqwest::Client::new();
        let log = self.log.clone();
        crate::wait_until(timeout, "the process to be ready", || {
            let (client, url) = (client.clone(), url.clone());
            async move { matches!(client.get(&url).send().await, Ok(r) if r.status().is_success()) }
        })
        .await
        .map_err(|e| {
            anyhow::anyhow!(
                "{e}; log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            )
        })
    }

    /// The process's `/metrics` text.
    pub async fn metrics(&self) -> anyhow::Result<String> {
        Ok(reqwest::get(format!("{}/metrics", self.health_url))
            .await?
            .text()
            .await?)
    }

    /// SIGKILL, as a crash would.
    pub async fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill().await;
        }
    }

    /// SIGTERM and wait for a clean exit (at most 30 s); returns the exit status.
    pub async fn stop(&mut self) -> anyhow::Result<std::process::ExitStatus> {
        let mut c = self
            .child
            .take()
            .ok_or_else(|| anyhow::anyhow!("already stopped"))?;
        if let Some(pid) = c.id() {
            std::process::Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status()?;
        }
        Ok(tokio::time::timeout(Duration::from_secs(30), c.wait()).await??)
    }

    /// Waits for the process to exit by itself.
    pub async fn wait_exit(
        &mut self,
        timeout: Duration,
    ) -> anyhow::Result<std::process::ExitStatus> {
        let c = self
            .child
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("already stopped"))?;
        let status = tokio::time::timeout(timeout, c.wait()).await??;
        self.child = None;
        Ok(status)
    }

    /// The log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}
