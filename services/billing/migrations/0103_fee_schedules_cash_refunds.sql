-- Versioned fee schedules (统一收费标准): a version never changes; the one whose day has
-- come prices a visit. Version 1 is the reference company's published schedule.
create table fee_schedule_version (
    version        integer primary key,
    effective_from text not null unique,
    terms          text not null,
    created_by     text not null,
    created_at     bigint not null
);
insert into fee_schedule_version values (1, '2000-01-01',
    '{"currency":"CNY","call_out":[{"amount_minor":5000}],"labour_per_hour_minor":12000,"flat_labour":[],"key_account_discount_bp":0,"tax_rate_bp":1300,"warranty_months":12,"misuse_faults":[],"brand_warranties":[]}',
    'system', 0);
drop table fee_schedule;

-- What billing keeps of each ticket: the customer and their tier (key-account discount).
create table ticket (
    ticket_id   text primary key,
    customer_id text,
    tier        text not null
);

-- Receipts keep what reports and receivables need without opening their lines.
alter table invoice add column customer_id text;
alter table invoice add column technician_id text;
alter table invoice add column technician_name text not null default '';
alter table invoice add column district text not null default '';
alter table invoice add column work_type text not null default 'repair';
alter table invoice add column issued_day text not null default '';
alter table invoice add column tax_rate_bp integer not null default 0;
alter table invoice add column tax_minor bigint not null default 0;
alter table invoice add column schedule_version integer not null default 1;
alter table invoice add column paid_minor bigint not null default 0;
alter table invoice add column credited_minor bigint not null default 0;
alter table invoice add column warranty_minor bigint not null default 0;
alter table invoice add column contract_minor bigint not null default 0;
alter table invoice add column manufacturer_minor bigint not null default 0;
alter table invoice add column discount_minor bigint not null default 0;
alter table invoice add column iou text;
update invoice set paid_minor = coalesce((select sum(p.amount_minor) from payment p where p.invoice_id = invoice.invoice_id), 0);
create index invoice_issued_day on invoice (issued_day);

-- Credit notes (红字): corrections of receipts, never edits.
create table credit_note (
    credit_note_id text primary key,
    number         text not null unique,
    invoice_id     text not null references invoice (invoice_id),
    amount_minor   bigint not null,
    body           text not null,
    issued_day     text not null,
    issued_at      bigint not null
);
create index credit_note_invoice on credit_note (invoice_id);

-- Cash collected on site, one row per visit, for the technician's daily reconciliation.
create table cash_collection (
    work_order_id     text primary key,
    work_order_number text not null,
    technician_id     text not null,
    technician_name   text not null,
    day               text not null,
    amount_minor      bigint not null,
    currency          text not null,
    at                bigint not null
);
create index cash_collection_day on cash_collection (day, technician_id);

create table cash_reconciliation (
    reconciliation_id text primary key,
    technician_id     text not null,
    day               text not null,
    status            text not null,
    body              text not null,
    unique (technician_id, day)
);

-- Refunds of approved returns (退货退款).
create table refund (
    refund_id text primary key,
    ticket_id text not null unique,
    status    text not null,
    body      text not null,
    version   bigint not null
);
