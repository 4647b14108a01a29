-- The report-back register (技术员复电登记表): departures a technician records ("left")
-- and the phone calls the desk records after a visit (复电), by the company's local day.
-- Departures and visit reports known from work orders are read from their history.
create table register_entry (
    entry_id      text primary key,
    technician_id text not null references technician (technician_id),
    kind          text not null,
    day           text not null,
    at            bigint not null,
    work_order_id text,
    note          text not null default '',
    recorded_by   text not null,
    created_at    bigint not null
);
create index register_entry_day on register_entry (day, technician_id, at);
create index work_order_history_at on work_order_history (at);
