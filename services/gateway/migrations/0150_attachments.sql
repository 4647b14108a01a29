-- Attachments (photos, signatures) of work orders and tickets: one row per file in the
-- attachment store, named by the server; referenced_at is set once a filed visit report
-- refers to it, checked_at when the orphan job last found its work order still open.
create table attachment (
    attachment_id text primary key,
    owner_kind    text not null,
    owner_id      text not null,
    kind          text not null,
    content_type  text not null,
    size          bigint not null,
    sha256        text not null,
    object_key    text not null,
    uploaded_by   text not null,
    uploaded_at   bigint not null,
    referenced_at bigint,
    checked_at    bigint
);
create index attachment_owner on attachment (owner_kind, owner_id, uploaded_at);
create index attachment_unreferenced on attachment (referenced_at, uploaded_at);
