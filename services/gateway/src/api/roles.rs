//! The groups of roles that several operations open to, named for what they do. An
//! operation open to a group of its own lists the roles in its declaration.
use aftercare_contracts::Role::{self, *};

/// Every member of staff: each role but the customer.
pub(crate) const STAFF: &[Role] = &[
    Agent,
    Dispatcher,
    Technician,
    Warehouse,
    Finance,
    CallbackAgent,
    Manager,
    Admin,
];

/// Who may read a ticket (each narrowed to the tickets that are theirs).
pub(crate) const TICKET_READERS: &[Role] = &[
    Customer,
    Agent,
    Dispatcher,
    Technician,
    CallbackAgent,
    Manager,
    Admin,
];

/// The desk that moves tickets along.
pub(crate) const TICKET_HANDLERS: &[Role] = &[Agent, Dispatcher, Manager, Admin];

/// The desk that records customers.
pub(crate) const CUSTOMER_KEEPERS: &[Role] = &[Agent, Dispatcher, Manager, Admin];

/// Who may read a customer record (a customer: their own).
pub(crate) const CUSTOMER_READERS: &[Role] = &[
    Customer,
    Agent,
    Dispatcher,
    Technician,
    CallbackAgent,
    Manager,
    Admin,
];

/// Who may open a ticket (a customer: for themselves).
pub(crate) const TICKET_OPENERS: &[Role] = &[Customer, Agent, Dispatcher, Manager, Admin];

/// The desk that creates technicians and sees the whole dispatch picture.
pub(crate) const DISPATCH_DESK: &[Role] = &[Agent, Dispatcher, Warehouse, Manager, Admin];

/// Who keeps the technicians' records and plans their days.
pub(crate) const TECHNICIAN_KEEPERS: &[Role] = &[Dispatcher, Manager, Admin];

/// Who may read work orders (a technician: their own).
pub(crate) const WORK_ORDER_READERS: &[Role] = &[Agent, Dispatcher, Technician, Manager, Admin];

/// Who may read the parts catalogue.
pub(crate) const PART_READERS: &[Role] = &[
    Agent, Dispatcher, Technician, Warehouse, Finance, Manager, Admin,
];

/// Who books stock in and out.
pub(crate) const STOCK_KEEPERS: &[Role] = &[Warehouse, Admin];

/// Who may read receipts (a customer: those of their own tickets).
pub(crate) const INVOICE_READERS: &[Role] = &[Customer, Agent, Finance, Manager, Admin];

/// Who may read callbacks.
pub(crate) const CALLBACK_READERS: &[Role] = &[Agent, CallbackAgent, Manager, Admin];

/// Who records callback attempts.
pub(crate) const CALLBACK_KEEPERS: &[Role] = &[CallbackAgent, Manager, Admin];

/// Who works the outbound call queue: the callback specialist, the district agents
/// (who take the calls the rules give their districts) and the managers.
pub(crate) const CALL_QUEUE_WORKERS: &[Role] = &[Agent, CallbackAgent, Manager, Admin];

/// Who hands a call task to someone else.
pub(crate) const CALL_QUEUE_LEADS: &[Role] = &[CallbackAgent, Manager, Admin];

/// Who follows up a dissatisfied customer.
pub(crate) const FOLLOW_UP_HANDLERS: &[Role] = &[Agent, CallbackAgent, Manager, Admin];

/// Who may read the callback and satisfaction reports.
pub(crate) const SURVEY_REPORT_READERS: &[Role] = &[Dispatcher, CallbackAgent, Manager, Admin];

/// Who may read the technician rankings.
pub(crate) const RANKING_READERS: &[Role] =
    &[Agent, Dispatcher, Technician, CallbackAgent, Manager, Admin];

/// Who may read the messages sent to customers and their delivery: the desk that talks to
/// customers and their managers.
pub(crate) const MESSAGE_READERS: &[Role] = &[Agent, Dispatcher, CallbackAgent, Manager, Admin];

/// Who may read the quality warnings.
pub(crate) const QUALITY_READERS: &[Role] = &[Dispatcher, Warehouse, Manager, Admin];
