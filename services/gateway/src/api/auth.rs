//! Sign-in, token refresh and sign-out; accounts, API tokens and the audit log for
//! administrators; accounts' display names for every member of staff.
use aftercare_contracts::Role;
use aftercare_platform::{from_ms, now_ms};
use axum::Json;
use axum::body::Body;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;

use super::model::{
    Account, AccountName, AccountNames, ApiToken, ApiTokenCreated, AuditEntry, ChangePassword,
    ChangeRole, CreateAccount, CreateApiToken, DISPLAY_NAME, LOGIN, MAX_NAMED_ID_LEN,
    MAX_NAMED_IDS, Me, OIDC_SUBJECT, Refresh, SignIn, SignOut, TOKEN_NAME, TokenPair,
    named_ids_schema,
};
use super::operation::{CURSOR, LIMIT, Routes, get, path, path_id, post, query, schema};
use super::query::{parse_enum, parse_instant};
use super::roles::STAFF;
use crate::body::json_with;
use crate::client_addr::ClientIp;
use crate::error::ApiError;
use crate::http::{created, if_match_version, parse_limit, stale, with_etag};
use crate::identity::store::{self, AccountRow, NewAccount, RefreshUse};
use crate::identity::tokens::{self, API_TOKEN_PREFIX, Claims, REFRESH_TOKEN_PREFIX};
use crate::identity::{Principal, password};
use crate::state::AppState;
use aftercare_contracts::rpc::Page;

fn internal(e: String) -> ApiError {
    tracing::error!(error = %e, "token material could not be produced");
    ApiError::Service(aftercare_contracts::ServiceError::internal())
}

/// Signs an access token for `account`.
fn access_token(s: &AppState, account: &AccountRow, now: i64) -> Result<String, ApiError> {
    let ttl = s.config.access_token_ttl.as_secs();
    let claims = Claims {
        sub: account.account_id.clone(),
        role: account.role.clone(),
        iss: tokens::ISSUER.into(),
        aud: tokens::AUDIENCE.into(),
        iat: (now / 1000) as u64,
        iat_ms: now,
        exp: (now / 1000) as u64 + ttl,
        ticket: None,
    };
    s.signer.sign(&claims).map_err(internal)
}

/// A new opaque refresh token.
fn new_refresh_token() -> Result<String, ApiError> {
    Ok(format!(
        "{REFRESH_TOKEN_PREFIX}{}",
        tokens::random_text(32).map_err(internal)?
    ))
}

/// Signs an access token for `account` and stores a new refresh token in a new family.
pub(crate) async fn issue(s: &AppState, account: &AccountRow) -> Result<TokenPair, ApiError> {
    let now = now_ms();
    let access_token = access_token(s, account, now)?;
    let refresh_token = new_refresh_token()?;
    let family = Uuid::now_v7().to_string();
    let expires = now + s.config.refresh_token_ttl.as_millis() as i64;
    store::insert_refresh(
        &s.db,
        &tokens::digest(&refresh_token),
        &account.account_id,
        &family,
        expires,
        now,
    )
    .await?;
    Ok(TokenPair {
        access_token,
        token_type: "Bearer".into(),
        expires_in: s.config.access_token_ttl.as_secs(),
        refresh_token,
    })
}

/// Normalised login name.
fn normal_login(login: &str) -> String {
    login.trim().to_lowercase()
}

pub(crate) async fn sign_in(
    State(s): State<AppState>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: SignIn = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    check_sign_in_lengths(&req)?;
    let login = normal_login(&req.login);
    // Throttled before any hashing: the attempt counts as failed until it succeeds.
    s.limits.sign_in_begin(&login, ip.0)?;
    let slot = s.hashing.slot().await?;
    let account = store::account_by_login(&s.db, &login).await?;
    // Unknown logins cost the same hashing time as wrong passwords.
    let hash = account
        .as_ref()
        .and_then(|a| a.password_hash.clone())
        .unwrap_or_else(|| password::DUMMY_HASH.to_owned());
    let ok = password::verify(req.password, hash, slot).await;
    match account {
        Some(a) if ok && a.disabled == 0 && a.password_hash.is_some() => {
            s.limits.sign_in_succeeded(&login, ip.0);
            Ok(Json(issue(&s, &a).await?).into_response())
        }
        _ => {
            tracing::info!(client = %ip.0, "sign-in refused");
            Err(ApiError::Unauthenticated(
                "login or password is wrong, or the account is disabled".into(),
            ))
        }
    }
}

/// Longest login accepted at sign-in (the longest an account may have).
const MAX_LOGIN_LEN: usize = 254;

/// Refuses over-long logins and passwords before they cost a lookup or a hash.
fn check_sign_in_lengths(req: &SignIn) -> Result<(), ApiError> {
    if req.login.chars().count() > MAX_LOGIN_LEN {
        return Err(ApiError::field(
            "login",
            "too_long",
            format!("a login has at most {MAX_LOGIN_LEN} characters"),
        ));
    }
    if req.password.chars().count() > password::MAX_LEN {
        return Err(ApiError::field(
            "password",
            "too_long",
            format!("a password has at most {} characters", password::MAX_LEN),
        ));
    }
    Ok(())
}

pub(crate) async fn refresh(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: Refresh = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let now = now_ms();
    let next = new_refresh_token()?;
    let next_hash = tokens::digest(&next);
    let successor = store::Successor {
        hash: &next_hash,
        expires_at: now + s.config.refresh_token_ttl.as_millis() as i64,
    };
    let presented = tokens::digest(req.refresh_token.trim());
    match store::rotate_refresh(&s.db, &presented, &successor, now).await? {
        RefreshUse::Fresh { account_id, .. } => {
            let account = store::account_by_id(&s.db, &account_id)
                .await?
                .filter(|a| a.disabled == 0)
                .ok_or_else(|| ApiError::Unauthenticated("the account is disabled".into()))?;
            Ok(Json(TokenPair {
                access_token: access_token(&s, &account, now)?,
                token_type: "Bearer".into(),
                expires_in: s.config.access_token_ttl.as_secs(),
                refresh_token: next,
            })
            .into_response())
        }
        RefreshUse::Replayed => Err(ApiError::Unauthenticated(
            "this refresh token was already used; every token of its sign-in is now revoked".into(),
        )),
        RefreshUse::Expired => Err(ApiError::Unauthenticated(
            "the refresh token has expired; sign in again".into(),
        )),
        RefreshUse::Unknown => Err(ApiError::Unauthenticated(
            "the refresh token is not valid".into(),
        )),
    }
}

pub(crate) async fn sign_out(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: SignOut = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let now = now_ms();
    if let Some(t) = req.refresh_token {
        let owner = store::revoke_refresh_family(&s.db, &tokens::digest(t.trim()), now).await?;
        if owner.is_some_and(|o| o != p.account_id) {
            tracing::warn!(account = %p.account_id, "sign-out presented another account's refresh token; revoked it");
        }
    }
    store::end_sessions(&s.db, &p.account_id, now).await?;
    s.live.access_changed();
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub(crate) async fn me(Extension(p): Extension<Principal>) -> Json<Me> {
    Json(Me {
        account_id: p.account_id.clone(),
        role: p.role,
        customer_id: p.customer_id,
        technician_id: p.technician_id,
        ticket_id: p.ticket_id,
    })
}

pub(crate) async fn change_password(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Extension(ip): Extension<ClientIp>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: ChangePassword = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let a = store::account_by_id(&s.db, &p.account_id)
        .await?
        .filter(|a| a.password_hash.is_some())
        .ok_or_else(|| {
            ApiError::field(
                "current_password",
                "not_applicable",
                "this account signs in without a password",
            )
        })?;
    if req.current_password.chars().count() > password::MAX_LEN {
        return Err(ApiError::field(
            "current_password",
            "too_long",
            format!("a password has at most {} characters", password::MAX_LEN),
        ));
    }
    s.limits.sign_in_begin(&a.login, ip.0)?;
    let slot = s.hashing.slot().await?;
    if !password::verify(
        req.current_password,
        a.password_hash.clone().unwrap_or_default(),
        slot,
    )
    .await
    {
        return Err(ApiError::field(
            "current_password",
            "wrong",
            "the current password is wrong",
        ));
    }
    s.limits.sign_in_succeeded(&a.login, ip.0);
    if let Some(why) = password::weakness(&req.new_password) {
        return Err(ApiError::field("new_password", "weak", why));
    }
    let slot = s.hashing.slot().await?;
    let hash = password::hash(req.new_password, slot)
        .await
        .map_err(internal)?;
    let now = now_ms();
    store::set_password(&s.db, &a.account_id, &hash, now).await?;
    s.must_change.done(&a.account_id).await?;
    s.live.access_changed();
    store::audit(
        &s.db,
        &a.account_id,
        p.role.name(),
        "account.password",
        &a.account_id,
        "",
        now,
    )
    .await?;
    // Issued one millisecond after the cut-off so the new session survives it.
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    Ok(Json(issue(&s, &a).await?).into_response())
}

fn account_view(a: &AccountRow) -> Account {
    Account {
        id: a.account_id.clone(),
        login: a.login.clone(),
        display_name: a.display_name.clone(),
        role: a.role.clone(),
        customer_id: a.customer_id.clone(),
        technician_id: a.technician_id.clone(),
        has_password: a.password_hash.is_some(),
        disabled: a.disabled != 0,
        oidc_subject: a.oidc_subject.clone(),
        created_at: from_ms(a.created_at),
        version: a.version,
    }
}

/// Field errors of a new account, all at once.
fn validate_account(req: &CreateAccount) -> Vec<aftercare_contracts::FieldError> {
    let mut errors = Vec::new();
    LOGIN.check(&mut errors, "login", req.login.trim());
    DISPLAY_NAME.check(&mut errors, "display_name", req.display_name.trim());
    if req.login.trim().chars().any(char::is_whitespace) {
        errors.push(field_error("login", "invalid", "a login has no spaces"));
    }
    if let Some(pw) = &req.password
        && let Some(why) = password::weakness(pw)
    {
        errors.push(field_error("password", "weak", &why));
    }
    match (req.role, req.customer_id, req.technician_id) {
        (Role::Customer, None, _) => errors.push(field_error(
            "customer_id",
            "required",
            "a customer account needs its customer record",
        )),
        (Role::Technician, _, None) => errors.push(field_error(
            "technician_id",
            "required",
            "a technician account needs its technician",
        )),
        _ => {}
    }
    if req.role != Role::Customer && req.customer_id.is_some() {
        errors.push(field_error(
            "customer_id",
            "not_allowed",
            "only customer accounts are linked to a customer record",
        ));
    }
    if let Some(subject) = &req.oidc_subject {
        OIDC_SUBJECT.check(&mut errors, "oidc_subject", subject.trim());
    }
    if req.role != Role::Technician && req.technician_id.is_some() {
        errors.push(field_error(
            "technician_id",
            "not_allowed",
            "only technician accounts are linked to a technician",
        ));
    }
    errors
}

fn field_error(field: &str, code: &str, message: &str) -> aftercare_contracts::FieldError {
    aftercare_contracts::FieldError {
        field: field.into(),
        code: code.into(),
        message: message.into(),
    }
}

pub(crate) async fn create_account(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateAccount = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let errors = validate_account(&req);
    if !errors.is_empty() {
        return Err(ApiError::Service(
            aftercare_contracts::ServiceError::validation(errors),
        ));
    }
    let hash = match &req.password {
        Some(pw) => Some(
            password::hash(pw.clone(), s.hashing.slot().await?)
                .await
                .map_err(internal)?,
        ),
        None => None,
    };
    let login = normal_login(&req.login);
    if let Some(subject) = &req.oidc_subject
        && store::account_by_oidc_subject(&s.db, subject.trim())
            .await?
            .is_some()
    {
        return Err(ApiError::field(
            "oidc_subject",
            "duplicate",
            "another account stands for this OIDC subject",
        ));
    }
    let id = Uuid::now_v7();
    let now = now_ms();
    let inserted = store::insert_account(
        &s.db,
        &NewAccount {
            id,
            login: &login,
            display_name: req.display_name.trim(),
            role: req.role,
            customer_id: req.customer_id,
            technician_id: req.technician_id,
            password_hash: hash.as_deref(),
            oidc_subject: req.oidc_subject.as_deref().map(str::trim),
            now,
        },
    )
    .await?;
    if !inserted {
        return Err(ApiError::field(
            "login",
            "duplicate",
            "an account with this login exists",
        ));
    }
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "account.create",
        &id.to_string(),
        &format!("{login} as {}", req.role.name()),
        now,
    )
    .await?;
    let a = store::account_by_id(&s.db, &id.to_string())
        .await?
        .ok_or_else(|| ApiError::not_found("account", &id.to_string()))?;
    Ok(created(
        &account_view(&a),
        format!("/api/v1/accounts/{id}"),
        Some(a.version),
    ))
}

/// The query of the accounts list.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct AccountQuery {
    q: Option<String>,
    role: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// Longest search text of the accounts list and the audit log's texts.
const MAX_SEARCH_LEN: usize = 254;

/// A search text of at most [`MAX_SEARCH_LEN`] characters, 422 naming `name` otherwise.
fn search_text<'a>(name: &str, raw: Option<&'a str>) -> Result<&'a str, ApiError> {
    let text = raw.unwrap_or("").trim();
    if text.chars().count() > MAX_SEARCH_LEN {
        return Err(ApiError::field(
            name,
            "too_long",
            format!("{name} has at most {MAX_SEARCH_LEN} characters"),
        ));
    }
    Ok(text)
}

pub(crate) async fn list_accounts(
    State(s): State<AppState>,
    Query(q): Query<AccountQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let role = parse_enum::<Role>("role", q.role.as_deref())?;
    let filter = store::AccountFilter {
        text: search_text("q", q.q.as_deref())?,
        role: role.map(Role::name).unwrap_or(""),
    };
    let rows = store::find_accounts(
        &s.db,
        &filter,
        q.cursor.as_deref().unwrap_or(""),
        i64::from(limit),
    )
    .await?;
    let page = Page::of(rows, limit, |a| a.account_id.clone());
    Ok(Json(Page {
        items: page.items.iter().map(account_view).collect::<Vec<_>>(),
        next_cursor: page.next_cursor,
    })
    .into_response())
}

/// The query of the account names.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct NamesQuery {
    ids: Option<String>,
}

/// The ids of `GET /accounts/names`: 1–[`MAX_NAMED_IDS`] comma-separated ids of at most
/// [`MAX_NAMED_ID_LEN`] characters each, 422 naming `ids` otherwise.
fn named_ids(raw: Option<&str>) -> Result<Vec<String>, ApiError> {
    let bad = || {
        ApiError::field(
            "ids",
            "invalid",
            format!(
                "ids must be 1–{MAX_NAMED_IDS} comma-separated account ids of 1–{MAX_NAMED_ID_LEN} characters"
            ),
        )
    };
    let raw = raw.unwrap_or("");
    let ids: Vec<&str> = raw.split(',').collect();
    if raw.is_empty()
        || ids.len() > MAX_NAMED_IDS
        || ids
            .iter()
            .any(|id| id.is_empty() || id.chars().count() > MAX_NAMED_ID_LEN)
    {
        return Err(bad());
    }
    Ok(ids.into_iter().map(|id| id.trim().to_owned()).collect())
}

/// The display names of the accounts among `ids`, for naming who did something.
pub(crate) async fn account_names(
    State(s): State<AppState>,
    Query(q): Query<NamesQuery>,
) -> Result<Response, ApiError> {
    let ids = named_ids(q.ids.as_deref())?;
    let mut names = super::visibility::display_names(&s, ids.clone()).await?;
    let mut seen = std::collections::HashSet::new();
    let names = ids
        .into_iter()
        .filter(|id| seen.insert(id.clone()))
        .filter_map(|id| {
            names
                .remove(&id)
                .map(|display_name| AccountName { id, display_name })
        })
        .collect();
    Ok(Json(AccountNames { names }).into_response())
}

async fn account(s: &AppState, id: &str) -> Result<AccountRow, ApiError> {
    store::account_by_id(&s.db, id)
        .await?
        .ok_or_else(|| ApiError::not_found("account", id))
}

pub(crate) async fn get_account(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let a = account(&s, &id).await?;
    Ok(with_etag(StatusCode::OK, &account_view(&a), a.version))
}

pub(crate) async fn disable_account(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let version = if_match_version(&headers)?;
    account(&s, &id).await?;
    if id == p.account_id {
        return Err(ApiError::field(
            "id",
            "self",
            "an administrator cannot disable their own account",
        ));
    }
    let now = now_ms();
    if !store::disable_account(&s.db, &id, version, now).await? {
        return Err(stale());
    }
    s.live.access_changed();
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "account.disable",
        &id,
        "",
        now,
    )
    .await?;
    let a = account(&s, &id).await?;
    Ok(with_etag(StatusCode::OK, &account_view(&a), a.version))
}

pub(crate) async fn change_role(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let version = if_match_version(&headers)?;
    let req: ChangeRole = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let a = account(&s, &id).await?;
    if id == p.account_id {
        return Err(ApiError::field(
            "role",
            "self",
            "an administrator cannot change their own role",
        ));
    }
    if matches!(req.role, Role::Customer | Role::Technician) {
        return Err(ApiError::field(
            "role",
            "linked",
            "customer and technician accounts are linked to their record: create a new account for them",
        ));
    }
    if a.customer_id.is_some() || a.technician_id.is_some() {
        return Err(ApiError::field(
            "role",
            "linked",
            "this account is linked to a customer record or a technician and keeps its role",
        ));
    }
    if a.oidc_subject.is_some() {
        return Err(ApiError::field(
            "role",
            "identity_provider",
            "this account signs in through the identity provider, whose role claim sets its role",
        ));
    }
    let now = now_ms();
    if !store::set_role(&s.db, &id, req.role.name(), version, now).await? {
        return Err(stale());
    }
    s.live.access_changed();
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "account.role",
        &id,
        &format!("{} to {}", a.role, req.role.name()),
        now,
    )
    .await?;
    let a = account(&s, &id).await?;
    Ok(with_etag(StatusCode::OK, &account_view(&a), a.version))
}

pub(crate) async fn create_api_token(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let req: CreateApiToken = json_with(&headers, body, s.config.max_body_bytes, &[]).await?;
    let mut errors = Vec::new();
    TOKEN_NAME.check(&mut errors, "name", req.name.trim());
    if !errors.is_empty() {
        return Err(ApiError::Service(
            aftercare_contracts::ServiceError::validation(errors),
        ));
    }
    let a = account(&s, &id).await?;
    if a.disabled != 0 {
        return Err(ApiError::Service(
            aftercare_contracts::ServiceError::conflict(
                "account_disabled",
                "a disabled account cannot get API tokens",
            ),
        ));
    }
    let token = format!(
        "{API_TOKEN_PREFIX}{}",
        tokens::random_text(32).map_err(internal)?
    );
    let token_id = Uuid::now_v7();
    let now = now_ms();
    store::insert_api_token(
        &s.db,
        token_id,
        &tokens::digest(&token),
        &id,
        req.name.trim(),
        now,
    )
    .await?;
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "api_token.create",
        &id,
        req.name.trim(),
        now,
    )
    .await?;
    Ok(created(
        &ApiTokenCreated {
            id: token_id,
            name: req.name.trim().to_owned(),
            token,
        },
        format!("/api/v1/accounts/{id}/api-tokens"),
        None,
    ))
}

pub(crate) async fn list_api_tokens(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    account(&s, &id).await?;
    let items = store::api_tokens_of(&s.db, &id)
        .await?
        .into_iter()
        .map(|t| ApiToken {
            id: t.token_id,
            name: t.name,
            created_at: from_ms(t.created_at),
            revoked_at: t.revoked_at.map(from_ms),
        })
        .collect::<Vec<_>>();
    Ok(Json(Page {
        items,
        next_cursor: None,
    })
    .into_response())
}

pub(crate) async fn revoke_api_token(
    State(s): State<AppState>,
    Extension(p): Extension<Principal>,
    Path((id, token_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let now = now_ms();
    if !store::revoke_api_token(&s.db, &id, &token_id, now).await? {
        return Err(ApiError::not_found("API token", &token_id));
    }
    s.live.access_changed();
    store::audit(
        &s.db,
        &p.account_id,
        p.role.name(),
        "api_token.revoke",
        &id,
        &token_id,
        now,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The query of the audit log.
#[derive(Debug, serde::Deserialize)]
pub(crate) struct AuditQuery {
    account_id: Option<String>,
    action: Option<String>,
    object: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

pub(crate) async fn list_audit(
    State(s): State<AppState>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let limit = parse_limit(q.limit.as_deref())?;
    let from = parse_instant("from", q.from.as_deref())?;
    let to = parse_instant("to", q.to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to)
        && t <= f
    {
        return Err(ApiError::field(
            "to",
            "before_from",
            "to must be after from",
        ));
    }
    let filter = store::AuditFilter {
        account_id: search_text("account_id", q.account_id.as_deref())?,
        action: search_text("action", q.action.as_deref())?,
        object: search_text("object", q.object.as_deref())?,
        from: from.map(|t| t.timestamp_millis()),
        to: to.map(|t| t.timestamp_millis()),
    };
    let rows = store::audit_page(&s.db, &filter, q.cursor.as_deref(), i64::from(limit)).await?;
    let page = Page::of(rows, limit, |a| a.audit_id.clone());
    let items = page
        .items
        .into_iter()
        .map(|r| AuditEntry {
            id: r.audit_id,
            at: from_ms(r.at),
            account_id: r.account_id,
            role: r.role,
            action: r.action,
            object: r.object,
            detail: r.detail,
        })
        .collect::<Vec<_>>();
    let next_cursor = page.next_cursor;
    Ok(Json(Page { items, next_cursor }).into_response())
}

/// The administration of accounts, API tokens and the audit log.
pub(crate) fn accounts() -> Routes {
    Routes::tagged("accounts")
        .add(
            post("createAccount", "/accounts")
                .summary("Create an account with one role")
                .body::<CreateAccount>()
                .creates()
                .reply::<Account>()
                .to(create_account),
        )
        .add(
            get("listAccounts", "/accounts")
                .summary("List accounts, searched by login or display name and by role")
                .params(&[
                    query("q", schema::<String>, "Words of the login or display name (any part, case-insensitive), up to 254 characters."),
                    query("role", schema::<Role>, "Only accounts of this role."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<Account>>()
                .to(list_accounts),
        )
        .add(
            get("listAccountNames", "/accounts/names")
                .summary("The display names of up to 100 accounts, for every member of staff to name who did something; unknown ids are absent")
                .roles(STAFF)
                .params(&[query(
                    "ids",
                    named_ids_schema,
                    "Comma-separated account ids, 1–100 of them, each 1–64 characters (`recorded_by`, `updated_by`, an actor).",
                )
                .required()])
                .reply::<AccountNames>()
                .to(account_names),
        )
        .add(
            get("getAccount", "/accounts/{id}")
                .summary("One account")
                .params(&[path_id("Account id.")])
                .reply::<Account>()
                .to(get_account),
        )
        .add(
            post("disableAccount", "/accounts/{id}/disable")
                .summary("Disable an account: its sessions end and its tokens are revoked")
                .params(&[path_id("Account id.")])
                .updates()
                .reply::<Account>()
                .to(disable_account),
        )
        .add(
            post("changeAccountRole", "/accounts/{id}/role")
                .summary("Give an account another role: its sessions end and its API tokens are revoked, the role applies from its next sign-in; not one's own, nor an account linked to a customer, a technician or the identity provider")
                .params(&[path_id("Account id.")])
                .body::<ChangeRole>()
                .updates()
                .reply::<Account>()
                .to(change_role),
        )
        .add(
            post("createApiToken", "/accounts/{id}/api-tokens")
                .summary("Create an API token acting as the account (shown once)")
                .params(&[path_id("Account id.")])
                .body::<CreateApiToken>()
                .creates()
                .reply::<ApiTokenCreated>()
                .to(create_api_token),
        )
        .add(
            get("listApiTokens", "/accounts/{id}/api-tokens")
                .summary("The account's API tokens (never their secrets)")
                .params(&[path_id("Account id.")])
                .reply::<Page<ApiToken>>()
                .to(list_api_tokens),
        )
        .add(
            post(
                "revokeApiToken",
                "/accounts/{id}/api-tokens/{token_id}/revoke",
            )
            .summary("Revoke one API token")
            .params(&[path_id("Account id."), path("token_id", "API token id.")])
            .no_content()
            .to(revoke_api_token),
        )
        .add(
            get("listAudit", "/audit")
                .summary("Audit log, newest first: personal-data exports, account changes and replays, searched by who, what, which object and when")
                .params(&[
                    query("account_id", schema::<String>, "Only what this account did."),
                    query("action", schema::<String>, "Only this action (`account.create`), or every action of a kind (`account`)."),
                    query("object", schema::<String>, "Only entries about this object (an account id, a customer id, a subject)."),
                    query("from", schema::<chrono::DateTime<chrono::Utc>>, "From this instant (RFC 3339), inclusive."),
                    query("to", schema::<chrono::DateTime<chrono::Utc>>, "Before this instant (RFC 3339), after `from`."),
                    LIMIT,
                    CURSOR,
                ])
                .reply::<Page<AuditEntry>>()
                .to(list_audit),
        )
}

/// Signing in and out, and the caller's own account.
pub(crate) fn signing_in() -> Routes {
    Routes::tagged("auth")
        .add(
            post("signIn", "/auth/token")
                .summary("Sign in with login and password; returns an access and a refresh token")
                .public()
                .body::<SignIn>()
                .answers(&[401])
                .reply::<TokenPair>()
                .to(sign_in),
        )
        .add(
            post("refreshToken", "/auth/refresh")
                .summary("Exchange a refresh token for new tokens (the old one stops working)")
                .public()
                .body::<Refresh>()
                .answers(&[401])
                .reply::<TokenPair>()
                .to(refresh),
        )
        .add(
            post("signOut", "/auth/logout")
                .summary(
                    "Sign out: ends the caller's access tokens and revokes the refresh token given",
                )
                .signed_in()
                .ticket_code()
                .body::<SignOut>()
                .no_content()
                .to(sign_out),
        )
        .add(
            get("whoAmI", "/me")
                .summary("The signed-in caller: account, role and what it is linked to")
                .signed_in()
                .ticket_code()
                .reply::<Me>()
                .to(me),
        )
        .add(
            post("changePassword", "/me/password")
                .summary(
                    "Change the caller's password; other sessions end, new tokens are returned",
                )
                .signed_in()
                .body::<ChangePassword>()
                .reply::<TokenPair>()
                .to(change_password),
        )
}
