//! The customer's consent on a visit report: a visit charged to the customer is agreed by
//! their signature (签名确认), and the report's photos and signature are attachments named
//! once each.
use aftercare_contracts::FieldError;
use aftercare_contracts::attachments::MAX_REPORT_PHOTOS;
use aftercare_contracts::dispatch::CompleteWorkOrder;

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
}
