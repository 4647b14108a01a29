//! The gateway's own tables: accounts, tokens, idempotency records, audit log and
//! ticket codes. Runtime SQL with `$n` placeholders that runs on both backends.
use aftercare_contracts::Role;
use aftercare_platform::db::parse_id;
use aftercare_platform::{Db, Result};
use sqlx::FromRow;
use uuid::Uuid;

/// An account as stored (the password hash never leaves this module's callers).
#[derive(Debug, Clone, FromRow)]
pub(crate) struct AccountRow {
    pub(crate) account_id: String,
    pub(crate) login: String,
    pub(crate) display_name: String,
    pub(crate) role: String,
    pub(crate) customer_id: Option<String>,
    pub(crate) technician_id: Option<String>,
    pub(crate) password_hash: Option<String>,
    pub(crate) disabled: i32,
    pub(crate) sessions_valid_after: i64,
    pub(crate) created_at: i64,
    pub(crate) version: i64,
    /// The OIDC subject this account stands for, if linked.
    pub(crate) oidc_subject: Option<String>,
}

impl AccountRow {
    /// The stored role; an unknown name (a newer release's role) is treated as no role.
    pub(crate) fn role(&self) -> Option<Role> {
        Role::parse(&self.role)
    }

    /// The customer record, when the stored id is readable.
    pub(crate) fn customer(&self) -> Option<Uuid> {
        self.customer_id.as_deref().and_then(|c| parse_id(c).ok())
    }

    /// The technician, when the stored id is readable.
    pub(crate) fn technician(&self) -> Option<Uuid> {
        self.technician_id.as_deref().and_then(|t| parse_id(t).ok())
    }
}

const ACCOUNT: &str =
    "select account_id, login, display_name, role, customer_id, technician_id, password_hash,
    disabled, sessions_valid_after, created_at, version, oidc_subject from account";

/// What a new account is made of.
pub(crate) struct NewAccount<'a> {
    pub(crate) id: Uuid,
    pub(crate) login: &'a str,
    pub(crate) display_name: &'a str,
    pub(crate) role: Role,
    pub(crate) customer_id: Option<Uuid>,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) password_hash: Option<&'a str>,
    /// The OIDC subject the account stands for, if any.
    pub(crate) oidc_subject: Option<&'a str>,
    pub(crate) now: i64,
}

/// Inserts an account; false when the login (or the OIDC subject) is taken.
pub(crate) async fn insert_account(db: &Db, a: &NewAccount<'_>) -> Result<bool> {
    let done = sqlx::query(
        "insert into account (account_id, login, display_name, role, customer_id, technician_id, password_hash,
            disabled, sessions_valid_after, created_at, updated_at, version, oidc_subject)
         values ($1, $2, $3, $4, $5, $6, $7, 0, 0, $8, $8, 1, $9) on conflict do nothing",
    )
    .bind(a.id.to_string())
    .bind(a.login)
    .bind(a.display_name)
    .bind(a.role.name())
    .bind(a.customer_id.map(|c| c.to_string()))
    .bind(a.technician_id.map(|t| t.to_string()))
    .bind(a.password_hash)
    .bind(a.now)
    .bind(a.oidc_subject)
    .execute(db.write())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether any account exists (the first start creates the administrator).
pub(crate) async fn any_account(db: &Db) -> Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from account")
        .fetch_one(db.read())
        .await?;
    Ok(n > 0)
}

/// An account by its sign-in name.
pub(crate) async fn account_by_login(db: &Db, login: &str) -> Result<Option<AccountRow>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{ACCOUNT} where login = $1")))
            .bind(login)
            .fetch_optional(db.read())
            .await?,
    )
}

/// The account linked to an OIDC subject, if any.
pub(crate) async fn account_by_oidc_subject(db: &Db, subject: &str) -> Result<Option<AccountRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT} where oidc_subject = $1"
    )))
    .bind(subject)
    .fetch_optional(db.read())
    .await?)
}

/// An account by id.
pub(crate) async fn account_by_id(db: &Db, id: &str) -> Result<Option<AccountRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT} where account_id = $1"
    )))
    .bind(id)
    .fetch_optional(db.read())
    .await?)
}

/// What an administrator looks for in the accounts list: words of the login or display
/// name (case-insensitive, any part), and a role.
#[derive(Debug, Default)]
pub(crate) struct AccountFilter<'a> {
    pub(crate) text: &'a str,
    pub(crate) role: &'a str,
}

/// `text` for a `like` pattern with `escape '\\'`: its `%`, `_` and `\\` taken literally.
fn like_literal(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` as a `like` pattern matching it anywhere, case-insensitively.
fn contains_pattern(text: &str) -> String {
    format!("%{}%", like_literal(&text.to_lowercase()))
}

/// The accounts matching `filter` after `after` (an account id), in id order.
pub(crate) async fn find_accounts(
    db: &Db,
    filter: &AccountFilter<'_>,
    after: &str,
    limit: i64,
) -> Result<Vec<AccountRow>> {
    let text = filter.text.trim();
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT} where account_id > $1
           and ($2 = '' or lower(login) like $3 escape '\\' or lower(display_name) like $3 escape '\\')
           and ($4 = '' or role = $4)
         order by account_id limit $5"
    )))
    .bind(after)
    .bind(text)
    .bind(contains_pattern(text))
    .bind(filter.role)
    .bind(limit)
    .fetch_all(db.read())
    .await?)
}

/// Gives an account another role at `version`; its sessions and refresh tokens end, so
/// the new role applies from its next sign-in. False when the version is stale.
pub(crate) async fn set_role(
    db: &Db,
    id: &str,
    role: &str,
    version: i64,
    now: i64,
) -> Result<bool> {
    let mut tx = db.write().begin().await?;
    let done = aftercare_platform::db::Guard::new("account", "account_id", id, version)
        .update(
            &mut tx,
            "role = $1, sessions_valid_after = $2, updated_at = $2",
            |q| q.bind(role.to_owned()).bind(now),
        )
        .await?;
    if !done.is_updated() {
        tx.rollback().await?;
        return Ok(false);
    }
    // API tokens were given for the old role: they end with it, as the sessions do.
    revoke_tokens(&mut tx, id, now, true).await?;
    tx.commit().await?;
    Ok(true)
}

/// Revokes every refresh token of an account, and its API tokens too when asked.
async fn revoke_tokens(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: &str,
    now: i64,
    api_tokens: bool,
) -> Result<()> {
    let tables: &[&str] = if api_tokens {
        &["refresh_token", "api_token"]
    } else {
        &["refresh_token"]
    };
    for table in tables {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "update {table} set revoked_at = $1 where account_id = $2 and revoked_at is null"
        )))
        .bind(now)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Disables an account still at `version`: its sessions end and its tokens are revoked.
/// False when the account moved on (or does not exist).
pub(crate) async fn disable_account(db: &Db, id: &str, version: i64, now: i64) -> Result<bool> {
    let mut tx = db.write().begin().await?;
    let done = aftercare_platform::db::Guard::new("account", "account_id", id, version)
        .update(
            &mut tx,
            "disabled = 1, sessions_valid_after = $1, updated_at = $1",
            |q| q.bind(now),
        )
        .await?;
    if !done.is_updated() {
        tx.rollback().await?;
        return Ok(false);
    }
    revoke_tokens(&mut tx, id, now, true).await?;
    tx.commit().await?;
    Ok(true)
}

/// Replaces the password; every session and refresh token of the account ends.
pub(crate) async fn set_password(db: &Db, id: &str, hash: &str, now: i64) -> Result<()> {
    let mut tx = db.write().begin().await?;
    sqlx::query(
        "update account set password_hash = $1, sessions_valid_after = $2, updated_at = $2, version = version + 1
         where account_id = $3",
    )
    .bind(hash)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    revoke_tokens(&mut tx, id, now, false).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session the account holds now (sign-out everywhere): its access tokens
/// stop being accepted and every refresh token is revoked, so no other browser or device
/// can refresh its way back in (the revocation is one guarded `update`).
pub(crate) async fn end_sessions(db: &Db, id: &str, now: i64) -> Result<()> {
    let mut tx = db.write().begin().await?;
    sqlx::query("update account set sessions_valid_after = $1 where account_id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    revoke_tokens(&mut tx, id, now, false).await?;
    tx.commit().await?;
    Ok(())
}

/// Stores a new refresh token of `family`.
pub(crate) async fn insert_refresh(
    db: &Db,
    hash: &str,
    account_id: &str,
    family: &str,
    expires_at: i64,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into refresh_token (token_hash, account_id, family_id, expires_at, created_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(hash)
    .bind(account_id)
    .bind(family)
    .bind(expires_at)
    .bind(now)
    .execute(db.write())
    .await?;
    Ok(())
}

/// What presenting a refresh token found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum RefreshUse {
    /// Valid: now marked used; the account and family to continue.
    Fresh { account_id: String, family: String },
    /// Already used or revoked: the whole family has been revoked.
    Replayed,
    /// Past its expiry.
    Expired,
    /// Never issued.
    Unknown,
}

#[derive(FromRow)]
struct RefreshRow {
    family_id: String,
    expires_at: i64,
    used_at: Option<i64>,
    revoked_at: Option<i64>,
}

/// The token that replaces a used refresh token in its family.
pub(crate) struct Successor<'a> {
    /// Hash of the new refresh token.
    pub(crate) hash: &'a str,
    /// When it expires, ms.
    pub(crate) expires_at: i64,
}

/// Rotates a refresh token: marks it used and stores `next` in its family, in one
/// transaction; a second use revokes the whole family.
///
/// The use is one guarded statement (`... where used_at is null and revoked_at is null
/// returning`), so of any number of concurrent presentations of the same token exactly one
/// wins, on PostgreSQL as on SQLite. The successor is stored in the same transaction, and a
/// loser's update waits on the row the winner holds, so the family revocation a loser
/// performs always covers the winner's successor too.
pub(crate) async fn rotate_refresh(
    db: &Db,
    hash: &str,
    next: &Successor<'_>,
    now: i64,
) -> Result<RefreshUse> {
    let mut tx = db.write().begin().await?;
    let won: Option<(String, String)> = sqlx::query_as(
        "update refresh_token set used_at = $1
         where token_hash = $2 and used_at is null and revoked_at is null and expires_at > $1
         returning account_id, family_id",
    )
    .bind(now)
    .bind(hash)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((account_id, family)) = won {
        sqlx::query(
            "insert into refresh_token (token_hash, account_id, family_id, expires_at, created_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(next.hash)
        .bind(&account_id)
        .bind(&family)
        .bind(next.expires_at)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        return Ok(RefreshUse::Fresh { account_id, family });
    }
    let row: Option<RefreshRow> = sqlx::query_as(
        "select family_id, expires_at, used_at, revoked_at from refresh_token where token_hash = $1",
    )
    .bind(hash)
    .fetch_optional(&mut *tx)
    .await?;
    let outcome = match row {
        None => RefreshUse::Unknown,
        Some(r) if r.used_at.is_some() || r.revoked_at.is_some() => {
            sqlx::query(
                "update refresh_token set revoked_at = coalesce(revoked_at, $1) where family_id = $2",
            )
            .bind(now)
            .bind(&r.family_id)
            .execute(&mut *tx)
            .await?;
            RefreshUse::Replayed
        }
        Some(r) if r.expires_at <= now => RefreshUse::Expired,
        // Not used, not revoked, not expired, yet not won: cannot happen after the
        // guarded update; refuse rather than guess.
        Some(_) => RefreshUse::Unknown,
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Revokes the family of a refresh token (sign-out); returns its account, if any.
pub(crate) async fn revoke_refresh_family(db: &Db, hash: &str, now: i64) -> Result<Option<String>> {
    let row: Option<(String, String)> =
        sqlx::query_as("select account_id, family_id from refresh_token where token_hash = $1")
            .bind(hash)
            .fetch_optional(db.write())
            .await?;
    if let Some((_, family)) = &row {
        sqlx::query(
            "update refresh_token set revoked_at = coalesce(revoked_at, $1) where family_id = $2",
        )
        .bind(now)
        .bind(family)
        .execute(db.write())
        .await?;
    }
    Ok(row.map(|(a, _)| a))
}

/// An API token as listed (never its secret).
#[derive(Debug, Clone, FromRow)]
pub(crate) struct ApiTokenRow {
    pub(crate) token_id: String,
    pub(crate) name: String,
    pub(crate) created_at: i64,
    pub(crate) revoked_at: Option<i64>,
}

/// Stores a new API token's hash.
pub(crate) async fn insert_api_token(
    db: &Db,
    id: Uuid,
    hash: &str,
    account_id: &str,
    name: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into api_token (token_id, token_hash, account_id, name, created_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(id.to_string())
    .bind(hash)
    .bind(account_id)
    .bind(name)
    .bind(now)
    .execute(db.write())
    .await?;
    Ok(())
}

/// The account behind an unrevoked API token.
pub(crate) async fn account_by_api_token(db: &Db, hash: &str) -> Result<Option<AccountRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{ACCOUNT} where account_id = (select account_id from api_token where token_hash = $1 and revoked_at is null)"
    )))
    .bind(hash)
    .fetch_optional(db.read())
    .await?)
}

/// The API tokens of an account.
pub(crate) async fn api_tokens_of(db: &Db, account_id: &str) -> Result<Vec<ApiTokenRow>> {
    Ok(sqlx::query_as(
        "select token_id, name, created_at, revoked_at from api_token where account_id = $1 order by token_id",
    )
    .bind(account_id)
    .fetch_all(db.read())
    .await?)
}

/// Revokes one API token of an account; false when there is no such token.
pub(crate) async fn revoke_api_token(
    db: &Db,
    account_id: &str,
    token_id: &str,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "update api_token set revoked_at = coalesce(revoked_at, $1) where account_id = $2 and token_id = $3",
    )
    .bind(now)
    .bind(account_id)
    .bind(token_id)
    .execute(db.write())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One audit entry.
#[derive(Debug, Clone, FromRow)]
pub(crate) struct AuditRow {
    pub(crate) audit_id: String,
    pub(crate) at: i64,
    pub(crate) account_id: String,
    pub(crate) role: String,
    pub(crate) action: String,
    pub(crate) object: String,
    pub(crate) detail: String,
}

/// Records who did what to which object.
pub(crate) async fn audit(
    db: &Db,
    account_id: &str,
    role: &str,
    action: &str,
    object: &str,
    detail: &str,
    now: i64,
) -> Result<()> {
    sqlx::query(
        "insert into audit_log (audit_id, at, account_id, role, action, object, detail) values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(now)
    .bind(account_id)
    .bind(role)
    .bind(action)
    .bind(object)
    .bind(detail)
    .execute(db.write())
    .await?;
    Ok(())
}

/// What an administrator searches the audit log for; an empty text matches any.
#[derive(Debug, Default)]
pub(crate) struct AuditFilter<'a> {
    /// Who did it (account id).
    pub(crate) account_id: &'a str,
    /// What was done (`account.create`), or every action of a kind (`account`).
    pub(crate) action: &'a str,
    /// To which object.
    pub(crate) object: &'a str,
    /// From this instant (epoch ms), inclusive.
    pub(crate) from: Option<i64>,
    /// Before this instant (epoch ms).
    pub(crate) to: Option<i64>,
}

/// The newest audit entries matching `filter` first, before `before` (an audit id) when
/// given.
pub(crate) async fn audit_page(
    db: &Db,
    filter: &AuditFilter<'_>,
    before: Option<&str>,
    limit: i64,
) -> Result<Vec<AuditRow>> {
    Ok(sqlx::query_as(
        "select audit_id, at, account_id, role, action, object, detail from audit_log
         where ($1 = '' or audit_id < $1)
           and ($2 = '' or account_id = $2)
           and ($3 = '' or action = $3 or action like $4 escape '\\')
           and ($5 = '' or object = $5)
           and at >= $6 and at < $7
         order by audit_id desc limit $8",
    )
    .bind(before.unwrap_or(""))
    .bind(filter.account_id)
    .bind(filter.action)
    .bind(format!("{}.%", like_literal(filter.action)))
    .bind(filter.object)
    .bind(filter.from.unwrap_or(i64::MIN))
    .bind(filter.to.unwrap_or(i64::MAX))
    .bind(limit)
    .fetch_all(db.read())
    .await?)
}

/// Stores (or replaces) the code for a ticket.
pub(crate) async fn put_code(
    db: &Db,
    ticket_number: &str,
    ticket_id: Uuid,
    code_hash: &str,
    expires_at: i64,
    now: i64,
) -> Result<()> {
    let mut tx = db.write().begin().await?;
    sqlx::query("delete from verification_code where ticket_number = $1")
        .bind(ticket_number)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into verification_code (ticket_number, ticket_id, code_hash, expires_at, attempts, created_at)
         values ($1, $2, $3, $4, 0, $5)",
    )
    .bind(ticket_number)
    .bind(ticket_id.to_string())
    .bind(code_hash)
    .bind(expires_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What checking a code found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum CodeCheck {
    /// Right code, in time: the ticket; the code is spent.
    Valid(String),
    /// Wrong code, expired, exhausted or never sent.
    Invalid,
}

/// Checks a code: at most `max_attempts` tries, one success, then it is gone.
///
/// Every try first takes one attempt in a single guarded statement
/// (`attempts = attempts + 1 ... where attempts < max returning`), so concurrent guesses can never check more
/// than `max_attempts` codes, on PostgreSQL as on SQLite; the right code is then spent by
/// a delete that only one of several concurrent winners can make.
pub(crate) async fn check_code(
    db: &Db,
    ticket_number: &str,
    code_hash: &str,
    max_attempts: i64,
    now: i64,
) -> Result<CodeCheck> {
    let taken: Option<(String, String)> = sqlx::query_as(
        "update verification_code set attempts = attempts + 1
         where ticket_number = $1 and expires_at > $2 and attempts < $3
         returning ticket_id, code_hash",
    )
    .bind(ticket_number)
    .bind(now)
    .bind(max_attempts)
    .fetch_optional(db.write())
    .await?;
    let Some((ticket_id, stored)) = taken else {
        return Ok(CodeCheck::Invalid);
    };
    if stored != code_hash {
        return Ok(CodeCheck::Invalid);
    }
    let spent =
        sqlx::query("delete from verification_code where ticket_number = $1 and code_hash = $2")
            .bind(ticket_number)
            .bind(code_hash)
            .execute(db.write())
            .await?;
    Ok(if spent.rows_affected() == 1 {
        CodeCheck::Valid(ticket_id)
    } else {
        CodeCheck::Invalid
    })
}

/// The identity store on both backends: SQLite in a temporary file and a real PostgreSQL
/// started by the test kit. Each test runs against both.
/// Points the customer accounts linked to customer record `from` at record `to` (after
/// `from` was merged into `to`); returns how many there were.
pub(crate) async fn relink_customer_accounts(db: &Db, from: Uuid, to: Uuid) -> Result<u64> {
    Ok(
        sqlx::query("update account set customer_id = $1 where customer_id = $2")
            .bind(to.to_string())
            .bind(from.to_string())
            .execute(db.write())
            .await?
            .rows_affected(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both databases, migrated, with one account `a1`; the PostgreSQL cluster lives as
    /// long as the returned guard.
    async fn databases() -> (
        Vec<(&'static str, Db)>,
        aftercare_testkit::Postgres,
        tempfile::TempDir,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let sqlite = Db::connect(
            &format!("sqlite://{}/gateway.db", dir.path().display()),
            "gateway",
        )
        .await
        .expect("sqlite");
        let pg = aftercare_testkit::Postgres::start().expect("postgres");
        let url = pg.create_database("gateway").await.expect("database");
        let postgres = Db::connect(&url, "gateway").await.expect("postgres");
        let mut out = vec![];
        for (name, db) in [("sqlite", sqlite), ("postgres", postgres)] {
            db.migrate(&crate::MIGRATIONS).await.expect("migrate");
            insert_account(
                &db,
                &NewAccount {
                    id: Uuid::now_v7(),
                    login: "a1",
                    display_name: "A",
                    role: Role::Agent,
                    customer_id: None,
                    technician_id: None,
                    password_hash: None,
                    oidc_subject: None,
                    now: 1,
                },
            )
            .await
            .expect("account");
            out.push((name, db));
        }
        (out, pg, dir)
    }

    async fn account_id(db: &Db) -> String {
        account_by_login(db, "a1")
            .await
            .expect("read")
            .expect("account")
            .account_id
    }

    async fn unrevoked(db: &Db, family: &str) -> i64 {
        sqlx::query_scalar(
            "select count(*) from refresh_token where family_id = $1 and revoked_at is null",
        )
        .bind(family)
        .fetch_one(db.read())
        .await
        .expect("count")
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn refresh_tokens_rotate_once_and_a_replay_revokes_the_family() {
        let (dbs, _pg, _dir) = databases().await;
        for (backend, db) in &dbs {
            let a = account_id(db).await;
            insert_refresh(db, "h1", &a, "f1", 10_000, 1)
                .await
                .expect("insert");
            let next = Successor {
                hash: "h2",
                expires_at: 10_000,
            };
            assert_eq!(
                rotate_refresh(db, "h1", &next, 2).await.expect("rotate"),
                RefreshUse::Fresh {
                    account_id: a.clone(),
                    family: "f1".into()
                },
                "{backend}"
            );
            let again = Successor {
                hash: "h3",
                expires_at: 10_000,
            };
            assert_eq!(
                rotate_refresh(db, "h1", &again, 3).await.expect("replay"),
                RefreshUse::Replayed,
                "{backend}"
            );
            assert_eq!(unrevoked(db, "f1").await, 0, "{backend}: family revoked");
            assert_eq!(
                rotate_refresh(db, "h2", &again, 4).await.expect("revoked"),
                RefreshUse::Replayed,
                "{backend}"
            );
            insert_refresh(db, "old", &a, "f2", 5, 1)
                .await
                .expect("insert");
            assert_eq!(
                rotate_refresh(db, "old", &again, 6).await.expect("expired"),
                RefreshUse::Expired,
                "{backend}"
            );
            assert_eq!(
                rotate_refresh(db, "nope", &again, 6)
                    .await
                    .expect("unknown"),
                RefreshUse::Unknown,
                "{backend}"
            );
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn concurrent_refreshes_with_one_token_let_exactly_one_through_and_revoke_the_family() {
        let (dbs, _pg, _dir) = databases().await;
        for (backend, db) in &dbs {
            let a = account_id(db).await;
            insert_refresh(db, "shared", &a, "race", 1_000_000, 1)
                .await
                .expect("insert");
            let tries = (0..16).map(|i| {
                let db = db.clone();
                tokio::spawn(async move {
                    let hash = format!("next-{i}");
                    let next = Successor {
                        hash: &hash,
                        expires_at: 1_000_000,
                    };
                    rotate_refresh(&db, "shared", &next, 10)
                        .await
                        .expect("rotate")
                })
            });
            let outcomes: Vec<RefreshUse> = futures::future::join_all(tries)
                .await
                .into_iter()
                .map(|r| r.expect("task"))
                .collect();
            let fresh = outcomes
                .iter()
                .filter(|o| matches!(o, RefreshUse::Fresh { .. }))
                .count();
            assert_eq!(fresh, 1, "{backend}: {outcomes:?}");
            assert!(
                outcomes
                    .iter()
                    .all(|o| matches!(o, RefreshUse::Fresh { .. } | RefreshUse::Replayed)),
                "{backend}: {outcomes:?}"
            );
            // The winner's successor was revoked with the rest of the family.
            assert_eq!(unrevoked(db, "race").await, 0, "{backend}");
        }
    }

    async fn attempts(db: &Db, number: &str) -> i64 {
        sqlx::query_scalar::<_, i32>(
            "select attempts from verification_code where ticket_number = $1",
        )
        .bind(number)
        .fetch_one(db.read())
        .await
        .map(i64::from)
        .expect("attempts")
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn codes_work_once_and_die_after_the_allowed_wrong_guesses() {
        let (dbs, _pg, _dir) = databases().await;
        let ticket = Uuid::now_v7();
        for (backend, db) in &dbs {
            put_code(db, "T1", ticket, "right", 1_000, 1)
                .await
                .expect("put");
            assert_eq!(
                check_code(db, "T1", "wrong", 5, 2).await.expect("check"),
                CodeCheck::Invalid
            );
            assert_eq!(
                check_code(db, "T1", "right", 5, 3).await.expect("check"),
                CodeCheck::Valid(ticket.to_string()),
                "{backend}"
            );
            assert_eq!(
                check_code(db, "T1", "right", 5, 4).await.expect("check"),
                CodeCheck::Invalid,
                "{backend}: spent"
            );
            put_code(db, "T2", ticket, "right", 1_000, 1)
                .await
                .expect("put");
            for _ in 0..5 {
                check_code(db, "T2", "wrong", 5, 2).await.expect("check");
            }
            assert_eq!(
                check_code(db, "T2", "right", 5, 3).await.expect("check"),
                CodeCheck::Invalid,
                "{backend}: exhausted"
            );
            put_code(db, "T3", ticket, "right", 1_000, 1)
                .await
                .expect("put");
            assert_eq!(
                check_code(db, "T3", "right", 5, 1_000)
                    .await
                    .expect("check"),
                CodeCheck::Invalid,
                "{backend}: expired"
            );
        }
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn concurrent_guesses_never_check_more_codes_than_allowed() {
        let (dbs, _pg, _dir) = databases().await;
        let ticket = Uuid::now_v7();
        for (backend, db) in &dbs {
            put_code(db, "T9", ticket, "right", 1_000_000, 1)
                .await
                .expect("put");
            let guesses = (0..24).map(|_| {
                let db = db.clone();
                tokio::spawn(async move { check_code(&db, "T9", "wrong", 5, 2).await })
            });
            for g in futures::future::join_all(guesses).await {
                assert_eq!(g.expect("task").expect("check"), CodeCheck::Invalid);
            }
            assert_eq!(attempts(db, "T9").await, 5, "{backend}");
            assert_eq!(
                check_code(db, "T9", "right", 5, 3).await.expect("check"),
                CodeCheck::Invalid,
                "{backend}"
            );
            // Concurrent presentations of the right code: one session, not several.
            put_code(db, "T8", ticket, "right", 1_000_000, 1)
                .await
                .expect("put");
            let tries = (0..8).map(|_| {
                let db = db.clone();
                tokio::spawn(async move { check_code(&db, "T8", "right", 5, 2).await })
            });
            let valid = futures::future::join_all(tries)
                .await
                .into_iter()
                .filter(|r| matches!(r, Ok(Ok(CodeCheck::Valid(_)))))
                .count();
            assert_eq!(valid, 1, "{backend}");
        }
    }
}
