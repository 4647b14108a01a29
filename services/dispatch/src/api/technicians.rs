//! Technicians: profiles (skills, certificates, team, shift, start position, van) and
//! leave; and how long their visits take (duration defaults by kind of work and model).
use aftercare_contracts::dispatch::{
    AddLeave, CreateTechnician, DurationDefaults, GetDurationDefaults, GetTechnician, Leave,
    ListTechnicians, ReplaceDurationDefaults, Technician, UpdateTechnician,
};
use aftercare_contracts::rpc::{Page, check_limit, check_text};
use aftercare_contracts::{FieldError, ServiceError};
use aftercare_platform::rpc::{Endpoints, RequestContext};

use super::State;
use aftercare_platform::now_ms;
use uuid::Uuid;

use crate::domain::{default_shift, validate_durations, validate_technician};
use crate::store::technicians as store;

pub(super) fn register(endpoints: Endpoints<State>) -> Endpoints<State> {
    endpoints
        .on::<CreateTechnician, _>(create)
        .on::<GetTechnician, _>(get)
        .on::<ListTechnicians, _>(list)
        .on::<UpdateTechnician, _>(update)
        .on::<AddLeave, _>(add_leave)
        .on::<GetDurationDefaults, _>(durations)
        .on::<ReplaceDurationDefaults, _>(replace_durations)
}

/// A technician from a checked profile.
fn profile(id: Uuid, req: &CreateTechnician, active: bool, version: i64) -> Technician {
    let (start, end) = default_shift();
    Technician {
        id,
        name: req.name.trim().to_owned(),
        district: req.district.trim().to_owned(),
        skills: req.skills.iter().map(|s| s.trim().to_lowercase()).collect(),
        daily_capacity: req.daily_capacity,
        team: req
            .team
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(req.district.trim())
            .to_owned(),
        certifications: req
            .certifications
            .iter()
            .map(|c| aftercare_contracts::dispatch::Certification {
                skill: c.skill.trim().to_lowercase(),
                expires_on: c.expires_on,
            })
            .collect(),
        start_location: req.start_location,
        shift_start: req.shift_start.unwrap_or(start),
        shift_end: req.shift_end.unwrap_or(end),
        van_location: req.van_location.as_deref().map(|v| v.trim().to_owned()),
        leave: vec![],
        active,
        version,
    }
}

async fn create(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: CreateTechnician,
) -> Result<Technician, ServiceError> {
    let errors = validate_technician(&req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let t = profile(Uuid::now_v7(), &req, true, 1);
    let mut uow = db.begin().await?;
    store::insert(&mut uow, &t, now_ms()).await?;
    uow.commit().await?;
    Ok(t)
}

async fn get(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: GetTechnician,
) -> Result<Technician, ServiceError> {
    let mut conn = db.read_conn().await?;
    store::get(&mut conn, req.id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.id))
}

async fn list(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: ListTechnicians,
) -> Result<Page<Technician>, ServiceError> {
    check_limit(req.limit)?;
    let mut conn = db.read_conn().await?;
    let items = store::list(
        &mut conn,
        req.district.as_deref().map(str::trim),
        req.team.as_deref().map(str::trim),
        req.cursor.as_deref().unwrap_or(""),
        i64::from(req.limit),
    )
    .await?;
    Ok(Page::of(items, req.limit, |t| t.id.to_string()))
}

async fn update(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: UpdateTechnician,
) -> Result<Technician, ServiceError> {
    let p = req.profile();
    let errors = validate_technician(&p);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let current = store::get(uow.conn(), req.technician_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.technician_id))?;
    if current.version != req.expected_version {
        return Err(ServiceError::stale(format!(
            "technician {} is at version {}, not {}",
            current.name, current.version, req.expected_version
        )));
    }
    let t = profile(current.id, &p, req.active, current.version);
    if !store::update(&mut uow, &t, current.version).await? {
        return Err(ServiceError::stale("the technician was changed meanwhile"));
    }
    let updated = store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(updated)
}

async fn add_leave(
    State { db, .. }: State,
    _ctx: RequestContext,
    req: AddLeave,
) -> Result<Technician, ServiceError> {
    let mut e: Vec<FieldError> = Vec::new();
    if req.to < req.from {
        e.push(FieldError {
            field: "to".into(),
            code: "before_from".into(),
            message: "to must not be before from".into(),
        });
    } else if (req.to - req.from).num_days() > 366 {
        e.push(FieldError {
            field: "to".into(),
            code: "out_of_range".into(),
            message: "leave is recorded a year at a time at most".into(),
        });
    }
    if !req.reason.is_empty() {
        check_text(&mut e, "reason", &req.reason, 1, 200);
    }
    if !e.is_empty() {
        return Err(ServiceError::validation(e));
    }
    let mut uow = db.begin().await?;
    let t = store::get(uow.conn(), req.technician_id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("technician", &req.technician_id))?;
    let leave = Leave {
        from: req.from,
        to: req.to,
        reason: req.reason.trim().to_owned(),
    };
    store::add_leave(&mut uow, t.id, &leave, now_ms()).await?;
    let updated = store::get(uow.conn(), &t.id.to_string())
        .await?
        .ok_or_else(ServiceError::internal)?;
    uow.commit().await?;
    Ok(updated)
}

async fn durations(
    State { db, .. }: State,
    _ctx: RequestContext,
    _req: GetDurationDefaults,
) -> Result<DurationDefaults, ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(match crate::store::duration_rules(&mut conn).await? {
        Some((rules, version)) => DurationDefaults { rules, version },
        None => DurationDefaults {
            rules: vec![],
            version: 0,
        },
    })
}

async fn replace_durations(
    State { db, .. }: State,
    ctx: RequestContext,
    req: ReplaceDurationDefaults,
) -> Result<DurationDefaults, ServiceError> {
    let errors = validate_durations(&req.rules);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut uow = db.begin().await?;
    let current = crate::store::duration_rules(uow.conn())
        .await?
        .map(|(_, v)| v)
        .unwrap_or(0);
    if current != req.expected_version {
        return Err(ServiceError::stale(format!(
            "the duration defaults are at version {current}, not {}",
            req.expected_version
        )));
    }
    let rules: Vec<_> = req
        .rules
        .into_iter()
        .map(|mut r| {
            r.model = r.model.map(|m| m.trim().to_owned());
            r
        })
        .collect();
    let by = ctx
        .actor
        .as_ref()
        .map(|a| a.user_id.as_str())
        .unwrap_or("anonymous");
    if !crate::store::save_duration_rules(&mut uow, &rules, current + 1, by, now_ms()).await? {
        return Err(ServiceError::stale(
            "the duration defaults were replaced meanwhile",
        ));
    }
    uow.commit().await?;
    Ok(DurationDefaults {
        rules,
        version: current + 1,
    })
}
