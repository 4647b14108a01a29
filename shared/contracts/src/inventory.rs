//! Inventory's events and requests: the parts ledger (配件).
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Money, Service};

/// Request: add a part to the catalogue (`svc.inventory.part.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePart {
    /// Stock-keeping unit, 1–64 characters of letters, digits, `-`, `_`, `.`.
    pub sku: String,
    /// Name, 1–200 characters.
    pub name: String,
    /// List price per unit.
    pub list_price: Money,
}

/// Request: receive purchased stock into a location (`svc.inventory.part.receive`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveStock {
    /// The part.
    pub sku: String,
    /// Units received, 1–100000.
    pub quantity: u32,
    /// Stock location, e.g. `main` (the central warehouse).
    pub location: String,
    /// Purchase order or delivery note.
    #[serde(default)]
    pub reference: String,
}

/// A part with its stock position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Part {
    /// SKU.
    pub sku: String,
    /// Name.
    pub name: String,
    /// List price.
    pub list_price: Money,
    /// Units on hand across all locations.
    pub on_hand: i64,
}

/// One part line taken from stock for a work order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsumedLine {
    /// SKU as reported by the technician.
    pub sku: String,
    /// Catalogue name; absent when the SKU is not in the catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Units the technician reported using.
    pub quantity: u32,
    /// Units the ledger could take from stock (never below zero).
    pub taken: u32,
    /// Units used but not on the books: flagged for a stocktake.
    pub shortfall: u32,
    /// List price per unit at consumption; absent for an unknown SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Money>,
}

/// Event `inventory.stock.consumed`: parts of a completed work order left stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StockConsumed {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// Lines, in the technician's order.
    pub lines: Vec<ConsumedLine>,
}

impl Event for StockConsumed {
    const TYPE: &'static str = "inventory.stock.consumed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}
