-- Manual adjustments of drawn inspector groups (调整执法人员), as received from sampling-service
-- (GroupAdjusted): one row per adjustment whatever the delivery count, with what was done with it.
-- An open assignment takes the new group (APPLIED); a closed one keeps the group that inspected and
-- the adjustment is recorded as TOO_LATE; a cancelled one is left as it is (ASSIGNMENT_CANCELLED).
create table group_adjustment (
    adjustment_id           text        primary key,
    assignment_id           uuid        not null references assignment (id),
    draw_id                 text        not null,
    ordinal                 integer     not null,
    outcome                 text        not null check (outcome in ('APPLIED', 'TOO_LATE', 'ASSIGNMENT_CANCELLED')),
    previous_inspector_ids  json        not null,
    inspector_ids           json        not null,
    replaced_inspector_ids  json        not null,
    replacing_inspector_ids json        not null,
    reason                  text        not null,
    proposed_by             text        not null,
    approved_by             text        not null,
    approved_at             timestamptz not null,
    received_at             timestamptz not null
);
create index group_adjustment_assignment on group_adjustment (assignment_id);
