-- The check items (检查内容) of each catalogue matter version, from catalog.matters; an assignment
-- carries their 1-based numbers so that closing can require every one answered.
create table matter_check_items (
    code       text        not null,
    version    integer     not null,
    items      json        not null, -- the item texts, in catalogue order
    updated_at timestamptz not null,
    primary key (code, version)
);
