-- Stock locations (warehouses, vans, the workshop) and stocktakes (盘点) that a manager
-- approves before their variances are booked.
create table location (
    code          text primary key,
    kind          text not null,
    name          text not null,
    technician_id text,
    created_at    bigint not null
);
insert into location (code, kind, name, created_at) values ('main', 'warehouse', 'Central warehouse', 0);
insert into location (code, kind, name, created_at) values ('workshop', 'workshop', 'Workshop', 0);
-- Places stock is already held in stay usable.
insert into location (code, kind, name, created_at)
    select distinct location, 'warehouse', location, 0 from stock where location not in ('main', 'workshop');

create table stocktake (
    stocktake_id text primary key,
    location     text not null,
    lines        text not null,
    status       text not null,
    note         text not null,
    counted_by   text not null,
    decided_by   text,
    created_at   bigint not null,
    decided_at   bigint,
    version      bigint not null
);
