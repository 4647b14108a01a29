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
use axum::Router;
use axum::routing::{get, post};

use crate::state::AppState;

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
