-- Working-day calendar (issue #7): each load of a year's holiday notice (国务院办公厅关于XXXX年部分节假日
-- 安排的通知) is a revision; the calendar in force for a year is its highest revision. Append-only:
-- a correction is a new revision, so a deadline computed last month can be explained today.
create table calendar_year_revision (
    id                   bigint generated always as identity primary key,
    year                 integer     not null check (year between 1900 and 2199),
    revision             integer     not null check (revision >= 1),
    notice_id            text        not null check (notice_id <> ''),          -- gov.cn content_<id>
    amending_notice_ids  text[]      not null default '{}',
    source               text,
    days_off             date[]      not null,                                  -- 放假, every date
    working_weekend_days date[]      not null default '{}',                     -- 调休上班
    content_sha256       text        not null,
    origin               text        not null check (origin in ('BUNDLED', 'API')),
    loaded_by            text        not null,
    loaded_at            timestamptz not null default now(),
    unique (year, revision)
);

create function calendar_year_revision_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'calendar_year_revision is append-only: load a new revision instead';
end
$$;

create trigger calendar_year_revision_append_only
    before update or delete on calendar_year_revision
    for each row execute function calendar_year_revision_append_only();

comment on table calendar_year_revision is 'working-day calendar: every load of a year''s holiday notice; the highest revision is in force';
