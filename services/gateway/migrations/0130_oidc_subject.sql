-- The external identity (OIDC `sub`) an account stands for: a token from the identity
-- provider takes its customer or technician link from this account, never from its claims.
alter table account add column oidc_subject text;
create unique index account_oidc_subject on account (oidc_subject);
