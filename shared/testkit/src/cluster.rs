//! A three-node JetStream cluster of real nats-server processes on loopback, as a
//! production cluster runs it: each node with its own store fsynced on every write
//! (`sync_interval: always`), routes between all three, and the means to find a stream's
//! leader and to take one node down (SIGTERM then SIGKILL) and back up on its kept store.
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use aftercare_platform::nats_server::{binary, check_binary, config, free_port};
use anyhow::Context;

/// Nodes in the cluster: three, so two keep a quorum when one is down.
const NODES: usize = 3;

/// One node: its ports, its directory (configuration, log, store) and its process.
struct Node {
    name: String,
    port: u16,
    monitor: u16,
    dir: PathBuf,
    child: Option<tokio::process::Child>,
}

impl Node {
    fn conf(&self) -> PathBuf {
        self.dir.join("nats.conf")
    }

    async fn spawn(&mut self) -> anyhow::Result<()> {
        let child = tokio::process::Command::new(binary())
            .arg("-c")
            .arg(self.conf())
            .arg("-l")
            .arg(self.dir.join("nats.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("cannot start {}", binary().display()))?;
        self.child = Some(child);
        Ok(())
    }

    async fn healthy(&self, http: &reqwest::Client) -> bool {
        matches!(
            http.get(format!("http://127.0.0.1:{}/healthz", self.monitor))
                .send()
                .await,
            Ok(r) if r.status().is_success()
        )
    }
}

/// A three-node JetStream cluster for one test; every node is killed on drop and its
/// store removed with the temporary directory.
pub struct NatsCluster {
    nodes: Vec<Node>,
    _dir: tempfile::TempDir,
    http: reqwest::Client,
}

impl NatsCluster {
    /// Starts three nodes routed to each other and waits until each reports healthy
    /// (JetStream's meta group has a leader and the node is current with it).
    pub async fn start() -> anyhow::Result<Self> {
        crate::use_project_tools();
        check_binary(&binary())?;
        let dir = tempfile::Builder::new()
            .prefix("aftercare-nats")
            .tempdir()?;
        let mut ports = Vec::new();
        for _ in 0..NODES {
            ports.push((free_port()?, free_port()?, free_port()?));
        }
        let routes = ports
            .iter()
            .map(|(_, _, route)| format!("\"nats-route://127.0.0.1:{route}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let mut nodes = Vec::new();
        for (i, (port, monitor, route)) in ports.iter().copied().enumerate() {
            let name = format!("n{i}");
            let node_dir = dir.path().join(&name);
            std::fs::create_dir_all(&node_dir)?;
            let conf = format!(
                "server_name: \"{name}\"\n{}cluster {{\n  name: \"aftercare\"\n  listen: \"127.0.0.1:{route}\"\n  routes: [{routes}]\n}}\n",
                config("127.0.0.1", port, monitor, &node_dir.join("jetstream"))
            );
            std::fs::write(node_dir.join("nats.conf"), conf)?;
            let mut node = Node {
                name,
                port,
                monitor,
                dir: node_dir,
                child: None,
            };
            node.spawn().await?;
            nodes.push(node);
        }
        let me = Self {
            nodes,
            _dir: dir,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(2))
                .build()?,
        };
        for i in 0..NODES {
            me.wait_healthy(i, Duration::from_secs(60)).await?;
        }
        Ok(me)
    }

    /// The client URL of node `i` (a client learns the others from the server and
    /// reconnects to them when its node goes down).
    pub fn url(&self, i: usize) -> String {
        format!("nats://127.0.0.1:{}", self.nodes[i % NODES].port)
    }

    /// The client URLs of all three nodes.
    pub fn urls(&self) -> Vec<String> {
        (0..NODES).map(|i| self.url(i)).collect()
    }

    /// The monitoring URL of node `i` (`/varz`, `/jsz`, `/healthz`).
    pub fn monitor_url(&self, i: usize) -> String {
        format!("http://127.0.0.1:{}", self.nodes[i % NODES].monitor)
    }

    /// The store directory of node `i`, kept across [`NatsCluster::stop_node`] and
    /// [`NatsCluster::start_node`].
    pub fn store_dir(&self, i: usize) -> PathBuf {
        self.nodes[i % NODES].dir.join("jetstream")
    }

    /// The server log of node `i`.
    pub fn log(&self, i: usize) -> PathBuf {
        self.nodes[i % NODES].dir.join("nats.log")
    }

    /// Whether node `i` is running.
    pub fn is_running(&self, i: usize) -> bool {
        self.nodes[i % NODES].child.is_some()
    }

    /// Index of the node named `name` (`n0`, `n1`, `n2`).
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.name == name)
    }

    /// The index of the node that leads `stream`'s replica group, asked of a running node
    /// through the JetStream API (`stream info`, its cluster leader).
    pub async fn stream_leader(&self, stream: &str) -> anyhow::Result<usize> {
        let running = (0..NODES)
            .find(|&i| self.is_running(i))
            .context("no node is running")?;
        let client = async_nats::connect(self.url(running)).await?;
        let js = async_nats::jetstream::new(client);
        let mut s = js.get_stream(stream).await?;
        let info = s.info().await?;
        let leader = info
            .cluster
            .as_ref()
            .and_then(|c| c.leader.clone())
            .with_context(|| format!("stream {stream} has no leader"))?;
        self.index_of(&leader)
            .with_context(|| format!("unknown leader {leader}"))
    }

    /// Stops node `i` as an orchestrator does when it gives up waiting: SIGTERM, then
    /// SIGKILL after `grace` if it is still running. Its store stays for a restart.
    pub async fn stop_node(&mut self, i: usize, grace: Duration) -> anyhow::Result<()> {
        let node = &mut self.nodes[i % NODES];
        let mut child = node.child.take().context("the node is not running")?;
        if let Some(pid) = child.id() {
            std::process::Command::new("kill")
                .arg("-TERM")
                .arg(pid.to_string())
                .status()?;
        }
        if tokio::time::timeout(grace, child.wait()).await.is_err() {
            child.kill().await?;
        }
        Ok(())
    }

    /// Starts node `i` again on its ports and kept store, and waits until it is healthy
    /// (caught up with the meta group).
    pub async fn start_node(&mut self, i: usize, timeout: Duration) -> anyhow::Result<()> {
        let node = &mut self.nodes[i % NODES];
        anyhow::ensure!(node.child.is_none(), "node {} is running", node.name);
        node.spawn().await?;
        self.wait_healthy(i, timeout).await
    }

    /// Waits until node `i`'s `/healthz` answers 200.
    pub async fn wait_healthy(&self, i: usize, timeout: Duration) -> anyhow::Result<()> {
        let node = &self.nodes[i % NODES];
        let log = node.dir.join("nats.log");
        crate::wait_until(timeout, "the nats node to be healthy", || {
            node.healthy(&self.http)
        })
        .await
        .map_err(|e| anyhow::anyhow!("{e}; log:\n{}", tail(&log)))
    }
}

fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}
