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

/// The weekly chase list of receivables through the gateway: billing's chase of a real
/// receipt (`billing.receivable.overdue`, as its sweep sends it once the receipt is past 30
/// days; the weekly rule itself is tested in billing's domain and service tiers) queues the
/// call and puts the receipt on this week's list, which finance reads by week, district and
/// agent; bad filters are refused naming them and the warehouse may not read it.
async fn a_chased_receipt_is_on_the_week_s_chase_list(backend: Backend) {
    use aftercare_contracts::billing::{AgeBucket, ReceivableOverdue};
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let (s, c) = api
        .post("/customers", &json!({"company": "Tianhe Chase Printing", "contacts": [{"name": "Ms Chen", "phones": ["13900139077"]}],
            "address": "1 Tianhe Rd", "district": "tianhe"}))
        .await;
    assert_eq!(s, 201, "{c}");
    let customer_id = c["id"].as_str().unwrap().to_owned();
    let t = api.open_ticket_for("SN-CHASE-1", &customer_id).await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap();
    let (s, done) = api.complete(wo_id, json!([])).await;
    assert_eq!(s, 200, "{done}");
    let receipt = api.receipt(wo_id).await;
    let number = receipt["number"].as_str().unwrap().to_owned();

    let chase = Envelope::new(
        ReceivableOverdue {
            invoice_id: receipt["id"].as_str().unwrap().parse().unwrap(),
            number: number.clone(),
            customer_name: "Tianhe Chase Printing".into(),
            customer_id: Some(customer_id.parse().unwrap()),
            outstanding: aftercare_contracts::Money::cny(12_000),
            age_days: 31,
            bucket: AgeBucket::Days31To60,
            iou_promised_on: None,
        },
        Some(Actor::system()),
    );
    let js = sys.jetstream().await;
    js.publish(
        "billing.receivable.overdue",
        serde_json::to_vec(&chase).unwrap().into(),
    )
    .await
    .unwrap()
    .await
    .unwrap();

    let finance = account(api, "finance-chase", "finance", json!({})).await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let list = poll_for(WAIT, "the receipt on this week's chase list", || async {
        let (s, v) = finance
            .get(&format!("/receivable-chases?week={today}"))
            .await;
        assert_eq!(s, 200, "{v}");
        v["items"]
            .as_array()
            .is_some_and(|i| !i.is_empty())
            .then_some(v)
    })
    .await
    .unwrap();
    let item = &list["items"][0];
    assert_eq!(item["number"], json!(number));
    assert_eq!(item["district"], "tianhe");
    assert_eq!(item["chased_on"], json!(today.to_string()));
    assert_eq!(item["call_state"], "open");
    let agent = item["agent"].as_str().unwrap().to_owned();
    assert_eq!(
        agent, "district:tianhe",
        "the district agent's by the built-in rules"
    );
    // The call that chases it is in the queue.
    let (s, call) = api
        .get(&format!(
            "/call-tasks/{}",
            item["call_task_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        (s, call["kind"].as_str()),
        (200, Some("overdue_payment")),
        "{call}"
    );
    assert!(list["week"].as_str().unwrap() <= today.to_string().as_str());

    let count = |v: &Value| v["items"].as_array().map(Vec::len);
    let (s, v) = finance
        .get(&format!("/receivable-chases?week={today}&district=TIANHE"))
        .await;
    assert_eq!((s, count(&v)), (200, Some(1)), "{v}");
    let (s, v) = finance
        .get(&format!("/receivable-chases?week={today}&district=haizhu"))
        .await;
    assert_eq!((s, count(&v)), (200, Some(0)), "{v}");
    let (s, v) = finance
        .get(&format!("/receivable-chases?week={today}&agent={agent}"))
        .await;
    assert_eq!((s, count(&v)), (200, Some(1)), "{v}");
    let last_week = today - chrono::Duration::days(7);
    let (s, v) = finance
        .get(&format!("/receivable-chases?week={last_week}"))
        .await;
    assert_eq!((s, count(&v)), (200, Some(0)), "{v}");

    // Bad filters: problem+json naming the field.
    let long = "x".repeat(101);
    for (query, field) in [
        ("week=soon".to_owned(), "week"),
        (String::new(), "week"),
        (format!("week={today}&agent={long}"), "agent"),
        (format!("week={today}&district={long}"), "district"),
    ] {
        let p = problem(&finance, &format!("/receivable-chases?{query}"), 422).await;
        assert_eq!(p["errors"][0]["field"], field, "{query}: {p}");
    }
    let store = account(api, "store-chase", "warehouse", json!({})).await;
    assert_eq!(
        store
            .get(&format!("/receivable-chases?week={today}"))
            .await
            .0,
        403
    );
}

#[tokio::test]
async fn a_chased_receipt_is_on_the_week_s_chase_list_on_sqlite() {
    a_chased_receipt_is_on_the_week_s_chase_list(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_chased_receipt_is_on_the_week_s_chase_list_on_postgresql() {
    a_chased_receipt_is_on_the_week_s_chase_list(Backend::Postgres).await;
}
