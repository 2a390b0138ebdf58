-- Disclosures (一公开, issue #7): inspection results collected per task batch, published within 20
-- working days of the batch's completion, with exemptions (不宜公开) recorded and sanctions pushed.

-- One row per InspectionClosed; a result waits for its batch's disclosure (it may arrive first).
create table result_item (
    id                      uuid        primary key,
    inspection_id           text        not null unique,
    task_id                 text,
    batch                   integer,
    draw_id                 text,
    case_id                 text,
    entity_id               text        not null,
    entity_region           text        not null,
    matter_code             text,
    outcome                 text        not null,
    penalty_decision_number text,
    penalty_amount          numeric(18, 2),
    penalty_legal_basis     text,
    started_on              date,
    closed_on               date        not null,
    department              text,
    exempt                  boolean     not null default false,
    exemption_ground        text,                              -- legal ground of 不宜公开
    exempted_by             text,
    exempted_at             timestamptz,
    published_at            timestamptz,                       -- set when its disclosure is published
    received_at             timestamptz not null default now(),
    check (not exempt or exemption_ground is not null)
);
create index result_item_batch on result_item (task_id, batch);
create index result_item_public on result_item (closed_on) where published_at is not null and not exempt;

-- One row per TaskCompleted (task batch).
create table disclosure (
    id                uuid        primary key,
    task_id           text        not null,
    batch             integer     not null,
    draw_id           text,
    region            text        not null,
    department        text,
    assignment_count  bigint      not null,
    completed_on      date        not null,
    due_date          date        not null,
    due_provisional   boolean     not null,
    status            text        not null check (status in ('OPEN', 'PUBLISHED')),
    opened_at         timestamptz not null default now(),
    published_at      timestamptz,
    published_by      text,
    on_time           boolean,
    item_count        integer,
    exempt_count      integer,
    due_soon_sent_at  timestamptz,                            -- PublicationDueSoon emitted (once)
    overdue_sent_at   timestamptz,                            -- PublicationOverdue emitted (once)
    unique (task_id, batch)
);
create index disclosure_open on disclosure (due_date) where status = 'OPEN';

-- Every sanction pushed for joint punishment (联合惩戒); unique per inspection, so pushed once.
create table sanction_push (
    id            uuid        primary key,
    inspection_id text        not null unique,
    disclosure_id uuid        not null references disclosure (id),
    kind          text        not null,
    pushed_at     timestamptz not null
);

comment on table result_item is 'inspection results (InspectionClosed) awaiting or in a disclosure';
comment on table disclosure is 'one disclosure (公示) per completed task batch, due 20 working days after completion';
comment on table sanction_push is 'sanctions pushed on publication.sanctions, once per inspection';
