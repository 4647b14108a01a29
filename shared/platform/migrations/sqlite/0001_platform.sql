-- Platform tables every service database has: the transactional outbox, the
-- idempotent inbox and gapless human-number series. Portable types only (see
-- docs/ARCHITECTURE.md, "Column types that work on both backends").
create table outbox (
    outbox_seq    integer primary key autoincrement,
    event_id      text not null unique,
    subject       text not null,
    event_type    text not null,
    event_version integer not null,
    payload       text not null,
    headers       text not null,
    created_at    bigint not null,
    published_at  bigint,
    attempts      integer not null default 0,
    last_error    text
);
create index outbox_pending on outbox (outbox_seq) where published_at is null;

create table inbox (
    consumer   text not null,
    event_id   text not null,
    subject    text not null,
    stream_seq bigint not null,
    handled_at bigint not null,
    primary key (consumer, event_id)
);

create table number_series (
    series     text not null,
    year       integer not null,
    last_value bigint not null,
    primary key (series, year)
);
