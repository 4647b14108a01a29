//! Inventory's routes: the parts catalogue, stock receipts, stock locations, movements
//! booked by hand (transfers, returns, adjustments), a part's ledger, stock rules, forecast
//! plans, purchase requests, and stocktakes that a manager approves.
use aftercare_contracts::Role;
use aftercare_contracts::Role::{Admin, Finance, Manager, Warehouse};
use aftercare_contracts::inventory::{
    ApproveForecastPlan, CreateLocation, CreatePart, CreatePurchaseRequest, DecideStocktake,
    ForecastPlan, ForecastStatus, GetForecastPlan, GetPart, GetPurchaseRequest, GetStocktake,
    ListForecastPlans, ListLocations, ListMovements, ListParts, ListPurchaseRequests,
    ListStockRules, ListStocktakes, Location, MovePurchaseRequest, Part, PartCategory,
    PurchaseRequest, PurchaseStatus, ReceiveStock, RecordMovement, StartForecastPlan,
    StartStocktake, StockMovement, StockReport, StockReportRequest, StockRule, Stocktake,
    StocktakeStatus, UpdatePart,
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

use super::operation::{
    CURSOR, In, LIMIT, Param, Routes, get, path_id, post, query, report, schema,
};
use super::query::parse_enum;
use super::roles::{PART_READERS, STOCK_KEEPERS};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, if_match_version, parse_day, parse_limit, update_body, with_etag};
use crate::identity::Principal;
use crate::state::AppState;

/// Query parameters of the inventory lists.
#[derive(Debug, Deserialize)]
pub(crate) struct InventoryQuery {
    q: Option<String>,
    category: Option<String>,
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_parts(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = ListParts {
        q: q.q,
        category: parse_enum("category", q.category.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Part> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn list_stocktakes(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = ListStocktakes {
        status: parse_enum("status", q.status.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Stocktake> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn list_forecasts(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<Response, ApiError> {
    let req = ListForecastPlans {
        status: parse_enum("status", q.status.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<ForecastPlan> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
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

pub(crate) async fn stock_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InventoryQuery>,
) -> Result<StockReport, ApiError> {
    let req = StockReportRequest {
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

pub(crate) async fn create_part(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreatePart = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let part: Part = s.call(&req, Some(&p)).await?;
    Ok(created(&part, format!("/api/v1/parts/{}", part.sku), None))
}

pub(crate) async fn receive_stock(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ReceiveStock = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("sku", Value::String(sku))],
    )
    .await?;
    let part: Part = s.call(&req, Some(&p)).await?;
    Ok((StatusCode::CREATED, Json(part)).into_response())
}

/// A part's SKU in the path, shaped as the catalogue allows it.
const PART_SKU: Param = Param {
    name: "sku",
    at: In::Path,
    required: true,
    schema: sku_schema,
    doc: "Part number: 1–64 letters, digits, `-`, `_`, `.`.",
};

fn sku_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "string",
        "pattern": aftercare_contracts::inventory::limits::SKU.pattern,
    })
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("inventory")
        .add(
            post("createPart", "/parts")
                .summary("Add a part to the catalogue")
                .roles(STOCK_KEEPERS)
                .body::<CreatePart>()
                .creates()
                .reply::<Part>()
                .to(create_part),
        )
        .add(
            get("listParts", "/parts")
                .summary("Search the parts catalogue by SKU, name or a model it fits, in SKU order, each part with its stock per location")
                .roles(PART_READERS)
                .params(&[
                    query("q", schema::<String>, "SKU, name or a fitting model contains this (case ignored), up to 100 characters."),
                    query("category", schema::<PartCategory>, "Only spare parts or only consumables."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Part>>()
                .to(list_parts),
        )
        .add(
            get("getPart", "/parts/{sku}")
                .summary("A part and its stock")
                .roles(PART_READERS)
                .params(&[PART_SKU])
                .path_fills(&["id"])
                .forward_versioned::<GetPart>(),
        )
        .add(
            post("updatePart", "/parts/{sku}")
                .summary("Change a part's catalogue entry (price, category, models, cost, failure-prone rating, page yield); a new price is announced for billing")
                .roles(&[Warehouse, Manager, Admin])
                .params(&[PART_SKU])
                .path_fills(&["sku"])
                .updates()
                .forward_versioned::<UpdatePart>(),
        )
        .add(
            post("receiveStock", "/parts/{sku}/receipts")
                .summary("Book parts received into a stock location")
                .roles(STOCK_KEEPERS)
                .params(&[PART_SKU])
                .body::<ReceiveStock>()
                .path_fills(&["sku"])
                .creates()
                .reply::<Part>()
                .to(receive_stock),
        )
        .add(
            post("recordMovement", "/parts/{sku}/movements")
                .summary("Book a transfer (warehouse to van and back), a return (unused parts, or a removed part kept for the manufacturer's claim) or an adjustment; never below zero or below what is reserved")
                .roles(STOCK_KEEPERS)
                .params(&[PART_SKU])
                .body::<RecordMovement>()
                .path_fills(&["sku"])
                .creates()
                .reply::<Part>()
                .to(record_movement),
        )
        .add(
            get("listMovements", "/parts/{sku}/movements")
                .summary("A part's ledger, newest first: every movement with actor, time, reason and reference")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[PART_SKU, LIMIT, CURSOR])
                .reply::<Page<StockMovement>>()
                .to(list_movements),
        )
        .add_all(
            report!("stockReport", "/reports/stock")
                .summary("Stock valuation at cost, turnover and slow movers over a period, and the parts used per model and fault")
                .tag("reports")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[
                    query("from", schema::<chrono::NaiveDate>, "First day (UTC), 2026-11-01.").required(),
                    query("to", schema::<chrono::NaiveDate>, "Last day, inclusive.").required(),
                ])
                .report(stock_report),
        )
        .add(
            post("startForecastPlan", "/forecast-plans")
                .summary("Draft a forecast plan: next months' demand per part from its consumption (SES for smooth demand, SBA for intermittent), scaled by the installed base and the sales plan, each with its backtest (MASE, bias)")
                .roles(&[Warehouse, Manager, Admin])
                .body::<StartForecastPlan>()
                .creates()
                .reply::<ForecastPlan>()
                .to(start_forecast),
        )
        .add(
            get("listForecastPlans", "/forecast-plans")
                .summary("Forecast plans, newest first (drafts waiting for a manager with `status=draft`)")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[
                    query("status", schema::<ForecastStatus>, "Only in this state."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<ForecastPlan>>()
                .to(list_forecasts),
        )
        .add(
            get("getForecastPlan", "/forecast-plans/{id}")
                .summary("One forecast plan with its assumptions")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[path_id("Plan id.")])
                .forward_versioned::<GetForecastPlan>(),
        )
        .add(
            post("approveForecastPlan", "/forecast-plans/{id}/approval")
                .summary("Approve a forecast plan: its purchases become purchase requests")
                .roles(&[Manager, Admin])
                .params(&[path_id("Plan id.")])
                .path_fills(&["plan_id"])
                .updates()
                .forward_versioned::<ApproveForecastPlan>(),
        )
        .add(
            post("saveStockRule", "/parts/{sku}/rules")
                .summary("Set a part's reorder point and min/max at a location; the sweep drafts purchase requests from it")
                .roles(&[Warehouse, Manager, Admin])
                .params(&[PART_SKU])
                .body::<StockRule>()
                .path_fills(&["sku"])
                .reply::<StockRule>()
                .to(save_rule),
        )
        .add(
            get("listStockRules", "/parts/{sku}/rules")
                .summary("A part's reorder rules per location")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[PART_SKU])
                .path_fills(&["id"])
                .forward::<ListStockRules>(),
        )
        .add(
            post("createPurchaseRequest", "/purchase-requests")
                .summary("Ask for a purchase by hand (a draft)")
                .roles(&[Warehouse, Manager, Admin])
                .body::<CreatePurchaseRequest>()
                .creates()
                .reply::<PurchaseRequest>()
                .to(create_purchase),
        )
        .add(
            get("listPurchaseRequests", "/purchase-requests")
                .summary("Purchase requests (from reorder points, forecasts or by hand)")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[
                    query("status", schema::<PurchaseStatus>, "Only in this state."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<PurchaseRequest>>()
                .to(list_purchases),
        )
        .add(
            get("getPurchaseRequest", "/purchase-requests/{id}")
                .summary("One purchase request")
                .roles(&[Warehouse, Finance, Manager, Admin])
                .params(&[path_id("Purchase request id or number.")])
                .forward_versioned::<GetPurchaseRequest>(),
        )
        .add(
            post("movePurchaseRequest", "/purchase-requests/{id}/transitions")
                .summary("Approve (manager), order (with the supplier's reference), receive (books the receipt) or cancel")
                .roles(&[Warehouse, Manager, Admin])
                .scope("approving: manager and admin only")
                .params(&[path_id("Purchase request id or number.")])
                .body::<MovePurchaseRequest>()
                .path_fills(&["purchase_id"])
                .updates()
                .reply::<PurchaseRequest>()
                .to(move_purchase),
        )
        .add(
            post("createLocation", "/locations")
                .summary("Register a stock location: a warehouse, a technician's van, the workshop")
                .roles(&[Warehouse, Manager, Admin])
                .body::<CreateLocation>()
                .creates()
                .reply::<Location>()
                .to(create_location),
        )
        .add(
            get("listLocations", "/locations")
                .summary("Every stock location")
                .roles(PART_READERS)
                .forward::<ListLocations>(),
        )
        .add(
            post("startStocktake", "/stocktakes")
                .summary("Record a stocktake (盘点) of a location: counted figures and their variances, waiting for a manager")
                .roles(STOCK_KEEPERS)
                .body::<StartStocktake>()
                .creates()
                .reply::<Stocktake>()
                .to(start_stocktake),
        )
        .add(
            get("listStocktakes", "/stocktakes")
                .summary("Stocktakes, newest first (those waiting for a manager with `status=pending_approval`)")
                .roles(&[Warehouse, Manager, Admin])
                .params(&[
                    query("status", schema::<StocktakeStatus>, "Only in this state."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Stocktake>>()
                .to(list_stocktakes),
        )
        .add(
            get("getStocktake", "/stocktakes/{id}")
                .summary("One stocktake")
                .roles(&[Warehouse, Manager, Admin])
                .params(&[path_id("Stocktake id.")])
                .forward_versioned::<GetStocktake>(),
        )
        .add(
            post("decideStocktake", "/stocktakes/{id}/decision")
                .summary("Approve a stocktake (its variances are booked) or reject it")
                .roles(&[Manager, Admin])
                .params(&[path_id("Stocktake id.")])
                .path_fills(&["stocktake_id"])
                .updates()
                .forward_versioned::<DecideStocktake>(),
        )
}
