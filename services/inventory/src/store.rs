//! Inventory's queries, portable across SQLite and PostgreSQL.
use aftercare_contracts::Money;
use aftercare_contracts::inventory::Part;
use aftercare_platform::db::Guard;
use aftercare_platform::{Result, UnitOfWork};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

#[derive(FromRow)]
struct PartRow {
    sku: String,
    name: String,
    list_price_minor: i64,
    currency: String,
    on_hand: i64,
    reserved: i64,
    category: String,
    compatible_models: String,
    unit_cost_minor: Option<i64>,
    failure_prone: i64,
    page_yield: Option<i64>,
    version: i64,
}

/// A part with its stock, per location too.
pub(crate) async fn get(conn: &mut AnyConnection, sku: &str) -> Result<Option<Part>> {
    let row: Option<PartRow> = sqlx::query_as(
        "select p.sku, p.name, p.list_price_minor, p.currency,
                cast(coalesce((select sum(s.on_hand) from stock s where s.sku = p.sku), 0) as bigint) as on_hand,
                cast(coalesce((select sum(s.reserved) from stock s where s.sku = p.sku), 0) as bigint) as reserved,
                p.category, p.compatible_models, p.unit_cost_minor, p.failure_prone, p.page_yield, p.version
         from part p where p.sku = $1",
    )
    .bind(sku)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let levels: Vec<(String, i64, i64)> = sqlx::query_as(
        "select location, on_hand, reserved from stock where sku = $1 order by location",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    Ok(Some(Part {
        sku: r.sku,
        name: r.name,
        category: aftercare_platform::db::from_text(&r.category)?,
        compatible_models: aftercare_platform::db::from_json(&r.compatible_models)?,
        unit_cost: r.unit_cost_minor.map(|c| Money {
            amount_minor: c,
            currency: r.currency.clone(),
        }),
        failure_prone: r.failure_prone.clamp(0, 5) as u8,
        page_yield: r.page_yield.map(|y| y.clamp(0, i64::from(u32::MAX)) as u32),
        version: r.version,
        list_price: Money {
            amount_minor: r.list_price_minor,
            currency: r.currency,
        },
        on_hand: r.on_hand,
        reserved: r.reserved,
        available: r.on_hand - r.reserved,
        locations: levels
            .into_iter()
            .map(
                |(location, on_hand, reserved)| aftercare_contracts::inventory::StockLevel {
                    location,
                    on_hand,
                    reserved,
                    available: on_hand - reserved,
                },
            )
            .collect(),
    }))
}

/// Adds a part; false when the SKU exists.
pub(crate) async fn insert_part(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::CreatePart,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into part (sku, name, list_price_minor, currency, created_at, category, compatible_models,
            unit_cost_minor, failure_prone, page_yield, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) on conflict (sku) do nothing",
    )
    .bind(p.sku.trim())
    .bind(p.name.trim())
    .bind(p.list_price.amount_minor)
    .bind(&p.list_price.currency)
    .bind(now)
    .bind(aftercare_platform::db::to_text(&p.category))
    .bind(serde_json::to_string(&p.compatible_models)?)
    .bind(p.unit_cost.as_ref().map(|c| c.amount_minor))
    .bind(i64::from(p.failure_prone))
    .bind(p.page_yield.map(i64::from))
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Replaces a catalogue entry still at `version`; false when it moved on.
pub(crate) async fn update_part(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::CreatePart,
    version: i64,
) -> Result<bool> {
    let models = serde_json::to_string(&p.compatible_models)?;
    let done = Guard::new("part", "sku", p.sku.trim(), version)
        .update(
            uow.conn(),
            "name = $1, list_price_minor = $2, currency = $3, category = $4, compatible_models = $5,
            unit_cost_minor = $6, failure_prone = $7, page_yield = $8",
            |q| {
                q.bind(p.name.trim())
                    .bind(p.list_price.amount_minor)
                    .bind(&p.list_price.currency)
                    .bind(aftercare_platform::db::to_text(&p.category))
                    .bind(models)
                    .bind(p.unit_cost.as_ref().map(|c| c.amount_minor))
                    .bind(i64::from(p.failure_prone))
                    .bind(p.page_yield.map(i64::from))
            },
        )
        .await?;
    Ok(done.is_updated())
}

/// Units per location of a part that are not reserved.
pub(crate) async fn locations(conn: &mut AnyConnection, sku: &str) -> Result<Vec<(String, i64)>> {
    let rows: Vec<(String, i64)> =
        sqlx::query_as("select location, on_hand - reserved from stock where sku = $1")
            .bind(sku)
            .fetch_all(conn)
            .await?;
    Ok(rows)
}

/// One ledger entry.
pub(crate) struct Movement<'a> {
    pub(crate) sku: &'a str,
    pub(crate) location: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) quantity: i64,
    pub(crate) reference: &'a str,
    pub(crate) actor: &'a str,
    pub(crate) reason: &'a str,
}

/// Records a movement and applies it to the balance. A withdrawal larger than the
/// balance is refused (and the balance's `check (on_hand >= 0)` backs that up).
pub(crate) async fn record(uow: &mut UnitOfWork, m: &Movement<'_>, now: i64) -> Result<()> {
    if m.quantity >= 0 {
        sqlx::query(
            "insert into stock (sku, location, on_hand) values ($1, $2, $3)
             on conflict (sku, location) do update set on_hand = stock.on_hand + $3",
        )
        .bind(m.sku)
        .bind(m.location)
        .bind(m.quantity)
        .execute(uow.conn())
        .await?;
    } else {
        let taken = sqlx::query("update stock set on_hand = on_hand + $3 where sku = $1 and location = $2 and on_hand + $3 >= reserved")
            .bind(m.sku)
            .bind(m.location)
            .bind(m.quantity)
            .execute(uow.conn())
            .await?
            .rows_affected();
        if taken != 1 {
            return Err(aftercare_platform::Error::Conflict(format!(
                "{} × {} is not on hand at {}; stock never goes negative",
                -m.quantity, m.sku, m.location
            )));
        }
    }
    sqlx::query(
        "insert into movement (movement_id, sku, location, kind, quantity, reference, actor, reason, at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(m.sku)
    .bind(m.location)
    .bind(m.kind)
    .bind(m.quantity)
    .bind(m.reference)
    .bind(m.actor)
    .bind(m.reason)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Holds `quantity` units of a location for a work order if they are still available;
/// false when another reservation took them first.
pub(crate) async fn reserve(
    uow: &mut UnitOfWork,
    sku: &str,
    location: &str,
    quantity: u32,
    work_order: (Uuid, &str),
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "update stock set reserved = reserved + $3 where sku = $1 and location = $2 and on_hand - reserved >= $3",
    )
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n != 1 {
        return Ok(false);
    }
    sqlx::query(
        "insert into reservation (reservation_id, work_order_id, work_order_number, sku, location, quantity, status, created_at)
         values ($1, $2, $3, $4, $5, $6, 'reserved', $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(work_order.0.to_string())
    .bind(work_order.1)
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(true)
}

/// Records a line waiting for stock.
pub(crate) async fn backorder(
    uow: &mut UnitOfWork,
    sku: &str,
    quantity: u32,
    preferred: Option<&str>,
    work_order: (Uuid, &str),
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into backorder (backorder_id, work_order_id, work_order_number, sku, quantity, preferred_location, status, created_at)
         values ($1, $2, $3, $4, $5, $6, 'open', $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(work_order.0.to_string())
    .bind(work_order.1)
    .bind(sku)
    .bind(i64::from(quantity))
    .bind(preferred)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// An open backorder line.
pub(crate) struct OpenBackorder {
    pub(crate) id: String,
    pub(crate) work_order_id: Uuid,
    pub(crate) work_order_number: String,
    pub(crate) quantity: u32,
    pub(crate) preferred: Option<String>,
}

/// Open backorders of a part, oldest first.
pub(crate) async fn open_backorders(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<Vec<OpenBackorder>> {
    let rows: Vec<(String, String, String, i64, Option<String>)> = sqlx::query_as(
        "select backorder_id, work_order_id, work_order_number, quantity, preferred_location from backorder
         where sku = $1 and status = 'open' order by created_at, backorder_id",
    )
    .bind(sku)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(id, wo, number, q, preferred)| {
            Ok(OpenBackorder {
                id,
                work_order_id: aftercare_platform::db::parse_id(&wo)?,
                work_order_number: number,
                quantity: q.clamp(0, i64::from(u32::MAX)) as u32,
                preferred,
            })
        })
        .collect()
}

/// Marks a backorder fulfilled; false when another receipt did first.
pub(crate) async fn fulfil(uow: &mut UnitOfWork, id: &str, now: i64) -> Result<bool> {
    let n = sqlx::query("update backorder set status = 'fulfilled', fulfilled_at = $1 where backorder_id = $2 and status = 'open'")
        .bind(now)
        .bind(id)
        .execute(uow.conn())
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// Puts a claimed backorder back when its units were taken meanwhile.
pub(crate) async fn reopen(uow: &mut UnitOfWork, id: &str) -> Result<()> {
    sqlx::query(
        "update backorder set status = 'open', fulfilled_at = null where backorder_id = $1",
    )
    .bind(id)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Whether a work order still has open backorders.
pub(crate) async fn has_open_backorders(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from backorder where work_order_id = $1 and status = 'open'",
    )
    .bind(work_order_id.to_string())
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// A work order's held units of a part: (reservation id, location, quantity).
pub(crate) async fn reservations_of(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
    sku: &str,
) -> Result<Vec<(String, String, u32)>> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "select reservation_id, location, quantity from reservation
         where work_order_id = $1 and sku = $2 and status = 'reserved' order by created_at",
    )
    .bind(work_order_id.to_string())
    .bind(sku)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, l, q)| (id, l, q.clamp(0, i64::from(u32::MAX)) as u32))
        .collect())
}

/// Turns held units into a consumption: they leave stock and the hold ends.
pub(crate) async fn consume_reserved(
    uow: &mut UnitOfWork,
    reservation_id: &str,
    sku: &str,
    location: &str,
    quantity: u32,
    reference: &str,
    now: i64,
) -> Result<()> {
    let q = i64::from(quantity);
    let n = sqlx::query(
        "update stock set on_hand = on_hand - $3, reserved = reserved - $3
         where sku = $1 and location = $2 and reserved >= $3 and on_hand >= $3",
    )
    .bind(sku)
    .bind(location)
    .bind(q)
    .execute(uow.conn())
    .await?
    .rows_affected();
    if n != 1 {
        return Err(aftercare_platform::Error::Conflict(format!(
            "reservation {reservation_id} does not match stock at {location}"
        )));
    }
    sqlx::query(
        "update reservation set status = 'consumed', closed_at = $1 where reservation_id = $2",
    )
    .bind(now)
    .bind(reservation_id)
    .execute(uow.conn())
    .await?;
    sqlx::query(
        "insert into movement (movement_id, sku, location, kind, quantity, reference, actor, reason, at)
         values ($1, $2, $3, 'consumption', $4, $5, 'dispatch', 'used on visit (reserved)', $6)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(sku)
    .bind(location)
    .bind(-q)
    .bind(reference)
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Registers a location; false when the code exists.
pub(crate) async fn insert_location(
    uow: &mut UnitOfWork,
    l: &aftercare_contracts::inventory::Location,
    now: i64,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into location (code, kind, name, technician_id, created_at) values ($1, $2, $3, $4, $5)
         on conflict (code) do nothing",
    )
    .bind(&l.code)
    .bind(aftercare_platform::db::to_text(&l.kind))
    .bind(&l.name)
    .bind(l.technician_id.map(|t| t.to_string()))
    .bind(now)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Every location by code.
pub(crate) async fn locations_all(
    conn: &mut AnyConnection,
) -> Result<Vec<aftercare_contracts::inventory::Location>> {
    let rows: Vec<(String, String, String, Option<String>)> =
        sqlx::query_as("select code, kind, name, technician_id from location order by code")
            .fetch_all(conn)
            .await?;
    rows.into_iter()
        .map(|(code, kind, name, tech)| {
            Ok(aftercare_contracts::inventory::Location {
                code,
                kind: aftercare_platform::db::from_text(&kind)?,
                name,
                technician_id: tech
                    .as_deref()
                    .map(aftercare_platform::db::parse_id)
                    .transpose()?,
            })
        })
        .collect()
}

/// Whether a location is registered.
pub(crate) async fn location_exists(conn: &mut AnyConnection, code: &str) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from location where code = $1")
        .bind(code)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// A part's balances per location.
pub(crate) async fn balances(
    conn: &mut AnyConnection,
    sku: &str,
) -> Result<std::collections::BTreeMap<String, crate::domain::ledger::Balance>> {
    let rows: Vec<(String, i64, i64)> =
        sqlx::query_as("select location, on_hand, reserved from stock where sku = $1")
            .bind(sku)
            .fetch_all(conn)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(l, on_hand, reserved)| (l, crate::domain::ledger::Balance { on_hand, reserved }))
        .collect())
}

/// Books planned entries with the ledger's guards (no balance below zero or below what is
/// reserved); fails, changing nothing, when a guard does not hold.
pub(crate) async fn book(
    uow: &mut UnitOfWork,
    sku: &str,
    entries: &[crate::domain::ledger::Entry],
    reference: &str,
    actor: &str,
    reason: &str,
    now: i64,
) -> Result<()> {
    for e in entries {
        let m = Movement {
            sku,
            location: &e.at,
            kind: e.kind,
            quantity: e.quantity,
            reference,
            actor,
            reason,
        };
        record(uow, &m, now).await?;
    }
    Ok(())
}

/// A part's ledger, newest first; cursor: the last movement id.
pub(crate) async fn movements(
    conn: &mut AnyConnection,
    sku: &str,
    before: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::StockMovement>> {
    let rows: Vec<MovementRow> = sqlx::query_as(
        "select movement_id, sku, location, kind, quantity, reference, actor, reason, at from movement
         where sku = $1 and ($2 = '' or movement_id < $2) order by movement_id desc limit $3",
    )
    .bind(sku)
    .bind(before)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(aftercare_contracts::inventory::StockMovement {
                id: aftercare_platform::db::parse_id(&r.movement_id)?,
                sku: r.sku,
                location: r.location,
                kind: r.kind,
                quantity: r.quantity,
                reference: r.reference,
                actor: r.actor,
                reason: r.reason,
                at: aftercare_platform::from_ms(r.at),
            })
        })
        .collect()
}

#[derive(FromRow)]
struct MovementRow {
    movement_id: String,
    sku: String,
    location: String,
    kind: String,
    quantity: i64,
    reference: String,
    actor: String,
    reason: String,
    at: i64,
}

#[derive(FromRow)]
struct StocktakeRow {
    stocktake_id: String,
    location: String,
    lines: String,
    status: String,
    note: String,
    counted_by: String,
    decided_by: Option<String>,
    created_at: i64,
    version: i64,
}

/// Stores a stocktake.
pub(crate) async fn insert_stocktake(
    uow: &mut UnitOfWork,
    s: &aftercare_contracts::inventory::Stocktake,
) -> Result<()> {
    sqlx::query(
        "insert into stocktake (stocktake_id, location, lines, status, note, counted_by, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, 1)",
    )
    .bind(s.id.to_string())
    .bind(&s.location)
    .bind(serde_json::to_string(&s.lines)?)
    .bind(aftercare_platform::db::to_text(&s.status))
    .bind(&s.note)
    .bind(&s.counted_by)
    .bind(s.created_at.timestamp_millis())
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// One stocktake.
pub(crate) async fn stocktake(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::Stocktake>> {
    let row: Option<StocktakeRow> = sqlx::query_as(
        "select stocktake_id, location, lines, status, note, counted_by, decided_by, created_at, version
         from stocktake where stocktake_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(aftercare_contracts::inventory::Stocktake {
            id: aftercare_platform::db::parse_id(&r.stocktake_id)?,
            location: r.location,
            lines: aftercare_platform::db::from_json(&r.lines)?,
            status: aftercare_platform::db::from_text(&r.status)?,
            note: r.note,
            counted_by: r.counted_by,
            decided_by: r.decided_by,
            created_at: aftercare_platform::from_ms(r.created_at),
            version: r.version,
        })
    })
    .transpose()
}

/// Decides a pending stocktake still at `version`; false when it moved on.
pub(crate) async fn decide_stocktake(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    status: aftercare_contracts::inventory::StocktakeStatus,
    by: &str,
    now: i64,
) -> Result<bool> {
    let done = Guard::new("stocktake", "stocktake_id", id, version)
        .when("status = 'pending_approval'")
        .update(
            uow.conn(),
            "status = $1, decided_by = $2, decided_at = $3",
            |q| {
                q.bind(aftercare_platform::db::to_text(&status))
                    .bind(by)
                    .bind(now)
            },
        )
        .await?;
    Ok(done.is_updated())
}

/// Keeps a meter reading; false when the work order's reading is already kept.
pub(crate) async fn record_reading(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::dispatch::MeterRead,
) -> Result<bool> {
    let n = sqlx::query(
        "insert into meter_reading (work_order_id, brand, serial, model, pages, read_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (work_order_id) do nothing",
    )
    .bind(r.work_order_id.to_string())
    .bind(r.machine.brand.trim())
    .bind(r.machine.serial.trim())
    .bind(r.machine.model.trim())
    .bind(r.reading as i64)
    .bind(r.read_at.timestamp_millis())
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// A machine's readings since `since`, oldest first.
pub(crate) async fn readings(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
    since: i64,
) -> Result<Vec<crate::domain::consumables::Reading>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "select read_at, pages from meter_reading where brand = $1 and serial = $2 and read_at >= $3
         order by read_at",
    )
    .bind(brand)
    .bind(serial)
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, pages)| crate::domain::consumables::Reading {
            at: aftercare_platform::from_ms(at),
            pages: pages.max(0) as u64,
        })
        .collect())
}

/// The last reading of a machine, if any.
pub(crate) async fn last_reading(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
) -> Result<Option<u64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "select pages from meter_reading where brand = $1 and serial = $2 order by read_at desc limit 1",
    )
    .bind(brand)
    .bind(serial)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(p,)| p.max(0) as u64))
}

/// A consumable of the catalogue: SKU, name, page yield.
pub(crate) struct ConsumablePart {
    pub(crate) sku: String,
    pub(crate) name: String,
    pub(crate) page_yield: u32,
}

/// The consumables that fit `model` (case-insensitive).
pub(crate) async fn consumables_for(
    conn: &mut AnyConnection,
    model: &str,
) -> Result<Vec<ConsumablePart>> {
    let rows: Vec<(String, String, Option<i64>, String)> = sqlx::query_as(
        "select sku, name, page_yield, compatible_models from part where category = 'consumable' order by sku",
    )
    .fetch_all(conn)
    .await?;
    let mut out = Vec::new();
    for (sku, name, page_yield, models) in rows {
        let models: Vec<String> = aftercare_platform::db::from_json(&models)?;
        if let Some(y) = page_yield
            && models
                .iter()
                .any(|m| m.trim().eq_ignore_ascii_case(model.trim()))
        {
            out.push(ConsumablePart {
                sku,
                name,
                page_yield: y.clamp(0, i64::from(u32::MAX)) as u32,
            });
        }
    }
    Ok(out)
}

/// Whether a SKU is a consumable.
pub(crate) async fn is_consumable(conn: &mut AnyConnection, sku: &str) -> Result<bool> {
    let n: i64 =
        sqlx::query_scalar("select count(*) from part where sku = $1 and category = 'consumable'")
            .bind(sku)
            .fetch_one(conn)
            .await?;
    Ok(n > 0)
}

/// The page count a consumable was fitted at and the fit already announced, if recorded.
pub(crate) async fn fit(
    conn: &mut AnyConnection,
    brand: &str,
    serial: &str,
    sku: &str,
) -> Result<Option<(u64, Option<String>)>> {
    let row: Option<(i64, Option<String>)> = sqlx::query_as(
        "select pages_at_fit, announced_for from consumable_fit where brand = $1 and serial = $2 and sku = $3",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(p, a)| (p.max(0) as u64, a)))
}

/// Records a consumable fitted at `pages` (a new fit is not announced yet).
pub(crate) async fn fitted(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    sku: &str,
    pages: u64,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "insert into consumable_fit (brand, serial, sku, pages_at_fit, fitted_at) values ($1, $2, $3, $4, $5)
         on conflict (brand, serial, sku) do update set pages_at_fit = excluded.pages_at_fit,
            fitted_at = excluded.fitted_at, announced_for = null",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .bind(pages as i64)
    .bind(at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Marks the run-out of the fit at `pages` announced; false when it already was.
pub(crate) async fn announce(
    uow: &mut UnitOfWork,
    brand: &str,
    serial: &str,
    sku: &str,
    pages: u64,
    at: i64,
) -> Result<bool> {
    let key = pages.to_string();
    let n = sqlx::query(
        "insert into consumable_fit (brand, serial, sku, pages_at_fit, fitted_at, announced_for)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (brand, serial, sku) do update set announced_for = excluded.announced_for
         where consumable_fit.announced_for is null or consumable_fit.announced_for <> excluded.announced_for",
    )
    .bind(brand)
    .bind(serial)
    .bind(sku)
    .bind(pages as i64)
    .bind(at)
    .bind(key)
    .execute(uow.conn())
    .await?
    .rows_affected();
    Ok(n == 1)
}

/// Saves the rule of a part at a location.
pub(crate) async fn save_rule(
    uow: &mut UnitOfWork,
    r: &aftercare_contracts::inventory::StockRule,
) -> Result<()> {
    sqlx::query(
        "insert into stock_rule (sku, location, reorder_point, min_qty, max_qty) values ($1, $2, $3, $4, $5)
         on conflict (sku, location) do update set reorder_point = excluded.reorder_point,
            min_qty = excluded.min_qty, max_qty = excluded.max_qty",
    )
    .bind(&r.sku)
    .bind(&r.location)
    .bind(i64::from(r.reorder_point))
    .bind(i64::from(r.min))
    .bind(i64::from(r.max))
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Every rule (of one part when given).
pub(crate) async fn rules(
    conn: &mut AnyConnection,
    sku: Option<&str>,
) -> Result<Vec<aftercare_contracts::inventory::StockRule>> {
    let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
        "select sku, location, reorder_point, min_qty, max_qty from stock_rule where ($1 = '' or sku = $1)
         order by sku, location",
    )
    .bind(sku.unwrap_or_default())
    .fetch_all(conn)
    .await?;
    let n = |v: i64| v.clamp(0, i64::from(u32::MAX)) as u32;
    Ok(rows
        .into_iter()
        .map(
            |(sku, location, rp, min, max)| aftercare_contracts::inventory::StockRule {
                sku,
                location,
                reorder_point: n(rp),
                min: n(min),
                max: n(max),
            },
        )
        .collect())
}

/// Units available at a location (on hand − reserved) and on order for it.
pub(crate) async fn position(
    conn: &mut AnyConnection,
    sku: &str,
    location: &str,
) -> Result<(i64, i64)> {
    let available: Option<i64> =
        sqlx::query_scalar("select on_hand - reserved from stock where sku = $1 and location = $2")
            .bind(sku)
            .bind(location)
            .fetch_optional(&mut *conn)
            .await?;
    let on_order: i64 = sqlx::query_scalar(
        "select cast(coalesce(sum(quantity), 0) as bigint) from purchase_request
         where sku = $1 and location = $2 and status in ('draft', 'approved', 'ordered')",
    )
    .bind(sku)
    .bind(location)
    .fetch_one(conn)
    .await?;
    Ok((available.unwrap_or(0), on_order))
}

#[derive(FromRow)]
struct PurchaseRow {
    purchase_id: String,
    number: String,
    sku: String,
    location: String,
    quantity: i64,
    reason: String,
    basis: String,
    status: String,
    order_reference: Option<String>,
    created_at: i64,
    version: i64,
}

impl PurchaseRow {
    fn into_request(self) -> Result<aftercare_contracts::inventory::PurchaseRequest> {
        Ok(aftercare_contracts::inventory::PurchaseRequest {
            id: aftercare_platform::db::parse_id(&self.purchase_id)?,
            number: self.number,
            sku: self.sku,
            location: self.location,
            quantity: self.quantity.clamp(0, i64::from(u32::MAX)) as u32,
            reason: aftercare_platform::db::from_text(&self.reason)?,
            basis: self.basis,
            status: aftercare_platform::db::from_text(&self.status)?,
            order_reference: self.order_reference,
            created_at: aftercare_platform::from_ms(self.created_at),
            version: self.version,
        })
    }
}

const PURCHASE: &str =
    "select purchase_id, number, sku, location, quantity, reason, basis, status, order_reference,
    created_at, version from purchase_request";

/// Stores a new purchase request with the next gapless number of its local year.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn insert_purchase(
    uow: &mut UnitOfWork,
    sku: &str,
    location: &str,
    quantity: u32,
    reason: aftercare_contracts::inventory::PurchaseReason,
    basis: &str,
    calendar: &aftercare_calendar::BusinessCalendar,
    now: i64,
) -> Result<aftercare_contracts::inventory::PurchaseRequest> {
    let number = uow
        .next_number(
            &crate::domain::numbering::PURCHASE,
            calendar,
            aftercare_platform::from_ms(now),
        )
        .await?;
    let id = Uuid::now_v7();
    sqlx::query(
        "insert into purchase_request (purchase_id, number, sku, location, quantity, reason, basis, status, created_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, 1)",
    )
    .bind(id.to_string())
    .bind(&number)
    .bind(sku)
    .bind(location)
    .bind(i64::from(quantity))
    .bind(aftercare_platform::db::to_text(&reason))
    .bind(basis)
    .bind(now)
    .execute(uow.conn())
    .await?;
    purchase(uow.conn(), &id.to_string())
        .await?
        .ok_or_else(|| aftercare_platform::Error::Config("purchase request vanished".into()))
}

/// A purchase request by id or number.
pub(crate) async fn purchase(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::PurchaseRequest>> {
    let row: Option<PurchaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PURCHASE} where purchase_id = $1 or number = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(PurchaseRow::into_request).transpose()
}

/// A page of purchase requests by id.
pub(crate) async fn purchases(
    conn: &mut AnyConnection,
    status: Option<aftercare_contracts::inventory::PurchaseStatus>,
    after: &str,
    limit: i64,
) -> Result<Vec<aftercare_contracts::inventory::PurchaseRequest>> {
    let rows: Vec<PurchaseRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PURCHASE} where ($1 = '' or status = $1) and purchase_id > $2 order by purchase_id limit $3"
    )))
    .bind(status.map(|s| aftercare_platform::db::to_text(&s)).unwrap_or_default())
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(PurchaseRow::into_request).collect()
}

/// Moves a purchase request still at `version`; false when it moved on.
pub(crate) async fn move_purchase(
    uow: &mut UnitOfWork,
    id: Uuid,
    version: i64,
    to: aftercare_contracts::inventory::PurchaseStatus,
    reference: Option<&str>,
) -> Result<bool> {
    let done = Guard::new("purchase_request", "purchase_id", id, version)
        .update(
            uow.conn(),
            "status = $1, order_reference = coalesce($2, order_reference)",
            |q| q.bind(aftercare_platform::db::to_text(&to)).bind(reference),
        )
        .await?;
    Ok(done.is_updated())
}

/// Consumption per part and month (`YYYY-MM`, UTC) since `since`.
pub(crate) async fn monthly_consumption(
    conn: &mut AnyConnection,
    since: i64,
) -> Result<Vec<(String, i64, i64)>> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "select sku, at, -quantity from movement where kind = 'consumption' and at >= $1 order by at",
    )
    .bind(since)
    .fetch_all(conn)
    .await?;
    Ok(rows)
}

/// Every SKU with a reorder rule or stock.
pub(crate) async fn stocked_skus(conn: &mut AnyConnection) -> Result<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select sku from stock_rule union select sku from stock order by 1")
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(s,)| s).collect())
}

/// Stores a forecast plan (a new version replaces the body).
pub(crate) async fn save_plan(
    uow: &mut UnitOfWork,
    p: &aftercare_contracts::inventory::ForecastPlan,
    expected: Option<i64>,
) -> Result<bool> {
    let body = serde_json::to_string(p)?;
    let n = match expected {
        None => sqlx::query(
            "insert into forecast_plan (plan_id, body, status, created_at, version) values ($1, $2, $3, $4, $5)",
        )
        .bind(p.id.to_string())
        .bind(body)
        .bind(aftercare_platform::db::to_text(&p.status))
        .bind(p.created_at.timestamp_millis())
        .bind(p.version)
        .execute(uow.conn())
        .await?
        .rows_affected(),
        Some(v) => sqlx::query(
            "update forecast_plan set body = $1, status = $2, version = $3 where plan_id = $4 and version = $5",
        )
        .bind(body)
        .bind(aftercare_platform::db::to_text(&p.status))
        .bind(p.version)
        .bind(p.id.to_string())
        .bind(v)
        .execute(uow.conn())
        .await?
        .rows_affected(),
    };
    Ok(n == 1)
}

/// A forecast plan.
pub(crate) async fn plan(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<aftercare_contracts::inventory::ForecastPlan>> {
    let row: Option<(String,)> =
        sqlx::query_as("select body from forecast_plan where plan_id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(|(b,)| aftercare_platform::db::from_json(&b))
        .transpose()
}

/// Records the units of a part used on a visit, with the model and the fault.
pub(crate) async fn record_usage(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    sku: &str,
    quantity: u32,
    model: &str,
    fault: &str,
    at: i64,
) -> Result<()> {
    sqlx::query(
        "insert into part_usage (work_order_id, sku, quantity, model, fault, used_at) values ($1, $2, $3, $4, $5, $6)
         on conflict (work_order_id, sku) do nothing",
    )
    .bind(work_order_id.to_string())
    .bind(sku)
    .bind(i64::from(quantity))
    .bind(model)
    .bind(fault)
    .bind(at)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Every part with stock on hand, cost, use in `[from, to)` and rating.
pub(crate) async fn stock_facts(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<(String, String, i64, Option<i64>, i64, i64)>> {
    #[derive(FromRow)]
    struct Row {
        sku: String,
        name: String,
        on_hand: i64,
        unit_cost_minor: Option<i64>,
        used: i64,
        failure_prone: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "select p.sku, p.name,
            cast(coalesce((select sum(s.on_hand) from stock s where s.sku = p.sku), 0) as bigint) as on_hand,
            p.unit_cost_minor,
            cast(coalesce((select -sum(m.quantity) from movement m where m.sku = p.sku and m.kind = 'consumption'
                and m.at >= $1 and m.at < $2), 0) as bigint) as used,
            p.failure_prone
         from part p order by p.sku",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.sku,
                r.name,
                r.on_hand,
                r.unit_cost_minor,
                r.used,
                r.failure_prone,
            )
        })
        .collect())
}

/// Units and visits per model, fault and part in `[from, to)`, most used first.
pub(crate) async fn usage(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<aftercare_contracts::inventory::UsageLine>> {
    let rows: Vec<(String, String, String, i64, i64)> = sqlx::query_as(
        "select model, fault, sku, cast(sum(quantity) as bigint), count(*) from part_usage
         where used_at >= $1 and used_at < $2 group by model, fault, sku
         order by 4 desc, 1, 2, 3",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(model, fault, sku, quantity, visits)| aftercare_contracts::inventory::UsageLine {
                model,
                fault,
                sku,
                quantity,
                visits,
            },
        )
        .collect())
}

/// Releases every unit still held for a work order and calls off its open backorders;
/// returns the units released.
pub(crate) async fn release_work_order(
    uow: &mut UnitOfWork,
    work_order_id: Uuid,
    now: i64,
) -> Result<i64> {
    let held: Vec<(String, String, String, i64)> = sqlx::query_as(
        "select reservation_id, sku, location, quantity from reservation
         where work_order_id = $1 and status = 'reserved' order by created_at",
    )
    .bind(work_order_id.to_string())
    .fetch_all(uow.conn())
    .await?;
    let mut released = 0;
    for (id, sku, location, quantity) in held {
        sqlx::query(
            "update stock set reserved = reserved - $3 where sku = $1 and location = $2 and reserved >= $3",
        )
        .bind(&sku)
        .bind(&location)
        .bind(quantity)
        .execute(uow.conn())
        .await?;
        sqlx::query(
            "update reservation set status = 'released', closed_at = $1 where reservation_id = $2",
        )
        .bind(now)
        .bind(&id)
        .execute(uow.conn())
        .await?;
        released += quantity;
    }
    sqlx::query(
        "update backorder set status = 'cancelled', fulfilled_at = $1 where work_order_id = $2 and status = 'open'",
    )
    .bind(now)
    .bind(work_order_id.to_string())
    .execute(uow.conn())
    .await?;
    Ok(released)
}
