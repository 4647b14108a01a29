-- Billing's price book: every list price change inventory announced, so a part is charged
-- the price in force when the visit finished, whenever its consumption arrives.
create table part_price_change (
    sku              text not null,
    at               bigint not null,
    name             text not null,
    old_amount_minor bigint not null,
    amount_minor     bigint not null,
    currency         text not null,
    primary key (sku, at)
);
