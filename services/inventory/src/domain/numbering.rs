//! How a purchase request is numbered: `PR`, the year of the company's local date when it
//! is drafted, `-` and the next value of the year's series, six digits (`PR2027-000001`).
//! The rule lives in `aftercare_platform::db::Series`.
use aftercare_platform::db::Series;

/// Purchase requests: `PR2027-000001`.
pub const PURCHASE: Series = Series::new("purchase", "PR");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purchase_requests_take_the_year_of_the_local_date() {
        aftercare_platform::db::check_series_take_the_local_year(&crate::MIGRATIONS, &[PURCHASE])
            .expect("local years");
    }
}
