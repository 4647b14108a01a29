//! Crashes between commit and publish: every consumer's effect happens exactly once.
use std::time::Duration;

use aftercare_testkit::wait_until;
use serde_json::json;

use crate::helpers::{Backend, ROLES, System, WAIT, stream_messages, subject_messages};

#[tokio::test]
async fn events_committed_before_a_crash_are_published_after_the_restart_on_sqlite() {
    events_committed_before_a_crash_are_published_after_the_restart(Backend::Sqlite).await;
}

#[tokio::test]
async fn events_committed_before_a_crash_are_published_after_the_restart_on_postgresql() {
    events_committed_before_a_crash_are_published_after_the_restart(Backend::Postgres).await;
}

async fn events_committed_before_a_crash_are_published_after_the_restart(backend: Backend) {
    let sys = System::new(backend).await;
    let _rest = sys
        .spawn(
            &["gateway", "dispatch", "inventory", "billing", "survey"],
            &[],
        )
        .await;
    // Intake commits tickets and their events but its relay never publishes.
    let mut intake = sys
        .spawn(&["intake"], &[("AFTERCARE_FAULT", "relay_stalled")])
        .await;
    sys.api.technician().await;
    let mut tickets = Vec::new();
    for i in 0..20 {
        tickets.push(sys.api.open_ticket(&format!("SN-C{i}")).await);
    }
    assert_eq!(
        sys.count(
            "intake",
            "select count(*) from outbox where published_at is null and subject = 'intake.ticket.opened'"
        )
        .await,
        20
    );
    intake.kill().await;
    assert_eq!(
        stream_messages(&sys.jetstream().await, "INTAKE").await,
        0,
        "nothing was published before the crash"
    );
    assert_eq!(
        sys.count("dispatch", "select count(*) from work_order")
            .await,
        0
    );

    let _intake = sys.spawn(&["intake"], &[]).await;
    wait_until(WAIT, "a work order for every ticket", || async {
        sys.count("dispatch", "select count(*) from work_order")
            .await
            == 20
    })
    .await
    .unwrap();
    for t in &tickets {
        let id = t["id"].as_str().unwrap();
        assert_eq!(
            sys.count(
                "dispatch",
                &format!("select count(*) from work_order where ticket_id = '{id}'")
            )
            .await,
            1
        );
    }
    // Intake keeps emitting (customer notifications as the work orders are assigned); the
    // outbox drains completely.
    wait_until(WAIT, "intake's outbox to drain", || async {
        sys.count(
            "intake",
            "select count(*) from outbox where published_at is null",
        )
        .await
            == 0
    })
    .await
    .unwrap();
    let opened = subject_messages(&sys.jetstream().await, "INTAKE", "intake.ticket.opened").await;
    assert_eq!(opened.len(), 20);
}

#[tokio::test]
async fn a_relay_killed_after_the_puback_republishes_and_nothing_doubles() {
    let sys = System::new(Backend::Sqlite).await;
    let _rest = sys
        .spawn(
            &["gateway", "dispatch", "inventory", "billing", "survey"],
            &[],
        )
        .await;
    let mut intake = sys
        .spawn(
            &["intake"],
            &[("AFTERCARE_FAULT", "relay_exit_after_publish")],
        )
        .await;
    sys.api.technician().await;
    // The relay may kill the process before the request's reply leaves it, so the caller
    // can see 201 or a 504; the ticket is committed either way.
    let (status, _) = sys
        .api
        .post("/tickets", &crate::helpers::ticket_body("SN-R0"))
        .await;
    assert!(status == 201 || status == 504, "{status}");
    // The relay publishes, gets its PubAck, and the process dies before marking the row.
    let exit = intake
        .wait_exit(Duration::from_secs(20))
        .await
        .expect("intake exits");
    assert_eq!(exit.code(), Some(86));
    assert_eq!(
        sys.count(
            "intake",
            "select count(*) from outbox where published_at is null and subject = 'intake.ticket.opened'"
        )
        .await,
        1
    );

    let _intake = sys.spawn(&["intake"], &[]).await;
    for i in 1..5 {
        sys.api.open_ticket(&format!("SN-R{i}")).await;
    }
    wait_until(WAIT, "five work orders", || async {
        sys.count("dispatch", "select count(*) from work_order")
            .await
            == 5
    })
    .await
    .unwrap();
    wait_until(WAIT, "the outbox to drain", || async {
        sys.count(
            "intake",
            "select count(*) from outbox where published_at is null",
        )
        .await
            == 0
    })
    .await
    .unwrap();
    // JetStream dropped the republished copy (same Nats-Msg-Id inside the window).
    let opened = subject_messages(&sys.jetstream().await, "INTAKE", "intake.ticket.opened").await;
    assert_eq!(opened.len(), 5);
    let tickets = sys.strings("intake", "select ticket_id from ticket").await;
    assert_eq!(tickets.len(), 5);
    for id in &tickets {
        assert_eq!(
            sys.count(
                "dispatch",
                &format!("select count(*) from work_order where ticket_id = '{id}'")
            )
            .await,
            1
        );
    }
}

#[tokio::test]
async fn killing_every_role_mid_flow_loses_and_doubles_nothing() {
    let sys = System::new(Backend::Sqlite).await;
    let mut system = sys.spawn(&ROLES, &[]).await;
    sys.api.technician().await;
    sys.api.part("DRUM-1", 1000).await;

    // Phase 1: tickets and completions in flight when the process is killed.
    let api = sys.api.clone();
    let driver = tokio::spawn(async move {
        let mut opened = Vec::new();
        for i in 0..40 {
            let r = api
                .request(reqwest::Method::POST, "/tickets")
                .await
                .json(&crate::helpers::ticket_body(&format!("SN-K{i}")))
                .send()
                .await;
            match r {
                Ok(r) if r.status() == 201 => {
                    opened.push(r.json::<serde_json::Value>().await.unwrap())
                }
                _ => break,
            }
            if i % 2 == 1 {
                let (s, v) = api
                    .get(&format!(
                        "/workorders?ticket_id={}",
                        opened[i - 1]["id"].as_str().unwrap()
                    ))
                    .await;
                if s == 200 && v["items"][0]["status"] == "assigned" {
                    let _ = api
                        .complete(
                            v["items"][0]["id"].as_str().unwrap(),
                            json!([{"sku":"DRUM-1","quantity":1}]),
                        )
                        .await;
                }
            }
        }
    });
    tokio::time::sleep(Duration::from_millis(700)).await;
    system.kill().await;
    let _ = driver.await;

    // Phase 2: restart, complete every visit still open, let everything drain.
    let _system = sys.spawn(&ROLES, &[]).await;
    let tickets = sys.count("intake", "select count(*) from ticket").await;
    assert!(tickets > 0, "some tickets were opened before the kill");
    wait_until(WAIT, "a work order for every ticket", || async {
        sys.count("dispatch", "select count(*) from work_order")
            .await
            == tickets
    })
    .await
    .unwrap();
    let (_, page) = sys.api.get("/workorders?limit=500").await;
    for w in page["items"].as_array().unwrap() {
        if w["status"] == "assigned" {
            let (s, v) = sys
                .api
                .complete(
                    w["id"].as_str().unwrap(),
                    json!([{"sku":"DRUM-1","quantity":1}]),
                )
                .await;
            assert_eq!(s, 200, "{v}");
        }
    }
    // Survey and billing both follow the completion, independently: wait for both.
    wait_until(WAIT, "a callback and a receipt for every visit", || async {
        sys.count("survey", "select count(*) from callback").await == tickets
            && sys.count("billing", "select count(*) from invoice").await == tickets
    })
    .await
    .unwrap();

    // Exactly once, everywhere.
    assert_eq!(
        sys.count(
            "dispatch",
            "select count(distinct ticket_id) from work_order"
        )
        .await,
        tickets
    );
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        tickets
    );
    assert_eq!(
        sys.count(
            "billing",
            "select count(distinct work_order_id) from invoice"
        )
        .await,
        tickets
    );
    assert_eq!(
        sys.count(
            "survey",
            "select count(distinct work_order_id) from callback"
        )
        .await,
        tickets
    );
    let consumed = sys.count("inventory", "select cast(coalesce(-sum(quantity), 0) as bigint) from movement where kind = 'consumption'").await;
    assert_eq!(consumed, tickets, "one drum per visit left stock");
    let (_, part) = sys.api.get("/parts/DRUM-1").await;
    assert_eq!(part["on_hand"].as_i64().unwrap(), 1000 - tickets);
    // Receipt numbers have no gaps.
    assert_eq!(
        sys.count(
            "billing",
            &format!("select count(*) from invoice where number <= 'R2026-{tickets:06}'")
        )
        .await,
        tickets
    );
    for s in crate::helpers::SERVICES {
        wait_until(WAIT, "outboxes to drain", || async {
            sys.count(s, "select count(*) from outbox where published_at is null")
                .await
                == 0
        })
        .await
        .unwrap();
    }
}
