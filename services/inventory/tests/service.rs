//! Inventory alone, in this process, on a temporary database and a real nats-server, built
//! with the consumables lead time a test chooses: meter readings are published as dispatch
//! publishes them, and the contact tasks inventory announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::dispatch::MeterRead;
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::{Actor, Envelope, Service};
use aftercare_inventory::Config;
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::{Value, json};

async fn inventory(config: Config) -> ServiceHarness {
    let svc = ServiceHarness::start(
        Service::Inventory,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            aftercare_inventory::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap();
    let manager = Actor {
        user_id: "manager-1".into(),
        role: "manager".into(),
    };
    let _: Value = svc
        .request(
            "part.create",
            &json!({"sku": "TONER-K", "name": "Toner black",
                "list_price": {"amount_minor": 45000, "currency": "CNY"},
                "category": "consumable", "compatible_models": ["AR-2048"], "page_yield": 16000}),
            Some(&manager),
        )
        .await
        .unwrap();
    svc
}

/// Two readings ten days apart: 300 pages a day, 13,000 of the toner's 16,000 pages left,
/// so it runs out in about 43 days.
const TWO_READINGS: [(i64, u64); 2] = [(10, 100_000), (0, 103_000)];

/// Publishes meter readings (days ago, pages) of one copier and waits until inventory has
/// handled them.
async fn read_meter(svc: &ServiceHarness, readings: &[(i64, u64)]) {
    let now = chrono::Utc::now();
    for &(days_ago, reading) in readings {
        let read = MeterRead {
            work_order_id: uuid::Uuid::now_v7(),
            machine: MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "SN-TONER-1".into(),
                purchase_date: None,
            },
            reading,
            consumables_level: None,
            read_at: now - chrono::Duration::days(days_ago),
        };
        svc.publish(&Envelope::new(read, None)).await.unwrap();
    }
    svc.settled().await.unwrap();
}

#[tokio::test]
async fn a_toner_running_out_within_the_configured_lead_time_is_announced_once() {
    let svc = inventory(Config {
        consumable_lead_days: 60,
        ..Config::default()
    })
    .await;
    read_meter(&svc, &TWO_READINGS).await;
    let due = svc
        .next_published("inventory.consumable.replacement_due", |_| true)
        .await
        .unwrap();
    assert_eq!(due["data"]["sku"], "TONER-K");
    assert_eq!(due["data"]["serial"], "SN-TONER-1");
    assert_eq!(due["data"]["pages_left"], 13_000);
    // A later reading of the same toner announces nothing new.
    read_meter(&svc, &[(0, 103_300)]).await;
    assert_eq!(
        svc.db()
            .staged("inventory.consumable.replacement_due")
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_toner_running_out_after_the_default_lead_time_is_not_announced_yet() {
    let svc = inventory(Config::default()).await;
    read_meter(&svc, &TWO_READINGS).await;
    assert_eq!(
        svc.db()
            .count("select count(*) from meter_reading")
            .await
            .unwrap(),
        2
    );
    assert!(
        svc.db()
            .staged("inventory.consumable.replacement_due")
            .await
            .unwrap()
            .is_empty()
    );
}
