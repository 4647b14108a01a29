//! Billing through the gateway: an annual maintenance contract covers its machines'
//! visits as it says (consumables and uncovered lines stay chargeable), dispatch plans its
//! visits, and intake notes it on the machine. Bad input changes nothing.
use serde_json::json;

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
    let t = api.open_ticket("SN-K-1").await;
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
    let issued = receipt["issued_at"].as_str().unwrap()[..10].to_owned();
    let issued_on = chrono::NaiveDate::parse_from_str(&issued, "%Y-%m-%d").unwrap();
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
}

#[tokio::test]
async fn a_contract_covers_its_machines_and_plans_their_visits_on_sqlite() {
    contracts_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_contract_covers_its_machines_and_plans_their_visits_on_postgresql() {
    contracts_through_the_gateway(Backend::Postgres).await;
}
