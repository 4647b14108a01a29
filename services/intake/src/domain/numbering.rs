//! How tickets, customers and FAQ articles are numbered: the series' prefix, the year of
//! the company's local date when the record is made, `-` and the next value of the year's
//! series, six digits (`T2027-000001` is the first ticket opened after midnight on
//! 1 January in the company's time zone, even at 07:00 in Shanghai while UTC is still in
//! the old year). The rule lives in `aftercare_platform::db::Series`.
use aftercare_platform::db::Series;

/// Tickets: `T2027-000001`.
pub const TICKET: Series = Series::new("ticket", "T");
/// Customer records: `C2027-000001`.
pub const CUSTOMER: Series = Series::new("customer", "C");
/// Knowledge-base articles: `FAQ2027-000001`.
pub const FAQ: Series = Series::new("faq", "FAQ");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_intake_series_takes_the_year_of_the_local_date() {
        aftercare_platform::db::check_series_take_the_local_year(
            &crate::MIGRATIONS,
            &[TICKET, CUSTOMER, FAQ],
        )
        .expect("local years");
    }
}
