//! Customers, machines and warranty cards through the gateway, on both backends: a phone
//! already on file offers the existing customer, serial numbers are unique per brand,
//! search works whatever the formatting, and bad input changes nothing.
use serde_json::{Value, json};
use uuid::Uuid;

use crate::helpers::{Backend, ROLES, System};

fn customer(company: &str, phone: &str) -> Value {
    json!({
        "company": company,
        "contacts": [{"name": "Ms Chen", "phones": [phone], "title": "行政主管"}],
        "address": "1 Tianhe Rd", "district": "tianhe", "tier": "key_account",
        "location": {"lat": 23.13, "lon": 113.32}
    })
}

fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn flow(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;

    // A customer; the same phone written another way is the same customer.
    let (s, c) = api
        .post(
            "/customers",
            &customer("Tianhe Printing Co.", "+86 20 5555 0101"),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    assert!(c["number"].as_str().unwrap().starts_with('C'));
    let cid = c["id"].as_str().unwrap().to_owned();
    let (s, dup) = api
        .post("/customers", &customer("Another name", "020-5555-0101"))
        .await;
    assert_eq!(s, 409, "{dup}");
    assert_eq!(dup["code"], "duplicate_phone");
    assert_eq!(dup["errors"][0]["field"], "contacts[0].phones[0]");
    assert!(dup["detail"].as_str().unwrap().contains(&cid));
    assert_eq!(
        sys.count("intake", "select count(*) from customer").await,
        1
    );
    let (s, bad) = api
        .post(
            "/customers",
            &json!({"company": "", "contacts": [], "district": "tianhe"}),
        )
        .await;
    assert_eq!(s, 422);
    let fields: Vec<_> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].clone())
        .collect();
    assert!(
        fields.contains(&json!("company")) && fields.contains(&json!("contacts")),
        "{bad}"
    );

    // Machines: warranty from the product line, serial unique per brand.
    let machine = |customer_id: &str, serial: &str| {
        json!({"customer_id": customer_id, "product_line": "copier", "brand": "Sharp", "model": "AR-2048",
               "serial": serial, "purchase_date": "2026-03-01", "install_location": "2F office"})
    };
    let (s, m) = api.post("/machines", &machine(&cid, "SN-0001")).await;
    assert_eq!(s, 201, "{m}");
    assert_eq!(
        m["warranty_end"], "2027-02-28",
        "the day before the anniversary"
    );
    let (s, v) = api.post("/machines", &machine(&cid, "sn 0001")).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("duplicate_serial")),
        "{v}"
    );
    let (s, v) = api
        .post(
            "/machines",
            &machine(&Uuid::now_v7().to_string(), "SN-0002"),
        )
        .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("customer_id")),
        "{v}"
    );
    let mut other_line = machine(&cid, "SN-0003");
    other_line["product_line"] = json!("espresso machine");
    let (s, v) = api.post("/machines", &other_line).await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("product_line")),
        "{v}"
    );
    // A manager adds the product line; machines of it follow its warranty.
    let (s, v) = api
        .post(
            "/product-lines",
            &json!({"name": "x", "warranty_months": 500, "return_days": 7}),
        )
        .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("warranty_months"))
    );
    let (s, line) = api
        .post(
            "/product-lines",
            &json!({"name": "Espresso Machine", "warranty_months": 24, "return_days": 14}),
        )
        .await;
    assert_eq!(
        (s, line["name"].as_str()),
        (201, Some("espresso machine")),
        "{line}"
    );
    let (s, m2) = api.post("/machines", &other_line).await;
    assert_eq!(
        (s, m2["warranty_end"].as_str()),
        (201, Some("2028-02-29")),
        "{m2}"
    );
    let (_, lines) = api.get("/product-lines").await;
    assert!(
        lines["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["name"] == "espresso machine" && l["return_days"] == 14)
    );
    let mut future = machine(&cid, "SN-0004");
    future["purchase_date"] = json!("2099-01-01");
    assert_eq!(api.post("/machines", &future).await.0, 422);
    assert_eq!(sys.count("intake", "select count(*) from machine").await, 2);

    // Search by name prefix, by phone in any format, by serial; lists mask phones.
    let (s, found) = api.get("/customers?name=tianhe%20PRINT").await;
    assert_eq!(s, 200);
    assert_eq!(found["items"][0]["id"], json!(cid));
    let phone = found["items"][0]["contacts"][0]["phones"][0]
        .as_str()
        .unwrap();
    assert!(phone.contains('*'), "{phone}");
    let (_, by_phone) = api.get("/customers?phone=020%2055550101").await;
    assert_eq!(by_phone["items"][0]["id"], json!(cid));
    let (_, by_serial) = api.get("/customers?serial=sn0001").await;
    assert_eq!(by_serial["items"][0]["id"], json!(cid));
    let (_, none) = api.get("/customers?name=zzz").await;
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    assert_eq!(api.get("/customers?name=t&phone=1234567").await.0, 422);
    for (i, phone) in ["13700000001", "13700000002", "13700000003"]
        .iter()
        .enumerate()
    {
        let (s, _) = api
            .post("/customers", &customer(&format!("Paging Co {i}"), phone))
            .await;
        assert_eq!(s, 201);
    }
    let (_, first) = api.get("/customers?name=paging&limit=2").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["items"][0]["company"], "Paging Co 0");
    let cursor = first["next_cursor"].as_str().unwrap();
    let (s, second) = api
        .get(&format!(
            "/customers?name=paging&limit=2&cursor={}",
            urlencode(cursor)
        ))
        .await;
    assert_eq!(s, 200, "{second}");
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    assert_eq!(second["items"][0]["company"], "Paging Co 2");
    let (_, shown) = api.get("/customers?name=tianhe&personal_data=show").await;
    assert_eq!(
        shown["items"][0]["contacts"][0]["phones"][0],
        "+86 20 5555 0101"
    );

    // Warranty cards: a new customer is created, a known phone links the existing one.
    let card = |number: &str, phone: &str, serial: &str| {
        json!({"card_number": number, "customer": customer("Card Customer", phone),
               "machine": {"product_line": "fax", "brand": "Panasonic", "model": "KX-FL338", "serial": serial,
                           "purchase_date": "2026-11-01"}})
    };
    let (s, w) = api
        .post("/warranty-cards", &card("WC-1", "13800138000", "PN-1"))
        .await;
    assert_eq!(s, 201, "{w}");
    assert_eq!(w["existing_customer"], false);
    assert_eq!(w["machine"]["warranty_end"], "2027-10-31");
    assert!(w["welcome_call_due"].is_string() && w["first_maintenance_by"].is_string());
    let (s, w2) = api
        .post(
            "/warranty-cards",
            &card("WC-2", "+86 138 0013 8000", "PN-2"),
        )
        .await;
    assert_eq!(s, 201, "{w2}");
    assert_eq!(w2["existing_customer"], true);
    assert_eq!(w2["customer"]["id"], w["customer"]["id"]);
    let machines_before = sys.count("intake", "select count(*) from machine").await;
    let (s, v) = api
        .post("/warranty-cards", &card("WC-1", "13900139000", "PN-3"))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("duplicate_card")),
        "{v}"
    );
    assert_eq!(
        sys.count("intake", "select count(*) from machine").await,
        machines_before,
        "nothing half-written"
    );
    let js = sys.jetstream().await;
    let stream = js.get_stream("INTAKE").await.unwrap();
    // Events leave through the outbox after the commit: wait for the second card's.
    let e =
        aftercare_testkit::poll_for(crate::helpers::WAIT, "the second card's event", || async {
            let m = stream
                .get_last_raw_message_by_subject("intake.warranty.registered")
                .await
                .ok()?;
            let e: Value = serde_json::from_slice(&m.payload).ok()?;
            (e["data"]["card_number"] == "WC-2").then_some(e)
        })
        .await
        .unwrap();
    assert_eq!(e["data"]["card_number"], "WC-2");

    // A customer account sees its own record and machines only, and files its tickets there.
    let (s, _) = api
        .post(
            "/accounts",
            &json!({"login": "chen@example.com", "display_name": "Ms Chen", "role": "customer",
                    "password": "customer-password-1", "customer_id": cid}),
        )
        .await;
    assert_eq!(s, 201);
    let me = api.signed_in_as("chen@example.com", "customer-password-1");
    assert_eq!(me.get(&format!("/customers/{cid}")).await.0, 200);
    let other = w["customer"]["id"].as_str().unwrap();
    assert_eq!(me.get(&format!("/customers/{other}")).await.0, 404);
    assert_eq!(
        me.get(&format!("/customers/{cid}/machines")).await.1["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(me.get(&format!("/customers/{other}/machines")).await.0, 404);
    let (s, t) = me
        .post("/tickets", &crate::helpers::ticket_body("SN-0001"))
        .await;
    assert_eq!(s, 201, "{t}");
    assert_eq!(t["customer_id"], json!(cid));
    let mut unknown = crate::helpers::ticket_body("SN-9");
    unknown["customer_id"] = json!(Uuid::now_v7());
    let (s, v) = api.post("/tickets", &unknown).await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("customer_id")),
        "{v}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_machines_and_warranty_cards_on_sqlite() {
    flow(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_machines_and_warranty_cards_on_postgresql() {
    flow(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_hear_about_their_request_on_their_channel_in_their_language_on_sqlite() {
    customers_hear_about_their_request_on_their_channel_in_their_language(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn customers_hear_about_their_request_on_their_channel_in_their_language_on_postgresql() {
    customers_hear_about_their_request_on_their_channel_in_their_language(Backend::Postgres).await;
}

async fn customers_hear_about_their_request_on_their_channel_in_their_language(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("DRUM-1", 5).await;
    let mut body = customer("Pearl River Law Office", "13912345678");
    body["contacts"][0]["email"] = json!("office@pearl.example.com");
    body["preferred_channel"] = json!("email");
    body["language"] = json!("en");
    let (s, c) = api.post("/customers", &body).await;
    assert_eq!(s, 201, "{c}");
    let mut bad = customer("X", "13912340000");
    bad["contacts"][0]["email"] = json!("not-an-address");
    assert_eq!(
        api.post("/customers", &bad).await.1["errors"][0]["field"],
        "contacts[0].email"
    );

    // The company rewrites one English text.
    let (_, templates) = api.get("/notification-templates").await;
    let mut texts = templates["templates"].as_array().unwrap().clone();
    for t in &mut texts {
        if t["kind"] == "technician_booked" && t["language"] == "en" {
            t["text"] = json!("{technician} is on the way for {number}, {company}.");
        }
    }
    let r = api
        .request(reqwest::Method::POST, "/notification-templates")
        .await
        .header("if-match", "\"0\"")
        .json(&json!({"templates": texts}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let mut ticket = crate::helpers::ticket_body("SN-N-1");
    ticket["customer_id"] = c["id"].clone();
    let (_, t) = api.post("/tickets", &ticket).await;
    let tid = t["id"].as_str().unwrap().to_owned();
    let wo = api.assigned_work_order(&tid).await;
    let (s, _) = api
        .complete(
            wo["id"].as_str().unwrap(),
            json!([{"sku": "DRUM-1", "quantity": 1}]),
        )
        .await;
    assert_eq!(s, 200);
    api.callback(wo["id"].as_str().unwrap()).await;

    let js = sys.jetstream().await;
    let sent = aftercare_testkit::poll_for(crate::helpers::WAIT, "five notifications", || async {
        let n =
            crate::helpers::subject_messages(&js, "NOTIFY", "notify.customer.notification").await;
        (n.len() >= 5).then_some(n)
    })
    .await
    .unwrap();
    let kinds: Vec<_> = sent
        .iter()
        .map(|n| n["data"]["kind"].as_str().unwrap().to_owned())
        .collect();
    for k in [
        "request_received",
        "technician_booked",
        "work_done",
        "receipt_issued",
        "callback_due",
    ] {
        assert!(kinds.contains(&k.to_owned()), "{k} in {kinds:?}");
    }
    for n in &sent {
        assert_eq!(n["data"]["channel"], "email");
        assert_eq!(n["data"]["to"], "office@pearl.example.com");
        assert_eq!(n["data"]["language"], "en");
        assert_eq!(n["data"]["ticket_id"], json!(tid));
    }
    let booked = sent
        .iter()
        .find(|n| n["data"]["kind"] == "technician_booked")
        .unwrap();
    assert_eq!(
        booked["data"]["message"],
        format!(
            "Li Wei is on the way for {}, Pearl River Law Office.",
            t["number"].as_str().unwrap()
        )
    );
    let receipt = sent
        .iter()
        .find(|n| n["data"]["kind"] == "receipt_issued")
        .unwrap();
    assert!(
        receipt["data"]["message"]
            .as_str()
            .unwrap()
            .contains("CNY "),
        "{receipt}"
    );
}

/// POST with `If-Match: "<version>"` (or none).
async fn post_if(
    api: &crate::helpers::Api,
    path: &str,
    version: Option<i64>,
    body: &Value,
) -> (u16, Option<String>, Value) {
    let mut r = api.request(reqwest::Method::POST, path).await.json(body);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    let resp = r.send().await.expect("send");
    let status = resp.status().as_u16();
    let etag = resp
        .headers()
        .get("etag")
        .and_then(|e| e.to_str().ok())
        .map(str::to_owned);
    (status, etag, resp.json().await.unwrap_or(Value::Null))
}

/// Keeping the records through the gateway: every change of a customer or machine needs
/// the version read (428 without If-Match, 412 when stale) and is kept in its history; a
/// merge moves the duplicate's customer account too; notes shown to the customer are all
/// the customer sees.
#[tokio::test(flavor = "multi_thread")]
async fn records_are_changed_at_the_version_read_and_kept_in_their_history() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let (_, a) = api
        .post(
            "/customers",
            &customer("Tianhe Printing", "+86 20 5555 0101"),
        )
        .await;
    let (_, b) = api
        .post(
            "/customers",
            &customer("Tianhe Print Shop", "+86 20 6666 0202"),
        )
        .await;
    let a_path = format!("/customers/{}", a["id"].as_str().unwrap());
    let change = json!({"address": "8 Zhujiang Rd"});
    let (s, _, v) = post_if(api, &a_path, None, &change).await;
    assert_eq!(s, 428, "{v}");
    let (s, _, v) = post_if(api, &a_path, Some(7), &change).await;
    assert_eq!((s, v["status"].as_i64()), (412, Some(412)), "{v}");
    let (s, etag, v) = post_if(api, &a_path, Some(1), &change).await;
    assert_eq!((s, etag.as_deref()), (200, Some("\"2\"")), "{v}");
    let (s, h) = api.get(&format!("{a_path}/history")).await;
    assert_eq!(s, 200, "{h}");
    assert_eq!(h["items"][0]["field"], "address");
    assert_eq!(h["items"][0]["actor_name"], "Administrator", "{h}");
    assert!(
        h["items"][0]["new_value"]
            .as_str()
            .unwrap()
            .ends_with("***"),
        "masked: {h}"
    );
    // A phone of the other customer is refused naming the field.
    let taken =
        json!({"contacts": [{"name": "Ms Chen", "phones": ["+86 20 5555 0101", "020-6666-0202"]}]});
    let (s, _, v) = post_if(api, &a_path, Some(2), &taken).await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (409, Some("contacts[0].phones[1]")),
        "{v}"
    );

    // A machine: read with its ETag, changed at that version.
    let (s, m) = api
        .post(
            "/machines",
            &json!({"customer_id": a["id"], "product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-E2E-REC"}),
        )
        .await;
    assert_eq!(s, 201, "{m}");
    let m_path = format!("/machines/{}", m["id"].as_str().unwrap());
    let notes = json!({"notes": "paper tray 2 sticks"});
    assert_eq!(post_if(api, &m_path, None, &notes).await.0, 428);
    assert_eq!(post_if(api, &m_path, Some(5), &notes).await.0, 412);
    let (s, etag, _) = post_if(api, &m_path, Some(1), &notes).await;
    assert_eq!((s, etag.as_deref()), (200, Some("\"2\"")));
    let (s, h) = api.get(&format!("{m_path}/history")).await;
    assert_eq!(
        (s, h["items"][0]["field"].as_str()),
        (200, Some("notes")),
        "{h}"
    );

    // Deactivating and merging need the version too.
    let deactivate = json!({"active": false, "reason": "moved away"});
    assert_eq!(
        post_if(api, &format!("{a_path}/active"), None, &deactivate)
            .await
            .0,
        428
    );
    let b_id = b["id"].as_str().unwrap();
    let (s, customer_api) = {
        let body = json!({"login": "b-customer", "display_name": "B", "role": "customer", "password": "Correct-Horse-Battery-7", "customer_id": b_id});
        let (s, v) = api.post("/accounts", &body).await;
        (
            s,
            (v, api.signed_in_as("b-customer", "Correct-Horse-Battery-7")),
        )
    };
    assert_eq!(s, 201, "{}", customer_api.0);
    let customer_api = customer_api.1;
    let merge = json!({"duplicate_id": b_id, "reason": "same shop"});
    assert_eq!(
        post_if(api, &format!("{a_path}/merge"), None, &merge)
            .await
            .0,
        428
    );
    assert_eq!(
        post_if(api, &format!("{a_path}/merge"), Some(1), &merge)
            .await
            .0,
        412
    );
    let (s, _, v) = post_if(api, &format!("{a_path}/merge"), Some(2), &merge).await;
    assert_eq!(s, 200, "{v}");
    let (_, gone) = api.get(&format!("/customers/{b_id}")).await;
    assert_eq!(
        (gone["status"].as_str(), &gone["merged_into"]),
        (Some("merged"), &a["id"])
    );
    // The duplicate's customer account now reads the record that stays.
    let (s, own) = customer_api.get(&a_path).await;
    assert_eq!((s, &own["id"]), (200, &a["id"]), "{own}");

    // Notes: the desk sees both, the customer only the one shown to them, unnamed.
    let (s, t) = api
        .post(
            "/tickets",
            &json!({"channel": "phone", "type": "fault", "symptom": "black streaks", "customer_id": a["id"],
                    "customer": {"name": "Tianhe Printing", "phone": "+86 20 5555 0101", "address": "1 Tianhe Rd", "district": "tianhe"}}),
        )
        .await;
    assert_eq!(s, 201, "{t}");
    let notes_path = format!("/tickets/{}/notes", t["id"].as_str().unwrap());
    for (text, visibility) in [
        ("difficult customer", "internal"),
        ("we come on Tuesday", "customer"),
    ] {
        let (s, n) = api
            .post(
                &notes_path,
                &json!({"text": text, "visibility": visibility}),
            )
            .await;
        assert_eq!(s, 201, "{n}");
    }
    let (s, bad) = api
        .post(&notes_path, &json!({"text": "", "visibility": "internal"}))
        .await;
    assert_eq!(
        (s, bad["errors"][0]["field"].as_str()),
        (422, Some("text")),
        "{bad}"
    );
    let (_, desk) = api.get(&notes_path).await;
    assert_eq!(desk["items"].as_array().unwrap().len(), 2, "{desk}");
    let (s, seen) = customer_api.get(&notes_path).await;
    assert_eq!(s, 200, "{seen}");
    let items = seen["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{seen}");
    assert_eq!(
        (items[0]["text"].as_str(), items[0]["actor"].as_str()),
        (Some("we come on Tuesday"), Some("staff"))
    );
}

/// Items of a list answer at `path`, once it has `n` of them.
async fn listed(api: &crate::helpers::Api, path: &str, n: usize) -> Vec<Value> {
    aftercare_testkit::poll_for(crate::helpers::WAIT, path, || async {
        let (s, v) = api.get(path).await;
        let items = v["items"].as_array().cloned().unwrap_or_default();
        (s == 200 && items.len() == n).then_some(items)
    })
    .await
    .unwrap_or_else(|_| panic!("{n} items at {path}"))
}

/// Two records of one customer, each with a contract (and its maintenance plan), a visit's
/// receipt and a callback: once merged, billing, dispatch and survey read everything by
/// the record that stays and nothing by the duplicate.
async fn a_merge_moves_what_other_services_recorded(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let mut ids = Vec::new();
    let mut work_orders = Vec::new();
    for (n, (company, phone)) in [
        ("Haizhu Copy Centre", "+86 20 7777 0301"),
        ("Haizhu Copy Ctr", "+86 20 8888 0302"),
    ]
    .into_iter()
    .enumerate()
    {
        let (s, c) = api.post("/customers", &customer(company, phone)).await;
        assert_eq!(s, 201, "{c}");
        let id = c["id"].as_str().unwrap().to_owned();
        let (s, k) = api
            .post("/contracts", &json!({"customer_id": id, "customer_name": company,
                "district": "tianhe", "address": "1 Tianhe Rd",
                "machines": [{"product_line": "copier", "brand": "Sharp", "model": "AR-5316", "serial": format!("SN-MERGE-K{n}")}],
                "starts_on": today.to_string(), "ends_on": (today + chrono::Duration::days(364)).to_string(),
                "coverage": {"call_out": true, "labour": true, "parts": false, "visit_every_months": 3},
                "price": {"amount_minor": 240000, "currency": "CNY"}}))
            .await;
        assert_eq!(s, 201, "{k}");
        let t = api.open_ticket_for(&format!("SN-MERGE-{n}"), &id).await;
        let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
        let wo_id = wo["id"].as_str().unwrap().to_owned();
        assert_eq!(api.complete(&wo_id, json!([])).await.0, 200);
        assert_eq!(api.receipt(&wo_id).await["customer_id"], json!(id));
        assert_eq!(api.callback(&wo_id).await["customer_id"], json!(id));
        listed(api, &format!("/maintenance-plans?customer_id={id}"), 1).await;
        ids.push(id);
        work_orders.push(wo_id);
    }
    let (survivor, duplicate) = (&ids[0], &ids[1]);
    let (s, _, v) = post_if(
        api,
        &format!("/customers/{survivor}/merge"),
        Some(1),
        &json!({"duplicate_id": duplicate, "reason": "same shop"}),
    )
    .await;
    assert_eq!(s, 200, "{v}");

    // Billing: both contracts and both receipts are the survivor's, none the duplicate's.
    let contracts = listed(api, &format!("/contracts?customer_id={survivor}"), 2).await;
    assert!(
        contracts
            .iter()
            .all(|k| k["customer_id"] == json!(survivor))
    );
    let receipts = listed(api, &format!("/invoices?customer_id={survivor}"), 2).await;
    assert!(receipts.iter().all(|r| r["customer_id"] == json!(survivor)));
    // Dispatch: both maintenance plans.
    listed(
        api,
        &format!("/maintenance-plans?customer_id={survivor}"),
        2,
    )
    .await;
    // Survey: the duplicate's callback is for the survivor now.
    for wo in &work_orders {
        let (_, v) = api.get(&format!("/callbacks?work_order_id={wo}")).await;
        assert_eq!(v["items"][0]["customer_id"], json!(survivor), "{v}");
    }
    for path in [
        format!("/contracts?customer_id={duplicate}"),
        format!("/invoices?customer_id={duplicate}"),
        format!("/maintenance-plans?customer_id={duplicate}"),
    ] {
        let (s, v) = api.get(&path).await;
        assert_eq!((s, &v["items"]), (200, &json!([])), "{path}: {v}");
    }
    // Nothing anywhere still names the duplicate.
    for (service, table) in [
        ("billing", "contract"),
        ("billing", "invoice"),
        ("billing", "ticket"),
        ("dispatch", "maintenance_plan"),
        ("survey", "ticket_info"),
    ] {
        let sql = format!("select count(*) from {table} where customer_id = '{duplicate}'");
        assert_eq!(sys.count(service, &sql).await, 0, "{service}.{table}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merge_moves_what_other_services_recorded_on_sqlite() {
    a_merge_moves_what_other_services_recorded(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merge_moves_what_other_services_recorded_on_postgresql() {
    a_merge_moves_what_other_services_recorded(Backend::Postgres).await;
}
