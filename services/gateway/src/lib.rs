//! The gateway: Aftercare's public HTTP API under `/api/v1`. It owns no data; every
//! request becomes a NATS request to the service that owns the object, in the same
//! trace. Every error is RFC 9457 problem+json, and every response carries the
//! `traceparent` a user can quote to support.
#![warn(missing_docs, unreachable_pub, clippy::unwrap_used)]

mod body;
mod error;
mod routes;
mod trace;

use std::net::SocketAddr;
use std::time::Duration;

use aftercare_platform::health::Health;
use aftercare_platform::{Bus, Result};
use tokio_util::sync::CancellationToken;

pub use error::ApiError;

/// Gateway settings (documented in the configuration table).
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// Where to listen (`AFTERCARE_GATEWAY_ADDR`); port 0 picks a free one.
    pub listen: SocketAddr,
    /// How long to wait for a service's reply before answering 504.
    pub request_timeout: Duration,
    /// Largest accepted request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            request_timeout: Duration::from_secs(5),
            max_body_bytes: 64 * 1024,
        }
    }
}

/// A bound gateway, ready to serve.
pub struct Gateway {
    listener: tokio::net::TcpListener,
    router: axum::Router,
}

impl Gateway {
    /// Binds the listener and builds the routes. `health` adds `/healthz`, `/readyz` and
    /// `/metrics` to the API port.
    pub async fn build(bus: Bus, config: GatewayConfig, health: &Health) -> Result<Self> {
        let listener = tokio::net::TcpListener::bind(config.listen).await?;
        let health_bus = bus.clone();
        health.add(
            "gateway nats",
            std::sync::Arc::new(move || {
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
        let router = routes::router(bus, &config).merge(health.router());
        Ok(Self { listener, router })
    }

    /// The bound address (useful with port 0).
    pub fn local_addr(&self) -> Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `token` is cancelled, then finishes in-flight requests.
    pub async fn run_until_stopped(self, token: CancellationToken) -> Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(token.cancelled_owned())
            .await?;
        Ok(())
    }
}
