-- Each attempt at sending a message, recorded with the message's new state: when it was
-- made, how it ended (sent; failed: worth retrying, retried or out of attempts; refused:
-- given up at once), the provider's answer code (an HTTP status, an SMTP reply code) when
-- it answered, and what it said or why it was not reached. Attempts made before this table
-- existed are counted on the message only.
create table notification_attempt (
    message_key     text not null,
    attempt         integer not null,
    at              bigint not null,
    outcome         text not null,
    provider_status integer,
    error           text,
    primary key (message_key, attempt)
);
