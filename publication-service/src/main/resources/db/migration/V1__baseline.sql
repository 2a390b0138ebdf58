-- Baseline of publication-service's own schema; its tables arrive with issue #7.
comment on table outbox_event is 'transactional outbox of publication-service';
