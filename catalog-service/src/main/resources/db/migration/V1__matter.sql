-- 抽查事项 (one row per matter; issue #3 adds versions and the full attachment columns).
create table matter (
    code                 text primary key,
    version              integer     not null,
    status               text        not null,
    name                 text        not null,
    category             text        not null,
    ratio_percent        numeric(5, 2),
    ratio_minimum_count  integer,
    created_by           text        not null,
    created_at           timestamptz not null default now()
);
