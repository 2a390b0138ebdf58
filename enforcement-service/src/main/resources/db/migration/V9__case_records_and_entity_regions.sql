-- Targeted cases are recorded and closed the same way as drawn inspections (issue #6): the matter
-- version's check items and the group's record (method, findings, dates, outcome), and each
-- assigned inspector's confirmation (two-person rule, 三(三)).
alter table targeted_case add column matter_version integer;
alter table targeted_case add column check_items json;           -- the matter version's item numbers, when known
alter table targeted_case add column method text;
alter table targeted_case add column findings json not null default '{}';  -- item number -> {result, notes}
alter table targeted_case add column inspected_on date;
alter table targeted_case add column concluded_on date;
alter table targeted_case add column confirmations json not null default '{}'; -- inspector id -> confirmed at

-- The matter version's methods (检查方式): findings must name one of them. Null for rows received
-- before this column existed (then any method is accepted until the matter's next event).
alter table matter_check_items add column methods json;

-- The registry's targets as enforcement needs them: where each one is (registry.entities, full state
-- per event, the last one wins), so that a case's region is the target's and county scoping holds.
create table registry_entity (
    id         text        primary key,
    region     text        not null,
    updated_at timestamptz not null
);

-- Evidence files (证据材料) of a case, as of an assignment: each file belongs to exactly one of them.
alter table evidence_file add column case_id uuid references targeted_case (id);
alter table evidence_file alter column assignment_id drop not null;
alter table evidence_file add constraint evidence_file_one_owner check ((assignment_id is null) <> (case_id is null));
create index evidence_file_case on evidence_file (case_id, uploaded_at);
