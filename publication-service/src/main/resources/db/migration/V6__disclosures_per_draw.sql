-- Task ids are unique within a plan only (every year's plan may have a T1): a disclosure belongs
-- to the draw of its task batch, and its items are the inspections of that draw. Batches reported
-- without a draw id keep the (task, batch) key.
alter table disclosure drop constraint disclosure_task_id_batch_key;
create unique index disclosure_draw on disclosure (draw_id) where draw_id is not null;
create unique index disclosure_task_batch on disclosure (task_id, batch) where draw_id is null;
create index result_item_draw on result_item (draw_id);
