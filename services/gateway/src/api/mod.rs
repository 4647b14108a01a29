//! The `/api/v1` routes. Handlers read and check their input, apply the object-level
//! rules (whose objects the caller may see), call the owning service over NATS and
//! shape the answer; no domain rule lives here.
pub(crate) mod auth;
pub(crate) mod billing;
pub(crate) mod catalogue;
pub(crate) mod customers;
pub(crate) mod dispatch;
pub(crate) mod inventory;
pub(crate) mod live;
pub(crate) mod map;
pub(crate) mod model;
pub(crate) mod preferences;
pub(crate) mod selfservice;
pub(crate) mod services;
pub(crate) mod survey;

use std::sync::Arc;

use aftercare_contracts::dispatch::{
    DurationDefaults, GetDurationDefaults, ReplaceDurationDefaults,
};
use aftercare_contracts::intake::{
    GetNotificationTemplates, GetPriorityRules, GetSlaPolicy, NotificationTemplates, PriorityRules,
    ReplaceNotificationTemplates, ReplacePriorityRules, ReplaceSlaPolicy, SlaPolicy,
};
use aftercare_contracts::survey::{
    GetQualityThresholds, GetQuestionnaire, QualityThresholds, Questionnaire,
    ReplaceQualityThresholds, ReplaceQuestionnaire,
};
use aftercare_contracts::{Request, ServiceError};
use aftercare_platform::rpc::call;
use aftercare_platform::{Bus, Db};
use axum::Router;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::GatewayConfig;
use crate::error::ApiError;
use crate::identity::Principal;
use crate::identity::oidc::Oidc;
use crate::identity::tokens::Signer;
use crate::limits::Limits;

/// What every handler can reach.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) bus: Bus,
    pub(crate) db: Db,
    pub(crate) signer: Signer,
    pub(crate) config: Arc<GatewayConfig>,
    pub(crate) limits: Arc<Limits>,
    pub(crate) live: live::Live,
    pub(crate) oidc: Option<Arc<Oidc>>,
    /// Bounded slots for argon2 hashing (memory budget).
    pub(crate) hashing: crate::identity::password::Hashing,
    /// Accounts that must change their password before anything else.
    pub(crate) must_change: crate::identity::password_change::MustChange,
}

impl AppState {
    /// Calls the owning service as `principal` (recorded by the service as the actor).
    pub(crate) async fn call<R: Request>(
        &self,
        req: &R,
        principal: Option<&Principal>,
    ) -> Result<R::Reply, ApiError> {
        let actor = principal.map(Principal::actor);
        Ok(call(&self.bus, req, actor.as_ref(), self.config.request_timeout).await?)
    }
}

/// The routes under `/api/v1`; every one is listed in [`catalogue::OPERATIONS`].
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/token", post(auth::sign_in))
        .route("/auth/refresh", post(auth::refresh))
        .route("/auth/logout", post(auth::sign_out))
        .route("/me", get(auth::me))
        .route("/me/password", post(auth::change_password))
        .route(
            "/me/preferences",
            get(preferences::get).post(preferences::save),
        )
        .route("/map-settings", get(map::get))
        .route(
            "/accounts",
            post(auth::create_account).get(auth::list_accounts),
        )
        .route("/accounts/{id}", get(auth::get_account))
        .route("/accounts/{id}/disable", post(auth::disable_account))
        .route(
            "/accounts/{id}/api-tokens",
            post(auth::create_api_token).get(auth::list_api_tokens),
        )
        .route(
            "/accounts/{id}/api-tokens/{token_id}/revoke",
            post(auth::revoke_api_token),
        )
        .route("/audit", get(auth::list_audit))
        .route(
            "/tickets",
            post(services::open_ticket).get(services::list_tickets),
        )
        .route("/tickets/{id}", get(services::get_ticket))
        .route("/tickets/{id}/history", get(services::ticket_history))
        .route("/tickets/{id}/transitions", post(services::move_ticket))
        .route(
            "/tickets/{id}/priority",
            post(services::set_ticket_priority),
        )
        .route("/tickets/{id}/owner", post(services::assign_ticket_owner))
        .route(
            "/tickets/{id}/return-inspection",
            post(services::inspect_return),
        )
        .route(
            "/faq",
            post(services::create_faq_article).get(services::find_faq_articles),
        )
        .route("/faq/{id}", get(services::get_faq_article))
        .route("/reports/tickets", get(services::ticket_report))
        .route(
            "/sla-policy",
            services::setting_route::<GetSlaPolicy, ReplaceSlaPolicy>(|p: &SlaPolicy| p.version),
        )
        .route(
            "/notification-templates",
            services::setting_route::<GetNotificationTemplates, ReplaceNotificationTemplates>(
                |t: &NotificationTemplates| t.version,
            ),
        )
        .route(
            "/priority-rules",
            services::setting_route::<GetPriorityRules, ReplacePriorityRules>(
                |r: &PriorityRules| r.version,
            ),
        )
        .route(
            "/customers",
            post(customers::create_customer).get(customers::find_customers),
        )
        .route("/customers/{id}", get(customers::get_customer))
        .route("/customers/{id}/machines", get(customers::list_machines))
        .route("/machines", post(customers::register_machine))
        .route(
            "/product-lines",
            get(customers::list_product_lines).post(customers::save_product_line),
        )
        .route("/warranty-cards", post(customers::register_warranty_card))
        .route("/self-service/codes", post(selfservice::request_code))
        .route("/self-service/sessions", post(selfservice::redeem_code))
        .route(
            "/technicians",
            post(services::create_technician).get(dispatch::list_technicians),
        )
        .route(
            "/technicians/{id}",
            get(dispatch::get_technician).post(dispatch::update_technician),
        )
        .route("/technicians/{id}/leave", post(dispatch::add_leave))
        .route("/workorders/{id}/assign", post(dispatch::assign_work_order))
        .route(
            "/workorders/{id}/transitions",
            post(dispatch::move_work_order),
        )
        .route(
            "/workorders/{id}/appointment",
            post(dispatch::book_appointment),
        )
        .route(
            "/workorders/{id}/parts-requests",
            post(dispatch::request_parts),
        )
        .route(
            "/duration-defaults",
            services::setting_route::<GetDurationDefaults, ReplaceDurationDefaults>(
                |d: &DurationDefaults| d.version,
            ),
        )
        .route("/day-plans", post(dispatch::publish_day_plan))
        .route("/day-plans/{date}", get(dispatch::get_day_plan))
        .route("/reports/visits", get(dispatch::visit_report))
        .route(
            "/maintenance-plans",
            post(dispatch::create_maintenance_plan).get(dispatch::list_maintenance_plans),
        )
        .route("/workorders", get(services::list_work_orders))
        .route("/workorders/{id}", get(services::get_work_order))
        .route(
            "/workorders/{id}/history",
            get(services::work_order_history),
        )
        .route(
            "/workorders/{id}/complete",
            post(services::complete_work_order),
        )
        .route("/parts", post(services::create_part))
        .route(
            "/parts/{sku}",
            get(services::get_part).post(inventory::update_part),
        )
        .route("/parts/{sku}/receipts", post(services::receive_stock))
        .route(
            "/parts/{sku}/movements",
            post(inventory::record_movement).get(inventory::list_movements),
        )
        .route(
            "/parts/{sku}/rules",
            post(inventory::save_rule).get(inventory::list_rules),
        )
        .route("/reports/stock", get(inventory::stock_report))
        .route("/forecast-plans", post(inventory::start_forecast))
        .route("/forecast-plans/{id}", get(inventory::get_forecast))
        .route(
            "/forecast-plans/{id}/approval",
            post(inventory::approve_forecast),
        )
        .route(
            "/purchase-requests",
            post(inventory::create_purchase).get(inventory::list_purchases),
        )
        .route("/purchase-requests/{id}", get(inventory::get_purchase))
        .route(
            "/purchase-requests/{id}/transitions",
            post(inventory::move_purchase),
        )
        .route(
            "/locations",
            post(inventory::create_location).get(inventory::list_locations),
        )
        .route("/stocktakes", post(inventory::start_stocktake))
        .route("/stocktakes/{id}", get(inventory::get_stocktake))
        .route(
            "/stocktakes/{id}/decision",
            post(inventory::decide_stocktake),
        )
        .route("/invoices", get(services::list_invoices))
        .route("/invoices/{id}", get(services::get_invoice))
        .route(
            "/contracts",
            post(billing::create_contract).get(billing::list_contracts),
        )
        .route("/contracts/{id}", get(billing::get_contract))
        .route(
            "/contracts/{id}/termination",
            post(billing::terminate_contract),
        )
        .route("/invoices/{id}/payments", post(billing::record_payment))
        .route("/reports/receivables", get(billing::receivables))
        .route("/reports/revenue", get(billing::revenue))
        .route(
            "/fee-schedules",
            post(billing::create_fee_schedule).get(billing::list_fee_schedules),
        )
        .route("/part-prices/{sku}", get(billing::part_prices))
        .route(
            "/invoices/{id}/credit-notes",
            post(billing::create_credit_note).get(billing::list_credit_notes),
        )
        .route("/invoices/{id}/iou", post(billing::record_iou))
        .route("/cash-days", get(billing::cash_day))
        .route("/cash-reconciliations", post(billing::reconcile_cash))
        .route(
            "/cash-reconciliations/{id}/approval",
            post(billing::approve_variance),
        )
        .route("/refunds", get(billing::list_refunds))
        .route("/refunds/{id}", get(billing::get_refund))
        .route("/refunds/{id}/payment", post(billing::pay_refund))
        .route("/claims", get(billing::list_claims))
        .route("/claims/{id}", get(billing::get_claim))
        .route("/claims/{id}/fields", post(billing::set_claim_fields))
        .route("/claims/{id}/transitions", post(billing::move_claim))
        .route(
            "/claim-requirements",
            post(billing::save_claim_requirements).get(billing::list_claim_requirements),
        )
        .route(
            "/reports/claims-outstanding",
            get(billing::claims_outstanding),
        )
        .route("/renewals", get(billing::list_renewals))
        .route("/renewals/{id}", get(billing::get_renewal))
        .route("/renewals/{id}/outcome", post(billing::renewal_outcome))
        .route("/reports/contracts-signed", get(billing::contracts_signed))
        .route("/callbacks", get(survey::list_callbacks))
        .route("/callbacks/{id}", get(survey::get_callback))
        .route("/callbacks/{id}/attempts", post(survey::record_callback))
        .route(
            "/callbacks/{id}/answer-link",
            post(survey::issue_answer_link),
        )
        .route("/answer-form", post(survey::answer_form))
        .route("/answer-form/answers", post(survey::answer_by_link))
        .route(
            "/questionnaire",
            services::setting_route::<GetQuestionnaire, ReplaceQuestionnaire>(
                |q: &Questionnaire| q.version,
            ),
        )
        .route("/followups", get(survey::list_follow_ups))
        .route("/followups/{id}", get(survey::get_follow_up))
        .route("/followups/{id}/resolve", post(survey::resolve_follow_up))
        .route("/reports/callback-scores", get(survey::score_report))
        .route("/reports/callback-coverage", get(survey::coverage_report))
        .route("/reports/satisfaction", get(survey::satisfaction_report))
        .route("/reports/appraisal", get(survey::appraisal_report))
        .route("/reports/appraisal.csv", get(survey::appraisal_export))
        .route(
            "/rankings",
            get(survey::list_rankings).post(survey::publish_ranking),
        )
        .route("/rankings/{id}", get(survey::get_ranking))
        .route(
            "/campaigns",
            post(survey::start_campaign).get(survey::list_campaigns),
        )
        .route("/quality-warnings", get(survey::list_quality_warnings))
        .route(
            "/quality-thresholds",
            services::setting_route::<GetQualityThresholds, ReplaceQualityThresholds>(
                |t: &QualityThresholds| t.version,
            ),
        )
        .route("/stream", get(live::stream))
        .route("/deadletters", get(services::list_dead_letters))
}

/// A JSON reply with the object's version as its ETag.
pub(crate) fn with_etag<T: Serialize>(status: StatusCode, value: &T, version: i64) -> Response {
    let mut r = (status, axum::Json(value)).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("\"{version}\"")) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

/// 201 with `Location` (and `ETag` for versioned objects).
pub(crate) fn created<T: Serialize>(value: &T, location: String, version: Option<i64>) -> Response {
    let mut r = match version {
        Some(v) => with_etag(StatusCode::CREATED, value, v),
        None => (StatusCode::CREATED, axum::Json(value)).into_response(),
    };
    if let Ok(v) = HeaderValue::from_str(&location) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// `?limit=`: 1–500, default 50.
pub(crate) fn parse_limit(raw: Option<&str>) -> Result<u32, ApiError> {
    match raw {
        None => Ok(50),
        Some(v) => v
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| {
                ApiError::field(
                    "limit",
                    "out_of_range",
                    "limit must be a whole number from 1 to 500",
                )
            }),
    }
}

/// A local date query parameter (`2026-11-23`), 422 naming it otherwise.
pub(crate) fn parse_day(name: &str, raw: Option<&str>) -> Result<chrono::NaiveDate, ApiError> {
    let raw = raw.ok_or_else(|| {
        ApiError::field(
            name,
            "required",
            format!("give {name} as a date, e.g. 2026-11-23"),
        )
    })?;
    // Years 1900-9999 only: days are stored as ISO text, which sorts as dates only with
    // four-digit years.
    chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            ApiError::field(
                name,
                "invalid",
                format!("{name} must be a date from 1900 to 9999, e.g. 2026-11-23"),
            )
        })
}

/// A UUID parameter, 422 naming it otherwise.
pub(crate) fn parse_uuid_param(name: &str, raw: &str) -> Result<uuid::Uuid, ApiError> {
    uuid::Uuid::parse_str(raw.trim())
        .map_err(|_| ApiError::field(name, "invalid", format!("{name} must be a UUID")))
}

/// The version in `If-Match`: required on updates (428 without), 422 when unreadable.
pub(crate) fn if_match_version(headers: &HeaderMap) -> Result<i64, ApiError> {
    let Some(raw) = headers.get(header::IF_MATCH) else {
        return Err(ApiError::PreconditionRequired);
    };
    raw.to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| {
            ApiError::field(
                "If-Match",
                "invalid",
                "If-Match must be an ETag returned by this API",
            )
        })
}

/// The body of an update: the version from `If-Match` (428 without) goes in as
/// `expected_version`, and the object's id from the path as `id_field`, when given.
pub(crate) async fn update_body<Req: DeserializeOwned>(
    s: &AppState,
    headers: &HeaderMap,
    body: axum::body::Body,
    id: Option<(&str, String)>,
) -> Result<Req, ApiError> {
    let version = if_match_version(headers)?;
    let mut extra = vec![("expected_version", serde_json::Value::from(version))];
    if let Some((field, value)) = id {
        extra.push((field, serde_json::Value::String(value)));
    }
    crate::body::json_with(headers, body, s.config.max_body_bytes, &extra).await
}

/// An update of a versioned object: `If-Match` becomes `expected_version`, the path's id
/// goes into `id_field`, and the answer carries the new version as its ETag.
pub(crate) async fn update_versioned<R: Request>(
    s: &AppState,
    p: &Principal,
    id: (&str, String),
    headers: &HeaderMap,
    body: axum::body::Body,
    version: fn(&R::Reply) -> i64,
) -> Result<Response, ApiError> {
    let req: R = update_body(s, headers, body, Some(id)).await?;
    let r = s.call(&req, Some(p)).await?;
    Ok(with_etag(StatusCode::OK, &r, version(&r)))
}

/// A versioned object read by `req`, with its version as the ETag.
pub(crate) async fn read_versioned<R: Request>(
    s: &AppState,
    p: &Principal,
    req: &R,
    version: fn(&R::Reply) -> i64,
) -> Result<Response, ApiError> {
    let r = s.call(req, Some(p)).await?;
    Ok(with_etag(StatusCode::OK, &r, version(&r)))
}

/// 412 for a write against a version that moved on.
pub(crate) fn stale() -> ApiError {
    ApiError::Service(ServiceError::stale(
        "the object changed since you read it; read it again and retry",
    ))
}
