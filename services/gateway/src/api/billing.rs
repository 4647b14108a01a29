//! Billing routes beyond receipts: annual maintenance contracts (年保).
use aftercare_contracts::billing::{
    Contract, CreateContract, ListContracts, Payment, ReceivablesReport, ReceivablesRequest,
    RecordPayment,
};
use aftercare_contracts::rpc::{ById, Page};
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{AppState, created, parse_day, parse_uuid_param};
use crate::body::json_with;
use crate::error::ApiError;
use crate::identity::Principal;

/// Query parameters of the contract list.
#[derive(Debug, Deserialize)]
pub(crate) struct ContractQuery {
    customer_id: Option<String>,
    as_of: Option<String>,
}

pub(crate) async fn create_contract(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateContract = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let c: Contract = s
        .call("svc.billing.contract.create", &req, Some(&p))
        .await?;
    Ok(created(&c, format!("/api/v1/contracts/{}", c.id), None))
}

pub(crate) async fn list_contracts(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ContractQuery>,
) -> Result<Response, ApiError> {
    let req = ListContracts {
        customer_id: q
            .customer_id
            .as_deref()
            .map(|c| parse_uuid_param("customer_id", c))
            .transpose()?,
    };
    let page: Page<Contract> = s.call("svc.billing.contract.list", &req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_contract(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let c: Contract = s
        .call("svc.billing.contract.get", &ById { id }, Some(&p))
        .await?;
    Ok(Json(c).into_response())
}

pub(crate) async fn record_payment(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RecordPayment = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("invoice_id", serde_json::Value::String(id.clone()))],
    )
    .await?;
    let pay: Payment = s.call("svc.billing.payment.record", &req, Some(&p)).await?;
    Ok(created(&pay, format!("/api/v1/invoices/{id}"), None))
}

pub(crate) async fn receivables(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ContractQuery>,
) -> Result<Response, ApiError> {
    let req = ReceivablesRequest {
        as_of: parse_day("as_of", q.as_of.as_deref())?,
    };
    let r: ReceivablesReport = s
        .call("svc.billing.report.receivables", &req, Some(&p))
        .await?;
    Ok(Json(r).into_response())
}
