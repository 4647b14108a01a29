//! Intake alone, in this process, on a temporary database and a real nats-server:
//! requests are sent as the gateway sends them, and what intake stores, stages and
//! publishes is read back.
#![allow(clippy::unwrap_used, missing_docs)]

use aftercare_contracts::{Actor, Role, Service};
use aftercare_intake::Config;
use aftercare_testkit::fixtures::{staff, ticket_body};
use aftercare_testkit::{ServiceHarness, TestBackend};
use serde_json::{Value, json};

async fn intake(backend: TestBackend) -> ServiceHarness {
    ServiceHarness::start(Service::Intake, backend, |bus, url, settings| async move {
        aftercare_intake::build(bus, &url, settings, Config::default()).await
    })
    .await
    .unwrap()
}

/// The agent who registers calls.
fn agent() -> Actor {
    staff(Role::Agent)
}

async fn the_sla_sweep_warns_and_reports_breaches_once(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    // Web requests wait for an agent: no first response yet.
    let mut body = ticket_body("SN-SLA-1");
    body["type"] = json!("consultation");
    body["channel"] = json!("web");
    let late: Value = svc
        .request("ticket.open", &body, Some(&agent))
        .await
        .unwrap();
    assert!(late["sla"].get("first_response_at").is_none(), "{late}");
    let met: Value = svc
        .request("ticket.open", &body, Some(&agent))
        .await
        .unwrap();
    let moved: Value = svc
        .request(
            "ticket.transition",
            &json!({"ticket_id": met["id"], "to": "triaged", "expected_version": met["version"]}),
            Some(&agent),
        )
        .await
        .unwrap();
    assert_eq!(moved["status"], "triaged");
    // A phone call registered by an agent has been answered.
    let phoned: Value = svc
        .request("ticket.open", &ticket_body("SN-SLA-2"), Some(&agent))
        .await
        .unwrap();
    assert!(phoned["sla"]["first_response_at"].is_string(), "{phoned}");

    // Time passes (the deadlines are moved into the past).
    svc.db()
        .execute("update ticket set first_response_warn_at = 1, first_response_due = 1")
        .await
        .unwrap();
    let late_id = late["id"].clone();
    for subject in ["intake.ticket.sla_warning", "intake.ticket.sla_breached"] {
        let e = svc
            .next_published(subject, |e| e["data"]["ticket_id"] == late_id)
            .await
            .unwrap();
        assert_eq!(e["data"]["target"], "first_response");
    }
    // Only the late ticket was alerted, once per alert, however many sweeps run (every
    // 200 ms here).
    let alerted = svc
        .db()
        .rows("select ticket_id from ticket where sla_alerts <> 0")
        .await
        .unwrap();
    assert_eq!(alerted.len(), 1);
    assert_eq!(alerted[0]["ticket_id"], late_id);
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    for subject in ["intake.ticket.sla_warning", "intake.ticket.sla_breached"] {
        assert_eq!(svc.published(subject).len(), 1, "{subject}");
        assert_eq!(
            svc.db().staged(subject).await.unwrap().len(),
            1,
            "{subject}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sla_sweep_warns_and_reports_breaches_once_on_sqlite() {
    the_sla_sweep_warns_and_reports_breaches_once(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sla_sweep_warns_and_reports_breaches_once_on_postgresql() {
    the_sla_sweep_warns_and_reports_breaches_once(TestBackend::Postgres).await;
}

#[tokio::test]
async fn an_opened_ticket_is_stored_with_its_history_and_announced_once() {
    let svc = intake(TestBackend::Sqlite).await;
    let t: Value = svc
        .request("ticket.open", &ticket_body("SN-OPEN-1"), Some(&agent()))
        .await
        .unwrap();
    let id = t["id"].clone();
    let rows = svc
        .db()
        .rows(&format!(
            "select status, priority from ticket where ticket_id = '{}'",
            id.as_str().unwrap()
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["priority"], t["priority"]);
    let staged = svc.db().staged("intake.ticket.opened").await.unwrap();
    assert_eq!(staged.len(), 1);
    assert_eq!(staged[0].envelope["data"]["ticket_id"], id);
    assert_eq!(staged[0].envelope["actor"]["user_id"], "agent-1");
    let sent = svc
        .next_published("intake.ticket.opened", |e| e["data"]["ticket_id"] == id)
        .await
        .unwrap();
    assert_eq!(sent["id"], staged[0].envelope["id"]);
    // A bad request is refused with the field named, and nothing is stored or staged.
    let staged_before = svc.db().outbox().await.unwrap().len();
    let mut bad = ticket_body("SN-OPEN-2");
    bad["symptom"] = json!("");
    let e = svc
        .request::<_, Value>("ticket.open", &bad, Some(&agent()))
        .await
        .expect_err("an empty symptom");
    assert!(e.to_string().contains("symptom"), "{e}");
    assert_eq!(
        svc.db().count("select count(*) from ticket").await.unwrap(),
        1
    );
    assert_eq!(svc.db().outbox().await.unwrap().len(), staged_before);
}

#[tokio::test]
async fn a_dead_lettered_notification_keeps_no_payload_and_cannot_be_replayed() {
    const LINK: &str = "answer-link-token-CANARY-7f3a9c";
    let svc = intake(TestBackend::Sqlite).await;
    // An answer link intake cannot read: intake gives it up at once.
    let garbage = format!("{{\"not\": \"an envelope\", \"link\": \"{LINK}\"}}");
    svc.publish_raw(
        "notify.callback.link_issued",
        "poison-notify-1",
        garbage.into_bytes(),
    )
    .await
    .unwrap();
    svc.settled().await.unwrap();

    let letters = svc.dead_letters().await.unwrap();
    assert_eq!(letters.len(), 1, "{letters:?}");
    let d = &letters[0];
    assert_eq!(d.subject, "notify.callback.link_issued", "{d:?}");
    assert_eq!(d.stream, "NOTIFY", "{d:?}");
    assert_eq!(d.consumer, "intake", "{d:?}");
    assert!(!d.reason.is_empty(), "{d:?}");
    assert_eq!(d.payload, "", "{d:?}");
    assert!(d.payload_dropped, "{d:?}");
    assert!(!format!("{letters:?}").contains(LINK));

    // Nor is it anywhere in the stored dead letter.
    let stream = svc.bus().js.get_stream("DEADLETTER").await.unwrap();
    let raw = stream.get_raw_message(d.seq).await.unwrap();
    assert!(raw.payload.is_empty());
    assert!(!format!("{:?}", raw.headers).contains(LINK));

    // Replaying it would publish an empty notification: refused with a clear error.
    let err = aftercare_platform::dead_letter::replay(svc.bus(), d.seq)
        .await
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot be replayed"), "{err}");
}

/// An administrator, who keeps the company's settings.
fn admin() -> Actor {
    staff(Role::Admin)
}

async fn each_replacement_of_a_setting_is_a_version_kept_with_who_made_it(backend: TestBackend) {
    let svc = intake(backend).await;
    let built_in: Value = svc
        .request("sla_policy.get", &json!({}), Some(&admin()))
        .await
        .unwrap();
    assert_eq!(built_in["version"], 0);
    let mut targets = built_in["targets"].clone();
    targets[0]["first_response_minutes"] = json!(45);
    let first: Value = svc
        .request(
            "sla_policy.replace",
            &json!({"targets": targets, "expected_version": 0}),
            Some(&admin()),
        )
        .await
        .unwrap();
    assert_eq!(first["version"], 1);
    let second: Value = svc
        .request(
            "sla_policy.replace",
            &json!({"targets": built_in["targets"], "expected_version": 1}),
            Some(&agent()),
        )
        .await
        .unwrap();
    assert_eq!(second["version"], 2);
    // A replacement based on an old version changes nothing.
    let stale = svc
        .request::<_, Value>(
            "sla_policy.replace",
            &json!({"targets": targets, "expected_version": 1}),
            Some(&admin()),
        )
        .await
        .unwrap_err()
        .to_string();
    assert!(stale.contains("at version 2, not 1"), "{stale}");
    let history = svc
        .db()
        .rows(
            "select version, updated_by from company_setting where setting = 'sla_policy'
             order by version",
        )
        .await
        .unwrap();
    assert_eq!(
        history,
        vec![
            json!({"version": 1, "updated_by": "admin-1"}),
            json!({"version": 2, "updated_by": "agent-1"})
        ]
        .into_iter()
        .map(|v| v.as_object().unwrap().clone())
        .collect::<Vec<_>>()
    );
    let now: Value = svc
        .request("sla_policy.get", &json!({}), Some(&admin()))
        .await
        .unwrap();
    assert_eq!(now["version"], 2);
    assert_eq!(now["targets"], built_in["targets"]);
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn each_replacement_of_a_setting_is_a_version_kept_with_who_made_it_on_sqlite() {
    each_replacement_of_a_setting_is_a_version_kept_with_who_made_it(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn each_replacement_of_a_setting_is_a_version_kept_with_who_made_it_on_postgresql() {
    each_replacement_of_a_setting_is_a_version_kept_with_who_made_it(TestBackend::Postgres).await;
}

async fn settings_stored_before_the_upgrade_keep_their_version(backend: TestBackend) {
    use aftercare_platform::db::Migrations;
    let db = aftercare_testkit::TestDb::new(backend, "intake")
        .await
        .unwrap();
    let all = aftercare_intake::MIGRATIONS;
    let before = all.files.iter().take_while(|f| f.version < 115).count();
    db.db()
        .migrate(&Migrations {
            files: &all.files[..before],
            checksums: all.checksums,
        })
        .await
        .unwrap();
    db.execute(
        "insert into priority_rules (id, rules, version, updated_at, updated_by)
         values (1, '[{\"keywords\":[\"卡纸\"],\"priority\":\"p2\",\"note\":\"jams\"}]', 3, 1000, 'admin-7')",
    )
    .await
    .unwrap();
    db.db().migrate(&all).await.unwrap();
    let kept = db
        .rows("select setting, version, body, updated_by from company_setting")
        .await
        .unwrap();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0]["setting"], "priority_rules");
    assert_eq!(kept[0]["version"], 3);
    assert_eq!(kept[0]["updated_by"], "admin-7");
    let mut conn = db.db().read_conn().await.unwrap();
    let (rules, version) = aftercare_platform::company_settings::current::<
        aftercare_intake::domain::settings::PriorityRules,
    >(&mut conn)
    .await
    .unwrap();
    assert_eq!(
        (rules.len(), rules[0].note.as_str(), version),
        (1, "jams", 3)
    );
}

#[tokio::test]
async fn settings_stored_before_the_upgrade_keep_their_version_on_sqlite() {
    settings_stored_before_the_upgrade_keep_their_version(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn settings_stored_before_the_upgrade_keep_their_version_on_postgresql() {
    settings_stored_before_the_upgrade_keep_their_version(TestBackend::Postgres).await;
}

async fn priority_comes_from_the_companys_rules(backend: TestBackend) {
    let svc = intake(backend).await;
    let admin = admin();
    let defaults: Value = svc
        .request("priority_rules.get", &json!({}), Some(&admin))
        .await
        .unwrap();
    assert_eq!(defaults["version"], 0, "the built-in defaults");
    assert_eq!(defaults["rules"][0]["note"], "safety");

    let mut smoke = ticket_body("SN-PR-1");
    smoke["symptom"] = json!("机器冒烟了 / smoke from the fuser");
    let t: Value = svc
        .request("ticket.open", &smoke, Some(&agent()))
        .await
        .unwrap();
    assert_eq!(t["priority"], "p1");
    let reasons = svc
        .db()
        .rows(&format!(
            "select reason from ticket_history where ticket_id = '{}'",
            t["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    assert_eq!(reasons[0]["reason"], "opened; p1 by rule 1 (safety)");
    assert_eq!(reasons.len(), 1);

    let rules = json!([{"type": "consultation", "keywords": ["scan"], "priority": "p2", "note": "scanner campaign"}]);
    let empty = svc
        .refused(
            "priority_rules.replace",
            json!({"rules": [], "expected_version": 0}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (empty.status, empty.errors[0].field.as_str()),
        (422, "rules")
    );
    let replaced: Value = svc
        .request(
            "priority_rules.replace",
            &json!({"rules": rules, "expected_version": 0}),
            Some(&admin),
        )
        .await
        .unwrap();
    assert_eq!(replaced["version"], 1);
    let stale = svc
        .refused(
            "priority_rules.replace",
            json!({"rules": rules, "expected_version": 0}),
            Some(&admin),
        )
        .await;
    assert_eq!(stale.status, 412);

    let mut scan = ticket_body("SN-PR-2");
    scan["type"] = json!("consultation");
    scan["symptom"] = json!("How do I SCAN to e-mail?");
    let t: Value = svc
        .request("ticket.open", &scan, Some(&agent()))
        .await
        .unwrap();
    assert_eq!(t["priority"], "p2");
    let mut down = ticket_body("SN-PR-3");
    down["machine_down"] = json!(true);
    let t: Value = svc
        .request("ticket.open", &down, Some(&agent()))
        .await
        .unwrap();
    assert_eq!(t["priority"], "p4", "no rule matches now");
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn priority_comes_from_the_companys_rules_on_sqlite() {
    priority_comes_from_the_companys_rules(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn priority_comes_from_the_companys_rules_on_postgresql() {
    priority_comes_from_the_companys_rules(TestBackend::Postgres).await;
}

/// A web consultation, which waits for an agent's first response.
async fn consultation(svc: &ServiceHarness, serial: &str) -> Value {
    let mut body = ticket_body(serial);
    body["type"] = json!("consultation");
    body["channel"] = json!("web");
    svc.request("ticket.open", &body, Some(&agent()))
        .await
        .unwrap()
}

async fn the_company_sets_its_own_sla_targets(backend: TestBackend) {
    let svc = intake(backend).await;
    let admin = admin();
    let before = consultation(&svc, "SN-SLA-P1").await;
    let policy: Value = svc
        .request("sla_policy.get", &json!({}), Some(&admin))
        .await
        .unwrap();
    assert_eq!(policy["version"], 0);
    let mut targets = policy["targets"].as_array().unwrap().clone();
    for t in &mut targets {
        if t["priority"] == "p4" && t["tier"] == "standard" && t.get("type").is_none() {
            t["first_response_minutes"] = json!(10);
            t["resolution_minutes"] = json!(60);
        }
    }
    let mut broken = targets.clone();
    broken.pop();
    broken.retain(|t| t["priority"] != "p1");
    let refused = svc
        .refused(
            "sla_policy.replace",
            json!({"targets": broken, "expected_version": 0}),
            Some(&admin),
        )
        .await;
    assert_eq!(
        (refused.status, refused.errors[0].field.as_str()),
        (422, "targets")
    );
    let saved: Value = svc
        .request(
            "sla_policy.replace",
            &json!({"targets": targets, "expected_version": 0}),
            Some(&admin),
        )
        .await
        .unwrap();
    assert_eq!(saved["version"], 1);
    let after = consultation(&svc, "SN-SLA-P2").await;
    // Ten working minutes instead of a working day: the new ticket is due much sooner.
    for deadline in ["first_response_due", "resolution_due"] {
        let (b, a) = (
            chrono::DateTime::parse_from_rfc3339(before["sla"][deadline].as_str().unwrap())
                .unwrap(),
            chrono::DateTime::parse_from_rfc3339(after["sla"][deadline].as_str().unwrap()).unwrap(),
        );
        assert!(a < b, "{deadline}: {before} {after}");
    }
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn the_company_sets_its_own_sla_targets_on_sqlite() {
    the_company_sets_its_own_sla_targets(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn the_company_sets_its_own_sla_targets_on_postgresql() {
    the_company_sets_its_own_sla_targets(TestBackend::Postgres).await;
}

async fn a_caller_typed_in_is_found_or_registered_and_never_merged(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let open = |body: Value| {
        let (svc, agent) = (&svc, &agent);
        async move { svc.ok("ticket.open", body, Some(agent)).await }
    };
    let count = |table: &'static str| {
        let svc = &svc;
        async move {
            svc.db()
                .count(&format!("select count(*) from {table}"))
                .await
                .unwrap()
        }
    };

    // A first call: the caller and the machine are registered, the ticket carries both.
    let first = open(ticket_body("SN-REG-1")).await;
    let (customer, machine) = (first["customer_id"].clone(), first["machine_id"].clone());
    assert!(customer.is_string() && machine.is_string(), "{first}");
    assert_eq!((count("customer").await, count("machine").await), (1, 1));

    // The same caller, the phone written another way, about the same and a second machine.
    let mut again = ticket_body("SN-REG-1");
    again["customer"]["phone"] = json!("(020) 5555-0101");
    let second = open(again).await;
    assert_eq!(
        (&second["customer_id"], &second["machine_id"]),
        (&customer, &machine)
    );
    let mut other_machine = ticket_body("SN-REG-2");
    other_machine["customer"]["phone"] = json!("020 5555 0101");
    let third = open(other_machine).await;
    assert_eq!(third["customer_id"], customer);
    assert_ne!(third["machine_id"], machine);
    assert_eq!((count("customer").await, count("machine").await), (1, 2));

    // A new phone about a machine on file, and a known phone about another customer's
    // machine: the agent chooses; nothing is stored.
    let tickets = count("ticket").await;
    let mut new_phone = ticket_body("SN-REG-1");
    new_phone["customer"]["phone"] = json!("+86 20 6666 0202");
    let refused = svc
        .refused("ticket.open", new_phone.clone(), Some(&agent))
        .await;
    assert_eq!(
        (refused.status, refused.code.as_str()),
        (409, "ambiguous_customer")
    );
    assert_eq!(refused.errors[0].field, "machine.serial");
    let mut someone_else = ticket_body("SN-REG-9");
    someone_else["customer"] = json!({"name": "Baiyun Print Shop", "phone": "+86 20 7777 0303", "address": "9 Baiyun Ave", "district": "baiyun"});
    let baiyun = open(someone_else).await;
    assert_ne!(baiyun["customer_id"], customer);
    let mut crossed = ticket_body("SN-REG-9");
    crossed["customer"]["phone"] = json!("+86 20 5555 0101");
    let refused = svc
        .refused("ticket.open", crossed.clone(), Some(&agent))
        .await;
    let fields: Vec<&str> = refused.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["customer.phone", "machine.serial"],
        "{}",
        refused.detail
    );
    assert_eq!(
        count("ticket").await,
        tickets + 1,
        "only Baiyun's ticket was stored"
    );
    assert_eq!(count("customer").await, 2);

    // The agent's choice: the machine's owner.
    crossed["customer_id"] = baiyun["customer_id"].clone();
    let chosen = open(crossed).await;
    assert_eq!(
        (&chosen["customer_id"], &chosen["machine_id"]),
        (&baiyun["customer_id"], &baiyun["machine_id"])
    );

    // A product line the company has not configured: the ticket opens, no machine record.
    let mut plotter = ticket_body("SN-REG-P");
    plotter["machine"]["product_line"] = json!("plotter");
    let t = open(plotter).await;
    assert_eq!(t["customer_id"], customer);
    assert!(t.get("machine_id").is_none(), "{t}");
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn a_caller_typed_in_is_found_or_registered_and_never_merged_on_sqlite() {
    a_caller_typed_in_is_found_or_registered_and_never_merged(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_caller_typed_in_is_found_or_registered_and_never_merged_on_postgresql() {
    a_caller_typed_in_is_found_or_registered_and_never_merged(TestBackend::Postgres).await;
}

async fn a_repeated_request_finds_the_ticket_it_opened(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let mut body = ticket_body("SN-KEY-1");
    body["request_key"] = json!("agent-1:3f1c");
    let first = svc.ok("ticket.open", body.clone(), Some(&agent)).await;
    // The answer was lost; the gateway sends the same request again.
    let again = svc.ok("ticket.open", body, Some(&agent)).await;
    assert_eq!(again["id"], first["id"]);
    let mut other = ticket_body("SN-KEY-1");
    other["request_key"] = json!("agent-1:77aa");
    let second = svc.ok("ticket.open", other, Some(&agent)).await;
    assert_ne!(second["id"], first["id"], "another key is another request");
    // Copies of one request arriving at once (a client's retries delivered together after
    // an outage): one ticket, and every copy is answered with it.
    let mut copy = ticket_body("SN-KEY-2");
    copy["request_key"] = json!("agent-1:c0c0");
    let (a, b, c) = tokio::join!(
        svc.ok("ticket.open", copy.clone(), Some(&agent)),
        svc.ok("ticket.open", copy.clone(), Some(&agent)),
        svc.ok("ticket.open", copy, Some(&agent)),
    );
    assert_eq!((&a["id"], &b["id"]), (&c["id"], &c["id"]));
    let opened = svc
        .db()
        .count("select count(*) from outbox where subject = 'intake.ticket.opened'")
        .await
        .unwrap();
    assert_eq!(opened, 3, "the repeats announced nothing");
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn a_repeated_request_finds_the_ticket_it_opened_on_sqlite() {
    a_repeated_request_finds_the_ticket_it_opened(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn a_repeated_request_finds_the_ticket_it_opened_on_postgresql() {
    a_repeated_request_finds_the_ticket_it_opened(TestBackend::Postgres).await;
}

#[tokio::test]
async fn a_ticket_opened_at_7_on_1_january_in_shanghai_is_numbered_in_the_new_year() {
    use chrono::TimeZone;
    // 23:00 UTC on 31 December 2026 is 07:00 on 1 January 2027 in Shanghai.
    let clock = aftercare_platform::Clock::starting_at(
        chrono::Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
            .single()
            .unwrap(),
    );
    let svc = ServiceHarness::start(
        Service::Intake,
        TestBackend::Sqlite,
        |bus, url, settings| async move {
            let config = Config {
                clock,
                ..Config::default()
            };
            aftercare_intake::build(bus, &url, settings, config).await
        },
    )
    .await
    .unwrap();
    let t: Value = svc
        .request("ticket.open", &ticket_body("SN-NEW-YEAR"), Some(&agent()))
        .await
        .unwrap();
    assert_eq!(t["number"], "T2027-000001", "{t}");
}

/// A customer as the desk registers it, with one contact and phone.
fn customer_body(company: &str, phone: &str) -> Value {
    json!({
        "company": company,
        "contacts": [{"name": "Ms Chen", "phones": [phone]}],
        "address": "1 Tianhe Rd",
        "district": "tianhe"
    })
}

/// The fields of a record's history lines: `(field, old, new)`.
async fn history(svc: &ServiceHarness, name: &str, body: Value) -> Vec<(String, Value, Value)> {
    let page = svc.ok(name, body, Some(&staff(Role::Agent))).await;
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert_eq!(l["actor"], "agent-1", "{l}");
            (
                l["field"].as_str().unwrap().to_owned(),
                l.get("old_value").cloned().unwrap_or(Value::Null),
                l.get("new_value").cloned().unwrap_or(Value::Null),
            )
        })
        .collect()
}

async fn customers_and_machines_are_kept_with_their_history(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let a = svc
        .ok(
            "customer.create",
            customer_body("Tianhe Printing", "+86 20 5555 0101"),
            Some(&agent),
        )
        .await;
    let b = svc
        .ok(
            "customer.create",
            customer_body("Baiyun Copy", "020-6666-0202"),
            Some(&agent),
        )
        .await;
    let a_id = a["id"].as_str().unwrap().to_owned();
    let lines = |id: &str| {
        let (svc, id) = (&svc, id.to_owned());
        async move {
            history(
                svc,
                "customer.history",
                json!({"customer_id": id, "limit": 100}),
            )
            .await
        }
    };

    // A stale version, a phone of another customer (written another way) and a blank
    // district are refused, naming the field, and change nothing.
    let stale = svc
        .refused(
            "customer.update",
            json!({"customer_id": a_id, "address": "2 Rd", "expected_version": 7}),
            Some(&agent),
        )
        .await;
    assert_eq!(stale.status, 412);
    let taken = svc
        .refused(
            "customer.update",
            json!({"customer_id": a_id, "expected_version": 1,
                   "contacts": [{"name": "Ms Chen", "phones": ["+86 20 5555 0101", "(020) 6666-0202"]}]}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (taken.status, taken.code.as_str()),
        (409, "duplicate_phone")
    );
    assert_eq!(taken.errors[0].field, "contacts[0].phones[1]");
    let blank = svc
        .refused(
            "customer.update",
            json!({"customer_id": a_id, "district": " ", "expected_version": 1}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (blank.status, blank.errors[0].field.as_str()),
        (422, "district")
    );
    assert_eq!(
        svc.ok("customer.get", json!({"id": a_id}), Some(&agent))
            .await["version"],
        1
    );
    assert!(lines(&a_id).await.is_empty());

    // A change: one line per field, the new phone findable in any formatting.
    let changed = svc
        .ok(
            "customer.update",
            json!({"customer_id": a["number"], "expected_version": 1, "address": "8 Zhujiang Rd",
                   "tier": "key_account", "company": "Tianhe Printing",
                   "contacts": [{"name": "Ms Chen", "phones": ["+86 20 5555 0101", "138 0013 8000"]}]}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (changed["version"].as_i64(), changed["tier"].as_str()),
        (Some(2), Some("key_account"))
    );
    assert_eq!(
        lines(&a_id).await,
        vec![
            (
                "contacts[0].phones".into(),
                json!("+86 20 5555 0101"),
                json!("+86 20 5555 0101, 138 0013 8000")
            ),
            (
                "address".into(),
                json!("1 Tianhe Rd"),
                json!("8 Zhujiang Rd")
            ),
            ("tier".into(), json!("standard"), json!("key_account")),
        ]
    );
    let found = svc
        .ok(
            "customer.find",
            json!({"phone": "+8613800138000", "limit": 10}),
            Some(&agent),
        )
        .await;
    assert_eq!(found["items"][0]["id"], a["id"]);

    // A machine: its location, contract and notes, with its own history.
    let m = svc
        .ok(
            "machine.register",
            json!({"customer_id": a_id, "product_line": "copier", "brand": "Sharp", "model": "AR-2048", "serial": "SN-REC-1"}),
            Some(&agent),
        )
        .await;
    let m_id = m["id"].as_str().unwrap().to_owned();
    let stale = svc
        .refused(
            "machine.update",
            json!({"machine_id": m_id, "notes": "x", "expected_version": 9}),
            Some(&agent),
        )
        .await;
    assert_eq!(stale.status, 412);
    let both = svc
        .refused(
            "machine.update",
            json!({"machine_id": m_id, "remove_contract": true, "contract": {"number": "K1", "ends_on": "2027-06-30"}, "expected_version": 1}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (both.status, both.errors[0].field.as_str()),
        (422, "remove_contract")
    );
    let moved = svc
        .ok(
            "machine.update",
            json!({"machine_id": m_id, "install_location": "3F print room", "expected_version": 1,
                   "contract": {"number": "K2026-000009", "ends_on": "2027-06-30"}, "notes": "paper tray 2 sticks"}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (
            moved["version"].as_i64(),
            moved["contract"]["number"].as_str()
        ),
        (Some(2), Some("K2026-000009"))
    );
    assert_eq!(
        svc.ok("machine.get", json!({"id": m_id}), Some(&agent))
            .await["notes"],
        "paper tray 2 sticks"
    );
    let machine_lines = history(
        &svc,
        "machine.history",
        json!({"machine_id": m_id, "limit": 100}),
    )
    .await;
    let fields: Vec<&str> = machine_lines.iter().map(|l| l.0.as_str()).collect();
    assert_eq!(fields, ["install_location", "contract", "notes"]);

    // Deactivated: not found, not matched for a new ticket; its records stay readable.
    let bad = svc
        .refused(
            "customer.set_active",
            json!({"customer_id": a_id, "active": false, "reason": "", "expected_version": 2}),
            Some(&agent),
        )
        .await;
    assert_eq!((bad.status, bad.errors[0].field.as_str()), (422, "reason"));
    let off = svc
        .ok("customer.set_active", json!({"customer_id": a_id, "active": false, "reason": "closed the office", "expected_version": 2}), Some(&agent))
        .await;
    assert_eq!(
        (off["status"].as_str(), off["version"].as_i64()),
        (Some("inactive"), Some(3))
    );
    let by_name = |inactive: bool| {
        let svc = &svc;
        async move {
            svc.ok(
                "customer.find",
                json!({"name": "tianhe", "include_inactive": inactive, "limit": 10}),
                Some(&staff(Role::Agent)),
            )
            .await["items"]
                .as_array()
                .unwrap()
                .len()
        }
    };
    assert_eq!((by_name(false).await, by_name(true).await), (0, 1));
    let refused = svc
        .refused("ticket.open", ticket_body("SN-REC-1"), Some(&agent))
        .await;
    assert_eq!(
        (refused.status, refused.code.as_str()),
        (409, "inactive_customer")
    );
    assert_eq!(refused.errors[0].field, "customer.phone");
    let mut chosen = ticket_body("SN-REC-1");
    chosen["customer_id"] = a["id"].clone();
    let refused = svc
        .refused("ticket.open", chosen.clone(), Some(&agent))
        .await;
    assert_eq!(refused.errors[0].field, "customer_id");
    assert_eq!(
        svc.ok(
            "machine.list",
            json!({"customer_id": a_id, "limit": 10}),
            Some(&agent)
        )
        .await["items"][0]["id"],
        m["id"]
    );
    let on = svc
        .ok("customer.set_active", json!({"customer_id": a_id, "active": true, "reason": "reopened", "expected_version": 3}), Some(&agent))
        .await;
    assert_eq!(on["status"], "active");
    let t = svc.ok("ticket.open", chosen, Some(&agent)).await;
    assert_eq!((&t["customer_id"], &t["machine_id"]), (&a["id"], &m["id"]));
    let status_lines: Vec<_> = lines(&a_id)
        .await
        .into_iter()
        .filter(|l| l.0 == "status")
        .collect();
    assert_eq!(
        status_lines,
        vec![
            ("status".into(), json!("active"), json!("inactive")),
            ("status".into(), json!("inactive"), json!("active")),
        ]
    );

    // B turns out to be A: its ticket, machine and phone move to A.
    let mut b_ticket = ticket_body("SN-REC-2");
    b_ticket["customer"]["phone"] = json!("020 6666 0202");
    let bt = svc.ok("ticket.open", b_ticket, Some(&agent)).await;
    assert_eq!(bt["customer_id"], b["id"]);
    let stale = svc
        .refused(
            "customer.merge",
            json!({"customer_id": a_id, "duplicate_id": b["number"], "expected_version": 1}),
            Some(&agent),
        )
        .await;
    assert_eq!(stale.status, 412);
    let itself = svc
        .refused(
            "customer.merge",
            json!({"customer_id": a_id, "duplicate_id": a_id, "expected_version": 4}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (itself.status, itself.errors[0].field.as_str()),
        (422, "duplicate_id")
    );
    let merged = svc
        .ok("customer.merge", json!({"customer_id": a_id, "duplicate_id": b["number"], "reason": "same shop", "expected_version": 4}), Some(&agent))
        .await;
    assert_eq!(merged["version"], 5);
    assert_eq!(
        merged["contacts"][0]["phones"],
        json!(["+86 20 5555 0101", "138 0013 8000", "020-6666-0202"])
    );
    let gone = svc
        .ok("customer.get", json!({"id": b["id"]}), Some(&agent))
        .await;
    assert_eq!(
        (gone["status"].as_str(), &gone["merged_into"]),
        (Some("merged"), &a["id"])
    );
    assert_eq!(
        svc.ok("ticket.get", json!({"id": bt["id"]}), Some(&agent))
            .await["customer_id"],
        a["id"]
    );
    let b_machine = svc
        .ok("machine.get", json!({"id": bt["machine_id"]}), Some(&agent))
        .await;
    assert_eq!(b_machine["customer_id"], a["id"]);
    let by_phone = svc
        .ok(
            "customer.find",
            json!({"phone": "02066660202", "limit": 10}),
            Some(&agent),
        )
        .await;
    assert_eq!(by_phone["items"].as_array().unwrap().len(), 1);
    assert_eq!(by_phone["items"][0]["id"], a["id"]);
    let baiyun = svc
        .ok(
            "customer.find",
            json!({"name": "baiyun", "include_inactive": true, "limit": 10}),
            Some(&agent),
        )
        .await;
    assert!(baiyun["items"].as_array().unwrap().is_empty(), "{baiyun}");
    let a_lines = lines(&a_id).await;
    assert!(
        a_lines.iter().any(|l| l.0 == "merged_from"
            && l.2
                .as_str()
                .unwrap()
                .starts_with(b["number"].as_str().unwrap())),
        "{a_lines:?}"
    );
    assert_eq!(
        lines(b["id"].as_str().unwrap())
            .await
            .iter()
            .map(|l| l.0.as_str())
            .collect::<Vec<_>>(),
        ["status", "merged_into"]
    );
    let b_machine_lines = history(
        &svc,
        "machine.history",
        json!({"machine_id": bt["machine_id"], "limit": 10}),
    )
    .await;
    assert_eq!(
        b_machine_lines,
        vec![("customer_id".into(), b["id"].clone(), a["id"].clone())]
    );
    let staged = svc.db().staged("intake.customer.merged").await.unwrap();
    assert_eq!(staged.len(), 1);
    let data = &staged[0].envelope["data"];
    assert_eq!(
        (
            &data["customer_id"],
            &data["duplicate_id"],
            &data["tickets_moved"]
        ),
        (&a["id"], &b["id"], &json!(1))
    );
    // A ticket for the merged record goes to the one that stays; a second merge is refused.
    let mut for_b = ticket_body("SN-REC-3");
    for_b["customer_id"] = b["id"].clone();
    assert_eq!(
        svc.ok("ticket.open", for_b, Some(&agent)).await["customer_id"],
        a["id"]
    );
    let again = svc
        .refused(
            "customer.merge",
            json!({"customer_id": a_id, "duplicate_id": b["id"], "expected_version": 5}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (again.status, again.errors[0].field.as_str()),
        (409, "duplicate_id")
    );
    let change_gone = svc
        .refused(
            "customer.update",
            json!({"customer_id": b["id"], "notes": "x", "expected_version": gone["version"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(change_gone.status, 409);
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn customers_and_machines_are_kept_with_their_history_on_sqlite() {
    customers_and_machines_are_kept_with_their_history(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn customers_and_machines_are_kept_with_their_history_on_postgresql() {
    customers_and_machines_are_kept_with_their_history(TestBackend::Postgres).await;
}

async fn notes_on_a_ticket_are_internal_or_shown_to_the_customer(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let t = svc
        .ok("ticket.open", ticket_body("SN-NOTE-1"), Some(&agent))
        .await;
    let empty = svc
        .refused(
            "ticket.add_note",
            json!({"ticket_id": t["id"], "text": " ", "visibility": "internal"}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (empty.status, empty.errors[0].field.as_str()),
        (422, "text")
    );
    let internal = svc
        .ok("ticket.add_note", json!({"ticket_id": t["number"], "text": "difficult customer", "visibility": "internal"}), Some(&agent))
        .await;
    assert_eq!(
        (internal["actor"].as_str(), &internal["ticket_id"]),
        (Some("agent-1"), &t["id"])
    );
    svc.ok("ticket.add_note", json!({"ticket_id": t["id"], "text": "the technician comes on Tuesday", "visibility": "customer"}), Some(&agent))
        .await;
    let list = |customer_only: bool| {
        let (svc, id) = (&svc, t["id"].clone());
        async move {
            svc.ok(
                "ticket.notes",
                json!({"ticket_id": id, "customer_visible_only": customer_only, "limit": 10}),
                Some(&staff(Role::Agent)),
            )
            .await["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["text"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        list(false).await,
        ["difficult customer", "the technician comes on Tuesday"]
    );
    assert_eq!(list(true).await, ["the technician comes on Tuesday"]);
    // A note changes nothing on the ticket.
    assert_eq!(
        svc.ok("ticket.get", json!({"id": t["id"]}), Some(&agent))
            .await["version"],
        t["version"]
    );
    svc.stop().await.unwrap();
}

#[tokio::test]
async fn notes_on_a_ticket_are_internal_or_shown_to_the_customer_on_sqlite() {
    notes_on_a_ticket_are_internal_or_shown_to_the_customer(TestBackend::Sqlite).await;
}

#[tokio::test]
async fn notes_on_a_ticket_are_internal_or_shown_to_the_customer_on_postgresql() {
    notes_on_a_ticket_are_internal_or_shown_to_the_customer(TestBackend::Postgres).await;
}

/// `ms` as the RFC 3339 instant the API shows.
fn instant(v: &Value) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("{v}")))
        .unwrap()
        .with_timezone(&chrono::Utc)
}

/// A fault on the phone that dispatch booked a technician for.
async fn in_service(svc: &ServiceHarness, serial: &str) -> Value {
    use aftercare_contracts::Envelope;
    use aftercare_contracts::dispatch::WorkOrderAssigned;
    let t = svc
        .ok("ticket.open", ticket_body(serial), Some(&agent()))
        .await;
    let assigned = WorkOrderAssigned {
        work_order_id: uuid::Uuid::now_v7(),
        number: format!("W-{serial}"),
        ticket_id: serde_json::from_value(t["id"].clone()).unwrap(),
        technician_id: uuid::Uuid::now_v7(),
        technician_name: "Li Wei".into(),
        priority: serde_json::from_value(t["priority"].clone()).unwrap(),
        reasons: vec![],
        assigned_at: chrono::Utc::now(),
    };
    svc.publish(&Envelope::new(assigned, Some(Actor::system())))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let t = svc
        .ok("ticket.get", json!({"id": t["id"]}), Some(&agent()))
        .await;
    assert_eq!(t["status"], "in_service", "{t}");
    t
}

async fn a_backordered_repair_does_not_breach_while_it_waits(backend: TestBackend) {
    use aftercare_contracts::Envelope;
    use aftercare_contracts::dispatch::{PartUsed, WorkOrderWaitingForParts};
    let svc = intake(backend).await;
    let agent = agent();
    let waiting = in_service(&svc, "SN-PAUSE-1").await;
    let running = in_service(&svc, "SN-PAUSE-2").await;
    // The visit finds the drum missing; dispatch books the return visit for when it comes.
    let backordered = WorkOrderWaitingForParts {
        work_order_id: uuid::Uuid::now_v7(),
        number: "W-SN-PAUSE-1".into(),
        ticket_id: serde_json::from_value(waiting["id"].clone()).unwrap(),
        technician_id: uuid::Uuid::now_v7(),
        revisit_work_order_id: uuid::Uuid::now_v7(),
        revisit_number: "W-SN-PAUSE-1-R".into(),
        parts_needed: vec![PartUsed {
            sku: "DRUM-2048".into(),
            quantity: 1,
            location: None,
        }],
        diagnosis: "drum scratched".into(),
        at: chrono::Utc::now(),
        visit: None,
    };
    svc.publish(&Envelope::new(backordered, Some(Actor::system())))
        .await
        .unwrap();
    svc.settled().await.unwrap();
    let id = waiting["id"].as_str().unwrap().to_owned();
    let t = svc.ok("ticket.get", json!({"id": id}), Some(&agent)).await;
    assert_eq!(t["status"], "waiting_for_parts");
    assert!(t["sla"]["paused_since"].is_string(), "{t}");

    // The part takes three weeks: the clock stopped 30 days ago, and the resolution
    // deadline fell 20 days ago, in the middle of the wait. The other ticket's deadline
    // passed too, with its clock running.
    let day = 86_400_000_i64;
    let now = chrono::Utc::now().timestamp_millis();
    svc.db()
        .execute(&format!(
            "update ticket set paused_since = {p}, resolution_warn_at = {w}, resolution_due = {d}
             where ticket_id = '{id}'",
            p = now - 30 * day,
            w = now - 21 * day,
            d = now - 20 * day,
        ))
        .await
        .unwrap();
    svc.db()
        .execute(&format!(
            "update ticket set resolution_warn_at = {w}, resolution_due = {d} where ticket_id = '{}'",
            running["id"].as_str().unwrap(),
            w = now - 21 * day,
            d = now - 20 * day,
        ))
        .await
        .unwrap();
    let running_id = running["id"].clone();
    svc.next_published("intake.ticket.sla_breached", |e| {
        e["data"]["ticket_id"] == running_id
    })
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    // The waiting repair was neither warned nor breached, nor is it listed as breached.
    for subject in ["intake.ticket.sla_warning", "intake.ticket.sla_breached"] {
        assert!(
            svc.published(subject)
                .iter()
                .all(|e| e["data"]["ticket_id"] != json!(id)),
            "{subject}"
        );
    }
    let breached = svc
        .ok(
            "ticket.list",
            json!({"sla": "breached", "limit": 50}),
            Some(&agent),
        )
        .await;
    let ids: Vec<&Value> = breached["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["id"])
        .collect();
    assert!(
        ids.contains(&&running_id) && !ids.contains(&&json!(id)),
        "{ids:?}"
    );
    let paused = svc.ok("ticket.get", json!({"id": id}), Some(&agent)).await;
    assert!(
        paused["sla"]["paused_minutes"].as_u64().unwrap() > 5 * 450,
        "three weeks of working time: {paused}"
    );

    // The part arrives: the repair goes on, and the working time the deadline had left
    // when the clock stopped (about eight working days) counts from now.
    let resumed = svc
        .ok(
            "ticket.transition",
            json!({"ticket_id": id, "to": "in_service", "reason": "drum arrived", "expected_version": paused["version"]}),
            Some(&agent),
        )
        .await;
    assert!(resumed["sla"].get("paused_since").is_none(), "{resumed}");
    let due = instant(&resumed["sla"]["resolution_due"]);
    assert!(
        due > chrono::Utc::now() + chrono::Duration::days(5),
        "{resumed}"
    );
    let total = resumed["sla"]["paused_minutes"].as_u64().unwrap();
    assert!(total > 5 * 450, "{resumed}");
    let pauses = svc
        .db()
        .rows(&format!(
            "select status, ended_at from ticket_pause where ticket_id = '{id}'"
        ))
        .await
        .unwrap();
    assert_eq!(pauses.len(), 1);
    assert_eq!(pauses[0]["status"], "waiting_for_parts");
    assert!(pauses[0]["ended_at"].is_i64(), "{pauses:?}");
    let on_track = svc
        .ok(
            "ticket.list",
            json!({"sla": "on_track", "limit": 50}),
            Some(&agent),
        )
        .await;
    assert!(
        on_track["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == json!(id)),
        "{on_track}"
    );
    // The report shows the paused time.
    let from = chrono::Utc::now() - chrono::Duration::days(1);
    let report = svc
        .ok(
            "report.tickets",
            json!({"from": from, "to": chrono::Utc::now() + chrono::Duration::hours(1), "group_by": "priority"}),
            Some(&admin()),
        )
        .await;
    assert_eq!(report["total"]["paused"], 1, "{report}");
    assert!(
        report["total"]["paused_minutes"].as_f64().unwrap() >= total as f64,
        "{report}"
    );
    svc.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backordered_repair_does_not_breach_while_it_waits_on_sqlite() {
    a_backordered_repair_does_not_breach_while_it_waits(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backordered_repair_does_not_breach_while_it_waits_on_postgresql() {
    a_backordered_repair_does_not_breach_while_it_waits(TestBackend::Postgres).await;
}

async fn a_ticket_waits_for_the_customer_and_goes_back_where_it_was(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let move_to = |t: Value, to: &'static str| {
        let (svc, agent) = (&svc, &agent);
        async move {
            svc.ok(
                "ticket.transition",
                json!({"ticket_id": t["id"], "to": to, "reason": "customer", "expected_version": t["version"]}),
                Some(agent),
            )
            .await
        }
    };
    // A consultation waits for the customer to find the machine's serial.
    let t = consultation(&svc, "SN-WAIT-1").await;
    let t = move_to(t, "triaged").await;
    let waiting = move_to(t, "waiting_for_customer").await;
    assert_eq!(waiting["status"], "waiting_for_customer");
    assert!(waiting["sla"]["paused_since"].is_string(), "{waiting}");
    let refused = svc
        .refused(
            "ticket.transition",
            json!({"ticket_id": waiting["id"], "to": "in_service", "expected_version": waiting["version"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (refused.status, refused.code.as_str()),
        (409, "illegal_transition")
    );
    let back = move_to(waiting, "triaged").await;
    assert_eq!(back["status"], "triaged");
    assert!(back["sla"].get("paused_since").is_none(), "{back}");

    // A visit waiting for dispatch while the customer is away is not requested twice.
    let visit = svc
        .ok("ticket.open", ticket_body("SN-WAIT-2"), Some(&agent))
        .await;
    assert_eq!(visit["status"], "needs_visit");
    let away = move_to(visit.clone(), "waiting_for_customer").await;
    let again = move_to(away, "needs_visit").await;
    assert_eq!(again["status"], "needs_visit");
    let requested = svc
        .db()
        .count(&format!(
            "select count(*) from outbox where subject = 'intake.ticket.visit_requested'
             and payload like '%{}%'",
            visit["id"].as_str().unwrap()
        ))
        .await
        .unwrap();
    assert_eq!(requested, 0, "the visit was requested when it was opened");
    svc.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_waits_for_the_customer_and_goes_back_where_it_was_on_sqlite() {
    a_ticket_waits_for_the_customer_and_goes_back_where_it_was(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_ticket_waits_for_the_customer_and_goes_back_where_it_was_on_postgresql() {
    a_ticket_waits_for_the_customer_and_goes_back_where_it_was(TestBackend::Postgres).await;
}

async fn a_promised_reply_warns_escalates_and_is_kept(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    let t = consultation(&svc, "SN-REPLY-1").await;
    let id = t["id"].as_str().unwrap().to_owned();
    let soon = chrono::Utc::now() + chrono::Duration::hours(2);

    let past = svc
        .refused(
            "ticket.promise_reply",
            json!({"ticket_id": id, "reply_by": chrono::Utc::now() - chrono::Duration::minutes(5), "expected_version": t["version"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (
            past.status,
            past.errors[0].field.as_str(),
            past.errors[0].code.as_str()
        ),
        (422, "reply_by", "in_past")
    );
    let stale = svc
        .refused(
            "ticket.promise_reply",
            json!({"ticket_id": id, "reply_by": soon, "expected_version": 99}),
            Some(&agent),
        )
        .await;
    assert_eq!(stale.status, 412);
    let nothing_owed = svc
        .refused(
            "ticket.record_reply",
            json!({"ticket_id": id, "expected_version": t["version"]}),
            Some(&agent),
        )
        .await;
    assert_eq!(
        (nothing_owed.status, nothing_owed.code.as_str()),
        (409, "no_promised_reply")
    );

    let promised = svc
        .ok(
            "ticket.promise_reply",
            json!({"ticket_id": id, "reply_by": soon, "note": "报价", "expected_version": t["version"]}),
            Some(&agent),
        )
        .await;
    let p = &promised["promised_reply"];
    assert_eq!(p["promised_by"], "agent-1", "{promised}");
    assert_eq!(p["note"], "报价");
    assert_eq!(instant(&p["reply_by"]).timestamp(), soon.timestamp());
    assert_eq!(promised["version"], t["version"].as_i64().unwrap() + 1);

    // Time passes: the warning, then the escalation, once each.
    svc.db()
        .execute(&format!(
            "update ticket set reply_warn_at = 1 where ticket_id = '{id}'"
        ))
        .await
        .unwrap();
    let warned = svc
        .next_published("intake.ticket.reply_due", |e| {
            e["data"]["ticket_id"] == json!(id)
        })
        .await
        .unwrap();
    assert_eq!(warned["data"]["promised_by"], "agent-1");
    svc.db()
        .execute(&format!(
            "update ticket set reply_by = 2 where ticket_id = '{id}'"
        ))
        .await
        .unwrap();
    svc.next_published("intake.ticket.reply_overdue", |e| {
        e["data"]["ticket_id"] == json!(id)
    })
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for subject in ["intake.ticket.reply_due", "intake.ticket.reply_overdue"] {
        assert_eq!(svc.published(subject).len(), 1, "{subject}");
    }

    // The agent calls back: the promise is kept and shows no more.
    let current = svc.ok("ticket.get", json!({"id": id}), Some(&agent)).await;
    let kept = svc
        .ok(
            "ticket.record_reply",
            json!({"ticket_id": id, "note": "quoted 380 yuan", "expected_version": current["version"]}),
            Some(&agent),
        )
        .await;
    assert!(kept.get("promised_reply").is_none(), "{kept}");
    let history = svc
        .ok(
            "ticket.history",
            json!({"ticket_id": id, "limit": 50}),
            Some(&agent),
        )
        .await;
    let reasons: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["reason"].as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.starts_with("reply promised by")),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"replied as promised: quoted 380 yuan"),
        "{reasons:?}"
    );

    // Cancelling a ticket drops the reply it owed.
    let again = svc
        .ok(
            "ticket.promise_reply",
            json!({"ticket_id": id, "reply_by": soon, "expected_version": kept["version"]}),
            Some(&agent),
        )
        .await;
    let cancelled = svc
        .ok(
            "ticket.transition",
            json!({"ticket_id": id, "to": "cancelled", "reason": "duplicate", "expected_version": again["version"]}),
            Some(&agent),
        )
        .await;
    assert!(cancelled.get("promised_reply").is_none(), "{cancelled}");
    svc.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_promised_reply_warns_escalates_and_is_kept_on_sqlite() {
    a_promised_reply_warns_escalates_and_is_kept(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_promised_reply_warns_escalates_and_is_kept_on_postgresql() {
    a_promised_reply_warns_escalates_and_is_kept(TestBackend::Postgres).await;
}

async fn the_ticket_report_groups_by_channel(backend: TestBackend) {
    let svc = intake(backend).await;
    let agent = agent();
    // Two phone calls, a web request and a walk-in complaint.
    for (serial, channel, kind) in [
        ("SN-CH-1", "phone", "fault"),
        ("SN-CH-2", "phone", "fault"),
        ("SN-CH-3", "web", "consultation"),
        ("SN-CH-4", "walk_in", "complaint"),
    ] {
        let mut body = ticket_body(serial);
        body["channel"] = json!(channel);
        body["type"] = json!(kind);
        svc.ok("ticket.open", body, Some(&agent)).await;
    }
    let from = chrono::Utc::now() - chrono::Duration::hours(1);
    let report = svc
        .ok(
            "report.tickets",
            json!({"from": from, "to": chrono::Utc::now() + chrono::Duration::hours(1), "group_by": "channel"}),
            Some(&admin()),
        )
        .await;
    assert_eq!(report["group_by"], "channel", "{report}");
    let rows: Vec<(&str, u64, u64, u64)> = report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap(),
                r["tickets"].as_u64().unwrap(),
                r["responded"].as_u64().unwrap(),
                r["complaints"].as_u64().unwrap(),
            )
        })
        .collect();
    // A phone call registered by an agent is answered; the web request waits.
    assert_eq!(
        rows,
        [("phone", 2, 2, 0), ("walk_in", 1, 1, 1), ("web", 1, 0, 0)],
        "{report}"
    );
    assert_eq!(report["total"]["tickets"], 4);
    svc.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_report_groups_by_channel_on_sqlite() {
    the_ticket_report_groups_by_channel(TestBackend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_ticket_report_groups_by_channel_on_postgresql() {
    the_ticket_report_groups_by_channel(TestBackend::Postgres).await;
}
