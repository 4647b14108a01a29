//! Inventory routes beyond the catalogue and receipts: stock locations, movements booked
//! by hand (transfers, returns, adjustments), a part's ledger, and stocktakes that a manager
//! approves.
use aftercare_contracts::Role;
use aftercare_contracts::inventory::{
    ApproveForecastPlan, CreateLocation, CreatePurchaseRequest, DecideStocktake, ForecastPlan,
    GetForecastPlan, GetPurchaseRequest, GetStocktake, ListLocations, ListMovements,
    ListPurchaseRequests, ListStockRules, Location, MovePurchaseRequest, Part, PurchaseRequest,
    PurchaseStatus, RecordMovement, StartForecastPlan, StartStocktake, StockMovement, StockReport,
    StockReportRequest, StockRule, Stocktake, UpdatePart,
};
use aftercare_contracts::rpc::Page;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;

use super::services::parse_enum;
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{
    created, if_match_version, parse_day, parse_limit, read_versioned, update_body,
    update_versioned, with_etag,
};
use crate::identity::Principal;
use crate::state::AppState;

/// Query parameters of the inventory lists.
#[derive(Debug, Deserialize)]
pub(crate) struct InventoryQuery {
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn create_location(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateLocation = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let l: Location = s.call(&req, Some(&p)).await?;
    Ok(created(&l, "/api/v1/locations".to_owned(), None))
}

pub(crate) async fn list_locations(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let page: Page<Location> = s.call(&ListLocations {}, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn record_movement(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RecordMovement = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("sku", Value::String(sku))],
    )
    .await?;
    let part: Part = s.call(&req, Some(&p)).await?;
    Ok((StatusCode::CREATED, Json(part)).into_response())
}

pub(crate) async fn list_movements(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = ListMovements {
        sku,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<StockMovement> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn start_stocktake(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StartStocktake = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let st: Stocktake = s.call(&req, Some(&p)).await?;
    Ok(created(
        &st,
        format!("/api/v1/stocktakes/{}", st.id),
        Some(st.version),
    ))
}

pub(crate) async fn get_stocktake(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetStocktake { id }, |t: &Stocktake| t.version).await
}

pub(crate) async fn decide_stocktake(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<DecideStocktake>(&s, &p, ("stocktake_id", id), &headers, body, |t| t.version)
        .await
}

pub(crate) async fn update_part(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<UpdatePart>(&s, &p, ("sku", sku), &headers, body, |p| p.version).await
}

pub(crate) async fn save_rule(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StockRule = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("sku", Value::String(sku))],
    )
    .await?;
    let r: StockRule = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

pub(crate) async fn list_rules(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
) -> Result<Response, ApiError> {
    let page: Page<StockRule> = s.call(&ListStockRules { id: sku }, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn create_purchase(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreatePurchaseRequest =
        json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let pr: PurchaseRequest = s.call(&req, Some(&p)).await?;
    Ok(created(
        &pr,
        format!("/api/v1/purchase-requests/{}", pr.id),
        Some(pr.version),
    ))
}

pub(crate) async fn list_purchases(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = ListPurchaseRequests {
        status: parse_enum("status", q.status.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<PurchaseRequest> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_purchase(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetPurchaseRequest { id }, |x: &PurchaseRequest| {
        x.version
    })
    .await
}

/// Approving is a manager's; ordering, receiving and cancelling the warehouse's too.
pub(crate) async fn move_purchase(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if_match_version(&headers)?;
    let req: MovePurchaseRequest =
        update_body(&s, &headers, body, Some(("purchase_id", id))).await?;
    if req.to == PurchaseStatus::Approved && !matches!(p.role, Role::Manager | Role::Admin) {
        return Err(ApiError::Forbidden);
    }
    let pr: PurchaseRequest = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &pr, pr.version))
}

pub(crate) async fn start_forecast(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: StartForecastPlan = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let plan: ForecastPlan = s.call(&req, Some(&p)).await?;
    Ok(created(
        &plan,
        format!("/api/v1/forecast-plans/{}", plan.id),
        Some(plan.version),
    ))
}

pub(crate) async fn get_forecast(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetForecastPlan { id }, |x: &ForecastPlan| {
        x.version
    })
    .await
}

pub(crate) async fn approve_forecast(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<ApproveForecastPlan>(&s, &p, ("plan_id", id), &headers, body, |x| x.version)
        .await
}

pub(crate) async fn stock_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = StockReportRequest {
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    let r: StockReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}
