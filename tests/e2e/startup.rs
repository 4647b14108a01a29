//! Starting and stopping: `aftercare up` with the README walk-through, durable NATS
//! settings, and a clear error when NATS is unreachable.
use std::time::Duration;

use aftercare_testkit::{
    NatsServer, aftercare_binary, use_project_tools, wait_until, workspace_root,
};

use crate::helpers::ROLES;

async fn varz_sync_always(monitor_url: &str) -> bool {
    let v: serde_json::Value = reqwest::get(format!("{monitor_url}/varz"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["jetstream"]["config"]["sync_always"] == true
}

#[tokio::test]
async fn every_nats_server_the_test_kit_starts_fsyncs_before_acknowledging() {
    let nats = NatsServer::start().await.unwrap();
    assert!(varz_sync_always(&nats.monitor_url()).await);
}

#[tokio::test]
async fn the_readme_walkthrough_works_against_aftercare_up() {
    use_project_tools();
    let dir = tempfile::tempdir().unwrap();
    let port = aftercare_platform::nats_server::free_port().unwrap();
    let log = std::fs::File::create(dir.path().join("up.log")).unwrap();
    let out_log = std::fs::File::create(dir.path().join("up.out")).unwrap();
    let mut up = tokio::process::Command::new(aftercare_binary())
        .arg("up")
        .current_dir(dir.path())
        .env("AFTERCARE_GATEWAY_ADDR", format!("127.0.0.1:{port}"))
        .env_remove("NATS_URL")
        .env_remove("OTEL_EXPORTER_OTLP_ENDPOINT")
        .env_remove("AFTERCARE_ADMIN_PASSWORD")
        .stdout(out_log)
        .stderr(log)
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    wait_until(
        Duration::from_secs(60),
        "aftercare up to be ready",
        || async {
            matches!(reqwest::get(format!("{base}/readyz")).await, Ok(r) if r.status().is_success())
        },
    )
    .await
    .unwrap_or_else(|e| {
        panic!(
            "{e}\n{}",
            std::fs::read_to_string(dir.path().join("up.log")).unwrap_or_default()
        )
    });

    // The nats-server `up` started fsyncs every write.
    let conf = std::fs::read_to_string(dir.path().join("data/nats/nats.conf")).unwrap();
    assert!(conf.contains("sync_interval: always"));
    let monitor = conf
        .lines()
        .find_map(|l| l.strip_prefix("http: "))
        .unwrap()
        .trim_matches('"')
        .to_owned();
    assert!(varz_sync_always(&format!("http://{monitor}")).await);

    // The first start created the administrator and printed its one-time password on
    // the terminal (stderr), not in the log records.
    let printed = std::fs::read_to_string(dir.path().join("up.log")).unwrap();
    let password = printed
        .split("one-time password ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no one-time password in {printed}"))
        .to_owned();
    let out = tokio::process::Command::new(workspace_root().join("deploy/walkthrough.sh"))
        .arg(&base)
        .env("AFTERCARE_ADMIN_PASSWORD", &password)
        .output()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "walkthrough failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("receipt R2026-000001") && text.contains("walkthrough: done"),
        "{text}"
    );

    // SIGTERM: everything stops cleanly, nats-server included.
    std::process::Command::new("kill")
        .arg("-TERM")
        .arg(up.id().unwrap().to_string())
        .status()
        .unwrap();
    let status = tokio::time::timeout(Duration::from_secs(30), up.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        tokio::net::TcpStream::connect(monitor).await.is_err(),
        "nats-server stopped with aftercare"
    );
}

#[tokio::test]
async fn an_unreachable_nats_is_a_clear_error_at_start() {
    let port = aftercare_platform::nats_server::free_port().unwrap();
    let out = tokio::process::Command::new(aftercare_binary())
        .args(["run", "intake"])
        .env("NATS_URL", format!("nats://127.0.0.1:{port}"))
        .env("AFTERCARE_HEALTH_ADDR", "127.0.0.1:0")
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("cannot reach NATS at nats://127.0.0.1:{port}")),
        "{err}"
    );
}

#[tokio::test]
async fn a_bad_setting_is_named_and_refused() {
    let out = tokio::process::Command::new(aftercare_binary())
        .args(["run", "intake"])
        .env("AFTERCARE_MAX_DELIVER", "lots")
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("max-deliver"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = tokio::process::Command::new(aftercare_binary())
        .args(["run", "warehouse"])
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());

    // The business calendar's settings are checked at start-up, each named.
    let nats = aftercare_testkit::NatsServer::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let holidays = dir.path().join("holidays.txt");
    std::fs::write(&holidays, "2026-10-01 off 国庆节\n2026-10-32 off bad\n").unwrap();
    for (name, value, expected) in [
        ("AFTERCARE_TIME_ZONE", "Mars/Base", "Mars/Base".to_owned()),
        ("AFTERCARE_WORKING_HOURS", "9-5", "\"9-5\"".to_owned()),
        (
            "AFTERCARE_HOLIDAYS_FILE",
            holidays.to_str().unwrap(),
            "line 2".to_owned(),
        ),
    ] {
        let out = tokio::process::Command::new(aftercare_binary())
            .args(["run", "intake"])
            .current_dir(dir.path())
            .env("NATS_URL", nats.url())
            .env("AFTERCARE_HEALTH_ADDR", "127.0.0.1:0")
            .env(
                "AFTERCARE_INTAKE_DATABASE_URL",
                format!("sqlite://{}/intake.db", dir.path().display()),
            )
            .env(name, value)
            .output()
            .await
            .unwrap();
        assert!(!out.status.success(), "{name}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains(&expected), "{name}: {text}");
    }
}

#[tokio::test]
async fn migrate_applies_every_role_schema_once() {
    // The roles with a database of their own: the gateway, the five services and the notifier.
    let databases: Vec<&str> = ROLES.iter().copied().chain(["notifier"]).collect();
    let dir = tempfile::tempdir().unwrap();
    for _ in 0..2 {
        let out = tokio::process::Command::new(aftercare_binary())
            .arg("migrate")
            .current_dir(dir.path())
            .output()
            .await
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            databases.len()
        );
    }
    sqlx::any::install_default_drivers();
    // SQLite runs the shared files of `migrations/` and those of `migrations/sqlite/`.
    let files = |dir: &str| {
        ["migrations", "migrations/sqlite"]
            .iter()
            .filter_map(|sub| std::fs::read_dir(workspace_root().join(dir).join(sub)).ok())
            .flatten()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".sql")
            })
            .count() as i64
    };
    for s in databases {
        let pool =
            sqlx::AnyPool::connect(&format!("sqlite://{}/data/{s}.db", dir.path().display()))
                .await
                .unwrap();
        let applied: i64 = sqlx::query_scalar("select count(*) from _sqlx_migrations")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(
            applied,
            files("shared/platform") + files(&format!("services/{s}")),
            "{s}: the platform's migrations and the role's"
        );
        let outbox: i64 = sqlx::query_scalar("select count(*) from outbox")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(outbox, 0);
        pool.close().await;
    }
}

#[tokio::test]
async fn plan_prints_checked_routes_and_refuses_a_malformed_file() {
    let data = workspace_root().join("shared/route-planner/tests/data/C101.txt");
    let out = tokio::process::Command::new(aftercare_binary())
        .args([
            "plan",
            "--time-limit",
            "5",
            "--max-iterations",
            "10",
            "--seed",
            "3",
            "--solomon",
        ])
        .arg(&data)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["feasible"], true);
    let routes = v["routes"].as_array().unwrap();
    assert_eq!(v["vehicles"].as_u64().unwrap() as usize, routes.len());
    let mut seen: Vec<u64> = routes
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(|c| c.as_u64().unwrap()))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        (1..=100).collect::<Vec<u64>>(),
        "every customer once, depot omitted"
    );
    assert!(
        v["distance"].as_f64().unwrap() >= 827.3 - 1e-9,
        "not below the proven optimum"
    );
    assert!(v["elapsed_ms"].is_u64());

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        std::fs::read_to_string(&data)
            .unwrap()
            .replace("   45         68         10", "   45         68         x"),
    )
    .unwrap();
    let out = tokio::process::Command::new(aftercare_binary())
        .args(["plan", "--solomon"])
        .arg(&bad)
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("line"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
