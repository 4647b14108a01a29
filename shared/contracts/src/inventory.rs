//! Inventory's events and requests: the parts ledger (配件).
use chrono::{DateTime, Utc};
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
    /// Of which reserved for work orders.
    pub reserved: i64,
    /// On hand and not reserved.
    pub available: i64,
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

/// A part line of a reservation answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReservedLine {
    /// SKU.
    pub sku: String,
    /// Units.
    pub quantity: u32,
    /// Where the units are held (absent for a backorder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// Event `inventory.reservation.confirmed`: parts a work order asked for are held for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReservationConfirmed {
    /// The work order.
    pub work_order_id: Uuid,
    /// The lines held.
    pub lines: Vec<ReservedLine>,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for ReservationConfirmed {
    const TYPE: &'static str = "inventory.reservation.confirmed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `inventory.reservation.backordered`: parts a work order asked for are not in
/// stock; they are held for it as soon as a receipt brings them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReservationBackordered {
    /// The work order.
    pub work_order_id: Uuid,
    /// The lines waiting.
    pub lines: Vec<ReservedLine>,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for ReservationBackordered {
    const TYPE: &'static str = "inventory.reservation.backordered";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `inventory.backorder.fulfilled`: a receipt covered a backordered line; the units
/// are now held for the work order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackorderFulfilled {
    /// The work order.
    pub work_order_id: Uuid,
    /// The line now held.
    pub line: ReservedLine,
    /// No backordered line of the work order is left.
    pub complete: bool,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for BackorderFulfilled {
    const TYPE: &'static str = "inventory.backorder.fulfilled";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}
