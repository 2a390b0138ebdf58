-- Storage for draws of a million targets (issue #5, bench/RESULTS.md): the draw streams its
-- population instead of holding it whole, and writes its selection with one COPY.

-- The frozen population file in ordered chunks instead of one bytea, so that a draw reads it one
-- chunk at a time; concatenated in seq order they are the canonical file byte for byte.
create table draw_population_chunk (
    draw_id uuid    not null references draw (id),
    seq     integer not null,
    content bytea   not null,
    primary key (draw_id, seq)
);

-- Earlier draws keep their file: cut into chunks of 1 MiB (an empty file stays one empty chunk).
insert into draw_population_chunk (draw_id, seq, content)
select p.draw_id, s.seq, substring(p.content from s.seq * 1048576 + 1 for 1048576)
  from draw_population p
 cross join lateral generate_series(0, greatest(length(p.content) - 1, 0) / 1048576) as s(seq);

drop table draw_population;

-- A foreign key checks its draw once per selection row (50,000 look-ups, about half the cost of
-- writing a draw of 50,000); this trigger checks every row of a statement in one query. Draw rows
-- are never deleted (V4), so the key's other half, guarding deletes, had nothing to guard.
alter table draw_selection drop constraint draw_selection_draw_id_fkey;

create function draw_selection_names_a_draw() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_selection n where not exists (select 1 from draw d where d.id = n.draw_id)) then
        raise foreign_key_violation using message = 'draw_selection rows name a draw that does not exist';
    end if;
    return null;
end
$$;

create trigger draw_selection_names_a_draw after insert on draw_selection
    referencing new table as new_selection for each statement execute function draw_selection_names_a_draw();
