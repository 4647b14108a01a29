//! Manufacturer claims (厂家索赔): which receipt lines a brand pays for, the removed parts
//! that go back, what a brand requires before a claim is sent, and the claim's states.
use std::collections::BTreeMap;

use aftercare_contracts::Money;
use aftercare_contracts::billing::{
    ClaimLine, ClaimRequirements, ClaimStatus, ClaimsOutstanding, Coverage, FeeTerms, Invoice,
    ManufacturerClaim, RemovedPart, limits,
};
use aftercare_contracts::intake::MachineInfo;
use aftercare_contracts::rpc::FieldError;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The key a brand is filed under: trimmed, lower case, so `Canon` and ` canon ` share one
/// open draft and one set of requirements.
pub fn brand_key(brand: &str) -> String {
    brand.trim().to_lowercase()
}

/// The brand a machine's claim is made to, as the fee schedule spells it (its brand
/// warranty row), else as the machine was registered.
pub fn claim_brand(terms: &FeeTerms, machine: &MachineInfo) -> String {
    terms
        .brand_warranties
        .iter()
        .find(|b| b.brand.trim().eq_ignore_ascii_case(machine.brand.trim()))
        .map_or_else(
            || machine.brand.trim().to_owned(),
            |b| b.brand.trim().to_owned(),
        )
}

/// A brand's new draft claim holding a receipt's claimed lines: a brand has at most one
/// open draft, which gathers lines until it is submitted.
pub fn new_draft(
    id: Uuid,
    number: String,
    brand: String,
    lines: Vec<ClaimLine>,
    currency: &str,
    at: DateTime<Utc>,
) -> ManufacturerClaim {
    ManufacturerClaim {
        id,
        number,
        brand,
        status: ClaimStatus::Draft,
        removed_parts: removed_parts(&lines),
        total: Money {
            amount_minor: lines.iter().map(|l| l.amount.amount_minor).sum(),
            currency: currency.to_owned(),
        },
        lines,
        fields: Default::default(),
        note: None,
        paid: None,
        created_at: at,
        updated_at: at,
        version: 1,
    }
}

/// Merges a receipt's claimed lines into the brand's open draft: the lines are added after
/// those already there, the removed parts and the total are summed again over all lines,
/// and the draft moves to its next version.
pub fn merge_into_draft(
    draft: ManufacturerClaim,
    lines: Vec<ClaimLine>,
    at: DateTime<Utc>,
) -> ManufacturerClaim {
    let mut claim = draft;
    claim.lines.extend(lines);
    claim.removed_parts = removed_parts(&claim.lines);
    claim.total.amount_minor = claim.lines.iter().map(|l| l.amount.amount_minor).sum();
    claim.updated_at = at;
    claim.version += 1;
    claim
}

/// A draft with a clerk's brand fields filled in: an empty value removes the field, names
/// and values are trimmed.
pub fn with_fields(
    claim: ManufacturerClaim,
    fields: BTreeMap<String, String>,
    at: DateTime<Utc>,
) -> ManufacturerClaim {
    let mut c = claim;
    for (k, v) in fields {
        if v.trim().is_empty() {
            c.fields.remove(k.trim());
        } else {
            c.fields.insert(k.trim().to_owned(), v.trim().to_owned());
        }
    }
    c.version += 1;
    c.updated_at = at;
    c
}

/// A claim moved to `to` (checked by [`check_transition`]): a note replaces the last one
/// when given, and what the brand paid is kept once it is paid.
pub fn moved(
    claim: ManufacturerClaim,
    to: ClaimStatus,
    note: &str,
    amount: Option<Money>,
    at: DateTime<Utc>,
) -> ManufacturerClaim {
    ManufacturerClaim {
        status: to,
        note: if note.trim().is_empty() {
            claim.note.clone()
        } else {
            Some(note.trim().to_owned())
        },
        paid: if to == ClaimStatus::Paid {
            amount
        } else {
            claim.paid.clone()
        },
        updated_at: at,
        version: claim.version + 1,
        ..claim
    }
}

/// Claims not yet settled summed per brand (by [`brand_key`], in key order): drafts,
/// submitted and approved awaiting payment, with the oldest claim's day.
pub fn outstanding(claims: &[ManufacturerClaim]) -> Vec<ClaimsOutstanding> {
    let mut by_brand: BTreeMap<String, ClaimsOutstanding> = BTreeMap::new();
    for c in claims {
        let row = by_brand
            .entry(brand_key(&c.brand))
            .or_insert_with(|| ClaimsOutstanding {
                brand: c.brand.clone(),
                draft: 0,
                draft_minor: 0,
                submitted: 0,
                submitted_minor: 0,
                approved: 0,
                approved_minor: 0,
                oldest: None,
            });
        let total = c.total.amount_minor;
        match c.status {
            ClaimStatus::Draft => {
                row.draft += 1;
                row.draft_minor += total;
            }
            ClaimStatus::Submitted => {
                row.submitted += 1;
                row.submitted_minor += total;
            }
            ClaimStatus::Approved => {
                row.approved += 1;
                row.approved_minor += total;
            }
            ClaimStatus::Rejected | ClaimStatus::Paid => {}
        }
        row.oldest = Some(row.oldest.map_or(c.created_at, |o| o.min(c.created_at)));
    }
    by_brand.into_values().collect()
}

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
    let limit = aftercare_contracts::billing::limits::CLAIM_VALUES;
    if !limit.entries.allows(fields.len()) {
        e.push(err("fields", "too_many", "at most 50 fields"));
    }
    for (k, v) in fields {
        let n = k.trim().chars().count();
        if n == 0 || !limit.name.fits(k.chars().count()) {
            e.push(err(
                format!("fields.{k}"),
                "invalid",
                "a field name is 1-64 characters",
            ));
        } else if !limit.value.fits(v.chars().count()) {
            e.push(err(
                format!("fields.{k}"),
                "too_long",
                "a field value is at most 500 characters",
            ));
        }
    }
    e
}

/// A brand's requirements as kept: brand and field names trimmed.
pub fn trimmed_requirements(r: ClaimRequirements) -> ClaimRequirements {
    ClaimRequirements {
        brand: r.brand.trim().to_owned(),
        required_fields: r
            .required_fields
            .iter()
            .map(|f| f.trim().to_owned())
            .collect(),
    }
}

/// Checks a brand's requirements.
pub fn check_requirements(r: &ClaimRequirements) -> Vec<FieldError> {
    let mut e = Vec::new();
    let n = r.brand.trim().chars().count();
    if !limits::CLAIM_NAME.fits(n) {
        e.push(err("brand", "invalid", "brand is 1-64 characters"));
    }
    if !limits::CLAIM_FIELDS.allows(r.required_fields.len()) {
        e.push(err("required_fields", "too_many", "at most 50 fields"));
    }
    for (i, f) in r.required_fields.iter().enumerate() {
        let n = f.trim().chars().count();
        if !limits::CLAIM_NAME.fits(n) {
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
            labour: None,
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

    fn claim_line(receipt: &str, sku: Option<&str>, quantity: u32, amount: i64) -> ClaimLine {
        ClaimLine {
            receipt_number: receipt.into(),
            work_order_id: Uuid::nil(),
            machine: machine(),
            kind: if sku.is_some() {
                LineKind::Part
            } else {
                LineKind::Labour
            },
            description: "x".into(),
            sku: sku.map(str::to_owned),
            quantity,
            amount: Money::cny(amount),
        }
    }

    #[test]
    fn a_new_draft_sums_its_lines_and_parts() {
        let at = DateTime::UNIX_EPOCH + chrono::Duration::hours(1);
        let draft = new_draft(
            Uuid::nil(),
            "MC2026-000001".into(),
            "Canon".into(),
            vec![
                claim_line("R1", Some("FUSER"), 2, 40000),
                claim_line("R1", None, 1, 9000),
            ],
            "CNY",
            at,
        );
        assert_eq!(draft.status, ClaimStatus::Draft);
        assert_eq!(draft.total, Money::cny(49000));
        assert_eq!(
            draft.removed_parts,
            [RemovedPart {
                sku: "FUSER".into(),
                quantity: 2
            }]
        );
        assert_eq!(
            (draft.created_at, draft.updated_at, draft.version),
            (at, at, 1)
        );
    }

    #[test]
    fn a_receipts_lines_merge_into_the_open_draft() {
        let draft = claim(
            ClaimStatus::Draft,
            vec![claim_line("R1", Some("FUSER"), 1, 20000)],
        );
        let at = DateTime::UNIX_EPOCH + chrono::Duration::days(1);
        let merged = merge_into_draft(
            draft,
            vec![
                claim_line("R2", Some("FUSER"), 2, 40000),
                claim_line("R2", Some("DRUM"), 1, 15000),
                claim_line("R2", None, 1, 9000),
            ],
            at,
        );
        assert_eq!(
            merged
                .lines
                .iter()
                .map(|l| l.receipt_number.as_str())
                .collect::<Vec<_>>(),
            ["R1", "R2", "R2", "R2"],
            "earlier lines first"
        );
        assert_eq!(merged.total, Money::cny(84000));
        assert_eq!(
            merged.removed_parts,
            [
                RemovedPart {
                    sku: "DRUM".into(),
                    quantity: 1
                },
                RemovedPart {
                    sku: "FUSER".into(),
                    quantity: 3
                }
            ]
        );
        assert_eq!((merged.version, merged.updated_at), (2, at));
        assert_eq!(merged.created_at, DateTime::UNIX_EPOCH, "created stays");
    }

    #[test]
    fn the_claim_goes_to_the_brand_as_the_schedule_spells_it() {
        let mut terms = crate::domain::schedule::default_terms();
        let mut m = machine();
        m.brand = " canon ".into();
        assert_eq!(claim_brand(&terms, &m), "canon");
        terms
            .brand_warranties
            .push(aftercare_contracts::billing::BrandWarranty {
                brand: "Canon ".into(),
                months: 24,
                covers_labour: false,
            });
        assert_eq!(claim_brand(&terms, &m), "Canon");
        assert_eq!(brand_key(" CaNon "), "canon");
    }

    #[test]
    fn fields_are_trimmed_and_an_empty_value_removes_one() {
        let mut c = claim(ClaimStatus::Draft, vec![]);
        c.fields.insert("dealer_code".into(), "GZ-001".into());
        let filled = with_fields(
            c,
            BTreeMap::from([
                (" dealer_code ".to_owned(), " ".to_owned()),
                ("model".to_owned(), " iR-2204 ".to_owned()),
            ]),
            DateTime::UNIX_EPOCH,
        );
        assert_eq!(
            filled.fields,
            BTreeMap::from([("model".to_owned(), "iR-2204".to_owned())])
        );
        assert_eq!(filled.version, 2);
    }

    #[test]
    fn a_moved_claim_keeps_its_note_unless_given_and_records_payment() {
        let mut c = claim(ClaimStatus::Approved, vec![claim_line("R1", None, 1, 900)]);
        c.note = Some("approved by phone".into());
        let paid = moved(
            c.clone(),
            ClaimStatus::Paid,
            " ",
            Some(Money::cny(800)),
            DateTime::UNIX_EPOCH,
        );
        assert_eq!(paid.note.as_deref(), Some("approved by phone"));
        assert_eq!(paid.paid, Some(Money::cny(800)));
        assert_eq!(paid.version, 2);
        let rejected = moved(
            c,
            ClaimStatus::Rejected,
            " no proof ",
            Some(Money::cny(800)),
            DateTime::UNIX_EPOCH,
        );
        assert_eq!(rejected.note.as_deref(), Some("no proof"));
        assert_eq!(rejected.paid, None);
    }

    #[test]
    fn outstanding_claims_are_summed_per_brand() {
        let later = DateTime::UNIX_EPOCH + chrono::Duration::days(3);
        let mut a = claim(ClaimStatus::Draft, vec![claim_line("R1", None, 1, 100)]);
        a.created_at = later;
        let mut b = claim(ClaimStatus::Submitted, vec![claim_line("R2", None, 1, 200)]);
        b.brand = "canon ".into();
        let mut sharp = claim(ClaimStatus::Approved, vec![claim_line("R3", None, 1, 300)]);
        sharp.brand = "Sharp".into();
        let rows = outstanding(&[a, b, sharp]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].brand, "Canon");
        assert_eq!(
            (
                rows[0].draft,
                rows[0].draft_minor,
                rows[0].submitted,
                rows[0].submitted_minor
            ),
            (1, 100, 1, 200)
        );
        assert_eq!(rows[0].oldest, Some(DateTime::UNIX_EPOCH));
        assert_eq!((rows[1].approved, rows[1].approved_minor), (1, 300));
    }
}
