-- Retention (issue #7): a published result stays public for 5 years, one about a natural person for
-- 2 years; then it leaves the public view. The row stays for the bureau and its auditors, with the
-- withdrawal recorded.
alter table result_item
    add column withdrawn_at      timestamptz,
    add column withdrawal_reason text;
create index result_item_to_withdraw on result_item (published_at) where published_at is not null and withdrawn_at is null;
comment on column result_item.withdrawn_at is 'when the result left the public view at the end of its retention period';
