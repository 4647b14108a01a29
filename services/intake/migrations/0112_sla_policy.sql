-- The company's SLA targets as one versioned document (absent until first replaced: the
-- built-in targets apply).
create table sla_policy (
    id         integer primary key,
    targets    text not null,
    version    bigint not null,
    updated_at bigint not null,
    updated_by text not null
);
