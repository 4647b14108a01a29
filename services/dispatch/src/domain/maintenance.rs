//! Preventive maintenance (防火服务): which plans a warranty card starts, when a plan's
//! next visit falls due, and when a visit is generated (a lead time ahead).
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{CreateMaintenancePlan, MaintenanceKind};
use aftercare_contracts::rpc::{check_range, check_text};
use chrono::{Datelike, Months, NaiveDate};

/// One plan to start: kind, first due day, months between visits (0: once), last day.
pub type PlanStart = (MaintenanceKind, NaiveDate, u32, Option<NaiveDate>);

/// The visit after `due`: `every_months` later (the last day of a shorter month when the
/// day does not exist), none for a single visit or past `until`.
pub fn next_due(due: NaiveDate, every_months: u32, until: Option<NaiveDate>) -> Option<NaiveDate> {
    if every_months == 0 {
        return None;
    }
    let next = due.checked_add_months(Months::new(every_months))?;
    until.is_none_or(|u| next <= u).then_some(next)
}

/// A warranty card starts the first visit (booked by `first_by`) and, while the machine
/// is in warranty, a free cleaning every month after it.
pub fn plans_for_warranty(first_by: NaiveDate, warranty_end: Option<NaiveDate>) -> Vec<PlanStart> {
    let mut plans = vec![(MaintenanceKind::FirstVisit, first_by, 0, None)];
    if let Some(end) = warranty_end
        && let Some(first_cleaning) = next_due(first_by, 1, Some(end))
    {
        plans.push((
            MaintenanceKind::MonthlyCleaning,
            first_cleaning,
            1,
            Some(end),
        ));
    }
    plans
}

/// Whether a plan's visit due on `due` is generated on `today` with `lead_days` of lead.
pub fn generate_now(due: NaiveDate, today: NaiveDate, lead_days: u32) -> bool {
    (due - today).num_days() <= i64::from(lead_days)
}

/// Problems with a plan made by hand.
pub fn validate(req: &CreateMaintenancePlan) -> Vec<FieldError> {
    let mut e = Vec::new();
    check_text(&mut e, "company", &req.company, 1, 200);
    check_text(&mut e, "district", &req.district, 1, 64);
    if req.address.chars().count() > 500 {
        e.push(FieldError {
            field: "address".into(),
            code: "too_long".into(),
            message: "address must be at most 500 characters".into(),
        });
    }
    check_text(&mut e, "machine.model", &req.machine.model, 1, 100);
    check_text(&mut e, "machine.brand", &req.machine.brand, 1, 100);
    check_text(
        &mut e,
        "machine.product_line",
        &req.machine.product_line,
        1,
        64,
    );
    check_range(&mut e, "every_months", req.every_months, 0..=24);
    if req.until.is_some_and(|u| u < req.first_due) {
        e.push(FieldError {
            field: "until".into(),
            code: "before_start".into(),
            message: "until must not be before first_due".into(),
        });
    }
    if req.first_due.year() < 2000 {
        e.push(FieldError {
            field: "first_due".into(),
            code: "out_of_range".into(),
            message: "first_due is too far back".into(),
        });
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn monthly_visits_keep_the_day_or_take_the_months_last() {
        assert_eq!(next_due(d(2026, 11, 30), 1, None), Some(d(2026, 12, 30)));
        assert_eq!(next_due(d(2027, 1, 31), 1, None), Some(d(2027, 2, 28)));
        assert_eq!(next_due(d(2026, 11, 30), 3, None), Some(d(2027, 2, 28)));
        assert_eq!(next_due(d(2026, 11, 30), 0, None), None);
        assert_eq!(next_due(d(2026, 11, 30), 1, Some(d(2026, 12, 29))), None);
        assert_eq!(
            next_due(d(2026, 11, 30), 1, Some(d(2026, 12, 30))),
            Some(d(2026, 12, 30))
        );
    }

    #[test]
    fn a_warranty_card_starts_a_first_visit_and_monthly_cleaning_while_in_warranty() {
        let plans = plans_for_warranty(d(2026, 11, 30), Some(d(2027, 11, 23)));
        assert_eq!(
            plans,
            vec![
                (MaintenanceKind::FirstVisit, d(2026, 11, 30), 0, None),
                (
                    MaintenanceKind::MonthlyCleaning,
                    d(2026, 12, 30),
                    1,
                    Some(d(2027, 11, 23))
                ),
            ]
        );
        // No warranty on file, or it ends before a month passes: the first visit only.
        assert_eq!(plans_for_warranty(d(2026, 11, 30), None).len(), 1);
        assert_eq!(
            plans_for_warranty(d(2026, 11, 30), Some(d(2026, 12, 1))).len(),
            1
        );
    }

    #[test]
    fn visits_are_generated_a_lead_time_ahead() {
        assert!(generate_now(d(2026, 11, 30), d(2026, 11, 23), 7));
        assert!(!generate_now(d(2026, 12, 1), d(2026, 11, 23), 7));
        assert!(
            generate_now(d(2026, 11, 1), d(2026, 11, 23), 7),
            "late ones too"
        );
    }
}
