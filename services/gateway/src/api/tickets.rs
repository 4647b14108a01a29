//! Intake's tickets: opening, reading and moving them, their history, the knowledge base,
//! the ticket report and intake's company settings (SLA policy, priority rules,
//! notification templates).
use aftercare_contracts::Request;
use aftercare_contracts::Role::{
    self, Admin, Agent, CallbackAgent, Customer, Dispatcher, Manager, Technician, Warehouse,
};
use aftercare_contracts::intake::{
    AssignOwner, CreateFaqArticle, FaqArticle, FindFaqArticles, GetFaqArticle,
    GetNotificationTemplates, GetPriorityRules, GetSlaPolicy, GetTicketHistory, InspectReturn,
    ListTickets, NotificationTemplates, OpenTicket, Priority, PriorityRules, PromiseReply,
    RecordReply, ReplaceNotificationTemplates, ReplacePriorityRules, ReplaceSlaPolicy, ReportGroup,
    SetPriority, SlaPolicy, SlaState, Ticket, TicketHistoryEntry, TicketReport,
    TicketReportRequest, TicketStatus, TicketType, TransitionTicket,
};
use aftercare_contracts::rpc::Page;
use aftercare_platform::now_ms;
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::model::{PersonalData, ticket_sort_schema};
use super::operation::{
    CURSOR, LIMIT, REVEAL, REVEAL_REASON, Routes, get, path_id, post, query, report, schema,
};
use super::query::{ListQuery, PageQuery, parse_enum, parse_instant, parse_sort};
use super::roles::{TICKET_HANDLERS, TICKET_OPENERS, TICKET_READERS};
use super::visibility::{display_names, visible_ticket};
use crate::body::json_with;
use crate::error::ApiError;
use crate::http::{created, parse_limit, parse_uuid_param, update_body, with_etag};
use crate::identity::Principal;
use crate::identity::store;
use crate::privacy;
use crate::state::AppState;

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
    // Intake remembers the caller's Idempotency-Key with the ticket, so a retry after an
    // answer that was lost (a timeout, a crash between commit and reply) finds the ticket
    // instead of opening a second one; the key is the caller's own, never the body's.
    req.request_key = headers
        .get(crate::idempotency::HEADER)
        .and_then(|v| v.to_str().ok())
        .map(|k| format!("{}:{}", p.account_id, k.trim()));
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
        machine_id: None,
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

/// An update of a ticket at the version in `If-Match`, with `id` from the path: moving it,
/// setting its priority, inspecting a return, promising the customer a reply and recording it.
pub(crate) async fn update_ticket<R: Request<Reply = Ticket>>(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    crate::http::update_versioned::<R>(&s, &p, ("ticket_id", id), &headers, body, |t| t.version)
        .await
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
) -> Result<TicketReport, ApiError> {
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
    s.call(&req, Some(&p)).await
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("tickets")
        .add(
            post("openTicket", "/tickets")
                .summary("Register a customer request")
                .roles(TICKET_OPENERS)
                .scope("customer: the ticket is filed under their own customer record")
                .body::<OpenTicket>()
                .creates()
                .reply::<Ticket>()
                .to(open_ticket),
        )
        .add(
            get("listTickets", "/tickets")
                .summary("Tickets, newest first; phones and addresses masked unless exported")
                .roles(&[Customer, Agent, Dispatcher, CallbackAgent, Manager, Admin])
                .scope("customer: own tickets only")
                .params(&[
                    query("status", schema::<TicketStatus>, "Only tickets in this state."),
                    query("customer_id", schema::<uuid::Uuid>, "Only this customer's tickets."),
                    query("priority", schema::<Priority>, "Only this priority."),
                    query("type", schema::<TicketType>, "Only this type of request."),
                    query("district", schema::<String>, "Only this district."),
                    query("opened_from", schema::<chrono::DateTime<chrono::Utc>>, "Opened at or after this instant (RFC 3339)."),
                    query("opened_to", schema::<chrono::DateTime<chrono::Utc>>, "Opened before this instant (RFC 3339)."),
                    query("sla", schema::<SlaState>, "Only tickets on track, at risk (80 % of a target used) or breached."),
                    query("owner", schema::<String>, "Only tickets this account is responsible for."),
                    query("personal_data", schema::<PersonalData>, "`show` exports phones and addresses unmasked (agent, manager, admin; audit-logged)."),
                    query("sort", ticket_sort_schema, "`-opened_at` (newest first, the default) or `opened_at`."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Ticket>>()
                .to(list_tickets),
        )
        .add(
            get("getTicket", "/tickets/{id}")
                .summary("One ticket by id or number")
                .roles(TICKET_READERS)
                .ticket_code()
                .scope("customer: own; technician: tickets of their work orders; ticket code: that ticket; desk: phone and address masked unless revealed with a reason (audit-logged)")
                .params(&[path_id("Ticket id or number (T2026-000042)."), REVEAL, REVEAL_REASON])
                .reply::<Ticket>()
                .to(get_ticket),
        )
        .add(
            get("getTicketHistory", "/tickets/{id}/history")
                .summary("A ticket's history, oldest first: who, when, what changed (opened, moves with their reasons, priority overrides, owners, escalation)")
                .roles(TICKET_READERS)
                .ticket_code()
                .scope("as getTicket: customer: own; technician: tickets of their work orders; ticket code: that ticket")
                .params(&[path_id("Ticket id or number (T2026-000042)."), LIMIT, CURSOR])
                .reply::<Page<TicketHistoryEntry>>()
                .to(ticket_history),
        )
        .add(
            post("moveTicket", "/tickets/{id}/transitions")
                .summary("Move a ticket: triage, resolve on the phone, request a visit, wait for parts or for the customer (the SLA clock pauses), close, cancel, reopen")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<TransitionTicket>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(update_ticket::<TransitionTicket>),
        )
        .add(
            post("setTicketPriority", "/tickets/{id}/priority")
                .summary("Override the priority with a reason; the SLA deadlines are recomputed")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<SetPriority>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(update_ticket::<SetPriority>),
        )
        .add(
            post("promiseTicketReply", "/tickets/{id}/promised-reply")
                .summary("Promise the customer a reply by a time (我会在X点前给您回复): warned at 80 % of the time, escalated when overdue, until the reply is recorded or the ticket closes; a new promise replaces the one outstanding")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<PromiseReply>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(update_ticket::<PromiseReply>),
        )
        .add(
            post("recordTicketReply", "/tickets/{id}/replies")
                .summary("Record that the promised reply was given; the promise stops alerting")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<RecordReply>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(update_ticket::<RecordReply>),
        )
        .add(
            post("assignTicketOwner", "/tickets/{id}/owner")
                .summary("Make an agent or manager responsible (for a complaint: who answers the customer)")
                .roles(&[Agent, Manager, Admin])
                .params(&[path_id("Ticket id or number.")])
                .body::<AssignOwner>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(assign_ticket_owner),
        )
        .add(
            get("getPriorityRules", "/priority-rules")
                .summary("The rules that set a new ticket's priority, in the order they are tried")
                .roles(TICKET_HANDLERS)
                .reply::<PriorityRules>()
                .to(crate::http::read_setting::<GetPriorityRules>),
        )
        .add(
            post("replacePriorityRules", "/priority-rules")
                .summary("Replace the priority rules (If-Match: the set's ETag, \"0\" while the defaults apply)")
                .roles(&[Manager, Admin])
                .body::<ReplacePriorityRules>()
                .updates()
                .reply::<PriorityRules>()
                .to(crate::http::replace_setting::<ReplacePriorityRules>),
        )
        .add(
            get("getPriorityRulesHistory", "/priority-rules/history")
                .summary("The priority rules' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::intake::IntakeSettingHistory>("priority_rules"),
        )
        .add(
            post("createFaqArticle", "/faq")
                .summary("Add a knowledge-base article (常见问题) for a product line")
                .roles(&[Agent, Manager, Admin])
                .body::<CreateFaqArticle>()
                .creates()
                .reply::<FaqArticle>()
                .to(create_faq_article),
        )
        .add(
            get("getFaqArticle", "/faq/{id}")
                .summary("One knowledge-base article")
                .roles(&[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin])
                .params(&[path_id("Article id.")])
                .forward::<GetFaqArticle>(),
        )
        .add(
            get("findFaqArticles", "/faq")
                .summary("Search the knowledge base by product line and words, most used first")
                .roles(&[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin])
                .params(&[
                    query("product_line", schema::<String>, "Only this product line."),
                    query("text", schema::<String>, "Words that must all appear in the question or answer."),
                    LIMIT,
                ])
                .reply::<Page<FaqArticle>>()
                .to(find_faq_articles),
        )
        .add_all(
            report!("ticketReport", "/reports/tickets")
                .summary("First-response and resolution times (working minutes), SLA compliance, repeat repairs and complaints for tickets opened in a period, grouped")
                .tag("reports")
                .roles(&[Dispatcher, Manager, Admin])
                .params(&[
                    query("from", schema::<chrono::DateTime<chrono::Utc>>, "Tickets opened at or after this instant (RFC 3339).").required(),
                    query("to", schema::<chrono::DateTime<chrono::Utc>>, "Tickets opened before this instant (RFC 3339); at most 400 days after `from`.").required(),
                    query("group_by", schema::<ReportGroup>, "district, priority, type, tier, product_line, owner, month, week or channel (phone, web, email, chat, walk_in, dealer_drop_off, planned).").required(),
                ])
                .report(ticket_report),
        )
        .add(
            post("inspectReturn", "/tickets/{id}/return-inspection")
                .summary("Record the inspection of a returned machine; an approved return is refunded by billing")
                .roles(&[Agent, Warehouse, Manager, Admin])
                .params(&[path_id("Ticket id or number.")])
                .body::<InspectReturn>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(update_ticket::<InspectReturn>),
        )
        .add(
            get("getNotificationTemplates", "/notification-templates")
                .summary("The texts of customer notifications, per kind and language")
                .tag("customers")
                .roles(&[Agent, Manager, Admin])
                .reply::<NotificationTemplates>()
                .to(crate::http::read_setting::<GetNotificationTemplates>),
        )
        .add(
            post("replaceNotificationTemplates", "/notification-templates")
                .summary("Replace the notification texts (If-Match: the set's ETag, \"0\" while the built-in texts apply)")
                .tag("customers")
                .roles(&[Manager, Admin])
                .body::<ReplaceNotificationTemplates>()
                .updates()
                .reply::<NotificationTemplates>()
                .to(crate::http::replace_setting::<ReplaceNotificationTemplates>),
        )
        .add(
            get("getNotificationTemplatesHistory", "/notification-templates/history")
                .summary("The notification templates' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::intake::IntakeSettingHistory>("notification_templates"),
        )
        .add(
            get("getSlaPolicy", "/sla-policy")
                .summary("The SLA targets: working minutes to first response and resolution by priority, tier and type")
                .roles(TICKET_HANDLERS)
                .reply::<SlaPolicy>()
                .to(crate::http::read_setting::<GetSlaPolicy>),
        )
        .add(
            post("replaceSlaPolicy", "/sla-policy")
                .summary("Replace the SLA targets for tickets opened or re-prioritised from now (If-Match: the set's ETag, \"0\" while the built-in targets apply)")
                .roles(&[Manager, Admin])
                .body::<ReplaceSlaPolicy>()
                .updates()
                .reply::<SlaPolicy>()
                .to(crate::http::replace_setting::<ReplaceSlaPolicy>),
        )
        .add(
            get("getSlaPolicyHistory", "/sla-policy/history")
                .summary("The SLA targets' stored versions, newest first, with who stored each and when")
                .setting_history::<aftercare_contracts::intake::IntakeSettingHistory>("sla_policy"),
        )
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
    fn a_promised_reply_is_set_and_recorded_by_the_desk_as_versioned_updates() {
        use aftercare_contracts::Role;
        use axum::http::Method;

        use crate::api::operation::Kind;
        let ops = crate::api::operations();
        for (id, path) in [
            ("promiseTicketReply", "/tickets/{id}/promised-reply"),
            ("recordTicketReply", "/tickets/{id}/replies"),
        ] {
            let op = ops.iter().find(|o| o.id == id).expect(id);
            assert_eq!((op.method.clone(), op.path), (Method::POST, path));
            assert!(matches!(op.kind, Kind::Update), "{id}: If-Match required");
            for role in Role::ALL {
                let desk = [Role::Agent, Role::Dispatcher, Role::Manager, Role::Admin];
                assert_eq!(
                    op.access.allows(role),
                    desk.contains(&role),
                    "{id} for {role:?}"
                );
            }
            let moving = ops
                .iter()
                .find(|o| o.id == "moveTicket")
                .expect("moveTicket");
            for role in Role::ALL {
                assert_eq!(op.access.allows(role), moving.access.allows(role));
            }
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
