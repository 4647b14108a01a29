-- The weekly chase list of receivables (应收帐款每周跟进): one row per receipt and week
-- (its Monday) billing chased it in (`billing.receivable.overdue`), with the district and the
-- call task that chases it; the task's assignee is the agent the list is filtered by.
create table receivable_chase (
    week            text not null,
    invoice_id      text not null,
    number          text not null,
    customer_name   text not null,
    customer_id     text,
    district        text not null,
    chased_on       text not null,
    age_days        bigint not null,
    bucket          text not null,
    owed_minor      bigint not null,
    currency        text not null,
    iou_promised_on text,
    task_id         text,
    primary key (week, invoice_id)
);
create index receivable_chase_district on receivable_chase (week, district);
