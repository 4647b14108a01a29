//! How a completed visit's parts leave stock: the units held for its work order go first
//! (a hold is used whole or not at all), the rest is taken from the fullest locations
//! ([`super::plan_take`]), and what stock does not hold is a shortfall flagged for a
//! stocktake; billing is told each part's catalogue price.
use aftercare_contracts::inventory::{ConsumedLine, Part};

/// Which holds of a work order (their quantities, oldest first) a use of `wanted` units
/// consumes: each hold that still fits in what is wanted, whole. Returns the indexes of
/// the holds used and the units still to take from free stock.
pub fn take_held(wanted: u32, holds: &[u32]) -> (Vec<usize>, u32) {
    let mut left = wanted;
    let mut used = Vec::new();
    for (i, held) in holds.iter().enumerate() {
        if left == 0 || *held > left {
            continue;
        }
        used.push(i);
        left -= held;
    }
    (used, left)
}

/// The line billing prices for a part used on a visit: its catalogue name and list price
/// (none for a SKU not in the catalogue), the units taken and the shortfall.
pub fn consumed_line(
    sku: &str,
    part: Option<&Part>,
    quantity: u32,
    shortfall: u32,
) -> ConsumedLine {
    ConsumedLine::of_part(sku, part, quantity, shortfall)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_holds_go_first_and_a_hold_larger_than_the_need_is_kept() {
        assert_eq!(take_held(3, &[2, 1]), (vec![0, 1], 0));
        assert_eq!(take_held(3, &[5, 2]), (vec![1], 1));
        assert_eq!(take_held(2, &[1, 1, 1]), (vec![0, 1], 0));
        assert_eq!(take_held(4, &[]), (vec![], 4));
    }

    #[test]
    fn a_part_not_in_the_catalogue_is_unpriced() {
        let line = consumed_line("X-1", None, 3, 1);
        assert_eq!((line.taken, line.shortfall), (2, 1));
        assert_eq!(
            (line.name, line.unit_price, line.consumable),
            (None, None, false)
        );
    }
}
