//! Bad input to `POST /api/v1/tickets` gets a problem+json naming the field and stores
//! nothing.
use serde_json::{Value, json};

use crate::helpers::{Backend, System, stream_messages, ticket_body};

async fn send(sys: &System, content_type: &str, body: Vec<u8>) -> (u16, String, Value) {
    let r = sys
        .api
        .request(reqwest::Method::POST, "/tickets")
        .await
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        r.headers().contains_key("traceparent"),
        "every response carries traceparent"
    );
    (status, ct, r.json().await.unwrap_or(Value::Null))
}

fn with(path: &[&str], value: Value) -> Vec<u8> {
    let mut body = ticket_body("SN-BAD");
    let mut at = &mut body;
    for p in &path[..path.len() - 1] {
        at = &mut at[*p];
    }
    match value {
        Value::Null => {
            at.as_object_mut().unwrap().remove(path[path.len() - 1]);
        }
        v => at[path[path.len() - 1]] = v,
    }
    serde_json::to_vec(&body).unwrap()
}

#[tokio::test]
async fn bad_tickets_are_refused_with_the_field_named_and_nothing_is_stored() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&["gateway", "intake", "dispatch"], &[]).await;
    let json = "application/json";

    // (case, content type, body, status, code, field named)
    type Case = (
        &'static str,
        &'static str,
        Vec<u8>,
        u16,
        &'static str,
        Option<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            "malformed JSON",
            json,
            b"{\"channel\": \"phone\",".to_vec(),
            400,
            "malformed_json",
            None,
        ),
        (
            "not an object",
            json,
            b"[1,2]".to_vec(),
            422,
            "validation_failed",
            None,
        ),
        (
            "wrong type",
            json,
            with(&["symptom"], json!(42)),
            422,
            "validation_failed",
            Some("symptom"),
        ),
        (
            "unknown enum",
            json,
            with(&["channel"], json!("pigeon")),
            422,
            "validation_failed",
            Some("channel"),
        ),
        (
            "missing field",
            json,
            with(&["customer", "phone"], Value::Null),
            422,
            "validation_failed",
            Some("customer.phone"),
        ),
        (
            "unknown field",
            json,
            with(&["status"], json!("closed")),
            422,
            "validation_failed",
            Some("status"),
        ),
        (
            "nested unknown field",
            json,
            with(&["customer", "vip"], json!(true)),
            422,
            "validation_failed",
            Some("customer.vip"),
        ),
        (
            "over-long symptom",
            json,
            with(&["symptom"], json!("x".repeat(4001))),
            422,
            "validation_failed",
            Some("symptom"),
        ),
        (
            "blank name",
            json,
            with(&["customer", "name"], json!("  ")),
            422,
            "validation_failed",
            Some("customer.name"),
        ),
        (
            "bad phone",
            json,
            with(&["customer", "phone"], json!("call me maybe")),
            422,
            "validation_failed",
            Some("customer.phone"),
        ),
        (
            "bad date",
            json,
            with(&["machine", "purchase_date"], json!("2026-13-45")),
            422,
            "validation_failed",
            Some("machine.purchase_date"),
        ),
        (
            "huge body",
            json,
            format!("{{\"symptom\":\"{}\"}}", "x".repeat(200_000)).into_bytes(),
            413,
            "payload_too_large",
            None,
        ),
        (
            "wrong media type",
            "text/plain",
            ticket_body("x").to_string().into_bytes(),
            415,
            "unsupported_media_type",
            None,
        ),
    ];
    for (name, ct, body, status, code, field) in cases {
        let (got, content_type, problem) = send(&sys, ct, body).await;
        assert_eq!(got, status, "{name}: {problem}");
        assert_eq!(content_type, "application/problem+json", "{name}");
        assert_eq!(problem["status"], status, "{name}");
        assert_eq!(problem["code"], code, "{name}: {problem}");
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .starts_with("urn:aftercare:problem:"),
            "{name}"
        );
        assert!(
            problem["title"].is_string() && problem["detail"].is_string(),
            "{name}"
        );
        if let Some(field) = field {
            let fields: Vec<&str> = problem["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["field"].as_str().unwrap())
                .collect();
            assert!(
                fields.contains(&field),
                "{name}: expected {field} in {fields:?}"
            );
        }
    }
    assert_eq!(sys.count("intake", "select count(*) from ticket").await, 0);
    assert_eq!(sys.count("intake", "select count(*) from outbox").await, 0);
    assert_eq!(stream_messages(&sys.jetstream().await, "INTAKE").await, 0);

    // A good ticket still goes through.
    let (status, _, t) = send(
        &sys,
        json,
        serde_json::to_vec(&ticket_body("SN-GOOD")).unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{t}");
    let (s, p) = sys.api.get("/tickets/T2099-000001").await;
    assert_eq!((s, p["code"].as_str()), (404, Some("not_found")));
}
