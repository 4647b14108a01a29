-- Technicians belong to a team (技术组); visit reports name a fault code.
alter table technician add column team text not null default '';
update technician set team = district where team = '';
alter table work_order add column fault text;
