//! The object-level rules: which tickets and work orders a caller may see (another
//! customer's or technician's object is a 404, never a 403, so ids cannot be probed), and
//! how the accounts behind a history are named.
use aftercare_contracts::Role;
use aftercare_contracts::dispatch::{GetWorkOrder, WorkOrder};
use aftercare_contracts::intake::{GetTicket, Ticket};

use crate::error::ApiError;
use crate::identity::Principal;
use crate::identity::store;
use crate::state::AppState;
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

/// The work order if `p` may see it; otherwise 404.
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

/// The display names of the accounts among `ids` (services and jobs have none).
pub(crate) async fn display_names(
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
