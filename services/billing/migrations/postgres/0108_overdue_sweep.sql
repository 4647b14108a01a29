-- The IOU's promised day as a column, so the overdue sweep selects only the receipts a
-- reminder is due for, however many older ones were reminded already.
alter table invoice add column iou_promised_on text;
update invoice set iou_promised_on = (iou::json ->> 'promised_on') where iou is not null;
