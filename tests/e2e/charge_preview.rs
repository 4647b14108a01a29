//! The charge a visit will make, shown before the customer signs
//! (`POST /workorders/{id}/charge-preview`): priced by the rules the receipt is issued
//! with, so the receipt billing issues for the reported visit holds the same lines and
//! totals; the technician sees it for their own work orders only (another's is a 404),
//! the desk and the cashiers for any, the warehouse and customers not at all; a bad
//! input names its field; a visit waiting for parts shows its call-out and labour, one
//! that could not fix the machine no receipt. On SQLite and PostgreSQL.
use serde_json::{Value, json};

use crate::helpers::{Backend, ROLES, System, account, ticket_body};

/// The figures a receipt and a preview share.
fn figures(v: &Value) -> Value {
    json!({
        "lines": v["lines"],
        "total": v["total"],
        "total_charged": v["total_charged"],
        "tax_included": v["tax_included"],
        "tax_rate_bp": v["tax_rate_bp"],
        "fee_schedule_version": v["fee_schedule_version"],
    })
}

async fn charge_preview(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    api.part("DRUM-1", 5).await;
    let (s, toner) = api
        .post(
            "/parts",
            &json!({"sku": "TONER-1", "name": "Toner", "category": "consumable", "page_yield": 5000,
            "list_price": {"amount_minor": 9000, "currency": "CNY"}}),
        )
        .await;
    assert_eq!(s, 201, "{toner}");
    let (s, v) = api
        .post(
            "/parts/TONER-1/receipts",
            &json!({"quantity": 3, "location": "main", "reference": "PO-2"}),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    let technician = account(
        &sys.api,
        "tech@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let (s, other_tech) = api
        .post("/technicians", &json!({"name": "Zhao Min", "district": "haizhu", "skills": ["fax"], "daily_capacity": 5}))
        .await;
    assert_eq!(s, 201, "{other_tech}");
    let other = account(
        &sys.api,
        "other@example.com",
        "technician",
        json!({"technician_id": other_tech["id"]}),
    )
    .await;
    let finance = account(&sys.api, "cashier@example.com", "finance", json!({})).await;
    let agent = account(&sys.api, "agent@example.com", "agent", json!({})).await;
    let warehouse = account(&sys.api, "store@example.com", "warehouse", json!({})).await;

    let (s, t) = api.post("/tickets", &ticket_body("SN-PREVIEW-1")).await;
    assert_eq!(s, 201, "{t}");
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    assert_eq!(wo["technician_id"], tech["id"]);
    let wid = wo["id"].as_str().unwrap().to_owned();
    let path = format!("/workorders/{wid}/charge-preview");
    let finished = chrono::Utc::now() - chrono::Duration::minutes(1);
    let started = finished - chrono::Duration::minutes(50);
    let entered = json!({"started_at": started.to_rfc3339(), "finished_at": finished.to_rfc3339(),
        "parts": [{"sku": "DRUM-1", "quantity": 2}, {"sku": "TONER-1", "quantity": 1}]});

    // The technician on their own work order: call-out, 50 minutes as 4 started quarter
    // hours, two drums and a toner, each with why it is charged.
    let (s, preview) = technician.post(&path, &entered).await;
    assert_eq!(s, 200, "{preview}");
    assert_eq!(preview["work_order_id"], wid.as_str());
    assert_eq!(preview["receipt"], true);
    let kinds: Vec<&str> = preview["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["call_out", "labour", "part", "part"], "{preview}");
    assert_eq!(preview["lines"][1]["quantity"], 4);
    // The labour line says how it was counted: the minutes on site and the started quarter
    // hours, each at a quarter of the schedule's hourly price.
    assert_eq!(
        preview["lines"][1]["labour"],
        json!({"minutes_on_site": 50, "quarter_hours": 4}),
        "{preview}"
    );
    let quarter = preview["lines"][1]["unit_price"]["amount_minor"]
        .as_i64()
        .unwrap();
    assert!(quarter > 0, "{preview}");
    assert_eq!(
        preview["lines"][1]["amount"]["amount_minor"].as_i64(),
        Some(4 * quarter)
    );
    for l in preview["lines"].as_array().unwrap() {
        assert_eq!(l["kind"] == "labour", l.get("labour").is_some(), "{l}");
    }
    assert_eq!(
        (
            preview["lines"][2]["sku"].as_str(),
            preview["lines"][2]["amount"]["amount_minor"].as_i64()
        ),
        (Some("DRUM-1"), Some(76000))
    );
    for l in preview["lines"].as_array().unwrap() {
        assert_eq!(l["coverage"], "chargeable", "{l}");
        assert!(!l["coverage_note"].as_str().unwrap().is_empty(), "{l}");
    }
    let sum: i64 = preview["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["charged"]["amount_minor"].as_i64().unwrap())
        .sum();
    assert_eq!(preview["total_charged"]["amount_minor"], sum);
    assert!(sum > 76000 + 9000, "call-out and labour are charged too");

    // The desk and the cashier see the same; the warehouse and a customer may not ask;
    // another technician's work order is not found.
    for who in [&finance, &agent, api] {
        let (s, v) = who.post(&path, &entered).await;
        assert_eq!((s, figures(&v)), (200, figures(&preview)));
    }
    assert_eq!(warehouse.post(&path, &entered).await.0, 403);
    let (s, _) = other.post(&path, &entered).await;
    assert_eq!(s, 404, "another technician's work order");
    let (s, _) = technician
        .post(
            "/workorders/0190f0f0-0000-7000-8000-000000000000/charge-preview",
            &entered,
        )
        .await;
    assert_eq!(s, 404);
    let (s, _) = sys
        .api
        .with_token("not-a-token")
        .post(&path, &entered)
        .await;
    assert_eq!(s, 401);

    // Bad input names its field.
    let field = |v: &Value| v["errors"][0]["field"].as_str().unwrap_or("").to_owned();
    let mut bad = entered.clone();
    bad["finished_at"] = json!((started - chrono::Duration::minutes(5)).to_rfc3339());
    let (s, p) = technician.post(&path, &bad).await;
    assert_eq!((s, field(&p).as_str()), (422, "finished_at"), "{p}");
    let mut bad = entered.clone();
    bad["parts"][1]["quantity"] = json!(0);
    let (s, p) = technician.post(&path, &bad).await;
    assert_eq!((s, field(&p).as_str()), (422, "parts[1].quantity"), "{p}");
    let mut bad = entered.clone();
    bad["fault"] = json!("Not A Code");
    let (s, p) = technician.post(&path, &bad).await;
    assert_eq!((s, field(&p).as_str()), (422, "fault"), "{p}");
    let mut bad = entered.clone();
    bad["outcome"] = json!("fixed_somehow");
    let (s, p) = technician.post(&path, &bad).await;
    assert_eq!(s, 422, "{p}");
    let (s, p) = technician
        .post(&path, &json!({"finished_at": finished.to_rfc3339()}))
        .await;
    assert_eq!(s, 422, "{p}");

    // Waiting for parts: the call-out and labour, the parts on the return visit's receipt;
    // not fixed: no receipt, nothing charged.
    let mut waiting = entered.clone();
    waiting["outcome"] = json!("waiting_for_parts");
    let (s, v) = technician.post(&path, &waiting).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["lines"].as_array().map(Vec::len), Some(2), "{v}");
    assert_eq!(v["lines"][0], preview["lines"][0]);
    assert_eq!(v["lines"][1], preview["lines"][1]);
    let mut not_fixed = entered.clone();
    not_fixed["outcome"] = json!("could_not_fix");
    let (s, v) = technician.post(&path, &not_fixed).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(
        (
            v["receipt"].as_bool(),
            v["lines"].as_array().map(Vec::len),
            v["total_charged"]["amount_minor"].as_i64()
        ),
        (Some(false), Some(0), Some(0)),
        "{v}"
    );

    // Nothing was stored: the visit is then reported as entered, and the receipt billing
    // issues holds exactly what the preview showed.
    assert_eq!(
        api.get(&format!("/invoices?work_order_id={wid}")).await.1["items"],
        json!([])
    );
    let (_, w) = technician.get(&format!("/workorders/{wid}")).await;
    let r = technician
        .request(reqwest::Method::POST, &format!("/workorders/{wid}/complete"))
        .await
        .header("if-match", format!("\"{}\"", w["version"]))
        .json(&json!({"diagnosis": "worn drum, toner low", "started_at": entered["started_at"],
            "finished_at": entered["finished_at"], "parts": entered["parts"], "parts_consent": true}))
        .send()
        .await
        .expect("complete");
    assert_eq!(r.status().as_u16(), 200);
    let receipt = api.receipt(&wid).await;
    assert_eq!(figures(&receipt), figures(&preview), "{receipt}");
    // Asked again after the receipt, the same visit still prices the same.
    let (s, again) = technician.post(&path, &entered).await;
    assert_eq!((s, figures(&again)), (200, figures(&receipt)));
}

#[tokio::test]
async fn the_charge_shown_before_signing_is_the_receipts_on_sqlite() {
    charge_preview(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_charge_shown_before_signing_is_the_receipts_on_postgresql() {
    charge_preview(Backend::Postgres).await;
}
