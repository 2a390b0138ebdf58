-- A targeted case is started like an assignment (开始检查), which issues its inspection notice (亮码检查).
alter table targeted_case add column started_by text;   -- null for cases recorded before this column existed
alter table targeted_case add column started_on date;

-- Recording started a case before: its start is its inspection date (as for an assignment).
update targeted_case set started_on = coalesce(inspected_on, opened_on)
where inspected_on is not null or outcome is not null or status = 'CLOSED';
