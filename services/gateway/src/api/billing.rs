//! Billing's routes: receipts (a customer sees those of their own tickets), contracts
//! (年保), payments, credit notes, IOUs, fee schedules, the daily cash reconciliation,
//! refunds, manufacturer claims, renewals and billing's reports.
use std::collections::HashMap;

use aftercare_contracts::Request;
use aftercare_contracts::Role::{self, Admin, Agent, Dispatcher, Finance, Manager, Technician};
use aftercare_contracts::billing::{
    AnswerQuotation, ApproveVariance, CashDay, CashDayRequest, CashReconciliation, ChargePreview,
    ChargePreviewRequest, ClaimRequirements, ClaimStatus, ClaimsReportRequest, CompanyProfile,
    Contract, ContractsSignedReport, ContractsSignedRequest, CreateContract, CreateCreditNote,
    CreateFeeSchedule, CreditNote, FeeSchedule, GetClaim, GetCompanyProfile, GetContract,
    GetInvoice, GetPartPrices, GetQuotation, GetRefund, GetRenewal, Invoice, InvoiceState,
    ListClaimRequirements, ListClaims, ListContracts, ListCreditNotes, ListFeeSchedules,
    ListInvoices, ListPayments, ListQuotations, ListRefunds, ListRenewals, ManufacturerClaim,
    OfferQuotation, PayRefund, Payment, PreviewCharge, Quotation, QuotationList, ReceivablesReport,
    ReceivablesRequest, ReconcileCash, RecordIou, RecordPayment, RecordRenewalOutcome, Refund,
    RefundStatus, Renewal, RenewalStatus, ReplaceCompanyProfile, RevenueGrouping, RevenueReport,
    RevenueRequest, SetClaimFields, TerminateContract, TransitionClaim,
};
use aftercare_contracts::inventory::{ConsumedLine, GetPart, Part};
use aftercare_contracts::rpc::Page;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::model::day_schema;
use super::operation::{CURSOR, LIMIT, Routes, get, path, path_id, post, query, schema};
use super::roles::INVOICE_READERS;
use super::visibility::{visible_ticket, visible_work_order};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{
    created, if_match_version, parse_day, parse_limit, parse_uuid_param, update_versioned,
    with_etag,
};
use crate::identity::Principal;
use crate::state::AppState;

/// Who reads the company profile: the roles whose workspaces print the company's
/// header (receipts, rankings, daily reports).
const PROFILE_READERS: &[Role] = &[Agent, Finance, Manager, Admin];

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
) -> Result<ReceivablesReport, ApiError> {
    let req = ReceivablesRequest {
        as_of: parse_day("as_of", q.as_of.as_deref())?,
    };
    s.call(&req, Some(&p)).await
}

/// The claims report takes no parameters.
#[derive(Debug, Deserialize)]
pub(crate) struct NoQuery {}

/// Claims not yet settled, per brand.
pub(crate) async fn claims_outstanding(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(_): Query<NoQuery>,
) -> Result<Page<aftercare_contracts::billing::ClaimsOutstanding>, ApiError> {
    s.call(&ClaimsReportRequest {}, Some(&p)).await
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

pub(crate) async fn revenue(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<BillingQuery>,
) -> Result<RevenueReport, ApiError> {
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
    s.call(&req, Some(&p)).await
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

/// Query of the monthly contracts report: `month=2026-11` (or any day of it).
#[derive(Debug, Deserialize)]
pub(crate) struct MonthQuery {
    month: Option<String>,
}

pub(crate) async fn contracts_signed(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<MonthQuery>,
) -> Result<ContractsSignedReport, ApiError> {
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
    s.call(&req, Some(&p)).await
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

/// Customers see the receipts of their own tickets only.
async fn invoice_visible(s: &AppState, p: &Principal, i: &Invoice) -> Result<bool, ApiError> {
    if p.role != Role::Customer {
        return Ok(true);
    }
    match visible_ticket(s, p, &i.ticket_id.to_string()).await {
        Ok(_) => Ok(true),
        Err(ApiError::Service(e)) if e.status == 404 => Ok(false),
        Err(e) => Err(e),
    }
}

/// Query parameters of the receipts list.
#[derive(Debug, Deserialize)]
pub(crate) struct InvoiceQuery {
    work_order_id: Option<String>,
    state: Option<String>,
    customer_id: Option<String>,
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// An optional day query parameter.
fn optional_day(name: &str, raw: Option<&str>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    raw.map(|r| parse_day(name, Some(r))).transpose()
}

pub(crate) async fn list_invoices(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<InvoiceQuery>,
) -> Result<Response, ApiError> {
    let work_order_id = q
        .work_order_id
        .as_deref()
        .map(|w| parse_uuid_param("work_order_id", w).map(|u| u.to_string()))
        .transpose()?;
    // A customer lists the receipts of one work order of theirs at a time.
    if p.role == Role::Customer && work_order_id.is_none() {
        return Err(ApiError::field(
            "work_order_id",
            "required",
            "filter by work_order_id",
        ));
    }
    let text = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if text.is_some_and(|t| t.chars().count() > 100) {
        return Err(ApiError::field(
            "q",
            "too_long",
            "q is at most 100 characters",
        ));
    }
    let req = ListInvoices {
        work_order_id,
        state: super::query::parse_enum::<InvoiceState>("state", q.state.as_deref())?,
        customer_id: q
            .customer_id
            .as_deref()
            .map(|c| parse_uuid_param("customer_id", c))
            .transpose()?,
        q: text.map(str::to_owned),
        from: optional_day("from", q.from.as_deref())?,
        to: optional_day("to", q.to.as_deref())?,
        limit: Some(parse_limit(q.limit.as_deref())?),
        cursor: q.cursor,
    };
    let mut page: Page<Invoice> = s.call(&req, Some(&p)).await?;
    let mut visible = Vec::with_capacity(page.items.len());
    for i in page.items {
        if invoice_visible(&s, &p, &i).await? {
            visible.push(i);
        }
    }
    page.items = visible;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_invoice(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let i: Invoice = s.call(&GetInvoice { id: id.clone() }, Some(&p)).await?;
    if !invoice_visible(&s, &p, &i).await? {
        return Err(ApiError::not_found("invoice", &id));
    }
    Ok(Json(i).into_response())
}

/// Who may see what a visit will charge: the technician on their own work order (it is
/// shown to the customer before they sign), the desk and the cashiers.
const CHARGE_PREVIEWERS: &[Role] = &[Agent, Dispatcher, Technician, Finance, Manager, Admin];

/// The charge a visit will make, priced by billing as its receipt will be: the work order
/// as dispatch has it and each reported part as inventory's catalogue states it (a SKU
/// not in the catalogue, or malformed, unpriced, as inventory would report it).
pub(crate) async fn preview_charge(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req = charge_of(&s, &p, id, &headers, body).await?;
    let preview: ChargePreview = s.call(&req, Some(&p)).await?;
    Ok(Json(preview).into_response())
}

/// The work entered so far on a work order `p` may see, as billing prices it: the work
/// order as dispatch has it and each reported part as inventory's catalogue states it.
async fn charge_of(
    s: &AppState,
    p: &Principal,
    id: String,
    headers: &HeaderMap,
    body: Body,
) -> Result<PreviewCharge, ApiError> {
    let work_order = visible_work_order(s, p, &id).await?;
    let report: ChargePreviewRequest = json_with(
        headers,
        body,
        s.config.max_body_bytes,
        &[("work_order_id", serde_json::Value::String(id))],
    )
    .await?;
    let mut catalogue: HashMap<String, Option<Part>> = HashMap::new();
    let mut parts = Vec::with_capacity(report.parts.len());
    for used in &report.parts {
        if !catalogue.contains_key(&used.sku) {
            let mut malformed = Vec::new();
            aftercare_contracts::dispatch::limits::SKU.check(&mut malformed, "sku", &used.sku);
            let part = if malformed.is_empty() {
                match s
                    .call(
                        &GetPart {
                            id: used.sku.clone(),
                        },
                        Some(p),
                    )
                    .await
                {
                    Ok(part) => Some(part),
                    Err(ApiError::Service(e)) if e.status == 404 => None,
                    Err(e) => return Err(e),
                }
            } else {
                None
            };
            catalogue.insert(used.sku.clone(), part);
        }
        let part = catalogue.get(&used.sku).and_then(Option::as_ref);
        parts.push(ConsumedLine::of_part(&used.sku, part, used.quantity, 0));
    }
    Ok(PreviewCharge {
        report,
        work_order,
        parts,
        technician: None,
    })
}

/// Who offers a quotation and records the customer's answer: the technician on their own
/// work order (on site), the agent and the dispatcher (on the phone, 报价).
const QUOTERS: &[Role] = &[Agent, Dispatcher, Technician];

/// Who reads quotations: those who offer them, the cashiers and the managers.
const QUOTATION_READERS: &[Role] = &[Agent, Dispatcher, Technician, Finance, Manager, Admin];

/// Offers the customer a quotation for the chargeable work entered so far, priced as the
/// charge preview prices it.
pub(crate) async fn offer_quotation(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut charge = charge_of(&s, &p, id, &headers, body).await?;
    // The technician is named on the quotation's visit, so a refusal's receipt says who
    // went, as a visit's receipt does.
    if let Some(t) = charge.work_order.technician_id {
        let found: Result<aftercare_contracts::dispatch::Technician, _> = s
            .call(
                &aftercare_contracts::dispatch::GetTechnician { id: t.to_string() },
                Some(&p),
            )
            .await;
        match found {
            Ok(tech) => charge.technician = Some((tech.name, tech.team)),
            Err(ApiError::Service(e)) if e.status == 404 => {}
            Err(e) => return Err(e),
        }
    }
    let q: Quotation = s.call(&OfferQuotation { charge }, Some(&p)).await?;
    Ok(created(
        &q,
        format!("/api/v1/quotations/{}", q.id),
        Some(q.version),
    ))
}

/// The quotations of a work order `p` may see, newest first.
pub(crate) async fn list_quotations(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let w = visible_work_order(&s, &p, &id).await?;
    let page: QuotationList = s
        .call(
            &ListQuotations {
                work_order_id: w.id,
            },
            Some(&p),
        )
        .await?;
    Ok(Json(page).into_response())
}

/// A quotation of a work order `p` may see; another technician's is a 404.
async fn visible_quotation(s: &AppState, p: &Principal, id: &str) -> Result<Quotation, ApiError> {
    let q: Quotation = s.call(&GetQuotation { id: id.to_owned() }, Some(p)).await?;
    if p.role == Role::Technician {
        visible_work_order(s, p, &q.work_order_id.to_string())
            .await
            .map_err(|_| ApiError::not_found("quotation", id))?;
    }
    Ok(q)
}

pub(crate) async fn get_quotation(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let q = visible_quotation(&s, &p, &id).await?;
    Ok(with_etag(StatusCode::OK, &q, q.version))
}

/// Records the customer's answer at the version read (`If-Match`).
pub(crate) async fn answer_quotation(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if_match_version(&headers)?;
    visible_quotation(&s, &p, &id).await?;
    update_versioned::<AnswerQuotation>(&s, &p, ("quotation_id", id), &headers, body, |q| q.version)
        .await
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("billing")
        .add(
            get("listInvoices", "/invoices")
                .summary("Receipts, newest number first: those of a work order, or searched by state, customer, number or name and day of issue, a page at a time")
                .roles(INVOICE_READERS)
                .scope("customer: receipts of own tickets only, one work order at a time")
                .params(&[
                    query("work_order_id", schema::<uuid::Uuid>, "Only the receipts of this work order (required for a customer)."),
                    query("state", schema::<InvoiceState>, "open (something is owed) or settled (nothing is)."),
                    query("customer_id", schema::<uuid::Uuid>, "Only this customer's receipts."),
                    query("q", schema::<String>, "The receipt number or the customer name contains this (case ignored), up to 100 characters."),
                    query("from", day_schema, "Issued on or after this day (service-local)."),
                    query("to", day_schema, "Issued on or before this day (service-local)."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Invoice>>()
                .to(list_invoices),
        )
        .add(
            post("previewWorkOrderCharge", "/workorders/{id}/charge-preview")
                .summary("What the visit's receipt will charge, before the customer signs: the times, fault, parts and outcome entered so far priced by the rules the receipt is issued with (call-out, labour in started quarter hours, parts at list price, warranty, contract or the brand's warranty, key-account discount), each line with why it is covered or charged, and the total; nothing is stored")
                .roles(CHARGE_PREVIEWERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id or number.")])
                .body::<ChargePreviewRequest>()
                .path_fills(&["work_order_id"])
                .reply::<ChargePreview>()
                .to(preview_charge),
        )
        .add(
            post("offerQuotation", "/workorders/{id}/quotations")
                .summary("Offer the customer a quotation (报价) before chargeable work: the times, fault and parts entered so far priced as the completed visit's receipt would be (call-out, labour, parts from the price book), with what a refusal charges (the call-out when the fee schedule says so); 409 when the work charges nothing, another quotation waits for an answer or one was refused")
                .roles(QUOTERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id or number.")])
                .body::<ChargePreviewRequest>()
                .path_fills(&["work_order_id"])
                .creates()
                .reply::<Quotation>()
                .to(offer_quotation),
        )
        .add(
            get("listWorkOrderQuotations", "/workorders/{id}/quotations")
                .summary("The quotations of a work order, newest first")
                .roles(QUOTATION_READERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id or number.")])
                .reply::<QuotationList>()
                .to(list_quotations),
        )
        .add(
            get("getQuotation", "/quotations/{id}")
                .summary("One quotation, its version as the ETag")
                .roles(QUOTATION_READERS)
                .scope("technician: quotations of own work orders only")
                .params(&[path_id("Quotation id.")])
                .reply::<Quotation>()
                .to(get_quotation),
        )
        .add(
            post("answerQuotation", "/quotations/{id}/answer")
                .summary("Record the customer's answer to a quotation, once (If-Match: the version read): accepted, the work goes ahead; refused, the visit ends and a receipt charges the call-out alone when the fee schedule says so, and the visit's report makes no other receipt")
                .roles(QUOTERS)
                .scope("technician: quotations of own work orders only")
                .params(&[path_id("Quotation id.")])
                .body::<AnswerQuotation>()
                .path_fills(&["quotation_id"])
                .updates()
                .reply::<Quotation>()
                .to(answer_quotation),
        )
        .add(
            get("getInvoice", "/invoices/{id}")
                .summary("One receipt")
                .roles(INVOICE_READERS)
                .scope("customer: receipts of own tickets only")
                .params(&[path_id("Receipt id.")])
                .reply::<Invoice>()
                .to(get_invoice),
        )
        .add(
            post("createContract", "/contracts")
                .summary("Record a signed annual maintenance contract (年保): machines, period, coverage, visit frequency, price; receipts then apply its coverage, dispatch plans its visits")
                .roles(&[Agent, Finance, Manager, Admin])
                .body::<CreateContract>()
                .creates()
                .reply::<Contract>()
                .to(create_contract),
        )
        .add(
            get("listContracts", "/contracts")
                .summary("Contracts, newest first")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[
                    query("customer_id", schema::<uuid::Uuid>, "Only this customer's contracts."),
                ])
                .reply::<Page<Contract>>()
                .to(list_contracts),
        )
        .add(
            get("getContract", "/contracts/{id}")
                .summary("One contract by id or number")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Contract id or number.")])
                .forward::<GetContract>(),
        )
        .add(
            post("terminateContract", "/contracts/{id}/termination")
                .summary("End a contract early (once): coverage stops after the new last day and dispatch plans no visit after it")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Contract id or number.")])
                .body::<TerminateContract>()
                .path_fills(&["contract_id"])
                .creates()
                .reply::<Contract>()
                .to(terminate_contract),
        )
        .add(
            post("recordPayment", "/invoices/{id}/payments")
                .summary("Record a payment of a receipt (cash, bank transfer, WeChat Pay, Alipay; recorded, not processed); never more than is owed")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Receipt id or number.")])
                .body::<RecordPayment>()
                .path_fills(&["invoice_id"])
                .creates()
                .reply::<Payment>()
                .to(record_payment),
        )
        .add_all(
            super::operation::report!("receivables", "/reports/receivables")
                .summary("Receivables ageing (应收帐款) on a day: every receipt with something owed, its age and bucket (0-30, 31-60, 61-90, over 90 days), totals per bucket")
                .tag("reports")
                .roles(&[Finance, Manager, Admin])
                .params(&[
                    query("as_of", day_schema, "The day ages are counted to.").required(),
                ])
                .report(receivables),
        )
        .add_all(
            super::operation::report!("revenue", "/reports/revenue")
                .summary("Revenue of the receipts issued in a period by month, kind of visit, district or technician: at price, charged, credited, net, key-account discounts, and the cost of warranty, contract and manufacturer-claimable work")
                .tag("reports")
                .roles(&[Finance, Manager, Admin])
                .params(&[
                    query("from", day_schema, "First day (service-local), inclusive.").required(),
                    query("to", day_schema, "Last day, inclusive; at most 400 days after from.").required(),
                    query("group_by", schema::<RevenueGrouping>, "month (default), work_type, district or technician."),
                ])
                .report(revenue),
        )
        .add(
            get("listFeeSchedules", "/fee-schedules")
                .summary("Fee schedule versions (统一收费标准), newest first")
                .roles(&[Agent, Finance, Manager, Admin])
                .forward::<ListFeeSchedules>(),
        )
        .add(
            get("getPartPrices", "/part-prices/{sku}")
                .summary("A part's list price changes as billing keeps them: receipts charge the price in force when the visit finished")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path("sku", "Part number.")])
                .forward::<GetPartPrices>(),
        )
        .add(
            post("createFeeSchedule", "/fee-schedules")
                .summary("Publish a new fee schedule version from a day on (today or later, after the latest): call-out fees by district and kind, hourly or flat labour, key-account discount, tax, warranty terms, misuse faults, brand warranties")
                .roles(&[Finance, Manager, Admin])
                .body::<CreateFeeSchedule>()
                .creates()
                .reply::<FeeSchedule>()
                .to(create_fee_schedule),
        )
        .add(
            post("createCreditNote", "/invoices/{id}/credit-notes")
                .summary("Correct a receipt by a credit note (receipts are never edited); at most what is still owed")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Receipt id or number.")])
                .body::<CreateCreditNote>()
                .path_fills(&["invoice_id"])
                .creates()
                .reply::<CreditNote>()
                .to(create_credit_note),
        )
        .add(
            get("listCreditNotes", "/invoices/{id}/credit-notes")
                .summary("The credit notes of a receipt")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Receipt id or number.")])
                .forward::<ListCreditNotes>(),
        )
        .add(
            get("listPayments", "/invoices/{id}/payments")
                .summary("The payments of a receipt, oldest first: method, amount, reference, who collected and who recorded it")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Receipt id or number.")])
                .forward::<ListPayments>(),
        )
        .add(
            post("recordIou", "/invoices/{id}/iou")
                .summary("Record the customer's IOU (欠条) for what a receipt still owes, with the promised day")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Receipt id or number.")])
                .body::<RecordIou>()
                .path_fills(&["invoice_id"])
                .creates()
                .reply::<Invoice>()
                .to(record_iou),
        )
        .add(
            get("cashDay", "/cash-days")
                .summary("A day's cash per technician: what each collected on site, visit by visit, and the count once made")
                .roles(&[Finance, Manager, Admin])
                .params(&[
                    query("day", day_schema, "The service-local day.").required(),
                ])
                .reply::<Page<CashDay>>()
                .to(cash_day),
        )
        .add(
            post("reconcileCash", "/cash-reconciliations")
                .summary("Record the count of a technician's cash for a day (once): balanced, or a variance a manager must approve")
                .roles(&[Finance, Manager, Admin])
                .body::<ReconcileCash>()
                .creates()
                .reply::<CashReconciliation>()
                .to(reconcile_cash),
        )
        .add(
            post("approveCashVariance", "/cash-reconciliations/{id}/approval")
                .summary("A manager approves a cash variance; the day is settled")
                .roles(&[Manager, Admin])
                .params(&[path_id("Reconciliation id.")])
                .body::<ApproveVariance>()
                .path_fills(&["reconciliation_id"])
                .creates()
                .reply::<CashReconciliation>()
                .to(approve_variance),
        )
        .add(
            get("listRefunds", "/refunds")
                .summary("Refunds of approved returns, due first")
                .roles(&[Finance, Manager, Admin])
                .params(&[
                    query("status", schema::<RefundStatus>, "Only due or only paid refunds."),
                ])
                .reply::<Page<Refund>>()
                .to(list_refunds),
        )
        .add(
            get("getRefund", "/refunds/{id}")
                .summary("One refund, by id or by its return ticket's id")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Refund id or return ticket id.")])
                .forward_versioned::<GetRefund>(),
        )
        .add(
            post("payRefund", "/refunds/{id}/payment")
                .summary("Record that a refund was paid back (amount, method, reference); once")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Refund id or return ticket id.")])
                .path_fills(&["refund_id"])
                .updates()
                .forward_versioned::<PayRefund>(),
        )
        .add(
            get("listClaims", "/claims")
                .summary("Manufacturer claims (厂家索赔), newest first: one open draft per brand gathers the lines its warranty covers")
                .roles(&[Finance, Manager, Admin])
                .params(&[
                    query("status", schema::<ClaimStatus>, "Only in this state."),
                    query("brand", schema::<String>, "Only of this brand (case ignored)."),
                ])
                .reply::<Page<ManufacturerClaim>>()
                .to(list_claims),
        )
        .add(
            get("getClaim", "/claims/{id}")
                .summary("One claim by id or number, with its lines and the removed parts that go back")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Claim id or number.")])
                .forward_versioned::<GetClaim>(),
        )
        .add(
            post("setClaimFields", "/claims/{id}/fields")
                .summary("Fill in a draft claim's brand fields (an empty value removes one)")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Claim id or number.")])
                .path_fills(&["claim_id"])
                .updates()
                .forward_versioned::<SetClaimFields>(),
        )
        .add(
            post("transitionClaim", "/claims/{id}/transitions")
                .summary("Submit a claim (with the brand's required fields), record the brand's approval or rejection, or its payment")
                .roles(&[Finance, Manager, Admin])
                .params(&[path_id("Claim id or number.")])
                .path_fills(&["claim_id"])
                .updates()
                .forward_versioned::<TransitionClaim>(),
        )
        .add(
            get("getCompanyProfile", "/company-profile")
                .summary("The company profile its receipts are headed with (names in Chinese and English, address, telephone, taxpayer number, bank and account, the receipt's footer), with who stored it and when; null until set")
                .roles(PROFILE_READERS)
                .reply::<CompanyProfile>()
                .to(crate::http::read_setting::<GetCompanyProfile>),
        )
        .add(
            post("replaceCompanyProfile", "/company-profile")
                .summary("Replace the company profile for receipts printed from now (If-Match: its ETag, \"0\" while none is set)")
                .roles(&[Admin])
                .body::<ReplaceCompanyProfile>()
                .updates()
                .reply::<CompanyProfile>()
                .to(crate::http::replace_setting::<ReplaceCompanyProfile>),
        )
        .add(
            get("getCompanyProfileHistory", "/company-profile/history")
                .summary("The company profile's stored versions, newest first, with who stored each and when (a version's items: the one profile)")
                .setting_history::<aftercare_contracts::billing::BillingSettingHistory>("company_profile"),
        )
        .add(
            get("listClaimRequirements", "/claim-requirements")
                .summary("What each brand requires on a claim before it is submitted")
                .roles(&[Finance, Manager, Admin])
                .forward::<ListClaimRequirements>(),
        )
        .add(
            post("saveClaimRequirements", "/claim-requirements")
                .summary("Set the fields a brand requires on its claims (replaces the brand's list)")
                .roles(&[Finance, Manager, Admin])
                .body::<ClaimRequirements>()
                .creates()
                .reply::<ClaimRequirements>()
                .to(save_claim_requirements),
        )
        .add_all(
            super::operation::report!("claimsOutstanding", "/reports/claims-outstanding")
                .summary("Claims not yet settled, per brand: drafts, submitted and approved awaiting payment, with their value and the oldest")
                .tag("reports")
                .roles(&[Finance, Manager, Admin])
                .report(claims_outstanding),
        )
        .add(
            get("listRenewals", "/renewals")
                .summary("Contracts and warranties coming to their end (续保), soonest first: listed two months ahead, followed up weekly from the 1st of the month before")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[query("status", schema::<RenewalStatus>, "Only in this state.")])
                .reply::<Page<Renewal>>()
                .to(list_renewals),
        )
        .add(
            get("getRenewal", "/renewals/{id}")
                .summary("One renewal")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Renewal id.")])
                .forward_versioned::<GetRenewal>(),
        )
        .add(
            post("recordRenewalOutcome", "/renewals/{id}/outcome")
                .summary("Record the customer's answer: declined (with the reason), or renewed, which signs the next contract from the day after the old end")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[path_id("Renewal id.")])
                .path_fills(&["renewal_id"])
                .updates()
                .forward_versioned::<RecordRenewalOutcome>(),
        )
        .add_all(
            super::operation::report!("contractsSigned", "/reports/contracts-signed")
                .summary("The contracts recorded in a month (年保合同明细), renewals told apart from new ones")
                .tag("reports")
                .roles(&[Agent, Finance, Manager, Admin])
                .params(&[
                    query("month", schema::<String>, "The month, `2026-11` (or any day of it).").required(),
                ])
                .report(contracts_signed),
        )
}
