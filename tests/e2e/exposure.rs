//! Personal data exposure: technicians read only the customers of their open work
//! orders, the desk reveals one record only with an audit-logged reason, and one-time codes
//! go only to a phone on the customer record.
use aftercare_testkit::poll_for;
use serde_json::{Value, json};

use crate::helpers::{Backend, ROLES, System, WAIT, account, ticket_body};

async fn customer(sys: &System, name: &str, phone: &str) -> String {
    let (s, c) = sys
        .api
        .post(
            "/customers",
            &json!({"company": name, "contacts": [{"name": "x", "phones": [phone]}],
                    "address": "9 Huacheng Ave", "district": "tianhe"}),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    c["id"].as_str().unwrap().to_owned()
}

async fn audit_entries(sys: &System, action: &str) -> Vec<Value> {
    let (s, audit) = sys.api.get("/audit").await;
    assert_eq!(s, 200);
    audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == action)
        .cloned()
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn reads_of_personal_data_are_narrowed_revealed_with_a_reason_and_codes_go_to_the_phone_on_file()
 {
    let sys = System::new(Backend::Sqlite).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let tech = sys.api.technician().await;
    let a = customer(&sys, "A Printing", "13600000001").await;
    let b = customer(&sys, "B Printing", "13600000002").await;
    let cust_a = account(
        &sys.api,
        "a@example.com",
        "customer",
        json!({"customer_id": a}),
    )
    .await;
    let technician = account(
        &sys.api,
        "tech@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let agent = account(&sys.api, "agent@example.com", "agent", json!({})).await;

    // The customer types a third party's phone on their request.
    let mut body = ticket_body("SN-EXPOSE-1");
    body["customer"]["phone"] = json!("13999990000");
    let (s, ticket) = cust_a.post("/tickets", &body).await;
    assert_eq!(s, 201, "{ticket}");
    let tid = ticket["id"].as_str().unwrap().to_owned();
    let number = ticket["number"].as_str().unwrap().to_owned();

    // The code goes to the phone on the customer record, not the one typed on the request.
    let r = reqwest::Client::new()
        .post(format!("{}/self-service/codes", sys.api.base))
        .json(&json!({"ticket_number": number}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let js = sys.jetstream().await;
    let stream = js.get_stream("NOTIFY").await.unwrap();
    let event: Value = poll_for(WAIT, "the code event", || async {
        let m = stream
            .get_last_raw_message_by_subject("notify.ticket.code_requested")
            .await
            .ok()?;
        serde_json::from_slice(&m.payload).ok()
    })
    .await
    .unwrap();
    assert_eq!(event["data"]["number"], number.as_str());
    assert_eq!(event["data"]["phone"], "13600000001", "{event}");

    // The technician of the open work order reads that customer, unmasked; no one else's.
    let wo = sys.api.assigned_work_order(&tid).await;
    assert_eq!(wo["technician_id"], tech["id"]);
    let (s, seen) = technician.get(&format!("/customers/{a}")).await;
    assert_eq!(s, 200, "{seen}");
    assert_eq!(seen["contacts"][0]["phones"][0], "13600000001");
    assert_eq!(
        technician.get(&format!("/customers/{a}/machines")).await.0,
        200
    );
    assert_eq!(technician.get(&format!("/customers/{b}")).await.0, 404);
    assert_eq!(
        technician.get(&format!("/customers/{b}/machines")).await.0,
        404
    );

    // The desk reads masked; revealing one record needs a reason and is audit-logged.
    let (s, masked) = agent.get(&format!("/customers/{a}")).await;
    assert_eq!(s, 200);
    let phone = masked["contacts"][0]["phones"][0].as_str().unwrap();
    assert!(phone.contains('*') && phone.ends_with("0001"), "{phone}");
    assert!(!masked.to_string().contains("Huacheng"), "{masked}");
    let (s, v) = agent
        .get(&format!("/customers/{a}?personal_data=show"))
        .await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["errors"][0]["field"], "reason");
    assert!(audit_entries(&sys, "personal_data.reveal").await.is_empty());
    let (s, shown) = agent
        .get(&format!(
            "/customers/{a}?personal_data=show&reason=calling%20back%20about%20{number}"
        ))
        .await;
    assert_eq!(s, 200);
    assert_eq!(shown["contacts"][0]["phones"][0], "13600000001");
    let (s, t) = agent.get(&format!("/tickets/{tid}")).await;
    assert_eq!(s, 200);
    assert!(
        t["customer"]["phone"].as_str().unwrap().contains('*'),
        "{t}"
    );
    let (s, t) = agent
        .get(&format!(
            "/tickets/{tid}?personal_data=show&reason=customer%20asked%20for%20a%20call"
        ))
        .await;
    assert_eq!(s, 200);
    assert_eq!(t["customer"]["phone"], "13999990000");
    let reveals = audit_entries(&sys, "personal_data.reveal").await;
    assert_eq!(reveals.len(), 2, "{reveals:?}");
    assert!(
        reveals
            .iter()
            .any(|e| e["object"] == format!("customer:{a}")
                && e["detail"] == format!("calling back about {number}"))
    );
    assert!(
        reveals
            .iter()
            .any(|e| e["object"] == format!("ticket:{tid}"))
    );
    // The customer reads their own record unmasked without asking.
    let (_, own) = cust_a.get(&format!("/customers/{a}")).await;
    assert_eq!(own["contacts"][0]["phones"][0], "13600000001");

    // Once the visit is done the technician no longer reads the customer.
    let (s, v) = technician
        .complete(wo["id"].as_str().unwrap(), json!([]))
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(technician.get(&format!("/customers/{a}")).await.0, 404);
}
