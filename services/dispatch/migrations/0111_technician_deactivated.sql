-- When a technician was made inactive (cleared when made active again): a past day's
-- report-back register lists the technicians active on that day, not today's.
alter table technician add column deactivated_at bigint;
