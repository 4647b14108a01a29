//! Attachments: the photos and signatures a work order or a ticket carries (照片, 客户签名).
//! The gateway keeps the files in the attachment store and a row per file in its own
//! database (bytes never travel over NATS); a visit report refers to its signature and
//! photos by id. These are the shapes the API answers and the limits it enforces.
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Largest photo, in bytes (10 MiB): a phone's camera picture, best scaled down first.
pub const PHOTO_MAX_BYTES: usize = 10 * 1024 * 1024;
/// Largest signature, in bytes (200 KiB): a drawing on the screen.
pub const SIGNATURE_MAX_BYTES: usize = 200 * 1024;
/// Most attachments one work order or ticket holds (removed ones do not count).
pub const MAX_PER_OWNER: usize = 50;
/// Most photos one visit report refers to.
pub const MAX_REPORT_PHOTOS: usize = 20;
/// How long an upload to a work order waits for a filed visit report to refer to it
/// before it counts as orphaned and is removed, in hours.
pub const ORPHAN_AFTER_HOURS: i64 = 24;

/// What an attachment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    /// A photo of the machine, the fault or the site (up to 10 MiB).
    Photo,
    /// The customer's signature drawn on the screen (up to 200 KiB; work orders only).
    Signature,
}

impl AttachmentKind {
    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Photo => "photo",
            AttachmentKind::Signature => "signature",
        }
    }

    /// The wire name read back; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "photo" => Some(AttachmentKind::Photo),
            "signature" => Some(AttachmentKind::Signature),
            _ => None,
        }
    }

    /// The largest file of this kind, in bytes.
    pub fn max_bytes(self) -> usize {
        match self {
            AttachmentKind::Photo => PHOTO_MAX_BYTES,
            AttachmentKind::Signature => SIGNATURE_MAX_BYTES,
        }
    }
}

/// What an attachment belongs to; it is authorised like its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentOwner {
    /// A work order (its visit report refers to its signature and photos).
    WorkOrder,
    /// A ticket (photos of the fault sent with the request).
    Ticket,
}

impl AttachmentOwner {
    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentOwner::WorkOrder => "work_order",
            AttachmentOwner::Ticket => "ticket",
        }
    }

    /// The wire name read back; `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "work_order" => Some(AttachmentOwner::WorkOrder),
            "ticket" => Some(AttachmentOwner::Ticket),
            _ => None,
        }
    }
}

/// The image types accepted, each recognised by its first bytes (the declared
/// `Content-Type` must name the same type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum ImageType {
    /// `image/jpeg`.
    #[serde(rename = "image/jpeg")]
    Jpeg,
    /// `image/png`.
    #[serde(rename = "image/png")]
    Png,
    /// `image/webp`.
    #[serde(rename = "image/webp")]
    Webp,
}

impl ImageType {
    /// Every accepted type.
    pub const ALL: [ImageType; 3] = [ImageType::Jpeg, ImageType::Png, ImageType::Webp];

    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Jpeg => "image/jpeg",
            ImageType::Png => "image/png",
            ImageType::Webp => "image/webp",
        }
    }

    /// The file extension of the names the server gives.
    pub fn extension(self) -> &'static str {
        match self {
            ImageType::Jpeg => "jpg",
            ImageType::Png => "png",
            ImageType::Webp => "webp",
        }
    }

    /// The type a `Content-Type` value names (parameters and case ignored).
    pub fn from_mime(content_type: &str) -> Option<Self> {
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        ImageType::ALL.into_iter().find(|t| t.mime() == mime)
    }

    /// The type the file's first bytes say it is: JPEG (`FF D8 FF`), PNG (the 8-byte
    /// signature followed by an `IHDR` chunk) or WebP (`RIFF` … `WEBP` with a `VP8`
    /// chunk); `None` for anything else, whatever its name or declared type.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.len() >= 4 && bytes[..3] == [0xFF, 0xD8, 0xFF] {
            return Some(ImageType::Jpeg);
        }
        if bytes.len() >= 16 && bytes[..8] == *b"\x89PNG\r\n\x1a\n" && bytes[12..16] == *b"IHDR" {
            return Some(ImageType::Png);
        }
        if bytes.len() >= 16
            && bytes[..4] == *b"RIFF"
            && bytes[8..12] == *b"WEBP"
            && bytes[12..15] == *b"VP8"
        {
            return Some(ImageType::Webp);
        }
        None
    }
}

/// An attachment's record: what the file is and whose, never its bytes (those are at
/// `content`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    /// UUIDv7; the file's name in the store is made from it, never from the client.
    pub id: Uuid,
    /// What it belongs to.
    pub owner: AttachmentOwner,
    /// The work order's or ticket's id.
    pub owner_id: Uuid,
    /// Photo or signature.
    pub kind: AttachmentKind,
    /// The type its bytes were recognised as.
    pub content_type: ImageType,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the bytes, lower-case hex (also the content's `ETag`).
    pub sha256: String,
    /// The account that uploaded it.
    pub uploaded_by: String,
    /// That account's display name, when it still exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_by_name: Option<String>,
    /// When it was stored.
    pub uploaded_at: DateTime<Utc>,
    /// Whether a filed visit report refers to it (kept for good). An upload to a work
    /// order that no filed report refers to is removed a day after it was stored once the
    /// report is filed without it or the work order is cancelled.
    pub referenced: bool,
    /// Where its bytes are read: `/api/v1/attachments/{id}/content`.
    pub content: String,
}
