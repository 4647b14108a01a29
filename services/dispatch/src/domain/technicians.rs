//! Technicians: what a profile holds (skills and certificates in lower case, the team
//! defaulting to the district, the default shift) and what leave may be recorded.
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{
    AddLeave, Certification, CreateTechnician, Technician, limits,
};
use aftercare_contracts::rpc::check_text;
use chrono::NaiveTime;
use uuid::Uuid;

use super::err;

/// Default shift: technicians leave by 08:50 and are back by 17:30.
pub fn default_shift() -> (NaiveTime, NaiveTime) {
    (
        NaiveTime::from_hms_opt(8, 50, 0).unwrap_or(NaiveTime::MIN),
        NaiveTime::from_hms_opt(17, 30, 0).unwrap_or(NaiveTime::MIN),
    )
}

/// Problems with a technician's profile.
pub fn validate_technician(req: &CreateTechnician) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::NAME.check(&mut e, "name", &req.name);
    limits::CODE.check(&mut e, "district", &req.district);
    if !limits::SKILLS.allows(req.skills.len()) {
        e.push(err("skills", "too_many", "at most 50 skills"));
    }
    for (i, s) in req.skills.iter().enumerate() {
        limits::SKILL.0.check(&mut e, &format!("skills[{i}]"), s);
    }
    limits::DAILY_CAPACITY.check(&mut e, "daily_capacity", req.daily_capacity);
    if let Some(team) = &req.team {
        limits::CODE.check(&mut e, "team", team);
    }
    if !limits::SKILLS.allows(req.certifications.len()) {
        e.push(err("certifications", "too_many", "at most 50 certificates"));
    }
    for (i, c) in req.certifications.iter().enumerate() {
        limits::CERTIFICATE.check(&mut e, &format!("certifications[{i}].skill"), &c.skill);
    }
    if let Some(p) = req.start_location
        && !(aftercare_contracts::intake::limits::LATITUDE.holds(p.lat)
            && aftercare_contracts::intake::limits::LONGITUDE.holds(p.lon))
    {
        e.push(err(
            "start_location",
            "out_of_range",
            "lat must be -90..90 and lon -180..180",
        ));
    }
    let (start, end) = default_shift();
    if req.shift_end.unwrap_or(end) <= req.shift_start.unwrap_or(start) {
        e.push(err(
            "shift_end",
            "before_start",
            "the shift must end after it starts",
        ));
    }
    if let Some(v) = &req.van_location {
        limits::CODE.check(&mut e, "van_location", v);
    }
    e
}

/// The technician a checked profile describes, as stored: names trimmed, skills and
/// certificates in lower case, the team defaulting to the district, the default shift
/// where none is given; leave is kept apart.
pub fn profile(id: Uuid, req: &CreateTechnician, active: bool, version: i64) -> Technician {
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
            .map(|c| Certification {
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

/// Problems with leave to record: it ends on or after its first day, lasts at most a
/// year, and a reason, when given, is at most 200 characters.
pub fn validate_leave(req: &AddLeave) -> Vec<FieldError> {
    let mut e: Vec<FieldError> = Vec::new();
    if req.to < req.from {
        e.push(err("to", "before_from", "to must not be before from"));
    } else if (req.to - req.from).num_days() > 366 {
        e.push(err(
            "to",
            "out_of_range",
            "leave is recorded a year at a time at most",
        ));
    }
    if !req.reason.is_empty() {
        check_text(&mut e, "reason", &req.reason, 1, 200);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn fields(e: Vec<FieldError>) -> Vec<(String, String)> {
        e.into_iter().map(|x| (x.field, x.code)).collect()
    }

    #[test]
    fn technicians_shifts_and_positions_are_checked() {
        let mut t = CreateTechnician {
            name: "Li".into(),
            district: "tianhe".into(),
            skills: vec!["copier".into()],
            daily_capacity: 8,
            team: None,
            certifications: vec![],
            start_location: Some(aftercare_contracts::intake::GeoPoint {
                lat: 123.0,
                lon: 0.0,
            }),
            shift_start: NaiveTime::from_hms_opt(18, 0, 0),
            shift_end: None,
            van_location: None,
        };
        assert_eq!(
            fields(validate_technician(&t)),
            [
                ("start_location".to_owned(), "out_of_range".to_owned()),
                ("shift_end".to_owned(), "before_start".to_owned())
            ]
        );
        t.start_location = None;
        t.shift_start = None;
        assert!(validate_technician(&t).is_empty());
    }

    fn request() -> CreateTechnician {
        CreateTechnician {
            name: " Li Lei ".into(),
            district: " tianhe ".into(),
            skills: vec![" Copier".into(), "SHARP".into()],
            daily_capacity: 8,
            team: Some("  ".into()),
            certifications: vec![aftercare_contracts::dispatch::Certification {
                skill: " Copier ".into(),
                expires_on: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
            }],
            start_location: None,
            shift_start: None,
            shift_end: NaiveTime::from_hms_opt(18, 0, 0),
            van_location: Some(" V-7 ".into()),
        }
    }

    #[test]
    fn a_profile_is_stored_trimmed_in_lower_case_with_the_district_as_team() {
        let t = profile(Uuid::nil(), &request(), true, 3);
        assert_eq!((t.name.as_str(), t.district.as_str()), ("Li Lei", "tianhe"));
        assert_eq!(t.skills, ["copier", "sharp"]);
        assert_eq!(t.certifications[0].skill, "copier");
        assert_eq!(t.team, "tianhe");
        assert_eq!(t.van_location.as_deref(), Some("V-7"));
        assert_eq!(t.shift_start, default_shift().0);
        assert_eq!(
            t.shift_end,
            NaiveTime::from_hms_opt(18, 0, 0).expect("time")
        );
        assert!(t.active && t.leave.is_empty());
        assert_eq!(t.version, 3);
        let mut named = request();
        named.team = Some(" north ".into());
        assert_eq!(profile(Uuid::nil(), &named, false, 1).team, "north");
    }

    #[test]
    fn leave_runs_forwards_for_at_most_a_year() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        let leave = |from, to, reason: &str| AddLeave {
            technician_id: "t".into(),
            from,
            to,
            reason: reason.into(),
        };
        assert!(validate_leave(&leave(d(11, 24), d(11, 24), "")).is_empty());
        assert_eq!(
            fields(validate_leave(&leave(d(11, 24), d(11, 23), ""))),
            [("to".to_owned(), "before_from".to_owned())]
        );
        let next_year = NaiveDate::from_ymd_opt(2027, 11, 26).expect("date");
        assert_eq!(
            fields(validate_leave(&leave(d(11, 24), next_year, ""))),
            [("to".to_owned(), "out_of_range".to_owned())]
        );
        assert_eq!(
            fields(validate_leave(&leave(
                d(11, 24),
                d(11, 25),
                &"x".repeat(201)
            ))),
            [("reason".to_owned(), "too_long".to_owned())]
        );
    }
}
