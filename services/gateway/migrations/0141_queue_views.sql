-- Per-account preferences also keep the ticket queue's saved views (a JSON list); an
-- account that set only views keeps an empty language.
alter table account_preference add column queue_views text;
