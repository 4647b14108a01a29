//! The gateway's edge against an attacker: `HEAD` checked like `GET`, sign-in that
//! cannot exhaust memory, client addresses from trusted proxies only, lockout per
//! (login, client), the first administrator's one-time password, start-up refusals,
//! health endpoints off the public port, and live streams that end with access.
use std::time::Duration;

use aftercare_testkit::{AftercareProcess, aftercare_binary};
use futures::StreamExt;
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Api, Backend, System};

const PASSWORD: &str = "edge-password-2026";

async fn create_account(sys: &System, login: &str, role: &str) -> Value {
    let (s, v) = sys
        .api
        .post(
            "/accounts",
            &json!({"login": login, "display_name": login, "role": role, "password": PASSWORD}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    v
}

/// One sign-in attempt, as if forwarded for `client` (sent as `X-Forwarded-For`).
async fn sign_in(api: &Api, login: &str, password: &str, client: &str) -> reqwest::Response {
    api.http
        .post(format!("{}/auth/token", api.base))
        .header("x-forwarded-for", client)
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap()
}

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn head_needs_the_same_access_as_get() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway", "intake"], &[]).await;
    let head = |api: &Api, path: &str, token: Option<String>| {
        let mut r = api.http.head(format!("{}{path}", api.base));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        async move { r.send().await.unwrap() }
    };
    for path in ["/accounts", "/audit", "/tickets"] {
        let r = head(&sys.api, path, None).await;
        assert_eq!(r.status(), 401, "HEAD {path} without a token");
    }
    create_account(&sys, "head-agent", "agent").await;
    let agent = sys.api.signed_in_as("head-agent", PASSWORD);
    let r = head(&sys.api, "/accounts", Some(agent.token().await)).await;
    assert_eq!(
        r.status(),
        403,
        "an agent may not list accounts, not even by HEAD"
    );
    let r = head(&sys.api, "/tickets", Some(sys.api.token().await)).await;
    assert_eq!(r.status(), 200, "HEAD /tickets as the administrator");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_hundred_concurrent_bad_sign_ins_keep_memory_bounded_while_a_user_signs_in() {
    // Resident size the gateway stays under: inside the 256 MiB Kubernetes limit, with
    // the default hashing budget of 64 MiB (three argon2id hashes at once).
    const BOUND_MIB: u64 = 192;
    let sys = System::new(Backend::Sqlite).await;
    let p = sys
        .spawn(
            &["gateway"],
            &[("AFTERCARE_TRUSTED_PROXIES", "127.0.0.1/32")],
        )
        .await;
    let pid = p.pid().unwrap();
    create_account(&sys, "steady@example.com", "agent").await;
    let before = resident_kib(pid);

    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(before));
    let done = tokio_util::sync::CancellationToken::new();
    let watcher = {
        let (peak, done) = (peak.clone(), done.clone());
        tokio::spawn(async move {
            while !done.is_cancelled() {
                peak.fetch_max(resident_kib(pid), std::sync::atomic::Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
    };
    // Many clients (a botnet behind the ingress), unknown logins, long passwords.
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let attacks = (0..200u32).map(|n| {
        let http = http.clone();
        let url = format!("{}/auth/token", sys.api.base);
        async move {
            let r = http
                .post(url)
                .header("x-forwarded-for", format!("198.18.{}.{}", n / 250, n % 250 + 1))
                .json(&json!({"login": format!("nobody{n}@example.com"), "password": "x".repeat(200)}))
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            if status == 503 || status == 429 {
                assert!(r.headers().contains_key("retry-after"), "{status} without Retry-After");
                assert!(
                    r.headers()["content-type"]
                        .to_str()
                        .unwrap()
                        .starts_with("application/problem+json")
                );
            }
            status
        }
    });
    let valid_user = async {
        for _ in 0..120 {
            let r = sign_in(&sys.api, "steady@example.com", PASSWORD, "203.0.113.50").await;
            match r.status().as_u16() {
                200 => return true,
                429 | 503 => {
                    let wait: u64 = r.headers()["retry-after"]
                        .to_str()
                        .unwrap()
                        .parse()
                        .unwrap();
                    tokio::time::sleep(Duration::from_secs(wait.min(2))).await;
                }
                other => panic!("valid sign-in answered {other}"),
            }
        }
        false
    };
    let (statuses, signed_in) = tokio::join!(futures::future::join_all(attacks), valid_user);
    done.cancel();
    watcher.await.unwrap();
    for s in &statuses {
        assert!([401, 429, 503].contains(s), "a bad sign-in answered {s}");
    }
    assert!(signed_in, "the valid user signed in during the attack");
    let peak_mib = peak.load(std::sync::atomic::Ordering::SeqCst) / 1024;
    eprintln!(
        "gateway resident: {} MiB before, {peak_mib} MiB at peak; {} of 200 answered 401, {} 503",
        before / 1024,
        statuses.iter().filter(|s| **s == 401).count(),
        statuses.iter().filter(|s| **s == 503).count()
    );
    assert!(
        peak_mib < BOUND_MIB,
        "resident size reached {peak_mib} MiB (bound {BOUND_MIB} MiB)"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn over_long_logins_and_passwords_are_refused_before_hashing() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway"], &[]).await;
    for (login, password, field) in [
        ("a".repeat(255), "x".to_owned(), "login"),
        ("admin".to_owned(), "x".repeat(257), "password"),
    ] {
        let r = sign_in(&sys.api, &login, &password, "203.0.113.1").await;
        assert_eq!(r.status(), 422);
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["errors"][0]["field"], field, "{v}");
        assert_eq!(v["errors"][0]["code"], "too_long", "{v}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_trusted_proxy_names_the_client_for_lockout_and_the_anonymous_bucket() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys
        .spawn(
            &["gateway"],
            &[
                ("AFTERCARE_TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8"),
                ("AFTERCARE_RATE_LIMIT", "1"),
                ("AFTERCARE_RATE_BURST", "40"),
            ],
        )
        .await;
    create_account(&sys, "victim@example.com", "agent").await;
    // The attacker's wrong passwords lock only the attacker's own (login, client) pair...
    let attacker = "203.0.113.66";
    for _ in 0..5 {
        let r = sign_in(&sys.api, "victim@example.com", "wrong-password-1", attacker).await;
        assert_eq!(r.status(), 401);
    }
    let r = sign_in(&sys.api, "victim@example.com", PASSWORD, attacker).await;
    assert_eq!(r.status(), 429, "the attacker's client is locked");
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait >= 1);
    // ...while the victim, elsewhere behind the same ingress, still signs in.
    let r = sign_in(&sys.api, "victim@example.com", PASSWORD, "198.51.100.7").await;
    assert_eq!(
        r.status(),
        200,
        "the right password from another client works"
    );

    // The anonymous rate bucket is per forwarded client too (bodies that fail to parse:
    // only the bucket can answer 429).
    let anonymous = |client: &'static str| {
        sys.api
            .http
            .post(format!("{}/auth/token", sys.api.base))
            .header("x-forwarded-for", client)
            .json(&json!({}))
            .send()
    };
    let mut limited = false;
    for _ in 0..80 {
        if anonymous("192.0.2.10").await.unwrap().status() == 429 {
            limited = true;
            break;
        }
    }
    assert!(limited, "one anonymous client runs out of its bucket");
    let r = anonymous("192.0.2.11").await.unwrap();
    assert_eq!(
        r.status(),
        422,
        "another client behind the proxy has its own bucket"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_untrusted_peer_cannot_choose_its_address() {
    let sys = System::new(Backend::Sqlite).await;
    // No trusted proxies (the default): X-Forwarded-For from the TCP peer means nothing.
    let _p = sys.spawn(&["gateway"], &[]).await;
    create_account(&sys, "who@example.com", "agent").await;
    for n in 0..5 {
        let r = sign_in(
            &sys.api,
            "who@example.com",
            "wrong-password-1",
            &format!("203.0.113.{n}"),
        )
        .await;
        assert_eq!(r.status(), 401);
    }
    let r = sign_in(&sys.api, "who@example.com", PASSWORD, "198.51.100.99").await;
    assert_eq!(
        r.status(),
        429,
        "a made-up X-Forwarded-For does not escape the lock of the real peer"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_administrator_comes_from_configuration_and_must_change_a_generated_password() {
    let sys = System::new(Backend::Sqlite).await;
    let mut env: Vec<(String, String)> = sys
        .env()
        .into_iter()
        .filter(|(k, _)| k != "AFTERCARE_ADMIN_PASSWORD")
        .collect();
    env.push(("AFTERCARE_ADMIN_LOGIN".into(), "Chief@Example.com".into()));
    let p = AftercareProcess::run(&["gateway"], &env, &sys.log_dir())
        .await
        .unwrap();
    let log = p.log_text();
    let line = log
        .lines()
        .find(|l| l.contains("one-time password"))
        .unwrap_or_else(|| panic!("no one-time password in {log}"));
    assert!(
        line.starts_with("aftercare: created the administrator account \"chief@example.com\""),
        "printed directly, not as a log record: {line}"
    );
    let password = line
        .split("one-time password ")
        .nth(1)
        .unwrap()
        .trim()
        .to_owned();
    assert_eq!(
        log.matches(&password).count(),
        1,
        "the password is printed once"
    );

    let r = sign_in(&sys.api, "admin", &password, "127.0.0.1").await;
    assert_eq!(r.status(), 401, "there is no predictable `admin` account");
    let chief = sys.api.signed_in_as("chief@example.com", &password);
    let (s, v) = chief.get("/accounts").await;
    assert_eq!(s, 403, "{v}");
    assert_eq!(v["code"], "password_change_required", "{v}");
    assert!(
        v["detail"].as_str().unwrap().contains("/me/password"),
        "{v}"
    );
    let (s, v) = chief.get("/me").await;
    assert_eq!(s, 403, "{v}");
    let (s, v) = chief
        .post(
            "/me/password",
            &json!({"current_password": password, "new_password": "chief-chose-this-2026"}),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let changed = sys.api.with_token(v["access_token"].as_str().unwrap());
    let (s, v) = changed.get("/accounts").await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wildcard_cors_origin_is_a_clear_start_up_error() {
    let sys = System::new(Backend::Sqlite).await;
    let mut cmd = tokio::process::Command::new(aftercare_binary());
    cmd.args(["run", "gateway"])
        .env("AFTERCARE_HEALTH_ADDR", "127.0.0.1:0")
        .env("AFTERCARE_CORS_ORIGINS", "*");
    for (k, v) in sys.env() {
        cmd.env(k, v);
    }
    let out = tokio::time::timeout(Duration::from_secs(60), cmd.output())
        .await
        .unwrap()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("AFTERCARE_CORS_ORIGINS") && err.contains("wildcard"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_and_readiness_are_served_on_the_health_port_only() {
    let sys = System::new(Backend::Sqlite).await;
    let p = sys.spawn(&["gateway"], &[]).await;
    let public = format!("http://127.0.0.1:{}", sys.gateway_port);
    for path in ["/metrics", "/readyz", "/healthz"] {
        let health = reqwest::get(format!("{}{path}", p.health_url))
            .await
            .unwrap();
        assert_eq!(health.status(), 200, "{path} on the health port");
        let health_type = health.headers()["content-type"].clone();
        let health_body = health.text().await.unwrap();
        // The public port answers something else (not found, or the web console's page).
        let r = reqwest::get(format!("{public}{path}")).await.unwrap();
        let public_type = r.headers().get("content-type").cloned();
        let body = r.text().await.unwrap();
        assert!(
            public_type.as_ref() != Some(&health_type) && body != health_body,
            "{path} is served on the public API port: {body}"
        );
        assert!(
            !body.contains("# TYPE") && body.trim() != "ok",
            "{path}: {body}"
        );
    }
}

type Sse = std::pin::Pin<Box<dyn futures::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>;

async fn open_stream(api: &Api) -> Sse {
    let r = api
        .request(Method::GET, "/stream")
        .await
        .timeout(Duration::from_secs(300))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    Box::pin(r.bytes_stream())
}

/// Reads the stream to its end and returns its text; panics if it is still open after
/// `limit`.
async fn read_to_end(mut s: Sse, limit: Duration, what: &str) -> String {
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, s.next()).await {
            Ok(Some(Ok(chunk))) => text.push_str(&String::from_utf8_lossy(&chunk)),
            Ok(Some(Err(_)) | None) => return text,
            Err(_) => panic!("the stream was still open {limit:?} after {what}: {text}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn live_streams_end_at_sign_out_and_when_the_account_is_disabled() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway"], &[]).await;
    create_account(&sys, "leaving@example.com", "dispatcher").await;
    let disabled = create_account(&sys, "disabled@example.com", "dispatcher").await;
    let leaving = sys.api.signed_in_as("leaving@example.com", PASSWORD);
    let doomed = sys.api.signed_in_as("disabled@example.com", PASSWORD);
    let s1 = open_stream(&leaving).await;
    let s2 = open_stream(&doomed).await;

    let (s, v) = leaving.post("/auth/logout", &json!({})).await;
    assert_eq!(s, 204, "{v}");
    let text = read_to_end(s1, Duration::from_secs(20), "sign-out").await;
    assert!(text.contains("event: ended"), "{text}");

    let r = sys
        .api
        .request(
            Method::POST,
            &format!("/accounts/{}/disable", disabled["id"].as_str().unwrap()),
        )
        .await
        .header("if-match", format!("\"{}\"", disabled["version"]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let text = read_to_end(s2, Duration::from_secs(20), "disabling").await;
    assert!(text.contains("event: ended"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_live_stream_ends_when_its_token_expires() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys
        .spawn(&["gateway"], &[("AFTERCARE_ACCESS_TOKEN_TTL_SECS", "30")])
        .await;
    create_account(&sys, "expiring@example.com", "dispatcher").await;
    let api = sys.api.signed_in_as("expiring@example.com", PASSWORD);
    let s = open_stream(&api).await;
    let text = read_to_end(s, Duration::from_secs(90), "the token's 30 s lifetime").await;
    assert!(text.contains("event: ended"), "{text}");
}
