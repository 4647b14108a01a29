//! Survey's outbound call queue, alone in this process on a temporary SQLite or PostgreSQL
//! database and a real nats-server: the other services' events queue one task each
//! (a redelivery or a second event about an open subject adds none), assigned by the
//! company's rules; an agent attempts, reassigns and closes under the task's version;
//! the sweep reminds each due time once and escalates an overdue task once; callbacks
//! and follow-ups appear in the queue and leave it when they are done.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::billing::{
    AgeBucket, ReceivableOverdue, Renewal, RenewalFollowUpDue, RenewalKind, RenewalStatus,
};
use aftercare_contracts::intake::{MachineInfo, ReplyAlert, TicketReplyDue, WarrantyRegistered};
use aftercare_contracts::inventory::ConsumableReplacementDue;
use aftercare_contracts::{Actor, Envelope, Event, Money, Role, Service};
use aftercare_platform::Clock;
use aftercare_survey::Config;
use aftercare_testkit::fixtures::{staff, work_order_completed};
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
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

fn caller() -> Actor {
    staff(Role::CallbackAgent)
}

fn card(brand: &str, product_line: &str, district: &str, due: DateTime<Utc>) -> WarrantyRegistered {
    let mut w = WarrantyRegistered::example();
    w.card_number = format!("WC-{}", &Uuid::now_v7().simple().to_string()[20..]);
    w.customer_id = Uuid::now_v7();
    w.machine_id = Uuid::now_v7();
    w.district = district.into();
    w.machine = MachineInfo {
        product_line: product_line.into(),
        brand: brand.into(),
        model: "KX-FT987".into(),
        serial: format!("SN-{}", w.machine_id.simple()),
        purchase_date: None,
    };
    w.welcome_call_due = due;
    w
}

async fn tasks(svc: &ServiceHarness, filter: Value) -> Vec<Value> {
    let mut body = filter;
    body["limit"] = json!(50);
    let page = svc.ok("call_task.list", body, Some(&caller())).await;
    page["items"].as_array().unwrap().clone()
}

async fn events_queue_one_task_each_assigned_by_rule(backend: TestBackend) {
    let now = cst(2026, 11, 24, 10, 0);
    let svc = survey(backend, now).await;

    // A Panasonic fax's card: the Haizhu agent welcomes the customer; a Sharp fax's
    // card goes to the callback specialist. The first is delivered twice under two
    // message ids, and a second card event for the same machine comes while its call
    // is open: one task all the same.
    let panasonic = card("Panasonic", "fax", "Haizhu", cst(2026, 11, 26, 10, 0));
    let envelope = Envelope::new(panasonic.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    for id in ["card-1", "card-2"] {
        svc.publish_raw(WarrantyRegistered::TYPE, id, payload.clone())
            .await
            .unwrap();
    }
    svc.publish(&Envelope::new(panasonic.clone(), None))
        .await
        .unwrap();
    let sharp = card("Sharp", "fax", "tianhe", cst(2026, 11, 26, 10, 0));
    svc.publish(&Envelope::new(sharp.clone(), None))
        .await
        .unwrap();

    // A renewal week, a toner running out on Tuesday 1 Dec and an overdue receipt.
    let renewal = Renewal {
        id: Uuid::now_v7(),
        kind: RenewalKind::Contract,
        source: "C2026-000007".into(),
        customer_id: Uuid::now_v7(),
        customer_name: "Yuexiu Printing".into(),
        district: "yuexiu".into(),
        address: "2 Yuexiu Rd".into(),
        machines: vec![panasonic.machine.clone()],
        ends_on: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        coverage: None,
        price: None,
        status: RenewalStatus::Open,
        listed_on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        next_follow_up: None,
        follow_ups: 1,
        note: None,
        renewed_by: None,
        version: 1,
    };
    svc.publish(&Envelope::new(RenewalFollowUpDue(renewal.clone()), None))
        .await
        .unwrap();
    let toner = ConsumableReplacementDue {
        brand: "Sharp".into(),
        serial: "SN-TONER".into(),
        model: "AR-2048".into(),
        sku: "TN-1".into(),
        name: "toner".into(),
        pages_left: 300,
        pages_per_day: 50.0,
        empty_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        contact_on: None,
        at: now,
    };
    svc.publish(&Envelope::new(toner, None)).await.unwrap();
    let receipt = ReceivableOverdue {
        invoice_id: Uuid::now_v7(),
        number: "R2026-000042".into(),
        customer_name: "Baiyun Office".into(),
        customer_id: None,
        outstanding: Money::cny(12_345),
        age_days: 35,
        bucket: AgeBucket::Days31To60,
        iou_promised_on: None,
    };
    svc.publish(&Envelope::new(receipt.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let all = tasks(&svc, json!({})).await;
    assert_eq!(all.len(), 5, "{all:#?}");
    let welcome = tasks(&svc, json!({"kind": "welcome_call"})).await;
    assert_eq!(welcome.len(), 2);
    let by_ref = |r: &str| {
        all.iter()
            .find(|t| t["reference"] == r)
            .cloned()
            .unwrap_or_else(|| panic!("no task for {r}: {all:#?}"))
    };
    let p = by_ref(&panasonic.card_number);
    assert_eq!(p["assignee"], "district:haizhu");
    assert_eq!(p["assigned_by"], "rule 2");
    assert_eq!(p["refs"]["machine_id"], json!(panasonic.machine_id));
    let due: DateTime<Utc> = serde_json::from_value(p["due_at"].clone()).unwrap();
    assert_eq!(due, cst(2026, 11, 26, 10, 0));
    assert_eq!(p["timing"], "later");
    assert_eq!(
        by_ref(&sharp.card_number)["assignee"],
        "callback_specialist"
    );
    let r = by_ref("C2026-000007");
    assert_eq!(
        (r["kind"].as_str(), r["assignee"].as_str()),
        (Some("renewal"), Some("district:yuexiu"))
    );
    // Due at once: the renewal and the receipt are today's calls.
    assert_eq!(r["timing"], "due_now");
    let t = by_ref("SN-TONER");
    let due: DateTime<Utc> = serde_json::from_value(t["due_at"].clone()).unwrap();
    // A week before 1 Dec is already past: called at once.
    assert!(
        due >= now && due - now < chrono::Duration::seconds(30),
        "{due}"
    );
    assert_eq!(
        by_ref("R2026-000042")["about"],
        "owes CNY 123.45 for 35 days"
    );
    // Today's calls first.
    assert_eq!(all[0]["timing"], "due_now");
    assert_eq!(all.last().unwrap()["timing"], "later");

    // Filters: the Haizhu agent's queue, by district, and paging by cursor.
    let mine = tasks(&svc, json!({"assignee": "district:haizhu"})).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(tasks(&svc, json!({"district": "TIANHE"})).await.len(), 1);
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut body = json!({"limit": 2});
        if let Some(c) = &cursor {
            body["cursor"] = json!(c);
        }
        let page = svc.ok("call_task.list", body, Some(&caller())).await;
        for t in page["items"].as_array().unwrap() {
            seen.push(t["id"].clone());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    let ids: Vec<Value> = all.iter().map(|t| t["id"].clone()).collect();
    assert_eq!(seen, ids);

    // The rules are a company setting: a new rule gives Tianhe's cards to one person.
    let rules = svc.ok("call_rules.get", json!({}), Some(&caller())).await;
    assert_eq!(rules["version"], 0);
    let mut list = rules["rules"].as_array().unwrap().clone();
    list.insert(
        0,
        json!({"kinds": ["welcome_call"], "districts": ["tianhe"], "assignee": {"to": "user", "user": "agent-9"}}),
    );
    let bad = svc
        .refused(
            "call_rules.replace",
            json!({"rules": [{"assignee": {"to": "user", "user": " "}}], "expected_version": 0}),
            Some(&caller()),
        )
        .await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.errors[0].field, "rules[0].assignee.user");
    let saved = svc
        .ok(
            "call_rules.replace",
            json!({"rules": list, "expected_version": 0}),
            Some(&caller()),
        )
        .await;
    assert_eq!(saved["version"], 1);
    let next = card("Sharp", "fax", "tianhe", cst(2026, 11, 26, 10, 0));
    svc.publish(&Envelope::new(next.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let t = tasks(&svc, json!({"assignee": "agent-9"})).await;
    assert_eq!(t.len(), 1);
    assert_eq!(t[0]["reference"], json!(next.card_number));
    assert_eq!(t[0]["assigned_by"], "rule 1");

    // A reply promised to a customer is the promising agent's call, due when promised;
    // delivered twice, queued once.
    let promise = TicketReplyDue(ReplyAlert {
        ticket_id: Uuid::now_v7(),
        number: "T2026-000077".into(),
        district: "tianhe".into(),
        promised_by: "agent-3".into(),
        owner: None,
        reply_by: cst(2026, 11, 24, 15, 0),
        at: now,
    });
    let payload = serde_json::to_vec(&Envelope::new(promise, None)).unwrap();
    for id in ["reply-1", "reply-2"] {
        svc.publish_raw(TicketReplyDue::TYPE, id, payload.clone())
            .await
            .unwrap();
    }
    svc.settled().await.unwrap();
    let f = tasks(&svc, json!({"kind": "follow_up"})).await;
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0]["assignee"].as_str(), f[0]["reference"].as_str()),
        (Some("agent-3"), Some("T2026-000077"))
    );
}

#[tokio::test]
async fn events_queue_one_task_each_assigned_by_rule_on_sqlite() {
    events_queue_one_task_each_assigned_by_rule(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn events_queue_one_task_each_assigned_by_rule_on_postgresql() {
    events_queue_one_task_each_assigned_by_rule(TestBackend::Postgres).await;
}

async fn an_agent_works_a_task_and_overdue_tasks_escalate_once(backend: TestBackend) {
    // Wednesday 30 Sep 2026, 10:00 in Shanghai, the day before National Day.
    let now = cst(2026, 9, 30, 10, 0);
    let svc = survey(backend, now).await;
    // One card due yesterday (overdue by a working day: escalates), one due this
    // morning (due now: reminded, not escalated; its escalation is after the holiday).
    let old = card("Sharp", "fax", "tianhe", cst(2026, 9, 29, 9, 0));
    let fresh = card("Sharp", "fax", "tianhe", cst(2026, 9, 30, 9, 0));
    for c in [&old, &fresh] {
        svc.publish(&Envelope::new(c.clone(), None)).await.unwrap();
    }
    svc.settled().await.unwrap();
    let all = tasks(&svc, json!({"kind": "welcome_call"})).await;
    assert_eq!(
        all[0]["reference"],
        json!(fresh.card_number),
        "due now first"
    );
    assert_eq!(all[0]["timing"], "due_now");
    assert_eq!(all[1]["timing"], "overdue");
    let esc: DateTime<Utc> = serde_json::from_value(all[0]["escalate_at"].clone()).unwrap();
    assert_eq!(
        esc,
        cst(2026, 10, 8, 9, 0),
        "one working day, after National Day"
    );

    // The sweep (every 200 ms) reminds both due times once and escalates the old one once.
    let escalated = svc
        .next_published("survey.call_task.escalated", |_| true)
        .await
        .unwrap();
    assert_eq!(escalated["data"]["reference"], json!(old.card_number));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(
        svc.db()
            .staged("survey.call_task.escalated")
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        svc.db().staged("survey.call_task.due").await.unwrap().len(),
        2
    );

    // The agent calls: busy, a time is agreed for tomorrow morning.
    let task = &all[0];
    let id = task["id"].as_str().unwrap().to_owned();
    let version = task["version"].as_i64().unwrap();
    let missing = svc
        .refused(
            "call_task.attempt",
            json!({"task_id": id, "outcome": "busy", "expected_version": version}),
            Some(&caller()),
        )
        .await;
    assert_eq!(
        (missing.status, missing.errors[0].field.as_str()),
        (422, "next_try_at")
    );
    let agreed = cst(2026, 10, 8, 10, 0);
    let after = svc
        .ok(
            "call_task.attempt",
            json!({"task_id": id, "outcome": "busy", "next_try_at": agreed, "note": "in a meeting", "expected_version": version}),
            Some(&caller()),
        )
        .await;
    assert_eq!(after["version"], version + 1);
    assert_eq!(after["timing"], "later");
    assert_eq!(after["attempts"][0]["outcome"], "busy");
    assert_eq!(after["attempts"][0]["by"], "callback_agent-1");
    let due: DateTime<Utc> = serde_json::from_value(after["due_at"].clone()).unwrap();
    assert_eq!(due, agreed);
    // A stale version is refused.
    let stale = svc
        .refused(
            "call_task.attempt",
            json!({"task_id": id, "outcome": "reached", "expected_version": version}),
            Some(&caller()),
        )
        .await;
    assert_eq!(stale.status, 412);
    // Reassigned, then reached and closed with its result.
    let moved = svc
        .ok(
            "call_task.reassign",
            json!({"task_id": id, "assignee": "agent-2", "expected_version": version + 1}),
            Some(&caller()),
        )
        .await;
    assert_eq!(moved["assignee"], "agent-2");
    assert_eq!(moved["assigned_by"], "by callback_agent-1");
    let closed = svc
        .ok(
            "call_task.close",
            json!({"task_id": id, "result": "done", "note": "first visit booked", "expected_version": version + 2}),
            Some(&caller()),
        )
        .await;
    assert_eq!(
        (closed["state"].as_str(), closed["result"].as_str()),
        (Some("closed"), Some("done"))
    );
    let again = svc
        .refused(
            "call_task.close",
            json!({"task_id": id, "result": "done", "expected_version": version + 3}),
            Some(&caller()),
        )
        .await;
    assert_eq!(again.status, 409);
    assert_eq!(
        svc.refused(
            "call_task.get",
            json!({"id": Uuid::now_v7().to_string()}),
            Some(&caller())
        )
        .await
        .status,
        404
    );
}

#[tokio::test]
async fn an_agent_works_a_task_and_overdue_tasks_escalate_once_on_sqlite() {
    an_agent_works_a_task_and_overdue_tasks_escalate_once(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn an_agent_works_a_task_and_overdue_tasks_escalate_once_on_postgresql() {
    an_agent_works_a_task_and_overdue_tasks_escalate_once(TestBackend::Postgres).await;
}

fn answers(attitude: &str) -> Value {
    json!([
        {"key": "machine_working", "yes": true},
        {"key": "explained", "yes": true},
        {"key": "technician_attitude", "level": attitude},
        {"key": "technician_skill", "level": "satisfied"},
        {"key": "agent_attitude", "level": "very_satisfied"},
        {"key": "on_site_speed", "level": "satisfied"},
    ])
}

async fn callbacks_and_follow_ups_are_tasks_too(backend: TestBackend) {
    let svc = survey(backend, Utc::now()).await;
    let visit = work_order_completed(Utc::now() - chrono::Duration::days(1));
    let mut ticket = aftercare_contracts::intake::TicketOpened::example();
    ticket.ticket_id = visit.ticket_id;
    svc.publish(&Envelope::new(ticket, Some(staff(Role::Agent))))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    svc.publish(&Envelope::new(visit.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let page = svc
        .ok(
            "callback.list",
            json!({"work_order_id": visit.work_order_id, "limit": 10}),
            Some(&caller()),
        )
        .await;
    let cb = page["items"][0].clone();
    let task = tasks(&svc, json!({"kind": "callback"})).await;
    assert_eq!(task.len(), 1);
    assert_eq!(task[0]["refs"]["callback_id"], cb["id"]);
    assert_eq!(task[0]["assignee"], "callback_specialist");
    assert_eq!(task[0]["reference"], json!(visit.number));
    // A callback task closes through its callback only.
    let through = svc
        .refused(
            "call_task.close",
            json!({"task_id": task[0]["id"], "result": "done", "expected_version": task[0]["version"]}),
            Some(&caller()),
        )
        .await;
    assert_eq!(
        (through.status, through.code.as_str()),
        (409, "close_through_callback")
    );
    // A dissatisfied answer closes the callback's task and queues the answer owed to the
    // customer for the agent who took the ticket.
    svc.ok(
        "callback.record",
        json!({"callback_id": cb["id"], "outcome": "completed", "answers": answers("dissatisfied"), "expected_version": cb["version"]}),
        Some(&caller()),
    )
    .await;
    let done = svc
        .ok(
            "call_task.get",
            json!({"id": task[0]["id"]}),
            Some(&caller()),
        )
        .await;
    assert_eq!(
        (done["state"].as_str(), done["result"].as_str()),
        (Some("closed"), Some("done"))
    );
    let answer = tasks(&svc, json!({"kind": "complaint_answer"})).await;
    assert_eq!(answer.len(), 1);
    assert_eq!(answer[0]["assignee"], "agent-1");
    assert_eq!(answer[0]["assigned_by"], "source");
    // Closing it needs what was done, and resolves the follow-up.
    let empty = svc
        .refused(
            "call_task.close",
            json!({"task_id": answer[0]["id"], "result": "done", "expected_version": answer[0]["version"]}),
            Some(&staff(Role::Agent)),
        )
        .await;
    assert_eq!(
        (empty.status, empty.errors[0].field.as_str()),
        (422, "note")
    );
    svc.ok(
        "call_task.close",
        json!({"task_id": answer[0]["id"], "result": "done", "note": "technician apologised, visit booked", "expected_version": answer[0]["version"]}),
        Some(&staff(Role::Agent)),
    )
    .await;
    let f = svc
        .ok(
            "followup.get",
            json!({"id": answer[0]["refs"]["followup_id"]}),
            Some(&caller()),
        )
        .await;
    assert_eq!(f["status"], "resolved");
    assert_eq!(f["resolution"], "technician apologised, visit booked");
}

#[tokio::test]
async fn callbacks_and_follow_ups_are_tasks_too_on_sqlite() {
    callbacks_and_follow_ups_are_tasks_too(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn callbacks_and_follow_ups_are_tasks_too_on_postgresql() {
    callbacks_and_follow_ups_are_tasks_too(TestBackend::Postgres).await;
}

/// Billing's chase of an overdue receipt, as it sends it on `at`.
fn chase(
    invoice_id: Uuid,
    number: &str,
    customer_id: Uuid,
    age_days: i64,
    at: DateTime<Utc>,
) -> Envelope<ReceivableOverdue> {
    let mut e = Envelope::new(
        ReceivableOverdue {
            invoice_id,
            number: number.into(),
            customer_name: format!("Customer of {number}"),
            customer_id: Some(customer_id),
            outstanding: Money::cny(20_000),
            age_days,
            bucket: AgeBucket::Days31To60,
            iou_promised_on: None,
        },
        None,
    );
    e.occurred_at = at;
    e
}

/// Each week's chases of overdue receipts make that week's chase list (Monday to Sunday,
/// by district and the chase call's agent); a receipt is listed once a week however often
/// it is reminded, and a chase while last week's call is open is that call.
async fn the_weekly_chase_list_holds_each_week_s_chases(backend: TestBackend) {
    // Wednesday 3 March 2027 in Shanghai.
    let svc = survey(backend, cst(2027, 3, 3, 10, 0)).await;
    let (haizhu, tianhe) = (Uuid::now_v7(), Uuid::now_v7());
    for (customer, district) in [(haizhu, "haizhu"), (tianhe, "tianhe")] {
        let mut t = aftercare_contracts::intake::TicketOpened::example();
        t.ticket_id = Uuid::now_v7();
        t.customer_id = Some(customer);
        t.customer.district = district.into();
        svc.publish(&Envelope::new(t, Some(staff(Role::Agent))))
            .await
            .unwrap();
    }
    svc.settled().await.unwrap();
    let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
    // Week of Monday 1 March: both chased on Monday, and A's IOU reminder on Thursday.
    for e in [
        chase(a, "R2027-000101", haizhu, 40, cst(2027, 3, 1, 9, 0)),
        chase(b, "R2027-000102", tianhe, 35, cst(2027, 3, 1, 9, 0)),
        chase(a, "R2027-000101", haizhu, 43, cst(2027, 3, 4, 9, 0)),
        // The next week: A only (B was paid).
        chase(a, "R2027-000101", haizhu, 47, cst(2027, 3, 8, 9, 0)),
    ] {
        svc.publish(&e).await.unwrap();
        svc.settled().await.unwrap();
    }
    let list = |filter: Value| {
        let svc = &svc;
        async move {
            svc.ok("receivable_chase.list", filter, Some(&staff(Role::Finance)))
                .await
        }
    };
    let first = list(json!({"week": "2027-03-07"})).await;
    assert_eq!(
        (&first["week"], &first["last_day"]),
        (&json!("2027-03-01"), &json!("2027-03-07")),
        "{first}"
    );
    let items = first["items"].as_array().unwrap();
    let rows: Vec<_> = items
        .iter()
        .map(|i| {
            (
                i["number"].as_str().unwrap(),
                i["district"].as_str().unwrap(),
                i["chased_on"].as_str().unwrap(),
                i["age_days"].as_i64().unwrap(),
                i["agent"].as_str().unwrap(),
                i["call_state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "R2027-000101",
                "haizhu",
                "2027-03-01",
                40,
                "district:haizhu",
                "open"
            ),
            (
                "R2027-000102",
                "tianhe",
                "2027-03-01",
                35,
                "district:tianhe",
                "open"
            )
        ],
        "one row a receipt and week, the week's first chase"
    );
    assert_eq!(
        items[0]["outstanding"],
        json!({"amount_minor": 20000, "currency": "CNY"})
    );
    // The call tasks are the queue's: one open per receipt, the second week's chase of A
    // is the same call.
    let calls = tasks(&svc, json!({"kind": "overdue_payment"})).await;
    assert_eq!(calls.len(), 2, "{calls:#?}");
    let call_of_a = calls
        .iter()
        .find(|t| t["reference"] == "R2027-000101")
        .unwrap();
    assert_eq!(items[0]["call_task_id"], call_of_a["id"]);
    let second = list(json!({"week": "2027-03-08"})).await;
    let items2 = second["items"].as_array().unwrap();
    assert_eq!(items2.len(), 1, "{second}");
    assert_eq!(
        (
            &items2[0]["number"],
            &items2[0]["age_days"],
            &items2[0]["call_task_id"]
        ),
        (&json!("R2027-000101"), &json!(47), &call_of_a["id"])
    );

    // By district (any case) and by agent.
    let by_district = list(json!({"week": "2027-03-01", "district": "TIANHE"})).await;
    let numbers = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["number"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(numbers(&by_district), ["R2027-000102"]);
    let by_agent = list(json!({"week": "2027-03-01", "agent": "district:haizhu"})).await;
    assert_eq!(numbers(&by_agent), ["R2027-000101"]);
    assert!(
        numbers(&list(json!({"week": "2027-02-28"})).await).is_empty(),
        "the week before"
    );

    // Reassigned and closed, the list shows the call's agent and state now.
    let id = call_of_a["id"].as_str().unwrap();
    let version = call_of_a["version"].as_i64().unwrap();
    svc.ok(
        "call_task.reassign",
        json!({"task_id": id, "assignee": "agent-9", "expected_version": version}),
        Some(&caller()),
    )
    .await;
    svc.ok(
        "call_task.close",
        json!({"task_id": id, "result": "done", "note": "pays Friday", "expected_version": version + 1}),
        Some(&caller()),
    )
    .await;
    let now = list(json!({"week": "2027-03-01", "agent": "agent-9"})).await;
    assert_eq!(numbers(&now), ["R2027-000101"]);
    assert_eq!(now["items"][0]["call_state"], "closed");

    // A bad filter is refused naming it.
    let long = "x".repeat(101);
    for (body, field) in [
        (json!({"week": "2027-03-01", "agent": ""}), "agent"),
        (json!({"week": "2027-03-01", "district": long}), "district"),
    ] {
        let bad = svc
            .refused("receivable_chase.list", body, Some(&staff(Role::Finance)))
            .await;
        assert_eq!((bad.status, bad.errors[0].field.as_str()), (422, field));
    }
}

#[tokio::test]
async fn the_weekly_chase_list_holds_each_week_s_chases_on_sqlite() {
    the_weekly_chase_list_holds_each_week_s_chases(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_weekly_chase_list_holds_each_week_s_chases_on_postgresql() {
    the_weekly_chase_list_holds_each_week_s_chases(TestBackend::Postgres).await;
}
