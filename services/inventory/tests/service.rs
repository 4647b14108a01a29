//! Inventory alone, in this process, on a temporary database and a real nats-server, built
//! with the consumables lead time a test chooses: meter readings and completed visits are
//! published as dispatch publishes them, requests are sent as the gateway sends them, and
//! the contact tasks, consumptions, plans and purchase requests inventory keeps and
//! announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::dispatch::{MeterRead, PartUsed};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::{Actor, Envelope, Service};
use aftercare_inventory::Config;
use aftercare_testkit::fixtures::work_order_completed;
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::{Value, json};

async fn inventory(config: Config) -> ServiceHarness {
    let svc = ServiceHarness::start(
        Service::Inventory,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            aftercare_inventory::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap();
    let manager = Actor {
        user_id: "manager-1".into(),
        role: "manager".into(),
    };
    let _: Value = svc
        .request(
            "part.create",
            &json!({"sku": "TONER-K", "name": "Toner black",
                "list_price": {"amount_minor": 45000, "currency": "CNY"},
                "category": "consumable", "compatible_models": ["AR-2048"], "page_yield": 16000}),
            Some(&manager),
        )
        .await
        .unwrap();
    svc
}

/// Two readings ten days apart: 300 pages a day, 13,000 of the toner's 16,000 pages left,
/// so it runs out in about 43 days.
const TWO_READINGS: [(i64, u64); 2] = [(10, 100_000), (0, 103_000)];

/// Publishes meter readings (days ago, pages) of one copier and waits until inventory has
/// handled them.
async fn read_meter(svc: &ServiceHarness, readings: &[(i64, u64)]) {
    let now = chrono::Utc::now();
    for &(days_ago, reading) in readings {
        let read = MeterRead {
            work_order_id: uuid::Uuid::now_v7(),
            machine: MachineInfo {
                product_line: "copier".into(),
                brand: "Sharp".into(),
                model: "AR-2048".into(),
                serial: "SN-TONER-1".into(),
                purchase_date: None,
            },
            reading,
            consumables_level: None,
            read_at: now - chrono::Duration::days(days_ago),
        };
        svc.publish(&Envelope::new(read, None)).await.unwrap();
    }
    svc.settled().await.unwrap();
}

#[tokio::test]
async fn a_toner_running_out_within_the_configured_lead_time_is_announced_once() {
    let svc = inventory(Config {
        consumable_lead_days: 60,
        ..Config::default()
    })
    .await;
    read_meter(&svc, &TWO_READINGS).await;
    let due = svc
        .next_published("inventory.consumable.replacement_due", |_| true)
        .await
        .unwrap();
    assert_eq!(due["data"]["sku"], "TONER-K");
    assert_eq!(due["data"]["serial"], "SN-TONER-1");
    assert_eq!(due["data"]["pages_left"], 13_000);
    assert_eq!(due["version"], 2);
    // Sixty days before a run-out 43 days away: the contact day has come already.
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz_shanghai())
        .date_naive();
    let contact: chrono::NaiveDate = due["data"]["contact_on"].as_str().unwrap().parse().unwrap();
    assert!(contact < today, "{contact} is before {today}");
    // A later reading of the same toner announces nothing new.
    read_meter(&svc, &[(0, 103_300)]).await;
    assert_eq!(
        svc.db()
            .staged("inventory.consumable.replacement_due")
            .await
            .unwrap()
            .len(),
        1
    );
}

fn chrono_tz_shanghai() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

#[tokio::test]
async fn a_toner_running_out_after_the_default_lead_time_is_not_announced_yet() {
    let svc = inventory(Config::default()).await;
    read_meter(&svc, &TWO_READINGS).await;
    assert_eq!(
        svc.db()
            .count("select count(*) from meter_reading")
            .await
            .unwrap(),
        2
    );
    // Its run-out and contact day are kept for the daily job.
    let kept = svc
        .db()
        .rows("select contact_on, empty_on, pages_left from consumable_fit")
        .await
        .unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["pages_left"], 13_000);
    let day = |k: &str| -> chrono::NaiveDate { kept[0][k].as_str().unwrap().parse().unwrap() };
    assert!((day("empty_on") - day("contact_on")).num_days() >= 7);
    assert!(
        svc.db()
            .staged("inventory.consumable.replacement_due")
            .await
            .unwrap()
            .is_empty()
    );
}

fn cst(y: i32, m: u32, d: u32, h: u32) -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono_tz_shanghai()
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// An inventory replica whose clock reads `at`, on database `url` (another replica's).
async fn replica(url: String, at: chrono::DateTime<chrono::Utc>) -> ServiceHarness {
    let config = Config {
        clock: aftercare_platform::Clock::starting_at(at),
        ..Config::default()
    };
    ServiceHarness::start(
        Service::Inventory,
        TestBackend::Sqlite,
        |bus, _own, settings| async move {
            aftercare_inventory::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap()
}

fn meter_read(at: chrono::DateTime<chrono::Utc>, pages: u64) -> MeterRead {
    MeterRead {
        work_order_id: uuid::Uuid::now_v7(),
        machine: MachineInfo {
            product_line: "copier".into(),
            brand: "Sharp".into(),
            model: "AR-2048".into(),
            serial: "SN-TONER-1".into(),
            purchase_date: None,
        },
        reading: pages,
        consumables_level: None,
        read_at: at,
    }
}

/// The seeds' 耗材跟进: the run-out day is kept, and the contact is announced on the day 7
/// days before it by the daily job, not at the next reading; a day missed while no replica
/// ran is caught up; two replicas announce it once; a later reading of the same toner does
/// not announce it again, and a toner fitted on a visit starts a new prediction.
async fn the_daily_job_announces_a_contact_on_its_day_once(backend: TestBackend) {
    // Monday 2 November 2026: 300 pages a day over ten days, the toner (16,000 pages, counted
    // from the first reading) has 13,000 left and runs out on Tuesday 15 December, so its
    // customer is contacted on Tuesday 8 December; the drum (60,000 pages) runs out in 2027.
    let first = {
        let config = Config {
            clock: aftercare_platform::Clock::starting_at(cst(2026, 11, 2, 10)),
            ..Config::default()
        };
        ServiceHarness::start(
            Service::Inventory,
            backend,
            |bus, url, settings| async move {
                aftercare_inventory::build(bus, &url, settings, config).await
            },
        )
        .await
        .unwrap()
    };
    let manager = Actor {
        user_id: "manager-1".into(),
        role: "manager".into(),
    };
    for (sku, name, pages) in [
        ("TONER-K", "Toner black", 16_000),
        ("DRUM-1", "Drum", 60_000),
    ] {
        let _: Value = first
            .request(
                "part.create",
                &json!({"sku": sku, "name": name,
                    "list_price": {"amount_minor": 45000, "currency": "CNY"},
                    "category": "consumable", "compatible_models": ["AR-2048"],
                    "page_yield": pages}),
                Some(&manager),
            )
            .await
            .unwrap();
    }
    for (at, pages) in [
        (cst(2026, 10, 23, 10), 100_000),
        (cst(2026, 11, 2, 10), 103_000),
    ] {
        first
            .publish(&Envelope::new(meter_read(at, pages), None))
            .await
            .unwrap();
    }
    first.settled().await.unwrap();
    let kept = first
        .db()
        .rows("select sku, empty_on, contact_on, announced_for from consumable_fit order by sku")
        .await
        .unwrap();
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert_eq!(kept[1]["sku"], "TONER-K");
    assert_eq!(kept[1]["empty_on"], "2026-12-15");
    assert_eq!(kept[1]["contact_on"], "2026-12-08");
    assert_eq!(kept[1]["announced_for"], Value::Null);
    assert!(kept[0]["contact_on"].as_str().unwrap() > "2027-");
    // Its job has run on the reading's day and announced nothing.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let staged = || async {
        first
            .db()
            .staged("inventory.consumable.replacement_due")
            .await
            .unwrap()
    };
    assert!(staged().await.is_empty());

    // Friday 11 December: no replica ran on the 8th; two replicas start on the same
    // database and catch the contact up, once.
    let url = first.db().url().to_owned();
    let (b, c) = tokio::join!(
        replica(url.clone(), cst(2026, 12, 11, 9)),
        replica(url, cst(2026, 12, 11, 9))
    );
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "the toner's contact",
        || async { !staged().await.is_empty() },
    )
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let all = staged().await;
    assert_eq!(all.len(), 1, "{all:?}");
    let e = &all[0].envelope["data"];
    assert_eq!(all[0].version, 2);
    assert_eq!(
        (
            &e["sku"],
            &e["empty_on"],
            &e["contact_on"],
            &e["pages_left"]
        ),
        (
            &json!("TONER-K"),
            &json!("2026-12-15"),
            &json!("2026-12-08"),
            &json!(13_000)
        )
    );

    // A later reading of the same toner moves its run-out but announces nothing new.
    b.publish(&Envelope::new(
        meter_read(cst(2026, 12, 11, 9), 114_000),
        None,
    ))
    .await
    .unwrap();
    b.settled().await.unwrap();
    c.settled().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(staged().await.len(), 1);

    // A new toner fitted on a visit at 114,000 pages: predicted again, not announced.
    let mut visit = work_order_completed(cst(2026, 12, 11, 9));
    visit.machine = Some(meter_read(cst(2026, 12, 11, 9), 0).machine);
    visit.meter_reading = Some(114_000);
    visit.parts = vec![PartUsed {
        sku: "TONER-K".into(),
        quantity: 1,
        location: None,
    }];
    b.publish(&Envelope::new(visit, None)).await.unwrap();
    b.settled().await.unwrap();
    c.settled().await.unwrap();
    let toner = first
        .db()
        .rows("select pages_at_fit, contact_on, announced_for from consumable_fit where sku = 'TONER-K'")
        .await
        .unwrap();
    assert_eq!(toner[0]["pages_at_fit"], 114_000);
    assert_eq!(toner[0]["announced_for"], Value::Null);
    assert!(
        toner[0]["contact_on"].as_str().unwrap() > "2026-12-11",
        "{toner:?}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(staged().await.len(), 1);
    b.stop().await.unwrap();
    c.stop().await.unwrap();
    first.stop().await.unwrap();
}

#[tokio::test]
async fn the_daily_job_announces_a_contact_on_its_day_once_on_sqlite() {
    the_daily_job_announces_a_contact_on_its_day_once(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_daily_job_announces_a_contact_on_its_day_once_on_postgresql() {
    the_daily_job_announces_a_contact_on_its_day_once(TestBackend::Postgres).await;
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

/// A forecast plan drafts from each part's monthly consumption, states its assumptions,
/// and its approval makes the purchase requests; the stock report shows what was used
/// per model and fault.
#[tokio::test]
async fn a_forecast_plan_states_its_assumptions_and_becomes_purchase_requests() {
    let svc = ServiceHarness::start(
        Service::Inventory,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            aftercare_inventory::build(bus, &url, settings, Config::default()).await
        },
    )
    .await
    .unwrap();
    ok(
        &svc,
        "part.create",
        json!({"sku": "DRUM-1", "name": "Drum unit", "list_price": {"amount_minor": 38000, "currency": "CNY"}}),
    )
    .await;
    ok(
        &svc,
        "part.receive",
        json!({"sku": "DRUM-1", "quantity": 3, "location": "main", "reference": "PO-1"}),
    )
    .await;
    // One drum used in each of the last four months (the fourth beyond stock).
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let this_month = chrono::Datelike::with_day(&today, 1).unwrap();
    for k in 1..=4u32 {
        let day = this_month
            .checked_sub_months(chrono::Months::new(k))
            .unwrap()
            + chrono::Duration::days(9);
        let finished = day.and_hms_opt(2, 0, 0).unwrap().and_utc();
        let mut visit = work_order_completed(finished);
        visit.machine = Some(MachineInfo {
            product_line: "copier".into(),
            brand: "Sharp".into(),
            model: "AR-2048".into(),
            serial: format!("SN-FC-{k}"),
            purchase_date: None,
        });
        visit.meter_reading = Some(1000 * u64::from(k));
        visit.parts = vec![PartUsed {
            sku: "DRUM-1".into(),
            quantity: 1,
            location: None,
        }];
        svc.publish(&Envelope::new(visit, None)).await.unwrap();
    }
    svc.settled().await.unwrap();
    assert_eq!(
        svc.db()
            .count("select count(*) from movement where kind = 'consumption'")
            .await
            .unwrap(),
        3
    );
    // The consumers have committed; the relay publishes in the outbox's order, the fourth
    // consumption (the one that found no drum) last.
    svc.next_published("inventory.stock.consumed", |e| {
        e["data"]["lines"][0]["shortfall"] == 1
    })
    .await
    .unwrap();
    let consumed = svc.published("inventory.stock.consumed");
    assert_eq!(consumed.len(), 4);
    assert_eq!(
        consumed[3]["data"]["lines"][0]["shortfall"], 1,
        "the fourth found none"
    );

    let e = refused(&svc, "forecast.start", json!({"history_months": 2})).await;
    assert_eq!(
        (e.status, e.errors[0].field.as_str()),
        (422, "history_months")
    );
    let plan = ok(
        &svc,
        "forecast.start",
        json!({"history_months": 12, "sales_factor": 1.0, "note": "Q1 plan"}),
    )
    .await;
    let line = plan["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["sku"] == "DRUM-1")
        .cloned()
        .unwrap();
    let history: Vec<i64> = line["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    // Three drums left stock (the fourth visit found none); intermittent demand → SBA.
    assert_eq!(history, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert_eq!(
        (line["pattern"].as_str(), line["method"].as_str()),
        (Some("intermittent"), Some("sba(0.1)"))
    );
    assert_eq!(
        (
            line["need"].as_u64(),
            line["covered"].as_i64(),
            line["to_buy"].as_u64()
        ),
        (Some(1), Some(0), Some(1)),
        "{line}"
    );
    assert!(line["bias"].is_number(), "{line}");
    assert_eq!(plan["assumptions"]["note"], "Q1 plan");
    assert_eq!(plan["status"], "draft");

    // The stock report: the drums used per model and fault, no stock left, no cost known.
    let from = this_month
        .checked_sub_months(chrono::Months::new(4))
        .unwrap();
    let report = ok(
        &svc,
        "report.stock",
        json!({"from": from.to_string(), "to": today.to_string()}),
    )
    .await;
    let drum = report["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["sku"] == "DRUM-1")
        .cloned()
        .unwrap();
    assert_eq!(
        (
            drum["used"].as_i64(),
            drum["on_hand"].as_i64(),
            drum["slow_mover"].as_bool()
        ),
        (Some(3), Some(0), Some(false))
    );
    let usage = &report["usage"][0];
    assert_eq!(
        (
            usage["model"].as_str(),
            usage["sku"].as_str(),
            usage["quantity"].as_i64()
        ),
        (Some("AR-2048"), Some("DRUM-1"), Some(3))
    );
    let e = refused(
        &svc,
        "report.stock",
        json!({"from": today.to_string(), "to": from.to_string()}),
    )
    .await;
    assert_eq!((e.status, e.errors[0].field.as_str()), (422, "to"));

    let approve = |version: i64| json!({"plan_id": plan["id"], "expected_version": version});
    let done = ok(&svc, "forecast.approve", approve(1)).await;
    assert_eq!(done["status"], "approved", "{done}");
    let number = done["purchase_requests"][0].as_str().unwrap().to_owned();
    assert!(number.starts_with("PR"), "{number}");
    let pr = ok(&svc, "purchase.get", json!({"id": number})).await;
    assert_eq!(
        (
            pr["reason"].as_str(),
            pr["quantity"].as_u64(),
            pr["status"].as_str()
        ),
        (Some("forecast"), Some(1), Some("draft"))
    );
    assert_eq!(
        refused(&svc, "forecast.approve", approve(2)).await.status,
        409
    );
}

#[tokio::test]
async fn purchases_and_plans_made_at_7_on_1_january_in_shanghai_are_the_new_years() {
    use chrono::TimeZone;
    // 23:00 UTC on 31 December 2026 is 07:00 on 1 January 2027 in Shanghai.
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
        .single()
        .unwrap();
    let svc = inventory(Config {
        clock: aftercare_platform::Clock::starting_at(at),
        ..Config::default()
    })
    .await;
    let pr = ok(
        &svc,
        "purchase.create",
        json!({"sku": "TONER-K", "location": "main", "quantity": 10, "basis": "new year stock"}),
    )
    .await;
    assert_eq!(pr["number"], "PR2027-000001", "{pr}");
    // A plan drafted that morning reads the whole months before the company's January.
    let plan = ok(
        &svc,
        "forecast.start",
        json!({"history_months": 3, "sales_factor": 1.0, "note": "new year plan"}),
    )
    .await;
    assert_eq!(plan["history_from"], "2026-10", "{plan}");
}

/// The catalogue is searched by SKU, name or fitting model, by category, in SKU order a
/// page at a time, each part with its stock per location; stocktakes and forecast plans
/// are listed newest first, by state.
#[tokio::test]
async fn parts_stocktakes_and_plans_are_listed_a_page_at_a_time() {
    let svc = inventory(Config::default()).await;
    for (sku, name, models) in [
        ("DRUM-1", "Drum unit", json!(["AR-2048"])),
        ("FUSER_2", "定影组件 fuser", json!(["MX-3050"])),
        ("ROLLER-3", "Pick-up roller", json!(["AR-2048", "MX-3050"])),
    ] {
        ok(
            &svc,
            "part.create",
            json!({"sku": sku, "name": name, "list_price": {"amount_minor": 1000, "currency": "CNY"},
                "compatible_models": models}),
        )
        .await;
    }
    ok(
        &svc,
        "part.receive",
        json!({"sku": "DRUM-1", "quantity": 4, "location": "main", "reference": "PO-1"}),
    )
    .await;
    ok(
        &svc,
        "part.receive",
        json!({"sku": "DRUM-1", "quantity": 1, "location": "workshop"}),
    )
    .await;
    let skus = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["sku"].as_str().unwrap().to_owned())
            .collect()
    };
    let all = ok(&svc, "part.list", json!({"limit": 2})).await;
    assert_eq!(skus(&all), ["DRUM-1", "FUSER_2"]);
    assert_eq!(all["items"][0]["on_hand"], 5);
    assert_eq!(all["items"][0]["locations"][0]["location"], "main");
    assert_eq!(all["items"][0]["locations"][1]["on_hand"], 1);
    let next = ok(
        &svc,
        "part.list",
        json!({"limit": 2, "cursor": all["next_cursor"]}),
    )
    .await;
    assert_eq!(
        (skus(&next), next["next_cursor"].is_null()),
        (vec!["ROLLER-3".to_owned(), "TONER-K".to_owned()], false)
    );
    let by = |q: &str| json!({"q": q, "limit": 50});
    assert_eq!(
        skus(&ok(&svc, "part.list", by("ar-2048")).await),
        ["DRUM-1", "ROLLER-3", "TONER-K"]
    );
    assert_eq!(skus(&ok(&svc, "part.list", by("定影")).await), ["FUSER_2"]);
    assert_eq!(
        skus(&ok(&svc, "part.list", by(" Roller ")).await),
        ["ROLLER-3"]
    );
    // `_` and `%` are matched as typed, not as wildcards.
    assert_eq!(skus(&ok(&svc, "part.list", by("r_")).await), ["FUSER_2"]);
    assert!(skus(&ok(&svc, "part.list", by("%")).await).is_empty());
    assert_eq!(
        skus(
            &ok(
                &svc,
                "part.list",
                json!({"category": "consumable", "limit": 50})
            )
            .await
        ),
        ["TONER-K"]
    );
    let e = refused(&svc, "part.list", json!({"q": "x".repeat(101), "limit": 5})).await;
    assert_eq!((e.status, e.errors[0].field.as_str()), (422, "q"));
    let e = refused(&svc, "part.list", json!({"limit": 0})).await;
    assert_eq!((e.status, e.errors[0].field.as_str()), (422, "limit"));

    let first = ok(
        &svc,
        "stocktake.start",
        json!({"location": "main", "lines": [{"sku": "DRUM-1", "counted": 3}]}),
    )
    .await;
    let second = ok(
        &svc,
        "stocktake.start",
        json!({"location": "workshop", "lines": [{"sku": "DRUM-1", "counted": 1}]}),
    )
    .await;
    ok(
        &svc,
        "stocktake.decide",
        json!({"stocktake_id": first["id"], "approve": false, "expected_version": 1}),
    )
    .await;
    let ids = |page: &Value| -> Vec<Value> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].clone())
            .collect()
    };
    let page = ok(&svc, "stocktake.list", json!({"limit": 1})).await;
    assert_eq!(ids(&page), [second["id"].clone()]);
    let page = ok(
        &svc,
        "stocktake.list",
        json!({"limit": 1, "cursor": page["next_cursor"]}),
    )
    .await;
    assert_eq!(ids(&page), [first["id"].clone()]);
    let pending = ok(
        &svc,
        "stocktake.list",
        json!({"status": "pending_approval", "limit": 50}),
    )
    .await;
    assert_eq!(ids(&pending), [second["id"].clone()]);

    let plan = ok(&svc, "forecast.start", json!({"note": "next month"})).await;
    let drafts = ok(
        &svc,
        "forecast.list",
        json!({"status": "draft", "limit": 50}),
    )
    .await;
    assert_eq!(ids(&drafts), [plan["id"].clone()]);
    assert_eq!(drafts["items"][0]["assumptions"]["note"], "next month");
    let approved = ok(
        &svc,
        "forecast.list",
        json!({"status": "approved", "limit": 50}),
    )
    .await;
    assert!(ids(&approved).is_empty());
}
