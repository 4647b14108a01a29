-- Parts asked of inventory ahead of a visit.
alter table work_order add column parts_requested text not null default '[]';
