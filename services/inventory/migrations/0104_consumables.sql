-- Consumables tracking: every meter reading per machine, and the consumables fitted (with
-- the page count at fitting and the run-out already announced).
create table meter_reading (
    work_order_id text primary key,
    brand         text not null,
    serial        text not null,
    model         text not null,
    pages         bigint not null,
    read_at       bigint not null
);
create index meter_reading_machine on meter_reading (brand, serial, read_at);

create table consumable_fit (
    brand          text not null,
    serial         text not null,
    sku            text not null,
    pages_at_fit   bigint not null,
    fitted_at      bigint not null,
    announced_for  text,
    primary key (brand, serial, sku)
);
