-- Returns (退货): the window after purchase per product line, why a machine is returned,
-- and the machines that had their one free training visit instead of a return.
alter table product_line add column return_days integer not null default 7;
alter table ticket add column return_reason text;
create table return_training (
    brand_key  text not null,
    serial_key text not null,
    ticket_id  text not null,
    at         bigint not null,
    primary key (brand_key, serial_key)
);
