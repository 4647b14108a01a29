-- Callbacks become full tasks (attempts, answers, scores), campaigns ask active customers,
-- follow-ups chase unhappy answers, rankings are kept as immutable snapshots and repeated
-- faults become quality warnings.

-- What survey knows of each completed visit (from dispatch.workorder.completed).
create table visit (
    work_order_id   text primary key,
    number          text not null,
    ticket_id       text not null,
    technician_id   text not null,
    technician_name text not null,
    team            text not null,
    customer_name   text not null,
    district        text not null,
    brand           text not null,
    model           text not null,
    fault           text,
    parts           text not null,
    finished_at     bigint not null
);
create index visit_finished on visit (finished_at);

-- Each fault code and part of a visit, for counting repeats per model.
create table visit_repeat (
    work_order_id text not null,
    brand         text not null,
    model         text not null,
    repeat_kind   text not null,
    repeat_key    text not null,
    finished_at   bigint not null,
    primary key (work_order_id, repeat_kind, repeat_key)
);
create index visit_repeat_window on visit_repeat (model, repeat_kind, repeat_key, finished_at);

-- What survey knows of each ticket (from intake.ticket.opened): who took it, for whom.
create table ticket_info (
    ticket_id     text primary key,
    number        text not null,
    customer_id   text,
    customer_name text not null,
    district      text not null,
    agent         text,
    opened_at     bigint not null
);

drop index callback_due;
alter table callback rename to callback_v1;
create table callback (
    callback_id           text primary key,
    kind                  text not null,
    work_order_id         text not null,
    ticket_id             text not null,
    technician_id         text not null,
    campaign_id           text,
    customer_key          text,
    status                text not null,
    due_at                bigint not null,
    failed_attempts       integer not null default 0,
    questionnaire_version bigint,
    answers               text,
    channel               text,
    technician_milli      bigint,
    agent_milli           bigint,
    overall_milli         bigint,
    problem_persists      integer not null default 0,
    answered_at           bigint,
    closed_at             bigint,
    created_at            bigint not null,
    version               bigint not null
);
insert into callback (callback_id, kind, work_order_id, ticket_id, technician_id, status, due_at, created_at, version)
    select callback_id, 'visit', work_order_id, ticket_id, technician_id, status, due_at, created_at, 1 from callback_v1;
drop table callback_v1;
create unique index callback_visit on callback (work_order_id) where kind = 'visit';
create unique index callback_campaign on callback (campaign_id, customer_key);
create index callback_due on callback (status, due_at);
create index callback_answered on callback (answered_at);

create table callback_attempt (
    callback_id text not null,
    seq         integer not null,
    at          bigint not null,
    outcome     text not null,
    actor       text not null,
    note        text not null,
    next_due_at bigint,
    primary key (callback_id, seq)
);

-- Single-use answer links; only the SHA-256 of the token is kept.
create table answer_link (
    token_hash  text primary key,
    callback_id text not null,
    expires_at  bigint not null,
    used_at     bigint,
    created_at  bigint not null
);

-- Every questionnaire version ever used (answers name theirs).
create table questionnaire (
    version    bigint primary key,
    definition text not null,
    updated_at bigint not null,
    updated_by text not null
);

create table follow_up (
    followup_id  text primary key,
    callback_id  text not null unique,
    work_order_id text not null,
    ticket_id    text not null,
    agent        text,
    reasons      text not null,
    status       text not null,
    due_at       bigint not null,
    escalate_at  bigint not null,
    resolution   text,
    resolved_at  bigint,
    resolved_by  text,
    created_at   bigint not null,
    version      bigint not null
);
create index follow_up_escalate on follow_up (status, escalate_at);

create table ranking (
    ranking_id   text primary key,
    kind         text not null,
    period_start text not null,
    period_end   text not null,
    body         text not null,
    published_at bigint not null,
    unique (kind, period_start)
);

create table campaign (
    campaign_id text primary key,
    quarter     text not null unique,
    started_by  text not null,
    started_at  bigint not null
);

create table quality_thresholds (
    version    bigint primary key,
    body       text not null,
    updated_at bigint not null,
    updated_by text not null
);

create table quality_warning (
    warning_id   text primary key,
    brand        text not null,
    model        text not null,
    repeat_kind  text not null,
    repeat_key   text not null,
    window_kind  text not null,
    window_start text not null,
    occurrences  integer not null,
    threshold    integer not null,
    work_orders  text not null,
    raised_at    bigint not null,
    unique (model, repeat_kind, repeat_key, window_kind, window_start)
);
