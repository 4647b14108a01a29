//! Billing routes beyond reading receipts: contracts (年保), payments, credit notes,
//! IOUs, fee schedules, the daily cash reconciliation, refunds and billing's reports.
use aftercare_contracts::Request;
use aftercare_contracts::billing::{
    ApproveVariance, CashDay, CashDayRequest, CashReconciliation, ClaimRequirements,
    ClaimsOutstanding, ClaimsReportRequest, Contract, ContractsSignedReport,
    ContractsSignedRequest, CreateContract, CreateCreditNote, CreateFeeSchedule, CreditNote,
    FeeSchedule, GetClaim, GetContract, GetPartPrices, GetRefund, GetRenewal,
    ListClaimRequirements, ListClaims, ListContracts, ListCreditNotes, ListFeeSchedules,
    ListRefunds, ListRenewals, ManufacturerClaim, PartPrices, PayRefund, ReceivablesReport,
    ReceivablesRequest, ReconcileCash, RecordIou, RecordPayment, RecordRenewalOutcome, Refund,
    Renewal, RevenueGrouping, RevenueReport, RevenueRequest, SetClaimFields, TransitionClaim,
};
use aftercare_contracts::rpc::Page;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_day, parse_uuid_param, read_versioned, update_versioned};
use crate::identity::Principal;
use crate::state::AppState;

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
    let c: Contract = s.call(&req, Some(&p)).await?;
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
    let page: Page<Contract> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_contract(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let c: Contract = s.call(&GetContract { id }, Some(&p)).await?;
    Ok(Json(c).into_response())
}

pub(crate) async fn record_payment(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let location = format!("/api/v1/invoices/{id}");
    on_invoice::<RecordPayment>(&s, &p, id, &headers, body, location).await
}

/// Records something on a receipt (a payment, a credit note, an IOU): the body with the
/// receipt's id from the path, sent as `R` and answered 201 at `location`.
async fn on_invoice<R: Request>(
    s: &AppState,
    p: &Principal,
    id: String,
    headers: &HeaderMap,
    body: Body,
    location: String,
) -> Result<Response, ApiError> {
    let req: R = json_with(
        headers,
        body,
        s.config.max_body_bytes,
        &[("invoice_id", serde_json::Value::String(id))],
    )
    .await?;
    let answer = s.call(&req, Some(p)).await?;
    Ok(created(&answer, location, None))
}

pub(crate) async fn receivables(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ContractQuery>,
) -> Result<Response, ApiError> {
    let req = ReceivablesRequest {
        as_of: parse_day("as_of", q.as_of.as_deref())?,
    };
    let r: ReceivablesReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

/// Query parameters of the billing reports and lists.
#[derive(Debug, Deserialize)]
pub(crate) struct BillingQuery {
    day: Option<String>,
    from: Option<String>,
    to: Option<String>,
    group_by: Option<String>,
    status: Option<String>,
}

fn parse_enum<T: serde::de::DeserializeOwned>(
    name: &str,
    raw: Option<&str>,
    allowed: &str,
) -> Result<Option<T>, ApiError> {
    raw.map(|v| {
        serde_json::from_value(serde_json::Value::String(v.to_owned())).map_err(|_| {
            ApiError::Service(aftercare_contracts::ServiceError::field(
                name,
                "invalid",
                format!("{name} is one of {allowed}"),
            ))
        })
    })
    .transpose()
}

pub(crate) async fn list_fee_schedules(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let page: Page<FeeSchedule> = s.call(&ListFeeSchedules {}, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn part_prices(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
) -> Result<Response, ApiError> {
    let prices: PartPrices = s.call(&GetPartPrices { sku }, Some(&p)).await?;
    Ok(Json(prices).into_response())
}

pub(crate) async fn create_fee_schedule(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateFeeSchedule = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let f: FeeSchedule = s.call(&req, Some(&p)).await?;
    Ok(created(&f, "/api/v1/fee-schedules".into(), None))
}

pub(crate) async fn create_credit_note(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let location = format!("/api/v1/invoices/{id}/credit-notes");
    on_invoice::<CreateCreditNote>(&s, &p, id, &headers, body, location).await
}

pub(crate) async fn list_credit_notes(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let page: Page<CreditNote> = s.call(&ListCreditNotes { id }, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn record_iou(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let location = format!("/api/v1/invoices/{id}");
    on_invoice::<RecordIou>(&s, &p, id, &headers, body, location).await
}

pub(crate) async fn cash_day(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<BillingQuery>,
) -> Result<Response, ApiError> {
    let req = CashDayRequest {
        day: parse_day("day", q.day.as_deref())?,
    };
    let page: Page<CashDay> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn reconcile_cash(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ReconcileCash = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let r: CashReconciliation = s.call(&req, Some(&p)).await?;
    Ok(created(
        &r,
        format!("/api/v1/cash-days?day={}", r.day),
        None,
    ))
}

pub(crate) async fn approve_variance(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ApproveVariance = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("reconciliation_id", serde_json::Value::String(id))],
    )
    .await?;
    let r: CashReconciliation = s.call(&req, Some(&p)).await?;
    Ok(created(
        &r,
        format!("/api/v1/cash-days?day={}", r.day),
        None,
    ))
}

pub(crate) async fn list_refunds(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<BillingQuery>,
) -> Result<Response, ApiError> {
    let req = ListRefunds {
        status: parse_enum("status", q.status.as_deref(), "due, paid")?,
    };
    let page: Page<Refund> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_refund(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetRefund { id }, |r| r.version).await
}

pub(crate) async fn pay_refund(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<PayRefund>(&s, &p, ("refund_id", id), &headers, body, |r| r.version).await
}

pub(crate) async fn revenue(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<BillingQuery>,
) -> Result<Response, ApiError> {
    let req = RevenueRequest {
        from: parse_day("from", q.from.as_deref())?,
        to: parse_day("to", q.to.as_deref())?,
        group_by: parse_enum(
            "group_by",
            Some(q.group_by.as_deref().unwrap_or("month")),
            "month, work_type, district, technician",
        )?
        .unwrap_or(RevenueGrouping::Month),
    };
    let r: RevenueReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

/// Query parameters of the claim list.
#[derive(Debug, Deserialize)]
pub(crate) struct ClaimQuery {
    status: Option<String>,
    brand: Option<String>,
}

pub(crate) async fn list_claims(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ClaimQuery>,
) -> Result<Response, ApiError> {
    let req = ListClaims {
        status: parse_enum(
            "status",
            q.status.as_deref(),
            "draft, submitted, approved, rejected, paid",
        )?,
        brand: q.brand.filter(|b| !b.trim().is_empty()),
    };
    let page: Page<ManufacturerClaim> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_claim(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetClaim { id }, |c| c.version).await
}

pub(crate) async fn set_claim_fields(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<SetClaimFields>(&s, &p, ("claim_id", id), &headers, body, |c| c.version)
        .await
}

pub(crate) async fn move_claim(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<TransitionClaim>(&s, &p, ("claim_id", id), &headers, body, |c| c.version)
        .await
}

pub(crate) async fn list_claim_requirements(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let page: Page<ClaimRequirements> = s.call(&ListClaimRequirements {}, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn save_claim_requirements(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ClaimRequirements = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let r: ClaimRequirements = s.call(&req, Some(&p)).await?;
    Ok(created(&r, "/api/v1/claim-requirements".into(), None))
}

pub(crate) async fn claims_outstanding(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let page: Page<ClaimsOutstanding> = s.call(&ClaimsReportRequest {}, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn list_renewals(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<BillingQuery>,
) -> Result<Response, ApiError> {
    let req = ListRenewals {
        status: parse_enum(
            "status",
            q.status.as_deref(),
            "open, renewed, declined, lapsed",
        )?,
    };
    let page: Page<Renewal> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_renewal(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    read_versioned(&s, &p, &GetRenewal { id }, |r| r.version).await
}

pub(crate) async fn renewal_outcome(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_versioned::<RecordRenewalOutcome>(&s, &p, ("renewal_id", id), &headers, body, |r| {
        r.version
    })
    .await
}

/// Query of the monthly contracts report: `month=2026-11` (or any day of it).
#[derive(Debug, Deserialize)]
pub(crate) struct MonthQuery {
    month: Option<String>,
}

pub(crate) async fn contracts_signed(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<MonthQuery>,
) -> Result<Response, ApiError> {
    let raw = q.month.map(|m| {
        if m.trim().len() == 7 {
            format!("{}-01", m.trim())
        } else {
            m
        }
    });
    let req = ContractsSignedRequest {
        month: parse_day("month", raw.as_deref())?,
    };
    let r: ContractsSignedReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

pub(crate) async fn terminate_contract(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: aftercare_contracts::billing::TerminateContract = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("contract_id", serde_json::Value::String(id.clone()))],
    )
    .await?;
    let c: Contract = s.call(&req, Some(&p)).await?;
    Ok(created(&c, format!("/api/v1/contracts/{id}"), None))
}
