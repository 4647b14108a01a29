-- The annual maintenance contract covering a machine (from billing's events).
alter table machine add column contract_number text;
alter table machine add column contract_ends_on text;
