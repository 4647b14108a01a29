-- Keeping the customer registry: a customer is active, inactive (not offered for new
-- tickets) or merged into another record; machines carry notes; every change to a
-- customer or a machine is a line of its history (who changed which field from what to
-- what, when); tickets carry notes, internal or shown to the customer.
alter table customer add column status text not null default 'active';
alter table customer add column merged_into text;
alter table machine add column notes text not null default '';

create table record_change (
    line_id     text primary key,
    record_kind text not null,
    record_id   text not null,
    at          bigint not null,
    actor       text not null,
    field       text not null,
    old_value   text,
    new_value   text,
    reason      text not null
);
create index record_change_record on record_change (record_id, at, line_id);

create table ticket_note (
    note_id    text primary key,
    ticket_id  text not null,
    at         bigint not null,
    actor      text not null,
    visibility text not null,
    body       text not null
);
create index ticket_note_ticket on ticket_note (ticket_id, note_id);
