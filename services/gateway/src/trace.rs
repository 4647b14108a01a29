//! One span per HTTP request, continuing the caller's `traceparent` when it sends a
//! valid one, and the request's `traceparent` returned on every response; each request's
//! duration is recorded under its operation id and status.
use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::Request;
use axum::http::{HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;
use opentelemetry::propagation::Extractor;
use opentelemetry::trace::TraceContextExt;
use opentelemetry_semantic_conventions::attribute::{ERROR_TYPE, OTEL_STATUS_CODE};
use opentelemetry_semantic_conventions::trace::{
    HTTP_REQUEST_METHOD, HTTP_RESPONSE_STATUS_CODE, HTTP_ROUTE,
};
use tracing::Instrument;
use tracing_opentelemetry::OpenTelemetrySpanExt;

struct HttpExtractor<'a>(&'a axum::http::HeaderMap);

impl Extractor for HttpExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }
    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|k| k.as_str()).collect()
    }
}

/// Middleware: trace the request and return its `traceparent`. The span is an HTTP server
/// span by the semantic conventions: named `{method} {route}` (the method alone for an
/// unmatched path), with the method, the route template and the status; a 5xx answer
/// marks it failed with the status as its `error.type`.
pub(crate) async fn traced(request: Request, next: Next) -> Response {
    let matched = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_owned());
    let route = matched.clone().unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().clone();
    let span = tracing::info_span!(
        "http",
        otel.name = match &matched {
            Some(route) => format!("{method} {route}"),
            None => method.to_string(),
        },
        otel.kind = "server",
        { HTTP_REQUEST_METHOD } = semconv_method(&method),
        { HTTP_ROUTE } = matched.as_deref(),
        { HTTP_RESPONSE_STATUS_CODE } = tracing::field::Empty,
        { OTEL_STATUS_CODE } = tracing::field::Empty,
        { ERROR_TYPE } = tracing::field::Empty,
        trace_id = tracing::field::Empty,
    );
    let cx = extract(request.headers());
    if cx.span().span_context().is_valid() {
        let _ = span.set_parent(cx);
    }
    aftercare_platform::telemetry::record_trace_id(&span);
    let traceparent = aftercare_platform::telemetry::traceparent(&span);
    let started = std::time::Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    let status = response.status();
    aftercare_platform::metrics::http_request(
        operation_id(&method, &route),
        status.as_u16(),
        started.elapsed(),
    );
    span.record(HTTP_RESPONSE_STATUS_CODE, status.as_u16());
    if status.is_server_error() {
        aftercare_platform::telemetry::record_error(&span, status.as_str());
    }
    span.in_scope(
        || tracing::debug!(%status, elapsed_ms = started.elapsed().as_millis() as u64, "request"),
    );
    if let Some(tp) = traceparent.and_then(|t| HeaderValue::from_str(&t).ok()) {
        response.headers_mut().insert("traceparent", tp);
    }
    response
}

/// `http.request.method`: the method's name when it is one HTTP defines, else `_OTHER`
/// (the conventions keep the attribute's values few).
fn semconv_method(method: &Method) -> &'static str {
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
    ];
    KNOWN
        .into_iter()
        .find(|m| *m == method.as_str())
        .unwrap_or("_OTHER")
}

/// The id of the API operation served at `route` (its matched path) for `method`, or
/// `other` for the console, the reference and unmatched paths: the metric's label never
/// carries a path, so ids in paths cannot multiply its series.
fn operation_id(method: &Method, route: &str) -> &'static str {
    static OPERATIONS: OnceLock<HashMap<(Method, String), &'static str>> = OnceLock::new();
    let operations = OPERATIONS.get_or_init(|| {
        crate::api::operations()
            .into_iter()
            .map(|o| ((o.method, format!("/api/v1{}", o.path)), o.id))
            .collect()
    });
    // `HEAD` is served by the `GET` route.
    let method = if method == Method::HEAD {
        Method::GET
    } else {
        method.clone()
    };
    operations
        .get(&(method, route.to_owned()))
        .copied()
        .unwrap_or("other")
}

/// The caller's trace context, read with the process's propagator (W3C trace context).
fn extract(headers: &axum::http::HeaderMap) -> opentelemetry::Context {
    opentelemetry::global::get_text_map_propagator(|p| p.extract(&HttpExtractor(headers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_is_labelled_by_its_operation_id_never_by_its_path() {
        assert_eq!(
            operation_id(&Method::GET, "/api/v1/tickets/{id}"),
            "getTicket"
        );
        assert_eq!(
            operation_id(&Method::HEAD, "/api/v1/tickets/{id}"),
            "getTicket"
        );
        assert_eq!(operation_id(&Method::POST, "/api/v1/tickets"), "openTicket");
        assert_eq!(
            operation_id(&Method::GET, "/api/v1/tickets/T2026-000042"),
            "other"
        );
        assert_eq!(operation_id(&Method::GET, "unmatched"), "other");
    }
}
