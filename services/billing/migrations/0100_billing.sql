-- Fee schedule, visits awaiting a receipt, and receipts (收费).
create table fee_schedule (
    fee_schedule_id       text primary key,
    effective_from        bigint not null,
    currency              text not null,
    call_out_minor        bigint not null,
    labour_per_hour_minor bigint not null,
    warranty_months       integer not null
);
-- The default schedule; a company edits it or adds a later version.
insert into fee_schedule values ('default', 0, 'CNY', 5000, 12000, 12);

create table visit (
    work_order_id text primary key,
    ticket_id     text not null,
    completed     text,
    parts_priced  text,
    invoice_id    text,
    updated_at    bigint not null
);

create table invoice (
    invoice_id    text primary key,
    number        text not null unique,
    work_order_id text not null unique,
    ticket_id     text not null,
    customer_name text not null,
    lines         text not null,
    currency      text not null,
    total_minor   bigint not null,
    charged_minor bigint not null,
    issued_at     bigint not null
);
