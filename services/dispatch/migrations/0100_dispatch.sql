-- Technicians and work orders (派工).
create table technician (
    technician_id  text primary key,
    name           text not null,
    district       text not null,
    skills         text not null,
    daily_capacity integer not null,
    active         integer not null default 1,
    created_at     bigint not null
);

create table work_order (
    work_order_id      text primary key,
    number             text not null unique,
    ticket_id          text not null,
    ticket_number      text not null,
    status             text not null,
    priority           text not null,
    customer_name      text not null,
    district           text not null,
    machine            text,
    technician_id      text references technician (technician_id),
    assignment_reasons text not null,
    diagnosis          text,
    parts              text not null,
    started_at         bigint,
    finished_at        bigint,
    meter_reading      bigint,
    trace_context      text not null,
    created_at         bigint not null,
    completed_at       bigint,
    version            bigint not null
);
create index work_order_ticket on work_order (ticket_id);
create index work_order_technician on work_order (technician_id, status);

create table work_order_history (
    work_order_id text not null references work_order (work_order_id),
    at            bigint not null,
    from_status   text,
    to_status     text not null,
    actor         text not null,
    reason        text not null
);
