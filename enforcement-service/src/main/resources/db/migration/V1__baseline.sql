-- Baseline of enforcement-service's own schema; its tables arrive with issue #6.
comment on table outbox_event is 'transactional outbox of enforcement-service';
