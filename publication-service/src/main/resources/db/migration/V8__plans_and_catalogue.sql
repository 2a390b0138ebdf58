-- What the public site shows of the annual plans (sampling.plans) and the catalogue
-- (catalog.matters): the latest version of each, kept whole as the events carry them.
create table public_plan (
    plan_id        text        primary key,
    year           integer     not null,
    department     text,
    region         text        not null,
    version        integer     not null,
    amendment_note text,
    published_at   timestamptz not null,
    plan           jsonb       not null
);
create index public_plan_year on public_plan (year desc, region);

create table public_matter (
    code          text    primary key,
    version       integer not null,
    display_order integer,
    name          text    not null,
    status        text    not null,
    matter        jsonb   not null
);
