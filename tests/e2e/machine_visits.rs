//! A machine's service history through the gateway, on both backends: every ticket about
//! the machine, newest first, with its work orders and their visit reports (technician,
//! fault code, diagnosis, outcome, parts, meter reading), in pages that add up to the
//! whole; a technician reads it only for the machines of their own open or today's work
//! orders (403 problem+json for another technician's machine); 422 naming `limit` or
//! `cursor`; 404 for an unknown machine; a customer account is refused by its role.
use aftercare_testkit::poll_for;
use reqwest::Method;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Api, Backend, ROLES, System, WAIT, account, problem};

/// The machine record the ticket was linked to when it was opened.
async fn machine_of(api: &Api, ticket_id: &str) -> String {
    let (s, t) = api.get(&format!("/tickets/{ticket_id}")).await;
    assert_eq!(s, 200, "{t}");
    t["machine_id"]
        .as_str()
        .expect("a machine record")
        .to_owned()
}

async fn machine_visits(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let li = api.technician().await;
    api.part("DRUM-MV", 5).await;

    // A first visit on the machine, reported with a fault code, a part and the meter.
    let first = api.open_ticket("SN-MV-1").await;
    let first_id = first["id"].as_str().unwrap().to_owned();
    let machine = machine_of(api, &first_id).await;
    let wo1 = api.assigned_work_order(&first_id).await;
    let wo1_id = wo1["id"].as_str().unwrap().to_owned();
    let r = api
        .request(Method::POST, &format!("/workorders/{wo1_id}/complete"))
        .await
        .header("if-match", format!("\"{}\"", wo1["version"]))
        .json(&json!({
            "diagnosis": "worn drum", "fault": "drum_unit", "result": "drum replaced",
            "started_at": "2026-11-23T02:00:00Z", "finished_at": "2026-11-23T02:50:00Z",
            "parts": [{"sku": "DRUM-MV", "quantity": 1}], "parts_consent": true,
            "meter_reading": 123456
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200, "{}", r.text().await.unwrap());

    // The machine fails again: a second ticket, its work order open with Li.
    let second = api.open_ticket("SN-MV-1").await;
    let second_id = second["id"].as_str().unwrap().to_owned();
    assert_eq!(machine_of(api, &second_id).await, machine);
    let wo2 = api.assigned_work_order(&second_id).await;
    assert_eq!(wo2["technician_id"], li["id"]);

    let li_api = account(
        &sys.api,
        "li-mv@example.com",
        "technician",
        json!({"technician_id": li["id"]}),
    )
    .await;
    let path = format!("/machines/{machine}/visits");
    let (s, h) = li_api.get(&path).await;
    assert_eq!(s, 200, "{h}");
    let items = h["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 2, "{h}");
    assert!(h.get("next_cursor").is_none(), "{h}");
    assert_eq!(items[0]["ticket_id"], second["id"]);
    assert_eq!(items[0]["ticket_number"], second["number"]);
    assert_eq!(items[0]["symptom"], second["symptom"]);
    assert_eq!(items[0]["visits"][0]["work_order_id"], wo2["id"]);
    assert_eq!(items[0]["visits"][0]["status"], "assigned");
    assert!(items[0]["visits"][0].get("outcome").is_none());
    assert_eq!(items[1]["ticket_id"], first["id"]);
    let v = &items[1]["visits"][0];
    assert_eq!(v["work_order_id"], wo1["id"]);
    assert_eq!(v["number"], wo1["number"]);
    assert_eq!(v["status"], "completed");
    assert_eq!(v["outcome"], "completed");
    assert_eq!(v["fault"], "drum_unit");
    assert_eq!(v["diagnosis"], "worn drum");
    assert_eq!(v["result"], "drum replaced");
    assert_eq!(v["parts"][0]["sku"], "DRUM-MV");
    assert_eq!(v["parts"][0]["quantity"], 1);
    assert_eq!(v["meter_reading"], 123456);
    assert_eq!(v["technician_id"], li["id"]);
    assert_eq!(v["technician_name"], "Li Wei");
    assert!(v["completed_at"].as_str().unwrap().contains('T'));
    assert_eq!(v["finished_at"], "2026-11-23T02:50:00Z");

    // In pages that add up to the whole.
    let mut paged = Vec::new();
    let mut next = format!("{path}?limit=1");
    loop {
        let (s, page) = li_api.get(&next).await;
        assert_eq!(s, 200, "{page}");
        assert!(page["items"].as_array().unwrap().len() <= 1, "{page}");
        paged.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => next = format!("{path}?limit=1&cursor={c}"),
            None => break,
        }
        assert!(paged.len() <= items.len(), "paging never ends");
    }
    assert_eq!(paged, items);

    // Bad paging names the parameter; an unknown machine is 404.
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=51", "limit"),
        ("limit=ten", "limit"),
        ("cursor=x", "cursor"),
    ] {
        let p = problem(&li_api, &format!("{path}?{query}"), 422).await;
        assert_eq!(p["errors"][0]["field"], field, "{query}: {p}");
    }
    problem(api, &format!("/machines/{}/visits", Uuid::now_v7()), 404).await;

    // Another technician with a work order on another machine: each reads only their own.
    let (s, zhao) = api
        .post("/technicians", &json!({"name":"Zhao","district":"tianhe","skills":["copier","sharp"],"certifications":[{"skill":"copier","expires_on":"2099-12-31"}],"daily_capacity":50}))
        .await;
    assert_eq!(s, 201, "{zhao}");
    let zhao_api = account(
        &sys.api,
        "zhao-mv@example.com",
        "technician",
        json!({"technician_id": zhao["id"]}),
    )
    .await;
    let p = problem(&zhao_api, &path, 403).await;
    assert_eq!(p["status"], 403, "{p}");
    let other = api.open_ticket("SN-MV-2").await;
    let other_id = other["id"].as_str().unwrap().to_owned();
    let other_machine = machine_of(api, &other_id).await;
    let w = poll_for(WAIT, "the other work order to be made", || async {
        let (s, v) = api.get(&format!("/workorders?ticket_id={other_id}")).await;
        (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty()))
            .then(|| v["items"][0].clone())
    })
    .await
    .unwrap();
    let w = if w["technician_id"] == zhao["id"] {
        w
    } else {
        let r = api
            .request(
                Method::POST,
                &format!("/workorders/{}/assign", w["id"].as_str().unwrap()),
            )
            .await
            .header("if-match", format!("\"{}\"", w["version"]))
            .json(&json!({"technician_id": zhao["id"], "reason": "closer today"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        r.json::<Value>().await.unwrap()
    };
    assert_eq!(w["technician_id"], zhao["id"]);
    let other_path = format!("/machines/{other_machine}/visits");
    let (s, z) = zhao_api.get(&other_path).await;
    assert_eq!(s, 200, "{z}");
    assert_eq!(z["items"][0]["visits"][0]["technician_name"], "Zhao");
    let p = problem(&li_api, &other_path, 403).await;
    assert!(p["detail"].as_str().unwrap().contains("technician"), "{p}");
    // Li still reads his own machine: an open visit and one he finished today.
    assert_eq!(li_api.get(&path).await.0, 200);

    // The desk reads any machine's; a customer account is refused by its role.
    let agent = account(&sys.api, "agent-mv@example.com", "agent", json!({})).await;
    let (s, a) = agent.get(&path).await;
    assert_eq!((s, &a["items"]), (200, &h["items"]));
    let customer = account(
        &sys.api,
        "customer-mv@example.com",
        "customer",
        json!({"customer_id": Uuid::now_v7()}),
    )
    .await;
    problem(&customer, &path, 403).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_machines_service_history_on_sqlite() {
    machine_visits(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_machines_service_history_on_postgresql() {
    machine_visits(Backend::Postgres).await;
}
