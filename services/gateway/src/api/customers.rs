//! Customers, their machines and warranty cards (intake). Customers see their own record
//! and machines only, technicians those of the customers of their open work orders; the
//! desk reads contact details masked unless it reveals one record with a reason or exports
//! a list (both audit-logged).
use aftercare_contracts::dispatch::{ListWorkOrders, WorkOrder};
use aftercare_contracts::intake::{
    CreateCustomer, Customer, FindCustomers, GetCustomer, GetCustomerHistory, GetMachine,
    GetMachineHistory, GetTicket, ListMachines, ListProductLines, Machine, MergeCustomers,
    ProductLine, RecordChange, RegisterMachine, RegisterWarrantyCard, SetCustomerActive, Ticket,
    UpdateCustomer, UpdateMachine, WarrantyCard,
};
use aftercare_contracts::rpc::{ListOrder, MAX_PAGE, Page};
use aftercare_contracts::{Request, Role};
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::machine_visits;
use super::model::PersonalData;
use super::operation::{
    CURSOR, LIMIT, REVEAL, REVEAL_REASON, Routes, get, path_id, path_uuid, post, query, schema,
};
use super::query::PageQuery;
use super::roles::{CUSTOMER_KEEPERS, CUSTOMER_READERS};
use super::visibility::display_names;
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_limit, parse_uuid_param, update_body, with_etag};
use crate::identity::{Principal, store};
use crate::privacy;
use crate::state::AppState;

/// Query parameters of the customer search.
#[derive(Debug, Deserialize)]
pub(crate) struct CustomerQuery {
    name: Option<String>,
    phone: Option<String>,
    serial: Option<String>,
    include_inactive: Option<String>,
    personal_data: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// `?include_inactive=true|false` (default false).
fn parse_flag(name: &str, raw: Option<&str>) -> Result<bool, ApiError> {
    match raw.map(str::trim) {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(ApiError::field(
            name,
            "invalid",
            format!("{name} must be true or false"),
        )),
    }
}

/// Most work orders of one technician looked through for their customers or machines.
const TECHNICIAN_SCAN: usize = 10 * MAX_PAGE as usize;

/// Whether the ticket of one of the signed-in technician's work orders that `counts`
/// (newest first, at most [`TECHNICIAN_SCAN`] looked through) is one that `matches`: how a
/// technician is allowed a customer's contact or a machine's history.
pub(super) async fn technician_has_ticket(
    s: &AppState,
    p: &Principal,
    counts: impl Fn(&WorkOrder) -> bool,
    matches: impl Fn(&Ticket) -> bool,
) -> Result<bool, ApiError> {
    let Some(technician) = p.technician_id else {
        return Ok(false);
    };
    let mut cursor = None;
    let mut seen = 0;
    let mut tickets = std::collections::HashSet::new();
    loop {
        let page: Page<WorkOrder> = s
            .call(
                &ListWorkOrders {
                    ticket_id: None,
                    technician_id: Some(technician),
                    status: None,
                    flagged: false,
                    order: Some(ListOrder::NewestFirst),
                    limit: MAX_PAGE,
                    cursor,
                },
                Some(p),
            )
            .await?;
        seen += page.items.len();
        for w in page.items.iter().filter(|w| counts(w)) {
            if !tickets.insert(w.ticket_id) {
                continue;
            }
            let t: Ticket = s
                .call(
                    &GetTicket {
                        id: w.ticket_id.to_string(),
                    },
                    Some(p),
                )
                .await?;
            if matches(&t) {
                return Ok(true);
            }
        }
        match page.next_cursor {
            Some(next) if seen < TECHNICIAN_SCAN => cursor = Some(next),
            _ => return Ok(false),
        }
    }
}

/// Whether `customer` is the customer of one of the technician's open work orders.
async fn technician_serves(s: &AppState, p: &Principal, customer: Uuid) -> Result<bool, ApiError> {
    technician_has_ticket(
        s,
        p,
        |w| privacy::visit_open(w.status),
        |t| t.customer_id == Some(customer),
    )
    .await
}

/// Whether `p` may see customer `id`'s records: a customer account their own, a
/// technician those of the customers of their open work orders, the desk all.
async fn customer_visible(s: &AppState, p: &Principal, id: Uuid) -> Result<bool, ApiError> {
    Ok(match p.role {
        Role::Customer => p.customer_id == Some(id),
        Role::Technician => technician_serves(s, p, id).await?,
        _ => true,
    })
}

/// The customer if `p` may see it (a customer account: only its own record; a technician:
/// the customers of their open work orders); else 404.
async fn visible_customer(s: &AppState, p: &Principal, id: &str) -> Result<Customer, ApiError> {
    let c: Customer = s.call(&GetCustomer { id: id.to_owned() }, Some(p)).await?;
    let visible = match p.role {
        Role::Customer => p.customer_id == Some(c.id),
        Role::Technician => technician_serves(s, p, c.id).await?,
        _ => true,
    };
    if !visible {
        return Err(ApiError::not_found("customer", id));
    }
    Ok(c)
}

pub(crate) async fn create_customer(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateCustomer = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let c: Customer = s.call(&req, Some(&p)).await?;
    Ok(created(
        &c,
        format!("/api/v1/customers/{}", c.id),
        Some(c.version),
    ))
}

pub(crate) async fn find_customers(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<CustomerQuery>,
) -> Result<Response, ApiError> {
    let show = privacy::parse_personal_data(q.personal_data.as_deref())?;
    if show && !privacy::may_export(p.role) {
        return Err(ApiError::Forbidden);
    }
    let req = FindCustomers {
        name: q.name,
        phone: q.phone,
        serial: q.serial,
        include_inactive: parse_flag("include_inactive", q.include_inactive.as_deref())?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let mut page: Page<Customer> = s.call(&req, Some(&p)).await?;
    if show {
        let numbers: Vec<&str> = page.items.iter().map(|c| c.number.as_str()).collect();
        store::audit(
            &s.db,
            &p.account_id,
            p.role.name(),
            "personal_data.export",
            "customers",
            &format!("{} customers: {}", numbers.len(), numbers.join(", ")),
            now_ms(),
        )
        .await?;
    } else {
        page.items.iter_mut().for_each(privacy::mask_customer);
    }
    Ok(Json(page).into_response())
}

pub(crate) async fn get_customer(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<privacy::RevealQuery>,
) -> Result<Response, ApiError> {
    let reason = q.reason(&p)?;
    let mut c = visible_customer(&s, &p, &id).await?;
    match reason {
        Some(r) => privacy::audit_reveal(&s, &p, &format!("customer:{}", c.id), &r).await?,
        None if !privacy::sees_contact_details(p.role) => privacy::mask_customer(&mut c),
        None => {}
    }
    Ok(with_etag(StatusCode::OK, &c, c.version))
}

pub(crate) async fn register_machine(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RegisterMachine = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let m: Machine = s.call(&req, Some(&p)).await?;
    Ok(created(
        &m,
        format!("/api/v1/customers/{}/machines", m.customer_id),
        Some(m.version),
    ))
}

pub(crate) async fn list_machines(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<CustomerQuery>,
) -> Result<Response, ApiError> {
    let customer_id = parse_uuid_param("id", &id)?;
    if !customer_visible(&s, &p, customer_id).await? {
        return Err(ApiError::not_found("customer", &id));
    }
    let req = ListMachines {
        customer_id,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Machine> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn register_warranty_card(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RegisterWarrantyCard = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let card: WarrantyCard = s.call(&req, Some(&p)).await?;
    Ok(created(
        &card,
        format!("/api/v1/customers/{}", card.customer.id),
        None,
    ))
}

pub(crate) async fn save_product_line(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ProductLine = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let line: ProductLine = s.call(&req, Some(&p)).await?;
    Ok(created(&line, "/api/v1/product-lines".into(), None))
}

/// The answer to a change of a customer: with its new version as the ETag, and its
/// phones and address masked for the desk as on a read.
fn customer_reply(p: &Principal, mut c: Customer) -> Response {
    if !privacy::sees_contact_details(p.role) {
        privacy::mask_customer(&mut c);
    }
    with_etag(StatusCode::OK, &c, c.version)
}

/// A change of a customer at the version in `If-Match`, with `customer_id` from the path:
/// updating its fields, deactivating or reactivating it.
pub(crate) async fn update_customer<R: Request<Reply = Customer>>(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: R = update_body(&s, &headers, body, Some(("customer_id", id))).await?;
    let c = s.call(&req, Some(&p)).await?;
    Ok(customer_reply(&p, c))
}

/// Merges the duplicate into the customer in the path; the customer accounts linked to
/// the duplicate are linked to the record that stays (also when the merge is repeated
/// after an answer was lost).
pub(crate) async fn merge_customers(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: MergeCustomers = update_body(&s, &headers, body, Some(("customer_id", id))).await?;
    let answer = s.call(&req, Some(&p)).await;
    if matches!(&answer, Ok(_) | Err(ApiError::Service(_))) {
        let survivor: Result<Customer, _> = s
            .call(
                &GetCustomer {
                    id: req.customer_id.clone(),
                },
                Some(&p),
            )
            .await;
        let duplicate: Result<Customer, _> = s
            .call(
                &GetCustomer {
                    id: req.duplicate_id.clone(),
                },
                Some(&p),
            )
            .await;
        if let (Ok(survivor), Ok(duplicate)) = (survivor, duplicate)
            && duplicate.merged_into == Some(survivor.id)
        {
            store::relink_customer_accounts(&s.db, duplicate.id, survivor.id).await?;
        }
    }
    Ok(customer_reply(&p, answer?))
}

/// Masks the phones and addresses in a history line's values, as a read masks them.
fn mask_change(c: &mut RecordChange) {
    let field = c.field.as_str();
    let mask: fn(&str) -> String = if field == "address" {
        privacy::mask_address
    } else if field.starts_with("contacts[") && field.ends_with("].phones") {
        |v| {
            v.split(", ")
                .map(privacy::mask_phone)
                .collect::<Vec<_>>()
                .join(", ")
        }
    } else if field.starts_with("contacts[") && field.ends_with(']') {
        // `name (title): phone, phone`
        |v| match v.rsplit_once(": ") {
            Some((who, phones)) => format!(
                "{who}: {}",
                phones
                    .split(", ")
                    .map(privacy::mask_phone)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => privacy::mask_phone(v),
        }
    } else {
        return;
    };
    for v in [&mut c.old_value, &mut c.new_value].into_iter().flatten() {
        *v = mask(v);
    }
}

/// A page of a record's history for the desk: who (with display names), when, which
/// field from what to what; phones and addresses masked.
async fn history_answer<R: Request<Reply = Page<RecordChange>>>(
    s: &AppState,
    p: &Principal,
    req: R,
) -> Result<Response, ApiError> {
    let mut page = s.call(&req, Some(p)).await?;
    let names = display_names(s, page.items.iter().map(|c| c.actor.clone()).collect()).await?;
    for c in &mut page.items {
        c.actor_name = names.get(&c.actor).cloned();
        mask_change(c);
    }
    Ok(Json(page).into_response())
}

pub(crate) async fn customer_history(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let req = GetCustomerHistory {
        customer_id: id,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    history_answer(&s, &p, req).await
}

pub(crate) async fn machine_history(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let req = GetMachineHistory {
        machine_id: id,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    history_answer(&s, &p, req).await
}

pub(crate) async fn get_machine(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let m: Machine = s.call(&GetMachine { id: id.clone() }, Some(&p)).await?;
    if !customer_visible(&s, &p, m.customer_id).await? {
        return Err(ApiError::not_found("machine", &id));
    }
    Ok(with_etag(StatusCode::OK, &m, m.version))
}

pub(crate) async fn update_machine(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    crate::http::update_versioned::<UpdateMachine>(
        &s,
        &p,
        ("machine_id", id),
        &headers,
        body,
        |m| m.version,
    )
    .await
}

/// The desk that reads customers' and machines' histories.
const HISTORY_READERS: &[Role] = &[
    Role::Agent,
    Role::Dispatcher,
    Role::CallbackAgent,
    Role::Manager,
    Role::Admin,
];

/// Who finds customers: the desk, and the cashiers who sign a customer's contract for
/// their machines (contact details masked, never revealed or exported).
const CUSTOMER_FINDERS: &[Role] = &[
    Role::Agent,
    Role::Dispatcher,
    Role::Finance,
    Role::CallbackAgent,
    Role::Manager,
    Role::Admin,
];

/// Who lists a customer's machines: those who read the customer, and the cashiers who
/// sign a contract covering them.
const MACHINE_READERS: &[Role] = &[
    Role::Customer,
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::Finance,
    Role::CallbackAgent,
    Role::Manager,
    Role::Admin,
];

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("customers")
        .add(
            post("createCustomer", "/customers")
                .summary("Register a customer; a phone already on file answers 409 with that customer")
                .roles(CUSTOMER_KEEPERS)
                .body::<CreateCustomer>()
                .creates()
                .reply::<Customer>()
                .to(create_customer),
        )
        .add(
            get("findCustomers", "/customers")
                .summary("Find customers by name prefix, any contact phone, or a machine's serial number")
                .roles(CUSTOMER_FINDERS)
                .params(&[
                    query("include_inactive", schema::<bool>, "`true` also finds deactivated customers (merged records are never found; read them by id)."),
                    query("name", schema::<String>, "Company name starts with this (case-insensitive)."),
                    query("phone", schema::<String>, "A contact's phone, any formatting."),
                    query("serial", schema::<String>, "A machine's serial number."),
                    query("personal_data", schema::<PersonalData>, "`show` exports phones and addresses unmasked (agent, manager, admin; audit-logged)."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Customer>>()
                .to(find_customers),
        )
        .add(
            get("getCustomer", "/customers/{id}")
                .summary("One customer by id or number (C2026-000042)")
                .roles(CUSTOMER_READERS)
                .scope("customer: own record only; technician: customers of their open work orders; desk: phones and address masked unless revealed with a reason (audit-logged)")
                .params(&[path_id("Customer id or number."), REVEAL, REVEAL_REASON])
                .reply::<Customer>()
                .to(get_customer),
        )
        .add(
            post("updateCustomer", "/customers/{id}")
                .summary("Change a customer's company, contacts and phones, address, tier, preferred channel, language or notes; each change is kept in its history; a phone of another customer answers 409 naming it")
                .roles(CUSTOMER_KEEPERS)
                .params(&[path_id("Customer id or number.")])
                .body::<UpdateCustomer>()
                .path_fills(&["customer_id"])
                .updates()
                .reply::<Customer>()
                .to(update_customer::<UpdateCustomer>),
        )
        .add(
            post("mergeCustomers", "/customers/{id}/merge")
                .summary("Merge a duplicate record into this one: its tickets, machines, warranty cards and contacts move here, it is marked merged into this one, both histories say so (If-Match: this record's ETag)")
                .roles(CUSTOMER_KEEPERS)
                .params(&[path_id("The record that stays: id or number.")])
                .body::<MergeCustomers>()
                .path_fills(&["customer_id"])
                .updates()
                .reply::<Customer>()
                .to(merge_customers),
        )
        .add(
            post("setCustomerActive", "/customers/{id}/active")
                .summary("Deactivate a customer (no longer offered for new tickets; its records stay readable) or reactivate it, with the reason")
                .roles(CUSTOMER_KEEPERS)
                .params(&[path_id("Customer id or number.")])
                .body::<SetCustomerActive>()
                .path_fills(&["customer_id"])
                .updates()
                .reply::<Customer>()
                .to(update_customer::<SetCustomerActive>),
        )
        .add(
            get("getCustomerHistory", "/customers/{id}/history")
                .summary("A customer's history, oldest first: who changed which field from what to what, deactivations and merges; phones and addresses masked")
                .roles(HISTORY_READERS)
                .params(&[path_id("Customer id or number."), LIMIT, CURSOR])
                .reply::<Page<RecordChange>>()
                .to(customer_history),
        )
        .add(
            get("listMachines", "/customers/{id}/machines")
                .summary("The customer's machines")
                .roles(MACHINE_READERS)
                .scope("customer: own machines only; technician: customers of their open work orders")
                .params(&[path_uuid("Customer id (a UUID)."), LIMIT, CURSOR])
                .reply::<Page<Machine>>()
                .to(list_machines),
        )
        .add(
            post("registerMachine", "/machines")
                .summary("Register a machine at a customer; serial numbers are unique per brand")
                .roles(CUSTOMER_KEEPERS)
                .body::<RegisterMachine>()
                .creates()
                .reply::<Machine>()
                .to(register_machine),
        )
        .add(
            get("getMachine", "/machines/{id}")
                .summary("One machine, with its version as the ETag")
                .roles(CUSTOMER_READERS)
                .scope("customer: own machines only; technician: customers of their open work orders")
                .params(&[path_id("Machine id.")])
                .reply::<Machine>()
                .to(get_machine),
        )
        .add(
            post("updateMachine", "/machines/{id}")
                .summary("Change where a machine stands, the contract on it or its notes; each change is kept in its history")
                .roles(CUSTOMER_KEEPERS)
                .params(&[path_id("Machine id.")])
                .body::<UpdateMachine>()
                .path_fills(&["machine_id"])
                .updates()
                .reply::<Machine>()
                .to(update_machine),
        )
        .add(
            get("getMachineHistory", "/machines/{id}/history")
                .summary("A machine's history, oldest first: who changed which field from what to what (moves to another customer on a merge included)")
                .roles(HISTORY_READERS)
                .params(&[path_id("Machine id."), LIMIT, CURSOR])
                .reply::<Page<RecordChange>>()
                .to(machine_history),
        )
        .add(
            get("getMachineVisits", "/machines/{id}/visits")
                .summary("A machine's service history, newest first, a page of tickets at a time: each ticket about the machine with its work orders and what their visit reports said (technician, fault code, diagnosis, outcome, parts used, meter reading)")
                .roles(machine_visits::MACHINE_HISTORY_READERS)
                .scope("technician: machines of their own open work orders or of those they finished today, else 403")
                .params(&[
                    machine_visits::MACHINE_ID,
                    machine_visits::HISTORY_LIMIT,
                    machine_visits::HISTORY_CURSOR,
                ])
                .reply::<Page<machine_visits::MachineServiceEntry>>()
                .to(machine_visits::machine_visits),
        )
        .add(
            post("registerWarrantyCard", "/warranty-cards")
                .summary("Register a warranty card (保修卡): creates or links customer and machine, schedules the welcome call and first maintenance")
                .roles(&[Role::Agent, Role::Manager, Role::Admin])
                .body::<RegisterWarrantyCard>()
                .creates()
                .reply::<WarrantyCard>()
                .to(register_warranty_card),
        )
        .add(
            get("listProductLines", "/product-lines")
                .summary("Product lines with their warranty months and return window")
                .signed_in()
                .forward::<ListProductLines>(),
        )
        .add(
            post("saveProductLine", "/product-lines")
                .summary("Add a product line or change its warranty months and return window")
                .roles(&[Role::Manager, Role::Admin])
                .body::<ProductLine>()
                .creates()
                .reply::<ProductLine>()
                .to(save_product_line),
        )
}
