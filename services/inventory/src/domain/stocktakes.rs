//! Stocktakes: what a count must hold, the variance of each counted line, and a manager's
//! decision (approved counts replace the ledger's figures, see [`super::ledger`]).
use aftercare_contracts::FieldError;
use aftercare_contracts::inventory::{StartStocktake, StocktakeLine, StocktakeStatus, limits};

/// Problems with a count: 1-1000 lines, each part counted once, a note of at most 500
/// characters.
pub fn check(req: &StartStocktake) -> Vec<FieldError> {
    let mut e: Vec<FieldError> = Vec::new();
    limits::LOCATION.check(&mut e, "location", &req.location);
    if !limits::COUNT_LINES.allows(req.lines.len()) {
        e.push(FieldError {
            field: "lines".into(),
            code: "out_of_range".into(),
            message: "a stocktake has 1-1000 lines".into(),
        });
    }
    for (i, l) in req.lines.iter().enumerate() {
        if !(limits::SKU.matches)(&l.sku) {
            e.push(FieldError {
                field: format!("lines[{i}].sku"),
                code: "invalid".into(),
                message: "sku must be 1-64 letters, digits, - _ .".into(),
            });
        }
        if req.lines[..i].iter().any(|o| o.sku == l.sku) {
            e.push(FieldError {
                field: format!("lines[{i}].sku"),
                code: "duplicate".into(),
                message: "each part is counted once".into(),
            });
        }
    }
    limits::NOTE.check(&mut e, "note", &req.note);
    e
}

/// A counted line: what the ledger expected at the location, what was counted, and the
/// difference.
pub fn counted_line(sku: &str, expected: i64, counted: u32) -> StocktakeLine {
    StocktakeLine {
        sku: sku.to_owned(),
        expected,
        counted: i64::from(counted),
        variance: i64::from(counted) - expected,
    }
}

/// The state a manager's decision puts a pending stocktake in.
pub fn decided(approve: bool) -> StocktakeStatus {
    if approve {
        StocktakeStatus::Approved
    } else {
        StocktakeStatus::Rejected
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::inventory::CountLine;

    #[test]
    fn each_part_is_counted_once() {
        let line = |sku: &str| CountLine {
            sku: sku.into(),
            counted: 1,
        };
        let req = StartStocktake {
            location: "main".into(),
            lines: vec![line("A"), line("B"), line("A")],
            note: String::new(),
        };
        let e = check(&req);
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].field.as_str(), e[0].code.as_str()),
            ("lines[2].sku", "duplicate")
        );
        assert_eq!(
            check(&StartStocktake {
                lines: vec![],
                ..req
            })[0]
                .field,
            "lines"
        );
    }

    #[test]
    fn the_variance_is_counted_minus_expected() {
        assert_eq!(counted_line("A", 5, 3).variance, -2);
        assert_eq!(counted_line("A", 0, 4).variance, 4);
        assert_eq!(decided(true), StocktakeStatus::Approved);
        assert_eq!(decided(false), StocktakeStatus::Rejected);
    }
}
