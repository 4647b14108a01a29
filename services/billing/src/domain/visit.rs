//! The visit a receipt is computed from: what was done, the parts it used, the day it
//! finished and what covered the machine then. Both the coverage of each line
//! ([`super::coverage`]) and its price ([`super::pricing`]) read it.
//!
//! A repair that needs a return visit for a missing part (待修) is charged visit by visit,
//! each with its receipt (收费后为用户开示票据: a receipt every time something is charged):
//! the first visit when it ends waiting for parts, its call-out and labour
//! ([`awaiting_parts`]); the return visit when it is reported, its labour and parts but
//! not a second call-out ([`super::pricing::price`]), since the company came back with
//! the part it did not bring.
use aftercare_contracts::dispatch::{VisitOutcome, WorkOrderCompleted, WorkOrderWaitingForParts};
use aftercare_contracts::intake::CustomerTier;
use aftercare_contracts::inventory::ConsumedLine;
use chrono::NaiveDate;

use aftercare_contracts::billing::ContractCoverage;

/// Everything a receipt is priced from.
#[derive(Debug, Clone, Copy)]
pub struct Visit<'a> {
    /// The completed visit.
    pub completed: &'a WorkOrderCompleted,
    /// The parts it consumed, at list price.
    pub parts: &'a [ConsumedLine],
    /// The service-local day it finished (warranty and contracts are decided on it).
    pub on: NaiveDate,
    /// The customer's tier when the ticket was opened.
    pub tier: CustomerTier,
    /// The contract in force, if any.
    pub contract: Option<&'a ContractInForce>,
    /// The machine's last day of warranty as registered with its warranty card (it may
    /// differ by product line); otherwise the schedule's months from purchase apply.
    pub warranty_end: Option<NaiveDate>,
    /// For a return visit (`completed.revisit_of`), the receipt of the first visit that
    /// charged the call-out, when billing issued it.
    pub first_receipt: Option<&'a str>,
    /// How many training visits of the same machine were receipted before this one (the
    /// first is free: [`super::training`]).
    pub earlier_trainings: u32,
}

/// The first visit of a repair that ended waiting for parts, as the visit billing
/// charges: its call-out and labour, without parts (they come with the return visit and
/// are charged on its receipt). `None` for an event that does not carry the visit
/// (version 1).
pub fn awaiting_parts(e: &WorkOrderWaitingForParts) -> Option<WorkOrderCompleted> {
    let v = e.visit.as_ref()?;
    Some(first_visit(WorkOrderCompleted {
        work_order_id: e.work_order_id,
        number: e.number.clone(),
        ticket_id: e.ticket_id,
        technician_id: e.technician_id,
        technician_name: v.technician_name.clone(),
        team: v.team.clone(),
        customer_name: v.customer_name.clone(),
        district: v.district.clone(),
        machine: v.machine.clone(),
        started_at: v.started_at,
        finished_at: v.finished_at,
        diagnosis: e.diagnosis.clone(),
        fault: v.fault.clone(),
        parts: e.parts_needed.clone(),
        meter_reading: None,
        work_type: v.work_type,
        cash_collected: v.cash_collected.clone(),
        revisit_of: None,
        return_visit_needed: false,
        return_visit_note: String::new(),
    }))
}

/// A first visit that ended waiting for parts is charged without parts, as a first
/// visit (its call-out is charged), and says nothing of a return visit.
fn first_visit(v: WorkOrderCompleted) -> WorkOrderCompleted {
    WorkOrderCompleted {
        parts: Vec::new(),
        meter_reading: None,
        revisit_of: None,
        return_visit_needed: false,
        return_visit_note: String::new(),
        ..v
    }
}

/// The visit a report ending with `outcome` is charged as, when it makes a receipt: a
/// completed visit as reported, the first visit of a repair waiting for parts as
/// [`awaiting_parts`] charges it; a machine taken to the workshop or not fixed makes no
/// receipt.
pub fn charged_as(outcome: VisitOutcome, visit: WorkOrderCompleted) -> Option<WorkOrderCompleted> {
    match outcome {
        VisitOutcome::Completed => Some(visit),
        VisitOutcome::WaitingForParts => Some(first_visit(visit)),
        VisitOutcome::TakenToWorkshop | VisitOutcome::CouldNotFix => None,
    }
}

/// The contract in force for the machine on the day of the visit.
#[derive(Debug, Clone)]
pub struct ContractInForce {
    /// Its number, printed in the coverage note.
    pub number: String,
    /// What it covers.
    pub coverage: ContractCoverage,
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::Money;
    use aftercare_contracts::dispatch::{PartUsed, VisitOnSite, WorkType};
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn waiting(visit: Option<VisitOnSite>) -> WorkOrderWaitingForParts {
        WorkOrderWaitingForParts {
            work_order_id: Uuid::now_v7(),
            number: "W2026-000007".into(),
            ticket_id: Uuid::now_v7(),
            technician_id: Uuid::now_v7(),
            revisit_work_order_id: Uuid::now_v7(),
            revisit_number: "W2026-000008".into(),
            parts_needed: vec![PartUsed {
                sku: "FUSER-2".into(),
                quantity: 1,
                location: None,
            }],
            diagnosis: "fuser worn".into(),
            at: Utc.with_ymd_and_hms(2026, 11, 24, 3, 0, 0).unwrap(),
            visit,
        }
    }

    /// Forty minutes of a repair on site in Tianhe, with `cash` collected.
    fn on_site(cash: Option<Money>) -> VisitOnSite {
        let started = Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0).unwrap();
        VisitOnSite {
            technician_name: "Zhao".into(),
            team: "tianhe".into(),
            customer_name: "Tianhe Printing".into(),
            district: "tianhe".into(),
            machine: None,
            work_type: WorkType::Repair,
            fault: Some("fuser".into()),
            started_at: started,
            finished_at: started + chrono::Duration::minutes(40),
            cash_collected: cash,
        }
    }

    #[test]
    fn the_first_visit_awaiting_parts_is_charged_without_the_parts_it_lacked() {
        let e = waiting(Some(on_site(Some(Money::cny(5000)))));
        let v = awaiting_parts(&e).expect("the visit is carried");
        assert_eq!(
            (v.work_order_id, v.number.as_str(), v.ticket_id),
            (e.work_order_id, "W2026-000007", e.ticket_id)
        );
        assert_eq!((v.finished_at - v.started_at).num_minutes(), 40);
        assert!(
            v.parts.is_empty(),
            "the needed parts are the return visit's"
        );
        assert_eq!(v.revisit_of, None, "a first visit is charged its call-out");
        assert_eq!(v.cash_collected, Some(Money::cny(5000)));
        assert_eq!(v.district, "tianhe");
        assert_eq!(v.diagnosis, "fuser worn");
    }

    #[test]
    fn a_report_waiting_for_parts_is_charged_as_the_event_is() {
        let e = waiting(Some(on_site(None)));
        let from_event = awaiting_parts(&e).expect("the visit is carried");
        let reported = WorkOrderCompleted {
            parts: e.parts_needed.clone(),
            meter_reading: Some(1200),
            revisit_of: Some(Uuid::now_v7()),
            return_visit_needed: true,
            return_visit_note: "bring the fuser".into(),
            ..from_event.clone()
        };
        assert_eq!(
            charged_as(VisitOutcome::WaitingForParts, reported.clone()),
            Some(from_event)
        );
        assert_eq!(
            charged_as(VisitOutcome::Completed, reported.clone()),
            Some(reported.clone())
        );
        assert_eq!(
            charged_as(VisitOutcome::TakenToWorkshop, reported.clone()),
            None
        );
        assert_eq!(charged_as(VisitOutcome::CouldNotFix, reported), None);
    }

    #[test]
    fn a_version_1_event_without_the_visit_charges_nothing() {
        assert_eq!(awaiting_parts(&waiting(None)), None);
    }
}
