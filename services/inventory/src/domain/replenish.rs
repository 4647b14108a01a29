//! Replenishment: when a location's stock of a part is reordered and how much, and how a
//! purchase request moves from draft to received.
use aftercare_contracts::FieldError;
use aftercare_contracts::inventory::{
    CreatePurchaseRequest, MovePurchaseRequest, PurchaseStatus, StockRule, limits,
};

/// Problems with a rule: min ≤ reorder point < max ≤ 1,000,000.
pub fn validate_rule(r: &StockRule) -> Vec<FieldError> {
    let mut e = Vec::new();
    let err = |field: &str, message: &str| FieldError {
        field: field.into(),
        code: "out_of_range".into(),
        message: message.into(),
    };
    if r.min > r.reorder_point {
        e.push(err("min", "min must not be above the reorder point"));
    }
    if r.max <= r.reorder_point {
        e.push(err("max", "max must be above the reorder point"));
    }
    if r.max > 1_000_000 {
        e.push(err("max", "max must be at most 1000000"));
    }
    e
}

/// Units to order for a location: none while available plus on order stays above the
/// reorder point; otherwise enough to reach the maximum.
pub fn to_order(available: i64, on_order: i64, rule: &StockRule) -> u32 {
    let position = available + on_order;
    if position > i64::from(rule.reorder_point) {
        return 0;
    }
    (i64::from(rule.max) - position).clamp(0, i64::from(u32::MAX)) as u32
}

/// Why a reorder request orders what it orders, as written on the request.
pub fn reorder_basis(available: i64, on_order: i64, rule: &StockRule) -> String {
    format!(
        "available {available} + on order {on_order} at or below the reorder point {}; up to {}",
        rule.reorder_point, rule.max
    )
}

/// Problems with a purchase request made by hand: a basis of 1-500 characters and
/// 1-100,000 units.
pub fn check_request(req: &CreatePurchaseRequest) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::REASON.check(&mut e, "basis", &req.basis);
    limits::UNITS.check(&mut e, "quantity", req.quantity);
    limits::LOCATION.check(&mut e, "location", &req.location);
    if !(limits::SKU.matches)(&req.sku) {
        e.push(FieldError {
            field: "sku".into(),
            code: "invalid".into(),
            message: "sku must be 1-64 letters, digits, - _ .".into(),
        });
    }
    e
}

/// Problems with a move of a purchase request: a reference of at most 200 characters,
/// required when it is ordered (the supplier's order reference).
pub fn check_move(req: &MovePurchaseRequest) -> Option<FieldError> {
    let err = |code: &str, message: &str| FieldError {
        field: "reference".into(),
        code: code.into(),
        message: message.into(),
    };
    if req.reference.chars().count() > 200 {
        return Some(err("too_long", "reference must be at most 200 characters"));
    }
    if req.to == PurchaseStatus::Ordered && req.reference.trim().is_empty() {
        return Some(err("required", "give the supplier's order reference"));
    }
    None
}

/// The moves a purchase request may make.
pub fn may_move(from: PurchaseStatus, to: PurchaseStatus) -> bool {
    use PurchaseStatus::*;
    matches!(
        (from, to),
        (Draft, Approved)
            | (Draft, Cancelled)
            | (Approved, Ordered)
            | (Approved, Cancelled)
            | (Ordered, Received)
            | (Ordered, Cancelled)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> StockRule {
        StockRule {
            sku: "DRUM-1".into(),
            location: "main".into(),
            reorder_point: 5,
            min: 2,
            max: 20,
        }
    }

    #[test]
    fn order_up_to_max_at_the_reorder_point_counting_what_is_on_order() {
        assert_eq!(to_order(6, 0, &rule()), 0);
        assert_eq!(to_order(5, 0, &rule()), 15);
        assert_eq!(to_order(1, 4, &rule()), 15);
        assert_eq!(to_order(1, 10, &rule()), 0, "enough is on its way");
        assert_eq!(to_order(-3, 0, &rule()), 23, "reserved beyond on hand");
    }

    #[test]
    fn rules_and_moves_are_checked() {
        assert!(validate_rule(&rule()).is_empty());
        let mut bad = rule();
        bad.min = 6;
        bad.max = 5;
        let fields: Vec<String> = validate_rule(&bad).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["min", "max"]);
        use PurchaseStatus::*;
        assert!(may_move(Draft, Approved) && may_move(Ordered, Received));
        assert!(!may_move(Draft, Ordered) && !may_move(Received, Cancelled));
    }

    #[test]
    fn requests_by_hand_and_orders_are_checked() {
        let req = CreatePurchaseRequest {
            sku: "DRUM-1".into(),
            location: "main".into(),
            quantity: 0,
            basis: String::new(),
        };
        let fields: Vec<String> = check_request(&req).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["basis", "quantity"]);
        let order = MovePurchaseRequest {
            purchase_id: "PR1".into(),
            to: PurchaseStatus::Ordered,
            reference: " ".into(),
            expected_version: 1,
        };
        assert_eq!(check_move(&order).map(|e| e.code), Some("required".into()));
        let approve = MovePurchaseRequest {
            to: PurchaseStatus::Approved,
            ..order
        };
        assert_eq!(check_move(&approve), None);
        assert_eq!(
            reorder_basis(3, 1, &rule()),
            "available 3 + on order 1 at or below the reorder point 5; up to 20"
        );
    }
}
