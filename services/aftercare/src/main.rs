//! `aftercare`: one binary for every role. `run <roles…>` runs some roles (one per
//! Kubernetes Deployment), `up` runs them all on one machine with embedded SQLite and a
//! local nats-server, `migrate` applies database migrations, `dead-letters` lists and
//! replays events consumers gave up on; with the `bench` feature, `bench` and `bench-search`
//! measure the flow and customer search.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "bench")]
mod bench_search;
mod cli;
mod plan;
mod roles;
mod settings;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("aftercare: cannot start the async runtime: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    match runtime.block_on(cli::execute(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("aftercare: {e:#}");
            std::process::ExitCode::from(1)
        }
    }
}
