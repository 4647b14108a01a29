//! The `/api/v1` routes. Each handler reads and checks its input, calls the owning
//! service over NATS and returns its answer; no domain rule lives here.
use std::time::Duration;

use aftercare_contracts::ServiceError;
use aftercare_contracts::billing::Invoice;
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, CreateTechnician, ListWorkOrders, Technician, WorkOrder,
};
use aftercare_contracts::intake::{OpenTicket, Ticket};
use aftercare_contracts::inventory::{CreatePart, Part, ReceiveStock};
use aftercare_contracts::rpc::{ById, ByWorkOrder, Page};
use aftercare_contracts::survey::Callback;
use aftercare_platform::Bus;
use aftercare_platform::rpc::call;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::GatewayConfig;
use crate::body::json_with;
use crate::error::ApiError;

#[derive(Clone)]
struct AppState {
    bus: Bus,
    timeout: Duration,
    max_body: usize,
}

impl AppState {
    async fn call<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        subject: &str,
        req: &Req,
    ) -> Result<Resp, ApiError> {
        Ok(call(&self.bus, subject, req, None, self.timeout).await?)
    }
}

pub(crate) fn router(bus: Bus, config: &GatewayConfig) -> Router {
    let state = AppState {
        bus,
        timeout: config.request_timeout,
        max_body: config.max_body_bytes,
    };
    let api = Router::new()
        .route("/tickets", post(open_ticket))
        .route("/tickets/{id}", get(get_ticket))
        .route("/technicians", post(create_technician))
        .route("/workorders", get(list_work_orders))
        .route("/workorders/{id}", get(get_work_order))
        .route("/workorders/{id}/complete", post(complete_work_order))
        .route("/parts", post(create_part))
        .route("/parts/{sku}", get(get_part))
        .route("/parts/{sku}/receipts", post(receive_stock))
        .route("/invoices", get(list_invoices))
        .route("/invoices/{id}", get(get_invoice))
        .route("/callbacks", get(list_callbacks))
        .route("/callbacks/{id}", get(get_callback))
        .route("/deadletters", get(list_dead_letters))
        .method_not_allowed_fallback(|| async { ApiError::Route(StatusCode::METHOD_NOT_ALLOWED) });
    Router::new()
        .nest("/api/v1", api)
        .fallback(|| async { ApiError::Route(StatusCode::NOT_FOUND) })
        .layer(axum::middleware::from_fn(crate::trace::traced))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            ApiError::Service(ServiceError::internal()).into_response()
        }))
        .with_state(state)
}

/// A JSON reply with the object's version as its ETag.
fn with_etag<T: Serialize>(status: StatusCode, value: &T, version: i64) -> Response {
    let mut r = (status, Json(value)).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("\"{version}\"")) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

fn created<T: Serialize>(value: &T, location: String, version: Option<i64>) -> Response {
    let mut r = match version {
        Some(v) => with_etag(StatusCode::CREATED, value, v),
        None => (StatusCode::CREATED, Json(value)).into_response(),
    };
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

async fn open_ticket(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: OpenTicket = json_with(&headers, body, s.max_body, &[]).await?;
    let t: Ticket = s.call("svc.intake.ticket.open", &req).await?;
    Ok(created(
        &t,
        format!("/api/v1/tickets/{}", t.id),
        Some(t.version),
    ))
}

async fn get_ticket(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let t: Ticket = s.call("svc.intake.ticket.get", &ById { id }).await?;
    Ok(with_etag(StatusCode::OK, &t, t.version))
}

async fn create_technician(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateTechnician = json_with(&headers, body, s.max_body, &[]).await?;
    let t: Technician = s.call("svc.dispatch.technician.create", &req).await?;
    Ok(created(&t, format!("/api/v1/technicians/{}", t.id), None))
}

#[derive(Deserialize)]
struct ListQuery {
    ticket_id: Option<String>,
    work_order_id: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

fn parse_limit(raw: Option<&str>) -> Result<u32, ApiError> {
    match raw {
        None => Ok(50),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| {
                ApiError::Service(ServiceError::field(
                    "limit",
                    "out_of_range",
                    "limit must be a whole number from 1 to 500",
                ))
            }),
    }
}

fn parse_uuid_param(name: &str, raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw).map_err(|_| {
        ApiError::Service(ServiceError::field(
            name,
            "invalid",
            format!("{name} must be a UUID"),
        ))
    })
}

async fn list_work_orders(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let ticket_id = q
        .ticket_id
        .as_deref()
        .map(|t| parse_uuid_param("ticket_id", t))
        .transpose()?;
    let req = ListWorkOrders {
        ticket_id,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<WorkOrder> = s.call("svc.dispatch.workorder.list", &req).await?;
    Ok(Json(page).into_response())
}

async fn get_work_order(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let w: WorkOrder = s.call("svc.dispatch.workorder.get", &ById { id }).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

fn if_match_version(headers: &HeaderMap) -> Result<Option<i64>, ApiError> {
    let Some(raw) = headers.get(header::IF_MATCH) else {
        return Ok(None);
    };
    raw.to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .map(Some)
        .ok_or_else(|| {
            ApiError::Service(ServiceError::field(
                "If-Match",
                "invalid",
                "If-Match must be an ETag returned by this API",
            ))
        })
}

async fn complete_work_order(
    State(s): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let version = if_match_version(&headers)?;
    let extra = [
        ("work_order_id", Value::String(id)),
        (
            "expected_version",
            version.map(Value::from).unwrap_or(Value::Null),
        ),
    ];
    let req: CompleteWorkOrder = json_with(&headers, body, s.max_body, &extra).await?;
    let w: WorkOrder = s.call("svc.dispatch.workorder.complete", &req).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

async fn create_part(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreatePart = json_with(&headers, body, s.max_body, &[]).await?;
    let p: Part = s.call("svc.inventory.part.create", &req).await?;
    Ok(created(&p, format!("/api/v1/parts/{}", p.sku), None))
}

async fn get_part(
    State(s): State<AppState>,
    Path(sku): Path<String>,
) -> Result<Response, ApiError> {
    let p: Part = s.call("svc.inventory.part.get", &ById { id: sku }).await?;
    Ok(Json(p).into_response())
}

async fn receive_stock(
    State(s): State<AppState>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ReceiveStock =
        json_with(&headers, body, s.max_body, &[("sku", Value::String(sku))]).await?;
    let p: Part = s.call("svc.inventory.part.receive", &req).await?;
    Ok((StatusCode::CREATED, Json(p)).into_response())
}

fn required_work_order(q: &ListQuery) -> Result<ByWorkOrder, ApiError> {
    let raw = q.work_order_id.as_deref().ok_or_else(|| {
        ApiError::Service(ServiceError::field(
            "work_order_id",
            "required",
            "filter by work_order_id",
        ))
    })?;
    Ok(ByWorkOrder {
        work_order_id: parse_uuid_param("work_order_id", raw)?.to_string(),
    })
}

async fn list_invoices(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let page: Page<Invoice> = s
        .call("svc.billing.invoice.list", &required_work_order(&q)?)
        .await?;
    Ok(Json(page).into_response())
}

async fn get_invoice(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let i: Invoice = s.call("svc.billing.invoice.get", &ById { id }).await?;
    Ok(Json(i).into_response())
}

async fn list_callbacks(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let page: Page<Callback> = s
        .call("svc.survey.callback.list", &required_work_order(&q)?)
        .await?;
    Ok(Json(page).into_response())
}

async fn get_callback(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let c: Callback = s.call("svc.survey.callback.get", &ById { id }).await?;
    Ok(Json(c).into_response())
}

async fn list_dead_letters(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())? as usize;
    let items = aftercare_platform::dead_letter::list(&s.bus, limit)
        .await
        .map_err(|e| ApiError::ServiceUnavailable(format!("dead letters cannot be read: {e}")))?;
    Ok(Json(serde_json::json!({ "items": items })).into_response())
}
