//! Satisfaction campaigns: a quarter's campaign gives every active customer one callback
//! about their latest visit.
use aftercare_contracts::ServiceError;
use aftercare_contracts::survey::{CallbackKind, Campaign, StartCampaign};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::campaigns::{active_since, validate};
use crate::domain::{CallbackPolicy, callback_due};
use crate::store::{callbacks, campaigns};

/// Starts the campaign of a quarter (once per quarter) with `by` as who started it: one
/// callback per customer active in the last `active_months`, about their latest visit,
/// due at the next collection time. Returns the campaign with its progress.
pub(crate) async fn start(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    req: &StartCampaign,
    by: &str,
) -> Result<Campaign, ServiceError> {
    let errors = validate(req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let now = now_ms();
    let today = policy.calendar.local_date(from_ms(now));
    let since = policy
        .calendar
        .start_of_day(active_since(today, req.active_months))
        .timestamp_millis();
    let id = Uuid::now_v7();
    let quarter = req.quarter.trim().to_owned();
    if !campaigns::insert_campaign(uow, id, &quarter, by, now).await? {
        return Err(ServiceError::conflict(
            "campaign_exists",
            format!("a campaign for {quarter} was already started"),
        ));
    }
    let due = callback_due(from_ms(now), policy).timestamp_millis();
    let customers = campaigns::latest_visits_per_customer(uow.conn(), since).await?;
    for (key, work_order, ticket, technician) in &customers {
        let parse = |s: &str| {
            Uuid::parse_str(s).map_err(|e| {
                tracing::error!(error = %e, "stored id is not a UUID");
                ServiceError::internal()
            })
        };
        let callback_id = Uuid::now_v7();
        let made = callbacks::insert_callback(
            uow,
            &callbacks::NewCallback {
                id: callback_id,
                kind: CallbackKind::Campaign,
                work_order_id: parse(work_order)?,
                ticket_id: parse(ticket)?,
                technician_id: parse(technician)?,
                campaign_id: Some(id),
                customer_key: Some(key.clone()),
                due_at: due,
                created_at: now,
            },
        )
        .await?;
        if made
            && let Some(c) = callbacks::callback(uow.conn(), &callback_id.to_string(), now).await?
        {
            super::call_tasks::callback_scheduled(uow, &policy.calendar, &c).await?;
        }
    }
    tracing::info!(%quarter, customers = customers.len(), "satisfaction campaign started");
    campaigns::campaigns(uow.conn())
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| ServiceError::not_found("campaign", &id.to_string()))
}
