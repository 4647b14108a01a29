//! Dispatch alone, in this process, on a temporary database and a real nats-server: the
//! events it consumes are published as their producers would, and what it stores,
//! stages and publishes is read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::intake::{TicketOpened, WarrantyRegistered};
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_dispatch::Config;
use aftercare_testkit::fixtures::staff;
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::json;

async fn dispatch(backend: TestBackend, config: Config) -> ServiceHarness {
    ServiceHarness::start(Service::Dispatch, backend, |bus, url, settings| async move {
        aftercare_dispatch::build(bus, &url, settings, config).await
    })
    .await
    .unwrap()
}

async fn the_same_event_delivered_twice_has_one_effect(backend: TestBackend) {
    let svc = dispatch(backend, Config::default()).await;
    let mut event = TicketOpened::example();
    event.ticket_id = uuid::Uuid::now_v7();
    let envelope = Envelope::new(event.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    // Two different message ids, so JetStream stores both: only the inbox can dedupe.
    svc.publish_raw(TicketOpened::TYPE, "copy-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(TicketOpened::TYPE, "copy-2", payload)
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let id = event.ticket_id;
    let db = svc.db();
    assert_eq!(
        db.count(&format!(
            "select count(*) from work_order where ticket_id = '{id}'"
        ))
        .await
        .unwrap(),
        1
    );
    assert_eq!(db.count("select count(*) from inbox").await.unwrap(), 1);
    // With nobody to assign, the one work order is flagged once: one staged event, and
    // that is what went out.
    let staged = db.staged("dispatch.workorder.unassigned").await.unwrap();
    assert_eq!(staged.len(), 1);
    assert_eq!(staged[0].envelope["data"]["ticket_id"], json!(id));
    let sent = svc
        .next_published("dispatch.workorder.unassigned", |e| {
            e["data"]["ticket_id"] == json!(id)
        })
        .await
        .unwrap();
    assert_eq!(sent["id"], staged[0].envelope["id"]);
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_sqlite() {
    the_same_event_delivered_twice_has_one_effect(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_same_event_delivered_twice_has_one_effect_on_postgresql() {
    the_same_event_delivered_twice_has_one_effect(TestBackend::Postgres).await;
}

#[tokio::test]
async fn a_poison_message_is_dead_lettered_at_once_and_later_messages_still_flow() {
    let svc = dispatch(TestBackend::Sqlite, Config::default()).await;
    let mut broken = serde_json::to_value(Envelope::new(TicketOpened::example(), None)).unwrap();
    broken["data"]["priority"] = json!("urgent!!");
    svc.publish_raw(
        TicketOpened::TYPE,
        "poison-1",
        serde_json::to_vec(&broken).unwrap(),
    )
    .await
    .unwrap();
    svc.publish_raw(TicketOpened::TYPE, "poison-2", b"not json at all".to_vec())
        .await
        .unwrap();
    // A real ticket published after the poison still becomes a work order.
    let mut good = TicketOpened::example();
    good.ticket_id = uuid::Uuid::now_v7();
    svc.publish(&Envelope::new(good.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let letters = svc.dead_letters().await.unwrap();
    assert_eq!(letters.len(), 2, "{letters:?}");
    assert!(
        letters.iter().all(|d| d.consumer == "dispatch"
            && d.subject == TicketOpened::TYPE
            && d.deliveries == 1)
    );
    // Either may be set aside first (an unreadable envelope is refused before a batch runs).
    let schema = letters
        .iter()
        .find(|d| d.reason.contains("data.priority"))
        .expect("the schema violation, naming the field");
    let garbage = letters
        .iter()
        .find(|d| d.reason.contains("not an event envelope"))
        .expect("the unreadable payload");
    assert!(schema.payload.contains("urgent!!"));
    assert_eq!(garbage.payload, "not json at all");
    let orders = svc
        .db()
        .rows("select ticket_id, status from work_order")
        .await
        .unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0]["ticket_id"], json!(good.ticket_id));
}

#[tokio::test]
async fn the_maintenance_lead_time_comes_from_the_config_and_each_visit_is_generated_once() {
    // A lead of 40 days brings a new card's first visit and first monthly cleaning due.
    let svc = dispatch(
        TestBackend::Sqlite,
        Config {
            maintenance_lead_days: 40,
            ..Config::default()
        },
    )
    .await;
    let today = chrono::Utc::now().date_naive();
    let mut card = WarrantyRegistered::example();
    card.customer_id = uuid::Uuid::now_v7();
    card.machine_id = uuid::Uuid::now_v7();
    card.machine.product_line = "fax".into();
    card.machine.purchase_date = Some(today);
    card.warranty_end = Some(today + chrono::Days::new(365));
    card.first_maintenance_by = today + chrono::Days::new(7);
    svc.publish(&Envelope::new(card.clone(), None))
        .await
        .unwrap();

    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "both plans to generate their first visit",
        || async { svc.published("dispatch.maintenance.due").len() == 2 },
    )
    .await
    .unwrap();
    // The job runs every 200 ms here; running again generates nothing new.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let db = svc.db();
    assert_eq!(
        db.count("select count(*) from maintenance_visit")
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        db.staged("dispatch.maintenance.due").await.unwrap().len(),
        2
    );
    assert_eq!(svc.published("dispatch.maintenance.due").len(), 2);
    let due: Vec<_> = svc
        .published("dispatch.maintenance.due")
        .iter()
        .map(|e| e["data"]["due_on"].clone())
        .collect();
    assert!(due.contains(&json!(card.first_maintenance_by)), "{due:?}");
}

fn dispatcher() -> aftercare_contracts::Actor {
    staff(aftercare_contracts::Role::Dispatcher)
}

fn refused_with(r: Result<serde_json::Value, aftercare_platform::rpc::CallError>) -> (u16, String) {
    match r {
        Err(aftercare_platform::rpc::CallError::Service(e)) => (
            e.status,
            e.errors
                .first()
                .map(|f| f.field.clone())
                .unwrap_or_default(),
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// A copier ticket in Tianhe opened as intake publishes it; returns its work order, once
/// dispatch has assigned it.
async fn assigned(svc: &ServiceHarness, serial: &str) -> serde_json::Value {
    let mut t = TicketOpened::example();
    t.ticket_id = uuid::Uuid::now_v7();
    if let Some(m) = t.machine.as_mut() {
        m.serial = serial.into();
    }
    svc.publish(&Envelope::new(t.clone(), None)).await.unwrap();
    svc.settled().await.unwrap();
    let w = work_order_of(svc, t.ticket_id).await;
    assert_eq!(w["status"], "assigned", "{w}");
    w
}

/// The work order dispatch made for ticket `ticket_id`, once it is there: a consumer that
/// looks settled may not have counted an event the stream has just taken.
async fn work_order_of(svc: &ServiceHarness, ticket_id: uuid::Uuid) -> serde_json::Value {
    let found = std::cell::RefCell::new(serde_json::Value::Null);
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "the ticket's work order",
        || {
            let found = &found;
            async move {
                let page: serde_json::Value = svc
                    .request(
                        "workorder.list",
                        &json!({"ticket_id": ticket_id, "limit": 10}),
                        Some(&dispatcher()),
                    )
                    .await
                    .unwrap();
                let w = page["items"][0].clone();
                let there = !w.is_null();
                *found.borrow_mut() = w;
                there
            }
        },
    )
    .await
    .unwrap();
    found.into_inner()
}

async fn day_plans_route_appointments_and_insert_urgent_work(backend: TestBackend) {
    let svc = dispatch(backend, Config::default()).await;
    let tech: serde_json::Value = svc
        .request(
            "technician.create",
            &json!({"name": "Li Wei", "district": "tianhe", "skills": ["copier", "sharp"],
                "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 50}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    // Appointments tomorrow (China Standard Time): afternoon, morning, and later a midday one.
    let day =
        (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive() + chrono::Duration::days(1);
    let book = |w: serde_json::Value, from: &str, to: &str| {
        let body = json!({"work_order_id": w["id"], "expected_version": w["version"],
            "window": {"start": format!("{day}T{from}:00+08:00"), "end": format!("{day}T{to}:00+08:00")}});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("workorder.book", &body, Some(&dispatcher()))
                .await
        }
    };
    let mut orders = Vec::new();
    for serial in ["SN-PLAN-1", "SN-PLAN-2", "SN-PLAN-3"] {
        orders.push(assigned(&svc, serial).await);
    }
    assert_eq!(
        refused_with(book(orders[0].clone(), "15:00", "14:00").await),
        (422, "window.end".into())
    );
    let a = book(orders[0].clone(), "14:00", "15:00").await.unwrap();
    assert!(
        a["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["reason"].as_str().unwrap().starts_with("appointment "))
    );
    book(orders[1].clone(), "09:00", "10:00").await.unwrap();
    // Not booked yet: the third is still in the queue; book it after publishing.
    let third = orders[2].clone();

    let plan = |date: String| {
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>(
                "day_plan.publish",
                &json!({"date": date}),
                Some(&dispatcher()),
            )
            .await
        }
    };
    assert_eq!(
        refused_with(plan("2000-01-01".into()).await),
        (422, "date".into())
    );
    let published = plan(day.to_string()).await.unwrap();
    assert_eq!(published["revision"], 1);
    let route = &published["routes"][0];
    assert_eq!(route["technician_id"], tech["id"]);
    let numbers = |route: &serde_json::Value| -> Vec<String> {
        route["stops"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["number"].as_str().unwrap().to_owned())
            .collect()
    };
    let pos = |stops: &[String], w: &serde_json::Value| {
        stops
            .iter()
            .position(|x| x == w["number"].as_str().unwrap())
            .unwrap()
    };
    // The queue (no appointment) fits anywhere; the morning appointment before the afternoon one.
    let stops = numbers(route);
    assert!(
        pos(&stops, &orders[1]) < pos(&stops, &orders[0]),
        "{stops:?}"
    );
    for stop in route["stops"].as_array().unwrap() {
        if let Some(w) = stop["window"].as_object() {
            let start = stop["planned_start"].as_str().unwrap();
            assert!(
                start >= w["start"].as_str().unwrap() && start <= w["end"].as_str().unwrap(),
                "{stop}"
            );
        }
    }
    let a_now: serde_json::Value = svc
        .request(
            "workorder.get",
            &json!({"id": orders[0]["id"]}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    assert!(a_now["planned_arrival"].is_string(), "{a_now}");

    // An urgent midday appointment re-plans this technician's route only.
    let third = svc
        .request::<_, serde_json::Value>("workorder.get", &json!({"id": third["id"]}), None)
        .await
        .unwrap();
    book(third, "11:30", "12:00").await.unwrap();
    let again: serde_json::Value = svc
        .request("day_plan.get", &json!({"date": day}), Some(&dispatcher()))
        .await
        .unwrap();
    assert_eq!(again["revision"], 2);
    let stops = numbers(&again["routes"][0]);
    assert_eq!(stops.len(), 3, "{again}");
    assert!(
        pos(&stops, &orders[1]) < pos(&stops, &orders[2])
            && pos(&stops, &orders[2]) < pos(&stops, &orders[0]),
        "{stops:?}"
    );
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "both routes to be published",
        || async { svc.published("dispatch.route.published").len() == 2 },
    )
    .await
    .unwrap();
    let routes = svc.published("dispatch.route.published");
    assert_eq!(routes[1]["data"]["revision"], 2);
    assert_eq!(
        svc.db()
            .staged("dispatch.route.published")
            .await
            .unwrap()
            .len(),
        2
    );
    // One technician's route alone.
    let own: serde_json::Value = svc
        .request(
            "day_plan.get",
            &json!({"date": day, "technician_id": tech["id"]}),
            None,
        )
        .await
        .unwrap();
    assert_eq!(own["routes"].as_array().map(Vec::len), Some(1));
    assert_eq!(own["unplanned"], json!([]));
}

#[tokio::test]
async fn day_plans_route_appointments_and_insert_urgent_work_on_sqlite() {
    day_plans_route_appointments_and_insert_urgent_work(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn day_plans_route_appointments_and_insert_urgent_work_on_postgresql() {
    day_plans_route_appointments_and_insert_urgent_work(TestBackend::Postgres).await;
}

/// A technician's daily capacity counts the work planned for the day in Shanghai: orders
/// booked next week leave today free, an unreported order of yesterday does not block
/// today, and today's own work fills it; automatic and by-hand assignment read it alike.
async fn capacity_counts_the_days_work(backend: TestBackend) {
    let svc = dispatch(backend, Config::default()).await;
    let tech: serde_json::Value = svc
        .request(
            "technician.create",
            &json!({"name": "Zhao Min", "district": "tianhe", "skills": ["copier", "sharp"],
                "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 2}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let book = |w: serde_json::Value, day: chrono::NaiveDate, from: &str, to: &str| {
        let body = json!({"work_order_id": w["id"], "expected_version": w["version"],
            "window": {"start": format!("{day}T{from}:00+08:00"), "end": format!("{day}T{to}:00+08:00")}});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("workorder.book", &body, Some(&dispatcher()))
                .await
                .unwrap()
        }
    };
    let assign = |w: &serde_json::Value, technician: Option<&serde_json::Value>| {
        let mut body = json!({"work_order_id": w["id"], "expected_version": w["version"],
            "reason": "capacity check"});
        if let Some(t) = technician {
            body["technician_id"] = t.clone();
        }
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("workorder.assign", &body, Some(&dispatcher()))
                .await
                .unwrap()
        }
    };
    let reasons = |w: &serde_json::Value| w["assignment_reasons"].to_string();

    // Two orders in the queue today fill the day.
    let first = assigned(&svc, "SN-CAP-1").await;
    let second = assigned(&svc, "SN-CAP-2").await;
    let third = unassigned(&svc).await;
    assert_eq!(third["status"], "unassigned", "{third}");
    assert!(reasons(&third).contains("at capacity (2/2)"), "{third}");

    // Booked next week, they leave today free: the automatic rules now choose him.
    let next_week = today + chrono::Duration::days(7);
    book(first, next_week, "09:00", "10:00").await;
    book(second, next_week, "10:00", "11:00").await;
    let third = assign(&work_order(&svc, &third["id"]).await, None).await;
    assert_eq!(third["status"], "assigned", "{third}");
    assert_eq!(third["technician_id"], tech["id"]);
    assert!(reasons(&third).contains("load 0/2"), "{third}");

    // Yesterday's visit nobody reported on does not block today.
    let yesterday = today - chrono::Duration::days(1);
    book(third, yesterday, "09:00", "10:00").await;
    let fourth = assigned(&svc, "SN-CAP-4").await;
    assert!(reasons(&fourth).contains("load 0/2"), "{fourth}");
    let fifth = assigned(&svc, "SN-CAP-5").await;
    assert!(reasons(&fifth).contains("load 1/2"), "{fifth}");

    // Today's own work fills today; a dispatcher may still give him more, seeing the load.
    let sixth = unassigned(&svc).await;
    assert_eq!(sixth["status"], "unassigned", "{sixth}");
    assert!(reasons(&sixth).contains("at capacity (2/2)"), "{sixth}");
    let sixth = assign(&sixth, Some(&tech["id"])).await;
    assert_eq!(sixth["technician_id"], tech["id"]);
    assert!(reasons(&sixth).contains("load 2/2"), "{sixth}");
}

#[tokio::test]
async fn capacity_counts_the_days_work_on_sqlite() {
    capacity_counts_the_days_work(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn capacity_counts_the_days_work_on_postgresql() {
    capacity_counts_the_days_work(TestBackend::Postgres).await;
}

/// A flagged work order (nobody to assign) for a fresh copier ticket.
async fn unassigned(svc: &ServiceHarness) -> serde_json::Value {
    let mut t = TicketOpened::example();
    t.ticket_id = uuid::Uuid::now_v7();
    svc.publish(&Envelope::new(t.clone(), None)).await.unwrap();
    svc.settled().await.unwrap();
    work_order_of(svc, t.ticket_id).await
}

async fn work_order(svc: &ServiceHarness, id: &serde_json::Value) -> serde_json::Value {
    svc.request("workorder.get", &json!({"id": id}), Some(&dispatcher()))
        .await
        .unwrap()
}

#[tokio::test]
async fn inventorys_answers_hold_release_and_ready_a_work_orders_parts() {
    use aftercare_contracts::inventory::{
        BackorderFulfilled, ReservationBackordered, ReservationConfirmed, ReservedLine,
    };
    let svc = dispatch(TestBackend::Sqlite, Config::default()).await;
    let w = unassigned(&svc).await;
    let id: uuid::Uuid = serde_json::from_value(w["id"].clone()).unwrap();
    let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
    let booked: serde_json::Value = svc
        .request(
            "workorder.book",
            &json!({"work_order_id": w["id"], "expected_version": w["version"],
                "window": {"start": tomorrow, "end": tomorrow + chrono::Duration::hours(2)}}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    assert!(booked["appointment"].is_object(), "{booked}");
    let line = |sku: &str, location: Option<&str>| ReservedLine {
        sku: sku.into(),
        quantity: 1,
        location: location.map(str::to_owned),
    };
    let last_note = |w: &serde_json::Value| {
        w["history"].as_array().unwrap().last().unwrap()["reason"]
            .as_str()
            .unwrap()
            .to_owned()
    };

    // Not in stock: the appointment is released (a new version) until the parts come.
    svc.publish(&Envelope::new(
        ReservationBackordered {
            work_order_id: id,
            lines: vec![line("DRUM-1", None)],
            at: chrono::Utc::now(),
        },
        None,
    ))
    .await
    .unwrap();
    svc.settled().await.unwrap();
    let w1 = work_order(&svc, &w["id"]).await;
    assert_eq!(w1["parts_status"], "backordered", "{w1}");
    assert!(w1["appointment"].is_null(), "{w1}");
    assert_eq!(w1["version"], booked["version"].as_i64().unwrap() + 1);
    assert_eq!(
        last_note(&w1),
        "parts backordered: DRUM-1 ×1; appointment released until they arrive"
    );

    // A late reservation of the rest changes nothing; a partial arrival keeps it waiting.
    svc.publish(&Envelope::new(
        ReservationConfirmed {
            work_order_id: id,
            lines: vec![line("FUSER-2", Some("main"))],
            at: chrono::Utc::now(),
        },
        None,
    ))
    .await
    .unwrap();
    svc.publish(&Envelope::new(
        BackorderFulfilled {
            work_order_id: id,
            line: line("DRUM-1", Some("main")),
            complete: false,
            at: chrono::Utc::now(),
        },
        None,
    ))
    .await
    .unwrap();
    svc.settled().await.unwrap();
    let w2 = work_order(&svc, &w["id"]).await;
    assert_eq!(w2["parts_status"], "backordered");
    assert_eq!(w2["version"], w1["version"], "a note is not an edit");
    assert_eq!(last_note(&w2), "parts backordered: DRUM-1 ×1 at main");
    assert_eq!(
        w2["history"].as_array().unwrap().len(),
        w1["history"].as_array().unwrap().len() + 1
    );

    // Everything in: ready to book again.
    svc.publish(&Envelope::new(
        BackorderFulfilled {
            work_order_id: id,
            line: line("DRUM-1", Some("main")),
            complete: true,
            at: chrono::Utc::now(),
        },
        None,
    ))
    .await
    .unwrap();
    svc.settled().await.unwrap();
    let w3 = work_order(&svc, &w["id"]).await;
    assert_eq!(w3["parts_status"], "arrived");
    assert_eq!(
        last_note(&w3),
        "parts arrived: DRUM-1 ×1 at main; book the visit"
    );
    // An answer about an unknown work order is let go.
    svc.publish(&Envelope::new(
        ReservationConfirmed {
            work_order_id: uuid::Uuid::now_v7(),
            lines: vec![line("DRUM-1", None)],
            at: chrono::Utc::now(),
        },
        None,
    ))
    .await
    .unwrap();
    svc.settled().await.unwrap();
    assert!(svc.dead_letters().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_plan_made_by_hand_is_checked_and_listed_with_its_customer() {
    let svc = dispatch(TestBackend::Sqlite, Config::default()).await;
    let customer = uuid::Uuid::now_v7();
    // A contract's plan by hand: bad input is refused field by field and changes nothing.
    let bad = json!({"kind": "contract", "customer_id": customer, "company": " Haizhu Trading ", "district": "tianhe",
        "machine": {"product_line": "fax", "brand": "Panasonic", "model": "KX-FL338", "serial": "PM-1"},
        "every_months": 30, "first_due": "2027-03-01", "until": "2027-01-01"});
    match svc
        .request::<_, serde_json::Value>("maintenance.create", &bad, Some(&dispatcher()))
        .await
    {
        Err(aftercare_platform::rpc::CallError::Service(e)) => {
            let fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
            assert_eq!((e.status, fields), (422, vec!["every_months", "until"]));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        svc.db()
            .count("select count(*) from maintenance_plan")
            .await
            .unwrap(),
        0
    );
    let mut good = bad.clone();
    good["every_months"] = json!(3);
    good["until"] = json!("2028-12-31");
    let p: serde_json::Value = svc
        .request("maintenance.create", &good, Some(&dispatcher()))
        .await
        .unwrap();
    assert_eq!(
        (
            p["next_due"].as_str(),
            p["company"].as_str(),
            p["active"].as_bool()
        ),
        (Some("2027-03-01"), Some("Haizhu Trading"), Some(true)),
        "{p}"
    );
    // Two requests are two plans (a plan by hand is keyed by its own id).
    svc.request::<_, serde_json::Value>("maintenance.create", &good, Some(&dispatcher()))
        .await
        .unwrap();
    let list: serde_json::Value = svc
        .request(
            "maintenance.list",
            &json!({"customer_id": customer, "limit": 10}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert_eq!(list["items"][0]["id"], p["id"]);
}

/// 07:00 on 1 January 2027 in Shanghai, while UTC is still on 31 December 2026.
fn new_year_morning_in_shanghai() -> aftercare_platform::Clock {
    use chrono::TimeZone;
    aftercare_platform::Clock::starting_at(
        chrono::Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
            .single()
            .unwrap(),
    )
}

#[tokio::test]
async fn work_orders_and_running_contracts_follow_the_company_date_at_the_turn_of_the_year() {
    use aftercare_contracts::billing::{Contract, ContractCoverage, ContractSigned};
    let svc = dispatch(
        TestBackend::Sqlite,
        Config {
            clock: new_year_morning_in_shanghai(),
            ..Config::default()
        },
    )
    .await;
    // The first work order of the morning is the new year's, not 2026's.
    let w = unassigned(&svc).await;
    assert_eq!(w["number"], "W2027-000001", "{w}");

    // A contract already running starts its monthly visits on the company's today.
    let machine = TicketOpened::example().machine.unwrap();
    let contract = Contract {
        id: uuid::Uuid::now_v7(),
        number: "K2026-000042".into(),
        customer_id: uuid::Uuid::now_v7(),
        customer_name: "ACME".into(),
        district: "tianhe".into(),
        address: "1 Tianhe Rd".into(),
        machines: vec![machine],
        starts_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        ends_on: chrono::NaiveDate::from_ymd_opt(2027, 11, 30).unwrap(),
        coverage: ContractCoverage {
            call_out: true,
            labour: true,
            parts: false,
            visit_every_months: 1,
        },
        price: aftercare_contracts::Money {
            amount_minor: 120_000,
            currency: "CNY".into(),
        },
        created_at: chrono::Utc::now(),
    };
    svc.publish(&Envelope::new(ContractSigned(contract), None))
        .await
        .unwrap();
    let due = svc
        .next_published("dispatch.maintenance.due", |_| true)
        .await
        .unwrap();
    assert_eq!(due["data"]["due_on"], "2027-01-01", "{due}");
}

/// A step taken on the phone keeps the phone's time when it lies in the allowed window;
/// outside it the request is refused naming `occurred_at` and changes nothing.
async fn a_steps_phone_time_is_recorded_and_bounded(backend: TestBackend) {
    let svc = dispatch(backend, Config::default()).await;
    svc.request::<_, serde_json::Value>(
        "technician.create",
        &json!({"name": "Chen Jie", "district": "tianhe", "skills": ["copier", "sharp"],
            "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 10}),
        Some(&dispatcher()),
    )
    .await
    .unwrap();
    let w = assigned(&svc, "SN-STEP-1").await;
    let created = chrono::DateTime::parse_from_rfc3339(w["created_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let step = |to: &str,
                version: &serde_json::Value,
                at: Option<chrono::DateTime<chrono::Utc>>| {
        let mut body = json!({"work_order_id": w["id"], "to": to, "expected_version": version});
        if let Some(at) = at {
            body["occurred_at"] = json!(at);
        }
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("workorder.transition", &body, Some(&dispatcher()))
                .await
        }
    };
    // Accepted on the phone the moment the work order was created, sent later.
    let accepted = step("accepted", &w["version"], Some(created))
        .await
        .unwrap();
    let en_route = step("en_route", &accepted["version"], None).await.unwrap();
    // Before the work order existed, 10 minutes ahead, 80 hours behind.
    for at in [
        created - chrono::Duration::seconds(1),
        chrono::Utc::now() + chrono::Duration::minutes(10),
        chrono::Utc::now() - chrono::Duration::hours(80),
    ] {
        assert_eq!(
            refused_with(step("on_site", &en_route["version"], Some(at)).await),
            (422, "occurred_at".to_owned())
        );
    }
    let read = work_order(&svc, &w["id"]).await;
    assert_eq!(read["status"], "en_route", "{read}");
    let history = read["history"].as_array().unwrap();
    let accept = history.iter().find(|m| m["to"] == "accepted").unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(accept["at"].as_str().unwrap()).unwrap();
    assert_eq!(
        at.timestamp_millis(),
        created.timestamp_millis(),
        "{accept}"
    );
    let sent = svc
        .next_published("dispatch.workorder.status_changed", |e| {
            e["data"]["work_order_id"] == w["id"] && e["data"]["to"] == "accepted"
        })
        .await
        .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(sent["data"]["at"].as_str().unwrap()).unwrap();
    assert_eq!(at.timestamp_millis(), created.timestamp_millis(), "{sent}");
}

#[tokio::test]
async fn a_steps_phone_time_is_recorded_and_bounded_on_sqlite() {
    a_steps_phone_time_is_recorded_and_bounded(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_steps_phone_time_is_recorded_and_bounded_on_postgresql() {
    a_steps_phone_time_is_recorded_and_bounded(TestBackend::Postgres).await;
}

/// The report-back register of a working day (Tuesday 8 December 2026, 09:05 in
/// Shanghai): a technician whose first `en_route` step came at 09:05 is 15 minutes late,
/// one who said they left at 08:45 is on time (and saying it again changes nothing), one
/// who has not left is missing; a visit is reported back by its report or by the call the
/// desk records, and a call about another technician's work order is refused.
async fn the_report_back_register_says_who_left_late_and_who_reported_back(backend: TestBackend) {
    use chrono::TimeZone;
    let tz = aftercare_calendar::BusinessCalendar::china().time_zone();
    let local = |d: u32, h: u32, m: u32| {
        tz.with_ymd_and_hms(2026, 12, d, h, m, 0)
            .single()
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let config = Config {
        clock: aftercare_platform::Clock::starting_at(local(8, 9, 5)),
        ..Config::default()
    };
    let svc = dispatch(backend, config).await;
    let technician = |name: &str| {
        let body = json!({"name": name, "district": "tianhe", "skills": ["copier", "sharp"],
            "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 10});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("technician.create", &body, Some(&dispatcher()))
                .await
                .unwrap()
        }
    };
    let chen = technician("Chen Jie").await;
    let first = assigned(&svc, "SN-REG-1").await;
    let second = assigned(&svc, "SN-REG-2").await;
    let li = technician("Li Na").await;
    let wang = technician("Wang Fang").await;
    let step = |w: serde_json::Value, to: &'static str| {
        let svc = &svc;
        async move {
            let body =
                json!({"work_order_id": w["id"], "to": to, "expected_version": w["version"]});
            svc.request::<_, serde_json::Value>("workorder.transition", &body, Some(&dispatcher()))
                .await
                .unwrap()
        }
    };
    let mut w1 = first.clone();
    for to in ["accepted", "en_route", "on_site"] {
        w1 = step(w1, to).await;
    }
    let now = local(8, 9, 5);
    let reported: serde_json::Value = svc
        .request(
            "workorder.complete",
            &json!({"work_order_id": w1["id"], "expected_version": w1["version"],
                "diagnosis": "toner low", "fault": "fuser", "outcome": "completed",
                "started_at": now, "finished_at": now}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    assert_eq!(reported["status"], "completed", "{reported}");
    let mut w2 = second.clone();
    for to in ["accepted", "en_route", "on_site"] {
        w2 = step(w2, to).await;
    }

    // Wang says he left at 08:45; the phone sends it twice.
    let depart = |at: Option<chrono::DateTime<chrono::Utc>>| {
        let mut body = json!({"technician_id": wang["id"]});
        if let Some(at) = at {
            body["occurred_at"] = json!(at);
        }
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>(
                "register.depart",
                &body,
                Some(&staff(aftercare_contracts::Role::Technician)),
            )
            .await
        }
    };
    let row = depart(Some(local(8, 8, 45))).await.unwrap();
    assert_eq!(row["departure"], "on_time", "{row}");
    assert_eq!(row["departure_source"], "recorded", "{row}");
    let again = depart(None).await.unwrap();
    assert_eq!(again["departed_at"], row["departed_at"], "{again}");
    assert_eq!(
        svc.db()
            .count(&format!(
                "select count(*) from register_entry where technician_id = '{}'",
                wang["id"].as_str().unwrap()
            ))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        refused_with(depart(Some(local(8, 9, 30))).await),
        (422, "occurred_at".to_owned())
    );

    let read = |date: &str| {
        let svc = &svc;
        let body = json!({"date": date});
        async move {
            svc.request::<_, serde_json::Value>("register.get", &body, Some(&dispatcher()))
                .await
                .unwrap()
        }
    };
    let day = read("2026-12-08").await;
    assert_eq!(day["working_day"], true, "{day}");
    assert_eq!(day["departure_time"], "08:50:00", "{day}");
    let rows = day["rows"].as_array().unwrap();
    let names: Vec<&str> = rows
        .iter()
        .map(|r| r["technician_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Chen Jie", "Li Na", "Wang Fang"]);
    let (c, l, w) = (&rows[0], &rows[1], &rows[2]);
    assert_eq!(c["technician_id"], chen["id"]);
    assert_eq!(c["departure"], "late", "{c}");
    assert_eq!(c["departure_source"], "work_order", "{c}");
    let late = c["late_minutes"].as_u64().unwrap();
    assert!((15..=17).contains(&late), "{c}");
    assert_eq!(c["visits"].as_array().unwrap().len(), 2, "{c}");
    assert_eq!(
        (c["reported_back"].as_u64(), c["not_reported_back"].as_u64()),
        (Some(1), Some(1)),
        "{c}"
    );
    assert_eq!(c["visits"][0]["work_order_id"], first["id"], "{c}");
    assert_eq!(c["visits"][0]["reported_by"], "work_order", "{c}");
    assert!(c["visits"][1]["reported_at"].is_null(), "{c}");
    assert_eq!(l["technician_id"], li["id"]);
    assert_eq!(l["departure"], "missing", "{l}");
    assert!(l["late_minutes"].as_u64().unwrap() >= 15, "{l}");
    assert!(l["visits"].as_array().unwrap().is_empty(), "{l}");
    assert_eq!(w["departure"], "on_time", "{w}");
    assert_eq!(w["late_minutes"], 0, "{w}");

    // The desk records Chen's call about the second visit.
    let call = |technician: &serde_json::Value, work_order: &serde_json::Value, note: String| {
        let body = json!({"technician_id": technician["id"], "work_order_id": work_order["id"], "note": note});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("register.report_back", &body, Some(&dispatcher()))
                .await
        }
    };
    let row = call(&chen, &second, " 已修好，客户满意 ".into())
        .await
        .unwrap();
    assert_eq!(
        (
            row["reported_back"].as_u64(),
            row["not_reported_back"].as_u64()
        ),
        (Some(2), Some(0)),
        "{row}"
    );
    assert_eq!(row["visits"][1]["reported_by"], "recorded", "{row}");
    assert_eq!(row["calls"][0]["note"], "已修好，客户满意", "{row}");
    assert_eq!(
        row["calls"][0]["recorded_by"],
        dispatcher().user_id,
        "{row}"
    );
    assert_eq!(
        refused_with(call(&li, &second, String::new()).await),
        (422, "work_order_id".to_owned())
    );
    assert_eq!(
        refused_with(call(&chen, &second, "话".repeat(501)).await),
        (422, "note".to_owned())
    );
    let nobody = json!({"id": uuid::Uuid::now_v7()});
    assert_eq!(
        refused_with(call(&nobody, &second, String::new()).await).0,
        404
    );
    let read_again = read("2026-12-08").await;
    assert_eq!(read_again["rows"][0]["reported_back"], 2, "{read_again}");

    // A past day lists the technicians active on that day, not today's: all three were
    // added this morning, so Monday's register has nobody.
    let monday = read("2026-12-07").await;
    assert_eq!(monday["rows"], json!([]), "{monday}");
    // Made inactive today, Wang Fang was active today: still on today's register, and on no
    // later day's (only Chen Jie and Li Na).
    let w: serde_json::Value = svc
        .request(
            "technician.get",
            &json!({"id": wang["id"]}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    let off: serde_json::Value = svc
        .request(
            "technician.update",
            &json!({"technician_id": wang["id"], "name": "Wang Fang", "district": "tianhe",
                "skills": ["copier", "sharp"], "daily_capacity": 10,
                "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}],
                "active": false, "expected_version": w["version"]}),
            Some(&dispatcher()),
        )
        .await
        .unwrap();
    assert_eq!(off["active"], false, "{off}");
    let names_on = |v: &serde_json::Value| -> Vec<String> {
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["technician_name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names_on(&read("2026-12-08").await),
        ["Chen Jie", "Li Na", "Wang Fang"]
    );
    assert_eq!(names_on(&read("2026-12-09").await), ["Chen Jie", "Li Na"]);

    // Sunday: nobody is due.
    let sunday = read("2026-12-06").await;
    assert_eq!(sunday["working_day"], false, "{sunday}");
    assert!(
        sunday["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["departure"] == "not_due" && r["late_minutes"] == 0),
        "{sunday}"
    );
}

#[tokio::test]
async fn the_report_back_register_says_who_left_late_and_who_reported_back_on_sqlite() {
    the_report_back_register_says_who_left_late_and_who_reported_back(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_report_back_register_says_who_left_late_and_who_reported_back_on_postgresql() {
    the_report_back_register_says_who_left_late_and_who_reported_back(TestBackend::Postgres).await;
}

/// The fault list: the built-in codes at version 0, replaced whole by the administrator at
/// the version read; a visit report naming a code not on it or inactive is refused on
/// `fault` and changes nothing, one naming an active code is filed. The technician's
/// "return visit needed" and its note are kept on the report and carried by
/// `dispatch.workorder.completed` v4; a note without it is refused.
async fn visit_reports_name_a_fault_from_the_list_and_may_ask_for_a_return_visit(
    backend: TestBackend,
) {
    let svc = dispatch(backend, Config::default()).await;
    let admin = staff(aftercare_contracts::Role::Admin);
    let body = json!({"name": "Zhao Lei", "district": "tianhe", "skills": ["copier", "sharp"],
        "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 10});
    svc.request::<_, serde_json::Value>("technician.create", &body, Some(&dispatcher()))
        .await
        .unwrap();
    let w = assigned(&svc, "SN-FAULT-1").await;

    let list: serde_json::Value = svc
        .request("fault_codes.get", &json!({}), Some(&dispatcher()))
        .await
        .unwrap();
    assert_eq!(list["version"], 0, "{list}");
    assert_eq!(list["codes"].as_array().map(Vec::len), Some(12), "{list}");
    assert_eq!(list["codes"][5]["code"], "fuser", "{list}");

    let codes = json!([
        {"code": "paper_jam", "label_zh": "卡纸", "label_en": "Paper jam", "active": true},
        {"code": "fuser", "label_zh": "定影器", "label_en": "Fuser", "active": false},
    ]);
    let replace = |codes: serde_json::Value, expected: i64| {
        let svc = &svc;
        let admin = admin.clone();
        async move {
            svc.request::<_, serde_json::Value>(
                "fault_codes.replace",
                &json!({"codes": codes, "expected_version": expected}),
                Some(&admin),
            )
            .await
        }
    };
    let mut twice = codes.clone();
    twice[1]["code"] = json!("paper_jam");
    assert_eq!(
        refused_with(replace(twice, 0).await),
        (422, "codes[1].code".into())
    );
    let stored = replace(codes.clone(), 0).await.unwrap();
    assert_eq!(stored["version"], 1, "{stored}");
    assert_eq!(refused_with(replace(codes, 0).await).0, 412);

    let now = chrono::Utc::now();
    let report = |extra: serde_json::Value| {
        let mut body = json!({"work_order_id": w["id"], "expected_version": w["version"],
            "diagnosis": "paper jammed at the fuser", "outcome": "completed",
            "started_at": now, "finished_at": now});
        for (k, v) in extra.as_object().unwrap() {
            body[k] = v.clone();
        }
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("workorder.complete", &body, Some(&dispatcher()))
                .await
        }
    };
    for fault in ["fuser", "coffee"] {
        assert_eq!(
            refused_with(report(json!({"fault": fault})).await),
            (422, "fault".into()),
            "{fault}"
        );
    }
    assert_eq!(
        refused_with(
            report(json!({"fault": "paper_jam", "return_visit_note": "toner next week"})).await
        ),
        (422, "return_visit_note".into())
    );
    assert_eq!(work_order(&svc, &w["id"]).await["status"], "assigned");

    let done = report(json!({"fault": "paper_jam", "return_visit_needed": true,
        "return_visit_note": " fit the new toner next week "}))
    .await
    .unwrap();
    assert_eq!(done["status"], "completed", "{done}");
    let visit = &work_order(&svc, &w["id"]).await["visit"];
    assert_eq!(
        (
            &visit["fault"],
            &visit["return_visit_needed"],
            &visit["return_visit_note"]
        ),
        (
            &json!("paper_jam"),
            &json!(true),
            &json!("fit the new toner next week")
        ),
        "{visit}"
    );
    svc.settled().await.unwrap();
    let staged = svc
        .db()
        .staged("dispatch.workorder.completed")
        .await
        .unwrap();
    let event = &staged
        .iter()
        .find(|e| e.envelope["data"]["work_order_id"] == w["id"])
        .unwrap()
        .envelope;
    assert_eq!(event["version"], 4, "{event}");
    assert_eq!(
        (
            &event["data"]["return_visit_needed"],
            &event["data"]["return_visit_note"]
        ),
        (&json!(true), &json!("fit the new toner next week")),
        "{event}"
    );
}

#[tokio::test]
async fn visit_reports_name_a_fault_from_the_list_and_may_ask_for_a_return_visit_on_sqlite() {
    visit_reports_name_a_fault_from_the_list_and_may_ask_for_a_return_visit(TestBackend::Sqlite)
        .await;
}

#[tokio::test]
async fn visit_reports_name_a_fault_from_the_list_and_may_ask_for_a_return_visit_on_postgresql() {
    visit_reports_name_a_fault_from_the_list_and_may_ask_for_a_return_visit(TestBackend::Postgres)
        .await;
}
