-- Manual adjustments of drawn inspector groups (调整执法人员, issue #5). A planner proposes, a
-- different supervisor approves or rejects; the drawn group in draw_selection is never changed, so
-- the draw stays verifiable, and the adjustments are published beside it.
create table group_adjustment (
    id                      uuid        primary key,
    draw_id                 uuid        not null,
    ordinal                 integer     not null,
    entity_id               text        not null,
    status                  text        not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    group_before            json        not null, -- the group when proposed: the drawn one or an earlier adjustment's
    group_after             json        not null,
    replaced_inspector_ids  json        not null,
    replacing_inspector_ids json        not null,
    reason                  text        not null check (length(btrim(reason)) > 0),
    proposed_by             text        not null,
    proposed_at             timestamptz not null,
    decided_by              text,
    decided_at              timestamptz,
    decision_note           text,
    foreign key (draw_id, ordinal) references draw_selection (draw_id, ordinal),
    -- The second person: whoever decides is never the proposer.
    check (decided_by is null or decided_by <> proposed_by),
    check ((status = 'PROPOSED') = (decided_by is null) and (decided_by is null) = (decided_at is null))
);
-- At most one open proposal per selection, so each one is decided against the group it was made for.
create unique index group_adjustment_open on group_adjustment (draw_id, ordinal) where status = 'PROPOSED';
create index group_adjustment_draw on group_adjustment (draw_id, ordinal, decided_at);

-- Recorded immutably: a proposal is decided once, and nothing is ever deleted or rewritten after.
create function group_adjustment_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'group_adjustment % is a record and cannot be deleted', old.id;
    end if;
    if old.status <> 'PROPOSED'
       or new.id <> old.id or new.draw_id <> old.draw_id or new.ordinal <> old.ordinal
       or new.entity_id <> old.entity_id or new.group_before::text <> old.group_before::text
       or new.group_after::text <> old.group_after::text
       or new.replaced_inspector_ids::text <> old.replaced_inspector_ids::text
       or new.replacing_inspector_ids::text <> old.replacing_inspector_ids::text
       or new.reason <> old.reason or new.proposed_by <> old.proposed_by or new.proposed_at <> old.proposed_at then
        raise exception 'group_adjustment % is decided or its proposal would change; it is immutable', old.id;
    end if;
    return new;
end $$;
create trigger group_adjustment_immutable before update or delete on group_adjustment
    for each row execute function group_adjustment_immutable();
