-- Outbound call tasks (外呼): every call the desk owes a customer, whatever created it
-- (a callback, a warranty card, a renewal, a consumable running out, an unhappy answer,
-- an overdue receipt), with its assignee, due time, attempts and result.
create table call_task (
    task_id         text primary key,
    kind            text not null,
    state           text not null,
    source_key      text not null unique,
    open_key        text unique,
    assignee        text not null,
    assigned_by     text not null,
    customer_name   text not null,
    district        text not null,
    product_line    text,
    brand           text,
    reference       text not null,
    about           text not null,
    customer_id     text,
    machine_id      text,
    contract        text,
    ticket_id       text,
    invoice_id      text,
    callback_id     text,
    followup_id     text,
    due_at          bigint not null,
    escalate_at     bigint not null,
    reminded_due_at bigint,
    reminded_at     bigint,
    escalated_at    bigint,
    result          text,
    result_note     text,
    closed_at       bigint,
    closed_by       text,
    created_at      bigint not null,
    version         bigint not null
);
create index call_task_queue on call_task (state, due_at);
create index call_task_assignee on call_task (assignee, state, due_at);
create index call_task_escalate on call_task (state, escalate_at);
create index call_task_callback on call_task (callback_id);
create index call_task_followup on call_task (followup_id);

create table call_task_attempt (
    task_id     text not null,
    seq         integer not null,
    at          bigint not null,
    outcome     text not null,
    by_user     text not null,
    note        text not null,
    next_try_at bigint,
    primary key (task_id, seq)
);
