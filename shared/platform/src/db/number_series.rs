//! How every human number is made: tickets `T2027-000001`, work orders `W…`, customers
//! `C…`, FAQ articles `FAQ…`, purchase requests `PR…`, contracts `K…`, receipts `R…`,
//! credit notes `CN…` and manufacturer claims `MC…`.
//!
//! One rule for all of them: the series' prefix, the year of the **company's local date**
//! (the business calendar's time zone, `AFTERCARE_TIME_ZONE`, Asia/Shanghai by default),
//! `-`, and the next value of the series for that year, zero-padded to the series' width.
//! A ticket opened at 07:00 on 1 January in Shanghai (23:00 UTC on 31 December) is the new
//! year's.
//!
//! The value comes from the `number_series` row of (series, year), taken with
//! `insert … on conflict do update … returning` inside the caller's transaction: the row
//! lock serialises concurrent takers until commit and a rolled-back transaction gives its
//! value back, so a series is gapless per year when, as receipts do, the number is taken in
//! the transaction that stores the numbered record.
use aftercare_calendar::BusinessCalendar;
use chrono::{DateTime, Datelike, Utc};

use super::UnitOfWork;
use crate::Result;

/// One series of human numbers: its counter's key in `number_series`, its prefix and how
/// many digits the value is padded to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series {
    /// The counter's name in `number_series` (`receipt`); never renamed, or the count
    /// restarts.
    pub key: &'static str,
    /// What the number starts with (`R`).
    pub prefix: &'static str,
    /// Digits of the value (`000042` is 6).
    pub width: usize,
}

impl Series {
    /// A series padded to six digits, as every series is today.
    pub const fn new(key: &'static str, prefix: &'static str) -> Self {
        Self {
            key,
            prefix,
            width: 6,
        }
    }

    /// The number of `value` in `year`: `R2027-000042`.
    pub fn format(&self, year: i32, value: i64) -> String {
        format!("{}{year}-{value:0width$}", self.prefix, width = self.width)
    }
}

/// The year a number taken at `at` belongs to: the year of the company's local date.
pub fn number_year(calendar: &BusinessCalendar, at: DateTime<Utc>) -> i32 {
    calendar.local_date(at).year()
}

impl UnitOfWork {
    /// Takes the next number of `series` for a record made at `at`, in this transaction
    /// (see the module documentation for the rule and why it is gapless).
    pub async fn next_number(
        &mut self,
        series: &Series,
        calendar: &BusinessCalendar,
        at: DateTime<Utc>,
    ) -> Result<String> {
        let year = number_year(calendar, at);
        let value: i64 = sqlx::query_scalar(
            "insert into number_series (series, year, last_value) values ($1, $2, 1)
             on conflict (series, year) do update set last_value = number_series.last_value + 1
             returning last_value",
        )
        .bind(series.key)
        .bind(year)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(series.format(year, value))
    }
}

/// For each service's tests, so every series is checked through the real counter: takes
/// two numbers of every series in `series` at 07:00 on 1 January 2027 in Shanghai (still
/// 2026 in UTC) and one just before midnight on 31 December 2026 local time, on a fresh
/// SQLite database with `migrations`, and checks that the year is the local one and the
/// values count from 1 per year. Runs its own runtime, so a plain `#[test]` can call it.
#[doc(hidden)]
pub fn check_series_take_the_local_year(
    migrations: &super::Migrations,
    series: &[Series],
) -> std::result::Result<(), String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(series_take_the_local_year(migrations, series))
}

async fn series_take_the_local_year(
    migrations: &super::Migrations,
    series: &[Series],
) -> std::result::Result<(), String> {
    use chrono::TimeZone as _;
    let dir = std::env::temp_dir().join(format!(
        "aftercare-numbers-{}-{}",
        std::process::id(),
        uuid::Uuid::now_v7()
    ));
    let url = format!("sqlite://{}/numbers.db", dir.display());
    let result = async {
        let db = super::Db::connect(&url, "numbers-test")
            .await
            .map_err(|e| e.to_string())?;
        db.migrate(migrations).await.map_err(|e| e.to_string())?;
        let shanghai = BusinessCalendar::china();
        let new_year_morning = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
            .single()
            .ok_or("a valid instant")?;
        let old_year_evening = Utc
            .with_ymd_and_hms(2026, 12, 31, 15, 59, 0)
            .single()
            .ok_or("a valid instant")?;
        for s in series {
            let mut uow = db.begin().await.map_err(|e| e.to_string())?;
            let got = [
                uow.next_number(s, &shanghai, new_year_morning).await,
                uow.next_number(s, &shanghai, new_year_morning).await,
                uow.next_number(s, &shanghai, old_year_evening).await,
            ];
            uow.commit().await.map_err(|e| e.to_string())?;
            let got: Vec<String> = got
                .into_iter()
                .collect::<Result<_>>()
                .map_err(|e| e.to_string())?;
            let want = vec![s.format(2027, 1), s.format(2027, 2), s.format(2026, 1)];
            if got != want {
                return Err(format!("{}: got {got:?}, want {want:?}", s.key));
            }
        }
        db.close().await;
        Ok(())
    }
    .await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn a_number_is_prefix_year_and_padded_value() {
        let t = Series::new("ticket", "T");
        assert_eq!(t.format(2026, 42), "T2026-000042");
        assert_eq!(
            Series {
                width: 4,
                ..Series::new("faq", "FAQ")
            }
            .format(2027, 7),
            "FAQ2027-0007"
        );
    }

    #[test]
    fn seven_in_the_morning_of_1_january_in_shanghai_is_the_new_year() {
        let shanghai = BusinessCalendar::china();
        let at = Utc
            .with_ymd_and_hms(2026, 12, 31, 23, 0, 0)
            .single()
            .expect("valid");
        assert_eq!(at.year(), 2026, "still the old year in UTC");
        assert_eq!(number_year(&shanghai, at), 2027);
        let evening = Utc
            .with_ymd_and_hms(2026, 12, 31, 15, 59, 0)
            .single()
            .expect("valid");
        assert_eq!(number_year(&shanghai, evening), 2026);
    }

    #[tokio::test]
    async fn numbers_count_per_local_year_and_a_rollback_gives_its_value_back() {
        const RECEIPT: Series = Series::new("receipt", "R");
        let empty = super::super::Migrations {
            files: &[],
            checksums: "",
        };
        series_take_the_local_year(&empty, &[RECEIPT, Series::new("ticket", "T")])
            .await
            .expect("local years");

        let dir = tempfile::tempdir().expect("tempdir");
        let db = super::super::Db::connect(
            &format!("sqlite://{}/r.db", dir.path().display()),
            "numbers",
        )
        .await
        .expect("connect");
        db.migrate(&empty).await.expect("migrate");
        let cal = BusinessCalendar::china();
        let at = Utc
            .with_ymd_and_hms(2027, 3, 1, 2, 0, 0)
            .single()
            .expect("valid");
        let mut uow = db.begin().await.expect("begin");
        assert_eq!(
            uow.next_number(&RECEIPT, &cal, at).await.expect("take"),
            "R2027-000001"
        );
        uow.rollback().await.expect("rollback");
        let mut uow = db.begin().await.expect("begin");
        assert_eq!(
            uow.next_number(&RECEIPT, &cal, at).await.expect("take"),
            "R2027-000001",
            "the rolled-back value is taken again: no gap"
        );
        uow.commit().await.expect("commit");
    }
}
