//! Every operation of the public API in one table: method, path, who may call it, what
//! it takes and returns. The router's guard enforces the `access` column, the OpenAPI
//! document and the permission matrix in the docs are generated from it, and a test
//! checks that every routed path is listed here and every listed operation is routed.
use aftercare_contracts::Role::{self, *};
use aftercare_contracts::billing::Invoice;
use aftercare_contracts::dispatch::{CompleteWorkOrder, CreateTechnician, Technician, WorkOrder};
use aftercare_contracts::intake::{
    AssignOwner, CreateCustomer, CreateFaqArticle, Customer as CustomerRecord, FaqArticle,
    InspectReturn, Machine, NotificationTemplates, OpenTicket, Priority, PriorityRules,
    ProductLine, RegisterMachine, RegisterWarrantyCard, ReplaceNotificationTemplates,
    ReplacePriorityRules, ReplaceSlaPolicy, ReportGroup, SetPriority, SlaPolicy, SlaState, Ticket,
    TicketReport, TicketStatus, TicketType, TransitionTicket, WarrantyCard,
};
use aftercare_contracts::inventory::{CreatePart, Part, ReceiveStock};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::survey::Callback;
use axum::http::Method;
use schemars::{JsonSchema, Schema, SchemaGenerator};

use super::model::*;

/// Produces a type's schema (a `$ref` into the document's components).
pub(crate) type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// The schema of `T`, registered in the components.
pub(crate) fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

/// Who may call an operation.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Access {
    /// Anyone, signed in or not (sign-in, self-service, the API description).
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

/// One path or query parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Param {
    pub(crate) name: &'static str,
    pub(crate) at: In,
    pub(crate) required: bool,
    pub(crate) schema: SchemaFn,
    pub(crate) doc: &'static str,
}

/// What the success response carries.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body {
    /// JSON of this schema.
    Json(SchemaFn),
    /// A server-sent event stream.
    EventStream,
    /// No body.
    Empty,
}

/// One operation of the API.
#[derive(Debug, Clone)]
pub(crate) struct Operation {
    /// OpenAPI `operationId`.
    pub(crate) id: &'static str,
    pub(crate) method: Method,
    /// Path under `/api/v1`, axum syntax (`/tickets/{id}`).
    pub(crate) path: &'static str,
    /// Group in the reference.
    pub(crate) tag: &'static str,
    pub(crate) summary: &'static str,
    pub(crate) access: Access,
    /// Whether a ticket-code session (no account) may call it.
    pub(crate) ticket_code: bool,
    /// Which objects a permitted role sees, when narrower than "all".
    pub(crate) scope: &'static str,
    pub(crate) kind: Kind,
    pub(crate) params: &'static [Param],
    /// The request body's schema, if any.
    pub(crate) request: Option<SchemaFn>,
    /// Fields of the request type filled from the path or headers, not the body.
    pub(crate) request_omits: &'static [&'static str],
    /// Success status.
    pub(crate) status: u16,
    pub(crate) response: Body,
}

const fn path_id(doc: &'static str) -> Param {
    Param {
        name: "id",
        at: In::Path,
        required: true,
        schema: schema::<String>,
        doc,
    }
}

const LIMIT: Param = Param {
    name: "limit",
    at: In::Query,
    required: false,
    schema: limit_schema,
    doc: "Page size, 1–500 (default 50).",
};
const CURSOR: Param = Param {
    name: "cursor",
    at: In::Query,
    required: false,
    schema: schema::<String>,
    doc: "`next_cursor` of the previous page.",
};
const WORK_ORDER_FILTER: Param = Param {
    name: "work_order_id",
    at: In::Query,
    required: true,
    schema: schema::<uuid::Uuid>,
    doc: "The work order whose records to list.",
};

const TICKET_READERS: &[Role] = &[
    Customer,
    Agent,
    Dispatcher,
    Technician,
    CallbackAgent,
    Manager,
    Admin,
];
const TICKET_HANDLERS: &[Role] = &[Agent, Dispatcher, Manager, Admin];
const CUSTOMER_KEEPERS: &[Role] = &[Agent, Dispatcher, Manager, Admin];
const CUSTOMER_READERS: &[Role] = &[
    Customer,
    Agent,
    Dispatcher,
    Technician,
    CallbackAgent,
    Manager,
    Admin,
];
const TICKET_OPENERS: &[Role] = &[Customer, Agent, Dispatcher, Manager, Admin];
const WORK_ORDER_READERS: &[Role] = &[Agent, Dispatcher, Technician, Manager, Admin];
const PART_READERS: &[Role] = &[
    Agent, Dispatcher, Technician, Warehouse, Finance, Manager, Admin,
];
const STOCK_KEEPERS: &[Role] = &[Warehouse, Admin];
const INVOICE_READERS: &[Role] = &[Customer, Agent, Finance, Manager, Admin];
const CALLBACK_READERS: &[Role] = &[Agent, CallbackAgent, Manager, Admin];
const ADMINS: &[Role] = &[Admin];

/// Every operation under `/api/v1`.
pub(crate) const OPERATIONS: &[Operation] = &[
    // Sign-in and tokens.
    Operation {
        id: "signIn",
        method: Method::POST,
        path: "/auth/token",
        tag: "auth",
        summary: "Sign in with login and password; returns an access and a refresh token",
        access: Access::Public,
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<SignIn>),
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<TokenPair>),
    },
    Operation {
        id: "refreshToken",
        method: Method::POST,
        path: "/auth/refresh",
        tag: "auth",
        summary: "Exchange a refresh token for new tokens (the old one stops working)",
        access: Access::Public,
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<Refresh>),
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<TokenPair>),
    },
    Operation {
        id: "signOut",
        method: Method::POST,
        path: "/auth/logout",
        tag: "auth",
        summary: "Sign out: ends the caller's access tokens and revokes the refresh token given",
        access: Access::SignedIn,
        ticket_code: true,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<SignOut>),
        request_omits: &[],
        status: 204,
        response: Body::Empty,
    },
    Operation {
        id: "whoAmI",
        method: Method::GET,
        path: "/me",
        tag: "auth",
        summary: "The signed-in caller: account, role and what it is linked to",
        access: Access::SignedIn,
        ticket_code: true,
        scope: "",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Me>),
    },
    Operation {
        id: "changePassword",
        method: Method::POST,
        path: "/me/password",
        tag: "auth",
        summary: "Change the caller's password; other sessions end, new tokens are returned",
        access: Access::SignedIn,
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<ChangePassword>),
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<TokenPair>),
    },
    // Accounts (administration).
    Operation {
        id: "createAccount",
        method: Method::POST,
        path: "/accounts",
        tag: "accounts",
        summary: "Create an account with one role",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<CreateAccount>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<Account>),
    },
    Operation {
        id: "listAccounts",
        method: Method::GET,
        path: "/accounts",
        tag: "accounts",
        summary: "List accounts",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[LIMIT, CURSOR],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<Account>>),
    },
    Operation {
        id: "getAccount",
        method: Method::GET,
        path: "/accounts/{id}",
        tag: "accounts",
        summary: "One account",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[path_id("Account id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Account>),
    },
    Operation {
        id: "disableAccount",
        method: Method::POST,
        path: "/accounts/{id}/disable",
        tag: "accounts",
        summary: "Disable an account: its sessions end and its tokens are revoked",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[path_id("Account id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Account>),
    },
    Operation {
        id: "createApiToken",
        method: Method::POST,
        path: "/accounts/{id}/api-tokens",
        tag: "accounts",
        summary: "Create an API token acting as the account (shown once)",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[path_id("Account id.")],
        request: Some(schema::<CreateApiToken>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<ApiTokenCreated>),
    },
    Operation {
        id: "listApiTokens",
        method: Method::GET,
        path: "/accounts/{id}/api-tokens",
        tag: "accounts",
        summary: "The account's API tokens (never their secrets)",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[path_id("Account id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<ApiToken>>),
    },
    Operation {
        id: "revokeApiToken",
        method: Method::POST,
        path: "/accounts/{id}/api-tokens/{token_id}/revoke",
        tag: "accounts",
        summary: "Revoke one API token",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[
            path_id("Account id."),
            Param {
                name: "token_id",
                at: In::Path,
                required: true,
                schema: schema::<String>,
                doc: "API token id.",
            },
        ],
        request: None,
        request_omits: &[],
        status: 204,
        response: Body::Empty,
    },
    Operation {
        id: "listAudit",
        method: Method::GET,
        path: "/audit",
        tag: "accounts",
        summary: "Audit log, newest first: personal-data exports and account changes",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[LIMIT, CURSOR],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<AuditEntry>>),
    },
    // Tickets.
    Operation {
        id: "openTicket",
        method: Method::POST,
        path: "/tickets",
        tag: "tickets",
        summary: "Register a customer request",
        access: Access::Roles(TICKET_OPENERS),
        ticket_code: false,
        scope: "customer: the ticket is filed under their own customer record",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<OpenTicket>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "listTickets",
        method: Method::GET,
        path: "/tickets",
        tag: "tickets",
        summary: "Tickets, newest first; phones and addresses masked unless exported",
        access: Access::Roles(&[Customer, Agent, Dispatcher, CallbackAgent, Manager, Admin]),
        ticket_code: false,
        scope: "customer: own tickets only",
        kind: Kind::Read,
        params: &[
            Param {
                name: "status",
                at: In::Query,
                required: false,
                schema: schema::<TicketStatus>,
                doc: "Only tickets in this state.",
            },
            Param {
                name: "customer_id",
                at: In::Query,
                required: false,
                schema: schema::<uuid::Uuid>,
                doc: "Only this customer's tickets.",
            },
            Param {
                name: "priority",
                at: In::Query,
                required: false,
                schema: schema::<Priority>,
                doc: "Only this priority.",
            },
            Param {
                name: "type",
                at: In::Query,
                required: false,
                schema: schema::<TicketType>,
                doc: "Only this type of request.",
            },
            Param {
                name: "district",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "Only this district.",
            },
            Param {
                name: "opened_from",
                at: In::Query,
                required: false,
                schema: schema::<chrono::DateTime<chrono::Utc>>,
                doc: "Opened at or after this instant (RFC 3339).",
            },
            Param {
                name: "opened_to",
                at: In::Query,
                required: false,
                schema: schema::<chrono::DateTime<chrono::Utc>>,
                doc: "Opened before this instant (RFC 3339).",
            },
            Param {
                name: "sla",
                at: In::Query,
                required: false,
                schema: schema::<SlaState>,
                doc: "Only tickets on track, at risk (80 % of a target used) or breached.",
            },
            Param {
                name: "owner",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "Only tickets this account is responsible for.",
            },
            Param {
                name: "personal_data",
                at: In::Query,
                required: false,
                schema: schema::<PersonalData>,
                doc: "`show` exports phones and addresses unmasked (agent, manager, admin; audit-logged).",
            },
            Param {
                name: "sort",
                at: In::Query,
                required: false,
                schema: ticket_sort_schema,
                doc: "`-opened_at` (newest first, the default) or `opened_at`.",
            },
            LIMIT,
            CURSOR,
        ],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<Ticket>>),
    },
    Operation {
        id: "getTicket",
        method: Method::GET,
        path: "/tickets/{id}",
        tag: "tickets",
        summary: "One ticket by id or number",
        access: Access::Roles(TICKET_READERS),
        ticket_code: true,
        scope: "customer: own; technician: tickets of their work orders; ticket code: that ticket",
        kind: Kind::Read,
        params: &[path_id("Ticket id or number (T2026-000042).")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "moveTicket",
        method: Method::POST,
        path: "/tickets/{id}/transitions",
        tag: "tickets",
        summary: "Move a ticket: triage, resolve on the phone, request a visit, wait for parts, close, cancel, reopen",
        access: Access::Roles(TICKET_HANDLERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[path_id("Ticket id or number.")],
        request: Some(schema::<TransitionTicket>),
        request_omits: &["ticket_id", "expected_version"],
        status: 200,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "setTicketPriority",
        method: Method::POST,
        path: "/tickets/{id}/priority",
        tag: "tickets",
        summary: "Override the priority with a reason; the SLA deadlines are recomputed",
        access: Access::Roles(TICKET_HANDLERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[path_id("Ticket id or number.")],
        request: Some(schema::<SetPriority>),
        request_omits: &["ticket_id", "expected_version"],
        status: 200,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "assignTicketOwner",
        method: Method::POST,
        path: "/tickets/{id}/owner",
        tag: "tickets",
        summary: "Make an agent or manager responsible (for a complaint: who answers the customer)",
        access: Access::Roles(&[Agent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[path_id("Ticket id or number.")],
        request: Some(schema::<AssignOwner>),
        request_omits: &["ticket_id", "expected_version"],
        status: 200,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "getPriorityRules",
        method: Method::GET,
        path: "/priority-rules",
        tag: "tickets",
        summary: "The rules that set a new ticket's priority, in the order they are tried",
        access: Access::Roles(TICKET_HANDLERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<PriorityRules>),
    },
    Operation {
        id: "replacePriorityRules",
        method: Method::POST,
        path: "/priority-rules",
        tag: "tickets",
        summary: "Replace the priority rules (If-Match: the set's ETag, \"0\" while the defaults apply)",
        access: Access::Roles(&[Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[],
        request: Some(schema::<ReplacePriorityRules>),
        request_omits: &["expected_version"],
        status: 200,
        response: Body::Json(schema::<PriorityRules>),
    },
    // Knowledge base.
    Operation {
        id: "createFaqArticle",
        method: Method::POST,
        path: "/faq",
        tag: "tickets",
        summary: "Add a knowledge-base article (常见问题) for a product line",
        access: Access::Roles(&[Agent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<CreateFaqArticle>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<FaqArticle>),
    },
    Operation {
        id: "getFaqArticle",
        method: Method::GET,
        path: "/faq/{id}",
        tag: "tickets",
        summary: "One knowledge-base article",
        access: Access::Roles(&[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[path_id("Article id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<FaqArticle>),
    },
    Operation {
        id: "findFaqArticles",
        method: Method::GET,
        path: "/faq",
        tag: "tickets",
        summary: "Search the knowledge base by product line and words, most used first",
        access: Access::Roles(&[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[
            Param {
                name: "product_line",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "Only this product line.",
            },
            Param {
                name: "text",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "Words that must all appear in the question or answer.",
            },
            LIMIT,
        ],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<FaqArticle>>),
    },
    // Reports.
    Operation {
        id: "ticketReport",
        method: Method::GET,
        path: "/reports/tickets",
        tag: "reports",
        summary: "First-response and resolution times (working minutes), SLA compliance, repeat repairs and complaints for tickets opened in a period, grouped",
        access: Access::Roles(&[Dispatcher, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[
            Param {
                name: "from",
                at: In::Query,
                required: true,
                schema: schema::<chrono::DateTime<chrono::Utc>>,
                doc: "Tickets opened at or after this instant (RFC 3339).",
            },
            Param {
                name: "to",
                at: In::Query,
                required: true,
                schema: schema::<chrono::DateTime<chrono::Utc>>,
                doc: "Tickets opened before this instant (RFC 3339); at most 400 days after `from`.",
            },
            Param {
                name: "group_by",
                at: In::Query,
                required: true,
                schema: schema::<ReportGroup>,
                doc: "district, priority, type, tier, product_line, owner, month or week.",
            },
        ],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<TicketReport>),
    },
    Operation {
        id: "inspectReturn",
        method: Method::POST,
        path: "/tickets/{id}/return-inspection",
        tag: "tickets",
        summary: "Record the inspection of a returned machine; an approved return is refunded by billing",
        access: Access::Roles(&[Agent, Warehouse, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[path_id("Ticket id or number.")],
        request: Some(schema::<InspectReturn>),
        request_omits: &["ticket_id", "expected_version"],
        status: 200,
        response: Body::Json(schema::<Ticket>),
    },
    Operation {
        id: "getNotificationTemplates",
        method: Method::GET,
        path: "/notification-templates",
        tag: "customers",
        summary: "The texts of customer notifications, per kind and language",
        access: Access::Roles(&[Agent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<NotificationTemplates>),
    },
    Operation {
        id: "replaceNotificationTemplates",
        method: Method::POST,
        path: "/notification-templates",
        tag: "customers",
        summary: "Replace the notification texts (If-Match: the set's ETag, \"0\" while the built-in texts apply)",
        access: Access::Roles(&[Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[],
        request: Some(schema::<ReplaceNotificationTemplates>),
        request_omits: &["expected_version"],
        status: 200,
        response: Body::Json(schema::<NotificationTemplates>),
    },
    Operation {
        id: "getSlaPolicy",
        method: Method::GET,
        path: "/sla-policy",
        tag: "tickets",
        summary: "The SLA targets: working minutes to first response and resolution by priority, tier and type",
        access: Access::Roles(TICKET_HANDLERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<SlaPolicy>),
    },
    Operation {
        id: "replaceSlaPolicy",
        method: Method::POST,
        path: "/sla-policy",
        tag: "tickets",
        summary: "Replace the SLA targets for tickets opened or re-prioritised from now (If-Match: the set's ETag, \"0\" while the built-in targets apply)",
        access: Access::Roles(&[Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Update,
        params: &[],
        request: Some(schema::<ReplaceSlaPolicy>),
        request_omits: &["expected_version"],
        status: 200,
        response: Body::Json(schema::<SlaPolicy>),
    },
    // Customers and machines.
    Operation {
        id: "createCustomer",
        method: Method::POST,
        path: "/customers",
        tag: "customers",
        summary: "Register a customer; a phone already on file answers 409 with that customer",
        access: Access::Roles(CUSTOMER_KEEPERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<CreateCustomer>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<CustomerRecord>),
    },
    Operation {
        id: "findCustomers",
        method: Method::GET,
        path: "/customers",
        tag: "customers",
        summary: "Find customers by name prefix, any contact phone, or a machine's serial number",
        access: Access::Roles(&[Agent, Dispatcher, CallbackAgent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[
            Param {
                name: "name",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "Company name starts with this (case-insensitive).",
            },
            Param {
                name: "phone",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "A contact's phone, any formatting.",
            },
            Param {
                name: "serial",
                at: In::Query,
                required: false,
                schema: schema::<String>,
                doc: "A machine's serial number.",
            },
            Param {
                name: "personal_data",
                at: In::Query,
                required: false,
                schema: schema::<PersonalData>,
                doc: "`show` exports phones and addresses unmasked (agent, manager, admin; audit-logged).",
            },
            LIMIT,
            CURSOR,
        ],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<CustomerRecord>>),
    },
    Operation {
        id: "getCustomer",
        method: Method::GET,
        path: "/customers/{id}",
        tag: "customers",
        summary: "One customer by id or number (C2026-000042)",
        access: Access::Roles(CUSTOMER_READERS),
        ticket_code: false,
        scope: "customer: own record only",
        kind: Kind::Read,
        params: &[path_id("Customer id or number.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<CustomerRecord>),
    },
    Operation {
        id: "listMachines",
        method: Method::GET,
        path: "/customers/{id}/machines",
        tag: "customers",
        summary: "The customer's machines",
        access: Access::Roles(CUSTOMER_READERS),
        ticket_code: false,
        scope: "customer: own machines only",
        kind: Kind::Read,
        params: &[path_id("Customer id."), LIMIT, CURSOR],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<Machine>>),
    },
    Operation {
        id: "registerMachine",
        method: Method::POST,
        path: "/machines",
        tag: "customers",
        summary: "Register a machine at a customer; serial numbers are unique per brand",
        access: Access::Roles(CUSTOMER_KEEPERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<RegisterMachine>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<Machine>),
    },
    Operation {
        id: "registerWarrantyCard",
        method: Method::POST,
        path: "/warranty-cards",
        tag: "customers",
        summary: "Register a warranty card (保修卡): creates or links customer and machine, schedules the welcome call and first maintenance",
        access: Access::Roles(&[Agent, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<RegisterWarrantyCard>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<WarrantyCard>),
    },
    Operation {
        id: "listProductLines",
        method: Method::GET,
        path: "/product-lines",
        tag: "customers",
        summary: "Product lines with their warranty months and return window",
        access: Access::SignedIn,
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<ProductLine>>),
    },
    Operation {
        id: "saveProductLine",
        method: Method::POST,
        path: "/product-lines",
        tag: "customers",
        summary: "Add a product line or change its warranty months and return window",
        access: Access::Roles(&[Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<ProductLine>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<ProductLine>),
    },
    // Self-service without an account.
    Operation {
        id: "requestTicketCode",
        method: Method::POST,
        path: "/self-service/codes",
        tag: "self-service",
        summary: "Send a one-time code to the phone on file of a ticket",
        access: Access::Public,
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<RequestCode>),
        request_omits: &[],
        status: 202,
        response: Body::Json(schema::<CodeRequested>),
    },
    Operation {
        id: "redeemTicketCode",
        method: Method::POST,
        path: "/self-service/sessions",
        tag: "self-service",
        summary: "Exchange ticket number and code for a token that can follow that ticket",
        access: Access::Public,
        ticket_code: false,
        scope: "",
        kind: Kind::Action,
        params: &[],
        request: Some(schema::<RedeemCode>),
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<TicketSession>),
    },
    // Dispatch.
    Operation {
        id: "createTechnician",
        method: Method::POST,
        path: "/technicians",
        tag: "dispatch",
        summary: "Register a technician with district, skills and daily capacity",
        access: Access::Roles(&[Dispatcher, Manager, Admin]),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<CreateTechnician>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<Technician>),
    },
    Operation {
        id: "listWorkOrders",
        method: Method::GET,
        path: "/workorders",
        tag: "dispatch",
        summary: "Work orders in creation order",
        access: Access::Roles(WORK_ORDER_READERS),
        ticket_code: false,
        scope: "technician: own work orders only",
        kind: Kind::Read,
        params: &[
            Param {
                name: "ticket_id",
                at: In::Query,
                required: false,
                schema: schema::<uuid::Uuid>,
                doc: "Only the work orders of this ticket.",
            },
            Param {
                name: "technician_id",
                at: In::Query,
                required: false,
                schema: schema::<uuid::Uuid>,
                doc: "Only this technician's work orders.",
            },
            Param {
                name: "sort",
                at: In::Query,
                required: false,
                schema: work_order_sort_schema,
                doc: "`created_at` (oldest first, the default) or `-created_at`.",
            },
            LIMIT,
            CURSOR,
        ],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<WorkOrder>>),
    },
    Operation {
        id: "getWorkOrder",
        method: Method::GET,
        path: "/workorders/{id}",
        tag: "dispatch",
        summary: "One work order",
        access: Access::Roles(WORK_ORDER_READERS),
        ticket_code: false,
        scope: "technician: own work orders only",
        kind: Kind::Read,
        params: &[path_id("Work order id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<WorkOrder>),
    },
    Operation {
        id: "completeWorkOrder",
        method: Method::POST,
        path: "/workorders/{id}/complete",
        tag: "dispatch",
        summary: "Report the visit done: diagnosis, times, parts used",
        access: Access::Roles(&[Technician, Dispatcher, Admin]),
        ticket_code: false,
        scope: "technician: own work orders only",
        kind: Kind::Update,
        params: &[path_id("Work order id.")],
        request: Some(schema::<CompleteWorkOrder>),
        request_omits: &["work_order_id", "expected_version"],
        status: 200,
        response: Body::Json(schema::<WorkOrder>),
    },
    // Inventory.
    Operation {
        id: "createPart",
        method: Method::POST,
        path: "/parts",
        tag: "inventory",
        summary: "Add a part to the catalogue",
        access: Access::Roles(STOCK_KEEPERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[],
        request: Some(schema::<CreatePart>),
        request_omits: &[],
        status: 201,
        response: Body::Json(schema::<Part>),
    },
    Operation {
        id: "getPart",
        method: Method::GET,
        path: "/parts/{sku}",
        tag: "inventory",
        summary: "A part and its stock",
        access: Access::Roles(PART_READERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[Param {
            name: "sku",
            at: In::Path,
            required: true,
            schema: schema::<String>,
            doc: "Part number.",
        }],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Part>),
    },
    Operation {
        id: "receiveStock",
        method: Method::POST,
        path: "/parts/{sku}/receipts",
        tag: "inventory",
        summary: "Book parts received into a stock location",
        access: Access::Roles(STOCK_KEEPERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Create,
        params: &[Param {
            name: "sku",
            at: In::Path,
            required: true,
            schema: schema::<String>,
            doc: "Part number.",
        }],
        request: Some(schema::<ReceiveStock>),
        request_omits: &["sku"],
        status: 201,
        response: Body::Json(schema::<Part>),
    },
    // Billing.
    Operation {
        id: "listInvoices",
        method: Method::GET,
        path: "/invoices",
        tag: "billing",
        summary: "Receipts of a work order",
        access: Access::Roles(INVOICE_READERS),
        ticket_code: false,
        scope: "customer: receipts of own tickets only",
        kind: Kind::Read,
        params: &[WORK_ORDER_FILTER],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<Invoice>>),
    },
    Operation {
        id: "getInvoice",
        method: Method::GET,
        path: "/invoices/{id}",
        tag: "billing",
        summary: "One receipt",
        access: Access::Roles(INVOICE_READERS),
        ticket_code: false,
        scope: "customer: receipts of own tickets only",
        kind: Kind::Read,
        params: &[path_id("Receipt id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Invoice>),
    },
    // Survey.
    Operation {
        id: "listCallbacks",
        method: Method::GET,
        path: "/callbacks",
        tag: "survey",
        summary: "Callbacks of a work order",
        access: Access::Roles(CALLBACK_READERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[WORK_ORDER_FILTER],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Page<Callback>>),
    },
    Operation {
        id: "getCallback",
        method: Method::GET,
        path: "/callbacks/{id}",
        tag: "survey",
        summary: "One callback",
        access: Access::Roles(CALLBACK_READERS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[path_id("Callback id.")],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<Callback>),
    },
    // Live updates and operations.
    Operation {
        id: "streamUpdates",
        method: Method::GET,
        path: "/stream",
        tag: "live",
        summary: "Server-sent events: what changed, filtered to what the caller may see",
        access: Access::SignedIn,
        ticket_code: true,
        scope: "customer: own tickets; technician: own work orders; ticket code: that ticket; callback agent: callbacks; desk roles: everything",
        kind: Kind::Read,
        params: &[],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::EventStream,
    },
    Operation {
        id: "listDeadLetters",
        method: Method::GET,
        path: "/deadletters",
        tag: "operations",
        summary: "Events a consumer gave up on, with the reason",
        access: Access::Roles(ADMINS),
        ticket_code: false,
        scope: "",
        kind: Kind::Read,
        params: &[LIMIT],
        request: None,
        request_omits: &[],
        status: 200,
        response: Body::Json(schema::<DeadLetters>),
    },
];

/// The operation `method` + `path` (the route template under `/api/v1`).
pub(crate) fn find(method: &Method, path: &str) -> Option<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.method == *method && o.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_and_routes_are_unique() {
        let mut ids: Vec<_> = OPERATIONS.iter().map(|o| o.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), OPERATIONS.len());
        let mut routes: Vec<_> = OPERATIONS
            .iter()
            .map(|o| format!("{} {}", o.method, o.path))
            .collect();
        routes.sort();
        routes.dedup();
        assert_eq!(routes.len(), OPERATIONS.len());
    }

    #[test]
    fn creating_posts_and_updates_are_posts_and_reads_are_gets() {
        for o in OPERATIONS {
            match o.kind {
                Kind::Read => assert_eq!(o.method, Method::GET, "{}", o.id),
                Kind::Create | Kind::Update | Kind::Action => {
                    assert_eq!(o.method, Method::POST, "{}", o.id)
                }
            }
            if o.ticket_code {
                assert!(!matches!(o.access, Access::Public), "{}", o.id);
            }
        }
    }

    #[test]
    fn only_signing_in_and_self_service_are_public() {
        let public: Vec<_> = OPERATIONS
            .iter()
            .filter(|o| matches!(o.access, Access::Public))
            .map(|o| o.id)
            .collect();
        assert_eq!(
            public,
            [
                "signIn",
                "refreshToken",
                "requestTicketCode",
                "redeemTicketCode"
            ]
        );
        assert!(find(&Method::GET, "/deadletters").is_some_and(|o| !o.access.allows(Agent)));
    }
}
