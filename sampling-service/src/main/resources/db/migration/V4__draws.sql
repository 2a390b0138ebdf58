-- Draws (DESIGN §5, docs/draw-algorithm.md). A draw row is never deleted; its population, secret
-- and parameters are fixed at commit, its result at execution.
create table draw (
    id                 uuid primary key,
    plan_id            uuid        not null references plan (id),
    plan_version       integer     not null,
    plan_year          integer     not null,
    task_id            text        not null,
    batch              integer     not null,
    matter_code        text        not null,
    matter_version     integer     not null,
    region             text        not null,
    department         text        not null,
    status             text        not null check (status in ('COMMITTED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    algorithm          text        not null,
    specification      json        not null, -- DrawSpec: mode, strata, minimum, control, group rules, batches, rules
    inspector_pool     json        not null, -- the inspectors eligible before per-target rules, frozen at commit
    exclusions         json        not null, -- reason -> count, in the order the reasons are applied
    population_size    bigint      not null,
    population_digest  text        not null,
    commitment         text        not null,
    secret             text        not null, -- hex r; revealed only by DrawCompleted and the proof
    entropy_source     text,                 -- how the witness entropy is (to be) obtained
    witness_entropy    text,
    witness            text,
    selection_digest   text,
    selected_count     integer,
    batch_order        json,                 -- the drawn order of the task's batches, when drawn
    proof              text,                  -- the DrawProof JSON, byte for byte as published
    failure            text,
    cancel_reason      text,
    committed_by       text        not null,
    committed_at       timestamptz not null,
    executed_by        text,
    completed_at       timestamptz,
    cancelled_by       text,
    cancelled_at       timestamptz
);
-- One live draw per task batch: a redraw needs the earlier draw cancelled first (it stays visible).
create unique index draw_live_batch on draw (plan_id, task_id, batch) where status in ('COMMITTED', 'COMPLETED');
create index draw_plan on draw (plan_id, task_id);

-- The canonical population file (SUIJI-SHA256-1 §3.3), byte for byte.
create table draw_population (
    draw_id uuid primary key references draw (id),
    content bytea not null
);

-- Who was left out of the population and why (first reason that applied); auditors read it.
create table draw_exclusion (
    draw_id   uuid not null references draw (id),
    entity_id text not null,
    reason    text not null,
    primary key (draw_id, entity_id)
);

create table draw_selection (
    draw_id               uuid             not null references draw (id),
    ordinal               integer          not null,
    entity_id             text             not null,
    entity_region         text             not null,
    stratum               text             not null,
    inclusion_probability double precision not null,
    control               boolean          not null,
    inspector_ids         text[]           not null,
    primary key (draw_id, ordinal)
);
create index draw_selection_entity on draw_selection (entity_id);
