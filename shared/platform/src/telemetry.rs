//! Tracing and logs: one subscriber per process, W3C trace context carried in NATS
//! headers on every publish and request, OTLP export when the standard `OTEL_*`
//! variables ask for it, and the trace id on every log line of a traced operation.
//! An `https` OTLP endpoint is reached over TLS (rustls with ring), checked against the
//! CA in `AFTERCARE_OTLP_CA_FILE` when set, else against the system's roots.
//!
//! Spans and the resource are named by the OpenTelemetry semantic conventions, with the
//! names taken from `opentelemetry-semantic-conventions` (never spelled by hand): the
//! resource's `service.name`, `service.version` and `deployment.environment.name`; HTTP
//! server spans' `http.request.method`, `http.route` and `http.response.status_code`;
//! messaging spans' `messaging.system` (`nats`), `messaging.destination.name` (the subject)
//! and `messaging.operation.type`. A span that failed has the status `ERROR` and an
//! `error.type` ([`record_error`]).
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use async_nats::HeaderMap;
use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
use opentelemetry::{Key, KeyValue};
use opentelemetry_otlp::{WithExportConfig, WithTonicConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{Sampler, SdkTracerProvider};
use opentelemetry_semantic_conventions::attribute::{ERROR_TYPE, OTEL_STATUS_CODE};
use opentelemetry_semantic_conventions::resource::{
    DEPLOYMENT_ENVIRONMENT_NAME, SERVICE_NAME, SERVICE_VERSION,
};
use tonic::transport::{Certificate, ClientTlsConfig};
use tracing::Span;
use tracing::dispatcher::WeakDispatch;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::fmt::format::{Format, Json, Writer};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::{EnvFilter, Layer, layer::SubscriberExt, util::SubscriberInitExt};

use crate::{Error, Result};

/// `messaging.system` of every span that publishes, receives or serves over NATS.
pub const MESSAGING_SYSTEM_NATS: &str = "nats";

/// `deployment.environment.name` when `OTEL_RESOURCE_ATTRIBUTES` names none.
pub const DEFAULT_ENVIRONMENT: &str = "development";

/// How log lines are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, for a terminal.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Flushes and shuts the tracer down when dropped (at the end of `main`).
#[must_use = "dropping the guard shuts tracing down"]
pub struct TelemetryGuard {
    provider: SdkTracerProvider,
}

impl TelemetryGuard {
    /// Exports what is buffered and stops the exporter.
    pub fn shutdown(&self) {
        if let Err(e) = self.provider.force_flush() {
            eprintln!("trace flush failed: {e}");
        }
        if let Err(e) = self.provider.shutdown() {
            eprintln!("trace shutdown failed: {e}");
        }
    }
}

fn otlp_configured() -> bool {
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    ]
    .iter()
    .any(|k| {
        std::env::var(k)
            .map(|v| !v.trim().is_empty())
            .unwrap_or(false)
    }) && std::env::var("OTEL_TRACES_EXPORTER")
        .map(|v| v != "none")
        .unwrap_or(true)
}

/// The OTLP endpoint the standard variables name (traces first), if any.
fn otlp_endpoint() -> Option<String> {
    [
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_ENDPOINT",
    ]
    .iter()
    .filter_map(|k| std::env::var(k).ok())
    .map(|v| v.trim().to_owned())
    .find(|v| !v.is_empty())
}

/// The TLS settings for the OTLP exporter, so traces can leave the pod encrypted: `None`
/// for a plain `http` endpoint; for `https`, the CA in `ca_file` (PEM) when given, else
/// the system's roots. A CA file with a non-`https` endpoint, or one that cannot be read
/// or holds no certificate, is a start-up error naming `AFTERCARE_OTLP_CA_FILE`.
pub fn otlp_tls(endpoint: &str, ca_file: Option<&str>) -> Result<Option<ClientTlsConfig>> {
    let https = endpoint
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("https://"));
    let ca_file = ca_file.map(str::trim).filter(|f| !f.is_empty());
    match (https, ca_file) {
        (false, None) => Ok(None),
        (false, Some(_)) => Err(Error::Config(format!(
            "AFTERCARE_OTLP_CA_FILE is set but the OTLP endpoint {endpoint} is not https://"
        ))),
        (true, None) => Ok(Some(ClientTlsConfig::new().with_native_roots())),
        (true, Some(path)) => {
            let pem = std::fs::read(path).map_err(|e| {
                Error::Config(format!("AFTERCARE_OTLP_CA_FILE: cannot read {path}: {e}"))
            })?;
            if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
                return Err(Error::Config(format!(
                    "AFTERCARE_OTLP_CA_FILE: {path} holds no PEM certificate"
                )));
            }
            Ok(Some(
                ClientTlsConfig::new().ca_certificate(Certificate::from_pem(pem)),
            ))
        }
    }
}

/// The OTLP span exporter over gRPC; `endpoint` overrides the `OTEL_*` variables (tests).
fn otlp_exporter(
    endpoint: Option<&str>,
    tls: Option<ClientTlsConfig>,
) -> Result<opentelemetry_otlp::SpanExporter> {
    let mut builder = opentelemetry_otlp::SpanExporter::builder().with_tonic();
    if let Some(e) = endpoint {
        builder = builder.with_endpoint(e);
    }
    if let Some(tls) = tls {
        builder = builder.with_tls_config(tls);
    }
    builder
        .build()
        .map_err(|e| Error::Config(format!("OTEL_EXPORTER_OTLP_ENDPOINT: {e}")))
}

/// Installs the global subscriber and propagator. `default_service_name` is used unless
/// `OTEL_SERVICE_NAME` says otherwise. Log verbosity follows `RUST_LOG` (default `info`)
/// and applies to logs only, so a quiet log level never breaks trace propagation.
/// Must run inside the Tokio runtime (the exporter runs on it).
pub fn init(default_service_name: &str, format: LogFormat) -> Result<TelemetryGuard> {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let mut builder = SdkTracerProvider::builder()
        .with_resource(resource(default_service_name))
        .with_sampler(Sampler::ParentBased(Box::new(Sampler::AlwaysOn)));
    if otlp_configured() {
        let ca_file = std::env::var("AFTERCARE_OTLP_CA_FILE").ok();
        let tls = otlp_tls(&otlp_endpoint().unwrap_or_default(), ca_file.as_deref())?;
        let exporter = otlp_exporter(None, tls)?;
        let processor = opentelemetry_sdk::trace::span_processor_with_async_runtime::BatchSpanProcessor::builder(
            exporter,
            opentelemetry_sdk::runtime::Tokio,
        )
        .build();
        builder = builder.with_span_processor(processor);
    }
    let provider = builder.build();
    let tracer = provider.tracer("aftercare");
    opentelemetry::global::set_tracer_provider(provider.clone());

    let log_filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // The JSON formatter reads each span's OpenTelemetry ids through the subscriber, known
    // once it is installed.
    let dispatch: Arc<OnceLock<WeakDispatch>> = Arc::default();
    let fmt = match format {
        LogFormat::Pretty => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .event_format(JsonWithTraceIds {
                json: tracing_subscriber::fmt::format()
                    .json()
                    .with_current_span(true)
                    .with_span_list(false),
                dispatch: dispatch.clone(),
            })
            .with_writer(std::io::stderr)
            .boxed(),
    };
    let otel = tracing_opentelemetry::layer()
        .with_tracer(tracer)
        .with_filter(EnvFilter::new(
            "info,h2=off,tonic=off,hyper=off,tower=off,async_nats=off,sqlx=off",
        ));
    tracing_subscriber::registry()
        .with(fmt.with_filter(log_filter))
        .with(otel)
        .try_init()
        .map_err(|e| Error::Config(format!("tracing already initialised: {e}")))?;
    tracing::dispatcher::get_default(|d| {
        let _ = dispatch.set(d.downgrade());
    });
    Ok(TelemetryGuard { provider })
}

/// The process's resource: `service.name` from `OTEL_SERVICE_NAME` (else
/// `default_service_name`, the role's), `service.version` of this build and
/// `deployment.environment.name` ([`DEFAULT_ENVIRONMENT`] unless configured). What
/// `OTEL_RESOURCE_ATTRIBUTES` names wins over these defaults.
fn resource(default_service_name: &str) -> Resource {
    let defaults = [
        // Every crate of the workspace carries the workspace's version.
        KeyValue::new(SERVICE_VERSION, env!("CARGO_PKG_VERSION")),
        KeyValue::new(DEPLOYMENT_ENVIRONMENT_NAME, DEFAULT_ENVIRONMENT),
    ];
    // The SDK's detectors read `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`; without
    // either, the name they give is the spec's `unknown_service` fallback.
    let named = Resource::builder()
        .build()
        .get(&Key::from_static_str(SERVICE_NAME))
        .is_some_and(|v| !v.as_str().starts_with("unknown_service"));
    let mut resource = Resource::builder()
        .with_schema_url(defaults, opentelemetry_semantic_conventions::SCHEMA_URL);
    if !named {
        resource = resource.with_service_name(default_service_name.to_owned());
    }
    resource.build()
}

/// Marks `span` as failed: the status `ERROR` and the class of failure in `error.type` (a
/// low-cardinality value: an HTTP status, an error code, `dead_lettered`). The span must
/// declare both fields (`{ OTEL_STATUS_CODE } = Empty, { ERROR_TYPE } = Empty`).
pub fn record_error(span: &Span, error_type: &str) {
    span.record(OTEL_STATUS_CODE, "ERROR");
    span.record(ERROR_TYPE, error_type);
}

/// JSON log lines that begin with the `trace_id` and `span_id` of the span they were
/// written in (the innermost traced one), so a collector can join logs to traces.
struct JsonWithTraceIds {
    json: Format<Json>,
    dispatch: Arc<OnceLock<WeakDispatch>>,
}

impl<S, N> FormatEvent<S, N> for JsonWithTraceIds
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        let mut line = String::new();
        self.json.format_event(ctx, Writer::new(&mut line), event)?;
        let ids = self
            .dispatch
            .get()
            .and_then(WeakDispatch::upgrade)
            .and_then(|dispatch| {
                ctx.event_scope()?.find_map(|span| {
                    let cx = tracing_opentelemetry::get_otel_context(&span.id(), &dispatch)?;
                    let sc = cx.span().span_context().clone();
                    sc.is_valid().then(|| (sc.trace_id(), sc.span_id()))
                })
            });
        match (ids, line.strip_prefix('{')) {
            (Some((trace_id, span_id)), Some(rest)) => {
                let comma = if rest.trim_start().starts_with('}') {
                    ""
                } else {
                    ","
                };
                write!(
                    writer,
                    "{{\"trace_id\":\"{trace_id}\",\"span_id\":\"{span_id}\"{comma}{rest}"
                )
            }
            _ => writer.write_str(&line),
        }
    }
}

/// Writes trace context into NATS headers.
pub struct NatsHeaderInjector<'a>(pub &'a mut HeaderMap);

impl Injector for NatsHeaderInjector<'_> {
    fn set(&mut self, key: &str, value: String) {
        self.0.insert(key, value.as_str());
    }
}

/// Reads trace context from NATS headers; invalid values are skipped.
pub struct NatsHeaderExtractor<'a>(pub &'a HeaderMap);

impl Extractor for NatsHeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|v| v.as_str())
    }
    fn keys(&self) -> Vec<&str> {
        vec!["traceparent", "tracestate"]
    }
}

/// Injects `span`'s context (`traceparent`, `tracestate`) into `headers`.
pub fn inject(span: &Span, headers: &mut HeaderMap) {
    let cx = span.context();
    TraceContextPropagator::new().inject_context(&cx, &mut NatsHeaderInjector(headers));
}

/// Makes `span` a child of the context in `headers`, when that context is valid; an
/// invalid or missing one leaves the span a root rather than splitting the trace.
/// Must be called before the span is entered.
pub fn set_parent_from_headers(span: &Span, headers: Option<&HeaderMap>) {
    let Some(headers) = headers else { return };
    let cx = TraceContextPropagator::new().extract(&NatsHeaderExtractor(headers));
    if cx.span().span_context().is_valid() {
        let _ = span.set_parent(cx);
    }
}

/// The current span's trace context as a small JSON map, stored in the outbox row so the
/// relay's publish continues the trace of the transaction that wrote the event.
pub fn current_context_json() -> String {
    let mut map: HashMap<String, String> = HashMap::new();
    let cx = Span::current().context();
    TraceContextPropagator::new().inject_context(&cx, &mut map);
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".to_owned())
}

/// A span that continues the trace stored with an entity (by [`current_context_json`]
/// when the entity was created) and links to the current span. A later action on the
/// entity, such as completing a work order, then stays in the trace of the ticket that
/// caused it, while the request that triggered it is still reachable through the link.
pub fn span_in_stored_trace(stored_json: &str, name: &str) -> Span {
    let current = Span::current().context().span().span_context().clone();
    let span = tracing::info_span!(
        "entity",
        otel.name = name.to_owned(),
        trace_id = tracing::field::Empty
    );
    let stored = headers_from_json(stored_json);
    set_parent_from_headers(&span, Some(&stored));
    if current.is_valid() {
        span.add_link(current);
    }
    record_trace_id(&span);
    span
}

/// Headers from the JSON stored by [`current_context_json`].
pub fn headers_from_json(json: &str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    if let Ok(map) = serde_json::from_str::<HashMap<String, String>>(json) {
        for (k, v) in map {
            headers.insert(k.as_str(), v.as_str());
        }
    }
    headers
}

/// The hex trace id of `span`, if it is traced.
pub fn trace_id(span: &Span) -> Option<String> {
    let cx = span.context();
    let sc = cx.span().span_context().clone();
    sc.is_valid().then(|| sc.trace_id().to_string())
}

/// W3C `traceparent` of `span`, returned to HTTP clients so they can quote it to support.
pub fn traceparent(span: &Span) -> Option<String> {
    let mut map: HashMap<String, String> = HashMap::new();
    TraceContextPropagator::new().inject_context(&span.context(), &mut map);
    map.remove("traceparent")
}

/// Records the trace id in the span's `trace_id` field so every log line inside it
/// carries it. The span must declare `trace_id = tracing::field::Empty`.
pub fn record_trace_id(span: &Span) {
    if let Some(id) = trace_id(span) {
        span.record("trace_id", id.as_str());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod otlp_tls_tests {
    use super::*;

    /// A self-signed CA made by the openssl CLI, in `dir`.
    fn make_ca(dir: &std::path::Path) -> String {
        let cert = dir.join("ca.pem");
        let status = std::process::Command::new("openssl")
            .args(["req", "-x509", "-newkey", "ec", "-pkeyopt"])
            .arg("ec_paramgen_curve:prime256v1")
            .args([
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=otlp-test-ca",
                "-keyout",
            ])
            .arg(dir.join("ca.key"))
            .arg("-out")
            .arg(&cert)
            .status()
            .expect("openssl");
        assert!(status.success());
        cert.to_string_lossy().into_owned()
    }

    #[tokio::test]
    async fn an_https_endpoint_with_a_ca_file_builds_a_tls_exporter() {
        let dir = tempfile::tempdir().unwrap();
        let ca = make_ca(dir.path());
        let endpoint = "https://127.0.0.1:4317";
        let tls = otlp_tls(endpoint, Some(&ca)).unwrap();
        assert!(tls.is_some(), "a CA file gives a TLS configuration");
        // The exporter builds its TLS channel (the CA is parsed by rustls here).
        otlp_exporter(Some(endpoint), tls).expect("TLS exporter");
        // Without a CA file an https endpoint uses the system's roots.
        let roots = otlp_tls(endpoint, None).unwrap();
        assert!(roots.is_some());
        otlp_exporter(Some(endpoint), roots).expect("TLS exporter with system roots");
        // Plain http stays plain.
        assert!(otlp_tls("http://127.0.0.1:4317", None).unwrap().is_none());
    }

    #[test]
    fn a_bad_ca_file_is_a_clear_start_up_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let err = otlp_tls("https://127.0.0.1:4317", Some(&missing.to_string_lossy()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("AFTERCARE_OTLP_CA_FILE") && err.contains("missing.pem"),
            "{err}"
        );
        let junk = dir.path().join("junk.pem");
        std::fs::write(&junk, "not a certificate").unwrap();
        let err = otlp_tls("https://127.0.0.1:4317", Some(&junk.to_string_lossy()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no PEM certificate"), "{err}");
        let ca = make_ca(dir.path());
        let err = otlp_tls("http://127.0.0.1:4317", Some(&ca))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not https"), "{err}");
    }
}
