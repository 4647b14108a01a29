//! The stock report: valuation at cost, turnover and slow movers over a period.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::FieldError;
use aftercare_contracts::inventory::StockReportLine;
use chrono::NaiveDate;

/// What the report reads of one part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartStock {
    /// The SKU.
    pub sku: String,
    /// Its name.
    pub name: String,
    /// Units on hand over all locations.
    pub on_hand: i64,
    /// Its unit cost, when known.
    pub unit_cost_minor: Option<i64>,
    /// Units consumed in the period.
    pub used: i64,
    /// How failure-prone it is rated (0-5).
    pub failure_prone: i64,
}

/// The period `[from, to]` (the company's local days) as instants in ms, `[local midnight
/// starting from, local midnight after to)`: at most two years, not backwards.
pub fn period(
    from: NaiveDate,
    to: NaiveDate,
    calendar: &BusinessCalendar,
) -> Result<(i64, i64), FieldError> {
    if to < from || (to - from).num_days() > 731 {
        return Err(FieldError {
            field: "to".into(),
            code: "out_of_range".into(),
            message: "to is on or after from, within two years".into(),
        });
    }
    let start = |d: NaiveDate| calendar.start_of_day(d).timestamp_millis();
    Ok((start(from), start(to + chrono::Duration::days(1))))
}

/// A part's report line: its value at cost, its turnover (used over the average stock,
/// estimated as on hand plus half what was used, two decimals) and whether it is a slow
/// mover (stock on hand, none used).
pub fn line(p: PartStock) -> StockReportLine {
    let value = p.unit_cost_minor.map(|c| c * p.on_hand);
    let average = p.on_hand as f64 + p.used as f64 / 2.0;
    StockReportLine {
        value_minor: value,
        turnover: (average > 0.0).then(|| (p.used as f64 / average * 100.0).round() / 100.0),
        slow_mover: p.on_hand > 0 && p.used == 0,
        failure_prone: p.failure_prone.clamp(0, 5) as u8,
        sku: p.sku,
        name: p.name,
        on_hand: p.on_hand,
        used: p.used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(on_hand: i64, used: i64, cost: Option<i64>) -> PartStock {
        PartStock {
            sku: "A".into(),
            name: "a".into(),
            on_hand,
            unit_cost_minor: cost,
            used,
            failure_prone: 9,
        }
    }

    #[test]
    fn turnover_value_and_slow_movers() {
        let l = line(part(10, 10, Some(250)));
        assert_eq!(l.value_minor, Some(2500));
        assert_eq!(l.turnover, Some(0.67));
        assert!(!l.slow_mover);
        assert_eq!(l.failure_prone, 5);
        let idle = line(part(4, 0, None));
        assert!(idle.slow_mover);
        assert_eq!((idle.value_minor, idle.turnover), (None, Some(0.0)));
        assert_eq!(line(part(0, 0, None)).turnover, None);
    }

    #[test]
    fn a_period_runs_to_the_end_of_its_last_day_within_two_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let cal = BusinessCalendar::china();
        let (from, to) = period(d(2026, 11, 1), d(2026, 11, 30), &cal).expect("period");
        assert_eq!(to - from, 30 * 86_400_000);
        // Local midnight in Shanghai: 16:00 UTC the day before.
        assert_eq!(from, cal.start_of_day(d(2026, 11, 1)).timestamp_millis());
        assert_eq!(from % 86_400_000, 16 * 3_600_000);
        assert!(period(d(2026, 11, 2), d(2026, 11, 1), &cal).is_err());
        assert!(period(d(2024, 1, 1), d(2026, 1, 2), &cal).is_err());
    }
}
