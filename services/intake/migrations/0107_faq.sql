-- The knowledge base (常见问题汇总): answers agents give on the phone, by product line, and
-- how often each solved a ticket.
create table faq_article (
    article_id   text primary key,
    number       text not null unique,
    product_line text not null references product_line (name),
    question     text not null,
    answer       text not null,
    search_text  text not null,
    uses         bigint not null default 0,
    created_at   bigint not null,
    updated_at   bigint not null
);
create index faq_article_line on faq_article (product_line, uses);
