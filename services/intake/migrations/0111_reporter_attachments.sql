-- Who reported a request when not the customer's contact, and attached files by reference
-- (JSON).
alter table ticket add column reporter text;
alter table ticket add column attachments text;
