-- The machine (brand and serial) a receipt's visit was for, so that a machine's earlier
-- training visits are counted: its first training is free, later ones are charged.
-- Receipts issued before this column have none and count for no machine.
alter table invoice add column machine_key text;
create index invoice_machine_work_type on invoice (machine_key, work_type);
