-- The company's priority rules as one versioned document (JSON, in order); absent until
-- first replaced, when the built-in defaults apply.
create table priority_rules (
    id         integer primary key,
    rules      text not null,
    version    bigint not null,
    updated_at bigint not null,
    updated_by text not null
);
