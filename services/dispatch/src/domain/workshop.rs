//! Workshop jobs (内修 / 送修), free of I/O: what receiving a machine, a diagnosis, a step
//! and a repair report must hold, and which steps a job may take from where it stands:
//!
//! ```text
//! received ──► diagnosed ──► repairing ◄──► waiting_for_parts
//!    │             │  └──────────┼──► repaired ──┐
//!    └─────────────┴─────────────┴──► could_not_repair ──► ready_for_return ──► returned
//! ```
//!
//! A repaired job and one that cannot be repaired both go back (ready for return, the
//! customer told how, then returned); only a dealer's machine is shipped back to the
//! dealer.
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::workshop::limits as wl;
use aftercare_contracts::dispatch::{
    AdvanceWorkshopJob, DiagnoseWorkshopJob, ReceiveWorkshopJob, RepairWorkshopJob, ReturnMethod,
    WorkshopOrigin, WorkshopStatus, limits,
};
use chrono::{DateTime, Duration, Utc};

use super::{check_part_line, err, valid_fault_code};

/// How far ahead of the server a repair's end may be (a workshop PC's clock).
const CLOCK_SKEW: Duration = Duration::minutes(5);

/// Whether a diagnosis may be filed from `from` (again while nothing was repaired yet).
pub fn may_diagnose(from: WorkshopStatus) -> bool {
    matches!(from, WorkshopStatus::Received | WorkshopStatus::Diagnosed)
}

/// Whether the repair report may be filed from `from`: once diagnosed, repairing or not.
pub fn may_repair(from: WorkshopStatus) -> bool {
    matches!(from, WorkshopStatus::Diagnosed | WorkshopStatus::Repairing)
}

/// Whether a job may step from `from` to `to` through `advance` (the steps that are not
/// a diagnosis or a repair report).
pub fn may_advance(from: WorkshopStatus, to: WorkshopStatus) -> bool {
    use WorkshopStatus::*;
    match to {
        Repairing => matches!(from, Diagnosed | WaitingForParts),
        WaitingForParts => matches!(from, Diagnosed | Repairing),
        CouldNotRepair => matches!(from, Received | Diagnosed | Repairing | WaitingForParts),
        ReadyForReturn => matches!(from, Repaired | CouldNotRepair),
        Returned => from == ReadyForReturn,
        Received | Diagnosed | Repaired => false,
    }
}

/// Whether a job is still at the workshop (not returned).
pub fn open(s: WorkshopStatus) -> bool {
    s != WorkshopStatus::Returned
}

/// Problems with receiving a machine: a visit's job names its work order and nothing
/// else; a customer's or dealer's names its ticket and what is wrong; a dealer's names the
/// dealer (with the address when we collect it); accessories are listed one by one.
pub fn validate_receive(req: &ReceiveWorkshopJob) -> Vec<FieldError> {
    let mut e = Vec::new();
    match req.origin {
        WorkshopOrigin::Visit => {
            if req
                .work_order_id
                .as_deref()
                .is_none_or(|w| w.trim().is_empty())
            {
                e.push(err(
                    "work_order_id",
                    "required",
                    "a machine from a visit names the visit's work order",
                ));
            }
            if req.ticket_id.is_some() {
                e.push(err(
                    "ticket_id",
                    "not_allowed",
                    "a machine from a visit takes the work order's ticket",
                ));
            }
            if !req.fault.is_empty() {
                wl::FAULT_TEXT.check(&mut e, "fault", &req.fault);
            }
        }
        WorkshopOrigin::Customer | WorkshopOrigin::Dealer => {
            if req.ticket_id.is_none() {
                e.push(err(
                    "ticket_id",
                    "required",
                    "register the machine's ticket first and name it",
                ));
            }
            if req.work_order_id.is_some() {
                e.push(err(
                    "work_order_id",
                    "not_allowed",
                    "work_order_id goes with origin visit only",
                ));
            }
            wl::FAULT_TEXT.check(&mut e, "fault", &req.fault);
        }
    }
    match (&req.dealer, req.origin) {
        (None, WorkshopOrigin::Dealer) => e.push(err(
            "dealer",
            "required",
            "a dealer's send-in names the dealer",
        )),
        (Some(_), WorkshopOrigin::Visit | WorkshopOrigin::Customer) => e.push(err(
            "dealer",
            "not_allowed",
            "dealer goes with origin dealer only",
        )),
        (Some(d), WorkshopOrigin::Dealer) => {
            wl::DEALER_NAME.check(&mut e, "dealer.name", &d.name);
            wl::DEALER_PHONE.check(&mut e, "dealer.phone", &d.phone);
            wl::DEALER_ADDRESS.check(&mut e, "dealer.address", &d.address);
            if d.pickup && d.address.trim().is_empty() {
                e.push(err(
                    "dealer.address",
                    "required",
                    "say where to collect the machine from",
                ));
            }
        }
        (None, _) => {}
    }
    if !wl::ACCESSORIES.allows(req.accessories.len()) {
        e.push(err("accessories", "too_many", "at most 20 accessories"));
    }
    for (i, a) in req.accessories.iter().enumerate() {
        wl::ACCESSORY
            .0
            .check(&mut e, &format!("accessories[{i}]"), a);
    }
    e
}

/// Problems with a diagnosis: its text, the fault code's form and the parts it needs.
pub fn validate_diagnosis(req: &DiagnoseWorkshopJob) -> Vec<FieldError> {
    let mut e = Vec::new();
    wl::FAULT_TEXT.check(&mut e, "diagnosis", &req.diagnosis);
    if req.fault.as_deref().is_some_and(|f| !valid_fault_code(f)) {
        e.push(err(
            "fault",
            "invalid",
            "fault must be 1-64 characters of a-z, 0-9 and _",
        ));
    }
    if !limits::REPORTED_PARTS.allows(req.parts_needed.len()) {
        e.push(err("parts_needed", "too_many", "at most 100 part lines"));
    }
    for (i, p) in req.parts_needed.iter().enumerate() {
        check_part_line(&mut e, &format!("parts_needed[{i}]"), p);
    }
    e
}

/// Problems with a step of a job from `origin` whose return method so far is `known`:
/// only the steps `advance` makes; a job that cannot be repaired says why; one made ready
/// says how it goes back (shipped back only to a dealer); one shipped back to the dealer
/// has its waybill.
pub fn validate_advance(
    req: &AdvanceWorkshopJob,
    origin: WorkshopOrigin,
    known: Option<ReturnMethod>,
) -> Vec<FieldError> {
    use WorkshopStatus::*;
    let mut e = Vec::new();
    if matches!(req.to, Received | Diagnosed | Repaired) {
        e.push(err(
            "to",
            "invalid",
            "to is repairing, waiting_for_parts, could_not_repair, ready_for_return or returned (a diagnosis and the repair report have their own requests)",
        ));
    }
    wl::NOTE.check(&mut e, "note", &req.note);
    wl::NOTE.check(&mut e, "reference", &req.reference);
    if req.to == CouldNotRepair && req.note.trim().is_empty() {
        e.push(err(
            "note",
            "required",
            "say why the machine cannot be repaired",
        ));
    }
    if req.return_method.is_some() && !matches!(req.to, ReadyForReturn | Returned) {
        e.push(err(
            "return_method",
            "not_allowed",
            "return_method goes with ready_for_return or returned",
        ));
    }
    if req.to == ReadyForReturn && req.return_method.is_none() {
        e.push(err(
            "return_method",
            "required",
            "say how the machine goes back: picked_up, delivered or shipped_to_dealer",
        ));
    }
    let method = req.return_method.or(known);
    if req.return_method == Some(ReturnMethod::ShippedToDealer) && origin != WorkshopOrigin::Dealer
    {
        e.push(err(
            "return_method",
            "invalid",
            "only a dealer's machine is shipped back to the dealer",
        ));
    }
    if req.to == Returned
        && method == Some(ReturnMethod::ShippedToDealer)
        && req.reference.trim().is_empty()
    {
        e.push(err(
            "reference",
            "required",
            "give the waybill of the machine shipped back",
        ));
    }
    e
}

/// Problems with a repair report filed at `now`: its part lines, the customer's consent
/// to them, the times (the end not before the start nor ahead of the clock) and the
/// result's length.
pub fn validate_repair(req: &RepairWorkshopJob, now: DateTime<Utc>) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::REPORTED_PARTS.allows(req.parts.len()) {
        e.push(err("parts", "too_many", "at most 100 part lines"));
    }
    for (i, p) in req.parts.iter().enumerate() {
        check_part_line(&mut e, &format!("parts[{i}]"), p);
        if let Some(l) = &p.location {
            limits::LOCATION.check(&mut e, &format!("parts[{i}].location"), l);
        }
    }
    if !req.parts.is_empty() && !req.parts_consent {
        e.push(err(
            "parts_consent",
            "required",
            "parts are replaced only after the customer agreed; record the consent",
        ));
    }
    if req.finished_at < req.started_at {
        e.push(err(
            "finished_at",
            "before_start",
            "finished_at must not be before started_at",
        ));
    } else if req.finished_at > now + CLOCK_SKEW {
        e.push(err(
            "finished_at",
            "in_future",
            "finished_at must not be ahead of the clock",
        ));
    }
    wl::NOTE.check(&mut e, "result", &req.result);
    e
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use aftercare_contracts::dispatch::{Dealer, PartUsed};
    use chrono::TimeZone;

    use super::*;
    use WorkshopStatus::*;

    const ALL: [WorkshopStatus; 8] = [
        Received,
        Diagnosed,
        Repairing,
        WaitingForParts,
        Repaired,
        CouldNotRepair,
        ReadyForReturn,
        Returned,
    ];

    fn fields(e: Vec<FieldError>) -> Vec<(String, String)> {
        e.into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn pair(field: &str, code: &str) -> (String, String) {
        (field.to_owned(), code.to_owned())
    }

    fn receive(origin: WorkshopOrigin) -> ReceiveWorkshopJob {
        ReceiveWorkshopJob {
            origin,
            ticket_id: Some(uuid::Uuid::nil()),
            work_order_id: None,
            fault: "卡纸 / paper jams".into(),
            accessories: vec!["power cord".into()],
            dealer: None,
            ticket_number: String::new(),
            customer_name: String::new(),
            district: String::new(),
            machine: None,
        }
    }

    fn dealer() -> Dealer {
        Dealer {
            name: "Panyu Office Supplies".into(),
            phone: "020-5555-0199".into(),
            address: String::new(),
            pickup: false,
        }
    }

    fn advance(to: WorkshopStatus) -> AdvanceWorkshopJob {
        AdvanceWorkshopJob {
            job_id: "WS2026-000001".into(),
            to,
            return_method: None,
            reference: String::new(),
            note: String::new(),
            expected_version: Some(1),
        }
    }

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 8, h, m, 0).unwrap()
    }

    fn repair() -> RepairWorkshopJob {
        RepairWorkshopJob {
            job_id: "WS2026-000001".into(),
            parts: vec![PartUsed {
                sku: "FUSER-1".into(),
                quantity: 1,
                location: None,
            }],
            parts_consent: true,
            started_at: at(2, 0),
            finished_at: at(3, 0),
            result: "fuser replaced".into(),
            expected_version: Some(3),
        }
    }

    #[test]
    fn a_job_goes_from_received_to_returned_by_its_steps_only() {
        assert!(may_diagnose(Received));
        assert!(may_diagnose(Diagnosed));
        assert!(may_advance(Diagnosed, Repairing));
        assert!(may_advance(Repairing, WaitingForParts));
        assert!(may_advance(WaitingForParts, Repairing));
        assert!(may_repair(Repairing));
        assert!(may_repair(Diagnosed));
        assert!(may_advance(Repaired, ReadyForReturn));
        assert!(may_advance(ReadyForReturn, Returned));
        assert!(may_advance(Received, CouldNotRepair));
        assert!(may_advance(WaitingForParts, CouldNotRepair));
        assert!(may_advance(CouldNotRepair, ReadyForReturn));
        // Nothing skips the diagnosis, goes back, or leaves a returned machine.
        assert!(!may_advance(Received, Repairing));
        assert!(!may_repair(Received));
        assert!(!may_repair(WaitingForParts));
        assert!(!may_advance(Received, ReadyForReturn));
        assert!(!may_advance(Repaired, Returned));
        assert!(!may_advance(Repaired, CouldNotRepair));
        assert!(!may_diagnose(Repaired));
        for s in ALL {
            assert!(!may_advance(Returned, s), "returned → {s:?}");
            assert!(!may_advance(s, Received));
            assert!(!may_advance(s, Diagnosed));
            assert!(!may_advance(s, Repaired));
        }
        assert!(!may_repair(Returned) && !may_diagnose(Returned));
        assert!(!open(Returned) && open(ReadyForReturn));
    }

    #[test]
    fn a_machine_is_received_with_what_its_origin_needs() {
        assert!(validate_receive(&receive(WorkshopOrigin::Customer)).is_empty());
        let mut r = receive(WorkshopOrigin::Customer);
        r.ticket_id = None;
        r.fault = " ".into();
        r.dealer = Some(dealer());
        assert_eq!(
            fields(validate_receive(&r)),
            [
                pair("ticket_id", "required"),
                pair("fault", "required"),
                pair("dealer", "not_allowed")
            ]
        );
        let r = receive(WorkshopOrigin::Dealer);
        assert_eq!(fields(validate_receive(&r)), [pair("dealer", "required")]);
        let mut r = receive(WorkshopOrigin::Dealer);
        r.dealer = Some(Dealer {
            pickup: true,
            ..dealer()
        });
        assert_eq!(
            fields(validate_receive(&r)),
            [pair("dealer.address", "required")]
        );
        r.dealer = Some(Dealer {
            pickup: true,
            address: "8 Shiqiao Rd, Panyu".into(),
            ..dealer()
        });
        assert!(validate_receive(&r).is_empty());
        let mut v = receive(WorkshopOrigin::Visit);
        assert_eq!(
            fields(validate_receive(&v)),
            [
                pair("work_order_id", "required"),
                pair("ticket_id", "not_allowed")
            ]
        );
        v.ticket_id = None;
        v.work_order_id = Some("W2026-000001".into());
        v.fault = String::new();
        assert!(validate_receive(&v).is_empty());
        let mut many = receive(WorkshopOrigin::Customer);
        many.accessories = vec!["tray".into(); 21];
        many.accessories[3] = "x".repeat(101);
        assert_eq!(
            fields(validate_receive(&many)),
            [
                pair("accessories", "too_many"),
                pair("accessories[3]", "too_long")
            ]
        );
    }

    #[test]
    fn a_diagnosis_names_what_is_wrong_and_well_formed_parts() {
        let mut d = DiagnoseWorkshopJob {
            job_id: "WS2026-000001".into(),
            technician_id: uuid::Uuid::nil(),
            diagnosis: "fuser worn".into(),
            fault: Some("fuser".into()),
            parts_needed: vec![],
            expected_version: None,
        };
        assert!(validate_diagnosis(&d).is_empty());
        d.diagnosis = String::new();
        d.fault = Some("Fuser!".into());
        d.parts_needed = vec![PartUsed {
            sku: String::new(),
            quantity: 0,
            location: None,
        }];
        assert_eq!(
            fields(validate_diagnosis(&d)),
            [
                pair("diagnosis", "required"),
                pair("fault", "invalid"),
                pair("parts_needed[0].sku", "required"),
                pair("parts_needed[0].quantity", "out_of_range")
            ]
        );
    }

    #[test]
    fn a_step_says_why_and_how_the_machine_goes_back() {
        let c = WorkshopOrigin::Customer;
        assert!(validate_advance(&advance(Repairing), c, None).is_empty());
        assert_eq!(
            fields(validate_advance(&advance(Repaired), c, None)),
            [pair("to", "invalid")]
        );
        assert_eq!(
            fields(validate_advance(&advance(CouldNotRepair), c, None)),
            [pair("note", "required")]
        );
        assert_eq!(
            fields(validate_advance(&advance(ReadyForReturn), c, None)),
            [pair("return_method", "required")]
        );
        let mut ship = advance(ReadyForReturn);
        ship.return_method = Some(ReturnMethod::ShippedToDealer);
        assert_eq!(
            fields(validate_advance(&ship, c, None)),
            [pair("return_method", "invalid")]
        );
        assert!(validate_advance(&ship, WorkshopOrigin::Dealer, None).is_empty());
        // Shipped back: the waybill is required, the method known from ready_for_return.
        let returned = advance(Returned);
        assert_eq!(
            fields(validate_advance(
                &returned,
                WorkshopOrigin::Dealer,
                Some(ReturnMethod::ShippedToDealer)
            )),
            [pair("reference", "required")]
        );
        assert!(validate_advance(&returned, c, Some(ReturnMethod::PickedUp)).is_empty());
        let mut early = advance(Repairing);
        early.return_method = Some(ReturnMethod::Delivered);
        assert_eq!(
            fields(validate_advance(&early, c, None)),
            [pair("return_method", "not_allowed")]
        );
    }

    #[test]
    fn a_repair_report_has_consented_parts_and_times_in_order() {
        let now = at(4, 0);
        assert!(validate_repair(&repair(), now).is_empty());
        let mut r = repair();
        r.parts_consent = false;
        r.finished_at = at(1, 0);
        assert_eq!(
            fields(validate_repair(&r, now)),
            [
                pair("parts_consent", "required"),
                pair("finished_at", "before_start")
            ]
        );
        let mut r = repair();
        r.finished_at = at(4, 6);
        assert_eq!(
            fields(validate_repair(&r, now)),
            [pair("finished_at", "in_future")]
        );
        r.finished_at = at(4, 5);
        assert!(validate_repair(&r, now).is_empty());
        let mut none = repair();
        none.parts.clear();
        none.parts_consent = false;
        assert!(validate_repair(&none, now).is_empty());
    }
}
