-- Accounts that must change their password before anything else (the administrator
-- created with a generated one-time password). The row goes when the password changes.
create table password_change_required (
    account_id text primary key references account (account_id),
    since      bigint not null
);
