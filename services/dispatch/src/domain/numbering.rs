//! How a work order (and a workshop job, `WS`) is numbered: `W`, the year of the company's local date when it is
//! created, `-` and the next value of the year's series, six digits (`W2027-000001` for
//! the first one after midnight on 1 January in the company's time zone). The rule lives in
//! `aftercare_platform::db::Series`.
use aftercare_platform::db::Series;

/// Work orders: `W2027-000001`.
pub const WORK_ORDER: Series = Series::new("work_order", "W");

/// Workshop jobs (内修 / 送修): `WS2027-000001`.
pub const WORKSHOP_JOB: Series = Series::new("workshop_job", "WS");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_orders_take_the_year_of_the_local_date() {
        aftercare_platform::db::check_series_take_the_local_year(
            &crate::MIGRATIONS,
            &[WORK_ORDER, WORKSHOP_JOB],
        )
        .expect("local years");
    }
}
