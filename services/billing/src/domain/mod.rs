//! Billing's rules, free of I/O: pricing and coverage, the fee schedule's own checks,
//! receivables ageing, the cash day and the price of a part on the day it was used.
pub mod claims;
pub mod numbering;
pub mod price_book;
pub mod pricing;
pub mod renewals;
pub mod schedule;

pub use pricing::{ContractInForce, Visit, bucket, machine_key, price, tax_included, totals};
