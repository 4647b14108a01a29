//! `/healthz` (the process loop is alive), `/readyz` (database and NATS usable, not
//! shutting down) and `/metrics`, served for every role on the health address.
//! Liveness never depends on NATS or the database, so a broker outage does not get
//! every pod restarted.
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use tokio_util::sync::CancellationToken;

use crate::{BoxFuture, Result};

/// One readiness condition, e.g. "intake database answers".
pub type ReadinessCheck = Arc<dyn Fn() -> BoxFuture<'static, Result<(), String>> + Send + Sync>;

/// The readiness state of a process.
#[derive(Clone, Default)]
pub struct Health {
    checks: Arc<std::sync::Mutex<Vec<(String, ReadinessCheck)>>>,
    draining: Arc<AtomicBool>,
}

impl Health {
    /// Adds a named readiness check.
    pub fn add(&self, name: impl Into<String>, check: ReadinessCheck) {
        self.checks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((name.into(), check));
    }

    /// Marks the process as shutting down: `/readyz` answers 503 from now on.
    pub fn set_draining(&self) {
        self.draining.store(true, Ordering::SeqCst);
    }

    /// Runs every check; the failures, by name.
    pub async fn failures(&self) -> Vec<String> {
        if self.draining.load(Ordering::SeqCst) {
            return vec!["shutting down".into()];
        }
        let checks = self
            .checks
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let mut failed = Vec::new();
        for (name, check) in checks {
            if let Err(e) = check().await {
                failed.push(format!("{name}: {e}"));
            }
        }
        failed
    }

    /// The three routes.
    pub fn router(&self) -> Router {
        Router::new()
            .route("/healthz", get(|| async { "ok\n" }))
            .route("/readyz", get(readyz))
            .route(
                "/metrics",
                get(|| async {
                    (
                        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
                        crate::metrics::render(),
                    )
                }),
            )
            .with_state(self.clone())
    }
}

async fn readyz(State(health): State<Health>) -> impl IntoResponse {
    let failed = health.failures().await;
    if failed.is_empty() {
        (StatusCode::OK, "ready\n".to_owned())
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {}\n", failed.join("; ")),
        )
    }
}

/// Binds `addr` and serves `router` until `token` is cancelled; returns the bound address.
pub async fn serve(
    addr: SocketAddr,
    router: Router,
    token: CancellationToken,
) -> Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let handle = tokio::spawn(async move {
        let _ = axum::serve(listener, router)
            .with_graceful_shutdown(token.cancelled_owned())
            .await;
    });
    Ok((bound, handle))
}
