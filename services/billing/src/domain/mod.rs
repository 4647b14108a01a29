//! Billing's rules, free of I/O, one file per question: how a receipt is numbered
//! ([`numbering`]), how a receipt's line is covered ([`coverage`]) and charged
//! ([`pricing`]), what a receipt holds and what settles it ([`receipts`]), the price of a
//! part on the day it was used ([`price_book`]), the fee schedule's own checks
//! ([`schedule`]), manufacturer claims and how a receipt's lines merge into a brand's draft
//! ([`claims`]), contracts ([`contracts`]) and their renewals ([`renewals`]), the cash day
//! ([`cash`]), refunds ([`refunds`]), receivables ageing and reminders ([`receivables`])
//! and the revenue report ([`revenue`]); the company profile its receipts are headed with
//! ([`profile`]); quotations of chargeable work before it is done ([`quotation`]).
pub mod cash;
pub mod claims;
pub mod contracts;
pub mod coverage;
pub mod numbering;
pub mod price_book;
pub mod pricing;
pub mod profile;
pub mod quotation;
pub mod receipts;
pub mod receivables;
pub mod refunds;
pub mod renewals;
pub mod revenue;
pub mod schedule;
pub mod training;
pub mod visit;

pub use pricing::{Visit, machine_key, price, tax_included, totals};
pub use receivables::bucket;
pub use visit::ContractInForce;
