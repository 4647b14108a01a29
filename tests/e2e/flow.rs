//! The walking skeleton: a ticket travels gateway → intake → dispatch → inventory →
//! billing → survey, each step stored by its owner and carried by events.
use std::collections::{HashMap, HashSet};

use aftercare_testkit::{OtlpReceiver, SpanRecord, wait_until};
use futures::StreamExt;
use serde_json::json;

use crate::helpers::{Backend, ROLES, SERVICES, System, WAIT};

#[tokio::test]
async fn one_ticket_is_one_trace_across_the_gateway_and_all_five_services() {
    let otlp = OtlpReceiver::start().await.expect("otlp");
    let sys = System::new(Backend::Sqlite).await;
    let mut procs = Vec::new();
    for role in ROLES {
        // Each role names itself (no OTEL_SERVICE_NAME); intake is told its environment
        // the standard way, the others take the default. The gateway logs JSON with its
        // request lines.
        let mut env = vec![
            ("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint()),
            ("OTEL_BSP_SCHEDULE_DELAY", "200".to_owned()),
        ];
        match role {
            "intake" => env.push((
                "OTEL_RESOURCE_ATTRIBUTES",
                "deployment.environment.name=staging".to_owned(),
            )),
            "gateway" => env.extend([
                ("AFTERCARE_LOG_FORMAT", "json".to_owned()),
                ("RUST_LOG", "info,aftercare_gateway::trace=debug".to_owned()),
            ]),
            _ => {}
        }
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        procs.push(sys.spawn(&[role], &env).await);
        if role == "gateway" {
            // Intake is not running yet: the gateway answers 503, an error span.
            let (status, body) = sys.api.get("/tickets").await;
            assert_eq!(status, 503, "{body}");
        }
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
    // Intake tells the customer about the receipt: its process span is in the trace once
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
        ("intake.ticket.opened process", 5),
        ("dispatch.workorder.completed process", 5),
        ("inventory.stock.consumed process", 5),
        ("billing.invoice.issued process", 5),
        ("survey.callback.scheduled publish", 4),
        ("dispatch.workorder.completed emit", 1),
    ] {
        assert!(
            trace_spans.iter().any(|s| s.name == name && s.kind == kind),
            "missing {name} (kind {kind})"
        );
    }
    semantic_conventions(&trace_spans, &otlp.spans(), &procs[0].log_text());
}

/// The spans and logs follow the OpenTelemetry semantic conventions (the names are spelled
/// out here, as a collector reads them off the wire).
fn semantic_conventions(trace: &[SpanRecord], all: &[SpanRecord], gateway_log: &str) {
    let one = |name: &str| {
        trace
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no span {name}"))
    };
    // The resource: the role's name, this build's version, the environment.
    for s in trace {
        let role = s.service.strip_prefix("aftercare-").unwrap_or_default();
        assert!(ROLES.contains(&role), "service.name {}", s.service);
        assert_eq!(
            s.resource.get("service.version").map(String::as_str),
            Some(env!("CARGO_PKG_VERSION")),
            "{}",
            s.name
        );
        let environment = if role == "intake" {
            "staging"
        } else {
            "development"
        };
        assert_eq!(
            s.resource
                .get("deployment.environment.name")
                .map(String::as_str),
            Some(environment),
            "{} of {}",
            s.name,
            s.service
        );
    }

    // The HTTP server span of the request that opened the ticket.
    let root = one("POST /api/v1/tickets");
    assert_eq!(root.kind, 2);
    assert_eq!(root.attribute("http.request.method"), Some("POST"));
    assert_eq!(root.attribute("http.route"), Some("/api/v1/tickets"));
    assert_eq!(root.attribute("http.response.status_code"), Some("201"));
    assert_eq!(root.status, 0, "a success leaves the status unset");
    assert_eq!(root.attribute("error.type"), None);
    // The completion (a trace of its own) names the route's template, never the id.
    let complete = all
        .iter()
        .find(|s| s.name == "POST /api/v1/workorders/{id}/complete")
        .expect("the completion's span");
    assert_eq!(
        complete.attribute("http.route"),
        Some("/api/v1/workorders/{id}/complete")
    );

    // Messaging: the relay's publish (the conventions' `send`), each consumer's process
    // span, and the requests over NATS.
    let publish = one("intake.ticket.opened publish");
    for (key, value) in [
        ("messaging.system", "nats"),
        ("messaging.destination.name", "intake.ticket.opened"),
        ("messaging.operation.type", "send"),
        ("messaging.operation.name", "publish"),
    ] {
        assert_eq!(publish.attribute(key), Some(value), "publish {key}");
    }
    assert!(publish.attribute("messaging.message.id").is_some());
    let process = trace
        .iter()
        .find(|s| s.name == "billing.invoice.issued process" && s.service == "aftercare-intake")
        .expect("intake's process span of the receipt");
    for (key, value) in [
        ("messaging.system", "nats"),
        ("messaging.destination.name", "billing.invoice.issued"),
        ("messaging.operation.type", "process"),
        ("messaging.consumer.group.name", "intake"),
    ] {
        assert_eq!(process.attribute(key), Some(value), "process {key}");
    }
    assert_eq!(process.status, 0);
    let client = trace
        .iter()
        .find(|s| s.kind == 3 && s.name.ends_with(" send"))
        .expect("a request over NATS");
    let subject = client.name.trim_end_matches(" send");
    assert_eq!(client.attribute("messaging.system"), Some("nats"));
    assert_eq!(
        client.attribute("messaging.destination.name"),
        Some(subject)
    );
    assert_eq!(client.attribute("messaging.operation.type"), Some("send"));
    let server = trace
        .iter()
        .find(|s| s.parent_span_id == client.span_id)
        .expect("the service's span of the request");
    assert_eq!(server.name, format!("{subject} process"));
    assert_eq!(server.kind, 2);
    assert_eq!(
        server.attribute("messaging.destination.name"),
        Some(subject)
    );
    assert_eq!(
        server.attribute("messaging.operation.type"),
        Some("process")
    );

    // The 503 answered while intake was down is an error span, and so is its NATS call.
    let failed = all
        .iter()
        .find(|s| s.name == "GET /api/v1/tickets")
        .expect("the 503's span");
    assert_eq!(failed.attribute("http.response.status_code"), Some("503"));
    assert_eq!(failed.status, 2, "a 5xx is an error");
    assert_eq!(failed.attribute("error.type"), Some("503"));
    let call = all
        .iter()
        .find(|s| s.trace_id == failed.trace_id && s.kind == 3)
        .expect("the unanswered call");
    assert_eq!(call.status, 2);
    assert_eq!(call.attribute("error.type"), Some("unavailable"));

    // The gateway's JSON log lines carry the ids of the span they were written in: the
    // request line of POST /tickets those of its server span.
    let lines: Vec<serde_json::Value> = gateway_log
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert!(
        lines.iter().any(|l| l["trace_id"] == root.trace_id.as_str()
            && l["span_id"] == root.span_id.as_str()
            && l["fields"]["message"] == "request"),
        "no request line with trace {} span {}:\n{gateway_log}",
        root.trace_id,
        root.span_id
    );
    for l in lines.iter().filter(|l| l.get("trace_id").is_some()) {
        let span_id = l["span_id"].as_str().unwrap_or_default();
        assert!(
            span_id.len() == 16 && span_id.chars().all(|c| c.is_ascii_hexdigit()),
            "{l}"
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
