//! Dispatch alone, in this process, on a temporary database and a real nats-server: the
//! events it consumes are published as their producers would, and what it stores,
//! stages and publishes is read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::intake::{TicketOpened, WarrantyRegistered};
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_dispatch::Config;
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::json;

async fn dispatch(backend: TestBackend, config: Config) -> ServiceHarness {
    ServiceHarness::start(Service::Dispatch, backend, |bus, url, settings| async move {
        aftercare_dispatch::build(bus, &url, settings, config).await
    })
    .await
    .unwrap()
}

async fn the_same_event_delivered_twice_has_one_effect(backend: TestBackend) {
    let svc = dispatch(backend, Config::default()).await;
    let mut event = TicketOpened::example();
    event.ticket_id = uuid::Uuid::now_v7();
    let envelope = Envelope::new(event.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    // Two different message ids, so JetStream stores both: only the inbox can dedupe.
    svc.publish_raw(TicketOpened::TYPE, "copy-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(TicketOpened::TYPE, "copy-2", payload)
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let id = event.ticket_id;
    let db = svc.db();
    assert_eq!(
        db.count(&format!(
            "select count(*) from work_order where ticket_id = '{id}'"
        ))
        .await
        .unwrap(),
        1
    );
    assert_eq!(db.count("select count(*) from inbox").await.unwrap(), 1);
    // With nobody to assign, the one work order is flagged once: one staged event, and
    // that is what went out.
    let staged = db.staged("dispatch.workorder.unassigned").await.unwrap();
    assert_eq!(staged.len(), 1);
    assert_eq!(staged[0].envelope["data"]["ticket_id"], json!(id));
    let sent = svc
        .next_published("dispatch.workorder.unassigned", |e| {
            e["data"]["ticket_id"] == json!(id)
        })
        .await
        .unwrap();
    assert_eq!(sent["id"], staged[0].envelope["id"]);
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_sqlite() {
    the_same_event_delivered_twice_has_one_effect(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_postgresql() {
    the_same_event_delivered_twice_has_one_effect(TestBackend::Postgres).await;
}

#[tokio::test]
async fn a_poison_message_is_dead_lettered_at_once_and_later_messages_still_flow() {
    let svc = dispatch(TestBackend::Sqlite, Config::default()).await;
    let mut broken = serde_json::to_value(Envelope::new(TicketOpened::example(), None)).unwrap();
    broken["data"]["priority"] = json!("urgent!!");
    svc.publish_raw(
        TicketOpened::TYPE,
        "poison-1",
        serde_json::to_vec(&broken).unwrap(),
    )
    .await
    .unwrap();
    svc.publish_raw(TicketOpened::TYPE, "poison-2", b"not json at all".to_vec())
        .await
        .unwrap();
    // A real ticket published after the poison still becomes a work order.
    let mut good = TicketOpened::example();
    good.ticket_id = uuid::Uuid::now_v7();
    svc.publish(&Envelope::new(good.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let letters = svc.dead_letters().await.unwrap();
    assert_eq!(letters.len(), 2, "{letters:?}");
    assert!(
        letters.iter().all(|d| d.consumer == "dispatch"
            && d.subject == TicketOpened::TYPE
            && d.deliveries == 1)
    );
    // Either may be set aside first (an unreadable envelope is refused before a batch runs).
    let schema = letters
        .iter()
        .find(|d| d.reason.contains("data.priority"))
        .expect("the schema violation, naming the field");
    let garbage = letters
        .iter()
        .find(|d| d.reason.contains("not an event envelope"))
        .expect("the unreadable payload");
    assert!(schema.payload.contains("urgent!!"));
    assert_eq!(garbage.payload, "not json at all");
    let orders = svc
        .db()
        .rows("select ticket_id, status from work_order")
        .await
        .unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["ticket_id"], json!(good.ticket_id));
}

#[tokio::test]
async fn the_maintenance_lead_time_comes_from_the_config_and_each_visit_is_generated_once() {
    // A lead of 40 days brings a new card's first visit and first monthly cleaning due.
    let svc = dispatch(
        TestBackend::Sqlite,
        Config {
            maintenance_lead_days: 40,
            ..Config::default()
        },
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let mut card = WarrantyRegistered::example();
    card.customer_id = uuid::Uuid::now_v7();
    card.machine_id = uuid::Uuid::now_v7();
    card.machine.product_line = "fax".into();
    card.machine.purchase_date = Some(today);
    card.warranty_end = Some(today + chrono::Days::new(365));
    card.first_maintenance_by = today + chrono::Days::new(7);
    svc.publish(&Envelope::new(card.clone(), None))
        .await
        .unwrap();

    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "both plans to generate their first visit",
        || async { svc.published("dispatch.maintenance.due").len() == 2 },
    )
    .await
    .unwrap();
    // The job runs every 200 ms here; running again generates nothing new.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let db = svc.db();
    assert_eq!(
        db.count("select count(*) from maintenance_visit")
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        db.staged("dispatch.maintenance.due").await.unwrap().len(),
        2
    );
    assert_eq!(svc.published("dispatch.maintenance.due").len(), 2);
    let due: Vec<_> = svc
        .published("dispatch.maintenance.due")
        .iter()
        .map(|e| e["data"]["due_on"].clone())
        .collect();
    assert!(due.contains(&json!(card.first_maintenance_by)), "{due:?}");
}
