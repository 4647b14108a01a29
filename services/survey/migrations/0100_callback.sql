-- Callback tasks (回访): every completed and billed visit gets one.
create table callback (
    callback_id   text primary key,
    work_order_id text not null unique,
    ticket_id     text not null,
    invoice_id    text not null,
    technician_id text not null,
    status        text not null,
    due_at        bigint not null,
    created_at    bigint not null
);
create index callback_due on callback (status, due_at);
