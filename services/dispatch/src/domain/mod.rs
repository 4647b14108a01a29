//! Dispatch's rules, free of I/O: how a technician is chosen for a work order
//! ([`assignment`]), what fills a technician's daily capacity ([`capacity`]), how a day's work orders become routes ([`plan`]), what a technician's
//! profile and leave hold ([`technicians`]), what inventory's answers do to a work order
//! ([`parts`]), maintenance plans ([`maintenance`]), the history and report views
//! ([`history`], [`report`]), how work orders are numbered ([`numbering`]), the
//! customer's consent and the report's attachments ([`consent`]), the company's fault
//! list ([`faults`]), workshop jobs and their states ([`workshop`]); here, which
//! moves a work order may make, what kind of work a ticket asks for, how long it takes,
//! and what a visit report must hold.
pub mod assignment;
pub mod capacity;
pub mod consent;
pub mod divide;
pub mod faults;
pub mod history;
pub mod maintenance;
pub mod numbering;
pub mod parts;
pub mod plan;
pub mod register;
pub mod report;
pub mod settings;
pub mod technicians;
pub mod workshop;

#[cfg(test)]
mod schema_limits;

use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, DurationRule, PartUsed, TimeWindow, VisitOutcome, WorkOrderStatus, WorkType,
    limits,
};
use aftercare_contracts::intake::TicketType;
use chrono::{DateTime, Utc};

/// The kind of work a ticket asks for: maintenance and installation as such, a return as
/// training (the customer is shown the machine again), anything else a repair.
pub fn work_type_for(t: TicketType) -> WorkType {
    match t {
        TicketType::Maintenance => WorkType::Maintenance,
        TicketType::Installation => WorkType::Installation,
        TicketType::Return => WorkType::Training,
        _ => WorkType::Repair,
    }
}

/// Duration rules as stored: model names trimmed.
pub fn normalise_durations(rules: Vec<DurationRule>) -> Vec<DurationRule> {
    rules
        .into_iter()
        .map(|mut r| {
            r.model = r.model.map(|m| m.trim().to_owned());
            r
        })
        .collect()
}

/// The minutes a new work order is expected to take: the rule for its kind and model,
/// else the rule for its kind, else the built-in figure.
pub fn estimate(
    rules: &[aftercare_contracts::dispatch::DurationRule],
    work: WorkType,
    model: Option<&str>,
) -> u32 {
    let for_model = model.and_then(|m| {
        rules.iter().find(|r| {
            r.work_type == work
                && r.model
                    .as_deref()
                    .is_some_and(|x| x.trim().eq_ignore_ascii_case(m.trim()))
        })
    });
    for_model
        .or_else(|| {
            rules
                .iter()
                .find(|r| r.work_type == work && r.model.is_none())
        })
        .map(|r| r.minutes)
        .unwrap_or_else(|| default_minutes(work))
}

/// Problems with duration rules: 5–720 minutes, one rule per kind and model.
pub fn validate_durations(
    rules: &[aftercare_contracts::dispatch::DurationRule],
) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::DURATION_RULES.allows(rules.len()) {
        e.push(err("rules", "too_many", "at most 500 rules"));
    }
    for (i, r) in rules.iter().enumerate() {
        limits::MINUTES.check(&mut e, &format!("rules[{i}].minutes"), r.minutes);
        if let Some(m) = &r.model {
            limits::RULE_MODEL.check(&mut e, &format!("rules[{i}].model"), m);
        }
        let key = |x: &aftercare_contracts::dispatch::DurationRule| {
            (
                x.work_type,
                x.model.as_deref().map(|m| m.trim().to_lowercase()),
            )
        };
        if rules[..i].iter().any(|o| key(o) == key(r)) {
            e.push(err(
                &format!("rules[{i}]"),
                "duplicate",
                "one rule per kind of work and model",
            ));
        }
    }
    e
}

/// Expected minutes on site by kind of work, until the company records better figures.
pub fn default_minutes(work: WorkType) -> u32 {
    match work {
        WorkType::Repair => 90,
        WorkType::Maintenance => 60,
        WorkType::Installation => 120,
        WorkType::Training => 60,
    }
}

/// A problem with one field, for the checks here and in the submodules.
pub(crate) fn err(field: &str, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Whether a fault code is well formed: 1–64 of `[a-z0-9_]` ([`limits::FAULT`]).
pub fn valid_fault_code(code: &str) -> bool {
    (limits::FAULT.matches)(code)
}

/// How far ahead of the server's clock a step's `occurred_at` may be: phones' clocks drift.
pub const STEP_CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;

/// How long before the server's clock a step's `occurred_at` may be: a day offline in a
/// basement, the night, and a morning before the phone finds signal again.
pub const STEP_MAX_DELAY_MS: i64 = 72 * 3600 * 1000;

/// When a technician's step happened, in epoch milliseconds: the phone's `occurred_at`
/// when it lies between the work order's creation and the server's clock (with the skew
/// above, in the future, and the delay, in the past), else a problem naming the field;
/// the server's clock when the phone sent none.
pub fn step_time(
    now_ms: i64,
    occurred: Option<DateTime<Utc>>,
    created_ms: i64,
) -> Result<i64, FieldError> {
    let Some(at) = occurred else {
        return Ok(now_ms);
    };
    let at = at.timestamp_millis();
    if at > now_ms + STEP_CLOCK_SKEW_MS {
        return Err(err(
            "occurred_at",
            "in_future",
            "occurred_at must not be more than 5 minutes after the server's time",
        ));
    }
    if at < now_ms - STEP_MAX_DELAY_MS {
        return Err(err(
            "occurred_at",
            "too_old",
            "occurred_at must not be more than 72 hours before the server's time",
        ));
    }
    if at < created_ms {
        return Err(err(
            "occurred_at",
            "before_created",
            "occurred_at must not be before the work order was created",
        ));
    }
    Ok(at.min(now_ms))
}

/// Largest signature image, base64 characters (48 KiB of PNG).
pub const MAX_SIGNATURE: usize = limits::SIGNATURE_IMAGE.max;

/// Problems with a visit report.
pub fn validate_completion(req: &CompleteWorkOrder) -> Vec<FieldError> {
    let mut e = Vec::new();
    limits::DIAGNOSIS.check(&mut e, "diagnosis", &req.diagnosis);
    if req.fault.as_deref().is_some_and(|f| !valid_fault_code(f)) {
        e.push(err(
            "fault",
            "invalid",
            "fault must be 1-64 characters of a-z, 0-9 and _",
        ));
    }
    if req.finished_at < req.started_at {
        e.push(err(
            "finished_at",
            "before_start",
            "finished_at must not be before started_at",
        ));
    }
    for (name, list) in [("parts", &req.parts), ("parts_needed", &req.parts_needed)] {
        if !limits::REPORTED_PARTS.allows(list.len()) {
            e.push(err(name, "too_many", "at most 100 part lines"));
        }
        for (i, p) in list.iter().enumerate() {
            check_part_line(&mut e, &format!("{name}[{i}]"), p);
            if let Some(l) = &p.location {
                limits::LOCATION.check(&mut e, &format!("{name}[{i}].location"), l);
            }
        }
    }
    if !req.parts.is_empty() && !req.parts_consent {
        e.push(err(
            "parts_consent",
            "required",
            "parts are replaced only after the customer agreed; record the consent",
        ));
    }
    match req.outcome {
        VisitOutcome::WaitingForParts if req.parts_needed.is_empty() => e.push(err(
            "parts_needed",
            "required",
            "name the parts the return visit needs",
        )),
        VisitOutcome::WaitingForParts => {}
        _ if !req.parts_needed.is_empty() => e.push(err(
            "parts_needed",
            "not_allowed",
            "parts_needed goes with outcome waiting_for_parts only",
        )),
        _ => {}
    }
    for (name, text) in [
        ("parts_cleaned", &req.parts_cleaned),
        ("adjustments", &req.adjustments),
        ("result", &req.result),
        ("hazards", &req.hazards),
        ("return_visit_note", &req.return_visit_note),
    ] {
        limits::VISIT_NOTE.check(&mut e, name, text);
    }
    if !req.return_visit_needed && !req.return_visit_note.trim().is_empty() {
        e.push(err(
            "return_visit_note",
            "not_allowed",
            "return_visit_note goes with return_visit_needed",
        ));
    }
    if let Some(level) = req.consumables_level {
        limits::CONSUMABLES_LEVEL.check(&mut e, "consumables_level", level);
    }
    if let Some(sig) = &req.signature {
        limits::SIGNER.check(&mut e, "signature.signer", &sig.signer);
        if let Some(img) = &sig.image_png_base64 {
            use base64::Engine;
            if !limits::SIGNATURE_IMAGE.fits(img.chars().count()) {
                e.push(err(
                    "signature.image_png_base64",
                    "too_long",
                    "the signature image must be at most 48 KiB",
                ));
            } else if !base64::engine::general_purpose::STANDARD
                .decode(img)
                .is_ok_and(|b| b.starts_with(b"\x89PNG"))
            {
                e.push(err(
                    "signature.image_png_base64",
                    "invalid",
                    "the signature image must be a base64 PNG",
                ));
            }
        }
    }
    e.extend(consent::check_consent(req));
    if let Some(m) = &req.payment_collected
        && !limits::CASH.allows(m)
    {
        e.push(err(
            "payment_collected",
            "out_of_range",
            "payment_collected must not be negative",
        ));
    }
    e
}

/// Problems with a parts request: 1–50 lines, each a SKU and a quantity.
pub fn validate_parts_request(parts: &[PartUsed]) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::REQUESTED_PARTS.allows(parts.len()) {
        e.push(err(
            "parts",
            "out_of_range",
            "a request has 1-50 part lines",
        ));
    }
    for (i, p) in parts.iter().enumerate() {
        check_part_line(&mut e, &format!("parts[{i}]"), p);
    }
    e
}

/// Checks a part line's SKU and quantity, fields prefixed by `at`.
pub(crate) fn check_part_line(e: &mut Vec<FieldError>, at: &str, p: &PartUsed) {
    limits::SKU.check(e, &format!("{at}.sku"), &p.sku);
    limits::QUANTITY.check(e, &format!("{at}.quantity"), p.quantity);
}

/// Problems with an appointment window: it ends after it starts and lasts at most a day.
pub fn validate_window(w: &TimeWindow) -> Vec<FieldError> {
    let mut e = Vec::new();
    if w.end <= w.start {
        e.push(err(
            "window.end",
            "before_start",
            "the window must end after it starts",
        ));
    } else if w.end - w.start > chrono::Duration::hours(24) {
        e.push(err(
            "window.end",
            "out_of_range",
            "a window lasts at most a day",
        ));
    }
    e
}

/// The history note of a booked appointment: its start and end as RFC 3339 instants.
pub fn appointment_note(w: &TimeWindow) -> String {
    format!(
        "appointment {} – {}",
        w.start.to_rfc3339(),
        w.end.to_rfc3339()
    )
}

/// Work orders that are still to be done (count towards their day's capacity, see
/// [`capacity`], and go into routes).
pub const OPEN: [WorkOrderStatus; 4] = [
    WorkOrderStatus::Assigned,
    WorkOrderStatus::Accepted,
    WorkOrderStatus::EnRoute,
    WorkOrderStatus::OnSite,
];

/// Whether a visit report may be filed from `from` (the technician may report without
/// having tapped every step before).
pub fn may_report(from: WorkOrderStatus) -> bool {
    OPEN.contains(&from)
}

/// Whether a work order may be (re)assigned from `from`.
pub fn may_assign(from: WorkOrderStatus) -> bool {
    matches!(
        from,
        WorkOrderStatus::Unassigned | WorkOrderStatus::Assigned | WorkOrderStatus::Accepted
    )
}

/// The moves `POST /workorders/{id}/transitions` makes: the technician's progress
/// (accepted → en route → on site; a step may be skipped) and cancelling.
pub fn may_move(from: WorkOrderStatus, to: WorkOrderStatus) -> bool {
    use WorkOrderStatus::*;
    match to {
        Accepted => from == Assigned,
        EnRoute => matches!(from, Assigned | Accepted),
        OnSite => matches!(from, Assigned | Accepted | EnRoute),
        Cancelled => matches!(from, Unassigned | Assigned | Accepted | EnRoute),
        _ => false,
    }
}

/// The state a visit outcome leads to.
pub fn after_visit(outcome: VisitOutcome) -> WorkOrderStatus {
    match outcome {
        VisitOutcome::Completed => WorkOrderStatus::Completed,
        VisitOutcome::WaitingForParts => WorkOrderStatus::WaitingForParts,
        VisitOutcome::TakenToWorkshop => WorkOrderStatus::TakenToWorkshop,
        VisitOutcome::CouldNotFix => WorkOrderStatus::CouldNotFix,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use aftercare_contracts::dispatch::{PartUsed, Signature};
    use chrono::{TimeZone, Utc};

    /// A completed visit report with nothing optional filled in, for tests to change.
    pub(crate) fn report() -> CompleteWorkOrder {
        let t = Utc
            .with_ymd_and_hms(2026, 11, 24, 2, 0, 0)
            .single()
            .expect("time");
        CompleteWorkOrder {
            work_order_id: "W2026-000001".into(),
            diagnosis: "worn drum".into(),
            started_at: t,
            finished_at: t + chrono::Duration::minutes(40),
            fault: None,
            parts: vec![],
            meter_reading: None,
            outcome: VisitOutcome::Completed,
            parts_cleaned: String::new(),
            adjustments: String::new(),
            result: String::new(),
            consumables_level: None,
            hazards: String::new(),
            parts_consent: false,
            parts_needed: vec![],
            return_visit_needed: false,
            return_visit_note: String::new(),
            signature: None,
            photo_attachment_ids: vec![],
            chargeable: false,
            payment_collected: None,
            expected_version: None,
        }
    }

    fn part(sku: &str) -> PartUsed {
        PartUsed {
            sku: sku.into(),
            quantity: 1,
            location: None,
        }
    }

    /// Each problem as its field and code.
    pub(crate) fn fields(e: Vec<FieldError>) -> Vec<(String, String)> {
        e.into_iter().map(|x| (x.field, x.code)).collect()
    }

    #[test]
    fn fault_codes_are_lower_case_words() {
        let mut r = report();
        r.fault = Some("paper_feed".into());
        assert!(validate_completion(&r).is_empty());
        r.fault = Some("Paper Feed!".into());
        assert_eq!(
            fields(validate_completion(&r)),
            [("fault".to_owned(), "invalid".to_owned())]
        );
        assert!(!valid_fault_code("") && !valid_fault_code(&"a".repeat(65)));
    }

    #[test]
    fn a_return_visit_note_goes_with_a_return_visit() {
        let mut r = report();
        r.return_visit_note = "customer wants the toner changed next week".into();
        assert_eq!(
            fields(validate_completion(&r)),
            [("return_visit_note".to_owned(), "not_allowed".to_owned())]
        );
        r.return_visit_needed = true;
        assert!(validate_completion(&r).is_empty());
        r.return_visit_note = String::new();
        assert!(validate_completion(&r).is_empty(), "the note is optional");
        r.return_visit_note = "x".repeat(1001);
        assert_eq!(
            fields(validate_completion(&r)),
            [("return_visit_note".to_owned(), "too_long".to_owned())]
        );
    }

    #[test]
    fn parts_need_the_customers_consent() {
        let mut r = report();
        r.parts = vec![part("DRUM-1")];
        assert_eq!(
            fields(validate_completion(&r)),
            [("parts_consent".to_owned(), "required".to_owned())]
        );
        r.parts_consent = true;
        assert!(validate_completion(&r).is_empty());
    }

    #[test]
    fn waiting_for_parts_names_the_parts_and_only_then() {
        let mut r = report();
        r.outcome = VisitOutcome::WaitingForParts;
        assert_eq!(fields(validate_completion(&r))[0].0, "parts_needed");
        r.parts_needed = vec![part("FUSER-2")];
        assert!(validate_completion(&r).is_empty());
        r.outcome = VisitOutcome::Completed;
        assert_eq!(
            fields(validate_completion(&r)),
            [("parts_needed".to_owned(), "not_allowed".to_owned())]
        );
    }

    #[test]
    fn signatures_are_small_pngs() {
        use base64::Engine;
        let mut r = report();
        let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nrest");
        r.signature = Some(Signature {
            signer: "王女士".into(),
            image_png_base64: Some(png),
            attachment_id: None,
        });
        assert!(validate_completion(&r).is_empty());
        r.signature = Some(Signature {
            signer: " ".into(),
            image_png_base64: Some("bm90IGEgcG5n".into()),
            attachment_id: None,
        });
        assert_eq!(
            fields(validate_completion(&r)),
            [
                ("signature.signer".to_owned(), "required".to_owned()),
                (
                    "signature.image_png_base64".to_owned(),
                    "invalid".to_owned()
                )
            ]
        );
    }

    #[test]
    fn durations_come_from_the_model_then_the_kind_then_the_default() {
        use aftercare_contracts::dispatch::DurationRule;
        let rules = vec![
            DurationRule {
                work_type: WorkType::Repair,
                model: None,
                minutes: 75,
            },
            DurationRule {
                work_type: WorkType::Repair,
                model: Some("AR-2048".into()),
                minutes: 45,
            },
        ];
        assert_eq!(estimate(&rules, WorkType::Repair, Some("ar-2048 ")), 45);
        assert_eq!(estimate(&rules, WorkType::Repair, Some("MX-3070")), 75);
        assert_eq!(
            estimate(&rules, WorkType::Installation, Some("AR-2048")),
            120
        );
        assert!(validate_durations(&rules).is_empty());
        let mut dup = rules.clone();
        dup.push(DurationRule {
            work_type: WorkType::Repair,
            model: Some("ar-2048".into()),
            minutes: 2,
        });
        assert_eq!(
            fields(validate_durations(&dup)),
            [
                ("rules[2].minutes".to_owned(), "out_of_range".to_owned()),
                ("rules[2]".to_owned(), "duplicate".to_owned())
            ]
        );
    }

    #[test]
    fn the_technicians_progress_may_skip_steps_but_not_go_back() {
        use WorkOrderStatus::*;
        assert!(may_move(Assigned, Accepted));
        assert!(may_move(Assigned, OnSite));
        assert!(may_move(EnRoute, OnSite));
        assert!(!may_move(OnSite, EnRoute));
        assert!(!may_move(Accepted, Accepted));
        assert!(!may_move(OnSite, Cancelled));
        assert!(!may_move(Completed, Cancelled));
        assert!(
            !may_move(Assigned, Completed),
            "completion is the visit report"
        );
        assert!(may_report(OnSite) && may_report(Assigned));
        assert!(!may_report(Unassigned) && !may_report(Completed));
        assert!(may_assign(Unassigned) && may_assign(Accepted) && !may_assign(EnRoute));
    }

    #[test]
    fn a_ticket_asks_for_the_kind_of_work_its_type_says() {
        assert_eq!(
            work_type_for(TicketType::Maintenance),
            WorkType::Maintenance
        );
        assert_eq!(
            work_type_for(TicketType::Installation),
            WorkType::Installation
        );
        assert_eq!(work_type_for(TicketType::Return), WorkType::Training);
        assert_eq!(work_type_for(TicketType::Fault), WorkType::Repair);
        assert_eq!(work_type_for(TicketType::Complaint), WorkType::Repair);
    }

    #[test]
    fn duration_rules_are_stored_with_trimmed_models() {
        let rules = normalise_durations(vec![DurationRule {
            work_type: WorkType::Repair,
            model: Some(" AR-2048 ".into()),
            minutes: 45,
        }]);
        assert_eq!(rules[0].model.as_deref(), Some("AR-2048"));
    }

    #[test]
    fn a_booked_appointment_is_noted_with_its_instants() {
        let start = Utc
            .with_ymd_and_hms(2026, 11, 24, 1, 0, 0)
            .single()
            .expect("time");
        let w = TimeWindow {
            start,
            end: start + chrono::Duration::hours(2),
        };
        assert_eq!(
            appointment_note(&w),
            "appointment 2026-11-24T01:00:00+00:00 – 2026-11-24T03:00:00+00:00"
        );
    }

    #[test]
    fn a_steps_phone_time_is_kept_inside_a_sane_window() {
        let now = Utc
            .with_ymd_and_hms(2026, 11, 24, 8, 0, 0)
            .single()
            .expect("time");
        let now_ms = now.timestamp_millis();
        let created = (now - chrono::Duration::days(5)).timestamp_millis();
        let field = |r: Result<i64, FieldError>| r.map_err(|e| (e.field, e.code));
        assert_eq!(step_time(now_ms, None, created), Ok(now_ms));
        let offline = now - chrono::Duration::hours(30);
        assert_eq!(
            step_time(now_ms, Some(offline), created),
            Ok(offline.timestamp_millis())
        );
        // A phone a little ahead is taken as now; further ahead is refused.
        let ahead = now + chrono::Duration::minutes(4);
        assert_eq!(step_time(now_ms, Some(ahead), created), Ok(now_ms));
        assert_eq!(
            field(step_time(
                now_ms,
                Some(now + chrono::Duration::minutes(6)),
                created
            )),
            Err(("occurred_at".into(), "in_future".into()))
        );
        assert_eq!(
            field(step_time(
                now_ms,
                Some(now - chrono::Duration::hours(73)),
                created
            )),
            Err(("occurred_at".into(), "too_old".into()))
        );
        let fresh = (now - chrono::Duration::hours(1)).timestamp_millis();
        assert_eq!(
            field(step_time(
                now_ms,
                Some(now - chrono::Duration::hours(2)),
                fresh
            )),
            Err(("occurred_at".into(), "before_created".into()))
        );
    }
}
