//! Inventory's settings: built once by the binary from the environment (the table in
//! README.md lists each variable, its default and meaning) and passed to [`crate::build`],
//! so the library never reads the process environment and a test builds inventory with the
//! settings it needs.

use aftercare_platform::settings::{Lookup, whole_number};

/// Everything inventory is configured with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Days before a fitted consumable runs out that `inventory.consumable.replacement_due`
    /// goes out for a contact task (`AFTERCARE_CONSUMABLE_LEAD_DAYS`, 0–60). Default 7.
    pub consumable_lead_days: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            consumable_lead_days: 7,
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
        })
    }
}
