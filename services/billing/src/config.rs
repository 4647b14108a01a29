//! Billing's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds billing with the
//! settings it needs.

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Clock;
use aftercare_platform::settings::Lookup;

/// Everything billing is configured with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The company's working calendar (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`,
    /// `AFTERCARE_HOLIDAYS_FILE`): the local day a visit is priced on and a receipt is
    /// numbered and aged by. Default: Asia/Shanghai and the shipped holiday schedule.
    pub calendar: Arc<BusinessCalendar>,
    /// Where the time is read: the system clock (a test sets another, to run the service
    /// at a chosen instant such as the turn of the company's year).
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            calendar: Arc::new(BusinessCalendar::china()),
            clock: Clock::SYSTEM,
        }
    }
}

impl Config {
    /// The settings looked up by their variable names; unset ones keep their defaults, a
    /// bad one is an error naming it.
    pub fn from_settings(get: Lookup<'_>) -> Result<Self, String> {
        Ok(Self {
            calendar: Arc::new(BusinessCalendar::from_settings(get).map_err(|e| e.to_string())?),
            clock: Clock::SYSTEM,
        })
    }
}
