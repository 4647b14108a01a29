//! Preventive maintenance (防火服务): which plans a warranty card or a contract starts
//! (each once, by its source key), when a plan's next visit falls due, and when a visit
//! is generated (a lead time ahead).
use aftercare_contracts::FieldError;
use aftercare_contracts::billing::Contract;
use aftercare_contracts::dispatch::{
    CreateMaintenancePlan, MaintenanceKind, MaintenancePlan, limits,
};
use aftercare_contracts::intake::{MachineInfo, WarrantyRegistered};
use aftercare_platform::db::to_text;
use chrono::{Datelike, Months, NaiveDate};
use uuid::Uuid;

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

/// Whose machine a plan serves, and where.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    /// The customer's record.
    pub customer_id: Uuid,
    /// Company name.
    pub company: &'a str,
    /// District.
    pub district: &'a str,
    /// Street address.
    pub address: &'a str,
}

/// A new active plan for `machine` at `site`, starting as `start` says, names trimmed.
pub fn new_plan(site: Site<'_>, machine: &MachineInfo, start: PlanStart) -> MaintenancePlan {
    let (kind, first, every_months, until) = start;
    MaintenancePlan {
        id: Uuid::now_v7(),
        kind,
        customer_id: site.customer_id,
        company: site.company.trim().to_owned(),
        district: site.district.trim().to_owned(),
        address: site.address.trim().to_owned(),
        machine: machine.clone(),
        every_months,
        next_due: first,
        until,
        active: true,
        generated: vec![],
    }
}

/// The source key of a plan made by hand: its own id (each request is a new plan).
pub fn manual_key(plan: &MaintenancePlan) -> String {
    format!("manual:{}", plan.id)
}

/// The plans a warranty card starts, each with its source key (card and kind), so a
/// card delivered again starts nothing new.
pub fn plans_for_card(w: &WarrantyRegistered) -> Vec<(String, MaintenancePlan)> {
    let site = Site {
        customer_id: w.customer_id,
        company: &w.company,
        district: &w.district,
        address: &w.address,
    };
    plans_for_warranty(w.first_maintenance_by, w.warranty_end)
        .into_iter()
        .map(|start| {
            let key = format!("warranty:{}:{}", w.card_number, to_text(&start.0));
            (key, new_plan(site, &w.machine, start))
        })
        .collect()
}

/// The plans a contract starts on `today`: one per machine, every `visit_every_months`
/// from its start (or today, for a contract already running) to its end, each with its
/// source key (contract, brand and serial); none when the contract has no visits or has
/// ended.
pub fn plans_for_contract(c: &Contract, today: NaiveDate) -> Vec<(String, MaintenancePlan)> {
    let every = c.coverage.visit_every_months;
    let first = c.starts_on.max(today);
    if every == 0 || first > c.ends_on {
        return vec![];
    }
    let site = Site {
        customer_id: c.customer_id,
        company: &c.customer_name,
        district: &c.district,
        address: &c.address,
    };
    c.machines
        .iter()
        .map(|m| {
            let key = format!(
                "contract:{}:{}:{}",
                c.number,
                m.brand.trim(),
                m.serial.trim()
            );
            let start = (MaintenanceKind::Contract, first, every, Some(c.ends_on));
            (key, new_plan(site, m, start))
        })
        .collect()
}

/// Problems with a plan made by hand.
pub fn validate(req: &CreateMaintenancePlan) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::COMPANY.check(&mut e, "company", &req.company);
    limits::CODE.check(&mut e, "district", &req.district);
    limits::ADDRESS.check(&mut e, "address", &req.address);
    limits::MODEL.check(&mut e, "machine.model", &req.machine.model);
    limits::MODEL.check(&mut e, "machine.brand", &req.machine.brand);
    limits::CODE.check(&mut e, "machine.product_line", &req.machine.product_line);
    limits::EVERY_MONTHS.check(&mut e, "every_months", req.every_months);
    if req.until.is_some_and(|u| u < req.first_due) {
        e.push(FieldError {
            field: "until".into(),
            code: "before_start".into(),
            message: "until must not be before first_due".into(),
        });
    }
    if !limits::FIRST_DUE_YEARS.contains(&req.first_due.year()) {
        e.push(FieldError {
            field: "first_due".into(),
            code: "out_of_range".into(),
            message: "first_due must fall in 2000 or later".into(),
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

    fn machine(serial: &str) -> MachineInfo {
        MachineInfo {
            brand: " Sharp ".into(),
            model: "AR-2048".into(),
            serial: format!(" {serial} "),
            product_line: "copier".into(),
            purchase_date: None,
        }
    }

    #[test]
    fn a_card_keys_its_plans_by_card_and_kind() {
        let mut card = WarrantyRegistered::example();
        card.card_number = "WC-1".into();
        card.company = " ACME ".into();
        card.first_maintenance_by = d(2026, 11, 30);
        card.warranty_end = Some(d(2027, 11, 23));
        let plans = plans_for_card(&card);
        let keys: Vec<&str> = plans.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "warranty:WC-1:first_visit",
                "warranty:WC-1:monthly_cleaning"
            ]
        );
        let (_, cleaning) = &plans[1];
        assert_eq!(cleaning.company, "ACME");
        assert_eq!(
            (cleaning.next_due, cleaning.every_months),
            (d(2026, 12, 30), 1)
        );
        assert!(cleaning.active && cleaning.generated.is_empty());
    }

    #[test]
    fn a_contract_plans_each_machine_from_its_start_or_today_to_its_end() {
        let mut c = Contract {
            id: Uuid::nil(),
            number: "C2026-000001".into(),
            customer_id: Uuid::nil(),
            customer_name: "ACME".into(),
            district: "tianhe".into(),
            address: "1 Tianhe Road".into(),
            machines: vec![machine("S1"), machine("S2")],
            starts_on: d(2026, 11, 1),
            ends_on: d(2027, 10, 31),
            coverage: aftercare_contracts::billing::ContractCoverage {
                call_out: true,
                labour: true,
                parts: false,
                visit_every_months: 3,
            },
            price: aftercare_contracts::money::Money {
                amount_minor: 100_000,
                currency: "CNY".into(),
            },
            created_at: chrono::DateTime::<chrono::Utc>::UNIX_EPOCH,
        };
        let plans = plans_for_contract(&c, d(2026, 11, 24));
        let keys: Vec<&str> = plans.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "contract:C2026-000001:Sharp:S1",
                "contract:C2026-000001:Sharp:S2"
            ]
        );
        let p = &plans[0].1;
        assert_eq!(p.kind, MaintenanceKind::Contract);
        assert_eq!(
            (p.next_due, p.until),
            (d(2026, 11, 24), Some(d(2027, 10, 31)))
        );
        // Not started yet: from its first day.
        assert_eq!(
            plans_for_contract(&c, d(2026, 10, 1))[0].1.next_due,
            d(2026, 11, 1)
        );
        // Ended, or no visits in the coverage: nothing.
        assert!(plans_for_contract(&c, d(2027, 11, 1)).is_empty());
        c.coverage.visit_every_months = 0;
        assert!(plans_for_contract(&c, d(2026, 11, 24)).is_empty());
    }
}
