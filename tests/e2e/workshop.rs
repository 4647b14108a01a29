//! Workshop and send-in repairs (内修 / 送修) through the gateway: a visit that ends
//! `taken_to_workshop` leaves its machine received at the workshop as a job; the workshop
//! technician diagnoses it, repairs it (waiting for parts on the way) with parts that
//! leave stock and a receipt issued as for a visit; it is made ready (the customer told)
//! and returned. A dealer's send-in is received for its ticket with the dealer and the
//! accessories (Idempotency-Key honoured), repaired and shipped back with its waybill.
//! If-Match on every step, illegal steps 409, bad input 422 naming the field, who may do
//! what. On SQLite and PostgreSQL.
use aftercare_testkit::poll_for;
use serde_json::{Value, json};

use crate::helpers::{Api, Backend, System, WAIT, WITH_NOTIFIER, account, ticket_body};

fn field(v: &Value) -> (&str, &str) {
    (
        v["errors"][0]["field"].as_str().unwrap_or(""),
        v["errors"][0]["code"].as_str().unwrap_or(""),
    )
}

/// A step of job `id` at version `v`: the status and the job (or problem).
async fn step(api: &Api, id: &str, what: &str, v: i64, body: Value) -> (u16, Value) {
    let (s, etag, _, j) = api
        .post_with(
            &format!("/workshop-jobs/{id}/{what}"),
            Some(&format!("\"{v}\"")),
            None,
            &body,
        )
        .await;
    if s == 200 {
        assert_eq!(etag, format!("\"{}\"", j["version"]), "{j}");
    }
    (s, j)
}

/// The repair's times: an hour on the bench, ending a minute ago.
fn bench() -> (String, String) {
    let finished = chrono::Utc::now() - chrono::Duration::minutes(1);
    let started = finished - chrono::Duration::minutes(60);
    (started.to_rfc3339(), finished.to_rfc3339())
}

/// The kinds of message the ticket's customer was sent, once `wanted` is among them.
async fn told(api: &Api, ticket: &str, wanted: &str) -> Vec<String> {
    poll_for(WAIT, "the customer to be told", || async {
        let (s, page) = api.get(&format!("/messages?ticket_id={ticket}")).await;
        let kinds: Vec<String> = page["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["kind"].as_str().map(str::to_owned))
            .collect();
        (s == 200 && kinds.iter().any(|k| k == wanted)).then_some(kinds)
    })
    .await
    .expect("told")
}

async fn workshop(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&WITH_NOTIFIER, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    let tech_id = tech["id"].as_str().unwrap().to_owned();
    api.part("DRUM-1", 10).await;
    let technician = account(
        api,
        "bench@example.com",
        "technician",
        json!({"technician_id": tech_id}),
    )
    .await;
    let (s, other_tech) = api
        .post("/technicians", &json!({"name": "Zhao Min", "district": "haizhu", "skills": ["fax"], "daily_capacity": 5}))
        .await;
    assert_eq!(s, 201, "{other_tech}");
    let agent = account(api, "desk@example.com", "agent", json!({})).await;
    let dispatcher = account(api, "dispatch@example.com", "dispatcher", json!({})).await;
    let warehouse = account(api, "store@example.com", "warehouse", json!({})).await;

    // The visit ends taken to the workshop: the machine is received there at once.
    let ticket = api.open_ticket("SN-WS-1").await;
    let tid = ticket["id"].as_str().unwrap().to_owned();
    let w = api.assigned_work_order(&tid).await;
    let wid = w["id"].as_str().unwrap().to_owned();
    let (started, finished) = bench();
    let (s, _, _, done) = technician
        .post_with(
            &format!("/workorders/{wid}/complete"),
            Some(&format!("\"{}\"", w["version"])),
            None,
            &json!({"diagnosis": "fuser grinds; needs the bench", "started_at": started,
            "finished_at": finished, "outcome": "taken_to_workshop"}),
        )
        .await;
    assert_eq!(
        (s, done["status"].as_str()),
        (200, Some("taken_to_workshop")),
        "{done}"
    );
    let (s, page) = agent.get(&format!("/workshop-jobs?ticket_id={tid}")).await;
    assert_eq!(s, 200, "{page}");
    let job = page["items"][0].clone();
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1), "{page}");
    assert_eq!(job["origin"], "visit");
    assert_eq!(job["status"], "received");
    assert_eq!(job["work_order_id"], wid.as_str());
    assert_eq!(job["ticket_number"], ticket["number"]);
    assert_eq!(job["customer_name"], "Tianhe Printing");
    assert_eq!(job["machine"]["serial"], "SN-WS-1");
    assert_eq!(job["fault"], "fuser grinds; needs the bench");
    assert_eq!(job["version"], 1);
    assert!(job["number"].as_str().unwrap().starts_with("WS"), "{job}");
    let jid = job["id"].as_str().unwrap().to_owned();
    let (s, by_number) = technician
        .get(&format!(
            "/workshop-jobs/{}",
            job["number"].as_str().unwrap()
        ))
        .await;
    assert_eq!((s, &by_number), (200, &job));
    // Received once; the warehouse has no business here.
    let (s, _, _, p) = agent
        .post_with(
            "/workshop-jobs",
            None,
            None,
            &json!({"origin": "visit", "work_order_id": wid}),
        )
        .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("already_received")),
        "{p}"
    );
    assert_eq!(warehouse.get("/workshop-jobs").await.0, 403);
    assert_eq!(warehouse.get(&format!("/workshop-jobs/{jid}")).await.0, 403);

    // Not repaired before it is diagnosed; the diagnosis needs If-Match, a technician
    // diagnoses as themselves, and the fault code must be on the list.
    let (s, p) = step(
        &technician,
        &jid,
        "repair",
        1,
        json!({"started_at": started, "finished_at": finished}),
    )
    .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("illegal_transition")),
        "{p}"
    );
    let diagnosis = json!({"technician_id": tech_id, "diagnosis": "fuser bearing worn; drum scratched",
        "parts_needed": [{"sku": "DRUM-1", "quantity": 2}]});
    let (s, _, _, _) = technician
        .post_with(
            &format!("/workshop-jobs/{jid}/diagnosis"),
            None,
            None,
            &diagnosis,
        )
        .await;
    assert_eq!(s, 428);
    let mut as_other = diagnosis.clone();
    as_other["technician_id"] = other_tech["id"].clone();
    let (s, p) = step(&technician, &jid, "diagnosis", 1, as_other).await;
    assert_eq!((s, field(&p)), (422, ("technician_id", "forbidden")), "{p}");
    let mut bad = diagnosis.clone();
    bad["fault"] = json!("no_such_fault");
    bad["diagnosis"] = json!(" ");
    let (s, p) = step(&technician, &jid, "diagnosis", 1, bad).await;
    assert_eq!((s, field(&p).0), (422, "diagnosis"), "{p}");
    let (s, j) = step(&technician, &jid, "diagnosis", 1, diagnosis).await;
    assert_eq!((s, j["status"].as_str()), (200, Some("diagnosed")), "{j}");
    assert_eq!(j["technician_id"], tech_id.as_str());
    assert_eq!(j["technician_name"], "Li Wei");
    assert_eq!(j["parts_needed"][0]["sku"], "DRUM-1");

    // Repairing, waiting for the part, repairing again; a stale version is 412, a step
    // the state does not allow 409, a step that is not advance's 422.
    let (s, j) = step(
        &technician,
        &jid,
        "transitions",
        2,
        json!({"to": "repairing"}),
    )
    .await;
    assert_eq!((s, j["status"].as_str()), (200, Some("repairing")), "{j}");
    let (s, _) = step(
        &technician,
        &jid,
        "transitions",
        2,
        json!({"to": "waiting_for_parts"}),
    )
    .await;
    assert_eq!(s, 412);
    let (s, j) = step(
        &technician,
        &jid,
        "transitions",
        3,
        json!({"to": "waiting_for_parts", "note": "second drum ordered"}),
    )
    .await;
    assert_eq!(
        (s, j["status"].as_str()),
        (200, Some("waiting_for_parts")),
        "{j}"
    );
    let (s, p) = step(
        &technician,
        &jid,
        "transitions",
        4,
        json!({"to": "ready_for_return", "return_method": "delivered"}),
    )
    .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("illegal_transition")),
        "{p}"
    );
    let (s, p) = step(
        &technician,
        &jid,
        "transitions",
        4,
        json!({"to": "repaired"}),
    )
    .await;
    assert_eq!((s, field(&p)), (422, ("to", "invalid")), "{p}");
    let (s, j) = step(
        &technician,
        &jid,
        "transitions",
        4,
        json!({"to": "repairing"}),
    )
    .await;
    assert_eq!((s, j["version"].as_i64()), (200, Some(5)), "{j}");

    // The repair report: parts need consent; then the parts leave stock and the receipt
    // is issued as for a visit, the job standing for the work order.
    let (started, finished) = bench();
    let repair = json!({"parts": [{"sku": "DRUM-1", "quantity": 2}], "started_at": started,
        "finished_at": finished, "result": "bearing and drums replaced; prints clean"});
    let mut no_consent = repair.clone();
    no_consent["parts_consent"] = json!(false);
    let (s, p) = step(&technician, &jid, "repair", 5, no_consent).await;
    assert_eq!((s, field(&p)), (422, ("parts_consent", "required")), "{p}");
    let mut consented = repair.clone();
    consented["parts_consent"] = json!(true);
    let (s, p) = step(&agent, &jid, "repair", 5, consented.clone()).await;
    assert_eq!(s, 403, "the desk does not report repairs: {p}");
    let (s, j) = step(&technician, &jid, "repair", 5, consented).await;
    assert_eq!((s, j["status"].as_str()), (200, Some("repaired")), "{j}");
    assert_eq!(j["parts"][0]["quantity"], 2);
    assert_eq!(j["result"], "bearing and drums replaced; prints clean");
    poll_for(WAIT, "the drums to leave stock", || async {
        let (_, part) = api.get("/parts/DRUM-1").await;
        (part["on_hand"] == 8).then_some(())
    })
    .await
    .expect("stock");
    let receipt = api.receipt(&jid).await;
    assert_eq!(receipt["work_order_id"], jid.as_str(), "{receipt}");
    assert_eq!(receipt["ticket_id"], tid.as_str(), "{receipt}");
    let part_line = receipt["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["kind"] == "part")
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(
        (part_line["sku"].as_str(), part_line["quantity"].as_i64()),
        (Some("DRUM-1"), Some(2)),
        "{receipt}"
    );

    // Ready to go back: how is required (shipped back is for dealers); then delivered.
    let (s, p) = step(
        &agent,
        &jid,
        "transitions",
        6,
        json!({"to": "ready_for_return"}),
    )
    .await;
    assert_eq!((s, field(&p)), (422, ("return_method", "required")), "{p}");
    let (s, p) = step(
        &agent,
        &jid,
        "transitions",
        6,
        json!({"to": "ready_for_return", "return_method": "shipped_to_dealer"}),
    )
    .await;
    assert_eq!((s, field(&p)), (422, ("return_method", "invalid")), "{p}");
    let (s, j) = step(
        &agent,
        &jid,
        "transitions",
        6,
        json!({"to": "ready_for_return", "return_method": "delivered", "note": "Thursday morning"}),
    )
    .await;
    assert_eq!(
        (s, j["return_method"].as_str()),
        (200, Some("delivered")),
        "{j}"
    );
    let (s, j) = step(
        &agent,
        &jid,
        "transitions",
        7,
        json!({"to": "returned", "reference": "signed for by 王女士"}),
    )
    .await;
    assert_eq!((s, j["status"].as_str()), (200, Some("returned")), "{j}");
    assert_eq!(j["return_reference"], "signed for by 王女士");
    assert!(j["returned_at"].is_string(), "{j}");
    let steps: Vec<&str> = j["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["to"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "received",
            "diagnosed",
            "repairing",
            "waiting_for_parts",
            "repairing",
            "repaired",
            "ready_for_return",
            "returned"
        ]
    );
    let (s, p) = step(
        &technician,
        &jid,
        "transitions",
        8,
        json!({"to": "repairing"}),
    )
    .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("illegal_transition")),
        "{p}"
    );
    // The customer heard the machine was received, the work done and it ready to go back.
    let kinds = told(api, &tid, "ready_for_return").await;
    for k in ["machine_received", "work_done", "ready_for_return"] {
        assert!(kinds.iter().any(|x| x == k), "{k} in {kinds:?}");
    }

    // A dealer's send-in, collected from the dealer, for the ticket the desk registered.
    let mut body = ticket_body("SN-WS-DEALER");
    body["channel"] = json!("dealer_drop_off");
    body["customer"]["name"] = json!("Panyu Office Supplies");
    let (s, dt) = agent.post("/tickets", &body).await;
    assert_eq!(s, 201, "{dt}");
    let dtid = dt["id"].as_str().unwrap().to_owned();
    let send_in = json!({"origin": "dealer", "ticket_id": dtid, "fault": "卡纸 / paper jams",
        "accessories": ["power cord", "toner cartridge"],
        "dealer": {"name": "Panyu Office Supplies", "phone": "020-5555-0199", "address": "8 Shiqiao Rd, Panyu", "pickup": true}});
    let mut lying = send_in.clone();
    lying["customer_name"] = json!("Someone else");
    let (s, _, _, p) = agent.post_with("/workshop-jobs", None, None, &lying).await;
    assert_eq!((s, field(&p).0), (422, "customer_name"), "{p}");
    let mut unknown = send_in.clone();
    unknown["ticket_id"] = json!(uuid::Uuid::now_v7());
    let (s, _, _, p) = agent
        .post_with("/workshop-jobs", None, None, &unknown)
        .await;
    assert_eq!((s, field(&p)), (422, ("ticket_id", "not_found")), "{p}");
    let mut no_dealer = send_in.clone();
    no_dealer.as_object_mut().unwrap().remove("dealer");
    let (s, _, _, p) = agent
        .post_with("/workshop-jobs", None, None, &no_dealer)
        .await;
    assert_eq!((s, field(&p)), (422, ("dealer", "required")), "{p}");
    let mut no_address = send_in.clone();
    no_address["dealer"]["address"] = json!("");
    let (s, _, _, p) = agent
        .post_with("/workshop-jobs", None, None, &no_address)
        .await;
    assert_eq!((s, field(&p)), (422, ("dealer.address", "required")), "{p}");
    let (s, etag, replayed, dj) = agent
        .post_with("/workshop-jobs", None, Some("send-in-1"), &send_in)
        .await;
    assert_eq!((s, etag.as_str(), replayed), (201, "\"1\"", false), "{dj}");
    let (s, _, replayed, again) = agent
        .post_with("/workshop-jobs", None, Some("send-in-1"), &send_in)
        .await;
    assert_eq!((s, replayed, &again["id"]), (201, true, &dj["id"]));
    assert_eq!(dj["origin"], "dealer");
    assert_eq!(dj["dealer"]["pickup"], true);
    assert_eq!(dj["accessories"], json!(["power cord", "toner cartridge"]));
    assert_eq!(dj["machine"]["serial"], "SN-WS-DEALER");
    assert_eq!(dj["customer_name"], "Panyu Office Supplies");
    assert_eq!(dj["received_by"].as_str().map(str::is_empty), Some(false));
    let djid = dj["id"].as_str().unwrap().to_owned();
    let (s, j) = step(
        &dispatcher,
        &djid,
        "diagnosis",
        1,
        json!({"technician_id": tech_id, "diagnosis": "pickup roller worn", "fault": "paper_feed"}),
    )
    .await;
    assert_eq!(
        (s, j["fault_code"].as_str()),
        (200, Some("paper_feed")),
        "{j}"
    );
    let (started, finished) = bench();
    let (s, j) = step(
        &technician,
        &djid,
        "repair",
        2,
        json!({"started_at": started, "finished_at": finished, "result": "roller cleaned"}),
    )
    .await;
    assert_eq!((s, j["status"].as_str()), (200, Some("repaired")), "{j}");
    let (s, j) = step(
        &agent,
        &djid,
        "transitions",
        3,
        json!({"to": "ready_for_return", "return_method": "shipped_to_dealer"}),
    )
    .await;
    assert_eq!(s, 200, "{j}");
    let (s, p) = step(&agent, &djid, "transitions", 4, json!({"to": "returned"})).await;
    assert_eq!((s, field(&p)), (422, ("reference", "required")), "{p}");
    let (s, j) = step(
        &agent,
        &djid,
        "transitions",
        4,
        json!({"to": "returned", "reference": "SF1234567890"}),
    )
    .await;
    assert_eq!((s, j["status"].as_str()), (200, Some("returned")), "{j}");
    assert_eq!(j["return_method"], "shipped_to_dealer");
    assert_eq!(j["return_reference"], "SF1234567890");
    let kinds = told(api, &dtid, "ready_for_return").await;
    assert!(kinds.iter().any(|k| k == "machine_received"), "{kinds:?}");

    // The list by origin and state; bad filters name themselves.
    let (s, page) = agent
        .get("/workshop-jobs?origin=dealer&status=returned")
        .await;
    assert_eq!(s, 200, "{page}");
    let ids: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|j| j["id"].as_str())
        .collect();
    assert_eq!(ids, [djid.as_str()]);
    let (s, page) = technician
        .get(&format!("/workshop-jobs?technician_id={tech_id}&limit=1"))
        .await;
    assert_eq!(s, 200, "{page}");
    assert_eq!(page["items"][0]["id"], djid.as_str(), "newest first");
    let cursor = page["next_cursor"].as_str().unwrap().to_owned();
    let (s, next) = technician
        .get(&format!(
            "/workshop-jobs?technician_id={tech_id}&limit=1&cursor={cursor}"
        ))
        .await;
    assert_eq!(
        (s, next["items"][0]["id"].as_str()),
        (200, Some(jid.as_str())),
        "{next}"
    );
    let (s, p) = agent.get("/workshop-jobs?status=lost").await;
    assert_eq!((s, field(&p).0), (422, "status"), "{p}");
}

#[tokio::test]
async fn a_machine_is_repaired_at_the_workshop_and_returned_on_sqlite() {
    workshop(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_machine_is_repaired_at_the_workshop_and_returned_on_postgresql() {
    workshop(Backend::Postgres).await;
}
