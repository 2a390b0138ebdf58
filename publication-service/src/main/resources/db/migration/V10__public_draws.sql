-- The draws as the public site's draw-proof page shows them (sampling.draws): one row per draw,
-- filled by DrawCommitted, then DrawCompleted (the revealed secret) or DrawCancelled (the reason).
create table public_draw (
    draw_id            text        primary key,
    plan_id            text,
    task_id            text,
    batch              integer,
    matter_code        text,
    region             text,
    department         text,
    -- DrawCommitted
    algorithm          text,
    population_size    bigint,
    population_digest  text,
    commitment         text,
    exclusions         jsonb,
    committed_at       timestamptz,
    -- DrawCompleted
    selected_count     bigint,
    group_count        integer,
    selection_digest   text,
    secret             text,
    witness_entropy    text,
    completed_at       timestamptz,
    -- DrawCancelled
    cancel_reason      text,
    cancelled_at       timestamptz
);
create index public_draw_completed on public_draw (completed_at desc, draw_id) where completed_at is not null;
create index public_draw_plan on public_draw (plan_id);
