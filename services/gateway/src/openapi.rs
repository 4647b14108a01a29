//! The OpenAPI 3.1 document, generated from the [declared operations](crate::api::operation)
//! and the request and response types' JSON Schemas, served at `/api/v1/openapi.json`
//! (browsable at `/api/docs`, the console build's reference page, see [`crate::console`]);
//! and the permission matrix as Markdown for `docs/API.md`.
use aftercare_contracts::Role;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, SchemaGenerator};
use serde_json::{Map, Value, json};

use crate::api::operation::{Access, Body, In, Kind, Operation, SchemaFn};
use crate::api::operations;
use crate::error::Problem;

/// States the range of a fixed-size integer (`format: uint32`, …), which serde refuses
/// outside it.
fn integer_bounds(schema: &mut schemars::Schema) {
    schemars::transform::transform_subschemas(&mut integer_bounds, schema);
    let range = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => (0, i128::from(u8::MAX)),
        Some("uint16") => (0, i128::from(u16::MAX)),
        Some("uint32") => (0, i128::from(u32::MAX)),
        Some("uint64") | Some("uint") => (0, i128::from(i64::MAX)),
        Some("int8") => (i128::from(i8::MIN), i128::from(i8::MAX)),
        Some("int16") => (i128::from(i16::MIN), i128::from(i16::MAX)),
        Some("int32") => (i128::from(i32::MIN), i128::from(i32::MAX)),
        Some("int64") | Some("int") => (i128::from(i64::MIN), i128::from(i64::MAX)),
        _ => return,
    };
    if let Some(o) = schema.as_object_mut() {
        let min = o.get("minimum").and_then(Value::as_f64);
        if min.is_none_or(|m| m < range.0 as f64) {
            o.insert("minimum".into(), json!(range.0 as i64));
        }
        let max = o.get("maximum").and_then(Value::as_f64);
        if max.is_none_or(|m| m > range.1 as f64) {
            o.insert("maximum".into(), json!(range.1 as i64));
        }
    }
}

fn generator() -> SchemaGenerator {
    let settings = SchemaSettings::draft2020_12().with(|s| {
        s.definitions_path = "/components/schemas".into();
        s.meta_schema = None;
        s.transforms.push(Box::new(integer_bounds));
    });
    SchemaGenerator::new(settings)
}

fn schema_of<T: JsonSchema>(g: &mut SchemaGenerator) -> Value {
    g.subschema_for::<T>().to_value()
}

/// The request body schema with the fields the path supplies removed.
fn request_schema(g: &mut SchemaGenerator, op: &Operation) -> Option<Value> {
    let make = op.request?;
    let schema = make(g).to_value();
    if op.request_omits.is_empty() {
        return Some(schema);
    }
    // Inline a copy of the referenced type without the omitted fields.
    let name = schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
        .map(str::to_owned)?;
    let mut inline = g.definitions().get(&name).cloned()?;
    if let Some(props) = inline.get_mut("properties").and_then(Value::as_object_mut) {
        for f in &op.request_omits {
            props.remove(*f);
        }
    }
    if let Some(req) = inline.get_mut("required").and_then(Value::as_array_mut) {
        req.retain(|v| !v.as_str().is_some_and(|s| op.request_omits.contains(&s)));
    }
    Some(inline)
}

/// A server-sent event stream: the body is text, and each event (OpenAPI 3.2's
/// `itemSchema`) is one of the named events, its `data` JSON of the event's schema.
fn event_stream(g: &mut SchemaGenerator, events: Vec<(&'static str, SchemaFn)>) -> Value {
    let names: Vec<String> = events.iter().map(|(n, _)| format!("`{n}`")).collect();
    let items: Vec<Value> = events
        .into_iter()
        .map(|(name, make)| {
            let mut data = make(g).to_value();
            if name.contains('.') {
                data = json!({"allOf": [data, {"properties": {"type": {"const": name}}}]});
            }
            json!({
                "type": "object",
                "title": name,
                "properties": {
                    "event": {"const": name},
                    "id": {"type": "string"},
                    "data": {
                        "type": "string",
                        "contentMediaType": "application/json",
                        "contentSchema": data,
                    },
                },
                "required": ["event", "data"],
            })
        })
        .collect();
    json!({
        "description": format!(
            "A stream of server-sent events: `ready` first, then one event per change the caller may see, named by its event type (`data` JSON with the ids concerned, never personal data; `id` the event's id), `lagged` when updates were dropped for a slow reader, `ended` when the access that opened the stream ended. Events: {}.",
            names.join(", ")
        ),
        "content": {"text/event-stream": {
            "schema": {"type": "string"},
            "itemSchema": {"oneOf": items},
        }}
    })
}

/// Every error status an operation may declare, with its meaning in the reference.
const ERRORS: &[(u16, &str, &str)] = &[
    (
        400,
        "BadRequest",
        "The body is not valid JSON, or a query parameter is malformed.",
    ),
    (
        401,
        "Unauthenticated",
        "Not signed in, or the credentials are wrong, expired or revoked.",
    ),
    (
        403,
        "Forbidden",
        "The caller's role may not use this operation, or the account must change its password first.",
    ),
    (
        404,
        "NotFound",
        "No such object, or one the caller may not see.",
    ),
    (
        409,
        "Conflict",
        "The object's state does not allow this, a duplicate, or the first request with this Idempotency-Key is still in progress.",
    ),
    (
        412,
        "PreconditionFailed",
        "If-Match names a version that is no longer current: read the object again.",
    ),
    (
        413,
        "PayloadTooLarge",
        "The body is larger than the gateway accepts.",
    ),
    (
        415,
        "UnsupportedMediaType",
        "The body is not sent as application/json.",
    ),
    (
        422,
        "ValidationFailed",
        "Invalid fields, named in `errors`, or an Idempotency-Key reused with another request.",
    ),
    (
        428,
        "PreconditionRequired",
        "If-Match is missing: send the ETag of the version read.",
    ),
    (
        429,
        "TooManyRequests",
        "Slow down; retry after Retry-After seconds.",
    ),
    (502, "BadGateway", "A service's reply could not be read."),
    (
        503,
        "ServiceUnavailable",
        "A service is unavailable or busy; retry after Retry-After seconds.",
    ),
    (
        504,
        "GatewayTimeout",
        "A service did not answer in time; retry after Retry-After seconds.",
    ),
];

/// The name of the response component for an error status.
fn problem_name(status: u16) -> &'static str {
    ERRORS
        .iter()
        .find(|(s, _, _)| *s == status)
        .map_or("Problem", |(_, name, _)| name)
}

/// The response components: one per error status, and `Problem` for any other.
fn problem_responses(problem: &Value) -> Value {
    let retry_after = json!({"Retry-After": {"description": "Seconds to wait before retrying (429, 503, 504).", "schema": {"type": "integer", "minimum": 0}}});
    let mut out = Map::new();
    out.insert(
        "Problem".into(),
        json!({
            "description": "RFC 9457 problem details: 400 malformed, 401 not signed in, 403 role not permitted, 404 not found (also objects that are not yours), 405, 409 conflict, 412 stale If-Match, 413 too large, 415 not JSON, 422 invalid fields (named in `errors`), 428 If-Match missing, 429 slow down (Retry-After), 502/503/504 a service is unavailable or slow (Retry-After).",
            "headers": retry_after,
            "content": {"application/problem+json": {"schema": problem}}
        }),
    );
    for (status, name, text) in ERRORS {
        let mut r = json!({
            "description": text,
            "content": {"application/problem+json": {"schema": problem}}
        });
        if matches!(status, 429 | 503 | 504 | 502) {
            r["headers"] = retry_after.clone();
        }
        out.insert((*name).into(), r);
    }
    Value::Object(out)
}

fn access_text(op: &Operation) -> String {
    match op.access {
        Access::Public => "Public.".into(),
        Access::SignedIn => "Any signed-in caller.".into(),
        Access::Roles(r) => format!(
            "Roles: {}.",
            r.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ")
        ),
    }
}

fn operation(g: &mut SchemaGenerator, op: &Operation) -> Value {
    let mut params: Vec<Value> = op
        .params
        .iter()
        .map(|p| {
            json!({
                "name": p.name,
                "in": if p.at == In::Path { "path" } else { "query" },
                "required": p.required || p.at == In::Path,
                "description": p.doc,
                "schema": (p.schema)(g).to_value(),
            })
        })
        .collect();
    match op.kind {
        Kind::Create => params.push(json!({
            "name": "Idempotency-Key", "in": "header", "required": false,
            "description": "Makes retries safe: the first response to a key is returned again; the same key with another request is refused (422).",
            "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$"}
        })),
        Kind::Update => params.push(json!({
            "name": "If-Match", "in": "header", "required": true,
            "description": "The ETag of the version read; 412 when it changed since, 428 when missing.",
            "schema": {"type": "string", "pattern": crate::http::ETAG.pattern}
        })),
        Kind::Read | Kind::Action => {}
    }
    let success = match op.response {
        Body::Json(make) => {
            let mut r = json!({
                "description": "Success.",
                "content": {"application/json": {"schema": make(g).to_value()}}
            });
            if matches!(op.kind, Kind::Read | Kind::Update | Kind::Create) {
                r["headers"] = json!({"ETag": {"$ref": "#/components/headers/ETag"}});
            }
            r
        }
        Body::EventStream(events) => event_stream(g, events()),
        Body::Empty => json!({"description": "Done; no content."}),
        Body::Csv(columns) => json!({
            "description": format!(
                "The report as a CSV file (RFC 4180, UTF-8 with a byte-order mark), the same figures as its JSON form: a header line of the columns {}, then one line per row.",
                columns.join(", ")
            ),
            "content": {"text/csv": {"schema": {"type": "string"}}}
        }),
        Body::File(media, doc) => {
            let content: Map<String, Value> = media
                .iter()
                .map(|m| {
                    (
                        (*m).to_owned(),
                        json!({"schema": {"type": "string", "contentMediaType": m}}),
                    )
                })
                .collect();
            json!({
                "description": doc,
                "headers": {
                    "ETag": {"description": "The SHA-256 of the bytes; send it in If-None-Match to be answered 304 when unchanged.", "schema": {"type": "string"}},
                    "Content-Disposition": {"description": "`inline` with the name the server gave the file.", "schema": {"type": "string"}},
                    "Cache-Control": {"description": "`private`: the bytes of an id never change, and only the caller's own cache may keep them.", "schema": {"type": "string"}}
                },
                "content": content,
            })
        }
    };
    let mut responses = Map::new();
    responses.insert(op.status.to_string(), success);
    for status in op.error_statuses() {
        responses.insert(
            status.to_string(),
            json!({"$ref": format!("#/components/responses/{}", problem_name(status))}),
        );
    }
    responses.insert(
        "default".into(),
        json!({"$ref": "#/components/responses/Problem"}),
    );
    let mut description = access_text(op);
    if !op.scope.is_empty() {
        description.push_str(&format!(" Scope — {}.", op.scope));
    }
    if op.ticket_code {
        description.push_str(" Also open to a ticket-code session for its ticket.");
    }
    let mut o = json!({
        "operationId": op.id,
        "summary": op.summary,
        "description": description,
        "tags": [op.tag],
        "parameters": params,
        "responses": responses,
        "x-aftercare-ticket-code": op.ticket_code,
        "x-aftercare-roles": match op.access {
            Access::Public => json!("public"),
            Access::SignedIn => json!("signed-in"),
            Access::Roles(r) => json!(r.iter().map(|r| r.name()).collect::<Vec<_>>()),
        },
    });
    if matches!(op.access, Access::Public) {
        o["security"] = json!([]);
    }
    if let Some(upload) = op.upload {
        let content: Map<String, Value> = upload
            .media
            .iter()
            .map(|m| {
                (
                    (*m).to_owned(),
                    json!({"schema": {"type": "string", "contentMediaType": m}}),
                )
            })
            .collect();
        o["requestBody"] = json!({
            "required": true,
            "description": upload.doc,
            "content": content,
        });
    }
    if let Some(body) = request_schema(g, op) {
        o["requestBody"] = json!({
            "required": true,
            "content": {"application/json": {"schema": body}}
        });
    }
    o
}

/// The whole document.
pub(crate) fn document() -> Value {
    let mut g = generator();
    let problem = schema_of::<Problem>(&mut g);
    let mut paths = Map::new();
    for op in &operations() {
        let path = format!("/api/v1{}", op.path);
        let entry = paths
            .entry(path)
            .or_insert_with(|| Value::Object(Map::new()));
        entry[op.method.as_str().to_lowercase()] = operation(&mut g, op);
    }
    let schemas = g.take_definitions(true);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Aftercare API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "After-sales service: tickets, dispatch, parts, receipts and callbacks. Sign in at /api/v1/auth/token and send `Authorization: Bearer <token>`. Errors are RFC 9457 problem+json with a stable `code`. Lists take `limit` (1–500) and `cursor` and answer `{items, next_cursor}`. Creating POSTs take `Idempotency-Key`; updates need `If-Match`. Every response carries `traceparent`.",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {
                    "type": "http", "scheme": "bearer",
                    "description": "An access token from /api/v1/auth/token, an API token (act_…), a ticket-code session token, or a token from the configured OIDC issuer."
                }
            },
            "headers": {
                "ETag": {"description": "The object's version; send it back in If-Match to update.", "schema": {"type": "string"}}
            },
            "responses": problem_responses(&problem),
        }
    })
}

/// `docs/API.md`: the permission matrix, generated from the declared operations.
pub fn permission_matrix_markdown() -> String {
    let mut out = String::from(
        "# API operations and permissions\n\n\
         Generated from the operations declared in `services/gateway/src/api/` (the declarations \
         the gateway routes and enforces); \
         regenerate with `UPDATE_SCHEMAS=1 cargo test -p aftercare-gateway`.\n\n\
         ✔ = allowed, · = 403. \"own\" rules narrow what an allowed role sees; another customer's \
         or technician's object answers 404. `code` = a ticket-code session (no account).\n\n\
         Every report under `/reports/` has a CSV form at its path with `.csv` (`/reports/tickets.csv`): \
         the same roles, query parameters and checks (a bad parameter answers the same 422 \
         problem), the same figures as the JSON report, one row per line of it (a total last where \
         the report has one), UTF-8 with a byte-order mark and a header line of the columns, which \
         the reference lists per report. The ticket report groups by `channel` among others.\n\n\
         Attachments (photos, the customer's signature) are uploaded as the raw bytes of the \
         file, not multipart: `POST /workorders/{id}/attachments?kind=photo|signature` or `POST \
         /tickets/{id}/attachments?kind=photo` with `Content-Type: image/jpeg`, `image/png` or \
         `image/webp` and the image as the body (a `Blob` from a canvas or a camera `File` in \
         `fetch`, which a browser can also keep in IndexedDB for a retry). The bytes decide the \
         type: anything that is not a JPEG, PNG or WebP image answers 415 (`body`, \
         `not_an_image`), a type other than the one declared 422 (`body`, `content_mismatch`), an \
         unlisted `Content-Type` 415 naming `Content-Type`. A photo is at most 10 MiB and a \
         signature at most 200 KiB (413 naming `body`; a `Content-Length` above the limit is \
         refused before anything is read): scale a phone's photo down before sending it. An owner \
         holds at most 50 (422 `too_many`); a ticket takes photos only. The answer (201) is the \
         attachment's record with its id, SHA-256 and the path of its bytes; send an \
         `Idempotency-Key` so a retry of the whole upload after a dropped connection stores one \
         (a body that broke off stores nothing). `GET /attachments/{id}/content` answers the \
         bytes with their type, `Content-Disposition: inline` under the server's name, \
         `X-Content-Type-Options: nosniff`, the SHA-256 as `ETag` (304 to `If-None-Match`) and \
         `Cache-Control: private`; the console shows them from `fetch` with the bearer token, as \
         a `data:` URL. The visit report (`completeWorkOrder`) names its signature as \
         `signature.attachment_id` and its photos as `photo_attachment_ids` (uploads of that work \
         order of that kind, else 422 naming the field); a report with `chargeable: true` without \
         the signature's drawing is refused (422 `signature`). Uploads to a work order that its \
         filed report leaves out, or of a cancelled work order, are removed a day after they were \
         stored.\n\n\
         What a visit will charge is asked before the customer signs at `POST \
         /workorders/{id}/charge-preview` with what the report will say so far (`started_at`, \
         `finished_at`, `fault`, `parts`, `outcome`): billing prices it with the functions that \
         issue the receipt (the fee schedule in force on the day it finishes, the call-out of \
         the district and kind of visit, labour in started quarter hours or a flat rate, each \
         part at the price book's list price, coverage by warranty, contract or the brand's \
         warranty, a key-account discount) and answers the lines with why each is covered or \
         charged, the totals and the tax, stored nowhere; the receipt issued for the report \
         holds the same. A visit waiting for parts shows its call-out and labour, one taken to \
         the workshop or not fixed `receipt: false` and nothing charged. The technician asks \
         for their own work orders (another's is 404), the desk and the cashiers for any; the \
         finish before the start, a malformed fault or part line answer 422 naming the field.\n\n\
         Work that is not covered is quoted (报价) before it is done: `POST \
         /workorders/{id}/quotations` takes what the charge preview takes and stores the \
         quotation `offered` with the preview's lines and totals and `charged_if_refused`, the \
         call-out when the fee schedule's `refused_quote_call_out` says a refusal charges it \
         (201, ETag `\"1\"`, `Idempotency-Key` honoured); work that charges nothing, a second \
         quotation while one waits for an answer, or one after a refusal answer 409 \
         (`nothing_to_quote`, `quotation_open`, `quotation_refused`), a report outcome other than \
         completed 422 on `outcome`. `POST /quotations/{id}/answer` records the customer's answer \
         once (`accepted` or `refused`, `answered_by` who answered for the customer, a `note`) at \
         the version in `If-Match` (428 without, 412 stale, 409 `already_answered`): a refusal \
         ends the visit, issuing at once a receipt of the call-out alone when the quotation \
         charges one (its id in `receipt_id`), and the visit's report then makes no other \
         receipt. The technician quotes and answers on their own work orders (another's is 404), \
         the agent and the dispatcher on any; `GET /workorders/{id}/quotations` and `GET \
         /quotations/{id}` read them. The return visit of a repair that waited for parts \
         charges no second call-out unless the fee schedule's `return_visit_call_out` says so.\n\n\
         Machines repaired at the workshop (内修 / 送修) are workshop jobs (`/workshop-jobs`, \
         dispatch's): a visit report ending `taken_to_workshop` receives its machine there at \
         once; `POST /workshop-jobs` (201, ETag `\"1\"`, `Idempotency-Key` honoured) receives a \
         machine a customer brought in (`origin: customer`) or a dealer sent in (`origin: \
         dealer`, with `dealer` and, when we collect it, its address) for the ticket the desk \
         registered (`ticket_id`; its number, customer, district and machine are read from it \
         and refused in the body), or from a visit that could not fix it (`origin: visit`, \
         `work_order_id`; a second receipt of one machine is 409 `already_received`), with what \
         is wrong and the accessories received. Each step is made at the version in `If-Match` \
         (428 without, 412 stale) and one its state does not allow is 409 \
         `illegal_transition`: `POST /workshop-jobs/{id}/diagnosis` (the workshop technician, a \
         technician as themselves, the fault code on the company's list, the parts needed), \
         `POST /workshop-jobs/{id}/transitions` (`repairing`, `waiting_for_parts`, \
         `could_not_repair` with its `note`, `ready_for_return` with `return_method` \
         `picked_up`, `delivered` or, for a dealer's machine only, `shipped_to_dealer`, and \
         `returned` with its `reference`, the waybill required when shipped back) and `POST \
         /workshop-jobs/{id}/repair` (parts with the customer's consent, the times, the result): \
         the repair is announced as a completed visit of the job (`dispatch.workorder.completed`, \
         the job's id as the work order's), so the parts leave stock and the receipt is issued as \
         for a visit (`GET /invoices?work_order_id=` the job's id). The customer is told when the \
         machine is received, when the work is done and when it is ready to go back.\n\n\
         The OpenAPI document (`/api/v1/openapi.json`) states every limit a service checks on a \
         request that JSON Schema can state (`minLength`, `maxLength`, `pattern`, `minimum`, \
         `maximum`, `minItems`, `maxItems`, `enum`), read from the same constants the validators \
         use (`shared/contracts`: `limits` and each service's `limits` module), so a request the \
         schema accepts is not refused for its shape: a text's length (at least one character that \
         is not a space where it is required), a ticket number, a date, a phone number, a count, \
         a range such as a technician's daily capacity (1–50) or an SLA target (1–100000 working \
         minutes). What a schema cannot state answers 422 naming the field: one date after \
         another, relative to today, one field depending on another, names unique in a list, a \
         record or product line that must exist, a cursor the list did not hand out. A whole \
         number written with a zero fraction (`6.0`) is taken as the integer it is, as JSON Schema's \
         `integer` does. `tests/e2e` runs schemathesis with all its checks against this document, \
         signed out and as an administrator.\n\n\
         Company settings (SLA targets, priority rules, notification texts, duration defaults, \
         the fault list, the questionnaire, quality thresholds, call assignment rules, the company \
         profile) are read whole with their version as the `ETag` and replaced whole with that version in \
         `If-Match` (`\"0\"` while the built-in setting applies; 412 when it moved on, 428 \
         without). The company profile (`/company-profile`) is what the console prints at the \
         head and foot of a receipt: `profile` is null until the administrator sets it, and the \
         reply names who stored the version (`updated_by`, an account id) and when \
         (`updated_at`). Every one of these settings except the questionnaire keeps its stored \
         versions, read the same way at `GET /<setting>/history` (`/priority-rules/history`, \
         `/sla-policy/history`, `/notification-templates/history`, `/duration-defaults/history`, \
         `/fault-codes/history`, `/company-profile/history`, `/quality-thresholds/history`, \
         `/call-rules/history`) by managers and administrators: newest first, a page at a time \
         (`limit`, `cursor`), each version with its number, when it was stored, who stored it \
         (`updated_by`, and `updated_by_name`, the account's display name, when the gateway knows \
         the account) and its entries (`items`, each shaped as the setting's `GET` answers it; \
         the company profile's one profile). The built-in setting (version 0) is not a stored \
         version and is not listed.\n\n\
         Where an answer names who did something by account id (`recorded_by`, `updated_by`, \
         an `actor`), every member of staff reads the display names at `GET \
         /accounts/names?ids=<id>,<id>`: up to 100 ids, answered as `names` (`id`, \
         `display_name`) in the order asked, each known account once; an id that names no account \
         (a service, a job, a removed account) is simply absent. An empty list, an empty id, an \
         id over 64 characters or more than 100 ids answer 422 naming `ids`.\n\n\
         A machine's service history (`GET /machines/{id}/visits`) is every ticket about the \
         machine record, newest first, a page of tickets at a time (`limit` 1–50, default 20; \
         `cursor` the `next_cursor` handed out, a ticket id, else 422 naming it), each with its \
         symptom and its work orders newest first: state, technician (`technician_name` from \
         dispatch), the visit report's outcome, fault code, diagnosis, result, parts used, meter \
         reading and time on site. The desk reads any machine's; a technician only the machines of \
         their own work orders that are open (assigned, accepted, on the way, on site, waiting for \
         parts) or that they finished on the company's today, and is answered 403 for any other. \
         The record history of the machine's fields (`/machines/{id}/history`) stays the desk's.\n\n\
         The messages sent to customers (`GET /messages`, 已发送消息) are read from the notifier, \
         which keeps one per notification with its delivery status: `pending`, `failed` (tried \
         again at `next_attempt_at`), `sent`, `dead_lettered` (given up after its attempts, with \
         `last_error`) or `unsent` (no channel configured for it: what would have been sent, the \
         trial mode of `aftercare up`; `GET /notification-channels` lists the channels \
         configured). Newest first, a page at a time (`limit` 1–500, default 50; `cursor` the \
         `next_cursor` handed out, a message id, else 422 naming it), filtered by `status`, \
         `channel`, `ticket_id`, `customer_id` and the time recorded (`from` inclusive, `to` \
         exclusive, RFC 3339); `GET /messages/{id}` is one, with each sending attempt oldest \
         first (`attempt_history`: `attempt`, `at`, `outcome` `sent`, `failed` or `refused`, the \
         provider's answer code `provider_status` when it answered, and `error`, what it said or \
         why it was not reached; lists leave it out), `GET /tickets/{id}/messages` a \
         ticket's. Agents, dispatchers, callback agents, managers and administrators read them; \
         the address is masked (a phone as elsewhere, an e-mail address to its first character \
         and domain, a WeChat id to its first two characters), one message revealed with \
         `personal_data=show` and a `reason` (audit-logged). A one-time code and an answer \
         link's token are always masked in the text.\n\n",
    );
    out.push_str("| operation | method | path |");
    for r in Role::ALL {
        out.push_str(&format!(" {} |", r.name()));
    }
    out.push_str(" code | scope |\n|---|---|---|");
    for _ in Role::ALL {
        out.push_str(":-:|");
    }
    out.push_str(":-:|---|\n");
    for op in &operations() {
        out.push_str(&format!(
            "| {} | {} | `/api/v1{}` |",
            op.id, op.method, op.path
        ));
        for r in Role::ALL {
            let cell = match op.access {
                Access::Public => "public",
                _ if op.access.allows(r) => "✔",
                _ => "·",
            };
            out.push_str(&format!(" {cell} |"));
        }
        let code = if matches!(op.access, Access::Public) {
            "public"
        } else if op.ticket_code {
            "✔"
        } else {
            "·"
        };
        out.push_str(&format!(" {code} | {} |\n", op.scope));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_documented_with_its_errors() {
        let doc = document();
        assert_eq!(doc["openapi"], "3.1.0");
        for op in &operations() {
            let o = &doc["paths"][format!("/api/v1{}", op.path)][op.method.as_str().to_lowercase()];
            assert_eq!(o["operationId"], op.id);
            assert!(o["responses"]["default"].is_object(), "{}", op.id);
            assert!(
                o["responses"][op.status.to_string()].is_object(),
                "{}",
                op.id
            );
            let documented = |s: u16| o["responses"][s.to_string()]["$ref"].is_string();
            if op.kind == Kind::Update {
                for s in [409, 412, 428] {
                    assert!(documented(s), "{}: {s}", op.id);
                }
            }
            if op.request.is_some() {
                for s in [400, 413, 415, 422] {
                    assert!(documented(s), "{}: {s}", op.id);
                }
            }
            match op.access {
                Access::Public => assert!(!documented(403), "{}", op.id),
                _ => assert!(documented(401) && documented(403), "{}", op.id),
            }
            if op.path.contains('{') {
                assert!(documented(404), "{}", op.id);
            }
        }
        let responses = doc["components"]["responses"]
            .as_object()
            .expect("responses");
        for (_, name, _) in ERRORS {
            assert!(responses.contains_key(*name), "{name}");
        }
        let schemas = doc["components"]["schemas"].as_object().expect("schemas");
        for name in ["Ticket", "OpenTicket", "WorkOrder", "Problem", "TokenPair"] {
            assert!(schemas.contains_key(name), "{name}");
        }
        let text = doc.to_string();
        assert!(!text.contains("#/$defs"), "refs point into components");
    }

    #[test]
    fn every_event_of_the_live_stream_is_named_with_its_schema() {
        let doc = document();
        let items = doc["paths"]["/api/v1/stream"]["get"]["responses"]["200"]["content"]
            ["text/event-stream"]["itemSchema"]["oneOf"]
            .as_array()
            .expect("events")
            .clone();
        let named = |n: &str| {
            items
                .iter()
                .find(|i| i["properties"]["event"]["const"] == n)
                .unwrap_or_else(|| panic!("{n}"))["properties"]["data"]["contentSchema"]
                .clone()
        };
        assert_eq!(named("ready")["$ref"], "#/components/schemas/LiveReady");
        assert_eq!(named("lagged")["$ref"], "#/components/schemas/LiveLagged");
        assert_eq!(named("ended")["$ref"], "#/components/schemas/LiveEnded");
        let assigned = named("dispatch.workorder.assigned");
        assert_eq!(
            assigned["allOf"][0]["$ref"],
            "#/components/schemas/LiveUpdate"
        );
        assert_eq!(
            assigned["allOf"][1]["properties"]["type"]["const"],
            "dispatch.workorder.assigned"
        );
        assert_eq!(
            items.len(),
            3 + aftercare_contracts::live::update_events().len()
        );
    }

    /// The request bodies of dispatch's, survey's and intake's updates state the limits
    /// from the constants the services' validators check with (the services' tests check
    /// the validators against the same schemas).
    #[test]
    fn request_bodies_state_the_limits_the_services_check() {
        use aftercare_contracts::limits::{Count, Range, Shape, Text};
        use aftercare_contracts::{dispatch, intake, survey};
        use aftercare_testkit::limits::stated_in;
        let doc = document();
        let at = |path: &str, field: &str| {
            let body = &doc["paths"][format!("/api/v1{path}")]["post"]["requestBody"]["content"]["application/json"]
                ["schema"];
            assert!(body.is_object(), "{path}");
            stated_in(&doc, body, field)
        };
        let text = |path: &str, field: &str, t: Text| {
            let s = at(path, field);
            let min = (t.min > 0).then_some(t.min as u64);
            assert_eq!(
                (s.min_length, s.max_length),
                (min, Some(t.max as u64)),
                "{path} {field}"
            );
        };
        let range = |path: &str, field: &str, r: Range| {
            let s = at(path, field);
            assert_eq!(
                (s.minimum, s.maximum),
                (Some(r.min as f64), Some(r.max as f64)),
                "{path} {field}"
            );
        };
        let count = |path: &str, field: &str, c: Count| {
            let s = at(path, field);
            let min = (c.min > 0).then_some(c.min as u64);
            assert_eq!(
                (s.min_items, s.max_items),
                (min, Some(c.max as u64)),
                "{path} {field}"
            );
        };
        let shape = |path: &str, field: &str, sh: Shape| {
            let s = at(path, field);
            assert!(
                s.patterns.iter().any(|p| p == sh.pattern),
                "{path} {field}: {:?}",
                s.patterns
            );
        };
        let complete = "/workorders/{id}/complete";
        text(complete, "diagnosis", dispatch::limits::DIAGNOSIS);
        shape(complete, "fault", dispatch::limits::FAULT);
        count(complete, "parts", dispatch::limits::REPORTED_PARTS);
        range(complete, "parts[].quantity", dispatch::limits::QUANTITY);
        text(
            complete,
            "parts_needed[].location",
            dispatch::limits::LOCATION,
        );
        text(complete, "signature.signer", dispatch::limits::SIGNER);
        text(
            complete,
            "signature.image_png_base64",
            dispatch::limits::SIGNATURE_IMAGE,
        );
        range(
            complete,
            "consumables_level",
            dispatch::limits::CONSUMABLES_LEVEL,
        );
        text(complete, "hazards", dispatch::limits::VISIT_NOTE);
        text(complete, "return_visit_note", dispatch::limits::VISIT_NOTE);
        count("/fault-codes", "codes", dispatch::limits::FAULT_CODES);
        shape("/fault-codes", "codes[].code", dispatch::limits::FAULT);
        text(
            "/fault-codes",
            "codes[].label_zh",
            dispatch::limits::FAULT_LABEL,
        );
        text(
            "/fault-codes",
            "codes[].label_en",
            dispatch::limits::FAULT_LABEL,
        );
        let parts = "/workorders/{id}/parts-requests";
        count(parts, "parts", dispatch::limits::REQUESTED_PARTS);
        text(parts, "parts[].sku", dispatch::limits::SKU);
        let technician = "/technicians/{id}";
        text(technician, "name", dispatch::limits::NAME);
        range(
            technician,
            "daily_capacity",
            dispatch::limits::DAILY_CAPACITY,
        );
        text(
            technician,
            "certifications[].skill",
            dispatch::limits::CERTIFICATE,
        );
        text(technician, "skills[]", dispatch::limits::SKILL.0);
        let plans = "/maintenance-plans";
        text(plans, "company", dispatch::limits::COMPANY);
        text(plans, "machine.product_line", dispatch::limits::CODE);
        text(plans, "machine.model", dispatch::limits::MODEL);
        range(plans, "every_months", dispatch::limits::EVERY_MONTHS);
        shape(plans, "first_due", dispatch::limits::FIRST_DUE);
        count(
            "/duration-defaults",
            "rules",
            dispatch::limits::DURATION_RULES,
        );
        range(
            "/duration-defaults",
            "rules[].minutes",
            dispatch::limits::MINUTES,
        );
        let questionnaire = "/questionnaire";
        count(questionnaire, "questions", survey::limits::QUESTIONS);
        shape(questionnaire, "questions[].key", survey::limits::KEY);
        text(
            questionnaire,
            "questions[].text_en",
            survey::limits::QUESTION_TEXT,
        );
        count(questionnaire, "levels", survey::limits::LEVELS);
        range(
            questionnaire,
            "levels[].score_milli",
            survey::limits::SCORE_MILLI,
        );
        range(
            "/quality-thresholds",
            "thresholds[].count",
            survey::limits::THRESHOLD,
        );
        let attempts = "/callbacks/{id}/attempts";
        text(attempts, "note", survey::limits::NOTE);
        count(attempts, "answers", survey::limits::ANSWERS);
        text(attempts, "answers[].text", survey::limits::ANSWER_TEXT);
        text(
            "/call-rules",
            "rules[].brands[]",
            survey::calls::limits::MATCH,
        );
        text("/tickets", "customer.phone", intake::limits::PHONE_LENGTH);
        shape("/tickets", "customer.phone", intake::limits::PHONE);
        text("/tickets", "customer.district", intake::limits::DISTRICT);
        text("/tickets", "machine.serial", intake::limits::MACHINE_FIELD);
        shape("/tickets", "machine.serial", intake::limits::SERIAL);
        text(
            "/warranty-cards",
            "machine.model",
            intake::limits::MACHINE_FIELD,
        );
    }

    #[test]
    fn path_supplied_fields_are_not_in_the_body_schema() {
        let doc = document();
        let body = &doc["paths"]["/api/v1/workorders/{id}/complete"]["post"]["requestBody"]["content"]
            ["application/json"]["schema"];
        assert!(body["properties"]["diagnosis"].is_object());
        assert!(body["properties"].get("work_order_id").is_none());
        assert!(
            !body["required"]
                .as_array()
                .expect("required")
                .contains(&json!("work_order_id"))
        );
    }

    #[test]
    fn docs_api_md_matches_the_table() {
        // The run-time variable: a reused target directory may hold another checkout's path.
        let manifest = std::env::var("CARGO_MANIFEST_DIR")
            .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
        let path = format!("{manifest}/../../docs/API.md");
        let want = permission_matrix_markdown();
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::write(&path, &want).expect("write docs/API.md");
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            have, want,
            "docs/API.md is stale: UPDATE_SCHEMAS=1 cargo test -p aftercare-gateway"
        );
    }
}
