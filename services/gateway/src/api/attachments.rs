//! Attachments' routes: photos and signatures uploaded to a work order or a ticket as the
//! raw bytes of the file (`Content-Type` image/jpeg, image/png or image/webp), listed per
//! owner, read one at a time and as bytes. Each is authorised like its owner: a customer
//! reaches their own tickets' and visits' files, a technician those of their own work
//! orders; anyone else's answers 404. The visit report refers to its signature and photos
//! by id ([`check_report`]).
use aftercare_contracts::attachments::{
    Attachment, AttachmentKind, AttachmentOwner, ImageType, MAX_PER_OWNER, PHOTO_MAX_BYTES,
    SIGNATURE_MAX_BYTES,
};
use aftercare_contracts::dispatch::{CompleteWorkOrder, GetWorkOrder, WorkOrder};
use aftercare_contracts::intake::{GetTicket, Ticket};
use aftercare_contracts::rpc::Page;
use aftercare_contracts::{FieldError, Role, ServiceError};
use aftercare_platform::now_ms;
use axum::Extension;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::operation::{Routes, Upload, get, path_id, post, query, schema};
use super::visibility::{display_names, ticket_visible, work_order_visible};
use crate::attachments::{self as store, Row};
use crate::body::read_within;
use crate::error::ApiError;
use crate::http::created;
use crate::identity::Principal;
use crate::state::AppState;

/// How long an upload's body may take to arrive (a phone on a weak signal).
pub(crate) const UPLOAD_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// The media types an upload may be sent as.
const IMAGE_TYPES: &[&str] = &["image/jpeg", "image/png", "image/webp"];

/// Who uploads to a work order (a technician: to their own).
const WORK_ORDER_UPLOADERS: &[Role] = &[
    Role::Technician,
    Role::Dispatcher,
    Role::Manager,
    Role::Admin,
];
/// Who reads a work order's attachments: its readers, finance (the receipt shows the
/// signature) and the customer of its ticket.
const WORK_ORDER_ATTACHMENT_READERS: &[Role] = &[
    Role::Customer,
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::Finance,
    Role::Manager,
    Role::Admin,
];
/// Who uploads to a ticket (a customer: to their own; a technician: to the tickets of
/// their work orders).
const TICKET_UPLOADERS: &[Role] = &[
    Role::Customer,
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::Manager,
    Role::Admin,
];
/// Who reads a ticket's attachments: its readers.
const TICKET_ATTACHMENT_READERS: &[Role] = super::roles::TICKET_READERS;
/// Who reads one attachment: anyone who reads some owner's; narrowed by the owner.
const ATTACHMENT_READERS: &[Role] = &[
    Role::Customer,
    Role::Agent,
    Role::Dispatcher,
    Role::Technician,
    Role::Finance,
    Role::CallbackAgent,
    Role::Manager,
    Role::Admin,
];

/// What the upload's reference says.
const UPLOAD_DOC: &str = "The file's raw bytes (not multipart), sent with its Content-Type: image/jpeg, image/png or image/webp. The bytes are checked: a file whose first bytes are not a JPEG, PNG or WebP image is refused with 415 whatever it is declared as, and one that is another of the three than declared with 422 (`body`, `content_mismatch`). A photo is at most 10 MiB (10485760 bytes), a signature at most 200 KiB (204800 bytes): larger is refused with 413 naming `body` (a declared Content-Length is refused before anything is read). An owner holds at most 50 attachments. The name the file is stored under is made by the server; nothing the client sends names it. Send an Idempotency-Key: a retry of the whole upload after a dropped connection then stores one attachment (the first answer is returned again); an upload whose body did not arrive whole stores nothing.";

/// `?kind=` of an upload.
#[derive(Debug, Deserialize)]
pub(crate) struct UploadQuery {
    kind: Option<String>,
}

/// 413, 415 or 422 naming one field, with its own code.
fn refused(status: u16, title: &str, field: &str, code: &str, message: String) -> ApiError {
    ApiError::Service(ServiceError {
        status,
        code: code.to_owned(),
        title: title.to_owned(),
        detail: format!("{field}: {message}"),
        errors: vec![FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message,
        }],
    })
}

/// The owner's id if `p` may see it (the path may give a work order's or ticket's number);
/// otherwise 404.
async fn visible_owner(
    s: &AppState,
    p: &Principal,
    owner: AttachmentOwner,
    id: &str,
) -> Result<Uuid, ApiError> {
    match owner {
        AttachmentOwner::WorkOrder => Ok(visible_work_order(s, p, id).await?.id),
        AttachmentOwner::Ticket => {
            let t: Ticket = s.call(&GetTicket { id: id.to_owned() }, Some(p)).await?;
            if TICKET_ATTACHMENT_READERS.contains(&p.role) && ticket_visible(s, p, &t).await? {
                Ok(t.id)
            } else {
                Err(ApiError::not_found("ticket", id))
            }
        }
    }
}

/// Work order `id` when `p` may see its attachments, else 404.
async fn visible_work_order(s: &AppState, p: &Principal, id: &str) -> Result<WorkOrder, ApiError> {
    let w: WorkOrder = s.call(&GetWorkOrder { id: id.to_owned() }, Some(p)).await?;
    if work_order_attachments_visible(s, p, &w).await? {
        Ok(w)
    } else {
        Err(ApiError::not_found("work order", id))
    }
}

/// Whether `p` may see a work order's attachments: those who read the work order (a
/// technician: their own), finance, and the customer whose ticket it serves; a
/// ticket-code session does not.
async fn work_order_attachments_visible(
    s: &AppState,
    p: &Principal,
    w: &WorkOrder,
) -> Result<bool, ApiError> {
    if p.ticket_id.is_some() || !WORK_ORDER_ATTACHMENT_READERS.contains(&p.role) {
        return Ok(false);
    }
    if p.role == Role::Customer {
        let t: Ticket = s
            .call(
                &GetTicket {
                    id: w.ticket_id.to_string(),
                },
                Some(p),
            )
            .await?;
        return Ok(p.customer_id.is_some() && t.customer_id == p.customer_id);
    }
    Ok(work_order_visible(p, w))
}

/// The attachment's row if `p` may see its owner; otherwise 404.
async fn visible_row(s: &AppState, p: &Principal, id: &str) -> Result<Row, ApiError> {
    let gone = || ApiError::not_found("attachment", id);
    if Uuid::parse_str(id).is_err() {
        return Err(gone());
    }
    let row = store::by_id(&s.db, id).await?.ok_or_else(gone)?;
    let owner = row.owner().ok_or_else(gone)?;
    match visible_owner(s, p, owner, &row.owner_id).await {
        Ok(_) => Ok(row),
        Err(ApiError::Service(e)) if e.status == 404 => Err(gone()),
        Err(e) => Err(e),
    }
}

/// The rows as the API shows them, with the uploaders' names.
async fn shown(s: &AppState, rows: &[Row]) -> Result<Vec<Attachment>, ApiError> {
    let names = display_names(s, rows.iter().map(|r| r.uploaded_by.clone()).collect()).await?;
    Ok(rows
        .iter()
        .filter_map(|r| r.to_api(names.get(&r.uploaded_by).cloned()))
        .collect())
}

/// Stores an upload to `owner` `id` as the caller.
async fn upload(
    s: AppState,
    p: Principal,
    owner: AttachmentOwner,
    id: String,
    q: UploadQuery,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let kind = match q.kind.as_deref().map(str::trim) {
        None | Some("") => {
            return Err(ApiError::field(
                "kind",
                "required",
                "say what the file is: kind=photo or kind=signature",
            ));
        }
        Some(k) => AttachmentKind::parse(k).ok_or_else(|| {
            ApiError::field("kind", "invalid", "kind must be one of: photo, signature")
        })?,
    };
    if owner == AttachmentOwner::Ticket && kind == AttachmentKind::Signature {
        return Err(ApiError::field(
            "kind",
            "not_allowed",
            "a signature belongs to a visit: upload it to the work order",
        ));
    }
    let declared_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let Some(declared) = ImageType::from_mime(declared_type) else {
        return Err(refused(
            415,
            "Unsupported media type",
            "Content-Type",
            "unsupported_media_type",
            format!("send the file as image/jpeg, image/png or image/webp, not {declared_type:?}"),
        ));
    };
    let max = kind.max_bytes();
    let too_large = || {
        refused(
            413,
            "File too large",
            "body",
            "too_large",
            format!("a {} is at most {max} bytes", kind.as_str()),
        )
    };
    let declared_length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared_length.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let owner_id = if owner == AttachmentOwner::WorkOrder {
        let w = visible_work_order(&s, &p, &id).await?;
        if crate::attachments::closed_for_uploads(&w) {
            return Err(ApiError::Service(
                aftercare_contracts::ServiceError::conflict(
                    "visit_closed",
                    format!(
                        "work order {} is reported or cancelled: its photos and signature are the ones its report names",
                        w.number
                    ),
                ),
            ));
        }
        w.id
    } else {
        visible_owner(&s, &p, owner, &id).await?
    };
    let bytes = match read_within(body, max, UPLOAD_READ_TIMEOUT).await {
        Ok(b) => b,
        Err(ApiError::BodyTooLarge(_)) => return Err(too_large()),
        Err(e) => return Err(e),
    };
    if bytes.is_empty() {
        return Err(ApiError::field(
            "body",
            "required",
            "the body is the file: it is empty",
        ));
    }
    let Some(actual) = ImageType::sniff(&bytes) else {
        return Err(refused(
            415,
            "Unsupported media type",
            "body",
            "not_an_image",
            "the file is not a JPEG, PNG or WebP image".into(),
        ));
    };
    if actual != declared {
        return Err(ApiError::field(
            "body",
            "content_mismatch",
            format!(
                "the file is {}, not the {} declared in Content-Type",
                actual.mime(),
                declared.mime()
            ),
        ));
    }
    if store::count_of_owner(&s.db, owner, owner_id).await? >= MAX_PER_OWNER {
        return Err(ApiError::Service(ServiceError {
            status: 422,
            code: "validation_failed".into(),
            title: "The request is not valid".into(),
            detail: format!("an owner holds at most {MAX_PER_OWNER} attachments"),
            errors: vec![FieldError {
                field: "id".into(),
                code: "too_many".into(),
                message: format!(
                    "this {} already holds {MAX_PER_OWNER} attachments",
                    owner.as_str()
                ),
            }],
        }));
    }
    let attachment_id = Uuid::now_v7();
    let key = store::object_key(owner, owner_id, attachment_id, actual);
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let row = Row {
        attachment_id: attachment_id.to_string(),
        owner_kind: owner.as_str().to_owned(),
        owner_id: owner_id.to_string(),
        kind: kind.as_str().to_owned(),
        content_type: actual.mime().to_owned(),
        size: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        sha256,
        object_key: key.clone(),
        uploaded_by: p.account_id.clone(),
        uploaded_at: now_ms(),
        referenced_at: None,
    };
    s.attachments.put(&key, bytes).await.map_err(|e| {
        tracing::error!(error = %e, "the attachment store refused a file");
        ApiError::ServiceUnavailable("the attachment store is not available".into())
    })?;
    if let Err(e) = store::insert(&s.db, &row).await {
        if let Err(gone) = s.attachments.delete(&key).await {
            tracing::error!(error = %gone, key, "an unrecorded attachment could not be removed");
        }
        return Err(e.into());
    }
    let shown = shown(&s, std::slice::from_ref(&row))
        .await?
        .pop()
        .ok_or_else(|| ApiError::Service(ServiceError::internal()))?;
    Ok(created(
        &shown,
        format!("/api/v1/attachments/{attachment_id}"),
        None,
    ))
}

pub(crate) async fn upload_to_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    upload(s, p, AttachmentOwner::WorkOrder, id, q, headers, body).await
}

pub(crate) async fn upload_to_ticket(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    upload(s, p, AttachmentOwner::Ticket, id, q, headers, body).await
}

async fn list(
    s: AppState,
    p: Principal,
    owner: AttachmentOwner,
    id: String,
) -> Result<Response, ApiError> {
    let owner_id = visible_owner(&s, &p, owner, &id).await?;
    let rows = store::of_owner(&s.db, owner, owner_id).await?;
    Ok(Json(Page {
        items: shown(&s, &rows).await?,
        next_cursor: None,
    })
    .into_response())
}

pub(crate) async fn list_of_work_order(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    list(s, p, AttachmentOwner::WorkOrder, id).await
}

pub(crate) async fn list_of_ticket(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    list(s, p, AttachmentOwner::Ticket, id).await
}

pub(crate) async fn get_attachment(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let row = visible_row(&s, &p, &id).await?;
    let a = shown(&s, std::slice::from_ref(&row))
        .await?
        .pop()
        .ok_or_else(|| ApiError::not_found("attachment", &id))?;
    Ok(Json(a).into_response())
}

pub(crate) async fn get_content(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let row = visible_row(&s, &p, &id).await?;
    let Some(t) = ImageType::from_mime(&row.content_type) else {
        return Err(ApiError::not_found("attachment", &id));
    };
    let etag = format!("\"{}\"", row.sha256);
    let cache = HeaderValue::from_static("private, max-age=31536000, immutable");
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|e| e.trim() == etag || e.trim() == "*"));
    if fresh {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        let h = r.headers_mut();
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
        h.insert(header::CACHE_CONTROL, cache);
        return Ok(r);
    }
    let stream = s
        .attachments
        .get(&row.object_key)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "the attachment store could not be read");
            ApiError::ServiceUnavailable("the attachment store is not available".into())
        })?
        .ok_or_else(|| ApiError::not_found("attachment", &id))?;
    let mut r = Body::from_stream(stream).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(t.mime()));
    if let Ok(v) = HeaderValue::from_str(&row.size.to_string()) {
        h.insert(header::CONTENT_LENGTH, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!(
        "inline; filename=\"{}-{}.{}\"",
        row.kind,
        row.attachment_id,
        t.extension()
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, cache);
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(r)
}

/// Problems with the attachments a visit report of work order `work_order` refers to:
/// each must be stored, belong to that work order and be of the kind its place says
/// (the signature a `signature`, the photos `photo`). Dispatch checks the rest of the
/// report, and its consent rule, itself.
pub(crate) async fn check_report(
    s: &AppState,
    work_order: Uuid,
    req: &CompleteWorkOrder,
) -> Result<Vec<FieldError>, ApiError> {
    let mut wanted: Vec<(String, Uuid, AttachmentKind)> = Vec::new();
    if let Some(a) = req.signature.as_ref().and_then(|s| s.attachment_id) {
        wanted.push((
            "signature.attachment_id".into(),
            a,
            AttachmentKind::Signature,
        ));
    }
    for (i, a) in req.photo_attachment_ids.iter().enumerate() {
        wanted.push((
            format!("photo_attachment_ids[{i}]"),
            *a,
            AttachmentKind::Photo,
        ));
    }
    let mut errors = Vec::new();
    for (field, id, kind) in wanted {
        let row = store::by_id(&s.db, &id.to_string()).await?;
        let problem = match row {
            None => Some(("not_found", "no such attachment".to_owned())),
            Some(r)
                if r.owner() != Some(AttachmentOwner::WorkOrder)
                    || r.owner_id != work_order.to_string() =>
            {
                Some((
                    "not_found",
                    "no such attachment on this work order".to_owned(),
                ))
            }
            Some(r) if r.kind != kind.as_str() => Some((
                "wrong_kind",
                format!("the attachment is a {}, not a {}", r.kind, kind.as_str()),
            )),
            Some(_) => None,
        };
        if let Some((code, message)) = problem {
            errors.push(FieldError {
                field,
                code: code.into(),
                message,
            });
        }
    }
    Ok(errors)
}

/// The attachments a filed report refers to, kept for good from now on.
pub(crate) fn referenced_by(req: &CompleteWorkOrder) -> Vec<Uuid> {
    req.signature
        .as_ref()
        .and_then(|s| s.attachment_id)
        .into_iter()
        .chain(req.photo_attachment_ids.iter().copied())
        .collect()
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    let upload_doc = Upload {
        media: IMAGE_TYPES,
        max_bytes: PHOTO_MAX_BYTES.max(SIGNATURE_MAX_BYTES),
        doc: UPLOAD_DOC,
    };
    let kind = query(
        "kind",
        schema::<AttachmentKind>,
        "photo (at most 10 MiB) or signature (at most 200 KiB).",
    )
    .required();
    Routes::tagged("attachments")
        .add(
            post("uploadWorkOrderAttachment", "/workorders/{id}/attachments")
                .summary("Upload a photo or the customer's signature to a work order (the raw image bytes; JPEG, PNG or WebP checked by their first bytes; photos up to 10 MiB, signatures up to 200 KiB); the visit report then refers to it by id")
                .roles(WORK_ORDER_UPLOADERS)
                .scope("technician: own work orders only")
                .params(&[path_id("Work order id or number."), kind])
                .upload(upload_doc)
                .creates()
                .reply::<Attachment>()
                .to(upload_to_work_order),
        )
        .add(
            get("listWorkOrderAttachments", "/workorders/{id}/attachments")
                .summary("A work order's photos and signature, oldest first")
                .roles(WORK_ORDER_ATTACHMENT_READERS)
                .scope("technician: own work orders; customer: the visits of own tickets")
                .params(&[path_id("Work order id or number.")])
                .reply::<Page<Attachment>>()
                .to(list_of_work_order),
        )
        .add(
            post("uploadTicketAttachment", "/tickets/{id}/attachments")
                .summary("Upload a photo of the fault to a ticket (the raw image bytes; JPEG, PNG or WebP checked by their first bytes; up to 10 MiB)")
                .roles(TICKET_UPLOADERS)
                .scope("customer: own tickets; technician: tickets of their work orders")
                .params(&[path_id("Ticket id or number."), kind])
                .upload(upload_doc)
                .creates()
                .reply::<Attachment>()
                .to(upload_to_ticket),
        )
        .add(
            get("listTicketAttachments", "/tickets/{id}/attachments")
                .summary("A ticket's photos, oldest first")
                .roles(TICKET_ATTACHMENT_READERS)
                .ticket_code()
                .scope("as getTicket: customer: own; technician: tickets of their work orders; ticket code: that ticket")
                .params(&[path_id("Ticket id or number.")])
                .reply::<Page<Attachment>>()
                .to(list_of_ticket),
        )
        .add(
            get("getAttachment", "/attachments/{id}")
                .summary("One attachment's record: owner, kind, type, size, SHA-256, who uploaded it and when, whether a visit report refers to it")
                .roles(ATTACHMENT_READERS)
                .ticket_code()
                .scope("as its owner: a work order's as listWorkOrderAttachments, a ticket's as listTicketAttachments")
                .params(&[path_id("Attachment id.")])
                .reply::<Attachment>()
                .to(get_attachment),
        )
        .add(
            get("getAttachmentContent", "/attachments/{id}/content")
                .summary("An attachment's bytes, with its type, an inline Content-Disposition under the server's name, its SHA-256 as ETag (If-None-Match answers 304) and a private cache")
                .roles(ATTACHMENT_READERS)
                .ticket_code()
                .scope("as its owner: a work order's as listWorkOrderAttachments, a ticket's as listTicketAttachments")
                .params(&[path_id("Attachment id.")])
                .file(IMAGE_TYPES, "The file's bytes, in the type they were recognised as when uploaded.")
                .to(get_content),
        )
}
