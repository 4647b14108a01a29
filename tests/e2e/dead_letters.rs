//! A handler that keeps failing is set aside after its attempts and replayed with the
//! command-line tool; the other consumers of the same event go on. (Redelivery, poison and
//! unreadable notifications are the service tier's: `services/*/tests/service.rs`.)

use aftercare_testkit::{poll_for, wait_until};
use serde_json::json;

use crate::helpers::{Backend, ROLES, System, WAIT};

#[tokio::test]
async fn a_handler_that_keeps_failing_is_dead_lettered_after_max_deliver_and_can_be_replayed() {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&ROLES, &[("AFTERCARE_MAX_DELIVER", "3")]).await;
    sys.api.technician().await;
    // Sabotage: billing has no fee schedule, so pricing fails every time.
    sys.execute(
        "billing",
        "update fee_schedule_version set effective_from = '9999-12-31'",
    )
    .await;

    let t = sys.api.open_ticket("SN-DLQ").await;
    let wo = sys.api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    assert_eq!(sys.api.complete(&wo_id, json!([])).await.0, 200);

    let letters = poll_for(
        WAIT,
        "the completion to be dead-lettered by billing",
        || async {
            let (_, v) = sys.api.get("/deadletters").await;
            v["items"]
                .as_array()
                .is_some_and(|a| !a.is_empty())
                .then_some(v)
        },
    )
    .await
    .unwrap();
    let d = &letters["items"][0];
    assert_eq!(d["consumer"], "billing");
    assert_eq!(d["deliveries"], 3);
    assert!(
        d["reason"].as_str().unwrap().starts_with("failed 3 times"),
        "{d}"
    );
    // The other consumers of the same event were unaffected.
    wait_until(WAIT, "intake to resolve the ticket", || async {
        sys.api
            .get(&format!("/tickets/{}", t["id"].as_str().unwrap()))
            .await
            .1["status"]
            == "resolved"
    })
    .await
    .unwrap();
    // Later work still flows through dispatch.
    let t2 = sys.api.open_ticket("SN-DLQ-2").await;
    sys.api
        .assigned_work_order(t2["id"].as_str().unwrap())
        .await;
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        0
    );

    // Repair the cause, replay with the command-line tool: the receipt and callback follow.
    sys.execute(
        "billing",
        "update fee_schedule_version set effective_from = '2000-01-01'",
    )
    .await;
    let out = tokio::process::Command::new(aftercare_testkit::aftercare_binary())
        .args(["dead-letters", "replay", &d["seq"].to_string()])
        .env("NATS_URL", sys.nats.url())
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sys.api.callback(&wo_id).await;
    sys.api.receipt(&wo_id).await;
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        1
    );
    let (_, after) = sys.api.get("/deadletters").await;
    assert_eq!(after["items"].as_array().unwrap().len(), 0);
    // Intake saw the replayed completion again and skipped it.
    assert_eq!(
        sys.count(
            "intake",
            "select count(*) from ticket_history where reason like '%completed'"
        )
        .await,
        1
    );
}
