//! How a receipt's line is charged: a visit priced line by line by the fee schedule in
//! force (call-out, labour, parts), each line's coverage decided by [`super::coverage`]
//! (a training visit's call-out and labour by [`super::training`]),
//! a key-account discount on what stays chargeable, and the tax the charged total contains.
//!
//! Rounding: labour is charged per started quarter hour at a quarter of the hourly price;
//! a key-account discount is taken per line; tax is the part of what is charged that the
//! tax-inclusive prices contain. Every fraction of a minor unit is rounded half up.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{Coverage, FeeTerms, InvoiceLine, LabourCount, LineKind};
use aftercare_contracts::dispatch::WorkType;
use aftercare_contracts::intake::CustomerTier;

use super::coverage::{CoverageRules, in_category};
use super::training::training_charge;
pub use super::visit::{ContractInForce, Visit};

/// Started quarter hours in `minutes` on site (at least one).
pub fn quarter_hours(minutes: i64) -> u32 {
    u32::try_from(((minutes.max(1)) + 14) / 15).unwrap_or(u32::MAX)
}

/// `n / d` rounded half up, for non-negative `n` and positive `d`.
fn round_div(n: i64, d: i64) -> i64 {
    (n + d / 2) / d
}

/// The tax contained in a tax-inclusive amount at `rate_bp` basis points.
pub fn tax_included(amount_minor: i64, rate_bp: u32) -> i64 {
    let rate = i64::from(rate_bp);
    round_div(amount_minor * rate, 10_000 + rate)
}

/// The key a machine is known by across services: brand and serial, upper case, without
/// spaces or dashes.
pub fn machine_key(brand: &str, serial: &str) -> String {
    let clean = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_uppercase()
    };
    format!("{}/{}", clean(brand), clean(serial))
}

/// The call-out fee for a district and kind of visit: the most specific row wins.
pub fn call_out_fee(terms: &FeeTerms, district: &str, work_type: WorkType) -> i64 {
    let same_district = |d: &Option<String>| {
        d.as_deref()
            .is_some_and(|d| d.trim().eq_ignore_ascii_case(district.trim()))
    };
    let rank = |row: &aftercare_contracts::billing::CallOutFee| -> Option<u8> {
        match (&row.district, row.work_type) {
            (Some(_), Some(t)) if same_district(&row.district) && t == work_type => Some(3),
            (Some(_), None) if same_district(&row.district) => Some(2),
            (None, Some(t)) if t == work_type => Some(1),
            (None, None) => Some(0),
            _ => None,
        }
    };
    terms
        .call_out
        .iter()
        .filter_map(|r| rank(r).map(|k| (k, r.amount_minor)))
        .max_by_key(|(k, _)| *k)
        .map(|(_, a)| a)
        .unwrap_or(0)
}

/// Prices a visit line by line, each line's coverage decided by [`CoverageRules`] (brand
/// warranty, dealer warranty, contract, chargeable); covered lines are still recorded at
/// price and charge nothing.
pub fn price(visit: Visit<'_>, terms: &FeeTerms) -> Vec<InvoiceLine> {
    let completed = visit.completed;
    let cover = CoverageRules::new(&visit, terms);
    let training = training_charge(completed.work_type, visit.earlier_trainings);
    let key_account = visit.tier == CustomerTier::KeyAccount;
    let money = |amount_minor| Money {
        amount_minor,
        currency: terms.currency.clone(),
    };
    let line = |kind: LineKind,
                consumable: bool,
                description: String,
                quantity: u32,
                unit: i64,
                amount: i64| {
        let (coverage, mut note) = match &training {
            Some(charge) if kind != LineKind::Part => charge.clone(),
            _ => cover.decide(kind, consumable),
        };
        let discount = if coverage == Coverage::Chargeable
            && key_account
            && kind != LineKind::Part
            && terms.key_account_discount_bp > 0
        {
            let d = round_div(amount * i64::from(terms.key_account_discount_bp), 10_000);
            note = format!(
                "{note}; key account discount {}",
                percent(terms.key_account_discount_bp)
            );
            Some(d)
        } else {
            None
        };
        let charged = match coverage {
            Coverage::Chargeable => amount - discount.unwrap_or(0),
            _ => 0,
        };
        InvoiceLine {
            kind,
            description,
            quantity,
            unit_price: money(unit),
            amount: money(amount),
            charged: money(charged),
            coverage,
            coverage_note: note,
            discount: discount.map(money),
            sku: None,
            labour: None,
        }
    };
    let call_out = call_out_fee(terms, &completed.district, completed.work_type);
    let call_out_description = format!(
        "Call-out ({}, {})",
        completed.district,
        work_type_name(completed.work_type)
    );
    let mut lines = vec![match completed.revisit_of {
        Some(_) if !terms.return_visit_call_out => {
            return_visit_call_out(call_out_description, visit.first_receipt, &money)
        }
        _ => line(
            LineKind::CallOut,
            false,
            call_out_description,
            1,
            call_out,
            call_out,
        ),
    }];
    let flat = completed.fault.as_deref().and_then(|f| {
        terms
            .flat_labour
            .iter()
            .find(|r| in_category(f, &r.category))
    });
    let minutes = (completed.finished_at - completed.started_at).num_minutes();
    let minutes_on_site = u32::try_from(minutes.max(0)).unwrap_or(u32::MAX);
    lines.push(match flat {
        Some(rate) => {
            let mut l = line(
                LineKind::Labour,
                false,
                format!("Labour, flat rate for {}", rate.category.trim()),
                1,
                rate.amount_minor,
                rate.amount_minor,
            );
            l.labour = Some(LabourCount {
                minutes_on_site,
                quarter_hours: None,
                flat_rate_category: Some(rate.category.trim().to_owned()),
            });
            l
        }
        None => {
            let quarters = quarter_hours(minutes);
            let quarter_price = round_div(terms.labour_per_hour_minor, 4);
            let mut l = line(
                LineKind::Labour,
                false,
                format!("Labour, {minutes} min in started quarter hours"),
                quarters,
                quarter_price,
                quarter_price * i64::from(quarters),
            );
            l.labour = Some(LabourCount {
                minutes_on_site,
                quarter_hours: Some(quarters),
                flat_rate_category: None,
            });
            l
        }
    });
    for p in visit.parts {
        let unit = p.unit_price.as_ref().map(|m| m.amount_minor).unwrap_or(0);
        let name = p
            .name
            .clone()
            .unwrap_or_else(|| format!("{} (not in catalogue, unpriced)", p.sku));
        let mut l = line(
            LineKind::Part,
            p.consumable,
            format!("{} × {}", name, p.quantity),
            p.quantity,
            unit,
            unit * i64::from(p.quantity),
        );
        l.sku = Some(p.sku.clone());
        lines.push(l);
    }
    lines
}

/// The call-out line of a return visit (待修, the second visit of one repair): the
/// call-out is charged once, on the first visit's receipt, so this one is listed at
/// nothing with the reason.
pub fn return_visit_call_out(
    description: String,
    first_receipt: Option<&str>,
    money: &dyn Fn(i64) -> Money,
) -> InvoiceLine {
    let note = match first_receipt {
        Some(r) => format!("return visit: the call-out was charged once, on receipt {r}"),
        None => "return visit: the call-out is charged once, on the first visit".into(),
    };
    InvoiceLine {
        kind: LineKind::CallOut,
        description,
        quantity: 1,
        unit_price: money(0),
        amount: money(0),
        charged: money(0),
        coverage: Coverage::Chargeable,
        coverage_note: note,
        discount: None,
        sku: None,
        labour: None,
    }
}

fn work_type_name(t: WorkType) -> &'static str {
    match t {
        WorkType::Repair => "repair",
        WorkType::Maintenance => "maintenance",
        WorkType::Installation => "installation",
        WorkType::Training => "training",
    }
}

/// Basis points as a percentage for print: 1000 → "10%", 1250 → "12.5%".
fn percent(bp: u32) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        format!("{whole}%")
    } else {
        format!("{whole}.{}%", format!("{frac:02}").trim_end_matches('0'))
    }
}

/// What the lines of one coverage are worth at price: the cost warranty, contracts or a
/// brand carry on a receipt, reported as revenue given away.
pub fn coverage_cost(lines: &[InvoiceLine], coverage: Coverage) -> i64 {
    lines
        .iter()
        .filter(|l| l.coverage == coverage)
        .map(|l| l.amount.amount_minor)
        .sum()
}

/// The key-account discounts given on a receipt's lines.
pub fn discount_total(lines: &[InvoiceLine]) -> i64 {
    lines
        .iter()
        .filter_map(|l| l.discount.as_ref().map(|d| d.amount_minor))
        .sum()
}

/// Sums of amounts and of charged amounts.
pub fn totals(lines: &[InvoiceLine]) -> (i64, i64) {
    lines.iter().fold((0, 0), |(a, c), l| {
        (a + l.amount.amount_minor, c + l.charged.amount_minor)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::billing::{
        BrandWarranty, CallOutFee, ContractCoverage, FlatLabourRate,
    };
    use aftercare_contracts::dispatch::WorkOrderCompleted;
    use aftercare_contracts::intake::MachineInfo;
    use aftercare_contracts::inventory::ConsumedLine;
    use chrono::NaiveDate;
    use chrono::{TimeZone, Utc};
    use serde::{Deserialize, Serialize};
    use uuid::Uuid;

    /// The schedule the golden cases are priced by.
    fn terms() -> FeeTerms {
        FeeTerms {
            currency: "CNY".into(),
            call_out: vec![
                CallOutFee {
                    district: None,
                    work_type: None,
                    amount_minor: 5000,
                },
                CallOutFee {
                    district: Some("baiyun".into()),
                    work_type: None,
                    amount_minor: 8000,
                },
                CallOutFee {
                    district: None,
                    work_type: Some(WorkType::Installation),
                    amount_minor: 10000,
                },
                CallOutFee {
                    district: Some("baiyun".into()),
                    work_type: Some(WorkType::Installation),
                    amount_minor: 15000,
                },
            ],
            labour_per_hour_minor: 12000,
            flat_labour: vec![FlatLabourRate {
                category: "FUSER".into(),
                amount_minor: 20000,
            }],
            key_account_discount_bp: 1000,
            tax_rate_bp: 1300,
            warranty_months: 12,
            misuse_faults: vec!["MISUSE".into(), "WATER".into()],
            brand_warranties: vec![BrandWarranty {
                brand: "Canon".into(),
                months: 24,
                covers_labour: true,
            }],
            refused_quote_call_out: true,
            return_visit_call_out: false,
        }
    }

    /// One golden case: a visit described by the few things pricing depends on.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    struct Case {
        name: String,
        district: String,
        work_type: WorkType,
        brand: String,
        purchase: Option<NaiveDate>,
        finished_on: NaiveDate,
        minutes: i64,
        fault: Option<String>,
        tier: CustomerTier,
        contract: Option<ContractCoverage>,
        parts: Vec<(String, u32, i64, bool)>,
        #[serde(default)]
        warranty_end: Option<NaiveDate>,
        #[serde(default)]
        earlier_trainings: u32,
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Priced {
        name: String,
        lines: Vec<InvoiceLine>,
        total_minor: i64,
        charged_minor: i64,
        tax_included_minor: i64,
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn completed(c: &Case) -> WorkOrderCompleted {
        let start = Utc.from_utc_datetime(&c.finished_on.and_hms_opt(2, 0, 0).expect("time"));
        WorkOrderCompleted {
            work_order_id: Uuid::nil(),
            number: "W2026-000001".into(),
            ticket_id: Uuid::nil(),
            technician_id: Uuid::nil(),
            technician_name: "Li".into(),
            team: "tianhe".into(),
            customer_name: "ACME".into(),
            district: c.district.clone(),
            machine: Some(MachineInfo {
                product_line: "copier".into(),
                brand: c.brand.clone(),
                model: "M1".into(),
                serial: "1".into(),
                purchase_date: c.purchase,
            }),
            started_at: start,
            finished_at: start + chrono::Duration::minutes(c.minutes),
            diagnosis: "checked".into(),
            fault: c.fault.clone(),
            parts: vec![],
            meter_reading: None,
            work_type: c.work_type,
            cash_collected: None,
            revisit_of: None,
            return_visit_needed: false,
            return_visit_note: String::new(),
        }
    }

    fn consumed(parts: &[(String, u32, i64, bool)]) -> Vec<ConsumedLine> {
        parts
            .iter()
            .map(|(sku, qty, price, consumable)| ConsumedLine {
                sku: sku.clone(),
                name: Some(sku.to_lowercase()),
                quantity: *qty,
                taken: *qty,
                shortfall: 0,
                unit_price: Some(Money::cny(*price)),
                consumable: *consumable,
            })
            .collect()
    }

    fn run(c: &Case) -> Priced {
        let w = completed(c);
        let parts = consumed(&c.parts);
        let contract = c.contract.map(|coverage| ContractInForce {
            number: "K2026-000001".into(),
            coverage,
        });
        let lines = price(
            Visit {
                completed: &w,
                parts: &parts,
                on: c.finished_on,
                tier: c.tier,
                contract: contract.as_ref(),
                warranty_end: c.warranty_end,
                first_receipt: None,
                earlier_trainings: c.earlier_trainings,
            },
            &terms(),
        );
        let (total, charged) = totals(&lines);
        Priced {
            name: c.name.clone(),
            lines,
            total_minor: total,
            charged_minor: charged,
            tax_included_minor: tax_included(charged, terms().tax_rate_bp),
        }
    }

    fn base(name: &str) -> Case {
        Case {
            name: name.into(),
            district: "tianhe".into(),
            work_type: WorkType::Repair,
            brand: "Sharp".into(),
            purchase: None,
            finished_on: day(2026, 11, 23),
            minutes: 50,
            fault: None,
            tier: CustomerTier::Standard,
            contract: None,
            parts: vec![("DRUM".into(), 2, 38000, false)],
            warranty_end: None,
            earlier_trainings: 0,
        }
    }

    fn cases() -> Vec<Case> {
        let labour_only = ContractCoverage {
            call_out: true,
            labour: true,
            parts: false,
            visit_every_months: 1,
        };
        vec![
            base("chargeable repair, default call-out, hourly labour"),
            Case {
                district: "Baiyun".into(),
                ..base("district call-out fee (district compared without case)")
            },
            Case {
                district: "baiyun".into(),
                work_type: WorkType::Installation,
                ..base("district and kind call-out fee is the most specific")
            },
            Case {
                work_type: WorkType::Installation,
                ..base("kind call-out fee")
            },
            Case {
                fault: Some("fuser-03".into()),
                ..base("flat labour by repair category")
            },
            Case {
                tier: CustomerTier::KeyAccount,
                minutes: 35,
                parts: vec![("DRUM".into(), 1, 38001, false)],
                ..base("key account: call-out and labour discounted, parts at list price")
            },
            Case {
                purchase: Some(day(2025, 11, 24)),
                parts: vec![
                    ("DRUM".into(), 1, 38000, false),
                    ("TONER".into(), 1, 9000, true),
                ],
                ..base("last day of the dealer warranty; consumables charged")
            },
            Case {
                purchase: Some(day(2025, 11, 23)),
                ..base("the day after the warranty ends is chargeable")
            },
            Case {
                purchase: Some(day(2026, 3, 1)),
                fault: Some("WATER-DAMAGE".into()),
                ..base("misuse voids the warranty")
            },
            Case {
                brand: "Canon".into(),
                purchase: Some(day(2025, 1, 10)),
                ..base(
                    "brand warranty beyond the dealer's: parts and labour claimed, call-out charged",
                )
            },
            Case {
                brand: "canon".into(),
                purchase: Some(day(2026, 1, 10)),
                ..base("brand and dealer warranty together: the brand pays parts and labour")
            },
            Case {
                contract: Some(labour_only),
                tier: CustomerTier::KeyAccount,
                parts: vec![
                    ("DRUM".into(), 1, 38000, false),
                    ("TONER".into(), 1, 9000, true),
                ],
                ..base(
                    "contract covers call-out and labour; parts and consumables charged with discount on none",
                )
            },
            Case {
                contract: Some(ContractCoverage {
                    parts: true,
                    ..labour_only
                }),
                purchase: Some(day(2026, 6, 1)),
                fault: Some("MISUSE".into()),
                ..base("human damage in warranty is not covered by the contract either")
            },
            Case {
                minutes: 0,
                parts: vec![],
                ..base("no time on site is one quarter hour; no parts")
            },
            Case {
                purchase: Some(day(2025, 6, 1)),
                warranty_end: Some(day(2026, 11, 30)),
                ..base("the warranty end registered with the card decides (a fax line's 18 months)")
            },
            Case {
                work_type: WorkType::Training,
                parts: vec![],
                ..base("the machine's first training is free")
            },
            Case {
                work_type: WorkType::Training,
                parts: vec![],
                purchase: Some(day(2026, 6, 1)),
                earlier_trainings: 1,
                ..base("a second training is charged, even in warranty")
            },
        ]
    }

    /// Golden file of priced receipts: `UPDATE_GOLDEN=1` rewrites it after a deliberate
    /// change of the rules, and the diff is reviewed like code.
    #[test]
    fn pricing_and_coverage_match_the_golden_receipts() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/pricing.json");
        let got: Vec<Priced> = cases().iter().map(run).collect();
        let text = serde_json::to_string_pretty(&got).expect("json") + "\n";
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().expect("dir")).expect("dir");
            std::fs::write(&path, &text).expect("write");
        }
        let want = std::fs::read_to_string(&path).expect(
            "tests/golden/pricing.json; run UPDATE_GOLDEN=1 cargo test -p aftercare-billing",
        );
        let want: Vec<Priced> = serde_json::from_str(&want).expect("golden json");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "golden case {:?}", w.name);
        }
        assert_eq!(got.len(), want.len());
    }

    #[test]
    fn golden_figures_agree_with_hand_arithmetic() {
        let all: Vec<Priced> = cases().iter().map(run).collect();
        let charged = |i: usize| -> Vec<i64> {
            all[i]
                .lines
                .iter()
                .map(|l| l.charged.amount_minor)
                .collect()
        };
        // 50 min = 4 quarters × 30.00; 2 drums × 380.00.
        assert_eq!(charged(0), [5000, 12000, 76000]);
        // 930.00 includes 13 % tax: 930 × 13 / 113 = 106.99 (106.991… rounds to 106.99).
        assert_eq!(all[0].tax_included_minor, 10699);
        assert_eq!(charged(1)[0], 8000);
        assert_eq!(charged(2)[0], 15000);
        assert_eq!(charged(3)[0], 10000);
        assert_eq!(charged(4)[1], 20000);
        // Key account: 10 % off 50.00 and 3 quarters × 30.00; the part at list price.
        assert_eq!(charged(5), [4500, 8100, 38001]);
        assert_eq!(
            all[5].lines[1].discount.as_ref().map(|d| d.amount_minor),
            Some(900)
        );
        let cov = |i: usize| -> Vec<Coverage> { all[i].lines.iter().map(|l| l.coverage).collect() };
        use Coverage::*;
        assert_eq!(cov(6), [Warranty, Warranty, Warranty, Chargeable]);
        assert_eq!(all[6].charged_minor, 9000);
        assert_eq!(all[6].total_minor, 5000 + 12000 + 38000 + 9000);
        assert_eq!(cov(7), [Chargeable, Chargeable, Chargeable]);
        assert_eq!(cov(8), [Chargeable, Chargeable, Chargeable]);
        assert!(all[8].lines[0].coverage_note.contains("human damage"));
        assert_eq!(
            cov(9),
            [Chargeable, ManufacturerWarranty, ManufacturerWarranty]
        );
        assert_eq!(
            cov(10),
            [Warranty, ManufacturerWarranty, ManufacturerWarranty]
        );
        assert_eq!(cov(11), [Contract, Contract, Chargeable, Chargeable]);
        assert_eq!(
            charged(11),
            [0, 0, 38000, 9000],
            "discount only on call-out and labour"
        );
        assert_eq!(cov(12), [Chargeable, Chargeable, Chargeable]);
        assert!(
            all[12].lines[0]
                .coverage_note
                .starts_with("human damage (fault MISUSE)")
        );
        assert_eq!(cov(15), [FreeTraining, FreeTraining]);
        assert_eq!((all[15].total_minor, all[15].charged_minor), (17000, 0));
        assert_eq!(cov(16), [Chargeable, Chargeable]);
        assert_eq!(all[16].charged_minor, 17000);
        assert_eq!(all[13].lines[1].quantity, 1);
        assert_eq!(cov(14), [Warranty, Warranty, Warranty]);
        assert!(all[14].lines[0].coverage_note.contains("2026-11-30"));
    }

    #[test]
    fn labour_counts_started_quarter_hours_and_rounds_half_up() {
        assert_eq!(quarter_hours(0), 1);
        assert_eq!(quarter_hours(15), 1);
        assert_eq!(quarter_hours(16), 2);
        let odd = FeeTerms {
            labour_per_hour_minor: 10002,
            ..terms()
        };
        let c = base("odd");
        let w = completed(&c);
        let lines = price(
            Visit {
                completed: &w,
                parts: &[],
                on: c.finished_on,
                tier: CustomerTier::Standard,
                contract: None,
                warranty_end: None,
                first_receipt: None,
                earlier_trainings: 0,
            },
            &odd,
        );
        assert_eq!(lines[1].unit_price.amount_minor, 2501);
        assert_eq!(tax_included(113, 1300), 13);
        assert_eq!(tax_included(0, 1300), 0);
        assert_eq!(tax_included(1000, 0), 0);
        assert_eq!(percent(1250), "12.5%");
        assert_eq!(percent(1000), "10%");
        assert_eq!(machine_key("Sharp", "sn-12 34"), "SHARP/SN1234");
    }

    /// The labour line says how it was counted: the minutes on site and the started
    /// quarter hours charged at a quarter of the hourly price, or the flat rate's category.
    #[test]
    fn the_labour_line_says_how_labour_was_counted() {
        let labour = |minutes: i64, fault: Option<&str>| {
            let c = Case {
                minutes,
                fault: fault.map(str::to_owned),
                ..base("labour")
            };
            run(&c).lines.remove(1)
        };
        for (minutes, quarters) in [(0, 1), (1, 1), (15, 1), (16, 2), (62, 5), (75, 5), (76, 6)] {
            let l = labour(minutes, None);
            assert_eq!(l.kind, LineKind::Labour);
            assert_eq!(l.quantity, quarters, "{minutes} min");
            assert_eq!(l.unit_price.amount_minor, 3000, "a quarter of 120.00");
            assert_eq!(l.amount.amount_minor, 3000 * i64::from(quarters));
            assert_eq!(
                l.labour,
                Some(LabourCount {
                    minutes_on_site: u32::try_from(minutes).expect("minutes"),
                    quarter_hours: Some(quarters),
                    flat_rate_category: None,
                }),
                "{minutes} min"
            );
        }
        let flat = labour(62, Some("FUSER-02"));
        assert_eq!((flat.quantity, flat.unit_price.amount_minor), (1, 20000));
        assert_eq!(
            flat.labour,
            Some(LabourCount {
                minutes_on_site: 62,
                quarter_hours: None,
                flat_rate_category: Some("FUSER".into()),
            })
        );
        assert!(
            run(&base("labour"))
                .lines
                .iter()
                .all(|l| (l.kind == LineKind::Labour) == l.labour.is_some()),
            "only the labour line carries a count"
        );
    }

    #[test]
    fn a_return_visit_is_not_charged_the_call_out_again() {
        let c = Case {
            tier: CustomerTier::KeyAccount,
            ..base("return visit")
        };
        let mut w = completed(&c);
        let parts = consumed(&c.parts);
        let priced = |w: &WorkOrderCompleted, first_receipt| {
            price(
                Visit {
                    completed: w,
                    parts: &parts,
                    on: c.finished_on,
                    tier: c.tier,
                    contract: None,
                    warranty_end: None,
                    first_receipt,
                    earlier_trainings: 0,
                },
                &terms(),
            )
        };
        let first = priced(&w, None);
        assert_eq!(
            first[0].charged.amount_minor, 4500,
            "the first visit pays it"
        );
        w.revisit_of = Some(Uuid::now_v7());
        let again = priced(&w, Some("R2026-000041"));
        assert_eq!(again[0].kind, LineKind::CallOut);
        assert_eq!(
            (again[0].amount.amount_minor, again[0].charged.amount_minor),
            (0, 0)
        );
        assert_eq!(again[0].discount, None);
        assert_eq!(
            again[0].coverage_note,
            "return visit: the call-out was charged once, on receipt R2026-000041"
        );
        assert_eq!(
            (again[1].charged.amount_minor, again[2].charged.amount_minor),
            (first[1].charged.amount_minor, first[2].charged.amount_minor),
            "labour and parts of the return visit are charged as usual"
        );
        assert_eq!(
            priced(&w, None)[0].coverage_note,
            "return visit: the call-out is charged once, on the first visit"
        );
    }

    #[test]
    fn a_return_visit_is_charged_its_own_call_out_when_the_fee_schedule_says_so() {
        let c = base("return visit, call-out each visit");
        let mut w = completed(&c);
        w.revisit_of = Some(Uuid::now_v7());
        let each_visit = FeeTerms {
            return_visit_call_out: true,
            ..terms()
        };
        let priced = |terms: &FeeTerms| {
            price(
                Visit {
                    completed: &w,
                    parts: &[],
                    on: c.finished_on,
                    tier: c.tier,
                    contract: None,
                    warranty_end: None,
                    first_receipt: Some("R2026-000041"),
                    earlier_trainings: 0,
                },
                terms,
            )
        };
        let charged = priced(&each_visit);
        assert_eq!(charged[0].kind, LineKind::CallOut);
        assert_eq!(
            (
                charged[0].amount.amount_minor,
                charged[0].charged.amount_minor
            ),
            (5000, 5000),
            "the schedule charges a call-out for every visit"
        );
        assert_eq!(priced(&terms())[0].charged.amount_minor, 0);
    }

    #[test]
    fn unknown_parts_are_listed_unpriced() {
        let c = base("unknown");
        let w = completed(&c);
        let unknown = ConsumedLine {
            sku: "X-9".into(),
            name: None,
            quantity: 1,
            taken: 0,
            shortfall: 1,
            unit_price: None,
            consumable: false,
        };
        let lines = price(
            Visit {
                completed: &w,
                parts: &[unknown],
                on: c.finished_on,
                tier: CustomerTier::Standard,
                contract: None,
                warranty_end: None,
                first_receipt: None,
                earlier_trainings: 0,
            },
            &terms(),
        );
        assert!(lines[2].description.contains("not in catalogue"));
        assert_eq!(lines[2].amount.amount_minor, 0);
    }
}
