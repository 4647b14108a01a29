//! Inventory's request endpoints (`svc.inventory.*`).
use aftercare_contracts::ServiceError;
use aftercare_contracts::inventory::{
    CreateLocation, CreatePart, DecideStocktake, GetPart, GetStocktake, ListLocations,
    ListMovements, Location, ManualMovement, Part, PartPriceChanged, ReceiveStock, RecordMovement,
    StartStocktake, StockMovement, StockReport, StockReportLine, StockReportRequest, Stocktake,
    StocktakeLine, StocktakeStatus, UpdatePart,
};
use aftercare_contracts::rpc::{FieldError, Page, check_limit};
use aftercare_platform::rpc::{Endpoint, Endpoints, RequestContext};
use aftercare_platform::{Db, from_ms, now_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain;
use crate::store::{self, Movement};

pub(crate) fn endpoints(db: Db) -> Vec<Endpoint> {
    Endpoints::new(db)
        .on::<CreateLocation, _>(create_location)
        .on::<ListLocations, _>(list_locations)
        .on::<RecordMovement, _>(record_movement)
        .on::<ListMovements, _>(list_movements)
        .on::<StartStocktake, _>(start_stocktake)
        .on::<GetStocktake, _>(get_stocktake)
        .on::<DecideStocktake, _>(decide_stocktake)
        .on::<CreatePart, _>(create)
        .on::<ReceiveStock, _>(receive)
        .on::<GetPart, _>(get)
        .on::<StockReportRequest, _>(stock_report)
        .on::<UpdatePart, _>(update_part)
        .into_vec()
}

async fn create(db: Db, _ctx: RequestContext, req: CreatePart) -> Result<Part, ServiceError> {
    let errors = domain::validate_part(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    if !store::insert_part(&mut uow, &req, now_ms()).await? {
        return Err(ServiceError::field(
            "sku",
            "duplicate",
            format!("part {} already exists", req.sku),
        ));
    }
    let part = store::get(uow.conn(), &req.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

async fn receive(db: Db, ctx: RequestContext, req: ReceiveStock) -> Result<Part, ServiceError> {
    let errors = domain::validate_receipt(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    if store::get(uow.conn(), &req.sku).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    known_location(uow.conn(), req.location.trim(), "location").await?;
    let actor = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    let m = Movement {
        sku: &req.sku,
        location: req.location.trim(),
        kind: "receipt",
        quantity: i64::from(req.quantity),
        reference: &req.reference,
        actor,
        reason: "purchase received",
    };
    let now = now_ms();
    store::record(&mut uow, &m, now).await?;
    crate::consumers::fill_backorders(&mut uow, &req.sku, now).await?;
    let part = store::get(uow.conn(), &req.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

async fn get(db: Db, _ctx: RequestContext, req: GetPart) -> Result<Part, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("part", &req.id))
}

fn actor_of(ctx: &RequestContext) -> String {
    ctx.actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "anonymous".into())
}

/// 422 naming `field` when `code` is not a registered location.
async fn known_location(
    conn: &mut AnyConnection,
    code: &str,
    field: &str,
) -> Result<(), ServiceError> {
    if store::location_exists(conn, code).await? {
        Ok(())
    } else {
        Err(ServiceError::field(
            field,
            "unknown_location",
            format!("{code:?} is not a registered stock location"),
        ))
    }
}

async fn create_location(
    db: Db,
    _ctx: RequestContext,
    req: CreateLocation,
) -> Result<Location, ServiceError> {
    let errors = domain::validate_location(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let l = Location {
        code: req.code.trim().to_owned(),
        kind: req.kind,
        name: req.name.trim().to_owned(),
        technician_id: req.technician_id,
    };
    let mut uow = db.begin().await?;
    if !store::insert_location(&mut uow, &l, now_ms()).await? {
        return Err(ServiceError::field(
            "code",
            "duplicate",
            format!("location {} already exists", l.code),
        ));
    }
    uow.commit().await?;
    Ok(l)
}

async fn list_locations(
    db: Db,
    _ctx: RequestContext,
    _req: ListLocations,
) -> Result<Page<Location>, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(Page {
        items: store::locations_all(&mut conn).await?,
        next_cursor: None,
    })
}

async fn record_movement(
    db: Db,
    ctx: RequestContext,
    req: RecordMovement,
) -> Result<Part, ServiceError> {
    let op = domain::movement_operation(&req).map_err(ServiceError::validation)?;
    let mut uow = db.begin().await?;
    if store::get(uow.conn(), &req.sku).await?.is_none() {
        return Err(ServiceError::not_found("part", &req.sku));
    }
    known_location(uow.conn(), req.location.trim(), "location").await?;
    if let Some(to) = &req.to {
        known_location(uow.conn(), to.trim(), "to").await?;
    }
    let balances = store::balances(uow.conn(), &req.sku).await?;
    let mut entries = domain::ledger::plan(&op, &balances).map_err(refused)?;
    if req.removed_part {
        for e in &mut entries {
            e.kind = "removed_part";
        }
    }
    let now = now_ms();
    store::book(
        &mut uow,
        &req.sku,
        &entries,
        req.reference.trim(),
        &actor_of(&ctx),
        req.reason.trim(),
        now,
    )
    .await?;
    if req.kind != ManualMovement::Transfer {
        crate::consumers::fill_backorders(&mut uow, &req.sku, now).await?;
    }
    let part = store::get(uow.conn(), &req.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

fn refused(r: domain::ledger::Refusal) -> ServiceError {
    use domain::ledger::Refusal;
    match r {
        Refusal::NotPositive => {
            ServiceError::field("quantity", "out_of_range", "quantity must not be zero")
        }
        Refusal::SamePlace => {
            ServiceError::field("to", "same_place", "a transfer goes somewhere else")
        }
        Refusal::NotAvailable { at, available } => ServiceError::conflict(
            "not_available",
            format!(
                "only {available} available at {at} (on hand and not reserved); stock never goes negative"
            ),
        ),
    }
}

async fn list_movements(
    db: Db,
    _ctx: RequestContext,
    req: ListMovements,
) -> Result<Page<StockMovement>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::movements(
        &mut conn,
        req.sku.trim(),
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |m| m.id.to_string()))
}

async fn start_stocktake(
    db: Db,
    ctx: RequestContext,
    req: StartStocktake,
) -> Result<Stocktake, ServiceError> {
    let mut e: Vec<FieldError> = Vec::new();
    if req.lines.is_empty() || req.lines.len() > 1000 {
        e.push(FieldError {
            field: "lines".into(),
            code: "out_of_range".into(),
            message: "a stocktake has 1-1000 lines".into(),
        });
    }
    for (i, l) in req.lines.iter().enumerate() {
        if req.lines[..i].iter().any(|o| o.sku == l.sku) {
            e.push(FieldError {
                field: format!("lines[{i}].sku"),
                code: "duplicate".into(),
                message: "each part is counted once".into(),
            });
        }
    }
    if req.note.chars().count() > 500 {
        e.push(FieldError {
            field: "note".into(),
            code: "too_long".into(),
            message: "note must be at most 500 characters".into(),
        });
    }
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let mut uow = db.begin().await?;
    let location = req.location.trim().to_owned();
    known_location(uow.conn(), &location, "location").await?;
    let mut lines = Vec::with_capacity(req.lines.len());
    for (i, l) in req.lines.iter().enumerate() {
        if store::get(uow.conn(), &l.sku).await?.is_none() {
            return Err(ServiceError::field(
                format!("lines[{i}].sku"),
                "unknown",
                format!("part {} is not in the catalogue", l.sku),
            ));
        }
        let expected = store::balances(uow.conn(), &l.sku)
            .await?
            .get(&location)
            .map(|b| b.on_hand)
            .unwrap_or(0);
        lines.push(StocktakeLine {
            sku: l.sku.clone(),
            expected,
            counted: i64::from(l.counted),
            variance: i64::from(l.counted) - expected,
        });
    }
    let s = Stocktake {
        id: Uuid::now_v7(),
        location,
        lines,
        status: StocktakeStatus::PendingApproval,
        note: req.note.trim().to_owned(),
        counted_by: actor_of(&ctx),
        decided_by: None,
        created_at: from_ms(now_ms()),
        version: 1,
    };
    store::insert_stocktake(&mut uow, &s).await?;
    uow.commit().await?;
    Ok(s)
}

async fn get_stocktake(
    db: Db,
    _ctx: RequestContext,
    req: GetStocktake,
) -> Result<Stocktake, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::stocktake(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("stocktake", &req.id))
}

/// A manager approves (the counted figures replace the ledger's, each variance booked as a
/// stocktake entry) or rejects (nothing booked).
async fn decide_stocktake(
    db: Db,
    ctx: RequestContext,
    req: DecideStocktake,
) -> Result<Stocktake, ServiceError> {
    let mut uow = db.begin().await?;
    let s = store::stocktake(uow.conn(), req.stocktake_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("stocktake", &req.stocktake_id))?;
    if s.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "stocktake {} is at version {}, not {}",
            s.id, s.version, req.expected_version
        )));
    }
    let now = now_ms();
    let by = actor_of(&ctx);
    let status = if req.approve {
        StocktakeStatus::Approved
    } else {
        StocktakeStatus::Rejected
    };
    if !store::decide_stocktake(&mut uow, s.id, s.version, status, &by, now).await? {
        return Err(ServiceError::conflict(
            "stocktake_decided",
            format!("stocktake {} was already decided", s.id),
        ));
    }
    if req.approve {
        let reference = format!("stocktake {}", s.id);
        for line in &s.lines {
            let balances = store::balances(uow.conn(), &line.sku).await?;
            let op = domain::ledger::Operation::Count {
                at: s.location.clone(),
                counted: line.counted,
            };
            let entries = domain::ledger::plan(&op, &balances).map_err(|_| {
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
            store::book(
                &mut uow,
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
    let decided = store::stocktake(uow.conn(), &s.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(decided)
}

/// Changes a catalogue entry; a new list price is announced (`inventory.part.price_changed`).
async fn update_part(db: Db, ctx: RequestContext, req: UpdatePart) -> Result<Part, ServiceError> {
    let entry = req.as_create();
    let errors = domain::validate_part(&entry);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let current = store::get(uow.conn(), req.sku.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("part", &req.sku))?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "part {} is at version {}, not {}",
            current.sku, current.version, req.expected_version
        )));
    }
    if !store::update_part(&mut uow, &entry, current.version).await? {
        return Err(ServiceError::stale("the part was changed meanwhile"));
    }
    if current.list_price != req.list_price {
        uow.emit(&aftercare_contracts::Envelope::new(
            PartPriceChanged {
                sku: current.sku.clone(),
                name: req.name.trim().to_owned(),
                old_price: current.list_price.clone(),
                list_price: req.list_price.clone(),
                at: from_ms(now_ms()),
            },
            ctx.actor.clone(),
        ))
        .await?;
    }
    let part = store::get(uow.conn(), &current.sku).await?;
    uow.commit().await?;
    part.ok_or_else(ServiceError::internal)
}

/// Stock valuation at cost, turnover and slow movers over a period, and the parts used per
/// model and fault.
async fn stock_report(
    db: Db,
    _ctx: RequestContext,
    req: StockReportRequest,
) -> Result<StockReport, ServiceError> {
    if req.to < req.from || (req.to - req.from).num_days() > 731 {
        return Err(ServiceError::field(
            "to",
            "out_of_range",
            "to is on or after from, within two years",
        ));
    }
    let start = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .unwrap_or_default()
            .and_utc()
            .timestamp_millis()
    };
    let (from, to) = (start(req.from), start(req.to + chrono::Duration::days(1)));
    let mut conn = db.read_conn().await?;
    let mut total = 0;
    let parts = store::stock_facts(&mut conn, from, to)
        .await?
        .into_iter()
        .map(|(sku, name, on_hand, cost, used, rating)| {
            let value = cost.map(|c| c * on_hand);
            total += value.unwrap_or(0);
            let average = on_hand as f64 + used as f64 / 2.0;
            StockReportLine {
                sku,
                name,
                on_hand,
                value_minor: value,
                used,
                turnover: (average > 0.0).then(|| (used as f64 / average * 100.0).round() / 100.0),
                slow_mover: on_hand > 0 && used == 0,
                failure_prone: rating.clamp(0, 5) as u8,
            }
        })
        .collect();
    Ok(StockReport {
        from: req.from,
        to: req.to,
        total_value_minor: total,
        parts,
        usage: store::usage(&mut conn, from, to).await?,
    })
}
