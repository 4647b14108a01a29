-- When 80 % of each target's working time has passed (the warning), and which alerts
-- were sent, so each is sent once even with several intake replicas sweeping.
alter table ticket add column first_response_warn_at bigint not null default 0;
alter table ticket add column resolution_warn_at bigint not null default 0;
alter table ticket add column sla_alerts integer not null default 0;
update ticket set first_response_warn_at = first_response_due, resolution_warn_at = resolution_due
 where first_response_warn_at = 0;
create index ticket_response_warn on ticket (first_response_warn_at);
create index ticket_resolution_warn on ticket (resolution_warn_at);
