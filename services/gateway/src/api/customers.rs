//! Customers, their machines and warranty cards (intake). Customers see their own record
//! and machines only, technicians those of the customers of their open work orders; the
//! desk reads contact details masked unless it reveals one record with a reason or exports
//! a list (both audit-logged).
use aftercare_contracts::Role;
use aftercare_contracts::dispatch::{ListWorkOrders, WorkOrder};
use aftercare_contracts::intake::{
    CreateCustomer, Customer, FindCustomers, GetCustomer, GetTicket, ListMachines,
    ListProductLines, Machine, ProductLine, RegisterMachine, RegisterWarrantyCard, Ticket,
    WarrantyCard,
};
use aftercare_contracts::rpc::{ListOrder, MAX_PAGE, Page};
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;

use super::model::PersonalData;
use super::operation::{
    CURSOR, LIMIT, REVEAL, REVEAL_REASON, Routes, get, path_id, post, query, schema,
};
use super::roles::{CUSTOMER_KEEPERS, CUSTOMER_READERS};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_limit, parse_uuid_param, with_etag};
use crate::identity::{Principal, store};
use crate::privacy;
use crate::state::AppState;

/// Query parameters of the customer search.
#[derive(Debug, Deserialize)]
pub(crate) struct CustomerQuery {
    name: Option<String>,
    phone: Option<String>,
    serial: Option<String>,
    personal_data: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// Most work orders of one technician looked through for their customers.
const TECHNICIAN_SCAN: usize = 10 * MAX_PAGE as usize;

/// Whether `customer` is the customer of one of the technician's open work orders.
async fn technician_serves(s: &AppState, p: &Principal, customer: Uuid) -> Result<bool, ApiError> {
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
        for w in page.items.iter().filter(|w| privacy::visit_open(w.status)) {
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
            if t.customer_id == Some(customer) {
                return Ok(true);
            }
        }
        match page.next_cursor {
            Some(next) if seen < TECHNICIAN_SCAN => cursor = Some(next),
            _ => return Ok(false),
        }
    }
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
    let visible = match p.role {
        Role::Customer => p.customer_id == Some(customer_id),
        Role::Technician => technician_serves(&s, &p, customer_id).await?,
        _ => true,
    };
    if !visible {
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
                .roles(&[Role::Agent, Role::Dispatcher, Role::CallbackAgent, Role::Manager, Role::Admin])
                .params(&[
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
            get("listMachines", "/customers/{id}/machines")
                .summary("The customer's machines")
                .roles(CUSTOMER_READERS)
                .scope("customer: own machines only; technician: customers of their open work orders")
                .params(&[path_id("Customer id."), LIMIT, CURSOR])
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
