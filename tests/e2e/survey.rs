//! Survey through the gateway: callbacks with busy and completed attempts, the follow-up,
//! a problem that persists reopening the ticket, the answer link and the public form,
//! scores, coverage, appraisal CSV, ranking snapshots, the day's call list and the daily
//! report. Bad input
//! changes nothing. Retries of unreachable customers, the escalation of a follow-up, the
//! sweep's rankings, questionnaire versions, campaigns and quality warnings are survey's
//! alone and are tested in its service tier (`services/survey/tests/service.rs`).
use reqwest::Method;
use serde_json::{Value, json};

use aftercare_testkit::{poll_for, wait_until};

use crate::helpers::*;

/// Today's date in the company's time zone (China Standard Time).
fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive()
}

fn answers(machine_working: bool, attitude: &str, comment: Option<&str>) -> Value {
    let mut a = vec![
        json!({"key": "machine_working", "yes": machine_working}),
        json!({"key": "explained", "yes": true}),
        json!({"key": "technician_attitude", "level": attitude}),
        json!({"key": "technician_skill", "level": "satisfied"}),
        json!({"key": "agent_attitude", "level": "very_satisfied"}),
        json!({"key": "on_site_speed", "level": "satisfied"}),
    ];
    if let Some(c) = comment {
        a.push(json!({"key": "comments", "text": c}));
    }
    Value::Array(a)
}

/// POST with `If-Match: "<version>"` (or none).
async fn post_if(api: &Api, path: &str, version: Option<i64>, body: &Value) -> (u16, Value) {
    let mut r = api.request(Method::POST, path).await.json(body);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    let resp = r.send().await.expect("send");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// A visit done and its callback scheduled: (ticket, work order, callback).
async fn visit(api: &Api, serial: &str) -> (Value, Value, Value) {
    let t = api.open_ticket(serial).await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    assert_eq!(api.complete(&wo_id, json!([])).await.0, 200);
    let cb = api.callback(&wo_id).await;
    (t, wo, cb)
}

/// A POST without any credentials.
async fn public_post(api: &Api, path: &str, body: &Value) -> (u16, Value) {
    let r = api
        .http
        .post(format!("{}{path}", api.base))
        .json(body)
        .send()
        .await
        .expect("send");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn ticket_status(api: &Api, id: &str) -> Value {
    api.get(&format!("/tickets/{id}")).await.1["status"].clone()
}

async fn callbacks_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let (t, wo, cb) = visit(api, "SN-SURVEY-1").await;
    let (ticket_id, cb_id) = (t["id"].as_str().unwrap(), cb["id"].as_str().unwrap());
    assert_eq!(cb["kind"], "visit");
    assert_eq!(cb["status"], "scheduled");
    assert_eq!(cb["work_order_number"], wo["number"]);
    assert!(!cb["technician_name"].as_str().unwrap().is_empty(), "{cb}");
    // Completed on Monday 23 Nov 10:50 CST: called on Tuesday 09:00.
    assert_eq!(cb["due_at"], "2026-11-24T01:00:00Z");
    let path = format!("/callbacks/{cb_id}/attempts");

    // Bad input: refused, nothing recorded.
    assert_eq!(
        post_if(api, &path, None, &json!({"outcome": "refused"}))
            .await
            .0,
        428
    );
    let (s, p) = post_if(api, &path, Some(1), &json!({"outcome": "busy"})).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("rescheduled_to")),
        "{p}"
    );
    let (s, p) = post_if(
        api,
        &path,
        Some(1),
        &json!({"outcome": "completed", "answers": [{"key": "machine_working", "yes": true}]}),
    )
    .await;
    assert_eq!(s, 422, "{p}");
    assert!(
        p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["field"] == "answers"),
        "{p}"
    );
    let (s, p) = post_if(
        api,
        &path,
        Some(1),
        &json!({"outcome": "completed", "answers": [{"key": "technician_attitude", "level": "superb"}]}),
    )
    .await;
    assert_eq!(s, 422, "{p}");
    let (_, same) = api.get(&format!("/callbacks/{cb_id}")).await;
    assert_eq!(
        (
            same["version"].as_i64(),
            same["attempts"].as_array().map(Vec::len)
        ),
        (Some(1), Some(0))
    );

    // Busy: called again at the agreed time.
    let agreed = (chrono::Utc::now() + chrono::Duration::hours(3))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (s, c) = post_if(
        api,
        &path,
        Some(1),
        &json!({"outcome": "busy", "rescheduled_to": agreed, "note": "in a meeting"}),
    )
    .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(
        (c["status"].as_str(), c["due_at"].as_str()),
        (Some("scheduled"), Some(agreed.as_str()))
    );
    assert_eq!(c["attempts"][0]["outcome"], "busy");
    assert_eq!(c["version"], 2);
    // A stale version is refused.
    let (s, _) = post_if(api, &path, Some(1), &json!({"outcome": "refused"})).await;
    assert_eq!(s, 412);

    // Answered: a low rating, a comment and a machine still down.
    let (s, c) = post_if(
        api,
        &path,
        Some(2),
        &json!({"outcome": "completed", "answers": answers(false, "dissatisfied", Some("还是卡纸"))}),
    )
    .await;
    assert_eq!(s, 200, "{c}");
    assert_eq!(c["status"], "completed");
    let a = &c["answers"];
    assert_eq!(a["questionnaire_version"], 1);
    assert_eq!(a["problem_persists"], true);
    // Technician: (0.8 + 1.0 + 1.0) / 3 = 0.933; agent 1.1; overall (0.8+1.0+1.1+1.0)/4 = 0.975.
    assert_eq!(a["scores"]["technician_milli"], 933);
    assert_eq!(a["scores"]["agent_milli"], 1100);
    assert_eq!(a["scores"]["overall_milli"], 975);
    assert_eq!(
        post_if(api, &path, Some(3), &json!({"outcome": "refused"}))
            .await
            .0,
        409
    );

    // The ticket is reopened as a repeat repair.
    wait_until(WAIT, "intake to reopen the ticket", || async {
        ticket_status(api, ticket_id).await == "reopened"
    })
    .await
    .unwrap();
    let js = sys.jetstream().await;
    let persists = subject_messages(&js, "SURVEY", "survey.callback.problem_persists").await;
    assert_eq!(persists.len(), 1);
    assert_eq!(persists[0]["data"]["comment"], "还是卡纸");

    // A follow-up for the agent who took the call, due in one working day.
    let (_, fus) = api.get("/followups?status=open").await;
    let f = fus["items"][0].clone();
    assert_eq!(f["callback_id"], cb["id"]);
    assert!(
        f["agent"].is_string(),
        "the opening agent is responsible: {f}"
    );
    let reasons: Vec<&str> = f["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(
        reasons,
        [
            "machine_working: no",
            "technician_attitude: dissatisfied",
            "comment"
        ]
    );
    // The ticket's follow-ups, as its page lists them.
    let (_, mine) = api.get(&format!("/followups?ticket_id={ticket_id}")).await;
    assert_eq!(mine["items"], json!([f.clone()]));
    let (_, none) = api
        .get(&format!("/followups?ticket_id={}", uuid::Uuid::now_v7()))
        .await;
    assert_eq!(none["items"], json!([]));
    let (s, p) = api.get("/followups?ticket_id=T-1").await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("ticket_id"))
    );
    let fpath = format!("/followups/{}/resolve", f["id"].as_str().unwrap());
    let (s, p) = post_if(api, &fpath, Some(1), &json!({"resolution": "  "})).await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("resolution"))
    );
    let (s, r) = post_if(
        api,
        &fpath,
        Some(1),
        &json!({"resolution": "apologised; revisit booked"}),
    )
    .await;
    assert_eq!((s, r["status"].as_str()), (200, Some("resolved")), "{r}");

    // Reports.
    let day = today();
    let (s, r) = api
        .get(&format!(
            "/reports/callback-scores?group_by=technician&from={day}&to={day}"
        ))
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["lines"][0]["mean_milli"], 933);
    assert_eq!(r["lines"][0]["repeat_repairs"], 1);
    assert_eq!(r["lines"][0]["rank"], 1);
    let (s, r) = api
        .get("/reports/callback-coverage?from=2026-11-23&to=2026-11-23")
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(
        (
            r["visits"].as_u64(),
            r["completed"].as_u64(),
            r["coverage_tenths"].as_u64()
        ),
        (Some(1), Some(1), Some(1000))
    );
    let (s, p) = api
        .get("/reports/callback-scores?group_by=team&from=2026-11-30&to=2026-11-01")
        .await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("to")));
    let (s, p) = api
        .get("/reports/callback-scores?group_by=weather&from=2026-11-01&to=2026-11-30")
        .await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("group_by"))
    );

    // Satisfaction index: ratings 0.8, 1.0, 1.1, 1.0 sit at 0.25, 0.75, 1.0, 0.75 between
    // the worst (0.7) and the best (1.1) level: 68.75 → 68.8.
    let (s, r) = api
        .get(&format!(
            "/reports/satisfaction?group_by=district&interval=month&from={day}&to={day}"
        ))
        .await;
    assert_eq!(s, 200, "{r}");
    let points = r["points"].as_array().unwrap();
    let tianhe = points
        .iter()
        .find(|p| p["group"] == "tianhe")
        .expect("tianhe");
    assert_eq!(
        (tianhe["ratings"].as_u64(), tianhe["index_tenths"].as_u64()),
        (Some(4), Some(688))
    );
    assert!(points.iter().any(|p| p["group"] == "all"));

    let csv = api
        .request(
            Method::GET,
            &format!("/reports/appraisal.csv?from=2026-11-23&to={day}"),
        )
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let text = csv.text().await.unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert!(
        rows[0]
            .trim_start_matches('\u{feff}')
            .starts_with("role,id,name,team,workload")
    );
    let tech_row = rows
        .iter()
        .find(|r| r.starts_with("technician,"))
        .expect("technician row");
    assert!(tech_row.ends_with(",1,1,1,1,0.800,0.933"), "{tech_row}");

    // Rankings: the current week is not over; two weeks ago can be published, once.
    let (s, p) = api
        .post(
            "/rankings",
            &json!({"kind": "weekly", "day": day.to_string()}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("not_closed")),
        "{p}"
    );
    let back = (day - chrono::Duration::days(14)).to_string();
    let (s, first) = api
        .post("/rankings", &json!({"kind": "weekly", "day": back}))
        .await;
    assert_eq!(s, 200, "{first}");
    assert_eq!(
        first["technicians"],
        json!([]),
        "an empty week ranks nobody"
    );
    let (s, again) = api
        .post("/rankings", &json!({"kind": "weekly", "day": back}))
        .await;
    assert_eq!((s, &again), (200, &first), "published once, unchanged");
    let (s, p) = api
        .post(
            "/rankings",
            &json!({"kind": "monthly", "day": "2000-01-15"}),
        )
        .await;
    assert_eq!(
        (s, p["errors"][0]["code"].as_str()),
        (422, Some("out_of_range"))
    );
    let (_, list) = api.get("/rankings?kind=weekly").await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == first["id"])
    );
    let mine = |m: &Vec<Value>| {
        m.iter()
            .filter(|e| e["data"]["ranking_id"] == first["id"])
            .count()
    };
    let published = poll_for(WAIT, "the ranking event", || async {
        let m = subject_messages(&js, "SURVEY", "survey.ranking.published").await;
        (mine(&m) > 0).then_some(m)
    })
    .await
    .unwrap();
    assert_eq!(mine(&published), 1);

    // The day's call list from the query string: open callbacks already due.
    let (s, due) = api
        .get("/callbacks?due=open&due_before=2030-01-01T00:00:00Z&sort=due_at")
        .await;
    assert_eq!(s, 200, "{due}");
    assert!(
        due["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "scheduled")
    );
    let (s, p) = api.get("/callbacks?due=soon").await;
    assert_eq!((s, p["errors"][0]["field"].as_str()), (422, Some("due")));

    // The daily report (日报): the sweep writes the last working day's whose 18:00 has
    // passed; a day that is not a date is refused naming it, a holiday has none.
    let (s, p) = api.get("/daily-reports/2026-13-01").await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("date")),
        "{p}"
    );
    let (s, p) = api.get("/daily-reports/2026-10-01").await;
    assert_eq!(s, 404, "{p}");
    let (s, p) = api.get("/daily-reports?cursor=yesterday").await;
    assert_eq!(
        (s, p["errors"][0]["field"].as_str()),
        (422, Some("cursor")),
        "{p}"
    );
    let reports = poll_for(
        std::time::Duration::from_secs(90),
        "a daily report",
        || async {
            let (_, l) = api.get("/daily-reports?limit=5").await;
            l["items"].as_array().filter(|a| !a.is_empty()).cloned()
        },
    )
    .await
    .unwrap();
    let date = reports[0]["date"].as_str().unwrap();
    let (s, one) = api.get(&format!("/daily-reports/{date}")).await;
    assert_eq!((s, &one), (200, &reports[0]));
}

#[tokio::test]
async fn callbacks_are_recorded_scored_followed_up_and_reported_on_sqlite() {
    callbacks_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn callbacks_are_recorded_scored_followed_up_and_reported_on_postgresql() {
    callbacks_through_the_gateway(Backend::Postgres).await;
}

#[tokio::test]
async fn customers_answer_once_through_a_link_and_the_ticket_closes() {
    let sys = System::new(Backend::Sqlite).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let (t, _, cb) = visit(api, "SN-LINK-1").await;
    let cb_id = cb["id"].as_str().unwrap();
    let (s, link) = api
        .post(&format!("/callbacks/{cb_id}/answer-link"), &json!({}))
        .await;
    assert_eq!(s, 201, "{link}");
    let token = link["token"].as_str().unwrap().to_owned();
    // Intake sends the link on the customer's channel.
    let js = sys.jetstream().await;
    let sent = poll_for(WAIT, "the link to be sent", || async {
        subject_messages(&js, "NOTIFY", "notify.customer.notification")
            .await
            .into_iter()
            .find(|n| n["data"]["kind"] == "answer_link")
    })
    .await
    .unwrap();
    assert!(
        sent["data"]["message"]
            .as_str()
            .unwrap()
            .contains(&format!("/answer.html#{token}")),
        "{sent}"
    );

    // The public form, without signing in.
    let (s, form) = public_post(api, "/answer-form", &json!({"token": token})).await;
    assert_eq!(s, 200, "{form}");
    assert_eq!(form["questionnaire_version"], 1);
    assert_eq!(form["questions"].as_array().unwrap().len(), 7);
    assert!(form.get("customer_name").is_none());
    let answer = |body: Value| async move { public_post(api, "/answer-form/answers", &body).await };
    // Incomplete answers leave the link usable.
    let (s, p) = answer(json!({"token": token, "answers": []})).await;
    assert_eq!(s, 422, "{p}");
    let (s, _) = answer(
        json!({"token": "not-a-real-token-at-all-xx", "answers": answers(true, "satisfied", None)}),
    )
    .await;
    assert_eq!(s, 404);
    let (s, p) =
        answer(json!({"token": token, "answers": answers(true, "very_satisfied", None)})).await;
    assert_eq!(s, 204, "{p}");
    let (s, _) =
        answer(json!({"token": token, "answers": answers(true, "very_satisfied", None)})).await;
    assert_eq!(s, 404, "single use");

    let (_, c) = api.get(&format!("/callbacks/{cb_id}")).await;
    assert_eq!(
        (c["status"].as_str(), c["answers"]["channel"].as_str()),
        (Some("completed"), Some("web"))
    );
    // Nothing to follow up; the ticket closes with its callback.
    wait_until(WAIT, "intake to close the ticket", || async {
        ticket_status(api, t["id"].as_str().unwrap()).await == "closed"
    })
    .await
    .unwrap();
    assert_eq!(api.get("/followups").await.1["items"], json!([]));

    // The page itself is served with a policy that lets its own script run.
    let root = api.base.trim_end_matches("/api/v1");
    let page = reqwest::get(format!("{root}/answer.html")).await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
}

#[tokio::test]
async fn the_answer_page_works_in_a_browser() {
    let sys = System::new(Backend::Sqlite).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let (_, _, cb) = visit(api, "SN-BROWSER-1").await;
    let cb_id = cb["id"].as_str().unwrap();
    let (s, link) = api
        .post(&format!("/callbacks/{cb_id}/answer-link"), &json!({}))
        .await;
    assert_eq!(s, 201, "{link}");
    let root = aftercare_testkit::workspace_root();
    let out = tokio::process::Command::new("node")
        .arg(root.join("tests/browser/answer_form.mjs"))
        .arg(api.base.trim_end_matches("/api/v1"))
        .arg(link["token"].as_str().unwrap())
        .env(
            "AFTERCARE_BROWSER_MODULES",
            root.join(".tools/browser/node_modules"),
        )
        .output()
        .await
        .expect("node (run deploy/install-tools.sh --test)");
    assert!(
        out.status.success(),
        "{}\n{} (run deploy/install-tools.sh --test)",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let (_, c) = api.get(&format!("/callbacks/{cb_id}")).await;
    assert_eq!(c["status"], "completed", "{c}");
    let a = &c["answers"];
    assert_eq!(
        (a["channel"].as_str(), a["scores"]["overall_milli"].as_u64()),
        (Some("web"), Some(1100))
    );
    let comment = a["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["key"] == "comments")
        .expect("comment");
    assert_eq!(comment["text"], "Fast and friendly");
}
