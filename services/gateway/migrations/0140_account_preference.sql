-- Per-account preferences: the language the web console opens in for this account.
create table account_preference (
    account_id text primary key,
    language text not null,
    updated_at bigint not null
);
