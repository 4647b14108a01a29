-- The machine record a ticket is about, found or registered when it is opened.
alter table ticket add column machine_id text;
