-- 证据材料: files an inspector group attaches to an assignment. The bytes live in the evidence
-- directory under storage_key; the row is written in the same transaction that makes the file
-- visible (temp file, then move), so a row always has its file.
create table evidence_file (
    id            uuid        primary key,
    assignment_id uuid        not null references assignment (id),
    filename      text        not null,   -- as the uploader named it (shown, never used as a path)
    content_type  text        not null,
    size          bigint      not null check (size >= 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key   text        not null unique,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null
);
create index evidence_file_assignment on evidence_file (assignment_id, uploaded_at);
