//! The price of a part on the day it was used. Inventory carries the catalogue price with
//! each consumption, but a consumption can reach billing after the price changed (a visit
//! reported late, a redelivery); billing's price book, kept from inventory's
//! `inventory.part.price_changed`, says what the list price was when the visit finished.
use std::collections::HashMap;

use aftercare_contracts::Money;
use aftercare_contracts::billing::PartPriceChange;
use aftercare_contracts::inventory::ConsumedLine;
use chrono::{DateTime, Utc};

/// The list price in force at `at` by a part's changes (oldest first): the price the
/// latest change made by then set, else the price before the first change after it.
/// `None` when the book knows no change of the part: the price carried with the
/// consumption stands.
pub fn price_in_force(changes: &[PartPriceChange], at: DateTime<Utc>) -> Option<Money> {
    match changes.iter().rev().find(|c| c.at <= at) {
        Some(c) => Some(c.list_price.clone()),
        None => changes.first().map(|c| c.old_price.clone()),
    }
}

/// The consumed lines with each catalogued part priced as the book had it at `at`.
pub fn reprice(
    parts: &[ConsumedLine],
    book: &HashMap<String, Vec<PartPriceChange>>,
    at: DateTime<Utc>,
) -> Vec<ConsumedLine> {
    parts
        .iter()
        .map(|p| {
            let mut line = p.clone();
            if p.unit_price.is_some()
                && let Some(price) = book.get(&p.sku).and_then(|c| price_in_force(c, at))
            {
                line.unit_price = Some(price);
            }
            line
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
    }

    fn change(hour: u32, old: i64, new: i64) -> PartPriceChange {
        PartPriceChange {
            old_price: Money::cny(old),
            list_price: Money::cny(new),
            at: t(hour),
        }
    }

    fn drum(price: Option<i64>) -> ConsumedLine {
        ConsumedLine {
            sku: "DRUM-1".into(),
            name: price.map(|_| "Drum unit".into()),
            quantity: 2,
            taken: 2,
            shortfall: 0,
            unit_price: price.map(Money::cny),
            consumable: false,
        }
    }

    #[test]
    fn the_latest_change_made_by_the_visit_sets_the_price() {
        let book = [change(8, 100, 120), change(12, 120, 150)];
        assert_eq!(
            price_in_force(&book, t(8)),
            Some(Money::cny(120)),
            "a change applies from its instant"
        );
        assert_eq!(price_in_force(&book, t(11)), Some(Money::cny(120)));
        assert_eq!(price_in_force(&book, t(13)), Some(Money::cny(150)));
    }

    #[test]
    fn before_the_first_known_change_the_old_price_was_in_force() {
        let book = [change(8, 100, 120), change(12, 120, 150)];
        assert_eq!(price_in_force(&book, t(7)), Some(Money::cny(100)));
        assert_eq!(price_in_force(&[], t(7)), None);
    }

    #[test]
    fn a_late_consumption_is_charged_the_price_of_the_visit_day() {
        let book = HashMap::from([("DRUM-1".to_owned(), vec![change(12, 100, 150)])]);
        // Inventory carried today's 150; the visit finished at 09:00, before the change.
        let lines = reprice(&[drum(Some(150))], &book, t(9));
        assert_eq!(lines[0].unit_price, Some(Money::cny(100)));
        assert_eq!(
            reprice(&[drum(Some(150))], &book, t(13))[0].unit_price,
            Some(Money::cny(150))
        );
    }

    #[test]
    fn parts_the_book_does_not_know_keep_what_inventory_carried() {
        let book = HashMap::new();
        assert_eq!(
            reprice(&[drum(Some(130))], &book, t(9))[0].unit_price,
            Some(Money::cny(130))
        );
        let unknown = HashMap::from([("DRUM-1".to_owned(), vec![change(12, 100, 150)])]);
        assert_eq!(
            reprice(&[drum(None)], &unknown, t(9))[0].unit_price,
            None,
            "a SKU not in the catalogue stays unpriced"
        );
    }
}
