//! Survey's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds survey with the
//! settings it needs.

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Clock;
use aftercare_platform::settings::{Lookup, whole_number};
use chrono::{Duration, NaiveTime};

use crate::domain::CallbackPolicy;

/// Everything survey is configured with.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// When callbacks fall due and how often an unreachable customer is tried, on the
    /// company's working calendar (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`,
    /// `AFTERCARE_HOLIDAYS_FILE`): `AFTERCARE_CALLBACK_COLLECT_AT` (`HH:MM`, default
    /// 09:00), `AFTERCARE_CALLBACK_DELAY_DAYS` (1–10, default 1),
    /// `AFTERCARE_CALLBACK_ATTEMPTS` (1–10, default 3), `AFTERCARE_CALLBACK_RETRY_MINUTES`
    /// (5–2880 working minutes, default 120) and `AFTERCARE_ANSWER_LINK_DAYS` (1–60,
    /// default 7); the day's report is written at `AFTERCARE_DAILY_REPORT_AT` (`HH:MM`,
    /// default 18:00) on each working day.
    pub callbacks: CallbackPolicy,
    /// Where the time is read: the system clock (a test sets another, to run the service
    /// at a chosen instant).
    pub clock: Clock,
}

impl Config {
    /// The settings looked up by their variable names; unset ones keep their defaults, a
    /// bad one is an error naming it.
    pub fn from_settings(get: Lookup<'_>) -> Result<Self, String> {
        let calendar = BusinessCalendar::from_settings(get).map_err(|e| e.to_string())?;
        let d = CallbackPolicy::default();
        let collect_at = match get("AFTERCARE_CALLBACK_COLLECT_AT") {
            Some(v) => NaiveTime::parse_from_str(v.trim(), "%H:%M")
                .map_err(|_| format!("AFTERCARE_CALLBACK_COLLECT_AT must be HH:MM, not {v:?}"))?,
            None => d.collect_at,
        };
        let daily_report_at = match get("AFTERCARE_DAILY_REPORT_AT") {
            Some(v) => NaiveTime::parse_from_str(v.trim(), "%H:%M")
                .map_err(|_| format!("AFTERCARE_DAILY_REPORT_AT must be HH:MM, not {v:?}"))?,
            None => d.daily_report_at,
        };
        let minutes = |x: Duration| u32::try_from(x.num_minutes()).unwrap_or(u32::MAX);
        let days = |x: Duration| u32::try_from(x.num_days()).unwrap_or(u32::MAX);
        Ok(Self {
            callbacks: CallbackPolicy {
                calendar,
                collect_at,
                delay_days: whole_number(
                    get,
                    "AFTERCARE_CALLBACK_DELAY_DAYS",
                    1..=10,
                    d.delay_days,
                )?,
                max_attempts: whole_number(
                    get,
                    "AFTERCARE_CALLBACK_ATTEMPTS",
                    1..=10,
                    d.max_attempts,
                )?,
                retry_after: Duration::minutes(i64::from(whole_number(
                    get,
                    "AFTERCARE_CALLBACK_RETRY_MINUTES",
                    5..=2880,
                    minutes(d.retry_after),
                )?)),
                link_valid_for: Duration::days(i64::from(whole_number(
                    get,
                    "AFTERCARE_ANSWER_LINK_DAYS",
                    1..=60,
                    days(d.link_valid_for),
                )?)),
                daily_report_at,
            },
            clock: Clock::SYSTEM,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_override_the_defaults_and_bad_ones_are_named() {
        let p = Config::from_settings(&|k: &str| match k {
            "AFTERCARE_CALLBACK_COLLECT_AT" => Some("10:15".into()),
            "AFTERCARE_CALLBACK_ATTEMPTS" => Some("5".into()),
            "AFTERCARE_CALLBACK_RETRY_MINUTES" => Some("30".into()),
            _ => None,
        })
        .expect("valid")
        .callbacks;
        assert_eq!(
            p.collect_at,
            NaiveTime::from_hms_opt(10, 15, 0).expect("time")
        );
        assert_eq!((p.max_attempts, p.delay_days), (5, 1));
        assert_eq!(p.retry_after, Duration::minutes(30));
        assert_eq!(p.link_valid_for, Duration::days(7));
        let e = Config::from_settings(&|k: &str| {
            (k == "AFTERCARE_CALLBACK_ATTEMPTS").then(|| "0".into())
        })
        .expect_err("invalid");
        assert!(e.starts_with("AFTERCARE_CALLBACK_ATTEMPTS"), "{e}");
        let e = Config::from_settings(&|k: &str| {
            (k == "AFTERCARE_CALLBACK_COLLECT_AT").then(|| "9am".into())
        })
        .expect_err("invalid");
        assert!(e.starts_with("AFTERCARE_CALLBACK_COLLECT_AT"), "{e}");
    }
}
