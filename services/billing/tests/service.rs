//! Billing alone, in this process, on a temporary database and a real nats-server:
//! completed visits are published as dispatch publishes them, and the receipts billing
//! stores, numbers and announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_billing::Config;
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_testkit::fixtures::work_order_completed;
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::Utc;
use serde_json::json;

async fn each_visit_gets_one_receipt_under_the_next_number(backend: TestBackend) {
    let svc = ServiceHarness::start(Service::Billing, backend, |bus, url, settings| async move {
        aftercare_billing::build(bus, &url, settings, Config::default()).await
    })
    .await
    .unwrap();
    let now = Utc::now();
    let first = work_order_completed(now - chrono::Duration::minutes(30));
    let second = work_order_completed(now - chrono::Duration::minutes(10));
    let payload = serde_json::to_vec(&Envelope::new(first.clone(), None)).unwrap();
    // The first visit is delivered twice under two message ids.
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1-again", payload)
        .await
        .unwrap();
    svc.publish(&Envelope::new(second.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let mut numbers = Vec::new();
    for visit in [&first, &second] {
        let issued = svc
            .next_published("billing.invoice.issued", |e| {
                e["data"]["work_order_id"] == json!(visit.work_order_id)
            })
            .await
            .unwrap();
        numbers.push(issued["data"]["number"].as_str().unwrap().to_owned());
    }
    assert_eq!(svc.published("billing.invoice.issued").len(), 2);
    assert_eq!(
        svc.db()
            .count("select count(*) from invoice")
            .await
            .unwrap(),
        2
    );
    // Gapless: the second receipt takes the number after the first.
    let seq = |n: &str| n.rsplit('-').next().unwrap().parse::<u64>().unwrap();
    assert!(numbers[0].starts_with('R'), "{numbers:?}");
    assert_eq!(seq(&numbers[1]), seq(&numbers[0]) + 1, "{numbers:?}");
}

#[tokio::test]
async fn each_visit_gets_one_receipt_under_the_next_number_on_sqlite() {
    each_visit_gets_one_receipt_under_the_next_number(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn each_visit_gets_one_receipt_under_the_next_number_on_postgresql() {
    each_visit_gets_one_receipt_under_the_next_number(TestBackend::Postgres).await;
}
