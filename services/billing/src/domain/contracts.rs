//! Service contracts: what a valid contract is, the contract a signing makes, and how far
//! a contract may be ended early.
use aftercare_contracts::billing::{
    Contract, ContractsSignedReport, CreateContract, RenewalStatus, RenewalsEnding, limits,
};
use aftercare_contracts::rpc::{FieldError, check_text};
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use uuid::Uuid;

/// Problems with a contract to sign: its customer, district and address, 1-50 machines,
/// a period of at most three years, a visit every 0-12 months and a price not negative.
pub fn check(req: &CreateContract) -> Vec<FieldError> {
    let mut e = Vec::new();
    let err = |field: &str, code: &str, message: &str| FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    };
    limits::CUSTOMER_NAME.check(&mut e, "customer_name", &req.customer_name);
    limits::DISTRICT.check(&mut e, "district", &req.district);
    limits::ADDRESS.check(&mut e, "address", &req.address);
    if !limits::MACHINES.allows(req.machines.len()) {
        e.push(err(
            "machines",
            "out_of_range",
            "a contract covers 1-50 machines",
        ));
    }
    for (i, m) in req.machines.iter().enumerate() {
        check_text(&mut e, &format!("machines[{i}].serial"), &m.serial, 1, 64);
        check_text(&mut e, &format!("machines[{i}].brand"), &m.brand, 1, 64);
        check_text(&mut e, &format!("machines[{i}].model"), &m.model, 1, 100);
    }
    if req.ends_on < req.starts_on {
        e.push(err(
            "ends_on",
            "before_start",
            "ends_on must not be before starts_on",
        ));
    } else if (req.ends_on - req.starts_on).num_days() > 3 * 366 {
        e.push(err(
            "ends_on",
            "out_of_range",
            "a contract runs three years at most",
        ));
    }
    if req.coverage.visit_every_months > 12 {
        e.push(err(
            "coverage.visit_every_months",
            "out_of_range",
            "visit_every_months is 0 to 12",
        ));
    }
    if req.price.amount_minor < 0 {
        e.push(err(
            "price.amount_minor",
            "negative",
            "a price cannot be negative",
        ));
    }
    e
}

/// The contract a checked request signs under `number`, its texts trimmed.
pub fn signed(id: Uuid, number: String, req: CreateContract, at: DateTime<Utc>) -> Contract {
    Contract {
        id,
        number,
        customer_id: req.customer_id,
        customer_name: req.customer_name.trim().to_owned(),
        district: req.district.trim().to_owned(),
        address: req.address.trim().to_owned(),
        machines: req.machines,
        starts_on: req.starts_on,
        ends_on: req.ends_on,
        coverage: req.coverage,
        price: req.price,
        created_at: at,
    }
}

/// Whether a contract may end early on `new_end`, decided on `today`: from the day before
/// it starts or yesterday (whichever is later) to the day before its current end.
pub fn check_early_end(
    contract: &Contract,
    new_end: NaiveDate,
    today: NaiveDate,
) -> Result<(), FieldError> {
    let earliest = contract
        .starts_on
        .pred_opt()
        .unwrap_or(contract.starts_on)
        .max(today.pred_opt().unwrap_or(today));
    if new_end < earliest || new_end >= contract.ends_on {
        return Err(FieldError {
            field: "ends_on".into(),
            code: "out_of_range".into(),
            message: format!(
                "the new last day is from {earliest} to the day before the current end ({})",
                contract.ends_on
            ),
        });
    }
    Ok(())
}

/// The first day of the month `day` falls in and the first day of the next: the
/// contracts-signed report's local days.
pub fn month_of(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    (
        first,
        first.checked_add_months(Months::new(1)).unwrap_or(first),
    )
}

/// The renewals of the covers ending in a month, counted by where each stands.
pub fn renewals_ending(statuses: impl IntoIterator<Item = RenewalStatus>) -> RenewalsEnding {
    let mut t = RenewalsEnding::default();
    for s in statuses {
        t.ending += 1;
        match s {
            RenewalStatus::Renewed => t.renewed += 1,
            RenewalStatus::Declined => t.declined += 1,
            RenewalStatus::Lapsed => t.lapsed += 1,
            RenewalStatus::Open => t.open += 1,
        }
    }
    t
}

/// The contracts recorded in the month starting on `first` (each with whether it came
/// from a renewal): renewals told apart from new contracts, and their total price.
pub fn signed_report(
    first: NaiveDate,
    contracts: Vec<(Contract, bool)>,
    ending: RenewalsEnding,
) -> ContractsSignedReport {
    let renewals = contracts.iter().filter(|(_, renewal)| *renewal).count();
    ContractsSignedReport {
        month: first,
        ending,
        renewals: u32::try_from(renewals).unwrap_or(u32::MAX),
        new: u32::try_from(contracts.len() - renewals).unwrap_or(u32::MAX),
        total_minor: contracts.iter().map(|(c, _)| c.price.amount_minor).sum(),
        contracts: contracts.into_iter().map(|(c, _)| c).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::Money;
    use aftercare_contracts::billing::ContractCoverage;
    use aftercare_contracts::intake::MachineInfo;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn request() -> CreateContract {
        CreateContract {
            customer_id: Uuid::nil(),
            customer_name: " Yuexiu Law Office ".into(),
            district: "yuexiu".into(),
            address: "3 Yuexiu Rd".into(),
            machines: vec![MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "S1".into(),
                purchase_date: None,
            }],
            starts_on: day(2027, 1, 1),
            ends_on: day(2027, 12, 31),
            coverage: ContractCoverage {
                call_out: true,
                labour: true,
                parts: false,
                visit_every_months: 3,
            },
            price: Money::cny(360000),
        }
    }

    #[test]
    fn a_contract_runs_three_years_at_most_and_covers_machines() {
        assert!(check(&request()).is_empty());
        let mut long = request();
        long.ends_on = day(2030, 6, 1);
        long.machines.clear();
        long.price.amount_minor = -1;
        let codes: Vec<_> = check(&long)
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            [
                "machines:out_of_range",
                "ends_on:out_of_range",
                "price.amount_minor:negative"
            ]
        );
        let mut backwards = request();
        backwards.ends_on = day(2026, 12, 31);
        assert_eq!(check(&backwards)[0].code, "before_start");
    }

    #[test]
    fn a_signed_contract_keeps_its_texts_trimmed() {
        let c = signed(
            Uuid::nil(),
            "K2027-000001".into(),
            request(),
            DateTime::UNIX_EPOCH,
        );
        assert_eq!(c.customer_name, "Yuexiu Law Office");
        assert_eq!(c.number, "K2027-000001");
    }

    #[test]
    fn a_contract_ends_early_from_yesterday_to_the_day_before_its_end() {
        let c = signed(Uuid::nil(), "K1".into(), request(), DateTime::UNIX_EPOCH);
        let today = day(2027, 6, 15);
        assert!(check_early_end(&c, day(2027, 6, 14), today).is_ok());
        assert!(check_early_end(&c, day(2027, 12, 30), today).is_ok());
        assert!(check_early_end(&c, day(2027, 12, 31), today).is_err());
        let e = check_early_end(&c, day(2027, 6, 13), today).expect_err("refused");
        assert_eq!(
            e.message,
            "the new last day is from 2027-06-14 to the day before the current end (2027-12-31)"
        );
        // Before it starts, it may end the day before it would have started.
        assert!(check_early_end(&c, day(2026, 12, 31), day(2026, 11, 1)).is_ok());
    }

    #[test]
    fn the_month_report_tells_renewals_from_new_contracts() {
        assert_eq!(
            month_of(day(2026, 12, 17)),
            (day(2026, 12, 1), day(2027, 1, 1))
        );
        let c = signed(Uuid::nil(), "K1".into(), request(), DateTime::UNIX_EPOCH);
        let report = signed_report(
            day(2026, 12, 1),
            vec![(c.clone(), true), (c.clone(), false), (c, false)],
            RenewalsEnding::default(),
        );
        assert_eq!((report.renewals, report.new), (1, 2));
        assert_eq!(report.total_minor, 3 * 360000);
        assert_eq!(report.contracts.len(), 3);
    }

    #[test]
    fn renewals_ending_in_a_month_are_won_lost_or_open() {
        use RenewalStatus::{Declined, Lapsed, Open, Renewed};
        let t = renewals_ending([Renewed, Declined, Lapsed, Open, Renewed, Lapsed]);
        assert_eq!(
            t,
            RenewalsEnding {
                ending: 6,
                renewed: 2,
                declined: 1,
                lapsed: 2,
                open: 1,
            }
        );
        assert_eq!(renewals_ending([]), RenewalsEnding::default());
    }
}
