//! Inventory's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds inventory with the
//! settings it needs.

use std::sync::Arc;

use aftercare_calendar::BusinessCalendar;
use aftercare_platform::Clock;
use aftercare_platform::settings::{Lookup, whole_number};

/// Everything inventory is configured with.
#[derive(Debug, Clone)]
pub struct Config {
    /// Days before a fitted consumable runs out that `inventory.consumable.replacement_due`
    /// goes out for a contact task (`AFTERCARE_CONSUMABLE_LEAD_DAYS`, 0–60). Default 7.
    pub consumable_lead_days: u32,
    /// The company's working calendar (`AFTERCARE_TIME_ZONE`, `AFTERCARE_WORKING_HOURS`,
    /// `AFTERCARE_HOLIDAYS_FILE`): the local year a purchase request is numbered in.
    /// Default: Asia/Shanghai and the shipped holiday schedule.
    pub calendar: Arc<BusinessCalendar>,
    /// Where the time is read: the system clock (a test sets another, to run the service
    /// at a chosen instant such as the turn of the company's year).
    pub clock: Clock,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            consumable_lead_days: 7,
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
            consumable_lead_days: whole_number(
                get,
                "AFTERCARE_CONSUMABLE_LEAD_DAYS",
                0..=60,
                Self::default().consumable_lead_days,
            )?,
            calendar: Arc::new(BusinessCalendar::from_settings(get).map_err(|e| e.to_string())?),
            clock: Clock::SYSTEM,
        })
    }
}
