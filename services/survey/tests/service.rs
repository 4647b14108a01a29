//! Survey alone, in this process, on a temporary database and a real nats-server, built
//! with the callback policy a test chooses: completed visits are published as dispatch
//! publishes them, and the callbacks survey stores, stages and announces are read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::{Envelope, Event, Service};
use aftercare_survey::Config;
use aftercare_testkit::fixtures::{staff, work_order_completed};
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
    staff(aftercare_contracts::Role::Agent)
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

fn admin() -> aftercare_contracts::Actor {
    staff(aftercare_contracts::Role::Admin)
}

/// A completed visit on a Sharp AR-2048 with fault `fault`, finished at `finished_at`.
fn repair(finished_at: DateTime<Utc>, fault: &str) -> WorkOrderCompleted {
    let mut v = work_order_completed(finished_at);
    v.machine = Some(aftercare_contracts::intake::MachineInfo {
        product_line: "copier".into(),
        brand: "Sharp".into(),
        model: "AR-2048".into(),
        serial: format!("SN-{}", v.work_order_id),
        purchase_date: None,
    });
    v.fault = Some(fault.into());
    v
}

async fn questionnaires_campaigns_and_quality_warnings(backend: TestBackend) {
    let svc = survey(backend, Config::default()).await;

    // A stricter quality threshold: two of the same fault on a model in a month.
    let th: serde_json::Value = svc
        .request("quality_thresholds.get", &json!({}), Some(&admin()))
        .await
        .unwrap();
    assert_eq!(th["version"], 0);
    let bad = svc
        .request::<_, serde_json::Value>(
            "quality_thresholds.replace",
            &json!({"thresholds": [{"window": "month", "count": 1}], "expected_version": 0}),
            Some(&admin()),
        )
        .await;
    assert_eq!(refused_with(bad), 422);
    let th: serde_json::Value = svc
        .request(
            "quality_thresholds.replace",
            &json!({"thresholds": [{"window": "month", "count": 2}, {"window": "year", "count": 5}],
                "expected_version": 0}),
            Some(&admin()),
        )
        .await
        .unwrap();
    assert_eq!(th["version"], 1, "{th}");
    let stale = svc
        .request::<_, serde_json::Value>(
            "quality_thresholds.replace",
            &json!({"thresholds": [{"window": "month", "count": 3}], "expected_version": 0}),
            Some(&admin()),
        )
        .await;
    assert_eq!(refused_with(stale), 412);

    // Two visits with the same fault on the model in November raise one warning.
    let at = "2026-11-23T02:40:00Z".parse::<DateTime<Utc>>().unwrap();
    for _ in 0..2 {
        svc.publish(&Envelope::new(repair(at, "paper_feed"), None))
            .await
            .unwrap();
    }
    svc.settled().await.unwrap();
    let page: serde_json::Value = svc
        .request(
            "quality_warning.list",
            &json!({"model": " AR-2048 ", "limit": 10}),
            Some(&admin()),
        )
        .await
        .unwrap();
    let w = &page["items"][0];
    assert_eq!(
        (
            w["repeat"].as_str(),
            w["key"].as_str(),
            w["window"].as_str()
        ),
        (Some("fault"), Some("paper_feed"), Some("month"))
    );
    assert_eq!(
        (w["count"].as_u64(), w["window_start"].as_str()),
        (Some(2), Some("2026-11-01"))
    );
    assert_eq!(w["work_orders"].as_array().unwrap().len(), 2);
    let raised = svc
        .next_published("survey.quality.warning_raised", |_| true)
        .await
        .unwrap();
    assert_eq!(raised["data"]["id"], w["id"]);
    assert_eq!(
        svc.db()
            .staged("survey.quality.warning_raised")
            .await
            .unwrap()
            .len(),
        1
    );

    // A new questionnaire version; answers are checked against it.
    let q: serde_json::Value = svc
        .request("questionnaire.get", &json!({}), Some(&admin()))
        .await
        .unwrap();
    assert_eq!(q["version"], 1);
    let mut questions = q["questions"].as_array().unwrap().clone();
    questions.push(
        json!({"key": "would_recommend", "kind": "yes_no", "text_zh": " 您会推荐我们吗？",
        "text_en": "Would you recommend us? ", "required": true}),
    );
    let mut dup = questions.clone();
    dup.push(json!({"key": "would_recommend", "kind": "text", "text_zh": "x", "text_en": "x"}));
    let replace = |questions: Vec<serde_json::Value>, version: i64| {
        let body = json!({"questions": questions, "levels": q["levels"], "follow_up_at": "dissatisfied",
            "expected_version": version});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("questionnaire.replace", &body, Some(&admin()))
                .await
        }
    };
    match replace(dup, 1).await {
        Err(aftercare_platform::rpc::CallError::Service(e)) => {
            assert_eq!((e.status, e.errors[0].code.as_str()), (422, "duplicate"))
        }
        other => panic!("{other:?}"),
    }
    let q2 = replace(questions.clone(), 1).await.unwrap();
    assert_eq!(
        (q2["version"].as_i64(), q2["updated_by"].as_str()),
        (Some(2), Some("admin-1"))
    );
    let added = &q2["questions"].as_array().unwrap()[7];
    assert_eq!(
        (added["text_zh"].as_str(), added["text_en"].as_str()),
        (Some("您会推荐我们吗？"), Some("Would you recommend us?"))
    );
    assert_eq!(refused_with(replace(questions, 1).await), 412);
    let page: serde_json::Value = svc
        .request(
            "callback.list",
            &json!({"kind": "visit", "status": "scheduled", "limit": 10}),
            Some(&agent()),
        )
        .await
        .unwrap();
    let cb = page["items"][0].clone();
    assert_eq!(
        refused_with(
            record(
                &svc,
                &cb,
                1,
                json!({"outcome": "completed", "answers": answers(true, "satisfied")})
            )
            .await
        ),
        422,
        "the new required question"
    );
    let mut a = answers(true, "satisfied");
    a.as_array_mut()
        .unwrap()
        .push(json!({"key": "would_recommend", "yes": true}));
    let c = record(&svc, &cb, 1, json!({"outcome": "completed", "answers": a}))
        .await
        .unwrap();
    assert_eq!(c["answers"]["questionnaire_version"], 2, "{c}");

    // The quarter's campaign calls each active customer once.
    let start = |quarter: &str| {
        let body = json!({"quarter": quarter});
        let svc = &svc;
        async move {
            svc.request::<_, serde_json::Value>("campaign.start", &body, Some(&admin()))
                .await
        }
    };
    assert_eq!(refused_with(start("2026-Q5").await), 422);
    let camp = start("2026-Q4").await.unwrap();
    // Both visits were for one customer (same name, no record): one call.
    assert_eq!(
        (camp["callbacks"].as_u64(), camp["started_by"].as_str()),
        (Some(1), Some("admin-1")),
        "{camp}"
    );
    assert_eq!(refused_with(start("2026-Q4").await), 409);
    let list: serde_json::Value = svc
        .request(
            "callback.list",
            &json!({"campaign_id": camp["id"], "limit": 10}),
            Some(&agent()),
        )
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["kind"], "campaign");
    let campaigns: serde_json::Value = svc
        .request("campaign.list", &json!({}), Some(&admin()))
        .await
        .unwrap();
    assert_eq!(campaigns["items"][0]["id"], camp["id"]);

    // The day's call list: open callbacks already due.
    let due: serde_json::Value = svc
        .request(
            "callback.list",
            &json!({"due_only": true, "due_before": "2030-01-01T00:00:00Z", "order": "oldest_first", "limit": 50}),
            Some(&agent()),
        )
        .await
        .unwrap();
    let items = due["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{due}");
    assert!(items.iter().all(|c| c["status"] == "scheduled"));
    assert!(items[0]["due_at"].as_str() <= items[1]["due_at"].as_str());
}

#[tokio::test]
async fn questionnaires_campaigns_and_quality_warnings_on_sqlite() {
    questionnaires_campaigns_and_quality_warnings(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn questionnaires_campaigns_and_quality_warnings_on_postgresql() {
    questionnaires_campaigns_and_quality_warnings(TestBackend::Postgres).await;
}
