//! JSON Schema of every event envelope, generated from the types for `docs/events/`.
use schemars::{JsonSchema, schema_for};

use crate::{Envelope, Event, billing, dispatch, intake, inventory, survey};

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

/// `(file name, schema text)` for every event in the catalogue.
pub fn event_schemas() -> Vec<(String, String)> {
    vec![
        one::<intake::TicketOpened>(),
        one::<intake::TicketCodeRequested>(),
        one::<intake::TicketVisitRequested>(),
        one::<intake::TicketSlaWarning>(),
        one::<intake::TicketSlaBreached>(),
        one::<intake::ComplaintEscalated>(),
        one::<intake::ReturnApproved>(),
        one::<intake::CustomerNotification>(),
        one::<intake::WarrantyRegistered>(),
        one::<dispatch::WorkOrderAssigned>(),
        one::<dispatch::WorkOrderUnassigned>(),
        one::<dispatch::WorkOrderCompleted>(),
        one::<dispatch::WorkOrderWaitingForParts>(),
        one::<dispatch::WorkOrderTakenToWorkshop>(),
        one::<dispatch::WorkOrderCouldNotFix>(),
        one::<dispatch::WorkOrderCancelled>(),
        one::<dispatch::PartsRequested>(),
        one::<dispatch::MeterRead>(),
        one::<dispatch::RoutePublished>(),
        one::<dispatch::MaintenanceDue>(),
        one::<inventory::StockConsumed>(),
        one::<inventory::PartPriceChanged>(),
        one::<inventory::ConsumableReplacementDue>(),
        one::<inventory::ReservationConfirmed>(),
        one::<inventory::ReservationBackordered>(),
        one::<inventory::BackorderFulfilled>(),
        one::<billing::InvoiceIssued>(),
        one::<billing::ContractSigned>(),
        one::<billing::ContractTerminated>(),
        one::<billing::CreditNoteIssued>(),
        one::<billing::CashReconciled>(),
        one::<billing::RefundPaid>(),
        one::<billing::ClaimStatusChanged>(),
        one::<billing::ReceivableOverdue>(),
        one::<billing::RenewalListed>(),
        one::<billing::RenewalFollowUpDue>(),
        one::<survey::CallbackScheduled>(),
        one::<survey::CallbackRecorded>(),
        one::<survey::CallbackProblemPersists>(),
        one::<survey::CallbackLinkIssued>(),
        one::<survey::FollowUpCreated>(),
        one::<survey::FollowUpEscalated>(),
        one::<survey::RankingPublished>(),
        one::<survey::QualityWarningRaised>(),
    ]
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
