//! Gateway → service request/reply over the NATS micro protocol, so `$SRV.PING`,
//! `$SRV.INFO` and `$SRV.STATS` answer for every service. Subjects are
//! `svc.<service>.<entity>.<verb>`, disjoint from every stream.
//!
//! A refused request is answered with the micro error headers (so `$SRV.STATS` counts
//! it) whose status text is the [`ServiceError`] as ASCII-only JSON.
use std::sync::Arc;
use std::time::Duration;

use aftercare_contracts::{Actor, FieldError, Request, Service, ServiceError};
use async_nats::HeaderMap;
use async_nats::service::ServiceExt;
use bytes::Bytes;
use futures::StreamExt;
use opentelemetry_semantic_conventions::attribute::{
    ERROR_TYPE, MESSAGING_DESTINATION_NAME, MESSAGING_OPERATION_NAME, MESSAGING_OPERATION_TYPE,
    MESSAGING_SYSTEM, OTEL_STATUS_CODE,
};
use serde::{Serialize, de::DeserializeOwned};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{Instrument, error, info_span, warn};

use crate::metrics::RoleMetrics;
use crate::{BoxFuture, Bus, Error, Result, telemetry};

const H_USER: &str = "Aftercare-User";
const H_ROLE: &str = "Aftercare-Role";
const H_ERROR: &str = "Nats-Service-Error";
const H_ERROR_CODE: &str = "Nats-Service-Error-Code";

/// Who is asking, from the request headers the gateway sets.
#[derive(Debug, Clone, Default)]
pub struct RequestContext {
    /// The acting user, when the gateway authenticated one.
    pub actor: Option<Actor>,
}

type Handler = Arc<
    dyn Fn(RequestContext, Bytes) -> BoxFuture<'static, Result<Bytes, ServiceError>> + Send + Sync,
>;

/// One request endpoint: a name under the service's prefix and its handler.
#[derive(Clone)]
pub struct Endpoint {
    name: String,
    handler: Handler,
}

impl Endpoint {
    /// The name under the service's prefix, e.g. `ticket.open`.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Parses JSON into `T`, naming the offending field on failure (422).
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ServiceError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.to_string();
        let (field, code) = if let Some(name) = message
            .strip_prefix("missing field `")
            .and_then(|r| r.split('`').next())
        {
            (join_path(&path, name), "required")
        } else if message.starts_with("unknown field `") {
            // The path already ends at the unknown key.
            (path, "unknown_field")
        } else {
            (if path == "." { String::new() } else { path }, "invalid")
        };
        ServiceError::validation(vec![FieldError {
            field,
            code: code.into(),
            message,
        }])
    })
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() || parent == "." {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

fn encode<T: Serialize>(reply: &T) -> Result<Bytes, ServiceError> {
    serde_json::to_vec(reply).map(Bytes::from).map_err(|e| {
        error!(error = %e, "cannot serialise reply");
        ServiceError::internal()
    })
}

/// A service's request endpoints, registered by request type with one shared state (as
/// axum's `with_state`): the endpoint's name comes from the request's subject and the
/// handler must answer the request's reply type, so neither can drift from the contract.
///
/// ```ignore
/// Endpoints::new(state).on::<OpenTicket, _>(open).into_vec()
/// ```
pub struct Endpoints<S> {
    state: S,
    endpoints: Vec<Endpoint>,
}

impl<S: Clone + Send + Sync + 'static> Endpoints<S> {
    /// No endpoints yet; every handler registered later receives a clone of `state`.
    pub fn new(state: S) -> Self {
        Self {
            state,
            endpoints: Vec::new(),
        }
    }

    /// Serves `R` with `handler`, called with the state, who asks and the decoded request
    /// (a body that does not fit `R` is refused with 422 naming the field):
    /// `.on::<OpenTicket, _>(open)`.
    pub fn on<R, Fut>(
        mut self,
        handler: impl Fn(S, RequestContext, R) -> Fut + Send + Sync + 'static,
    ) -> Self
    where
        R: Request,
        Fut: Future<Output = Result<R::Reply, ServiceError>> + Send + 'static,
    {
        let state = self.state.clone();
        let handler = Arc::new(handler);
        self.endpoints.push(Endpoint {
            name: R::endpoint_name().to_owned(),
            handler: Arc::new(move |ctx, bytes| {
                let (state, handler) = (state.clone(), handler.clone());
                Box::pin(async move {
                    let req: R = decode(&bytes)?;
                    let reply = handler(state, ctx, req).await?;
                    encode(&reply)
                })
            }),
        });
        self
    }

    /// The endpoints to serve.
    pub fn into_vec(self) -> Vec<Endpoint> {
        self.endpoints
    }
}

/// JSON with every non-ASCII character escaped, safe for a header value.
fn ascii_json<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() && !c.is_ascii_control() {
            out.push(c);
        } else {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// Serves `endpoints` as the NATS micro service `service` until `token` is cancelled;
/// then stops taking requests and finishes those in flight.
pub async fn serve(
    bus: Bus,
    service: Service,
    endpoints: Vec<Endpoint>,
    concurrency: usize,
    metrics: Arc<RoleMetrics>,
    serving: Arc<std::sync::atomic::AtomicBool>,
    token: CancellationToken,
) -> Result<()> {
    let micro = bus
        .client
        .service_builder()
        .description(format!("Aftercare {} service", service.name()))
        .start(service.name(), env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|e| Error::nats("starting micro service", e))?;
    let group = micro.group(service.request_prefix());
    let tracker = TaskTracker::new();
    let permits = Arc::new(Semaphore::new(concurrency.max(1)));
    let mut loops = Vec::new();
    for ep in endpoints {
        let subject = format!("{}.{}", service.request_prefix(), ep.name);
        let mut requests = group
            .endpoint(ep.name.clone())
            .await
            .map_err(|e| Error::nats(&format!("endpoint {subject}"), e))?;
        let (tracker, permits, token, metrics) = (
            tracker.clone(),
            permits.clone(),
            token.clone(),
            metrics.clone(),
        );
        loops.push(tokio::spawn(async move {
            loop {
                let request = tokio::select! {
                    _ = token.cancelled() => break,
                    r = requests.next() => r,
                };
                let Some(request) = request else { break };
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    break;
                };
                let (handler, subject, metrics) =
                    (ep.handler.clone(), subject.clone(), metrics.clone());
                tracker.spawn(async move {
                    handle(request, handler, &subject, &metrics).await;
                    drop(permit);
                });
            }
            let _ = requests.stop().await;
        }));
    }
    // The subscriptions reach the server before the service reports ready.
    bus.client
        .flush()
        .await
        .map_err(|e| Error::nats("flushing subscriptions", e))?;
    serving.store(true, std::sync::atomic::Ordering::SeqCst);
    token.cancelled().await;
    serving.store(false, std::sync::atomic::Ordering::SeqCst);
    for l in loops {
        let _ = l.await;
    }
    tracker.close();
    if tokio::time::timeout(Duration::from_secs(20), tracker.wait())
        .await
        .is_err()
    {
        warn!(
            service = service.name(),
            "requests still running after 20 s; abandoning them"
        );
    }
    let _ = micro.stop().await;
    Ok(())
}

async fn handle(
    request: async_nats::service::Request,
    handler: Handler,
    subject: &str,
    metrics: &RoleMetrics,
) {
    let span = info_span!(
        "request",
        otel.name = format!("{subject} process"),
        otel.kind = "server",
        { MESSAGING_SYSTEM } = telemetry::MESSAGING_SYSTEM_NATS,
        { MESSAGING_DESTINATION_NAME } = subject,
        { MESSAGING_OPERATION_TYPE } = "process",
        { MESSAGING_OPERATION_NAME } = "process",
        { OTEL_STATUS_CODE } = tracing::field::Empty,
        { ERROR_TYPE } = tracing::field::Empty,
        trace_id = tracing::field::Empty,
    );
    let headers = request.message.headers.as_ref();
    telemetry::set_parent_from_headers(&span, headers);
    telemetry::record_trace_id(&span);
    let actor = headers.and_then(|h| {
        Some(Actor {
            user_id: h.get(H_USER)?.as_str().to_owned(),
            role: h.get(H_ROLE)?.as_str().to_owned(),
        })
    });
    let started = std::time::Instant::now();
    let result = handler(RequestContext { actor }, request.message.payload.clone())
        .instrument(span.clone())
        .await;
    metrics.request(subject, result.is_ok(), started.elapsed());
    let response = match result {
        Ok(bytes) => Ok(bytes),
        Err(e) => {
            if e.status >= 500 {
                telemetry::record_error(&span, &e.code);
                span.in_scope(|| error!(code = %e.code, "request failed"));
            }
            Err(async_nats::service::error::Error {
                status: ascii_json(&e),
                code: e.status as usize,
            })
        }
    };
    if let Err(e) = request.respond(response).await {
        warn!(error = %e, subject, "could not send the reply");
    }
}

/// Why a call to a service did not produce a reply.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// The service answered with an error.
    #[error("{0:?}")]
    Service(ServiceError),
    /// No instance of the service is running.
    #[error("no responders")]
    Unavailable,
    /// The service did not answer in time.
    #[error("timed out")]
    Timeout,
    /// The connection failed or the reply was unreadable.
    #[error("{0}")]
    Transport(String),
}

/// Sends `req` to the service that answers it, in the current span's trace, as `actor`,
/// and reads the reply as the request's reply type.
pub async fn call<R: Request>(
    bus: &Bus,
    req: &R,
    actor: Option<&Actor>,
    timeout: Duration,
) -> Result<R::Reply, CallError> {
    let subject = R::SUBJECT;
    let span = info_span!(
        "call",
        otel.name = format!("{subject} send"),
        otel.kind = "client",
        { MESSAGING_SYSTEM } = telemetry::MESSAGING_SYSTEM_NATS,
        { MESSAGING_DESTINATION_NAME } = subject,
        { MESSAGING_OPERATION_TYPE } = "send",
        { MESSAGING_OPERATION_NAME } = "send",
        { OTEL_STATUS_CODE } = tracing::field::Empty,
        { ERROR_TYPE } = tracing::field::Empty,
    );
    let mut headers = HeaderMap::new();
    telemetry::inject(&span, &mut headers);
    if let Some(a) = actor {
        headers.insert(H_USER, a.user_id.as_str());
        headers.insert(H_ROLE, a.role.as_str());
    }
    let body = serde_json::to_vec(req).map_err(|e| CallError::Transport(e.to_string()))?;
    let request = async_nats::Request::new()
        .payload(body.into())
        .headers(headers)
        .timeout(Some(timeout));
    let started = std::time::Instant::now();
    let reply = bus
        .client
        .send_request(subject.to_owned(), request)
        .instrument(span.clone())
        .await
        .map_err(|e| match e.kind() {
            async_nats::RequestErrorKind::NoResponders => CallError::Unavailable,
            async_nats::RequestErrorKind::TimedOut => CallError::Timeout,
            _ => CallError::Transport(e.to_string()),
        });
    let outcome = match &reply {
        Ok(r)
            if r.headers
                .as_ref()
                .is_some_and(|h| h.get(H_ERROR_CODE).is_some()) =>
        {
            "error"
        }
        Ok(_) => "ok",
        Err(CallError::Unavailable) => "unavailable",
        Err(CallError::Timeout) => "timeout",
        Err(_) => "transport",
    };
    crate::metrics::nats_call(subject, outcome, started.elapsed());
    if matches!(outcome, "unavailable" | "timeout" | "transport") {
        telemetry::record_error(&span, outcome);
    }
    let reply = reply?;
    if let Some(h) = reply.headers.as_ref()
        && let Some(code) = h.get(H_ERROR_CODE)
    {
        let text = h
            .get(H_ERROR)
            .map(|v| v.as_str().to_owned())
            .unwrap_or_default();
        let err = serde_json::from_str::<ServiceError>(&text).unwrap_or_else(|_| ServiceError {
            status: code.as_str().parse().unwrap_or(500),
            code: "service_error".into(),
            title: "Service error".into(),
            detail: text,
            errors: vec![],
        });
        if err.status >= 500 {
            telemetry::record_error(&span, &err.code);
        }
        return Err(CallError::Service(err));
    }
    serde_json::from_slice(&reply.payload).map_err(|e| {
        telemetry::record_error(&span, "transport");
        CallError::Transport(format!("unreadable reply from {subject}: {e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Req {
        name: String,
        inner: Inner,
    }
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        phone: String,
    }

    #[test]
    fn decode_names_missing_unknown_and_mistyped_fields() {
        let e = decode::<Req>(br#"{"name":"a","inner":{}}"#).expect_err("missing");
        assert_eq!(e.errors[0].field, "inner.phone");
        assert_eq!(e.errors[0].code, "required");
        let e = decode::<Req>(br#"{"name":"a","inner":{"phone":"1","x":1}}"#).expect_err("unknown");
        assert_eq!(e.errors[0].field, "inner.x");
        assert_eq!(e.errors[0].code, "unknown_field");
        let e = decode::<Req>(br#"{"name":5,"inner":{"phone":"1"}}"#).expect_err("type");
        assert_eq!(e.errors[0].field, "name");
        assert_eq!(e.status, 422);
    }

    #[tokio::test]
    async fn a_typed_endpoint_is_named_by_its_subject_and_shares_the_state() {
        use aftercare_contracts::survey::{GetQualityThresholds, QualityThresholds};
        async fn get(
            calls: Arc<std::sync::atomic::AtomicUsize>,
            _ctx: RequestContext,
            _req: GetQualityThresholds,
        ) -> Result<QualityThresholds, ServiceError> {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Err(ServiceError::not_found("thresholds", "-"))
        }
        let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let endpoints = Endpoints::new(calls.clone())
            .on::<GetQualityThresholds, _>(get)
            .into_vec();
        assert_eq!(endpoints.len(), 1);
        assert_eq!(endpoints[0].name(), "quality_thresholds.get");
        let e = (endpoints[0].handler)(RequestContext::default(), Bytes::from_static(b"{}"))
            .await
            .expect_err("handler refuses");
        assert_eq!(e.status, 404);
        let e = (endpoints[0].handler)(RequestContext::default(), Bytes::from_static(b"{\"x\":1}"))
            .await
            .expect_err("unknown field");
        assert_eq!(e.status, 422);
        assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn ascii_json_escapes_everything_outside_ascii() {
        let s = ascii_json(&"复印机 \n ok 😀");
        assert!(s.is_ascii());
        assert_eq!(
            serde_json::from_str::<String>(&s).expect("valid json"),
            "复印机 \n ok 😀"
        );
    }
}
