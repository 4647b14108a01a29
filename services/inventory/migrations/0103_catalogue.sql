-- The catalogue entry: category, compatible models, unit cost, failure-prone rating, page
-- yield, and a version for concurrent edits.
alter table part add column category text not null default 'spare_part';
alter table part add column compatible_models text not null default '[]';
alter table part add column unit_cost_minor bigint;
alter table part add column failure_prone integer not null default 0;
alter table part add column page_yield bigint;
alter table part add column version bigint not null default 1;
