-- Forecast plans: the assumptions, the lines, and the purchase requests made on approval.
create table forecast_plan (
    plan_id    text primary key,
    body       text not null,
    status     text not null,
    created_at bigint not null,
    version    bigint not null
);
