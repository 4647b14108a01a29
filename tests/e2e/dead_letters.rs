//! Redelivery is harmless, poison is set aside with its reason, and the flow goes on.

use aftercare_contracts::intake::TicketOpened;
use aftercare_contracts::{Envelope, Event};
use aftercare_testkit::{poll_for, wait_until};
use serde_json::json;

use crate::helpers::{Backend, System, WAIT};

async fn publish_raw(
    js: &async_nats::jetstream::Context,
    subject: &str,
    msg_id: &str,
    payload: Vec<u8>,
) {
    let publish = async_nats::jetstream::message::PublishMessage::build()
        .payload(payload.into())
        .message_id(msg_id);
    js.send_publish(subject.to_owned(), publish)
        .await
        .unwrap()
        .await
        .unwrap();
}

async fn the_same_event_delivered_twice_has_one_effect(backend: Backend) {
    let sys = System::new(backend).await;
    let proc = sys.spawn(&["gateway", "dispatch"], &[]).await;
    sys.api.technician().await;
    let mut event = TicketOpened::example();
    event.ticket_id = uuid::Uuid::now_v7();
    let envelope = Envelope::new(event.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    let js = sys.jetstream().await;
    // The test publishes as intake, which is not running: it makes intake's stream, as
    // only a producer does (dispatch binds its consumer once the stream exists).
    js.get_or_create_stream(async_nats::jetstream::stream::Config {
        name: "INTAKE".into(),
        subjects: vec!["intake.>".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    // Two different message ids, so JetStream stores both: only the inbox can dedupe.
    publish_raw(&js, TicketOpened::TYPE, "copy-1", payload.clone()).await;
    publish_raw(&js, TicketOpened::TYPE, "copy-2", payload).await;
    wait_until(WAIT, "both copies to be consumed", || async {
        aftercare_platform::metrics::parse_total(
            &proc.metrics().await.unwrap_or_default(),
            "aftercare_events_duplicate_total",
        ) >= 1
    })
    .await
    .unwrap();
    let id = event.ticket_id;
    assert_eq!(
        sys.count(
            "dispatch",
            &format!("select count(*) from work_order where ticket_id = '{id}'")
        )
        .await,
        1
    );
    assert_eq!(sys.count("dispatch", "select count(*) from inbox").await, 1);
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_sqlite() {
    the_same_event_delivered_twice_has_one_effect(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_postgresql() {
    the_same_event_delivered_twice_has_one_effect(Backend::Postgres).await;
}

#[tokio::test]
async fn a_poison_message_is_dead_lettered_at_once_and_later_messages_still_flow() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway", "intake", "dispatch"], &[]).await;
    sys.api.technician().await;
    let js = sys.jetstream().await;
    let mut broken = serde_json::to_value(Envelope::new(TicketOpened::example(), None)).unwrap();
    broken["data"]["priority"] = json!("urgent!!");
    publish_raw(
        &js,
        TicketOpened::TYPE,
        "poison-1",
        serde_json::to_vec(&broken).unwrap(),
    )
    .await;
    publish_raw(
        &js,
        TicketOpened::TYPE,
        "poison-2",
        b"not json at all".to_vec(),
    )
    .await;

    // A real ticket published after the poison still becomes a work order.
    let t = sys.api.open_ticket("SN-AFTER-POISON").await;
    sys.api.assigned_work_order(t["id"].as_str().unwrap()).await;

    let letters = poll_for(WAIT, "two dead letters", || async {
        let (s, v) = sys.api.get("/deadletters").await;
        (s == 200 && v["items"].as_array().is_some_and(|a| a.len() == 2)).then_some(v)
    })
    .await
    .unwrap();
    let items = letters["items"].as_array().unwrap();
    assert!(items.iter().all(|d| d["consumer"] == "dispatch"
        && d["subject"] == TicketOpened::TYPE
        && d["deliveries"] == 1));
    // Either may be set aside first (an unreadable envelope is refused before a batch runs).
    let reason = |d: &serde_json::Value| d["reason"].as_str().unwrap_or_default().to_owned();
    let schema = items
        .iter()
        .find(|d| reason(d).contains("data.priority"))
        .expect("the schema violation, naming the field");
    let garbage = items
        .iter()
        .find(|d| reason(d).contains("not an event envelope"))
        .expect("the unreadable payload");
    assert!(schema["payload"].as_str().unwrap().contains("urgent!!"));
    assert_eq!(garbage["payload"], "not json at all");
    assert_eq!(
        sys.count("dispatch", "select count(*) from work_order")
            .await,
        1
    );
}

#[tokio::test]
async fn a_handler_that_keeps_failing_is_dead_lettered_after_max_deliver_and_can_be_replayed() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys
        .spawn(
            &[
                "gateway",
                "intake",
                "dispatch",
                "inventory",
                "billing",
                "survey",
            ],
            &[("AFTERCARE_MAX_DELIVER", "3")],
        )
        .await;
    sys.api.technician().await;
    // Sabotage: billing has no fee schedule, so pricing fails every time.
    sys.execute(
        "billing",
        "update fee_schedule_version set effective_from = '9999-12-31'",
    )
    .await;

    let t = sys.api.open_ticket("SN-DLQ").await;
    let wo = sys.api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    assert_eq!(sys.api.complete(&wo_id, json!([])).await.0, 200);

    let letters = poll_for(
        WAIT,
        "the completion to be dead-lettered by billing",
        || async {
            let (_, v) = sys.api.get("/deadletters").await;
            v["items"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
                .then_some(v)
        },
    )
    .await
    .unwrap();
    let d = &letters["items"][0];
    assert_eq!(d["consumer"], "billing");
    assert_eq!(d["deliveries"], 3);
    assert!(
        d["reason"].as_str().unwrap().starts_with("failed 3 times"),
        "{d}"
    );
    // The other consumers of the same event were unaffected.
    wait_until(WAIT, "intake to resolve the ticket", || async {
        sys.api
            .get(&format!("/tickets/{}", t["id"].as_str().unwrap()))
            .await
            .1["status"]
            == "resolved"
    })
    .await
    .unwrap();
    // Later work still flows through dispatch.
    let t2 = sys.api.open_ticket("SN-DLQ-2").await;
    sys.api
        .assigned_work_order(t2["id"].as_str().unwrap())
        .await;
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        0
    );

    // Repair the cause, replay with the command-line tool: the receipt and callback follow.
    sys.execute(
        "billing",
        "update fee_schedule_version set effective_from = '2000-01-01'",
    )
    .await;
    let out = tokio::process::Command::new(aftercare_testkit::aftercare_binary())
        .args(["dead-letters", "replay", &d["seq"].to_string()])
        .env("NATS_URL", sys.nats.url())
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sys.api.callback(&wo_id).await;
    sys.api.receipt(&wo_id).await;
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        1
    );
    let (_, after) = sys.api.get("/deadletters").await;
    assert_eq!(after["items"].as_array().unwrap().len(), 0);
    // Intake saw the replayed completion again and skipped it.
    assert_eq!(
        sys.count(
            "intake",
            "select count(*) from ticket_history where reason like '%completed'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_dead_lettered_notification_keeps_no_payload_and_cannot_be_replayed() {
    const LINK: &str = "answer-link-token-CANARY-7f3a9c";
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway", "intake"], &[]).await;
    let js = sys.jetstream().await;
    // Intake produces on NOTIFY, so its start makes the stream; wait for it.
    wait_until(WAIT, "the NOTIFY stream", || async {
        js.get_stream("NOTIFY").await.is_ok()
    })
    .await
    .unwrap();
    // An answer link intake cannot read: intake gives it up at once.
    let garbage = format!("{{\"not\": \"an envelope\", \"link\": \"{LINK}\"}}");
    publish_raw(
        &js,
        "notify.callback.link_issued",
        "poison-notify-1",
        garbage.into_bytes(),
    )
    .await;

    let letters = poll_for(WAIT, "the notification to be dead-lettered", || async {
        let (s, v) = sys.api.get("/deadletters").await;
        (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty())).then_some(v)
    })
    .await
    .unwrap();
    let d = &letters["items"][0];
    assert_eq!(d["subject"], "notify.callback.link_issued", "{d}");
    assert_eq!(d["stream"], "NOTIFY", "{d}");
    assert_eq!(d["consumer"], "intake", "{d}");
    assert!(!d["reason"].as_str().unwrap().is_empty(), "{d}");
    assert_eq!(d["payload"], "", "{d}");
    assert_eq!(d["payload_dropped"], true, "{d}");
    assert!(!letters.to_string().contains(LINK), "{letters}");

    // Nor is it anywhere in the stored dead letter.
    let stream = js.get_stream("DEADLETTER").await.unwrap();
    let seq = d["seq"].as_u64().unwrap();
    let raw = stream.get_raw_message(seq).await.unwrap();
    assert!(raw.payload.is_empty());
    assert!(!format!("{:?}", raw.headers).contains(LINK));

    // Replaying it would publish an empty notification: refused with a clear error.
    let bus = aftercare_platform::Bus::connect(&sys.nats.url(), "test-replay")
        .await
        .unwrap();
    let err = aftercare_platform::dead_letter::replay(&bus, seq)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot be replayed"), "{err}");
}
