//! A full disk under every role's SQLite database (a small tmpfs, filled): writes are
//! refused with 503 `storage_full` and nothing half-written, reads go on, and once space
//! returns the refused requests, retried with their Idempotency-Key, are accepted once
//! each and every event flows on.
use std::io::Write;
use std::path::{Path, PathBuf};

use aftercare_testkit::poll_for;
use serde_json::Value;

use crate::helpers::{Backend, DATABASES, ROLES, SERVICES, System, WAIT, ticket_body};

/// A tmpfs mounted for the test's life (mounting needs root, as the test machines run).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(path: &Path, megabytes: u32) -> Self {
        std::fs::create_dir_all(path).unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(path)
            .status()
            .unwrap();
        assert!(
            status.success(),
            "mounting a {megabytes} MB tmpfs at {} needs root",
            path.display()
        );
        Tmpfs(path.to_path_buf())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Writes a file in `dir` until the file system has no space left; returns its path.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    for chunk in [1 << 20, 4096, 512] {
        let block = vec![0u8; chunk];
        loop {
            match f.write_all(&block) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                Err(e) => panic!("filling {}: {e}", path.display()),
            }
        }
    }
    let _ = f.sync_all();
    path
}

async fn post_ticket(sys: &System, key: &str, body: &Value) -> (u16, Value, bool) {
    let r = sys
        .api
        .request(reqwest::Method::POST, "/tickets")
        .await
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let retry_after = r.headers().contains_key("retry-after");
    (status, r.json().await.unwrap_or(Value::Null), retry_after)
}

/// Waits until ticket `id` has its one work order.
async fn work_order_of(sys: &System, id: &str) {
    poll_for(WAIT, "the ticket's work order", || async {
        let (s, v) = sys.api.get(&format!("/workorders?ticket_id={id}")).await;
        (s == 200 && v["items"].as_array().is_some_and(|a| a.len() == 1)).then_some(())
    })
    .await
    .unwrap_or_else(|e| panic!("ticket {id}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_disk_refuses_writes_clearly_and_they_resume_when_space_returns() {
    let mut sys = System::new(Backend::Sqlite).await;
    let disk = sys.dir.path().join("disk");
    let _tmpfs = Tmpfs::mount(&disk, 64);
    sys.db_urls = DATABASES
        .iter()
        .map(|s| (s.to_string(), format!("sqlite://{}/{s}.db", disk.display())))
        .collect();
    let _aftercare = sys.spawn(&ROLES, &[]).await;
    sys.api.technician().await;
    let (s, first, _) = post_ticket(
        &sys,
        &uuid::Uuid::now_v7().to_string(),
        &ticket_body("SN-DF-0"),
    )
    .await;
    assert_eq!(s, 201, "{first}");
    let mut accepted = vec![first["id"].as_str().unwrap().to_owned()];
    // The first ticket's effects are settled before the disk fills.
    work_order_of(&sys, &accepted[0]).await;

    let filler = fill(&disk);
    let mut refused = Vec::new();
    let mut attempts = 0;
    while refused.len() < 3 && attempts < 400 {
        attempts += 1;
        let key = uuid::Uuid::now_v7().to_string();
        let body = ticket_body(&format!("SN-DF-{attempts}"));
        let (s, v, retry_after) = post_ticket(&sys, &key, &body).await;
        match s {
            201 => accepted.push(v["id"].as_str().unwrap().to_owned()),
            503 => {
                assert_eq!(v["code"], "storage_full", "{v}");
                assert_eq!(v["title"], "Storage full", "{v}");
                assert!(retry_after, "a refusal says when to retry");
                refused.push((key, body));
            }
            other => panic!("a write on a full disk answered {other}: {v}"),
        }
    }
    eprintln!(
        "disk full: {} tickets accepted while the database still had room, {} refused with storage_full in {attempts} attempts",
        accepted.len() - 1,
        refused.len()
    );
    assert!(!refused.is_empty(), "no write was refused on a full disk");
    // Reads go on while the disk is full.
    let (s, v) = sys.api.get(&format!("/tickets/{}", accepted[0])).await;
    assert_eq!(s, 200, "{v}");

    // Space returns: each refused request, retried with its key, is accepted once.
    std::fs::remove_file(filler).unwrap();
    for (key, body) in &refused {
        let (s, v, _) = post_ticket(&sys, key, body).await;
        assert_eq!(
            s, 201,
            "a refused write is accepted once space returns: {v}"
        );
        let id = v["id"].as_str().unwrap().to_owned();
        let (s, again, _) = post_ticket(&sys, key, body).await;
        assert_eq!((s, again["id"].as_str()), (201, Some(id.as_str())));
        accepted.push(id);
    }

    // Nothing half-written: the tickets are exactly those accepted, each with its one work
    // order, and no outbox row is left unpublished.
    let stored = sys.count("intake", "select count(*) from ticket").await;
    assert_eq!(
        stored,
        accepted.len() as i64,
        "only accepted tickets are stored"
    );
    for id in &accepted {
        work_order_of(&sys, id).await;
    }
    for service in SERVICES {
        poll_for(WAIT, "the outbox to drain", || async {
            (sys.count(
                service,
                "select count(*) from outbox where published_at is null",
            )
            .await
                == 0)
                .then_some(())
        })
        .await
        .unwrap_or_else(|e| panic!("{service}: {e}"));
    }
}
