-- The customers' answers to quotations (报价) as billing announces them
-- (`billing.quotation.answered`): a chargeable visit's report needs its work order's
-- quotation accepted.
create table quotation_answer (
    quotation_id  text primary key,
    work_order_id text not null,
    state         text not null,
    answered_at   bigint not null
);
create index quotation_answer_work_order on quotation_answer (work_order_id);
