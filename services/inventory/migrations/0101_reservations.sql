-- Reservations hold units of a location for a work order (available = on hand − reserved);
-- backorders wait for a receipt. Both keep who, when and for which work order.
alter table stock add column reserved bigint not null default 0;

create table reservation (
    reservation_id    text primary key,
    work_order_id     text not null,
    work_order_number text not null,
    sku               text not null,
    location          text not null,
    quantity          bigint not null,
    status            text not null,
    created_at        bigint not null,
    closed_at         bigint
);
create index reservation_work_order on reservation (work_order_id, sku, status);

create table backorder (
    backorder_id       text primary key,
    work_order_id      text not null,
    work_order_number  text not null,
    sku                text not null,
    quantity           bigint not null,
    preferred_location text,
    status             text not null,
    created_at         bigint not null,
    fulfilled_at       bigint
);
create index backorder_open on backorder (sku, status, created_at);
