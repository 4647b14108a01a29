-- How each customer wants to hear from the service department, and the company's message
-- texts as one versioned document (absent until first replaced: the built-in texts apply).
alter table customer add column preferred_channel text not null default 'sms';
alter table customer add column language text not null default 'zh-CN';
create table notification_templates (
    id         integer primary key,
    templates  text not null,
    version    bigint not null,
    updated_at bigint not null,
    updated_by text not null
);
