//! Survey alone, in this process, on a temporary database and a real nats-server, built
//! with the callback policy a test chooses: completed visits are published as dispatch
//! publishes them, and the callbacks survey stores, stages and announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_survey::Config;
use aftercare_testkit::fixtures::work_order_completed;
use aftercare_testkit::{ServiceHarness, TestBackend};
use chrono::{DateTime, TimeZone, Utc};
use serde_json::json;

async fn survey(backend: TestBackend, config: Config) -> ServiceHarness {
    ServiceHarness::start(Service::Survey, backend, |bus, url, settings| async move {
        aftercare_survey::build(bus, &url, settings, config).await
    })
    .await
    .unwrap()
}

fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, min, 0)
        .single()
        .unwrap()
        .with_timezone(&Utc)
}

async fn every_visit_gets_one_callback_due_when_the_config_says(backend: TestBackend) {
    // Collected at 14:30 on the second working day after the visit, read through the
    // same lookup the binary gives the environment.
    let config = Config::from_settings(&|k: &str| match k {
        "AFTERCARE_CALLBACK_COLLECT_AT" => Some("14:30".into()),
        "AFTERCARE_CALLBACK_DELAY_DAYS" => Some("2".into()),
        _ => None,
    })
    .unwrap();
    let svc = survey(backend, config).await;
    // A Thursday visit: two working days later is Monday.
    let visit = work_order_completed(cst(2026, 11, 26, 11, 0));
    let envelope = Envelope::new(visit.clone(), None);
    let payload = serde_json::to_vec(&envelope).unwrap();
    // Delivered twice under two message ids: one callback all the same.
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-1", payload.clone())
        .await
        .unwrap();
    svc.publish_raw(WorkOrderCompleted::TYPE, "visit-2", payload)
        .await
        .unwrap();
    svc.settled().await.unwrap();

    let wo = visit.work_order_id;
    assert_eq!(
        svc.db()
            .count(&format!(
                "select count(*) from callback where work_order_id = '{wo}'"
            ))
            .await
            .unwrap(),
        1
    );
    let staged = svc.db().staged("survey.callback.scheduled").await.unwrap();
    assert_eq!(staged.len(), 1);
    let scheduled = svc
        .next_published("survey.callback.scheduled", |e| {
            e["data"]["work_order_id"] == json!(wo)
        })
        .await
        .unwrap();
    assert_eq!(scheduled["id"], staged[0].envelope["id"]);
    let due: DateTime<Utc> = serde_json::from_value(scheduled["data"]["due_at"].clone()).unwrap();
    assert_eq!(due, cst(2026, 11, 30, 14, 30));
}

#[tokio::test]
async fn every_visit_gets_one_callback_due_when_the_config_says_on_sqlite() {
    every_visit_gets_one_callback_due_when_the_config_says(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn every_visit_gets_one_callback_due_when_the_config_says_on_postgresql() {
    every_visit_gets_one_callback_due_when_the_config_says(TestBackend::Postgres).await;
}

fn agent() -> aftercare_contracts::Actor {
    aftercare_contracts::Actor {
        user_id: "agent-1".into(),
        role: "agent".into(),
    }
}

fn answers(machine_working: bool, attitude: &str) -> serde_json::Value {
    json!([
        {"key": "machine_working", "yes": machine_working},
        {"key": "explained", "yes": true},
        {"key": "technician_attitude", "level": attitude},
        {"key": "technician_skill", "level": "satisfied"},
        {"key": "agent_attitude", "level": "very_satisfied"},
        {"key": "on_site_speed", "level": "satisfied"},
    ])
}

/// A ticket opened by an agent and its visit done yesterday, as intake and dispatch
/// publish them; returns the callback survey scheduled for it.
async fn visited(svc: &ServiceHarness) -> serde_json::Value {
    let visit = work_order_completed(Utc::now() - chrono::Duration::days(1));
    let mut ticket = aftercare_contracts::intake::TicketOpened::example();
    ticket.ticket_id = visit.ticket_id;
    svc.publish(&Envelope::new(ticket, Some(agent())))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    svc.publish(&Envelope::new(visit.clone(), None))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let page: serde_json::Value = svc
        .request(
            "callback.list",
            &json!({"work_order_id": visit.work_order_id, "limit": 10}),
            Some(&agent()),
        )
        .await
        .unwrap();
    let cb = page["items"][0].clone();
    assert_eq!(cb["agent"], "agent-1", "{cb}");
    cb
}

async fn record(
    svc: &ServiceHarness,
    cb: &serde_json::Value,
    version: i64,
    body: serde_json::Value,
) -> Result<serde_json::Value, aftercare_platform::rpc::CallError> {
    let mut body = body;
    body["callback_id"] = cb["id"].clone();
    body["expected_version"] = json!(version);
    svc.request("callback.record", &body, Some(&agent())).await
}

fn refused_with(r: Result<serde_json::Value, aftercare_platform::rpc::CallError>) -> u16 {
    match r {
        Err(aftercare_platform::rpc::CallError::Service(e)) => e.status,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn unreachable_customers_are_retried_then_closed_and_low_ratings_are_followed_up_and_escalated()
 {
    let config =
        Config::from_settings(&|k: &str| (k == "AFTERCARE_CALLBACK_ATTEMPTS").then(|| "2".into()))
            .unwrap();
    let svc = survey(TestBackend::Sqlite, config).await;

    // Two unreachable attempts close the callback, and intake is told.
    let cb = visited(&svc).await;
    let c = record(&svc, &cb, 1, json!({"outcome": "unreachable"}))
        .await
        .unwrap();
    assert_eq!(
        (c["status"].as_str(), c["failed_attempts"].as_u64()),
        (Some("scheduled"), Some(1)),
        "{c}"
    );
    assert!(c["due_at"].as_str().unwrap() > cb["due_at"].as_str().unwrap());
    // A stale version and answers with another outcome are refused, changing nothing.
    assert_eq!(
        refused_with(record(&svc, &cb, 1, json!({"outcome": "unreachable"})).await),
        412
    );
    assert_eq!(
        refused_with(
            record(
                &svc,
                &cb,
                2,
                json!({"outcome": "refused", "answers": answers(true, "satisfied")})
            )
            .await
        ),
        422
    );
    let c = record(&svc, &cb, 2, json!({"outcome": "unreachable"}))
        .await
        .unwrap();
    assert_eq!(c["status"], "unreachable", "{c}");
    assert_eq!(c["attempts"].as_array().unwrap().len(), 2);
    let recorded = svc
        .next_published("survey.callback.recorded", |e| {
            e["data"]["callback_id"] == cb["id"]
        })
        .await
        .unwrap();
    assert_eq!(recorded["data"]["status"], "unreachable");
    assert_eq!(
        refused_with(record(&svc, &cb, 3, json!({"outcome": "unreachable"})).await),
        409
    );

    // A very dissatisfied customer whose machine is down: the problem persists and the
    // agent who took the ticket gets a follow-up.
    let cb2 = visited(&svc).await;
    let c = record(
        &svc,
        &cb2,
        1,
        json!({"outcome": "completed", "answers": answers(false, "very_dissatisfied")}),
    )
    .await
    .unwrap();
    assert_eq!(
        (c["status"].as_str(), c["answers"]["channel"].as_str()),
        (Some("completed"), Some("phone"))
    );
    let persists = svc
        .next_published("survey.callback.problem_persists", |e| {
            e["data"]["callback_id"] == cb2["id"]
        })
        .await
        .unwrap();
    assert_eq!(persists["data"]["ticket_id"], cb2["ticket_id"]);
    let created = svc
        .next_published("survey.followup.created", |e| {
            e["data"]["callback_id"] == cb2["id"]
        })
        .await
        .unwrap();
    assert_eq!(created["data"]["agent"], "agent-1");

    // Left open past its two working days, it goes to the manager, once; the sweep also
    // publishes last week's and last month's rankings, each once.
    svc.db()
        .execute("update follow_up set escalate_at = 0")
        .await
        .unwrap();
    let escalated = svc
        .next_published("survey.followup.escalated", |e| {
            e["data"]["followup_id"] == created["data"]["followup_id"]
        })
        .await
        .unwrap();
    assert_eq!(escalated["data"]["agent"], "agent-1");
    let kinds = || -> Vec<String> {
        svc.published("survey.ranking.published")
            .iter()
            .filter_map(|e| e["data"]["kind"].as_str().map(str::to_owned))
            .collect()
    };
    aftercare_testkit::wait_until(
        aftercare_testkit::SERVICE_WAIT,
        "last week's and last month's rankings",
        || async { kinds().len() >= 2 },
    )
    .await
    .unwrap();
    // The sweep runs every 200 ms here; running again escalates and publishes nothing new.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(svc.published("survey.followup.escalated").len(), 1);
    let f: serde_json::Value = svc
        .request(
            "followup.get",
            &json!({"id": created["data"]["followup_id"]}),
            Some(&agent()),
        )
        .await
        .unwrap();
    assert_eq!(f["status"], "escalated");
    let kinds = kinds();
    assert_eq!(
        kinds.iter().filter(|k| *k == "weekly").count(),
        1,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| *k == "monthly").count(),
        1,
        "{kinds:?}"
    );

    // The agent resolves it; resolving again is refused.
    let resolved: serde_json::Value = svc
        .request(
            "followup.resolve",
            &json!({"followup_id": f["id"], "resolution": " called back, fixed ", "expected_version": f["version"]}),
            Some(&agent()),
        )
        .await
        .unwrap();
    assert_eq!(
        (resolved["status"].as_str(), resolved["resolution"].as_str()),
        (Some("resolved"), Some("called back, fixed"))
    );
}

async fn customers_answer_once_through_a_link(backend: TestBackend) {
    let svc = survey(backend, Config::default()).await;
    let cb = visited(&svc).await;
    let link: serde_json::Value = svc
        .request(
            "callback.issue_link",
            &json!({"callback_id": cb["id"]}),
            Some(&agent()),
        )
        .await
        .unwrap();
    let token = link["token"].as_str().unwrap().to_owned();
    // The token goes out once, to notify; survey keeps only its hash.
    let issued = svc
        .next_published("notify.callback.link_issued", |e| {
            e["data"]["callback_id"] == cb["id"]
        })
        .await
        .unwrap();
    assert_eq!(issued["data"]["token"], json!(token));
    assert_eq!(
        svc.db()
            .count(&format!(
                "select count(*) from answer_link where token_hash = '{token}'"
            ))
            .await
            .unwrap(),
        0
    );

    let form: serde_json::Value = svc
        .request("form.get", &json!({"token": token}), None)
        .await
        .unwrap();
    assert_eq!(form["questionnaire_version"], 1);
    assert_eq!(form["questions"].as_array().unwrap().len(), 7);
    assert_eq!(form["work_order_number"], "W2026-000001");
    assert!(form.get("customer_name").is_none());
    let answer = |body: serde_json::Value| {
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("form.answer", &body, None)
                .await
        }
    };
    // Incomplete answers leave the link usable; an unknown token looks like a used one.
    assert_eq!(
        refused_with(answer(json!({"token": token, "answers": []})).await),
        422
    );
    assert_eq!(
        refused_with(
            answer(json!({"token": "not-a-real-token-at-all-xx", "answers": answers(true, "satisfied")}))
                .await
        ),
        404
    );
    let c = answer(json!({"token": token, "answers": answers(true, "very_satisfied")}))
        .await
        .unwrap();
    assert_eq!(
        (c["status"].as_str(), c["answers"]["channel"].as_str()),
        (Some("completed"), Some("web"))
    );
    assert_eq!(
        refused_with(
            answer(json!({"token": token, "answers": answers(true, "very_satisfied")})).await
        ),
        404,
        "single use"
    );
    assert_eq!(
        refused_with(
            svc.request::<_, serde_json::Value>("form.get", &json!({"token": token}), None)
                .await
        ),
        404
    );
    let recorded = svc
        .next_published("survey.callback.recorded", |e| {
            e["data"]["callback_id"] == cb["id"]
        })
        .await
        .unwrap();
    assert_eq!(recorded["actor"]["user_id"], "web");
    // Nothing to follow up.
    assert_eq!(
        svc.db()
            .count("select count(*) from follow_up")
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn customers_answer_once_through_a_link_on_sqlite() {
    customers_answer_once_through_a_link(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn customers_answer_once_through_a_link_on_postgresql() {
    customers_answer_once_through_a_link(TestBackend::Postgres).await;
}
