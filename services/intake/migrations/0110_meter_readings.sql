-- Meter readings (复印量) technicians report at visits, per machine; consumables follow-up
-- and contract billing read them.
create table meter_reading (
    brand_key     text not null,
    serial_key    text not null,
    work_order_id text not null,
    reading       bigint not null,
    at            bigint not null,
    primary key (brand_key, serial_key, work_order_id)
);
create index meter_reading_machine on meter_reading (brand_key, serial_key, at);
