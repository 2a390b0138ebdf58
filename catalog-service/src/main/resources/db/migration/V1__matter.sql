-- 抽查事项清单 (issue #3). A matter is its code; what it says lives in its versions. A DRAFT version
-- may change; PUBLISHED and RETIRED versions are never updated: a change to a published matter
-- is a new version with its own effective date, retiring one is a last version with status RETIRED.
create table matter (
    code        text primary key,
    created_by  text        not null,
    created_at  timestamptz not null default now()
);

create table matter_version (
    id                       bigint generated always as identity primary key,
    code                     text        not null references matter (code),
    version                  integer     not null check (version >= 1),
    status                   text        not null check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    -- the columns of the attachment (附件), in its order
    display_order            integer check (display_order >= 1),                  -- 序号
    name                     text        not null,                                 -- 抽查事项
    legal_bases              text[]      not null default '{}',                    -- 检查依据
    target_types             text[]      not null default '{}',                    -- 检查对象
    check_items              text[]      not null default '{}',                    -- 检查内容, in order
    category                 text        not null check (category in ('KEY', 'GENERAL')), -- 事项类别
    methods                  text[]      not null default '{}',                    -- 检查方式
    ratio_percent            numeric(5, 2) check (ratio_percent > 0 and ratio_percent <= 100), -- 抽查比例
    ratio_minimum_count      integer check (ratio_minimum_count >= 1),
    frequency_times_per_year integer check (frequency_times_per_year >= 0),         -- 抽查频次
    frequency_as_needed      boolean,
    levels                   text[]      not null default '{}',                    -- 实施层级
    implementing_body        text,
    responsible_units        text[]      not null default '{}',                    -- 责任科室、单位
    -- lifecycle
    effective_from           date,
    source_document          text,
    change_note              text,
    recorded_by              text        not null,
    recorded_at              timestamptz not null default now(),
    unique (code, version),
    check (status = 'DRAFT' or effective_from is not null),
    check ((frequency_times_per_year is null) = (frequency_as_needed is null))
);

-- Seed catalogues applied (e.g. the nine matters of 平人社办〔2020〕47号), so that each is loaded once.
create table catalog_seed (
    name        text primary key,
    matters     integer     not null,
    applied_at  timestamptz not null default now()
);
