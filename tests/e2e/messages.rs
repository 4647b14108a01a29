//! The messages sent to customers through the gateway, in the trial configuration (no
//! channel configured): a ticket opened sends its customer the "request received" message,
//! which the notifier keeps as `unsent`; the desk finds it among the sent messages and on
//! the ticket, with the phone masked (revealed for one message with an audit-logged
//! reason), pages through them, and is refused bad filters by name. Technicians,
//! warehouse, finance and customers may not read them. Filters on status, channel,
//! customer and time, and the masking of codes and answer links, are the notifier's and
//! are tested in its service tier (`services/notifier/tests/queries.rs`).
use serde_json::{Value, json};
use uuid::Uuid;

use aftercare_testkit::poll_for;

use crate::helpers::*;

async fn messages_of(api: &Api, ticket_id: &str) -> Vec<Value> {
    poll_for(WAIT, "the ticket's message kept", || async {
        let (s, page) = api.get(&format!("/tickets/{ticket_id}/messages")).await;
        assert_eq!(s, 200, "{page}");
        let items = page["items"].as_array().cloned().unwrap_or_default();
        (!items.is_empty()).then_some(items)
    })
    .await
    .unwrap()
}

async fn messages(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&WITH_NOTIFIER, &[]).await;
    let api = &sys.api;

    // A ticket opened: the customer is told, on no channel at all.
    let ticket = api.open_ticket("SN-MSG-1").await;
    let tid = ticket["id"].as_str().unwrap().to_owned();
    let number = ticket["number"].as_str().unwrap().to_owned();
    let kept = messages_of(api, &tid).await;
    assert_eq!(kept.len(), 1, "{kept:?}");
    let m = &kept[0];
    assert_eq!(m["ticket_id"], tid.as_str());
    assert_eq!(m["ticket_number"], number.as_str());
    assert_eq!(m["kind"], "request_received");
    assert_eq!(m["channel"], "sms");
    assert_eq!(m["status"], "unsent");
    assert_eq!(m["attempts"], 0);
    assert_eq!(m["language"], "zh-CN");
    assert!(m.get("next_attempt_at").is_none(), "{m}");
    assert!(m.get("sent_at").is_none(), "{m}");
    assert_eq!(m["to"], "+86*********0101");
    assert!(m["body"].as_str().unwrap().contains(&number), "{m}");
    let id = m["id"].as_str().unwrap().to_owned();
    let (s, channels) = api.get("/notification-channels").await;
    assert_eq!((s, &channels["configured"]), (200, &json!([])));

    // Among the sent messages, by ticket and by status.
    let (s, page) = api.get(&format!("/messages?ticket_id={tid}")).await;
    assert_eq!((s, &page["items"]), (200, &json!(kept)), "{page}");
    let (s, page) = api.get("/messages?status=unsent&channel=sms").await;
    assert_eq!(s, 200, "{page}");
    assert!(
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == id.as_str())
    );
    let (s, page) = api
        .get(&format!("/messages?status=sent&ticket_id={tid}"))
        .await;
    assert_eq!((s, &page["items"]), (200, &json!([])));

    // One message, masked; revealed with a reason, audit-logged.
    let (s, one) = api.get(&format!("/messages/{id}")).await;
    assert_eq!((s, &one), (200, m));
    let (s, shown) = api
        .get(&format!(
            "/messages/{id}?personal_data=show&reason=customer%20says%20no%20SMS%20came"
        ))
        .await;
    assert_eq!((s, shown["to"].as_str()), (200, Some("+86 20 5555 0101")));
    let (s, audit) = api.get("/audit").await;
    assert_eq!(s, 200);
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "personal_data.reveal"
                && e["object"] == format!("message:{id}").as_str()),
        "{audit}"
    );
    let p = problem(api, &format!("/messages/{id}?personal_data=show"), 422).await;
    assert_eq!(p["errors"][0]["field"], "reason", "{p}");

    // Newest first, a page at a time.
    let second = api.open_ticket("SN-MSG-2").await;
    let second_id = second["id"].as_str().unwrap().to_owned();
    let newest = messages_of(api, &second_id).await;
    let (s, first_page) = api.get("/messages?limit=1").await;
    assert_eq!(s, 200, "{first_page}");
    assert_eq!(first_page["items"][0]["id"], newest[0]["id"]);
    let cursor = first_page["next_cursor"].as_str().unwrap().to_owned();
    let (s, next) = api.get(&format!("/messages?limit=1&cursor={cursor}")).await;
    assert_eq!((s, &next["items"][0]["id"]), (200, &json!(id)), "{next}");

    // Bad filters are named; unknown objects are 404.
    for (query, field) in [
        ("status=lost", "status"),
        ("channel=fax", "channel"),
        ("ticket_id=T2026-000001", "ticket_id"),
        ("customer_id=someone", "customer_id"),
        ("from=yesterday", "from"),
        ("to=2026-13-01", "to"),
        ("limit=0", "limit"),
        ("limit=501", "limit"),
        ("cursor=page-2", "cursor"),
    ] {
        let p = problem(api, &format!("/messages?{query}"), 422).await;
        assert_eq!(p["errors"][0]["field"], field, "{query}: {p}");
    }
    problem(api, &format!("/messages/{}", Uuid::now_v7()), 404).await;
    problem(api, "/messages/not-a-message", 404).await;
    problem(api, "/tickets/T2099-999999/messages", 404).await;
    let p = problem(api, &format!("/tickets/{tid}/messages?cursor=x"), 422).await;
    assert_eq!(p["errors"][0]["field"], "cursor", "{p}");

    // The desk reads them; the field, the warehouse, finance and customers may not.
    let agent = account(api, "agent-msg@example.com", "agent", json!({})).await;
    let callback = account(api, "callback-msg@example.com", "callback_agent", json!({})).await;
    for desk in [&agent, &callback] {
        let (s, page) = desk.get(&format!("/tickets/{number}/messages")).await;
        assert_eq!((s, &page["items"]), (200, &json!(kept)), "{page}");
    }
    let tech = api.technician().await;
    let technician = account(
        api,
        "tech-msg@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let warehouse = account(api, "warehouse-msg@example.com", "warehouse", json!({})).await;
    let finance = account(api, "finance-msg@example.com", "finance", json!({})).await;
    let customer = account(
        api,
        "customer-msg@example.com",
        "customer",
        json!({"customer_id": Uuid::now_v7()}),
    )
    .await;
    for refused in [&technician, &warehouse, &finance, &customer] {
        for path in [
            "/messages".to_owned(),
            format!("/messages/{id}"),
            format!("/tickets/{tid}/messages"),
            "/notification-channels".to_owned(),
        ] {
            problem(refused, &path, 403).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_reads_the_messages_kept_in_the_trial_configuration_on_sqlite() {
    messages(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desk_reads_the_messages_kept_in_the_trial_configuration_on_postgresql() {
    messages(Backend::Postgres).await;
}
