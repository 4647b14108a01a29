//! The stock ledger's rules: what each kind of movement does to a location's balance, and
//! when it is refused. Nothing is edited — every change is one or more entries — and a
//! balance never goes negative nor below what is reserved there.
//!
//! The store applies the entries this module plans with the same guards in SQL; the
//! property tests below drive long random sequences through the model and check that the
//! on-hand figure always equals the sum of the entries and never goes negative.
use std::collections::BTreeMap;

/// A location's balance of one part.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Balance {
    /// Units on hand.
    pub on_hand: i64,
    /// Of which held for work orders.
    pub reserved: i64,
}

/// A change of stock someone asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// Goods received (purchase).
    Receive {
        /// Where.
        at: String,
        /// Units, > 0.
        quantity: i64,
    },
    /// From one location to another (warehouse → van and back).
    Transfer {
        /// From.
        from: String,
        /// To.
        to: String,
        /// Units, > 0.
        quantity: i64,
    },
    /// Units back from a visit: a removed part (拆机件) for the manufacturer's claim, or
    /// unused parts.
    Return {
        /// Where they are kept.
        at: String,
        /// Units, > 0.
        quantity: i64,
    },
    /// A correction, either way.
    Adjust {
        /// Where.
        at: String,
        /// Units added (negative: taken away); not zero.
        delta: i64,
    },
    /// A stocktake (盘点): the counted figure replaces the balance by an adjustment of the
    /// variance (nothing when it matches).
    Count {
        /// Where.
        at: String,
        /// Units counted, ≥ 0.
        counted: i64,
    },
}

/// Why an operation is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A quantity that must be positive is not.
    NotPositive,
    /// It would take more than is available (on hand and not reserved).
    NotAvailable {
        /// Where.
        at: String,
        /// Available there.
        available: i64,
    },
    /// From and to are the same place.
    SamePlace,
}

/// One ledger entry: units added to (or taken from) a location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Where.
    pub at: String,
    /// Units, signed.
    pub quantity: i64,
    /// Kind: receipt, transfer_out, transfer_in, return, adjustment, stocktake.
    pub kind: &'static str,
}

fn take(at: &str, q: i64, balances: &BTreeMap<String, Balance>) -> Result<(), Refusal> {
    let b = balances.get(at).copied().unwrap_or_default();
    let available = b.on_hand - b.reserved;
    if q > available {
        return Err(Refusal::NotAvailable {
            at: at.to_owned(),
            available,
        });
    }
    Ok(())
}

/// The entries an operation makes on a part's balances, or why it is refused.
pub fn plan(op: &Operation, balances: &BTreeMap<String, Balance>) -> Result<Vec<Entry>, Refusal> {
    let entry = |at: &str, quantity: i64, kind: &'static str| Entry {
        at: at.to_owned(),
        quantity,
        kind,
    };
    let positive = |q: i64| {
        if q > 0 {
            Ok(q)
        } else {
            Err(Refusal::NotPositive)
        }
    };
    match op {
        Operation::Receive { at, quantity } => {
            positive(*quantity).map(|q| vec![entry(at, q, "receipt")])
        }
        Operation::Return { at, quantity } => {
            positive(*quantity).map(|q| vec![entry(at, q, "return")])
        }
        Operation::Transfer { quantity, .. } if *quantity <= 0 => Err(Refusal::NotPositive),
        Operation::Transfer { from, to, .. } if from == to => Err(Refusal::SamePlace),
        Operation::Transfer { from, to, quantity } => {
            take(from, *quantity, balances)?;
            Ok(vec![
                entry(from, -quantity, "transfer_out"),
                entry(to, *quantity, "transfer_in"),
            ])
        }
        Operation::Adjust { delta: 0, .. } => Err(Refusal::NotPositive),
        Operation::Adjust { at, delta } => {
            if *delta < 0 {
                take(at, -delta, balances)?;
            }
            Ok(vec![entry(at, *delta, "adjustment")])
        }
        Operation::Count { counted, .. } if *counted < 0 => Err(Refusal::NotPositive),
        Operation::Count { at, counted } => {
            let b = balances.get(at).copied().unwrap_or_default();
            let variance = counted - b.on_hand;
            if *counted < b.reserved {
                // Units held for work orders are missing: the count stands, but the holds
                // must be released first.
                return Err(Refusal::NotAvailable {
                    at: at.clone(),
                    available: b.on_hand - b.reserved,
                });
            }
            Ok(if variance == 0 {
                vec![]
            } else {
                vec![entry(at, variance, "stocktake")]
            })
        }
    }
}

/// Applies planned entries to balances (the model the store's SQL follows).
pub fn apply(entries: &[Entry], balances: &mut BTreeMap<String, Balance>) {
    for e in entries {
        balances.entry(e.at.clone()).or_default().on_hand += e.quantity;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> String {
        s.to_owned()
    }

    #[test]
    fn transfers_move_stock_and_refuse_what_is_not_there() {
        let mut b = BTreeMap::new();
        apply(
            &plan(
                &Operation::Receive {
                    at: at("main"),
                    quantity: 5,
                },
                &b,
            )
            .expect("ok"),
            &mut b,
        );
        b.get_mut("main").expect("main").reserved = 2;
        let op = Operation::Transfer {
            from: at("main"),
            to: at("van"),
            quantity: 4,
        };
        assert_eq!(
            plan(&op, &b),
            Err(Refusal::NotAvailable {
                at: at("main"),
                available: 3
            })
        );
        let op = Operation::Transfer {
            from: at("main"),
            to: at("van"),
            quantity: 3,
        };
        apply(&plan(&op, &b).expect("ok"), &mut b);
        assert_eq!(b["main"].on_hand, 2);
        assert_eq!(b["van"].on_hand, 3);
        let same = Operation::Transfer {
            from: at("van"),
            to: at("van"),
            quantity: 1,
        };
        assert_eq!(plan(&same, &b), Err(Refusal::SamePlace));
    }

    #[test]
    fn a_stocktake_books_the_variance_only() {
        let mut b = BTreeMap::new();
        b.insert(
            at("main"),
            Balance {
                on_hand: 10,
                reserved: 2,
            },
        );
        let e = plan(
            &Operation::Count {
                at: at("main"),
                counted: 7,
            },
            &b,
        )
        .expect("ok");
        assert_eq!(
            e,
            vec![Entry {
                at: at("main"),
                quantity: -3,
                kind: "stocktake"
            }]
        );
        assert!(
            plan(
                &Operation::Count {
                    at: at("main"),
                    counted: 10
                },
                &b
            )
            .expect("ok")
            .is_empty()
        );
        assert!(
            plan(
                &Operation::Count {
                    at: at("main"),
                    counted: 1
                },
                &b
            )
            .is_err(),
            "held units are missing"
        );
    }

    fn operation() -> impl Strategy<Value = Operation> {
        let place = prop::sample::select(vec!["main", "van-a", "van-b", "workshop"]);
        prop_oneof![
            (place.clone(), -3i64..20).prop_map(|(p, q)| Operation::Receive {
                at: p.into(),
                quantity: q
            }),
            (place.clone(), place.clone(), -3i64..20).prop_map(|(f, t, q)| Operation::Transfer {
                from: f.into(),
                to: t.into(),
                quantity: q
            }),
            (place.clone(), -3i64..5).prop_map(|(p, q)| Operation::Return {
                at: p.into(),
                quantity: q
            }),
            (place.clone(), -20i64..20).prop_map(|(p, d)| Operation::Adjust {
                at: p.into(),
                delta: d
            }),
            (place, -3i64..30).prop_map(|(p, c)| Operation::Count {
                at: p.into(),
                counted: c
            }),
        ]
    }

    proptest! {
        /// Any sequence of operations keeps every balance equal to the sum of its entries
        /// and never negative; a refused operation changes nothing.
        #[test]
        fn on_hand_is_the_sum_of_entries_and_never_negative(ops in prop::collection::vec(operation(), 1..200)) {
            let mut balances: BTreeMap<String, Balance> = BTreeMap::new();
            let mut ledger: Vec<Entry> = Vec::new();
            for op in &ops {
                let before = balances.clone();
                match plan(op, &balances) {
                    Ok(entries) => {
                        apply(&entries, &mut balances);
                        ledger.extend(entries);
                    }
                    Err(_) => prop_assert_eq!(&balances, &before),
                }
                for (place, b) in &balances {
                    prop_assert!(b.on_hand >= 0, "{} went negative: {:?}", place, b);
                    let sum: i64 = ledger.iter().filter(|e| &e.at == place).map(|e| e.quantity).sum();
                    prop_assert_eq!(b.on_hand, sum);
                }
            }
        }
    }
}
