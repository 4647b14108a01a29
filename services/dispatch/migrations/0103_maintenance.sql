-- Maintenance plans (防火服务) and the visits generated from them (once per plan and day).
create table maintenance_plan (
    plan_id      text primary key,
    source_key   text not null unique,
    kind         text not null,
    customer_id  text not null,
    company      text not null,
    district     text not null,
    address      text not null,
    machine      text not null,
    every_months integer not null,
    next_due     text not null,
    until_day    text,
    active       integer not null,
    created_at   bigint not null
);
create index maintenance_plan_due on maintenance_plan (active, next_due);

create table maintenance_visit (
    plan_id    text not null references maintenance_plan (plan_id),
    due_on     text not null,
    created_at bigint not null,
    primary key (plan_id, due_on)
);
