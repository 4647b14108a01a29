//! The fee schedule's own rules: what a valid set of terms is, and when a new version
//! may take effect.
use std::collections::HashSet;

use aftercare_contracts::billing::{CallOutFee, CreateFeeSchedule, FeeTerms};
use aftercare_contracts::dispatch::WorkType;
use aftercare_contracts::rpc::{FieldError, check_range, check_text};
use chrono::NaiveDate;

fn err(field: impl Into<String>, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// The terms a new installation starts with: the published 统一收费标准 of the reference
/// company (call-out ¥50, labour ¥120 an hour, one year free, 13 % VAT included).
pub fn default_terms() -> FeeTerms {
    FeeTerms {
        currency: "CNY".into(),
        call_out: vec![CallOutFee {
            district: None,
            work_type: None,
            amount_minor: 5000,
        }],
        labour_per_hour_minor: 12000,
        flat_labour: Vec::new(),
        key_account_discount_bp: 0,
        tax_rate_bp: 1300,
        warranty_months: 12,
        misuse_faults: Vec::new(),
        brand_warranties: Vec::new(),
        refused_quote_call_out: true,
        return_visit_call_out: false,
    }
}

/// Checks a new version: its day (today or later, after the latest version's) and its
/// terms. Every problem is reported, each naming its field.
pub fn check(
    req: &CreateFeeSchedule,
    today: NaiveDate,
    latest_from: Option<NaiveDate>,
) -> Vec<FieldError> {
    let mut e = Vec::new();
    if req.effective_from < today {
        e.push(err(
            "effective_from",
            "in_the_past",
            "a fee schedule cannot change what was already billed; choose today or later",
        ));
    } else if req.effective_from > today + chrono::Duration::days(731) {
        e.push(err(
            "effective_from",
            "out_of_range",
            "a fee schedule is published at most two years ahead",
        ));
    } else if latest_from.is_some_and(|l| req.effective_from <= l) {
        e.push(err(
            "effective_from",
            "not_after_latest",
            format!(
                "the latest version takes effect on {}; a new one must start after it",
                latest_from.unwrap_or(today)
            ),
        ));
    }
    check_terms(&req.terms, &mut e);
    e
}

/// The version a new schedule gets: the one after the latest, or 1 for the first.
pub fn next_version(latest: Option<u32>) -> u32 {
    latest.map_or(1, |l| l + 1)
}

/// Terms as they are kept: the call-out rows' districts trimmed, so they match visits'
/// districts however they were typed.
pub fn kept_terms(terms: FeeTerms) -> FeeTerms {
    let mut terms = terms;
    for r in &mut terms.call_out {
        r.district = r.district.as_ref().map(|d| d.trim().to_owned());
    }
    terms
}

fn check_terms(t: &FeeTerms, e: &mut Vec<FieldError>) {
    let f = |name: &str| format!("terms.{name}");
    for (name, n) in [
        ("flat_labour", t.flat_labour.len()),
        ("misuse_faults", t.misuse_faults.len()),
        ("brand_warranties", t.brand_warranties.len()),
    ] {
        if n > 200 {
            e.push(err(f(name), "too_many", format!("at most 200 {name} rows")));
        }
    }
    if t.currency.len() != 3 || !t.currency.chars().all(|c| c.is_ascii_uppercase()) {
        e.push(err(
            f("currency"),
            "invalid",
            "currency is an ISO 4217 code such as CNY",
        ));
    }
    let defaults = t
        .call_out
        .iter()
        .filter(|r| r.district.is_none() && r.work_type.is_none())
        .count();
    if defaults != 1 {
        e.push(err(
            f("call_out"),
            "no_default",
            "exactly one call-out row has neither district nor work_type",
        ));
    }
    if t.call_out.len() > 200 {
        e.push(err(f("call_out"), "too_many", "at most 200 call-out rows"));
    }
    let mut seen: HashSet<(Option<String>, Option<WorkType>)> = HashSet::new();
    for (i, r) in t.call_out.iter().enumerate() {
        if let Some(d) = &r.district {
            check_text(e, &f(&format!("call_out[{i}].district")), d, 1, 64);
        }
        check_range(
            e,
            &f(&format!("call_out[{i}].amount_minor")),
            r.amount_minor,
            0..=100_000_000,
        );
        let key = (
            r.district.as_ref().map(|d| d.trim().to_lowercase()),
            r.work_type,
        );
        if !seen.insert(key) {
            e.push(err(
                f(&format!("call_out[{i}]")),
                "duplicate",
                "another row has the same district and work_type",
            ));
        }
    }
    check_range(
        e,
        &f("labour_per_hour_minor"),
        t.labour_per_hour_minor,
        0..=100_000_000,
    );
    let mut categories = HashSet::new();
    for (i, r) in t.flat_labour.iter().enumerate() {
        check_text(
            e,
            &f(&format!("flat_labour[{i}].category")),
            &r.category,
            1,
            64,
        );
        check_range(
            e,
            &f(&format!("flat_labour[{i}].amount_minor")),
            r.amount_minor,
            0..=100_000_000,
        );
        if !categories.insert(r.category.trim().to_uppercase()) {
            e.push(err(
                f(&format!("flat_labour[{i}].category")),
                "duplicate",
                "another flat rate has this category",
            ));
        }
    }
    check_range(
        e,
        &f("key_account_discount_bp"),
        t.key_account_discount_bp,
        0..=5000,
    );
    check_range(e, &f("tax_rate_bp"), t.tax_rate_bp, 0..=3000);
    check_range(e, &f("warranty_months"), t.warranty_months, 1..=60);
    for (i, m) in t.misuse_faults.iter().enumerate() {
        check_text(e, &f(&format!("misuse_faults[{i}]")), m, 1, 64);
    }
    let mut brands = HashSet::new();
    for (i, b) in t.brand_warranties.iter().enumerate() {
        check_text(
            e,
            &f(&format!("brand_warranties[{i}].brand")),
            &b.brand,
            1,
            64,
        );
        check_range(
            e,
            &f(&format!("brand_warranties[{i}].months")),
            b.months,
            1..=60,
        );
        if !brands.insert(b.brand.trim().to_lowercase()) {
            e.push(err(
                f(&format!("brand_warranties[{i}].brand")),
                "duplicate",
                "another row has this brand",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
    }

    #[test]
    fn the_default_terms_are_valid() {
        let req = CreateFeeSchedule {
            effective_from: day(23),
            terms: default_terms(),
        };
        assert!(check(&req, day(23), Some(day(1))).is_empty());
    }

    #[test]
    fn every_problem_is_named() {
        let mut terms = default_terms();
        terms.currency = "yuan".into();
        terms.call_out.push(CallOutFee {
            district: None,
            work_type: None,
            amount_minor: -1,
        });
        terms.tax_rate_bp = 5000;
        terms.warranty_months = 0;
        let req = CreateFeeSchedule {
            effective_from: day(22),
            terms,
        };
        let fields: Vec<String> = check(&req, day(23), None)
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect();
        assert_eq!(
            fields,
            [
                "effective_from:in_the_past",
                "terms.currency:invalid",
                "terms.call_out:no_default",
                "terms.call_out[1].amount_minor:out_of_range",
                "terms.call_out[1]:duplicate",
                "terms.tax_rate_bp:out_of_range",
                "terms.warranty_months:out_of_range",
            ]
        );
        let later = CreateFeeSchedule {
            effective_from: day(25),
            terms: default_terms(),
        };
        assert_eq!(
            check(&later, day(23), Some(day(25)))[0].code,
            "not_after_latest"
        );
    }

    #[test]
    fn versions_follow_the_latest_and_districts_are_kept_trimmed() {
        assert_eq!(next_version(None), 1);
        assert_eq!(next_version(Some(4)), 5);
        let mut terms = default_terms();
        terms.call_out[0].district = Some(" tianhe ".into());
        assert_eq!(
            kept_terms(terms).call_out[0].district.as_deref(),
            Some("tianhe")
        );
    }
}
