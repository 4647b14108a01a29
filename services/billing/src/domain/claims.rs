//! Manufacturer claims (厂家索赔): which receipt lines a brand pays for, the removed parts
//! that go back, what a brand requires before a claim is sent, and the claim's states.
use std::collections::BTreeMap;

use aftercare_contracts::billing::{
    ClaimLine, ClaimRequirements, ClaimStatus, Coverage, Invoice, ManufacturerClaim, RemovedPart,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::rpc::FieldError;

/// The lines of a receipt the brand's warranty covers, as claim lines.
pub fn claim_lines(invoice: &Invoice, machine: &MachineInfo) -> Vec<ClaimLine> {
    invoice
        .lines
        .iter()
        .filter(|l| l.coverage == Coverage::ManufacturerWarranty)
        .map(|l| ClaimLine {
            receipt_number: invoice.number.clone(),
            work_order_id: invoice.work_order_id,
            machine: machine.clone(),
            kind: l.kind,
            description: l.description.clone(),
            sku: l.sku.clone(),
            quantity: l.quantity,
            amount: l.amount.clone(),
        })
        .collect()
}

/// The removed parts of a claim's part lines, summed by SKU in SKU order.
pub fn removed_parts(lines: &[ClaimLine]) -> Vec<RemovedPart> {
    let mut by_sku: BTreeMap<&str, u32> = BTreeMap::new();
    for l in lines {
        if let Some(sku) = l.sku.as_deref() {
            *by_sku.entry(sku).or_default() += l.quantity;
        }
    }
    by_sku
        .into_iter()
        .map(|(sku, quantity)| RemovedPart {
            sku: sku.to_owned(),
            quantity,
        })
        .collect()
}

fn err(field: impl Into<String>, code: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

/// Checks field names and values a clerk fills in.
pub fn check_fields(fields: &BTreeMap<String, String>) -> Vec<FieldError> {
    let mut e = Vec::new();
    if fields.len() > 50 {
        e.push(err("fields", "too_many", "at most 50 fields"));
    }
    for (k, v) in fields {
        let n = k.trim().chars().count();
        if n == 0 || n > 64 {
            e.push(err(
                format!("fields.{k}"),
                "invalid",
                "a field name is 1-64 characters",
            ));
        } else if v.chars().count() > 500 {
            e.push(err(
                format!("fields.{k}"),
                "too_long",
                "a field value is at most 500 characters",
            ));
        }
    }
    e
}

/// Checks a brand's requirements.
pub fn check_requirements(r: &ClaimRequirements) -> Vec<FieldError> {
    let mut e = Vec::new();
    let n = r.brand.trim().chars().count();
    if n == 0 || n > 64 {
        e.push(err("brand", "invalid", "brand is 1-64 characters"));
    }
    if r.required_fields.len() > 50 {
        e.push(err("required_fields", "too_many", "at most 50 fields"));
    }
    for (i, f) in r.required_fields.iter().enumerate() {
        let n = f.trim().chars().count();
        if n == 0 || n > 64 {
            e.push(err(
                format!("required_fields[{i}]"),
                "invalid",
                "a field name is 1-64 characters",
            ));
        }
    }
    e
}

/// Why a claim may not move to `to`: each problem names its field.
pub fn check_transition(
    claim: &ManufacturerClaim,
    to: ClaimStatus,
    note: &str,
    amount_minor: Option<i64>,
    required: &[String],
) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !claim.status.can_become(to) {
        return vec![err(
            "to",
            "not_allowed",
            format!(
                "a {} claim cannot become {}",
                aftercare_platform::db::to_text(&claim.status),
                aftercare_platform::db::to_text(&to)
            ),
        )];
    }
    if note.chars().count() > 500 {
        e.push(err(
            "note",
            "too_long",
            "note must be at most 500 characters",
        ));
    }
    match to {
        ClaimStatus::Submitted => {
            if claim.lines.is_empty() {
                e.push(err("lines", "empty", "a claim needs at least one line"));
            }
            for f in required {
                let filled = claim
                    .fields
                    .iter()
                    .any(|(k, v)| k.trim().eq_ignore_ascii_case(f.trim()) && !v.trim().is_empty());
                if !filled {
                    e.push(err(
                        format!("fields.{}", f.trim()),
                        "required",
                        format!("{} requires {} on its claims", claim.brand, f.trim()),
                    ));
                }
            }
        }
        ClaimStatus::Rejected if note.trim().is_empty() => {
            e.push(err("note", "required", "say why the brand rejected it"));
        }
        ClaimStatus::Paid => match amount_minor {
            None => e.push(err("amount", "required", "say what the brand paid")),
            Some(a) if a <= 0 || a > claim.total.amount_minor => e.push(err(
                "amount.amount_minor",
                "out_of_range",
                format!(
                    "the brand pays 1 to {} on this claim",
                    claim.total.amount_minor
                ),
            )),
            Some(_) => {}
        },
        _ => {}
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use aftercare_contracts::Money;
    use aftercare_contracts::billing::{InvoiceLine, LineKind};
    use chrono::DateTime;
    use uuid::Uuid;

    fn machine() -> MachineInfo {
        MachineInfo {
            product_line: "copier".into(),
            brand: "Canon".into(),
            model: "iR-2204".into(),
            serial: "C1".into(),
            purchase_date: None,
        }
    }

    fn line(kind: LineKind, coverage: Coverage, sku: Option<&str>, qty: u32) -> InvoiceLine {
        InvoiceLine {
            kind,
            description: "x".into(),
            quantity: qty,
            unit_price: Money::cny(100),
            amount: Money::cny(100 * i64::from(qty)),
            charged: Money::cny(0),
            coverage,
            coverage_note: String::new(),
            discount: None,
            sku: sku.map(str::to_owned),
        }
    }

    fn claim(status: ClaimStatus, lines: Vec<ClaimLine>) -> ManufacturerClaim {
        ManufacturerClaim {
            id: Uuid::nil(),
            number: "MC2026-000001".into(),
            brand: "Canon".into(),
            status,
            removed_parts: removed_parts(&lines),
            total: Money::cny(lines.iter().map(|l| l.amount.amount_minor).sum()),
            lines,
            fields: BTreeMap::new(),
            note: None,
            paid: None,
            created_at: DateTime::UNIX_EPOCH,
            updated_at: DateTime::UNIX_EPOCH,
            version: 1,
        }
    }

    #[test]
    fn only_the_brands_lines_are_claimed_and_removed_parts_are_summed() {
        let inv = Invoice {
            id: Uuid::nil(),
            number: "R2026-000001".into(),
            work_order_id: Uuid::nil(),
            ticket_id: Uuid::nil(),
            customer_name: "ACME".into(),
            customer_id: None,
            lines: vec![
                line(LineKind::CallOut, Coverage::Chargeable, None, 1),
                line(LineKind::Labour, Coverage::ManufacturerWarranty, None, 4),
                line(
                    LineKind::Part,
                    Coverage::ManufacturerWarranty,
                    Some("FUSER"),
                    1,
                ),
                line(
                    LineKind::Part,
                    Coverage::ManufacturerWarranty,
                    Some("FUSER"),
                    2,
                ),
                line(LineKind::Part, Coverage::Warranty, Some("ROLLER"), 1),
            ],
            total: Money::cny(0),
            total_charged: Money::cny(0),
            tax_included: Money::cny(0),
            tax_rate_bp: 0,
            fee_schedule_version: 1,
            paid: Money::cny(0),
            credited: Money::cny(0),
            outstanding: Money::cny(0),
            iou: None,
            issued_at: DateTime::UNIX_EPOCH,
        };
        let lines = claim_lines(&inv, &machine());
        assert_eq!(lines.len(), 3);
        assert_eq!(
            removed_parts(&lines),
            [RemovedPart {
                sku: "FUSER".into(),
                quantity: 3
            }]
        );
    }

    #[test]
    fn a_claim_moves_only_forward_with_what_each_step_needs() {
        let lines = vec![ClaimLine {
            receipt_number: "R1".into(),
            work_order_id: Uuid::nil(),
            machine: machine(),
            kind: LineKind::Part,
            description: "fuser".into(),
            sku: Some("FUSER".into()),
            quantity: 1,
            amount: Money::cny(50000),
        }];
        let required = vec!["dealer_code".to_owned()];
        let mut draft = claim(ClaimStatus::Draft, lines.clone());
        let codes = |e: Vec<FieldError>| -> Vec<String> {
            e.into_iter()
                .map(|e| format!("{}:{}", e.field, e.code))
                .collect()
        };
        assert_eq!(
            codes(check_transition(
                &draft,
                ClaimStatus::Submitted,
                "",
                None,
                &required
            )),
            ["fields.dealer_code:required"]
        );
        draft.fields.insert("Dealer_Code".into(), "GZ-001".into());
        assert!(check_transition(&draft, ClaimStatus::Submitted, "", None, &required).is_empty());
        assert_eq!(
            codes(check_transition(
                &draft,
                ClaimStatus::Paid,
                "",
                Some(1),
                &[]
            )),
            ["to:not_allowed"]
        );
        assert_eq!(
            codes(check_transition(
                &claim(ClaimStatus::Draft, vec![]),
                ClaimStatus::Submitted,
                "",
                None,
                &[]
            )),
            ["lines:empty"]
        );
        let submitted = claim(ClaimStatus::Submitted, lines.clone());
        assert_eq!(
            codes(check_transition(
                &submitted,
                ClaimStatus::Rejected,
                " ",
                None,
                &[]
            )),
            ["note:required"]
        );
        let approved = claim(ClaimStatus::Approved, lines);
        assert_eq!(
            codes(check_transition(
                &approved,
                ClaimStatus::Paid,
                "",
                Some(50001),
                &[]
            )),
            ["amount.amount_minor:out_of_range"]
        );
        assert!(check_transition(&approved, ClaimStatus::Paid, "", Some(50000), &[]).is_empty());
        assert!(!ClaimStatus::Paid.can_become(ClaimStatus::Draft));
        assert!(!ClaimStatus::Rejected.can_become(ClaimStatus::Submitted));
    }
}
