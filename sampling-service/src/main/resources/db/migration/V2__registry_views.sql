-- Sampling's read models of the registry (registry.entities, registry.inspectors: compacted, full
-- state per key) and of enforcement's facts (enforcement.inspections), fed through the inbox. The
-- draw reads only these local copies. Rebuild: docs in sampling-service/README.md.

-- 检查对象: the columns a draw filters and excludes on; the full EntityState beside them.
create table entity_view (
    id                        text primary key,
    code                      text        not null,
    name                      text        not null,
    region                    text        not null,
    target_types              text[]      not null,
    credit_class              text,       -- A–D; null when not graded
    complaints_last_12_months integer     not null,
    serious_violation         boolean     not null,
    registered_on             date,
    deregistered_on           date,
    last_inspected_by_matter  json        not null, -- matter code -> date, as the registry keeps it
    inspections_this_year     integer     not null,
    inspections_year          integer     not null,
    state                     json        not null,
    updated_at                timestamptz not null default now()
);
create index entity_view_region on entity_view (region text_pattern_ops);

-- 执法检查人员, with the conflicts of interest they declared.
create table inspector_view (
    id                 text primary key,
    name               text        not null,
    certificate_number text,
    department         text,
    region             text        not null,
    expertise          text[]      not null,
    status             text        not null,
    state              json        not null, -- leaves and conflict declarations live here
    updated_at         timestamptz not null default now()
);
create index inspector_view_region on inspector_view (region text_pattern_ops);

-- Targeted (complaint / referral) cases: an entity under an open case is left out of draws.
create table case_view (
    case_id     text primary key,
    entity_id   text,
    matter_code text,
    source      text,
    opened_on   date,
    closed_on   date,  -- null while open
    updated_at  timestamptz not null default now()
);
create index case_view_open on case_view (entity_id) where closed_on is null;

-- Closed inspections: exclusion windows, annual caps and inspector rotation.
create table inspection_history (
    inspection_id text primary key,
    entity_id     text    not null,
    matter_code   text,
    draw_id       text,
    case_id       text,
    department    text,
    outcome       text,
    inspector_ids text[]  not null,
    started_on    date,
    closed_on     date    not null
);
create index inspection_history_entity on inspection_history (entity_id, closed_on);
