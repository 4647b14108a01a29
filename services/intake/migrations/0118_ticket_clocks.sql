-- The SLA clock pauses while a ticket waits for parts or for the customer: since when it
-- stands still, the working time of its completed pauses, and every paused interval.
alter table ticket add column paused_since bigint;
alter table ticket add column paused_ms bigint not null default 0;
create table ticket_pause (
    ticket_id text not null,
    started_at bigint not null,
    ended_at bigint,
    status text not null,
    primary key (ticket_id, started_at)
);
-- Tickets already waiting for parts are paused since they began to wait.
update ticket set paused_since = (
    select max(h.at) from ticket_history h
     where h.ticket_id = ticket.ticket_id and h.to_status = 'waiting_for_parts')
 where status = 'waiting_for_parts';
insert into ticket_pause (ticket_id, started_at, status)
select ticket_id, paused_since, status from ticket where paused_since is not null;
-- A reply promised to the customer: by when, when and by whom it was promised, when its
-- warning is due, and which of its alerts were sent.
alter table ticket add column reply_by bigint;
alter table ticket add column reply_promised_at bigint;
alter table ticket add column reply_promised_by text;
alter table ticket add column reply_note text;
alter table ticket add column reply_warn_at bigint;
alter table ticket add column reply_alerts integer not null default 0;
create index ticket_reply_warn on ticket (reply_warn_at);
create index ticket_paused_since on ticket (paused_since);
