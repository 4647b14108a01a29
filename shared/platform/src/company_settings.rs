//! Company settings kept as versioned documents: priority rules, SLA targets,
//! notification texts, quality thresholds, duration defaults. Each is a list a company
//! reads and replaces whole; the built-in list applies at version 0 until the first
//! replacement, every replacement is a new version (`expected_version` guards against
//! overwriting someone else's change), and every version stays in `company_setting` as
//! the setting's history: who changed it, when, to what.
//!
//! A service declares a setting once with [`CompanySetting`]; reading, replacing and the
//! history are the functions here, the same for every setting.
use aftercare_contracts::{Actor, FieldError, ServiceError};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sqlx::AnyConnection;

use crate::db::from_json;
use crate::{Db, Result, UnitOfWork, now_ms};

/// One company setting: where it is kept, its built-in list and its rules.
pub trait CompanySetting: Send + Sync + 'static {
    /// Its key in `company_setting`; never changes once released.
    const NAME: &'static str;
    /// What it is called in messages ("priority rules").
    const WHAT: &'static str;
    /// One entry of the list.
    type Item: Serialize + DeserializeOwned + Send + Sync;
    /// The list in force before the company stores one (version 0).
    fn built_in() -> Vec<Self::Item>;
    /// Problems with a proposed list; empty when it can be stored.
    fn problems(items: &[Self::Item]) -> Vec<FieldError>;
    /// The form a valid list is stored in (trimmed names and the like).
    fn normalise(items: Vec<Self::Item>) -> Vec<Self::Item> {
        items
    }
}

/// One stored version of a setting: the list, its version, who stored it and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision<T> {
    /// The list as stored.
    pub items: Vec<T>,
    /// 1 for the first replacement, one more for each after it.
    pub version: i64,
    /// When it was stored (epoch ms).
    pub updated_at: i64,
    /// The user id of who stored it.
    pub updated_by: String,
}

/// The newest stored version of `S`; `None` while the built-in list applies.
pub async fn stored<S: CompanySetting>(
    conn: &mut AnyConnection,
) -> Result<Option<Revision<S::Item>>> {
    Ok(history::<S>(conn, 1).await?.into_iter().next())
}

/// The list of `S` in force and its version (the built-in list at 0).
pub async fn current<S: CompanySetting>(conn: &mut AnyConnection) -> Result<(Vec<S::Item>, i64)> {
    Ok(match stored::<S>(conn).await? {
        Some(r) => (r.items, r.version),
        None => (S::built_in(), 0),
    })
}

/// The stored versions of `S`, newest first, at most `limit`.
pub async fn history<S: CompanySetting>(
    conn: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<Revision<S::Item>>> {
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "select version, body, updated_at, updated_by from company_setting
         where setting = $1 order by version desc limit $2",
    )
    .bind(S::NAME)
    .bind(limit)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|(version, body, updated_at, updated_by)| {
            Ok(Revision {
                items: from_json(&body)?,
                version,
                updated_at,
                updated_by,
            })
        })
        .collect()
}

/// Stores `items` as the version after `expected` in `uow`; false when `expected` is not
/// the newest version any more (someone replaced the setting meanwhile).
pub async fn store<S: CompanySetting>(
    uow: &mut UnitOfWork,
    items: &[S::Item],
    expected: i64,
    by: &str,
    at: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "insert into company_setting (setting, version, body, updated_at, updated_by)
         select $1, $2, $3, $4, $5
         where coalesce((select max(version) from company_setting where setting = $6), 0) = $7
         on conflict (setting, version) do nothing",
    )
    .bind(S::NAME)
    .bind(expected + 1)
    .bind(serde_json::to_string(items)?)
    .bind(at)
    .bind(by)
    .bind(S::NAME)
    .bind(expected)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// For a request endpoint: the list of `S` in force and its version.
pub async fn read<S: CompanySetting>(db: &Db) -> Result<(Vec<S::Item>, i64), ServiceError> {
    let mut conn = db.read_conn().await?;
    Ok(current::<S>(&mut conn).await?)
}

/// Replaces `S` with `items` in `uow` if it is still at `expected`, `by` being who
/// changes it; returns the stored list and its new version. A list that breaks the
/// setting's rules is a validation error naming the fields, a stale `expected` a 412;
/// neither stores anything.
pub async fn replace_in<S: CompanySetting>(
    uow: &mut UnitOfWork,
    by: &str,
    items: Vec<S::Item>,
    expected: i64,
) -> Result<(Vec<S::Item>, i64), ServiceError> {
    let errors = S::problems(&items);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let items = S::normalise(items);
    if !store::<S>(uow, &items, expected, by, now_ms()).await? {
        let (_, newest) = current::<S>(uow.conn()).await?;
        return Err(ServiceError::stale(format!(
            "the {} are at version {newest}, not {expected}; read them again",
            S::WHAT
        )));
    }
    Ok((items, expected + 1))
}

/// For a request endpoint: [`replace_in`] in a unit of work of its own, committed when
/// the list was stored.
pub async fn replace<S: CompanySetting>(
    db: &Db,
    actor: Option<&Actor>,
    items: Vec<S::Item>,
    expected: i64,
) -> Result<(Vec<S::Item>, i64), ServiceError> {
    let by = actor.map_or("anonymous", |a| a.user_id.as_str()).to_owned();
    db.in_unit_of_work(move |uow| {
        Box::pin(async move { replace_in::<S>(uow, &by, items, expected).await })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Migrations;

    /// A setting for the tests: reply-by hours per channel, at least one hour each.
    struct ReplyHours;

    impl CompanySetting for ReplyHours {
        const NAME: &'static str = "reply_hours";
        const WHAT: &'static str = "reply hours";
        type Item = u32;
        fn built_in() -> Vec<u32> {
            vec![4]
        }
        fn problems(items: &[u32]) -> Vec<FieldError> {
            items
                .iter()
                .enumerate()
                .filter(|(_, h)| **h == 0)
                .map(|(i, _)| FieldError {
                    field: format!("hours[{i}]"),
                    code: "range".into(),
                    message: "at least 1".into(),
                })
                .collect()
        }
        fn normalise(mut items: Vec<u32>) -> Vec<u32> {
            items.sort_unstable();
            items
        }
    }

    async fn database(dir: &tempfile::TempDir) -> Db {
        let db = Db::connect(
            &format!("sqlite://{}/s.db", dir.path().display()),
            "settings",
        )
        .await
        .expect("connect");
        db.migrate(&Migrations {
            files: &[],
            checksums: "",
        })
        .await
        .expect("migrate");
        db
    }

    fn admin() -> Actor {
        Actor {
            user_id: "admin-1".into(),
            role: "admin".into(),
        }
    }

    #[tokio::test]
    async fn the_built_in_list_applies_at_version_zero_until_the_first_replacement() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        assert_eq!(read::<ReplyHours>(&db).await.expect("read"), (vec![4], 0));
        let stored = replace::<ReplyHours>(&db, Some(&admin()), vec![8, 2], 0)
            .await
            .expect("replace");
        assert_eq!(stored, (vec![2, 8], 1), "normalised before it is stored");
        assert_eq!(
            read::<ReplyHours>(&db).await.expect("read"),
            (vec![2, 8], 1)
        );
    }

    #[tokio::test]
    async fn every_version_is_kept_with_who_stored_it() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        replace::<ReplyHours>(&db, Some(&admin()), vec![1], 0)
            .await
            .expect("first");
        replace::<ReplyHours>(&db, None, vec![2], 1)
            .await
            .expect("second");
        let mut conn = db.read_conn().await.expect("conn");
        let all = history::<ReplyHours>(&mut conn, 10).await.expect("history");
        let seen: Vec<_> = all
            .iter()
            .map(|r| (r.items.clone(), r.version, r.updated_by.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![(vec![2], 2, "anonymous"), (vec![1], 1, "admin-1")]
        );
        assert_eq!(
            history::<ReplyHours>(&mut conn, 1)
                .await
                .expect("one")
                .len(),
            1
        );
    }

    #[tokio::test]
    async fn a_stale_version_or_a_bad_list_changes_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        replace::<ReplyHours>(&db, Some(&admin()), vec![3], 0)
            .await
            .expect("first");
        let stale = replace::<ReplyHours>(&db, Some(&admin()), vec![5], 0)
            .await
            .expect_err("stale");
        assert_eq!(stale.status, 412);
        assert!(
            stale.detail.contains("at version 1, not 0"),
            "{}",
            stale.detail
        );
        let bad = replace::<ReplyHours>(&db, Some(&admin()), vec![2, 0], 1)
            .await
            .expect_err("bad");
        assert_eq!(bad.status, 422);
        assert!(bad.detail.contains("hours[1]"), "{}", bad.detail);
        assert_eq!(read::<ReplyHours>(&db).await.expect("read"), (vec![3], 1));
    }

    #[tokio::test]
    async fn two_replacements_from_the_same_version_store_one() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        let mut first = db.begin().await.expect("begin");
        assert!(
            store::<ReplyHours>(&mut first, &[1], 0, "a", 1)
                .await
                .expect("a")
        );
        first.commit().await.expect("commit");
        let mut second = db.begin().await.expect("begin");
        assert!(
            !store::<ReplyHours>(&mut second, &[2], 0, "b", 2)
                .await
                .expect("b")
        );
        second.commit().await.expect("commit");
        let mut conn = db.read_conn().await.expect("conn");
        assert_eq!(
            history::<ReplyHours>(&mut conn, 10).await.expect("h").len(),
            1
        );
    }
}
