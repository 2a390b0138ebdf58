-- Bulk import jobs (issue #4): progress a client polls, and every rejected row with its reason.
create table import_job (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    kind           text        not null check (kind in ('ENTITIES', 'INSPECTORS')),
    mode           text        not null check (mode in ('ALL_OR_NOTHING', 'KEEP_GOOD_ROWS')),
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    file_name      text,
    format         text        not null check (format in ('CSV', 'XLSX')),
    headers        text[]      not null,                     -- as the file gives them, for the rejection file
    bytes_total    bigint      not null,
    bytes_read     bigint      not null default 0,
    rows_read      bigint      not null default 0,
    rows_accepted  bigint      not null default 0,
    rows_rejected  bigint      not null default 0,
    rows_created   bigint      not null default 0,
    rows_updated   bigint      not null default 0,
    rows_unchanged bigint      not null default 0,
    applied        boolean     not null default false,       -- whether any row was committed
    message        text,
    scope_region   text        not null,                     -- the caller's region: rows outside it are rejected
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);

create table import_rejection (
    job_id       uuid   not null references import_job (id) on delete cascade,
    row_number   bigint not null,                            -- as a spreadsheet numbers it (header = 1)
    reason       text   not null,
    cells_sealed bytea  not null,                            -- the row as given, AES-GCM: it may hold ID numbers
    primary key (job_id, row_number)
);
