-- Payments of receipts (recorded, not processed).
create table payment (
    payment_id   text primary key,
    invoice_id   text not null references invoice (invoice_id),
    method       text not null,
    amount_minor bigint not null,
    collected_by text,
    reference    text not null,
    recorded_by  text not null,
    at           bigint not null
);
create index payment_invoice on payment (invoice_id);
