//! Intake alone, in this process, on a temporary database and a real nats-server:
//! requests are sent as the gateway sends them, and what intake stores, stages and
//! publishes is read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::{Actor, Service};
use aftercare_intake::Config;
use aftercare_testkit::fixtures::ticket_body;
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::{Value, json};

async fn intake(backend: TestBackend) -> ServiceHarness {
    ServiceHarness::start(Service::Intake, backend, |bus, url, settings| async move {
        aftercare_intake::build(bus, &url, settings, Config::default()).await
    })
    .await
    .unwrap()
}

fn agent() -> Actor {
    Actor {
        user_id: "agent-1".into(),
        role: "agent".into(),
    }
}

async fn the_sla_sweep_warns_and_reports_breaches_once(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    // Web requests wait for an agent: no first response yet.
    let mut body = ticket_body("SN-SLA-1");
    body["type"] = json!("consultation");
    body["channel"] = json!("web");
    let late: Value = svc
        .request("ticket.open", &body, Some(&agent))
        .await
        .unwrap();
    assert!(late["sla"].get("first_response_at").is_none(), "{late}");
    let met: Value = svc
        .request("ticket.open", &body, Some(&agent))
        .await
        .unwrap();
    let moved: Value = svc
        .request(
            "ticket.transition",
            &json!({"ticket_id": met["id"], "to": "triaged", "expected_version": met["version"]}),
            Some(&agent),
        )
        .await
        .unwrap();
    assert_eq!(moved["status"], "triaged");
    // A phone call registered by an agent has been answered.
    let phoned: Value = svc
        .request("ticket.open", &ticket_body("SN-SLA-2"), Some(&agent))
        .await
        .unwrap();
    assert!(phoned["sla"]["first_response_at"].is_string(), "{phoned}");

    // Time passes (the deadlines are moved into the past).
    svc.db()
        .execute("update ticket set first_response_warn_at = 1, first_response_due = 1")
        .await
        .unwrap();
    let late_id = late["id"].clone();
    for subject in ["intake.ticket.sla_warning", "intake.ticket.sla_breached"] {
        let e = svc
            .next_published(subject, |e| e["data"]["ticket_id"] == late_id)
            .await
            .unwrap();
        assert_eq!(e["data"]["target"], "first_response");
    }
    // Only the late ticket was alerted, once per alert, however many sweeps run (every
    // 200 ms here).
    let alerted = svc
        .db()
        .rows("select ticket_id from ticket where sla_alerts <> 0")
        .await
        .unwrap();
    assert_eq!(alerted.len(), 1);
    assert_eq!(alerted[0]["ticket_id"], late_id);
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    for subject in ["intake.ticket.sla_warning", "intake.ticket.sla_breached"] {
        assert_eq!(svc.published(subject).len(), 1, "{subject}");
        assert_eq!(
            svc.db().staged(subject).await.unwrap().len(),
            1,
            "{subject}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sla_sweep_warns_and_reports_breaches_once_on_sqlite() {
    the_sla_sweep_warns_and_reports_breaches_once(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sla_sweep_warns_and_reports_breaches_once_on_postgresql() {
    the_sla_sweep_warns_and_reports_breaches_once(TestBackend::Postgres).await;
}

#[tokio::test]
async fn an_opened_ticket_is_stored_with_its_history_and_announced_once() {
    let svc = intake(TestBackend::Sqlite).await;
    let t: Value = svc
        .request("ticket.open", &ticket_body("SN-OPEN-1"), Some(&agent()))
        .await
        .unwrap();
    let id = t["id"].clone();
    let rows = svc
        .db()
        .rows(&format!(
            "select status, priority from ticket where ticket_id = '{}'",
            id.as_str().unwrap()
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["priority"], t["priority"]);
    let staged = svc.db().staged("intake.ticket.opened").await.unwrap();
    assert_eq!(staged.len(), 1);
    assert_eq!(staged[0].envelope["data"]["ticket_id"], id);
    assert_eq!(staged[0].envelope["actor"]["user_id"], "agent-1");
    let sent = svc
        .next_published("intake.ticket.opened", |e| e["data"]["ticket_id"] == id)
        .await
        .unwrap();
    assert_eq!(sent["id"], staged[0].envelope["id"]);
    // A bad request is refused with the field named, and nothing is stored or staged.
    let staged_before = svc.db().outbox().await.unwrap().len();
    let mut bad = ticket_body("SN-OPEN-2");
    bad["symptom"] = json!("");
    let e = svc
        .request::<_, Value>("ticket.open", &bad, Some(&agent()))
        .await
        .expect_err("an empty symptom");
    assert!(e.to_string().contains("symptom"), "{e}");
    assert_eq!(
        svc.db().count("select count(*) from ticket").await.unwrap(),
        1
    );
    assert_eq!(svc.db().outbox().await.unwrap().len(), staged_before);
}

#[tokio::test]
async fn a_dead_lettered_notification_keeps_no_payload_and_cannot_be_replayed() {
    const LINK: &str = "answer-link-token-CANARY-7f3a9c";
    let svc = intake(TestBackend::Sqlite).await;
    // An answer link intake cannot read: intake gives it up at once.
    let garbage = format!("{{\"not\": \"an envelope\", \"link\": \"{LINK}\"}}");
    svc.publish_raw(
        "notify.callback.link_issued",
        "poison-notify-1",
        garbage.into_bytes(),
    )
    .await
    .unwrap();
    svc.settled().await.unwrap();

    let letters = svc.dead_letters().await.unwrap();
    assert_eq!(letters.len(), 1, "{letters:?}");
    let d = &letters[0];
    assert_eq!(d.subject, "notify.callback.link_issued", "{d:?}");
    assert_eq!(d.stream, "NOTIFY", "{d:?}");
    assert_eq!(d.consumer, "intake", "{d:?}");
    assert!(!d.reason.is_empty(), "{d:?}");
    assert_eq!(d.payload, "", "{d:?}");
    assert!(d.payload_dropped, "{d:?}");
    assert!(!format!("{letters:?}").contains(LINK));

    // Nor is it anywhere in the stored dead letter.
    let stream = svc.bus().js.get_stream("DEADLETTER").await.unwrap();
    let raw = stream.get_raw_message(d.seq).await.unwrap();
    assert!(raw.payload.is_empty());
    assert!(!format!("{:?}", raw.headers).contains(LINK));

    // Replaying it would publish an empty notification: refused with a clear error.
    let err = aftercare_platform::dead_letter::replay(svc.bus(), d.seq)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot be replayed"), "{err}");
}
