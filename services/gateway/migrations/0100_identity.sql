-- Accounts people and integrations sign in with. One role per account; customer and
-- technician accounts point at the record they are, for object-level checks.
create table account (
    account_id           text primary key,
    login                text not null unique,
    display_name         text not null,
    role                 text not null,
    customer_id          text,
    technician_id        text,
    password_hash        text,
    disabled             integer not null default 0,
    -- Access tokens issued before this instant (ms) are refused: sign-out and disabling.
    sessions_valid_after bigint not null,
    created_at           bigint not null,
    updated_at           bigint not null,
    version              bigint not null
);

-- Refresh tokens, stored as hashes. Each use rotates the token; using a rotated one
-- again revokes its whole family (a stolen token is detected when both parties use it).
create table refresh_token (
    token_hash  text primary key,
    account_id  text not null references account (account_id),
    family_id   text not null,
    expires_at  bigint not null,
    used_at     bigint,
    revoked_at  bigint,
    created_at  bigint not null
);
create index refresh_token_family on refresh_token (family_id);

-- Long-lived tokens for integrations, stored as hashes; shown once when created.
create table api_token (
    token_id    text primary key,
    token_hash  text not null unique,
    account_id  text not null references account (account_id),
    name        text not null,
    created_at  bigint not null,
    revoked_at  bigint
);
create index api_token_account on api_token (account_id);

-- The key access tokens are signed with, shared by every gateway replica.
create table signing_key (
    key_id     text primary key,
    secret     text not null,
    created_at bigint not null
);

-- The first response to each Idempotency-Key, per caller; status is null while the
-- first request is still running.
create table idempotency_record (
    principal   text not null,
    idem_key    text not null,
    fingerprint text not null,
    status      integer,
    location    text,
    etag        text,
    body        text,
    created_at  bigint not null,
    primary key (principal, idem_key)
);
create index idempotency_record_created on idempotency_record (created_at);

-- Who read or changed what that must be traceable: personal-data exports, account changes.
create table audit_log (
    audit_id   text primary key,
    at         bigint not null,
    account_id text not null,
    role       text not null,
    action     text not null,
    object     text not null,
    detail     text not null
);
create index audit_log_at on audit_log (at);

-- One-time codes for following a ticket without an account, stored as hashes.
create table verification_code (
    ticket_number text primary key,
    ticket_id     text not null,
    code_hash     text not null,
    expires_at    bigint not null,
    attempts      integer not null,
    created_at    bigint not null
);
