//! Intake's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds intake with the
//! settings it needs.

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Clock;
use aftercare_platform::settings::Lookup;

/// Everything intake is configured with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The company's working calendar (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`,
    /// `AFTERCARE_HOLIDAYS_FILE`): SLA deadlines and working-day deadlines are counted on it.
    /// Default: Asia/Shanghai, 08:30–12:00 and 13:30–17:30, the shipped holiday schedule.
    pub calendar: Arc<BusinessCalendar>,
    /// Where the time is read: the system clock (a test sets another, to run the service
    /// at a chosen instant such as the turn of the company's year).
    pub clock: Clock,
    /// Where customers reach the gateway (`AFTERCARE_PUBLIC_URL`); the answer links sent
    /// to them point to `<url>/answer.html#<token>`. Default `http://127.0.0.1:8080`.
    pub public_url: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            calendar: Arc::new(BusinessCalendar::china()),
            clock: Clock::SYSTEM,
            public_url: "http://127.0.0.1:8080".into(),
        }
    }
}

impl Config {
    /// The settings looked up by their variable names; unset ones keep their defaults, a
    /// bad one is an error naming it.
    pub fn from_settings(get: Lookup<'_>) -> Result<Self, String> {
        let defaults = Self::default();
        Ok(Self {
            calendar: Arc::new(BusinessCalendar::from_settings(get).map_err(|e| e.to_string())?),
            clock: Clock::SYSTEM,
            public_url: get("AFTERCARE_PUBLIC_URL").unwrap_or(defaults.public_url),
        })
    }
}
