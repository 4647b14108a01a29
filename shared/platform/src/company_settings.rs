//! Company settings kept as versioned documents: priority rules, SLA targets,
//! notification texts, quality thresholds, duration defaults. Each is a list a company
//! reads and replaces whole; the built-in list applies at version 0 until the first
//! replacement, every replacement is a new version (`expected_version` guards against
//! overwriting someone else's change), and every version stays in `company_setting` as
//! the setting's history: who changed it, when, to what.
//!
//! A service declares a setting once with [`CompanySetting`]; reading, replacing and the
//! history are the functions here, the same for every setting.
use aftercare_contracts::rpc::{Page, SettingHistoryQuery, SettingVersion, check_limit};
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

/// The version a settings-history page starts below (its cursor, or every version), with
/// the page size checked: a setting kept in a table of its own pages its versions the same way.
pub fn history_bounds(query: &SettingHistoryQuery) -> Result<i64, ServiceError> {
    check_limit(query.limit)?;
    match query.cursor.as_deref() {
        None => Ok(i64::MAX),
        Some(c) => c.parse::<i64>().ok().filter(|v| *v > 0).ok_or_else(|| {
            ServiceError::field(
                "cursor",
                "invalid",
                "cursor must be a version from a previous page",
            )
        }),
    }
}

/// For a request endpoint: a page of the stored versions of `S`, newest first, each with
/// its entries as JSON; the cursor is the last version of the page. The built-in list
/// (version 0) is not a stored version and is never listed.
pub async fn history_page<S: CompanySetting>(
    db: &Db,
    query: &SettingHistoryQuery,
) -> Result<Page<SettingVersion>, ServiceError> {
    let before = history_bounds(query)?;
    let mut conn = db.read_conn().await?;
    let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
        "select version, body, updated_at, updated_by from company_setting
         where setting = $1 and version < $2 order by version desc limit $3",
    )
    .bind(S::NAME)
    .bind(before)
    .bind(i64::from(query.limit))
    .fetch_all(&mut *conn)
    .await
    .map_err(crate::Error::from)?;
    let items = rows
        .into_iter()
        .map(|(version, body, updated_at, updated_by)| {
            Ok(SettingVersion {
                version,
                updated_at: chrono::DateTime::from_timestamp_millis(updated_at).unwrap_or_default(),
                updated_by,
                updated_by_name: None,
                items: from_json(&body)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page::of(items, query.limit, |v| v.version.to_string()))
}

/// A service's answer to its settings-history request: the page of the setting the query
/// names among those listed, 404 for any other name. One line per service wires every
/// setting it keeps:
///
/// ```ignore
/// async fn setting_history(State { db, .. }: State, _ctx: RequestContext, req: IntakeSettingHistory)
///     -> Result<Page<SettingVersion>, ServiceError> {
///     company_settings::history_of!(&db, &req.0, [settings::PriorityRules, settings::SlaPolicy])
/// }
/// ```
#[macro_export]
macro_rules! history_of {
    ($db:expr, $query:expr, [$($setting:ty),+ $(,)?]) => {{
        let query: &$crate::__contracts::rpc::SettingHistoryQuery = $query;
        $(
            if query.setting == <$setting as $crate::company_settings::CompanySetting>::NAME {
                $crate::company_settings::history_page::<$setting>($db, query).await
            } else
        )+
        {
            Err($crate::__contracts::ServiceError::not_found("setting", &query.setting))
        }
    }};
}
pub use crate::history_of;

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
    async fn the_history_is_paged_newest_first_with_the_stored_entries() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        for (v, hours) in [(0, 1), (1, 2), (2, 3)] {
            replace::<ReplyHours>(&db, Some(&admin()), vec![hours], v)
                .await
                .expect("replace");
        }
        let q = |limit, cursor: Option<&str>| SettingHistoryQuery {
            setting: "reply_hours".into(),
            limit,
            cursor: cursor.map(str::to_owned),
        };
        let first = history_page::<ReplyHours>(&db, &q(2, None))
            .await
            .expect("page");
        let seen: Vec<_> = first
            .items
            .iter()
            .map(|v| (v.version, v.items.clone(), v.updated_by.as_str()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (3, vec![serde_json::json!(3)], "admin-1"),
                (2, vec![serde_json::json!(2)], "admin-1")
            ]
        );
        assert_eq!(first.next_cursor.as_deref(), Some("2"));
        let rest = history_page::<ReplyHours>(&db, &q(2, Some("2")))
            .await
            .expect("rest");
        assert_eq!(
            (rest.items.len(), rest.items[0].version, rest.next_cursor),
            (1, 1, None)
        );
        let bad = history_page::<ReplyHours>(&db, &q(2, Some("x")))
            .await
            .expect_err("cursor");
        assert_eq!((bad.status, bad.errors[0].field.as_str()), (422, "cursor"));
        let bad = history_page::<ReplyHours>(&db, &q(0, None))
            .await
            .expect_err("limit");
        assert_eq!(bad.errors[0].field, "limit");
    }

    #[tokio::test]
    async fn a_service_answers_the_history_of_the_settings_it_names_and_no_other() {
        let dir = tempfile::tempdir().expect("dir");
        let db = database(&dir).await;
        let answer = |name: &str| {
            let query = SettingHistoryQuery {
                setting: name.into(),
                limit: 10,
                cursor: None,
            };
            let db = db.clone();
            async move { crate::history_of!(&db, &query, [ReplyHours]) }
        };
        assert_eq!(answer("reply_hours").await.expect("known").items, vec![]);
        assert_eq!(answer("fee_rules").await.expect_err("unknown").status, 404);
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
