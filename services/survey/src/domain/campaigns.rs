//! Satisfaction campaigns: once a quarter every active customer (a completed visit in the
//! last `active_months`, counted from the first of the current month) is called back
//! about the service as a whole.
use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::survey::{StartCampaign, limits};
use chrono::{Datelike, NaiveDate};

use super::periods::{add_months, quarter};

/// Problems with a campaign request: a quarter like `2026-Q4` and 1–36 active months.
pub fn validate(req: &StartCampaign) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !(limits::QUARTER.matches)(&req.quarter) || quarter(&req.quarter).is_none() {
        errors.push(FieldError {
            field: "quarter".into(),
            code: "invalid".into(),
            message: "quarter must look like 2026-Q4".into(),
        });
    }
    if !limits::ACTIVE_MONTHS.contains(req.active_months) {
        errors.push(FieldError {
            field: "active_months".into(),
            code: "out_of_range".into(),
            message: "active_months must be between 1 and 36".into(),
        });
    }
    errors
}

/// The first local day whose visits make a customer active for a campaign started on
/// `today`: the first of the month, `active_months` back.
pub fn active_since(today: NaiveDate, active_months: u32) -> NaiveDate {
    let first = today.with_day(1).unwrap_or(today);
    add_months(first, -(active_months as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn activity_counts_from_the_first_of_the_month() {
        assert_eq!(active_since(d(2026, 11, 17), 12), d(2025, 11, 1));
        assert_eq!(active_since(d(2026, 1, 31), 1), d(2025, 12, 1));
        assert_eq!(active_since(d(2026, 3, 1), 36), d(2023, 3, 1));
    }

    #[test]
    fn a_campaign_names_its_quarter_and_a_sensible_activity_window() {
        let req = |q: &str, m: u32| StartCampaign {
            quarter: q.into(),
            active_months: m,
        };
        assert!(validate(&req("2026-Q4", 12)).is_empty());
        assert!(validate(&req("2026-Q1", 1)).is_empty());
        let fields = |r: &StartCampaign| -> Vec<String> {
            validate(r).into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(&req("2026-Q5", 12)), ["quarter"]);
        assert_eq!(fields(&req("Q4", 0)), ["quarter", "active_months"]);
        assert_eq!(fields(&req("2026-Q4", 37)), ["active_months"]);
    }
}
