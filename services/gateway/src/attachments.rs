//! The attachment store: the files (photos, signatures) in an `object_store` — local files
//! under the data directory, any S3-compatible store, or memory in tests — and one row
//! per file in the gateway's database (`attachment`), whose owner (a work order or a
//! ticket) decides who may see it. Bytes never travel over NATS: the gateway is the only
//! role that receives them, so it keeps them; the visit report in dispatch refers to them
//! by id. Uploads to a work order that no filed report refers to are removed by the
//! orphan job a day after they were stored, once the report is filed without them or the
//! work order is cancelled.
use std::sync::Arc;

use aftercare_contracts::attachments::{
    Attachment, AttachmentKind, AttachmentOwner, ImageType, ORPHAN_AFTER_HOURS,
};
use aftercare_contracts::dispatch::{GetWorkOrder, WorkOrder, WorkOrderStatus};
use aftercare_platform::rpc::{CallError, call};
use aftercare_platform::{Bus, Db, from_ms};
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt};
use uuid::Uuid;

/// Where attachments are kept, as configured by `AFTERCARE_ATTACHMENTS_URL`.
#[derive(Clone)]
pub(crate) struct Store {
    objects: Arc<dyn ObjectStore>,
    /// What the log says the store is (never a credential).
    pub(crate) describe: String,
}

/// Opens the store a URL names: a path or `file:///…` (local files, the directory made
/// when missing), `s3://bucket[/prefix]` (any S3-compatible store; credentials, region
/// and endpoint from the standard `AWS_*` variables: `AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ENDPOINT`, `AWS_ALLOW_HTTP`) or `memory:`
/// (kept in the process, for tests).
pub(crate) fn open(url: &str) -> Result<Store, String> {
    let url = url.trim();
    if url.is_empty() {
        return Err("no attachment store configured".into());
    }
    if url == "memory:" || url.starts_with("memory://") {
        return Ok(Store {
            objects: Arc::new(object_store::memory::InMemory::new()),
            describe: "memory".into(),
        });
    }
    if let Some(rest) = url
        .strip_prefix("s3://")
        .or_else(|| url.strip_prefix("s3a://"))
    {
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(format!("{url:?} names no bucket: s3://bucket[/prefix]"));
        }
        // object_store's client (reqwest 0.13 built without a crypto provider of its own)
        // takes the process's rustls provider: ring, as everywhere else in the workspace.
        // Another part of the process having installed it first is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let s3 = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| format!("the S3 store {url:?}: {e}"))?;
        let prefix = prefix.trim_matches('/');
        let objects: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(s3, prefix))
        };
        return Ok(Store {
            objects,
            describe: format!("s3://{bucket}/{prefix}"),
        });
    }
    let dir = match url.strip_prefix("file://") {
        Some(p) => std::path::PathBuf::from(p),
        None if url.contains("://") => {
            return Err(format!(
                "{url:?}: the attachment store is a directory, file:///path, s3://bucket[/prefix] or memory:"
            ));
        }
        None => std::path::PathBuf::from(url),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    let local = object_store::local::LocalFileSystem::new_with_prefix(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(Store {
        objects: Arc::new(local),
        describe: format!("file://{}", dir.display()),
    })
}

impl Store {
    /// Stores `bytes` under `key`, whole or not at all (a local file is written to a
    /// temporary name and renamed; an S3 object appears only when its upload completes).
    pub(crate) async fn put(&self, key: &str, bytes: bytes::Bytes) -> Result<(), String> {
        self.objects
            .put(&StorePath::from(key), bytes.into())
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// The bytes under `key` as a stream; `Ok(None)` when they are gone.
    pub(crate) async fn get(
        &self,
        key: &str,
    ) -> Result<
        Option<futures::stream::BoxStream<'static, object_store::Result<bytes::Bytes>>>,
        String,
    > {
        match self.objects.get(&StorePath::from(key)).await {
            Ok(r) => Ok(Some(r.into_stream())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Removes the bytes under `key` (already gone counts as removed).
    pub(crate) async fn delete(&self, key: &str) -> Result<(), String> {
        match self.objects.delete(&StorePath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Whether anything is stored under `key`.
    #[cfg(test)]
    pub(crate) async fn exists(&self, key: &str) -> bool {
        self.objects.head(&StorePath::from(key)).await.is_ok()
    }
}

/// One stored attachment, as its row holds it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct Row {
    pub(crate) attachment_id: String,
    pub(crate) owner_kind: String,
    pub(crate) owner_id: String,
    pub(crate) kind: String,
    pub(crate) content_type: String,
    pub(crate) size: i64,
    pub(crate) sha256: String,
    pub(crate) object_key: String,
    pub(crate) uploaded_by: String,
    pub(crate) uploaded_at: i64,
    pub(crate) referenced_at: Option<i64>,
}

impl Row {
    /// The owner kind this row names.
    pub(crate) fn owner(&self) -> Option<AttachmentOwner> {
        AttachmentOwner::parse(&self.owner_kind)
    }

    /// The attachment as the API shows it, with the uploader's name when known.
    pub(crate) fn to_api(&self, uploaded_by_name: Option<String>) -> Option<Attachment> {
        let id = Uuid::parse_str(&self.attachment_id).ok()?;
        Some(Attachment {
            id,
            owner: self.owner()?,
            owner_id: Uuid::parse_str(&self.owner_id).ok()?,
            kind: AttachmentKind::parse(&self.kind)?,
            content_type: ImageType::from_mime(&self.content_type)?,
            size: u64::try_from(self.size).unwrap_or(0),
            sha256: self.sha256.clone(),
            uploaded_by: self.uploaded_by.clone(),
            uploaded_by_name,
            uploaded_at: from_ms(self.uploaded_at),
            referenced: self.referenced_at.is_some(),
            content: format!("/api/v1/attachments/{id}/content"),
        })
    }
}

/// The name a file gets in the store: the owner, then the server's id with the
/// extension of the type its bytes were recognised as (nothing the client sent).
pub(crate) fn object_key(owner: AttachmentOwner, owner_id: Uuid, id: Uuid, t: ImageType) -> String {
    format!("{}/{owner_id}/{id}.{}", owner.as_str(), t.extension())
}

const COLUMNS: &str = "attachment_id, owner_kind, owner_id, kind, content_type, size, sha256, object_key, uploaded_by, uploaded_at, referenced_at";

/// Records a stored file.
pub(crate) async fn insert(db: &Db, r: &Row) -> aftercare_platform::Result<()> {
    sqlx::query(
        "insert into attachment (attachment_id, owner_kind, owner_id, kind, content_type, size, sha256, object_key, uploaded_by, uploaded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&r.attachment_id)
    .bind(&r.owner_kind)
    .bind(&r.owner_id)
    .bind(&r.kind)
    .bind(&r.content_type)
    .bind(r.size)
    .bind(&r.sha256)
    .bind(&r.object_key)
    .bind(&r.uploaded_by)
    .bind(r.uploaded_at)
    .execute(db.write())
    .await?;
    Ok(())
}

/// One attachment's row.
pub(crate) async fn by_id(db: &Db, id: &str) -> aftercare_platform::Result<Option<Row>> {
    Ok(sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from attachment where attachment_id = $1"
    )))
    .bind(id)
    .fetch_optional(db.read())
    .await?)
}

/// An owner's attachments, oldest first.
pub(crate) async fn of_owner(
    db: &Db,
    owner: AttachmentOwner,
    owner_id: Uuid,
) -> aftercare_platform::Result<Vec<Row>> {
    Ok(sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from attachment where owner_kind = $1 and owner_id = $2 order by uploaded_at, attachment_id"
    )))
    .bind(owner.as_str())
    .bind(owner_id.to_string())
    .fetch_all(db.read())
    .await?)
}

/// How many attachments an owner holds.
pub(crate) async fn count_of_owner(
    db: &Db,
    owner: AttachmentOwner,
    owner_id: Uuid,
) -> aftercare_platform::Result<usize> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from attachment where owner_kind = $1 and owner_id = $2",
    )
    .bind(owner.as_str())
    .bind(owner_id.to_string())
    .fetch_one(db.write())
    .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// Marks the attachments a filed report refers to as kept for good.
pub(crate) async fn mark_referenced(
    db: &Db,
    ids: &[Uuid],
    now: i64,
) -> aftercare_platform::Result<()> {
    for id in ids {
        sqlx::query(
            "update attachment set referenced_at = $1 where attachment_id = $2 and referenced_at is null",
        )
        .bind(now)
        .bind(id.to_string())
        .execute(db.write())
        .await?;
    }
    Ok(())
}

/// Removes an attachment: its bytes first, then its row, so a row never points at bytes
/// that were kept (a failed removal is tried again at the next run).
async fn remove(db: &Db, store: &Store, r: &Row) -> Result<(), String> {
    store.delete(&r.object_key).await?;
    sqlx::query("delete from attachment where attachment_id = $1")
        .bind(&r.attachment_id)
        .execute(db.write())
        .await
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// What became of the attachments one run of the orphan job looked at.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Swept {
    /// Removed: no filed report refers to them.
    pub(crate) removed: usize,
    /// Found referenced by the filed report (kept for good).
    pub(crate) kept: usize,
    /// Their work order is still open for its report: looked at again later.
    pub(crate) waiting: usize,
}

/// How many candidates one run looks at.
const SWEEP_BATCH: i64 = 200;
/// How long an upload to an open work order waits before it is looked at again, ms.
const RECHECK_MS: i64 = 3600 * 1000;

/// Which of a work order's uploads its filed report keeps, and whether the rest are
/// orphans: the report's signature and photos are kept; the others are orphans once the
/// report is filed or the work order cancelled; while it is open for its report, none is.
pub(crate) fn orphans_of(w: &WorkOrder, candidates: &[Uuid]) -> (Vec<Uuid>, Vec<Uuid>) {
    let referenced: Vec<Uuid> = match &w.visit {
        Some(v) => v
            .signature_attachment_id
            .into_iter()
            .chain(v.photo_attachment_ids.iter().copied())
            .collect(),
        None => Vec::new(),
    };
    let closed = closed_for_uploads(w);
    let (kept, rest): (Vec<Uuid>, Vec<Uuid>) =
        candidates.iter().partition(|id| referenced.contains(id));
    (kept, if closed { rest } else { Vec::new() })
}

/// Whether a work order takes no more uploads: its report is filed (what it names is
/// what the visit keeps) or it is cancelled. Uploads come before the report, so the orphan
/// job never removes a file added after it.
pub(crate) fn closed_for_uploads(w: &WorkOrder) -> bool {
    w.visit.is_some() || w.status == WorkOrderStatus::Cancelled
}

/// One run of the orphan job: uploads to work orders older than
/// [`ORPHAN_AFTER_HOURS`] that no report was known to refer to are checked against their
/// work order in dispatch (the truth about its report); those its filed report refers to
/// are marked kept, the others removed once the report is filed or the work order
/// cancelled (or gone); a work order dispatch cannot answer for now is tried next time.
pub(crate) async fn sweep(db: &Db, store: &Store, bus: &Bus, now: i64) -> Result<Swept, String> {
    let before = now - ORPHAN_AFTER_HOURS * 3600 * 1000;
    let rows = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(format!(
        "select {COLUMNS} from attachment where owner_kind = 'work_order' and referenced_at is null
           and uploaded_at < $1 and (checked_at is null or checked_at < $2)
         order by uploaded_at limit {SWEEP_BATCH}"
    )))
    .bind(before)
    .bind(now - RECHECK_MS)
    .fetch_all(db.write())
    .await
    .map_err(|e| e.to_string())?;
    let mut owners: Vec<&str> = rows.iter().map(|r| r.owner_id.as_str()).collect();
    owners.sort_unstable();
    owners.dedup();
    let mut swept = Swept::default();
    for owner in owners {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.owner_id == owner).collect();
        let ids: Vec<Uuid> = mine
            .iter()
            .filter_map(|r| Uuid::parse_str(&r.attachment_id).ok())
            .collect();
        let asked = call(
            bus,
            &GetWorkOrder {
                id: owner.to_owned(),
            },
            None,
            std::time::Duration::from_secs(5),
        )
        .await;
        let (kept, orphans) = match asked {
            Ok(w) => orphans_of(&w, &ids),
            Err(CallError::Service(e)) if e.status == 404 => (Vec::new(), ids.clone()),
            Err(e) => {
                tracing::warn!(work_order = owner, error = ?e, "orphan check postponed: dispatch did not answer");
                continue;
            }
        };
        mark_referenced(db, &kept, now)
            .await
            .map_err(|e| e.to_string())?;
        swept.kept += kept.len();
        for r in &mine {
            let id = Uuid::parse_str(&r.attachment_id).ok();
            if id.is_some_and(|id| orphans.contains(&id)) {
                remove(db, store, r).await?;
                swept.removed += 1;
            } else if !id.is_some_and(|id| kept.contains(&id)) {
                sqlx::query("update attachment set checked_at = $1 where attachment_id = $2")
                    .bind(now)
                    .bind(&r.attachment_id)
                    .execute(db.write())
                    .await
                    .map_err(|e| e.to_string())?;
                swept.waiting += 1;
            }
        }
    }
    if swept != Swept::default() {
        tracing::info!(
            removed = swept.removed,
            kept = swept.kept,
            waiting = swept.waiting,
            "orphaned attachments swept"
        );
    }
    Ok(swept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_types_are_told_by_their_first_bytes() {
        assert_eq!(
            ImageType::sniff(b"\xFF\xD8\xFF\xE0\x00\x10JFIF"),
            Some(ImageType::Jpeg)
        );
        assert_eq!(
            ImageType::sniff(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"),
            Some(ImageType::Png)
        );
        assert_eq!(
            ImageType::sniff(b"RIFF\x24\x00\x00\x00WEBPVP8 \x00"),
            Some(ImageType::Webp)
        );
        assert_eq!(
            ImageType::sniff(b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x00\x00\x00"),
            None
        );
        assert_eq!(
            ImageType::sniff(b"<svg xmlns='http://www.w3.org/2000/svg'>"),
            None
        );
        assert_eq!(
            ImageType::sniff(b"\x89PNG\r\n\x1a\n"),
            None,
            "a signature alone"
        );
        assert_eq!(ImageType::sniff(b""), None);
    }

    #[test]
    fn object_keys_are_made_by_the_server() {
        let (o, a) = (Uuid::now_v7(), Uuid::now_v7());
        assert_eq!(
            object_key(AttachmentOwner::WorkOrder, o, a, ImageType::Png),
            format!("work_order/{o}/{a}.png")
        );
    }

    /// The same calls keep, read and remove a file on the in-memory store (the code path
    /// an S3-compatible store takes through `object_store`) and on local files.
    #[tokio::test]
    async fn files_are_kept_read_and_removed_on_each_store() {
        use futures::StreamExt;
        let dir = tempfile::tempdir().expect("dir");
        for url in [
            "memory:".to_owned(),
            format!("file://{}/store", dir.path().display()),
        ] {
            let s = open(&url).expect("store");
            let key = object_key(
                AttachmentOwner::WorkOrder,
                Uuid::now_v7(),
                Uuid::now_v7(),
                ImageType::Png,
            );
            assert!(!s.exists(&key).await, "{url}");
            assert!(s.get(&key).await.expect("get").is_none(), "{url}");
            s.put(&key, bytes::Bytes::from_static(b"\x89PNG bytes"))
                .await
                .expect("put");
            assert!(s.exists(&key).await, "{url}");
            let mut stream = s.get(&key).await.expect("get").expect("stored");
            let mut read = Vec::new();
            while let Some(chunk) = stream.next().await {
                read.extend_from_slice(&chunk.expect("chunk"));
            }
            assert_eq!(read, b"\x89PNG bytes", "{url}");
            s.delete(&key).await.expect("delete");
            assert!(!s.exists(&key).await, "{url}");
            s.delete(&key).await.expect("removing twice is no error");
        }
    }

    fn work_order(status: WorkOrderStatus, visit: Option<(Option<Uuid>, Vec<Uuid>)>) -> WorkOrder {
        let mut w: WorkOrder = serde_json::from_value(serde_json::json!({
            "id": Uuid::now_v7(), "number": "W2026-000001", "ticket_id": Uuid::now_v7(),
            "ticket_number": "T2026-000001", "status": "assigned", "priority": "p3",
            "customer_name": "A", "district": "tianhe", "assignment_reasons": [],
            "flagged": false, "work_type": "repair", "required_skills": [],
            "estimated_minutes": 60, "address": "x", "parts": [], "parts_requested": [],
            "created_at": "2026-11-23T02:00:00Z", "version": 1
        }))
        .expect("work order");
        w.status = status;
        w.visit = visit.map(|(signature, photos)| {
            serde_json::from_value(serde_json::json!({
                "outcome": "completed", "diagnosis": "d", "parts_cleaned": "", "adjustments": "",
                "result": "", "parts": [], "parts_needed": [], "hazards": "",
                "started_at": "2026-11-23T02:00:00Z", "finished_at": "2026-11-23T02:30:00Z",
                "signature_attachment_id": signature, "photo_attachment_ids": photos
            }))
            .expect("visit")
        });
        w
    }

    #[test]
    fn uploads_left_out_of_a_filed_report_or_a_cancelled_visit_are_orphans() {
        let (sig, photo, spare) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
        let all = [sig, photo, spare];
        let open = work_order(WorkOrderStatus::OnSite, None);
        assert_eq!(
            orphans_of(&open, &all),
            (vec![], vec![]),
            "still open: wait"
        );
        let filed = work_order(WorkOrderStatus::Completed, Some((Some(sig), vec![photo])));
        assert_eq!(orphans_of(&filed, &all), (vec![sig, photo], vec![spare]));
        let cancelled = work_order(WorkOrderStatus::Cancelled, None);
        assert_eq!(orphans_of(&cancelled, &all), (vec![], all.to_vec()));
    }

    #[test]
    fn store_urls_are_checked() {
        assert!(open("memory:").is_ok());
        assert!(open("s3://").is_err());
        assert!(open("ftp://example/x").is_err());
        let dir = tempfile::tempdir().expect("dir");
        let s = open(&format!("file://{}/a/b", dir.path().display())).expect("local");
        assert!(s.describe.ends_with("/a/b"));
        assert!(dir.path().join("a/b").is_dir());
    }
}
