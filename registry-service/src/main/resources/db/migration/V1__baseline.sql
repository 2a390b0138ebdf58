-- Baseline of registry-service's own schema; its tables arrive with issue #4.
comment on table outbox_event is 'transactional outbox of registry-service';
