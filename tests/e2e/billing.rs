//! Billing through the gateway: an annual maintenance contract covers its machines'
//! visits as it says (consumables and uncovered lines stay chargeable), dispatch plans its
//! visits, and intake notes it on the machine; a new fee schedule version prices a key
//! account's visit with its discount and tax; cash collected on site is booked, counted
//! and its variance approved; credit notes, IOUs, refunds of approved returns and the
//! revenue report. Bad input changes nothing.
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::*;

async fn contracts_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("DRUM-1", 5).await;
    let (s, card) = api
        .post("/warranty-cards", &json!({"card_number": "WC-K-1",
            "customer": {"company": "Haizhu Office Supplies", "contacts": [{"name": "Ms Lin", "phones": ["13700137111"]}],
                         "address": "9 Haizhu Sq", "district": "tianhe"},
            "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-K-1",
                        "purchase_date": "2024-01-01"}}))
        .await;
    assert_eq!(s, 201, "{card}");
    let customer_id = card["customer"]["id"].as_str().unwrap().to_owned();
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let contract = |starts: chrono::NaiveDate, ends: chrono::NaiveDate| {
        json!({"customer_id": customer_id, "customer_name": "Haizhu Office Supplies", "district": "tianhe",
            "address": "9 Haizhu Sq",
            "machines": [{"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-K-1"}],
            "starts_on": starts.to_string(), "ends_on": ends.to_string(),
            "coverage": {"call_out": true, "labour": true, "parts": false, "visit_every_months": 1},
            "price": {"amount_minor": 360000, "currency": "CNY"}})
    };
    let year_on = today + chrono::Duration::days(364);
    let (s, p) = api.post("/contracts", &contract(year_on, today)).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("ends_on"))
    );
    // From the 1st of November 2026 (the helper's visits are dated the 23rd).
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let (s, k) = api.post("/contracts", &contract(start, year_on)).await;
    assert_eq!(s, 201, "{k}");
    let number = k["number"].as_str().unwrap().to_owned();
    assert!(number.starts_with('K'));

    // Intake notes it on the machine; dispatch plans a visit a month.
    aftercare_testkit::wait_until(WAIT, "the contract on the machine", || async {
        let (_, m) = api.get(&format!("/customers/{customer_id}/machines")).await;
        m["items"][0]["contract"]["number"] == number.as_str()
    })
    .await
    .unwrap();
    let plans = aftercare_testkit::poll_for(WAIT, "the contract's plan", || async {
        let (_, v) = api
            .get(&format!("/maintenance-plans?customer_id={customer_id}"))
            .await;
        v["items"]
            .as_array()
            .and_then(|a| a.iter().find(|p| p["kind"] == "contract").cloned())
    })
    .await
    .unwrap();
    assert_eq!(
        (plans["every_months"].as_u64(), plans["until"].as_str()),
        (Some(1), Some(year_on.to_string().as_str()))
    );

    // A visit: call-out and labour covered by the contract, the part charged.
    let t = api.open_ticket_for("SN-K-1", &customer_id).await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    assert_eq!(
        api.complete(
            wo["id"].as_str().unwrap(),
            json!([{"sku": "DRUM-1", "quantity": 1}])
        )
        .await
        .0,
        200
    );
    let receipt = api.receipt(wo["id"].as_str().unwrap()).await;
    let cov: Vec<&str> = receipt["lines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l["coverage"].as_str())
        .collect();
    assert_eq!(cov, ["contract", "contract", "chargeable"], "{receipt}");
    assert_eq!(receipt["total_charged"]["amount_minor"], 38000);
    assert_eq!(
        receipt["total"]["amount_minor"],
        5000 + 12000 + 38000,
        "covered work is still recorded at price"
    );
    let (_, list) = api
        .get(&format!("/contracts?customer_id={customer_id}"))
        .await;
    assert_eq!(list["items"][0]["number"], number.as_str());

    // Payments: never more than is owed; what is left is a receivable, aged.
    let pay = format!("/invoices/{}/payments", receipt["number"].as_str().unwrap());
    let (s, p) = api
        .post(
            &pay,
            &json!({"method": "cash", "amount": {"amount_minor": 50000, "currency": "CNY"}}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("more_than_owed")),
        "{p}"
    );
    let (s, p) = api
        .post(&pay, &json!({"method": "wechat_pay", "amount": {"amount_minor": 30000, "currency": "CNY"}, "reference": "WX-1"}))
        .await;
    assert_eq!(s, 201, "{p}");
    // Ages count from the service-local (Asia/Shanghai) day of issue.
    let issued_on = (chrono::DateTime::parse_from_rfc3339(receipt["issued_at"].as_str().unwrap())
        .unwrap()
        + chrono::Duration::hours(8))
    .date_naive();
    for (days, bucket) in [(30, "days0_to30"), (31, "days31_to60"), (91, "over90")] {
        let as_of = issued_on + chrono::Duration::days(days);
        let (s, r) = api
            .get(&format!("/reports/receivables?as_of={as_of}"))
            .await;
        assert_eq!(s, 200, "{r}");
        assert_eq!(r["items"][0]["outstanding"]["amount_minor"], 8000, "{r}");
        assert_eq!(r["items"][0]["bucket"], bucket, "{r}");
        let total = r["totals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["bucket"] == bucket)
            .unwrap()
            .clone();
        assert_eq!(
            (total["owed_minor"].as_i64(), total["receipts"].as_u64()),
            (Some(8000), Some(1))
        );
    }
    let (s, p) = api.get("/reports/receivables?as_of=soon").await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("as_of")));

    // The customer ends the contract today: dispatch plans nothing after it.
    let end = format!("/contracts/{number}/termination");
    let (s, p) = api
        .post(&end, &json!({"ends_on": (today - chrono::Duration::days(5)).to_string(), "reason": "office closed"}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("ends_on")),
        "{p}"
    );
    let (s, p) = api
        .post(&end, &json!({"ends_on": today.to_string(), "reason": ""}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("reason")),
        "{p}"
    );
    let (s, ended) = api
        .post(
            &end,
            &json!({"ends_on": today.to_string(), "reason": "office closed"}),
        )
        .await;
    assert_eq!(
        (s, ended["ends_on"].as_str()),
        (201, Some(today.to_string().as_str())),
        "{ended}"
    );
    assert_eq!(
        api.post(
            &end,
            &json!({"ends_on": today.to_string(), "reason": "again"})
        )
        .await
        .0,
        409
    );
    aftercare_testkit::wait_until(WAIT, "the plan to end with the contract", || async {
        let (_, v) = api
            .get(&format!("/maintenance-plans?customer_id={customer_id}"))
            .await;
        v["items"].as_array().is_some_and(|a| {
            a.iter().any(|p| {
                p["kind"] == "contract"
                    && p["until"] == today.to_string().as_str()
                    && (p["active"] == false
                        || p["next_due"].as_str() <= Some(today.to_string().as_str()))
            })
        })
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn a_contract_covers_its_machines_and_plans_their_visits_on_sqlite() {
    contracts_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_contract_covers_its_machines_and_plans_their_visits_on_postgresql() {
    contracts_through_the_gateway(Backend::Postgres).await;
}

async fn send(
    api: &Api,
    method: Method,
    path: &str,
    version: Option<&Value>,
    body: Value,
) -> (u16, Value) {
    let mut req = api.request(method, path).await.json(&body);
    if let Some(v) = version {
        req = req.header("if-match", format!("\"{v}\""));
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The last event of a subject on the BILLING stream, once it is there.
async fn last_billing_event(sys: &System, subject: &str) -> Value {
    let js = sys.jetstream().await;
    let stream = js.get_stream("BILLING").await.unwrap();
    aftercare_testkit::poll_for(WAIT, subject, || async {
        let m = stream.get_last_raw_message_by_subject(subject).await.ok()?;
        serde_json::from_slice::<Value>(&m.payload).ok()
    })
    .await
    .unwrap()
}

async fn money_flows_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("DRUM-1", 5).await;
    let now = chrono::Utc::now();
    let today = (now + chrono::Duration::hours(8)).date_naive();

    // A new fee schedule version from today: tianhe's call-out, a key-account discount.
    let terms = json!({"currency": "CNY",
        "call_out": [{"amount_minor": 5000}, {"district": "tianhe", "amount_minor": 6000}],
        "labour_per_hour_minor": 12000, "key_account_discount_bp": 1000, "tax_rate_bp": 1300,
        "warranty_months": 12});
    let yesterday = today - chrono::Duration::days(1);
    let (s, p) = api
        .post(
            "/fee-schedules",
            &json!({"effective_from": yesterday.to_string(), "terms": terms}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("effective_from")),
        "{p}"
    );
    let mut no_default = terms.clone();
    no_default["call_out"] = json!([{"district": "tianhe", "amount_minor": 6000}]);
    let (s, p) = api
        .post(
            "/fee-schedules",
            &json!({"effective_from": today.to_string(), "terms": no_default}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("terms.call_out")),
        "{p}"
    );
    let (s, f) = api
        .post(
            "/fee-schedules",
            &json!({"effective_from": today.to_string(), "terms": terms}),
        )
        .await;
    assert_eq!((s, f["version"].as_u64()), (201, Some(2)), "{f}");
    let (_, list) = api.get("/fee-schedules").await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(2));

    // A key account's visit; the technician collects ¥100 in cash on site.
    let (s, c) = api
        .post("/customers", &json!({"company": "Tianhe Printing", "contacts": [{"name": "Ms Chen", "phones": ["13900139000"]}],
            "address": "1 Tianhe Rd", "district": "tianhe", "tier": "key_account"}))
        .await;
    assert_eq!(s, 201, "{c}");
    let mut body = ticket_body("SN-KA-1");
    body["customer_id"] = c["id"].clone();
    let (s, t) = api.post("/tickets", &body).await;
    assert_eq!(s, 201, "{t}");
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap();
    let finished = now - chrono::Duration::minutes(1);
    // The drum's list price goes up after the visit finished but before it is reported:
    // the receipt charges the price in force at the visit.
    let (_, part) = api.get("/parts/DRUM-1").await;
    let (s, p) = send(
        api,
        Method::POST,
        "/parts/DRUM-1",
        Some(&part["version"]),
        json!({"name": "Drum unit", "list_price": {"amount_minor": 45000, "currency": "CNY"}}),
    )
    .await;
    assert_eq!(s, 200, "{p}");
    let prices = aftercare_testkit::poll_for(WAIT, "billing's price book", || async {
        let (s, v) = api.get("/part-prices/DRUM-1").await;
        (s == 200).then_some(v)
    })
    .await
    .unwrap();
    assert_eq!(
        (
            prices["changes"][0]["old_price"]["amount_minor"].as_i64(),
            prices["changes"][0]["list_price"]["amount_minor"].as_i64()
        ),
        (Some(38000), Some(45000)),
        "{prices}"
    );
    assert_eq!(api.get("/part-prices/NOPE-1").await.0, 404);
    let (s, done) = send(
        api,
        Method::POST,
        &format!("/workorders/{wo_id}/complete"),
        Some(&wo["version"]),
        json!({"diagnosis": "worn drum", "started_at": (finished - chrono::Duration::minutes(50)).to_rfc3339(),
            "finished_at": finished.to_rfc3339(), "parts": [{"sku": "DRUM-1", "quantity": 1}], "parts_consent": true,
            "payment_collected": {"amount_minor": 10000, "currency": "CNY"}}),
    )
    .await;
    assert_eq!(s, 200, "{done}");
    let receipt = api.receipt(wo_id).await;
    // Call-out 60.00 and 4 quarter hours at 30.00, each less 10 %; the drum at the list
    // price of the visit (inventory carried the new 450.00 with the consumption).
    let charged: Vec<i64> = receipt["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["charged"]["amount_minor"].as_i64().unwrap())
        .collect();
    assert_eq!(charged, [5400, 10800, 38000], "{receipt}");
    assert!(
        receipt["lines"][0]["coverage_note"]
            .as_str()
            .unwrap()
            .contains("key account discount 10%")
    );
    assert_eq!(receipt["fee_schedule_version"], 2);
    assert_eq!(receipt["total"]["amount_minor"], 56000);
    assert_eq!(
        receipt["tax_included"]["amount_minor"], 6235,
        "54200 × 13 / 113"
    );
    assert_eq!(
        receipt["paid"]["amount_minor"], 10000,
        "cash collected on site is booked"
    );
    assert_eq!(receipt["outstanding"]["amount_minor"], 44200);
    let number = receipt["number"].as_str().unwrap().to_owned();

    // The technician's cash day: expected ¥100, ¥90 handed in; a manager approves.
    let day = (finished + chrono::Duration::hours(8)).date_naive();
    let (s, days) = api.get(&format!("/cash-days?day={day}")).await;
    assert_eq!(s, 200, "{days}");
    let cash = &days["items"][0];
    assert_eq!(
        (
            cash["expected"]["amount_minor"].as_i64(),
            cash["collections"][0]["receipt_number"].as_str()
        ),
        (Some(10000), Some(number.as_str())),
        "{days}"
    );
    let technician_id = cash["technician_id"].clone();
    let tomorrow = today + chrono::Duration::days(1);
    let count = |d: chrono::NaiveDate, amount: i64| json!({"technician_id": technician_id, "day": d.to_string(), "counted": {"amount_minor": amount, "currency": "CNY"}});
    let (s, p) = api
        .post("/cash-reconciliations", &count(tomorrow, 9000))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("day")),
        "{p}"
    );
    let (s, rec) = api.post("/cash-reconciliations", &count(day, 9000)).await;
    assert_eq!(s, 201, "{rec}");
    assert_eq!(
        (
            rec["status"].as_str(),
            rec["variance"]["amount_minor"].as_i64()
        ),
        (Some("awaiting_approval"), Some(-1000))
    );
    let (s, _) = api.post("/cash-reconciliations", &count(day, 10000)).await;
    assert_eq!(s, 409, "a day is counted once");
    let approval = format!(
        "/cash-reconciliations/{}/approval",
        rec["id"].as_str().unwrap()
    );
    let (s, p) = api.post(&approval, &json!({"note": ""})).await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("note")));
    let (s, ok) = api
        .post(
            &approval,
            &json!({"note": "¥10 change given, receipt seen"}),
        )
        .await;
    assert_eq!((s, ok["status"].as_str()), (201, Some("approved")), "{ok}");
    assert_eq!(api.post(&approval, &json!({"note": "again"})).await.0, 409);
    let e = last_billing_event(&sys, "billing.cash.reconciled").await;
    assert_eq!(e["data"]["status"], "approved");

    // A credit note corrects the receipt; never more than is owed.
    let credit = format!("/invoices/{number}/credit-notes");
    let (s, p) = api
        .post(&credit, &json!({"amount": {"amount_minor": 50000, "currency": "CNY"}, "reason": "labour overstated"}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("more_than_owed")),
        "{p}"
    );
    let (s, cn) = api
        .post(&credit, &json!({"amount": {"amount_minor": 4200, "currency": "CNY"}, "reason": "goodwill for the delay"}))
        .await;
    assert_eq!(s, 201, "{cn}");
    assert!(cn["number"].as_str().unwrap().starts_with("CN"));
    let (_, notes) = api.get(&credit).await;
    assert_eq!(notes["items"][0]["number"], cn["number"]);
    assert_eq!(
        last_billing_event(&sys, "billing.credit_note.issued").await["data"]["number"],
        cn["number"]
    );
    let (_, r) = api.get(&format!("/invoices/{number}")).await;
    assert_eq!(
        (
            r["credited"]["amount_minor"].as_i64(),
            r["outstanding"]["amount_minor"].as_i64()
        ),
        (Some(4200), Some(40000))
    );

    // The customer signs an IOU for the rest; receivables show it.
    let iou = format!("/invoices/{number}/iou");
    let (s, p) = api
        .post(&iou, &json!({"signed_by": "Ms Chen", "promised_on": (today + chrono::Duration::days(400)).to_string()}))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("promised_on")),
        "{p}"
    );
    let promised = today + chrono::Duration::days(30);
    let (s, r) = api
        .post(
            &iou,
            &json!({"signed_by": "Ms Chen", "promised_on": promised.to_string()}),
        )
        .await;
    assert_eq!(
        (s, r["iou"]["signed_by"].as_str()),
        (201, Some("Ms Chen")),
        "{r}"
    );
    let (_, ageing) = api
        .get(&format!("/reports/receivables?as_of={today}"))
        .await;
    assert_eq!(
        ageing["items"][0]["iou_promised_on"],
        promised.to_string(),
        "{ageing}"
    );
    assert_eq!(ageing["items"][0]["outstanding"]["amount_minor"], 40000);

    // Revenue by technician: charged, credited, net and the discount given.
    let range = format!(
        "from={}&to={}",
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1)
    );
    let (s, rev) = api
        .get(&format!("/reports/revenue?{range}&group_by=technician"))
        .await;
    assert_eq!(s, 200, "{rev}");
    let row = &rev["rows"][0];
    assert_eq!(row["key"], "Li Wei");
    assert_eq!(
        [
            &row["receipts"],
            &row["charged_minor"],
            &row["credited_minor"],
            &row["net_minor"],
            &row["discount_minor"]
        ],
        [
            &json!(1),
            &json!(54200),
            &json!(4200),
            &json!(50000),
            &json!(1800)
        ]
    );
    assert_eq!(rev["total"]["at_price_minor"], 56000);
    let (s, p) = api
        .get(&format!("/reports/revenue?{range}&group_by=colour"))
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("group_by"))
    );
    let (s, p) = api
        .get(&format!("/reports/revenue?from={today}&to={yesterday}"))
        .await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("to")));

    // An approved return is owed a refund; finance pays it once.
    let mut ret = ticket_body("SN-R-9");
    ret["type"] = json!("return");
    ret["machine"]["purchase_date"] = json!((today - chrono::Duration::days(2)).to_string());
    ret["return_reason"] = json!("defective");
    let (s, r) = api.post("/tickets", &ret).await;
    assert_eq!(s, 201, "{r}");
    let (s, v) = send(
        api,
        Method::POST,
        &format!("/tickets/{}/return-inspection", r["id"].as_str().unwrap()),
        Some(&r["version"]),
        json!({"outcome": "approved", "notes": "drum cracked on delivery"}),
    )
    .await;
    assert_eq!(s, 200, "{v}");
    let refund = aftercare_testkit::poll_for(WAIT, "the refund to be due", || async {
        let (_, v) = api.get("/refunds?status=due").await;
        v["items"].as_array().and_then(|a| a.first().cloned())
    })
    .await
    .unwrap();
    assert_eq!(refund["ticket_number"], r["number"]);
    let pay = format!("/refunds/{}/payment", refund["id"].as_str().unwrap());
    let body = json!({"amount": {"amount_minor": 268000, "currency": "CNY"}, "method": "bank_transfer", "reference": "BANK-77"});
    assert_eq!(
        send(api, Method::POST, &pay, None, body.clone()).await.0,
        428
    );
    let (s, p) = send(
        api,
        Method::POST,
        &pay,
        Some(&refund["version"]),
        json!({"amount": {"amount_minor": 0, "currency": "CNY"}, "method": "cash"}),
    )
    .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("amount.amount_minor"))
    );
    let (s, paid) = send(
        api,
        Method::POST,
        &pay,
        Some(&refund["version"]),
        body.clone(),
    )
    .await;
    assert_eq!((s, paid["status"].as_str()), (200, Some("paid")), "{paid}");
    assert_eq!(
        send(
            api,
            Method::POST,
            &pay,
            Some(&refund["version"]),
            body.clone()
        )
        .await
        .0,
        412
    );
    assert_eq!(
        send(api, Method::POST, &pay, Some(&paid["version"]), body)
            .await
            .0,
        409
    );
    assert_eq!(
        last_billing_event(&sys, "billing.refund.paid").await["data"]["reference"],
        "BANK-77"
    );
    let (_, due) = api.get("/refunds?status=due").await;
    assert_eq!(due["items"].as_array().map(Vec::len), Some(0));
}

#[tokio::test]
async fn money_flows_from_fee_schedule_to_reconciliation_on_sqlite() {
    money_flows_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn money_flows_from_fee_schedule_to_reconciliation_on_postgresql() {
    money_flows_through_the_gateway(Backend::Postgres).await;
}

/// Two billing replicas share the work: every visit gets exactly one receipt, the numbers
/// run from 1 without a gap, and a completion delivered again under a new message id
/// (a producer that re-sent it) changes nothing.
#[tokio::test]
async fn two_billing_replicas_issue_one_gapless_receipt_per_visit_on_postgresql() {
    let sys = System::new(Backend::Postgres).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let _second = sys.spawn(&["billing"], &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("DRUM-1", 100).await;
    const VISITS: usize = 12;
    let mut orders = Vec::new();
    for i in 0..VISITS {
        let t = api.open_ticket(&format!("SN-G{i}")).await;
        orders.push(api.assigned_work_order(t["id"].as_str().unwrap()).await);
    }
    let done = futures::future::join_all(orders.iter().enumerate().map(|(i, w)| {
        let parts = if i % 2 == 0 {
            json!([{"sku": "DRUM-1", "quantity": 1}])
        } else {
            json!([])
        };
        api.complete(w["id"].as_str().unwrap(), parts)
    }))
    .await;
    assert!(done.iter().all(|(s, _)| *s == 200), "{done:?}");
    aftercare_testkit::wait_until(WAIT, "a receipt for every visit", || async {
        sys.count("billing", "select count(*) from invoice").await == VISITS as i64
    })
    .await
    .unwrap();
    let year = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .format("%Y")
        .to_string();
    let numbers = sys
        .strings("billing", "select number from invoice order by number")
        .await;
    let want: Vec<String> = (1..=VISITS).map(|n| format!("R{year}-{n:06}")).collect();
    assert_eq!(numbers, want);

    // The same completion again, under a new envelope and message id.
    let js = sys.jetstream().await;
    let stream = js.get_stream("DISPATCH").await.unwrap();
    let last = stream
        .get_last_raw_message_by_subject("dispatch.workorder.completed")
        .await
        .unwrap();
    let mut envelope: Value = serde_json::from_slice(&last.payload).unwrap();
    let again = uuid::Uuid::now_v7().to_string();
    envelope["id"] = json!(again);
    let mut headers = async_nats::HeaderMap::new();
    headers.insert("Nats-Msg-Id", again.as_str());
    js.publish_with_headers(
        "dispatch.workorder.completed",
        headers,
        serde_json::to_vec(&envelope).unwrap().into(),
    )
    .await
    .unwrap()
    .await
    .unwrap();
    aftercare_testkit::wait_until(WAIT, "billing to take the copy", || async {
        sys.count(
            "billing",
            &format!("select count(*) from inbox where event_id = '{again}'"),
        )
        .await
            == 1
    })
    .await
    .unwrap();
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        VISITS as i64
    );
    assert_eq!(
        sys.count(
            "billing",
            "select count(distinct work_order_id) from invoice"
        )
        .await,
        VISITS as i64
    );
}

async fn renewals_and_reminders(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys
        .spawn(&ROLES, &[("AFTERCARE_JOB_INTERVAL_SECS", "1")])
        .await;
    let api = &sys.api;
    let js = sys.jetstream().await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let month_ago = |n: u32| today.checked_sub_months(chrono::Months::new(n)).unwrap();

    // A warranty ending in about three weeks, and a contract ending in three weeks.
    let (s, card) = api
        .post("/warranty-cards", &json!({"card_number": "WC-RN-1",
            "customer": {"company": "Yuexiu Law Office", "contacts": [{"name": "Mr Wu", "phones": ["13600136000"]}],
                         "address": "3 Yuexiu Rd", "district": "tianhe"},
            "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-RN-W",
                        "purchase_date": (month_ago(12) + chrono::Duration::days(21)).to_string()}}))
        .await;
    assert_eq!(s, 201, "{card}");
    let customer_id = card["customer"]["id"].as_str().unwrap().to_owned();
    let ends = today + chrono::Duration::days(21);
    let (s, k) = api
        .post("/contracts", &json!({"customer_id": customer_id, "customer_name": "Yuexiu Law Office",
            "district": "tianhe", "address": "3 Yuexiu Rd",
            "machines": [{"product_line": "copier", "brand": "Sharp", "model": "AR-5316", "serial": "SN-RN-K"}],
            "starts_on": (ends - chrono::Duration::days(364)).to_string(), "ends_on": ends.to_string(),
            "coverage": {"call_out": true, "labour": true, "parts": false, "visit_every_months": 0},
            "price": {"amount_minor": 240000, "currency": "CNY"}}))
        .await;
    assert_eq!(s, 201, "{k}");

    // Both are listed, and being inside the month before their end, called at once.
    let listed = aftercare_testkit::poll_for(WAIT, "two renewals followed up", || async {
        let (_, v) = api.get("/renewals?status=open").await;
        let items = v["items"].as_array().cloned().unwrap_or_default();
        (items.len() == 2 && items.iter().all(|r| r["follow_ups"] == 1)).then_some(items)
    })
    .await
    .unwrap();
    let contract = listed.iter().find(|r| r["kind"] == "contract").unwrap();
    let warranty = listed.iter().find(|r| r["kind"] == "warranty").unwrap();
    assert_eq!(contract["source"], k["number"]);
    assert_eq!(warranty["source"], "WC-RN-1");
    assert_eq!(
        contract["next_follow_up"],
        (today + chrono::Duration::days(7)).to_string()
    );
    // Several sweeps later: still one listing and one follow-up each.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(
        subject_messages(&js, "BILLING", "billing.renewal.listed")
            .await
            .len(),
        2
    );
    assert_eq!(
        subject_messages(&js, "BILLING", "billing.renewal.follow_up_due")
            .await
            .len(),
        2
    );

    // The warranty customer declines (with the reason); the contract is renewed.
    let path = |r: &Value| format!("/renewals/{}/outcome", r["id"].as_str().unwrap());
    let (s, p) = send(
        api,
        Method::POST,
        &path(warranty),
        Some(&warranty["version"]),
        json!({"outcome": "declined"}),
    )
    .await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("note")));
    let (s, d) = send(
        api,
        Method::POST,
        &path(warranty),
        Some(&warranty["version"]),
        json!({"outcome": "declined", "note": "buying a new machine"}),
    )
    .await;
    assert_eq!((s, d["status"].as_str()), (200, Some("declined")), "{d}");
    let (s, _) = send(
        api,
        Method::POST,
        &path(contract),
        None,
        json!({"outcome": "renewed"}),
    )
    .await;
    assert_eq!(s, 428);
    let (s, r) = send(
        api,
        Method::POST,
        &path(contract),
        Some(&contract["version"]),
        json!({"outcome": "renewed"}),
    )
    .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("renewed")), "{r}");
    let next = r["renewed_by"].as_str().unwrap().to_owned();
    let (_, nk) = api.get(&format!("/contracts/{next}")).await;
    assert_eq!(
        nk["starts_on"],
        (ends + chrono::Duration::days(1)).to_string()
    );
    assert_eq!(nk["price"]["amount_minor"], 240000);
    assert_eq!(nk["machines"][0]["serial"], "SN-RN-K");
    assert_eq!(
        send(
            api,
            Method::POST,
            &path(contract),
            Some(&r["version"]),
            json!({"outcome": "declined", "note": "x"})
        )
        .await
        .0,
        409
    );
    let (s, m) = api
        .get(&format!(
            "/reports/contracts-signed?month={}",
            &today.to_string()[..7]
        ))
        .await;
    assert_eq!(s, 200, "{m}");
    assert_eq!(
        (m["new"].as_u64(), m["renewals"].as_u64()),
        (Some(1), Some(1)),
        "{m}"
    );
    assert_eq!(m["total_minor"], 480000);
    // The months the two covers end in count one renewal won and one lost.
    let mut months: Vec<String> = [contract, warranty]
        .iter()
        .map(|r| r["ends_on"].as_str().unwrap()[..7].to_owned())
        .collect();
    months.dedup();
    let mut ending = [0, 0, 0, 0, 0];
    for month in &months {
        let (s, m) = api
            .get(&format!("/reports/contracts-signed?month={month}"))
            .await;
        assert_eq!(s, 200, "{m}");
        for (n, k) in ["ending", "renewed", "declined", "lapsed", "open"]
            .iter()
            .enumerate()
        {
            ending[n] += m["ending"][k].as_u64().unwrap();
        }
    }
    assert_eq!(ending, [2, 1, 1, 0, 0], "{months:?}");
    let (s, p) = api.get("/reports/contracts-signed?month=someday").await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("month")));

    // A receipt unpaid for 45 days is chased once; a week after that chase, again.
    api.technician().await;
    let t = api.open_ticket("SN-OD-1").await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    assert_eq!(
        api.complete(wo["id"].as_str().unwrap(), json!([])).await.0,
        200
    );
    let receipt = api.receipt(wo["id"].as_str().unwrap()).await;
    let number = receipt["number"].as_str().unwrap().to_owned();
    let reminders = || async {
        subject_messages(&js, "BILLING", "billing.receivable.overdue")
            .await
            .into_iter()
            .filter(|e| e["data"]["number"] == number.as_str())
            .collect::<Vec<_>>()
    };
    // A long tail of old debts chased this week does not hide it from the sweep.
    sys.execute(
        "billing",
        &format!(
            "with recursive n(i) as (select 1 union all select i + 1 from n where i < 1200)
             insert into invoice (invoice_id, number, work_order_id, ticket_id, customer_name,
                 lines, currency, total_minor, charged_minor, issued_at, issued_day, chased_on)
             select 'old-' || i, 'R2020-' || i, 'wo-old-' || i, 'ticket-old', 'Old debtor', '[]',
                 'CNY', 1000, 1000, 0, '2020-01-01', '{today}' from n"
        ),
    )
    .await;
    sys.execute(
        "billing",
        &format!(
            "update invoice set issued_day = '{}' where number = '{number}'",
            today - chrono::Duration::days(45)
        ),
    )
    .await;
    let first = aftercare_testkit::poll_for(WAIT, "the overdue reminder", || async {
        let r = reminders().await;
        (!r.is_empty()).then_some(r)
    })
    .await
    .unwrap();
    assert_eq!(first[0]["data"]["bucket"], "days31_to60");
    assert_eq!(first[0]["data"]["age_days"], 45);
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(reminders().await.len(), 1, "once a week");
    sys.execute(
        "billing",
        &format!(
            "update invoice set issued_day = '{}', chased_on = '{}' where number = '{number}'",
            today - chrono::Duration::days(100),
            today - chrono::Duration::days(7)
        ),
    )
    .await;
    let both = aftercare_testkit::poll_for(WAIT, "the second reminder", || async {
        let r = reminders().await;
        (r.len() == 2).then_some(r)
    })
    .await
    .unwrap();
    assert_eq!(both[1]["data"]["bucket"], "over90");

    // The customer signs an IOU for today; once that day has passed unpaid, one reminder.
    let (s, r) = api
        .post(
            &format!("/invoices/{number}/iou"),
            &json!({"signed_by": "Mr Wu", "promised_on": today.to_string()}),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(
        reminders().await.len(),
        2,
        "not before the promised day has passed"
    );
    let yesterday = today - chrono::Duration::days(1);
    sys.execute(
        "billing",
        &format!(
            "update invoice set iou = replace(iou, '{today}', '{yesterday}'), iou_promised_on = '{yesterday}'
             where number = '{number}'"
        ),
    )
    .await;
    let all = aftercare_testkit::poll_for(WAIT, "the IOU reminder", || async {
        let r = reminders().await;
        (r.len() == 3).then_some(r)
    })
    .await
    .unwrap();
    assert_eq!(all[2]["data"]["iou_promised_on"], yesterday.to_string());
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(reminders().await.len(), 3, "once per IOU");
}

/// The cashier signs a contract from the console: finds the customer (contact details
/// masked, never revealed), lists their machines, records the contract; when it comes up
/// for renewal, renews it at a price of their own. Roles without the right are refused.
async fn a_cashier_signs_and_renews(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys
        .spawn(&ROLES, &[("AFTERCARE_JOB_INTERVAL_SECS", "1")])
        .await;
    let api = &sys.api;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let (s, card) = api
        .post("/warranty-cards", &json!({"card_number": "WC-CS-1",
            "customer": {"company": "Panyu Print Shop", "contacts": [{"name": "Ms He", "phones": ["13500135123"]}],
                         "address": "12 Panyu Ave", "district": "haizhu"},
            "machine": {"product_line": "copier", "brand": "Canon", "model": "iR-2206", "serial": "SN-CS-1",
                        "purchase_date": (today - chrono::Duration::days(700)).to_string()}}))
        .await;
    assert_eq!(s, 201, "{card}");
    let customer_id = card["customer"]["id"].as_str().unwrap().to_owned();
    let (cashier, _) = account_and_record(api, "cashier-cs", "finance", json!({})).await;
    let (clerk, _) = account_and_record(api, "clerk-cs", "warehouse", json!({})).await;

    // Found by name with the phone and address masked; no export, no reveal.
    let (s, found) = cashier.get("/customers?name=Panyu%20Print").await;
    assert_eq!(s, 200, "{found}");
    let c = &found["items"][0];
    assert_eq!(
        (found["items"].as_array().unwrap().len(), c["id"].as_str()),
        (1, Some(customer_id.as_str()))
    );
    let phone = c["contacts"][0]["phones"][0].as_str().unwrap();
    assert!(phone.contains('*') && phone.ends_with("5123"), "{phone}");
    assert_ne!(c["address"], "12 Panyu Ave");
    let (s, _) = cashier
        .get("/customers?name=Panyu&personal_data=show")
        .await;
    assert_eq!(s, 403);
    let (s, _) = cashier
        .get(&format!(
            "/customers/{customer_id}?personal_data=show&reason=signing%20a%20contract"
        ))
        .await;
    assert_eq!(s, 403);
    assert_eq!(clerk.get("/customers?name=Panyu").await.0, 403);
    assert_eq!(
        clerk
            .get(&format!("/customers/{customer_id}/machines"))
            .await
            .0,
        403
    );

    // The customer's machines, then the contract covering the copier.
    let (s, machines) = cashier
        .get(&format!("/customers/{customer_id}/machines"))
        .await;
    assert_eq!(s, 200, "{machines}");
    let m = &machines["items"][0];
    assert_eq!(m["serial"], "SN-CS-1");
    let ends = today + chrono::Duration::days(20);
    let body = |starts: chrono::NaiveDate, ends: chrono::NaiveDate| {
        json!({"customer_id": customer_id, "customer_name": c["company"], "district": c["district"],
            "address": "12 Panyu Ave, 3rd floor",
            "machines": [{"product_line": m["product_line"], "brand": m["brand"], "model": m["model"], "serial": m["serial"]}],
            "starts_on": starts.to_string(), "ends_on": ends.to_string(),
            "coverage": {"call_out": true, "labour": true, "parts": true, "visit_every_months": 3},
            "price": {"amount_minor": 180000, "currency": "CNY"}})
    };
    let (s, p) = cashier.post("/contracts", &body(ends, today)).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("ends_on")),
        "{p}"
    );
    assert_eq!(clerk.post("/contracts", &body(today, ends)).await.0, 403);
    let (s, k) = cashier
        .post(
            "/contracts",
            &body(ends - chrono::Duration::days(364), ends),
        )
        .await;
    assert_eq!(s, 201, "{k}");
    assert_eq!(k["customer_name"], "Panyu Print Shop");
    assert_eq!(k["machines"][0]["serial"], "SN-CS-1");

    // Ending within the month, it is listed for renewal at its price and followed up at
    // once; renewed at a new price.
    let renewal = aftercare_testkit::poll_for(WAIT, "the contract's renewal", || async {
        let (_, v) = cashier.get("/renewals?status=open").await;
        v["items"].as_array().and_then(|a| {
            a.iter()
                .find(|r| r["source"] == k["number"] && r["follow_ups"] == 1)
                .cloned()
        })
    })
    .await
    .unwrap();
    assert_eq!(renewal["price"]["amount_minor"], 180000);
    let path = format!("/renewals/{}/outcome", renewal["id"].as_str().unwrap());
    let (s, p) = send(
        &cashier,
        Method::POST,
        &path,
        Some(&renewal["version"]),
        json!({"outcome": "renewed", "price": {"amount_minor": -5, "currency": "CNY"}}),
    )
    .await;
    assert_eq!(s, 422, "{p}");
    assert!(
        p["errors"][0]["field"]
            .as_str()
            .unwrap()
            .starts_with("price"),
        "{p}"
    );
    let (s, r) = send(
        &cashier,
        Method::POST,
        &path,
        Some(&renewal["version"]),
        json!({"outcome": "renewed", "price": {"amount_minor": 198000, "currency": "CNY"}}),
    )
    .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("renewed")), "{r}");
    let (_, next) = cashier
        .get(&format!("/contracts/{}", r["renewed_by"].as_str().unwrap()))
        .await;
    assert_eq!(next["price"]["amount_minor"], 198000);
    assert_eq!(
        next["starts_on"],
        (ends + chrono::Duration::days(1)).to_string()
    );
    assert_eq!(next["coverage"]["visit_every_months"], 3);
}

#[tokio::test]
async fn a_cashier_signs_a_contract_for_a_customers_machines_and_renews_it_on_sqlite() {
    a_cashier_signs_and_renews(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_cashier_signs_a_contract_for_a_customers_machines_and_renews_it_on_postgresql() {
    a_cashier_signs_and_renews(Backend::Postgres).await;
}

#[tokio::test]
async fn renewals_are_listed_followed_up_and_signed_and_debts_reminded_on_sqlite() {
    renewals_and_reminders(Backend::Sqlite).await;
}

#[tokio::test]
async fn renewals_are_listed_followed_up_and_signed_and_debts_reminded_on_postgresql() {
    renewals_and_reminders(Backend::Postgres).await;
}
