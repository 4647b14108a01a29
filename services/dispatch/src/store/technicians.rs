//! Technicians and their leave.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{Certification, Leave, Technician};
use aftercare_contracts::intake::GeoPoint;
use aftercare_platform::db::{Guard, from_json, parse_id};
use aftercare_platform::{Result, UnitOfWork, from_ms};
use chrono::{NaiveDate, NaiveTime};
use sqlx::{AnyConnection, FromRow};
use uuid::Uuid;

use crate::domain::assignment::Candidate;
use crate::domain::capacity::{self, OpenOrder};

/// Stores a new technician.
pub(crate) async fn insert(uow: &mut UnitOfWork, t: &Technician, now: i64) -> Result<()> {
    sqlx::query(
        "insert into technician (technician_id, name, district, skills, daily_capacity, team, certifications,
            start_lat, start_lon, shift_start, shift_end, van_location, active, version, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, 1, $13)",
    )
    .bind(t.id.to_string())
    .bind(&t.name)
    .bind(&t.district)
    .bind(serde_json::to_string(&t.skills)?)
    .bind(i64::from(t.daily_capacity))
    .bind(&t.team)
    .bind(serde_json::to_string(&t.certifications)?)
    .bind(t.start_location.map(|p| p.lat))
    .bind(t.start_location.map(|p| p.lon))
    .bind(t.shift_start.format("%H:%M").to_string())
    .bind(t.shift_end.format("%H:%M").to_string())
    .bind(t.van_location.as_deref())
    .bind(now)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Replaces a technician's profile if still at `version`; false when it moved on. Made
/// inactive, the moment is kept (the first, while inactive); made active, it is cleared.
pub(crate) async fn update(uow: &mut UnitOfWork, t: &Technician, version: i64) -> Result<bool> {
    let now = uow.now_ms();
    let skills = serde_json::to_string(&t.skills)?;
    let certifications = serde_json::to_string(&t.certifications)?;
    let done = Guard::new("technician", "technician_id", t.id, version)
        .update(
            uow.conn(),
            "name = $1, district = $2, skills = $3, daily_capacity = $4, team = $5,
            certifications = $6, start_lat = $7, start_lon = $8, shift_start = $9, shift_end = $10,
            van_location = $11, active = $12,
            deactivated_at = case when $12 = 0 then coalesce(deactivated_at, $13) end",
            |q| {
                q.bind(&t.name)
                    .bind(&t.district)
                    .bind(skills)
                    .bind(i64::from(t.daily_capacity))
                    .bind(&t.team)
                    .bind(certifications)
                    .bind(t.start_location.map(|p| p.lat))
                    .bind(t.start_location.map(|p| p.lon))
                    .bind(t.shift_start.format("%H:%M").to_string())
                    .bind(t.shift_end.format("%H:%M").to_string())
                    .bind(t.van_location.as_deref())
                    .bind(i32::from(t.active))
                    .bind(now)
            },
        )
        .await?;
    Ok(done.is_updated())
}

/// Records leave and bumps the technician's version.
pub(crate) async fn add_leave(uow: &mut UnitOfWork, id: Uuid, l: &Leave, now: i64) -> Result<()> {
    sqlx::query(
        "insert into technician_leave (technician_id, from_day, to_day, reason, created_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(l.from.to_string())
    .bind(l.to.to_string())
    .bind(&l.reason)
    .bind(now)
    .execute(uow.conn())
    .await?;
    sqlx::query("update technician set version = version + 1 where technician_id = $1")
        .bind(id.to_string())
        .execute(uow.conn())
        .await?;
    Ok(())
}

#[derive(FromRow)]
struct Row {
    technician_id: String,
    name: String,
    district: String,
    skills: String,
    daily_capacity: i64,
    team: String,
    certifications: String,
    start_lat: Option<f64>,
    start_lon: Option<f64>,
    shift_start: String,
    shift_end: String,
    van_location: Option<String>,
    active: i64,
    version: i64,
}

const COLUMNS: &str =
    "technician_id, name, district, skills, daily_capacity, team, certifications, start_lat,
    start_lon, shift_start, shift_end, van_location, active, version from technician";

fn time(text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text, "%H:%M")
        .map_err(|e| aftercare_platform::Error::corrupt("shift time", text, e))
}

fn day(text: &str) -> Result<NaiveDate> {
    aftercare_platform::db::parse_stored("day", text)
}

impl Row {
    fn into_technician(self, leave: Vec<Leave>) -> Result<Technician> {
        Ok(Technician {
            id: parse_id(&self.technician_id)?,
            name: self.name,
            district: self.district,
            skills: from_json(&self.skills)?,
            daily_capacity: self.daily_capacity.clamp(0, 1000) as u32,
            team: self.team,
            certifications: from_json::<Vec<Certification>>(&self.certifications)?,
            start_location: self
                .start_lat
                .zip(self.start_lon)
                .map(|(lat, lon)| GeoPoint { lat, lon }),
            shift_start: time(&self.shift_start)?,
            shift_end: time(&self.shift_end)?,
            van_location: self.van_location,
            leave,
            active: self.active != 0,
            version: self.version,
        })
    }
}

async fn leave_of(conn: &mut AnyConnection, id: &str) -> Result<Vec<Leave>> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select from_day, to_day, reason from technician_leave where technician_id = $1 order by from_day desc",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(f, t, reason)| {
            Ok(Leave {
                from: day(&f)?,
                to: day(&t)?,
                reason,
            })
        })
        .collect()
}

/// One technician with their leave.
pub(crate) async fn get(conn: &mut AnyConnection, id: &str) -> Result<Option<Technician>> {
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} where technician_id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => {
            let leave = leave_of(conn, &r.technician_id).await?;
            Ok(Some(r.into_technician(leave)?))
        }
        None => Ok(None),
    }
}

/// A page of technicians by id.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    district: Option<&str>,
    team: Option<&str>,
    after: &str,
    limit: i64,
) -> Result<Vec<Technician>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} where ($1 = '' or district = $1) and ($2 = '' or team = $2) and technician_id > $3
         order by technician_id limit $4"
    )))
    .bind(district.unwrap_or_default())
    .bind(team.unwrap_or_default())
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let leave = leave_of(conn, &r.technician_id).await?;
        out.push(r.into_technician(leave)?);
    }
    Ok(out)
}

/// Active technicians as assignment sees them on the local day `day`: their load that day
/// (the open work orders planned for it, [`capacity::load_on`]) and leave.
pub(crate) async fn candidates(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    day: NaiveDate,
) -> Result<Vec<Candidate>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} where active = 1 order by technician_id"
    )))
    .fetch_all(&mut *conn)
    .await?;
    with_load(conn, calendar, day, rows).await
}

/// The technicians active at some time of the local day `day` (from `start` to `end`,
/// epoch ms): added before its end and not made inactive before its start. Today that is
/// today's active technicians and whoever was made inactive today; a past day, the
/// technicians of that day, not those added since.
pub(crate) async fn active_on(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    day: NaiveDate,
    (start, end): (i64, i64),
) -> Result<Vec<Candidate>> {
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} where created_at < $1
           and (active = 1 or deactivated_at >= $2)
         order by technician_id"
    )))
    .bind(end)
    .bind(start)
    .fetch_all(&mut *conn)
    .await?;
    with_load(conn, calendar, day, rows).await
}

/// Technicians' rows as assignment sees them on `day`: their load and leave.
async fn with_load(
    conn: &mut AnyConnection,
    calendar: &BusinessCalendar,
    day: NaiveDate,
    rows: Vec<Row>,
) -> Result<Vec<Candidate>> {
    let open: Vec<(String, Option<i64>, Option<i64>, i64)> = sqlx::query_as(
        "select w.technician_id, w.appointment_start, w.planned_arrival,
                coalesce((select max(h.at) from work_order_history h
                          where h.work_order_id = w.work_order_id and h.to_status = 'assigned'),
                         w.created_at)
         from work_order w
         where w.status in ('assigned', 'accepted', 'en_route', 'on_site') and w.technician_id is not null",
    )
    .fetch_all(&mut *conn)
    .await?;
    let away: Vec<(String,)> = sqlx::query_as(
        "select distinct technician_id from technician_leave where from_day <= $1 and to_day >= $1",
    )
    .bind(day.to_string())
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            let id = r.technician_id.clone();
            let theirs: Vec<OpenOrder> = open
                .iter()
                .filter(|(t, ..)| *t == id)
                .map(|(_, appointment, arrival, assigned)| OpenOrder {
                    appointment_start: appointment.map(from_ms),
                    planned_arrival: arrival.map(from_ms),
                    assigned_at: from_ms(*assigned),
                })
                .collect();
            let on_leave = away.iter().any(|(t,)| *t == id);
            let t = r.into_technician(vec![])?;
            Ok(Candidate {
                id: t.id,
                name: t.name,
                district: t.district,
                skills: t.skills.iter().map(|s| s.to_lowercase()).collect(),
                certifications: t.certifications,
                daily_capacity: t.daily_capacity,
                day_orders: capacity::load_on(&theirs, day, calendar),
                on_leave,
                shift: (t.shift_start, t.shift_end),
                start: t.start_location,
            })
        })
        .collect()
}

/// A technician's name and team, as completion events print them.
pub(crate) async fn name_and_team(
    conn: &mut AnyConnection,
    technician_id: Uuid,
) -> Result<(String, String)> {
    let row: Option<(String, String)> =
        sqlx::query_as("select name, team from technician where technician_id = $1")
            .bind(technician_id.to_string())
            .fetch_optional(conn)
            .await?;
    Ok(row.unwrap_or_default())
}
