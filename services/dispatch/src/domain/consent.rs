//! The customer's consent on a visit report: a visit charged to the customer is agreed by
//! their signature (签名确认), and the report's photos and signature are attachments named
//! once each.
use aftercare_contracts::FieldError;
use aftercare_contracts::attachments::MAX_REPORT_PHOTOS;
use aftercare_contracts::billing::QuotationState;
use aftercare_contracts::dispatch::{CompleteWorkOrder, VisitOutcome};

use super::err;

/// Problems with the consent and the attachments a report refers to: a chargeable visit
/// without the customer's drawn signature (a name alone is not a signature), more than
/// [`MAX_REPORT_PHOTOS`] photos, a photo named twice, or the signature's attachment also
/// given as a photo. Whether each attachment exists and belongs to the work order is
/// checked where the files are kept (the gateway), before the report reaches dispatch.
pub fn check_consent(req: &CompleteWorkOrder) -> Vec<FieldError> {
    let mut e = Vec::new();
    if req.chargeable && !req.signature.as_ref().is_some_and(|s| s.drawn()) {
        e.push(err(
            "signature",
            "required",
            "a chargeable visit needs the customer's signature agreeing to the charge: upload it (kind signature) and give signature.attachment_id",
        ));
    }
    if req.photo_attachment_ids.len() > MAX_REPORT_PHOTOS {
        e.push(err(
            "photo_attachment_ids",
            "too_many",
            format!("a report refers to at most {MAX_REPORT_PHOTOS} photos"),
        ));
    }
    for (i, id) in req.photo_attachment_ids.iter().enumerate() {
        if req.photo_attachment_ids[..i].contains(id) {
            e.push(err(
                &format!("photo_attachment_ids[{i}]"),
                "duplicate",
                "each photo is named once",
            ));
        }
        if req.signature.as_ref().and_then(|s| s.attachment_id) == Some(*id) {
            e.push(err(
                &format!("photo_attachment_ids[{i}]"),
                "invalid",
                "the signature's attachment is not also a photo",
            ));
        }
    }
    e
}

/// The quotation (报价) behind a chargeable visit: a report of work done (`completed`)
/// that charges the customer (`chargeable`) needs the work order's quotation accepted
/// (`answers`: the answers billing announced, oldest first). None at all, or a refusal
/// (which ends the visit not fixed, charged as the refusal says), is refused on the field
/// `quotation`. Reports that end otherwise (waiting for parts, workshop, could not fix)
/// and work that charges nothing are not quoted.
pub fn check_quotation(req: &CompleteWorkOrder, answers: &[QuotationState]) -> Option<FieldError> {
    if !req.chargeable || req.outcome != VisitOutcome::Completed {
        return None;
    }
    if answers.contains(&QuotationState::Refused) {
        return Some(err(
            "quotation",
            "refused",
            "the customer refused this work order's quotation: the visit ends not fixed (outcome could_not_fix), charged as the refusal says",
        ));
    }
    if answers.contains(&QuotationState::Accepted) {
        return None;
    }
    Some(err(
        "quotation",
        "required",
        "chargeable work needs the customer's accepted quotation first: offer it (POST /workorders/{id}/quotations) and record their answer",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tests::{fields, report};
    use aftercare_contracts::dispatch::Signature;
    use uuid::Uuid;

    fn signed(attachment: Option<Uuid>) -> Option<Signature> {
        Some(Signature {
            signer: "王女士".into(),
            image_png_base64: None,
            attachment_id: attachment,
        })
    }

    #[test]
    fn a_chargeable_visit_needs_a_drawn_signature() {
        let mut r = report();
        r.chargeable = true;
        assert_eq!(
            fields(check_consent(&r)),
            [("signature".to_owned(), "required".to_owned())]
        );
        r.signature = signed(None);
        assert_eq!(
            fields(check_consent(&r)),
            [("signature".to_owned(), "required".to_owned())],
            "a name without the drawing is no consent"
        );
        r.signature = signed(Some(Uuid::now_v7()));
        assert!(check_consent(&r).is_empty());
    }

    #[test]
    fn a_visit_not_charged_needs_no_signature() {
        let mut r = report();
        assert!(check_consent(&r).is_empty());
        r.signature = signed(None);
        assert!(check_consent(&r).is_empty());
    }

    #[test]
    fn photos_are_named_once_each_and_not_as_the_signature() {
        let mut r = report();
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        r.signature = signed(Some(b));
        r.photo_attachment_ids = vec![a, a, b];
        assert_eq!(
            fields(check_consent(&r)),
            [
                ("photo_attachment_ids[1]".to_owned(), "duplicate".to_owned()),
                ("photo_attachment_ids[2]".to_owned(), "invalid".to_owned())
            ]
        );
        r.photo_attachment_ids = (0..=MAX_REPORT_PHOTOS).map(|_| Uuid::now_v7()).collect();
        r.signature = None;
        assert_eq!(
            fields(check_consent(&r)),
            [("photo_attachment_ids".to_owned(), "too_many".to_owned())]
        );
    }

    fn quotation(r: &CompleteWorkOrder, answers: &[QuotationState]) -> Option<(String, String)> {
        check_quotation(r, answers).map(|e| (e.field, e.code))
    }

    #[test]
    fn chargeable_work_done_needs_an_accepted_quotation() {
        let mut r = report();
        r.chargeable = true;
        let required = Some(("quotation".to_owned(), "required".to_owned()));
        assert_eq!(quotation(&r, &[]), required, "never quoted");
        assert_eq!(
            quotation(&r, &[QuotationState::Offered]),
            required,
            "offered, not answered"
        );
        assert_eq!(quotation(&r, &[QuotationState::Accepted]), None);
        assert_eq!(
            quotation(&r, &[QuotationState::Accepted, QuotationState::Accepted]),
            None,
            "a second, higher quotation accepted too"
        );
        assert_eq!(
            quotation(&r, &[QuotationState::Refused]),
            Some(("quotation".to_owned(), "refused".to_owned())),
            "a refusal ends the visit: it is not reported as work done"
        );
    }

    #[test]
    fn work_not_charged_or_not_done_is_not_quoted() {
        let mut r = report();
        assert_eq!(quotation(&r, &[]), None, "covered or free");
        r.chargeable = true;
        for outcome in [
            VisitOutcome::CouldNotFix,
            VisitOutcome::WaitingForParts,
            VisitOutcome::TakenToWorkshop,
        ] {
            r.outcome = outcome;
            assert_eq!(quotation(&r, &[]), None, "{outcome:?}");
        }
        r.outcome = VisitOutcome::CouldNotFix;
        assert_eq!(
            quotation(&r, &[QuotationState::Refused]),
            None,
            "the refused visit is reported not fixed"
        );
    }
}
