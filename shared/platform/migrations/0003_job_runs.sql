-- The last due time each periodic job was claimed for: one replica of a role runs a job
-- per due time, however many replicas wake for it.
create table job_run (
    job        text primary key,
    due_at     bigint not null,
    run_by     text not null,
    claimed_at bigint not null
);
