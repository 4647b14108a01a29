//! An S3-compatible server on loopback: moto's server (`moto_server`, the PyPI package
//! `moto[server]` installed into `.tools/` by `deploy/install-tools.sh --test`), started on
//! a free port with one bucket made, killed on drop. It speaks the S3 REST API over plain
//! HTTP with path-style addressing and accepts any credentials, so the gateway's
//! `object_store` S3 client talks to it exactly as to a real store.
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context;

/// The access key id the server is given (moto accepts any).
pub const S3_ACCESS_KEY_ID: &str = "aftercare-test";
/// The secret access key the server is given (moto accepts any).
pub const S3_SECRET_ACCESS_KEY: &str = "aftercare-test-secret";

/// A running S3-compatible server with one bucket.
pub struct S3Server {
    child: tokio::process::Child,
    endpoint: String,
    bucket: String,
    _log: tempfile::NamedTempFile,
}

fn moto_server() -> anyhow::Result<PathBuf> {
    let root = crate::workspace_root();
    [
        root.join(".tools/bin/moto_server"),
        root.join(".tools/venv/bin/moto_server"),
    ]
    .into_iter()
    .find(|p| p.exists())
    .context("moto_server is not installed: run deploy/install-tools.sh --test")
}

impl S3Server {
    /// Starts the server on a free loopback port and makes `bucket`.
    pub async fn start(bucket: &str) -> anyhow::Result<Self> {
        let bin = moto_server()?;
        let port = aftercare_platform::nats_server::free_port()?;
        let log = tempfile::Builder::new()
            .prefix("aftercare-s3")
            .suffix(".log")
            .tempfile()?;
        let child = tokio::process::Command::new(&bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log.reopen()?)
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        let me = Self {
            child,
            endpoint: format!("http://127.0.0.1:{port}"),
            bucket: bucket.to_owned(),
            _log: log,
        };
        let client = reqwest::Client::new();
        let up = crate::wait_until(Duration::from_secs(30), "the S3 server to answer", || {
            let (client, url) = (client.clone(), me.endpoint.clone());
            async move { client.get(&url).send().await.is_ok() }
        })
        .await;
        if let Err(e) = up {
            let log = std::fs::read_to_string(me._log.path()).unwrap_or_default();
            anyhow::bail!("{e}; its log:\n{log}");
        }
        let r = client
            .put(format!("{}/{bucket}", me.endpoint))
            .send()
            .await
            .context("making the bucket")?;
        anyhow::ensure!(
            r.status().is_success(),
            "making bucket {bucket}: {}",
            r.status()
        );
        Ok(me)
    }

    /// The server's URL (`http://127.0.0.1:<port>`).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// `s3://<bucket>/<prefix>`, as `AFTERCARE_ATTACHMENTS_URL` takes it.
    pub fn url(&self, prefix: &str) -> String {
        format!("s3://{}/{}", self.bucket, prefix.trim_matches('/'))
    }

    /// The standard `AWS_*` variables an S3 client (`object_store`'s
    /// `AmazonS3Builder::from_env`) needs for this server: endpoint, plain HTTP allowed,
    /// path-style addressing, a region and the credentials.
    pub fn env(&self) -> Vec<(String, String)> {
        [
            ("AWS_ENDPOINT", self.endpoint.as_str()),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_VIRTUAL_HOSTED_STYLE_REQUEST", "false"),
            ("AWS_REGION", "us-east-1"),
            ("AWS_ACCESS_KEY_ID", S3_ACCESS_KEY_ID),
            ("AWS_SECRET_ACCESS_KEY", S3_SECRET_ACCESS_KEY),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    /// The keys of the objects in the bucket under `prefix`, sorted (one ListObjectsV2
    /// page: up to 1,000).
    pub async fn keys(&self, prefix: &str) -> anyhow::Result<Vec<String>> {
        let r = reqwest::Client::new()
            .get(format!("{}/{}", self.endpoint, self.bucket))
            .query(&[("list-type", "2"), ("prefix", prefix)])
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "listing: {}", r.status());
        let xml = r.text().await?;
        let re = regex::Regex::new(r"<Key>([^<]*)</Key>")?;
        let mut keys: Vec<String> = re.captures_iter(&xml).map(|c| c[1].to_owned()).collect();
        keys.sort();
        Ok(keys)
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}
