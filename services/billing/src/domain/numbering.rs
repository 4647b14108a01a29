//! How a receipt is numbered, and billing's other human numbers.
//!
//! A receipt is `R`, the year of the company's local date on the day it is issued, `-` and
//! the next value of the receipts' series for that year, six digits: `R2027-000001` for the
//! first receipt issued after midnight on 1 January in the company's time zone
//! (`AFTERCARE_TIME_ZONE`), even while it is still 31 December in UTC. The value is taken
//! with `UnitOfWork::next_number` in the very transaction that stores the receipt (see
//! `app::receipts::issue`): concurrent issuers queue on the series' row and a receipt
//! that is not stored gives its value back, so receipt numbers are **gapless per local
//! year**, as the tax office expects. A receipt is issued once per work order and never
//! edited; a correction is a credit note (`CN…`), numbered the same way, as are contracts
//! (`K…`) and manufacturer warranty claims (`MC…`).
//!
//! The rule itself (prefix, local year, width) lives in `aftercare_platform::db::Series`.
use aftercare_platform::db::Series;

/// Receipts, one per completed visit: `R2027-000001`.
pub const RECEIPT: Series = Series::new("receipt", "R");
/// Credit notes, corrections of a receipt: `CN2027-000001`.
pub const CREDIT_NOTE: Series = Series::new("credit_note", "CN");
/// Service contracts: `K2027-000001`.
pub const CONTRACT: Series = Series::new("contract", "K");
/// Warranty claims to a manufacturer: `MC2027-000001`.
pub const CLAIM: Series = Series::new("claim", "MC");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_billing_series_takes_the_year_of_the_local_date() {
        aftercare_platform::db::check_series_take_the_local_year(
            &crate::MIGRATIONS,
            &[RECEIPT, CREDIT_NOTE, CONTRACT, CLAIM],
        )
        .expect("local years");
    }
}
