//! The gateway: Aftercare's public HTTP API under `/api/v1`. It owns identity (accounts,
//! tokens, the audit log, idempotency records) and no domain data: every domain request
//! becomes a NATS request to the service that owns the object, in the same trace, with
//! the acting user in the headers. Every error is RFC 9457 problem+json, every response
//! carries the `traceparent` a user can quote to support, and the OpenAPI document is
//! generated from the same operation declarations that route and guard every request.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod access;
mod api;
mod attachments;
mod body;
mod client_addr;
mod console;
mod credentials;
mod csv;
mod error;
mod http;
mod idempotency;
mod identity;
mod limits;
mod live;
mod openapi;
mod privacy;
mod state;
mod trace;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use aftercare_platform::health::Health;
use aftercare_platform::{Bus, Db, Result, now_ms};
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio_util::sync::CancellationToken;

pub use client_addr::Cidr;
pub use error::ApiError;
pub use identity::keys::SigningKeySource;
pub use identity::oidc::OidcConfig;
pub use openapi::permission_matrix_markdown;

/// The OpenAPI document the gateway serves at `/api/v1/openapi.json`, for printing it
/// offline (`aftercare openapi`): the console's typed client is generated from it.
pub fn openapi_document() -> serde_json::Value {
    openapi::document()
}

/// Whether this binary carries the web console (built from `services/console` before the
/// binary); without it `/` explains how to build it.
pub fn console_built() -> bool {
    console::built()
}

aftercare_platform::service_migrations!();

/// Default memory budget for password hashing: three argon2id hashes at once, which
/// keeps the gateway well inside its 256 MiB Kubernetes limit.
pub const DEFAULT_HASH_MEMORY_MIB: usize = 64;

/// Gateway settings (documented in the configuration table).
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// Where to listen (`AFTERCARE_GATEWAY_ADDR`); port 0 picks a free one.
    pub listen: SocketAddr,
    /// The gateway's own database: accounts, tokens, audit log, idempotency records.
    pub database_url: String,
    /// How long to wait for a service's reply before answering 504.
    pub request_timeout: Duration,
    /// Largest accepted request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// Lifetime of access tokens.
    pub access_token_ttl: Duration,
    /// Lifetime of refresh tokens.
    pub refresh_token_ttl: Duration,
    /// Login of the administrator created on first start.
    pub admin_login: String,
    /// Its password; when unset a random one is printed once.
    pub admin_password: Option<String>,
    /// Origins allowed to call the API from a browser (CORS); empty: same origin only.
    pub cors_origins: Vec<String>,
    /// Requests per second per client (0: no limit).
    pub rate_limit_per_sec: u32,
    /// Burst above the rate a client may use.
    pub rate_limit_burst: u32,
    /// External OIDC issuer whose tokens are accepted, if any.
    pub oidc: Option<OidcConfig>,
    /// Where the access-token signing keys come from (`AFTERCARE_JWT_SIGNING_KEY`,
    /// `AFTERCARE_JWT_SIGNING_KEY_FILE`, or a key file generated under the data directory).
    pub signing_keys: SigningKeySource,
    /// Reverse proxies (`AFTERCARE_TRUSTED_PROXIES`) whose `X-Forwarded-For` /
    /// `Forwarded` say who the client is; empty: the TCP peer is the client.
    pub trusted_proxies: Vec<Cidr>,
    /// Memory, in MiB, password hashing may take at once (`AFTERCARE_HASH_MEMORY_MIB`);
    /// each argon2id hash takes 19 MiB, so this sets how many run concurrently.
    pub hash_memory_mib: usize,
    /// Whether the API listener also answers `/healthz`, `/readyz` and `/metrics`
    /// (`aftercare up`); `aftercare run` serves them only on the health address, so they
    /// are not reachable through the public Ingress.
    pub serve_health: bool,
    /// XYZ tile URL template of the board's map (`AFTERCARE_MAP_TILE_URL`); `None`: the
    /// board draws positions on a plain plane and images come from this origin only.
    pub map_tile_url: Option<String>,
    /// Where attachments (photos, signatures) are kept (`AFTERCARE_ATTACHMENTS_URL`): a
    /// directory or `file:///…`, `s3://bucket[/prefix]` (credentials and endpoint from the
    /// `AWS_*` variables) or `memory:` (tests).
    pub attachments_url: String,
    /// How often periodic jobs come due (`AFTERCARE_JOB_INTERVAL_SECS`): the removal of
    /// orphaned attachments runs once per due time across the gateway's replicas.
    pub job_interval: Duration,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: "sqlite://./data/gateway.db".into(),
            request_timeout: Duration::from_secs(5),
            max_body_bytes: 64 * 1024,
            access_token_ttl: Duration::from_secs(15 * 60),
            refresh_token_ttl: Duration::from_secs(30 * 24 * 3600),
            admin_login: "admin".into(),
            admin_password: None,
            cors_origins: vec![],
            rate_limit_per_sec: 50,
            rate_limit_burst: 200,
            oidc: None,
            signing_keys: SigningKeySource::Generated("./data/gateway-signing.key".into()),
            trusted_proxies: vec![],
            hash_memory_mib: DEFAULT_HASH_MEMORY_MIB,
            serve_health: true,
            map_tile_url: None,
            attachments_url: "./data/attachments".into(),
            job_interval: Duration::from_secs(30),
        }
    }
}

/// A bound gateway, ready to serve.
pub struct Gateway {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    db: Db,
    live_token: CancellationToken,
    /// The removal of orphaned attachments, run on the job schedule while serving.
    orphan_job: aftercare_platform::jobs::Job,
    job_interval: Duration,
}

impl Gateway {
    /// Opens and migrates the gateway's database, creates the first administrator when
    /// there is no account, binds the listener and builds the routes. With
    /// `serve_health`, `health` adds `/healthz`, `/readyz` and `/metrics` to the API port.
    pub async fn build(bus: Bus, config: GatewayConfig, health: &Health) -> Result<Self> {
        let cors = cors_layer(&config.cors_origins)?;
        let tile_origin = match config.map_tile_url.as_deref() {
            Some(t) => Some(api::map::tile_origin(t).map_err(|e| {
                aftercare_platform::Error::Config(format!("AFTERCARE_MAP_TILE_URL: {e}"))
            })?),
            None => None,
        };
        let console_csp =
            HeaderValue::from_str(&console::csp(tile_origin.as_deref())).map_err(|e| {
                aftercare_platform::Error::Config(format!("AFTERCARE_MAP_TILE_URL: {e}"))
            })?;
        let attachments = attachments::open(&config.attachments_url).map_err(|e| {
            aftercare_platform::Error::Config(format!("AFTERCARE_ATTACHMENTS_URL: {e}"))
        })?;
        tracing::info!(store = %attachments.describe, "attachment store");
        let db = Db::connect(&config.database_url, "gateway").await?;
        db.migrate(&MIGRATIONS).await?;
        let signer = identity::tokens::Signer::new(
            &config
                .signing_keys
                .load()
                .map_err(aftercare_platform::Error::Config)?,
        )
        .map_err(aftercare_platform::Error::Config)?;
        tracing::info!(kid = signer.kid(), "signing access tokens");
        let hashing = identity::password::Hashing::new(config.hash_memory_mib);
        bootstrap_admin(&db, &config, &hashing).await?;
        let must_change = identity::password_change::MustChange::load(&db).await?;
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        let health_bus = bus.clone();
        health.add(
            "gateway nats",
            Arc::new(move || {
                let ok = health_bus.connected();
                Box::pin(async move {
                    if ok {
                        Ok(())
                    } else {
                        Err("not connected".into())
                    }
                })
            }),
        );
        let health_db = db.clone();
        health.add(
            "gateway database",
            Arc::new(move || {
                let db = health_db.clone();
                Box::pin(async move { db.ping().await.map_err(|e| e.to_string()) })
            }),
        );
        let live_token = CancellationToken::new();
        let live = live::Live::start(&bus, live_token.clone()).await?;
        let orphan_job = {
            let (store, bus) = (attachments.clone(), bus.clone());
            aftercare_platform::jobs::Job {
                name: "attachment-orphans",
                run: Arc::new(move |db: Db| {
                    let (store, bus) = (store.clone(), bus.clone());
                    Box::pin(async move {
                        attachments::sweep(&db, &store, &bus, now_ms())
                            .await
                            .map(|_| ())
                            .map_err(aftercare_platform::Error::Config)
                    })
                }),
            }
        };
        let job_interval = config.job_interval;
        let state = state::AppState {
            attachments,
            bus,
            db: db.clone(),
            signer,
            limits: Arc::new(limits::Limits::new(
                config.rate_limit_per_sec,
                config.rate_limit_burst,
            )),
            live,
            oidc: config
                .oidc
                .clone()
                .map(|c| Arc::new(identity::oidc::Oidc::new(c))),
            hashing,
            must_change,
            config: Arc::new(config),
        };
        let serve_health = state.config.serve_health;
        let router = router(state, cors, console_csp);
        let router = if serve_health {
            router.merge(health.router())
        } else {
            router
        };
        Ok(Self {
            listener,
            router,
            db,
            live_token,
            orphan_job,
            job_interval,
        })
    }

    /// The bound address (useful with port 0).
    pub fn local_addr(&self) -> Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `token` is cancelled, then finishes in-flight requests (open event
    /// streams end).
    pub async fn run_until_stopped(self, token: CancellationToken) -> Result<()> {
        let live = self.live_token.clone();
        let stop = token.clone();
        let jobs = tokio::spawn(aftercare_platform::jobs::run_on_schedule(
            self.db.clone(),
            self.orphan_job.clone(),
            self.job_interval,
            token.clone(),
        ));
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async move {
            stop.cancelled().await;
            live.cancel();
        })
        .await;
        self.live_token.cancel();
        jobs.abort();
        let _ = jobs.await;
        self.db.close().await;
        served?;
        Ok(())
    }
}

/// Creates the first administrator when the database has no account.
async fn bootstrap_admin(
    db: &Db,
    config: &GatewayConfig,
    hashing: &identity::password::Hashing,
) -> Result<()> {
    if identity::store::any_account(db).await? {
        return Ok(());
    }
    let (password, generated) = match &config.admin_password {
        Some(p) => {
            if let Some(why) = identity::password::weakness(p) {
                return Err(aftercare_platform::Error::Config(format!(
                    "AFTERCARE_ADMIN_PASSWORD: {why}"
                )));
            }
            (p.clone(), false)
        }
        None => (
            identity::tokens::random_text(18).map_err(aftercare_platform::Error::Config)?,
            true,
        ),
    };
    let slot = hashing
        .slot()
        .await
        .map_err(|_| aftercare_platform::Error::Config("no hashing slot at start".into()))?;
    let hash = identity::password::hash(password.clone(), slot)
        .await
        .map_err(aftercare_platform::Error::Config)?;
    let login = config.admin_login.trim().to_lowercase();
    if login.is_empty() || login.chars().count() > 254 || login.chars().any(char::is_whitespace) {
        return Err(aftercare_platform::Error::Config(
            "AFTERCARE_ADMIN_LOGIN: a login has 1 to 254 characters and no spaces".into(),
        ));
    }
    let id = uuid::Uuid::now_v7();
    let created = identity::store::insert_account(
        db,
        &identity::store::NewAccount {
            id,
            login: &login,
            display_name: "Administrator",
            role: aftercare_contracts::Role::Admin,
            customer_id: None,
            technician_id: None,
            password_hash: Some(&hash),
            oidc_subject: None,
            now: now_ms(),
        },
    )
    .await?;
    if created && generated {
        // The password must be changed at first sign-in, and it goes to the terminal
        // (stderr) once, never through the log pipeline.
        identity::password_change::MustChange::require(db, &id.to_string(), now_ms()).await?;
        eprintln!(
            "aftercare: created the administrator account {login:?} with the one-time password {password}\n\
             aftercare: sign in and change it (POST /api/v1/me/password) before anything else; it is not shown again"
        );
    } else if created {
        println!("aftercare: created the administrator account {login:?}");
    }
    Ok(())
}

fn router(
    state: state::AppState,
    cors: Option<tower_http::cors::CorsLayer>,
    console_csp: HeaderValue,
) -> axum::Router {
    let guard_state = state.clone();
    let guarded = api::routes(move |handler| {
        handler.route_layer(axum::middleware::from_fn_with_state(
            guard_state.clone(),
            access::guard,
        ))
    })
    .method_not_allowed_fallback(|| async { ApiError::Route(StatusCode::METHOD_NOT_ALLOWED) });
    let timeout = state.config.request_timeout * 2 + Duration::from_secs(1);
    let router = axum::Router::new()
        .nest("/api/v1", guarded)
        .route(
            "/api/v1/openapi.json",
            get(|| async { axum::Json(openapi::document()) }),
        )
        .route("/api/docs", get(console::reference))
        .route(
            "/answer.html",
            get(|| async { axum::response::Html(ANSWER_PAGE) }),
        )
        .route(
            "/answer.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    ANSWER_SCRIPT,
                )
            }),
        )
        .fallback(console::serve)
        .layer(axum::middleware::from_fn(move |req, next| {
            time_limit(timeout, req, next)
        }))
        .layer(axum::middleware::from_fn(problems_only))
        .layer(axum::middleware::from_fn(move |req, next| {
            security_headers(console_csp.clone(), req, next)
        }))
        .layer(axum::middleware::from_fn(crate::trace::traced))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            ApiError::Service(aftercare_contracts::ServiceError::internal()).into_response()
        }))
        .with_state(state);
    match cors {
        Some(c) => router.layer(c),
        None => router,
    }
}

/// How long an upload may take altogether (its body may take
/// [`api::attachments::UPLOAD_READ_TIMEOUT`] to arrive from a phone on a weak signal).
const UPLOAD_TIME_LIMIT: Duration = Duration::from_secs(150);

/// Every route answers within `limit` or with a problem+json 503 (event streams count
/// only until their first byte; an upload of an attachment within
/// [`UPLOAD_TIME_LIMIT`]).
async fn time_limit(limit: Duration, req: Request, next: Next) -> Response {
    let upload = req.method() == Method::POST && req.uri().path().ends_with("/attachments");
    let limit = if upload { UPLOAD_TIME_LIMIT } else { limit };
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::RequestTimeout.into_response(),
    }
}

/// Re-shapes any error the framework answered in plain text (query strings that do not
/// parse, paths that are not UTF-8) as problem+json, so every error has one shape.
async fn problems_only(req: Request, next: Next) -> Response {
    let r = next.run(req).await;
    let status = r.status();
    let is_problem = r
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return r;
    }
    let text = match axum::body::to_bytes(r.into_body(), 16 * 1024).await {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(_) => String::new(),
    };
    let detail = if text.trim().is_empty() {
        status.canonical_reason().unwrap_or("error").to_owned()
    } else {
        text
    };
    ApiError::Plain(status, detail).into_response()
}

/// The customer's callback answer form (`/answer.html#<token>`), self-contained.
const ANSWER_PAGE: &str = include_str!("answer.html");
/// Its script.
const ANSWER_SCRIPT: &str = include_str!("answer.js");

/// Headers every response carries; the API reference, the answer form and the console
/// may run their own scripts, each under its own policy.
async fn security_headers(console_csp: HeaderValue, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let reference = path == "/api/docs";
    let answer = path.starts_with("/answer.");
    let docs = reference || answer;
    let app = console::owns(path);
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    let csp = if reference {
        HeaderValue::from_static(console::REFERENCE_CSP)
    } else if answer {
        HeaderValue::from_static(
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
        )
    } else if app {
        console_csp
    } else {
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'")
    };
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    if !docs && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

/// The CORS layer for the configured origins, `None` without any. A wildcard is refused
/// at start: the API takes bearer tokens that browsers keep per origin, and "any site
/// may call it" is never what an operator means; list the origins instead.
fn cors_layer(origins: &[String]) -> Result<Option<tower_http::cors::CorsLayer>> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    let mut allowed: Vec<HeaderValue> = Vec::new();
    for o in origins.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
        if o.contains('*') {
            return Err(aftercare_platform::Error::Config(format!(
                "AFTERCARE_CORS_ORIGINS: {o:?} is a wildcard; list each origin allowed to call \
                 the API, e.g. https://console.example.com"
            )));
        }
        let scheme_ok = o.starts_with("https://") || o.starts_with("http://");
        match HeaderValue::from_str(o) {
            Ok(v)
                if scheme_ok
                    && !o
                        .trim_start_matches("https://")
                        .trim_start_matches("http://")
                        .contains('/') =>
            {
                allowed.push(v)
            }
            _ => {
                return Err(aftercare_platform::Error::Config(format!(
                    "AFTERCARE_CORS_ORIGINS: {o:?} is not an origin (scheme://host[:port], no path)"
                )));
            }
        }
    }
    if allowed.is_empty() {
        return Ok(None);
    }
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(allowed))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::AUTHORIZATION,
                header::CONTENT_TYPE,
                header::IF_MATCH,
                HeaderName::from_static(idempotency::HEADER),
                HeaderName::from_static("traceparent"),
            ])
            .expose_headers([
                header::ETAG,
                header::LOCATION,
                header::RETRY_AFTER,
                HeaderName::from_static("traceparent"),
                HeaderName::from_static(idempotency::REPLAYED),
            ])
            .max_age(Duration::from_secs(600)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    /// The values of every `attr="…"` in `html`.
    fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let open = format!(" {attr}=\"");
        html.match_indices(&open)
            .filter_map(|(i, _)| {
                let rest = html.get(i + open.len()..)?;
                rest.split('"').next()
            })
            .collect()
    }

    async fn get(router: &axum::Router, path: &str) -> (StatusCode, header::HeaderMap, String) {
        let request = Request::builder()
            .uri(path)
            .body(Body::empty())
            .expect("request");
        let r = router.clone().oneshot(request).await.expect("answer");
        let status = r.status();
        let headers = r.headers().clone();
        let body = axum::body::to_bytes(r.into_body(), 16 << 20)
            .await
            .expect("body");
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    }

    /// `/api/docs` answers the reference page under its own policy (scripts, the document
    /// and try-it requests from and to this origin only), and the page and its script load
    /// nothing from another origin.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_api_reference_is_served_from_this_origin_only() {
        let nats = aftercare_testkit::NatsServer::start().await.expect("nats");
        let bus = Bus::connect(&nats.url(), "gateway-test")
            .await
            .expect("bus");
        let dir = tempfile::tempdir().expect("dir");
        let config = GatewayConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: format!("sqlite://{}/gateway.db", dir.path().display()),
            admin_password: Some("Correct-Horse-Battery-7".into()),
            signing_keys: SigningKeySource::Generated(dir.path().join("signing.key")),
            serve_health: false,
            ..GatewayConfig::default()
        };
        let health = Health::default();
        let gateway = Gateway::build(bus, config, &health).await.expect("gateway");
        let router = gateway.router.clone();

        let (status, h, html) = get(&router, "/api/docs").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            h[header::CONTENT_TYPE]
                .to_str()
                .expect("ascii")
                .starts_with("text/html")
        );
        assert_eq!(h[header::CACHE_CONTROL], "no-cache");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().expect("ascii");
        assert_eq!(csp, console::REFERENCE_CSP);
        for directive in [
            "default-src 'none';",
            "script-src 'self';",
            "connect-src 'self';",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{directive} in {csp}");
        }
        assert!(
            !csp.contains("unsafe-eval") && !csp.contains("http"),
            "{csp}"
        );
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
        assert!(!html.contains("http://") && !html.contains("https://"));
        if !console::built() {
            assert!(html.contains("/api/v1/openapi.json") && html.contains("npm run build"));
            return;
        }
        // Every script has a source (none inline) on this origin, and it is in the build.
        assert_eq!(
            html.matches("<script").count(),
            attributes(&html, "src").len()
        );
        let sources: Vec<&str> = attributes(&html, "src")
            .into_iter()
            .chain(attributes(&html, "href"))
            .collect();
        assert!(!sources.is_empty());
        for src in sources {
            assert!(
                (src.starts_with('/') && !src.starts_with("//")) || src.starts_with("data:"),
                "{src} is not on this origin"
            );
            if src.starts_with("/assets/") {
                let (status, _, script) = get(&router, src).await;
                assert_eq!(status, StatusCode::OK, "{src}");
                // The page's script loads the renderer from this build's assets and shows
                // the served document.
                assert!(script.contains("/api/v1/openapi.json"), "{src}");
                assert!(!script.contains("http://") && !script.contains("https://"));
                let renderer = script
                    .split(['`', '"', '\''])
                    .find(|s| s.starts_with("/assets/") && s.ends_with(".js"))
                    .expect("the renderer's asset");
                let (status, h, _) = get(&router, renderer).await;
                assert_eq!(status, StatusCode::OK, "{renderer}");
                assert!(
                    h[header::CONTENT_TYPE]
                        .to_str()
                        .expect("ascii")
                        .starts_with("text/javascript")
                );
            }
        }
        // The old hand-written renderer is gone.
        assert_eq!(
            get(&router, "/api/docs/app.js").await.0,
            StatusCode::NOT_FOUND
        );
    }
}
