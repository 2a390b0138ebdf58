-- Inspection assignments (检查任务分派), one per TargetSelected, and what enforcement knows of each draw.

-- A draw as seen from here: its expected size (DrawCompleted) and whether it was cancelled.
create table draw_status (
    draw_id           text primary key,
    task_id           text,
    batch             integer,
    matter_code       text,
    region            text,
    department        text,
    expected_count    bigint,               -- DrawCompleted.selectedCount; null until it arrives
    cancelled_at      timestamptz,
    cancel_reason     text,
    task_completed_on date                  -- set once TaskCompleted has been emitted
);

create table assignment (
    id                      uuid primary key,
    draw_id                 text        not null,
    task_id                 text        not null,
    batch                   integer     not null,
    matter_code             text        not null,
    matter_version          integer     not null,
    entity_id               text        not null,
    entity_region           text        not null,
    ordinal                 integer     not null,
    control                 boolean     not null,
    batch_start             date,
    batch_end               date,
    status                  text        not null check (status in ('ASSIGNED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED')),
    check_items             json,                 -- the matter version's item numbers, when known
    method                  text,
    findings                json        not null, -- item number -> {result, notes}
    outcome                 text,
    penalty_decision_number text,
    penalty_amount          numeric(14, 2),
    penalty_legal_basis     text,
    outcome_notes           text,
    started_by              text,
    started_on              date,
    closed_on               date,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 integer     not null
);
-- One assignment per selection of a draw, whatever the delivery count.
create unique index assignment_selection on assignment (draw_id, ordinal);
create index assignment_task on assignment (task_id, batch);
create index assignment_region on assignment (entity_region text_pattern_ops);

-- The inspector group; each member confirms the record before it closes (two-person rule, 三(三)).
create table assignment_member (
    assignment_id uuid not null references assignment (id),
    inspector_id  text not null,
    confirmed_at  timestamptz,
    primary key (assignment_id, inspector_id)
);
create index assignment_member_inspector on assignment_member (inspector_id);

-- Targeted cases (投诉举报、转办交办): outside the random draw, inspectors assigned by a person.
create table targeted_case (
    id                      uuid primary key,
    source                  text        not null check (source in ('COMPLAINT', 'REFERRAL', 'TRANSFER')),
    source_reference        text        not null,
    entity_id               text        not null,
    entity_region           text        not null,
    matter_code             text,
    department              text,
    inspector_ids           json        not null,
    assigned_by             text        not null, -- the person who chose the inspectors (not random)
    status                  text        not null check (status in ('OPEN', 'CLOSED')),
    opened_on               date        not null,
    outcome                 text,
    penalty_decision_number text,
    penalty_amount          numeric(14, 2),
    penalty_legal_basis     text,
    outcome_notes           text,
    closed_by               text,
    closed_on               date,
    created_at              timestamptz not null,
    version                 integer     not null
);
create index targeted_case_region on targeted_case (entity_region text_pattern_ops);
