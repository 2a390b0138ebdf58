-- Names and codes of inspected entities (from registry.entities, compacted: full state per key), so
-- that published results can be searched by name and natural persons' names masked.
create table entity_view (
    id         text        primary key,
    code       text,
    code_kind  text,
    name       text,
    region     text,
    updated_at timestamptz not null default now()
);
comment on table entity_view is 'publication-service''s copy of registry entities: name, code and code kind only';
