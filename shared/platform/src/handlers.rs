//! Typed event handlers: a service registers one async function per event type it
//! consumes, and the registry does the rest once for every service.
//!
//! ```ignore
//! Handlers::new(state)
//!     .on::<TicketOpened>(on_ticket_opened)
//!     .on::<WorkOrderCompleted>(on_work_order_completed)
//! ```
//!
//! with `async fn on_ticket_opened(state: &State, uow: &mut UnitOfWork, e: Envelope<TicketOpened>) -> Result<(), EventError>`.
//! The registry routes a delivered event by its subject to the function registered for
//! that type, refuses a version the type cannot read, decodes the whole envelope, and
//! classifies what went wrong once ([`EventError::is_poison`]): poison is dead-lettered
//! at its first delivery, anything else is retried with back-off until `max_deliver`.
//! The consumer runs each handler inside the message's `<subject> process` span (subject,
//! event id, consumer) and its inbox transaction. The subjects a service's durable
//! consumers are filtered on are the registered types ([`filter_subjects`]), checked
//! against the subject catalogue.
use std::collections::BTreeMap;
use std::future::Future;
use std::marker::PhantomData;

use aftercare_contracts::subjects::{EVENTS, stream_of};
use aftercare_contracts::{Envelope, Event, EventMeta, Service};

use crate::inbound::{EventError, EventHandler, InboundEvent, decode};
use crate::{BoxFuture, Error, UnitOfWork};

/// An async function that handles one event type with the registry's state:
/// `async fn(&S, &mut UnitOfWork, Envelope<T>) -> Result<(), EventError>`.
pub trait HandlerFn<'a, S: 'a, T>: Send + Sync + 'static {
    /// The handler's future.
    type Future: Future<Output = Result<(), EventError>> + Send + 'a;
    /// Calls the handler.
    fn call(&self, state: &'a S, uow: &'a mut UnitOfWork, event: Envelope<T>) -> Self::Future;
}

impl<'a, S: 'a, T, F, Fut> HandlerFn<'a, S, T> for F
where
    F: Fn(&'a S, &'a mut UnitOfWork, Envelope<T>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), EventError>> + Send + 'a,
{
    type Future = Fut;
    fn call(&self, state: &'a S, uow: &'a mut UnitOfWork, event: Envelope<T>) -> Fut {
        self(state, uow, event)
    }
}

/// One registered handler with its type erased.
trait Route<S>: Send + Sync {
    fn handle<'a>(
        &'a self,
        state: &'a S,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>>;
}

struct Typed<T, F> {
    f: F,
    _type: PhantomData<fn() -> T>,
}

impl<S, T, F> Route<S> for Typed<T, F>
where
    S: Send + Sync + 'static,
    T: Event,
    F: for<'a> HandlerFn<'a, S, T>,
{
    fn handle<'a>(
        &'a self,
        state: &'a S,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>> {
        match decode::<T>(event) {
            Ok(envelope) => Box::pin(self.f.call(state, uow, envelope)),
            Err(e) => Box::pin(std::future::ready(Err(e))),
        }
    }
}

/// A service's event handlers, one per event type, sharing the state `S`.
pub struct Handlers<S> {
    state: S,
    routes: BTreeMap<&'static str, (EventMeta, Box<dyn Route<S>>)>,
}

impl<S: Send + Sync + 'static> Handlers<S> {
    /// No handlers yet; each gets `&state`.
    pub fn new(state: S) -> Self {
        Self {
            state,
            routes: BTreeMap::new(),
        }
    }

    /// Handles events of type `T` with `f`.
    ///
    /// # Panics
    /// When `T` already has a handler: a service handles each event type in one place.
    #[must_use]
    pub fn on<T: Event>(mut self, f: impl for<'a> HandlerFn<'a, S, T>) -> Self {
        let route = Typed::<T, _> {
            f,
            _type: PhantomData,
        };
        let previous = self
            .routes
            .insert(T::TYPE, (EventMeta::of::<T>(), Box::new(route)));
        assert!(previous.is_none(), "{} has two handlers", T::TYPE);
        self
    }
}

impl<S: Send + Sync + 'static> EventHandler for Handlers<S> {
    fn handle<'a>(
        &'a self,
        uow: &'a mut UnitOfWork,
        event: &'a InboundEvent,
    ) -> BoxFuture<'a, Result<(), EventError>> {
        match self.routes.get(event.subject.as_str()) {
            Some((_, route)) => route.handle(&self.state, uow, event),
            None => Box::pin(std::future::ready(Err(EventError::UnknownSubject(
                event.subject.clone(),
            )))),
        }
    }

    fn events(&self) -> Vec<EventMeta> {
        self.routes.values().map(|(meta, _)| *meta).collect()
    }
}

/// The durable consumers `service` needs for the events it handles: each stream it reads
/// with the subjects to filter on, in catalogue order. The handled events and the
/// catalogue's consumers of `service` must be the same set (the catalogue makes the NATS
/// permissions and the documentation), and each type's producer must be the catalogue's.
pub fn filter_subjects(
    service: Service,
    handled: &[EventMeta],
) -> crate::Result<Vec<(String, Vec<&'static str>)>> {
    let config = |m: String| Err(Error::Config(m));
    for h in handled {
        let Some(spec) = EVENTS.iter().find(|e| e.subject == h.subject) else {
            return config(format!(
                "{} handles {}, which is not in the event catalogue (shared/contracts subjects.rs)",
                service.name(),
                h.subject
            ));
        };
        if spec.producer != h.source {
            return config(format!(
                "{} is produced by {} in the catalogue but by {} in its type",
                h.subject,
                spec.producer.name(),
                h.source.name()
            ));
        }
        if !spec.consumers.contains(&service) {
            return config(format!(
                "{} handles {}, but the catalogue does not list it as a consumer",
                service.name(),
                h.subject
            ));
        }
    }
    let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
    for e in EVENTS.iter().filter(|e| e.consumers.contains(&service)) {
        if !handled.iter().any(|h| h.subject == e.subject) {
            return config(format!(
                "the catalogue lists {} as a consumer of {}, but it has no handler for it",
                service.name(),
                e.subject
            ));
        }
        let stream = stream_of(e.subject, e.producer);
        match out.iter_mut().find(|(s, _)| *s == stream) {
            Some((_, subjects)) => subjects.push(e.subject),
            None => out.push((stream, vec![e.subject])),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use aftercare_contracts::billing::ContractSigned;
    use aftercare_contracts::intake::{CustomerTier, TicketOpened, WarrantyRegistered};
    use aftercare_contracts::subjects::streams_consumed_by;
    use bytes::Bytes;
    use uuid::Uuid;

    use super::*;
    use crate::Db;
    use aftercare_contracts::ServiceError;

    struct Seen {
        tag: &'static str,
    }

    async fn on_ticket_opened(
        seen: &Seen,
        uow: &mut UnitOfWork,
        e: Envelope<TicketOpened>,
    ) -> Result<(), EventError> {
        // The handler runs in the consumer's transaction.
        sqlx::query("select 1").execute(uow.conn()).await?;
        match e.data.tier {
            CustomerTier::KeyAccount => Err(EventError::refused(
                seen.tag,
                ServiceError::field("tier", "invalid", "refused in the test"),
            )),
            _ if e.data.symptom == "conflict" => {
                Err(ServiceError::conflict("busy", "later").into())
            }
            _ => Ok(()),
        }
    }

    async fn on_warranty(
        _: &Seen,
        _: &mut UnitOfWork,
        _: Envelope<WarrantyRegistered>,
    ) -> Result<(), EventError> {
        Err(EventError::Store(Error::Nats("down".into())))
    }

    fn handlers() -> Handlers<Seen> {
        Handlers::new(Seen { tag: "testing" })
            .on::<TicketOpened>(on_ticket_opened)
            .on::<WarrantyRegistered>(on_warranty)
    }

    fn inbound(subject: &str, version: u16, payload: serde_json::Value) -> InboundEvent {
        InboundEvent {
            subject: subject.into(),
            event_id: Uuid::nil(),
            version,
            payload: Bytes::from(payload.to_string()),
            stream_seq: 1,
            delivered: 1,
        }
    }

    fn opened(f: impl FnOnce(&mut TicketOpened)) -> InboundEvent {
        let mut t = TicketOpened::example();
        f(&mut t);
        let json = serde_json::to_value(Envelope::new(t, None)).expect("json");
        inbound(TicketOpened::TYPE, TicketOpened::VERSION, json)
    }

    async fn run(h: &Handlers<Seen>, event: &InboundEvent) -> Result<(), EventError> {
        let dir = tempfile::tempdir().expect("dir");
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = Db::connect(&url, "test").await.expect("db");
        let mut uow = db.begin().await.expect("begin");
        h.handle(&mut uow, event).await
    }

    #[tokio::test]
    async fn an_event_reaches_the_handler_of_its_type_decoded() {
        let h = handlers();
        assert!(run(&h, &opened(|_| {})).await.is_ok());
        let refused = run(&h, &opened(|t| t.tier = CustomerTier::KeyAccount))
            .await
            .expect_err("refused");
        assert!(refused.is_poison(), "a refusal of the content is poison");
        assert!(
            refused
                .to_string()
                .starts_with("testing: validation_failed tier:"),
            "{refused}"
        );
        let conflict = run(&h, &opened(|t| t.symptom = "conflict".into()))
            .await
            .expect_err("conflict");
        assert!(!conflict.is_poison(), "a conflict may pass: retried");
        // A store failure in the handler is retried.
        let warranty =
            serde_json::to_value(Envelope::new(WarrantyRegistered::example(), None)).expect("json");
        let down = run(
            &h,
            &inbound(
                WarrantyRegistered::TYPE,
                WarrantyRegistered::VERSION,
                warranty,
            ),
        )
        .await
        .expect_err("store");
        assert!(matches!(down, EventError::Store(Error::Nats(_))), "{down}");
        assert!(!down.is_poison());
        // The schema is checked before the handler runs.
        let empty = run(
            &h,
            &inbound(
                WarrantyRegistered::TYPE,
                WarrantyRegistered::VERSION,
                serde_json::json!({}),
            ),
        )
        .await
        .expect_err("schema");
        assert!(matches!(empty, EventError::Undecodable { .. }), "{empty}");
    }

    #[tokio::test]
    async fn a_payload_off_its_schema_is_poison_naming_the_field() {
        let h = handlers();
        let mut json =
            serde_json::to_value(Envelope::new(TicketOpened::example(), None)).expect("json");
        json["data"]["priority"] = "urgent!!".into();
        let err = run(
            &h,
            &inbound(TicketOpened::TYPE, TicketOpened::VERSION, json),
        )
        .await
        .expect_err("poison");
        assert!(err.is_poison());
        assert!(err.to_string().contains("data.priority"), "{err}");
    }

    #[tokio::test]
    async fn a_version_the_type_does_not_read_is_poison() {
        let h = handlers();
        let json =
            serde_json::to_value(Envelope::new(TicketOpened::example(), None)).expect("json");
        for v in [0, TicketOpened::VERSION + 1] {
            let err = run(&h, &inbound(TicketOpened::TYPE, v, json.clone()))
                .await
                .expect_err("version");
            assert!(matches!(err, EventError::UnsupportedVersion { version, .. } if version == v));
            assert!(err.is_poison());
        }
        // An older version the type still reads is handled.
        let mut v1 = json;
        v1["version"] = 1.into();
        if let Some(data) = v1["data"].as_object_mut() {
            data.remove("tier");
        }
        assert!(run(&h, &inbound(TicketOpened::TYPE, 1, v1)).await.is_ok());
    }

    #[tokio::test]
    async fn a_subject_without_a_handler_is_poison() {
        let err = run(
            &handlers(),
            &inbound(
                ContractSigned::TYPE,
                ContractSigned::VERSION,
                serde_json::json!({}),
            ),
        )
        .await
        .expect_err("unknown");
        assert!(matches!(err, EventError::UnknownSubject(ref s) if s == ContractSigned::TYPE));
        assert!(err.is_poison());
    }

    #[test]
    fn store_failures_and_contention_are_retried() {
        let store: EventError = sqlx::Error::RowNotFound.into();
        assert!(!store.is_poison());
        assert!(!EventError::Contended("changed".into()).is_poison());
        assert!(!EventError::from(ServiceError::internal()).is_poison());
        assert!(!EventError::from(ServiceError::stale("v2")).is_poison());
        assert!(EventError::from(ServiceError::not_found("ticket", "1")).is_poison());
        // A full disk is retried for as long as it lasts, never dead-lettered for it.
        let full = EventError::from(ServiceError::storage_full());
        assert!(!full.is_poison() && full.is_storage_full());
        assert!(!store.is_storage_full());
    }

    #[test]
    #[should_panic(expected = "intake.ticket.opened has two handlers")]
    fn a_type_has_one_handler() {
        let _ = handlers().on::<TicketOpened>(on_ticket_opened);
    }

    #[test]
    fn filter_subjects_come_from_the_handlers_and_match_the_catalogue() {
        // Billing's handlers as the catalogue lists them: the same streams and subjects.
        use aftercare_contracts::dispatch::{WorkOrderCompleted, WorkOrderWaitingForParts};
        use aftercare_contracts::intake::{CustomerMerged, ReturnApproved};
        use aftercare_contracts::inventory::{PartPriceChanged, StockConsumed};
        let billing = [
            EventMeta::of::<StockConsumed>(),
            EventMeta::of::<TicketOpened>(),
            EventMeta::of::<CustomerMerged>(),
            EventMeta::of::<WarrantyRegistered>(),
            EventMeta::of::<ReturnApproved>(),
            EventMeta::of::<WorkOrderCompleted>(),
            EventMeta::of::<WorkOrderWaitingForParts>(),
            EventMeta::of::<PartPriceChanged>(),
        ];
        let derived = filter_subjects(Service::Billing, &billing).expect("parity");
        assert_eq!(derived, streams_consumed_by(Service::Billing));
        assert_eq!(derived[0].0, "INTAKE");

        // A handler the catalogue does not list, or a listed event without one: refused.
        let extra = [&billing[..], &[EventMeta::of::<ContractSigned>()]].concat();
        let err = filter_subjects(Service::Billing, &extra).expect_err("extra");
        assert!(err.to_string().contains("does not list it"), "{err}");
        let err = filter_subjects(Service::Billing, &billing[1..]).expect_err("missing");
        assert!(err.to_string().contains("no handler for it"), "{err}");
        // The registry reports what it handles.
        let h = handlers();
        let subjects: Vec<&str> = h.events().iter().map(|m| m.subject).collect();
        assert_eq!(subjects, [TicketOpened::TYPE, WarrantyRegistered::TYPE]);
    }
}
