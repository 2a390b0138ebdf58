-- Sampling's read model of the catalogue, fed by catalog.matters through the inbox.
create table matter_view (
    code                 text primary key,
    version              integer     not null,
    status               text        not null,
    name                 text        not null,
    category             text        not null,
    ratio_percent        numeric(5, 2),
    ratio_minimum_count  integer,
    state                json        not null, -- the full MatterState as received
    updated_at           timestamptz not null default now()
);
