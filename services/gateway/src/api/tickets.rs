//! Intake's tickets: opening, reading and moving them, their history, the knowledge base,
//! the ticket report and intake's company settings (SLA policy, priority rules,
//! notification templates).
use aftercare_contracts::Role::{
    Admin, Agent, CallbackAgent, Customer, Dispatcher, Manager, Technician, Warehouse,
};
use aftercare_contracts::intake::{
    AssignOwner, CreateFaqArticle, FaqArticle, GetNotificationTemplates, GetPriorityRules,
    GetSlaPolicy, InspectReturn, NotificationTemplates, OpenTicket, Priority, PriorityRules,
    ReplaceNotificationTemplates, ReplacePriorityRules, ReplaceSlaPolicy, ReportGroup, SetPriority,
    SlaPolicy, SlaState, Ticket, TicketHistoryEntry, TicketReport, TicketStatus, TicketType,
    TransitionTicket,
};
use aftercare_contracts::rpc::Page;

use super::model::{PersonalData, ticket_sort_schema};
use super::operation::{
    CURSOR, LIMIT, REVEAL, REVEAL_REASON, Routes, get, path_id, post, query, schema,
};
use super::roles::{TICKET_HANDLERS, TICKET_OPENERS, TICKET_READERS};

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
                .to(super::services::open_ticket),
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
                .to(super::services::list_tickets),
        )
        .add(
            get("getTicket", "/tickets/{id}")
                .summary("One ticket by id or number")
                .roles(TICKET_READERS)
                .ticket_code()
                .scope("customer: own; technician: tickets of their work orders; ticket code: that ticket; desk: phone and address masked unless revealed with a reason (audit-logged)")
                .params(&[path_id("Ticket id or number (T2026-000042)."), REVEAL, REVEAL_REASON])
                .reply::<Ticket>()
                .to(super::services::get_ticket),
        )
        .add(
            get("getTicketHistory", "/tickets/{id}/history")
                .summary("A ticket's history, oldest first: who, when, what changed (opened, moves with their reasons, priority overrides, owners, escalation)")
                .roles(TICKET_READERS)
                .ticket_code()
                .scope("as getTicket: customer: own; technician: tickets of their work orders; ticket code: that ticket")
                .params(&[path_id("Ticket id or number (T2026-000042)."), LIMIT, CURSOR])
                .reply::<Page<TicketHistoryEntry>>()
                .to(super::services::ticket_history),
        )
        .add(
            post("moveTicket", "/tickets/{id}/transitions")
                .summary("Move a ticket: triage, resolve on the phone, request a visit, wait for parts, close, cancel, reopen")
                .roles(TICKET_HANDLERS)
                .params(&[path_id("Ticket id or number.")])
                .body::<TransitionTicket>()
                .path_fills(&["ticket_id"])
                .updates()
                .reply::<Ticket>()
                .to(super::services::move_ticket),
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
                .to(super::services::set_ticket_priority),
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
                .to(super::services::assign_ticket_owner),
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
            post("createFaqArticle", "/faq")
                .summary("Add a knowledge-base article (常见问题) for a product line")
                .roles(&[Agent, Manager, Admin])
                .body::<CreateFaqArticle>()
                .creates()
                .reply::<FaqArticle>()
                .to(super::services::create_faq_article),
        )
        .add(
            get("getFaqArticle", "/faq/{id}")
                .summary("One knowledge-base article")
                .roles(&[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin])
                .params(&[path_id("Article id.")])
                .reply::<FaqArticle>()
                .to(super::services::get_faq_article),
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
                .to(super::services::find_faq_articles),
        )
        .add(
            get("ticketReport", "/reports/tickets")
                .summary("First-response and resolution times (working minutes), SLA compliance, repeat repairs and complaints for tickets opened in a period, grouped")
                .tag("reports")
                .roles(&[Dispatcher, Manager, Admin])
                .params(&[
                    query("from", schema::<chrono::DateTime<chrono::Utc>>, "Tickets opened at or after this instant (RFC 3339).").required(),
                    query("to", schema::<chrono::DateTime<chrono::Utc>>, "Tickets opened before this instant (RFC 3339); at most 400 days after `from`.").required(),
                    query("group_by", schema::<ReportGroup>, "district, priority, type, tier, product_line, owner, month or week.").required(),
                ])
                .reply::<TicketReport>()
                .to(super::services::ticket_report),
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
                .to(super::services::inspect_return),
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
}
