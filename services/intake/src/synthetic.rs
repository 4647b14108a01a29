//! A synthetic customer base for benchmarks: deterministic customers, phones and machines
//! loaded straight into intake's tables through the same store code the service uses, so
//! search can be measured at the size of a large dealer without hours of API calls.
use aftercare_contracts::intake::{Contact, Customer, CustomerTier, Machine};
use aftercare_platform::{Db, Result, from_ms, now_ms};
use uuid::Uuid;

use crate::store::customers as store;

const DISTRICTS: [&str; 6] = ["tianhe", "yuexiu", "haizhu", "liwan", "baiyun", "panyu"];
const WORDS: [&str; 8] = [
    "Printing",
    "Trading",
    "Logistics",
    "Design",
    "Hospital",
    "School",
    "Hotel",
    "Law Office",
];
const BRANDS: [&str; 4] = ["Sharp", "Panasonic", "Canon", "Ricoh"];
/// Customers inserted per transaction.
const BATCH: usize = 2_000;

/// The company name of synthetic customer `i`.
pub fn company(i: usize) -> String {
    format!(
        "{} {} {:06} Co.",
        DISTRICTS[i % DISTRICTS.len()],
        WORDS[(i / DISTRICTS.len()) % WORDS.len()],
        i
    )
}

/// The phone number of synthetic customer `i` (unique).
pub fn phone(i: usize) -> String {
    format!("+86 139 {:04} {:04}", i / 10_000, i % 10_000)
}

/// The brand and serial number of synthetic machine `j` (unique).
pub fn machine(j: usize) -> (&'static str, String) {
    (BRANDS[j % BRANDS.len()], format!("SYN-{j:08}"))
}

/// Loads `customers` customers with `machines` machines spread over them (machine `j`
/// belongs to customer `j % customers`). Returns how many of each were inserted.
pub async fn load(db: &Db, customers: usize, machines: usize) -> Result<(usize, usize)> {
    let now = now_ms();
    // Synthetic customers are numbered in the default business time zone (Asia/Shanghai).
    let calendar = aftercare_calendar::BusinessCalendar::china();
    let mut ids = Vec::with_capacity(customers);
    for start in (0..customers).step_by(BATCH) {
        let mut uow = db.begin().await?;
        for i in start..(start + BATCH).min(customers) {
            let number = uow
                .next_number(&crate::domain::numbering::CUSTOMER, &calendar, from_ms(now))
                .await?;
            let c = Customer {
                id: Uuid::now_v7(),
                number,
                company: company(i),
                contacts: vec![Contact {
                    name: format!("Contact {i}"),
                    phones: vec![phone(i)],
                    title: String::new(),
                    email: None,
                    wechat: None,
                }],
                address: format!("{i} Synthetic Rd"),
                district: DISTRICTS[i % DISTRICTS.len()].into(),
                location: None,
                tier: if i % 20 == 0 {
                    CustomerTier::KeyAccount
                } else {
                    CustomerTier::Standard
                },
                preferred_channel: Default::default(),
                language: Default::default(),
                notes: String::new(),
                status: Default::default(),
                merged_into: None,
                created_at: from_ms(now),
                version: 1,
            };
            store::insert_customer(&mut uow, &c, now).await?;
            ids.push(c.id);
        }
        uow.commit().await?;
    }
    if ids.is_empty() {
        return Ok((0, 0));
    }
    for start in (0..machines).step_by(BATCH) {
        let mut uow = db.begin().await?;
        for j in start..(start + BATCH).min(machines) {
            let (brand, serial) = machine(j);
            let m = Machine {
                id: Uuid::now_v7(),
                customer_id: ids[j % ids.len()],
                product_line: "copier".into(),
                brand: brand.into(),
                model: "AR-2048".into(),
                serial,
                purchase_date: None,
                warranty_end: None,
                install_location: String::new(),
                last_meter_reading: None,
                contract: None,
                notes: String::new(),
                created_at: from_ms(now),
                version: 1,
            };
            store::insert_machine(&mut uow, &m, now).await?;
        }
        uow.commit().await?;
    }
    Ok((ids.len(), machines))
}
