//! JSON Schema of every event envelope, generated from the types for `docs/events/`.
use schemars::{JsonSchema, schema_for};

use crate::{Envelope, Event, EventMeta, billing, dispatch, intake, inventory, survey};

fn one<T: Event + JsonSchema>() -> (String, String) {
    let mut schema = schema_for!(Envelope<T>);
    schema.insert(
        "title".into(),
        serde_json::Value::String(T::TYPE.to_owned()),
    );
    schema.insert(
        "$id".into(),
        serde_json::Value::String(format!("{}.v{}.json", T::TYPE, T::VERSION)),
    );
    let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
    (format!("{}.v{}.json", T::TYPE, T::VERSION), text)
}

/// Applies a generic function to every event type, once each: the one list of event
/// types, from which the schemas and [`event_types`] are made.
macro_rules! every_event {
    ($f:ident) => {
        vec![
            $f::<intake::TicketOpened>(),
            $f::<intake::TicketCodeRequested>(),
            $f::<intake::TicketVisitRequested>(),
            $f::<intake::TicketSlaWarning>(),
            $f::<intake::TicketSlaBreached>(),
            $f::<intake::TicketReplyDue>(),
            $f::<intake::TicketReplyOverdue>(),
            $f::<intake::ComplaintEscalated>(),
            $f::<intake::ReturnApproved>(),
            $f::<intake::CustomerNotification>(),
            $f::<intake::WarrantyRegistered>(),
            $f::<intake::CustomerMerged>(),
            $f::<dispatch::WorkOrderAssigned>(),
            $f::<dispatch::WorkOrderUnassigned>(),
            $f::<dispatch::WorkOrderCompleted>(),
            $f::<dispatch::WorkOrderWaitingForParts>(),
            $f::<dispatch::WorkOrderTakenToWorkshop>(),
            $f::<dispatch::WorkOrderCouldNotFix>(),
            $f::<dispatch::WorkOrderCancelled>(),
            $f::<dispatch::WorkOrderStatusChanged>(),
            $f::<dispatch::WorkOrderAppointmentBooked>(),
            $f::<dispatch::PartsRequested>(),
            $f::<dispatch::MeterRead>(),
            $f::<dispatch::RoutePublished>(),
            $f::<dispatch::MaintenanceDue>(),
            $f::<dispatch::WorkshopJobChanged>(),
            $f::<inventory::StockConsumed>(),
            $f::<inventory::PartPriceChanged>(),
            $f::<inventory::ConsumableReplacementDue>(),
            $f::<inventory::ReservationConfirmed>(),
            $f::<inventory::ReservationBackordered>(),
            $f::<inventory::BackorderFulfilled>(),
            $f::<billing::InvoiceIssued>(),
            $f::<billing::QuotationAnswered>(),
            $f::<billing::ContractSigned>(),
            $f::<billing::ContractTerminated>(),
            $f::<billing::CreditNoteIssued>(),
            $f::<billing::CashReconciled>(),
            $f::<billing::RefundPaid>(),
            $f::<billing::ClaimStatusChanged>(),
            $f::<billing::ReceivableOverdue>(),
            $f::<billing::RenewalListed>(),
            $f::<billing::RenewalFollowUpDue>(),
            $f::<survey::CallbackScheduled>(),
            $f::<survey::CallbackRecorded>(),
            $f::<survey::CallbackProblemPersists>(),
            $f::<survey::CallbackLinkIssued>(),
            $f::<survey::FollowUpCreated>(),
            $f::<survey::FollowUpEscalated>(),
            $f::<survey::RankingPublished>(),
            $f::<survey::QualityWarningRaised>(),
            $f::<survey::CallTaskDue>(),
            $f::<survey::CallTaskEscalated>(),
            $f::<survey::DailyReportPublished>(),
        ]
    };
}

/// `(file name, schema text)` for every event in the catalogue.
pub fn event_schemas() -> Vec<(String, String)> {
    every_event!(one)
}

/// The wire facts of every event type that implements [`Event`].
pub fn event_types() -> Vec<EventMeta> {
    every_event!(meta)
}

fn meta<T: Event>() -> EventMeta {
    EventMeta::of::<T>()
}

/// `docs/events/README.md`: the catalogue of events, generated from [`EVENTS`](crate::subjects::EVENTS).
pub fn catalogue_markdown() -> String {
    use crate::subjects::{EVENTS, Service};
    let schemas = event_schemas();
    let mut out = String::from(
        "# Event catalogue\n\n\
         Integration events Aftercare publishes on NATS JetStream. Each producing service has one stream\n\
         (`INTAKE` holds `intake.>`, …); subscribe with a durable consumer filtered on the subjects you need.\n\
         Every message is an envelope `{id, type, version, occurred_at, source, subject_id, actor?, data}`;\n\
         `id` (UUIDv7) is also the `Nats-Msg-Id` header, so deduplicate on it. The W3C `traceparent` and\n\
         `tracestate` headers carry the trace. A change of shape is a new `version`; a version\n\
         that only adds optional fields keeps the older ones readable, so consumers accept both\n\
         while producers roll over (deploy consumers first). The schemas below are the newest.\n\n\
         This file and the schemas beside it are generated from `shared/contracts`;\n\
         `UPDATE_SCHEMAS=1 cargo test -p aftercare-contracts` rewrites them and CI fails when they are stale.\n\n\
         | subject | stream | consumed by | meaning | schema |\n|---|---|---|---|---|\n",
    );
    for e in EVENTS {
        let consumers: Vec<&str> = e.consumers.iter().map(|c: &Service| c.name()).collect();
        let schema = schemas
            .iter()
            .map(|(n, _)| n)
            .find(|n| n.starts_with(&format!("{}.v", e.subject)))
            .cloned()
            .unwrap_or_default();
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} | [{schema}]({schema}) |\n",
            e.subject,
            crate::subjects::stream_of(e.subject, e.producer),
            if consumers.is_empty() {
                "—".to_owned()
            } else {
                consumers.join(", ")
            },
            e.summary
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subjects::EVENTS;

    #[test]
    fn every_catalogued_event_has_a_schema_and_no_more() {
        let names: Vec<String> = event_schemas().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), EVENTS.len());
        for e in EVENTS {
            assert!(
                names
                    .iter()
                    .any(|n| n.starts_with(&format!("{}.v", e.subject))),
                "{}",
                e.subject
            );
        }
    }

    #[test]
    fn every_event_impl_agrees_with_the_catalogue() {
        let types = event_types();
        assert_eq!(
            types.len(),
            EVENTS.len(),
            "one Event impl per catalogued subject"
        );
        for t in &types {
            let spec = EVENTS
                .iter()
                .find(|e| e.subject == t.subject)
                .unwrap_or_else(|| panic!("{} is not in the catalogue", t.subject));
            assert_eq!(spec.producer, t.source, "{}: producer", t.subject);
            assert!(t.version >= 1 && t.reads(t.version), "{}", t.subject);
            assert!(t.oldest_readable >= 1, "{}", t.subject);
            assert_eq!(
                types.iter().filter(|o| o.subject == t.subject).count(),
                1,
                "{} has two types",
                t.subject
            );
        }
    }

    #[test]
    fn docs_events_match_the_types() {
        // The run-time variable: a reused target directory may hold another checkout's path.
        let manifest = std::env::var("CARGO_MANIFEST_DIR")
            .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
        let dir = std::path::Path::new(&manifest).join("../../docs/events");
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            std::fs::create_dir_all(&dir).expect("mkdir");
            for (name, text) in event_schemas() {
                std::fs::write(dir.join(name), text).expect("write");
            }
            std::fs::write(dir.join("README.md"), catalogue_markdown()).expect("write");
        }
        let readme = std::fs::read_to_string(dir.join("README.md")).unwrap_or_default();
        assert_eq!(
            readme,
            catalogue_markdown(),
            "docs/events/README.md is stale; run UPDATE_SCHEMAS=1 cargo test -p aftercare-contracts"
        );
        for (name, text) in event_schemas() {
            let on_disk = std::fs::read_to_string(dir.join(&name))
                .unwrap_or_else(|_| panic!("docs/events/{name} is missing; run UPDATE_SCHEMAS=1 cargo test -p aftercare-contracts"));
            assert_eq!(
                on_disk, text,
                "docs/events/{name} is stale; run UPDATE_SCHEMAS=1 cargo test -p aftercare-contracts"
            );
        }
    }
}
