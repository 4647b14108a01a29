//! Billing's rules, free of I/O: pricing a visit by the fee schedule and deciding
//! coverage. Money is integer minor units; labour is charged per started quarter hour,
//! and a fraction of a fen is rounded half up.
use aftercare_contracts::Money;
use aftercare_contracts::billing::{Coverage, InvoiceLine, LineKind};
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::inventory::ConsumedLine;
use chrono::{Months, NaiveDate};

/// The fee schedule (统一收费标准) in force.
#[derive(Debug, Clone)]
pub struct FeeSchedule {
    /// Currency of every amount.
    pub currency: String,
    /// Call-out fee per visit.
    pub call_out_minor: i64,
    /// Labour per hour.
    pub labour_per_hour_minor: i64,
    /// Free-service period from purchase ("one year free").
    pub warranty_months: u32,
}

/// Whether a machine bought on `purchase` is in warranty on `on`.
pub fn in_warranty(purchase: Option<NaiveDate>, on: NaiveDate, months: u32) -> bool {
    match purchase.and_then(|p| p.checked_add_months(Months::new(months))) {
        Some(end) => on < end,
        None => false,
    }
}

/// Started quarter hours between two instants (at least one).
pub fn quarter_hours(minutes: i64) -> u32 {
    u32::try_from(((minutes.max(1)) + 14) / 15).unwrap_or(u32::MAX)
}

fn round_div(n: i64, d: i64) -> i64 {
    (n + d / 2) / d
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

/// Prices a visit: call-out, labour and parts. In warranty every line is recorded at
/// price and charged zero; otherwise a contract in force covers the lines it names
/// (consumables never). Covered lines are still recorded at price.
pub fn price(
    visit: &WorkOrderCompleted,
    parts: &[ConsumedLine],
    fees: &FeeSchedule,
    contract: Option<&aftercare_contracts::billing::ContractCoverage>,
) -> Vec<InvoiceLine> {
    let warranty = in_warranty(
        visit.machine.as_ref().and_then(|m| m.purchase_date),
        visit.finished_at.date_naive(),
        fees.warranty_months,
    );
    let coverage_of = |kind: LineKind, consumable: bool| -> Coverage {
        if warranty && !consumable {
            return Coverage::Warranty;
        }
        match contract {
            Some(c)
                if match kind {
                    LineKind::CallOut => c.call_out,
                    LineKind::Labour => c.labour,
                    LineKind::Part => c.parts && !consumable,
                } =>
            {
                Coverage::Contract
            }
            _ => Coverage::Chargeable,
        }
    };
    let money = |amount_minor| Money {
        amount_minor,
        currency: fees.currency.clone(),
    };
    let line =
        |kind, consumable: bool, description: String, quantity: u32, unit: i64, amount: i64| {
            let coverage = coverage_of(kind, consumable);
            InvoiceLine {
                kind,
                description,
                quantity,
                unit_price: money(unit),
                amount: money(amount),
                charged: money(if coverage == Coverage::Chargeable {
                    amount
                } else {
                    0
                }),
                coverage,
            }
        };
    let mut lines = vec![line(
        LineKind::CallOut,
        false,
        format!("Call-out ({})", visit.district),
        1,
        fees.call_out_minor,
        fees.call_out_minor,
    )];
    let minutes = (visit.finished_at - visit.started_at).num_minutes();
    let quarters = quarter_hours(minutes);
    let quarter_price = round_div(fees.labour_per_hour_minor, 4);
    lines.push(line(
        LineKind::Labour,
        false,
        format!("Labour, {minutes} min in started quarter hours"),
        quarters,
        quarter_price,
        quarter_price * i64::from(quarters),
    ));
    for p in parts {
        let unit = p.unit_price.as_ref().map(|m| m.amount_minor).unwrap_or(0);
        let name = p
            .name
            .clone()
            .unwrap_or_else(|| format!("{} (not in catalogue, unpriced)", p.sku));
        lines.push(line(
            LineKind::Part,
            p.consumable,
            format!("{} × {}", name, p.quantity),
            p.quantity,
            unit,
            unit * i64::from(p.quantity),
        ));
    }
    lines
}

/// The ageing bucket of a receivable open `days` days: 0–30, 31–60, 61–90, more than 90.
pub fn bucket(days: i64) -> aftercare_contracts::billing::AgeBucket {
    use aftercare_contracts::billing::AgeBucket::*;
    match days {
        ..=30 => Days0To30,
        31..=60 => Days31To60,
        61..=90 => Days61To90,
        _ => Over90,
    }
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
    use aftercare_contracts::intake::MachineInfo;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn fees() -> FeeSchedule {
        FeeSchedule {
            currency: "CNY".into(),
            call_out_minor: 5000,
            labour_per_hour_minor: 12000,
            warranty_months: 12,
        }
    }

    fn visit(purchase: Option<NaiveDate>, minutes: i64) -> WorkOrderCompleted {
        let start = Utc
            .with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .single()
            .expect("date");
        WorkOrderCompleted {
            work_order_id: Uuid::nil(),
            number: "W2026-000001".into(),
            ticket_id: Uuid::nil(),
            technician_id: Uuid::nil(),
            technician_name: "Li".into(),
            team: "tianhe".into(),
            customer_name: "ACME".into(),
            district: "tianhe".into(),
            machine: Some(MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR".into(),
                serial: "1".into(),
                purchase_date: purchase,
            }),
            started_at: start,
            finished_at: start + chrono::Duration::minutes(minutes),
            diagnosis: "drum".into(),
            fault: None,
            parts: vec![],
            meter_reading: None,
        }
    }

    fn drum(qty: u32) -> ConsumedLine {
        ConsumedLine {
            sku: "DRUM-1".into(),
            name: Some("Drum".into()),
            quantity: qty,
            taken: qty,
            shortfall: 0,
            unit_price: Some(Money::cny(38000)),
            consumable: false,
        }
    }

    #[test]
    fn ageing_buckets_at_their_edges() {
        use aftercare_contracts::billing::AgeBucket::*;
        let got: Vec<_> = [0, 30, 31, 60, 61, 90, 91, 400]
            .iter()
            .map(|d| bucket(*d))
            .collect();
        assert_eq!(
            got,
            [
                Days0To30, Days0To30, Days31To60, Days31To60, Days61To90, Days61To90, Over90,
                Over90
            ]
        );
    }

    #[test]
    fn a_contract_covers_what_it_names_and_never_consumables() {
        use aftercare_contracts::billing::ContractCoverage;
        let labour_only = ContractCoverage {
            call_out: true,
            labour: true,
            parts: false,
            visit_every_months: 1,
        };
        let mut toner = drum(1);
        toner.sku = "TONER-K".into();
        toner.consumable = true;
        let lines = price(
            &visit(None, 30),
            &[drum(1), toner.clone()],
            &fees(),
            Some(&labour_only),
        );
        let cov: Vec<Coverage> = lines.iter().map(|l| l.coverage).collect();
        assert_eq!(
            cov,
            [
                Coverage::Contract,
                Coverage::Contract,
                Coverage::Chargeable,
                Coverage::Chargeable
            ]
        );
        assert_eq!(totals(&lines), (5000 + 6000 + 38000 + 38000, 38000 + 38000));
        let everything = ContractCoverage {
            parts: true,
            ..labour_only
        };
        let lines = price(
            &visit(None, 30),
            &[drum(1), toner],
            &fees(),
            Some(&everything),
        );
        assert_eq!(lines[2].coverage, Coverage::Contract);
        assert_eq!(
            lines[3].coverage,
            Coverage::Chargeable,
            "consumables are never covered"
        );
        assert_eq!(machine_key("Sharp", "sn-12 34"), "SHARP/SN1234");
    }

    #[test]
    fn a_chargeable_visit_is_priced_line_by_line() {
        let lines = price(&visit(None, 50), &[drum(2)], &fees(), None);
        let amounts: Vec<i64> = lines.iter().map(|l| l.charged.amount_minor).collect();
        // call-out 50.00; 50 min = 4 quarters × 30.00; 2 drums × 380.00
        assert_eq!(amounts, vec![5000, 12000, 76000]);
        assert_eq!(totals(&lines), (93000, 93000));
        assert!(lines.iter().all(|l| l.coverage == Coverage::Chargeable));
    }

    #[test]
    fn in_warranty_work_is_recorded_at_price_and_charged_zero() {
        let bought = NaiveDate::from_ymd_opt(2026, 1, 10);
        let lines = price(&visit(bought, 15), &[drum(1)], &fees(), None);
        assert_eq!(totals(&lines), (5000 + 3000 + 38000, 0));
        assert!(lines.iter().all(|l| l.coverage == Coverage::Warranty));
    }

    #[test]
    fn warranty_ends_on_the_anniversary() {
        let bought = NaiveDate::from_ymd_opt(2025, 11, 23);
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        assert!(in_warranty(bought, day(22), 12));
        assert!(!in_warranty(bought, day(23), 12));
        assert!(!in_warranty(None, day(1), 12));
    }

    #[test]
    fn labour_counts_started_quarter_hours_and_rounds_half_up() {
        assert_eq!(quarter_hours(0), 1);
        assert_eq!(quarter_hours(15), 1);
        assert_eq!(quarter_hours(16), 2);
        let odd = FeeSchedule {
            labour_per_hour_minor: 10002,
            ..fees()
        };
        let lines = price(&visit(None, 30), &[], &odd, None);
        assert_eq!(lines[1].unit_price.amount_minor, 2501);
    }

    #[test]
    fn unknown_parts_are_listed_unpriced() {
        let unknown = ConsumedLine {
            sku: "X-9".into(),
            name: None,
            quantity: 1,
            taken: 0,
            shortfall: 1,
            unit_price: None,
            consumable: false,
        };
        let lines = price(&visit(None, 15), &[unknown], &fees(), None);
        assert!(lines[2].description.contains("not in catalogue"));
        assert_eq!(lines[2].amount.amount_minor, 0);
    }
}
