//! Forecast plans: drafted from each part's monthly consumption
//! ([`crate::domain::planning`]), approved once by a manager, which drafts their purchase
//! requests.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    ApproveForecastPlan, ForecastPlan, ForecastStatus, PurchaseReason, StartForecastPlan,
};
use aftercare_platform::{UnitOfWork, from_ms};
use chrono::Datelike;
use uuid::Uuid;

use crate::domain::planning;
use crate::store;

/// Drafts a plan for a location from the whole months of consumption before the current
/// one, months and today being the company's local dates.
pub(crate) async fn start(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: StartForecastPlan,
    by: String,
) -> Result<ForecastPlan, ServiceError> {
    let errors = planning::check(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = uow.now_ms();
    let today = calendar.local_date(from_ms(now));
    // Whole months up to the current one (not included), from local midnight.
    let first = planning::month_start(today, req.history_months);
    let since = calendar.start_of_day(first).timestamp_millis();
    if !store::locations::location_exists(uow.conn(), req.location.trim()).await? {
        return Err(ServiceError::field(
            "location",
            "unknown_location",
            format!("{:?} is not a registered stock location", req.location),
        ));
    }
    let stocked = store::forecasts::stocked_skus(uow.conn()).await?;
    let consumed = store::forecasts::monthly_consumption(uow.conn(), since)
        .await?
        .into_iter()
        .map(|(sku, at, qty)| (sku, calendar.local_date(from_ms(at)), qty))
        .collect();
    let histories = planning::histories(first, req.history_months as usize, stocked, consumed);
    let mut lines = Vec::with_capacity(histories.len());
    for (sku, history) in histories {
        let (available, on_order) =
            store::purchasing::position(uow.conn(), &sku, req.location.trim()).await?;
        lines.push(planning::forecast_line(
            sku,
            &history,
            &req,
            available + on_order,
        ));
    }
    let plan = ForecastPlan {
        id: Uuid::now_v7(),
        history_from: format!("{}-{:02}", first.year(), first.month()),
        assumptions: StartForecastPlan {
            location: req.location.trim().to_owned(),
            note: req.note.trim().to_owned(),
            ..req
        },
        lines,
        status: ForecastStatus::Draft,
        purchase_requests: vec![],
        created_by: by,
        created_at: from_ms(now),
        version: 1,
    };
    store::forecasts::save_plan(uow, &plan, None).await?;
    Ok(plan)
}

/// Approves a draft plan at the version the manager saw: a purchase request for each line
/// with something to buy, their numbers kept on the plan.
pub(crate) async fn approve(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: ApproveForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    let mut plan = store::forecasts::plan(uow.conn(), req.plan_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("forecast plan", &req.plan_id))?;
    if plan.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "forecast plan {} is at version {}, not {}",
            plan.id, plan.version, req.expected_version
        )));
    }
    if plan.status != ForecastStatus::Draft {
        return Err(ServiceError::conflict(
            "plan_approved",
            format!("forecast plan {} was already approved", plan.id),
        ));
    }
    let now = uow.now_ms();
    let mut numbers = Vec::new();
    for line in plan.lines.iter().filter(|l| l.to_buy > 0) {
        let basis = planning::purchase_basis(&plan, line);
        let pr = super::purchasing::draft(
            uow,
            calendar,
            super::purchasing::Draft {
                sku: &line.sku,
                location: &plan.assumptions.location,
                quantity: line.to_buy,
                reason: PurchaseReason::Forecast,
                basis: &basis,
            },
            now,
        )
        .await?;
        numbers.push(pr.number);
    }
    plan.purchase_requests.extend(numbers);
    let version = plan.version;
    plan.status = ForecastStatus::Approved;
    plan.version += 1;
    if !store::forecasts::save_plan(uow, &plan, Some(version)).await? {
        return Err(ServiceError::stale(
            "the forecast plan was changed meanwhile",
        ));
    }
    Ok(plan)
}
