-- Quotations (报价) of chargeable work, offered before it is done and accepted or refused
-- once: the quotation as the API shows it (body), the visit it priced (to charge the
-- call-out of a refusal) and the version an answer names.
create table quotation (
    quotation_id  text primary key,
    work_order_id text not null,
    status        text not null,
    body          text not null,
    visit         text not null,
    version       bigint not null
);
create index quotation_work_order on quotation (work_order_id);
