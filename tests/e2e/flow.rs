//! The walking skeleton: a ticket travels gateway → intake → dispatch → inventory →
//! billing → survey, each step stored by its owner and carried by events.
use std::collections::{HashMap, HashSet};

use aftercare_testkit::{OtlpReceiver, wait_until};
use futures::StreamExt;
use serde_json::json;

use crate::helpers::{Backend, ROLES, SERVICES, System, WAIT};

#[tokio::test]
async fn one_ticket_is_one_trace_across_the_gateway_and_all_five_services() {
    let otlp = OtlpReceiver::start().await.expect("otlp");
    let sys = System::new(Backend::Sqlite).await;
    let mut procs = Vec::new();
    for role in ROLES {
        let name = format!("aftercare-{role}");
        procs.push(
            sys.spawn(
                &[role],
                &[
                    ("OTEL_EXPORTER_OTLP_ENDPOINT", &otlp.endpoint()),
                    ("OTEL_SERVICE_NAME", &name),
                    ("OTEL_BSP_SCHEDULE_DELAY", "200"),
                ],
            )
            .await,
        );
    }
    sys.api.technician().await;
    sys.api.part("DRUM-1", 5).await;

    let ticket = sys.api.open_ticket("SN-TRACE").await;
    let wo = sys
        .api
        .assigned_work_order(ticket["id"].as_str().unwrap())
        .await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    let (status, done) = sys
        .api
        .complete(&wo_id, json!([{"sku":"DRUM-1","quantity":1}]))
        .await;
    assert_eq!(status, 200, "{done}");
    // Billing and survey both follow the completion: wait for both before stopping.
    sys.api.receipt(&wo_id).await;
    sys.api.callback(&wo_id).await;
    // Intake tells the customer about the receipt: its receive span is in the trace once
    // that message is out.
    let js = sys.jetstream().await;
    aftercare_testkit::poll_for(WAIT, "intake's receipt notification", || async {
        crate::helpers::subject_messages(&js, "NOTIFY", "notify.customer.notification")
            .await
            .iter()
            .any(|n| n["data"]["kind"] == "receipt_issued")
            .then_some(())
    })
    .await
    .expect("intake handled billing.invoice.issued");

    // Graceful stop flushes every exporter; each process exits cleanly.
    for p in procs.iter_mut() {
        let exit = p.stop().await.expect("stop");
        assert!(
            exit.success(),
            "a role exited with {exit:?}:\n{}",
            p.log_text()
        );
    }

    let expected: HashSet<String> = ROLES.iter().map(|r| format!("aftercare-{r}")).collect();
    let mut trace_spans = Vec::new();
    wait_until(
        WAIT,
        "spans from all six processes in the ticket's trace",
        || {
            let spans = otlp.spans();
            // The trace that starts at POST /tickets and reaches the callback.
            let root = spans
                .iter()
                .find(|s| s.name == "POST /api/v1/tickets" && s.parent_span_id.is_empty())
                .cloned();
            let ok = root.is_some_and(|root| {
                trace_spans = spans
                    .into_iter()
                    .filter(|s| s.trace_id == root.trace_id)
                    .collect();
                let services: HashSet<String> =
                    trace_spans.iter().map(|s| s.service.clone()).collect();
                expected.is_subset(&services)
                    && trace_spans
                        .iter()
                        .any(|s| s.name == "survey.callback.scheduled publish")
            });
            async move { ok }
        },
    )
    .await
    .unwrap_or_else(|e| {
        panic!(
            "{e}; got {:#?}",
            otlp.spans()
                .iter()
                .map(|s| (&s.service, &s.name, &s.trace_id))
                .collect::<Vec<_>>()
        )
    });

    // Parent links are intact: every span but the root has its parent in the same trace.
    let ids: HashMap<&str, &str> = trace_spans
        .iter()
        .map(|s| (s.span_id.as_str(), s.name.as_str()))
        .collect();
    let roots: Vec<_> = trace_spans
        .iter()
        .filter(|s| s.parent_span_id.is_empty())
        .collect();
    assert_eq!(roots.len(), 1, "exactly one root: {roots:?}");
    for s in &trace_spans {
        if !s.parent_span_id.is_empty() {
            assert!(
                ids.contains_key(s.parent_span_id.as_str()),
                "{} ({}) has a parent outside the trace",
                s.name,
                s.service
            );
        }
    }
    // The hops are there with the right kinds: producer 4, consumer 5.
    for (name, kind) in [
        ("intake.ticket.opened publish", 4),
        ("intake.ticket.opened receive", 5),
        ("dispatch.workorder.completed receive", 5),
        ("inventory.stock.consumed receive", 5),
        ("billing.invoice.issued receive", 5),
        ("survey.callback.scheduled publish", 4),
        ("dispatch.workorder.completed emit", 1),
    ] {
        assert!(
            trace_spans.iter().any(|s| s.name == name && s.kind == kind),
            "missing {name} (kind {kind})"
        );
    }
}

#[tokio::test]
async fn the_flow_runs_on_postgresql_and_every_service_answers_nats_micro_discovery() {
    let sys = System::new(Backend::Postgres).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    sys.api.technician().await;
    sys.api.part("DRUM-1", 2).await;
    let ticket = sys.api.open_ticket("SN-PG").await;
    let ticket_id = ticket["id"].as_str().unwrap();
    assert_eq!(
        ticket["number"].as_str().unwrap().len(),
        "T2026-000001".len()
    );
    let wo = sys.api.assigned_work_order(ticket_id).await;
    let wo_id = wo["id"].as_str().unwrap();
    let (status, _) = sys
        .api
        .complete(wo_id, json!([{"sku":"DRUM-1","quantity":1}]))
        .await;
    assert_eq!(status, 200);
    let cb = sys.api.callback(wo_id).await;
    assert_eq!(cb["ticket_id"], ticket["id"]);

    // Each record is read from its owner.
    let invoice = &sys.api.receipt(wo_id).await;
    assert_eq!(
        invoice["total_charged"]["amount_minor"],
        5000 + 12000 + 38000
    );
    let (s, by_number) = sys
        .api
        .get(&format!(
            "/invoices/{}",
            invoice["number"].as_str().unwrap()
        ))
        .await;
    assert_eq!((s, &by_number["id"]), (200, &invoice["id"]));
    let (_, part) = sys.api.get("/parts/DRUM-1").await;
    assert_eq!(part["on_hand"], 1);
    wait_until(WAIT, "the ticket to record its callback", || async {
        let (_, t) = sys.api.get(&format!("/tickets/{ticket_id}")).await;
        t["status"] == "resolved" && t["callback_due_at"].is_string()
    })
    .await
    .unwrap();
    assert_eq!(
        sys.count("survey", "select count(*) from callback").await,
        1
    );
    assert_eq!(
        sys.count("billing", "select count(*) from invoice").await,
        1
    );
    for s in SERVICES {
        assert_eq!(
            sys.count(s, "select count(*) from outbox where published_at is null")
                .await,
            0,
            "{s} outbox drained"
        );
    }

    // NATS micro: PING, INFO and STATS answer for every service, on request subjects
    // disjoint from the streams.
    let client = async_nats::connect(sys.nats.url()).await.unwrap();
    for s in SERVICES {
        for verb in ["PING", "INFO", "STATS"] {
            let reply = client
                .request(format!("$SRV.{verb}.{s}"), "".into())
                .await
                .unwrap_or_else(|e| panic!("$SRV.{verb}.{s}: {e}"));
            let v: serde_json::Value = serde_json::from_slice(&reply.payload).unwrap();
            assert_eq!(v["name"], s, "{verb}");
            if verb == "INFO" {
                for ep in v["endpoints"].as_array().unwrap() {
                    let subject = ep["subject"].as_str().unwrap();
                    assert!(subject.starts_with(&format!("svc.{s}.")), "{subject}");
                }
            }
            if verb == "STATS" {
                let total: u64 = v["endpoints"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["num_requests"].as_u64().unwrap_or(0))
                    .sum();
                assert!(total > 0, "{s} counted its requests");
            }
        }
    }
    // Nothing a request subject carried was stored by a stream.
    let js = sys.jetstream().await;
    let mut names = js.stream_names();
    while let Some(Ok(name)) = names.next().await {
        let mut stream = js.get_stream(&name).await.unwrap();
        let info = stream.info().await.unwrap();
        assert!(
            info.config.subjects.iter().all(|s| !s.starts_with("svc.")),
            "{name}"
        );
    }
}
