//! Parts planning: a forecast plan drafts next months' purchases from each part's monthly
//! consumption (method by demand pattern, scaled by the installed base and the sales
//! plan, with each method's backtest on the history); a manager approves it and its
//! purchase requests are made.
use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    ApproveForecastPlan, ForecastLine, ForecastPlan, ForecastStatus, GetForecastPlan,
    PurchaseReason, StartForecastPlan,
};
use aftercare_contracts::rpc::FieldError;
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, from_ms, now_ms};
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use crate::domain::forecast::{Method, Pattern, backtest, choose, forecast, pattern, scaled};
use crate::store;

pub(crate) fn endpoints(db: Db, calendar: Arc<BusinessCalendar>) -> Vec<Endpoint> {
    Endpoints::new(db)
        .on::<StartForecastPlan, _>(start)
        .on::<GetForecastPlan, _>(get)
        .on::<ApproveForecastPlan, _>(move |db, ctx, req| approve(db, calendar.clone(), ctx, req))
        .into_vec()
}

fn method_name(m: Method) -> String {
    match m {
        Method::Ses(a) => format!("ses({a})"),
        Method::Croston(a) => format!("croston({a})"),
        Method::Sba(a) => format!("sba({a})"),
        Method::Tsb(a, b) => format!("tsb({a},{b})"),
    }
}

fn pattern_name(p: Pattern) -> &'static str {
    match p {
        Pattern::Smooth => "smooth",
        Pattern::Erratic => "erratic",
        Pattern::Intermittent => "intermittent",
        Pattern::Lumpy => "lumpy",
        Pattern::None => "none",
    }
}

fn check(req: &StartForecastPlan) -> Vec<FieldError> {
    let mut e = Vec::new();
    let mut bad = |field: &str, message: &str| {
        e.push(FieldError {
            field: field.into(),
            code: "out_of_range".into(),
            message: message.into(),
        })
    };
    if !(3..=36).contains(&req.history_months) {
        bad("history_months", "history_months is 3 to 36");
    }
    if !(1..=6).contains(&req.horizon_months) {
        bad("horizon_months", "horizon_months is 1 to 6");
    }
    if !(0.1..=10.0).contains(&req.installed_base_factor) {
        bad(
            "installed_base_factor",
            "installed_base_factor is 0.1 to 10",
        );
    }
    if !(0.1..=10.0).contains(&req.sales_factor) {
        bad("sales_factor", "sales_factor is 0.1 to 10");
    }
    if req.note.chars().count() > 500 {
        bad("note", "note must be at most 500 characters");
    }
    e
}

/// The first day of the month `back` months before the month of `today`.
fn month_start(today: NaiveDate, back: u32) -> NaiveDate {
    let total = today.year() * 12 + today.month0() as i32 - back as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(today)
}

async fn start(
    db: Db,
    ctx: RequestContext,
    req: StartForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    let errors = check(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let today = from_ms(now).date_naive();
    // Whole months up to the current one (not included).
    let first = month_start(today, req.history_months);
    let since = Utc
        .from_utc_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        .timestamp_millis();
    let months = req.history_months as usize;
    let mut uow = db.begin().await?;
    if !store::location_exists(uow.conn(), req.location.trim()).await? {
        return Err(ServiceError::field(
            "location",
            "unknown_location",
            format!("{:?} is not a registered stock location", req.location),
        ));
    }
    let mut histories: std::collections::BTreeMap<String, Vec<f64>> =
        std::collections::BTreeMap::new();
    for sku in store::stocked_skus(uow.conn()).await? {
        histories.insert(sku, vec![0.0; months]);
    }
    for (sku, at, qty) in store::monthly_consumption(uow.conn(), since).await? {
        let d = from_ms(at).date_naive();
        let index =
            (d.year() * 12 + d.month0() as i32) - (first.year() * 12 + first.month0() as i32);
        if (0..months as i32).contains(&index) {
            histories.entry(sku).or_insert_with(|| vec![0.0; months])[index as usize] += qty as f64;
        }
    }
    let mut lines = Vec::with_capacity(histories.len());
    for (sku, history) in histories {
        let method = choose(&history);
        let per_month = forecast(&history, method);
        let need = (scaled(per_month, req.installed_base_factor, 1.0, req.sales_factor)
            * f64::from(req.horizon_months))
        .ceil()
        .max(0.0) as u32;
        let (available, on_order) = store::position(uow.conn(), &sku, req.location.trim()).await?;
        let covered = available + on_order;
        let test = backtest(&history, method, 3);
        lines.push(ForecastLine {
            to_buy: (i64::from(need) - covered).clamp(0, i64::from(u32::MAX)) as u32,
            sku,
            history: history.iter().map(|h| *h as i64).collect(),
            pattern: pattern_name(pattern(&history)).into(),
            method: method_name(method),
            per_month: (per_month * 1000.0).round() / 1000.0,
            need,
            covered,
            mase: test
                .and_then(|t| t.mase)
                .map(|m| (m * 1000.0).round() / 1000.0),
            bias: test.map(|t| (t.bias * 1000.0).round() / 1000.0),
        });
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
        created_by: ctx
            .actor
            .as_ref()
            .map(|a| a.user_id.clone())
            .unwrap_or_else(|| "anonymous".into()),
        created_at: from_ms(now),
        version: 1,
    };
    store::save_plan(&mut uow, &plan, None).await?;
    uow.commit().await?;
    Ok(plan)
}

async fn get(
    db: Db,
    _ctx: RequestContext,
    req: GetForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::plan(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("forecast plan", &req.id))
}

async fn approve(
    db: Db,
    calendar: Arc<BusinessCalendar>,
    _ctx: RequestContext,
    req: ApproveForecastPlan,
) -> Result<ForecastPlan, ServiceError> {
    let mut uow = db.begin().await?;
    let mut plan = store::plan(uow.conn(), req.plan_id.trim())
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
    let now = now_ms();
    for line in plan.lines.iter().filter(|l| l.to_buy > 0) {
        let basis = format!(
            "forecast plan {}: {} per month by {}, need {} for {} month(s), {} covered",
            plan.id,
            line.per_month,
            line.method,
            line.need,
            plan.assumptions.horizon_months,
            line.covered
        );
        let pr = store::insert_purchase(
            &mut uow,
            &line.sku,
            &plan.assumptions.location,
            line.to_buy,
            PurchaseReason::Forecast,
            &basis,
            &calendar,
            now,
        )
        .await?;
        plan.purchase_requests.push(pr.number);
    }
    let version = plan.version;
    plan.status = ForecastStatus::Approved;
    plan.version += 1;
    if !store::save_plan(&mut uow, &plan, Some(version)).await? {
        return Err(ServiceError::stale(
            "the forecast plan was changed meanwhile",
        ));
    }
    uow.commit().await?;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_back_across_a_year_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(month_start(d(2026, 11, 23), 12), d(2025, 11, 1));
        assert_eq!(month_start(d(2026, 2, 5), 3), d(2025, 11, 1));
        assert_eq!(month_start(d(2026, 2, 5), 0), d(2026, 2, 1));
    }
}
