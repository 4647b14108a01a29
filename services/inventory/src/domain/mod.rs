//! Inventory's rules, free of I/O: how a consumption is taken from stock locations
//! without any going negative, where a work order's parts are held, what a valid part or
//! receipt is and when a part's price change is announced (here); how a visit's parts
//! leave stock ([`consumption`]), what each movement does to a balance ([`ledger`]),
//! stocktakes ([`stocktakes`]), reordering and purchase requests ([`replenish`]) and how
//! one is numbered ([`numbering`]), demand forecasts ([`forecast`]) and the plans drafted
//! from them ([`planning`]), the stock report ([`stock_report`]) and when consumables run
//! out ([`consumables`]).
pub mod consumables;
pub mod consumption;
pub mod forecast;
pub mod ledger;
pub mod numbering;
pub mod planning;
pub mod replenish;
pub mod stock_report;
pub mod stocktakes;

use aftercare_contracts::FieldError;
use aftercare_contracts::Money;
use aftercare_contracts::inventory::{CreatePart, Part, PartPriceChanged, ReceiveStock, limits};
use aftercare_contracts::limits::Currency;
use chrono::{DateTime, Utc};

/// The announcement a catalogue change makes when it changes the list price
/// (`inventory.part.price_changed`, so billing charges late consumptions the price of
/// their day); `None` when the price stays.
pub fn price_change(
    current: &Part,
    name: &str,
    list_price: &Money,
    at: DateTime<Utc>,
) -> Option<PartPriceChanged> {
    (current.list_price != *list_price).then(|| PartPriceChanged {
        sku: current.sku.clone(),
        name: name.trim().to_owned(),
        old_price: current.list_price.clone(),
        list_price: list_price.clone(),
        at,
    })
}

/// Splits `wanted` units over locations (`(location, on_hand)`), fullest first, never
/// taking more than a location holds. Returns the takes and the shortfall.
pub fn plan_take(wanted: u32, locations: &[(String, i64)]) -> (Vec<(String, u32)>, u32) {
    let mut sorted: Vec<&(String, i64)> = locations.iter().filter(|(_, q)| *q > 0).collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut left = wanted;
    let mut takes = Vec::new();
    for (loc, on_hand) in sorted {
        if left == 0 {
            break;
        }
        let take = left.min(u32::try_from(*on_hand).unwrap_or(u32::MAX));
        takes.push((loc.clone(), take));
        left -= take;
    }
    (takes, left)
}

/// Where to hold `wanted` units for a work order (`(location, available)`): the preferred
/// location (the technician's van) when it has them all, otherwise the location with most
/// available that has them all; `None` when no single location does (a backorder).
pub fn pick_reservation(
    wanted: u32,
    preferred: Option<&str>,
    available: &[(String, i64)],
) -> Option<String> {
    let enough = |q: i64| q >= i64::from(wanted);
    if let Some(p) = preferred
        && available.iter().any(|(l, q)| l == p && enough(*q))
    {
        return Some(p.to_owned());
    }
    available
        .iter()
        .filter(|(_, q)| enough(*q))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(l, _)| l.clone())
}

fn valid_sku(sku: &str) -> bool {
    (limits::SKU.matches)(sku)
}

fn sku_error() -> FieldError {
    field_error("sku", "invalid", "sku must be 1-64 letters, digits, - _ .")
}

/// Problems with a new part (or a part's new catalogue entry).
pub fn validate_part(req: &CreatePart) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !valid_sku(&req.sku) {
        e.push(sku_error());
    }
    limits::PART_NAME.check(&mut e, "name", &req.name);
    if !limits::PRICE.allows(&req.list_price) {
        e.push(field_error(
            "list_price.amount_minor",
            "negative",
            "a price cannot be negative",
        ));
    }
    if !limits::MODELS.allows(req.compatible_models.len()) {
        e.push(field_error(
            "compatible_models",
            "too_many",
            "at most 100 models",
        ));
    }
    for (i, m) in req.compatible_models.iter().enumerate() {
        limits::EACH_MODEL
            .0
            .check(&mut e, &format!("compatible_models[{i}]"), m);
    }
    if !limits::FAILURE_PRONE.contains(req.failure_prone) {
        e.push(field_error(
            "failure_prone",
            "out_of_range",
            "failure_prone is 0 to 5",
        ));
    }
    if let Some(c) = &req.unit_cost
        && (!limits::PRICE.allows(c)
            || !Currency::matches(&c.currency)
            || c.currency != req.list_price.currency)
    {
        e.push(field_error(
            "unit_cost",
            "invalid",
            "unit_cost is not negative and in the list price's currency",
        ));
    }
    match (req.category, req.page_yield) {
        (aftercare_contracts::inventory::PartCategory::Consumable, None) => e.push(field_error(
            "page_yield",
            "required",
            "a consumable states the pages it lasts",
        )),
        (aftercare_contracts::inventory::PartCategory::SparePart, Some(_)) => e.push(field_error(
            "page_yield",
            "not_allowed",
            "only consumables have a page yield",
        )),
        (_, Some(y)) if !limits::PAGE_YIELD.contains(y) => e.push(field_error(
            "page_yield",
            "out_of_range",
            "page_yield is 100 to 10000000 pages",
        )),
        _ => {}
    }
    if !Currency::matches(&req.list_price.currency) {
        e.push(field_error(
            "list_price.currency",
            "invalid",
            "currency must be an ISO 4217 code such as CNY",
        ));
    }
    e
}

/// Problems with a receipt of stock.
pub fn validate_receipt(req: &ReceiveStock) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !valid_sku(&req.sku) {
        e.push(sku_error());
    }
    limits::UNITS.check(&mut e, "quantity", req.quantity);
    limits::LOCATION.check(&mut e, "location", &req.location);
    limits::REFERENCE.check(&mut e, "reference", &req.reference);
    e
}

fn field_error(field: &str, code: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Problems with a new location: a code of letters, digits, `-`, `_`; a name.
pub fn validate_location(req: &aftercare_contracts::inventory::CreateLocation) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !(limits::LOCATION_CODE.matches)(&req.code) {
        e.push(field_error(
            "code",
            "invalid",
            "code must be 1-64 letters, digits, - _",
        ));
    }
    limits::LOCATION_NAME.check(&mut e, "name", &req.name);
    if req.technician_id.is_some() && req.kind != aftercare_contracts::inventory::LocationKind::Van
    {
        e.push(field_error(
            "technician_id",
            "not_allowed",
            "only a van belongs to a technician",
        ));
    }
    e
}

/// Problems with a movement recorded by hand, and the ledger operation it is.
pub fn movement_operation(
    req: &aftercare_contracts::inventory::RecordMovement,
) -> Result<ledger::Operation, Vec<FieldError>> {
    use aftercare_contracts::inventory::ManualMovement;
    let mut e = Vec::new();
    limits::REASON.check(&mut e, "reason", &req.reason);
    limits::REFERENCE.check(&mut e, "reference", &req.reference);
    limits::LOCATION.check(&mut e, "location", &req.location);
    if let Some(to) = &req.to {
        limits::LOCATION.check(&mut e, "to", to);
    }
    let magnitude_ok = limits::ADJUSTMENT.contains(req.quantity) && req.quantity != 0;
    let positive_ok = limits::UNITS.contains(req.quantity);
    if req.removed_part && req.kind != ManualMovement::Return {
        e.push(field_error(
            "removed_part",
            "not_allowed",
            "only a return brings back a removed part",
        ));
    }
    let at = req.location.trim().to_owned();
    let op = match req.kind {
        ManualMovement::Transfer => {
            if !positive_ok {
                e.push(field_error(
                    "quantity",
                    "out_of_range",
                    "quantity must be between 1 and 100000",
                ));
            }
            match req.to.as_deref().map(str::trim) {
                Some(to) if !to.is_empty() => Some(ledger::Operation::Transfer {
                    from: at,
                    to: to.to_owned(),
                    quantity: req.quantity,
                }),
                _ => {
                    e.push(field_error(
                        "to",
                        "required",
                        "a transfer names where the units go",
                    ));
                    None
                }
            }
        }
        ManualMovement::Return => {
            if !positive_ok {
                e.push(field_error(
                    "quantity",
                    "out_of_range",
                    "quantity must be between 1 and 100000",
                ));
            }
            Some(ledger::Operation::Return {
                at,
                quantity: req.quantity,
            })
        }
        ManualMovement::Adjustment => {
            if !magnitude_ok {
                e.push(field_error(
                    "quantity",
                    "out_of_range",
                    "an adjustment is between -100000 and 100000 and not zero",
                ));
            }
            Some(ledger::Operation::Adjust {
                at,
                delta: req.quantity,
            })
        }
    };
    if req.kind != ManualMovement::Transfer && req.to.is_some() {
        e.push(field_error(
            "to",
            "not_allowed",
            "only a transfer has a destination",
        ));
    }
    match op {
        Some(op) if e.is_empty() => Ok(op),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_quantity_is_out_of_range_not_an_overflow() {
        use aftercare_contracts::inventory::{ManualMovement, RecordMovement};
        let req = RecordMovement {
            sku: "TN-1".into(),
            kind: ManualMovement::Adjustment,
            location: "main".into(),
            to: None,
            quantity: i64::MIN,
            removed_part: false,
            reason: "count".into(),
            reference: String::new(),
        };
        let errors = movement_operation(&req).expect_err("refused");
        assert!(errors.iter().any(|e| e.field == "quantity"), "{errors:?}");
    }

    fn locs(v: &[(&str, i64)]) -> Vec<(String, i64)> {
        v.iter().map(|(l, q)| (l.to_string(), *q)).collect()
    }

    #[test]
    fn reservations_prefer_the_van_then_the_fullest_location_holding_them_all() {
        let a = locs(&[("main", 5), ("van-li", 2), ("east", 5)]);
        assert_eq!(
            pick_reservation(2, Some("van-li"), &a),
            Some("van-li".into())
        );
        assert_eq!(pick_reservation(3, Some("van-li"), &a), Some("east".into()));
        assert_eq!(pick_reservation(6, None, &a), None);
        assert_eq!(pick_reservation(1, None, &[]), None);
    }

    #[test]
    fn takes_from_the_fullest_location_first() {
        let (takes, short) = plan_take(5, &locs(&[("van-1", 2), ("main", 10)]));
        assert_eq!(takes, vec![("main".to_string(), 5)]);
        assert_eq!(short, 0);
    }

    #[test]
    fn spreads_over_locations_and_reports_the_shortfall() {
        let (takes, short) = plan_take(7, &locs(&[("van-1", 2), ("main", 3), ("empty", 0)]));
        assert_eq!(
            takes,
            vec![("main".to_string(), 3), ("van-1".to_string(), 2)]
        );
        assert_eq!(short, 2);
        let (takes, short) = plan_take(1, &[]);
        assert!(takes.is_empty());
        assert_eq!(short, 1);
    }

    #[test]
    fn only_a_new_list_price_is_announced() {
        let part = Part {
            sku: "DRUM-1".into(),
            name: "Drum".into(),
            list_price: Money::cny(100),
            on_hand: 0,
            reserved: 0,
            available: 0,
            locations: vec![],
            category: Default::default(),
            compatible_models: vec![],
            unit_cost: None,
            failure_prone: 0,
            page_yield: None,
            version: 1,
        };
        let at = DateTime::UNIX_EPOCH;
        assert_eq!(price_change(&part, "Drum", &Money::cny(100), at), None);
        let changed = price_change(&part, " Drum unit ", &Money::cny(120), at).expect("changed");
        assert_eq!(changed.old_price, Money::cny(100));
        assert_eq!(changed.list_price, Money::cny(120));
        assert_eq!(changed.name, "Drum unit");
    }
}
