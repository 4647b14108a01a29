//! Every report the API offers has a CSV form at `<report>.csv`: after tickets on several
//! channels and a finished, billed visit, each CSV answers `text/csv` with a byte-order
//! mark, its header line and the same figures as the JSON report, a bad parameter on a
//! CSV route answers the JSON report's 422 problem, and the ticket report groups by
//! channel.
use reqwest::Method;
use serde_json::{Value, json};

use crate::helpers::{Api, Backend, ROLES, System, ticket_body};

/// Reads the CSV the gateway writes: fields quoted when they hold a separator, quotes
/// doubled, CRLF line ends.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// A JSON value as its CSV cell shows it.
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The CSV form of `path?query`, as rows: 200, `text/csv`, a byte-order mark, a
/// download named after the report.
async fn csv(api: &Api, path: &str, query: &str) -> Vec<Vec<String>> {
    let r = api
        .request(Method::GET, &format!("{path}.csv?{query}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{path}.csv");
    let h = r.headers();
    assert_eq!(h["content-type"], "text/csv; charset=utf-8", "{path}");
    let stem = path.rsplit('/').next().unwrap();
    let disposition = h["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.starts_with(&format!("attachment; filename=\"{stem}")),
        "{disposition}"
    );
    let body = r.text().await.unwrap();
    assert!(body.starts_with('\u{feff}'), "{path}: no byte-order mark");
    parse_csv(body.trim_start_matches('\u{feff}'))
}

/// The report at `path?query` as JSON and as CSV: the CSV's header starts with
/// `first_columns`, it has one row per line `lines` picks from the JSON, and every
/// column the JSON line also has holds the same value.
async fn same_figures(
    api: &Api,
    path: &str,
    query: &str,
    first_columns: &[&str],
    lines: fn(&Value) -> Vec<Value>,
) -> usize {
    let (s, report) = api.get(&format!("{path}?{query}")).await;
    assert_eq!(s, 200, "{path}: {report}");
    let rows = csv(api, path, query).await;
    let header = &rows[0];
    assert_eq!(
        &header[..first_columns.len()],
        first_columns,
        "{path}: {header:?}"
    );
    let lines = lines(&report);
    assert_eq!(rows.len() - 1, lines.len(), "{path}: {report}");
    let mut compared = 0;
    for (row, line) in rows[1..].iter().zip(&lines) {
        assert_eq!(row.len(), header.len(), "{path}: {row:?}");
        for (column, cell) in header.iter().zip(row) {
            if let Some(v) = line.get(column) {
                assert_eq!(cell, &text(v), "{path}: {column} of {line}");
                compared += 1;
            }
        }
    }
    compared
}

fn list(report: &Value, key: &str) -> Vec<Value> {
    report[key].as_array().cloned().unwrap_or_default()
}

async fn reports(backend: Backend) {
    let sys = System::new(backend).await;
    let _p = sys.spawn(&ROLES, &[]).await;
    let api = &sys.api;
    api.technician().await;
    api.part("DRUM-R", 5).await;

    // Tickets on three channels; the phone call about a fault is visited, its drum
    // replaced and billed.
    for (serial, channel) in [("SN-RP-2", "web"), ("SN-RP-3", "walk_in")] {
        let mut body = ticket_body(serial);
        body["channel"] = json!(channel);
        body["type"] = json!("consultation");
        let (s, t) = api.post("/tickets", &body).await;
        assert_eq!(s, 201, "{t}");
    }
    let t = api.open_ticket("SN-RP-1").await;
    let wo = api.assigned_work_order(t["id"].as_str().unwrap()).await;
    let wo_id = wo["id"].as_str().unwrap();
    let (s, done) = api
        .complete(wo_id, json!([{"sku": "DRUM-R", "quantity": 1}]))
        .await;
    assert_eq!(s, 200, "{done}");
    api.receipt(wo_id).await;
    api.callback(wo_id).await;

    let now = chrono::Utc::now();
    let enc = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339().replace('+', "%2B");
    let opened = format!(
        "from={}&to={}",
        enc(now - chrono::Duration::hours(1)),
        enc(now + chrono::Duration::hours(1))
    );
    let tomorrow = (now + chrono::Duration::days(1)).date_naive();
    let days = format!("from=2026-11-01&to={tomorrow}");

    // Grouped by channel: one ticket each.
    let (s, by_channel) = api
        .get(&format!("/reports/tickets?{opened}&group_by=channel"))
        .await;
    assert_eq!(s, 200, "{by_channel}");
    let keys: Vec<(&str, u64)> = by_channel["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["key"].as_str().unwrap(), r["tickets"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        keys,
        [("phone", 1), ("walk_in", 1), ("web", 1)],
        "{by_channel}"
    );

    let ticket_lines = |r: &Value| {
        let mut l = list(r, "rows");
        l.push(r["total"].clone());
        l
    };
    let mut compared = 0;
    compared += same_figures(
        api,
        "/reports/tickets",
        &format!("{opened}&group_by=channel"),
        &["key", "tickets", "responded"],
        ticket_lines,
    )
    .await;
    compared += same_figures(
        api,
        "/reports/visits",
        &format!("{days}&group_by=technician"),
        &["key", "name", "visits"],
        |r| list(r, "lines"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/revenue",
        &format!("{days}&group_by=district"),
        &["key", "receipts", "at_price_minor"],
        ticket_lines,
    )
    .await;
    compared += same_figures(
        api,
        "/reports/receivables",
        &format!("as_of={tomorrow}"),
        &["number", "customer_name", "issued_on"],
        |r| list(r, "items"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/claims-outstanding",
        "",
        &["brand", "draft", "draft_minor"],
        |r| list(r, "items"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/contracts-signed",
        &format!("month={}", &tomorrow.to_string()[..7]),
        &["number", "customer_id", "customer_name"],
        |r| list(r, "contracts"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/stock",
        &days,
        &["sku", "name", "on_hand"],
        |r| list(r, "parts"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/callback-coverage",
        &days,
        &["from", "to", "visits"],
        |r| vec![r.clone()],
    )
    .await;
    compared += same_figures(
        api,
        "/reports/callback-scores",
        &format!("{days}&group_by=technician"),
        &["rank", "key", "name"],
        |r| list(r, "lines"),
    )
    .await;
    compared += same_figures(
        api,
        "/reports/satisfaction",
        &format!("{days}&group_by=district&interval=month"),
        &["group", "period", "ratings"],
        |r| list(r, "points"),
    )
    .await;
    // The appraisal keeps its published columns (scores as decimals).
    same_figures(
        api,
        "/reports/appraisal",
        &days,
        &["role", "id", "name", "team", "workload"],
        |r| list(r, "lines"),
    )
    .await;
    assert!(compared > 40, "{compared} figures compared");

    // The figures are there: the visit, the drum, the receipt.
    let visits = csv(
        api,
        "/reports/visits",
        &format!("{days}&group_by=technician"),
    )
    .await;
    assert_eq!(visits[1][1], "Li Wei", "{visits:?}");
    assert_eq!(visits[1][2], "1", "{visits:?}");
    let stock = csv(api, "/reports/stock", &days).await;
    let drum = stock.iter().find(|r| r[0] == "DRUM-R").expect("the drum");
    assert_eq!((drum[2].as_str(), drum[4].as_str()), ("4", "1"), "{drum:?}");
    let coverage = csv(api, "/reports/callback-coverage", &days).await;
    assert_eq!(coverage[1][2], "1", "one visit: {coverage:?}");

    // A bad parameter on a CSV route is the JSON report's problem, not a CSV.
    for (path, field) in [
        (
            format!("/reports/tickets.csv?{opened}&group_by=weather"),
            "group_by",
        ),
        ("/reports/tickets.csv?group_by=channel".to_owned(), "from"),
        (
            "/reports/revenue.csv?from=someday&to=2026-11-30".to_owned(),
            "from",
        ),
        ("/reports/receivables.csv".to_owned(), "as_of"),
        ("/reports/appraisal.csv?from=2026-11-01".to_owned(), "to"),
    ] {
        let r = api.request(Method::GET, &path).await.send().await.unwrap();
        assert_eq!(r.status(), 422, "{path}");
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], field, "{path}: {p}");
    }
    // Not signed in: 401 before anything is computed.
    let r = api
        .http
        .get(format!("{}/reports/stock.csv?{days}", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_report_has_a_csv_form_with_the_json_figures_on_sqlite() {
    reports(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_report_has_a_csv_form_with_the_json_figures_on_postgresql() {
    reports(Backend::Postgres).await;
}
