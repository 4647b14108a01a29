//! The command line: the commands the binary offers and what each runs; their settings
//! are in [`crate::settings`].
use std::path::PathBuf;

use aftercare_platform::Bus;
use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::roles;
use crate::settings::{Common, Databases, NatsAuth, Role};

/// Aftercare after-sales service platform.
#[derive(Debug, Parser)]
#[command(name = "aftercare", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Runs the given roles in this process.
    Run {
        /// Roles to run: gateway, intake, dispatch, inventory, billing, survey.
        #[arg(required = true, value_enum)]
        roles: Vec<Role>,
        #[command(flatten)]
        common: Common,
    },
    /// Runs every role on this machine: SQLite under the data directory and, unless
    /// NATS_URL is set, a local nats-server.
    Up {
        /// Directory for databases and the NATS store.
        #[arg(long, env = "AFTERCARE_DATA_DIR", default_value = "./data")]
        data_dir: PathBuf,
        #[command(flatten)]
        common: Common,
    },
    /// Applies database migrations of the given roles (all roles when none given).
    Migrate {
        /// Roles whose databases to migrate.
        #[arg(value_enum)]
        roles: Vec<Role>,
        #[command(flatten)]
        databases: Databases,
    },
    /// Lists or replays dead letters.
    DeadLetters {
        #[command(subcommand)]
        action: DeadLetterAction,
        /// NATS server URL.
        #[arg(
            long,
            env = "NATS_URL",
            default_value = "nats://127.0.0.1:4222",
            global = true
        )]
        nats_url: String,
        #[command(flatten)]
        nats_auth: NatsAuth,
    },
    /// Prints the nats-server `authorization` block: one user per role with the subject
    /// permissions the subject catalogue implies.
    NatsConfig,
    /// Prints the OpenAPI document the gateway serves at `/api/v1/openapi.json`; the web
    /// console's typed API client is generated from it without a running server.
    Openapi,
    /// Plans vehicle routes for a Solomon VRPTW file or a dispatch day in JSON and prints
    /// them as JSON.
    Plan(crate::plan::PlanArgs),
    /// Measures the flow against a running system, and the floors beneath it.
    #[cfg(feature = "bench")]
    Bench(crate::bench::BenchArgs),
    /// Measures customer search on a large synthetic customer base.
    #[cfg(feature = "bench")]
    #[command(subcommand)]
    BenchSearch(crate::bench_search::SearchBench),
}

#[derive(Debug, Subcommand)]
enum DeadLetterAction {
    /// Prints dead letters as JSON lines.
    List {
        /// At most this many.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Publishes a dead letter again on its original subject and removes it.
    Replay {
        /// Sequence number shown by `list`.
        seq: u64,
    },
}

pub(crate) async fn execute(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Run { roles, common } => roles::run(dedup(roles), common, None).await,
        Command::Up { data_dir, common } => roles::up(data_dir, common).await,
        Command::Migrate { roles, databases } => {
            let roles = if roles.is_empty() {
                Role::ALL.to_vec()
            } else {
                dedup(roles)
            };
            roles::migrate(&roles, &databases).await
        }
        Command::NatsConfig => {
            print!(
                "{}",
                aftercare_contracts::permissions::render_authorization()
            );
            Ok(())
        }
        Command::Openapi => {
            let doc = aftercare_gateway::openapi_document();
            println!(
                "{}",
                serde_json::to_string_pretty(&doc).context("rendering the OpenAPI document")?
            );
            Ok(())
        }
        Command::DeadLetters {
            action,
            nats_url,
            nats_auth,
        } => {
            let bus = Bus::connect_tls(
                &nats_url,
                "aftercare-dead-letters",
                nats_auth.credentials(),
                &nats_auth.tls(),
            )
            .await?;
            match action {
                DeadLetterAction::List { limit } => {
                    for d in aftercare_platform::dead_letter::list(&bus, limit).await? {
                        println!("{}", serde_json::to_string(&d)?);
                    }
                }
                DeadLetterAction::Replay { seq } => {
                    let subject = aftercare_platform::dead_letter::replay(&bus, seq)
                        .await
                        .with_context(|| format!("replaying dead letter {seq}"))?;
                    println!("replayed dead letter {seq} on {subject}");
                }
            }
            Ok(())
        }
        #[cfg(feature = "bench")]
        Command::Bench(args) => crate::bench::run(args).await,
        #[cfg(feature = "bench")]
        Command::BenchSearch(cmd) => crate::bench_search::run(cmd).await,
        Command::Plan(args) => crate::plan::run(args),
    }
}

fn dedup(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}
