-- The predicted run-out of each fitted consumable, kept with the day the customer is to be
-- contacted, so that the daily job announces it on that day without waiting for a reading.
alter table consumable_fit add column model text not null default '';
alter table consumable_fit add column name text not null default '';
alter table consumable_fit add column pages_left bigint;
alter table consumable_fit add column pages_per_day double precision;
alter table consumable_fit add column empty_on text;
alter table consumable_fit add column contact_on text;
alter table consumable_fit add column predicted_at bigint;
create index consumable_fit_contact on consumable_fit (contact_on);
