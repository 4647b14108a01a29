//! The outbound call queue through the gateway: a warranty card queues its welcome call,
//! assigned by the company's rules to the agent of the customer's district; a callback
//! agent finds it in the queue (the warehouse may not read it), records a busy customer with the time agreed (If-Match,
//! 428 without) and closes it with its result. The rules, the other kinds, reminders
//! and escalation are survey's alone and are tested in its service tier
//! (`services/survey/tests/call_tasks.rs`).
use reqwest::Method;
use serde_json::{Value, json};

use aftercare_contracts::survey::{CallTaskDue, CallTaskKind};
use aftercare_contracts::{Actor, Envelope};
use aftercare_testkit::poll_for;

use crate::gateway::{collect_for, collect_until, open_stream};
use crate::helpers::*;

const PASSWORD: &str = "Call-Queue-Password-7";

/// POST with `If-Match: "<version>"` (or none).
async fn post_if(api: &Api, path: &str, version: Option<i64>, body: &Value) -> (u16, Value) {
    let mut r = api.request(Method::POST, path).await.json(body);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    let resp = r.send().await.expect("send");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn a_warranty_card_queues_a_welcome_call_an_agent_works(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let card = json!({
        "card_number": "WC-CALL-1",
        "customer": {
            "company": "Haizhu Trading", "district": "haizhu", "tier": "standard",
            "contacts": [{"name": "Mr Li", "phones": ["13900139000"]}],
            "address": "8 Haizhu Rd"
        },
        "machine": {"product_line": "fax", "brand": "Panasonic", "model": "KX-FL338",
                    "serial": "PN-CALL-1", "purchase_date": "2026-11-01"}
    });
    let (s, w) = api.post("/warranty-cards", &card).await;
    assert_eq!(s, 201, "{w}");

    let (s, v) = api
        .post(
            "/accounts",
            &json!({"login": "callback-desk", "display_name": "回访专员", "role": "callback_agent", "password": PASSWORD}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let desk = api.signed_in_as("callback-desk", PASSWORD);

    // The Panasonic fax's welcome call is the Haizhu agent's by the built-in rules.
    let task = poll_for(WAIT, "the welcome call in the queue", || async {
        let (s, page) = desk
            .get("/call-tasks?kind=welcome_call&district=haizhu")
            .await;
        assert_eq!(s, 200, "{page}");
        page["items"].as_array().and_then(|i| i.first().cloned())
    })
    .await
    .unwrap();
    assert_eq!(task["reference"], "WC-CALL-1");
    assert_eq!(task["assignee"], "district:haizhu");
    assert_eq!(task["assigned_by"], "rule 2");
    assert_eq!(task["due_at"], w["welcome_call_due"]);
    assert_eq!(task["refs"]["machine_id"], w["machine"]["id"]);
    let id = task["id"].as_str().unwrap().to_owned();
    let (s, mine) = desk.get("/call-tasks?assignee=district:haizhu").await;
    assert_eq!((s, mine["items"].as_array().map(Vec::len)), (200, Some(1)));
    let (s, bad) = desk.get("/call-tasks?kind=postcard").await;
    assert_eq!(
        (s, bad["errors"][0]["field"].as_str()),
        (422, Some("kind")),
        "{bad}"
    );

    // Busy: called again at the time agreed. Without If-Match the change is refused.
    let version = task["version"].as_i64().unwrap();
    let agreed = (chrono::Utc::now() + chrono::Duration::days(1))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let attempt = json!({"outcome": "busy", "next_try_at": agreed, "note": "在开会"});
    let path = format!("/call-tasks/{id}/attempts");
    assert_eq!(post_if(&desk, &path, None, &attempt).await.0, 428);
    let (s, busy) = post_if(&desk, &path, Some(version), &attempt).await;
    assert_eq!(s, 200, "{busy}");
    assert_eq!(busy["attempts"][0]["outcome"], "busy");
    assert_eq!(busy["attempts"][0]["next_try_at"], json!(agreed));
    assert_eq!(busy["due_at"], json!(agreed));
    assert_eq!(busy["timing"], "later");
    assert_eq!(post_if(&desk, &path, Some(version), &attempt).await.0, 412);

    // Reached the next day: closed with what was done.
    let (s, closed) = post_if(
        &desk,
        &format!("/call-tasks/{id}/close"),
        Some(version + 1),
        &json!({"result": "done", "note": "first maintenance booked"}),
    )
    .await;
    assert_eq!(s, 200, "{closed}");
    assert_eq!(
        (closed["state"].as_str(), closed["result"].as_str()),
        (Some("closed"), Some("done"))
    );
    let (s, read) = desk.get(&format!("/call-tasks/{id}")).await;
    assert_eq!((s, read["state"].as_str()), (200, Some("closed")));

    // The warehouse has no call queue.
    let (s, v) = api
        .post(
            "/accounts",
            &json!({"login": "store-calls", "display_name": "store", "role": "warehouse", "password": PASSWORD}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let store = api.signed_in_as("store-calls", PASSWORD);
    assert_eq!(store.get("/call-tasks").await.0, 403);

    // A task falling due reaches the callback desk's live stream by id alone (the console
    // reminds its assignee); the warehouse's stream does not carry it.
    let desk_stream = open_stream(&desk).await;
    let store_stream = open_stream(&store).await;
    let due = Envelope::new(
        CallTaskDue {
            task_id: id.parse().unwrap(),
            kind: CallTaskKind::WelcomeCall,
            assignee: "district:haizhu".into(),
            district: "haizhu".into(),
            reference: "WC-CALL-1".into(),
            due_at: chrono::Utc::now(),
        },
        Some(Actor::system()),
    );
    let js = sys.jetstream().await;
    js.publish(
        "survey.call_task.due",
        serde_json::to_vec(&due).unwrap().into(),
    )
    .await
    .unwrap()
    .await
    .unwrap();
    let seen = collect_until(desk_stream, "survey.call_task.due").await;
    let (_, data) = seen.iter().find(|e| e.0 == "survey.call_task.due").unwrap();
    assert_eq!(data["task_id"], json!(id));
    assert!(
        data.get("reference").is_none() && data.get("assignee").is_none(),
        "{data}"
    );
    let store_seen = collect_for(store_stream, std::time::Duration::from_millis(500)).await;
    assert!(
        store_seen.iter().all(|e| !e.0.starts_with("survey.")),
        "{store_seen:?}"
    );
}

#[tokio::test]
async fn a_warranty_card_queues_a_welcome_call_an_agent_works_on_sqlite() {
    a_warranty_card_queues_a_welcome_call_an_agent_works(Backend::Sqlite).await;
}
