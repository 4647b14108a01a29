//! Company settings through the gateway: the company profile a receipt is headed with is
//! read by the roles that print and changed only by the administrator, at the version read
//! (428 without it, 412 when stale), with who stored it and when; a bad field is refused
//! naming it and changes nothing; the fault list a visit report names its fault from is read
//! by the technicians and the desk and replaced by the administrator alone, the same way.
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::*;

use crate::helpers::STAFF_PASSWORD as PASSWORD;

/// A POST with `If-Match` when a version is given: the status, the ETag and the body.
async fn post_if(
    api: &Api,
    path: &str,
    version: Option<i64>,
    body: &Value,
) -> (u16, Option<String>, Value) {
    let mut r = api.request(Method::POST, path).await.json(body);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    let resp = r.send().await.expect("send");
    let status = resp.status().as_u16();
    let etag = resp
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, etag, resp.json().await.unwrap_or(Value::Null))
}

async fn the_company_profile_heads_receipts(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let admin = &sys.api;
    let finance = account(&sys.api, "cashier-li", "finance", json!({})).await;
    let technician = account(&sys.api, "dispatch-wu", "dispatcher", json!({})).await;

    let (s, p) = finance.get("/company-profile").await;
    assert_eq!(
        (s, &p["profile"], &p["version"]),
        (200, &Value::Null, &json!(0)),
        "{p}"
    );
    let (s, _) = technician.get("/company-profile").await;
    assert_eq!(s, 403);

    let profile = json!({"profile": {"name_zh": "广州办公设备服务有限公司", "name_en": "Guangzhou Office Equipment Service Co., Ltd.",
        "address": "广州市天河区体育西路 1 号", "phone": "020-3888 1234", "tax_number": "91440101MA5CXXXX0X",
        "bank_name": "中国工商银行广州天河支行", "bank_account": "3602 0000 1234 5678", "receipt_footer": "本收据加盖公章有效"}});
    let (s, _, _) = post_if(&finance, "/company-profile", Some(0), &profile).await;
    assert_eq!(s, 403, "finance reads the profile but does not change it");
    let (s, _, p) = post_if(admin, "/company-profile", None, &profile).await;
    assert_eq!(s, 428, "{p}");
    let (s, etag, p) = post_if(admin, "/company-profile", Some(0), &profile).await;
    assert_eq!((s, etag.as_deref()), (200, Some("\"1\"")), "{p}");
    let (_, me) = admin.get("/me").await;
    assert_eq!(p["updated_by"], me["account_id"], "{p} {me}");
    assert!(p["updated_at"].is_string(), "{p}");

    let (s, p) = finance.get("/company-profile").await;
    assert_eq!(
        (s, p["profile"]["name_zh"].as_str(), p["version"].as_i64()),
        (200, Some("广州办公设备服务有限公司"), Some(1)),
        "{p}"
    );

    let (s, _, p) = post_if(admin, "/company-profile", Some(0), &profile).await;
    assert_eq!(s, 412, "{p}");
    let mut bad = profile.clone();
    bad["profile"]["tax_number"] = json!("9144-0101");
    let (s, _, p) = post_if(admin, "/company-profile", Some(1), &bad).await;
    assert_eq!(
        (
            s,
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["code"].as_str()
        ),
        (422, Some("profile.tax_number"), Some("invalid")),
        "{p}"
    );
    let (_, p) = admin.get("/company-profile").await;
    assert_eq!(p["version"], 1);
}

#[tokio::test]
async fn the_company_profile_heads_receipts_on_sqlite() {
    the_company_profile_heads_receipts(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_company_profile_heads_receipts_on_postgresql() {
    the_company_profile_heads_receipts(Backend::Postgres).await;
}

async fn the_fault_list_is_read_by_the_field_and_kept_by_the_administrator(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let admin = &sys.api;
    let zhao = admin.technician().await;
    let body = json!({"login": "tech-zhao", "display_name": "Zhao", "role": "technician",
        "password": PASSWORD, "technician_id": zhao["id"]});
    let (s, v) = admin.post("/accounts", &body).await;
    assert_eq!(s, 201, "{v}");
    let technician = admin.signed_in_as("tech-zhao", PASSWORD);
    let agent = account(&sys.api, "agent-qian", "agent", json!({})).await;
    let dispatcher = account(&sys.api, "dispatch-sun", "dispatcher", json!({})).await;
    let finance = account(&sys.api, "cashier-zhou", "finance", json!({})).await;

    // The built-in list at version 0, read by the field and the desk.
    for api in [&technician, &agent, &dispatcher] {
        let (s, p) = api.get("/fault-codes").await;
        assert_eq!((s, &p["version"]), (200, &json!(0)), "{p}");
        assert_eq!(
            p["codes"][0],
            json!({"code": "paper_feed", "label_zh": "进纸故障", "label_en": "Paper feed", "active": true}),
            "{p}"
        );
    }
    let (s, _) = finance.get("/fault-codes").await;
    assert_eq!(s, 403);

    let list = json!({"codes": [
        {"code": "paper_jam", "label_zh": "卡纸", "label_en": "Paper jam", "active": true},
        {"code": "fuser", "label_zh": " 定影器 ", "label_en": "Fuser", "active": false},
    ]});
    for api in [&technician, &agent, &dispatcher] {
        let (s, _, _) = post_if(api, "/fault-codes", Some(0), &list).await;
        assert_eq!(s, 403, "only the administrator changes the fault list");
    }
    let (s, _, p) = post_if(admin, "/fault-codes", None, &list).await;
    assert_eq!(s, 428, "{p}");
    let (s, etag, p) = post_if(admin, "/fault-codes", Some(0), &list).await;
    assert_eq!((s, etag.as_deref()), (200, Some("\"1\"")), "{p}");
    assert_eq!(p["codes"][1]["label_zh"], "定影器", "stored trimmed: {p}");

    let (s, p) = technician.get("/fault-codes").await;
    assert_eq!(
        (
            s,
            p["version"].as_i64(),
            p["codes"].as_array().map(Vec::len)
        ),
        (200, Some(1), Some(2)),
        "{p}"
    );
    assert_eq!(p["codes"][1]["active"], false, "{p}");

    let (s, _, p) = post_if(admin, "/fault-codes", Some(0), &list).await;
    assert_eq!(s, 412, "{p}");
    let mut bad = list.clone();
    bad["codes"][1]["code"] = json!("paper_jam");
    let (s, _, p) = post_if(admin, "/fault-codes", Some(1), &bad).await;
    assert_eq!(
        (
            s,
            p["errors"][0]["field"].as_str(),
            p["errors"][0]["code"].as_str()
        ),
        (422, Some("codes[1].code"), Some("duplicate")),
        "{p}"
    );
    let (_, p) = admin.get("/fault-codes").await;
    assert_eq!(p["version"], 1);
}

#[tokio::test]
async fn the_fault_list_is_read_by_the_field_and_kept_by_the_administrator_on_sqlite() {
    the_fault_list_is_read_by_the_field_and_kept_by_the_administrator(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_fault_list_is_read_by_the_field_and_kept_by_the_administrator_on_postgresql() {
    the_fault_list_is_read_by_the_field_and_kept_by_the_administrator(Backend::Postgres).await;
}

/// Every company setting's history, by the one path each has: `GET /<setting>/history`.
const HISTORIES: [&str; 9] = [
    "/priority-rules/history",
    "/sla-policy/history",
    "/notification-templates/history",
    "/duration-defaults/history",
    "/fault-codes/history",
    "/company-profile/history",
    "/quality-thresholds/history",
    "/call-rules/history",
    "/questionnaire/history",
];

async fn every_settings_history_is_read_by_managers_and_administrators(backend: Backend) {
    let sys = System::new(backend).await;
    let _all = sys.spawn(&ROLES, &[]).await;
    let admin = &sys.api;
    let manager = account(&sys.api, "manager-he", "manager", json!({})).await;
    let agent = account(&sys.api, "agent-lu", "agent", json!({})).await;
    let dispatcher = account(&sys.api, "dispatch-ma", "dispatcher", json!({})).await;

    // Before anything is stored, every history is empty for those who may read it and
    // refused to everyone else.
    for path in HISTORIES {
        for api in [admin, &manager] {
            let (s, p) = api.get(path).await;
            assert_eq!((s, &p["items"]), (200, &json!([])), "{path}: {p}");
        }
        for api in [&agent, &dispatcher] {
            let (s, _) = api.get(path).await;
            assert_eq!(s, 403, "{path}");
        }
    }

    let first = json!({"codes": [
        {"code": "paper_jam", "label_zh": "卡纸", "label_en": "Paper jam", "active": true},
    ]});
    let second = json!({"codes": [
        {"code": "paper_jam", "label_zh": "卡纸", "label_en": "Paper jam", "active": false},
        {"code": "fuser", "label_zh": "定影器", "label_en": "Fuser", "active": true},
    ]});
    let (s, _, p) = post_if(admin, "/fault-codes", Some(0), &first).await;
    assert_eq!(s, 200, "{p}");
    let (s, _, p) = post_if(admin, "/fault-codes", Some(1), &second).await;
    assert_eq!(s, 200, "{p}");
    let (_, me) = admin.get("/me").await;
    let me_id = me["account_id"].as_str().expect("account id").to_owned();
    let (_, me) = admin.get(&format!("/accounts/{me_id}")).await;

    let (s, p) = manager.get("/fault-codes/history").await;
    assert_eq!(s, 200, "{p}");
    let versions: Vec<_> = p["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|v| v["version"].as_i64())
        .collect();
    assert_eq!(versions, vec![Some(2), Some(1)], "newest first: {p}");
    assert_eq!(p["items"][0]["items"], second["codes"], "{p}");
    assert_eq!(p["items"][1]["items"], first["codes"], "{p}");
    assert_eq!(p["items"][0]["updated_by"], me_id.as_str(), "{p}");
    assert_eq!(
        p["items"][0]["updated_by_name"], me["display_name"],
        "named by the account's display name: {p} {me}"
    );
    assert!(p["items"][0]["updated_at"].is_string(), "{p}");
    assert!(p.get("next_cursor").is_none(), "{p}");

    // A page at a time.
    let (s, p) = admin.get("/fault-codes/history?limit=1").await;
    assert_eq!(
        (s, p["items"][0]["version"].as_i64()),
        (200, Some(2)),
        "{p}"
    );
    let cursor = p["next_cursor"].as_str().expect("a next page").to_owned();
    let (s, p) = admin
        .get(&format!("/fault-codes/history?limit=1&cursor={cursor}"))
        .await;
    assert_eq!(
        (s, p["items"][0]["version"].as_i64()),
        (200, Some(1)),
        "{p}"
    );
    let (s, p) = admin.get("/fault-codes/history?limit=1&cursor=1").await;
    assert_eq!((s, &p["items"]), (200, &json!([])), "{p}");

    // The other settings' histories are their own.
    let (_, p) = admin.get("/priority-rules/history").await;
    assert_eq!(p["items"], json!([]), "{p}");

    // The questionnaire keeps its versions in a table of its own: each holds its questions,
    // then one entry with the level scores and the follow-up level.
    let (_, q) = admin.get("/questionnaire").await;
    let mut questions = q["questions"].clone();
    questions[0]["text_en"] = json!("How satisfied were you with the repair?");
    let (s, _, saved) = post_if(
        admin,
        "/questionnaire",
        q["version"].as_i64(),
        &json!({"questions": questions, "levels": q["levels"], "follow_up_at": q["follow_up_at"]}),
    )
    .await;
    assert_eq!(s, 200, "{saved}");
    let (s, p) = manager.get("/questionnaire/history").await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["items"].as_array().map(Vec::len), Some(1), "{p}");
    assert_eq!(p["items"][0]["version"], saved["version"], "{p}");
    let n = questions.as_array().map_or(0, Vec::len);
    let held = p["items"][0]["items"].as_array().expect("entries");
    assert_eq!(
        held[..n],
        questions.as_array().expect("questions")[..],
        "{p}"
    );
    assert_eq!(
        held[n..],
        [json!({"levels": q["levels"], "follow_up_at": q["follow_up_at"]})],
        "{p}"
    );
    assert_eq!(p["items"][0]["updated_by_name"], me["display_name"], "{p}");
    let (s, _) = agent.get("/questionnaire/history").await;
    assert_eq!(s, 403);

    for (query, field) in [("limit=0", "limit"), ("cursor=x", "cursor")] {
        let (s, p) = admin.get(&format!("/fault-codes/history?{query}")).await;
        assert_eq!(
            (s, p["errors"][0]["field"].as_str()),
            (422, Some(field)),
            "{query}: {p}"
        );
    }
}

#[tokio::test]
async fn every_settings_history_is_read_by_managers_and_administrators_on_sqlite() {
    every_settings_history_is_read_by_managers_and_administrators(Backend::Sqlite).await;
}

#[tokio::test]
async fn every_settings_history_is_read_by_managers_and_administrators_on_postgresql() {
    every_settings_history_is_read_by_managers_and_administrators(Backend::Postgres).await;
}
