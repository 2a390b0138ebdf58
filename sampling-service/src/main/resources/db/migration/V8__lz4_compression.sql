-- The two large values of a draw — its population chunks (30 MB for a million targets) and its
-- proof (~7 MB for 50,000 selections) — compressed with lz4 instead of pglz: bench/RESULTS.md
-- measured pglz compressing a 50,000-selection proof in ~60 ms and lz4 in ~15 ms, and lz4
-- decompresses several times faster, which is what every draw and every proof download pays.
-- Only values written from now on change; earlier ones stay readable as they are. A PostgreSQL
-- built without lz4 keeps pglz (the statement would fail there), so the migration never blocks a start.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table draw alter column proof set compression lz4;
        alter table draw_population_chunk alter column content set compression lz4;
    end if;
end
$$;
