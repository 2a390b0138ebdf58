-- The audit trail (全程留痕, DESIGN §6; docs/audit.md): one row per write, hash-chained, append-only.
-- The same file is in every service (catalog V2, registry V4, sampling V6, enforcement V8,
-- publication V9); platform's AuditMigrationCopiesTest keeps the copies identical.

create table audit_log (
    sequence      bigint      primary key check (sequence > 0), -- 1, 2, 3 … without gaps
    occurred_at   timestamptz not null,                         -- to the microsecond
    actor         text        not null,                         -- user name, or system:<job>
    roles         text        not null,                         -- the caller's roles, sorted, comma-separated
    region        text,                                         -- the caller's region claim
    action        text        not null,                         -- e.g. plan.published
    target_type   text        not null,
    target_id     text        not null,
    before_digest text,                                         -- SHA-256 of the canonical JSON state; null when created
    after_digest  text,                                         -- null when deleted
    previous_hash text        not null,                         -- 64 zeros for the first row
    hash          text        not null unique
);
create index audit_log_target on audit_log (target_type, target_id);

-- Append-only: a row once written is never changed or removed, not even by the service itself.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op;
end $$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
