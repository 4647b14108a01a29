-- Parts used per visit with the machine's model and the fault, for usage reports.
create table part_usage (
    work_order_id text not null,
    sku           text not null,
    quantity      bigint not null,
    model         text not null,
    fault         text not null,
    used_at       bigint not null,
    primary key (work_order_id, sku)
);
create index part_usage_at on part_usage (used_at);
