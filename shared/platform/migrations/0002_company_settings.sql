-- Company settings (priority rules, SLA targets, notification texts, quality thresholds,
-- duration defaults, …): every version of each document a company has stored, newest
-- first by version. Version 0 is the built-in document and is never stored.
create table company_setting (
    setting    text not null,
    version    bigint not null,
    body       text not null,
    updated_at bigint not null,
    updated_by text not null,
    primary key (setting, version)
);
