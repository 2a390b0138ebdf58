-- The inspectors of the registry as enforcement needs them for the inspection notice (亮码检查):
-- who they are and their law-enforcement certificate number (执法证号). From registry.inspectors
-- (compacted, full state per event), so the last event of an inspector wins.
create table inspector (
    id                 text        primary key,
    name               text,
    certificate_number text,                  -- null until the registry records one
    department         text,
    region             text,
    status             text        not null,  -- ACTIVE, ON_LEAVE, RETIRED
    updated_at         timestamptz not null
);
