//! Inventory through the gateway: locations, transfers, returns (a removed part kept for the
//! claim), adjustments, the ledger, and stocktakes a manager approves. Nothing goes below
//! zero or below what is reserved, every movement is in the ledger, and bad input changes
//! nothing.
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::*;

async fn post_if(api: &Api, path: &str, version: Option<i64>, body: &Value) -> (u16, Value) {
    let mut r = api.request(Method::POST, path).await.json(body);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    let resp = r.send().await.expect("send");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

fn level(part: &Value, location: &str) -> i64 {
    part["locations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["location"] == location)
        .map(|l| l["on_hand"].as_i64().unwrap())
        .unwrap_or(0)
}

async fn stock_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    api.part("DRUM-1", 5).await;

    // The catalogue entry: a consumable states its yield; a price change is announced.
    let (s, p) = api
        .post("/parts", &json!({"sku": "TONER-K", "name": "Toner black", "list_price": {"amount_minor": 45000, "currency": "CNY"},
            "category": "consumable", "compatible_models": ["AR-2048"]}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("page_yield")),
        "{p}"
    );
    let toner = json!({"sku": "TONER-K", "name": "Toner black", "list_price": {"amount_minor": 45000, "currency": "CNY"},
        "category": "consumable", "compatible_models": ["AR-2048"], "page_yield": 16000,
        "unit_cost": {"amount_minor": 30000, "currency": "CNY"}, "failure_prone": 0});
    let (s, t) = api.post("/parts", &toner).await;
    assert_eq!(
        (s, t["page_yield"].as_u64(), t["version"].as_i64()),
        (201, Some(16000), Some(1)),
        "{t}"
    );
    let mut dearer = toner.clone();
    dearer["list_price"]["amount_minor"] = json!(48000);
    dearer.as_object_mut().unwrap().remove("sku");
    assert_eq!(post_if(api, "/parts/TONER-K", None, &dearer).await.0, 428);
    let (s, t) = post_if(api, "/parts/TONER-K", Some(1), &dearer).await;
    assert_eq!(
        (s, t["list_price"]["amount_minor"].as_i64()),
        (200, Some(48000)),
        "{t}"
    );
    assert_eq!(
        post_if(api, "/parts/TONER-K", Some(1), &dearer).await.0,
        412
    );
    let js = sys.jetstream().await;
    let changed = aftercare_testkit::poll_for(WAIT, "the price event", || async {
        let m = subject_messages(&js, "INVENTORY", "inventory.part.price_changed").await;
        (!m.is_empty()).then_some(m)
    })
    .await
    .unwrap();
    assert_eq!(
        (
            changed[0]["data"]["old_price"]["amount_minor"].as_i64(),
            changed[0]["data"]["list_price"]["amount_minor"].as_i64()
        ),
        (Some(45000), Some(48000))
    );

    // The catalogue searched: by SKU, name or fitting model, by category, a page at a time.
    let (s, found) = api.get("/parts?q=toner").await;
    assert_eq!(
        (s, found["items"][0]["sku"].as_str()),
        (200, Some("TONER-K")),
        "{found}"
    );
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let (_, page) = api.get("/parts?limit=1").await;
    assert_eq!(page["items"][0]["sku"], "DRUM-1");
    assert_eq!(page["items"][0]["on_hand"], 5);
    let (_, next) = api
        .get(&format!(
            "/parts?limit=1&cursor={}",
            page["next_cursor"].as_str().unwrap()
        ))
        .await;
    assert_eq!(next["items"][0]["sku"], "TONER-K");
    let (_, spares) = api.get("/parts?category=spare_part").await;
    assert_eq!(spares["items"].as_array().unwrap().len(), 1);
    let (s, p) = api.get("/parts?category=tools").await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("category")),
        "{p}"
    );

    // Locations.
    let van = json!({"code": "van-li", "kind": "van", "name": "Li Wei's van", "technician_id": tech["id"]});
    let (s, l) = api.post("/locations", &van).await;
    assert_eq!(s, 201, "{l}");
    assert_eq!(api.post("/locations", &van).await.0, 422);
    let (s, p) = api
        .post("/locations", &json!({"code": "bad code", "kind": "warehouse", "name": "x", "technician_id": tech["id"]}))
        .await;
    assert_eq!(s, 422, "{p}");
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert_eq!(fields, ["code", "technician_id"]);
    let (_, all) = api.get("/locations").await;
    let codes: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["code"].as_str())
        .collect();
    assert_eq!(codes, ["main", "van-li", "workshop"]);

    // Transfers; what is not there is refused and changes nothing.
    let moves = "/parts/DRUM-1/movements";
    let (s, part) = api
        .post(moves, &json!({"kind": "transfer", "location": "main", "to": "van-li", "quantity": 3, "reason": "van stock"}))
        .await;
    assert_eq!(s, 201, "{part}");
    assert_eq!((level(&part, "main"), level(&part, "van-li")), (2, 3));
    let (s, p) = api
        .post(moves, &json!({"kind": "transfer", "location": "main", "to": "van-li", "quantity": 5, "reason": "too many"}))
        .await;
    assert_eq!((s, p["code"].as_str()), (409, Some("not_available")), "{p}");
    let (s, p) = api
        .post(moves, &json!({"kind": "transfer", "location": "main", "to": "van-x", "quantity": 1, "reason": "x"}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("unknown_location"))
    );
    let (s, p) = api
        .post(
            moves,
            &json!({"kind": "adjustment", "location": "main", "quantity": 0, "reason": ""}),
        )
        .await;
    assert_eq!(s, 422, "{p}");
    let (s, p) = api
        .post(
            "/parts/DRUM-1/receipts",
            &json!({"quantity": 1, "location": "nowhere"}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("location"))
    );
    let (_, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(
        (
            level(&part, "main"),
            level(&part, "van-li"),
            part["on_hand"].as_i64()
        ),
        (2, 3, Some(5))
    );

    // A removed part back to the workshop for the claim; a correction on the van.
    let (s, part) = api
        .post(
            moves,
            &json!({"kind": "return", "location": "workshop", "quantity": 1, "removed_part": true,
            "reason": "removed at visit, for the Sharp claim", "reference": "W2026-000001"}),
        )
        .await;
    assert_eq!((s, level(&part, "workshop")), (201, 1), "{part}");
    let (s, part) = api
        .post(moves, &json!({"kind": "adjustment", "location": "van-li", "quantity": -1, "reason": "damaged in transit"}))
        .await;
    assert_eq!((s, level(&part, "van-li")), (201, 2), "{part}");

    // The ledger: every movement, newest first; each balance is the sum of its entries.
    let (_, ledger) = api.get("/parts/DRUM-1/movements").await;
    let kinds: Vec<&str> = ledger["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "adjustment",
            "removed_part",
            "transfer_in",
            "transfer_out",
            "receipt"
        ]
    );
    assert!(
        ledger["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| !m["actor"].as_str().unwrap().is_empty())
    );
    for place in ["main", "van-li", "workshop"] {
        let sum = sys
            .count("inventory", &format!("select cast(coalesce(sum(quantity), 0) as bigint) from movement where sku = 'DRUM-1' and location = '{place}'"))
            .await;
        assert_eq!(sum, level(&part, place), "{place}");
    }

    // A stocktake: counted 1 at main where the ledger says 2; a manager approves.
    let (s, p) = api
        .post("/stocktakes", &json!({"location": "main", "lines": [{"sku": "DRUM-1", "counted": 1}, {"sku": "DRUM-1", "counted": 1}]}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("duplicate"))
    );
    let (s, st) = api
        .post("/stocktakes", &json!({"location": "main", "lines": [{"sku": "DRUM-1", "counted": 1}], "note": "year end"}))
        .await;
    assert_eq!(s, 201, "{st}");
    assert_eq!(st["status"], "pending_approval");
    assert_eq!(
        (
            st["lines"][0]["expected"].as_i64(),
            st["lines"][0]["variance"].as_i64()
        ),
        (Some(2), Some(-1))
    );
    let (_, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(level(&part, "main"), 2, "nothing is booked before approval");
    let decision = format!("/stocktakes/{}/decision", st["id"].as_str().unwrap());
    assert_eq!(
        post_if(api, &decision, None, &json!({"approve": true}))
            .await
            .0,
        428
    );
    let (s, done) = post_if(api, &decision, Some(1), &json!({"approve": true})).await;
    assert_eq!(
        (s, done["status"].as_str()),
        (200, Some("approved")),
        "{done}"
    );
    let (s, _) = post_if(api, &decision, Some(2), &json!({"approve": false})).await;
    assert_eq!(s, 409);
    let (_, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(level(&part, "main"), 1);
    // A rejected stocktake books nothing.
    let (_, st2) = api
        .post(
            "/stocktakes",
            &json!({"location": "van-li", "lines": [{"sku": "DRUM-1", "counted": 9}]}),
        )
        .await;
    let (s, r) = post_if(
        api,
        &format!("/stocktakes/{}/decision", st2["id"].as_str().unwrap()),
        Some(1),
        &json!({"approve": false}),
    )
    .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("rejected")));
    let (_, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(level(&part, "van-li"), 2);
    // Both stocktakes listed newest first; none is waiting for a manager any more.
    let (_, listed) = api.get("/stocktakes").await;
    let ids: Vec<&Value> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["id"])
        .collect();
    assert_eq!(ids, [&st2["id"], &st["id"]]);
    let (_, waiting) = api.get("/stocktakes?status=pending_approval").await;
    assert_eq!(waiting["items"].as_array().unwrap().len(), 0, "{waiting}");
    assert_eq!(
        sys.count(
            "inventory",
            "select count(*) from stock where on_hand < 0 or reserved > on_hand"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn stock_moves_only_through_the_ledger_on_sqlite() {
    stock_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn stock_moves_only_through_the_ledger_on_postgresql() {
    stock_through_the_gateway(Backend::Postgres).await;
}

/// A visit with a meter reading (and the parts used), reported at a given time.
async fn visit_with_reading(
    api: &Api,
    (serial, customer_id): (&str, &str),
    finished: &str,
    pages: u64,
    parts: Value,
) {
    let t = api.open_ticket_for(serial, customer_id).await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let (s, v) = post_if(
        api,
        &format!("/workorders/{}/complete", wo["id"].as_str().unwrap()),
        wo["version"].as_i64(),
        &json!({"diagnosis": "service", "started_at": finished, "finished_at": finished,
            "meter_reading": pages, "parts": parts, "parts_consent": true}),
    )
    .await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test]
async fn a_toner_running_out_becomes_a_contact_task_once() {
    let sys = System::new(Backend::Sqlite).await;
    let _all = sys
        .spawn(&ROLES, &[("AFTERCARE_CONSUMABLE_LEAD_DAYS", "60")])
        .await;
    let api = &sys.api;
    api.technician().await;
    let (s, _) = api
        .post("/parts", &json!({"sku": "TONER-K", "name": "Toner black", "list_price": {"amount_minor": 45000, "currency": "CNY"},
            "category": "consumable", "compatible_models": ["AR-2048"], "page_yield": 16000}))
        .await;
    assert_eq!(s, 201);
    let (s, _) = api
        .post(
            "/parts/TONER-K/receipts",
            &json!({"quantity": 5, "location": "main"}),
        )
        .await;
    assert_eq!(s, 201);
    // The machine is on file for a customer (a warranty card).
    let (s, card) = api
        .post("/warranty-cards", &json!({"card_number": "WC-TONER-1",
            "customer": {"company": "Yuexiu Print Shop", "contacts": [{"name": "Mr Wu", "phones": ["13900139111"]}],
                         "address": "3 Beijing Rd", "district": "tianhe"},
            "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-TONER-1",
                        "purchase_date": "2026-10-01"}}))
        .await;
    assert_eq!(s, 201, "{card}");
    let customer_id = card["customer"]["id"].as_str().unwrap().to_owned();
    let machine = ("SN-TONER-1", customer_id.as_str());

    // A new toner at 100,000 pages; ten days later 103,000: 300 pages a day, 13,000 left.
    visit_with_reading(
        api,
        machine,
        "2026-11-01T02:00:00Z",
        100_000,
        json!([{"sku": "TONER-K", "quantity": 1}]),
    )
    .await;
    visit_with_reading(api, machine, "2026-11-11T02:00:00Z", 103_000, json!([])).await;
    let js = sys.jetstream().await;
    let due = aftercare_testkit::poll_for(WAIT, "the replacement to be due", || async {
        let m = subject_messages(&js, "INVENTORY", "inventory.consumable.replacement_due").await;
        (!m.is_empty()).then_some(m)
    })
    .await
    .unwrap();
    assert_eq!(due.len(), 1);
    let d = &due[0]["data"];
    assert_eq!(
        (d["sku"].as_str(), d["pages_left"].as_i64()),
        (Some("TONER-K"), Some(13_000))
    );
    assert_eq!(
        (d["pages_per_day"].as_f64(), d["empty_on"].as_str()),
        (Some(300.0), Some("2026-12-24"))
    );

    // Intake opens a contact task for the machine's customer.
    let task = aftercare_testkit::poll_for(WAIT, "the contact task", || async {
        let (_, v) = api
            .get(&format!(
                "/tickets?type=consumables&customer_id={customer_id}"
            ))
            .await;
        v["items"].as_array().and_then(|a| a.first().cloned())
    })
    .await
    .unwrap();
    assert_eq!(
        (task["channel"].as_str(), task["status"].as_str()),
        (Some("planned"), Some("new")),
        "{task}"
    );
    assert!(task["symptom"].as_str().unwrap().contains("2026-12-24"));

    // A later reading of the same toner does not announce it again.
    visit_with_reading(api, machine, "2026-11-16T02:00:00Z", 104_500, json!([])).await;
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(
        subject_messages(&js, "INVENTORY", "inventory.consumable.replacement_due")
            .await
            .len(),
        1
    );
    assert_eq!(
        sys.count("inventory", "select count(*) from meter_reading")
            .await,
        3
    );
}

async fn purchasing_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys
        .spawn(&ROLES, &[("AFTERCARE_JOB_INTERVAL_SECS", "1")])
        .await;
    let api = &sys.api;
    api.part("DRUM-1", 3).await;
    let (s, p) = api
        .post(
            "/parts/DRUM-1/rules",
            &json!({"location": "main", "reorder_point": 5, "min": 6, "max": 5}),
        )
        .await;
    assert_eq!(s, 422, "{p}");
    let (s, r) = api
        .post(
            "/parts/DRUM-1/rules",
            &json!({"location": "main", "reorder_point": 5, "min": 2, "max": 20}),
        )
        .await;
    assert_eq!(s, 200, "{r}");

    // 3 on hand is below the reorder point: one draft for 17, however often the sweep runs.
    let draft = aftercare_testkit::poll_for(WAIT, "a reorder draft", || async {
        let (_, v) = api.get("/purchase-requests?status=draft").await;
        v["items"].as_array().and_then(|a| a.first().cloned())
    })
    .await
    .unwrap();
    assert_eq!(
        (draft["quantity"].as_u64(), draft["reason"].as_str()),
        (Some(17), Some("reorder")),
        "{draft}"
    );
    assert!(draft["number"].as_str().unwrap().starts_with("PR"));
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(
        sys.count("inventory", "select count(*) from purchase_request")
            .await,
        1
    );

    // Approve (a manager's), order, receive: the receipt is booked.
    let warehouse_body = json!({"login": "wh@example.com", "display_name": "wh", "role": "warehouse", "password": "warehouse-password-1"});
    assert_eq!(api.post("/accounts", &warehouse_body).await.0, 201);
    let wh = api.signed_in_as("wh@example.com", "warehouse-password-1");
    let path = format!(
        "/purchase-requests/{}/transitions",
        draft["id"].as_str().unwrap()
    );
    assert_eq!(
        post_if(&wh, &path, Some(1), &json!({"to": "approved"}))
            .await
            .0,
        403
    );
    let (s, p) = post_if(api, &path, Some(1), &json!({"to": "received"})).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("illegal_transition")));
    let (s, a) = post_if(api, &path, Some(1), &json!({"to": "approved"})).await;
    assert_eq!((s, a["status"].as_str()), (200, Some("approved")), "{a}");
    let (s, p) = post_if(&wh, &path, Some(2), &json!({"to": "ordered"})).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("reference"))
    );
    let (s, o) = post_if(
        &wh,
        &path,
        Some(2),
        &json!({"to": "ordered", "reference": "SO-8841"}),
    )
    .await;
    assert_eq!(
        (s, o["order_reference"].as_str()),
        (200, Some("SO-8841")),
        "{o}"
    );
    let (s, rcv) = post_if(&wh, &path, Some(3), &json!({"to": "received"})).await;
    assert_eq!(
        (s, rcv["status"].as_str()),
        (200, Some("received")),
        "{rcv}"
    );
    let (_, part) = api.get("/parts/DRUM-1").await;
    assert_eq!(part["on_hand"], 20);
    let (_, ledger) = api.get("/parts/DRUM-1/movements").await;
    assert_eq!(ledger["items"][0]["reference"], draft["number"]);
    // Above the reorder point now: nothing new is drafted.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(
        sys.count("inventory", "select count(*) from purchase_request")
            .await,
        1
    );
}

#[tokio::test]
async fn reorder_points_draft_one_purchase_request_that_becomes_a_receipt_on_sqlite() {
    purchasing_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn reorder_points_draft_one_purchase_request_that_becomes_a_receipt_on_postgresql() {
    purchasing_through_the_gateway(Backend::Postgres).await;
}
