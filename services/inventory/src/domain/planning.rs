//! Parts planning: how a forecast plan drafts next months' purchases from each part's
//! monthly consumption. The method follows the demand pattern ([`super::forecast`]), the
//! forecast is scaled by the installed base and the sales plan, the need over the horizon
//! is rounded up, and what is available or on order covers part of it; each line carries
//! its method's backtest on the history.
use std::collections::BTreeMap;

use aftercare_contracts::FieldError;
use aftercare_contracts::inventory::{ForecastLine, ForecastPlan, StartForecastPlan, limits};
use chrono::{Datelike, NaiveDate};

use super::forecast::{Method, Pattern, backtest, choose, forecast, pattern, scaled};

/// A method as printed on a plan line: `sba(0.1)`, `tsb(0.1,0.2)`.
pub fn method_name(m: Method) -> String {
    match m {
        Method::Ses(a) => format!("ses({a})"),
        Method::Croston(a) => format!("croston({a})"),
        Method::Sba(a) => format!("sba({a})"),
        Method::Tsb(a, b) => format!("tsb({a},{b})"),
    }
}

/// A demand pattern as printed on a plan line.
pub fn pattern_name(p: Pattern) -> &'static str {
    match p {
        Pattern::Smooth => "smooth",
        Pattern::Erratic => "erratic",
        Pattern::Intermittent => "intermittent",
        Pattern::Lumpy => "lumpy",
        Pattern::None => "none",
    }
}

/// Problems with a plan's assumptions: 3-36 months of history, a 1-6 month horizon,
/// factors from 0.1 to 10 and a note of at most 500 characters.
pub fn check(req: &StartForecastPlan) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::HISTORY_MONTHS.check(&mut e, "history_months", req.history_months);
    limits::HORIZON_MONTHS.check(&mut e, "horizon_months", req.horizon_months);
    limits::FACTOR.check(&mut e, "installed_base_factor", req.installed_base_factor);
    limits::FACTOR.check(&mut e, "sales_factor", req.sales_factor);
    limits::LOCATION.check(&mut e, "location", &req.location);
    limits::NOTE.check(&mut e, "note", &req.note);
    e
}

/// The first day of the month `back` months before the month of `today`: where a plan's
/// history starts (whole months up to the current one, not included).
pub fn month_start(today: NaiveDate, back: u32) -> NaiveDate {
    let total = today.year() * 12 + today.month0() as i32 - back as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(today)
}

/// Each part's consumption per month over `months` months from `first`: every stocked
/// part with a (possibly all-zero) history, and the consumptions (`(sku, day, units)`, the
/// day being the company's local date of the consumption) summed into their month;
/// consumptions outside the months are left out.
pub fn histories(
    first: NaiveDate,
    months: usize,
    stocked: Vec<String>,
    consumed: Vec<(String, NaiveDate, i64)>,
) -> BTreeMap<String, Vec<f64>> {
    let mut histories: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for sku in stocked {
        histories.insert(sku, vec![0.0; months]);
    }
    for (sku, d, qty) in consumed {
        let index =
            (d.year() * 12 + d.month0() as i32) - (first.year() * 12 + first.month0() as i32);
        if (0..months as i32).contains(&index) {
            histories.entry(sku).or_insert_with(|| vec![0.0; months])[index as usize] += qty as f64;
        }
    }
    histories
}

/// A part's plan line: its method by demand pattern, the forecast per month scaled by the
/// plan's factors, the need over the horizon rounded up, what is covered (available plus
/// on order at the plan's location) and what is left to buy.
pub fn forecast_line(
    sku: String,
    history: &[f64],
    req: &StartForecastPlan,
    covered: i64,
) -> ForecastLine {
    let method = choose(history);
    let per_month = forecast(history, method);
    let need = (scaled(per_month, req.installed_base_factor, 1.0, req.sales_factor)
        * f64::from(req.horizon_months))
    .ceil()
    .max(0.0) as u32;
    let test = backtest(history, method, 3);
    ForecastLine {
        to_buy: (i64::from(need) - covered).clamp(0, i64::from(u32::MAX)) as u32,
        sku,
        history: history.iter().map(|h| *h as i64).collect(),
        pattern: pattern_name(pattern(history)).into(),
        method: method_name(method),
        per_month: (per_month * 1000.0).round() / 1000.0,
        need,
        covered,
        mase: test
            .and_then(|t| t.mase)
            .map(|m| (m * 1000.0).round() / 1000.0),
        bias: test.map(|t| (t.bias * 1000.0).round() / 1000.0),
    }
}

/// Why an approved plan's purchase request buys what it buys, as written on the request.
pub fn purchase_basis(plan: &ForecastPlan, line: &ForecastLine) -> String {
    format!(
        "forecast plan {}: {} per month by {}, need {} for {} month(s), {} covered",
        plan.id,
        line.per_month,
        line.method,
        line.need,
        plan.assumptions.horizon_months,
        line.covered
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn request() -> StartForecastPlan {
        StartForecastPlan {
            history_months: 6,
            horizon_months: 2,
            installed_base_factor: 1.0,
            sales_factor: 1.0,
            location: "main".into(),
            note: String::new(),
        }
    }

    #[test]
    fn months_count_back_across_a_year_end() {
        assert_eq!(month_start(d(2026, 11, 23), 12), d(2025, 11, 1));
        assert_eq!(month_start(d(2026, 2, 5), 3), d(2025, 11, 1));
        assert_eq!(month_start(d(2026, 2, 5), 0), d(2026, 2, 1));
    }

    #[test]
    fn consumption_is_summed_per_month_and_stocked_parts_start_at_zero() {
        let at = |m, day| d(2026, m, day);
        let h = histories(
            d(2026, 8, 1),
            3,
            vec!["IDLE".into()],
            vec![
                ("A".into(), at(8, 2), 2),
                ("A".into(), at(8, 30), 1),
                ("A".into(), at(10, 1), 4),
                ("A".into(), at(11, 1), 9),
            ],
        );
        assert_eq!(h["A"], [3.0, 0.0, 4.0]);
        assert_eq!(h["IDLE"], [0.0, 0.0, 0.0]);
    }

    #[test]
    fn what_is_covered_is_not_bought_again() {
        let history = [3.0, 3.0, 3.0, 3.0, 3.0, 3.0];
        let line = forecast_line("A".into(), &history, &request(), 2);
        assert_eq!(line.method, "ses(0.3)");
        assert_eq!(line.pattern, "smooth");
        assert_eq!((line.need, line.covered, line.to_buy), (6, 2, 4));
        let covered = forecast_line("A".into(), &history, &request(), 10);
        assert_eq!(covered.to_buy, 0);
    }

    #[test]
    fn assumptions_are_checked() {
        let mut req = request();
        req.history_months = 2;
        req.sales_factor = 20.0;
        let fields: Vec<_> = check(&req).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["history_months", "sales_factor"]);
        assert!(check(&request()).is_empty());
    }
}
