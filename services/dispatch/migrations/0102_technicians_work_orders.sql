-- Technicians' profiles (certificates, shift, start position, van) and leave; work
-- orders' kind, needs, place, appointment, deadline, plan, visit report; day plans.
alter table technician add column certifications text not null default '[]';
alter table technician add column start_lat double precision;
alter table technician add column start_lon double precision;
alter table technician add column shift_start text not null default '08:50';
alter table technician add column shift_end text not null default '17:30';
alter table technician add column van_location text;
alter table technician add column version bigint not null default 1;

create table technician_leave (
    technician_id text not null references technician (technician_id),
    from_day      text not null,
    to_day        text not null,
    reason        text not null,
    created_at    bigint not null
);
create index technician_leave_days on technician_leave (technician_id, to_day);

alter table work_order add column work_type text not null default 'repair';
alter table work_order add column required_skills text not null default '[]';
alter table work_order add column estimated_minutes integer not null default 90;
alter table work_order add column address text not null default '';
alter table work_order add column lat double precision;
alter table work_order add column lon double precision;
alter table work_order add column appointment_start bigint;
alter table work_order add column appointment_end bigint;
alter table work_order add column sla_due bigint;
alter table work_order add column planned_arrival bigint;
alter table work_order add column revisit_of text;
alter table work_order add column flagged integer not null default 0;
alter table work_order add column score integer;
alter table work_order add column visit text;
update work_order set flagged = 1 where status = 'unassigned';
create index work_order_open on work_order (status, technician_id);

create table day_plan (
    plan_date    text primary key,
    body         text not null,
    revision     bigint not null,
    published_at bigint not null
);
