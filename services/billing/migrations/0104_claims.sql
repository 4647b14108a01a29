-- Manufacturer claims (厂家索赔): the whole claim as JSON, one open draft per brand.
create table claim (
    claim_id    text primary key,
    number      text not null unique,
    brand_key   text not null,
    status      text not null,
    body        text not null,
    created_at  bigint not null,
    version     bigint not null
);
create unique index claim_open_draft on claim (brand_key) where status = 'draft';
create index claim_status on claim (status, brand_key);

-- What each brand requires on a claim before it is submitted.
create table claim_requirements (
    brand_key text primary key,
    body      text not null
);
