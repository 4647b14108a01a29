//! Routes onto the five services: tickets, technicians, work orders, parts, receipts,
//! callbacks and dead letters. Each handler narrows what the caller sees to their own
//! objects (another customer's object is a 404, never a 403, so ids cannot be probed).
use aftercare_contracts::Request;
use aftercare_contracts::Role;
use aftercare_contracts::billing::{GetInvoice, Invoice};
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, CreateTechnician, GetWorkOrder, GetWorkOrderHistory, ListWorkOrders,
    Technician, WorkOrder, WorkOrderHistoryEntry,
};
use aftercare_contracts::intake::{
    AssignOwner, CreateFaqArticle, FaqArticle, FindFaqArticles, GetFaqArticle, GetTicket,
    GetTicketHistory, InspectReturn, ListTickets, OpenTicket, SetPriority, Ticket,
    TicketHistoryEntry, TicketReport, TicketReportRequest, TicketStatus, TransitionTicket,
};
use aftercare_contracts::inventory::{CreatePart, GetPart, Part, ReceiveStock};
use aftercare_contracts::rpc::{ByWorkOrder, ListOrder, Page};
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::Value;

use super::model::DeadLetters;
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{
    created, if_match_version, parse_limit, parse_uuid_param, update_body, with_etag,
};
use crate::identity::Principal;
use crate::identity::store;
use crate::privacy;
use crate::state::AppState;

/// Query parameters of the list routes (each route reads the ones it documents).
#[derive(Debug, Deserialize)]
pub(crate) struct ListQuery {
    ticket_id: Option<String>,
    technician_id: Option<String>,
    work_order_id: Option<String>,
    customer_id: Option<String>,
    status: Option<String>,
    personal_data: Option<String>,
    sort: Option<String>,
    priority: Option<String>,
    #[serde(rename = "type")]
    ticket_type: Option<String>,
    district: Option<String>,
    opened_from: Option<String>,
    opened_to: Option<String>,
    sla: Option<String>,
    owner: Option<String>,
    flagged: Option<String>,
    pub(crate) limit: Option<String>,
    pub(crate) cursor: Option<String>,
}

/// An enumeration query parameter by its wire name, 422 naming the parameter and the
/// values it takes otherwise.
pub(crate) fn parse_enum<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    name: &str,
    raw: Option<&str>,
) -> Result<Option<T>, ApiError> {
    let Some(v) = raw else { return Ok(None) };
    serde_json::from_value::<T>(Value::String(v.to_owned()))
        .map(Some)
        .map_err(|_| {
            let allowed = schemars::schema_for!(T)
                .get("enum")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            ApiError::field(name, "invalid", format!("{name} must be one of: {allowed}"))
        })
}

/// An RFC 3339 instant query parameter (`2026-11-23T09:00:00+08:00`).
pub(crate) fn parse_instant(
    name: &str,
    raw: Option<&str>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, ApiError> {
    raw.map(|v| {
        chrono::DateTime::parse_from_rfc3339(v.trim())
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| {
                ApiError::field(
                    name,
                    "invalid",
                    format!("{name} must be an RFC 3339 instant, e.g. 2026-11-23T09:00:00+08:00"),
                )
            })
    })
    .transpose()
}

/// `?sort=` over a creation-time field: `field` oldest first, `-field` newest first.
pub(crate) fn parse_sort(raw: Option<&str>, field: &str) -> Result<Option<ListOrder>, ApiError> {
    match raw {
        None => Ok(None),
        Some(v) if v == field => Ok(Some(ListOrder::OldestFirst)),
        Some(v) if v.strip_prefix('-') == Some(field) => Ok(Some(ListOrder::NewestFirst)),
        Some(_) => Err(ApiError::field(
            "sort",
            "invalid",
            format!("sort must be {field} or -{field}"),
        )),
    }
}

/// The ticket if `p` may see it; otherwise 404.
pub(crate) async fn visible_ticket(
    s: &AppState,
    p: &Principal,
    id: &str,
) -> Result<Ticket, ApiError> {
    let t: Ticket = s.call(&GetTicket { id: id.to_owned() }, Some(p)).await?;
    if ticket_visible(s, p, &t).await? {
        Ok(t)
    } else {
        Err(ApiError::not_found("ticket", id))
    }
}

/// Object-level rule for tickets.
pub(crate) async fn ticket_visible(
    s: &AppState,
    p: &Principal,
    t: &Ticket,
) -> Result<bool, ApiError> {
    if let Some(only) = p.ticket_id {
        return Ok(t.id == only);
    }
    Ok(match p.role {
        Role::Customer => p.customer_id.is_some() && t.customer_id == p.customer_id,
        Role::Technician => match t.work_order_id {
            Some(w) => {
                let w: WorkOrder = s.call(&GetWorkOrder { id: w.to_string() }, Some(p)).await?;
                work_order_visible(p, &w)
            }
            None => false,
        },
        _ => true,
    })
}

/// Object-level rule for work orders.
pub(crate) fn work_order_visible(p: &Principal, w: &WorkOrder) -> bool {
    match p.role {
        Role::Technician => p.technician_id.is_some() && w.technician_id == p.technician_id,
        _ => true,
    }
}

pub(crate) async fn visible_work_order(
    s: &AppState,
    p: &Principal,
    id: &str,
) -> Result<WorkOrder, ApiError> {
    let w: WorkOrder = s.call(&GetWorkOrder { id: id.to_owned() }, Some(p)).await?;
    if work_order_visible(p, &w) {
        Ok(w)
    } else {
        Err(ApiError::not_found("work order", id))
    }
}

/// Customers see the receipts of their own tickets only.
async fn invoice_visible(s: &AppState, p: &Principal, i: &Invoice) -> Result<bool, ApiError> {
    if p.role != Role::Customer {
        return Ok(true);
    }
    match visible_ticket(s, p, &i.ticket_id.to_string()).await {
        Ok(_) => Ok(true),
        Err(ApiError::Service(e)) if e.status == 404 => Ok(false),
        Err(e) => Err(e),
    }
}

pub(crate) async fn open_ticket(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let mut req: OpenTicket = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    if p.role == Role::Customer {
        if req.customer_id.is_some_and(|c| Some(c) != p.customer_id) {
            return Err(ApiError::field(
                "customer_id",
                "forbidden",
                "customers open requests for themselves only",
            ));
        }
        if p.customer_id.is_none() {
            return Err(ApiError::field(
                "customer_id",
                "required",
                "this customer account is not linked to a customer record",
            ));
        }
        req.customer_id = p.customer_id;
    }
    let t: Ticket = s.call(&req, Some(&p)).await?;
    Ok(created(
        &t,
        format!("/api/v1/tickets/{}", t.id),
        Some(t.version),
    ))
}

pub(crate) async fn list_tickets(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let mut customer_id = q
        .customer_id
        .as_deref()
        .map(|c| parse_uuid_param("customer_id", c))
        .transpose()?;
    let status = parse_enum::<TicketStatus>("status", q.status.as_deref())?;
    let show = privacy::parse_personal_data(q.personal_data.as_deref())?;
    if p.role == Role::Customer {
        if customer_id.is_some_and(|c| Some(c) != p.customer_id) {
            return Err(ApiError::field(
                "customer_id",
                "forbidden",
                "customers list their own requests only",
            ));
        }
        // An unlinked customer account owns no tickets.
        customer_id = Some(p.customer_id.unwrap_or(uuid::Uuid::nil()));
    }
    if show && !privacy::may_export(p.role) {
        return Err(ApiError::Forbidden);
    }
    let req = ListTickets {
        customer_id,
        status,
        priority: parse_enum("priority", q.priority.as_deref())?,
        ticket_type: parse_enum("type", q.ticket_type.as_deref())?,
        district: q.district.filter(|d| !d.trim().is_empty()),
        opened_from: parse_instant("opened_from", q.opened_from.as_deref())?,
        opened_to: parse_instant("opened_to", q.opened_to.as_deref())?,
        sla: parse_enum("sla", q.sla.as_deref())?,
        owner: q.owner.filter(|o| !o.trim().is_empty()),
        order: parse_sort(q.sort.as_deref(), "opened_at")?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let mut page: Page<Ticket> = s.call(&req, Some(&p)).await?;
    if show {
        let ids: Vec<String> = page.items.iter().map(|t| t.number.clone()).collect();
        store::audit(
            &s.db,
            &p.account_id,
            p.role.name(),
            "personal_data.export",
            "tickets",
            &format!("{} tickets: {}", ids.len(), ids.join(", ")),
            now_ms(),
        )
        .await?;
    } else if p.role != Role::Customer {
        for t in &mut page.items {
            privacy::mask_ticket(t);
        }
    }
    Ok(Json(page).into_response())
}

pub(crate) async fn get_ticket(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<privacy::RevealQuery>,
) -> Result<Response, ApiError> {
    let reason = q.reason(&p)?;
    let mut t = visible_ticket(&s, &p, &id).await?;
    match reason {
        Some(r) => privacy::audit_reveal(&s, &p, &format!("ticket:{}", t.id), &r).await?,
        None if !privacy::sees_contact_details(p.role) => privacy::mask_ticket(&mut t),
        None => {}
    }
    Ok(with_etag(StatusCode::OK, &t, t.version))
}

/// Query parameters of a history page.
#[derive(Debug, Deserialize)]
pub(crate) struct PageQuery {
    limit: Option<String>,
    cursor: Option<String>,
}

/// The display names of the accounts among `ids` (services and jobs have none).
async fn display_names(
    s: &AppState,
    mut ids: Vec<String>,
) -> Result<std::collections::HashMap<String, String>, ApiError> {
    ids.sort();
    ids.dedup();
    let mut names = std::collections::HashMap::new();
    for id in ids {
        if uuid::Uuid::parse_str(&id).is_err() {
            continue;
        }
        if let Some(a) = store::account_by_id(&s.db, &id).await? {
            names.insert(id, a.display_name);
        }
    }
    Ok(names)
}

/// A ticket's history, seen by whoever may see the ticket.
pub(crate) async fn ticket_history(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let t = visible_ticket(&s, &p, &id).await?;
    let req = GetTicketHistory {
        ticket_id: t.id.to_string(),
        limit,
        cursor: q.cursor,
    };
    let mut page: Page<TicketHistoryEntry> = s.call(&req, Some(&p)).await?;
    let ids = page
        .items
        .iter()
        .flat_map(|e| std::iter::once(e.actor.clone()).chain(e.owner.clone()))
        .collect();
    let names = display_names(&s, ids).await?;
    for e in &mut page.items {
        e.actor_name = names.get(&e.actor).cloned();
        e.owner_name = e.owner.as_ref().and_then(|o| names.get(o).cloned());
    }
    if p.role == Role::Customer || p.ticket_id.is_some() {
        for e in &mut page.items {
            as_customer_sees(e, &p.account_id);
        }
    }
    Ok(Json(page).into_response())
}

/// What a customer (or a ticket-code session) sees of a history entry: what happened and
/// when, and their own words; the staff's accounts, names, owners and internal reasons stay
/// with the service desk.
fn as_customer_sees(e: &mut TicketHistoryEntry, own_account: &str) {
    if e.actor == own_account {
        return;
    }
    e.actor = STAFF.to_owned();
    e.actor_name = None;
    e.owner = None;
    e.owner_name = None;
    e.reason.clear();
}

/// The actor a customer sees for any change made by the service desk or the system.
const STAFF: &str = "staff";

/// An update of a ticket at the version in `If-Match`, with `id` from the path.
async fn update_ticket<R: Request<Reply = Ticket>>(
    s: &AppState,
    p: &Principal,
    id: String,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    crate::http::update_versioned::<R>(s, p, ("ticket_id", id), headers, body, |t| t.version).await
}

pub(crate) async fn move_ticket(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_ticket::<TransitionTicket>(&s, &p, id, &headers, body).await
}

pub(crate) async fn inspect_return(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_ticket::<InspectReturn>(&s, &p, id, &headers, body).await
}

pub(crate) async fn set_ticket_priority(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    update_ticket::<SetPriority>(&s, &p, id, &headers, body).await
}

/// Roles that may be responsible for a ticket.
const OWNER_ROLES: [Role; 3] = [Role::Agent, Role::CallbackAgent, Role::Manager];

pub(crate) async fn assign_ticket_owner(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: AssignOwner = update_body(&s, &headers, body, Some(("ticket_id", id))).await?;
    // The owner is an account: the gateway holds them, so it checks before intake stores it.
    let owner = store::account_by_id(&s.db, req.owner.trim()).await?;
    let fits = owner
        .as_ref()
        .is_some_and(|a| a.disabled == 0 && a.role().is_some_and(|r| OWNER_ROLES.contains(&r)));
    if !fits {
        return Err(ApiError::field(
            "owner",
            "invalid",
            "the owner must be an enabled agent, callback agent or manager account",
        ));
    }
    let t: Ticket = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &t, t.version))
}

pub(crate) async fn create_faq_article(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateFaqArticle = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let a: FaqArticle = s.call(&req, Some(&p)).await?;
    Ok(created(&a, format!("/api/v1/faq/{}", a.id), None))
}

/// Query parameters of the knowledge-base search.
#[derive(Debug, Deserialize)]
pub(crate) struct FaqQuery {
    product_line: Option<String>,
    text: Option<String>,
    limit: Option<String>,
}

pub(crate) async fn find_faq_articles(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<FaqQuery>,
) -> Result<Response, ApiError> {
    let req = FindFaqArticles {
        product_line: q.product_line,
        text: q.text,
        limit: parse_limit(q.limit.as_deref())?,
    };
    let page: Page<FaqArticle> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_faq_article(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let a: FaqArticle = s.call(&GetFaqArticle { id }, Some(&p)).await?;
    Ok(Json(a).into_response())
}

/// Query parameters of the ticket report.
#[derive(Debug, Deserialize)]
pub(crate) struct ReportQuery {
    from: Option<String>,
    to: Option<String>,
    group_by: Option<String>,
}

pub(crate) async fn ticket_report(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let required = |name: &str, v: Option<chrono::DateTime<chrono::Utc>>| {
        v.ok_or_else(|| ApiError::field(name, "required", format!("give {name} (RFC 3339)")))
    };
    let req = TicketReportRequest {
        from: required("from", parse_instant("from", q.from.as_deref())?)?,
        to: required("to", parse_instant("to", q.to.as_deref())?)?,
        group_by: parse_enum("group_by", q.group_by.as_deref())?.ok_or_else(|| {
            ApiError::field("group_by", "required", "give group_by, e.g. district")
        })?,
    };
    let r: TicketReport = s.call(&req, Some(&p)).await?;
    Ok(Json(r).into_response())
}

pub(crate) async fn create_technician(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateTechnician = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let t: Technician = s.call(&req, Some(&p)).await?;
    Ok(created(&t, format!("/api/v1/technicians/{}", t.id), None))
}

pub(crate) async fn list_work_orders(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let ticket_id = q
        .ticket_id
        .as_deref()
        .map(|t| parse_uuid_param("ticket_id", t))
        .transpose()?;
    let mut technician_id = q
        .technician_id
        .as_deref()
        .map(|t| parse_uuid_param("technician_id", t))
        .transpose()?;
    if p.role == Role::Technician {
        if technician_id.is_some_and(|t| Some(t) != p.technician_id) {
            return Err(ApiError::field(
                "technician_id",
                "forbidden",
                "technicians list their own work orders only",
            ));
        }
        technician_id = Some(p.technician_id.unwrap_or(uuid::Uuid::nil()));
    }
    let flagged = match q.flagged.as_deref() {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(ApiError::field(
                "flagged",
                "invalid",
                "flagged must be true or false",
            ));
        }
    };
    let req = ListWorkOrders {
        ticket_id,
        technician_id,
        status: parse_enum("status", q.status.as_deref())?,
        flagged,
        order: parse_sort(q.sort.as_deref(), "created_at")?,
        limit: parse_limit(q.limit.as_deref())?,
        cursor: q.cursor,
    };
    let page: Page<WorkOrder> = s.call(&req, Some(&p)).await?;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let w = visible_work_order(&s, &p, &id).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

/// A work order's history, seen by whoever may see the work order.
pub(crate) async fn work_order_history(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let w = visible_work_order(&s, &p, &id).await?;
    let req = GetWorkOrderHistory {
        work_order_id: w.id.to_string(),
        limit,
        cursor: q.cursor,
    };
    let mut page: Page<WorkOrderHistoryEntry> = s.call(&req, Some(&p)).await?;
    let ids = page.items.iter().map(|e| e.actor.clone()).collect();
    let names = display_names(&s, ids).await?;
    for e in &mut page.items {
        e.actor_name = names.get(&e.actor).cloned();
    }
    Ok(Json(page).into_response())
}

pub(crate) async fn complete_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    // A missing If-Match is answered before anything is looked up.
    if_match_version(&headers)?;
    if p.role == Role::Technician {
        visible_work_order(&s, &p, &id).await?;
    }
    let req: CompleteWorkOrder =
        update_body(&s, &headers, body, Some(("work_order_id", id))).await?;
    let w: WorkOrder = s.call(&req, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &w, w.version))
}

pub(crate) async fn create_part(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreatePart = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let part: Part = s.call(&req, Some(&p)).await?;
    Ok(created(&part, format!("/api/v1/parts/{}", part.sku), None))
}

pub(crate) async fn get_part(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
) -> Result<Response, ApiError> {
    let part: Part = s.call(&GetPart { id: sku }, Some(&p)).await?;
    Ok(with_etag(StatusCode::OK, &part, part.version))
}

pub(crate) async fn receive_stock(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(sku): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ReceiveStock = json_with(
        &headers,
        body,
        s.config.max_body_bytes,
        &[("sku", Value::String(sku))],
    )
    .await?;
    let part: Part = s.call(&req, Some(&p)).await?;
    Ok((StatusCode::CREATED, Json(part)).into_response())
}

fn required_work_order(q: &ListQuery) -> Result<ByWorkOrder, ApiError> {
    let raw = q
        .work_order_id
        .as_deref()
        .ok_or_else(|| ApiError::field("work_order_id", "required", "filter by work_order_id"))?;
    Ok(ByWorkOrder {
        work_order_id: parse_uuid_param("work_order_id", raw)?.to_string(),
    })
}

pub(crate) async fn list_invoices(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let by = required_work_order(&q)?;
    let mut page: Page<Invoice> = s.call(&by, Some(&p)).await?;
    let mut visible = Vec::with_capacity(page.items.len());
    for i in page.items {
        if invoice_visible(&s, &p, &i).await? {
            visible.push(i);
        }
    }
    page.items = visible;
    Ok(Json(page).into_response())
}

pub(crate) async fn get_invoice(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let i: Invoice = s.call(&GetInvoice { id: id.clone() }, Some(&p)).await?;
    if !invoice_visible(&s, &p, &i).await? {
        return Err(ApiError::not_found("invoice", &id));
    }
    Ok(Json(i).into_response())
}

pub(crate) async fn list_dead_letters(
    State(s): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())? as usize;
    let items = aftercare_platform::dead_letter::list(&s.bus, limit)
        .await
        .map_err(|e| ApiError::ServiceUnavailable(format!("dead letters cannot be read: {e}")))?;
    Ok(Json(DeadLetters { items }).into_response())
}

#[cfg(test)]
mod tests {
    use aftercare_contracts::intake::{TicketChange, TicketHistoryEntry, TicketStatus};

    use super::as_customer_sees;

    fn entry(actor: &str, reason: &str) -> TicketHistoryEntry {
        TicketHistoryEntry {
            at: chrono::Utc::now(),
            actor: actor.into(),
            actor_name: Some("王芳".into()),
            change: TicketChange::OwnerChanged,
            from_status: Some(TicketStatus::New),
            to_status: TicketStatus::Triaged,
            from_priority: None,
            to_priority: None,
            owner: Some("0190-owner".into()),
            owner_name: Some("李强".into()),
            reason: reason.into(),
        }
    }

    #[test]
    fn a_customer_sees_what_happened_but_not_who_at_the_desk_or_why() {
        let mut e = entry("0190-agent", "difficult customer, handle carefully");
        as_customer_sees(&mut e, "0190-customer");
        assert_eq!(e.actor, "staff");
        assert_eq!((e.actor_name, e.owner, e.owner_name), (None, None, None));
        assert!(e.reason.is_empty());
        assert_eq!(e.to_status, TicketStatus::Triaged);

        let mut own = entry("0190-customer", "paper jam again");
        as_customer_sees(&mut own, "0190-customer");
        assert_eq!(own.actor, "0190-customer");
        assert_eq!(own.reason, "paper jam again");
    }
}
