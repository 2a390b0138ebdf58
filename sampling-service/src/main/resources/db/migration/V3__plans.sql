-- 年度抽查计划: a draft is edited freely; publishing freezes version 1; every later change is a
-- published amendment (a new version), never an edit of a published version.
create table plan (
    id                uuid primary key,
    year              integer     not null,
    title             text        not null,
    department        text        not null,
    region            text        not null,
    status            text        not null check (status in ('DRAFT', 'PUBLISHED')),
    draft             json,        -- PlanContent while DRAFT
    published_version integer     not null default 0,
    created_by        text        not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index plan_year_region on plan (year, region);

create table plan_version (
    id             uuid        primary key,
    plan_id        uuid        not null references plan (id),
    version        integer     not null,
    content        json        not null, -- PlanContent as published
    amendment_note text,                  -- null for version 1
    published_by   text        not null,
    published_at   timestamptz not null,
    unique (plan_id, version)
);
