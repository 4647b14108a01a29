//! The visit a receipt is computed from: what was done, the parts it used, the day it
//! finished and what covered the machine then. Both the coverage of each line
//! ([`super::coverage`]) and its price ([`super::pricing`]) read it.
use aftercare_contracts::dispatch::WorkOrderCompleted;
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
}

/// The contract in force for the machine on the day of the visit.
#[derive(Debug, Clone)]
pub struct ContractInForce {
    /// Its number, printed in the coverage note.
    pub number: String,
    /// What it covers.
    pub coverage: ContractCoverage,
}
