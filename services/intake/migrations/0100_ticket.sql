-- Tickets (受理): the customer's request and its lifecycle.
create table ticket (
    ticket_id        text primary key,
    number           text not null unique,
    status           text not null,
    channel          text not null,
    ticket_type      text not null,
    priority         text not null,
    symptom          text not null,
    customer_name    text not null,
    customer_phone   text not null,
    customer_address text not null,
    district         text not null,
    machine          text,
    machine_down     integer not null,
    work_order_id    text,
    callback_due_at  bigint,
    opened_at        bigint not null,
    updated_at       bigint not null,
    version          bigint not null
);
create index ticket_status on ticket (status, opened_at);

create table ticket_history (
    ticket_id   text not null references ticket (ticket_id),
    at          bigint not null,
    from_status text,
    to_status   text not null,
    actor       text not null,
    reason      text not null
);
create index ticket_history_ticket on ticket_history (ticket_id, at);
