//! Dispatch through the gateway: technician profiles and leave, assignment by hard rules
//! with the flag when nobody qualifies, assignment by hand and the race of two
//! dispatchers, the technician's progress, visit outcomes (waiting for parts with its
//! return visit and parts request), appointments, day plans as a technician reads them,
//! maintenance plans and parts. Bad input gets problem+json and changes nothing.
use aftercare_testkit::{poll_for, wait_until};
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::*;

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

/// The `subject` messages once there are `n` (events leave through the outbox after commit).
async fn published(js: &async_nats::jetstream::Context, subject: &str, n: usize) -> Vec<Value> {
    poll_for(WAIT, subject, || async {
        let m = subject_messages(js, "DISPATCH", subject).await;
        (m.len() >= n).then_some(m)
    })
    .await
    .expect(subject)
}

fn field(p: &Value) -> (&str, &str) {
    (
        p["errors"][0]["field"].as_str().unwrap_or(""),
        p["errors"][0]["code"].as_str().unwrap_or(""),
    )
}

async fn work_order_of(api: &Api, ticket_id: &str) -> Value {
    poll_for(WAIT, "the work order", || async {
        let (s, v) = api.get(&format!("/workorders?ticket_id={ticket_id}")).await;
        (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty()))
            .then(|| v["items"][0].clone())
    })
    .await
    .expect("work order")
}

async fn dispatch_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;

    // A technician without a certificate, and bad profiles that change nothing.
    let (s, p) = api
        .post(
            "/technicians",
            &json!({"name": "Zhao", "district": "tianhe", "skills": ["copier", "sharp"],
                "daily_capacity": 5, "shift_start": "18:00:00", "shift_end": "09:00:00"}),
        )
        .await;
    assert_eq!((s, field(&p)), (422, ("shift_end", "before_start")), "{p}");
    let (s, zhao) = api
        .post(
            "/technicians",
            &json!({"name": "Zhao", "district": "tianhe", "skills": ["copier", "sharp"], "daily_capacity": 5}),
        )
        .await;
    assert_eq!(s, 201, "{zhao}");
    assert_eq!(zhao["team"], "tianhe");
    assert_eq!(zhao["shift_start"], "08:50:00");
    let (_, list) = api.get("/technicians?district=tianhe").await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);

    // Nobody qualifies: the work order waits, flagged, with the reasons.
    let t = api.open_ticket("SN-DISPATCH-1").await;
    let ticket_id = t["id"].as_str().unwrap().to_owned();
    let wo = work_order_of(api, &ticket_id).await;
    assert_eq!(wo["status"], "unassigned", "{wo}");
    assert_eq!(wo["flagged"], true);
    assert_eq!(wo["required_skills"], json!(["copier", "sharp"]));
    let reasons = wo["assignment_reasons"].to_string();
    assert!(reasons.contains("no valid copier certificate"), "{reasons}");
    let (_, flagged) = api.get("/workorders?flagged=true").await;
    assert_eq!(flagged["items"][0]["id"], wo["id"]);
    let wo_id = wo["id"].as_str().unwrap().to_owned();

    // By hand to Zhao: refused (no certificate), nothing changes.
    let assign_path = format!("/workorders/{wo_id}/assign");
    let (s, p) = post_if(
        api,
        &assign_path,
        Some(1),
        &json!({"technician_id": zhao["id"], "reason": "closest"}),
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (422, ("technician_id", "not_qualified")),
        "{p}"
    );
    assert_eq!(
        api.get(&format!("/workorders/{wo_id}")).await.1["version"],
        1
    );

    // Zhao gets a certificate (If-Match on the profile); a second technician joins.
    let zhao_path = format!("/technicians/{}", zhao["id"].as_str().unwrap());
    let profile = json!({"name": "Zhao", "district": "tianhe", "skills": ["copier", "sharp"], "daily_capacity": 5,
        "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}],
        "start_location": {"lat": 23.13, "lon": 113.32}});
    assert_eq!(post_if(api, &zhao_path, None, &profile).await.0, 428);
    let (s, z) = post_if(api, &zhao_path, Some(1), &profile).await;
    assert_eq!((s, z["version"].as_i64()), (200, Some(2)), "{z}");
    assert_eq!(post_if(api, &zhao_path, Some(1), &profile).await.0, 412);
    let li = api.technician().await;

    // Two dispatchers assign at once: one wins, the other gets a conflict.
    let d1 = account(api, "d1@example.com", "dispatcher", json!({})).await;
    let d2 = account(api, "d2@example.com", "dispatcher", json!({})).await;
    let b1 = json!({"technician_id": zhao["id"], "reason": "knows the customer"});
    let b2 = json!({"technician_id": li["id"], "reason": "free today"});
    let (r1, r2) = tokio::join!(
        post_if(&d1, &assign_path, Some(1), &b1),
        post_if(&d2, &assign_path, Some(1), &b2)
    );
    let mut codes = [r1.0, r2.0];
    codes.sort();
    assert_eq!(codes, [200, 412], "{r1:?} {r2:?}");
    let winner = if r1.0 == 200 { &r1.1 } else { &r2.1 };
    assert_eq!(winner["status"], "assigned");
    assert_eq!(winner["flagged"], false);
    assert!(
        winner["assignment_reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("chosen by")
    );
    let assigned_to = winner["technician_id"].as_str().unwrap().to_owned();
    let version = winner["version"].as_i64().unwrap();
    // Reassign to Zhao for what follows, by hand again.
    let (s, w) = post_if(
        api,
        &assign_path,
        Some(version),
        &json!({"technician_id": zhao["id"], "reason": "route"}),
    )
    .await;
    assert_eq!(s, 200, "{w} (was {assigned_to})");
    let (_, full) = api.get(&format!("/workorders/{wo_id}")).await;
    assert!(full["history"].as_array().unwrap().len() >= 3, "{full}");

    // Zhao's progress, through his own account.
    let zhao_api = account(
        api,
        "zhao@example.com",
        "technician",
        json!({"technician_id": zhao["id"]}),
    )
    .await;
    let move_path = format!("/workorders/{wo_id}/transitions");
    let v = w["version"].as_i64().unwrap();
    let (s, w) = post_if(&zhao_api, &move_path, Some(v), &json!({"to": "accepted"})).await;
    assert_eq!((s, w["status"].as_str()), (200, Some("accepted")), "{w}");
    let (s, _) = post_if(
        &zhao_api,
        &move_path,
        Some(v + 1),
        &json!({"to": "cancelled", "reason": "x"}),
    )
    .await;
    assert_eq!(s, 403, "technicians do not cancel");
    let (s, p) = post_if(
        &zhao_api,
        &move_path,
        Some(v + 1),
        &json!({"to": "completed"}),
    )
    .await;
    assert_eq!(s, 409, "completion is the visit report: {p}");
    let (s, w) = post_if(
        &zhao_api,
        &move_path,
        Some(v + 1),
        &json!({"to": "on_site"}),
    )
    .await;
    assert_eq!((s, w["status"].as_str()), (200, Some("on_site")), "{w}");
    let li_api = account(
        api,
        "li@example.com",
        "technician",
        json!({"technician_id": li["id"]}),
    )
    .await;
    assert_eq!(
        post_if(&li_api, &move_path, Some(v + 2), &json!({"to": "en_route"}))
            .await
            .0,
        404
    );

    // The visit: a part is missing. Consent is required for parts replaced.
    let report = |parts_consent: bool| {
        json!({"diagnosis": "fuser worn", "fault": "fuser", "outcome": "waiting_for_parts",
            "started_at": "2026-11-24T02:00:00Z", "finished_at": "2026-11-24T02:40:00Z",
            "parts": [{"sku": "ROLLER-1", "quantity": 1, "location": "van-zhao"}], "parts_consent": parts_consent,
            "parts_needed": [{"sku": "FUSER-2", "quantity": 1}], "meter_reading": 120345, "consumables_level": 40,
            "hazards": "loose earth wire", "signature": {"signer": "王女士"}})
    };
    let complete_path = format!("/workorders/{wo_id}/complete");
    let (s, p) = post_if(&zhao_api, &complete_path, Some(v + 2), &report(false)).await;
    assert_eq!((s, field(&p)), (422, ("parts_consent", "required")), "{p}");
    let (s, w) = post_if(&zhao_api, &complete_path, Some(v + 2), &report(true)).await;
    assert_eq!(
        (s, w["status"].as_str()),
        (200, Some("waiting_for_parts")),
        "{w}"
    );
    assert_eq!(w["visit"]["signed_by"], "王女士");
    assert_eq!(w["visit"]["hazards"], "loose earth wire");

    // The return visit goes to the same technician; parts are requested; intake waits.
    let js = sys.jetstream().await;
    let waiting = poll_for(WAIT, "the waiting-for-parts event", || async {
        subject_messages(&js, "DISPATCH", "dispatch.workorder.waiting_for_parts")
            .await
            .pop()
    })
    .await
    .unwrap();
    let revisit_id = waiting["data"]["revisit_work_order_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, revisit) = api.get(&format!("/workorders/{revisit_id}")).await;
    assert_eq!(revisit["status"], "assigned");
    assert_eq!(revisit["technician_id"], zhao["id"]);
    assert_eq!(revisit["revisit_of"], wo["id"]);
    let requested = published(&js, "dispatch.parts.requested", 1).await;
    assert_eq!(requested.len(), 1);
    assert_eq!(requested[0]["data"]["work_order_id"], json!(revisit_id));
    assert_eq!(requested[0]["data"]["parts"][0]["sku"], "FUSER-2");
    let meter = published(&js, "dispatch.meter.read", 1).await;
    assert_eq!(meter[0]["data"]["reading"], 120345);
    wait_until(WAIT, "intake to park the ticket", || async {
        api.get(&format!("/tickets/{ticket_id}")).await.1["status"] == "waiting_for_parts"
    })
    .await
    .unwrap();
    // The visit did not finish the job: it is not completed, but billing charges its
    // call-out and labour (40 minutes: three quarter hours) on a receipt of its own.
    assert_eq!(
        subject_messages(&js, "DISPATCH", "dispatch.workorder.completed")
            .await
            .len(),
        0
    );
    let first_receipt = poll_for(WAIT, "the first visit's receipt", || async {
        let (_, page) = api.get(&format!("/invoices?work_order_id={wo_id}")).await;
        page["items"].as_array().and_then(|i| i.first().cloned())
    })
    .await
    .unwrap();
    let charged: Vec<(String, i64)> = first_receipt["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap().to_owned(),
                l["charged"]["amount_minor"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        charged,
        [("call_out".to_owned(), 5000), ("labour".to_owned(), 9000)],
        "{first_receipt}"
    );

    // The return visit completes the ticket.
    let rv = revisit["version"].as_i64().unwrap();
    let (s, w) = post_if(
        &zhao_api,
        &format!("/workorders/{revisit_id}/complete"),
        Some(rv),
        &json!({"diagnosis": "fuser replaced", "started_at": "2026-11-25T02:00:00Z", "finished_at": "2026-11-25T02:30:00Z",
            "parts": [{"sku": "FUSER-2", "quantity": 1}], "parts_consent": true}),
    )
    .await;
    assert_eq!((s, w["status"].as_str()), (200, Some("completed")), "{w}");
    wait_until(WAIT, "intake to resolve the ticket", || async {
        api.get(&format!("/tickets/{ticket_id}")).await.1["status"] == "resolved"
    })
    .await
    .unwrap();
    // Its receipt charges the labour and the part but no second call-out: the line says
    // the first visit's receipt charged it. The first visit's receipt is unchanged.
    let second_receipt = api.receipt(&revisit_id).await;
    assert_ne!(second_receipt["id"], first_receipt["id"]);
    let call_out = &second_receipt["lines"][0];
    assert_eq!(call_out["kind"], "call_out", "{second_receipt}");
    assert_eq!(call_out["charged"]["amount_minor"], 0, "{second_receipt}");
    assert_eq!(
        call_out["coverage_note"].as_str(),
        Some(
            format!(
                "return visit: the call-out was charged once, on receipt {}",
                first_receipt["number"].as_str().unwrap()
            )
            .as_str()
        ),
        "{second_receipt}"
    );
    let kinds: Vec<&str> = second_receipt["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["call_out", "labour", "part"], "{second_receipt}");
    assert!(second_receipt["lines"][1]["charged"]["amount_minor"].as_i64() > Some(0));
    let (_, first_again) = api.get(&format!("/invoices?work_order_id={wo_id}")).await;
    assert_eq!(first_again["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(first_again["items"][0]["lines"], first_receipt["lines"]);

    // The field service report: one ticket, fixed on the return visit.
    let (s, r) = api
        .get("/reports/visits?group_by=technician&from=2026-11-24&to=2026-11-25")
        .await;
    assert_eq!(s, 200, "{r}");
    let line = r["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["key"] == zhao["id"])
        .cloned()
        .expect("Zhao's line");
    assert_eq!(line["name"], "Zhao");
    assert_eq!(
        (line["visits"].as_u64(), line["completed"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        (
            line["first_visits"].as_u64(),
            line["first_time_fixes"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(
        (
            line["return_visits"].as_u64(),
            line["service_minutes"].as_u64()
        ),
        (Some(1), Some(70))
    );
    let (s, p) = api
        .get("/reports/visits?from=2026-11-24&to=2026-11-25")
        .await;
    assert_eq!((s, field(&p)), (422, ("group_by", "required")));

    // Leave: Li is away; bad leave changes nothing.
    let leave_path = format!("/technicians/{}/leave", li["id"].as_str().unwrap());
    let (s, p) = api
        .post(
            &leave_path,
            &json!({"from": "2026-12-02", "to": "2026-12-01"}),
        )
        .await;
    assert_eq!((s, field(&p)), (422, ("to", "before_from")));
    let (s, l) = api
        .post(
            &leave_path,
            &json!({"from": "2026-12-01", "to": "2026-12-03", "reason": "annual leave"}),
        )
        .await;
    assert_eq!(
        (s, l["leave"][0]["reason"].as_str()),
        (201, Some("annual leave")),
        "{l}"
    );

    // How long visits take: a model's rule wins over the kind's.
    let (s, d) = api.get("/duration-defaults").await;
    assert_eq!((s, d["version"].as_i64()), (200, Some(0)));
    let rules = json!({"rules": [{"work_type": "repair", "minutes": 75},
                                 {"work_type": "repair", "model": "AR-2048", "minutes": 45}]});
    let (s, d) = post_if(api, "/duration-defaults", Some(0), &rules).await;
    assert_eq!((s, d["version"].as_i64()), (200, Some(1)), "{d}");
    let (s, p) = post_if(
        api,
        "/duration-defaults",
        Some(1),
        &json!({"rules": [{"work_type": "repair", "minutes": 1}]}),
    )
    .await;
    assert_eq!((s, field(&p)), (422, ("rules[0].minutes", "out_of_range")));

    // Parts ahead of a visit; a cancellation needs a reason.
    let t2 = api.open_ticket("SN-DISPATCH-2").await;
    let w2 = work_order_of(api, t2["id"].as_str().unwrap()).await;
    assert_eq!(w2["estimated_minutes"], 45, "{w2}");
    let parts_path = format!("/workorders/{}/parts-requests", w2["id"].as_str().unwrap());
    let (s, p) = post_if(
        api,
        &parts_path,
        Some(w2["version"].as_i64().unwrap()),
        &json!({"parts": []}),
    )
    .await;
    assert_eq!((s, field(&p)), (422, ("parts", "out_of_range")));
    let (s, w2) = post_if(
        api,
        &parts_path,
        Some(w2["version"].as_i64().unwrap()),
        &json!({"parts": [{"sku": "TONER-K", "quantity": 2}]}),
    )
    .await;
    assert_eq!(
        (s, w2["parts_requested"][0]["sku"].as_str()),
        (200, Some("TONER-K")),
        "{w2}"
    );
    let asked = published(&js, "dispatch.parts.requested", 2).await;
    assert_eq!(asked[1]["data"]["work_order_id"], w2["id"]);
    let w2_path = format!("/workorders/{}/transitions", w2["id"].as_str().unwrap());
    let w2v = w2["version"].as_i64().unwrap();
    let (s, p) = post_if(api, &w2_path, Some(w2v), &json!({"to": "cancelled"})).await;
    assert_eq!((s, field(&p)), (422, ("reason", "required")));
    let (s, c) = post_if(
        api,
        &w2_path,
        Some(w2v),
        &json!({"to": "cancelled", "reason": "customer fixed it"}),
    )
    .await;
    assert_eq!((s, c["status"].as_str()), (200, Some("cancelled")), "{c}");
    assert_eq!(
        published(&js, "dispatch.workorder.cancelled", 1)
            .await
            .len(),
        1
    );
}

#[tokio::test]
async fn dispatch_assigns_moves_and_reports_visits_on_sqlite() {
    dispatch_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn dispatch_assigns_moves_and_reports_visits_on_postgresql() {
    dispatch_through_the_gateway(Backend::Postgres).await;
}

/// Day plans through the gateway: booking and publishing with `If-Match` and
/// problem+json, and a technician reading only their own route. How routes are planned and
/// re-planned is dispatch's alone and is tested in its service tier
/// (`services/dispatch/tests/service.rs`).
#[tokio::test]
async fn a_technician_reads_only_their_own_route_of_a_published_day() {
    let sys = System::new(Backend::Sqlite).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    let (s, other) = api
        .post("/technicians", &json!({"name": "Zhao Min", "district": "tianhe", "skills": ["copier", "sharp"],
            "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 50}))
        .await;
    assert_eq!(s, 201, "{other}");
    let day =
        (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive() + chrono::Duration::days(1);
    // Two orders, one each (the lighter load wins the tie); one booked for tomorrow morning.
    let mut orders = Vec::new();
    for serial in ["SN-PLAN-1", "SN-PLAN-2"] {
        let t = api.open_ticket(serial).await;
        orders.push(api.assigned_work_order(t["id"].as_str().unwrap()).await);
    }
    assert_ne!(orders[0]["technician_id"], orders[1]["technician_id"]);
    let path = format!(
        "/workorders/{}/appointment",
        orders[0]["id"].as_str().unwrap()
    );
    let window = |from: &str, to: &str| json!({"window": {"start": format!("{day}T{from}:00+08:00"), "end": format!("{day}T{to}:00+08:00")}});
    let version = orders[0]["version"].as_i64();
    let (s, p) = post_if(api, &path, version, &window("15:00", "14:00")).await;
    assert_eq!((s, field(&p)), (422, ("window.end", "before_start")));
    let (s, a) = post_if(api, &path, version, &window("09:00", "10:00")).await;
    assert_eq!(s, 200, "{a}");

    let (s, p) = api.post("/day-plans", &json!({"date": "2000-01-01"})).await;
    assert_eq!((s, field(&p)), (422, ("date", "out_of_range")));
    let (s, plan) = api
        .post("/day-plans", &json!({"date": day.to_string()}))
        .await;
    assert_eq!(s, 200, "{plan}");
    assert_eq!(plan["routes"].as_array().map(Vec::len), Some(2), "{plan}");
    let js = sys.jetstream().await;
    assert_eq!(published(&js, "dispatch.route.published", 2).await.len(), 2);

    // The technician sees their own route.
    let mine = account(
        api,
        "li@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let (s, own) = mine.get(&format!("/day-plans/{day}")).await;
    assert_eq!((s, own["routes"].as_array().map(Vec::len)), (200, Some(1)));
    assert_eq!(own["routes"][0]["technician_id"], tech["id"]);
    let (s, _) = api.get("/day-plans/2026-13-01").await;
    assert_eq!(s, 422);
}

/// Publishing a day divides its work: orders nobody could take when they came in wait
/// unassigned; once two technicians with different skills work, the day plan gives each
/// order to a qualified technician (printers only to the one who does printers), keeps
/// the order a dispatcher pinned with its technician, says why for every stop, and reports
/// the order nobody can take with why.
async fn day_plans_divide_the_work(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let day =
        (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive() + chrono::Duration::days(1);
    // Orders come in before anyone can take them.
    let mut orders = Vec::new();
    for (serial, line, brand) in [
        ("SN-DIV-1", "copier", "Sharp"),
        ("SN-DIV-2", "copier", "Sharp"),
        ("SN-DIV-3", "printer", "HP"),
        ("SN-DIV-4", "printer", "HP"),
        ("SN-DIV-5", "fax", "Brother"),
    ] {
        let mut body = aftercare_testkit::fixtures::ticket_body(serial);
        body["machine"]["product_line"] = json!(line);
        body["machine"]["brand"] = json!(brand);
        let (s, t) = api.post("/tickets", &body).await;
        assert_eq!(s, 201, "{t}");
        let w = work_order_of(api, t["id"].as_str().unwrap()).await;
        assert_eq!(w["status"], "unassigned", "{w}");
        orders.push(w);
    }
    // Li does copiers; Wang copiers and printers.
    let (s, li) = api
        .post("/technicians", &json!({"name": "Li Na", "district": "tianhe", "skills": ["copier", "sharp"],
            "certifications": [{"skill": "copier", "expires_on": "2099-12-31"}], "daily_capacity": 8}))
        .await;
    assert_eq!(s, 201, "{li}");
    let (s, wang) = api
        .post("/technicians", &json!({"name": "Wang Fang", "district": "tianhe",
            "skills": ["copier", "sharp", "printer", "hp"],
            "certifications": [{"skill": "copier", "expires_on": "2099-12-31"},
                               {"skill": "printer", "expires_on": "2099-12-31"}], "daily_capacity": 8}))
        .await;
    assert_eq!(s, 201, "{wang}");
    // A dispatcher pins the first copier order to Li.
    let (s, pinned) = post_if(
        api,
        &format!("/workorders/{}/assign", orders[0]["id"].as_str().unwrap()),
        orders[0]["version"].as_i64(),
        &json!({"technician_id": li["id"], "reason": "knows the customer"}),
    )
    .await;
    assert_eq!(
        (s, pinned["pinned"].as_bool()),
        (200, Some(true)),
        "{pinned}"
    );

    let (s, plan) = api
        .post("/day-plans", &json!({"date": day.to_string()}))
        .await;
    assert_eq!(s, 200, "{plan}");
    let route_of = |id: &Value| -> Option<(String, Value)> {
        plan["routes"].as_array().unwrap().iter().find_map(|r| {
            r["stops"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["work_order_id"] == *id)
                .map(|s| (r["technician_id"].as_str().unwrap().to_owned(), s.clone()))
        })
    };
    let li_id = li["id"].as_str().unwrap();
    let wang_id = wang["id"].as_str().unwrap();
    // The pinned order stays with Li, and says so.
    let (who, stop) = route_of(&orders[0]["id"]).expect("the pinned order is planned");
    assert_eq!(who, li_id, "{plan}");
    assert_eq!(stop["reasons"][0], "pinned by a dispatcher", "{stop}");
    // The other copier order goes to someone qualified; printers only to Wang.
    let (who, stop) = route_of(&orders[1]["id"]).expect("the copier order is planned");
    assert!(who == li_id || who == wang_id, "{plan}");
    assert_eq!(stop["reasons"][0], "skills copier, sharp", "{stop}");
    for printer in &orders[2..4] {
        let (who, stop) = route_of(&printer["id"]).expect("the printer order is planned");
        assert_eq!(who, wang_id, "{plan}");
        assert_eq!(stop["reasons"][0], "skills printer, hp", "{stop}");
        assert_eq!(
            stop["reasons"][2], "the only qualified technician",
            "{stop}"
        );
        // Assigned as by hand: the order, its event and its planned arrival.
        let (_, w) = api
            .get(&format!("/workorders/{}", printer["id"].as_str().unwrap()))
            .await;
        assert_eq!(
            (
                w["status"].as_str(),
                w["technician_id"].as_str(),
                w["pinned"].as_bool()
            ),
            (Some("assigned"), Some(wang_id), Some(false)),
            "{w}"
        );
        assert!(w["planned_arrival"].is_string(), "{w}");
    }
    // Nobody does faxes: left out, with why.
    assert!(route_of(&orders[4]["id"]).is_none(), "{plan}");
    let left = &plan["left_out"];
    assert_eq!(left.as_array().map(Vec::len), Some(1), "{plan}");
    assert_eq!(left[0]["work_order_id"], orders[4]["id"]);
    assert_eq!(
        left[0]["reason"],
        "no qualified technician: nobody working that day has the skills fax, brother"
    );
    assert_eq!(
        plan["unplanned"][0],
        format!(
            "{}: no qualified technician: nobody working that day has the skills fax, brother",
            orders[4]["number"].as_str().unwrap()
        )
    );
    // Every order the plan gave out was announced as an assignment; both routes published.
    let js = sys.jetstream().await;
    let assigned = published(&js, "dispatch.workorder.assigned", 4).await;
    assert!(
        assigned
            .iter()
            .any(|e| e["data"]["work_order_id"] == orders[2]["id"]
                && e["data"]["technician_id"] == wang["id"]),
        "{assigned:?}"
    );
    assert_eq!(published(&js, "dispatch.route.published", 2).await.len(), 2);
    let (s, again) = api.get(&format!("/day-plans/{day}")).await;
    assert_eq!((s, &again["left_out"]), (200, left), "{again}");
}

#[tokio::test]
async fn day_plans_divide_the_work_by_skill_and_keep_pins_on_sqlite() {
    day_plans_divide_the_work(Backend::Sqlite).await;
}

#[tokio::test]
async fn day_plans_divide_the_work_by_skill_and_keep_pins_on_postgresql() {
    day_plans_divide_the_work(Backend::Postgres).await;
}

async fn maintenance_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    // A lead of 40 days brings the first visit and the first monthly cleaning due.
    let _all = sys
        .spawn(
            &ROLES,
            &[
                ("AFTERCARE_JOB_INTERVAL_SECS", "1"),
                ("AFTERCARE_MAINTENANCE_LEAD_DAYS", "40"),
            ],
        )
        .await;
    let api = &sys.api;
    let (s, _) = api
        .post(
            "/technicians",
            &json!({"name": "Sun", "district": "tianhe", "skills": ["fax", "panasonic"], "daily_capacity": 20,
                "certifications": [{"skill": "fax", "expires_on": "2099-12-31"}]}),
        )
        .await;
    assert_eq!(s, 201);
    let purchase = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let (s, card) = api
        .post(
            "/warranty-cards",
            &json!({"card_number": "WC-PM-1",
                "customer": {"company": "Haizhu Trading", "contacts": [{"name": "Ms Chen", "phones": ["13800138111"]}],
                             "address": "8 Binjiang Rd", "district": "tianhe", "location": {"lat": 23.11, "lon": 113.30}},
                "machine": {"product_line": "fax", "brand": "Panasonic", "model": "KX-FL338", "serial": "PM-1",
                            "purchase_date": purchase.to_string()}}),
        )
        .await;
    assert_eq!(s, 201, "{card}");
    let customer_id = card["customer"]["id"].as_str().unwrap().to_owned();

    // The card starts two plans; their due visits become maintenance tickets and work orders.
    let plans = poll_for(WAIT, "both plans to generate their first visit", || async {
        let (_, v) = api
            .get(&format!("/maintenance-plans?customer_id={customer_id}"))
            .await;
        let items = v["items"].as_array().cloned().unwrap_or_default();
        (items.len() == 2
            && items
                .iter()
                .all(|p| p["generated"].as_array().is_some_and(|g| !g.is_empty())))
        .then_some(items)
    })
    .await
    .unwrap();
    let first = plans.iter().find(|p| p["kind"] == "first_visit").unwrap();
    let monthly = plans
        .iter()
        .find(|p| p["kind"] == "monthly_cleaning")
        .unwrap();
    assert_eq!(first["active"], false, "a single visit is done with");
    assert_eq!(first["generated"], json!([card["first_maintenance_by"]]));
    assert_eq!(monthly["every_months"], 1);
    assert_eq!(monthly["until"], card["machine"]["warranty_end"]);
    let orders = poll_for(WAIT, "two maintenance work orders", || async {
        let (_, v) = api.get("/workorders?status=assigned").await;
        let items: Vec<Value> = v["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|w| w["work_type"] == "maintenance")
            .collect();
        (items.len() == 2).then_some(items)
    })
    .await
    .unwrap();
    assert!(
        orders
            .iter()
            .all(|w| w["customer_name"] == "Haizhu Trading")
    );
    let (_, t) = api
        .get(&format!(
            "/tickets/{}",
            orders[0]["ticket_id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        (t["channel"].as_str(), t["type"].as_str()),
        (Some("planned"), Some("maintenance")),
        "{t}"
    );

    // The sweep runs every second; running again creates nothing new.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    assert_eq!(
        sys.count("intake", "select count(*) from maintenance_ticket")
            .await,
        2
    );
    assert_eq!(
        sys.count("dispatch", "select count(*) from maintenance_visit")
            .await,
        2
    );
    let js = sys.jetstream().await;
    assert_eq!(
        subject_messages(&js, "DISPATCH", "dispatch.maintenance.due")
            .await
            .len(),
        2
    );

    // A plan by hand through the gateway (its checks are in dispatch's service tier).
    let plan = json!({"kind": "contract", "customer_id": customer_id, "company": "Haizhu Trading", "district": "tianhe",
        "machine": {"product_line": "fax", "brand": "Panasonic", "model": "KX-FL338", "serial": "PM-1"},
        "every_months": 3, "first_due": "2027-03-01", "until": "2028-12-31"});
    let (s, c) = api.post("/maintenance-plans", &plan).await;
    assert_eq!(
        (s, c["next_due"].as_str()),
        (201, Some("2027-03-01")),
        "{c}"
    );
}

#[tokio::test]
async fn warranty_cards_start_maintenance_plans_that_generate_visits_once_on_sqlite() {
    maintenance_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn warranty_cards_start_maintenance_plans_that_generate_visits_once_on_postgresql() {
    maintenance_through_the_gateway(Backend::Postgres).await;
}

async fn parts_through_the_gateway(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    // A second inventory replica competes for the same parts requests.
    let _second = sys.spawn(&["inventory"], &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("FUSER-2", 1).await;
    let mut orders = Vec::new();
    for serial in ["SN-PARTS-1", "SN-PARTS-2"] {
        let t = api.open_ticket(serial).await;
        orders.push(api.assigned_work_order(t["id"].as_str().unwrap()).await);
    }
    // Both visits are booked for tomorrow; both ask for the last fuser at once.
    let day =
        (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive() + chrono::Duration::days(1);
    let mut booked = Vec::new();
    for w in &orders {
        let (s, b) = post_if(
            api,
            &format!("/workorders/{}/appointment", w["id"].as_str().unwrap()),
            w["version"].as_i64(),
            &json!({"window": {"start": format!("{day}T09:00:00+08:00"), "end": format!("{day}T11:00:00+08:00")}}),
        )
        .await;
        assert_eq!(s, 200, "{b}");
        booked.push(b);
    }
    let ask = |w: &Value| {
        let path = format!("/workorders/{}/parts-requests", w["id"].as_str().unwrap());
        let version = w["version"].as_i64();
        async move {
            post_if(
                api,
                &path,
                version,
                &json!({"parts": [{"sku": "FUSER-2", "quantity": 1}]}),
            )
            .await
        }
    };
    let (a, b) = tokio::join!(ask(&booked[0]), ask(&booked[1]));
    assert_eq!((a.0, b.0), (200, 200), "{a:?} {b:?}");

    // Exactly one is held; the other is backordered and loses its appointment.
    let answered = poll_for(WAIT, "inventory's answers", || async {
        let mut out = Vec::new();
        for w in &orders {
            let (_, v) = api
                .get(&format!("/workorders/{}", w["id"].as_str().unwrap()))
                .await;
            if v["parts_status"].is_null() {
                return None;
            }
            out.push(v);
        }
        Some(out)
    })
    .await
    .unwrap();
    let mut statuses: Vec<&str> = answered
        .iter()
        .map(|w| w["parts_status"].as_str().unwrap())
        .collect();
    statuses.sort();
    assert_eq!(statuses, ["backordered", "reserved"]);
    let waiting = answered
        .iter()
        .find(|w| w["parts_status"] == "backordered")
        .unwrap();
    let held = answered
        .iter()
        .find(|w| w["parts_status"] == "reserved")
        .unwrap();
    assert!(waiting["appointment"].is_null(), "{waiting}");
    assert!(held["appointment"].is_object());
    assert!(
        waiting["history"]
            .to_string()
            .contains("appointment released")
    );
    let (_, part) = api.get("/parts/FUSER-2").await;
    assert_eq!(
        (
            part["on_hand"].as_i64(),
            part["reserved"].as_i64(),
            part["available"].as_i64()
        ),
        (Some(1), Some(1), Some(0)),
        "{part}"
    );

    // A receipt covers the backorder: the parts are held and the order is ready to book.
    let (s, _) = api
        .post(
            "/parts/FUSER-2/receipts",
            &json!({"quantity": 1, "location": "main", "reference": "PO-2"}),
        )
        .await;
    assert_eq!(s, 201);
    let waiting_id = waiting["id"].as_str().unwrap().to_owned();
    wait_until(WAIT, "the parts to arrive", || async {
        api.get(&format!("/workorders/{waiting_id}")).await.1["parts_status"] == "arrived"
    })
    .await
    .unwrap();
    let (_, part) = api.get("/parts/FUSER-2").await;
    assert_eq!(
        (part["on_hand"].as_i64(), part["reserved"].as_i64()),
        (Some(2), Some(2)),
        "{part}"
    );

    // The held unit is the one the visit uses.
    let held_id = held["id"].as_str().unwrap();
    assert_eq!(
        api.complete(held_id, json!([{"sku": "FUSER-2", "quantity": 1}]))
            .await
            .0,
        200
    );
    wait_until(WAIT, "the held unit to be consumed", || async {
        let (_, p) = api.get("/parts/FUSER-2").await;
        p["on_hand"] == 1 && p["reserved"] == 1
    })
    .await
    .unwrap();
    assert_eq!(
        sys.count(
            "inventory",
            "select count(*) from reservation where status = 'consumed'"
        )
        .await,
        1
    );

    // Cancelling the other order releases what was held for it.
    let (_, w) = api.get(&format!("/workorders/{waiting_id}")).await;
    let (s, c) = post_if(
        api,
        &format!("/workorders/{waiting_id}/transitions"),
        w["version"].as_i64(),
        &json!({"to": "cancelled", "reason": "customer bought a new machine"}),
    )
    .await;
    assert_eq!(s, 200, "{c}");
    wait_until(WAIT, "the held unit to be released", || async {
        let (_, p) = api.get("/parts/FUSER-2").await;
        p["on_hand"] == 1 && p["reserved"] == 0 && p["available"] == 1
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn the_last_unit_goes_to_one_work_order_and_a_receipt_fills_the_backorder_on_sqlite() {
    parts_through_the_gateway(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_last_unit_goes_to_one_work_order_and_a_receipt_fills_the_backorder_on_postgresql() {
    parts_through_the_gateway(Backend::Postgres).await;
}

/// The report-back register through the gateway: a technician records their own departure
/// only (another's answers 404) and cannot read the register or record calls; the desk
/// records the departure a technician phones in and a call (201 with where to read it) and
/// reads the day; the warehouse does neither; bad input names its field.
#[tokio::test]
async fn technicians_record_their_own_departure_and_the_desk_keeps_the_report_back_register() {
    let sys = System::new(Backend::Sqlite).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    let (s, other) = api
        .post(
            "/technicians",
            &json!({"name": "Zhao Min", "district": "tianhe", "skills": ["copier"],
            "daily_capacity": 5}),
        )
        .await;
    assert_eq!(s, 201, "{other}");
    let id = |t: &Value| t["id"].as_str().unwrap().to_owned();
    let mine = account(
        api,
        "wei@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let desk = account(api, "desk@example.com", "dispatcher", json!({})).await;
    let warehouse = account(api, "store@example.com", "warehouse", json!({})).await;

    // Departure: own only, the phone's time within bounds.
    let (s, _) = mine
        .post(
            &format!("/technicians/{}/departure", id(&other)),
            &json!({}),
        )
        .await;
    assert_eq!(s, 404);
    let depart = format!("/technicians/{}/departure", id(&tech));
    let (s, p) = mine
        .post(&depart, &json!({"occurred_at": "2000-01-01T00:00:00Z"}))
        .await;
    assert_eq!((s, field(&p)), (422, ("occurred_at", "too_old")), "{p}");
    let (s, row) = mine.post(&depart, &json!({})).await;
    assert_eq!(s, 200, "{row}");
    assert_eq!(row["departure_source"], "recorded", "{row}");
    assert!(row["departed_at"].is_string(), "{row}");
    let (s, again) = desk.post(&depart, &json!({})).await;
    assert_eq!(s, 200, "{again}");
    assert_eq!(
        again["departed_at"], row["departed_at"],
        "a departure already known is kept"
    );
    let date = row["date"].as_str().unwrap().to_owned();

    // The desk records the departure another technician phones in; the warehouse cannot.
    let phoned = format!("/technicians/{}/departure", id(&other));
    let (s, _) = warehouse.post(&phoned, &json!({})).await;
    assert_eq!(s, 403);
    let (s, p) = desk
        .post(&phoned, &json!({"occurred_at": "2999-01-01T00:00:00Z"}))
        .await;
    assert_eq!((s, field(&p)), (422, ("occurred_at", "in_future")), "{p}");
    let (s, theirs) = desk.post(&phoned, &json!({})).await;
    assert_eq!(s, 200, "{theirs}");
    assert_eq!(theirs["departure_source"], "recorded", "{theirs}");
    assert!(theirs["departed_at"].is_string(), "{theirs}");

    // Calls: the desk records them; the technician cannot.
    let calls = format!("/technicians/{}/report-backs", id(&tech));
    let (s, _) = mine.post(&calls, &json!({"note": "done"})).await;
    assert_eq!(s, 403);
    let (s, p) = desk.post(&calls, &json!({"note": "x".repeat(501)})).await;
    assert_eq!((s, field(&p)), (422, ("note", "too_long")), "{p}");
    let (s, _) = desk
        .post(&calls, &json!({"work_order_id": uuid::Uuid::now_v7()}))
        .await;
    assert_eq!(s, 404);
    let (s, row) = desk
        .post(&calls, &json!({"note": "到客户处了，下午两点复电"}))
        .await;
    assert_eq!(s, 201, "{row}");
    assert_eq!(row["calls"][0]["note"], "到客户处了，下午两点复电", "{row}");

    // The register: the desk reads it; a technician or the warehouse does not.
    let path = format!("/report-back-register/{date}");
    for who in [&mine, &warehouse] {
        assert_eq!(who.get(&path).await.0, 403);
    }
    let (s, day) = desk.get(&path).await;
    assert_eq!(s, 200, "{day}");
    let row = day["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["technician_id"] == tech["id"])
        .unwrap()
        .clone();
    assert!(row["departed_at"].is_string(), "{row}");
    assert_eq!(row["calls"].as_array().map(Vec::len), Some(1), "{row}");
    let (s, only) = desk
        .get(&format!("{path}?technician_id={}", id(&other)))
        .await;
    assert_eq!(s, 200, "{only}");
    assert_eq!(only["rows"].as_array().map(Vec::len), Some(1), "{only}");
    assert_eq!(
        only["rows"][0]["departed_at"], theirs["departed_at"],
        "{only}"
    );
    let (s, p) = desk.get("/report-back-register/2026-13-01").await;
    assert_eq!((s, field(&p).0), (422, "date"), "{p}");
}
