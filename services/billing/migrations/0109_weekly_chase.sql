-- The local day an overdue receipt was last chased: it is chased again a week later while
-- it still owes money. Receipts reminded under the earlier once-per-bucket rule have no day
-- and are chased at the next sweep.
alter table invoice add column chased_on text;
