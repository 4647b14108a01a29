//! Inventory's events and requests: the parts ledger (配件).
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{Event, Money, Service};

/// The limits inventory's requests are checked against, declared once: the validators
/// check with them and the request schemas state them.
pub mod limits {
    use crate::limits::{Amount, Count, Currency, Each, Range, Real, Shape, Text};

    /// A stock-keeping unit: 1–64 letters, digits, `-`, `_`, `.`.
    pub const SKU: Shape = Shape {
        pattern: r"^[A-Za-z0-9._-]{1,64}$",
        matches: |s| {
            (1..=64).contains(&s.len())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        },
    };
    /// A part's name.
    pub const PART_NAME: Text = Text::new(1, 200);
    /// The models a part fits.
    pub const MODELS: Count = Count::new(0, 100);
    /// Each model a part fits.
    pub const EACH_MODEL: Each<Text> = Each(Text::new(1, 100));
    /// How often a part fails, 0 (unrated) to 5.
    pub const FAILURE_PRONE: Range = Range::new(0, 5);
    /// Pages a consumable lasts.
    pub const PAGE_YIELD: Range = Range::new(100, 10_000_000);
    /// A price or a cost: never negative.
    pub const PRICE: Amount = Amount::at_least(0);
    /// The currency of a price.
    pub const CURRENCY: Currency = Currency;
    /// Units received, moved, returned or requested.
    pub const UNITS: Range = Range::new(1, 100_000);
    /// Units an adjustment adds (or, negative, takes away); never zero.
    pub const ADJUSTMENT: Range = Range::new(-100_000, 100_000);
    /// A location's code: 1–64 letters, digits, `-`, `_`.
    pub const LOCATION_CODE: Shape = Shape {
        pattern: r"^[A-Za-z0-9_-]{1,64}$",
        matches: |s| {
            (1..=64).contains(&s.len())
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        },
    };
    /// A location named in a request (it must be registered).
    pub const LOCATION: Text = Text::new(1, 64);
    /// A location's name.
    pub const LOCATION_NAME: Text = Text::new(1, 100);
    /// Why a movement was booked, or why a purchase is asked for.
    pub const REASON: Text = Text::new(1, 500);
    /// A work order, delivery note or supplier's reference.
    pub const REFERENCE: Text = Text::new(0, 200);
    /// A note on a stocktake or a forecast plan.
    pub const NOTE: Text = Text::new(0, 500);
    /// Lines of a stocktake.
    pub const COUNT_LINES: Count = Count::new(1, 1000);
    /// Months of history a forecast plan reads.
    pub const HISTORY_MONTHS: Range = Range::new(3, 36);
    /// Months a forecast plan covers.
    pub const HORIZON_MONTHS: Range = Range::new(1, 6);
    /// A forecast plan's installed-base or sales factor.
    pub const FACTOR: Real = Real::new(0.1, 10.0);
}

/// Request: add a part to the catalogue (`svc.inventory.part.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePart {
    /// Stock-keeping unit, 1–64 characters of letters, digits, `-`, `_`, `.`.
    #[schemars(transform = &limits::SKU)]
    pub sku: String,
    /// Name, 1–200 characters.
    #[schemars(transform = &limits::PART_NAME)]
    pub name: String,
    /// List price per unit.
    #[schemars(transform = &limits::PRICE)]
    #[schemars(transform = &limits::CURRENCY)]
    pub list_price: Money,
    /// Spare part or consumable (default spare part).
    #[serde(default)]
    pub category: PartCategory,
    /// Models it fits (e.g. `AR-2048`), up to 100.
    #[serde(default)]
    #[schemars(transform = &limits::MODELS)]
    #[schemars(transform = &limits::EACH_MODEL)]
    pub compatible_models: Vec<String>,
    /// What a unit costs the company (stock valuation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::PRICE)]
    #[schemars(transform = &limits::CURRENCY)]
    pub unit_cost: Option<Money>,
    /// How often it fails, 0 (unrated) to 5 (fails most): parts planning ranks by it.
    #[serde(default)]
    #[schemars(transform = &limits::FAILURE_PRONE)]
    pub failure_prone: u8,
    /// Pages a consumable lasts (toner, drum), for consumables tracking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::PAGE_YIELD)]
    pub page_yield: Option<u32>,
}

/// Spare part or consumable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartCategory {
    /// Replaced when broken.
    #[default]
    SparePart,
    /// Used up by printing (toner, drum, ink).
    Consumable,
}

/// Request: receive purchased stock into a location (`svc.inventory.part.receive`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveStock {
    /// The part.
    pub sku: String,
    /// Units received, 1–100000.
    #[schemars(transform = &limits::UNITS)]
    pub quantity: u32,
    /// Stock location, e.g. `main` (the central warehouse).
    #[schemars(transform = &limits::LOCATION)]
    pub location: String,
    /// Purchase order or delivery note.
    #[serde(default)]
    #[schemars(transform = &limits::REFERENCE)]
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
    /// Spare part or consumable.
    pub category: PartCategory,
    /// Models it fits.
    pub compatible_models: Vec<String>,
    /// Unit cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_cost: Option<Money>,
    /// Failure-prone rating, 0–5.
    pub failure_prone: u8,
    /// Pages a consumable lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_yield: Option<u32>,
    /// Optimistic-concurrency version of the catalogue entry.
    pub version: i64,
    /// Units on hand across all locations.
    pub on_hand: i64,
    /// Of which reserved for work orders.
    pub reserved: i64,
    /// On hand and not reserved.
    pub available: i64,
    /// The balance per location.
    pub locations: Vec<StockLevel>,
}

/// Request: search the parts catalogue by SKU (`svc.inventory.part.list`), a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListParts {
    /// SKU, name or a model it fits contains this (case ignored), up to 100 characters;
    /// empty: every part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Only spare parts or only consumables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<PartCategory>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page (the last SKU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A part's balance at one location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StockLevel {
    /// Location code.
    pub location: String,
    /// Units on hand.
    pub on_hand: i64,
    /// Held for work orders.
    pub reserved: i64,
    /// On hand and not held.
    pub available: i64,
}

/// What kind of place stock is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    /// A warehouse (the central one is `main`).
    Warehouse,
    /// A technician's van.
    Van,
    /// The workshop (repairs in house, removed parts kept for claims).
    Workshop,
}

/// Request: register a stock location (`svc.inventory.location.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateLocation {
    /// Code, 1–64 of letters, digits, `-`, `_`.
    #[schemars(transform = &limits::LOCATION_CODE)]
    pub code: String,
    /// Kind.
    pub kind: LocationKind,
    /// Name, 1–100 characters.
    #[schemars(transform = &limits::LOCATION_NAME)]
    pub name: String,
    /// For a van: its technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
}

/// A stock location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// Code.
    pub code: String,
    /// Kind.
    pub kind: LocationKind,
    /// Name.
    pub name: String,
    /// For a van: its technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
}

/// Request: every stock location (`svc.inventory.location.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListLocations {}

/// A movement someone records by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManualMovement {
    /// From `location` to `to`.
    Transfer,
    /// Units back into `location`: unused parts, or a removed part (拆机件) kept for the
    /// manufacturer's claim.
    Return,
    /// A correction of `location` by `quantity` (negative takes away).
    Adjustment,
}

/// Request: record a movement (`svc.inventory.movement.record`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordMovement {
    /// The part (from the path).
    pub sku: String,
    /// Kind.
    pub kind: ManualMovement,
    /// Where (the source of a transfer).
    #[schemars(transform = &limits::LOCATION)]
    pub location: String,
    /// Destination of a transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::LOCATION)]
    pub to: Option<String>,
    /// Units: 1–100000, or for an adjustment ±1–100000.
    #[schemars(transform = &limits::ADJUSTMENT)]
    pub quantity: i64,
    /// A removed part kept for the manufacturer's claim (returns only).
    #[serde(default)]
    pub removed_part: bool,
    /// Why, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
    /// Work order, delivery note or other reference, up to 200 characters.
    #[serde(default)]
    #[schemars(transform = &limits::REFERENCE)]
    pub reference: String,
}

/// One ledger entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StockMovement {
    /// UUIDv7.
    pub id: Uuid,
    /// Part.
    pub sku: String,
    /// Location.
    pub location: String,
    /// receipt, consumption, transfer_out, transfer_in, return, removed_part, adjustment,
    /// stocktake.
    pub kind: String,
    /// Units, signed.
    pub quantity: i64,
    /// Reference.
    pub reference: String,
    /// Who.
    pub actor: String,
    /// Why.
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Request: a part's ledger, newest first (`svc.inventory.movement.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListMovements {
    /// The part.
    pub sku: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: stocktakes, newest first (`svc.inventory.stocktake.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListStocktakes {
    /// Only in this state (`pending_approval`: those waiting for a manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StocktakeStatus>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// One counted line of a stocktake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountLine {
    /// Part.
    #[schemars(transform = &limits::SKU)]
    pub sku: String,
    /// Units counted.
    pub counted: u32,
}

/// Request: record a stocktake (盘点) of a location (`svc.inventory.stocktake.start`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartStocktake {
    /// Location counted.
    #[schemars(transform = &limits::LOCATION)]
    pub location: String,
    /// Lines, 1–1000, each part once.
    #[schemars(transform = &limits::COUNT_LINES)]
    pub lines: Vec<CountLine>,
    /// Note, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
}

/// A stocktake line with its variance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StocktakeLine {
    /// Part.
    pub sku: String,
    /// On hand by the ledger when counted.
    pub expected: i64,
    /// Counted.
    pub counted: i64,
    /// Counted − expected.
    pub variance: i64,
}

/// A stocktake's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StocktakeStatus {
    /// Waiting for a manager.
    PendingApproval,
    /// Approved: the variances were booked.
    Approved,
    /// Rejected: nothing was booked.
    Rejected,
}

/// A stocktake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Stocktake {
    /// UUIDv7.
    pub id: Uuid,
    /// Location.
    pub location: String,
    /// Lines.
    pub lines: Vec<StocktakeLine>,
    /// State.
    pub status: StocktakeStatus,
    /// Note.
    pub note: String,
    /// Who counted.
    pub counted_by: String,
    /// Who decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    /// When counted.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: approve or reject a stocktake (`svc.inventory.stocktake.decide`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecideStocktake {
    /// Stocktake id (from the path).
    pub stocktake_id: String,
    /// Book the variances (true) or not.
    pub approve: bool,
    /// The version being decided (from `If-Match`).
    pub expected_version: i64,
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
    /// A consumable (toner, drum): never covered by warranty or contract.
    #[serde(default)]
    pub consumable: bool,
}

impl ConsumedLine {
    /// The line billing prices for a part used on a visit: its catalogue name and list
    /// price (none for a SKU not in the catalogue), the units taken and the shortfall.
    /// Inventory reports a visit's use with it, and the gateway a charge preview's parts.
    pub fn of_part(sku: &str, part: Option<&Part>, quantity: u32, shortfall: u32) -> Self {
        ConsumedLine {
            sku: sku.to_owned(),
            name: part.map(|p| p.name.clone()),
            quantity,
            taken: quantity - shortfall,
            shortfall,
            consumable: part.is_some_and(|p| p.category == PartCategory::Consumable),
            unit_price: part.map(|p| p.list_price.clone()),
        }
    }
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

/// Request: change a part's catalogue entry (`svc.inventory.part.update`); a new list price
/// is announced for billing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdatePart {
    /// The part (from the path).
    pub sku: String,
    /// Name, 1–200 characters.
    #[schemars(transform = &limits::PART_NAME)]
    pub name: String,
    /// List price per unit.
    #[schemars(transform = &limits::PRICE)]
    #[schemars(transform = &limits::CURRENCY)]
    pub list_price: Money,
    /// Spare part or consumable.
    #[serde(default)]
    pub category: PartCategory,
    /// Models it fits.
    #[serde(default)]
    #[schemars(transform = &limits::MODELS)]
    #[schemars(transform = &limits::EACH_MODEL)]
    pub compatible_models: Vec<String>,
    /// Unit cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::PRICE)]
    #[schemars(transform = &limits::CURRENCY)]
    pub unit_cost: Option<Money>,
    /// Failure-prone rating, 0–5.
    #[serde(default)]
    #[schemars(transform = &limits::FAILURE_PRONE)]
    pub failure_prone: u8,
    /// Pages a consumable lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::PAGE_YIELD)]
    pub page_yield: Option<u32>,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

impl UpdatePart {
    /// The entry as a new part would state it, for the same checks.
    pub fn as_create(&self) -> CreatePart {
        CreatePart {
            sku: self.sku.clone(),
            name: self.name.clone(),
            list_price: self.list_price.clone(),
            category: self.category,
            compatible_models: self.compatible_models.clone(),
            unit_cost: self.unit_cost.clone(),
            failure_prone: self.failure_prone,
            page_yield: self.page_yield,
        }
    }
}

/// Event `inventory.part.price_changed`: a part's list price changed; billing prices parts
/// from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartPriceChanged {
    /// The part.
    pub sku: String,
    /// Its name.
    pub name: String,
    /// The price before.
    pub old_price: Money,
    /// The price from now.
    pub list_price: Money,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for PartPriceChanged {
    const TYPE: &'static str = "inventory.part.price_changed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        self.sku.clone()
    }
}

/// Event `inventory.consumable.replacement_due`: the day to contact a customer about a
/// machine's toner or drum has come (the lead time before the day it runs out by its meter
/// readings); intake opens a contact task for the customer and survey queues the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsumableReplacementDue {
    /// The machine's brand.
    pub brand: String,
    /// Its serial number.
    pub serial: String,
    /// Its model.
    pub model: String,
    /// The consumable.
    pub sku: String,
    /// Its name.
    pub name: String,
    /// Pages left at the last reading (negative: past its yield).
    pub pages_left: i64,
    /// Pages printed a day.
    pub pages_per_day: f64,
    /// The day it runs out.
    pub empty_on: chrono::NaiveDate,
    /// The day the customer is to be contacted: the company's lead time before the day it
    /// runs out, on a working day (absent in version 1, whose consumers counted 7 days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_on: Option<chrono::NaiveDate>,
    /// When announced.
    pub at: DateTime<Utc>,
}

impl Event for ConsumableReplacementDue {
    const TYPE: &'static str = "inventory.consumable.replacement_due";
    const VERSION: u16 = 2;
    const OLDEST_READABLE: u16 = 1;
    const SOURCE: Service = Service::Inventory;
    fn subject_id(&self) -> String {
        format!("{}:{}:{}", self.brand, self.serial, self.sku)
    }
}

/// When a location is restocked: at the reorder point, up to the maximum (also the request
/// `svc.inventory.rule.save`, the part from the path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StockRule {
    /// The part.
    pub sku: String,
    /// The location.
    pub location: String,
    /// Restock when available plus on order falls to this.
    pub reorder_point: u32,
    /// Keep at least this (≤ reorder point).
    pub min: u32,
    /// Restock up to this (> reorder point).
    pub max: u32,
}

/// Why a purchase is requested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PurchaseReason {
    /// Stock fell to the reorder point.
    Reorder,
    /// An approved forecast plan.
    Forecast,
    /// Asked by hand.
    Manual,
}

/// A purchase request's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PurchaseStatus {
    /// Proposed.
    Draft,
    /// Approved by a manager.
    Approved,
    /// Ordered from the supplier.
    Ordered,
    /// Received into stock.
    Received,
    /// Called off.
    Cancelled,
}

/// A purchase request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PurchaseRequest {
    /// UUIDv7.
    pub id: Uuid,
    /// Gapless per year: `PR2026-000001`.
    pub number: String,
    /// The part.
    pub sku: String,
    /// Into which location.
    pub location: String,
    /// Units.
    pub quantity: u32,
    /// Why.
    pub reason: PurchaseReason,
    /// What it was based on (rule figures, forecast plan).
    pub basis: String,
    /// State.
    pub status: PurchaseStatus,
    /// Supplier order reference, once ordered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_reference: Option<String>,
    /// When created.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: ask for a purchase by hand (`svc.inventory.purchase.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreatePurchaseRequest {
    /// The part.
    #[schemars(transform = &limits::SKU)]
    pub sku: String,
    /// Into which location.
    #[schemars(transform = &limits::LOCATION)]
    pub location: String,
    /// Units, 1–100000.
    #[schemars(transform = &limits::UNITS)]
    pub quantity: u32,
    /// Why, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub basis: String,
}

/// Request: move a purchase request on (`svc.inventory.purchase.transition`):
/// approved (manager), ordered (with the supplier's reference), received (books the
/// receipt), cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MovePurchaseRequest {
    /// Request id or number (from the path).
    pub purchase_id: String,
    /// The new state.
    pub to: PurchaseStatus,
    /// Supplier order or delivery reference, up to 200 characters.
    #[serde(default)]
    pub reference: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: list purchase requests (`svc.inventory.purchase.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListPurchaseRequests {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PurchaseStatus>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: draft a forecast plan (`svc.inventory.forecast.start`): next periods' demand
/// per part from its consumption history, with the assumptions stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StartForecastPlan {
    /// Months of consumption history used, 3–36 (default 12).
    #[serde(default = "twelve")]
    #[schemars(transform = &limits::HISTORY_MONTHS)]
    pub history_months: u32,
    /// Months the plan covers, 1–6 (default 1).
    #[serde(default = "one")]
    #[schemars(transform = &limits::HORIZON_MONTHS)]
    pub horizon_months: u32,
    /// Installed base now over its average in the history, 0.1–10 (default 1).
    #[serde(default = "unit")]
    #[schemars(transform = &limits::FACTOR)]
    pub installed_base_factor: f64,
    /// The sales plan's effect, 0.1–10 (default 1: as is).
    #[serde(default = "unit")]
    #[schemars(transform = &limits::FACTOR)]
    pub sales_factor: f64,
    /// The location the purchases go to (default `main`).
    #[serde(default = "main_location")]
    #[schemars(transform = &limits::LOCATION)]
    pub location: String,
    /// Note, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
}

fn twelve() -> u32 {
    12
}
fn one() -> u32 {
    1
}
fn unit() -> f64 {
    1.0
}
fn main_location() -> String {
    "main".into()
}

/// One part of a forecast plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ForecastLine {
    /// Part.
    pub sku: String,
    /// Consumption per month, oldest first.
    pub history: Vec<i64>,
    /// smooth, erratic, intermittent, lumpy or none.
    pub pattern: String,
    /// The method used, e.g. `sba(0.1)`.
    pub method: String,
    /// Demand per month by the method.
    pub per_month: f64,
    /// Units needed over the horizon after scaling (rounded up).
    pub need: u32,
    /// Available at the location plus on order now.
    pub covered: i64,
    /// Units to buy.
    pub to_buy: u32,
    /// The method's mean absolute scaled error on the history (against the naive forecast).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mase: Option<f64>,
    /// Its bias (forecast − actual per month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bias: Option<f64>,
}

/// A forecast plan's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ForecastStatus {
    /// Waiting for a manager.
    Draft,
    /// Approved: its purchases were requested.
    Approved,
}

/// A forecast plan with its assumptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ForecastPlan {
    /// UUIDv7.
    pub id: Uuid,
    /// The assumptions it was made on.
    pub assumptions: StartForecastPlan,
    /// First month of the history (`2025-11`).
    pub history_from: String,
    /// Lines, by SKU.
    pub lines: Vec<ForecastLine>,
    /// State.
    pub status: ForecastStatus,
    /// Purchase requests made on approval.
    pub purchase_requests: Vec<String>,
    /// Who drafted it.
    pub created_by: String,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: forecast plans, newest first (`svc.inventory.forecast.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListForecastPlans {
    /// Only in this state (`draft`: those waiting for a manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ForecastStatus>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Request: approve a forecast plan (`svc.inventory.forecast.approve`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveForecastPlan {
    /// Plan id (from the path).
    pub plan_id: String,
    /// The version being approved (from `If-Match`).
    pub expected_version: i64,
}

/// Request: the stock report (`svc.inventory.report.stock`) for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StockReportRequest {
    /// First day (UTC).
    pub from: chrono::NaiveDate,
    /// Last day (inclusive).
    pub to: chrono::NaiveDate,
}

/// One part in the stock report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StockReportLine {
    /// Part.
    pub sku: String,
    /// Name.
    pub name: String,
    /// On hand now, all locations.
    pub on_hand: i64,
    /// On hand × unit cost (minor units), when the cost is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_minor: Option<i64>,
    /// Units used in the period.
    pub used: i64,
    /// Used ÷ average stock over the period (on hand now plus half the use), when stocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnover: Option<f64>,
    /// In stock and not used in the period.
    pub slow_mover: bool,
    /// Failure-prone rating.
    pub failure_prone: u8,
}

/// Parts used on one model for one fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UsageLine {
    /// Model.
    pub model: String,
    /// Fault code (empty when none was given).
    pub fault: String,
    /// Part.
    pub sku: String,
    /// Units used.
    pub quantity: i64,
    /// Visits.
    pub visits: i64,
}

/// The stock report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StockReport {
    /// First day.
    pub from: chrono::NaiveDate,
    /// Last day.
    pub to: chrono::NaiveDate,
    /// Value of all stock at cost (minor units, the parts with a cost).
    pub total_value_minor: i64,
    /// Per part, by SKU.
    pub parts: Vec<StockReportLine>,
    /// Parts used per model and fault, most used first (feeds the quality warnings).
    pub usage: Vec<UsageLine>,
}

crate::rpc::id_request!(
    /// Request: one part by SKU (`svc.inventory.part.get`).
    GetPart
);
crate::rpc::id_request!(
    /// Request: one forecast plan (`svc.inventory.forecast.get`).
    GetForecastPlan
);
crate::rpc::id_request!(
    /// Request: the stock rules of one part, `id` being its SKU (`svc.inventory.rule.list`).
    ListStockRules
);
crate::rpc::id_request!(
    /// Request: one purchase request (`svc.inventory.purchase.get`).
    GetPurchaseRequest
);
crate::rpc::id_request!(
    /// Request: one stocktake (`svc.inventory.stocktake.get`).
    GetStocktake
);
