-- The daily report (日报) of each working day, stored whole as written at the report time.
create table daily_report (
    report_day   text primary key,
    report_id    text not null unique,
    body         text not null,
    generated_at bigint not null
);
