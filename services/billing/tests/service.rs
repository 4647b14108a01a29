//! Billing alone, in this process, on a temporary database and a real nats-server:
//! completed visits and the parts inventory priced are published as dispatch and
//! inventory publish them, requests are sent as the gateway sends them, and the receipts
//! and claims billing stores, numbers and announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_billing::Config;
use aftercare_contracts::dispatch::{
    PartUsed, VisitOnSite, WorkOrderCompleted, WorkOrderWaitingForParts, WorkType,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::inventory::{ConsumedLine, StockConsumed};
use aftercare_contracts::{Envelope, Event, Money, Service};
use aftercare_testkit::fixtures::work_order_completed;
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;

async fn each_visit_gets_one_receipt_under_the_next_number(backend: TestBackend) {
    let svc = ServiceHarness::start(Service::Billing, backend, |bus, url, settings| async move {
        aftercare_billing::build(bus, &url, settings, Config::default()).await
    })
    .await
    .unwrap();
    let now = Utc::now();
    let first = work_order_completed(now - chrono::Duration::minutes(30));
    let second = work_order_completed(now - chrono::Duration::minutes(10));
    let payload = serde_json::to_vec(&Envelope::new(first.clone(), None)).unwrap();
    // The first visit is delivered twice under two message ids.
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1-again", payload)
        .await
        .unwrap();
    svc.publish(&Envelope::new(second.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let mut numbers = Vec::new();
    for visit in [&first, &second] {
        let issued = svc
            .next_published("billing.invoice.issued", |e| {
                e["data"]["work_order_id"] == json!(visit.work_order_id)
            })
            .await
            .unwrap();
        numbers.push(issued["data"]["number"].as_str().unwrap().to_owned());
    }
    assert_eq!(svc.published("billing.invoice.issued").len(), 2);
    assert_eq!(
        svc.db()
            .count("select count(*) from invoice")
            .await
            .unwrap(),
        2
    );
    // Gapless: the second receipt takes the number after the first.
    let seq = |n: &str| n.rsplit('-').next().unwrap().parse::<u64>().unwrap();
    assert!(numbers[0].starts_with('R'), "{numbers:?}");
    assert_eq!(seq(&numbers[1]), seq(&numbers[0]) + 1, "{numbers:?}");
}

#[tokio::test]
async fn each_visit_gets_one_receipt_under_the_next_number_on_sqlite() {
    each_visit_gets_one_receipt_under_the_next_number(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn each_visit_gets_one_receipt_under_the_next_number_on_postgresql() {
    each_visit_gets_one_receipt_under_the_next_number(TestBackend::Postgres).await;
}

async fn billing(backend: TestBackend) -> ServiceHarness {
    ServiceHarness::start(Service::Billing, backend, |bus, url, settings| async move {
        aftercare_billing::build(bus, &url, settings, Config::default()).await
    })
    .await
    .unwrap()
}

/// Sends a request that must succeed.
async fn ok(svc: &ServiceHarness, name: &str, body: Value) -> Value {
    svc.ok(name, body, None).await
}

/// Sends a request that must be refused, and returns the refusal.
async fn refused(
    svc: &ServiceHarness,
    name: &str,
    body: Value,
) -> aftercare_contracts::ServiceError {
    svc.refused(name, body, None).await
}

/// A Canon copier bought `months_ago` months ago is repaired (50 minutes, one drum at
/// ¥380): dispatch reports the visit, inventory the priced drum; returns its receipt.
async fn canon_visit(svc: &ServiceHarness, serial: &str, months_ago: u32) -> Value {
    let bought = (Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .checked_sub_months(chrono::Months::new(months_ago))
        .unwrap();
    // Finished just now, so today's fee schedule prices it.
    let mut visit = work_order_completed(Utc::now() - chrono::Duration::minutes(1));
    visit.started_at = visit.finished_at - chrono::Duration::minutes(50);
    visit.machine = Some(MachineInfo {
        product_line: "copier".into(),
        brand: "Canon".into(),
        model: "iR-2204".into(),
        serial: serial.into(),
        purchase_date: Some(bought),
    });
    visit.parts = vec![PartUsed {
        sku: "DRUM-1".into(),
        quantity: 1,
        location: None,
    }];
    let priced = StockConsumed {
        work_order_id: visit.work_order_id,
        ticket_id: visit.ticket_id,
        lines: vec![ConsumedLine {
            sku: "DRUM-1".into(),
            name: Some("Drum unit".into()),
            quantity: 1,
            taken: 1,
            shortfall: 0,
            unit_price: Some(Money::cny(38000)),
            consumable: false,
        }],
    };
    svc.publish(&Envelope::new(visit.clone(), None))
        .await
        .unwrap();
    svc.publish(&Envelope::new(priced, None)).await.unwrap();
    svc.next_published("billing.invoice.issued", |e| {
        e["data"]["work_order_id"] == json!(visit.work_order_id)
    })
    .await
    .unwrap();
    let page = ok(
        svc,
        "invoice.list",
        json!({"work_order_id": visit.work_order_id.to_string()}),
    )
    .await;
    page["items"][0].clone()
}

/// A repair that needs a return visit for a missing part (待修) is charged visit by visit:
/// the first visit's call-out and labour when it ends waiting for parts (cash collected
/// then is booked against that receipt), the return visit's labour and parts when it is
/// reported, without a second call-out.
async fn a_repair_waiting_for_parts_is_charged_its_call_out_once(backend: TestBackend) {
    let svc = billing(backend).await;
    let finished = Utc::now() - chrono::Duration::minutes(5);
    let first = work_order_completed(finished);
    let waiting = WorkOrderWaitingForParts {
        work_order_id: first.work_order_id,
        number: "W2026-000101".into(),
        ticket_id: first.ticket_id,
        technician_id: first.technician_id,
        revisit_work_order_id: Uuid::now_v7(),
        revisit_number: "W2026-000102".into(),
        parts_needed: vec![PartUsed {
            sku: "DRUM-1".into(),
            quantity: 1,
            location: None,
        }],
        diagnosis: "drum scratched".into(),
        at: finished,
        visit: Some(VisitOnSite {
            technician_name: first.technician_name.clone(),
            team: first.team.clone(),
            customer_name: first.customer_name.clone(),
            district: first.district.clone(),
            machine: None,
            work_type: WorkType::Repair,
            fault: None,
            started_at: finished - chrono::Duration::minutes(40),
            finished_at: finished,
            cash_collected: Some(Money::cny(5000)),
        }),
    };
    let payload = serde_json::to_vec(&Envelope::new(waiting.clone(), None)).unwrap();
    svc.publish_raw(WorkOrderWaitingForParts::TYPE, "waiting-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(WorkOrderWaitingForParts::TYPE, "waiting-1-again", payload)
        .await
        .unwrap();
    // A version 1 event does not carry the visit: nothing is charged for it.
    let mut v1 = serde_json::to_value(Envelope::new(
        WorkOrderWaitingForParts {
            work_order_id: Uuid::now_v7(),
            visit: None,
            ..waiting.clone()
        },
        None,
    ))
    .unwrap();
    v1["version"] = json!(1);
    svc.publish_raw(
        WorkOrderWaitingForParts::TYPE,
        "waiting-v1",
        serde_json::to_vec(&v1).unwrap(),
    )
    .await
    .unwrap();
    svc.next_published("billing.invoice.issued", |e| {
        e["data"]["work_order_id"] == json!(first.work_order_id)
    })
    .await
    .unwrap();
    let receipt = |id: Uuid| {
        let svc = &svc;
        async move {
            let page = ok(
                svc,
                "invoice.list",
                json!({"work_order_id": id.to_string()}),
            )
            .await;
            page["items"][0].clone()
        }
    };
    let charged = |r: &Value| -> Vec<(String, i64)> {
        r["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["kind"].as_str().unwrap().to_owned(),
                    l["charged"]["amount_minor"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let r1 = receipt(first.work_order_id).await;
    // Call-out ¥50 and 40 minutes as three quarter hours at ¥30; no parts yet.
    assert_eq!(
        charged(&r1),
        [("call_out".to_owned(), 5000), ("labour".to_owned(), 9000)],
        "{r1}"
    );
    assert_eq!(r1["total_charged"]["amount_minor"], 14000);
    assert_eq!(
        r1["outstanding"]["amount_minor"], 9000,
        "the cash collected on the first visit pays its receipt"
    );

    // The return visit brings the drum: labour and the part, no second call-out.
    let mut revisit = work_order_completed(Utc::now() - chrono::Duration::minutes(1));
    revisit.work_order_id = waiting.revisit_work_order_id;
    revisit.number = waiting.revisit_number.clone();
    revisit.ticket_id = first.ticket_id;
    revisit.started_at = revisit.finished_at - chrono::Duration::minutes(30);
    revisit.revisit_of = Some(first.work_order_id);
    revisit.parts = waiting.parts_needed.clone();
    svc.publish(&Envelope::new(revisit.clone(), None))
        .await
        .unwrap();
    svc.publish(&Envelope::new(
        StockConsumed {
            work_order_id: revisit.work_order_id,
            ticket_id: revisit.ticket_id,
            lines: vec![ConsumedLine {
                sku: "DRUM-1".into(),
                name: Some("Drum unit".into()),
                quantity: 1,
                taken: 1,
                shortfall: 0,
                unit_price: Some(Money::cny(38000)),
                consumable: false,
            }],
        },
        None,
    ))
    .await
    .unwrap();
    svc.next_published("billing.invoice.issued", |e| {
        e["data"]["work_order_id"] == json!(revisit.work_order_id)
    })
    .await
    .unwrap();
    svc.settled().await.unwrap();
    let r2 = receipt(revisit.work_order_id).await;
    assert_eq!(
        charged(&r2),
        [
            ("call_out".to_owned(), 0),
            ("labour".to_owned(), 6000),
            ("part".to_owned(), 38000)
        ],
        "{r2}"
    );
    assert_eq!(r2["lines"][0]["amount"]["amount_minor"], 0);
    assert_eq!(
        r2["lines"][0]["coverage_note"],
        json!(format!(
            "return visit: the call-out was charged once, on receipt {}",
            r1["number"].as_str().unwrap()
        ))
    );
    assert_eq!(
        svc.db()
            .count("select count(*) from invoice")
            .await
            .unwrap(),
        2,
        "one receipt per visit, none for the version 1 event"
    );
    let cash = ok(
        &svc,
        "cash.day",
        json!({"day": (finished + chrono::Duration::hours(8)).date_naive().to_string()}),
    )
    .await;
    assert!(cash.to_string().contains("W2026-000101"), "{cash}");
}

#[tokio::test]
async fn a_repair_waiting_for_parts_is_charged_its_call_out_once_on_sqlite() {
    a_repair_waiting_for_parts_is_charged_its_call_out_once(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_repair_waiting_for_parts_is_charged_its_call_out_once_on_postgresql() {
    a_repair_waiting_for_parts_is_charged_its_call_out_once(TestBackend::Postgres).await;
}

/// A machine's first training visit is free (recorded at price under `free_training`),
/// its second is charged; another machine's first is free again.
async fn only_a_machines_first_training_is_free(backend: TestBackend) {
    let svc = billing(backend).await;
    let training = |serial: &str, minutes_ago: i64| {
        let mut v = work_order_completed(Utc::now() - chrono::Duration::minutes(minutes_ago));
        v.work_type = WorkType::Training;
        v.machine = Some(MachineInfo {
            product_line: "copier".into(),
            brand: "Sharp".into(),
            model: "AR-2048".into(),
            serial: serial.into(),
            purchase_date: None,
        });
        v
    };
    let receipt_of = |v: WorkOrderCompleted| {
        let svc = &svc;
        async move {
            svc.publish(&Envelope::new(v.clone(), None)).await.unwrap();
            svc.next_published("billing.invoice.issued", |e| {
                e["data"]["work_order_id"] == json!(v.work_order_id)
            })
            .await
            .unwrap();
            ok(
                svc,
                "invoice.list",
                json!({"work_order_id": v.work_order_id.to_string()}),
            )
            .await["items"][0]
                .clone()
        }
    };
    let lines = |r: &Value| -> Vec<(String, i64, i64)> {
        r["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["coverage"].as_str().unwrap().to_owned(),
                    l["amount"]["amount_minor"].as_i64().unwrap(),
                    l["charged"]["amount_minor"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    let first = receipt_of(training("TR-1", 30)).await;
    // Call-out ¥50 and 45 minutes (three quarter hours at ¥30), at price, charged nothing.
    let free = |amount: i64| ("free_training".to_owned(), amount, 0);
    assert_eq!(lines(&first), [free(5000), free(9000)], "{first}");
    assert_eq!(
        first["lines"][0]["coverage_note"],
        "the machine's first training is free"
    );
    let second = receipt_of(training("tr 1", 20)).await;
    assert_eq!(
        lines(&second),
        [
            ("chargeable".to_owned(), 5000, 5000),
            ("chargeable".to_owned(), 9000, 9000)
        ],
        "the same machine (serial written otherwise): {second}"
    );
    assert_eq!(
        second["lines"][1]["coverage_note"],
        "training 2 of the machine: only the first is free"
    );
    let other = receipt_of(training("TR-2", 10)).await;
    assert_eq!(lines(&other), [free(5000), free(9000)], "{other}");
}

#[tokio::test]
async fn only_a_machines_first_training_is_free_on_sqlite() {
    only_a_machines_first_training_is_free(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn only_a_machines_first_training_is_free_on_postgresql() {
    only_a_machines_first_training_is_free(TestBackend::Postgres).await;
}

/// Receipts are listed newest number first a page at a time, by state, by number or
/// customer name and by day of issue; a receipt's payments are read back.
async fn receipts_are_searched_by_state_name_and_day(backend: TestBackend) {
    let svc = billing(backend).await;
    let a = canon_visit(&svc, "CN-S1", 30).await;
    let b = canon_visit(&svc, "CN-S2", 30).await;
    let c = canon_visit(&svc, "CN-S3", 30).await;
    ok(
        &svc,
        "payment.record",
        json!({"invoice_id": b["id"], "method": "alipay", "amount": b["outstanding"], "reference": "ALI-1"}),
    )
    .await;
    let numbers = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["number"].as_str().unwrap().to_owned())
            .collect()
    };
    let n = |r: &Value| r["number"].as_str().unwrap().to_owned();
    let first = ok(&svc, "invoice.list", json!({"limit": 2})).await;
    assert_eq!(numbers(&first), [n(&c), n(&b)]);
    assert_eq!(first["next_cursor"], json!(n(&b)));
    let rest = ok(
        &svc,
        "invoice.list",
        json!({"limit": 2, "cursor": first["next_cursor"]}),
    )
    .await;
    assert_eq!(numbers(&rest), [n(&a)]);
    assert!(rest["next_cursor"].is_null(), "{rest}");
    let open = ok(&svc, "invoice.list", json!({"state": "open"})).await;
    assert_eq!(numbers(&open), [n(&c), n(&a)]);
    let settled = ok(&svc, "invoice.list", json!({"state": "settled"})).await;
    assert_eq!(numbers(&settled), [n(&b)]);
    let by_name = ok(&svc, "invoice.list", json!({"q": "tianhe PRINT"})).await;
    assert_eq!(numbers(&by_name).len(), 3);
    let by_number = ok(&svc, "invoice.list", json!({"q": n(&a).to_lowercase()})).await;
    assert_eq!(numbers(&by_number), [n(&a)]);
    for q in ["nobody", "%", "_"] {
        let none = ok(&svc, "invoice.list", json!({"q": q})).await;
        assert_eq!(numbers(&none).len(), 0, "{q}");
    }
    let today = (Utc::now() + chrono::Duration::hours(8)).date_naive();
    let tomorrow = today + chrono::Duration::days(1);
    let on_day = ok(
        &svc,
        "invoice.list",
        json!({"from": today.to_string(), "to": today.to_string()}),
    )
    .await;
    assert_eq!(numbers(&on_day).len(), 3);
    let later = ok(&svc, "invoice.list", json!({"from": tomorrow.to_string()})).await;
    assert_eq!(numbers(&later).len(), 0);
    let e = refused(&svc, "invoice.list", json!({"limit": 0})).await;
    assert_eq!((e.status, e.errors[0].field.as_str()), (422, "limit"));

    let paid = ok(&svc, "payment.list", json!({"id": n(&b)})).await;
    assert_eq!(paid["items"].as_array().unwrap().len(), 1, "{paid}");
    assert_eq!(
        (
            paid["items"][0]["method"].as_str(),
            paid["items"][0]["reference"].as_str(),
            &paid["items"][0]["amount"]
        ),
        (Some("alipay"), Some("ALI-1"), &b["outstanding"])
    );
    assert_eq!(
        refused(&svc, "payment.list", json!({"id": "R1900-000001"}))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn receipts_are_searched_by_state_name_and_day_on_sqlite() {
    receipts_are_searched_by_state_name_and_day(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn receipts_are_searched_by_state_name_and_day_on_postgresql() {
    receipts_are_searched_by_state_name_and_day(TestBackend::Postgres).await;
}

/// A brand's warranty work is claimed from the brand: the lines it covers on every
/// receipt merge into the brand's one open draft until it is submitted, the brand's
/// required fields come first, and the claim is decided and paid no more than claimed.
async fn brand_warranty_work_is_claimed_from_the_brand(backend: TestBackend) {
    let svc = billing(backend).await;
    let today = (Utc::now() + chrono::Duration::hours(8)).date_naive();
    ok(
        &svc,
        "fee_schedule.create",
        json!({"effective_from": today.to_string(), "terms": {
            "currency": "CNY", "call_out": [{"amount_minor": 5000}], "labour_per_hour_minor": 12000,
            "tax_rate_bp": 1300, "warranty_months": 12,
            "brand_warranties": [{"brand": "Canon", "months": 24, "covers_labour": true}]}}),
    )
    .await;
    let e = refused(
        &svc,
        "claim_requirements.save",
        json!({"brand": "canon", "required_fields": [""]}),
    )
    .await;
    assert_eq!(
        (e.status, e.errors[0].field.as_str()),
        (422, "required_fields[0]")
    );
    ok(
        &svc,
        "claim_requirements.save",
        json!({"brand": "Canon", "required_fields": ["dealer_code"]}),
    )
    .await;

    // Out of the dealer's year, inside Canon's two: Canon pays labour and the drum.
    let r1 = canon_visit(&svc, "CN-1", 18).await;
    let cov: Vec<&str> = r1["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["coverage"].as_str().unwrap())
        .collect();
    assert_eq!(
        cov,
        [
            "chargeable",
            "manufacturer_warranty",
            "manufacturer_warranty"
        ],
        "{r1}"
    );
    assert_eq!(r1["total_charged"]["amount_minor"], 5000);
    canon_visit(&svc, "CN-2", 13).await;
    let drafts = ok(
        &svc,
        "claim.list",
        json!({"status": "draft", "brand": "CANON"}),
    )
    .await;
    assert_eq!(
        drafts["items"].as_array().map(Vec::len),
        Some(1),
        "{drafts}"
    );
    let claim = drafts["items"][0].clone();
    assert_eq!(claim["lines"].as_array().map(Vec::len), Some(4), "{claim}");
    assert_eq!(claim["brand"], "Canon");
    assert_eq!(claim["total"]["amount_minor"], 2 * (12000 + 38000));
    assert_eq!(
        claim["removed_parts"],
        json!([{"sku": "DRUM-1", "quantity": 2}])
    );
    let id = claim["id"].as_str().unwrap().to_owned();

    // Submitting needs Canon's dealer code; fields are filled in on the draft.
    let submit =
        |version: &Value| json!({"claim_id": id, "to": "submitted", "expected_version": version});
    let e = refused(&svc, "claim.transition", submit(&claim["version"])).await;
    assert_eq!(
        (e.status, e.errors[0].field.as_str()),
        (422, "fields.dealer_code")
    );
    let filled = ok(
        &svc,
        "claim.fields",
        json!({"claim_id": id, "fields": {"dealer_code": "GZ-0042"}, "expected_version": claim["version"]}),
    )
    .await;
    assert_eq!(
        refused(&svc, "claim.transition", submit(&claim["version"]))
            .await
            .status,
        412
    );
    let sent = ok(&svc, "claim.transition", submit(&filled["version"])).await;
    assert_eq!(sent["status"], "submitted", "{sent}");
    let changed = svc
        .next_published("billing.claim.status_changed", |e| {
            e["data"]["id"] == json!(id)
        })
        .await
        .unwrap();
    assert_eq!(changed["data"]["status"], "submitted");

    // The next Canon visit opens a new draft; the submitted claim is left as it was.
    canon_visit(&svc, "CN-3", 20).await;
    let drafts = ok(&svc, "claim.list", json!({"status": "draft"})).await;
    assert_eq!(
        drafts["items"].as_array().map(Vec::len),
        Some(1),
        "{drafts}"
    );
    assert_ne!(drafts["items"][0]["id"], json!(id));
    let again = ok(&svc, "claim.get", json!({"id": id})).await;
    assert_eq!(again["lines"].as_array().map(Vec::len), Some(4));

    // Canon approves and pays (never more than claimed).
    let approved = ok(
        &svc,
        "claim.transition",
        json!({"claim_id": id, "to": "approved", "note": "approved in full", "expected_version": sent["version"]}),
    )
    .await;
    assert_eq!(approved["status"], "approved");
    let pay = |amount: i64| {
        json!({"claim_id": id, "to": "paid", "amount": {"amount_minor": amount, "currency": "CNY"},
            "expected_version": approved["version"]})
    };
    let e = refused(&svc, "claim.transition", pay(100_001)).await;
    assert_eq!(
        (e.status, e.errors[0].field.as_str()),
        (422, "amount.amount_minor")
    );
    let e = refused(
        &svc,
        "claim.transition",
        json!({"claim_id": id, "to": "submitted", "expected_version": approved["version"]}),
    )
    .await;
    assert_eq!((e.status, e.errors[0].code.as_str()), (422, "not_allowed"));
    let paid = ok(&svc, "claim.transition", pay(100_000)).await;
    assert_eq!(paid["paid"]["amount_minor"], 100_000, "{paid}");
    let report = ok(&svc, "report.claims", json!({})).await;
    let canon = &report["items"][0];
    assert_eq!(
        (
            canon["brand"].as_str(),
            canon["draft"].as_u64(),
            canon["submitted"].as_u64(),
            canon["approved"].as_u64()
        ),
        (Some("Canon"), Some(1), Some(0), Some(0)),
        "{report}"
    );
    assert_eq!(canon["draft_minor"], 12000 + 38000);
    // Revenue shows what the brand covers.
    let revenue = ok(
        &svc,
        "report.revenue",
        json!({"from": (today - chrono::Duration::days(1)).to_string(),
            "to": (today + chrono::Duration::days(1)).to_string(), "group_by": "month"}),
    )
    .await;
    assert_eq!(
        revenue["total"]["manufacturer_minor"],
        3 * (12000 + 38000),
        "{revenue}"
    );
}

#[tokio::test]
async fn brand_warranty_work_is_claimed_from_the_brand_on_sqlite() {
    brand_warranty_work_is_claimed_from_the_brand(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn brand_warranty_work_is_claimed_from_the_brand_on_postgresql() {
    brand_warranty_work_is_claimed_from_the_brand(TestBackend::Postgres).await;
}

#[tokio::test]
async fn a_receipt_issued_at_7_on_1_january_in_shanghai_is_numbered_in_the_new_year() {
    use chrono::TimeZone;
    // 23:00 UTC on 31 December 2026 is 07:00 on 1 January 2027 in Shanghai.
    let at = Utc
        .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
        .single()
        .unwrap();
    let svc = ServiceHarness::start(
        Service::Billing,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            let config = Config {
                clock: aftercare_platform::Clock::starting_at(at),
                ..Config::default()
            };
            aftercare_billing::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap();
    let visit = work_order_completed(at - chrono::Duration::minutes(30));
    svc.publish(&Envelope::new(visit.clone(), None))
        .await
        .unwrap();
    let issued = svc
        .next_published("billing.invoice.issued", |e| {
            e["data"]["work_order_id"] == json!(visit.work_order_id)
        })
        .await
        .unwrap();
    assert_eq!(issued["data"]["number"], "R2027-000001", "{issued}");
}

/// Billing on the harness's database and bus with its clock started at `at`: a replica
/// whose sweep reads that day as today.
fn billing_replica_at(
    svc: &ServiceHarness,
    at: chrono::DateTime<Utc>,
) -> tokio::task::JoinHandle<()> {
    let (bus, url) = (svc.bus().clone(), svc.db().url().to_owned());
    tokio::spawn(async move {
        let config = Config {
            clock: aftercare_platform::Clock::starting_at(at),
            ..Config::default()
        };
        let host = aftercare_billing::build(bus, &url, aftercare_testkit::test_settings(), config)
            .await
            .unwrap();
        host.run_until_stopped(Default::default()).await.unwrap();
    })
}

#[tokio::test]
async fn an_overdue_receipt_is_chased_every_week_while_it_owes_money() {
    use chrono::TimeZone;
    // 10:00 in Shanghai (UTC+8).
    let shanghai = |m: u32, d: u32| Utc.with_ymd_and_hms(2027, m, d, 2, 0, 0).single().unwrap();
    // Issued on Wednesday 20 January 2027 in Shanghai.
    let issued_at = shanghai(1, 20);
    let svc = ServiceHarness::start(
        Service::Billing,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            let config = Config {
                clock: aftercare_platform::Clock::starting_at(issued_at),
                ..Config::default()
            };
            aftercare_billing::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap();
    let visit = work_order_completed(issued_at - chrono::Duration::minutes(30));
    svc.publish(&Envelope::new(visit.clone(), None))
        .await
        .unwrap();
    svc.next_published("billing.invoice.issued", |e| {
        e["data"]["work_order_id"] == json!(visit.work_order_id)
    })
    .await
    .unwrap();
    let owed = svc
        .db()
        .count("select charged_minor - paid_minor - credited_minor from invoice")
        .await
        .unwrap();
    assert!(owed > 0, "the receipt owes {owed}");
    let chases = || async {
        svc.db()
            .staged("billing.receivable.overdue")
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.envelope["data"]["age_days"].as_i64().unwrap())
            .collect::<Vec<_>>()
    };
    let wait_for = |n: usize| async move {
        for _ in 0..100 {
            if chases().await.len() >= n {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        chases().await
    };
    assert_eq!(chases().await, Vec::<i64>::new(), "not overdue on its day");

    // Monday 1 March: 40 days old, in the 31-60 bucket, never chased: chased.
    let first = billing_replica_at(&svc, shanghai(3, 1));
    assert_eq!(wait_for(1).await, vec![40]);
    // Sunday, the last day of that week: nothing more is due.
    let six_days = billing_replica_at(&svc, shanghai(3, 7));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(chases().await, vec![40], "chased within the week");
    // The next Monday, still in the 31-60 bucket, it is chased again.
    let a_week = billing_replica_at(&svc, shanghai(3, 8));
    assert_eq!(wait_for(2).await, vec![40, 47]);
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    assert_eq!(chases().await, vec![40, 47], "once a week, not every sweep");
    // A sweep on Saturday 20 March, a day off, chases nothing although that week's chase
    // is still due; it goes out on the next working day, Monday 22 March.
    let saturday = billing_replica_at(&svc, shanghai(3, 20));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(chases().await, vec![40, 47], "no chase on a day off");
    let monday = billing_replica_at(&svc, shanghai(3, 22));
    assert_eq!(wait_for(3).await, vec![40, 47, 61]);
    for replica in [first, six_days, a_week, saturday, monday] {
        replica.abort();
    }
}

/// The company profile is a versioned setting: none at first, stored at the version read
/// with who stored it and when, a stale version or a bad field changing nothing.
async fn the_company_profile_is_kept_by_version(backend: TestBackend) {
    let svc = billing(backend).await;
    let admin = aftercare_contracts::Actor {
        user_id: "admin-7".into(),
        role: "admin".into(),
    };
    let first = ok(&svc, "company_profile.get", json!({})).await;
    assert_eq!(
        (&first["profile"], &first["version"], &first["updated_by"]),
        (&Value::Null, &json!(0), &Value::Null),
        "{first}"
    );
    let profile = json!({"name_zh": " 广州办公设备服务有限公司 ", "name_en": "Guangzhou Office Equipment Service",
        "address": "广州市天河区体育西路 1 号", "phone": "020-3888 1234", "tax_number": "91440101ma5cxxxx0x",
        "bank_name": "工商银行天河支行", "bank_account": "3602 0000 1234", "receipt_footer": "谢谢惠顾"});
    let stored = svc
        .ok(
            "company_profile.replace",
            json!({"profile": profile, "expected_version": 0}),
            Some(&admin),
        )
        .await;
    assert_eq!(stored["version"], 1, "{stored}");
    assert_eq!(stored["updated_by"], "admin-7");
    assert_eq!(stored["profile"]["name_zh"], "广州办公设备服务有限公司");
    assert_eq!(stored["profile"]["tax_number"], "91440101MA5CXXXX0X");
    assert!(stored["updated_at"].is_string(), "{stored}");
    assert_eq!(ok(&svc, "company_profile.get", json!({})).await, stored);

    let stale = svc
        .refused(
            "company_profile.replace",
            json!({"profile": profile, "expected_version": 0}),
            Some(&admin),
        )
        .await;
    assert_eq!(stale.status, 412, "{stale:?}");
    let mut bad = profile.clone();
    bad["tax_number"] = json!("12-34");
    bad["name_zh"] = json!(" ");
    let e = svc
        .refused(
            "company_profile.replace",
            json!({"profile": bad, "expected_version": 1}),
            Some(&admin),
        )
        .await;
    assert_eq!(e.status, 422);
    let named: Vec<_> = e.errors.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(
        named,
        vec!["profile.name_zh", "profile.tax_number"],
        "{e:?}"
    );
    assert_eq!(
        ok(&svc, "company_profile.get", json!({})).await["version"],
        1
    );
}

#[tokio::test]
async fn the_company_profile_is_kept_by_version_on_sqlite() {
    the_company_profile_is_kept_by_version(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_company_profile_is_kept_by_version_on_postgresql() {
    the_company_profile_is_kept_by_version(TestBackend::Postgres).await;
}
