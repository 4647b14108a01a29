//! The ticket lifecycle through the gateway, on both backends: SLA deadlines on opening,
//! triage, a visit requested after triage that dispatch turns into a work order, waiting
//! for parts, remote resolution, close and reopen, cancel as a final state, a priority
//! override with its reason; stale, missing and illegal updates refused and changing
//! nothing.
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Api, Backend, ROLES, System, WAIT, ticket_body};

async fn update(api: &Api, path: &str, version: &Value, body: Value) -> (u16, Value) {
    let mut req = api.request(Method::POST, path).await.json(&body);
    if !version.is_null() {
        req = req.header("if-match", format!("\"{version}\""));
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn consultation(api: &Api, serial: &str) -> Value {
    let mut body = ticket_body(serial);
    body["type"] = json!("consultation");
    body["channel"] = json!("web");
    let (s, t) = api.post("/tickets", &body).await;
    assert_eq!(s, 201, "{t}");
    t
}

async fn flow(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;

    // Reporter and attachments travel with the ticket; too many attachments are refused.
    let mut body = ticket_body("SN-LC-0");
    body["reporter"] = json!({"name": "Dealer Zhang", "phone": "020-8888 0000"});
    let photo = json!({"name": "streaks.jpg", "content_type": "image/jpeg", "size_bytes": 204800, "url": "https://files.example.com/a/streaks.jpg"});
    body["attachments"] = json!([photo]);
    let (s, with_files) = api.post("/tickets", &body).await;
    assert_eq!(s, 201, "{with_files}");
    assert_eq!(with_files["reporter"]["name"], "Dealer Zhang");
    assert_eq!(
        api.get(&format!("/tickets/{}", with_files["id"].as_str().unwrap()))
            .await
            .1["attachments"][0]["name"],
        "streaks.jpg"
    );
    body["attachments"] = json!(vec![photo; 21]);
    let (s, v) = api.post("/tickets", &body).await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("attachments"))
    );

    let t = consultation(api, "SN-LC-1").await;
    assert_eq!(t["status"], "new");
    assert_eq!(t["priority"], "p4");
    let due1 = t["sla"]["first_response_due"].as_str().unwrap().to_owned();
    assert!(due1.as_str() < t["sla"]["resolution_due"].as_str().unwrap());
    assert!(t["sla"].get("first_response_at").is_none());
    let id = t["id"].as_str().unwrap().to_owned();
    let moves = format!("/tickets/{id}/transitions");

    // Refusals change nothing.
    assert_eq!(
        update(api, &moves, &Value::Null, json!({"to": "triaged"}))
            .await
            .0,
        428
    );
    assert_eq!(
        update(api, &moves, &json!(99), json!({"to": "triaged"}))
            .await
            .0,
        412
    );
    let (s, v) = update(api, &moves, &t["version"], json!({"to": "closed"})).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (409, Some("illegal_transition")),
        "{v}"
    );
    let (s, v) = update(api, &moves, &t["version"], json!({"to": "cancelled"})).await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("reason")),
        "{v}"
    );
    let (s, v) = update(
        api,
        &moves,
        &t["version"],
        json!({"to": "triaged", "status": "closed"}),
    )
    .await;
    assert_eq!(s, 422, "unknown fields are refused: {v}");
    assert_eq!(
        api.get(&format!("/tickets/{id}")).await.1["version"],
        t["version"]
    );

    // Triage records the first response; a visit after triage becomes a work order.
    let (s, t2) = update(
        api,
        &moves,
        &t["version"],
        json!({"to": "triaged", "reason": "copier needs a look"}),
    )
    .await;
    assert_eq!(s, 200, "{t2}");
    assert!(t2["sla"]["first_response_at"].is_string());
    let (s, t3) = update(api, &moves, &t2["version"], json!({"to": "needs_visit"})).await;
    assert_eq!(
        (s, t3["status"].as_str()),
        (200, Some("needs_visit")),
        "{t3}"
    );
    let wo = api.assigned_work_order(&id).await;
    assert_eq!(wo["ticket_id"], json!(id));
    let t4 = aftercare_testkit::poll_for(WAIT, "the ticket in service", || async {
        let (_, t) = api.get(&format!("/tickets/{id}")).await;
        (t["status"] == "in_service").then_some(t)
    })
    .await
    .unwrap();
    let (s, t5) = update(
        api,
        &moves,
        &t4["version"],
        json!({"to": "waiting_for_parts", "reason": "fuser on order"}),
    )
    .await;
    assert_eq!(
        (s, t5["status"].as_str()),
        (200, Some("waiting_for_parts")),
        "{t5}"
    );
    let (s, _) = update(
        api,
        &moves,
        &t5["version"],
        json!({"to": "in_service", "reason": "part arrived"}),
    )
    .await;
    assert_eq!(s, 200);

    // A priority override with its reason moves the deadlines and is in the history.
    let (_, cur) = api.get(&format!("/tickets/{id}")).await;
    let (s, p) = update(
        api,
        &format!("/tickets/{id}/priority"),
        &cur["version"],
        json!({"priority": "p1", "reason": "hospital, machine down"}),
    )
    .await;
    assert_eq!((s, p["priority"].as_str()), (200, Some("p1")), "{p}");
    assert!(
        p["sla"]["resolution_due"].as_str().unwrap()
            < cur["sla"]["resolution_due"].as_str().unwrap()
    );
    let (s, v) = update(
        api,
        &format!("/tickets/{id}/priority"),
        &p["version"],
        json!({"priority": "p2", "reason": ""}),
    )
    .await;
    assert_eq!((s, v["errors"][0]["field"].as_str()), (422, Some("reason")));
    let history = sys
        .strings("intake", &format!("select reason || ' by ' || actor from ticket_history where ticket_id = '{id}' order by at"))
        .await;
    assert!(
        history
            .iter()
            .any(|h| h.starts_with("priority p4 → p1: hospital")),
        "{history:?}"
    );
    assert!(
        history
            .iter()
            .any(|h| h.contains("copier needs a look by ")),
        "{history:?}"
    );

    // Lists filter by priority, type, district, opening time and SLA state.
    let ids = |v: &Value| -> Vec<Value> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].clone())
            .collect()
    };
    let (_, p1) = api
        .get("/tickets?priority=p1&type=consultation&district=tianhe")
        .await;
    assert_eq!(ids(&p1), [json!(id)]);
    assert!(ids(&api.get("/tickets?district=nowhere").await.1).is_empty());
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    let (s, none) = api
        .get(&format!(
            "/tickets?opened_from={}",
            later.replace('+', "%2B")
        ))
        .await;
    assert_eq!(s, 200, "{none}");
    assert!(ids(&none).is_empty());
    assert!(ids(&api.get("/tickets?sla=breached").await.1).is_empty());
    assert!(ids(&api.get("/tickets?sla=on_track").await.1).contains(&json!(id)));
    for (query, field) in [
        ("priority=p9", "priority"),
        ("sla=late", "sla"),
        ("opened_from=yesterday", "opened_from"),
    ] {
        let (s, v) = api.get(&format!("/tickets?{query}")).await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some(field)),
            "{v}"
        );
    }

    // Solved on the phone, closed, reopened: the resolution is recorded, then cleared.
    let r = consultation(api, "SN-LC-2").await;
    let rid = r["id"].as_str().unwrap().to_owned();
    let rmoves = format!("/tickets/{rid}/transitions");
    let (s, v) = update(
        api,
        &rmoves,
        &r["version"],
        json!({"to": "resolved_remotely"}),
    )
    .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("resolution"))
    );
    let (s, r2) = update(
        api,
        &rmoves,
        &r["version"],
        json!({"to": "resolved_remotely", "resolution": "FAQ 12: reseat the drum"}),
    )
    .await;
    assert_eq!(s, 200, "{r2}");
    assert!(r2["sla"]["resolved_at"].is_string());
    let (_, r3) = update(api, &rmoves, &r2["version"], json!({"to": "closed"})).await;
    assert_eq!(r3["status"], "closed");
    let (s, r4) = update(
        api,
        &rmoves,
        &r3["version"],
        json!({"to": "reopened", "reason": "streaks are back"}),
    )
    .await;
    assert_eq!((s, r4["status"].as_str()), (200, Some("reopened")));
    assert!(r4["sla"].get("resolved_at").is_none());

    // Cancelled is final.
    let c = consultation(api, "SN-LC-3").await;
    let cmoves = format!("/tickets/{}/transitions", c["id"].as_str().unwrap());
    let (_, c2) = update(
        api,
        &cmoves,
        &c["version"],
        json!({"to": "cancelled", "reason": "duplicate of T1"}),
    )
    .await;
    assert_eq!(c2["status"], "cancelled");
    for to in ["triaged", "reopened", "needs_visit"] {
        let (s, _) = update(
            api,
            &cmoves,
            &c2["version"],
            json!({"to": to, "reason": "x"}),
        )
        .await;
        assert_eq!(s, 409, "{to}");
    }

    // The report counts what happened: three consultations, each answered, one reopened.
    let enc = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339().replace('+', "%2B");
    let now = chrono::Utc::now();
    let (s, rep) = api
        .get(&format!(
            "/reports/tickets?from={}&to={}&group_by=type",
            enc(now - chrono::Duration::hours(1)),
            enc(now + chrono::Duration::hours(1))
        ))
        .await;
    assert_eq!(s, 200, "{rep}");
    let row = rep["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "consultation")
        .unwrap()
        .clone();
    assert_eq!(row["tickets"], 3, "{rep}");
    assert_eq!(row["reopened"], 1);
    assert_eq!(row["responded"], 3, "every one had an agent's move");
    assert_eq!(
        row["resolved"], 0,
        "the one solved on the phone was reopened"
    );
    assert_eq!(
        rep["total"]["tickets"], 4,
        "and the fault with the attachments"
    );
    let (s, v) = api.get("/reports/tickets?group_by=type").await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("from")),
        "{v}"
    );

    // Dispatch was told through the event catalogue.
    let js = sys.jetstream().await;
    let stream = js.get_stream("INTAKE").await.unwrap();
    let e = aftercare_testkit::poll_for(WAIT, "the visit request", || async {
        let m = stream
            .get_last_raw_message_by_subject("intake.ticket.visit_requested")
            .await
            .ok()?;
        let e: Value = serde_json::from_slice(&m.payload).ok()?;
        (e["data"]["ticket_id"] == json!(id)).then_some(e)
    })
    .await
    .unwrap();
    assert_eq!(e["data"]["ticket_id"], json!(id));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_lifecycle_on_sqlite() {
    flow(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_lifecycle_on_postgresql() {
    flow(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_has_an_owner_and_goes_to_the_manager_when_unresolved_on_sqlite() {
    a_complaint_has_an_owner_and_goes_to_the_manager_when_unresolved(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_has_an_owner_and_goes_to_the_manager_when_unresolved_on_postgresql() {
    a_complaint_has_an_owner_and_goes_to_the_manager_when_unresolved(Backend::Postgres).await;
}

async fn a_complaint_has_an_owner_and_goes_to_the_manager_when_unresolved(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys
        .spawn(&ROLES, &[("AFTERCARE_JOB_INTERVAL_SECS", "1")])
        .await;
    let api = &sys.api;
    let mut account_ids = Vec::new();
    for (login, role) in [
        ("owner@example.com", "agent"),
        ("tech@example.com", "warehouse"),
    ] {
        let (s, a) = api
            .post(
                "/accounts",
                &json!({"login": login, "display_name": login, "role": role, "password": "a-long-password-1"}),
            )
            .await;
        assert_eq!(s, 201, "{a}");
        account_ids.push(a["id"].as_str().unwrap().to_owned());
    }
    let mut body = ticket_body("SN-COMPLAINT");
    body["type"] = json!("complaint");
    body["channel"] = json!("web");
    body["symptom"] = json!("技术员迟到两小时 / the technician came two hours late");
    let (s, c) = api.post("/tickets", &body).await;
    assert_eq!(s, 201, "{c}");
    let id = c["id"].as_str().unwrap().to_owned();
    let owner_path = format!("/tickets/{id}/owner");
    assert_eq!(
        update(
            api,
            &owner_path,
            &Value::Null,
            json!({"owner": account_ids[0]})
        )
        .await
        .0,
        428
    );
    for bad in [account_ids[1].as_str(), "no-such-account"] {
        let (s, v) = update(api, &owner_path, &c["version"], json!({"owner": bad})).await;
        assert_eq!(
            (s, v["errors"][0]["field"].as_str()),
            (422, Some("owner")),
            "{v}"
        );
    }
    let (s, owned) = update(
        api,
        &owner_path,
        &c["version"],
        json!({"owner": account_ids[0]}),
    )
    .await;
    assert_eq!(s, 200, "{owned}");
    assert_eq!(owned["owner"], json!(account_ids[0]));
    assert_eq!(
        update(
            api,
            &owner_path,
            &c["version"],
            json!({"owner": account_ids[0]})
        )
        .await
        .0,
        412
    );
    let (_, mine) = api.get(&format!("/tickets?owner={}", account_ids[0])).await;
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["id"], json!(id));

    // Two working days pass without a resolution.
    sys.execute(
        "intake",
        &format!(
            "update ticket set resolution_warn_at = 1, resolution_due = 1 where ticket_id = '{id}'"
        ),
    )
    .await;
    let js = sys.jetstream().await;
    let stream = js.get_stream("INTAKE").await.unwrap();
    let e = aftercare_testkit::poll_for(WAIT, "the escalation", || async {
        let m = stream
            .get_last_raw_message_by_subject("intake.complaint.escalated")
            .await
            .ok()?;
        serde_json::from_slice::<Value>(&m.payload).ok()
    })
    .await
    .unwrap();
    assert_eq!(e["data"]["ticket_id"], json!(id));
    assert_eq!(e["data"]["owner"], json!(account_ids[0]));
    let history = sys
        .strings(
            "intake",
            &format!("select reason from ticket_history where ticket_id = '{id}' order by at"),
        )
        .await;
    assert!(
        history
            .iter()
            .any(|h| h.starts_with("escalated to the manager")),
        "{history:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_solved_on_the_phone_cites_the_knowledge_base_on_sqlite() {
    a_ticket_solved_on_the_phone_cites_the_knowledge_base(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_solved_on_the_phone_cites_the_knowledge_base_on_postgresql() {
    a_ticket_solved_on_the_phone_cites_the_knowledge_base(Backend::Postgres).await;
}

async fn a_ticket_solved_on_the_phone_cites_the_knowledge_base(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let (s, v) = api
        .post(
            "/faq",
            &json!({"product_line": "espresso", "question": "q", "answer": "a"}),
        )
        .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("product_line"))
    );
    let (s, drum) = api
        .post(
            "/faq",
            &json!({"product_line": "copier", "question": "复印件有黑线 / black streaks on copies",
                    "answer": "Open the front cover and reseat the drum unit; clean the charger wire."}),
        )
        .await;
    assert_eq!(s, 201, "{drum}");
    assert!(drum["number"].as_str().unwrap().starts_with("FAQ"));
    let (_, other) = api
        .post("/faq", &json!({"product_line": "fax", "question": "Fax does not dial", "answer": "Check the line cable."}))
        .await;
    let (_, found) = api
        .get("/faq?product_line=copier&text=STREAKS%20drum")
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    assert_eq!(found["items"][0]["id"], drum["id"]);
    assert!(
        api.get("/faq?text=streaks%20fax").await.1["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        api.get(&format!("/faq/{}", other["id"].as_str().unwrap()))
            .await
            .0,
        200
    );

    let t = consultation(api, "SN-FAQ-1").await;
    let moves = format!("/tickets/{}/transitions", t["id"].as_str().unwrap());
    let (s, v) = update(
        api,
        &moves,
        &t["version"],
        json!({"to": "triaged", "faq_article_id": drum["id"]}),
    )
    .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("faq_article_id")),
        "{v}"
    );
    let (s, v) = update(
        api,
        &moves,
        &t["version"],
        json!({"to": "resolved_remotely", "resolution": "told to reseat the drum", "faq_article_id": uuid::Uuid::now_v7()}),
    )
    .await;
    assert_eq!(
        (s, v["errors"][0]["field"].as_str()),
        (422, Some("faq_article_id")),
        "{v}"
    );
    let (s, done) = update(
        api,
        &moves,
        &t["version"],
        json!({"to": "resolved_remotely", "resolution": "told to reseat the drum", "faq_article_id": drum["id"]}),
    )
    .await;
    assert_eq!(
        (s, done["status"].as_str()),
        (200, Some("resolved_remotely")),
        "{done}"
    );
    let reasons = sys
        .strings(
            "intake",
            &format!(
                "select reason from ticket_history where ticket_id = '{}' order by at",
                t["id"].as_str().unwrap()
            ),
        )
        .await;
    assert!(
        reasons
            .last()
            .unwrap()
            .ends_with(&format!("[{}]", drum["number"].as_str().unwrap())),
        "{reasons:?}"
    );
    let (_, found) = api.get("/faq?text=drum").await;
    assert_eq!(found["items"][0]["uses"], 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn returns_are_inspected_within_the_window_and_training_comes_first_on_sqlite() {
    returns_are_inspected_within_the_window_and_training_comes_first(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn returns_are_inspected_within_the_window_and_training_comes_first_on_postgresql() {
    returns_are_inspected_within_the_window_and_training_comes_first(Backend::Postgres).await;
}

async fn returns_are_inspected_within_the_window_and_training_comes_first(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    let today = chrono::Utc::now().date_naive();
    let ret = |serial: &str, bought: chrono::NaiveDate, reason: &str| {
        let mut b = ticket_body(serial);
        b["type"] = json!("return");
        b["machine"]["purchase_date"] = json!(bought.to_string());
        b["return_reason"] = json!(reason);
        b
    };
    let (s, v) = api
        .post(
            "/tickets",
            &ret("SN-R-OLD", today - chrono::Duration::days(30), "defective"),
        )
        .await;
    assert_eq!(
        (s, v["errors"][0]["code"].as_str()),
        (422, Some("return_window_passed")),
        "{v}"
    );
    let mut no_reason = ret("SN-R-X", today, "defective");
    no_reason.as_object_mut().unwrap().remove("return_reason");
    assert_eq!(
        api.post("/tickets", &no_reason).await.1["errors"][0]["field"],
        "return_reason"
    );
    assert_eq!(sys.count("intake", "select count(*) from ticket").await, 0);

    // A defective machine: inspected and approved; billing is told.
    let (s, r) = api
        .post(
            "/tickets",
            &ret("SN-R-1", today - chrono::Duration::days(2), "defective"),
        )
        .await;
    assert_eq!((s, r["status"].as_str()), (201, Some("new")), "{r}");
    let path = format!("/tickets/{}/return-inspection", r["id"].as_str().unwrap());
    let (s, v) = update(
        api,
        &path,
        &r["version"],
        json!({"outcome": "approved", "notes": ""}),
    )
    .await;
    assert_eq!((s, v["errors"][0]["field"].as_str()), (422, Some("notes")));
    let (s, done) = update(
        api,
        &path,
        &r["version"],
        json!({"outcome": "approved", "notes": "drum cracked on delivery"}),
    )
    .await;
    assert_eq!(
        (s, done["status"].as_str()),
        (200, Some("resolved")),
        "{done}"
    );
    assert_eq!(
        update(
            api,
            &path,
            &done["version"],
            json!({"outcome": "approved", "notes": "again"})
        )
        .await
        .0,
        409
    );
    let js = sys.jetstream().await;
    let stream = js.get_stream("INTAKE").await.unwrap();
    let e = aftercare_testkit::poll_for(WAIT, "the approved return", || async {
        let m = stream
            .get_last_raw_message_by_subject("intake.return.approved")
            .await
            .ok()?;
        serde_json::from_slice::<Value>(&m.payload).ok()
    })
    .await
    .unwrap();
    assert_eq!(e["data"]["ticket_id"], r["id"]);
    assert_eq!(e["data"]["reason"], "defective");

    // Not knowing how to use it: a free training visit first (a work order), once per machine.
    let (_, t1) = api
        .post("/tickets", &ret("SN-R-2", today, "doesnt_know_how_to_use"))
        .await;
    assert_eq!(t1["status"], "needs_visit", "{t1}");
    let wo = api.assigned_work_order(t1["id"].as_str().unwrap()).await;
    assert_eq!(wo["ticket_id"], t1["id"]);
    let (_, t2) = api
        .post("/tickets", &ret("SN-R-2", today, "doesnt_know_how_to_use"))
        .await;
    assert_eq!(
        t2["status"], "new",
        "the training was given; now it is a return: {t2}"
    );
    let not_return = api.post("/tickets", &ticket_body("SN-R-3")).await.1;
    let path = format!(
        "/tickets/{}/return-inspection",
        not_return["id"].as_str().unwrap()
    );
    let (s, v) = update(
        api,
        &path,
        &not_return["version"],
        json!({"outcome": "rejected", "notes": "n/a"}),
    )
    .await;
    assert_eq!((s, v["code"].as_str()), (409, Some("not_a_return")));
}
