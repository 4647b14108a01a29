//! Sends a customer notification: picks the company's text for the kind and the
//! customer's language, the address on the customer's preferred channel, and emits
//! `notify.customer.notification` in the caller's transaction (so the message goes out
//! exactly when the change that caused it is committed).
use aftercare_contracts::intake::{
    Customer, CustomerNotification, Language, NotificationChannel, NotificationKind, Ticket,
};
use aftercare_contracts::{Actor, Envelope};
use aftercare_platform::{Result, UnitOfWork};

use crate::domain::notify::{Values, address, render};
use crate::store;

/// Emits the notification of `kind` about ticket `t`, with `values` filled in (the ticket
/// number and company are added here).
pub(crate) async fn send(
    uow: &mut UnitOfWork,
    t: &Ticket,
    kind: NotificationKind,
    values: Values,
    actor: Option<Actor>,
) -> Result<()> {
    let customer = match t.customer_id {
        Some(c) => store::customers::get_customer(uow.conn(), &c.to_string()).await?,
        None => None,
    };
    send_to(uow, t, customer.as_ref(), kind, values, actor).await
}

/// [`send`] with the ticket's customer record already at hand.
pub(crate) async fn send_to(
    uow: &mut UnitOfWork,
    t: &Ticket,
    customer: Option<&Customer>,
    kind: NotificationKind,
    mut values: Values,
    actor: Option<Actor>,
) -> Result<()> {
    let (templates, _) = aftercare_platform::company_settings::current::<
        crate::domain::settings::NotificationTemplates,
    >(uow.conn())
    .await?;
    let (preferred, language, contacts) = match customer {
        Some(c) => (c.preferred_channel, c.language, c.contacts.as_slice()),
        None => (NotificationChannel::Sms, Language::ZhCn, &[][..]),
    };
    let (channel, to) = address(preferred, contacts, &t.customer.phone);
    values.number = t.number.clone();
    values.company = customer
        .map(|c| c.company.clone())
        .unwrap_or_else(|| t.customer.name.clone());
    let Some(message) = render(&templates, kind, language, &values) else {
        tracing::warn!(?kind, ?language, "no notification text; nothing sent");
        return Ok(());
    };
    let n = CustomerNotification {
        ticket_id: t.id,
        number: t.number.clone(),
        customer_id: t.customer_id,
        kind,
        channel,
        to,
        language,
        message,
    };
    uow.emit(&Envelope::new(n, actor)).await
}
