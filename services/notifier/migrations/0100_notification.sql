-- Every message the notifier was asked to send, one row per notification event (its
-- envelope id is the key, so a redelivered event never records or sends twice), with
-- its delivery state: pending (not tried yet), failed (tried, retried at next_attempt_at),
-- sent, dead_lettered (given up after the retries or refused for good) or unsent (no
-- channel configured: kept as what would have been sent).
create table notification (
    message_key     text primary key,
    event_type      text not null,
    ticket_id       text not null,
    ticket_number   text not null,
    customer_id     text,
    kind            text not null,
    channel         text not null,
    recipient       text not null,
    language        text not null,
    subject         text not null,
    body            text not null,
    secret          text,
    status          text not null,
    attempts        integer not null,
    last_error      text,
    next_attempt_at bigint not null,
    created_at      bigint not null,
    sent_at         bigint
);
create index notification_due on notification (status, next_attempt_at);
create index notification_ticket on notification (ticket_id, created_at);
create index notification_created on notification (created_at);
