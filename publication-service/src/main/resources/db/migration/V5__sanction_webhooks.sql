-- Sanction pushes over HTTP webhooks to subscribed agencies (联合惩戒, issue #7): subscriptions managed by
-- admin, one delivery per (subscription, sanction) with an idempotency key, and every attempt logged.
create table webhook_subscription (
    id         uuid        primary key,
    agency     text        not null check (agency <> ''),
    url        text        not null check (url ~ '^https?://'),
    secret     text        not null check (length(secret) >= 16),  -- HMAC-SHA256 key shared with the agency
    active     boolean     not null default true,
    created_by text        not null,
    created_at timestamptz not null default now()
);

create table webhook_delivery (
    id              uuid        primary key,
    subscription_id uuid        not null references webhook_subscription (id),
    sanction_id     text        not null,                         -- also the Idempotency-Key
    body            text        not null,                         -- the SanctionPushed JSON, signed as is
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    created_at      timestamptz not null default now(),
    unique (subscription_id, sanction_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id),
    attempted_at timestamptz not null,
    http_status  integer,
    error        text,
    receipt      text                                            -- the receiver's answer, truncated
);

comment on table webhook_delivery is 'one sanction to one subscribed agency; retried with exponential backoff';
comment on table webhook_attempt is 'delivery log: every attempt with its answer';
