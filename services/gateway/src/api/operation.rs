//! How an operation of the public API is declared: one builder per operation names its
//! method, path, who may call it, what it takes and returns, and the handler that serves
//! it. The same declaration registers the route, hands the access guard its metadata as
//! a request extension (no lookup per request), and is what the OpenAPI document and the
//! permission matrix are generated from, so the four cannot disagree.
use std::sync::Arc;

use aftercare_contracts::rpc::{Page, SettingHistoryQuery, SettingVersion};
use aftercare_contracts::table::Table;
use aftercare_contracts::{Request, Role};
use axum::Extension;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::handler::Handler;
use axum::http::{HeaderMap, Method};
use axum::routing::{MethodFilter, MethodRouter};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::forward::{self, PathFields};
use super::model::{PersonalData, limit_schema, reveal_reason_schema, version_cursor_schema};
use crate::error::ApiError;
use crate::http::Versioned;
use crate::identity::Principal;
use crate::state::AppState;

/// Produces a type's schema (a `$ref` into the document's components).
pub(crate) type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// The schema of `T`, registered in the components.
pub(crate) fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Access {
    /// Anyone, signed in or not (sign-in, self-service, the answer form).
    Public,
    /// Any signed-in caller; what they see is narrowed to their own objects.
    SignedIn,
    /// Only these roles; everyone else gets 403.
    Roles(&'static [Role]),
}

impl Access {
    /// Whether `role` passes this column.
    pub(crate) fn allows(self, role: Role) -> bool {
        match self {
            Access::Public | Access::SignedIn => true,
            Access::Roles(roles) => roles.contains(&role),
        }
    }
}

/// What an operation does, which decides the concurrency and retry rules it follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A read (GET): returns `ETag` where the object has a version.
    Read,
    /// Creates something: honours `Idempotency-Key`.
    Create,
    /// Changes a versioned object: requires `If-Match` (428 without, 412 when stale).
    Update,
    /// Anything else (sign-in, token refresh, sign-out, sending a code).
    Action,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum In {
    /// A path segment.
    Path,
    /// A query parameter.
    Query,
}

/// One path or query parameter, as the reference documents it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Param {
    /// Its name in the path template or the query string.
    pub(crate) name: &'static str,
    /// Path or query.
    pub(crate) at: In,
    /// Whether the caller must give it (always, for a path segment).
    pub(crate) required: bool,
    /// Its schema in the reference.
    pub(crate) schema: SchemaFn,
    /// What it means, for the reference.
    pub(crate) doc: &'static str,
}

impl Param {
    /// The same parameter, which the caller must give.
    pub(crate) const fn required(self) -> Self {
        Param {
            required: true,
            ..self
        }
    }
}

/// A path segment (always required, a string).
pub(crate) const fn path(name: &'static str, doc: &'static str) -> Param {
    Param {
        name,
        at: In::Path,
        required: true,
        schema: schema::<String>,
        doc,
    }
}

/// The `{id}` path segment of the object the operation is about.
pub(crate) const fn path_id(doc: &'static str) -> Param {
    path("id", doc)
}

/// The `{id}` path segment when only a UUID names the object (a customer's id in the paths
/// under it): the document says so, as the handler checks it.
pub(crate) const fn path_uuid(doc: &'static str) -> Param {
    Param {
        name: "id",
        at: In::Path,
        required: true,
        schema: schema::<uuid::Uuid>,
        doc,
    }
}

/// An optional query parameter of schema `schema`.
pub(crate) const fn query(name: &'static str, schema: SchemaFn, doc: &'static str) -> Param {
    Param {
        name,
        at: In::Query,
        required: false,
        schema,
        doc,
    }
}

/// Who reads a company setting's history: the managers and administrators who keep them.
const SETTING_HISTORY_READERS: &[Role] = &[Role::Manager, Role::Admin];

/// The page size of a list.
pub(crate) const LIMIT: Param = query("limit", limit_schema, "Page size, 1–500 (default 50).");
/// Where a list's next page starts.
pub(crate) const CURSOR: Param = query(
    "cursor",
    schema::<String>,
    "`next_cursor` of the previous page.",
);
/// Where a setting's history continues: the version the previous page ended before.
const VERSION_CURSOR: Param = query(
    "cursor",
    version_cursor_schema,
    "`next_cursor` of the previous page (a version number).",
);
/// `personal_data=show` on a single read: the desk reveals one record's phones and
/// address, with a [`REVEAL_REASON`], audit-logged.
pub(crate) const REVEAL: Param = query(
    "personal_data",
    schema::<PersonalData>,
    "Phones and addresses are masked for the desk roles; `show` (agent, dispatcher, callback agent, manager, admin) reveals them for this one record, with a `reason`, and is audit-logged (`personal_data.reveal`). The customer themself and the technician visiting them see them unmasked.",
);
/// Why one record's personal data is revealed, kept in the audit log.
pub(crate) const REVEAL_REASON: Param = query(
    "reason",
    reveal_reason_schema,
    "Required with `personal_data=show`: why you need the unmasked data, 5–500 characters (kept in the audit log).",
);

/// What the success response carries.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body {
    /// JSON of this schema.
    Json(SchemaFn),
    /// A server-sent event stream: every event name it sends with the schema of its
    /// `data`.
    EventStream(fn() -> Vec<(&'static str, SchemaFn)>),
    /// No body.
    Empty,
    /// A CSV file with these columns.
    Csv(&'static [&'static str]),
    /// A file's bytes in one of these media types, as described.
    File(&'static [&'static str], &'static str),
}

/// A request body of raw bytes (an upload) rather than JSON: the media types accepted,
/// the most bytes any upload may have, and what the reference says about it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Upload {
    /// The media types the body may be sent as (`Content-Type`).
    pub(crate) media: &'static [&'static str],
    /// The largest body any upload of the operation may have (kinds may allow less).
    pub(crate) max_bytes: usize,
    /// What the body is, its limits and how it is checked.
    pub(crate) doc: &'static str,
}

/// One operation of the API: what the guard enforces and the reference documents.
#[derive(Debug, Clone)]
pub(crate) struct Operation {
    /// OpenAPI `operationId`.
    pub(crate) id: &'static str,
    /// `GET` or `POST`.
    pub(crate) method: Method,
    /// Path under `/api/v1`, axum syntax (`/tickets/{id}`).
    pub(crate) path: &'static str,
    /// Group in the reference.
    pub(crate) tag: &'static str,
    /// One line in the reference.
    pub(crate) summary: &'static str,
    /// Who may call it: what the guard enforces.
    pub(crate) access: Access,
    /// Whether a ticket-code session (no account) may call it.
    pub(crate) ticket_code: bool,
    /// Which objects a permitted role sees, when narrower than "all".
    pub(crate) scope: &'static str,
    /// Read, create, update or action: the concurrency and retry rules it follows.
    pub(crate) kind: Kind,
    /// The path and query parameters the reference lists.
    pub(crate) params: Vec<Param>,
    /// The request body's schema, if any.
    pub(crate) request: Option<SchemaFn>,
    /// Fields of the request type filled from the path or headers, not the body.
    pub(crate) request_omits: Vec<&'static str>,
    /// The raw body of an upload, instead of JSON.
    pub(crate) upload: Option<Upload>,
    /// Success status.
    pub(crate) status: u16,
    /// What the success response carries.
    pub(crate) response: Body,
    /// Error statuses the handler answers beyond those the declaration implies (a
    /// public sign-in refusing credentials answers 401).
    pub(crate) answers: Vec<u16>,
}

impl Operation {
    /// Every error status the operation can answer, from what its declaration says:
    /// signed-in access answers 401 and 403 (a role not permitted, or a password to change
    /// first); a body 400, 413, 415 and 422; query parameters 422; a path id or narrowed
    /// scope 404; a POST about one object 409 (its state forbids it); creating 409 and 422
    /// (`Idempotency-Key` in flight or reused); an update 409, 412 and 428; every
    /// operation 429 and 503, and one served by a service 502 and 504.
    pub(crate) fn error_statuses(&self) -> Vec<u16> {
        let mut out = self.answers.clone();
        if !matches!(self.access, Access::Public) {
            out.extend([401, 403]);
        }
        if self.request.is_some() || self.upload.is_some() {
            out.extend([400, 413, 415, 422]);
        }
        if self.params.iter().any(|p| p.at == In::Query) {
            out.push(422);
        }
        let about_one = self.params.iter().any(|p| p.at == In::Path);
        if about_one || !self.scope.is_empty() || self.ticket_code {
            out.push(404);
        }
        if about_one && self.method == Method::POST {
            out.push(409);
        }
        match self.kind {
            Kind::Create => out.extend([409, 422]),
            Kind::Update => out.extend([409, 412, 428]),
            Kind::Read | Kind::Action => {}
        }
        out.extend([429, 503]);
        if !LOCAL_TAGS.contains(&self.tag) {
            out.extend([502, 504]);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Reference groups the gateway serves itself, without calling a service.
const LOCAL_TAGS: &[&str] = &["auth", "accounts"];

/// A `GET` operation being declared: a read answering 200, administrators only until
/// the declaration says otherwise.
pub(crate) fn get(id: &'static str, path: &'static str) -> Declaration {
    Declaration::new(id, Method::GET, path, Kind::Read)
}

/// A `POST` operation being declared: an action answering 200, administrators only until
/// the declaration says otherwise.
pub(crate) fn post(id: &'static str, path: &'static str) -> Declaration {
    Declaration::new(id, Method::POST, path, Kind::Action)
}

/// An operation being declared; each method states one way it differs from the
/// defaults, and [`Declaration::to`] ends it with the handler that serves it.
#[derive(Debug)]
pub(crate) struct Declaration {
    op: Operation,
    /// The operation id and path of a report's CSV form ([`report!`]).
    csv: Option<(&'static str, &'static str)>,
}

/// Declares a report: its JSON operation `id` at `path`, and its CSV form `<id>Csv` at
/// `<path>.csv`, both served by [`Declaration::report`] from the one function that
/// computes the report.
macro_rules! report {
    ($id:literal, $path:literal) => {
        $crate::api::operation::report_at($id, $path, concat!($id, "Csv"), concat!($path, ".csv"))
    };
}
pub(crate) use report;

/// A report's `GET` operation with its CSV form at `csv_path`; use [`report!`], which
/// makes the CSV form's id and path from the report's.
pub(crate) fn report_at(
    id: &'static str,
    path: &'static str,
    csv_id: &'static str,
    csv_path: &'static str,
) -> Declaration {
    let mut d = get(id, path);
    d.csv = Some((csv_id, csv_path));
    d
}

/// Who may call an operation that does not say: the administrators.
const ADMINS: &[Role] = &[Role::Admin];

impl Declaration {
    fn new(id: &'static str, method: Method, path: &'static str, kind: Kind) -> Self {
        Self {
            op: Operation {
                id,
                method,
                path,
                tag: "",
                summary: "",
                access: Access::Roles(ADMINS),
                ticket_code: false,
                scope: "",
                kind,
                params: Vec::new(),
                request: None,
                request_omits: Vec::new(),
                upload: None,
                status: 200,
                response: Body::Empty,
                answers: Vec::new(),
            },
            csv: None,
        }
    }

    /// The one-line summary in the reference.
    pub(crate) fn summary(mut self, summary: &'static str) -> Self {
        self.op.summary = summary;
        self
    }

    /// The reference group, when not the one of the routes it is declared with.
    pub(crate) fn tag(mut self, tag: &'static str) -> Self {
        self.op.tag = tag;
        self
    }

    /// Open to these roles only.
    pub(crate) fn roles(mut self, roles: &'static [Role]) -> Self {
        self.op.access = Access::Roles(roles);
        self
    }

    /// Open to anyone, signed in or not.
    pub(crate) fn public(mut self) -> Self {
        self.op.access = Access::Public;
        self
    }

    /// Open to any signed-in caller.
    pub(crate) fn signed_in(mut self) -> Self {
        self.op.access = Access::SignedIn;
        self
    }

    /// Also open to a ticket-code session, for its own ticket.
    pub(crate) fn ticket_code(mut self) -> Self {
        self.op.ticket_code = true;
        self
    }

    /// Which objects a permitted role sees, when narrower than "all".
    pub(crate) fn scope(mut self, scope: &'static str) -> Self {
        self.op.scope = scope;
        self
    }

    /// The path and query parameters the reference lists.
    pub(crate) fn params(mut self, params: &[Param]) -> Self {
        self.op.params.extend_from_slice(params);
        self
    }

    /// Takes a JSON body of type `T`.
    pub(crate) fn body<T: JsonSchema>(mut self) -> Self {
        self.op.request = Some(schema::<T>);
        self
    }

    /// Takes the raw bytes of a file as its body (an upload), not JSON.
    pub(crate) fn upload(mut self, upload: Upload) -> Self {
        self.op.upload = Some(upload);
        self
    }

    /// Answers a file's bytes in one of `media`, as `doc` describes.
    pub(crate) fn file(mut self, media: &'static [&'static str], doc: &'static str) -> Self {
        self.op.response = Body::File(media, doc);
        self
    }

    /// Fields of the body's type that the path fills in, left out of the body's schema.
    pub(crate) fn path_fills(mut self, fields: &[&'static str]) -> Self {
        self.op.request_omits.extend_from_slice(fields);
        self
    }

    /// Creates something: honours `Idempotency-Key` and answers 201.
    pub(crate) fn creates(mut self) -> Self {
        self.op.kind = Kind::Create;
        self.op.status = 201;
        self
    }

    /// Changes a versioned object: requires `If-Match`, which fills the body's
    /// `expected_version`.
    pub(crate) fn updates(mut self) -> Self {
        self.op.kind = Kind::Update;
        self
    }

    /// Also answers these error statuses, which the rest of the declaration does not
    /// imply (a public operation refusing credentials with 401).
    pub(crate) fn answers(mut self, statuses: &[u16]) -> Self {
        self.op.answers.extend_from_slice(statuses);
        self
    }

    /// Answers 202: the work goes on after the answer.
    pub(crate) fn accepted(mut self) -> Self {
        self.op.status = 202;
        self
    }

    /// Answers JSON of type `T`.
    pub(crate) fn reply<T: JsonSchema>(mut self) -> Self {
        self.op.response = Body::Json(schema::<T>);
        self
    }

    /// Answers 204 without a body.
    pub(crate) fn no_content(mut self) -> Self {
        self.op.status = 204;
        self.op.response = Body::Empty;
        self
    }

    /// Answers a stream of server-sent events, named and shaped as `events` says.
    pub(crate) fn event_stream(mut self, events: fn() -> Vec<(&'static str, SchemaFn)>) -> Self {
        self.op.response = Body::EventStream(events);
        self
    }

    /// Ends the declaration with the handler that serves the operation.
    pub(crate) fn to<H, T>(self, handler: H) -> Route
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let mut op = self.op;
        if op.kind == Kind::Update
            && op.request.is_some()
            && !op.request_omits.contains(&"expected_version")
        {
            op.request_omits.push("expected_version");
        }
        let filter = if op.method == Method::GET {
            MethodFilter::GET
        } else {
            MethodFilter::POST
        };
        Route {
            op,
            endpoint: axum::routing::on(filter, handler),
        }
    }
}

impl Declaration {
    /// Ends a report's declaration with the function that computes the report from the
    /// query: it answers JSON of type `T` at its path and, when declared with [`report!`],
    /// the same report as CSV ([`crate::csv`]) at its CSV path, with the same roles,
    /// parameters and validation, so a bad parameter answers the same problem on both.
    pub(crate) fn report<Q, T, F, Fut>(self, compute: F) -> Vec<Route>
    where
        Q: DeserializeOwned + Send + 'static,
        T: Serialize + Table + JsonSchema + Send + 'static,
        F: Fn(State<AppState>, Extension<Principal>, Query<Q>) -> Fut
            + Clone
            + Send
            + Sync
            + 'static,
        Fut: Future<Output = Result<T, ApiError>> + Send + 'static,
    {
        let mut routes = Vec::with_capacity(2);
        if let Some((csv_id, csv_path)) = self.csv {
            let stem = self.op.path.rsplit('/').next().unwrap_or("report");
            let mut op = self.op.clone();
            op.id = csv_id;
            op.path = csv_path;
            op.response = Body::Csv(T::COLUMNS);
            let compute = compute.clone();
            routes.push(Declaration { op, csv: None }.to(
                move |s: State<AppState>, p: Extension<Principal>, q: Query<Q>| {
                    let compute = compute.clone();
                    async move {
                        compute(s, p, q)
                            .await
                            .map(|r| crate::csv::response(stem, &r))
                    }
                },
            ));
        }
        let json = Declaration {
            csv: None,
            ..self.reply::<T>()
        }
        .to(
            move |s: State<AppState>, p: Extension<Principal>, q: Query<Q>| {
                let compute = compute.clone();
                async move { compute(s, p, q).await.map(Json) }
            },
        );
        routes.insert(0, json);
        routes
    }

    /// Ends the declaration of a company setting's history (`GET /<setting>/history`): the
    /// versions the service keeps of `setting`, newest first and a page at a time, each
    /// with who stored it by name; read by managers and administrators. Every setting's
    /// history is declared with this, `R` being its service's history request.
    pub(crate) fn setting_history<R>(self, setting: &'static str) -> Route
    where
        R: Request<Reply = Page<SettingVersion>> + From<SettingHistoryQuery>,
    {
        self.roles(SETTING_HISTORY_READERS)
            .params(&[LIMIT, VERSION_CURSOR])
            .reply::<Page<SettingVersion>>()
            .to(
                move |State(s): State<AppState>,
                      Extension(p): Extension<Principal>,
                      Query(q): Query<super::query::PageQuery>| async move {
                    let req = R::from(SettingHistoryQuery {
                        setting: setting.to_owned(),
                        limit: crate::http::parse_limit(q.limit.as_deref())?,
                        cursor: q.cursor,
                    });
                    let mut page = s.call(&req, Some(&p)).await?;
                    let ids = page.items.iter().map(|v| v.updated_by.clone()).collect();
                    let names = super::visibility::display_names(&s, ids).await?;
                    for v in &mut page.items {
                        v.updated_by_name = names.get(&v.updated_by).cloned();
                    }
                    Ok::<_, ApiError>(Json(page))
                },
            )
    }

    /// A forwarded operation takes `R` as its body (a `POST`) and answers `R`'s reply.
    fn forwarding<R>(mut self) -> Self
    where
        R: Request + JsonSchema,
        R::Reply: JsonSchema,
    {
        if self.op.method != Method::GET {
            self.op.request = Some(schema::<R>);
        }
        self.op.response = Body::Json(schema::<R::Reply>);
        self
    }

    /// Ends the declaration with the handler that only passes the request on as `R` and
    /// answers the service's reply unchanged, as JSON: for a `GET` the request is made
    /// from the path's parameters, for a `POST` from the body and the path's parameters
    /// (the fields [`Declaration::path_fills`] names, else the parameters' own names).
    /// The body and reply types are `R` and its reply.
    pub(crate) fn forward<R>(self) -> Route
    where
        R: Request + JsonSchema,
        R::Reply: JsonSchema,
    {
        let this = self.forwarding::<R>();
        let fields = PathFields::of(this.op.path, &this.op.request_omits);
        if this.op.method == Method::GET {
            this.to(
                move |s: State<AppState>,
                      p: Extension<Principal>,
                      params: Path<Vec<(String, String)>>| {
                    forward::read::<R>(fields.clone(), s, p, params)
                },
            )
        } else {
            this.to(
                move |s: State<AppState>,
                      p: Extension<Principal>,
                      params: Path<Vec<(String, String)>>,
                      headers: HeaderMap,
                      body: axum::body::Body| {
                    forward::send::<R>(fields.clone(), s, p, params, headers, body)
                },
            )
        }
    }

    /// As [`Declaration::forward`] for a versioned object, whose version is the reply's
    /// ETag: a `GET` reads it, a `POST` updates it at the version in `If-Match`.
    pub(crate) fn forward_versioned<R>(self) -> Route
    where
        R: Request + JsonSchema,
        R::Reply: Versioned + JsonSchema,
    {
        let this = self.forwarding::<R>();
        let fields = PathFields::of(this.op.path, &this.op.request_omits);
        if this.op.method == Method::GET {
            this.to(
                move |s: State<AppState>,
                      p: Extension<Principal>,
                      params: Path<Vec<(String, String)>>| {
                    forward::read_versioned::<R>(fields.clone(), s, p, params)
                },
            )
        } else {
            this.to(
                move |s: State<AppState>,
                      p: Extension<Principal>,
                      params: Path<Vec<(String, String)>>,
                      headers: HeaderMap,
                      body: axum::body::Body| {
                    forward::update::<R>(fields.clone(), s, p, params, headers, body)
                },
            )
        }
    }
}

/// A declared operation with the handler that serves it.
pub(crate) struct Route {
    /// What the guard enforces and the reference documents.
    pub(crate) op: Operation,
    endpoint: MethodRouter<AppState>,
}

impl Route {
    /// The handler with the operation attached as a request extension, outside `guard`
    /// (which reads it), and `guard` run only when the method matches.
    pub(crate) fn guarded(
        self,
        guard: impl FnOnce(MethodRouter<AppState>) -> MethodRouter<AppState>,
    ) -> (&'static str, MethodRouter<AppState>) {
        let path = self.op.path;
        let op = Arc::new(self.op);
        (path, guard(self.endpoint).route_layer(axum::Extension(op)))
    }
}

/// The operations of one part of the API, in the order the reference lists them.
pub(crate) struct Routes {
    tag: &'static str,
    /// The declared operations.
    pub(crate) routes: Vec<Route>,
}

impl Routes {
    /// Routes whose reference group is `tag` unless a declaration says otherwise.
    pub(crate) fn tagged(tag: &'static str) -> Self {
        Self {
            tag,
            routes: Vec::new(),
        }
    }

    /// Adds one declared operation.
    pub(crate) fn add(mut self, mut route: Route) -> Self {
        if route.op.tag.is_empty() {
            route.op.tag = self.tag;
        }
        self.routes.push(route);
        self
    }

    /// Adds a report's operations ([`Declaration::report`]).
    pub(crate) fn add_all(self, routes: Vec<Route>) -> Self {
        routes.into_iter().fold(self, Self::add)
    }
}
