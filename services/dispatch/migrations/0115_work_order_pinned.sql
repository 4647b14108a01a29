-- A work order assigned by hand by a dispatcher (or a return visit to the technician who
-- diagnosed it) is pinned: a day plan keeps it with its technician; one assigned
-- automatically may be moved to another technician by the day plan.
alter table work_order add column pinned integer not null default 0;
