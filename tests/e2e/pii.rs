//! S9, PII canaries: a distinctive phone, address and ID number seeded through the whole
//! flow (ticket → work order → completion with a part → receipt → callback) never appear
//! in the logs (JSON, debug level) nor in the metrics' labels.
use serde_json::json;

use crate::helpers::{Backend, ROLES, System};

/// The phone as entered, and the forms a log line might carry it in.
const PHONE: &str = "+86 20 6173 9482";
const PHONE_FORMS: [&str; 4] = ["6173 9482", "61739482", "862061739482", "2061739482"];
const ADDRESS: &str = "77 Canarywharf Lane";
const ADDRESS_FORMS: [&str; 2] = ["Canarywharf", "canarywharf"];
/// An ID number, in the customer's name (the customer record has no ID field).
const ID_NUMBER: &str = "440106198807150023";

#[tokio::test(flavor = "multi_thread")]
async fn s9_phone_address_and_id_number_never_reach_logs_or_metric_labels() {
    let sys = System::new(Backend::Sqlite).await;
    let mut proc = sys
        .spawn(
            &ROLES,
            &[("AFTERCARE_LOG_FORMAT", "json"), ("RUST_LOG", "debug")],
        )
        .await;
    sys.api.technician().await;
    sys.api.part("DRUM-CANARY", 5).await;

    let body = json!({
        "channel": "phone",
        "type": "fault",
        "symptom": "black streaks",
        "customer": {
            "name": format!("Hu Mingzhi ID {ID_NUMBER}"),
            "phone": PHONE,
            "address": ADDRESS,
            "district": "tianhe"
        },
        "machine": {"product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-CANARY"}
    });
    let (s, ticket) = sys.api.post("/tickets", &body).await;
    assert_eq!(s, 201, "{ticket}");
    let wo = sys
        .api
        .assigned_work_order(ticket["id"].as_str().unwrap())
        .await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    let (s, done) = sys
        .api
        .complete(&wo_id, json!([{"sku":"DRUM-CANARY","quantity":1}]))
        .await;
    assert_eq!(s, 200, "{done}");
    sys.api.receipt(&wo_id).await;
    sys.api.callback(&wo_id).await;
    // The ticket with the canaries was stored and is read back.
    let (s, t) = sys
        .api
        .get(&format!("/tickets/{}", ticket["id"].as_str().unwrap()))
        .await;
    assert_eq!(s, 200, "{t}");

    let metrics = proc.metrics().await.expect("metrics");
    assert!(
        metrics.contains("aftercare_"),
        "metrics were served: {metrics}"
    );
    proc.stop().await.expect("stop");
    let logs = proc.log_text();
    assert!(
        logs.lines().filter(|l| l.starts_with('{')).count() > 50,
        "JSON logs at debug level were captured:\n{logs}"
    );
    assert!(logs.contains("DEBUG"), "debug level was on");
    // The flow's own steps are in what was searched.
    for route in [
        "/api/v1/tickets",
        "/api/v1/workorders/{id}/complete",
        "/api/v1/callbacks",
    ] {
        assert!(logs.contains(route), "the logs show {route}");
    }

    let mut canaries: Vec<&str> = vec![PHONE, ADDRESS, ID_NUMBER];
    canaries.extend(PHONE_FORMS);
    canaries.extend(ADDRESS_FORMS);
    for canary in canaries {
        let leaks: Vec<&str> = logs.lines().filter(|l| l.contains(canary)).collect();
        assert!(
            leaks.is_empty(),
            "{canary:?} appears in the logs:\n{}",
            leaks.join("\n")
        );
        assert!(
            !metrics.contains(canary),
            "{canary:?} appears in the metrics"
        );
    }
}
