//! Money as integer minor units with a currency, never floats (see the API conventions).
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An amount of money in minor units (fen for CNY), so sums and taxes never drift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Integer minor units, e.g. 12800 for ¥128.00.
    pub amount_minor: i64,
    /// ISO 4217 code, e.g. `CNY`.
    pub currency: String,
}

impl Money {
    /// An amount in Chinese yuan fen, the default currency of the seed companies.
    pub fn cny(amount_minor: i64) -> Self {
        Self {
            amount_minor,
            currency: "CNY".to_owned(),
        }
    }
}
