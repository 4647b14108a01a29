-- The customer record a ticket belongs to (customer self-service sees its own only).
alter table ticket add column customer_id text;
create index ticket_customer on ticket (customer_id, ticket_id);
