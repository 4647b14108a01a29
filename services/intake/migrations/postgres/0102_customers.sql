-- Customers, their phone numbers (one row each, for lookup by any formatting), their
-- machines (serial unique per brand), product lines with their warranty months, and
-- warranty cards. Keys (`*_key`) are compared bytewise, so prefix and exact lookups use
-- the indexes on both backends.
create table customer (
    customer_id  text primary key,
    number       text not null unique,
    company      text not null,
    company_key  text collate "C" not null,
    contacts     text not null,
    address      text not null,
    district     text not null,
    location     text,
    tier         text not null,
    notes        text not null,
    created_at   bigint not null,
    updated_at   bigint not null,
    version      bigint not null
);
create index customer_company on customer (company_key, customer_id);

create table customer_phone (
    phone_key   text primary key,
    customer_id text not null references customer (customer_id)
);
create index customer_phone_customer on customer_phone (customer_id);

create table product_line (
    name            text primary key,
    warranty_months integer not null
);
insert into product_line (name, warranty_months) values
    ('copier', 12), ('fax', 12), ('printer', 12), ('software', 12);

create table machine (
    machine_id       text primary key,
    customer_id      text not null references customer (customer_id),
    product_line     text not null references product_line (name),
    brand            text not null,
    brand_key        text not null,
    model            text not null,
    serial           text not null,
    serial_key       text collate "C" not null,
    purchase_date    text,
    warranty_end     text,
    install_location text not null,
    created_at       bigint not null,
    updated_at       bigint not null,
    version          bigint not null,
    unique (brand_key, serial_key)
);
create index machine_serial on machine (serial_key);
create index machine_customer on machine (customer_id, machine_id);

create table warranty_card (
    card_number   text primary key,
    customer_id   text not null references customer (customer_id),
    machine_id    text not null references machine (machine_id),
    registered_at bigint not null
);
