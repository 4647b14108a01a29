//! Attachments end to end: photos and signatures uploaded to work orders and tickets,
//! checked by their bytes and limits, kept on the local file store, seen only by those
//! who see their owner (another customer's or technician's answers 404), referenced by
//! the visit report (a chargeable visit needs the signature), an interrupted upload
//! storing nothing and its whole retry storing one, and orphaned uploads removed by the
//! job once their work order's report was filed without them; on SQLite and PostgreSQL,
//! with the files on the local file store and on an S3-compatible server (moto's, started
//! by the test kit) the gateway reaches through `s3://bucket/prefix` and the `AWS_*`
//! variables.
use std::time::Duration;

use aftercare_testkit::{S3Server, poll_for};
use serde_json::{Value, json};
use tokio::io::AsyncWriteExt;

use crate::helpers::{Api, Backend, ROLES, System, WAIT, account, ticket_body};

/// A real 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82";

/// The start of a JPEG (JFIF), padded to `len` bytes.
fn jpeg(len: usize) -> Vec<u8> {
    let mut b = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00".to_vec();
    b.resize(len.max(b.len()), 0x42);
    b
}

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

/// Uploads `bytes` as `content_type` to `path` (`…/attachments`) with `?kind=`.
async fn upload(
    api: &Api,
    path: &str,
    kind: &str,
    content_type: &str,
    bytes: Vec<u8>,
    key: Option<&str>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut r = api
        .request(reqwest::Method::POST, &format!("{path}?kind={kind}"))
        .await
        .header("content-type", content_type)
        .body(bytes);
    if let Some(k) = key {
        r = r.header("idempotency-key", k);
    }
    let r = r.send().await.expect("upload");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, r.json().await.unwrap_or(Value::Null), headers)
}

/// The problem's first field error as (field, code).
fn field(problem: &Value) -> (String, String) {
    (
        problem["errors"][0]["field"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
        problem["errors"][0]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned(),
    )
}

async fn content(api: &Api, id: &str) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let r = api
        .request(reqwest::Method::GET, &format!("/attachments/{id}/content"))
        .await
        .send()
        .await
        .expect("content");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.bytes().await.expect("bytes").to_vec())
}

/// Where the gateway keeps the files in a run.
enum Store {
    /// A directory (the local file store).
    Local(std::path::PathBuf),
    /// A prefix in the bucket of an S3-compatible server.
    S3(Box<S3Server>, &'static str),
}

impl Store {
    /// The environment that points the gateway at the store.
    fn env(&self) -> Vec<(String, String)> {
        match self {
            Store::Local(dir) => vec![(
                "AFTERCARE_ATTACHMENTS_URL".into(),
                format!("file://{}", dir.display()),
            )],
            Store::S3(s3, prefix) => {
                let mut env = s3.env();
                env.push(("AFTERCARE_ATTACHMENTS_URL".into(), s3.url(prefix)));
                env
            }
        }
    }

    /// The names (last path segment) of the files stored, read from the store itself.
    async fn stored_files(&self) -> Vec<String> {
        match self {
            Store::Local(dir) => {
                fn walk(d: &std::path::Path, out: &mut Vec<String>) {
                    for e in std::fs::read_dir(d).into_iter().flatten().flatten() {
                        let p = e.path();
                        if p.is_dir() {
                            walk(&p, out);
                        } else {
                            out.push(e.file_name().to_string_lossy().into_owned());
                        }
                    }
                }
                let mut out = Vec::new();
                walk(dir, &mut out);
                out
            }
            Store::S3(s3, prefix) => s3
                .keys(&format!("{prefix}/"))
                .await
                .expect("list the bucket")
                .iter()
                .map(|k| k.rsplit('/').next().unwrap_or("").to_owned())
                .collect(),
        }
    }
}

/// Sends the start of an upload on a raw connection and drops it halfway through the
/// body, as a phone losing its signal does.
async fn interrupted_upload(sys: &System, api: &Api, path: &str, key: &str, body: &[u8]) {
    let token = api.token().await;
    let mut conn = tokio::net::TcpStream::connect(("127.0.0.1", sys.gateway_port))
        .await
        .expect("connect");
    let head = format!(
        "POST /api/v1{path}?kind=photo HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nIdempotency-Key: {key}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).await.expect("head");
    conn.write_all(&body[..body.len() / 2]).await.expect("half");
    conn.flush().await.expect("flush");
    tokio::time::sleep(Duration::from_millis(300)).await;
    drop(conn);
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Where a run keeps its files.
enum On {
    LocalFiles,
    S3,
}

async fn attachments_flow(backend: Backend, on: On) {
    let sys = System::new(backend).await;
    let store = match on {
        On::LocalFiles => Store::Local(sys.dir.path().join("attachments")),
        On::S3 => Store::S3(
            Box::new(
                S3Server::start("aftercare-attachments")
                    .await
                    .expect("the S3 server"),
            ),
            "site-a",
        ),
    };
    let mut env = store.env();
    env.push(("AFTERCARE_JOB_INTERVAL_SECS".into(), "1".into()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let _p = sys.spawn(&ROLES, &env).await;
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
    let cust_b = account(
        &sys.api,
        "b@example.com",
        "customer",
        json!({"customer_id": b}),
    )
    .await;
    let technician = account(
        &sys.api,
        "tech@example.com",
        "technician",
        json!({"technician_id": tech["id"]}),
    )
    .await;
    let (s, other_tech) = sys
        .api
        .post("/technicians", &json!({"name": "Zhao Min", "district": "haizhu", "skills": ["fax"], "daily_capacity": 5}))
        .await;
    assert_eq!(s, 201, "{other_tech}");
    let other = account(
        &sys.api,
        "other@example.com",
        "technician",
        json!({"technician_id": other_tech["id"]}),
    )
    .await;
    let finance = account(&sys.api, "fin@example.com", "finance", json!({})).await;
    let agent = account(&sys.api, "agent@example.com", "agent", json!({})).await;

    let (s, ticket) = cust_a.post("/tickets", &ticket_body("SN-ATTACH-1")).await;
    assert_eq!(s, 201, "{ticket}");
    let tid = ticket["id"].as_str().unwrap().to_owned();
    let wo = sys.api.assigned_work_order(&tid).await;
    assert_eq!(wo["technician_id"], tech["id"]);
    let wid = wo["id"].as_str().unwrap().to_owned();
    let wo_path = format!("/workorders/{wid}/attachments");
    let ticket_path = format!("/tickets/{tid}/attachments");

    // The customer sends a photo of the fault with their ticket; it is stored under a name
    // the server makes, with its type, size and SHA-256.
    let (s, photo, h) = upload(
        &cust_a,
        &ticket_path,
        "photo",
        "image/png",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(s, 201, "{photo}");
    let photo_id = photo["id"].as_str().unwrap().to_owned();
    assert_eq!(photo["owner"], "ticket");
    assert_eq!(photo["owner_id"], tid.as_str());
    assert_eq!(photo["content_type"], "image/png");
    assert_eq!(photo["size"], PNG.len());
    assert_eq!(photo["uploaded_by_name"], "a@example.com");
    assert_eq!(
        photo["content"],
        format!("/api/v1/attachments/{photo_id}/content")
    );
    assert_eq!(
        h["location"],
        format!("/api/v1/attachments/{photo_id}").as_str()
    );
    let files = store.stored_files().await;
    assert_eq!(files, [format!("{photo_id}.png")]);
    let (s, hh, bytes) = content(&cust_a, &photo_id).await;
    assert_eq!(s, 200);
    assert_eq!(bytes, PNG);
    assert_eq!(hh["content-type"], "image/png");
    assert_eq!(hh["x-content-type-options"], "nosniff");
    assert!(
        hh["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("inline; filename=\"photo-")
    );
    assert!(hh["cache-control"].to_str().unwrap().starts_with("private"));
    let etag = hh["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, format!("\"{}\"", photo["sha256"].as_str().unwrap()));
    let r = cust_a
        .request(
            reqwest::Method::GET,
            &format!("/attachments/{photo_id}/content"),
        )
        .await
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 304);

    // Limits and types, each refused naming the field, nothing stored.
    let (s, p, _) = upload(
        &cust_a,
        &ticket_path,
        "photo",
        "image/gif",
        b"GIF89a".to_vec(),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (
            415,
            ("Content-Type".into(), "unsupported_media_type".into())
        ),
        "{p}"
    );
    let (s, p, _) = upload(
        &cust_a,
        &ticket_path,
        "photo",
        "image/jpeg",
        b"<svg onload=alert(1)>".to_vec(),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (415, ("body".into(), "not_an_image".into())),
        "{p}"
    );
    let (s, p, _) = upload(
        &cust_a,
        &ticket_path,
        "photo",
        "image/jpeg",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (422, ("body".into(), "content_mismatch".into())),
        "{p}"
    );
    let (s, p, _) = upload(
        &cust_a,
        &ticket_path,
        "video",
        "image/png",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (422, ("kind".into(), "invalid".into())),
        "{p}"
    );
    let (s, p, _) = upload(
        &cust_a,
        &ticket_path,
        "signature",
        "image/png",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (422, ("kind".into(), "not_allowed".into())),
        "{p}"
    );
    let (s, p, _) = upload(
        &technician,
        &wo_path,
        "signature",
        "image/jpeg",
        jpeg(200 * 1024 + 1),
        None,
    )
    .await;
    assert_eq!(
        (s, field(&p)),
        (413, ("body".into(), "too_large".into())),
        "{p}"
    );
    // A photo sent without a declared length is read up to its limit and refused.
    let big = jpeg(10 * 1024 * 1024 + 1);
    let r = technician
        .request(reqwest::Method::POST, &format!("{wo_path}?kind=photo"))
        .await
        .header("content-type", "image/jpeg")
        .body(reqwest::Body::wrap_stream(futures::stream::iter(
            big.chunks(256 * 1024)
                .map(|c| Ok::<_, std::io::Error>(bytes::Bytes::copy_from_slice(c)))
                .collect::<Vec<_>>(),
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    let p: Value = r.json().await.unwrap();
    assert_eq!(field(&p), ("body".into(), "too_large".into()), "{p}");
    assert_eq!(store.stored_files().await.len(), 1);

    // Who may upload and see: another customer and another technician get 404, a role
    // that may not upload to work orders 403; the customer sees their visit's files.
    let (s, _, _) = upload(
        &cust_b,
        &ticket_path,
        "photo",
        "image/png",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(s, 404);
    let (s, _, _) = upload(&other, &wo_path, "photo", "image/png", PNG.to_vec(), None).await;
    assert_eq!(s, 404);
    let (s, _, _) = upload(&agent, &wo_path, "photo", "image/png", PNG.to_vec(), None).await;
    assert_eq!(s, 403);
    for api in [&cust_b, &other] {
        assert_eq!(api.get(&ticket_path).await.0, 404);
        assert_eq!(api.get(&format!("/attachments/{photo_id}")).await.0, 404);
        assert_eq!(content(api, &photo_id).await.0, 404);
    }
    assert_eq!(
        finance.get(&format!("/attachments/{photo_id}")).await.0,
        404
    );
    let (s, list) = technician.get(&ticket_path).await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(list["items"][0]["id"], photo_id.as_str());

    // The technician photographs the fault twice and the customer signs; an upload
    // dropped halfway stores nothing, and its whole retry under the same key stores one.
    let key = "retry-photo-1";
    let first = jpeg(64 * 1024);
    interrupted_upload(&sys, &technician, &wo_path, key, &first).await;
    assert_eq!(technician.get(&wo_path).await.1["items"], json!([]));
    assert_eq!(
        store.stored_files().await.len(),
        1,
        "nothing of the dropped upload is kept"
    );
    let (s, kept, _) = upload(
        &technician,
        &wo_path,
        "photo",
        "image/jpeg",
        first.clone(),
        Some(key),
    )
    .await;
    assert_eq!(s, 201, "{kept}");
    let (s, again, h) = upload(
        &technician,
        &wo_path,
        "photo",
        "image/jpeg",
        first.clone(),
        Some(key),
    )
    .await;
    assert_eq!(s, 201, "{again}");
    assert_eq!(again["id"], kept["id"]);
    assert_eq!(h["idempotent-replayed"], "true");
    let (s, p, _) = upload(
        &technician,
        &wo_path,
        "signature",
        "image/jpeg",
        first.clone(),
        Some(key),
    )
    .await;
    assert_eq!(
        s, 422,
        "another kind under the same key is another request: {p}"
    );
    let (s, spare, _) = upload(
        &technician,
        &wo_path,
        "photo",
        "image/jpeg",
        jpeg(2048),
        None,
    )
    .await;
    assert_eq!(s, 201, "{spare}");
    let (s, signature, _) = upload(
        &technician,
        &wo_path,
        "signature",
        "image/png",
        PNG.to_vec(),
        None,
    )
    .await;
    assert_eq!(s, 201, "{signature}");
    let (kept_id, spare_id, sig_id) = (
        kept["id"].as_str().unwrap().to_owned(),
        spare["id"].as_str().unwrap().to_owned(),
        signature["id"].as_str().unwrap().to_owned(),
    );
    let (s, list) = technician.get(&wo_path).await;
    assert_eq!(s, 200);
    assert_eq!(list["items"].as_array().unwrap().len(), 3, "{list}");
    assert_eq!(store.stored_files().await.len(), 4);
    assert_eq!(other.get(&wo_path).await.0, 404);
    assert_eq!(content(&other, &sig_id).await.0, 404);
    assert_eq!(cust_b.get(&wo_path).await.0, 404);
    assert_eq!(
        content(&cust_a, &sig_id).await.0,
        200,
        "the customer sees their visit's signature"
    );
    assert_eq!(
        content(&finance, &sig_id).await.0,
        200,
        "the receipt shows the signature"
    );

    // The report: a chargeable visit without the drawn signature is refused, as are
    // attachments of the wrong kind or of another owner; then it is filed.
    let (_, w) = technician.get(&format!("/workorders/{wid}")).await;
    let complete = |body: Value| {
        let technician = &technician;
        let version = w["version"].clone();
        let wid = wid.clone();
        async move {
            let r = technician
                .request(
                    reqwest::Method::POST,
                    &format!("/workorders/{wid}/complete"),
                )
                .await
                .header("if-match", format!("\"{version}\""))
                .json(&body)
                .send()
                .await
                .unwrap();
            let s = r.status().as_u16();
            (s, r.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let base = json!({"diagnosis": "worn pick-up roller", "started_at": "2026-11-23T02:00:00Z",
                      "finished_at": "2026-11-23T02:50:00Z", "chargeable": true});
    let mut body = base.clone();
    body["signature"] = json!({"signer": "王女士"});
    let (s, p) = complete(body).await;
    assert_eq!(
        (s, field(&p)),
        (422, ("signature".into(), "required".into())),
        "{p}"
    );
    let mut body = base.clone();
    body["signature"] = json!({"signer": "王女士", "attachment_id": kept_id});
    let (s, p) = complete(body).await;
    assert_eq!(
        (s, field(&p)),
        (422, ("signature.attachment_id".into(), "wrong_kind".into())),
        "{p}"
    );
    let mut body = base.clone();
    body["signature"] = json!({"signer": "王女士", "attachment_id": sig_id});
    body["photo_attachment_ids"] = json!([photo_id]);
    let (s, p) = complete(body).await;
    assert_eq!(
        (s, field(&p)),
        (422, ("photo_attachment_ids[0]".into(), "not_found".into())),
        "{p}"
    );
    // The customer accepts the quotation of the chargeable work; once dispatch has heard
    // of it, the report is filed.
    let (s, q) = technician
        .post(
            &format!("/workorders/{wid}/quotations"),
            &json!({"started_at": base["started_at"], "finished_at": base["finished_at"]}),
        )
        .await;
    assert_eq!(s, 201, "{q}");
    let r = technician
        .request(
            reqwest::Method::POST,
            &format!("/quotations/{}/answer", q["id"].as_str().unwrap()),
        )
        .await
        .header("if-match", "\"1\"")
        .json(&json!({"answer": "accepted", "answered_by": "王女士"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let mut body = base.clone();
    body["signature"] = json!({"signer": "王女士", "attachment_id": sig_id});
    body["photo_attachment_ids"] = json!([kept_id]);
    let done = poll_for(WAIT, "the report once the quotation is accepted", || {
        let body = body.clone();
        let complete = &complete;
        async move {
            let (s, v) = complete(body).await;
            (s == 200).then_some(v)
        }
    })
    .await
    .expect("reported");
    assert_eq!(done["visit"]["signature_attachment_id"], sig_id.as_str());
    assert_eq!(done["visit"]["photo_attachment_ids"], json!([kept_id]));
    assert_eq!(done["visit"]["chargeable"], true);
    let (_, a) = technician.get(&format!("/attachments/{sig_id}")).await;
    assert_eq!(a["referenced"], true, "{a}");
    let (_, a) = technician.get(&format!("/attachments/{spare_id}")).await;
    assert_eq!(a["referenced"], false, "{a}");

    // A day later the job removes the photo the report left out, bytes and record; the
    // report's photo and signature and the ticket's photo stay.
    let two_days_ago = aftercare_platform::now_ms() - 2 * 86_400_000;
    sys.execute(
        "gateway",
        &format!("update attachment set uploaded_at = {two_days_ago}"),
    )
    .await;
    poll_for(WAIT, "the orphan to be removed", || async {
        (technician.get(&format!("/attachments/{spare_id}")).await.0 == 404).then_some(())
    })
    .await
    .expect("removed");
    let (_, list) = technician.get(&wo_path).await;
    let ids: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [kept_id.as_str(), sig_id.as_str()]);
    assert_eq!(store.stored_files().await.len(), 3);
    assert_eq!(content(&cust_a, &photo_id).await.0, 200);
    assert_eq!(
        sys.count("gateway", "select count(*) from attachment")
            .await,
        3
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_on_sqlite() {
    attachments_flow(Backend::Sqlite, On::LocalFiles).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_on_postgres() {
    attachments_flow(Backend::Postgres, On::LocalFiles).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_on_s3_with_sqlite() {
    attachments_flow(Backend::Sqlite, On::S3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attachments_on_s3_with_postgres() {
    attachments_flow(Backend::Postgres, On::S3).await;
}
