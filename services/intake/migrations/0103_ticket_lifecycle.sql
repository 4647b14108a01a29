-- Service-level deadlines and the customer tier they were computed for; when the first
-- response and the resolution happened. Tickets from before get their opening time as
-- deadlines (already due).
alter table ticket add column tier text not null default 'standard';
alter table ticket add column first_response_due bigint not null default 0;
alter table ticket add column resolution_due bigint not null default 0;
alter table ticket add column first_response_at bigint;
alter table ticket add column resolved_at bigint;
update ticket set first_response_due = opened_at, resolution_due = opened_at where first_response_due = 0;
create index ticket_resolution_due on ticket (status, resolution_due);
