-- Annual maintenance contracts (年保) and the machines they cover (by brand and serial).
create table contract (
    contract_id text primary key,
    number      text not null unique,
    customer_id text not null,
    body        text not null,
    starts_on   text not null,
    ends_on     text not null,
    created_at  bigint not null
);
create index contract_customer on contract (customer_id);

create table contract_machine (
    contract_id text not null references contract (contract_id),
    machine_key text not null,
    primary key (contract_id, machine_key)
);
create index contract_machine_key on contract_machine (machine_key);
