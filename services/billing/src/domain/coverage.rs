//! How a receipt's line is covered: who pays for it instead of the customer.
//!
//! Each line of a visit is decided in this order: a brand's own warranty (parts, and labour
//! when the brand says so; claimed from the brand), the dealer's warranty (until the day
//! on the warranty card, else the schedule's months from purchase), the contract in force
//! for the machine (what it names), otherwise chargeable. A visit whose cause is recorded
//! as misuse or human damage (人为损坏, a fault code the schedule lists: [`human_damage`])
//! is covered by neither a warranty nor a contract; consumables are never covered. The coverage is decided on the
//! service-local day the visit finished. How a chargeable line is then charged is in
//! [`super::pricing`].
use aftercare_contracts::billing::{BrandWarranty, Coverage, FeeTerms, LineKind};
use chrono::NaiveDate;

use super::visit::{ContractInForce, Visit};

/// Whether a machine bought on `purchase` is in a `months` warranty on `on`.
pub fn in_warranty(purchase: Option<NaiveDate>, on: NaiveDate, months: u32) -> bool {
    match purchase.and_then(|p| aftercare_calendar::last_day_of_term(p, months)) {
        Some(last) => on <= last,
        None => false,
    }
}

/// Whether a fault code falls in a category: equal to it, or starting with `category-`
/// (case ignored). Misuse faults and flat labour rates are named by category.
pub fn in_category(fault: &str, category: &str) -> bool {
    let (f, c) = (fault.trim().to_uppercase(), category.trim().to_uppercase());
    f == c || f.starts_with(&format!("{c}-"))
}

/// The visit's fault when it is recorded as misuse or human damage (人为损坏): a fault code
/// in one of the schedule's `damage_faults` categories. Such damage is not the product's
/// failure, so neither a warranty nor a maintenance contract covers the visit.
pub fn human_damage(fault: Option<&str>, damage_faults: &[String]) -> Option<String> {
    let fault = fault?.trim();
    damage_faults
        .iter()
        .any(|d| in_category(fault, d))
        .then(|| fault.to_owned())
}

/// What covers the lines of one visit: worked out once from the visit and the schedule,
/// then asked per line.
#[derive(Debug, Clone)]
pub struct CoverageRules<'a> {
    /// The human-damage fault that voids warranties and contract, if the visit's is one.
    misuse: Option<String>,
    /// The last day of the dealer's warranty, when the visit falls within it.
    dealer_until: Option<NaiveDate>,
    /// The brand's warranty, its name as the schedule spells it and its last day, when the
    /// visit falls within it.
    brand: Option<(&'a BrandWarranty, String, NaiveDate)>,
    /// The contract in force, if any.
    contract: Option<&'a ContractInForce>,
}

impl<'a> CoverageRules<'a> {
    /// The warranties and contract that apply to a visit on its day.
    pub fn new(visit: &Visit<'a>, terms: &'a FeeTerms) -> Self {
        let completed = visit.completed;
        let machine = completed.machine.as_ref();
        let purchase = machine.and_then(|m| m.purchase_date);
        let misuse = human_damage(completed.fault.as_deref(), &terms.misuse_faults);
        let dealer_until = visit
            .warranty_end
            .or_else(|| {
                purchase
                    .and_then(|p| aftercare_calendar::last_day_of_term(p, terms.warranty_months))
            })
            .filter(|last| visit.on <= *last);
        let brand = machine.and_then(|m| {
            terms
                .brand_warranties
                .iter()
                .find(|b| b.brand.trim().eq_ignore_ascii_case(m.brand.trim()))
                .and_then(|b| {
                    purchase
                        .and_then(|p| aftercare_calendar::last_day_of_term(p, b.months))
                        .filter(|last| visit.on <= *last)
                        .map(|last| (b, b.brand.trim().to_owned(), last))
                })
        });
        Self {
            misuse,
            dealer_until,
            brand,
            contract: visit.contract,
        }
    }

    /// The coverage of one line of a kind (a consumable part or not) and the note printed
    /// beside it on the receipt.
    pub fn decide(&self, kind: LineKind, consumable: bool) -> (Coverage, String) {
        let Self {
            misuse,
            dealer_until,
            brand,
            contract,
        } = self;
        if consumable && (dealer_until.is_some() || brand.is_some() || contract.is_some()) {
            return (
                Coverage::Chargeable,
                "consumables are not covered by warranty or contract".into(),
            );
        }
        if let Some(f) = misuse
            && (dealer_until.is_some() || brand.is_some() || contract.is_some())
        {
            return (
                Coverage::Chargeable,
                format!("human damage (fault {f}): not covered by warranty or contract"),
            );
        }
        if !consumable {
            if let Some((b, name, last)) = brand {
                let claimable = match kind {
                    LineKind::Part => true,
                    LineKind::Labour => b.covers_labour,
                    LineKind::CallOut => false,
                };
                if claimable {
                    return (
                        Coverage::ManufacturerWarranty,
                        format!("{name} warranty until {last}: claimed from {name}"),
                    );
                }
            }
            if let Some(last) = dealer_until {
                return (Coverage::Warranty, format!("in warranty until {last}"));
            }
        }
        if let Some(c) = contract {
            let covered = match kind {
                LineKind::CallOut => c.coverage.call_out,
                LineKind::Labour => c.coverage.labour,
                LineKind::Part => c.coverage.parts && !consumable,
            };
            if covered {
                return (
                    Coverage::Contract,
                    format!("contract {} covers it", c.number),
                );
            }
            return (
                Coverage::Chargeable,
                format!("contract {} does not cover it", c.number),
            );
        }
        (Coverage::Chargeable, "chargeable".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::billing::BrandWarranty;
    use aftercare_contracts::billing::ContractCoverage;
    use aftercare_contracts::intake::{CustomerTier, MachineInfo};
    use aftercare_testkit::fixtures::work_order_completed;
    use chrono::{TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// A Canon copier bought on 1 March 2026, visited on 23 November 2026 with `fault`.
    fn rules_for(
        fault: Option<&str>,
        contract: Option<&ContractInForce>,
        f: impl FnOnce(&CoverageRules<'_>),
    ) {
        let mut completed =
            work_order_completed(Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap());
        completed.fault = fault.map(str::to_owned);
        completed.machine = Some(MachineInfo {
            product_line: "copier".into(),
            brand: "Canon".into(),
            model: "iR-2204".into(),
            serial: "C1".into(),
            purchase_date: Some(day(2026, 3, 1)),
        });
        let mut terms = super::super::schedule::default_terms();
        terms.misuse_faults = vec!["MISUSE".into()];
        terms.brand_warranties = vec![BrandWarranty {
            brand: " canon ".into(),
            months: 24,
            covers_labour: false,
        }];
        let visit = Visit {
            completed: &completed,
            parts: &[],
            on: day(2026, 11, 23),
            tier: CustomerTier::Standard,
            contract,
            warranty_end: None,
            first_receipt: None,
            earlier_trainings: 0,
        };
        f(&CoverageRules::new(&visit, &terms));
    }

    #[test]
    fn the_brand_pays_its_parts_and_the_dealer_the_rest_in_warranty() {
        rules_for(None, None, |r| {
            let (part, note) = r.decide(LineKind::Part, false);
            assert_eq!(part, Coverage::ManufacturerWarranty);
            assert_eq!(note, "canon warranty until 2028-02-29: claimed from canon");
            assert_eq!(r.decide(LineKind::Labour, false).0, Coverage::Warranty);
            assert_eq!(r.decide(LineKind::CallOut, false).0, Coverage::Warranty);
            assert_eq!(r.decide(LineKind::Part, true).0, Coverage::Chargeable);
        });
    }

    #[test]
    fn human_damage_voids_the_warranties_and_the_contract() {
        let contract = ContractInForce {
            number: "K2026-000001".into(),
            coverage: ContractCoverage {
                call_out: true,
                labour: true,
                parts: true,
                visit_every_months: 1,
            },
        };
        rules_for(Some("misuse-water"), Some(&contract), |r| {
            for kind in [LineKind::CallOut, LineKind::Labour, LineKind::Part] {
                assert_eq!(
                    r.decide(kind, false),
                    (
                        Coverage::Chargeable,
                        "human damage (fault misuse-water): not covered by warranty or contract"
                            .into()
                    ),
                    "{kind:?}"
                );
            }
            assert_eq!(
                r.decide(LineKind::Part, true),
                (
                    Coverage::Chargeable,
                    "consumables are not covered by warranty or contract".into()
                )
            );
        });
        rules_for(None, Some(&contract), |r| {
            assert_eq!(
                r.decide(LineKind::CallOut, false).0,
                Coverage::Warranty,
                "the same visit without the damage is covered"
            );
        });
    }

    #[test]
    fn human_damage_is_a_fault_in_a_listed_category() {
        let listed = vec!["MISUSE".to_owned(), "water".to_owned()];
        assert_eq!(
            human_damage(Some(" water-spill "), &listed),
            Some("water-spill".into())
        );
        assert_eq!(human_damage(Some("misuse"), &listed), Some("misuse".into()));
        assert_eq!(human_damage(Some("waterline"), &listed), None);
        assert_eq!(human_damage(Some("fuser"), &listed), None);
        assert_eq!(human_damage(None, &listed), None);
        assert_eq!(human_damage(Some("misuse"), &[]), None);
    }

    #[test]
    fn faults_fall_in_a_category_by_prefix() {
        assert!(in_category("jam-02", "JAM"));
        assert!(in_category(" JAM ", "jam"));
        assert!(!in_category("jammed", "jam"));
    }

    #[test]
    fn warranty_ends_the_day_before_the_anniversary() {
        let bought = Some(day(2025, 11, 23));
        assert!(in_warranty(bought, day(2026, 11, 22), 12));
        assert!(!in_warranty(bought, day(2026, 11, 23), 12));
        assert!(!in_warranty(None, day(2026, 11, 1), 12));
        // A purchase on 31 January runs to the end of February.
        assert!(in_warranty(Some(day(2026, 1, 31)), day(2026, 2, 28), 1));
        assert!(!in_warranty(Some(day(2026, 1, 31)), day(2026, 3, 1), 1));
    }
}
