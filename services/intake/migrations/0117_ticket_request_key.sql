-- The caller's Idempotency-Key a ticket was opened under: a repeat of the request finds
-- the ticket instead of opening another, even when the first answer was lost.
alter table ticket add column request_key text;
create unique index ticket_request_key on ticket (request_key);
