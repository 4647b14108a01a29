//! A throwaway PostgreSQL cluster: `initdb` into a temporary directory, started with
//! `pg_ctl` on a free loopback port, removed on drop. PostgreSQL refuses to run as root,
//! so under root it runs as the `aftercare-test` user (created by
//! `deploy/install-tools.sh --test`).
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

/// A running PostgreSQL cluster for one test binary.
pub struct Postgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    opts: String,
}

fn pg_bin() -> anyhow::Result<PathBuf> {
    let tools = crate::workspace_root().join(".tools/bin");
    if tools.join("pg_ctl").exists() {
        return Ok(tools);
    }
    let mut found = None;
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        for e in entries.flatten() {
            let bin = e.path().join("bin");
            if bin.join("pg_ctl").exists() {
                found = Some(bin);
            }
        }
    }
    found.context("PostgreSQL is not installed: run deploy/install-tools.sh --test")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn as_pg_user(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.arg("-u").arg("aftercare-test").arg("--").arg(program);
        c
    } else {
        Command::new(program)
    }
}

impl Postgres {
    /// Creates and starts a cluster.
    pub fn start() -> anyhow::Result<Self> {
        let bin = pg_bin()?;
        let dir = tempfile::Builder::new().prefix("aftercare-pg").tempdir()?;
        if is_root() {
            let ok = Command::new("chown")
                .arg("-R")
                .arg("aftercare-test")
                .arg(dir.path())
                .status()?
                .success();
            anyhow::ensure!(
                ok,
                "cannot hand {} to aftercare-test (run deploy/install-tools.sh --test)",
                dir.path().display()
            );
        }
        let data = dir.path().join("data");
        let out = as_pg_user(&bin.join("initdb"))
            .args([
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
                "-D",
            ])
            .arg(&data)
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = aftercare_platform::nats_server::free_port()?;
        let opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=64MB",
            dir.path().display()
        );
        let out = as_pg_user(&bin.join("pg_ctl"))
            .arg("-D")
            .arg(&data)
            .arg("-o")
            .arg(&opts)
            .arg("-l")
            .arg(dir.path().join("postgres.log"))
            .args(["-w", "-t", "60", "start"])
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "pg_ctl start failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(Self {
            dir,
            bin,
            port,
            opts,
        })
    }

    /// URL of database `name` (not created).
    pub fn url(&self, name: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Creates an empty database and returns its URL.
    pub async fn create_database(&self, name: &str) -> anyhow::Result<String> {
        use sqlx::Connection;
        let mut conn = sqlx::PgConnection::connect(&self.url("postgres")).await?;
        sqlx::query(sqlx::AssertSqlSafe(format!("create database \"{name}\"")))
            .execute(&mut conn)
            .await?;
        conn.close().await?;
        Ok(self.url(name))
    }

    /// Restarts the server abruptly (`-m immediate`), as a crash would.
    pub fn crash_restart(&self) -> anyhow::Result<()> {
        let out = as_pg_user(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "restart"])
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "pg_ctl restart failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(())
    }
}

impl Postgres {
    /// Stops the server abruptly (`pg_ctl stop -m immediate`, no checkpoint), as a crash
    /// would; [`Postgres::start_again`] brings it back on the same port and data, so a
    /// test can look at the system while the database is down.
    pub fn crash_stop(&self) -> anyhow::Result<()> {
        let out = as_pg_user(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "pg_ctl stop failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(())
    }

    /// Starts a stopped server again (crash recovery replays the WAL).
    pub fn start_again(&self) -> anyhow::Result<()> {
        let out = as_pg_user(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .arg("-o")
            .arg(&self.opts)
            .arg("-l")
            .arg(self.dir.path().join("postgres.log"))
            .args(["-w", "-t", "60", "start"])
            .output()?;
        anyhow::ensure!(
            out.status.success(),
            "pg_ctl start failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(())
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_pg_user(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output();
    }
}
