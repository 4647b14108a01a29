//! Customers, their machines and warranty cards (intake). Customers see their own record
//! and machines only; lists mask contact details unless exported (audit-logged).
use aftercare_contracts::Role;
use aftercare_contracts::intake::{
    CreateCustomer, Customer, FindCustomers, ListMachines, ListProductLines, Machine, ProductLine,
    RegisterMachine, RegisterWarrantyCard, WarrantyCard,
};
use aftercare_contracts::rpc::{ById, Page};
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{AppState, created, parse_limit, parse_uuid_param, with_etag};
use crate::body::json_with;
use crate::error::ApiError;
use crate::identity::{Principal, store};
use crate::privacy;

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

/// The customer if `p` may see it (a customer account: only its own record); else 404.
async fn visible_customer(s: &AppState, p: &Principal, id: &str) -> Result<Customer, ApiError> {
    let c: Customer = s
        .call(
            "svc.intake.customer.get",
            &ById { id: id.to_owned() },
            Some(p),
        )
        .await?;
    if p.role == Role::Customer && p.customer_id != Some(c.id) {
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
    let c: Customer = s.call("svc.intake.customer.create", &req, Some(&p)).await?;
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
    let show = super::services::parse_personal_data(q.personal_data.as_deref())?;
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
    let mut page: Page<Customer> = s.call("svc.intake.customer.find", &req, Some(&p)).await?;
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
) -> Result<Response, ApiError> {
    let mut c = visible_customer(&s, &p, &id).await?;
    if !privacy::sees_contact_details(p.role) {
        privacy::mask_customer(&mut c);
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
    let m: Machine = s
        .call("svc.intake.machine.register", &req, Some(&p))
        .await?;
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
    if p.role == Role::Customer && p.customer_id != Some(customer_id) {
        return Err(ApiError::not_found("customer", &id));
    }
    let req = ListMachines {
        customer_id,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<Machine> = s.call("svc.intake.machine.list", &req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn register_warranty_card(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: RegisterWarrantyCard = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let card: WarrantyCard = s
        .call("svc.intake.warranty.register", &req, Some(&p))
        .await?;
    Ok(created(
        &card,
        format!("/api/v1/customers/{}", card.customer.id),
        None,
    ))
}

pub(crate) async fn list_product_lines(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
) -> Result<Response, ApiError> {
    let page: Page<ProductLine> = s
        .call(
            "svc.intake.product_line.list",
            &ListProductLines {},
            Some(&p),
        )
        .await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn save_product_line(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ProductLine = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let line: ProductLine = s
        .call("svc.intake.product_line.save", &req, Some(&p))
        .await?;
    Ok(created(&line, "/api/v1/product-lines".into(), None))
}
