//! Subject, stream and durable-consumer names: the whole messaging topology in one place,
//! so services, the binary, documentation and NATS permissions read it from one source.
//!
//! Events live under `<service>.<entity>.<event>` in one stream per producing service.
//! Requests from the gateway use `svc.<service>.<entity>.<verb>`, which no stream
//! captures: a request on a subject a stream captures would be answered by the stream's
//! PubAck and stored.

/// The roles that answer the gateway's requests: the five domain services, each owning
/// one stream and one database ([`Service::ALL`]), and the notifier, which owns a
/// database and no stream (it reads the NOTIFY stream intake owns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Service {
    /// Customers, machines, tickets (受理).
    Intake,
    /// Technicians and work orders (派工).
    Dispatch,
    /// Parts ledger (配件).
    Inventory,
    /// Fees, receipts, payments (收费).
    Billing,
    /// Callbacks and satisfaction (回访).
    Survey,
    /// The messages sent to customers (通知): not a domain service, so not in
    /// [`Service::ALL`]; it answers requests only.
    Notifier,
}

impl Service {
    /// Every domain service, in flow order.
    pub const ALL: [Service; 5] = [
        Service::Intake,
        Service::Dispatch,
        Service::Inventory,
        Service::Billing,
        Service::Survey,
    ];

    /// Lower-case name used in subjects, databases and logs.
    pub fn name(self) -> &'static str {
        match self {
            Service::Intake => "intake",
            Service::Dispatch => "dispatch",
            Service::Inventory => "inventory",
            Service::Billing => "billing",
            Service::Survey => "survey",
            Service::Notifier => crate::permissions::NOTIFIER,
        }
    }

    /// Parses a lower-case domain service name (never the notifier).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }

    /// JetStream stream holding this service's events, e.g. `INTAKE`.
    pub fn stream(self) -> String {
        self.name().to_uppercase()
    }

    /// Subjects the stream captures, e.g. `intake.>`.
    pub fn stream_subjects(self) -> String {
        format!("{}.>", self.name())
    }

    /// Durable consumer name used by this service on every stream it reads.
    pub fn durable(self) -> String {
        self.name().to_owned()
    }

    /// Prefix of the NATS micro endpoints this service answers, e.g. `svc.intake`.
    pub fn request_prefix(self) -> String {
        format!("svc.{}", self.name())
    }
}

/// The stream of messages that carry a secret to a customer (a one-time code with its
/// phone number): short retention, readable only by the notification sender (NATS user
/// [`NOTIFIER`](crate::permissions::NOTIFIER)), never by another service.
pub const NOTIFY_STREAM: &str = "NOTIFY";
/// Subjects of the notify stream: `notify.<entity>.<event>`.
pub const NOTIFY_SUBJECTS: &str = "notify.>";

/// The stream an event subject is stored in: the notify stream for `notify.*`, else its
/// producer's stream.
pub fn stream_of(subject: &str, producer: Service) -> String {
    if subject.starts_with("notify.") {
        NOTIFY_STREAM.to_owned()
    } else {
        producer.stream()
    }
}

/// The stream that keeps messages a consumer gave up on, with the reason.
pub const DEAD_LETTER_STREAM: &str = "DEADLETTER";
/// Subjects of the dead-letter stream: `deadletter.<consumer>.<original subject>`.
pub const DEAD_LETTER_SUBJECTS: &str = "deadletter.>";

/// Subject a dead letter is stored under.
pub fn dead_letter_subject(consumer: &str, original_subject: &str) -> String {
    format!("deadletter.{consumer}.{original_subject}")
}

/// One published event type: who produces it and who consumes it.
#[derive(Debug, Clone, Copy)]
pub struct EventSpec {
    /// Subject and wire name.
    pub subject: &'static str,
    /// Producing service.
    pub producer: Service,
    /// Services with a durable consumer filtered on this subject.
    pub consumers: &'static [Service],
    /// What the event means, for the catalogue.
    pub summary: &'static str,
}

/// One request endpoint served by a service to the gateway.
#[derive(Debug, Clone, Copy)]
pub struct RequestSpec {
    /// Full subject, `svc.<service>.<entity>.<verb>`.
    pub subject: &'static str,
    /// Serving service.
    pub service: Service,
}

/// Every event in the system. Consumers are created from this table, documentation and
/// NATS permissions are generated from it.
pub const EVENTS: &[EventSpec] = &[
    EventSpec {
        subject: "intake.ticket.opened",
        producer: Service::Intake,
        consumers: &[Service::Dispatch, Service::Billing, Service::Survey],
        summary: "A customer request was registered and needs handling.",
    },
    EventSpec {
        subject: "intake.ticket.visit_requested",
        producer: Service::Intake,
        consumers: &[Service::Dispatch],
        summary: "After triage (or on reopening) an agent decided the ticket needs a visit; dispatch creates a work order.",
    },
    EventSpec {
        subject: "intake.ticket.sla_warning",
        producer: Service::Intake,
        consumers: &[],
        summary: "80 % of a ticket's first-response or resolution time (working time) has passed without the target being met.",
    },
    EventSpec {
        subject: "intake.ticket.sla_breached",
        producer: Service::Intake,
        consumers: &[],
        summary: "A ticket's first-response or resolution deadline passed without the target being met.",
    },
    EventSpec {
        subject: "intake.ticket.reply_due",
        producer: Service::Intake,
        consumers: &[Service::Survey],
        summary: "80 % of the time to a reply an agent promised the customer (我会在X点前给您回复) has passed and the reply is not recorded yet; survey queues the call for the agent.",
    },
    EventSpec {
        subject: "intake.ticket.reply_overdue",
        producer: Service::Intake,
        consumers: &[],
        summary: "The time of a reply an agent promised the customer passed without the reply recorded; it escalates to the manager.",
    },
    EventSpec {
        subject: "intake.complaint.escalated",
        producer: Service::Intake,
        consumers: &[],
        summary: "A complaint was not resolved within two working days and goes to the manager.",
    },
    EventSpec {
        subject: "intake.return.approved",
        producer: Service::Intake,
        consumers: &[Service::Billing],
        summary: "A returned machine was inspected and taken back; billing refunds from it.",
    },
    EventSpec {
        subject: "notify.customer.notification",
        producer: Service::Intake,
        consumers: &[],
        summary: "A message to the customer (request received, technician booked, waiting for parts, work done, receipt issued, callback due) for a sending integration: channel, address, language and text.",
    },
    EventSpec {
        subject: "notify.ticket.code_requested",
        producer: Service::Intake,
        consumers: &[],
        summary: "A one-time code for self-service status lookup must be sent by SMS to the ticket's phone on file. In the short-lived NOTIFY stream, readable only by the notification sender.",
    },
    EventSpec {
        subject: "intake.warranty.registered",
        producer: Service::Intake,
        consumers: &[Service::Dispatch, Service::Billing, Service::Survey],
        summary: "A warranty card (保修卡) came in: the customer and machine are on file, a welcome call is due within 2 working days and a first maintenance visit is to be booked within 7 days; survey queues the welcome call.",
    },
    EventSpec {
        subject: "intake.customer.merged",
        producer: Service::Intake,
        consumers: &[Service::Dispatch, Service::Billing, Service::Survey],
        summary: "A duplicate customer record was merged into another: intake moved its tickets, machines, warranty cards and phones to the record that stays, and reads of the duplicate point there; the gateway moved the customer accounts linked to it. Billing (contracts, receipts, tickets, warranties, renewals, refunds), dispatch (maintenance plans) and survey (the tickets its callbacks are for, call tasks, weekly chase rows) re-key what they recorded under the duplicate's id to the record that stays, so their lists and reports by customer show it; a redelivery finds nothing left to move.",
    },
    EventSpec {
        subject: "dispatch.workorder.assigned",
        producer: Service::Dispatch,
        consumers: &[Service::Intake],
        summary: "A work order was created for a ticket and assigned to a technician.",
    },
    EventSpec {
        subject: "dispatch.workorder.unassigned",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "A work order was created but no technician qualifies; it waits, flagged, for a dispatcher.",
    },
    EventSpec {
        subject: "dispatch.workorder.completed",
        producer: Service::Dispatch,
        consumers: &[
            Service::Intake,
            Service::Inventory,
            Service::Billing,
            Service::Survey,
        ],
        summary: "The technician finished the visit; carries parts used, fault, times and outcome, and whether the technician asked for a return visit (and why) for the desk to book.",
    },
    EventSpec {
        subject: "dispatch.workorder.waiting_for_parts",
        producer: Service::Dispatch,
        consumers: &[Service::Intake, Service::Billing],
        summary: "A visit found a part missing: the parts were requested and a return visit created for the same technician (待修); carries the visit, whose call-out and labour billing charges.",
    },
    EventSpec {
        subject: "dispatch.workorder.taken_to_workshop",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "The machine was taken to the workshop (送修/内修); dispatch received it there as a workshop job in the same transaction (dispatch.workshop.status_changed).",
    },
    EventSpec {
        subject: "dispatch.workorder.could_not_fix",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "The technician could not fix the machine; the dispatcher decides what follows (the machine may be received at the workshop from the work order).",
    },
    EventSpec {
        subject: "dispatch.workshop.status_changed",
        producer: Service::Dispatch,
        consumers: &[Service::Intake],
        summary: "A machine was received at the workshop (from a visit, brought in by the customer or sent in by a dealer) or its workshop job moved on (diagnosed, repairing, waiting for parts, could not repair, ready for return, returned); intake tells the customer when it is received and when it is ready to go back. The repair itself is announced as dispatch.workorder.completed, the job standing for the work order, so inventory and billing act as for a visit.",
    },
    EventSpec {
        subject: "dispatch.workorder.cancelled",
        producer: Service::Dispatch,
        consumers: &[Service::Inventory],
        summary: "A work order was called off, with the reason.",
    },
    EventSpec {
        subject: "dispatch.workorder.status_changed",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "A work order moved on its way (accepted, en route, on site, cancelled); for live boards and integrations.",
    },
    EventSpec {
        subject: "dispatch.workorder.appointment_booked",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "The appointment window agreed with the customer was booked or changed.",
    },
    EventSpec {
        subject: "dispatch.parts.requested",
        producer: Service::Dispatch,
        consumers: &[Service::Inventory],
        summary: "A work order needs parts (for a return visit, or ahead of a visit); inventory reserves them.",
    },
    EventSpec {
        subject: "dispatch.meter.read",
        producer: Service::Dispatch,
        consumers: &[Service::Inventory],
        summary: "A meter reading (复印量) and the consumables level taken at a visit, for consumables tracking.",
    },
    EventSpec {
        subject: "dispatch.route.published",
        producer: Service::Dispatch,
        consumers: &[],
        summary: "A technician's route for a day was published or re-planned: the work orders in visiting order.",
    },
    EventSpec {
        subject: "dispatch.maintenance.due",
        producer: Service::Dispatch,
        consumers: &[Service::Intake],
        summary: "A planned maintenance visit (first visit after a warranty card, monthly cleaning, contract visit) falls due; intake opens a maintenance ticket for it, once per plan and day.",
    },
    EventSpec {
        subject: "inventory.stock.consumed",
        producer: Service::Inventory,
        consumers: &[Service::Billing],
        summary: "Parts used on a work order were taken from stock, priced at list price.",
    },
    EventSpec {
        subject: "inventory.part.price_changed",
        producer: Service::Inventory,
        consumers: &[Service::Billing],
        summary: "A part's list price changed (old and new price); billing keeps it in its price book and charges parts at the price in force when the visit finished.",
    },
    EventSpec {
        subject: "inventory.consumable.replacement_due",
        producer: Service::Inventory,
        consumers: &[Service::Intake, Service::Survey],
        summary: "The day to contact a customer about a machine's toner or drum has come (the configured lead time, 7 days by default, before the day it runs out by its meter readings, on a working day), announced once per fitted consumable by inventory's daily job or at once by a reading that comes late; intake opens a contact task and survey queues the call for that day.",
    },
    EventSpec {
        subject: "inventory.reservation.confirmed",
        producer: Service::Inventory,
        consumers: &[Service::Dispatch],
        summary: "Parts a work order asked for are held for it, with the stock location of each line.",
    },
    EventSpec {
        subject: "inventory.reservation.backordered",
        producer: Service::Inventory,
        consumers: &[Service::Dispatch],
        summary: "Parts a work order asked for are not in stock; they will be held for it when a receipt brings them.",
    },
    EventSpec {
        subject: "inventory.backorder.fulfilled",
        producer: Service::Inventory,
        consumers: &[Service::Dispatch],
        summary: "A receipt covered a backordered line; the units are held for the work order (complete: nothing of it is still waiting).",
    },
    EventSpec {
        subject: "billing.quotation.answered",
        producer: Service::Billing,
        consumers: &[Service::Dispatch],
        summary: "The customer accepted or refused a quotation (报价) of chargeable work, with the quotation as answered; dispatch keeps the answer per work order, since a chargeable visit's report is refused until its quotation is accepted.",
    },
    EventSpec {
        subject: "billing.invoice.issued",
        producer: Service::Billing,
        consumers: &[Service::Intake],
        summary: "A receipt was issued for a completed work order.",
    },
    EventSpec {
        subject: "billing.contract.signed",
        producer: Service::Billing,
        consumers: &[Service::Dispatch, Service::Intake],
        summary: "An annual maintenance contract covers machines for a period: dispatch plans its visits, intake notes it on the machines.",
    },
    EventSpec {
        subject: "billing.contract.terminated",
        producer: Service::Billing,
        consumers: &[Service::Dispatch],
        summary: "A contract ends earlier than signed; dispatch stops planning its visits after the new end.",
    },
    EventSpec {
        subject: "billing.credit_note.issued",
        producer: Service::Billing,
        consumers: &[],
        summary: "A receipt was corrected by a credit note (receipts are never edited); what it owes went down.",
    },
    EventSpec {
        subject: "billing.cash.reconciled",
        producer: Service::Billing,
        consumers: &[],
        summary: "A technician's cash day is settled: the count matched what the visits collected, or a manager approved the variance.",
    },
    EventSpec {
        subject: "billing.refund.paid",
        producer: Service::Billing,
        consumers: &[],
        summary: "An approved return's money went back to the customer.",
    },
    EventSpec {
        subject: "billing.claim.status_changed",
        producer: Service::Billing,
        consumers: &[],
        summary: "A manufacturer claim (厂家索赔) was submitted to its brand, approved, rejected or paid.",
    },
    EventSpec {
        subject: "billing.receivable.overdue",
        producer: Service::Billing,
        consumers: &[Service::Survey],
        summary: "A receipt still owes money more than 30 days after it was issued, every week while it owes money, or once when the day its IOU promised passes; survey queues a payment call while none is open.",
    },
    EventSpec {
        subject: "billing.renewal.listed",
        producer: Service::Billing,
        consumers: &[],
        summary: "A maintenance contract or a warranty ends within two months and is listed for renewal (续保).",
    },
    EventSpec {
        subject: "billing.renewal.follow_up_due",
        producer: Service::Billing,
        consumers: &[Service::Survey],
        summary: "This week's renewal call is due (weekly from the 1st of the month before the end, until renewed or declined); survey queues the call while none is open.",
    },
    EventSpec {
        subject: "survey.callback.scheduled",
        producer: Service::Survey,
        consumers: &[Service::Intake],
        summary: "A callback to the customer was scheduled for the next working day.",
    },
    EventSpec {
        subject: "survey.callback.recorded",
        producer: Service::Survey,
        consumers: &[Service::Intake],
        summary: "A callback ended: answered (with scores), refused or unreachable; intake closes the ticket unless the problem persists.",
    },
    EventSpec {
        subject: "survey.callback.problem_persists",
        producer: Service::Survey,
        consumers: &[Service::Intake],
        summary: "The customer says the machine still does not work; intake reopens the ticket and counts a repeat repair.",
    },
    EventSpec {
        subject: "notify.callback.link_issued",
        producer: Service::Survey,
        consumers: &[Service::Intake],
        summary: "A single-use answer link was made for a callback; intake sends it to the customer on their preferred channel.",
    },
    EventSpec {
        subject: "survey.followup.created",
        producer: Service::Survey,
        consumers: &[],
        summary: "An unhappy rating or a comment needs the responsible agent to answer the customer within one working day.",
    },
    EventSpec {
        subject: "survey.followup.escalated",
        producer: Service::Survey,
        consumers: &[],
        summary: "A follow-up was not resolved within two working days and goes to the manager.",
    },
    EventSpec {
        subject: "survey.ranking.published",
        producer: Service::Survey,
        consumers: &[],
        summary: "A weekly (Mondays) or monthly (the 3rd) ranking of technicians and agents was published as an immutable snapshot.",
    },
    EventSpec {
        subject: "survey.quality.warning_raised",
        producer: Service::Survey,
        consumers: &[],
        summary: "The same fault or part repeated on a model within a month, quarter or year beyond the threshold; carries the evidence.",
    },
    EventSpec {
        subject: "survey.call_task.due",
        producer: Service::Survey,
        consumers: &[],
        summary: "An outbound call task (callback, welcome call, renewal, consumables contact, complaint answer, follow-up, overdue payment) fell due; its assignee is reminded once per due time.",
    },
    EventSpec {
        subject: "survey.call_task.escalated",
        producer: Service::Survey,
        consumers: &[],
        summary: "An outbound call task stayed open past its kind's escalation time (a complaint answer one working day after it was due) and goes to the manager, once.",
    },
    EventSpec {
        subject: "survey.daily_report.published",
        producer: Service::Survey,
        consumers: &[],
        summary: "A working day's report (日报) was written at 18:00 company time: prominent customer problems, the callback sheet, work-order statistics and new customer contacts; a mail integration reads it whole at /daily-reports/{date} and sends it to the managers.",
    },
];

/// Every request subject the gateway may call, generated from the request declarations.
pub use crate::requests::REQUESTS;

/// Subjects `service` consumes from `producer`'s stream (its durable's filter).
pub fn consumed_from(service: Service, producer: Service) -> Vec<&'static str> {
    EVENTS
        .iter()
        .filter(|e| e.producer == producer && e.consumers.contains(&service))
        .map(|e| e.subject)
        .collect()
}

/// Streams `service` has a durable consumer on (a producer's stream, or NOTIFY), with
/// the subjects it consumes there (its durable's filter).
pub fn streams_consumed_by(service: Service) -> Vec<(String, Vec<&'static str>)> {
    let mut out: Vec<(String, Vec<&'static str>)> = Vec::new();
    for e in EVENTS.iter().filter(|e| e.consumers.contains(&service)) {
        let stream = stream_of(e.subject, e.producer);
        match out.iter_mut().find(|(s, _)| *s == stream) {
            Some((_, subjects)) => subjects.push(e.subject),
            None => out.push((stream, vec![e.subject])),
        }
    }
    out
}

/// Streams `service` has a durable consumer on.
pub fn producers_consumed_by(service: Service) -> Vec<Service> {
    Service::ALL
        .into_iter()
        .filter(|p| !consumed_from(service, *p).is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_subjects_are_disjoint_from_every_stream() {
        for r in REQUESTS {
            for s in Service::ALL {
                let prefix = format!("{}.", s.name());
                assert!(
                    !r.subject.starts_with(&prefix),
                    "{} is captured by {}",
                    r.subject,
                    s.stream()
                );
            }
            assert!(!r.subject.starts_with("deadletter."));
            assert!(
                r.subject
                    .starts_with(&format!("{}.", r.service.request_prefix()))
            );
        }
    }

    #[test]
    fn every_event_lives_in_its_producers_stream_and_is_not_self_consumed() {
        for e in EVENTS {
            assert!(
                e.subject.starts_with(&format!("{}.", e.producer.name()))
                    || e.subject.starts_with("notify."),
                "{}",
                e.subject
            );
            if e.subject.starts_with("notify.") {
                assert!(
                    e.consumers.iter().all(|c| *c == Service::Intake),
                    "{}: NOTIFY is read by the notifier and intake only",
                    e.subject
                );
            }
            assert_eq!(e.subject.split('.').count(), 3, "{}", e.subject);
            assert!(!e.consumers.contains(&e.producer));
        }
    }

    #[test]
    fn billing_reads_intake_dispatch_and_inventory() {
        assert_eq!(
            consumed_from(Service::Dispatch, Service::Inventory).len(),
            3
        );
        assert_eq!(
            producers_consumed_by(Service::Billing),
            vec![Service::Intake, Service::Dispatch, Service::Inventory]
        );
        assert_eq!(consumed_from(Service::Intake, Service::Dispatch).len(), 5);
    }
}
