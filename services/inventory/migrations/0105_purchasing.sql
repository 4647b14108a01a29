-- Reorder rules per part and location, and purchase requests (draft → approved → ordered →
-- received).
create table stock_rule (
    sku           text not null,
    location      text not null,
    reorder_point bigint not null,
    min_qty       bigint not null,
    max_qty       bigint not null,
    primary key (sku, location)
);

create table purchase_request (
    purchase_id     text primary key,
    number          text not null unique,
    sku             text not null,
    location        text not null,
    quantity        bigint not null,
    reason          text not null,
    basis           text not null,
    status          text not null,
    order_reference text,
    created_at      bigint not null,
    version         bigint not null
);
create index purchase_open on purchase_request (sku, location, status);
