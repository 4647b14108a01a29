//! Dispatch's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds dispatch with the
//! settings it needs.

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Clock;
use aftercare_platform::settings::{Lookup, whole_number};
use chrono::NaiveTime;

/// Everything dispatch is configured with.
#[derive(Debug, Clone)]
pub struct Config {
    /// The company's working calendar (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`,
    /// `AFTERCARE_HOLIDAYS_FILE`): visit days, shifts and maintenance dates are local to it.
    /// Default: Asia/Shanghai and the shipped holiday schedule.
    pub calendar: Arc<BusinessCalendar>,
    /// Where the time is read: the system clock (a test sets another, to run the service
    /// at a chosen instant such as the turn of the company's year).
    pub clock: Clock,
    /// Days ahead a planned maintenance visit is generated as `dispatch.maintenance.due`
    /// (`AFTERCARE_MAINTENANCE_LEAD_DAYS`, 0–60). Default 7.
    pub maintenance_lead_days: u32,
    /// When technicians must have left for their first customer on a working day
    /// (`AFTERCARE_DEPARTURE_TIME`, `HH:MM` local; 技术员8:50必须出门): the report-back
    /// register marks a later departure late. Default 08:50.
    pub departure_time: NaiveTime,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            calendar: Arc::new(BusinessCalendar::china()),
            clock: Clock::SYSTEM,
            maintenance_lead_days: 7,
            departure_time: crate::domain::register::DEFAULT_DEPARTURE,
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
            maintenance_lead_days: whole_number(
                get,
                "AFTERCARE_MAINTENANCE_LEAD_DAYS",
                0..=60,
                defaults.maintenance_lead_days,
            )?,
            departure_time: match get("AFTERCARE_DEPARTURE_TIME") {
                Some(text) if !text.trim().is_empty() => {
                    crate::domain::register::parse_departure(&text)
                        .map_err(|e| format!("AFTERCARE_DEPARTURE_TIME: {e}"))?
                }
                _ => defaults.departure_time,
            },
        })
    }
}
