//! A ticket's and a work order's history through the gateway, on both backends: who, when
//! and what changed (opening, priority override with its reason, owner, moves; creation
//! with the technician, a booked appointment, a reassignment by hand), in pages; the same
//! narrowing as reading the object (another customer's ticket and another technician's
//! work order are 404); problem+json for unknown ids and bad paging. Also the queue's
//! saved views in the account's preferences, bounded and validated field by field.
use aftercare_testkit::poll_for;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Api, Backend, ROLES, System, WAIT, account_and_record, problem};

async fn update(api: &Api, path: &str, version: &Value, body: Value) -> (u16, Value) {
    let r = api
        .request(Method::POST, path)
        .await
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn changes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["change"].as_str().unwrap().to_owned())
        .collect()
}

async fn history(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let li = api.technician().await;
    let (customer, _) = {
        let (s, c) = api
            .post(
                "/customers",
                &json!({"company": "Tianhe Printing", "contacts": [{"name": "Wang", "phones": ["13600000011"]}], "district": "tianhe"}),
            )
            .await;
        assert_eq!(s, 201, "{c}");
        let id = c["id"].clone();
        (
            account_and_record(
                &sys.api,
                "own@example.com",
                "customer",
                json!({"customer_id": id}),
            )
            .await,
            id,
        )
    };
    let (stranger, _) = account_and_record(
        &sys.api,
        "other@example.com",
        "customer",
        json!({"customer_id": Uuid::now_v7()}),
    )
    .await;
    let (agent, agent_account) =
        account_and_record(&sys.api, "agent-h@example.com", "agent", json!({})).await;

    // The customer files a request; the agent overrides the priority and takes it.
    let body = crate::helpers::ticket_body("SN-HIST-1");
    let (s, t) = customer.0.post("/tickets", &body).await;
    assert_eq!(s, 201, "{t}");
    let id = t["id"].as_str().unwrap().to_owned();
    let wo = api.assigned_work_order(&id).await;
    // Intake hears of the work order.
    let t = poll_for(WAIT, "the ticket to know its work order", || async {
        let (_, t) = api.get(&format!("/tickets/{id}")).await;
        t.get("work_order_id").is_some().then_some(t)
    })
    .await
    .unwrap();
    let (s, t) = update(
        &agent,
        &format!("/tickets/{id}/priority"),
        &t["version"],
        json!({"priority": "p1", "reason": "hospital: the only copier is down"}),
    )
    .await;
    assert_eq!(s, 200, "{t}");
    let (s, t) = update(
        &agent,
        &format!("/tickets/{id}/owner"),
        &t["version"],
        json!({"owner": agent_account["id"]}),
    )
    .await;
    assert_eq!(s, 200, "{t}");

    let (s, h) = agent.get(&format!("/tickets/{id}/history")).await;
    assert_eq!(s, 200, "{h}");
    let kinds = changes(&h);
    assert_eq!(kinds[0], "opened", "{h}");
    assert!(h["items"][0].get("from_status").is_none(), "{h}");
    assert!(kinds.contains(&"status_changed".to_owned()), "{h}");
    let items = h["items"].as_array().unwrap();
    let prio = items
        .iter()
        .find(|e| e["change"] == "priority_changed")
        .expect("priority override");
    assert_eq!(prio["to_priority"], "p1");
    assert_eq!(prio["reason"], "hospital: the only copier is down");
    assert_eq!(prio["actor"], agent_account["id"]);
    assert_eq!(prio["actor_name"], "agent-h@example.com");
    assert_eq!(prio["actor_name"], "agent-h@example.com");
    assert!(prio["at"].as_str().unwrap().contains('T'));
    let owner = items
        .iter()
        .find(|e| e["change"] == "owner_changed")
        .expect("owner");
    assert_eq!(owner["owner"], agent_account["id"]);
    assert_eq!(owner["owner_name"], "agent-h@example.com");
    assert_eq!(owner["owner_name"], "agent-h@example.com");
    assert_eq!(kinds.last().unwrap(), "owner_changed");

    // By number too; in pages that add up to the whole.
    let number = t["number"].as_str().unwrap();
    let (s, by_number) = agent.get(&format!("/tickets/{number}/history")).await;
    assert_eq!((s, &by_number["items"]), (200, &h["items"]));
    let mut paged = Vec::new();
    let mut path = format!("/tickets/{id}/history?limit=1");
    loop {
        let (s, page) = agent.get(&path).await;
        assert_eq!(s, 200, "{page}");
        paged.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/tickets/{id}/history?limit=1&cursor={c}"),
            None => break,
        }
        assert!(paged.len() <= items.len(), "paging never ends");
    }
    assert_eq!(&paged, items);

    // The same narrowing as reading the ticket; the customer sees what happened and their
    // own entries, never the desk's names, owners or internal reasons.
    let (s, mine) = customer.0.get(&format!("/tickets/{id}/history")).await;
    assert_eq!(s, 200, "{mine}");
    let seen = mine["items"].as_array().unwrap();
    assert_eq!(seen.len(), items.len());
    for e in seen {
        if e["actor"] != json!(customer.1["id"]) {
            assert_eq!(e["actor"], "staff", "{e}");
            assert_eq!(e["reason"], "", "{e}");
            assert!(
                e.get("actor_name").is_none() && e.get("owner_name").is_none(),
                "{e}"
            );
        }
    }
    assert!(
        seen.iter().any(|e| e["change"] == "owner_changed"),
        "{mine}"
    );
    let p = problem(&stranger, &format!("/tickets/{id}/history"), 404).await;
    assert_eq!(p["status"], 404);
    problem(&agent, &format!("/tickets/{}/history", Uuid::now_v7()), 404).await;
    problem(&agent, "/tickets/T2026-999999/history", 404).await;
    let p = problem(&agent, &format!("/tickets/{id}/history?limit=0"), 422).await;
    assert_eq!(p["errors"][0]["field"], "limit", "{p}");
    let p = problem(&agent, &format!("/tickets/{id}/history?cursor=x"), 422).await;
    assert_eq!(p["errors"][0]["field"], "cursor", "{p}");

    // The work order: created for Li, an appointment booked, then by hand to Zhao.
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    let day = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive();
    let (s, w) = update(
        &agent,
        &format!("/workorders/{wo_id}/appointment"),
        &wo["version"],
        json!({"window": {"start": format!("{day}T09:00:00+08:00"), "end": format!("{day}T11:00:00+08:00")}}),
    )
    .await;
    assert_eq!(s, 200, "{w}");
    let (s, zhao) = api
        .post("/technicians", &json!({"name":"Zhao","district":"tianhe","skills":["copier","sharp"],"certifications":[{"skill":"copier","expires_on":"2099-12-31"}],"daily_capacity":50}))
        .await;
    assert_eq!(s, 201, "{zhao}");
    let (s, w) = update(
        &agent,
        &format!("/workorders/{wo_id}/assign"),
        &w["version"],
        json!({"technician_id": zhao["id"], "reason": "knows the customer"}),
    )
    .await;
    assert_eq!(s, 200, "{w}");

    let (s, wh) = agent.get(&format!("/workorders/{wo_id}/history")).await;
    assert_eq!(s, 200, "{wh}");
    assert_eq!(
        changes(&wh),
        ["created", "appointment_booked", "assigned"],
        "{wh}"
    );
    let e = &wh["items"];
    assert_eq!(e[0]["technician_id"], li["id"]);
    assert_eq!(e[0]["to_status"], "assigned");
    let start =
        chrono::DateTime::parse_from_rfc3339(e[1]["appointment"]["start"].as_str().unwrap())
            .unwrap();
    assert_eq!(
        start,
        chrono::DateTime::parse_from_rfc3339(&format!("{day}T09:00:00+08:00")).unwrap()
    );
    assert_eq!(e[2]["technician_id"], zhao["id"]);
    assert_eq!(e[2]["reason"], "knows the customer");
    assert_eq!(e[2]["actor"], agent_account["id"]);
    let w_number = w["number"].as_str().unwrap();
    assert_eq!(
        agent
            .get(&format!("/workorders/{w_number}/history"))
            .await
            .1["items"],
        wh["items"]
    );

    // Technicians read their own work orders' history only.
    let (zhao_api, _) = account_and_record(
        &sys.api,
        "zhao@example.com",
        "technician",
        json!({"technician_id": zhao["id"]}),
    )
    .await;
    let (li_api, _) = account_and_record(
        &sys.api,
        "li@example.com",
        "technician",
        json!({"technician_id": li["id"]}),
    )
    .await;
    assert_eq!(
        zhao_api
            .get(&format!("/workorders/{wo_id}/history"))
            .await
            .0,
        200
    );
    problem(&li_api, &format!("/workorders/{wo_id}/history"), 404).await;
    assert_eq!(zhao_api.get(&format!("/tickets/{id}/history")).await.0, 200);
    problem(&li_api, &format!("/tickets/{id}/history"), 404).await;
    problem(
        &agent,
        &format!("/workorders/{}/history", Uuid::now_v7()),
        404,
    )
    .await;
    problem(&customer.0, &format!("/workorders/{wo_id}/history"), 403).await;

    // The queue's saved views are kept per account beside the language.
    let (s, v) = agent
        .post("/me/preferences", &json!({"language": "en"}))
        .await;
    assert_eq!(s, 200, "{v}");
    let views = json!([
        {"name": " P1 complaints ", "filters": {"type": "complaint", "priority": "p1"}},
        {"name": "我的", "filters": {"owner": agent_account["id"]}}
    ]);
    let (s, v) = agent
        .post("/me/preferences", &json!({"queue_views": views}))
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["language"], "en");
    assert_eq!(v["queue_views"][0]["name"], "P1 complaints");
    assert_eq!(v["queue_views"][1]["filters"]["owner"], agent_account["id"]);
    assert_eq!(agent.get("/me/preferences").await.1, v);
    assert!(
        api.get("/me/preferences")
            .await
            .1
            .get("queue_views")
            .is_none()
    );
    for (body, field) in [
        (
            json!([{"name": "a", "filters": {}}, {"name": "A", "filters": {}}]),
            "queue_views[1].name",
        ),
        (json!([{"name": "", "filters": {}}]), "queue_views[0].name"),
        (
            json!([{"name": "x", "filters": {"status": "lost"}}]),
            "queue_views[0].filters.status",
        ),
    ] {
        let (s, p) = agent
            .post("/me/preferences", &json!({"queue_views": body}))
            .await;
        assert_eq!(
            (s, p["errors"][0]["field"].as_str()),
            (422, Some(field)),
            "{p}"
        );
    }
    let many: Vec<Value> = (0..21)
        .map(|i| json!({"name": format!("v{i}"), "filters": {}}))
        .collect();
    let (s, p) = agent
        .post("/me/preferences", &json!({"queue_views": many}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("queue_views")),
        "{p}"
    );
    assert_eq!(agent.get("/me/preferences").await.1, v);
    let (s, v) = agent
        .post("/me/preferences", &json!({"queue_views": []}))
        .await;
    assert_eq!(
        (s, &v["queue_views"], &v["language"]),
        (200, &json!([]), &json!("en"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn ticket_and_work_order_history_on_sqlite() {
    history(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ticket_and_work_order_history_on_postgresql() {
    history(Backend::Postgres).await;
}
