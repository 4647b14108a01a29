-- Parts catalogue and the stock ledger (配件). Nothing is edited: every change of
-- stock is a movement; `stock` is the running balance the movements add up to.
create table part (
    sku              text primary key,
    name             text not null,
    list_price_minor bigint not null,
    currency         text not null,
    created_at       bigint not null
);

create table stock (
    sku      text not null references part (sku),
    location text not null,
    on_hand  bigint not null check (on_hand >= 0),
    primary key (sku, location)
);

create table movement (
    movement_id text primary key,
    sku         text not null,
    location    text not null,
    kind        text not null,
    quantity    bigint not null,
    reference   text not null,
    actor       text not null,
    reason      text not null,
    at          bigint not null
);
create index movement_sku on movement (sku, at);
