-- Warranties as intake registers them (保修卡), for the renewal pipeline.
create table warranty (
    machine_key  text primary key,
    card_number  text not null,
    customer_id  text not null,
    company      text not null,
    district     text not null,
    address      text not null,
    machine      text not null,
    warranty_end text not null
);
create index warranty_end on warranty (warranty_end);

-- Contracts and warranties coming to their end (续保), one per source.
create table renewal (
    renewal_id     text primary key,
    kind           text not null,
    source         text not null,
    status         text not null,
    ends_on        text not null,
    next_follow_up text,
    body           text not null,
    version        bigint not null,
    unique (kind, source)
);
create index renewal_open on renewal (status, next_follow_up);

-- Overdue reminders already sent for a receipt: the last bucket, and the IOU's day.
alter table invoice add column reminded_bucket text;
alter table invoice add column iou_reminded integer not null default 0;

-- The renewal a contract came from, if any (the monthly report counts renewals).
alter table contract add column renewal_of text;
