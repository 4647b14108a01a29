//! The revenue report: receipts of a period grouped by month, kind of visit, district or
//! technician, with what was charged, credited and given away under warranty, contract,
//! brand claims and discounts.
use std::collections::BTreeMap;

use aftercare_contracts::billing::{RevenueGrouping, RevenueRow};
use aftercare_contracts::rpc::FieldError;
use chrono::NaiveDate;

/// Whether a report may cover `from` to `to`: not backwards, at most 400 days.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), FieldError> {
    let err = |code: &str, message: &str| FieldError {
        field: "to".into(),
        code: code.into(),
        message: message.into(),
    };
    if to < from {
        return Err(err("before_from", "to must not be before from"));
    }
    if (to - from).num_days() > 400 {
        return Err(err(
            "out_of_range",
            "a revenue report covers at most 400 days",
        ));
    }
    Ok(())
}

/// What the revenue report reads of one receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptFigures {
    /// Service-local day of issue, `YYYY-MM-DD`.
    pub issued_day: String,
    /// The kind of visit, as stored.
    pub work_type: String,
    /// The visit's district.
    pub district: String,
    /// The technician's name.
    pub technician_name: String,
    /// The receipt's currency.
    pub currency: String,
    /// Every line at price.
    pub total_minor: i64,
    /// What the customer was charged.
    pub charged_minor: i64,
    /// Credited back by credit notes.
    pub credited_minor: i64,
    /// Covered by the dealer's warranty, at price.
    pub warranty_minor: i64,
    /// Covered by a contract, at price.
    pub contract_minor: i64,
    /// Claimed from a brand, at price.
    pub manufacturer_minor: i64,
    /// Key-account discounts given.
    pub discount_minor: i64,
}

fn empty_row(key: String) -> RevenueRow {
    RevenueRow {
        key,
        receipts: 0,
        at_price_minor: 0,
        charged_minor: 0,
        credited_minor: 0,
        net_minor: 0,
        warranty_cost_minor: 0,
        contract_cost_minor: 0,
        manufacturer_minor: 0,
        discount_minor: 0,
    }
}

fn add(row: &mut RevenueRow, f: &ReceiptFigures) {
    row.receipts += 1;
    row.at_price_minor += f.total_minor;
    row.charged_minor += f.charged_minor;
    row.credited_minor += f.credited_minor;
    row.net_minor += f.charged_minor - f.credited_minor;
    row.warranty_cost_minor += f.warranty_minor;
    row.contract_cost_minor += f.contract_minor;
    row.manufacturer_minor += f.manufacturer_minor;
    row.discount_minor += f.discount_minor;
}

/// The report's rows (in key order) and their total (`all`), over the receipts in
/// `currency` only: a receipt in another currency is left out rather than mixed in.
pub fn revenue(
    receipts: &[ReceiptFigures],
    currency: &str,
    group_by: RevenueGrouping,
) -> (Vec<RevenueRow>, RevenueRow) {
    let mut rows: BTreeMap<String, RevenueRow> = BTreeMap::new();
    let mut total = empty_row("all".into());
    for f in receipts.iter().filter(|f| f.currency == currency) {
        let key = match group_by {
            RevenueGrouping::Month => f.issued_day.get(..7).unwrap_or_default().to_owned(),
            RevenueGrouping::WorkType => f.work_type.clone(),
            RevenueGrouping::District => f.district.clone(),
            RevenueGrouping::Technician => f.technician_name.clone(),
        };
        add(rows.entry(key.clone()).or_insert_with(|| empty_row(key)), f);
        add(&mut total, f);
    }
    (rows.into_values().collect(), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(day: &str, district: &str, currency: &str, charged: i64) -> ReceiptFigures {
        ReceiptFigures {
            issued_day: day.into(),
            work_type: "repair".into(),
            district: district.into(),
            technician_name: "Li".into(),
            currency: currency.into(),
            total_minor: charged + 1000,
            charged_minor: charged,
            credited_minor: 100,
            warranty_minor: 1000,
            contract_minor: 0,
            manufacturer_minor: 0,
            discount_minor: 0,
        }
    }

    #[test]
    fn receipts_are_grouped_and_totalled_in_one_currency() {
        let receipts = [
            receipt("2026-10-30", "tianhe", "CNY", 5000),
            receipt("2026-11-02", "yuexiu", "CNY", 3000),
            receipt("2026-11-20", "tianhe", "CNY", 2000),
            receipt("2026-11-21", "tianhe", "USD", 9999),
        ];
        let (rows, total) = revenue(&receipts, "CNY", RevenueGrouping::Month);
        assert_eq!(
            rows.iter()
                .map(|r| (r.key.as_str(), r.receipts, r.charged_minor))
                .collect::<Vec<_>>(),
            [("2026-10", 1, 5000), ("2026-11", 2, 5000)]
        );
        assert_eq!((total.key.as_str(), total.receipts), ("all", 3));
        assert_eq!(total.net_minor, 10000 - 300);
        assert_eq!(total.warranty_cost_minor, 3000);
        let (by_district, _) = revenue(&receipts, "CNY", RevenueGrouping::District);
        assert_eq!(by_district[0].key, "tianhe");
        assert_eq!(by_district[0].receipts, 2);
    }

    #[test]
    fn a_report_covers_at_most_400_days_forwards() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert!(check_period(d(2026, 1, 1), d(2026, 1, 1)).is_ok());
        assert!(check_period(d(2026, 1, 1), d(2027, 2, 5)).is_ok());
        assert_eq!(
            check_period(d(2026, 1, 1), d(2027, 2, 6)).map_err(|e| e.code),
            Err("out_of_range".into())
        );
        assert_eq!(
            check_period(d(2026, 1, 2), d(2026, 1, 1)).map_err(|e| e.code),
            Err("before_from".into())
        );
    }
}
