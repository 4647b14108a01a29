-- Access tokens are signed with keys from a Secret (file or environment), never from the
-- database: a copy of the database must not let anyone mint tokens.
drop table signing_key;

-- Idempotency records keep no credential: a response that carried one (a new API token)
-- is stored without it, with only the SHA-256 of what was removed.
alter table idempotency_record add column secret_digest text;
delete from idempotency_record where body like '%"token":"act_%';
