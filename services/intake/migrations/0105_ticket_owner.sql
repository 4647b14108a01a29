-- The account responsible for a ticket (for complaints: who answers the customer).
alter table ticket add column owner text;
