-- Inventory's answer to a work order's parts request: reserved, backordered, arrived.
alter table work_order add column parts_status text;
