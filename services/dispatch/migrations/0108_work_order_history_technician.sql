-- Who an assignment chose, kept on its history row.
alter table work_order_history add column technician_id text;
