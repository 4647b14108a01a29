//! Stocktakes: a count stored against the ledger's figures, then approved (each variance
//! booked as a stocktake entry) or rejected by a manager.
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{DecideStocktake, StartStocktake, Stocktake, StocktakeStatus};
use aftercare_platform::{UnitOfWork, from_ms, now_ms};
use uuid::Uuid;

use crate::domain::{ledger, stocktakes};
use crate::store;

/// Stores a count of a location, each line against what the ledger holds there, pending
/// a manager's decision.
pub(crate) async fn start(
    uow: &mut UnitOfWork,
    req: StartStocktake,
    by: String,
) -> Result<Stocktake, ServiceError> {
    let e = stocktakes::check(&req);
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let location = req.location.trim().to_owned();
    super::locations::require(uow.conn(), &location, "location").await?;
    let mut lines = Vec::with_capacity(req.lines.len());
    for (i, l) in req.lines.iter().enumerate() {
        if store::parts::get(uow.conn(), &l.sku).await?.is_none() {
            return Err(ServiceError::field(
                format!("lines[{i}].sku"),
                "unknown",
                format!("part {} is not in the catalogue", l.sku),
            ));
        }
        let expected = store::stock::balances(uow.conn(), &l.sku)
            .await?
            .get(&location)
            .map(|b| b.on_hand)
            .unwrap_or(0);
        lines.push(stocktakes::counted_line(&l.sku, expected, l.counted));
    }
    let s = Stocktake {
        id: Uuid::now_v7(),
        location,
        lines,
        status: StocktakeStatus::PendingApproval,
        note: req.note.trim().to_owned(),
        counted_by: by,
        decided_by: None,
        created_at: from_ms(now_ms()),
        version: 1,
    };
    store::stocktakes::insert_stocktake(uow, &s).await?;
    Ok(s)
}

/// A manager approves (the counted figures replace the ledger's, each variance booked as a
/// stocktake entry) or rejects (nothing booked), once.
pub(crate) async fn decide(
    uow: &mut UnitOfWork,
    req: DecideStocktake,
    by: String,
) -> Result<Stocktake, ServiceError> {
    let s = store::stocktakes::stocktake(uow.conn(), req.stocktake_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("stocktake", &req.stocktake_id))?;
    if s.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "stocktake {} is at version {}, not {}",
            s.id, s.version, req.expected_version
        )));
    }
    let now = now_ms();
    let status = stocktakes::decided(req.approve);
    if !store::stocktakes::decide_stocktake(uow, s.id, s.version, status, &by, now).await? {
        return Err(ServiceError::conflict(
            "stocktake_decided",
            format!("stocktake {} was already decided", s.id),
        ));
    }
    if req.approve {
        let reference = format!("stocktake {}", s.id);
        for line in &s.lines {
            let balances = store::stock::balances(uow.conn(), &line.sku).await?;
            let op = ledger::Operation::Count {
                at: s.location.clone(),
                counted: line.counted,
            };
            let entries = ledger::plan(&op, &balances).map_err(|_| {
                ServiceError::conflict(
                    "held_units_missing",
                    format!(
                        "{} units of {} are held for work orders at {}; release them before approving",
                        balances.get(&s.location).map(|b| b.reserved).unwrap_or(0),
                        line.sku,
                        s.location
                    ),
                )
            })?;
            store::stock::book(
                uow,
                &line.sku,
                &entries,
                &reference,
                &by,
                "stocktake variance",
                now,
            )
            .await?;
        }
    }
    store::stocktakes::stocktake(uow.conn(), &s.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)
}
