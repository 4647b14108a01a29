//! Starting, supervising and stopping roles. The binary and the tests call the same
//! library functions: each service's `build`, then `run_until_stopped`.
use std::path::{Path, PathBuf};
use std::time::Duration;

use aftercare_gateway::{Gateway, GatewayConfig};
use aftercare_platform::health::{self, Health};
use aftercare_platform::nats_server::LocalNats;
use aftercare_platform::{Bus, Db, ServiceHost, telemetry};
use anyhow::Context;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing::{error, info, warn};

use crate::settings::{Common, Databases, Role};

/// Every role has a database: the services their domain, the gateway identity.
fn migrations(role: Role) -> aftercare_platform::db::Migrations {
    match role {
        Role::Gateway => aftercare_gateway::MIGRATIONS,
        Role::Intake => aftercare_intake::MIGRATIONS,
        Role::Dispatch => aftercare_dispatch::MIGRATIONS,
        Role::Inventory => aftercare_inventory::MIGRATIONS,
        Role::Billing => aftercare_billing::MIGRATIONS,
        Role::Survey => aftercare_survey::MIGRATIONS,
        Role::Notifier => aftercare_notifier::MIGRATIONS,
    }
}

/// `aftercare migrate`.
pub(crate) async fn migrate(roles: &[Role], databases: &Databases) -> anyhow::Result<()> {
    for role in roles {
        let migrations = migrations(*role);
        let url = databases.url(*role, Path::new("./data"));
        let db = Db::connect(&url, role.name()).await?;
        db.migrate(&migrations)
            .await
            .with_context(|| format!("migrating {}", role.name()))?;
        db.close().await;
        println!(
            "{}: migrations applied ({})",
            role.name(),
            aftercare_platform::db::redact(&url)
        );
    }
    Ok(())
}

/// `aftercare up`: every role, SQLite under `data_dir`, a local nats-server unless
/// `NATS_URL` is given.
pub(crate) async fn up(data_dir: PathBuf, mut common: Common) -> anyhow::Result<()> {
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let mut local = None;
    if common.nats_url.is_none() {
        let nats = LocalNats::start(&data_dir.join("nats"))
            .await
            .context("starting nats-server")?;
        eprintln!(
            "aftercare: started nats-server at {} (store {})",
            nats.url,
            data_dir.join("nats").display()
        );
        common.nats_url = Some(nats.url.clone());
        local = Some(nats);
    }
    if common.gateway_addr.is_none() {
        common.gateway_addr = Some(([127, 0, 0, 1], 8080).into());
    }
    let result = run(Role::ALL.to_vec(), common, Some(data_dir)).await;
    if let Some(mut nats) = local {
        nats.stop().await;
    }
    result
}

enum Running {
    Gateway(Gateway),
    Service(Role, Box<ServiceHost>),
    Notifier(Box<aftercare_notifier::Notifier>),
}

/// `aftercare run`: builds every role, serves health, runs until a signal or until a
/// role fails, then stops them all in order.
pub(crate) async fn run(
    roles: Vec<Role>,
    common: Common,
    data_dir: Option<PathBuf>,
) -> anyhow::Result<()> {
    let names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    let process_name = format!(
        "aftercare-{}",
        if roles.len() == Role::ALL.len() {
            "all".to_owned()
        } else {
            names.join("-")
        }
    );
    let guard = telemetry::init(&process_name, common.log_format())?;
    let outcome = run_traced(&roles, &common, data_dir, &process_name).await;
    if let Err(e) = &outcome {
        error!(error = %format!("{e:#}"), "aftercare stopped with an error");
    }
    let flushing = tokio::task::spawn_blocking(move || guard.shutdown());
    let _ = tokio::time::timeout(Duration::from_secs(10), flushing).await;
    outcome
}

async fn run_traced(
    roles: &[Role],
    common: &Common,
    data_dir: Option<PathBuf>,
    process_name: &str,
) -> anyhow::Result<()> {
    let nats_url = common
        .nats_url
        .clone()
        .unwrap_or_else(|| "nats://127.0.0.1:4222".to_owned());
    let bus = Bus::connect_tls(
        &nats_url,
        process_name,
        common.nats_credentials(),
        &common.nats_auth.tls(),
    )
    .await?;
    let mut streams: Vec<String> = roles
        .iter()
        .flat_map(|r| aftercare_contracts::permissions::streams_for(r.name()))
        .collect();
    streams.sort();
    streams.dedup();
    bus.ensure_streams(common.streams()?, &streams).await?;
    let settings = common.messaging()?;
    if roles.iter().any(|r| *r != Role::Gateway) {
        warn_about_incomplete_holidays(chrono::Utc::now());
    }
    let dir = data_dir.clone().unwrap_or_else(|| PathBuf::from("./data"));
    let health = Health::default();

    let mut built = Vec::new();
    for role in roles {
        let url = common.databases.url(*role, &dir);
        let r = match role {
            Role::Gateway => {
                let g = &common.gateway;
                anyhow::ensure!(
                    g.access_token_ttl_secs >= 30,
                    "AFTERCARE_ACCESS_TOKEN_TTL_SECS must be at least 30"
                );
                anyhow::ensure!(
                    g.refresh_token_ttl_days >= 1,
                    "AFTERCARE_REFRESH_TOKEN_TTL_DAYS must be at least 1"
                );
                let config = GatewayConfig {
                    listen: common.gateway_addr.unwrap_or(([0, 0, 0, 0], 8080).into()),
                    database_url: url.clone(),
                    request_timeout: Duration::from_millis(common.request_timeout_ms.max(1)),
                    max_body_bytes: common.max_body_bytes.max(1024),
                    access_token_ttl: Duration::from_secs(g.access_token_ttl_secs),
                    refresh_token_ttl: Duration::from_secs(g.refresh_token_ttl_days * 86_400),
                    admin_login: g.admin_login.clone(),
                    admin_password: g.admin_password.clone(),
                    cors_origins: g.cors_origins.clone(),
                    rate_limit_per_sec: g.rate_limit,
                    rate_limit_burst: g.rate_burst,
                    oidc: g.oidc()?,
                    signing_keys: g.signing_keys(&url, &dir),
                    trusted_proxies: aftercare_gateway::Cidr::parse_list(&g.trusted_proxies)
                        .map_err(|e| anyhow::anyhow!("AFTERCARE_TRUSTED_PROXIES: {e}"))?,
                    hash_memory_mib: g.hash_memory_mib,
                    // `up` serves health on the gateway port; `run` only on its own address.
                    serve_health: data_dir.is_some(),
                    map_tile_url: Some(g.map_tile_url.trim())
                        .filter(|u| !u.is_empty())
                        .map(str::to_owned),
                    attachments_url: Some(g.attachments_url.trim())
                        .filter(|u| !u.is_empty())
                        .map(str::to_owned)
                        .unwrap_or_else(|| dir.join("attachments").display().to_string()),
                    job_interval: settings.job_interval,
                };
                let g = Gateway::build(bus.clone(), config, &health)
                    .await
                    .context("starting the gateway")?;
                let addr = g.local_addr()?;
                println!("aftercare: gateway listening on http://{addr}/api/v1");
                if aftercare_gateway::console_built() {
                    println!("aftercare: console on http://{addr}/");
                } else {
                    println!(
                        "aftercare: console on http://{addr}/ is not built into this binary; \
                         ./deploy/up.sh builds it (services/console: npm ci && npm run build)"
                    );
                }
                Running::Gateway(g)
            }
            Role::Intake => Running::Service(
                *role,
                Box::new(
                    aftercare_intake::build(
                        bus.clone(),
                        &url,
                        settings,
                        service_config(*role, aftercare_intake::Config::from_settings)?,
                    )
                    .await
                    .context("starting intake")?,
                ),
            ),
            Role::Dispatch => Running::Service(
                *role,
                Box::new(
                    aftercare_dispatch::build(
                        bus.clone(),
                        &url,
                        settings,
                        service_config(*role, aftercare_dispatch::Config::from_settings)?,
                    )
                    .await
                    .context("starting dispatch")?,
                ),
            ),
            Role::Inventory => Running::Service(
                *role,
                Box::new(
                    aftercare_inventory::build(
                        bus.clone(),
                        &url,
                        settings,
                        service_config(*role, aftercare_inventory::Config::from_settings)?,
                    )
                    .await
                    .context("starting inventory")?,
                ),
            ),
            Role::Billing => Running::Service(
                *role,
                Box::new(
                    aftercare_billing::build(
                        bus.clone(),
                        &url,
                        settings,
                        service_config(*role, aftercare_billing::Config::from_settings)?,
                    )
                    .await
                    .context("starting billing")?,
                ),
            ),
            Role::Survey => Running::Service(
                *role,
                Box::new(
                    aftercare_survey::build(
                        bus.clone(),
                        &url,
                        settings,
                        service_config(*role, aftercare_survey::Config::from_settings)?,
                    )
                    .await
                    .context("starting survey")?,
                ),
            ),
            Role::Notifier => Running::Notifier(Box::new(
                aftercare_notifier::build(
                    bus.clone(),
                    &url,
                    settings,
                    service_config(*role, aftercare_notifier::Config::from_settings)?,
                )
                .await
                .context("starting the notifier")?,
            )),
        };
        match &r {
            Running::Service(_, host) => host.register_health(&health),
            Running::Notifier(n) => n.register_health(&health),
            Running::Gateway(_) => {}
        }
        built.push(r);
    }

    let token = CancellationToken::new();
    // `up` serves health on the gateway port; `run` on its own address.
    let health_server = if data_dir.is_none() {
        let (addr, handle) = health::serve(common.health_addr, health.router(), token.clone())
            .await
            .context("binding the health address")?;
        println!("aftercare: health on http://{addr}/readyz");
        Some(handle)
    } else {
        None
    };

    let mut tasks = JoinSet::new();
    for r in built {
        let t = token.clone();
        match r {
            Running::Gateway(g) => {
                tasks.spawn(async move { ("gateway", g.run_until_stopped(t).await) })
            }
            Running::Service(role, host) => {
                tasks.spawn(async move { (role.name(), host.run_until_stopped(t).await) })
            }
            Running::Notifier(n) => {
                tasks.spawn(async move { ("notifier", n.run_until_stopped(t).await) })
            }
        };
    }
    info!(roles = ?roles.iter().map(|r| r.name()).collect::<Vec<_>>(), "aftercare running");

    let mut failure: Option<anyhow::Error> = None;
    tokio::select! {
        _ = shutdown_signal() => info!("shutdown requested"),
        Some(joined) = tasks.join_next() => {
            let (name, res) = joined.unwrap_or(("unknown", Err(aftercare_platform::Error::Config("role task panicked".into()))));
            let e = match res { Ok(()) => anyhow::anyhow!("role {name} stopped unexpectedly"), Err(e) => anyhow::anyhow!("role {name} failed: {e}") };
            error!(error = %e, "a role stopped; shutting the others down");
            failure = Some(e);
        }
    }
    health.set_draining();
    token.cancel();
    let grace = Duration::from_secs(common.shutdown_grace_secs);
    let drained = tokio::time::timeout(grace, async {
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((name, Err(e))) => warn!(role = name, error = %e, "role stopped with an error"),
                Ok((name, Ok(()))) => info!(role = name, "role stopped"),
                Err(e) => warn!(error = %e, "role task failed"),
            }
        }
    })
    .await;
    if drained.is_err() {
        warn!("roles still busy after {grace:?}; exiting");
    }
    if let Some(h) = health_server {
        let _ = h.await;
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Warns when the holiday schedule the services count working days on lacks the company's
/// current or coming year's swapped working days (调休): the State Council's notice for that
/// year is not loaded yet. A calendar setting that does not load is left to the service's
/// own configuration error.
fn warn_about_incomplete_holidays(now: chrono::DateTime<chrono::Utc>) {
    let Ok(calendar) = aftercare_calendar::BusinessCalendar::from_settings(
        &aftercare_platform::settings::from_environment,
    ) else {
        return;
    };
    let file = aftercare_platform::settings::from_environment("AFTERCARE_HOLIDAYS_FILE")
        .unwrap_or_else(|| "the shipped schedule".to_owned());
    for (year, gap) in calendar.incomplete_years(now) {
        let lacks = match gap {
            aftercare_calendar::ScheduleGap::NoDays => "has no holidays at all",
            aftercare_calendar::ScheduleGap::NoSwappedWorkingDays => {
                "has no swapped working days (调休, 补班), only the statutory holidays"
            }
        };
        warn!(
            year,
            holidays_file = %file,
            "the holiday schedule for {year} {lacks}: SLA deadlines and working days in {year} \
             will be counted wrongly. Add the days of 国务院办公厅关于{year}年部分节假日安排的通知 \
             as `YYYY-MM-DD off|work name` lines to the file AFTERCARE_HOLIDAYS_FILE names and \
             restart (docs/OPERATIONS.md, \"Holiday schedule\")"
        );
    }
}

/// A service's settings, read once from the process environment when its role starts; a
/// bad value stops the start with an error naming the variable.
fn service_config<T>(
    role: Role,
    from_settings: fn(aftercare_platform::settings::Lookup<'_>) -> Result<T, String>,
) -> anyhow::Result<T> {
    from_settings(&aftercare_platform::settings::from_environment)
        .map_err(|e| anyhow::anyhow!("starting {}: configuration: {e}", role.name()))
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_platform::db::{Backend, MigrationSql};

    #[test]
    fn every_role_runs_its_released_migrations_with_backend_files_only_where_the_sql_differs() {
        for role in Role::ALL {
            let m = migrations(role);
            assert_eq!(m.problems(), Vec::<String>::new(), "{}", role.name());
            let differ: Vec<i64> = m
                .files
                .iter()
                .filter(|f| {
                    f.sql.for_backend(Backend::Sqlite) != f.sql.for_backend(Backend::Postgres)
                })
                .map(|f| f.version)
                .collect();
            let declared: Vec<i64> = m
                .files
                .iter()
                .filter(|f| matches!(f.sql, MigrationSql::PerBackend { .. }))
                .map(|f| f.version)
                .collect();
            assert_eq!(differ, declared, "{}", role.name());
            assert!(
                m.files.iter().all(|f| f.version >= 100),
                "{}: versions below 100 are the platform's",
                role.name()
            );
            assert!(
                !m.files.is_empty(),
                "{} has its own migrations",
                role.name()
            );
        }
    }

    #[test]
    fn every_catalogued_service_is_a_role() {
        for s in aftercare_contracts::Service::ALL {
            assert!(
                Role::SERVICES.iter().any(|r| r.name() == s.name()),
                "{}",
                s.name()
            );
        }
    }
}
