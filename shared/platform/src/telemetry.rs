//! Tracing and logs: one subscriber per process, W3C trace context carried in NATS
//! headers on every publish and request, OTLP export when the standard `OTEL_*`
//! variables ask for it, and the trace id on every log line of a traced operation.
use std::collections::HashMap;

use async_nats::HeaderMap;
use opentelemetry::propagation::{Extractor, Injector, TextMapPropagator};
use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::{Sampler, SdkTracerProvider};
use tracing::Span;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::{EnvFilter, Layer, layer::SubscriberExt, util::SubscriberInitExt};

use crate::{Error, Result};

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

/// Installs the global subscriber and propagator. `default_service_name` is used unless
/// `OTEL_SERVICE_NAME` says otherwise. Log verbosity follows `RUST_LOG` (default `info`)
/// and applies to logs only, so a quiet log level never breaks trace propagation.
/// Must run inside the Tokio runtime (the exporter runs on it).
pub fn init(default_service_name: &str, format: LogFormat) -> Result<TelemetryGuard> {
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let mut resource = opentelemetry_sdk::Resource::builder();
    if std::env::var("OTEL_SERVICE_NAME").is_err() {
        resource = resource.with_service_name(default_service_name.to_owned());
    }
    let mut builder = SdkTracerProvider::builder()
        .with_resource(resource.build())
        .with_sampler(Sampler::ParentBased(Box::new(Sampler::AlwaysOn)));
    if otlp_configured() {
        let exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_tonic()
            .build()
            .map_err(|e| Error::Config(format!("OTEL_EXPORTER_OTLP_ENDPOINT: {e}")))?;
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
    let fmt = match format {
        LogFormat::Pretty => tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .with_target(false)
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_current_span(true)
            .with_span_list(false)
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
    Ok(TelemetryGuard { provider })
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
