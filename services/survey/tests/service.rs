//! Survey alone, in this process, on a temporary database and a real nats-server, built
//! with the callback policy a test chooses: completed visits are published as dispatch
//! publishes them, and the callbacks survey stores, stages and announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_survey::Config;
use aftercare_testkit::fixtures::work_order_completed;
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;

async fn survey(backend: TestBackend, config: Config) -> ServiceHarness {
    ServiceHarness::start(Service::Survey, backend, |bus, url, settings| async move {
        aftercare_survey::build(bus, &url, settings, config).await
    })
    .await
    .unwrap()
}

fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

async fn every_visit_gets_one_callback_due_when_the_config_says(backend: TestBackend) {
    // Collected at 14:30 on the second working day after the visit, read through the
    // same lookup the binary gives the environment.
    let config = Config::from_settings(&|k: &str| match k {
        "AFTERCARE_CALLBACK_COLLECT_AT" => Some("14:30".into()),
        "AFTERCARE_CALLBACK_DELAY_DAYS" => Some("2".into()),
        _ => None,
    })
    .unwrap();
    let svc = survey(backend, config).await;
    // A Thursday visit: two working days later is Monday.
    let visit = work_order_completed(cst(2026, 11, 26, 11, 0));
    let envelope = Envelope::new(visit.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    // Delivered twice under two message ids: one callback all the same.
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-2", payload)
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let wo = visit.work_order_id;
    assert_eq!(
        svc.db()
            .count(&format!(
                "select count(*) from callback where work_order_id = '{wo}'"
            ))
            .await
            .unwrap(),
        1
    );
    let staged = svc.db().staged("survey.callback.scheduled").await.unwrap();
    assert_eq!(staged.len(), 1);
    let scheduled = svc
        .next_published("survey.callback.scheduled", |e| {
            e["data"]["work_order_id"] == json!(wo)
        })
        .await
        .unwrap();
    assert_eq!(scheduled["id"], staged[0].envelope["id"]);
    let due: DateTime<Utc> = serde_json::from_value(scheduled["data"]["due_at"].clone()).unwrap();
    assert_eq!(due, cst(2026, 11, 30, 14, 30));
}

#[tokio::test]
async fn every_visit_gets_one_callback_due_when_the_config_says_on_sqlite() {
    every_visit_gets_one_callback_due_when_the_config_says(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn every_visit_gets_one_callback_due_when_the_config_says_on_postgresql() {
    every_visit_gets_one_callback_due_when_the_config_says(TestBackend::Postgres).await;
}
