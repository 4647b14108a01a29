//! Quality early warning: the same fault code or the same part replaced on one model,
//! repeated in a calendar month, quarter or year at least as often as that window's
//! threshold, is flagged once per window with the visits as evidence.
use aftercare_contracts::rpc::FieldError;
use aftercare_contracts::survey::{QualityThreshold, QualityWindow, RepeatKind};
use chrono::{Datelike, NaiveDate};

use super::periods::add_months;

/// The built-in thresholds: 3 in a month, 5 in a quarter, 8 in a year.
pub fn default_thresholds() -> Vec<QualityThreshold> {
    vec![
        QualityThreshold {
            window: QualityWindow::Month,
            count: 3,
        },
        QualityThreshold {
            window: QualityWindow::Quarter,
            count: 5,
        },
        QualityThreshold {
            window: QualityWindow::Year,
            count: 8,
        },
    ]
}

/// Problems with a set of thresholds: each window at most once, counts 2–10,000.
pub fn validate(thresholds: &[QualityThreshold]) -> Vec<FieldError> {
    let mut e = Vec::new();
    for (i, t) in thresholds.iter().enumerate() {
        if thresholds[..i].iter().any(|x| x.window == t.window) {
            e.push(FieldError {
                field: format!("thresholds[{i}].window"),
                code: "duplicate".into(),
                message: "each window appears at most once".into(),
            });
        }
        aftercare_contracts::survey::limits::THRESHOLD.check(
            &mut e,
            &format!("thresholds[{i}].count"),
            t.count,
        );
    }
    e
}

/// First and last local day of the window containing `day`.
pub fn window(w: QualityWindow, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_of_month = day.with_day(1).unwrap_or(day);
    let (start, months) = match w {
        QualityWindow::Month => (first_of_month, 1),
        QualityWindow::Quarter => (add_months(first_of_month, -((day.month0() % 3) as i32)), 3),
        QualityWindow::Year => (add_months(first_of_month, -(day.month0() as i32)), 12),
    };
    (start, add_months(start, months) - chrono::Duration::days(1))
}

/// What a visit repeats: its fault code and each distinct part it replaced.
pub fn repeats(fault: Option<&str>, parts: &[String]) -> Vec<(RepeatKind, String)> {
    let mut out: Vec<(RepeatKind, String)> = fault
        .filter(|f| !f.is_empty())
        .map(|f| (RepeatKind::Fault, f.to_owned()))
        .into_iter()
        .collect();
    let mut skus: Vec<&String> = parts.iter().collect();
    skus.sort();
    skus.dedup();
    out.extend(skus.into_iter().map(|s| (RepeatKind::Part, s.clone())));
    out
}

/// Whether `count` visits in a window reach its threshold.
pub fn reached(threshold: &QualityThreshold, count: u32) -> bool {
    count >= threshold.count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn windows_are_calendar_months_quarters_and_years() {
        assert_eq!(
            window(QualityWindow::Month, d(2026, 11, 23)),
            (d(2026, 11, 1), d(2026, 11, 30))
        );
        assert_eq!(
            window(QualityWindow::Quarter, d(2026, 11, 23)),
            (d(2026, 10, 1), d(2026, 12, 31))
        );
        assert_eq!(
            window(QualityWindow::Quarter, d(2026, 2, 28)),
            (d(2026, 1, 1), d(2026, 3, 31))
        );
        assert_eq!(
            window(QualityWindow::Year, d(2026, 11, 23)),
            (d(2026, 1, 1), d(2026, 12, 31))
        );
    }

    #[test]
    fn a_visit_repeats_its_fault_and_each_part_once() {
        let parts = vec![
            "DRUM-1".to_owned(),
            "ROLLER".to_owned(),
            "DRUM-1".to_owned(),
        ];
        assert_eq!(
            repeats(Some("paper_feed"), &parts),
            vec![
                (RepeatKind::Fault, "paper_feed".to_owned()),
                (RepeatKind::Part, "DRUM-1".to_owned()),
                (RepeatKind::Part, "ROLLER".to_owned()),
            ]
        );
        assert!(repeats(None, &[]).is_empty());
    }

    #[test]
    fn thresholds_are_checked() {
        assert!(validate(&default_thresholds()).is_empty());
        let bad = vec![
            QualityThreshold {
                window: QualityWindow::Month,
                count: 1,
            },
            QualityThreshold {
                window: QualityWindow::Month,
                count: 4,
            },
        ];
        let fields: Vec<String> = validate(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["thresholds[0].count", "thresholds[1].window"]);
        assert!(reached(&default_thresholds()[0], 3));
        assert!(!reached(&default_thresholds()[0], 2));
    }
}
