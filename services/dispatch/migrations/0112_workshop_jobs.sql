-- Workshop and send-in repairs (内修 / 送修): a machine received at the workshop from a
-- visit, a customer or a dealer, and its repair. The job is kept whole as JSON (`body`,
-- the WorkshopJob the API answers, its history included); the columns beside it are what
-- lists filter and order by.
create table workshop_job (
    job_id        text primary key,
    number        text not null unique,
    origin        text not null,
    status        text not null,
    ticket_id     text not null,
    work_order_id text,
    technician_id text,
    body          text not null,
    created_at    bigint not null,
    updated_at    bigint not null,
    version       bigint not null
);
create index workshop_job_status on workshop_job (status, job_id);
create index workshop_job_ticket on workshop_job (ticket_id);
create unique index workshop_job_work_order on workshop_job (work_order_id);
