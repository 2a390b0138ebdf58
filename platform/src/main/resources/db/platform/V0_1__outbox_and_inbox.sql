-- Platform tables every service carries (DESIGN §4): the transactional outbox and the inbox.
-- Versions 0.x are reserved for platform migrations; services number theirs from 1.

-- Events are written here in the same transaction as the state change; the relay publishes them.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    event_type   text        not null,
    payload      json        not null, -- json, not jsonb: kept byte for byte as written
    occurred_at  timestamptz not null default now(),
    published_at timestamptz
);
-- The relay only ever scans what is still unpublished, in id order.
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- One row per event a consumer has applied, written in the same transaction as the effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
