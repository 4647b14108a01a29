//! Quotations (报价) before chargeable work (`/workorders/{id}/quotations`,
//! `/quotations/{id}/answer`): priced as the charge preview prices the visit, offered
//! once (an Idempotency-Key retry answers the same quotation), answered once at the
//! version read; the technician on their own work order, the agent and the dispatcher
//! may quote, the warehouse may not, another technician's is a 404. A refusal ends the
//! visit: with the fee schedule charging the call-out on a refusal a receipt of the
//! call-out alone is issued at once, without it nothing is charged, and the visit's
//! report then makes no other receipt (the receipt names the technician); an accepted
//! quotation's visit is receipted as quoted. Dispatch refuses a chargeable report of
//! work done (422 on `quotation`, nothing changed) until the work order's quotation is
//! accepted, and after a refusal. On SQLite and PostgreSQL.
use aftercare_testkit::{poll_for, wait_until};
use serde_json::{Value, json};

use crate::helpers::{Api, Backend, ROLES, System, WAIT, account, ticket_body};

/// What a quotation and a preview or receipt share.
fn figures(v: &Value) -> Value {
    json!({
        "lines": v["lines"],
        "total": v["total"],
        "total_charged": v["total_charged"],
        "fee_schedule_version": v["fee_schedule_version"],
    })
}

fn field(v: &Value) -> (&str, &str) {
    (
        v["errors"][0]["field"].as_str().unwrap_or(""),
        v["errors"][0]["code"].as_str().unwrap_or(""),
    )
}

/// The visit as entered on site: 50 minutes, two drums.
fn entered() -> Value {
    let finished = chrono::Utc::now() - chrono::Duration::minutes(1);
    let started = finished - chrono::Duration::minutes(50);
    json!({"started_at": started.to_rfc3339(), "finished_at": finished.to_rfc3339(),
        "parts": [{"sku": "DRUM-1", "quantity": 2}]})
}

/// Reports the visit completed as entered, at the version just read.
async fn report(tech: &Api, wid: &str, entered: &Value) {
    let (_, w) = tech.get(&format!("/workorders/{wid}")).await;
    let (s, _, _, v) = tech.post_with(&format!("/workorders/{wid}/complete"),
        Some(&format!("\"{}\"", w["version"])),
        None,
        &json!({"diagnosis": "worn drum", "started_at": entered["started_at"],
            "finished_at": entered["finished_at"], "parts": entered["parts"], "parts_consent": true}),
    )
    .await;
    assert_eq!(s, 200, "{v}");
}

/// A real 1×1 PNG, the customer's drawn signature.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82";

/// Uploads the customer's signature to the work order; its attachment id.
async fn signature(tech: &Api, wid: &str) -> String {
    let r = tech
        .request(
            reqwest::Method::POST,
            &format!("/workorders/{wid}/attachments?kind=signature"),
        )
        .await
        .header("content-type", "image/png")
        .body(PNG.to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(r.status().as_u16(), 201);
    let v: Value = r.json().await.unwrap();
    v["id"].as_str().unwrap().to_owned()
}

/// Reports the visit completed as entered and charged to the customer, who signed for
/// it, at the version just read: the status and the answer.
async fn report_charged(tech: &Api, wid: &str, entered: &Value, sig: &str) -> (u16, Value) {
    let (_, w) = tech.get(&format!("/workorders/{wid}")).await;
    let (s, _, _, v) = tech
        .post_with(
            &format!("/workorders/{wid}/complete"),
            Some(&format!("\"{}\"", w["version"])),
            None,
            &json!({"diagnosis": "worn drum", "started_at": entered["started_at"],
            "finished_at": entered["finished_at"], "parts": entered["parts"], "parts_consent": true,
            "chargeable": true, "signature": {"signer": "陈先生", "attachment_id": sig}}),
        )
        .await;
    (s, v)
}

async fn quotations(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    let tech = api.technician().await;
    api.part("DRUM-1", 10).await;
    let technician = account(
        api,
        "tech@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let (s, other_tech) = api
        .post("/technicians", &json!({"name": "Zhao Min", "district": "haizhu", "skills": ["fax"], "daily_capacity": 5}))
        .await;
    assert_eq!(s, 201, "{other_tech}");
    let other = account(
        api,
        "other@example.com",
        "technician",
        json!({"technician_id": other_tech["id"]}),
    )
    .await;
    let agent = account(api, "agent@example.com", "agent", json!({})).await;
    let dispatcher = account(api, "dispatch@example.com", "dispatcher", json!({})).await;
    let warehouse = account(api, "store@example.com", "warehouse", json!({})).await;

    // The technician quotes the repair on their own work order: the preview's lines, and
    // a refusal would charge the call-out.
    let (s, t) = api.post("/tickets", &ticket_body("SN-QUOTE-1")).await;
    assert_eq!(s, 201, "{t}");
    let wid = api.assigned_work_order(t["id"].as_str().unwrap()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let entered = entered();
    let (s, preview) = technician
        .post(&format!("/workorders/{wid}/charge-preview"), &entered)
        .await;
    assert_eq!(s, 200, "{preview}");
    let quote_path = format!("/workorders/{wid}/quotations");
    let (s, etag, replayed, q) = technician
        .post_with(&quote_path, None, Some("quote-1"), &entered)
        .await;
    assert_eq!((s, etag.as_str(), replayed), (201, "\"1\"", false), "{q}");
    assert_eq!(q["state"], "offered");
    assert_eq!(q["work_order_id"], wid.as_str());
    assert_eq!(figures(&q), figures(&preview));
    let call_out = &preview["lines"][0];
    assert_eq!(call_out["kind"], "call_out");
    assert_eq!(q["charged_if_refused"], call_out["charged"], "{q}");
    assert!(
        q["total_charged"]["amount_minor"].as_i64() > call_out["charged"]["amount_minor"].as_i64()
    );
    let qid = q["id"].as_str().unwrap().to_owned();
    // A retry with the same key answers the same quotation; another offer is refused.
    let (s, _, replayed, again) = technician
        .post_with(&quote_path, None, Some("quote-1"), &entered)
        .await;
    assert_eq!(
        (s, replayed, again["id"].as_str()),
        (201, true, Some(qid.as_str()))
    );
    let (s, _, _, p) = agent.post_with(&quote_path, None, None, &entered).await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("quotation_open")),
        "{p}"
    );

    // Who may quote and read; bad input names its field.
    let (s, _, _, _) = warehouse.post_with(&quote_path, None, None, &entered).await;
    assert_eq!(s, 403);
    let (s, _, _, _) = other.post_with(&quote_path, None, None, &entered).await;
    assert_eq!(s, 404, "another technician's work order");
    assert_eq!(other.get(&format!("/quotations/{qid}")).await.0, 404);
    assert_eq!(warehouse.get(&format!("/quotations/{qid}")).await.0, 403);
    let mut bad = entered.clone();
    bad["parts"][0]["quantity"] = json!(0);
    let (s, _, _, p) = technician.post_with(&quote_path, None, None, &bad).await;
    assert_eq!((s, field(&p).0), (422, "parts[0].quantity"), "{p}");
    let mut bad = entered.clone();
    bad["outcome"] = json!("waiting_for_parts");
    let (s, _, _, p) = technician.post_with(&quote_path, None, None, &bad).await;
    assert_eq!((s, field(&p).0), (422, "outcome"), "{p}");
    for who in [&technician, &dispatcher, &agent] {
        let (s, list) = who.get(&quote_path).await;
        assert_eq!(s, 200, "{list}");
        assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    }

    // The answer: If-Match required and current, who answered for the customer named.
    let answer_path = format!("/quotations/{qid}/answer");
    let refusal = json!({"answer": "refused", "answered_by": "王女士", "note": "too dear; will buy a new one"});
    let (s, _, _, _) = technician
        .post_with(&answer_path, None, None, &refusal)
        .await;
    assert_eq!(s, 428);
    let (s, _, _, p) = technician
        .post_with(
            &answer_path,
            Some("\"1\""),
            None,
            &json!({"answer": "refused", "answered_by": " "}),
        )
        .await;
    assert_eq!((s, field(&p).0), (422, "answered_by"), "{p}");
    let (s, _, _, p) = technician
        .post_with(
            &answer_path,
            Some("\"1\""),
            None,
            &json!({"answer": "maybe", "answered_by": "王女士"}),
        )
        .await;
    assert_eq!(s, 422, "{p}");
    let (s, _, _, _) = technician
        .post_with(&answer_path, Some("\"7\""), None, &refusal)
        .await;
    assert_eq!(s, 412);
    let (s, _, _, _) = other
        .post_with(&answer_path, Some("\"1\""), None, &refusal)
        .await;
    assert_eq!(s, 404);

    // Refused: the visit ends with a receipt of the call-out alone, issued at once.
    let (s, etag, _, r) = technician
        .post_with(&answer_path, Some("\"1\""), None, &refusal)
        .await;
    assert_eq!((s, etag.as_str()), (200, "\"2\""), "{r}");
    assert_eq!(r["state"], "refused");
    assert_eq!(r["answer"]["answered_by"], "王女士");
    assert_eq!(r["answer"]["note"], "too dear; will buy a new one");
    assert_eq!(r["answer"]["answer"], "refused");
    assert!(r["answer"]["at"].is_string());
    let receipt = api.receipt(&wid).await;
    assert_eq!(r["receipt_id"], receipt["id"], "{r}");
    assert_eq!(
        receipt["lines"].as_array().map(Vec::len),
        Some(1),
        "{receipt}"
    );
    assert_eq!(receipt["lines"][0], *call_out);
    assert_eq!(receipt["total_charged"], call_out["charged"]);
    let (s, etag, _, read) = {
        let r = technician
            .request(reqwest::Method::GET, &format!("/quotations/{qid}"))
            .await
            .send()
            .await
            .expect("get");
        let status = r.status().as_u16();
        let etag = r
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        (status, etag, false, r.json::<Value>().await.unwrap())
    };
    assert_eq!((s, etag.as_str(), read), (200, "\"2\"", r.clone()));
    // Answered once; no quotation after a refusal.
    let accept = json!({"answer": "accepted", "answered_by": "王女士"});
    let (s, _, _, p) = agent
        .post_with(&answer_path, Some("\"2\""), None, &accept)
        .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("already_answered")),
        "{p}"
    );
    let (s, _, _, p) = technician
        .post_with(&quote_path, None, None, &entered)
        .await;
    assert_eq!(
        (s, p["code"].as_str()),
        (409, Some("quotation_refused")),
        "{p}"
    );
    // The receipt of the refusal names the technician who went, as a visit's does.
    let named = format!("select technician_name from invoice where work_order_id = '{wid}'");
    assert_eq!(sys.strings("billing", &named).await, ["Li Wei"]);
    // Refused work is not reported done and charged: dispatch, once told of the answer,
    // refuses that report on the field `quotation`.
    let sig = signature(&technician, &wid).await;
    let refused = poll_for(WAIT, "dispatch to hear of the refusal", || async {
        let (s, p) = report_charged(&technician, &wid, &entered, &sig).await;
        (s == 422 && field(&p) == ("quotation", "refused")).then_some(p)
    })
    .await;
    assert!(refused.is_ok());
    // The visit's report afterwards charges nothing more: still the one receipt.
    let before = sys
        .count(
            "billing",
            &format!("select updated_at from visit where work_order_id = '{wid}'"),
        )
        .await;
    report(&technician, &wid, &entered).await;
    let visit_seen = format!(
        "select count(*) from visit where work_order_id = '{wid}' and updated_at > {before}"
    );
    wait_until(WAIT, "billing to see the report", || async {
        sys.count("billing", &visit_seen).await == 1
    })
    .await
    .unwrap();
    let (_, page) = api.get(&format!("/invoices?work_order_id={wid}")).await;
    assert_eq!(page["items"].as_array().map(Vec::len), Some(1), "{page}");

    // Accepted (the dispatcher on the phone): the work is done and receipted as quoted.
    let (s, t2) = api.post("/tickets", &ticket_body("SN-QUOTE-2")).await;
    assert_eq!(s, 201, "{t2}");
    let wid2 = api.assigned_work_order(t2["id"].as_str().unwrap()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Chargeable work reported before any quotation is refused on the field `quotation`,
    // and the work order stays as it was.
    let sig2 = signature(&technician, &wid2).await;
    let (_, before) = technician.get(&format!("/workorders/{wid2}")).await;
    let (s, p) = report_charged(&technician, &wid2, &entered, &sig2).await;
    assert_eq!((s, field(&p)), (422, ("quotation", "required")), "{p}");
    let (_, after) = technician.get(&format!("/workorders/{wid2}")).await;
    assert_eq!(
        (&after["status"], &after["version"], &after["visit"]),
        (&before["status"], &before["version"], &before["visit"])
    );
    let (s, _, _, q2) = dispatcher
        .post_with(
            &format!("/workorders/{wid2}/quotations"),
            None,
            None,
            &entered,
        )
        .await;
    assert_eq!(s, 201, "{q2}");
    let (s, _, _, a2) = dispatcher
        .post_with(
            &format!("/quotations/{}/answer", q2["id"].as_str().unwrap()),
            Some("\"1\""),
            None,
            &json!({"answer": "accepted", "answered_by": "陈先生"}),
        )
        .await;
    assert_eq!((s, a2["state"].as_str()), (200, Some("accepted")), "{a2}");
    assert!(a2.get("receipt_id").is_none(), "{a2}");
    // Accepted: the charged report goes through once dispatch has heard the answer.
    let done = poll_for(WAIT, "dispatch to hear of the acceptance", || async {
        let (s, v) = report_charged(&technician, &wid2, &entered, &sig2).await;
        (s == 200).then_some(v)
    })
    .await
    .expect("reported");
    assert_eq!(done["visit"]["chargeable"], true, "{done}");
    let receipt2 = api.receipt(&wid2).await;
    assert_eq!(figures(&receipt2), figures(&q2), "{receipt2}");

    // The fee schedule says a refusal charges nothing: the quotation says so, a refusal
    // issues no receipt, and the visit's report none either.
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let terms = json!({"currency": "CNY", "call_out": [{"amount_minor": 5000}],
        "labour_per_hour_minor": 12000, "tax_rate_bp": 1300, "warranty_months": 12,
        "refused_quote_call_out": false});
    let (s, f) = api
        .post(
            "/fee-schedules",
            &json!({"effective_from": today.to_string(), "terms": terms}),
        )
        .await;
    assert_eq!(s, 201, "{f}");
    assert_eq!(f["terms"]["refused_quote_call_out"], false, "{f}");
    assert_eq!(f["terms"]["return_visit_call_out"], false, "{f}");
    let (s, t3) = api.post("/tickets", &ticket_body("SN-QUOTE-3")).await;
    assert_eq!(s, 201, "{t3}");
    let wid3 = api.assigned_work_order(t3["id"].as_str().unwrap()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, _, _, q3) = agent
        .post_with(
            &format!("/workorders/{wid3}/quotations"),
            None,
            None,
            &entered,
        )
        .await;
    assert_eq!(s, 201, "{q3}");
    assert_eq!(q3["fee_schedule_version"], f["version"]);
    assert_eq!(q3["charged_if_refused"]["amount_minor"], 0, "{q3}");
    let (s, _, _, a3) = technician
        .post_with(
            &format!("/quotations/{}/answer", q3["id"].as_str().unwrap()),
            Some("\"1\""),
            None,
            &refusal,
        )
        .await;
    assert_eq!((s, a3["state"].as_str()), (200, Some("refused")), "{a3}");
    assert!(a3.get("receipt_id").is_none(), "{a3}");
    report(&technician, &wid3, &entered).await;
    let visit_seen = format!(
        "select count(*) from visit where work_order_id = '{wid3}' and completed is not null"
    );
    wait_until(WAIT, "billing to see the report", || async {
        sys.count("billing", &visit_seen).await == 1
    })
    .await
    .unwrap();
    let nothing = poll_for(WAIT, "the receipts of the refused visit", || async {
        let (s, page) = api.get(&format!("/invoices?work_order_id={wid3}")).await;
        (s == 200).then(|| page["items"].clone())
    })
    .await
    .unwrap();
    assert_eq!(nothing, json!([]));
}

#[tokio::test]
async fn a_quotation_is_offered_and_answered_before_chargeable_work_on_sqlite() {
    quotations(Backend::Sqlite).await;
}

#[tokio::test]
async fn a_quotation_is_offered_and_answered_before_chargeable_work_on_postgresql() {
    quotations(Backend::Postgres).await;
}
