//! The daily report (日报), survey alone on a temporary SQLite or PostgreSQL database and a
//! real nats-server, with its clock set to a chosen instant: the sweep writes each working
//! day's report once at 18:00 from the day's tickets, visits, callbacks, follow-ups and
//! welcome calls, catches up the last one missed, writes none for a weekend or holiday,
//! and announces each report once.
#![allow(clippy::unwrap_used, missing_docs)]

use std::time::Duration;

use aftercare_contracts::intake::{MachineInfo, TicketOpened, WarrantyRegistered};
use aftercare_contracts::{Actor, Envelope, Role, Service};
use aftercare_platform::Clock;
use aftercare_survey::Config;
use aftercare_testkit::fixtures::{staff, work_order_completed};
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

fn cst(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, s)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

async fn survey(backend: TestBackend, at: DateTime<Utc>) -> ServiceHarness {
    let config = Config {
        clock: Clock::starting_at(at),
        ..Config::default()
    };
    ServiceHarness::start(Service::Survey, backend, |bus, url, settings| async move {
        aftercare_survey::build(bus, &url, settings, config).await
    })
    .await
    .unwrap()
}

fn manager() -> Actor {
    staff(Role::Manager)
}

fn agent() -> Actor {
    staff(Role::Agent)
}

fn answers(machine_working: bool, attitude: &str, comment: &str) -> Value {
    json!([
        {"key": "machine_working", "yes": machine_working},
        {"key": "explained", "yes": true},
        {"key": "technician_attitude", "level": attitude},
        {"key": "technician_skill", "level": "satisfied"},
        {"key": "agent_attitude", "level": "very_satisfied"},
        {"key": "on_site_speed", "level": "satisfied"},
        {"key": "comments", "text": comment},
    ])
}

/// A ticket opened at `opened` in `district` and, when `finished` is given, its visit
/// finished then by technician `tech`; returns the visit's callback when there is one.
async fn ticket(
    svc: &ServiceHarness,
    opened: DateTime<Utc>,
    district: &str,
    finished: Option<(DateTime<Utc>, Uuid, &str, &str)>,
) -> Option<Value> {
    let mut t = TicketOpened::example();
    t.ticket_id = Uuid::now_v7();
    t.opened_at = opened;
    t.customer.district = district.into();
    svc.publish(&Envelope::new(t.clone(), Some(agent())))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let (at, tech, name, number) = finished?;
    let mut v = work_order_completed(at);
    v.ticket_id = t.ticket_id;
    v.technician_id = tech;
    v.technician_name = name.into();
    v.district = district.into();
    v.number = number.into();
    svc.publish(&Envelope::new(v.clone(), None)).await.unwrap();
    svc.settled().await.unwrap();
    let page = svc
        .ok(
            "callback.list",
            json!({"work_order_id": v.work_order_id, "limit": 10}),
            Some(&agent()),
        )
        .await;
    Some(page["items"][0].clone())
}

fn reports_published(svc: &ServiceHarness, date: &str) -> Vec<Value> {
    svc.published("survey.daily_report.published")
        .into_iter()
        .filter(|e| e["data"]["date"] == date)
        .collect()
}

async fn a_working_days_report_is_written_once_at_18_00(backend: TestBackend) {
    // Tuesday 24 November 2026, twenty seconds before the report time: Monday's report
    // (the last one due) is caught up at once, and the day is seeded before 18:00.
    let svc = survey(backend, cst(2026, 11, 24, 17, 59, 30)).await;
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "Monday's report",
        || async { !reports_published(&svc, "2026-11-23").is_empty() },
    )
    .await
    .unwrap();

    let (li, chen) = (Uuid::from_u128(1), Uuid::from_u128(2));
    // Three tickets today (two in Tianhe, one in Haizhu), two of them visited today, one
    // ticket yesterday whose visit was also today.
    let happy = ticket(
        &svc,
        cst(2026, 11, 24, 9, 0, 0),
        "Tianhe",
        Some((cst(2026, 11, 24, 11, 0, 0), li, "Li Wei", "W2026-000101")),
    )
    .await
    .unwrap();
    let unhappy = ticket(
        &svc,
        cst(2026, 11, 24, 9, 30, 0),
        "Haizhu",
        Some((cst(2026, 11, 24, 14, 0, 0), li, "Li Wei", "W2026-000102")),
    )
    .await
    .unwrap();
    ticket(&svc, cst(2026, 11, 24, 15, 0, 0), "Tianhe", None).await;
    let missed = ticket(
        &svc,
        cst(2026, 11, 23, 16, 0, 0),
        "Tianhe",
        Some((
            cst(2026, 11, 24, 10, 0, 0),
            chen,
            "Chen Jie",
            "W2026-000103",
        )),
    )
    .await
    .unwrap();

    // The callback desk calls all three: one satisfied, one very dissatisfied with the
    // machine down again and a comment, one unreachable.
    for (cb, outcome) in [
        (
            &happy,
            json!({"outcome": "completed", "answers": answers(true, "very_satisfied", "")}),
        ),
        (
            &unhappy,
            json!({"outcome": "completed", "answers": answers(false, "very_dissatisfied", "卡纸又出现了")}),
        ),
        (&missed, json!({"outcome": "unreachable"})),
    ] {
        let mut body = outcome;
        body["callback_id"] = cb["id"].clone();
        body["expected_version"] = cb["version"].clone();
        svc.ok("callback.record", body, Some(&staff(Role::CallbackAgent)))
            .await;
    }

    // A warranty card came in today: the new customer's welcome call.
    let mut card = WarrantyRegistered::example();
    card.card_number = "WC-7001".into();
    card.customer_id = Uuid::now_v7();
    card.machine_id = Uuid::now_v7();
    card.company = "Zhujiang Trading".into();
    card.district = "Haizhu".into();
    card.machine = MachineInfo {
        product_line: "fax".into(),
        brand: "Panasonic".into(),
        model: "KX-FT987".into(),
        serial: "SN-7001".into(),
        purchase_date: None,
    };
    card.welcome_call_due = cst(2026, 11, 26, 10, 0, 0);
    svc.publish(&Envelope::new(card, None)).await.unwrap();
    svc.settled().await.unwrap();
    assert!(
        reports_published(&svc, "2026-11-24").is_empty(),
        "no report before 18:00"
    );

    // At 18:00 the day's report is written, once.
    let published =
        aftercare_testkit::poll_for(Duration::from_secs(60), "Tuesday's report", || async {
            let found = reports_published(&svc, "2026-11-24");
            found.into_iter().next()
        })
        .await
        .unwrap();
    let d = &published["data"];
    assert_eq!(
        (
            d["tickets_opened"].as_u64(),
            d["visits_completed"].as_u64(),
            d["callbacks_answered"].as_u64(),
            d["follow_ups"].as_u64(),
            d["new_contacts"].as_u64()
        ),
        (Some(3), Some(3), Some(2), Some(1), Some(1)),
        "{published}"
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(reports_published(&svc, "2026-11-24").len(), 1);
    assert_eq!(reports_published(&svc, "2026-11-23").len(), 1);

    let r = svc
        .ok(
            "daily_report.get",
            json!({"date": "2026-11-24"}),
            Some(&manager()),
        )
        .await;
    assert_eq!(r["id"], d["report_id"]);
    let w = &r["work_orders"];
    assert_eq!(
        (
            w["tickets_opened"].as_u64(),
            w["visits_completed"].as_u64(),
            w["callbacks_answered"].as_u64(),
            w["callbacks_not_reached"].as_u64(),
            w["repeat_repairs"].as_u64()
        ),
        (Some(3), Some(3), Some(2), Some(1), Some(1)),
        "{r}"
    );
    let techs: Vec<(String, u64)> = w["by_technician"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["technician_name"].as_str().unwrap().to_owned(),
                t["visits"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        techs,
        [("Li Wei".to_owned(), 2), ("Chen Jie".to_owned(), 1)]
    );
    let districts: Vec<(String, u64, u64)> = w["by_district"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["district"].as_str().unwrap().to_owned(),
                x["tickets_opened"].as_u64().unwrap(),
                x["visits_completed"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        districts,
        [("Haizhu".to_owned(), 1, 1), ("Tianhe".to_owned(), 2, 2)]
    );

    // The callback sheet, in the order the calls were made.
    let sheet: Vec<(String, String, bool)> = r["callback_sheet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["work_order_number"].as_str().unwrap().to_owned(),
                l["outcome"].as_str().unwrap().to_owned(),
                l["problem_persists"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sheet,
        [
            ("W2026-000101".to_owned(), "completed".to_owned(), false),
            ("W2026-000102".to_owned(), "completed".to_owned(), true),
            ("W2026-000103".to_owned(), "unreachable".to_owned(), false),
        ]
    );
    assert_eq!(r["callback_sheet"][1]["comment"], "卡纸又出现了");

    // The prominent problems: the repeat repair, the comment and the follow-up opened.
    let p = &r["problems"];
    assert_eq!(p["callbacks"]["repeat_repairs"], json!(["W2026-000102"]));
    assert_eq!(p["callbacks"]["comments"], json!(["卡纸又出现了"]));
    assert_eq!(p["follow_ups"].as_array().unwrap().len(), 1, "{p}");
    assert_eq!(p["follow_ups"][0]["work_order_number"], "W2026-000102");

    // The new customer's welcome call.
    let c = &r["new_contacts"];
    assert_eq!(c.as_array().unwrap().len(), 1, "{c}");
    assert_eq!(
        (c[0]["customer_name"].as_str(), c[0]["state"].as_str()),
        (Some("Zhujiang Trading"), Some("open"))
    );

    // Listed newest first, a page at a time.
    let page = svc
        .ok("daily_report.list", json!({"limit": 1}), Some(&manager()))
        .await;
    assert_eq!(page["items"][0]["date"], "2026-11-24");
    let next = page["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_owned();
    let page = svc
        .ok(
            "daily_report.list",
            json!({"limit": 1, "cursor": next}),
            Some(&manager()),
        )
        .await;
    assert_eq!(page["items"][0]["date"], "2026-11-23");
    let bad = svc
        .refused(
            "daily_report.list",
            json!({"limit": 1, "cursor": "yesterday"}),
            Some(&manager()),
        )
        .await;
    assert_eq!(bad.status, 422);
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn a_working_days_report_is_written_once_at_18_00_on_sqlite() {
    a_working_days_report_is_written_once_at_18_00(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_working_days_report_is_written_once_at_18_00_on_postgresql() {
    a_working_days_report_is_written_once_at_18_00(TestBackend::Postgres).await;
}

async fn holidays_and_weekends_have_no_report(backend: TestBackend) {
    // Saturday 3 October 2026, in the National Day holiday: the last working day before
    // it was Wednesday 30 September.
    let svc = survey(backend, cst(2026, 10, 3, 19, 0, 0)).await;
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "30 September's report",
        || async { !reports_published(&svc, "2026-09-30").is_empty() },
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(800)).await;
    let all = svc.published("survey.daily_report.published");
    assert_eq!(all.len(), 1, "{all:?}");
    for day in ["2026-10-01", "2026-10-02", "2026-10-03"] {
        let e = svc
            .refused("daily_report.get", json!({"date": day}), Some(&manager()))
            .await;
        assert_eq!(e.status, 404, "{day}");
    }
    let page = svc
        .ok("daily_report.list", json!({"limit": 10}), Some(&manager()))
        .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn holidays_and_weekends_have_no_report_on_sqlite() {
    holidays_and_weekends_have_no_report(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn holidays_and_weekends_have_no_report_on_postgresql() {
    holidays_and_weekends_have_no_report(TestBackend::Postgres).await;
}
