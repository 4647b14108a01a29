//! Every report the API offers read as one table: its column names and one row of cells
//! per line, which the gateway serves as the report's CSV form. Each report declares its
//! columns once, each column's name beside the value it takes, so the header and the rows
//! cannot drift apart. A cell holds the value as the JSON report gives it (text as is,
//! numbers as JSON writes them, a date or instant in its ISO form, an absent value empty),
//! so the CSV carries the same figures as the JSON.
use serde::Serialize;
use serde_json::Value;

use crate::billing::{ClaimsOutstanding, ContractsSignedReport, ReceivablesReport, RevenueReport};
use crate::dispatch::DispatchReport;
use crate::intake::TicketReport;
use crate::inventory::StockReport;
use crate::rpc::Page;
use crate::survey::{AppraisalReport, CoverageReport, SatisfactionReport, ScoreReport};

/// A report read as one table.
pub trait Table {
    /// The column names, in order.
    const COLUMNS: &'static [&'static str];
    /// One row per line of the report, one cell per column.
    fn rows(&self) -> Vec<Vec<String>>;
    /// The period the report covers, for the file's name (`2026-11-01-2026-11-30`), if it
    /// has one.
    fn period(&self) -> Option<String>;
}

/// A value as the JSON report gives it: text as is, a number or truth value as JSON writes
/// it, absent as an empty cell, anything else as compact JSON.
pub fn cell<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        Ok(Value::Null) | Err(_) => String::new(),
        Ok(Value::Number(n)) => n.to_string(),
        Ok(Value::Bool(b)) => b.to_string(),
        Ok(other) => other.to_string(),
    }
}

/// Thousandths as a decimal with three places (`1050` → `1.050`); absent as empty.
pub fn milli_text(v: Option<u32>) -> String {
    v.map(|m| format!("{}.{:03}", m / 1000, m % 1000))
        .unwrap_or_default()
}

/// Declares a report's table: its lines, each column's name beside the value it takes
/// from a line (any serialisable value, read by [`cell`]), and the period.
macro_rules! table {
    (
        $ty:ty,
        lines: |$r:ident| $lines:expr,
        period: |$p:ident| $period:expr,
        |$l:ident| [$($col:literal => $val:expr),+ $(,)?]
    ) => {
        impl Table for $ty {
            const COLUMNS: &'static [&'static str] = &[$($col),+];

            fn rows(&self) -> Vec<Vec<String>> {
                let $r = self;
                $lines.map(|$l| vec![$(cell(&$val)),+]).collect()
            }

            fn period(&self) -> Option<String> {
                let $p = self;
                $period
            }
        }
    };
}

fn days(from: impl std::fmt::Display, to: impl std::fmt::Display) -> Option<String> {
    Some(format!("{from}-{to}"))
}

table!(TicketReport,
lines: |r| r.rows.iter().chain(std::iter::once(&r.total)),
period: |r| days(r.from.date_naive(), r.to.date_naive()),
|l| [
    "key" => l.key,
    "tickets" => l.tickets,
    "responded" => l.responded,
    "response_met" => l.response_met,
    "mean_response_minutes" => l.mean_response_minutes,
    "resolved" => l.resolved,
    "resolution_met" => l.resolution_met,
    "mean_resolution_minutes" => l.mean_resolution_minutes,
    "sla_compliance" => l.sla_compliance,
    "paused" => l.paused,
    "paused_minutes" => l.paused_minutes,
    "reopened" => l.reopened,
    "complaints" => l.complaints,
]);

table!(DispatchReport,
lines: |r| r.lines.iter(),
period: |r| days(r.from, r.to),
|l| [
    "key" => l.key,
    "name" => l.name,
    "visits" => l.visits,
    "completed" => l.completed,
    "first_time_fixes" => l.first_time_fixes,
    "first_visits" => l.first_visits,
    "first_time_fix_tenths" => l.first_time_fix_tenths,
    "return_visits" => l.return_visits,
    "with_appointment" => l.with_appointment,
    "on_time" => l.on_time,
    "on_time_tenths" => l.on_time_tenths,
    "service_minutes" => l.service_minutes,
    "travel_minutes" => l.travel_minutes,
    "idle_minutes" => l.idle_minutes,
    "utilisation_tenths" => l.utilisation_tenths,
]);

table!(RevenueReport,
lines: |r| r.rows.iter().chain(std::iter::once(&r.total)),
period: |r| days(r.from, r.to),
|l| [
    "key" => l.key,
    "receipts" => l.receipts,
    "at_price_minor" => l.at_price_minor,
    "charged_minor" => l.charged_minor,
    "credited_minor" => l.credited_minor,
    "net_minor" => l.net_minor,
    "warranty_cost_minor" => l.warranty_cost_minor,
    "contract_cost_minor" => l.contract_cost_minor,
    "manufacturer_minor" => l.manufacturer_minor,
    "discount_minor" => l.discount_minor,
    "currency" => r.currency,
]);

table!(ReceivablesReport,
lines: |r| r.items.iter(),
period: |r| Some(r.as_of.to_string()),
|l| [
    "number" => l.number,
    "customer_name" => l.customer_name,
    "issued_on" => l.issued_on,
    "age_days" => l.age_days,
    "bucket" => l.bucket,
    "outstanding_minor" => l.outstanding.amount_minor,
    "currency" => l.outstanding.currency,
    "iou_promised_on" => l.iou_promised_on,
]);

table!(Page<ClaimsOutstanding>,
lines: |r| r.items.iter(),
period: |_r| None,
|l| [
    "brand" => l.brand,
    "draft" => l.draft,
    "draft_minor" => l.draft_minor,
    "submitted" => l.submitted,
    "submitted_minor" => l.submitted_minor,
    "approved" => l.approved,
    "approved_minor" => l.approved_minor,
    "oldest" => l.oldest,
]);

table!(ContractsSignedReport,
lines: |r| r.contracts.iter(),
period: |r| Some(r.month.format("%Y-%m").to_string()),
|l| [
    "number" => l.number,
    "customer_id" => l.customer_id,
    "customer_name" => l.customer_name,
    "district" => l.district,
    "machines" => l.machines.len(),
    "starts_on" => l.starts_on,
    "ends_on" => l.ends_on,
    "call_out" => l.coverage.call_out,
    "labour" => l.coverage.labour,
    "parts" => l.coverage.parts,
    "visit_every_months" => l.coverage.visit_every_months,
    "price_minor" => l.price.amount_minor,
    "currency" => l.price.currency,
    "created_at" => l.created_at,
]);

table!(StockReport,
lines: |r| r.parts.iter(),
period: |r| days(r.from, r.to),
|l| [
    "sku" => l.sku,
    "name" => l.name,
    "on_hand" => l.on_hand,
    "value_minor" => l.value_minor,
    "used" => l.used,
    "turnover" => l.turnover,
    "slow_mover" => l.slow_mover,
    "failure_prone" => l.failure_prone,
]);

table!(ScoreReport,
lines: |r| r.lines.iter(),
period: |r| days(r.from, r.to),
|l| [
    "rank" => l.rank,
    "key" => l.key,
    "name" => l.name,
    "callbacks" => l.callbacks,
    "mean_milli" => l.mean_milli,
    "repeat_repairs" => l.repeat_repairs,
]);

table!(CoverageReport,
lines: |r| std::iter::once(r),
period: |r| days(r.from, r.to),
|l| [
    "from" => l.from,
    "to" => l.to,
    "visits" => l.visits,
    "completed" => l.completed,
    "refused" => l.refused,
    "unreachable" => l.unreachable,
    "open" => l.open,
    "overdue" => l.overdue,
    "coverage_tenths" => l.coverage_tenths,
]);

table!(SatisfactionReport,
lines: |r| r.points.iter(),
period: |_r| None,
|l| [
    "group" => l.group,
    "period" => l.period,
    "ratings" => l.ratings,
    "index_tenths" => l.index_tenths,
    "change_tenths" => l.change_tenths,
]);

// The appraisal export keeps the columns it was first published with: scores as
// decimals for the spreadsheet the appraisal is worked out in.
table!(AppraisalReport,
lines: |r| r.lines.iter(),
period: |r| days(r.from, r.to),
|l| [
    "role" => l.role,
    "id" => l.key,
    "name" => l.name,
    "team" => l.team,
    "workload" => l.workload,
    "rated_callbacks" => l.rated_callbacks,
    "repeat_repairs" => l.repeat_repairs,
    "follow_ups" => l.follow_ups,
    "attitude_score" => milli_text(l.attitude_milli),
    "score" => milli_text(l.score_milli),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intake::{ReportGroup, TicketReportRow};
    use crate::survey::AppraisalLine;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn row(key: &str, tickets: u64) -> TicketReportRow {
        TicketReportRow {
            key: key.into(),
            tickets,
            responded: 1,
            response_met: 1,
            mean_response_minutes: Some(75.0),
            resolved: 0,
            resolution_met: 0,
            mean_resolution_minutes: None,
            sla_compliance: Some(0.5),
            paused: 0,
            paused_minutes: 0.0,
            reopened: 0,
            complaints: 0,
        }
    }

    #[test]
    fn cells_read_as_the_json_gives_them() {
        assert_eq!(cell(&"天河"), "天河");
        assert_eq!(cell(&Some(75.0_f64)), "75.0");
        assert_eq!(cell(&None::<f64>), "");
        assert_eq!(cell(&-3_i64), "-3");
        assert_eq!(cell(&true), "true");
        assert_eq!(cell(&ReportGroup::ProductLine), "product_line");
        assert_eq!(
            cell(&NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")),
            "2026-11-01"
        );
        assert_eq!(milli_text(Some(1050)), "1.050");
        assert_eq!(milli_text(None), "");
    }

    #[test]
    fn the_ticket_report_has_a_row_per_group_and_the_total_last() {
        let r = TicketReport {
            from: Utc
                .with_ymd_and_hms(2026, 11, 1, 0, 0, 0)
                .single()
                .expect("t"),
            to: Utc
                .with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
                .single()
                .expect("t"),
            group_by: ReportGroup::District,
            rows: vec![row("haizhu", 1), row("tianhe", 2)],
            total: row("total", 3),
        };
        let rows = r.rows();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|c| c.len() == TicketReport::COLUMNS.len()));
        assert_eq!(TicketReport::COLUMNS[..2], ["key", "tickets"]);
        assert_eq!(rows[1][..2], ["tianhe".to_owned(), "2".to_owned()]);
        assert_eq!(rows[2][0], "total");
        assert_eq!(rows[0][4], "75.0");
        assert_eq!(rows[0][7], "");
        assert_eq!(r.period().as_deref(), Some("2026-11-01-2026-12-01"));
    }

    #[test]
    fn the_appraisal_keeps_its_published_columns() {
        let r = AppraisalReport {
            from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            to: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
            lines: vec![AppraisalLine {
                role: "technician".into(),
                key: "t1".into(),
                name: "李明".into(),
                team: "天河组".into(),
                workload: 12,
                rated_callbacks: 10,
                repeat_repairs: 1,
                follow_ups: 2,
                attitude_milli: Some(1050),
                score_milli: None,
            }],
        };
        assert_eq!(
            AppraisalReport::COLUMNS.join(","),
            "role,id,name,team,workload,rated_callbacks,repeat_repairs,follow_ups,attitude_score,score"
        );
        assert_eq!(
            r.rows()[0].join(","),
            "technician,t1,李明,天河组,12,10,1,2,1.050,"
        );
        assert_eq!(r.period().as_deref(), Some("2026-11-01-2026-11-30"));
    }

    #[test]
    fn a_single_figure_report_is_one_row() {
        let r = CoverageReport {
            from: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            to: NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
            visits: 10,
            completed: 9,
            refused: 0,
            unreachable: 1,
            open: 0,
            overdue: 0,
            coverage_tenths: 900,
        };
        assert_eq!(
            r.rows(),
            vec![
                [
                    "2026-11-01",
                    "2026-11-30",
                    "10",
                    "9",
                    "0",
                    "1",
                    "0",
                    "0",
                    "900"
                ]
                .map(String::from)
                .to_vec()
            ]
        );
    }
}
