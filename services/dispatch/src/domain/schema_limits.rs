//! The limits the request schemas state (and the API document publishes) are the ones
//! the validators check: each text, number and list is accepted at its stated bounds and
//! refused one past them.
use aftercare_contracts::dispatch::{
    CompleteWorkOrder, CreateMaintenancePlan, DurationRule, FaultCode, MaintenanceKind, PartUsed,
    ReplaceDurationDefaults, ReplaceFaultCodes, RequestParts, Signature, UpdateTechnician,
    WorkType,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_testkit::limits::{assert_count, assert_pattern, assert_range, assert_text};
use chrono::NaiveDate;

use super::maintenance;
use super::technicians::validate_technician;
use super::tests::report;
use super::{validate_completion, validate_durations, validate_parts_request};

fn x(n: usize) -> String {
    "x".repeat(n)
}

fn part() -> PartUsed {
    PartUsed {
        sku: "DRUM-1".into(),
        quantity: 1,
        location: None,
    }
}

fn technician() -> UpdateTechnician {
    UpdateTechnician {
        technician_id: "t".into(),
        name: "Li Lei".into(),
        district: "tianhe".into(),
        skills: vec!["copier".into()],
        daily_capacity: 8,
        team: None,
        certifications: vec![aftercare_contracts::dispatch::Certification {
            skill: "copier".into(),
            expires_on: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
        }],
        start_location: None,
        shift_start: None,
        shift_end: None,
        van_location: None,
        active: true,
        expected_version: 1,
    }
}

#[test]
fn a_technicians_profile_is_refused_beyond_what_its_schema_states() {
    let check = |f: &dyn Fn(&mut UpdateTechnician)| {
        let mut t = technician();
        f(&mut t);
        validate_technician(&t.profile())
    };
    assert_text::<UpdateTechnician>("name", "name", x, |v| check(&|t| t.name = v.clone()));
    assert_text::<UpdateTechnician>("district", "district", x, |v| {
        check(&|t| t.district = v.clone())
    });
    assert_text::<UpdateTechnician>("team", "team", x, |v| check(&|t| t.team = Some(v.clone())));
    assert_text::<UpdateTechnician>("van_location", "van_location", x, |v| {
        check(&|t| t.van_location = Some(v.clone()))
    });
    assert_text::<UpdateTechnician>("skills[]", "skills[0]", x, |v| {
        check(&|t| t.skills = vec![v.clone()])
    });
    assert_text::<UpdateTechnician>(
        "certifications[].skill",
        "certifications[0].skill",
        x,
        |v| check(&|t| t.certifications[0].skill = v.clone()),
    );
    assert_count::<UpdateTechnician>("skills", "skills", |n| {
        check(&|t| t.skills = vec!["copier".into(); n])
    });
    assert_count::<UpdateTechnician>("certifications", "certifications", |n| {
        check(&|t| t.certifications = vec![technician().certifications[0].clone(); n])
    });
    assert_range::<UpdateTechnician>("daily_capacity", "daily_capacity", |v| {
        let v = u32::try_from(v).ok()?;
        Some(check(&|t| t.daily_capacity = v))
    });
}

#[test]
fn a_visit_report_is_refused_beyond_what_its_schema_states() {
    let check = |f: &dyn Fn(&mut CompleteWorkOrder)| {
        let mut r = report();
        f(&mut r);
        validate_completion(&r)
    };
    assert_text::<CompleteWorkOrder>("diagnosis", "diagnosis", x, |v| {
        check(&|r| r.diagnosis = v.clone())
    });
    for name in ["parts_cleaned", "adjustments", "result", "hazards"] {
        assert_text::<CompleteWorkOrder>(name, name, x, |v| {
            check(&|r| match name {
                "parts_cleaned" => r.parts_cleaned = v.clone(),
                "adjustments" => r.adjustments = v.clone(),
                "result" => r.result = v.clone(),
                _ => r.hazards = v.clone(),
            })
        });
    }
    assert_text::<CompleteWorkOrder>("return_visit_note", "return_visit_note", x, |v| {
        check(&|r| {
            r.return_visit_needed = true;
            r.return_visit_note = v.clone();
        })
    });
    assert_pattern::<CompleteWorkOrder>(
        "fault",
        "fault",
        &[
            "paper_feed",
            "e7",
            "",
            "Paper",
            "paper feed",
            &x(64),
            &x(65),
        ],
        |v| check(&|r| r.fault = Some(v.clone())),
    );
    assert_range::<CompleteWorkOrder>("consumables_level", "consumables_level", |v| {
        let v = u8::try_from(v).ok()?;
        Some(check(&|r| r.consumables_level = Some(v)))
    });
    assert_text::<CompleteWorkOrder>("signature.signer", "signature.signer", x, |v| {
        check(&|r| {
            r.signature = Some(Signature {
                signer: v.clone(),
                image_png_base64: None,
                attachment_id: None,
            })
        })
    });
    for list in ["parts", "parts_needed"] {
        let set = |r: &mut CompleteWorkOrder, lines: Vec<PartUsed>| {
            r.parts_consent = true;
            if list == "parts" {
                r.parts = lines;
            } else {
                r.outcome = aftercare_contracts::dispatch::VisitOutcome::WaitingForParts;
                r.parts_needed = lines;
            }
        };
        let line = |f: &dyn Fn(&mut PartUsed)| {
            let mut p = part();
            f(&mut p);
            move |r: &mut CompleteWorkOrder| set(r, vec![p.clone()])
        };
        assert_count::<CompleteWorkOrder>(list, list, |n| {
            check(&|r| set(r, vec![part(); n.max(usize::from(list == "parts_needed"))]))
        });
        assert_text::<CompleteWorkOrder>(
            &format!("{list}[].sku"),
            &format!("{list}[0].sku"),
            x,
            |v| check(&line(&|p| p.sku = v.clone())),
        );
        assert_text::<CompleteWorkOrder>(
            &format!("{list}[].location"),
            &format!("{list}[0].location"),
            x,
            |v| check(&line(&|p| p.location = Some(v.clone()))),
        );
        assert_range::<CompleteWorkOrder>(
            &format!("{list}[].quantity"),
            &format!("{list}[0].quantity"),
            |v| {
                let v = u32::try_from(v).ok()?;
                Some(check(&line(&|p| p.quantity = v)))
            },
        );
    }
}

#[test]
fn an_inline_signature_drawing_is_refused_beyond_its_stated_length() {
    use base64::Engine;
    let max = aftercare_testkit::limits::stated::<CompleteWorkOrder>("signature.image_png_base64")
        .max_length
        .expect("maxLength") as usize;
    let png = |chars: usize| {
        let mut bytes = b"\x89PNG".to_vec();
        bytes.resize(chars / 4 * 3, 0);
        base64::engine::general_purpose::STANDARD.encode(bytes)
    };
    let signed = |img: String| {
        let mut r = report();
        r.signature = Some(Signature {
            signer: "Wang".into(),
            image_png_base64: Some(img),
            attachment_id: None,
        });
        validate_completion(&r)
    };
    assert_eq!(png(max).len(), max);
    assert!(signed(png(max)).is_empty());
    let over = signed(png(max + 4));
    assert!(
        over.iter()
            .any(|e| e.field == "signature.image_png_base64" && e.code == "too_long")
    );
}

#[test]
fn a_parts_request_is_refused_beyond_what_its_schema_states() {
    let check = |parts: Vec<PartUsed>| validate_parts_request(&parts);
    assert_count::<RequestParts>("parts", "parts", |n| check(vec![part(); n]));
    assert_text::<RequestParts>("parts[].sku", "parts[0].sku", x, |v| {
        check(vec![PartUsed { sku: v, ..part() }])
    });
    assert_range::<RequestParts>("parts[].quantity", "parts[0].quantity", |v| {
        let quantity = u32::try_from(v).ok()?;
        Some(check(vec![PartUsed { quantity, ..part() }]))
    });
}

#[test]
fn a_maintenance_plan_is_refused_beyond_what_its_schema_states() {
    let plan = || CreateMaintenancePlan {
        kind: MaintenanceKind::Contract,
        customer_id: uuid::Uuid::nil(),
        company: "Tianhe Printing".into(),
        district: "tianhe".into(),
        address: String::new(),
        machine: MachineInfo {
            product_line: "copier".into(),
            brand: "Sharp".into(),
            model: "AR-2048".into(),
            serial: String::new(),
            purchase_date: None,
        },
        every_months: 1,
        first_due: NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        until: None,
    };
    let check = |f: &dyn Fn(&mut CreateMaintenancePlan)| {
        let mut p = plan();
        f(&mut p);
        maintenance::validate(&p)
    };
    assert_text::<CreateMaintenancePlan>("company", "company", x, |v| {
        check(&|p| p.company = v.clone())
    });
    assert_text::<CreateMaintenancePlan>("district", "district", x, |v| {
        check(&|p| p.district = v.clone())
    });
    assert_text::<CreateMaintenancePlan>("address", "address", x, |v| {
        check(&|p| p.address = v.clone())
    });
    assert_text::<CreateMaintenancePlan>("machine.product_line", "machine.product_line", x, |v| {
        check(&|p| p.machine.product_line = v.clone())
    });
    assert_text::<CreateMaintenancePlan>("machine.brand", "machine.brand", x, |v| {
        check(&|p| p.machine.brand = v.clone())
    });
    assert_text::<CreateMaintenancePlan>("machine.model", "machine.model", x, |v| {
        check(&|p| p.machine.model = v.clone())
    });
    assert_range::<CreateMaintenancePlan>("every_months", "every_months", |v| {
        let v = u32::try_from(v).ok()?;
        Some(check(&|p| p.every_months = v))
    });
    assert_pattern::<CreateMaintenancePlan>(
        "first_due",
        "first_due",
        &[
            "2000-01-01",
            "1999-12-31",
            "2026-12-01",
            "9999-12-31",
            "1900-01-01",
        ],
        |v| {
            let day = NaiveDate::parse_from_str(&v, "%Y-%m-%d").expect("date");
            check(&|p| {
                p.first_due = day;
                p.until = None;
            })
        },
    );
}

#[test]
fn duration_rules_are_refused_beyond_what_their_schema_states() {
    let rule = |i: usize| DurationRule {
        work_type: WorkType::Repair,
        model: Some(format!("M-{i}")),
        minutes: 60,
    };
    assert_count::<ReplaceDurationDefaults>("rules", "rules", |n| {
        validate_durations(&(0..n).map(rule).collect::<Vec<_>>())
    });
    assert_range::<ReplaceDurationDefaults>("rules[].minutes", "rules[0].minutes", |v| {
        let minutes = u32::try_from(v).ok()?;
        Some(validate_durations(&[DurationRule { minutes, ..rule(0) }]))
    });
    assert_text::<ReplaceDurationDefaults>("rules[].model", "rules[0].model", x, |v| {
        validate_durations(&[DurationRule {
            model: Some(v),
            ..rule(0)
        }])
    });
}

#[test]
fn a_fault_list_is_refused_beyond_what_its_schema_states() {
    let code = |i: usize| FaultCode {
        code: format!("fault_{i}"),
        label_zh: "卡纸".into(),
        label_en: "Paper jam".into(),
        active: true,
    };
    assert_count::<ReplaceFaultCodes>("codes", "codes", |n| {
        super::faults::validate(&(0..n).map(code).collect::<Vec<_>>())
    });
    assert_pattern::<ReplaceFaultCodes>(
        "codes[].code",
        "codes[0].code",
        &[
            "paper_feed",
            "e7",
            "",
            "Paper",
            "paper feed",
            &x(64),
            &x(65),
        ],
        |v| super::faults::validate(&[FaultCode { code: v, ..code(0) }]),
    );
    assert_text::<ReplaceFaultCodes>("codes[].label_zh", "codes[0].label_zh", x, |v| {
        super::faults::validate(&[FaultCode {
            label_zh: v,
            ..code(0)
        }])
    });
    assert_text::<ReplaceFaultCodes>("codes[].label_en", "codes[0].label_en", x, |v| {
        super::faults::validate(&[FaultCode {
            label_en: v,
            ..code(0)
        }])
    });
}
