//! Billing's rules, free of I/O: pricing and coverage, the fee schedule's own checks,
//! receivables ageing and the cash day.
pub mod claims;
pub mod pricing;
pub mod renewals;
pub mod schedule;

pub use pricing::{ContractInForce, Visit, bucket, machine_key, price, tax_included, totals};
