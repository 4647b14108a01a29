//! Per-role NATS users with the permissions `aftercare nats-config` generates from the
//! subject catalogue: the whole flow works, and a role cannot step outside its subjects.
use std::time::Duration;

use aftercare_testkit::{NatsServer, aftercare_binary};
use async_nats::{ConnectOptions, Event};
use serde_json::json;
use tokio::sync::mpsc;

use crate::helpers::{Backend, ROLES, System, stream_messages};

fn password(user: &str) -> String {
    format!("pw-{user}-secret")
}

async fn connect_as(
    url: &str,
    user: &str,
) -> (async_nats::Client, mpsc::UnboundedReceiver<String>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let client = ConnectOptions::with_user_and_password(user.into(), password(user))
        .custom_inbox_prefix(aftercare_contracts::permissions::inbox_prefix(user))
        .request_timeout(Some(Duration::from_secs(2)))
        .event_callback(move |e| {
            let tx = tx.clone();
            async move {
                if let Event::ServerError(err) = e {
                    let _ = tx.send(err.to_string());
                }
            }
        })
        .connect(url)
        .await
        .expect("connect");
    (client, rx)
}

async fn expect_violation(rx: &mut mpsc::UnboundedReceiver<String>, what: &str) {
    let msg = tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .unwrap_or_else(|_| panic!("no violation for {what}"));
    let msg = msg.expect("event");
    assert!(
        msg.to_lowercase().contains("permissions violation"),
        "{what}: {msg}"
    );
}

#[tokio::test]
async fn each_role_is_confined_to_its_subjects_and_the_flow_still_works() {
    let out = tokio::process::Command::new(aftercare_binary())
        .arg("nats-config")
        .output()
        .await
        .unwrap();
    assert!(out.status.success());
    let auth = String::from_utf8(out.stdout).unwrap();
    let users = [
        "gateway",
        "intake",
        "dispatch",
        "inventory",
        "billing",
        "survey",
        "notifier",
        "ops",
    ];
    let env: Vec<(String, String)> = users
        .iter()
        .map(|u| (format!("{}_NATS_PASSWORD", u.to_uppercase()), password(u)))
        .collect();
    let nats = NatsServer::start_with(&auth, &env).await.unwrap();
    let sys = System::with_nats(Backend::Sqlite, nats).await;

    // Every role as its own process and NATS user: the whole flow goes through.
    let mut procs = Vec::new();
    for role in ROLES {
        let pw = password(role);
        procs.push(
            sys.spawn(
                &[role],
                &[
                    ("AFTERCARE_NATS_USER", role),
                    ("AFTERCARE_NATS_PASSWORD", &pw),
                ],
            )
            .await,
        );
    }
    sys.api.technician().await;
    sys.api.part("DRUM-1", 3).await;
    let t = sys.api.open_ticket("SN-PERM").await;
    let wo = sys.api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap().to_owned();
    assert_eq!(
        sys.api
            .complete(&wo_id, json!([{"sku":"DRUM-1","quantity":1}]))
            .await
            .0,
        200
    );
    sys.api.callback(&wo_id).await;
    sys.api.receipt(&wo_id).await;
    let (s, _) = sys.api.get("/deadletters").await;
    assert_eq!(s, 200, "the gateway may read dead letters");
    for p in &procs {
        let m = p.metrics().await.unwrap();
        assert_eq!(
            aftercare_platform::metrics::parse_total(&m, "aftercare_nats_server_errors_total"),
            0,
            "{}",
            p.log_text()
        );
    }

    let url = sys.nats.url();
    let dispatch_before = {
        let (c, _) = connect_as(&url, "ops").await;
        stream_messages(&async_nats::jetstream::new(c), "DISPATCH").await
    };

    // Intake cannot forge another service's event: refused, and nothing is stored.
    let (intake, mut violations) = connect_as(&url, "intake").await;
    let js = async_nats::jetstream::new(intake.clone());
    let forged = js
        .publish("dispatch.workorder.completed", "{}".into())
        .await;
    if let Ok(ack) = forged {
        assert!(
            tokio::time::timeout(Duration::from_secs(3), ack)
                .await
                .map(|r| r.is_err())
                .unwrap_or(true),
            "forged publish was acknowledged"
        );
    }
    expect_violation(&mut violations, "publish dispatch.workorder.completed").await;
    // Nor read another service's events, call another service, delete a stream, or read
    // another role's inbox.
    let _sub = intake.subscribe("billing.>").await.unwrap();
    expect_violation(&mut violations, "subscribe billing.>").await;
    let _ = intake.request("svc.billing.invoice.get", "{}".into()).await;
    expect_violation(&mut violations, "request svc.billing.invoice.get").await;
    let _ = intake
        .request("$JS.API.STREAM.DELETE.INTAKE", "".into())
        .await;
    expect_violation(&mut violations, "delete stream INTAKE").await;
    let _inbox = intake.subscribe("_INBOX_gateway.>").await.unwrap();
    expect_violation(&mut violations, "subscribe to the gateway's inbox").await;

    // A reader cannot harm the stream it reads: dispatch consumes intake's events but may
    // not seal (update), purge or delete INTAKE, nor change the shared dead-letter stream.
    let intake_before = stream_messages(&js, "INTAKE").await;
    let (dispatch, mut dv) = connect_as(&url, "dispatch").await;
    let sealed = json!({
        "name": "INTAKE",
        "subjects": ["intake.>"],
        "storage": "file",
        "retention": "limits",
        "num_replicas": 1,
        "sealed": true
    });
    let _ = dispatch
        .request("$JS.API.STREAM.UPDATE.INTAKE", sealed.to_string().into())
        .await;
    expect_violation(&mut dv, "dispatch sealing INTAKE").await;
    let _ = dispatch
        .request("$JS.API.STREAM.PURGE.INTAKE", "{}".into())
        .await;
    expect_violation(&mut dv, "dispatch purging INTAKE").await;
    let _ = dispatch
        .request("$JS.API.STREAM.DELETE.INTAKE", "".into())
        .await;
    expect_violation(&mut dv, "dispatch deleting INTAKE").await;
    let _ = dispatch
        .request("$JS.API.STREAM.CREATE.INTAKE", sealed.to_string().into())
        .await;
    expect_violation(&mut dv, "dispatch creating INTAKE").await;
    let dl = json!({"name": "DEADLETTER", "subjects": ["deadletter.>"], "sealed": true});
    let _ = dispatch
        .request("$JS.API.STREAM.UPDATE.DEADLETTER", dl.to_string().into())
        .await;
    expect_violation(&mut dv, "dispatch sealing DEADLETTER").await;
    // Another service's durable consumer is out of reach too.
    let _ = dispatch
        .request("$JS.API.CONSUMER.MSG.NEXT.INTAKE.billing", "1".into())
        .await;
    expect_violation(&mut dv, "dispatch pulling billing's consumer").await;
    // Its own consumer still works: it reads its durable's state.
    let own = dispatch
        .request("$JS.API.CONSUMER.INFO.INTAKE.dispatch", "".into())
        .await
        .expect("dispatch reads its own consumer");
    let own: serde_json::Value = serde_json::from_slice(&own.payload).unwrap();
    assert_eq!(own["name"], "dispatch", "{own}");
    assert!(
        own["delivered"]["stream_seq"].as_u64().unwrap_or(0) >= 1,
        "dispatch consumed intake's events: {own}"
    );
    let (c, _) = connect_as(&url, "ops").await;
    let ops_js = async_nats::jetstream::new(c);
    let info = ops_js
        .get_stream("INTAKE")
        .await
        .unwrap()
        .cached_info()
        .clone();
    assert!(!info.config.sealed, "INTAKE was sealed");
    assert_eq!(stream_messages(&ops_js, "INTAKE").await, intake_before);
    let info = ops_js
        .get_stream("DEADLETTER")
        .await
        .unwrap()
        .cached_info()
        .clone();
    assert!(!info.config.sealed, "DEADLETTER was sealed");

    // A one-time code goes only to the short-lived NOTIFY stream, which only the
    // notification sender reads; intake's 30-day stream never holds it.
    let number = t["number"].as_str().unwrap();
    let r = reqwest::Client::new()
        .post(format!("{}/self-service/codes", sys.api.base))
        .json(&json!({"ticket_number": number}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let (notifier, _) = connect_as(&url, "notifier").await;
    let njs = async_nats::jetstream::new(notifier);
    let notify = njs
        .get_stream("NOTIFY")
        .await
        .expect("notifier sees NOTIFY");
    let max_age = notify.cached_info().config.max_age;
    assert!(
        max_age > Duration::ZERO && max_age <= Duration::from_secs(3600),
        "NOTIFY keeps codes {max_age:?}"
    );
    let consumer = notify
        .create_consumer(async_nats::jetstream::consumer::pull::Config {
            durable_name: Some("notifier".into()),
            filter_subject: "notify.ticket.code_requested".into(),
            ..Default::default()
        })
        .await
        .expect("the notifier's own consumer");
    let code_event: serde_json::Value = {
        use futures::StreamExt;
        let mut batch = consumer
            .fetch()
            .max_messages(1)
            .expires(Duration::from_secs(10))
            .messages()
            .await
            .unwrap();
        let m = batch.next().await.expect("a code message").unwrap();
        m.ack().await.unwrap();
        assert_eq!(m.subject.as_str(), "notify.ticket.code_requested");
        serde_json::from_slice(&m.payload).unwrap()
    };
    let code = code_event["data"]["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 6, "{code_event}");
    // No other role may read it: not through a consumer, a direct get or a subscription.
    for user in [
        "dispatch",
        "billing",
        "survey",
        "inventory",
        "gateway",
        "ops",
    ] {
        let (c, mut v) = connect_as(&url, user).await;
        let _ = c
            .request(
                format!("$JS.API.CONSUMER.CREATE.NOTIFY.{user}"),
                json!({"stream_name": "NOTIFY", "config": {"durable_name": user}})
                    .to_string()
                    .into(),
            )
            .await;
        expect_violation(&mut v, &format!("{user} creating a consumer on NOTIFY")).await;
        let _ = c
            .request(
                "$JS.API.STREAM.MSG.GET.NOTIFY",
                json!({"last_by_subj": "notify.ticket.code_requested"})
                    .to_string()
                    .into(),
            )
            .await;
        expect_violation(&mut v, &format!("{user} getting a NOTIFY message")).await;
        let _sub = c.subscribe("notify.>").await.unwrap();
        expect_violation(&mut v, &format!("{user} subscribing to notify.>")).await;
    }
    // The long-retention streams hold no code event (subjects per stream, as operators
    // see them).
    let (ops, _) = connect_as(&url, "ops").await;
    let subjects = |stream: &'static str| {
        let ops = ops.clone();
        async move {
            let r = ops
                .request(
                    format!("$JS.API.STREAM.INFO.{stream}"),
                    json!({"subjects_filter": ">"}).to_string().into(),
                )
                .await
                .expect("stream info");
            let v: serde_json::Value = serde_json::from_slice(&r.payload).unwrap();
            v["state"]["subjects"]
                .as_object()
                .cloned()
                .unwrap_or_default()
        }
    };
    for stream in ["INTAKE", "DISPATCH", "INVENTORY", "BILLING", "SURVEY"] {
        let held = subjects(stream).await;
        assert!(!held.is_empty() || stream != "INTAKE", "{stream}: {held:?}");
        assert!(
            !held.keys().any(|k| k.contains("code")
                || k.contains("link_issued")
                || k.contains("notification")),
            "{stream} holds a one-time code, an answer link or a customer message: {held:?}"
        );
    }
    assert_eq!(subjects("NOTIFY").await["notify.ticket.code_requested"], 1);

    // The gateway publishes no events.
    let (gateway, mut gv) = connect_as(&url, "gateway").await;
    gateway
        .publish("intake.ticket.opened", "{}".into())
        .await
        .unwrap();
    gateway.flush().await.unwrap();
    expect_violation(&mut gv, "gateway publishing intake.ticket.opened").await;

    // A wrong password is refused outright.
    let bad = ConnectOptions::with_user_and_password("intake".into(), "guess".into())
        .connect(&url)
        .await;
    assert!(bad.is_err());

    let (c, _) = connect_as(&url, "ops").await;
    let js = async_nats::jetstream::new(c);
    assert_eq!(
        stream_messages(&js, "DISPATCH").await,
        dispatch_before,
        "no forged event was stored"
    );
    assert!(stream_messages(&js, "INTAKE").await >= 1);
}
