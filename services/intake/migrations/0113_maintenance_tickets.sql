-- The ticket opened for each planned maintenance visit (one per plan and day).
create table maintenance_ticket (
    plan_id   text not null,
    due_on    text not null,
    ticket_id text not null,
    primary key (plan_id, due_on)
);
