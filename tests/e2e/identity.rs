//! Identity hardening seen from outside: refresh-token reuse under concurrency on
//! PostgreSQL, signing keys from a Secret with rotation, tokens that must be refused
//! before any handler runs (S2), and idempotency records that keep no credential.
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{ADMIN_PASSWORD, Backend, System};

const KEY: &str = "test-signing-secret-of-at-least-32-bytes!";

/// Signs in as `login` and returns the token pair.
async fn sign_in(sys: &System, login: &str, password: &str) -> Value {
    let r = reqwest::Client::new()
        .post(format!("{}/auth/token", sys.api.base))
        .json(&json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "sign in as {login}");
    r.json().await.unwrap()
}

async fn status_of_me(sys: &System, token: &str) -> u16 {
    reqwest::Client::new()
        .get(format!("{}/me", sys.api.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

fn kid_of(token: &str) -> String {
    jsonwebtoken::decode_header(token).unwrap().kid.unwrap()
}

/// The claims of a token this gateway signed, read without checking (the test's own).
fn claims_of(token: &str) -> Value {
    let body = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(body).unwrap()).unwrap()
}

fn sign(kid: &str, secret: &str, claims: &Value) -> String {
    let mut h = Header::new(Algorithm::HS256);
    h.kid = Some(kid.into());
    jsonwebtoken::encode(&h, claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
}

fn now() -> i64 {
    jsonwebtoken::get_current_timestamp() as i64
}

async fn refresh(sys: &System, token: &Value) -> (u16, Value) {
    let r = reqwest::Client::new()
        .post(format!("{}/auth/refresh", sys.api.base))
        .json(&json!({"refresh_token": token}))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread")]
async fn concurrent_refreshes_on_postgres_let_exactly_one_through_and_revoke_the_family() {
    let sys = System::new(Backend::Postgres).await;
    let _g = sys.spawn(&["gateway"], &[]).await;
    for round in 0..3 {
        let pair = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
        let rt = pair["refresh_token"].clone();
        let tries = (0..12).map(|_| refresh(&sys, &rt));
        let outcomes = futures::future::join_all(tries).await;
        let winners: Vec<&Value> = outcomes
            .iter()
            .filter(|(s, _)| *s == 200)
            .map(|(_, v)| v)
            .collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: {:?}",
            outcomes.iter().map(|o| o.0).collect::<Vec<_>>()
        );
        assert!(
            outcomes.iter().all(|(s, _)| *s == 200 || *s == 401),
            "round {round}: every other refresh is refused as reuse: {:?}",
            outcomes
                .iter()
                .filter(|(s, _)| *s != 200 && *s != 401)
                .collect::<Vec<_>>()
        );
        // Reuse was detected, so the winner's new refresh token died with its family.
        assert_eq!(
            refresh(&sys, &winners[0]["refresh_token"]).await.0,
            401,
            "round {round}: family revoked"
        );
    }
    let live = sys
        .count(
            "gateway",
            "select count(*) from refresh_token where revoked_at is null",
        )
        .await;
    assert_eq!(live, 0, "every family that saw a reuse is revoked");
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_keys_come_from_a_secret_and_rotate_without_signing_anyone_out() {
    let sys = System::new(Backend::Sqlite).await;
    // Nothing configured: a key file beside the gateway's database, owner-only.
    let mut g = sys.spawn(&["gateway"], &[]).await;
    let generated = sys.dir.path().join("gateway-signing.key");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&generated).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", generated.display());
    }
    let first = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
    let generated_kid = kid_of(first["access_token"].as_str().unwrap());
    assert!(
        std::fs::read_to_string(&generated)
            .unwrap()
            .contains(&format!("{generated_kid}=")),
        "tokens name the generated key"
    );
    assert_eq!(
        sys.count(
            "gateway",
            "select count(*) from sqlite_master where name = 'signing_key'"
        )
        .await,
        0,
        "no signing secret in the database"
    );
    g.stop().await.unwrap();

    // A mounted Secret with one key.
    let file = sys.dir.path().join("secret-keys");
    let old_secret = "old-secret-old-secret-old-secret-0001";
    let new_secret = "new-secret-new-secret-new-secret-0002";
    std::fs::write(&file, format!("old={old_secret}\n")).unwrap();
    let path = file.to_str().unwrap().to_owned();
    let env = [("AFTERCARE_JWT_SIGNING_KEY_FILE", path.as_str())];
    let mut g = sys.spawn(&["gateway"], &env).await;
    assert_eq!(
        status_of_me(&sys, first["access_token"].as_str().unwrap()).await,
        401,
        "the generated key is no longer listed"
    );
    let before = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
    let before_token = before["access_token"].as_str().unwrap().to_owned();
    assert_eq!(kid_of(&before_token), "old");
    g.stop().await.unwrap();

    // Rotation: the new key signs, the old one stays listed and still verifies.
    std::fs::write(&file, format!("new={new_secret}\nold={old_secret}\n")).unwrap();
    let mut g = sys.spawn(&["gateway"], &env).await;
    assert_eq!(status_of_me(&sys, &before_token).await, 200, "retired key");
    let after = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
    assert_eq!(kid_of(after["access_token"].as_str().unwrap()), "new");
    let claims = claims_of(&before_token);
    assert_eq!(
        status_of_me(&sys, &sign("ghost", old_secret, &claims)).await,
        401,
        "unknown kid"
    );
    g.stop().await.unwrap();

    // The old key dropped: its tokens are refused.
    std::fs::write(&file, format!("new={new_secret}\n")).unwrap();
    let _g = sys.spawn(&["gateway"], &env).await;
    assert_eq!(status_of_me(&sys, &before_token).await, 401);
    assert_eq!(
        status_of_me(&sys, after["access_token"].as_str().unwrap()).await,
        200
    );

    // A configured Secret that is missing stops the start with a clear error.
    let missing = sys.dir.path().join("not-mounted");
    let out = tokio::process::Command::new(aftercare_testkit::aftercare_binary())
        .args(["run", "gateway"])
        .envs(sys.env())
        .env("AFTERCARE_GATEWAY_ADDR", "127.0.0.1:0")
        .env("AFTERCARE_HEALTH_ADDR", "127.0.0.1:0")
        .env("AFTERCARE_JWT_SIGNING_KEY_FILE", &missing)
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("AFTERCARE_JWT_SIGNING_KEY_FILE"), "{text}");
    assert!(!missing.exists(), "a configured key is never generated");
}

/// S2: every defect of a token is 401 and the handler never runs: no account is made and
/// no audit entry written.
#[tokio::test(flavor = "multi_thread")]
async fn bad_tokens_are_refused_before_any_handler_runs() {
    let sys = System::new(Backend::Sqlite).await;
    let key = format!("test={KEY}");
    let _g = sys
        .spawn(&["gateway"], &[("AFTERCARE_JWT_SIGNING_KEY", key.as_str())])
        .await;
    let admin = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
    let good = claims_of(admin["access_token"].as_str().unwrap());
    let at = |f: &dyn Fn(&mut Value)| {
        let mut c = good.clone();
        f(&mut c);
        c
    };
    let valid = sign("test", KEY, &good);
    let mut tampered = valid.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let alg_none = {
        let h = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT","kid":"test"}"#);
        let b = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&good).unwrap());
        format!("{h}.{b}.")
    };
    let hs512 = {
        let mut h = Header::new(Algorithm::HS512);
        h.kid = Some("test".into());
        jsonwebtoken::encode(&h, &good, &EncodingKey::from_secret(KEY.as_bytes())).unwrap()
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "expired",
            sign("test", KEY, &at(&|c| c["exp"] = json!(now() - 600))),
        ),
        (
            "not-yet-valid",
            sign("test", KEY, &at(&|c| c["nbf"] = json!(now() + 600))),
        ),
        (
            "wrong-audience",
            sign("test", KEY, &at(&|c| c["aud"] = json!("another-api"))),
        ),
        (
            "wrong-issuer",
            sign("test", KEY, &at(&|c| c["iss"] = json!("someone-else"))),
        ),
        ("alg-none", alg_none),
        ("alg-hs512", hs512),
        (
            "wrong-key",
            sign("test", "a-different-secret-of-at-least-32-bytes", &good),
        ),
        ("unknown-kid", sign("elsewhere", KEY, &good)),
        ("bad-signature", tampered),
    ];
    let http = reqwest::Client::new();
    for (case, token) in &cases {
        let login = format!("s2-{case}@example.com");
        let r = http
            .post(format!("{}/accounts", sys.api.base))
            .bearer_auth(token)
            .json(&json!({"login": login, "display_name": case, "role": "agent", "password": "s2-password-2026"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401, "{case}");
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["code"], "unauthenticated", "{case}: {body}");
    }
    // The control: the same request with a correctly signed token does run.
    let r = http
        .post(format!("{}/accounts", sys.api.base))
        .bearer_auth(&valid)
        .json(&json!({"login": "s2-control@example.com", "display_name": "control", "role": "agent", "password": "s2-password-2026"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    assert_eq!(
        sys.count(
            "gateway",
            "select count(*) from account where login like 's2-%'"
        )
        .await,
        1,
        "only the control made an account"
    );
    let audited = sys
        .strings(
            "gateway",
            "select detail from audit_log where action = 'account.create'",
        )
        .await;
    assert_eq!(audited.len(), 1, "{audited:?}");
    assert!(audited[0].starts_with("s2-control@example.com"));
}

#[tokio::test(flavor = "multi_thread")]
async fn idempotency_records_keep_no_api_token() {
    let sys = System::new(Backend::Sqlite).await;
    let _g = sys.spawn(&["gateway"], &[]).await;
    let (s, acct) = sys
        .api
        .post(
            "/accounts",
            &json!({"login": "planner@example.com", "display_name": "planner", "role": "dispatcher"}),
        )
        .await;
    assert_eq!(s, 201, "{acct}");
    let id = acct["id"].as_str().unwrap();
    let create = || async {
        let r = sys
            .api
            .request(Method::POST, &format!("/accounts/{id}/api-tokens"))
            .await
            .header("idempotency-key", "token-once")
            .json(&json!({"name": "route planner"}))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json::<Value>().await.unwrap())
    };
    let (s, created) = create().await;
    assert_eq!(s, 201, "{created}");
    let token = created["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("act_"));

    let stored = sys
        .strings(
            "gateway",
            "select principal || ' ' || idem_key || ' ' || fingerprint || ' ' || coalesce(body, '') \
             || ' ' || coalesce(location, '') || ' ' || coalesce(secret_digest, '') from idempotency_record",
        )
        .await;
    assert_eq!(stored.len(), 1);
    assert!(
        !stored[0].contains(&token),
        "plain token stored: {stored:?}"
    );
    assert!(!stored[0].contains("act_"), "{stored:?}");
    let digest = sys
        .strings("gateway", "select secret_digest from idempotency_record")
        .await;
    let hash = sys
        .strings("gateway", "select token_hash from api_token")
        .await;
    assert_eq!(digest, hash, "only the token's hash is kept");

    // A retry creates nothing and cannot get the secret back.
    let (s, again) = create().await;
    assert_eq!(s, 409, "{again}");
    assert_eq!(again["code"], "secret_shown_once");
    assert!(!again.to_string().contains(&token));
    assert!(
        again["detail"]
            .as_str()
            .unwrap()
            .contains(created["id"].as_str().unwrap())
    );
    assert_eq!(
        sys.count("gateway", "select count(*) from api_token").await,
        1
    );
}

/// A test-only P-256 key the fake identity provider signs with, and its public half.
const IDP_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg9qNDa2zpoHI55kXK
njDCh5Nh6xCiypItNK+CrlvboHuhRANCAAQbFYVg6GIYnefeobE4l/MdG6mbFtOn
Uxu/NkqXAnZu5N6Kw2xxYbgla0neDHEBETstHhpQrNgPAHGIXB1ruD7c
-----END PRIVATE KEY-----
";
const IDP_JWKS: &str = r#"{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","use":"sig","alg":"ES256","x":"GxWFYOhiGJ3n3qGxOJfzHRupmxbTp1MbvzZKlwJ2buQ","y":"3orDbHFhuCVrSd4McQEROy0eGlCs2A8AcYhcHWu4Ptw"}]}"#;
/// Another P-256 key the provider does not publish.
const OTHER_KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgVGW+g+anzKCGs5JM
tbtO++OsuSuelikeua4BnE6eQcehRANCAAR4JtxjYZD91uCZxNSBdbQrmXFzTSw2
ESOujWYMysk2lDucDeIrY7qs7cgQYUBgQfSCi0OhJlKPZZoFcwDjJrAx
-----END PRIVATE KEY-----
";
const IDP: &str = "https://sso.example.com";

/// Serves `body` as the provider's JWKS on loopback; returns its URL.
async fn jwks_endpoint(body: &'static str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = sock.read(&mut buf).await;
                let reply = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(reply.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}/keys")
}

fn idp_token(key: &str, kid: &str, claims: &Value) -> String {
    let mut h = Header::new(Algorithm::ES256);
    h.kid = Some(kid.into());
    jsonwebtoken::encode(
        &h,
        claims,
        &EncodingKey::from_ec_pem(key.as_bytes()).unwrap(),
    )
    .unwrap()
}

/// S2 for the identity provider's tokens: each defect is 401 (an unmapped role 403) and the
/// handler never runs.
#[tokio::test(flavor = "multi_thread")]
async fn bad_identity_provider_tokens_are_refused_before_any_handler_runs() {
    let sys = System::new(Backend::Sqlite).await;
    let jwks = jwks_endpoint(IDP_JWKS).await;
    let _g = sys
        .spawn(
            &["gateway"],
            &[
                ("AFTERCARE_OIDC_ISSUER", IDP),
                ("AFTERCARE_OIDC_JWKS_URL", jwks.as_str()),
                ("AFTERCARE_OIDC_AUDIENCE", "aftercare"),
                ("AFTERCARE_OIDC_ROLE_MAP", "it-admins=admin"),
            ],
        )
        .await;
    let good = json!({"sub": "it-1", "iss": IDP, "aud": "aftercare", "exp": now() + 300,
        "roles": ["it-admins"]});
    let at = |f: &dyn Fn(&mut Value)| {
        let mut c = good.clone();
        f(&mut c);
        c
    };
    let valid = idp_token(IDP_KEY, "k1", &good);
    let mut tampered = valid.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let cases: Vec<(&str, String, u16)> = vec![
        (
            "expired",
            idp_token(IDP_KEY, "k1", &at(&|c| c["exp"] = json!(now() - 600))),
            401,
        ),
        (
            "not-yet-valid",
            idp_token(IDP_KEY, "k1", &at(&|c| c["nbf"] = json!(now() + 600))),
            401,
        ),
        (
            "wrong-audience",
            idp_token(IDP_KEY, "k1", &at(&|c| c["aud"] = json!("another-api"))),
            401,
        ),
        (
            "wrong-issuer",
            idp_token(
                IDP_KEY,
                "k1",
                &at(&|c| c["iss"] = json!("https://evil.example.com")),
            ),
            401,
        ),
        ("unknown-key", idp_token(IDP_KEY, "k9", &good), 401),
        ("wrong-key", idp_token(OTHER_KEY, "k1", &good), 401),
        ("bad-signature", tampered, 401),
        (
            "role-named-admin",
            idp_token(IDP_KEY, "k1", &at(&|c| c["roles"] = json!(["admin"]))),
            403,
        ),
    ];
    let http = reqwest::Client::new();
    let create = |token: String, login: String| {
        let http = http.clone();
        let base = sys.api.base.clone();
        async move {
            http.post(format!("{base}/accounts"))
                .bearer_auth(token)
                .json(&json!({"login": login, "display_name": "x", "role": "agent", "password": "oidc-password-2026"}))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    for (case, token, want) in cases {
        let status = create(token, format!("oidc-{case}@example.com")).await;
        assert_eq!(status, want, "{case}");
    }
    assert_eq!(
        create(valid, "oidc-control@example.com".into()).await,
        201,
        "the mapped role with a good token runs"
    );
    assert_eq!(
        sys.count(
            "gateway",
            "select count(*) from account where login like 'oidc-%'"
        )
        .await,
        1
    );
    let audited = sys
        .strings(
            "gateway",
            "select account_id || ' ' || detail from audit_log where action = 'account.create'",
        )
        .await;
    assert_eq!(audited, ["oidc:it-1 oidc-control@example.com as agent"]);
}

async fn sign_out(sys: &System, access: &str) {
    let r = reqwest::Client::new()
        .post(format!("{}/auth/logout", sys.api.base))
        .bearer_auth(access)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204, "sign out");
}

#[tokio::test(flavor = "multi_thread")]
async fn signing_out_everywhere_ends_the_other_sessions_refresh_tokens_too() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let sys = System::new(backend).await;
        let _g = sys.spawn(&["gateway"], &[]).await;
        // Two browsers of the same account; the second one is used and refreshed once.
        let here = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
        let there = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
        let (s, rotated) = refresh(&sys, &there["refresh_token"]).await;
        assert_eq!(s, 200, "{rotated}");

        sign_out(&sys, here["access_token"].as_str().unwrap()).await;

        let other_access = rotated["access_token"].as_str().unwrap();
        assert_eq!(
            status_of_me(&sys, other_access).await,
            401,
            "other access token"
        );
        let (s, v) = refresh(&sys, &rotated["refresh_token"]).await;
        assert_eq!(
            s, 401,
            "the other browser's refresh token must be revoked: {v}"
        );
        let (s, v) = refresh(&sys, &here["refresh_token"]).await;
        assert_eq!(s, 401, "the signing-out browser's refresh token too: {v}");
        // Signing in again works.
        let fresh = sign_in(&sys, "admin", ADMIN_PASSWORD).await;
        assert_eq!(
            status_of_me(&sys, fresh["access_token"].as_str().unwrap()).await,
            200
        );
    }
}

/// POSTs `body` to `path` at `version` (If-Match); the status and the answer.
async fn post_at(sys: &System, path: &str, version: i64, body: &Value) -> (u16, Value) {
    let r = sys
        .api
        .request(Method::POST, path)
        .await
        .header("if-match", format!("\"{version}\""))
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread")]
async fn administrators_search_accounts_change_a_role_and_search_the_audit_log() {
    let sys = System::new(Backend::Sqlite).await;
    let _g = sys.spawn(&["gateway"], &[]).await;
    let mut ids = Vec::new();
    for (login, name, role) in [
        ("li.na@example.com", "李娜", "agent"),
        ("zhao_lei@example.com", "赵磊", "dispatcher"),
        ("wang.fang@example.com", "王芳", "agent"),
    ] {
        let (s, a) = sys
            .api
            .post(
                "/accounts",
                &json!({"login": login, "display_name": name, "role": role, "password": "Account-Search-2026!"}),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        ids.push((
            a["id"].as_str().unwrap().to_owned(),
            a["version"].as_i64().unwrap(),
        ));
    }
    // By part of the login or display name, case-insensitively, and by role.
    let logins = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["login"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        logins(&sys.api.get("/accounts?q=LI.NA").await.1),
        ["li.na@example.com"]
    );
    assert_eq!(
        logins(&sys.api.get("/accounts?q=%E7%8E%8B").await.1),
        ["wang.fang@example.com"]
    );
    // `_` is a letter here, not a wildcard.
    assert_eq!(
        logins(&sys.api.get("/accounts?q=o_l").await.1),
        ["zhao_lei@example.com"]
    );
    assert_eq!(
        logins(&sys.api.get("/accounts?role=agent").await.1),
        ["li.na@example.com", "wang.fang@example.com"]
    );
    let (s, e) = sys.api.get("/accounts?role=boss").await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "role", "{e}");

    // The agent signs in, is made a manager: the old session ends, the new role applies.
    let before = sign_in(&sys, "li.na@example.com", "Account-Search-2026!").await;
    let old = before["access_token"].as_str().unwrap();
    let (id, _) = ids[0].clone();
    // An API token given for the old role ends with it.
    let (s, tok) = sys
        .api
        .post(
            &format!("/accounts/{id}/api-tokens"),
            &json!({"name": "wallboard"}),
        )
        .await;
    assert_eq!(s, 201, "{tok}");
    let api_token = tok["token"].as_str().unwrap().to_owned();
    assert_eq!(status_of_me(&sys, &api_token).await, 200);
    let version = sys.api.get(&format!("/accounts/{id}")).await.1["version"]
        .as_i64()
        .unwrap();
    let path = format!("/accounts/{id}/role");
    let (s, a) = post_at(&sys, &path, version, &json!({"role": "manager"})).await;
    assert_eq!(s, 200, "{a}");
    assert_eq!(a["role"], "manager");
    assert_eq!(status_of_me(&sys, old).await, 401);
    assert_eq!(status_of_me(&sys, &api_token).await, 401);
    let after = sign_in(&sys, "li.na@example.com", "Account-Search-2026!").await;
    let me: Value = reqwest::Client::new()
        .get(format!("{}/me", sys.api.base))
        .bearer_auth(after["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "manager", "{me}");
    // A stale version, a linked role and the administrator's own role are refused.
    let (s, _) = post_at(&sys, &path, version, &json!({"role": "finance"})).await;
    assert_eq!(s, 412);
    let (s, e) = post_at(
        &sys,
        &path,
        a["version"].as_i64().unwrap(),
        &json!({"role": "technician"}),
    )
    .await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "role", "{e}");
    let admin_id = sys.api.get("/me").await.1["account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, admin) = sys.api.get(&format!("/accounts/{admin_id}")).await;
    let (s, e) = post_at(
        &sys,
        &format!("/accounts/{admin_id}/role"),
        admin["version"].as_i64().unwrap(),
        &json!({"role": "agent"}),
    )
    .await;
    assert_eq!(s, 422, "{e}");

    // The audit log by who, what (an action or its kind), which object and when.
    let actions = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["action"].as_str().unwrap().to_owned())
            .collect()
    };
    let (s, v) = sys.api.get(&format!("/audit?object={id}")).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        actions(&v),
        ["account.role", "api_token.create", "account.create"]
    );
    assert_eq!(v["items"][0]["detail"], "agent to manager");
    assert_eq!(
        actions(&sys.api.get("/audit?action=account.role").await.1),
        ["account.role"]
    );
    assert_eq!(
        actions(&sys.api.get("/audit?action=account").await.1).len(),
        4
    );
    assert_eq!(
        actions(
            &sys.api
                .get(&format!(
                    "/audit?account_id={admin_id}&action=account.create"
                ))
                .await
                .1
        )
        .len(),
        3
    );
    assert_eq!(
        actions(&sys.api.get(&format!("/audit?account_id={id}")).await.1).len(),
        0
    );
    let future = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let past = (chrono::Utc::now() - chrono::Duration::hours(1)).to_rfc3339();
    let enc = |t: &str| t.replace('+', "%2B");
    assert_eq!(
        actions(
            &sys.api
                .get(&format!("/audit?from={}", enc(&future)))
                .await
                .1
        )
        .len(),
        0
    );
    assert_eq!(
        actions(
            &sys.api
                .get(&format!(
                    "/audit?from={}&to={}&action=account",
                    enc(&past),
                    enc(&future)
                ))
                .await
                .1
        )
        .len(),
        4
    );
    let (s, e) = sys
        .api
        .get(&format!("/audit?from={}&to={}", enc(&future), enc(&past)))
        .await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "to", "{e}");
    let (s, e) = sys.api.get("/audit?from=yesterday").await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "from", "{e}");

    // The business calendar, for the manager li.na has become, not for an agent.
    let manager = sys
        .api
        .signed_in_as("li.na@example.com", "Account-Search-2026!");
    let (s, y) = manager.get("/business-calendar?year=2026").await;
    assert_eq!(s, 200, "{y}");
    assert_eq!(y["time_zone"], "Asia/Shanghai");
    assert!(
        y["days"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["date"] == "2026-01-04"
                && d["kind"] == "working_day"
                && d["name"] == "元旦调休"),
        "{y}"
    );
    let (_, far) = manager.get("/business-calendar?year=2090").await;
    assert_eq!(far["gap"], "no_days", "{far}");
    let (s, e) = manager.get("/business-calendar?year=soon").await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "year", "{e}");
    let agent = sys
        .api
        .signed_in_as("wang.fang@example.com", "Account-Search-2026!");
    assert_eq!(agent.get("/business-calendar").await.0, 403);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_member_of_staff_reads_display_names_by_account_id_and_customers_do_not() {
    let sys = System::new(Backend::Sqlite).await;
    let _g = sys.spawn(&["gateway"], &[]).await;
    let password = "Display-Names-2026!";
    let mut staff = Vec::new();
    let mut customer_id = String::new();
    for (login, name, role) in [
        ("agent.li@example.com", "李娜", "agent"),
        ("dispatch.zhao@example.com", "赵磊", "dispatcher"),
        ("tech.sun@example.com", "孙师傅", "technician"),
        ("stores.qian@example.com", "钱仓", "warehouse"),
        ("cashier.wang@example.com", "王芳", "finance"),
        ("callback.zhou@example.com", "周回访", "callback_agent"),
        ("boss.wu@example.com", "吴经理", "manager"),
        ("customer.chen@example.com", "陈女士", "customer"),
    ] {
        let mut body =
            json!({"login": login, "display_name": name, "role": role, "password": password});
        match role {
            "technician" => body["technician_id"] = json!(uuid::Uuid::now_v7()),
            "customer" => body["customer_id"] = json!(uuid::Uuid::now_v7()),
            _ => {}
        }
        let (s, a) = sys.api.post("/accounts", &body).await;
        assert_eq!(s, 201, "{a}");
        let id = a["id"].as_str().unwrap().to_owned();
        if role == "customer" {
            customer_id = id;
        } else {
            staff.push((login, name, id));
        }
    }
    let admin_id = sys.api.get("/me").await.1["account_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, _, cashier) = staff[4].clone();
    let unknown = uuid::Uuid::now_v7().to_string();

    // In the order asked, each known account once; an unknown account, a job's name and a
    // blank id are simply absent. A customer's account is named too (who opened a ticket).
    let path = format!(
        "/accounts/names?ids={cashier},{unknown},reminder-job,{admin_id},{cashier},%20,{customer_id}"
    );
    let want = json!({"names": [
        {"id": cashier, "display_name": "王芳"},
        {"id": admin_id, "display_name": sys.api.get(&format!("/accounts/{admin_id}")).await.1["display_name"]},
        {"id": customer_id, "display_name": "陈女士"},
    ]});
    for (login, name, _) in &staff {
        let (s, v) = sys.api.signed_in_as(login, password).get(&path).await;
        assert_eq!((s, &v), (200, &want), "{login} ({name})");
    }
    let (s, v) = sys.api.get(&path).await;
    assert_eq!((s, &v), (200, &want), "admin");
    let (s, v) = sys.api.get(&format!("/accounts/names?ids={unknown}")).await;
    assert_eq!((s, v), (200, json!({"names": []})));
    // A hundred ids in one request.
    let hundred = std::iter::once(cashier.clone())
        .chain((1..100).map(|_| uuid::Uuid::now_v7().to_string()))
        .collect::<Vec<_>>()
        .join(",");
    let (s, v) = sys.api.get(&format!("/accounts/names?ids={hundred}")).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["names"].as_array().unwrap().len(), 1, "{v}");

    // A customer is refused, and so is a caller who has not signed in.
    let customer = sys.api.signed_in_as("customer.chen@example.com", password);
    assert_eq!(customer.get(&path).await.0, 403);
    let r = reqwest::Client::new()
        .get(format!("{}{path}", sys.api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 401);

    // No list, an empty list or id, an id too long or too many ids: 422 naming `ids`.
    let too_long = "x".repeat(65);
    for query in [
        String::new(),
        "?ids=".to_owned(),
        format!("?ids={cashier},,{admin_id}"),
        format!("?ids={cashier},"),
        format!("?ids={too_long}"),
        format!("?ids={hundred},{admin_id}"),
    ] {
        let (s, e) = sys.api.get(&format!("/accounts/names{query}")).await;
        assert_eq!(s, 422, "{query}: {e}");
        assert_eq!(e["errors"][0]["field"], "ids", "{query}: {e}");
    }
}
