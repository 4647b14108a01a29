//! Shared arrangements: a system of roles over one nats-server, typed calls to the API,
//! and looks into each service's database.
use std::path::PathBuf;
use std::time::Duration;

use aftercare_testkit::{AftercareProcess, NatsServer, Postgres, poll_for};
use serde_json::{Value, json};

pub const ROLES: [&str; 6] = [
    "gateway",
    "intake",
    "dispatch",
    "inventory",
    "billing",
    "survey",
];
/// Every role of a whole system: the gateway, the services and the notifier, whose messages
/// the API reads (`/messages`).
pub const WITH_NOTIFIER: [&str; 7] = [
    "gateway",
    "intake",
    "dispatch",
    "inventory",
    "billing",
    "survey",
    "notifier",
];
pub const SERVICES: [&str; 5] = ["intake", "dispatch", "inventory", "billing", "survey"];
/// Roles with a database of their own: the services, the gateway (identity) and the
/// notifier (the messages sent to customers).
pub const DATABASES: [&str; 7] = [
    "intake",
    "dispatch",
    "inventory",
    "billing",
    "survey",
    "gateway",
    "notifier",
];
/// The administrator every test system starts with.
pub const ADMIN_PASSWORD: &str = "e2e-admin-password";
pub const WAIT: Duration = Duration::from_secs(30);

/// Which database engine the services use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One nats-server, a database per service, and the environment a role needs.
pub struct System {
    pub nats: NatsServer,
    pub dir: tempfile::TempDir,
    pub gateway_port: u16,
    pub db_urls: Vec<(String, String)>,
    pub api: Api,
    _pg: Option<Postgres>,
}

impl System {
    pub async fn new(backend: Backend) -> Self {
        Self::with_nats(backend, NatsServer::start().await.expect("nats-server")).await
    }

    pub async fn with_nats(backend: Backend, nats: NatsServer) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let gateway_port = aftercare_platform::nats_server::free_port().expect("port");
        let mut db_urls = Vec::new();
        let pg = match backend {
            Backend::Sqlite => {
                for s in DATABASES {
                    db_urls.push((
                        s.to_owned(),
                        format!("sqlite://{}/{s}.db", dir.path().display()),
                    ));
                }
                None
            }
            Backend::Postgres => {
                let pg = Postgres::start().expect("postgres");
                for s in DATABASES {
                    db_urls.push((
                        s.to_owned(),
                        pg.create_database(s).await.expect("create database"),
                    ));
                }
                Some(pg)
            }
        };
        let api = Api::new(format!("http://127.0.0.1:{gateway_port}/api/v1"));
        Self {
            nats,
            dir,
            gateway_port,
            db_urls,
            api,
            _pg: pg,
        }
    }

    /// The environment every role process gets.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = vec![
            ("NATS_URL".to_owned(), self.nats.url()),
            (
                "AFTERCARE_GATEWAY_ADDR".to_owned(),
                format!("127.0.0.1:{}", self.gateway_port),
            ),
            ("OTEL_EXPORTER_OTLP_ENDPOINT".to_owned(), String::new()),
            (
                "AFTERCARE_ADMIN_PASSWORD".to_owned(),
                ADMIN_PASSWORD.to_owned(),
            ),
            ("AFTERCARE_RATE_LIMIT".to_owned(), "0".to_owned()),
            (
                "AFTERCARE_ATTACHMENTS_URL".to_owned(),
                self.dir.path().join("attachments").display().to_string(),
            ),
        ];
        for (s, url) in &self.db_urls {
            env.push((
                format!("AFTERCARE_{}_DATABASE_URL", s.to_uppercase()),
                url.clone(),
            ));
        }
        if self._pg.is_some() {
            // On SQLite the gateway makes its key file beside its database; with
            // PostgreSQL the key comes from the environment, as from a Kubernetes Secret.
            env.push((
                "AFTERCARE_JWT_SIGNING_KEY".to_owned(),
                "e2e=e2e-signing-key-of-at-least-thirty-two-bytes".to_owned(),
            ));
        }
        env
    }

    pub fn db_url(&self, service: &str) -> String {
        self.db_urls
            .iter()
            .find(|(s, _)| s == service)
            .map(|(_, u)| u.clone())
            .expect("service db")
    }

    pub fn log_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// Starts `roles` in one process with extra environment.
    pub async fn spawn(&self, roles: &[&str], extra: &[(&str, &str)]) -> AftercareProcess {
        let mut env = self.env();
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        AftercareProcess::run(roles, &env, &self.log_dir())
            .await
            .expect("start aftercare")
    }

    /// Counts rows in a service's database.
    pub async fn count(&self, service: &str, sql: &str) -> i64 {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.db_url(service))
            .await
            .expect("connect");
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&pool)
            .await
            .expect("count");
        pool.close().await;
        n
    }

    /// Reads one text column of a service's database.
    pub async fn strings(&self, service: &str, sql: &str) -> Vec<String> {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.db_url(service))
            .await
            .expect("connect");
        let v: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_all(&pool)
            .await
            .expect("query");
        pool.close().await;
        v
    }

    /// Runs a statement in a service's database (for sabotage).
    pub async fn execute(&self, service: &str, sql: &str) {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.db_url(service))
            .await
            .expect("connect");
        sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .execute(&pool)
            .await
            .expect("execute");
        pool.close().await;
    }

    /// A JetStream context on the test's nats-server.
    pub async fn jetstream(&self) -> async_nats::jetstream::Context {
        async_nats::jetstream::new(
            async_nats::connect(self.nats.url())
                .await
                .expect("connect nats"),
        )
    }
}

/// Typed calls to the gateway, signed in as one account (the administrator unless
/// [`Api::signed_in_as`] chose another).
#[derive(Clone)]
pub struct Api {
    pub base: String,
    pub http: reqwest::Client,
    credentials: std::sync::Arc<(String, String)>,
    token: std::sync::Arc<tokio::sync::Mutex<Option<String>>>,
}

impl Api {
    pub fn new(base: String) -> Self {
        Self {
            base,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .expect("client"),
            credentials: std::sync::Arc::new(("admin".into(), ADMIN_PASSWORD.into())),
            token: std::sync::Arc::new(tokio::sync::Mutex::new(None)),
        }
    }

    /// The same gateway, signed in as `login`.
    pub fn signed_in_as(&self, login: &str, password: &str) -> Self {
        Self {
            base: self.base.clone(),
            http: self.http.clone(),
            credentials: std::sync::Arc::new((login.into(), password.into())),
            token: std::sync::Arc::new(tokio::sync::Mutex::new(None)),
        }
    }

    /// The same gateway with a token obtained elsewhere (API token, ticket code).
    pub fn with_token(&self, token: &str) -> Self {
        Self {
            base: self.base.clone(),
            http: self.http.clone(),
            credentials: std::sync::Arc::new((String::new(), String::new())),
            token: std::sync::Arc::new(tokio::sync::Mutex::new(Some(token.to_owned()))),
        }
    }

    /// The access token, signing in first when there is none.
    pub async fn token(&self) -> String {
        let mut t = self.token.lock().await;
        if let Some(t) = t.as_ref() {
            return t.clone();
        }
        let (login, password) = &*self.credentials;
        let r = self
            .http
            .post(format!("{}/auth/token", self.base))
            .json(&json!({"login": login, "password": password}))
            .send()
            .await
            .expect("sign in");
        assert_eq!(r.status(), 200, "sign in as {login}");
        let v: Value = r.json().await.expect("token");
        let token = v["access_token"].as_str().expect("access_token").to_owned();
        *t = Some(token.clone());
        token
    }

    /// A request to `path` with this account's bearer token.
    pub async fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let token = self.token().await;
        self.http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(token)
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let mut req = self.request(method, path).await;
        if let Some(b) = body {
            req = req.json(b);
        }
        let r = req.send().await.expect("request");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// POSTs `body` with an `If-Match` and an `Idempotency-Key` when given: the status, the
    /// ETag (empty when none), whether the answer was a replay, and the body.
    pub async fn post_with(
        &self,
        path: &str,
        if_match: Option<&str>,
        key: Option<&str>,
        body: &Value,
    ) -> (u16, String, bool, Value) {
        let mut r = self.request(reqwest::Method::POST, path).await;
        if let Some(v) = if_match {
            r = r.header("if-match", v);
        }
        if let Some(k) = key {
            r = r.header("idempotency-key", k);
        }
        let r = r.json(body).send().await.expect("send");
        let status = r.status().as_u16();
        let etag = r
            .headers()
            .get("etag")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let replayed = r.headers().contains_key("idempotent-replayed");
        (
            status,
            etag,
            replayed,
            r.json().await.unwrap_or(Value::Null),
        )
    }

    pub async fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }

    pub async fn technician(&self) -> Value {
        let (s, v) = self.post("/technicians", &json!({"name":"Li Wei","district":"tianhe","skills":["copier","sharp"],"certifications":[{"skill":"copier","expires_on":"2099-12-31"}],"daily_capacity":50})).await;
        assert_eq!(s, 201, "{v}");
        v
    }

    pub async fn part(&self, sku: &str, quantity: u32) {
        let (s, v) = self.post("/parts", &json!({"sku":sku,"name":"Drum unit","list_price":{"amount_minor":38000,"currency":"CNY"}})).await;
        assert_eq!(s, 201, "{v}");
        let (s, v) = self
            .post(
                &format!("/parts/{sku}/receipts"),
                &json!({"quantity":quantity,"location":"main","reference":"PO-1"}),
            )
            .await;
        assert_eq!(s, 201, "{v}");
    }

    pub async fn open_ticket(&self, serial: &str) -> Value {
        let (s, v) = self.post("/tickets", &ticket_body(serial)).await;
        assert_eq!(s, 201, "{v}");
        v
    }

    /// Opens a ticket about machine `serial` for the customer on file `customer_id`, as an
    /// agent does for a customer calling about a machine registered to them.
    pub async fn open_ticket_for(&self, serial: &str, customer_id: &str) -> Value {
        let mut body = ticket_body(serial);
        body["customer_id"] = json!(customer_id);
        let (s, v) = self.post("/tickets", &body).await;
        assert_eq!(s, 201, "{v}");
        v
    }

    /// Waits until the ticket's work order is assigned and returns it.
    pub async fn assigned_work_order(&self, ticket_id: &str) -> Value {
        poll_for(WAIT, "the work order to be assigned", || async {
            let (s, v) = self
                .get(&format!("/workorders?ticket_id={ticket_id}"))
                .await;
            (s == 200 && v["items"][0]["status"] == "assigned").then(|| v["items"][0].clone())
        })
        .await
        .expect("assigned")
    }

    /// Completes a work order at the version just read (If-Match).
    pub async fn complete(&self, work_order_id: &str, parts: Value) -> (u16, Value) {
        let (s, w) = self.get(&format!("/workorders/{work_order_id}")).await;
        if s != 200 {
            return (s, w);
        }
        let r = self
            .request(
                reqwest::Method::POST,
                &format!("/workorders/{work_order_id}/complete"),
            )
            .await
            .header("if-match", format!("\"{}\"", w["version"]))
            .json(&json!({"diagnosis":"worn drum","started_at":"2026-11-23T02:00:00Z","finished_at":"2026-11-23T02:50:00Z","parts":parts,"parts_consent":true}))
            .send()
            .await
            .expect("complete");
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// Waits until the work order's receipt is issued and returns it.
    pub async fn receipt(&self, work_order_id: &str) -> Value {
        poll_for(WAIT, "the receipt to be issued", || async {
            let (s, v) = self
                .get(&format!("/invoices?work_order_id={work_order_id}"))
                .await;
            (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty()))
                .then(|| v["items"][0].clone())
        })
        .await
        .expect("receipt")
    }

    /// Waits until the work order's callback is scheduled and returns it.
    pub async fn callback(&self, work_order_id: &str) -> Value {
        poll_for(WAIT, "the callback to be scheduled", || async {
            let (s, v) = self
                .get(&format!("/callbacks?work_order_id={work_order_id}"))
                .await;
            (s == 200 && v["items"].as_array().is_some_and(|a| !a.is_empty()))
                .then(|| v["items"][0].clone())
        })
        .await
        .expect("callback")
    }
}

pub use aftercare_testkit::fixtures::ticket_body;

/// Messages stored in a stream.
pub async fn stream_messages(js: &async_nats::jetstream::Context, stream: &str) -> u64 {
    let mut s = js.get_stream(stream).await.expect("stream");
    s.info().await.expect("info").state.messages
}

/// Every `subject` message in `stream`, oldest first, as JSON.
pub async fn subject_messages(
    js: &async_nats::jetstream::Context,
    stream: &str,
    subject: &str,
) -> Vec<Value> {
    let mut s = js.get_stream(stream).await.expect("stream");
    let last = s.info().await.expect("info").state.last_sequence;
    let mut out = Vec::new();
    for seq in 1..=last {
        if let Ok(m) = s.get_raw_message(seq).await
            && m.subject.as_str() == subject
        {
            out.push(serde_json::from_slice(&m.payload).expect("json"));
        }
    }
    out
}

impl crate::load::Probe for System {
    async fn count(&self, service: &str, sql: &str) -> i64 {
        System::count(self, service, sql).await
    }

    async fn rows(&self, service: &str, sql: &str) -> Vec<String> {
        self.strings(service, sql).await
    }

    async fn jetstream(&self) -> async_nats::jetstream::Context {
        System::jetstream(self).await
    }
}

/// The password of the accounts the end-to-end tests create.
pub const STAFF_PASSWORD: &str = "e2e-staff-password-2026";

/// As `admin` (a client allowed to create accounts): creates the account `login` of `role`
/// with the tests' [`STAFF_PASSWORD`] and `extra` fields (`technician_id`, `customer_id`);
/// a client signed in as it, and the account as created.
pub async fn account_and_record(
    admin: &Api,
    login: &str,
    role: &str,
    extra: Value,
) -> (Api, Value) {
    let mut body =
        json!({"login": login, "display_name": login, "role": role, "password": STAFF_PASSWORD});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let (s, v) = admin.post("/accounts", &body).await;
    assert_eq!(s, 201, "{v}");
    (admin.signed_in_as(login, STAFF_PASSWORD), v)
}

/// [`account_and_record`], the signed-in client only.
pub async fn account(admin: &Api, login: &str, role: &str, extra: Value) -> Api {
    account_and_record(admin, login, role, extra).await.0
}

/// A GET answered with `status` as problem+json; its body.
pub async fn problem(api: &Api, path: &str, status: u16) -> Value {
    let r = api
        .request(reqwest::Method::GET, path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), status, "{path}");
    let ct = r
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(ct.starts_with("application/problem+json"), "{ct}");
    r.json().await.unwrap()
}
