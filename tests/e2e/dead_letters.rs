//! A handler that keeps failing is set aside after its attempts and replayed with the
//! command-line tool; the other consumers of the same event go on. (Redelivery, poison and
//! unreadable notifications are the service tier's: `services/*/tests/service.rs`.)

use aftercare_testkit::{OtlpReceiver, poll_for, wait_until};
use serde_json::{Value, json};

use crate::helpers::{Backend, ROLES, System, WAIT};

#[tokio::test]
async fn a_handler_that_keeps_failing_is_dead_lettered_after_max_deliver_and_can_be_replayed() {
    let otlp = OtlpReceiver::start().await.expect("otlp");
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys
        .spawn(
            &ROLES,
            &[
                ("AFTERCARE_MAX_DELIVER", "3"),
                ("OTEL_EXPORTER_OTLP_ENDPOINT", &otlp.endpoint()),
                ("OTEL_BSP_SCHEDULE_DELAY", "200"),
            ],
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
    // Billing's attempts are error spans: two retried, the last dead-lettered.
    let attempts = poll_for(WAIT, "billing's three failed process spans", || async {
        let spans: Vec<_> = otlp
            .spans()
            .into_iter()
            .filter(|s| {
                s.name == "dispatch.workorder.completed process"
                    && s.attribute("messaging.consumer.group.name") == Some("billing")
            })
            .collect();
        (spans.len() >= 3).then_some(spans)
    })
    .await
    .unwrap();
    assert!(attempts.iter().all(|s| s.status == 2), "{attempts:#?}");
    let types = |t: &str| {
        attempts
            .iter()
            .filter(|s| s.attribute("error.type") == Some(t))
            .count()
    };
    assert_eq!((types("retried"), types("dead_lettered")), (2, 1));
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
async fn an_administrator_replays_a_dead_letter_through_the_api_and_the_replay_is_audited() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway", "dispatch", "intake"], &[]).await;
    let js = sys.jetstream().await;
    // A ticket event dispatch cannot read, and a notification intake cannot read.
    for (subject, payload) in [
        ("intake.ticket.opened", "not an event at all"),
        ("notify.callback.link_issued", "{\"link\": \"secret\"}"),
    ] {
        js.publish(subject, payload.as_bytes().to_vec().into())
            .await
            .unwrap()
            .await
            .unwrap();
    }
    let letters = poll_for(WAIT, "both to be dead-lettered", || async {
        let (_, v) = sys.api.get("/deadletters").await;
        (v["items"].as_array().map_or(0, Vec::len) == 2).then_some(v)
    })
    .await
    .unwrap();
    let find = |subject: &str| {
        letters["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["subject"] == subject)
            .cloned()
            .unwrap()
    };
    let ticket = find("intake.ticket.opened");
    let notice = find("notify.callback.link_issued");
    assert_eq!(ticket["payload"], "not an event at all");

    // Agents may not replay; an unknown letter is 404; a notification's is 409.
    let agent = sys.api.signed_in_as("agent-dlq", "Dead-Letter-Agent-2026!");
    let (s, a) = sys
        .api
        .post(
            "/accounts",
            &json!({"login": "agent-dlq", "display_name": "agent", "role": "agent", "password": "Dead-Letter-Agent-2026!"}),
        )
        .await;
    assert_eq!(s, 201, "{a}");
    let replay = |seq: &Value| format!("/deadletters/{seq}/replay");
    assert_eq!(agent.post(&replay(&ticket["seq"]), &json!({})).await.0, 403);
    assert_eq!(
        sys.api
            .post("/deadletters/999999/replay", &json!({}))
            .await
            .0,
        404
    );
    assert_eq!(
        sys.api
            .post("/deadletters/first/replay", &json!({}))
            .await
            .0,
        404
    );
    // Sequences start at 1: letter 0 is unknown too, not a failure to read.
    assert_eq!(
        sys.api.post("/deadletters/0/replay", &json!({})).await.0,
        404
    );
    let (s, e) = sys.api.post(&replay(&notice["seq"]), &json!({})).await;
    assert_eq!(s, 409, "{e}");
    assert!(
        e["detail"].as_str().unwrap().contains("cannot be replayed"),
        "{e}"
    );

    // The replay publishes it again and removes it; dispatch, still unable to read it,
    // sets it aside again as a new letter.
    let (s, r) = sys.api.post(&replay(&ticket["seq"]), &json!({})).await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["subject"], "intake.ticket.opened");
    assert_eq!(r["consumer"], "dispatch");
    let again = poll_for(WAIT, "the replayed letter to fail again", || async {
        let (_, v) = sys.api.get("/deadletters").await;
        let items = v["items"].as_array().cloned().unwrap_or_default();
        let gone = items.iter().all(|d| d["seq"] != ticket["seq"]);
        let new = items
            .iter()
            .find(|d| d["subject"] == "intake.ticket.opened" && d["seq"] != ticket["seq"])
            .cloned();
        if gone { new } else { None }
    })
    .await
    .unwrap();
    assert_eq!(again["payload"], "not an event at all");
    assert_eq!(
        sys.api.post(&replay(&ticket["seq"]), &json!({})).await.0,
        404
    );
    let (_, audit) = sys.api.get("/audit?action=dead_letter.replay").await;
    let entries = audit["items"].as_array().unwrap();
    assert_eq!(entries.len(), 1, "{audit}");
    assert_eq!(entries[0]["object"], "intake.ticket.opened");
    assert!(
        entries[0]["detail"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{} (dispatch", ticket["seq"]))
    );
}
