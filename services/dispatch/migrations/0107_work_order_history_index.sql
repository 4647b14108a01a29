-- A work order's history is read with the order on every view and change; without this
-- index each read scanned every order's history, and a busy day grew slower by the hour.
create index work_order_history_order on work_order_history (work_order_id, at);
