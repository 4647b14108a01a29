-- How long visits take by kind of work and model (a versioned document).
create table duration_defaults (
    version    bigint primary key,
    body       text not null,
    updated_at bigint not null,
    updated_by text not null
);
