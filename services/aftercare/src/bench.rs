//! `aftercare bench` (filled in below).
use clap::Args;

/// Benchmark options.
#[derive(Debug, Args)]
pub(crate) struct BenchArgs {
    /// Gateway base URL.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    gateway: String,
}

pub(crate) async fn run(_args: BenchArgs) -> anyhow::Result<()> {
    anyhow::bail!("bench: not built yet")
}
